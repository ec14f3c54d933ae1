import { createHash } from 'node:crypto'
import type { Analysis, ChangeAction, GatedPath } from '../model.js'

/** Length of the digest a reviewer types: 64 bits of SHA-256, in lowercase hex. */
export const DIGEST_LENGTH = 16

/**
 * Version of the digest's input layout; a new layout must change every digest.
 * 2: every destructive change is an item (with whether it is gated), not only
 * the gated ones, so that the digest binds the whole reviewed set.
 */
export const DIGEST_VERSION = 2

/** Where the changes were reviewed: one pull request at one head. */
export interface DigestScope {
  /** `owner/name`. */
  readonly repository: string
  readonly pullNumber: number
  readonly baseRef: string
  readonly headSha: string
}

/**
 * One destructive change as the digest (and the review record) sees it,
 * or an update the gate holds (one that lowers a safeguard), always with
 * `gated: true`.
 */
export interface ChangeItem {
  readonly kind: 'change'
  /** The plan file the change was read from, as the review named it. */
  readonly source: string
  /** The stack a CloudFormation or Pulumi plan is about; '' for Terraform. */
  readonly stack: string
  readonly address: string
  readonly action: ChangeAction
  readonly type: string
  /** The tool's reason (Terraform `action_reason`), or empty. */
  readonly reason: string
  /** Whether the gate held it: an approval covers exactly the gated items. */
  readonly gated: boolean
  /** Files that declare the change (for code owners), when known; repository-relative. */
  readonly files?: readonly string[]
}

/** A change of a protected path by one commit (`protected-paths`): always gated. */
export interface PathItem {
  readonly kind: 'path'
  /** The path; '' when the commit's diff could not be read (it may have changed any). */
  readonly path: string
  /** The path before a rename; '' otherwise. */
  readonly previousPath: string
  readonly status: GatedPath['status']
  /** The commit that changed it. */
  readonly sha: string
  readonly gated: true
}

/**
 * A Terraform action invocation held like a destructive change (run on a
 * destroy, or invoked without a resource change). Only gated ones are items.
 */
export interface ActionItem {
  readonly kind: 'action'
  readonly source: string
  /** The action's address (`action.aws_lambda_invoke.notify`). */
  readonly address: string
  /** `invoke`, or the lifecycle event as the plan spells it. */
  readonly trigger: string
  /** The resource that triggers or calls it; '' when none. */
  readonly triggeringResource: string
  readonly gated: true
}

/** One reviewed item: a destructive change, or another kind of gated item. */
export type DigestItem = ChangeItem | PathItem | ActionItem

/**
 * The destructive changes of an analysis, in a canonical order, each with
 * whether the gate holds it: what a review covers. The digest binds them
 * all, so that what a review showed (gated or not) can be recomputed from
 * the record and cannot be edited unnoticed.
 */
export function reviewedItems(analysis: Analysis): DigestItem[] {
  const items: DigestItem[] = []
  // Source → gated addresses: looked up per change without building a key.
  const gatedBySource = new Map<string, Set<string>>()
  for (const g of analysis.decision.gated) {
    const addresses = gatedBySource.get(g.source) ?? new Set<string>()
    addresses.add(g.address)
    gatedBySource.set(g.source, addresses)
  }
  for (const plan of analysis.plans) {
    const gatedHere = gatedBySource.get(plan.source)
    for (const change of plan.changes) {
      const verdict = analysis.verdicts?.get(change)
      // Without a history every destructive change is gated (decideGate's strict default).
      const gated =
        verdict === undefined
          ? gatedHere?.has(change.address) === true
          : verdict.gated
      // An update is reviewed only when the gate holds it (a lowered safeguard).
      if (!change.destructive && !gated) continue
      items.push({
        kind: 'change',
        source: plan.source,
        stack: plan.stack ?? '',
        address: change.address,
        action: change.action,
        type: change.type,
        reason: change.reason ?? '',
        gated
      })
    }
  }
  for (const g of analysis.decision.gatedActions)
    items.push({
      kind: 'action',
      source: g.source,
      address: g.address,
      trigger: g.trigger,
      triggeringResource: g.triggeringResource,
      gated: true
    })
  for (const g of analysis.decision.gatedPaths)
    items.push({
      kind: 'path',
      path: g.path ?? '',
      previousPath: g.previousPath ?? '',
      status: g.status,
      sha: g.sha.toLowerCase(),
      gated: true
    })
  return items.sort(compareItems)
}

/**
 * The gated items of an analysis, in a canonical order: what an approval
 * covers. A destructive change that is not gated is not among them, so
 * approving cannot be needed for it (it is still bound by the digest).
 */
export function gatedItems(analysis: Analysis): DigestItem[] {
  return reviewedItems(analysis).filter((item) => item.gated)
}

/**
 * The digest an approval must quote: SHA-256 over the repository, pull
 * request, base ref, head SHA and every reviewed item, gated or not. Any new
 * push (head), retargeted base or change of the reviewed set gives a new
 * digest, so an approval never carries over to something the reviewer did
 * not see.
 */
export function computeDigest(
  scope: DigestScope,
  items: readonly DigestItem[]
): string {
  const canonical = JSON.stringify([
    DIGEST_VERSION,
    scope.repository.toLowerCase(),
    scope.pullNumber,
    scope.baseRef,
    scope.headSha.toLowerCase(),
    [...items].sort(compareItems).map(canonicalItem)
  ])
  return createHash('sha256')
    .update(canonical, 'utf8')
    .digest('hex')
    .slice(0, DIGEST_LENGTH)
}

/** The fields of an item in a fixed order: a field added later cannot collide with an old layout. */
function canonicalItem(item: DigestItem): unknown[] {
  if (item.kind === 'action')
    return [
      item.kind,
      item.source,
      item.address,
      item.trigger,
      item.triggeringResource,
      item.gated
    ]
  if (item.kind === 'path')
    return [
      item.kind,
      item.path,
      item.previousPath,
      item.status,
      item.sha.toLowerCase(),
      item.gated
    ]
  return [
    item.kind,
    item.source,
    item.stack,
    item.address,
    item.action,
    item.type,
    item.reason,
    item.gated,
    [...(item.files ?? [])].sort(compare)
  ]
}

function compareItems(a: DigestItem, b: DigestItem): number {
  if (a.kind === 'action' || b.kind === 'action') {
    if (a.kind !== 'action' || b.kind !== 'action')
      return compare(a.kind, b.kind)
    return (
      compare(a.source, b.source) ||
      compare(a.address, b.address) ||
      compare(a.trigger, b.trigger) ||
      compare(a.triggeringResource, b.triggeringResource)
    )
  }
  if (a.kind === 'path' || b.kind === 'path') {
    if (a.kind !== 'path' || b.kind !== 'path') return compare(a.kind, b.kind)
    return (
      compare(a.path, b.path) ||
      compare(a.previousPath, b.previousPath) ||
      compare(a.sha, b.sha) ||
      compare(a.status, b.status)
    )
  }
  return (
    compare(a.kind, b.kind) ||
    compare(a.source, b.source) ||
    compare(a.stack, b.stack) ||
    compare(a.address, b.address) ||
    compare(a.action, b.action) ||
    compare(a.type, b.type) ||
    compare(a.reason, b.reason) ||
    Number(a.gated) - Number(b.gated)
  )
}

/** Code-unit order, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
