/** Everything a flow writes to GitHub and to the runner: the comment, labels, the commit status, the job summary and the JSON report. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gatedCount } from '../gate/index.js'
import type { ApprovalOutcome } from '../gate/index.js'
import { encodeRecord } from '../gate/record.js'
import { writeReportFile } from '../io/index.js'
import type { ReviewRecord } from '../gate/record.js'
import type {
  Account,
  GitHubPort,
  IssueComment,
  PullRequest
} from '../github/port.js'
import type { Analysis } from '../model.js'
import {
  errorStatus,
  gatedChanges,
  MAX_COMMENT_CHARS,
  MAX_RECORD_CHARS,
  recordLine,
  parseMarker,
  itemUrl,
  renderComment,
  writeJsonReport,
  renderReviewJson,
  renderSummary,
  restateAsStale,
  reviewStatus
} from '../report/index.js'
import type {
  GatedCounts,
  ReportReview,
  ReviewState,
  ReviewView,
  StatusVerdict
} from '../report/index.js'
import { VERSION } from '../version.js'
import type { ActionContext } from './context.js'
import type { ActionOutputs, ActionLog, RunDeps } from './types.js'
import { linksOf, findOwnComment, isOwnComment } from './shared.js'

/** Labels plangate manages; they describe, they never authorise. */
export const LABELS = {
  destructive: 'plangate:destructive',
  needsApproval: 'plangate:needs-approval'
} as const

/** Annotations per kind per step that GitHub shows. */
const MAX_ANNOTATIONS = 10

export async function upsertComment(
  deps: RunDeps,
  port: GitHubPort,
  pr: PullRequest,
  existing: IssueComment | undefined,
  review: { analysis: Analysis; view: ReviewView; record?: ReviewRecord }
): Promise<string> {
  const { inputs, log } = deps
  if (inputs.comment === 'off') return ''
  const { view, record } = review
  // The review record rides in the comment for `verify` at apply time, when it fits.
  let line = ''
  if (record !== undefined && record.items.length > 0) {
    line = recordLine(encodeRecord(record))
    if (line.length > MAX_RECORD_CHARS) {
      log.warning(
        `the review record of ${record.items.length} destructive changes takes ${line.length} characters, more than the ${MAX_RECORD_CHARS} a comment can spare: it is left out, and \`verify\` at apply time needs this run's JSON report (report-path) instead`
      )
      line = ''
    }
  }
  const rendered = renderComment(review.analysis, {
    ...view,
    ...(line === '' ? {} : { maxChars: MAX_COMMENT_CHARS - line.length - 1 })
  })
  const { tier, listTier, hidden } = rendered
  const body = line === '' ? rendered.body : `${rendered.body}\n${line}`
  if (tier !== 'full' || hidden > 0)
    log.info(
      `the comment is ${body.length} characters: the full report in the ${tier} tier, the gated list in the ${listTier} tier${hidden > 0 ? `, ${hidden} destructive addresses left to the job summary` : ''}, to fit GitHub's size limit`
    )
  if (inputs.comment === 'update' && existing !== undefined) {
    if (existing.body !== body) await port.updateComment(existing.id, body)
    return String(existing.id)
  }
  const created = await port.createComment(pr.number, body)
  return String(created.id)
}

/**
 * `comment: new` leaves a comment per run: the older ones of this status
 * context say that they are outdated and link to the new one. Best effort:
 * they are display only.
 */
