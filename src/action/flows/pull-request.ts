/** Flow: `pull_request`: the full review of a pull request's plans. */
import { analyze } from '../../analyze.js'
import type { AnalyzeOptions } from '../../analyze.js'
import {
  buildRecord,
  describeOwners,
  reviewedItems,
  usesCodeowners
} from '../../gate/index.js'
import type { ApprovalOutcome, Ownership } from '../../gate/index.js'
import { readPullHistory } from '../../github/history.js'
import {
  reviewStatus,
  approversOf,
  auditLines,
  staleLines,
  stateOf,
  statusDetail,
  gatedCounts
} from '../../report/index.js'
import type { ReviewState, ReviewView } from '../../report/index.js'
import { evaluatePull, publishedReview } from '../approvals.js'
import type { ActionEvent } from '../context.js'
import type { ActionOutputs, RunDeps } from '../types.js'
import {
  requirePort,
  contextFor,
  whoAmI,
  sameAccount,
  basePolicy,
  readPlans,
  rootDirs,
  linksOf,
  peopleOf,
  findOwnComment
} from '../shared.js'
import {
  upsertComment,
  markOlderStale,
  decidedState,
  verifyApproved,
  syncLabels,
  setStatus,
  reportError,
  finish
} from '../writers.js'
import {
  ownedItems,
  ownershipOf,
  withDeclaringFiles,
  withheldBySiblings
} from '../owners.js'
import { reportOnly } from './report-only.js'

