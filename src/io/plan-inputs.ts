import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PlanParseError } from '../plan/index.js'
import { fileKind, isSpecialFile } from './file-kinds.js'
import { fileError, readBounded } from './read-plan.js'

/** One plan file to read: a path, or `-` for standard input. */
export interface PlanFileRef {
  /** What reports call it. */
  readonly source: string
  /** What to read: a path, or `-`. */
  readonly path: string
}

/**
 * Expands the paths given on the command line into plan files: a file is
 * itself; a `cdktf.out` directory gives each stack's `plan.json`; any other
 * directory gives its `*.json` files (a root change set and its nested
 * ones, say). Nothing is read yet, so each file can be parsed and freed in
 * turn.
 */
export function expandPlanPaths(
  paths: readonly string[],
  onRepeat: (path: string, first: string) => void = () => undefined
): PlanFileRef[] {
  const refs = paths.flatMap((path) => {
    if (path === '-' || !isDirectory(path)) return [{ source: path, path }]
    return expandDirectory(path)
  })
  // One file named twice (`plan.json ./plan.json`, a link, a directory and a
  // file in it) is one plan: read twice, its changes counted twice.
  const seen = new Map<string, string>()
  return refs.filter((ref) => {
    const key = fileKey(ref.path)
    if (key === undefined) return true
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, ref.path)
      return true
    }
    onRepeat(ref.path, first)
    return false
  })
}

/** A regular file's identity (device and inode), or undefined for anything else. */
function fileKey(path: string): string | undefined {
  if (path === '-') return undefined
  try {
    const stat = statSync(path, { bigint: true })
    return stat.isFile() ? `${stat.dev}:${stat.ino}` : undefined
  } catch {
    return undefined
  }
}

/** True for an existing directory; anything else is left to the reader, which names the problem. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function expandDirectory(dir: string): PlanFileRef[] {
  const manifestPath = join(dir, 'manifest.json')
  if (existsSync(manifestPath)) {
    const manifest = readManifest(manifestPath)
    if (typeof manifest === 'object' && manifest !== null) {
      if ('stacks' in manifest) return cdktfStacks(dir, manifest.stacks)
      if ('artifacts' in manifest) {
        throw new PlanParseError(
          dir,
          'a plan file, a directory of change sets or a cdktf.out directory',
          'a cdk.out directory (one synthesized app)',
          'compare two of them: `plangate review --before OLD/cdk.out --after NEW/cdk.out`'
        )
      }
    }
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
  if (files.length === 0) {
    throw new PlanParseError(
      dir,
      'a plan file, or a directory holding .json plans or change sets',
      'a directory with no .json file'
    )
  }
  return files.map((name) => {
    const path = join(dir, name)
    // A file the directory names by its name: a device or a FIFO there
    // (`x.json -> /dev/zero`) is refused, not read to the size limit.
    const kind = specialKind(path)
    if (kind !== undefined)
      throw new PlanParseError(
        path,
        'a plan file in the directory (a regular file)',
        kind
      )
    return { source: path, path }
  })
}

/** What a path is when it is a device, a FIFO or a socket; undefined for anything else. */
function specialKind(path: string): string | undefined {
  try {
    const stat = statSync(path)
    return isSpecialFile(stat) ? fileKind(stat) : undefined
  } catch {
    return undefined // missing or unreadable: the reader names it
  }
}

/** A manifest of cdk.out or cdktf.out is kilobytes; past this it is not one. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

function readManifest(path: string): unknown {
  let bytes: Buffer | undefined
  try {
    bytes = readBounded(path, MAX_MANIFEST_BYTES)
  } catch (error) {
    throw fileError(path, error)
  }
  if (bytes === undefined)
    throw new PlanParseError(
      path,
      'a JSON manifest of at most 64 MiB',
      'more than that (reading stopped at the limit)'
    )
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown
  } catch {
    throw new PlanParseError(path, 'a JSON manifest', 'a file that is not JSON')
  }
}

/**
 * `cdktf.out/manifest.json` lists the stacks; each stack directory must hold
 * the JSON of its plan. A stack without one fails the run: an unreviewed
 * stack must not pass.
 */
function cdktfStacks(dir: string, stacks: unknown): PlanFileRef[] {
  if (typeof stacks !== 'object' || stacks === null || Array.isArray(stacks)) {
    throw new PlanParseError(
      join(dir, 'manifest.json'),
      'a cdktf manifest whose "stacks" is an object',
      Array.isArray(stacks) ? 'an array' : typeof stacks
    )
  }
  const refs: PlanFileRef[] = []
  for (const [name, stack] of Object.entries(
    stacks as Record<string, unknown>
  )) {
    const workingDirectory =
      typeof stack === 'object' &&
      stack !== null &&
      'workingDirectory' in stack &&
      typeof stack.workingDirectory === 'string'
        ? stack.workingDirectory
        : join('stacks', name)
    const planJson = join(dir, workingDirectory, 'plan.json')
    if (!existsSync(planJson)) {
      const binary = join(dir, workingDirectory, 'plan')
      throw new PlanParseError(
        join(dir, workingDirectory),
        `the plan JSON of cdktf stack "${name}" in plan.json`,
        existsSync(binary) ? 'only the binary plan file' : 'no plan',
        `run ${existsSync(binary) ? '' : `\`cdktf plan ${name}\`, then `}\`terraform -chdir=${join(dir, workingDirectory)} show -json plan > ${planJson}\``
      )
    }
    refs.push({ source: planJson, path: planJson })
  }
  if (refs.length === 0) {
    throw new PlanParseError(
      join(dir, 'manifest.json'),
      'a cdktf manifest with stacks',
      'no stacks'
    )
  }
  return refs
}
