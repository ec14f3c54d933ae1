import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Minimatch, minimatch } from 'minimatch'
import { PlanParseError } from '../plan/index.js'

/** Directories a plan glob never walks into. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules'])

/**
 * Expands the action's `plan` lines: a line without glob characters stays
 * as it is (the reader names a missing file); a glob becomes the sorted
 * files it matches under `cwd` (`plans/**\/*.json`), and a glob that
 * matches nothing is an error, never a silently empty review.
 */
export function expandPlanGlobs(
  lines: readonly string[],
  cwd: string
): string[] {
  const out: string[] = []
  for (const line of lines) {
    // Braces count as a glob: `{a,b}/plan.json` is two paths, not one.
    if (!new Minimatch(line, { magicalBraces: true }).hasMagic()) {
      out.push(line)
      continue
    }
    const matches = walk(cwd, staticPrefix(line)).filter((path) =>
      minimatch(path, line, { dot: false })
    )
    if (matches.length === 0)
      throw new PlanParseError(
        line,
        'a glob that matches at least one plan file',
        `no file under ${cwd} matching it`
      )
    out.push(...matches.sort())
  }
  return [...new Set(out)]
}

/** The directories before the first segment with a glob character or a brace set. */
export function staticPrefix(pattern: string): string {
  const parts = pattern.split('/')
  const fixed: string[] = []
  for (const part of parts.slice(0, -1)) {
    // `{a,b}` alone has no magic for minimatch, but it is not one directory.
    if (new Minimatch(part, { magicalBraces: true }).hasMagic()) break
    fixed.push(part)
  }
  return fixed.join('/')
}

/** Every file under `cwd/dir`, as paths relative to cwd with `/` separators. */
function walk(cwd: string, dir: string): string[] {
  const files: string[] = []
  const pending = [dir]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    let entries
    try {
      entries = readdirSync(join(cwd, next), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      const path = next === '' ? entry.name : `${next}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(path)
      } else if (entry.isFile()) files.push(path)
    }
  }
  return files
}
