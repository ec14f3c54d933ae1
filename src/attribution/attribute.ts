/**
 * Which commits caused each destructive change: for a Terraform resource,
 * the commits whose diffs touched its block (or removed it), the `moved`,
 * `removed` and `import` blocks naming it, the module calls above it, and
 * the variables, locals and resources it refers to. Pure: the shell hands
 * over every file version it needs.
 */
import { posix } from 'node:path'
import type { Plan, ResourceChange } from '../model.js'
import { rememberPerText } from '../memo.js'
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

/** What one attribution run reads once and every change looks up. */
interface Lookups {
  /** The blocks of a file version, parsed once. */
  readonly blocksOf: (
    key: string,
    text: string | undefined
  ) => readonly HclBlock[]
  /** Directory → the positions of the commits with a `.tf` file in it. */
  readonly commitsByDir: ReadonlyMap<string, readonly number[]>
}

/** What in the code stands for one change: blocks to look for, by file directory. */
interface Target {
  readonly dir: string
  readonly label: string
  readonly matches: (block: HclBlock) => boolean
  /**
   * Only these arguments of the block count (`count`, `for_each`,
   * `triggers_replace`, one local); absent: any line of the block.
   */
  readonly children?: readonly string[]
  /** Only the block's removal counts (the plan says its configuration is gone). */
  readonly removal?: true
}

/** The code that stands for one change: narrowed by the plan's reason when it can be, and the whole block. */
interface Targets {
  /** From the plan's `action_reason`; absent when the reason names nothing narrower. */
  readonly precise?: {
    readonly targets: readonly Target[]
    /** The expressions the reason points at, in words, for the fallback's evidence. */
    readonly what: string
  }
  readonly block: readonly Target[]
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
  const lookups: Lookups = {
    blocksOf,
    commitsByDir: indexCommitsByDir(input.commits)
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
      let targets: Targets
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
      const causes = preciseCauses(change, targets, input, lookups)
      result.set(change, { causes, pinned: causes.length > 0 })
    }
  }
  return result
}

/**
 * The commits the plan's own reason points at (the `count` expression for
 * `delete_because_count_index`, say); when the reason names nothing
 * narrower, or nothing it names changed in the range, every commit that
 * touched the block, with the evidence saying that it is block-level.
 */
function preciseCauses(
  change: ResourceChange,
  targets: Targets,
  input: AttributionInput,
  lookups: Lookups
): Cause[] {
  const { precise } = targets
  if (precise !== undefined) {
    const causes = causesOf(precise.targets, input, lookups)
    if (causes.length > 0)
      return causes.map((cause) => ({
        sha: cause.sha,
        how: `${cause.how}; the plan's reason: ${change.reason ?? ''}`
      }))
  }
  const why =
    precise === undefined
      ? `the plan gives no narrower cause (${change.reason ?? 'no action_reason'})`
      : `nothing in ${precise.what} changed in this range`
  return causesOf(targets.block, input, lookups).map((cause) => ({
    sha: cause.sha,
    how: `${cause.how}; block-level: ${why}`
  }))
}

