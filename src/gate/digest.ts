import { createHash } from 'node:crypto'
import type { Analysis, ChangeAction } from '../model.js'

/** Length of the digest a reviewer types: 64 bits of SHA-256, in lowercase hex. */
export const DIGEST_LENGTH = 16

/** Version of the digest's input layout; a new layout must change every digest. */
export const DIGEST_VERSION = 1

/** Where the gated changes were reviewed: one pull request at one head. */
export interface DigestScope {
  /** `owner/name`. */
  readonly repository: string
  readonly pullNumber: number
  readonly baseRef: string
  readonly headSha: string
}

/** One gated change as the digest sees it. */
export interface DigestItem {
  readonly source: string
  readonly address: string
  readonly action: ChangeAction
  readonly type: string
  /** The tool's reason (Terraform `action_reason`), or empty. */
  readonly reason: string
}

/**
 * The gated changes of an analysis, in a canonical order: what an approval
 * covers. A destructive change that is not gated is not part of it, so
 * approving cannot be needed for it, and adding one to the gate (a policy
 * change) changes the digest.
 */
export function gatedItems(analysis: Analysis): DigestItem[] {
  const items: DigestItem[] = []
  const gatedKeys = new Set(
    analysis.decision.gated.map((g) => `${g.source}\u0000${g.address}`)
  )
  for (const plan of analysis.plans) {
    for (const change of plan.changes) {
      if (!change.destructive) continue
      const verdict = analysis.verdicts?.get(change)
      // Without a history every destructive change is gated (decideGate's strict default).
      const gated =
        verdict === undefined
          ? gatedKeys.has(`${plan.source}\u0000${change.address}`)
          : verdict.gated
      if (!gated) continue
      items.push({
        source: plan.source,
        address: change.address,
        action: change.action,
        type: change.type,
        reason: change.reason ?? ''
      })
    }
  }
  return items.sort(compareItems)
}

/**
 * The digest an approval must quote: SHA-256 over the repository, pull
 * request, base ref, head SHA and the sorted gated changes. Any new push
 * (head), retargeted base or change of the gated set gives a new digest,
 * so an approval never carries over to something the reviewer did not see.
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
    [...items]
      .sort(compareItems)
      .map((item) => [
        item.source,
        item.address,
        item.action,
        item.type,
        item.reason
      ])
  ])
  return createHash('sha256')
    .update(canonical, 'utf8')
    .digest('hex')
    .slice(0, DIGEST_LENGTH)
}

function compareItems(a: DigestItem, b: DigestItem): number {
  return (
    compare(a.source, b.source) ||
    compare(a.address, b.address) ||
    compare(a.action, b.action) ||
    compare(a.type, b.type) ||
    compare(a.reason, b.reason)
  )
}

/** Code-unit order, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