export async function markOlderStale(
  deps: RunDeps,
  port: GitHubPort,
  comments: readonly IssueComment[],
  viewer: Account,
  view: ReviewView,
  newId: string
): Promise<void> {
  const url = itemUrl('comment', Number(newId), view.links)
  for (const comment of comments) {
    if (String(comment.id) === newId) continue
    if (!isOwnComment(comment, viewer, view.statusContext)) continue
    const body = restateAsStale(comment.body, {
      statusContext: view.statusContext,
      headSha: view.headSha,
      ...(url === undefined ? {} : { url }),
      ...(view.links === undefined ? {} : { links: view.links })
    })
    if (body === undefined || body === comment.body) continue
    try {
      await port.updateComment(comment.id, body)
    } catch (error) {
      deps.log.warning(
        `could not mark comment ${comment.id} as outdated: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
}

/**
 * A command for an earlier head: the pull request has moved on, and the
 * sticky comment still offers the earlier head's command. It is restated as
 * outdated, unless a run rewrote it meanwhile (read again just before the
 * write). Best effort: the comment is display only.
 */
export async function markStaleHead(
  deps: RunDeps,
  port: GitHubPort,
  pr: PullRequest,
  viewer: Account,
  statusContext: string
): Promise<void> {
  try {
    const own = findOwnComment(
      await port.listIssueComments(pr.number),
      viewer,
      statusContext
    )
    const marker = own === undefined ? undefined : parseMarker(own.body)
    if (own === undefined || marker === undefined) return
    if (marker.head === pr.headSha) return
    const body = restateAsStale(own.body, {
      statusContext,
      headSha: pr.headSha,
      links: linksOf(deps.context, pr.number)
    })
    if (body === undefined || body === own.body) return
    const again = (await port.listIssueComments(pr.number)).find(
      (c) => c.id === own.id
    )
    if (again?.body !== own.body) return
    await port.updateComment(own.id, body)
  } catch (error) {
    deps.log.warning(
      `could not mark plangate's comment as outdated: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/**
 * What a run decided, not what it hoped: an approval withdrawn while it
 * was being counted (verifyApproved set the status back to failure) leaves
 * the review blocked.
 */
export function decidedState(
  state: ReviewState,
  status: StatusVerdict
): ReviewState {
  return state === 'approved' && status.state !== 'success' ? 'blocked' : state
}

/**
 * After writing `success`, checks that every counted approval still stands
 * (not deleted, not edited, review still approved at the head). An
 * evaluation that read the approvals just before a deletion, and wrote just
 * after the deletion's own evaluation, would otherwise leave a stale
 * success; this sets the status back to failure instead.
 */
export async function verifyApproved(
  deps: RunDeps,
  port: GitHubPort,
  pr: PullRequest,
  statusContext: string,
  outcome: ApprovalOutcome | undefined,
  status: StatusVerdict,
  review: { counts: GatedCounts; digest: string }
): Promise<StatusVerdict> {
  if (outcome === undefined || status.state !== 'success') return status
  for (const person of outcome.approvedBy) {
    for (const candidate of person.candidates) {
      const stands =
        candidate.kind === 'comment'
          ? await port.commentStands(candidate.id)
          : await port.reviewStands(pr.number, candidate.id, pr.headSha)
      if (stands) continue
      deps.log.warning(
        `the approval by @${person.login} changed while it was being counted (${candidate.kind} ${candidate.id}); the status goes back to failure and the next evaluation decides`
      )
      const blocked = reviewStatus({
        state: 'blocked',
        counts: review.counts,
        destructive: gatedChanges(review.counts),
        digest: review.digest
      })
      await setStatus(
        port,
        pr.headSha,
        statusContext,
        blocked,
        deps.context.runUrl
      )
      return blocked
    }
  }
  return status
}

export async function syncLabels(
  port: GitHubPort,
  pr: PullRequest,
  analysis: Analysis,
  state: ReviewState,
  log: ActionLog
): Promise<void> {
  const wanted = new Map<string, boolean>([
    [LABELS.destructive, analysis.summary.destructive > 0],
    [
      LABELS.needsApproval,
      state === 'blocked' || state === 'rejected' || state === 'incomplete'
    ]
  ])
  const present = new Set(pr.labels)
  const add = [...wanted].filter(([l, on]) => on && !present.has(l))
  const remove = [...wanted].filter(([l, on]) => !on && present.has(l))
  try {
    if (add.length > 0)
      await port.addLabels(
        pr.number,
        add.map(([label]) => label)
      )
    for (const [label] of remove) await port.removeLabel(pr.number, label)
  } catch (error) {
    // Labels are a hint for people: failing to set one must not change the decision.
    log.warning(
      `could not update labels: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

export async function setStatus(
  port: GitHubPort,
  sha: string,
  statusContext: string,
  status: StatusVerdict,
  runUrl: string | undefined
): Promise<void> {
  await port.setStatus(sha, {
    state: status.state,
    context: statusContext,
    description: status.description,
    ...(runUrl === undefined ? {} : { targetUrl: runUrl })
  })
}

/** Best effort: an `error` status, so that the gate stays closed and says why. */
export async function reportError(
  deps: RunDeps,
  port: GitHubPort,
  sha: string,
  statusContext: string,
  error: unknown
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  try {
    await setStatus(
      port,
      sha,
      statusContext,
      errorStatus(message),
      deps.context.runUrl
    )
  } catch (statusError) {
    deps.log.warning(
      `could not set the error status on ${sha.slice(0, 12)}: ${statusError instanceof Error ? statusError.message : String(statusError)}`
    )
  }
  deps.log.debug(`GitHub API requests: ${port.requestCount()}`)
}

/** Job summary, annotations, JSON report and outputs. */
export async function finish(
  deps: RunDeps,
  analysis: Analysis,
  commentId: string,
  view: ReviewView,
  review?: ReportReview
): Promise<ActionOutputs> {
  const { log, context } = deps
  for (const warning of analysis.warnings.slice(0, MAX_ANNOTATIONS))
    log.warning(warning)
  annotate(log, analysis)
  const reportPath = join(context.tempDir, 'plangate-report.json')
  // Written in pieces: a large review's report is never one string.
  writeReportFile(reportPath, (write) =>
    writeJsonReport(
      analysis,
      { name: 'plangate', version: VERSION },
      review,
      write
    )
  )
  await log.summary(renderSummary(analysis, view))
  const { state } = view
  const decision =
    state === 'pass' ? 'pass' : state === 'approved' ? 'approved' : 'blocked'
  return {
    decision,
    digest: view.digest,
    counts: { ...analysis.summary },
    gatedCount: gatedCount(analysis.decision),
    reportPath,
    commentId
  }
}

/** Writes the JSON report of a run that read no plan (its review only); returns its path. */
export function writeReviewReport(
  context: ActionContext,
  review: ReportReview
): string {
  const reportPath = join(context.tempDir, 'plangate-report.json')
  writeFileSync(
    reportPath,
    renderReviewJson({ name: 'plangate', version: VERSION }, review)
  )
  return reportPath
}

/**
 * One error annotation per item, up to GitHub's per-step limit: past it,
 * the last annotation says how many more there are.
 */
export function annotateEach<T>(
  log: ActionLog,
  title: string,
  items: readonly T[],
  line: (item: T) => string,
  more: (count: number) => string
): void {
  const shown =
    items.length > MAX_ANNOTATIONS ? MAX_ANNOTATIONS - 1 : items.length
  for (const item of items.slice(0, shown)) log.error(line(item), title)
  if (items.length > shown) log.error(more(items.length - shown), title)
}

/** One error annotation per gated change, up to GitHub's per-step limit. */
export function annotate(log: ActionLog, analysis: Analysis): void {
  annotateEach(
    log,
    'plangate: needs approval',
    analysis.decision.gated,
    (change) =>
      `${change.address} (${change.source}): ${change.action}, ${change.why}`,
    (count) => `${count} more gated changes: see the job summary`
  )
  for (const g of analysis.decision.gatedPaths.slice(0, 3))
    log.error(
      `${g.path === undefined ? 'any protected path' : g.path}: ${g.why}`,
      'plangate: protected path needs approval'
    )
  for (const problem of analysis.decision.planProblems.slice(0, 3))
    log.error(problem, 'plangate: incomplete plan')
}
