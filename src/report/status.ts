import { gatedCount } from '../gate/index.js'
import type { Analysis } from '../model.js'
import type { ReviewState } from './overview.js'

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
    gated: gatedCount(analysis.decision),
    paths: analysis.decision.gatedPaths.length,
    safeguards: safeguardCount(analysis),
    destructive: analysis.summary.destructive,
    digest,
    approvers,
    planProblem: analysis.decision.planProblems[0]
  })
}

/**
 * The same, from the numbers alone: what an approval run, which reads no
 * plan, knows from plangate's earlier status.
 */
export function reviewStatus(review: {
  readonly state: ReviewState
  /** Gated items: destructive changes plus protected-path changes. */
  readonly gated: number
  /** How many of `gated` are protected-path changes (default 0). */
  readonly paths?: number
  /** How many of `gated` are updates that lower a safeguard (default 0). */
  readonly safeguards?: number
  readonly destructive: number
  readonly digest: string
  readonly approvers?: readonly string[]
  readonly planProblem?: string | undefined
  /** For `blocked`: what is missing ("1/2 approvals", "permission check failed for @x"); for `approved`: what applied (a code owners fallback). */
  readonly detail?: string | undefined
}): StatusVerdict {
  const { gated, digest } = review
  const changes = gatedNoun(gated, review.paths ?? 0, review.safeguards ?? 0)
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
 * 1 lowered safeguard and 2 protected paths": how a status counts what it
 * gates. Approval runs read the counts back with {@link gatedCountsOf}, so
 * the two change together.
 */
export function gatedNoun(
  gated: number,
  paths: number,
  safeguards = 0,
  /** Thousands separators, for people; a status keeps plain digits (approval runs read them back). */
  grouped = false
): string {
  const changes = gated - paths - safeguards
  const noun = (n: number, word: string): string =>
    `${grouped ? n.toLocaleString('en-US') : n} ${word}${n === 1 ? '' : 's'}`
  const parts = [
    changes > 0 || (paths === 0 && safeguards === 0)
      ? noun(changes, 'destructive change')
      : '',
    safeguards > 0 ? noun(safeguards, 'lowered safeguard') : '',
    paths > 0 ? noun(paths, 'protected path') : ''
  ].filter((part) => part !== '')
  const last = parts.pop() ?? ''
  return parts.length === 0 ? last : `${parts.join(', ')} and ${last}`
}

const COUNT_IN_STATUS =
  /(\d+) (destructive change|lowered safeguard|protected path)s?(?=[\s:(,]|$)/y

/**
 * The counts a status of ours states ({@link gatedNoun}): every gated item,
 * how many of them are protected paths and how many lowered safeguards.
 * Zero when it states none.
 */
export function gatedCountsOf(description: string): {
  gated: number
  paths: number
  safeguards: number
} {
  const counts = { changes: 0, paths: 0, safeguards: 0 }
  let at = 0
  for (;;) {
    COUNT_IN_STATUS.lastIndex = at
    const match = COUNT_IN_STATUS.exec(description)
    if (match === null) break
    const n = Number(match[1] ?? '0')
    if (match[2] === 'destructive change') counts.changes = n
    else if (match[2] === 'protected path') counts.paths = n
    else counts.safeguards = n
    at = COUNT_IN_STATUS.lastIndex
    const separator = [', ', ' and '].find((s) => description.startsWith(s, at))
    if (separator === undefined) break
    at += separator.length
  }
  return {
    gated: counts.changes + counts.paths + counts.safeguards,
    paths: counts.paths,
    safeguards: counts.safeguards
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
