import { readdirSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { Minimatch } from 'minimatch'
import {
  findDirsWithoutPlan,
  isInfraCodeFile,
  MissingPlansError
} from '../gate/index.js'
import { PlanParseError } from '../plan/index.js'
import { staticPrefix } from './plan-globs.js'
import { isDirectory, walkTree } from './walk.js'

/** Directories the walk never descends into; they can still match themselves. */
const UNWALKED_DIRS = new Set(['.git', 'node_modules', '.terraform'])

/** What `require-plans` found: every directory it matched, split by whether it needs a plan. */
export interface RequiredPlans {
  /** Matched directories that hold infrastructure code; each has a plan. */
  readonly covered: readonly string[]
  /** Matched directories without infrastructure code: they need no plan. */
  readonly withoutCode: readonly string[]
}

/**
 * The `require-plans` check, before any plan is read: every directory the
 * patterns match under `cwd` that holds infrastructure code must have one of
 * `planPaths` (the files the `plan` input named, relative to `cwd` or
 * absolute, `-` for standard input) in it. A pattern that matches no
 * directory is an error, and so is a directory without a plan: a stack that
 * nobody planned must not pass as reviewed.
 */
export function checkRequiredPlans(
  patterns: readonly string[],
  planPaths: readonly string[],
  cwd: string
): RequiredPlans {
  const matched = expandRequiredDirs(patterns, cwd)
  const withCode = matched.filter((dir) => holdsInfraCode(join(cwd, dir)))
  const missing = findDirsWithoutPlan(
    withCode,
    planPaths.map((path) => workspacePath(path, cwd))
  )
  if (missing.length > 0) throw new MissingPlansError(missing)
  return {
    covered: withCode,
    withoutCode: matched.filter((dir) => !withCode.includes(dir))
  }
}

/**
 * The directories each pattern matches, as `/`-separated paths relative to
 * `cwd`, sorted per pattern. Hidden directories match too (`dot`), so a
 * stack cannot hide behind a leading dot; a symbolic link to a directory
 * matches, but the walk never follows one.
 */
export function expandRequiredDirs(
  patterns: readonly string[],
  cwd: string
): string[] {
  const out: string[] = []
  for (const pattern of patterns) {
    const matcher = new Minimatch(pattern, { dot: true, magicalBraces: true })
    const matches = matcher.hasMagic()
      ? walkTree(cwd, staticPrefix(pattern), UNWALKED_DIRS).dirs.filter((dir) =>
          matcher.match(dir)
        )
      : isDirectory(join(cwd, pattern))
        ? [pattern]
        : []
    if (matches.length === 0)
      throw new PlanParseError(
        pattern,
        'a require-plans line that matches at least one directory',
        `no directory under ${cwd} matching it`
      )
    out.push(...matches.sort())
  }
  return [...new Set(out)]
}

/** A plan path as the core compares it: relative to `cwd` with `/`, or undefined outside it. */
function workspacePath(path: string, cwd: string): string | undefined {
  if (path === '-') return undefined
  const rel = relative(cwd, resolve(cwd, path))
  if (
    rel === '' ||
    rel === '..' ||
    rel.startsWith(`..${sep}`) ||
    isAbsolute(rel)
  )
    return undefined
  return rel.split(sep).join('/')
}

/** Infrastructure code directly in the directory; an unreadable one counts (fail closed). */
function holdsInfraCode(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some(
      (entry) => !entry.isDirectory() && isInfraCodeFile(entry.name)
    )
  } catch {
    return true
  }
}
