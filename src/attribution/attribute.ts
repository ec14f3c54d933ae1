/**
 * Which commits caused each destructive change: for a Terraform resource,
 * the commits whose diffs touched its block (or removed it), the `moved`,
 * `removed` and `import` blocks naming it, the module calls above it, and
 * the variables, locals and resources it refers to. Pure: the shell hands
 * over every file version it needs.
 */
import { posix } from 'node:path'
import type { Plan, ResourceChange } from '../model.js'
import {
  configAddress,
  findBlocks,
  ResourceAddressError
} from './hcl-blocks.js'
import type { HclBlock } from './hcl-blocks.js'
import type { Hunk, SourceCommit } from './port.js'

/** A file's text before and after one commit; absent where it did not exist. */
export interface FileVersions {
  readonly before?: string
  readonly after?: string
}

/** Everything attribution reads, gathered by the shell. */
export interface AttributionInput {
  readonly plans: readonly Plan[]
  /** The reviewed commits, oldest first. */
  readonly commits: readonly SourceCommit[]
  /** `versionKey(sha, path)` → the file around that commit, for every `.tf`/`.tfvars` file a commit changed. */
  readonly versions: ReadonlyMap<string, FileVersions>
  /** Plan source → repository-relative directory of its root module (`''` for the repository root). */
  readonly rootDirs: ReadonlyMap<string, string>
  /** Stack name → repository directory of its source (CloudFormation, CDK). */
  readonly stackDirs?: Readonly<Record<string, string>>
}

/** Why a commit is held responsible for a change. */
export interface Cause {
  readonly sha: string
  /** "edited `resource "aws_db_instance" "main"` (modules/db/main.tf:12-30)". */
  readonly how: string
}

export interface ChangeAttribution {
  readonly causes: readonly Cause[]
  /** False when no commit of the range could be tied to the change. */
  readonly pinned: boolean
}

/** Key of `AttributionInput.versions`. */
export function versionKey(sha: string, path: string): string {
  return `${sha}\u0000${path}`
}

/** What in the code stands for one change: blocks to look for, by file directory. */
interface Target {
  readonly dir: string
  readonly label: string
  readonly matches: (block: HclBlock) => boolean
}

/**
 * Attributes every destructive change of every plan to the commits that
 * caused it. For formats without a source map (CloudFormation, template
 * diffs, Pulumi), only CDK construct ids found in changed source lines can
 * pin a change; the rest stay unpinned for the gate to treat
 * conservatively.
 */
export function attributeChanges(
  input: AttributionInput
): Map<ResourceChange, ChangeAttribution> {
  const result = new Map<ResourceChange, ChangeAttribution>()
  // Every destructive change looks at the same file versions: parse each once.
  const blocks = new Map<string, readonly HclBlock[]>()
  const blocksOf = (
    key: string,
    text: string | undefined
  ): readonly HclBlock[] => {
    if (text === undefined) return []
    let found = blocks.get(key)
    if (found === undefined) {
      found = findBlocks(text)
      blocks.set(key, found)
    }
    return found
  }
  for (const plan of input.plans) {
    const root = input.rootDirs.get(plan.source)
    for (const change of plan.changes) {
      if (!change.destructive) continue
      if (plan.sourceMap === undefined || root === undefined) {
        const byConstruct = constructCauses(change, input.commits)
        const causes =
          byConstruct.length > 0
            ? byConstruct
            : stackDirCauses(plan.stack, input.stackDirs, input.commits)
        result.set(change, { causes, pinned: causes.length > 0 })
        continue
      }
      let targets: Target[]
      try {
        targets = targetsOf(change, plan, root)
      } catch (error) {
        // An address plangate cannot map to configuration: unpinned, which
        // the gate treats conservatively.
        if (error instanceof ResourceAddressError) {
          result.set(change, { causes: [], pinned: false })
          continue
        }
        throw error
      }
      const causes = causesOf(targets, input, blocksOf)
      result.set(change, { causes, pinned: causes.length > 0 })
    }
  }
  return result
}