/** First segment of a Terraform path: `tags["Name"]` → `tags`, `ingress[0].cidr` → `ingress`. */
function topArgument(path: string): string {
  const end = path.search(/[.[]/)
  return end === -1 ? path : path.slice(0, end)
}

function targetsOf(change: ResourceChange, plan: Plan, root: string): Targets {
  const map = plan.sourceMap
  if (map === undefined) return { block: [] }
  const address = configAddress(change.address)
  const modulePath = address.modulePath
  const dirOf = (path: readonly string[]): string | undefined => {
    const dir = map.moduleDirs[path.join('.')]
    return dir === undefined ? undefined : posix.join(root, dir)
  }
  const targets: Target[] = []
  /** The moved/removed/import blocks naming the resource: part of the precise cause of a removal. */
  const movedTargets: Target[] = []
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
    movedTargets.push({
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
    targets.push(...movedTargets)
    for (const reference of ownAt(map.references, configAddr) ?? []) {
      const target = referenceTarget(reference, dir)
      if (target !== undefined) targets.push(target)
    }
  }
  const precise =
    dir === undefined
      ? undefined
      : reasonTargets(change, {
          dir,
          kind: address.mode === 'data' ? 'data' : 'resource',
          type: address.type,
          name: address.name,
          expressions: ownAt(map.expressionReferences ?? {}, configAddr) ?? {},
          callDir: dirOf(modulePath.slice(0, -1)),
          call: modulePath[modulePath.length - 1],
          movedTargets
        })
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
  return precise === undefined
    ? { block: targets }
    : { precise, block: targets }
}

/** Where a resource is declared, for the reason-narrowed targets. */
interface Declaration {
  readonly dir: string
  readonly kind: 'resource' | 'data'
  readonly type: string
  readonly name: string
  /** Expression name → what it refers to (`SourceMap.expressionReferences`). */
  readonly expressions: Readonly<Record<string, readonly string[]>>
  /** Directory of the module that calls the resource's module, and the call's name. */
  readonly callDir: string | undefined
  readonly call: string | undefined
  /** The moved/removed/import blocks naming the resource. */
  readonly movedTargets: readonly Target[]
}

/**
 * The code the plan's `action_reason` points at: the `count` or `for_each`
 * expression and what it refers to, the arguments whose change forces a
 * replacement, or the removal of the block. Undefined when the reason names
 * nothing narrower than the block (tainted, requested, triggered by
 * `replace_triggered_by`, no reason).
 */
function reasonTargets(
  change: ResourceChange,
  at: Declaration
): Targets['precise'] {
  const block = (children: readonly string[]): Target => ({
    dir: at.dir,
    label: `${at.kind} "${at.type}" "${at.name}"`,
    matches: (found) =>
      found.type === at.kind &&
      found.labels[0] === at.type &&
      found.labels[1] === at.name,
    children
  })
  const argumentTargets = (names: readonly string[]): Target[] => {
    const targets = [block(names)]
    for (const name of names)
      for (const reference of ownAt(at.expressions, name) ?? []) {
        const target = narrowReferenceTarget(reference, at)
        if (target !== undefined) targets.push(target)
      }
    return targets
  }
  const listed = (names: readonly string[]): string =>
    names.map((name) => `\`${name}\``).join(', ')
  switch (change.reason) {
    case 'delete_because_count_index':
      return {
        targets: argumentTargets(['count']),
        what: 'the `count` expression and what it refers to'
      }
    case 'delete_because_each_key':
      return {
        targets: argumentTargets(['for_each']),
        what: 'the `for_each` expression and what it refers to'
      }
    case 'replace_because_cannot_update': {
      const names = [...new Set(change.replacePaths.map(topArgument))].filter(
        (name) => name !== ''
      )
      if (names.length === 0) return undefined
      return {
        targets: argumentTargets(names),
        what: `${listed(names)} (the replace paths) and what they refer to`
      }
    }
    case 'delete_because_no_resource_config':
      return {
        targets: [
          {
            dir: at.dir,
            label: `${at.kind} "${at.type}" "${at.name}"`,
            matches: (found) =>
              found.type === at.kind &&
              found.labels[0] === at.type &&
              found.labels[1] === at.name,
            removal: true
          },
          ...at.movedTargets
        ],
        what: 'the removal of the block'
      }
    default:
      return undefined
  }
}

/**
 * A reference of one expression, as narrowly as the code shows it: one
 * local of a `locals` block, a module variable's argument in the calling
 * `module` block, a root variable's block, a referenced resource's block.
 */
function narrowReferenceTarget(
  reference: string,
  at: Declaration
): Target | undefined {
  const [head, second] = reference.split('.')
  if (head === 'local' && second !== undefined)
    return {
      dir: at.dir,
      label: `local.${second}`,
      matches: (block) =>
        block.type === 'locals' &&
        block.children.some((child) => child.name === second),
      children: [second]
    }
  if (
    head === 'var' &&
    second !== undefined &&
    at.callDir !== undefined &&
    at.call !== undefined
  ) {
    const call = at.call
    return {
      dir: at.callDir,
      label: `module "${call}"`,
      matches: (block) => block.type === 'module' && block.labels[0] === call,
      children: [second]
    }
  }
  return referenceTarget(reference, at.dir)
}

/** An own property only: names come from the plan (`constructor`, `__proto__`). */
function ownAt<T>(
  record: Readonly<Record<string, T>>,
  key: string
): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
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
  lookups: Lookups
): Cause[] {
  const { blocksOf } = lookups
  const causes: Cause[] = []
  // Hot: 500 changes × 1,000 commits × their files. Group targets by directory once.
  const byDir = new Map<string, Target[]>()
  for (const target of targets) {
    const dir = normalizeDir(target.dir)
    byDir.set(dir, [...(byDir.get(dir) ?? []), target])
  }
  // Only a commit with a `.tf` file in one of those directories can be a cause.
  const touching = commitsTouching(lookups.commitsByDir, byDir.keys())
  for (const at of touching) {
    const commit = input.commits[at] as SourceCommit
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
        how =
          target.children === undefined
            ? blockTouch(target, file, old, now)
            : childTouch(target, target.children, file, old, now)
        // A block cut from one file and pasted into another of its module is moved, not removed.
        if (
          how !== undefined &&
          target.removal === true &&
          movedWithin(commit, file.path, target, input, blocksOf)
        )
          how = undefined
        if (how !== undefined) break
      }
      if (how !== undefined) break
    }
    if (how !== undefined) causes.push({ sha: commit.sha, how })
  }
  return causes
}

/** True when another `.tf` file of the same directory holds the block after the commit. */
function movedWithin(
  commit: SourceCommit,
  path: string,
  target: Target,
  input: AttributionInput,
  blocksOf: (key: string, text: string | undefined) => readonly HclBlock[]
): boolean {
  const dir = dirOfFile(path)
  return commit.files.some((other) => {
    if (other.path === path || !isTerraformFile(other.path)) return false
    if (dirOfFile(other.path) !== dir) return false
    const key = versionKey(commit.sha, other.path)
    const after = blocksOf(`${key}\u0000after`, input.versions.get(key)?.after)
    return after.some(target.matches)
  })
}

