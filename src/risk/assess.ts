import { matchGlob } from '../attribution/index.js'
import type {
  AttributeChange,
  AttributeValue,
  ChangeRisks,
  Plan,
  ResourceChange,
  Risk
} from '../model.js'
import { thousands } from '../words.js'
import { LIFECYCLE_SAFEGUARDS, SAFEGUARDS, statefulKindOf } from './catalog.js'
import type { Lowering, Safeguard } from './catalog.js'

/** What is at stake and what the gate holds whoever caused it (`always-gate`, `allow`, `churn`). */
export interface RiskPolicy {
  readonly alwaysGate: {
    /** Gate every destroy or replace of a stateful resource. */
    readonly dataLoss: boolean
    /** Gate every change that lowers a safeguard against deletion. */
    readonly protectionLowered: boolean
    /** Address, type or `tag:KEY=VALUE` globs of resources whose destroy, replace or lowered safeguard is always gated. */
    readonly protected: readonly string[]
  }
  /** Address or type globs never gated (except `protected` ones); still listed, marked allowed. */
  readonly allow: readonly string[]
  readonly churn: {
    /** Past this many destructive changes, every one is gated; 0 = off. */
    readonly maxDestructive: number
  }
}

export const DEFAULT_RISK_POLICY: RiskPolicy = {
  alwaysGate: { dataLoss: true, protectionLowered: true, protected: [] },
  allow: [],
  churn: { maxDestructive: 0 }
}

/** The risk assessment of a set of plans. */
export interface RiskAssessment {
  /** Per change with a risk or an `allow` match. */
  readonly changes: ReadonlyMap<ResourceChange, ChangeRisks>
  /** Destructive changes counted for `churn` (allowed ones are not), and whether it is crossed. */
  readonly churn: {
    readonly count: number
    readonly max: number
    readonly crossed: boolean
  }
}

/**
 * Finds what is at stake in each change, beyond its verb: data that a
 * destroy or replace loses, safeguards an update lowers, resources the
 * config protects, and unusual churn. Drift is not assessed: the pull
 * request did not cause it.
 */
export function assessRisks(
  plans: readonly Plan[],
  policy: RiskPolicy = DEFAULT_RISK_POLICY
): RiskAssessment {
  const found = new Map<ResourceChange, { risks: Risk[]; allowedBy?: string }>()
  const churned: ResourceChange[] = []
  for (const plan of plans) {
    for (const change of plan.changes) {
      if (change.mode === 'data') continue
      const risks: Risk[] = []
      const loss = dataLoss(change)
      if (loss !== undefined) risks.push(loss)
      const lowered = protectionLowered(change)
      if (lowered !== undefined) risks.push(lowered)
      const pattern = matchingGlob(policy.alwaysGate.protected, change)
      if (
        pattern !== undefined &&
        (change.destructive || lowered !== undefined)
      )
        risks.push({
          kind: 'protected',
          detail: `matches always-gate.protected glob ${JSON.stringify(pattern)}`
        })
      const allowedBy = matchingGlob(policy.allow, change)
      if (change.destructive && allowedBy === undefined) churned.push(change)
      if (risks.length > 0 || allowedBy !== undefined)
        found.set(change, {
          risks,
          ...(allowedBy === undefined ? {} : { allowedBy })
        })
    }
  }
  const max = policy.churn.maxDestructive
  const crossed = max > 0 && churned.length > max
  if (crossed) {
    for (const change of churned) {
      const entry = found.get(change) ?? { risks: [] }
      entry.risks.push({
        kind: 'churn',
        detail: `${thousands(churned.length)} destructive changes in this pull request, more than churn.max-destructive (${max})`
      })
      found.set(change, entry)
    }
  }
  return { changes: found, churn: { count: churned.length, max, crossed } }
}

/** The first glob of `globs` that matches the change's address, type, CDK path or a tag. */
export function matchingGlob(
  globs: readonly string[],
  change: ResourceChange
): string | undefined {
  return globs.find((glob) => {
    const tag = /^tag:([^=]+)=(.*)$/s.exec(glob)
    if (tag !== null) {
      const [, key = '', value = ''] = tag
      return tagsOf(change).some(
        ([k, v]) => matchGlob(key, k) && matchGlob(value, v)
      )
    }
    return (
      matchGlob(glob, change.address) ||
      matchGlob(glob, change.type) ||
      (change.label !== undefined && matchGlob(glob, change.label))
    )
  })
}

/**
 * The tags (Terraform `tags`/`labels` maps, CloudFormation `Tags` lists)
 * the plan shows on either side: all of them on a destroy, only the
 * changed ones on an update or replace.
 */
