/** Flow: `issue_comment` and `pull_request_review`: counting approvals against plangate's published review. */
import { isBot, usesCodeowners } from '../../gate/index.js'
import type {
  ApprovalOutcome,
  ApprovalPolicy,
  Ownership,
  ReviewRecord
} from '../../gate/index.js'
import type { Account, GitHubPort, PullRequest } from '../../github/port.js'
import {
  gatedChanges,
  parseMarker,
  restateComment,
  reviewStatus,
  approversOf,
  auditLines,
  keptStale,
  stateOf,
  statusDetail
} from '../../report/index.js'
import { escapeText } from '../../report/escape.js'
import { evaluatePull, isCommandLike, publishedReview } from '../approvals.js'
import type { ActionOutputs, ActionLog, RunDeps } from '../types.js'
import {
  skipped,
  requirePort,
  contextFor,
  whoAmI,
  sameAccount,
  basePolicy,
  linksOf,
  peopleOf,
  findOwnComment,
  trustedRecord
} from '../shared.js'
import { ownedItems, ownershipOf, withheldBySiblings } from '../owners.js'
import {
  markStaleHead,
  decidedState,
  verifyApproved,
  setStatus,
  reportError,
  writeReviewReport
} from '../writers.js'

/** The comment or review whose event started an approval run. */
export interface Trigger {
  readonly kind: 'comment' | 'review'
  readonly id: number
  readonly author: Account
  /** A deleted comment or a dismissed review: nothing to react to. */
  readonly deleted: boolean
}

/**
 * An approval run (a comment, a review, a review nudge): reads no plan. The
 * gated set is the one plangate's own latest status at the head names; the
 * approvals are recomputed from GitHub's current comments, reviews and
 * permissions; the status, a reaction or reply to the triggering comment,
 * and the sticky comment's audit lines are written, unless the head moved
 * meanwhile.
 */
export async function reviewApprovals(
  deps: RunDeps,
  number: number,
  trigger: Trigger | undefined
): Promise<ActionOutputs> {
  const { inputs, context, log } = deps
  const port = requirePort(deps)
  const viewer = await whoAmI(port, log)
  if (trigger !== undefined && sameAccount(trigger.author, viewer)) {
    log.info("the event is plangate's own comment: nothing to evaluate")
    return skipped()
  }
  const pr = await port.getPullRequest(number)
  const statusContext = contextFor(inputs, pr.baseRef)
  // Best effort, like `respond`: a failed reaction or reply changes no decision.
  const answer = async (message: string): Promise<void> => {
    if (trigger === undefined || trigger.deleted) return
    if (trigger.kind !== 'comment' || isBot(trigger.author)) return
    try {
      await port.addReaction(trigger.id, 'confused')
      await port.createComment(pr.number, `@${trigger.author.login} ${message}`)
    } catch (error) {
      log.warning(
        `could not answer comment ${trigger.id}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  try {
    if (pr.state !== 'open') {
      log.notice(
        `pull request #${pr.number} is closed: approvals are not counted`
      )
      if (await triggerIsCommand(port, pr, trigger))
        await answer(
          'Not counted: the pull request is closed; approvals count only on open pull requests.'
        )
      return skipped()
    }
    const statuses = await port.listStatuses(pr.headSha)
    const published = publishedReview(
      statuses,
      viewer,
      statusContext,
      sameAccount
    )
    if (published === undefined) {
      log.notice(
        `plangate has not published changes that need approval for ${pr.headSha.slice(0, 12)} (${statusContext}): nothing to approve`
      )
      if (await triggerIsCommand(port, pr, trigger)) {
        await markStaleHead(deps, port, pr, viewer, statusContext)
        await answer(
          `Not counted: nothing at this head (${pr.headSha.slice(0, 12)}) waits for approval under ${statusContext}; wait for plangate's report of this head.`
        )
      }
      return skipped()
    }
    const policy = await basePolicy(port, inputs, pr)
    const commits = await port.listPullCommits(pr.number, pr.commitCount)
    const comments = await port.listIssueComments(pr.number)
    const digest = published.digest
    // plangate's review record (its own comment), trusted only when it gives the status's digest.
    const record = await trustedRecord(
      port,
      pr,
      viewer,
      statusContext,
      { repository: context.repository, digest },
      comments
    )
    const ownership = await ownershipFromRecord(
      deps,
      port,
      pr,
      policy.config.approval,
      record
    )
    const outcome = await evaluatePull({
      port,
      pr,
      published,
      commits,
      policy: policy.config.approval,
      comments,
      log: (message) => log.debug(message),
      ...(ownership === undefined ? {} : { ownership })
    })
    let state = stateOf(outcome)
    let detail = statusDetail(outcome)
    if (state === 'approved') {
      const withheld = await withheldBySiblings(port, pr, log)
      if (withheld !== undefined) {
        state = 'blocked'
        detail = withheld
      }
    }

    // Re-read right before writing: a push meanwhile makes all of this stale.
    const latest = await port.getPullRequest(pr.number)
    if (latest.headSha !== pr.headSha) {
      log.notice(
        `pull request #${pr.number} moved to ${latest.headSha.slice(0, 12)} during the evaluation: nothing written; the new head needs its own report and approval`
      )
      return { ...skipped(), decision: 'blocked', digest }
    }
    let status = reviewStatus({
      state,
      counts: published.counts,
      destructive: gatedChanges(published.counts),
      digest,
      approvers: approversOf(outcome, state),
      detail
    })
    // Someone else's newer status for our context (a workflow of the pull request, with the same token identity in basic mode): plangate's goes on top again.
    const foreign = statuses.find(
      (s) =>
        s.context === statusContext &&
        (s.creator === undefined || !sameAccount(s.creator, viewer)) &&
        Date.parse(s.createdAt) >= Date.parse(published.latest.createdAt)
    )
    if (foreign !== undefined)
      log.error(
        `a ${foreign.state} status for ${statusContext} on ${pr.headSha.slice(0, 12)} was set by ${foreign.creator === undefined ? 'an unknown account' : `@${foreign.creator.login}`}, not by plangate; plangate sets its own again`,
        'plangate: foreign status'
      )
    if (
      foreign !== undefined ||
      published.latest.state !== status.state ||
      published.latest.description !== status.description
    ) {
      await setStatus(port, pr.headSha, statusContext, status, context.runUrl)
      status = await verifyApproved(
        deps,
        port,
        pr,
        statusContext,
        outcome,
        status,
        { counts: published.counts, digest }
      )
    }
    log.info(
      `status ${statusContext} on ${pr.headSha.slice(0, 12)}: ${status.state}: ${status.description}`
    )

    if (trigger !== undefined && !trigger.deleted)
      await respond(port, pr, trigger, outcome, log)

    const decided = decidedState(state, status)
    const own = findOwnComment(comments, viewer, statusContext)
    const marker = own === undefined ? undefined : parseMarker(own.body)
    let commentId = ''
    if (
      own !== undefined &&
      marker?.head === pr.headSha &&
      marker.digest === digest
    ) {
      const body = restateComment(own.body, {
        state: decided,
        statusContext,
        headSha: pr.headSha,
        digest,
        counts: published.counts,
        destructiveCount: gatedChanges(published.counts),
        ...peopleOf(outcome),
        audit: [
          ...auditLines(outcome, digest, pr.headSha),
          ...keptStale(own.body)
        ],
        links: linksOf(context, pr.number),
        ...(outcome.owners === undefined ? {} : { owners: outcome.owners })
      })
      if (body === undefined)
        log.info(
          `plangate's comment ${own.id} has an older layout; the next review of this head rewrites it`
        )
      else if (body !== own.body) await port.updateComment(own.id, body)
      commentId = String(own.id)
    }
    // The review with its new state, for `plangate verify --approved` (an artifact of this run).
    let reportPath = ''
    if (typeof record === 'string') log.info(`no review report: ${record}`)
    else
      reportPath = writeReviewReport(context, {
        record,
        state: decided,
        approvedBy: outcome.approvedBy.map((a) => a.login),
        deniedBy: outcome.deniedBy.map((a) => a.login)
      })
    log.debug(`GitHub API requests: ${port.requestCount()}`)
    return {
      decision: status.state === 'success' ? 'approved' : 'blocked',
      digest,
      counts: {},
      gatedCount: published.counts.gated,
      reportPath,
      commentId
    }
  } catch (error) {
    await reportError(deps, port, pr.headSha, statusContext, error)
    throw error
  }
}

