import { gatedCount } from '../gate/index.js'
import type { Analysis } from '../model.js'
import type { ReviewState } from './overview.js'
import { thousands } from './escape.js'

/** GitHub refuses commit status descriptions longer than this. */
export const MAX_STATUS_DESCRIPTION = 140

/** The commit status a review state maps to. */
export interface StatusVerdict {
  readonly state: 'success' | 'failure' | 'error' | 'pending'
  readonly description: string
}

/**
 * The commit status for a review: `success` only when nothing is gated or
 * the gated set is approved, `failure` otherwise. A blocked status carries
 * the digest, so that approval runs (which read no plan) can learn from
 * plangate's own status what the current gated set is.
 */
export function describeStatus(
  analysis: Analysis,
  state: ReviewState,
  digest: string,
  approvers: readonly string[] = []
): StatusVerdict {
  return reviewStatus({
    state,
    counts: gatedCounts(analysis),
    destructive: analysis.summary.destructive,
    digest,
    approvers,
    planProblem: analysis.decision.planProblems[0]
  })
}

/**
 * What a review gates, by kind: the counts its status states and approval
 * runs read back ({@link gatedCountsOf}). Destructive changes are what is
 * left of `gated` after the other kinds ({@link gatedChanges}).
 */
export interface GatedCounts {
  /** Every gated item. */
  readonly gated: number
  /** Protected-path changes. */
  readonly paths: number
  /** Updates held because they lower a safeguard. */
  readonly safeguards: number
  /** Terraform actions held (run on apply). */
  readonly actions: number
}

/** A review that gates nothing. */
export const NOTHING_GATED: GatedCounts = {
  gated: 0,
  paths: 0,
  safeguards: 0,
  actions: 0
}

/** The gated counts of an analysis. */
export function gatedCounts(analysis: Analysis): GatedCounts {
  return {
    gated: gatedCount(analysis.decision),
    paths: analysis.decision.gatedPaths.length,
    safeguards: safeguardCount(analysis),
    actions: analysis.decision.gatedActions.length
  }
}

/** How many gated items are destructive changes. */
export function gatedChanges(counts: GatedCounts): number {
  return counts.gated - counts.paths - counts.safeguards - counts.actions
}

/**
 * The same, from the numbers alone: what an approval run, which reads no
 * plan, knows from plangate's earlier status.
 */
export function reviewStatus(review: {
  readonly state: ReviewState
  readonly counts: GatedCounts
  /** Destructive changes in the plans, gated or not (a passing status counts them). */
  readonly destructive: number
  readonly digest: string
  readonly approvers?: readonly string[]
  readonly planProblem?: string | undefined
  /** For `blocked`: what is missing ("1/2 approvals", "permission check failed for @x"); for `approved`: what applied (a code owners fallback). */
  readonly detail?: string | undefined
}): StatusVerdict {
  const { counts, digest } = review
  const { gated } = counts
  const changes = gatedNoun(counts)
  switch (review.state) {
    case 'pass':
      return {
        state: 'success',
        // The digest binds the reviewed set, for `verify` at apply time; nothing here is to approve.
        description:
          review.destructive === 0
            ? 'no destructive changes'
            : `${review.destructive} destructive, none needs approval${digest === '' ? '' : ` (reviewed ${digest})`}`
      }
    case 'blocked': {
      // The command and digest end the text and are never clipped: approval runs read them back.
      const command = `: /approve-destroy ${digest}`
      const detail =
        review.detail === undefined || review.detail === ''
          ? ''
          : ` (${review.detail})`
      return {
        state: 'failure',
        description:
          clip(
            `${changes} need${gated === 1 ? 's' : ''} approval${detail}`,
            MAX_STATUS_DESCRIPTION - command.length
          ) + command
      }
    }
    case 'approved':
      return {
        state: 'success',
        description: clip(
          `${changes} (${digest}) approved by ${people(review.approvers ?? [])}${review.detail === undefined || review.detail === '' ? '' : `; ${review.detail}`}`
        )
      }
    case 'rejected':
      return {
        state: 'failure',
        description: clip(
          `${changes} (${digest}) denied by ${people(review.approvers ?? [])}`
        )
      }
    case 'incomplete':
      return {
        state: 'failure',
        description: clip(
          `plan incomplete: ${review.planProblem ?? 'see the report'}`
        )
      }
  }
}

/**
 * "2 destructive changes", "1 protected path", "1 destructive change,
 * 1 lowered safeguard and 2 protected paths", "1 Terraform action": how a
 * status counts what it gates. Approval runs read the counts back with
 * {@link gatedCountsOf}, so the two change together.
 */
