import type { Analysis, ChangeAction } from '../model.js'
import { plural, thousands } from '../words.js'
import type { ChangeItem } from './digest.js'
import type { ReviewRecord } from './record.js'

/*
 * `verify`: before apply, every destructive change of the plan about to be
 * applied must have been shown in a merged pull request's review, and every
 * one that review gated must have been approved there. Matching is by what a
 * change is (stack, address, action, type), never by file path or head: the
 * apply plan is made later, elsewhere, from another commit.
 */

/** A review's outcome as plangate's own status recorded it. */
export type ReviewOutcome =
  /** Nothing was gated (or nothing destructive): nothing needed approval. */
  | 'pass'
  /** The gated set was approved by eligible people. */
  | 'approved'
  /** Gated and not approved when it was merged. */
  | 'blocked'
  /** An eligible person denied the digest. */
  | 'rejected'
  /** The review could not decide (incomplete plan, error, no status). */
  | 'undecided'

/** One pull request that brought the commit, as far as plangate can vouch for it. */
export interface ReviewedPull {
  readonly number: number
  readonly url?: string
  readonly outcome: ReviewOutcome
  /** Who approved (for the report); empty unless approved. */
  readonly approvedBy: readonly string[]
  /** The trusted record of what the review showed; undefined when there is none. */
  readonly record?: ReviewRecord
  /** Why the review cannot be used in full (no record, record edited, status text): shown as is. */
  readonly problem?: string
  /** Where the review was read: a report file offline; unset for a pull request. */
  readonly source?: string
}

export type VerifiedState =
  /** Shown in review and approved there. */
  | 'approved'
  /** Shown in review, not gated there. */
  | 'reviewed'
  /** Shown in review and gated, but never approved. */
  | 'unapproved'
  /** Never shown in any review of the pull requests that brought the commit. */
  | 'unreviewed'

export interface VerifiedChange {
  readonly source: string
  readonly stack: string
  readonly address: string
  readonly action: ChangeAction
  readonly type: string
  readonly state: VerifiedState
  /** The pull request the change was reviewed in (or should have come from). */
  readonly pull?: number
  /** In words, for the reports. */
  readonly detail: string
}

export interface VerifyResult {
  readonly verdict: 'verified' | 'blocked'
  /** Every destructive change of the applied plans, in plan order. */
  readonly changes: readonly VerifiedChange[]
  /** Reasons to block that are not about one change. */
  readonly problems: readonly string[]
  /** One line for people. */
  readonly summary: string
}

/** The identity a change is matched by. */
function keyOf(change: {
  stack: string
  address: string
  action: string
  type: string
}): string {
  return JSON.stringify([
    change.stack,
    change.address,
    change.action,
    change.type
  ])
}

/**
 * Checks the plans about to be applied against the reviews of the pull
 * requests that brought them. Fails closed: no pull request, an untrusted
 * record, a pull request merged while blocked or denied, a change no review
 * showed, or an incomplete plan, all block.
 */
export function verifyAgainstReviews(
  analysis: Analysis,
  pulls: readonly ReviewedPull[]
): VerifyResult {
  const problems: string[] = [...analysis.decision.planProblems]
  const reviewed = new Map<string, { pull: ReviewedPull; item: ChangeItem }[]>()
  for (const pull of pulls) {
    if (pull.problem !== undefined)
      problems.push(`${nameOf(pull)}: ${pull.problem}`)
    if (pull.outcome === 'blocked')
      problems.push(
        `${nameOf(pull)} ${pull.source === undefined ? 'was merged while plangate blocked it' : 'is a blocked review'} (its gated changes were never approved)`
      )
    else if (pull.outcome === 'rejected')
      problems.push(
        `${nameOf(pull)} ${pull.source === undefined ? 'was merged although' : 'says'} its destructive changes were denied`
      )
    else if (pull.outcome === 'undecided')
      problems.push(
        `${nameOf(pull)} ${pull.source === undefined ? 'was merged without a plangate decision for its head' : 'holds no decision (incomplete plan)'}`
      )
    for (const item of pull.record?.items ?? []) {
      if (item.kind !== 'change') continue
      const key = keyOf(item)
      const list = reviewed.get(key) ?? []
      list.push({ pull, item })
      reviewed.set(key, list)
    }
  }

  const changes: VerifiedChange[] = []
  for (const plan of analysis.plans) {
    for (const change of plan.changes) {
      if (!change.destructive) continue
      const identity = {
        source: plan.source,
        stack: plan.stack ?? '',
        address: change.address,
        action: change.action,
        type: change.type
      }
      changes.push({
        ...identity,
        ...judge(reviewed.get(keyOf(identity)), pulls)
      })
    }
  }
  // Terraform actions the gate holds (run on a destroy, or -invoke) need an
  // approved review that listed the same action: there is no resource to match.
  for (const action of analysis.decision.gatedActions) {
    const covered = pulls.some(
      (pull) =>
        pull.outcome === 'approved' &&
        (pull.record?.items ?? []).some(
          (item) =>
            item.kind === 'action' &&
            item.address === action.address &&
            item.trigger === action.trigger &&
            item.triggeringResource === action.triggeringResource
        )
    )
    if (!covered)
      problems.push(
        `${action.source}: Terraform action ${action.address} (${action.trigger}) runs on apply, and no approved review listed it`
      )
  }
  if (changes.length > 0 && pulls.length === 0)
    problems.unshift(
      'no merged pull request brought this commit: nobody reviewed its destructive changes'
    )
  const bad = changes.filter(
    (c) => c.state === 'unapproved' || c.state === 'unreviewed'
  )
  // Nothing destructive to apply: the plan cannot destroy what nobody approved.
  const relevant =
    changes.length > 0 || analysis.decision.gatedActions.length > 0
      ? problems
      : analysis.decision.planProblems
  const verified = bad.length === 0 && relevant.length === 0
  return {
    verdict: verified ? 'verified' : 'blocked',
    changes,
    problems: relevant,
    summary: summarize(changes, bad, relevant)
  }
}