/** How a commit touched a whole block, or undefined. */
function blockTouch(
  target: Target,
  file: SourceCommit['files'][number],
  old: HclBlock | undefined,
  now: HclBlock | undefined
): string | undefined {
  if (target.removal === true && !(old !== undefined && now === undefined))
    return undefined
  const touched =
    (old === undefined) !== (now === undefined) ||
    file.hunks.some(
      (hunk) =>
        (now !== undefined && addsWithin(hunk, now)) ||
        (old !== undefined && removesWithin(hunk, old))
    )
  if (!touched) return undefined
  const block = now ?? old
  const verb =
    now === undefined ? 'removed' : old === undefined ? 'added' : 'edited'
  return `${verb} ${target.label} (${file.path}:${block?.startLine ?? '?'}-${block?.endLine ?? '?'})`
}

/**
 * How a commit touched some arguments of a block (`count` of a resource,
 * one local), or undefined: lines added inside them after the commit,
 * removed inside them before, or the argument appearing or going.
 */
function childTouch(
  target: Target,
  names: readonly string[],
  file: SourceCommit['files'][number],
  old: HclBlock | undefined,
  now: HclBlock | undefined
): string | undefined {
  for (const name of names) {
    const was = old?.children.find((child) => child.name === name)
    const is = now?.children.find((child) => child.name === name)
    if (was === undefined && is === undefined) continue
    const touched =
      (was === undefined) !== (is === undefined) ||
      file.hunks.some(
        (hunk) =>
          (is !== undefined && addsWithin(hunk, is)) ||
          (was !== undefined && removesWithin(hunk, was))
      )
    if (!touched) continue
    const child = is ?? was
    const verb =
      is === undefined ? 'removed' : was === undefined ? 'added' : 'changed'
    const lines =
      child === undefined || child.startLine === child.endLine
        ? `${child?.startLine ?? '?'}`
        : `${child.startLine}-${child.endLine}`
    return `${verb} \`${name}\` of ${target.label} (${file.path}:${lines})`
  }
  return undefined
}

/** A block or one of its arguments: 1-based, inclusive lines. */
interface LineRange {
  readonly startLine: number
  readonly endLine: number
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

function addsWithin(hunk: Hunk, block: LineRange): boolean {
  if (hunk.newLines === 0) return false
  const last = hunk.newStart + hunk.newLines - 1
  return hunk.newStart <= block.endLine && last >= block.startLine
}

function removesWithin(hunk: Hunk, block: LineRange): boolean {
  if (hunk.oldLines === 0) return false
  const last = hunk.oldStart + hunk.oldLines - 1
  return hunk.oldStart <= block.endLine && last >= block.startLine
}

/** Blocks live in `.tf` files (`.tf.json` and `.tfvars` are not read yet). */
function isTerraformFile(path: string): boolean {
  return path.endsWith('.tf')
}

/** The directory of a repository path (`''` at the root), remembered: paths repeat across changes. */
const dirOfFile = rememberPerText((path) => {
  const parent = posix.dirname(path)
  return parent === '.' ? '' : parent
})

/** A directory as commits' file paths give it (`''` at the root), remembered: module directories repeat across changes. */
const normalizeDir = rememberPerText((dir) => {
  const plain = posix.normalize(dir)
  return plain === '.' ? '' : plain.replace(/\/$/, '')
})

/** Directory → the positions of the commits with a `.tf` file in it, ascending. */
function indexCommitsByDir(
  commits: readonly SourceCommit[]
): ReadonlyMap<string, readonly number[]> {
  const index = new Map<string, number[]>()
  commits.forEach((commit, at) => {
    for (const file of commit.files) {
      if (!isTerraformFile(file.path)) continue
      const dir = dirOfFile(file.path)
      const list = index.get(dir)
      if (list === undefined) index.set(dir, [at])
      else if (list[list.length - 1] !== at) list.push(at)
    }
  })
  return index
}

/**
 * The positions (in order) of the commits that change a `.tf` file in one
 * of `dirs`: a change in a module no commit touched costs a few lookups,
 * not a walk over every file of every commit (a pull request of 300
 * commits and 20,000 destroyed resources).
 */
function commitsTouching(
  commitsByDir: ReadonlyMap<string, readonly number[]>,
  dirs: Iterable<string>
): readonly number[] {
  let found: number[] | undefined
  let lists = 0
  for (const dir of dirs) {
    const list = commitsByDir.get(dir)
    if (list === undefined) continue
    lists++
    found = found === undefined ? [...list] : found.concat(list)
  }
  if (found === undefined) return []
  // Several directories: in commit order, each commit once.
  return lists === 1 ? found : [...new Set(found)].sort((a, b) => a - b)
}
