import type { ApprovalOutcome, OwnersOutcome } from '../gate/index.js'
import type { ReviewState } from './overview.js'
import { readAudit } from './comment.js'
import { parseMarker } from './marker.js'

/*
 * What an approval outcome says in the comment and the status: the state,
 * the people, the audit lines, what a still-blocked status adds, and the
 * approvals of earlier heads kept visible as stale.
 */

/** The review state an approval outcome leads to. */
export function stateOf(outcome: ApprovalOutcome): ReviewState {
  switch (outcome.state) {
    case 'approved':
      return 'approved'
    case 'rejected':
      return 'rejected'
    case 'pending':
      return 'blocked'
  }
}

export function approversOf(
  outcome: ApprovalOutcome | undefined,
  state: ReviewState
): string[] {
  if (outcome === undefined) return []
  const people = state === 'rejected' ? outcome.deniedBy : outcome.approvedBy
  return people.map((person) => person.login)
}

/** Who approved or denied what, when: the comment's audit trail. */
export function auditLines(
  outcome: ApprovalOutcome,
  digest: string,
  headSha: string
): string[] {
  const lines: string[] = []
  const at = headSha.slice(0, 12)
  for (const person of outcome.approvedBy) {
    const first = person.candidates[0]
    lines.push(
      `✅ Approved by @${person.login} at ${first?.at ?? '?'} (${first?.kind ?? 'comment'} ${first?.id ?? '?'}) for ${digest} at ${at}`
    )
  }
  for (const person of outcome.deniedBy) {
    const first = person.candidates[0]
    lines.push(
      `⛔ Denied by @${person.login} at ${first?.at ?? '?'} (${first?.kind ?? 'comment'} ${first?.id ?? '?'}) for ${digest} at ${at}`
    )
  }
  if (outcome.state === 'pending' && outcome.approvedBy.length > 0)
    lines.push(
      `${outcome.approvedBy.length} of ${outcome.required} approvals so far`
    )
  return lines
}

/** The stale lines a comment already shows, kept by later runs at the same head. */
export function keptStale(body: string): string[] {
  return readAudit(body).filter((line) => line.startsWith('Stale, '))
}

/**
 * What a still-blocked status adds: approvals so far when more are needed,
 * or why a person's approval could not be counted.
 */
export function pendingDetail(outcome: ApprovalOutcome | undefined): string {
  if (outcome?.state !== 'pending') return ''
  return [ownersDetail(outcome.owners), approvalsDetail(outcome)]
    .filter((part) => part !== '')
    .join('; ')
}

function approvalsDetail(outcome: ApprovalOutcome): string {
  const unknown = [
    ...new Set(
      outcome.rejected
        .filter((r) => r.code === 'permission-unknown')
        .map((r) => `@${r.candidate.login}`)
    )
  ]
  if (unknown.length > 0)
    return `permission check failed for ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ` +${unknown.length - 3}` : ''}`
  if (outcome.rejected.some((r) => r.code === 'teams-unavailable'))
    return 'approver teams unreadable without an App token'
  if (outcome.approvedBy.length > 0)
    return `${outcome.approvedBy.length}/${outcome.required} approvals`
  return ''
}

/**
 * What a status adds to its state: for a blocked review what is missing,
 * for an approved one which code owners fallback applied.
 */
export function statusDetail(
  outcome: ApprovalOutcome | undefined,
  owners?: OwnersOutcome
): string {
  if (outcome === undefined) return ownersDetail(owners)
  if (outcome.state === 'pending') return pendingDetail(outcome)
  if (outcome.state === 'approved') return outcome.owners?.note ?? ''
  return ''
}

/**
 * With code owners: what applied (a fallback, unknown owners) and whose
 * approval is still missing, for the status.
 */
export function ownersDetail(owners: OwnersOutcome | undefined): string {
  if (owners === undefined) return ''
  const waiting = owners.groups
    .filter((group) => group.approvedBy.length === 0)
    .map((group) => group.canApprove[0] ?? 'nobody')
  const parts = [owners.note]
  if (waiting.length > 0)
    parts.push(
      `waiting for ${[...new Set(waiting)].slice(0, 2).join(', ')}${waiting.length > 2 ? ` +${waiting.length - 2}` : ''}`
    )
  return parts.filter((part) => part !== '').join('; ')
}

/** Approvals of an earlier head, kept visible as stale: they no longer count. */
export function staleLines(
  body: string | undefined,
  headSha: string
): string[] {
  if (body === undefined) return []
  const marker = parseMarker(body)
  if (marker === undefined) return []
  if (marker.head === headSha) return keptStale(body)
  return readAudit(body)
    .filter((line) => line.startsWith('✅ Approved by'))
    .map(
      (line) =>
        `Stale, for an earlier head (${marker.head.slice(0, 12)}): ${line.slice(2)}. This head needs a new approval.`
    )
}