function judge(
  found: readonly { pull: ReviewedPull; item: ChangeItem }[] | undefined,
  pulls: readonly ReviewedPull[]
): Pick<VerifiedChange, 'state' | 'pull' | 'detail'> {
  const expected = pulls.length === 1 ? pulls[0]?.number : undefined
  if (found === undefined || found.length === 0)
    return {
      state: 'unreviewed',
      ...(expected === undefined ? {} : { pull: expected }),
      detail:
        pulls.length === 0
          ? 'no pull request brought this commit'
          : `never shown in the review of ${pullList(pulls)}`
    }
  // The best standing of the reviews that showed it.
  for (const { pull, item } of found) {
    if (!item.gated && (pull.outcome === 'pass' || pull.outcome === 'approved'))
      return {
        state: 'reviewed',
        pull: pull.number,
        detail: `shown in ${shortName(pull)}, not gated there`
      }
    if (item.gated && pull.outcome === 'approved')
      return {
        state: 'approved',
        pull: pull.number,
        detail: `approved in ${shortName(pull)}${pull.approvedBy.length === 0 ? '' : ` by ${pull.approvedBy.map((l) => `@${l}`).join(', ')}`}`
      }
  }
  const first = found[0]!
  return {
    state: 'unapproved',
    pull: first.pull.number,
    detail: first.item.gated
      ? `gated in ${shortName(first.pull)} and never approved (${first.pull.outcome})`
      : `shown in ${shortName(first.pull)}, whose review ended ${first.pull.outcome}`
  }
}

function pullList(pulls: readonly ReviewedPull[]): string {
  return pulls.map(shortName).join(', ')
}

/** `pull request #7`; offline, with the report file it was read from. */
function nameOf(pull: ReviewedPull): string {
  if (pull.source === undefined) return `pull request #${pull.number}`
  return pull.number > 0
    ? `pull request #${pull.number} (the review in ${pull.source})`
    : `the review in ${pull.source}`
}

/** `#7`; offline without a pull request, the report file. */
function shortName(pull: ReviewedPull): string {
  return pull.source === undefined || pull.number > 0
    ? `#${pull.number}`
    : `the review in ${pull.source}`
}

function summarize(
  changes: readonly VerifiedChange[],
  bad: readonly VerifiedChange[],
  problems: readonly string[]
): string {
  const n = changes.length
  const what = plural(n, 'destructive change')
  if (bad.length === 0 && problems.length === 0)
    return n === 0
      ? 'verified: nothing destructive to apply'
      : `verified: ${what}, each reviewed and, where gated, approved`
  if (bad.length === 0) return `blocked: ${problems[0]}`
  const unreviewed = bad.filter((c) => c.state === 'unreviewed').length
  const unapproved = bad.length - unreviewed
  const parts = [
    unreviewed > 0 ? `${thousands(unreviewed)} never reviewed` : '',
    unapproved > 0 ? `${thousands(unapproved)} never approved` : ''
  ].filter((p) => p !== '')
  return `blocked: ${what}, ${parts.join(' and ')}`
}