export async function reviewPullRequest(
  deps: RunDeps,
  event: Extract<ActionEvent, { kind: 'pull_request' }>
): Promise<ActionOutputs> {
  const { inputs, context, log } = deps
  const port = requirePort(deps)
  let statusTarget = event.headSha
  let statusContext = contextFor(inputs, event.baseRef)
  try {
    const pr = await port.getPullRequest(event.number)
    statusContext = contextFor(inputs, pr.baseRef)
    if (pr.state !== 'open') {
      log.notice(
        `pull request #${pr.number} is ${pr.merged ? 'merged' : 'closed'}: report only, no comment or status`
      )
      return await reportOnly(deps)
    }
    if (pr.headSha !== event.headSha) {
      log.notice(
        `pull request #${pr.number} has moved on to ${pr.headSha.slice(0, 12)} since this run started at ${event.headSha.slice(0, 12)}: report only; the newer commit's run decides`
      )
      return await reportOnly(deps)
    }
    statusTarget = pr.headSha

    const viewer = await whoAmI(port, log)
    const policy = await basePolicy(port, inputs, pr)
    const inputsRead = readPlans(inputs, log)
    const planDirs = rootDirs(context.workspace, inputsRead.sources)
    const pulled = await readPullHistory({
      port,
      pr,
      workspace: context.workspace,
      rules: policy.rules,
      rootDirs: planDirs,
      log: (message) => log.debug(message)
    })
    log.info(
      `reviewed ${pulled.history.commits.length} commits (${pulled.localDiffs} diffs from the checkout, ${pulled.apiDiffs} from the API)`
    )
    for (const warning of pulled.warnings) log.warning(warning)
    // A config at another path than the default decides the gate just as much: protect it too.
    const protectedPaths = inputs.configIsDefault
      ? policy.config.protectedPaths
      : {
          ...policy.config.protectedPaths,
          paths: [
            ...policy.config.protectedPaths.paths,
            inputs.config.replace(/^(\.\/)+/, '')
          ]
        }
    const options: AnalyzeOptions = {
      policy: { ...policy.config, protectedPaths },
      stackDirs: policy.config.stackDirs,
      history: pulled.history
    }
    const analysis = analyze(inputsRead, options)
    const approval = policy.config.approval
    const codeowners = usesCodeowners(approval)
    // Code owners need the files that declare each change; the digest binds them.
    const reviewed = codeowners
      ? withDeclaringFiles(
          reviewedItems(analysis),
          analysis,
          context.workspace,
          planDirs,
          policy.config.stackDirs
        )
      : reviewedItems(analysis)
    const gated = reviewed.filter((item) => item.gated)
    // Destructive changes, lowered safeguards, Terraform actions and protected-path changes: each kind of gated item counts.
    const counts = gatedCounts(analysis)
    // The record's digest binds every reviewed item; only a gated set has a digest to approve.
    const record = buildRecord(
      {
        repository: context.repository,
        pullNumber: pr.number,
        baseRef: pr.baseRef,
        headSha: pr.headSha
      },
      reviewed
    )
    const reviewDigest = record.digest
    const digest = gated.length === 0 ? '' : reviewDigest
    let state: ReviewState =
      analysis.decision.planProblems.length > 0
        ? 'incomplete'
        : gated.length > 0
          ? 'blocked'
          : 'pass'

    // Existing approvals count again on a re-run for the same head and gated set.
    const comments =
      inputs.comment !== 'off' || state === 'blocked'
        ? await port.listIssueComments(pr.number)
        : []
    let outcome: ApprovalOutcome | undefined
    let ownership: Ownership | undefined
    if (state === 'blocked' && codeowners)
      ownership = await ownershipOf(port, pr, ownedItems(reviewed), log)
    if (state === 'blocked') {
      const published = publishedReview(
        await port.listStatuses(pr.headSha),
        viewer,
        statusContext,
        sameAccount
      )
      if (published?.digest === digest) {
        outcome = await evaluatePull({
          port,
          pr,
          published,
          commits: pulled.pullCommits,
          policy: approval,
          comments,
          log: (message) => log.debug(message),
          ...(ownership === undefined ? {} : { ownership })
        })
        state = stateOf(outcome)
      }
    }
    const owners =
      outcome?.owners ??
      (ownership === undefined
        ? undefined
        : describeOwners(ownership, approval))
    let detail = statusDetail(outcome, owners)
    if (state === 'approved') {
      const withheld = await withheldBySiblings(port, pr, log)
      if (withheld !== undefined) {
        state = 'blocked'
        detail = withheld
      }
    }

    const own = findOwnComment(comments, viewer, statusContext)
    const view: ReviewView = {
      state,
      statusContext,
      headSha: pr.headSha,
      digest,
      counts,
      destructiveCount: analysis.summary.destructive,
      ...peopleOf(outcome),
      audit: [
        ...(outcome === undefined
          ? []
          : auditLines(outcome, digest, pr.headSha)),
        ...staleLines(own?.body, pr.headSha)
      ],
      links: linksOf(context, pr.number),
      ...(owners === undefined ? {} : { owners })
    }
    const commentId = await upsertComment(deps, port, pr, own, {
      analysis,
      view,
      record
    })
    if (inputs.comment === 'new' && commentId !== '')
      await markOlderStale(deps, port, comments, viewer, view, commentId)
    if (inputs.labels) await syncLabels(port, pr, analysis, state, log)

    // A push during the run leaves this head behind: its status would be stale, so only the old SHA gets it.
    const latest = await port.getPullRequest(pr.number)
    if (latest.headSha !== pr.headSha)
      log.notice(
        `pull request #${pr.number} moved to ${latest.headSha.slice(0, 12)} during the run; the status is set on ${pr.headSha.slice(0, 12)} only, and the new head waits for its own run`
      )
    let status = reviewStatus({
      state,
      counts,
      destructive: analysis.summary.destructive,
      digest: reviewDigest,
      approvers: approversOf(outcome, state),
      planProblem: analysis.decision.planProblems[0],
      detail
    })
    await setStatus(port, pr.headSha, statusContext, status, context.runUrl)
    status = await verifyApproved(
      deps,
      port,
      pr,
      statusContext,
      outcome,
      status,
      { counts, digest }
    )
    state = decidedState(state, status)
    log.info(
      `status ${statusContext} on ${pr.headSha.slice(0, 12)}: ${status.state}: ${status.description}`
    )
    log.debug(`GitHub API requests: ${port.requestCount()}`)
    return await finish(
      deps,
      analysis,
      commentId,
      { ...view, state },
      {
        record,
        state,
        approvedBy: (outcome?.approvedBy ?? []).map((a) => a.login),
        deniedBy: (outcome?.deniedBy ?? []).map((a) => a.login)
      }
    )
  } catch (error) {
    await reportError(deps, port, statusTarget, statusContext, error)
    throw error
  }
}