function tagsOf(change: ResourceChange): [string, string][] {
  const out: [string, string][] = []
  const cfn = new Map<string, { key?: string; value?: string }>()
  for (const attribute of change.attributes) {
    const text = valueText(attribute.before) ?? valueText(attribute.after)
    if (text === undefined) continue
    const map = /^(?:tags|tags_all|labels|Tags)(?:\["(.*)"\]|\.([^.[]+))$/.exec(
      attribute.path
    )
    if (map !== null) {
      out.push([map[1] ?? map[2] ?? '', text])
      continue
    }
    const list = /^Tags\[(\d+)\]\.(Key|Value)$/.exec(attribute.path)
    if (list !== null) {
      const entry = cfn.get(list[1] ?? '') ?? {}
      if (list[2] === 'Key') entry.key = text
      else entry.value = text
      cfn.set(list[1] ?? '', entry)
    }
  }
  for (const { key, value } of cfn.values())
    if (key !== undefined) out.push([key, value ?? ''])
  return out
}

/**
 * `data-loss`: a destroy or replace of a stateful resource whose old
 * object is not kept (CloudFormation Retain, Terraform `forget` and
 * Pulumi `retainOnDelete` keep it). The detail says what the resource
 * holds and what, if anything, saves the data.
 */
function dataLoss(change: ResourceChange): Risk | undefined {
  if (!change.destructive || change.keepsOld === true) return undefined
  const kind = statefulKindOf(change.type)
  if (kind === undefined) return undefined
  const notes: string[] = []
  if (change.action === 'replace')
    notes.push(
      change.replaceOrder === 'create-first'
        ? 'the replacement is a new, empty object; the old one is deleted once it exists'
        : 'the old object is deleted first; the replacement starts empty'
    )
  if (change.snapshot === true)
    notes.push(
      'a final snapshot is taken before the delete (CloudFormation Snapshot policy): the data can be restored from it'
    )
  if (change.protected === true)
    notes.push('Pulumi refuses the delete while protect is set')
  notes.push(...attributeNotes(change.attributes))
  if (
    change.snapshot !== true &&
    !notes.some((note) => note.includes('snapshot'))
  )
    notes.push('the plan shows no final snapshot or backup of it')
  return {
    kind: 'data-loss',
    detail: `${change.type} holds ${kind.holds}; ${notes.join('; ')}`
  }
}

/** What the destroyed object's own attributes say about its data, named as the plan names them. */
function attributeNotes(attributes: readonly AttributeChange[]): string[] {
  const notes: string[] = []
  const find = (name: string): AttributeChange | undefined =>
    attributes.find((a) => normalPath(a.path).split('.').pop() === name)
  const skip = find('skipfinalsnapshot')
  const identifier = find('finalsnapshotidentifier')
  const identifierText = valueText(identifier?.before)
  if (skip?.before.kind === 'value' && isTrue(skip.before.value))
    notes.push(`${skip.path} is true: no final snapshot is taken`)
  else if (skip?.before.kind === 'value' && identifierText !== undefined)
    notes.push(
      `a final snapshot ${JSON.stringify(identifierText)} is taken first (${identifier?.path ?? ''})`
    )
  else if (skip?.before.kind === 'value')
    notes.push(
      `${skip.path} is false but no final snapshot identifier is set: the provider refuses the delete`
    )
  const protection =
    find('deletionprotection') ?? find('deletionprotectionenabled')
  if (protection?.before.kind === 'value' && isTrue(protection.before.value))
    notes.push(
      `${protection.path} is on: the provider refuses the delete until a change turns it off`
    )
  const force = find('forcedestroy')
  if (force?.before.kind === 'value')
    notes.push(
      isTrue(force.before.value)
        ? `${force.path} is true: every object goes with it`
        : `${force.path} is false: the delete fails while it still holds objects`
    )
  return notes
}

/**
 * `protection-lowered`: an update or replace that removes a safeguard
 * against deletion: a catalog attribute lowered (`deletion_protection`
 * true → false, `force_destroy` false → true, backup retention to 0…), or
 * a tool setting (Pulumi `protect`, CloudFormation `DeletionPolicy`).
 */
function protectionLowered(change: ResourceChange): Risk | undefined {
  if (change.action !== 'update' && change.action !== 'replace')
    return undefined
  const found: string[] = []
  for (const attribute of change.attributes) {
    const safeguard = safeguardAt(attribute.path)
    if (safeguard === undefined) continue
    const how = lowers(safeguard, attribute)
    if (how !== undefined)
      found.push(`${attribute.path} ${how}: ${safeguard.guards}`)
  }
  for (const setting of change.lifecycle ?? []) {
    const safeguard = LIFECYCLE_SAFEGUARDS.find((s) => s.name === setting.name)
    if (safeguard === undefined) continue
    const from = safeguard.from.includes(setting.before)
    const to =
      safeguard.to.includes(setting.after) || setting.after === 'computed'
    if (from && to)
      found.push(
        `${setting.name} ${setting.before} → ${setting.after}: ${safeguard.guards}`
      )
  }
  if (found.length === 0) return undefined
  return { kind: 'protection-lowered', detail: found.join('; ') }
}

/**
 * The safeguards by the last segment of their paths: an attribute's path
 * is looked up by its own last segment (hot: every changed attribute of
 * every update), then matched whole.
 */
const SAFEGUARDS_BY_LEAF = new Map<string, Safeguard[]>()
for (const safeguard of SAFEGUARDS) {
  for (const path of safeguard.paths) {
    const leaf = path.slice(path.lastIndexOf('.') + 1)
    const list = SAFEGUARDS_BY_LEAF.get(leaf) ?? []
    if (!list.includes(safeguard)) list.push(safeguard)
    SAFEGUARDS_BY_LEAF.set(leaf, list)
  }
}

/** The first safeguard (in catalog order) whose path is the attribute's, or ends it. */
function safeguardAt(attributePath: string): Safeguard | undefined {
  // The leaf alone first (hot: most leaves name no safeguard); normalPath
  // neither adds nor removes dots, so it is the normal path's last segment.
  const candidates = SAFEGUARDS_BY_LEAF.get(
    normalPath(attributePath.slice(attributePath.lastIndexOf('.') + 1))
  )
  if (candidates === undefined) return undefined
  const path = normalPath(attributePath)
  return candidates.find((s) =>
    s.paths.some((p) => path === p || path.endsWith(`.${p}`))
  )
}

/** How an attribute change lowers the safeguard ("true → false"), or undefined. */
function lowers(
  safeguard: Safeguard,
  attribute: AttributeChange
): string | undefined {
  const { before, after } = attribute
  if (before.kind === 'sensitive' || before.kind === 'unknown') return undefined
  const was = before.kind === 'absent' ? undefined : before.value
  const arrow = (to: string): string => `${show(was)} → ${to}`
  if (after.kind === 'unknown')
    return isOn(safeguard.lowered, was, safeguard.absentMeans)
      ? arrow('(known after apply)')
      : undefined
  if (after.kind === 'sensitive') return undefined
  const now = after.kind === 'absent' ? undefined : after.value
  if (
    isOn(safeguard.lowered, was, safeguard.absentMeans) &&
    !isOn(safeguard.lowered, now, safeguard.absentMeans)
  )
    return arrow(now === undefined ? 'removed' : show(now))
  return undefined
}

/** Whether a value keeps the safeguard up, for the kind of lowering. */
function isOn(
  lowering: Lowering,
  value: unknown,
  absentMeans: boolean | undefined
): boolean {
  switch (lowering.kind) {
    case 'off':
      return value === undefined || value === null
        ? absentMeans === true
        : isTrue(value)
    case 'on':
      // The dangerous switch: the safeguard is up while it is off.
      return value === undefined || value === null
        ? absentMeans !== true
        : !isTrue(value)
    case 'zero':
      return typeof value === 'number'
        ? value > 0
        : typeof value === 'string' && /^\d+$/.test(value)
          ? Number(value) > 0
          : false
    case 'values':
      // Up while one of `from`; any other value (not only those of `to`) fails closed.
      return (
        (typeof value === 'string' || typeof value === 'boolean') &&
        lowering.from.includes(String(value).toLowerCase())
      )
  }
}

function isTrue(value: unknown): boolean {
  if (value === true) return true
  if (typeof value === 'string')
    return ['true', 'enabled', 'on', 'yes'].includes(value.toLowerCase())
  return false
}

/** `point_in_time_recovery[0].enabled` → `pointintimerecovery.enabled`. */
function normalPath(path: string): string {
  return path
    .replace(/\[\d+\]/g, '')
    .replace(/_/g, '')
    .toLowerCase()
}

function valueText(value: AttributeValue | undefined): string | undefined {
  if (value?.kind !== 'value') return undefined
  const v = value.value
  return typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean'
    ? String(v)
    : undefined
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'unset'
  if (typeof value === 'string')
    return JSON.stringify(
      value.length > 60
        ? `${Array.from(value).slice(0, 57).join('')}...`
        : value
    )
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  return 'a value'
}
