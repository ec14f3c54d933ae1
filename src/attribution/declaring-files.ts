import { posix } from 'node:path'
import type { Plan } from '../model.js'
import { configAddress, findBlocks } from './hcl-blocks.js'

/*
 * The files that declare each destructive change, for code owners: a
 * Terraform resource's block file, else the file of the module call that
 * brings it in, else its root module's directory; a CloudFormation,
 * Pulumi or CDK change's stack directory. A directory is written with a
 * trailing `/`, and the repository root as `/`.
 */

/** A configuration file read by the shell: repository-relative path and text. */
export interface ConfigFile {
  readonly path: string
  readonly text: string
}

export interface DeclaringInput {
  readonly plans: readonly Plan[]
  /** Plan source → repository-relative directory of its root module (or of the plan file). */
  readonly rootDirs: ReadonlyMap<string, string>
  /** Stack name → repository directory of its source. */
  readonly stackDirs?: Readonly<Record<string, string>>
  /** Repository-relative directory → its Terraform files (see `declaringDirs`). */
  readonly files: ReadonlyMap<string, readonly ConfigFile[]>
}

/** Key of `declaringFiles`' result. */
export function declaringKey(source: string, address: string): string {
  return `${source}\u0000${address}`
}

/** The module directories whose `.tf` files `declaringFiles` needs. */
export function declaringDirs(
  plans: readonly Plan[],
  rootDirs: ReadonlyMap<string, string>
): string[] {
  const dirs = new Set<string>()
  for (const plan of plans) {
    const root = rootDirs.get(plan.source)
    if (plan.sourceMap === undefined || root === undefined) continue
    if (!plan.changes.some((change) => change.destructive)) continue
    for (const dir of Object.values(plan.sourceMap.moduleDirs))
      dirs.add(posix.join(root, dir))
  }
  return [...dirs].sort()
}

/** Every destructive change's declaring files, keyed by `declaringKey(source, address)`. */
export function declaringFiles(input: DeclaringInput): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const blocks = new Map<string, ReturnType<typeof findBlocks>>()
  const blocksOf = (file: ConfigFile): ReturnType<typeof findBlocks> => {
    let found = blocks.get(file.path)
    if (found === undefined) {
      try {
        found = findBlocks(file.text)
      } catch {
        found = []
      }
      blocks.set(file.path, found)
    }
    return found
  }
  const fileWith = (
    dir: string,
    matches: (block: ReturnType<typeof findBlocks>[number]) => boolean
  ): string | undefined =>
    (input.files.get(dir) ?? []).find((file) => blocksOf(file).some(matches))
      ?.path
  for (const plan of input.plans) {
    const root = input.rootDirs.get(plan.source)
    const planDir = asDir(
      (plan.stack === undefined ? undefined : input.stackDirs?.[plan.stack]) ??
        root ??
        posix.dirname(plan.source)
    )
    for (const change of plan.changes) {
      if (!change.destructive) continue
      const key = declaringKey(plan.source, change.address)
      const map = plan.sourceMap
      if (map === undefined || root === undefined) {
        out.set(key, [planDir])
        continue
      }
      let found: string | undefined
      try {
        const address = configAddress(change.address)
        const dirOf = (path: readonly string[]): string | undefined => {
          const dir = map.moduleDirs[path.join('.')]
          return dir === undefined ? undefined : posix.join(root, dir)
        }
        const kind = address.mode === 'data' ? 'data' : 'resource'
        const dir = dirOf(address.modulePath)
        if (dir !== undefined)
          found = fileWith(
            dir,
            (block) =>
              block.type === kind &&
              block.labels[0] === address.type &&
              block.labels[1] === address.name
          )
        // The innermost module call whose caller's code is in the repository.
        for (
          let depth = address.modulePath.length;
          found === undefined && depth > 0;
          depth--
        ) {
          const parent = dirOf(address.modulePath.slice(0, depth - 1))
          const name = address.modulePath[depth - 1]
          if (parent === undefined || name === undefined) continue
          found = fileWith(
            parent,
            (block) => block.type === 'module' && block.labels[0] === name
          )
        }
      } catch {
        found = undefined
      }
      out.set(key, [found ?? asDir(root)])
    }
  }
  return out
}

/** `a/b` → `a/b/`; the repository root → `/`. */
function asDir(dir: string): string {
  const clean = posix.normalize(dir === '' ? '.' : dir).replace(/\/+$/, '')
  return clean === '.' || clean === '' ? '/' : `${clean}/`
}