/**
 * With `approvers: [codeowners]`: the owners of the gated changes, from
 * the files in plangate's review record (its own comment), trusted only
 * when the record's items give the digest of plangate's own status.
 * Without such a record the owners are unknown: no approval counts as an
 * owner's (fail closed), and the status says so.
 */
async function ownershipFromRecord(
  deps: RunDeps,
  port: GitHubPort,
  pr: PullRequest,
  policy: ApprovalPolicy,
  record: ReviewRecord | string
): Promise<Ownership | undefined> {
  if (!usesCodeowners(policy)) return undefined
  if (typeof record === 'string') {
    deps.log.warning(
      `code owners unknown: ${record}; no approval counts as an owner's until plangate's pull request check runs again`
    )
    return { kind: 'unknown', reason: 'no verified review record' }
  }
  return ownershipOf(port, pr, ownedItems(record.items), deps.log)
}

/**
 * A 👍 on the triggering command when it counted; a 😕 and a one-line reply
 * when it did not (never for bots and apps: no reply loops). Best effort:
 * the status is already written, and a comment deleted meanwhile cannot
 * take a reaction.
 */
async function respond(
  port: GitHubPort,
  pr: PullRequest,
  trigger: Trigger,
  outcome: ApprovalOutcome,
  log: ActionLog
): Promise<void> {
  try {
    const counted = [...outcome.approvedBy, ...outcome.deniedBy].some(
      (person) =>
        person.candidates.some(
          (c) => c.kind === trigger.kind && c.id === trigger.id
        )
    )
    const rejection = outcome.rejected.find(
      (r) => r.candidate.kind === trigger.kind && r.candidate.id === trigger.id
    )
    if (counted && trigger.kind === 'comment')
      await port.addReaction(trigger.id, '+1')
    else if (rejection?.notify === true) {
      if (trigger.kind === 'comment')
        await port.addReaction(trigger.id, 'confused')
      // Who can approve names owners and addresses: text from CODEOWNERS and the plan.
      const message =
        rejection.code === 'not-owner'
          ? escapeText(rejection.message)
          : rejection.message
      await port.createComment(
        pr.number,
        `@${rejection.candidate.login} ${message}`
      )
    }
  } catch (error) {
    log.warning(
      `could not react to ${trigger.kind} ${trigger.id}: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/** Whether the triggering comment's first line is a plangate command at all. */
async function triggerIsCommand(
  port: GitHubPort,
  pr: PullRequest,
  trigger: Trigger | undefined
): Promise<boolean> {
  if (trigger === undefined || trigger.deleted || trigger.kind !== 'comment')
    return false
  const comment = (await port.listIssueComments(pr.number)).find(
    (c) => c.id === trigger.id
  )
  return comment !== undefined && isCommandLike(comment.body)
}