function targetsOf(change: ResourceChange, plan: Plan, root: string): Target[] {
  const map = plan.sourceMap
  if (map === undefined) return []
  const address = configAddress(change.address)
  const modulePath = address.modulePath
  const dirOf = (path: readonly string[]): string | undefined => {
    const dir = map.moduleDirs[path.join('.')]
    return dir === undefined ? undefined : posix.join(root, dir)
  }
  const targets: Target[] = []
  const dir = dirOf(modulePath)
  const configAddr =
    modulePath.map((name) => `module.${name}.`).join('') +
    (address.mode === 'data' ? 'data.' : '') +
    `${address.type}.${address.name}`
  const localAddr = `${address.mode === 'data' ? 'data.' : ''}${address.type}.${address.name}`
  if (dir !== undefined) {
    const kind = address.mode === 'data' ? 'data' : 'resource'
    targets.push({
      dir,
      label: `${kind} "${address.type}" "${address.name}"`,
      matches: (block) =>
        block.type === kind &&
        block.labels[0] === address.type &&
        block.labels[1] === address.name
    })
    // moved/removed/import blocks live in the module that declares them.
    const names = new Set([localAddr])
    const from =
      change.movedFrom === undefined ? undefined : stripKeys(change.movedFrom)
    if (from !== undefined) names.add(from)
    targets.push({
      dir,
      label: `moved/removed/import block for ${localAddr}`,
      matches: (block) =>
        (block.type === 'moved' ||
          block.type === 'removed' ||
          block.type === 'import') &&
        [block.from, block.to].some((value) => {
          const name = value === undefined ? undefined : stripKeys(value)
          return name !== undefined && names.has(name)
        })
    })
    for (const reference of map.references[configAddr] ?? []) {
      const target = referenceTarget(reference, dir)
      if (target !== undefined) targets.push(target)
    }
  }
  // Every module call above the resource: its count, for_each, arguments
  // and its removal all reach the resource.
  for (let depth = modulePath.length; depth > 0; depth--) {
    const parentDir = dirOf(modulePath.slice(0, depth - 1))
    const name = modulePath[depth - 1]
    if (parentDir === undefined || name === undefined) continue
    targets.push({
      dir: parentDir,
      label: `module "${name}"`,
      matches: (block) => block.type === 'module' && block.labels[0] === name
    })
  }
  return targets
}

/** `var.x`, `local.y`, `aws_vpc.main` (a replace_triggered_by, say) → the block that sets it. */
function referenceTarget(reference: string, dir: string): Target | undefined {
  const parts = reference.split('.')
  const [head, second] = parts
  if (head === undefined || second === undefined) return undefined
  if (head === 'var') {
    return {
      dir,
      label: `variable "${second}"`,
      matches: (block) =>
        block.type === 'variable' && block.labels[0] === second
    }
  }
  if (head === 'local') {
    return {
      dir,
      label: `local.${second}`,
      matches: (block) =>
        block.type === 'locals' &&
        block.children.some((child) => child.name === second)
    }
  }
  if (
    head === 'module' ||
    head === 'each' ||
    head === 'count' ||
    head === 'path' ||
    head === 'terraform' ||
    head === 'self'
  )
    return undefined
  const [type, name] = head === 'data' ? [second, parts[2]] : [head, second]
  if (name === undefined) return undefined
  const kind = head === 'data' ? 'data' : 'resource'
  return {
    dir,
    label: `${kind} "${type}" "${name}" (referenced)`,
    matches: (block) =>
      block.type === kind &&
      block.labels[0] === type &&
      block.labels[1] === name
  }
}

/**
 * `aws_s3_bucket.logs["a"]` → `aws_s3_bucket.logs`; undefined for what is not
 * a resource address (a `moved` block between modules: `from = module.old`).
 */
function stripKeys(address: string): string | undefined {
  try {
    const parsed = configAddress(address)
    return `${parsed.mode === 'data' ? 'data.' : ''}${parsed.type}.${parsed.name}`
  } catch (error) {
    if (error instanceof ResourceAddressError) return undefined
    throw error
  }
}

/**
 * Walks the commits and keeps those whose hunks touch a target block in the
 * file version around that commit: added lines inside the block after the
 * commit, removed lines inside it before, or the block appearing or going.
 */
