import { Minimatch, minimatch } from 'minimatch'
import { PlanParseError } from '../plan/index.js'
import { walkTree } from './walk.js'

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
    const matches = walkTree(
      cwd,
      staticPrefix(line),
      SKIPPED_DIRS
    ).files.filter((path) => minimatch(path, line, { dot: false }))
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