export function gatedNoun(
  counts: GatedCounts,
  /** Thousands separators, for people; a status keeps plain digits (approval runs read them back). */
  grouped = false
): string {
  const { paths, safeguards, actions } = counts
  const changes = gatedChanges(counts)
  const noun = (n: number, word: string): string =>
    `${grouped ? thousands(n) : n} ${word}${n === 1 ? '' : 's'}`
  const parts = [
    changes > 0 || (paths === 0 && safeguards === 0 && actions === 0)
      ? noun(changes, 'destructive change')
      : '',
    safeguards > 0 ? noun(safeguards, 'lowered safeguard') : '',
    actions > 0 ? noun(actions, 'Terraform action') : '',
    paths > 0 ? noun(paths, 'protected path') : ''
  ].filter((part) => part !== '')
  const last = parts.pop() ?? ''
  return parts.length === 0 ? last : `${parts.join(', ')} and ${last}`
}

const COUNT_IN_STATUS =
  /(\d+) (destructive change|lowered safeguard|Terraform action|protected path)s?(?=[\s:(,]|$)/y

/**
 * The counts a status of ours states ({@link gatedNoun}); zero for each
 * kind it does not state.
 */
export function gatedCountsOf(description: string): GatedCounts {
  const counts = { changes: 0, paths: 0, safeguards: 0, actions: 0 }
  let at = 0
  for (;;) {
    COUNT_IN_STATUS.lastIndex = at
    const match = COUNT_IN_STATUS.exec(description)
    if (match === null) break
    const n = Number(match[1] ?? '0')
    if (match[2] === 'destructive change') counts.changes = n
    else if (match[2] === 'protected path') counts.paths = n
    else if (match[2] === 'Terraform action') counts.actions = n
    else counts.safeguards = n
    at = COUNT_IN_STATUS.lastIndex
    const separator = [', ', ' and '].find((s) => description.startsWith(s, at))
    if (separator === undefined) break
    at += separator.length
  }
  return {
    gated: counts.changes + counts.paths + counts.safeguards + counts.actions,
    paths: counts.paths,
    safeguards: counts.safeguards,
    actions: counts.actions
  }
}

/** Gated changes that are not destructive: updates held because they lower a safeguard. */
export function safeguardCount(analysis: Analysis): number {
  return analysis.decision.gated.filter(
    (g) => g.action !== 'destroy' && g.action !== 'replace'
  ).length
}

/** An `error` status for a run that could not decide. */
export function errorStatus(message: string): StatusVerdict {
  return { state: 'error', description: clip(`plangate error: ${message}`) }
}

/** "@a, @b +2": as many names as fit. */
function people(logins: readonly string[]): string {
  const shown = logins.slice(0, 3).map((login) => `@${login}`)
  const more = logins.length - shown.length
  return `${shown.join(', ')}${more > 0 ? ` +${more}` : ''}` || 'nobody'
}

/**
 * Clips to the limit at a word boundary (a code point boundary when a
 * single word is that long), marking the cut with an ellipsis.
 */
export function clip(text: string, max = MAX_STATUS_DESCRIPTION): string {
  const single = text.replace(/\s+/g, ' ').trim()
  if (single.length <= max) return single
  let out = ''
  for (const point of Array.from(single)) {
    if (out.length + point.length > max - 1) break
    out += point
  }
  const space = out.lastIndexOf(' ')
  if (space >= max * 0.6) out = out.slice(0, space)
  return `${out.replace(/[\s,;:.(-]+$/, '')}…`
}

/**
 * How a review ended, from the text of a status {@link reviewStatus} wrote:
 * `approved` and `pass` (success), `rejected` and `blocked` (failure), and
 * `undecided` for anything else (incomplete plan, error, pending).
 */
export function reviewOutcomeOf(status: {
  readonly state: string
  readonly description: string
}): 'pass' | 'approved' | 'blocked' | 'rejected' | 'undecided' {
  const { state, description } = status
  if (state === 'success')
    return / approved by /.test(description) ? 'approved' : 'pass'
  if (state === 'failure') {
    if (/ denied by /.test(description)) return 'rejected'
    if (
      / approval/.test(description) &&
      / \/approve-destroy /.test(description)
    )
      return 'blocked'
  }
  return 'undecided'
}

/** `… approved by @a, @b +2` → ['a', 'b']: who approved, as an approved status names them. */
export function approversIn(description: string): string[] {
  const at = description.indexOf(' approved by ')
  if (at === -1) return []
  return [
    ...description
      .slice(at + ' approved by '.length)
      .matchAll(/@([A-Za-z0-9-]+(?:\[bot\])?)/g)
  ].map((m) => m[1] ?? '')
}