function causesOf(
  targets: readonly Target[],
  input: AttributionInput,
  blocksOf: (key: string, text: string | undefined) => readonly HclBlock[]
): Cause[] {
  const causes: Cause[] = []
  // Hot: 500 changes × 1,000 commits × their files. Group targets by directory once.
  const byDir = new Map<string, Target[]>()
  for (const target of targets) {
    const dir = normalizeDir(target.dir)
    byDir.set(dir, [...(byDir.get(dir) ?? []), target])
  }
  for (const commit of input.commits) {
    let how: string | undefined
    for (const file of commit.files) {
      if (!isTerraformFile(file.path)) continue
      const relevant = byDir.get(dirOfFile(file.path))
      if (relevant === undefined) continue
      const key = versionKey(commit.sha, file.path)
      const versions = input.versions.get(key)
      const before = blocksOf(`${key}\u0000before`, versions?.before)
      const after = blocksOf(`${key}\u0000after`, versions?.after)
      for (const target of relevant) {
        const old = before.find(target.matches)
        const now = after.find(target.matches)
        if (old === undefined && now === undefined) continue
        const touched =
          (old === undefined) !== (now === undefined) ||
          file.hunks.some(
            (hunk) =>
              (now !== undefined && addsWithin(hunk, now)) ||
              (old !== undefined && removesWithin(hunk, old))
          )
        if (!touched) continue
        const block = now ?? old
        const verb =
          now === undefined ? 'removed' : old === undefined ? 'added' : 'edited'
        how = `${verb} ${target.label} (${file.path}:${block?.startLine ?? '?'}-${block?.endLine ?? '?'})`
        break
      }
      if (how !== undefined) break
    }
    if (how !== undefined) causes.push({ sha: commit.sha, how })
  }
  return causes
}

/** Construct path segments CDK adds below the construct a user names. */
const CDK_INNER_IDS = new Set(['Resource', 'Default'])
/** Source files a CDK app (or a Pulumi program) is written in. */
const APP_SOURCE = /\.(ts|tsx|js|mjs|cjs|py|java|go|cs|fs|kt)$/

/**
 * CDK: the construct path (`Stack/Orders/Table/Resource`) names the
 * construct the app declares (`new Table(this, 'Table')`). The commits whose
 * changed lines quote that id in the app's source are taken as its cause;
 * nothing else ties a CloudFormation resource to source code.
 */
function constructCauses(
  change: ResourceChange,
  commits: readonly SourceCommit[]
): Cause[] {
  if (change.label === undefined) return []
  const ids = change.label
    .split('/')
    .filter((id) => id !== '' && !CDK_INNER_IDS.has(id))
  const id = ids[ids.length - 1]
  // The first segment is the stack: a stack-level id is too broad to mean this resource.
  if (id === undefined || ids.length < 2) return []
  const quoted = [`'${id}'`, `"${id}"`, `\`${id}\``]
  const causes: Cause[] = []
  for (const commit of commits) {
    const hit = commit.files.find(
      (file) =>
        APP_SOURCE.test(file.path) &&
        file.hunks.some((hunk) =>
          [...hunk.added, ...hunk.removed].some((line) =>
            quoted.some((q) => line.includes(q))
          )
        )
    )
    if (hit !== undefined)
      causes.push({
        sha: commit.sha,
        how: `changed a line naming construct '${id}' (${hit.path})`
      })
  }
  return causes
}

/** Fallback for stacks: the commits that touched the stack's source directory (config `stack-dirs`). */
function stackDirCauses(
  stack: string | undefined,
  stackDirs: Readonly<Record<string, string>> | undefined,
  commits: readonly SourceCommit[]
): Cause[] {
  const dir = stack === undefined ? undefined : stackDirs?.[stack]
  if (dir === undefined) return []
  const prefix = `${normalizeDir(dir)}/`
  const causes: Cause[] = []
  for (const commit of commits) {
    const hit = commit.files.find((file) => file.path.startsWith(prefix))
    if (hit !== undefined)
      causes.push({
        sha: commit.sha,
        how: `changed ${hit.path} in the directory of stack ${stack ?? ''} (no line names the resource)`
      })
  }
  return causes
}

function addsWithin(hunk: Hunk, block: HclBlock): boolean {
  if (hunk.newLines === 0) return false
  const last = hunk.newStart + hunk.newLines - 1
  return hunk.newStart <= block.endLine && last >= block.startLine
}

function removesWithin(hunk: Hunk, block: HclBlock): boolean {
  if (hunk.oldLines === 0) return false
  const last = hunk.oldStart + hunk.oldLines - 1
  return hunk.oldStart <= block.endLine && last >= block.startLine
}

/** Blocks live in `.tf` files (`.tf.json` and `.tfvars` are not read yet). */
function isTerraformFile(path: string): boolean {
  return path.endsWith('.tf')
}

const FILE_DIRS = new Map<string, string>()

/** The directory of a repository path (`''` at the root), remembered: paths repeat across changes. */
function dirOfFile(path: string): string {
  let dir = FILE_DIRS.get(path)
  if (dir === undefined) {
    const parent = posix.dirname(path)
    dir = parent === '.' ? '' : parent
    if (FILE_DIRS.size < 100_000) FILE_DIRS.set(path, dir)
  }
  return dir
}

function normalizeDir(dir: string): string {
  const normalized = posix.normalize(dir)
  return normalized === '.' ? '' : normalized.replace(/\/$/, '')
}
