import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { analyze } from '../analyze.js'
import type { AnalyzeOptions } from '../analyze.js'
import { computeDigest, gatedItems, isBot } from '../gate/index.js'
import type { ApprovalOutcome } from '../gate/index.js'
import { readPullHistory } from '../github/history.js'
import type {
  Account,
  GitHubPort,
  IssueComment,
  PullRequest
} from '../github/port.js'
import {
  checkRequiredPlans,
  expandPlanGlobs,
  expandPlanPaths,
  loadPolicy,
  planRootDirs,
  policyFromText,
  readPlanFile
} from '../io/index.js'
import type { LoadedPolicy } from '../io/index.js'
import type { Analysis } from '../model.js'
import { readPlan } from '../plan/index.js'
import type { PlanInput } from '../plan/index.js'
import {
  clip,
  errorStatus,
  parseMarker,
  itemUrl,
  localView,
  renderComment,
  renderJson,
  renderSummary,
  restateAsStale,
  restateComment,
  reviewStatus,
  approversOf,
  auditLines,
  keptStale,
  pendingDetail,
  staleLines,
  stateOf
} from '../report/index.js'
import type {
  ReviewLinks,
  ReviewState,
  ReviewView,
  StatusVerdict
} from '../report/index.js'
import { VERSION } from '../version.js'
import { evaluatePull, isCommandLike, publishedReview } from './approvals.js'
import type { ActionContext, ActionEvent } from './context.js'
import type { ActionInputs } from './inputs.js'

/** What a run reports back as step outputs. */
export interface ActionOutputs {
  readonly decision: 'pass' | 'blocked' | 'approved' | 'skipped' | 'error'
  readonly digest: string
  readonly counts: Readonly<Record<string, number>>
  readonly gatedCount: number
  readonly reportPath: string
  readonly commentId: string
  /** Why the decision is `error`, for the step log. */
  readonly error?: string
}

/** Where a run writes for people: the step log, annotations and the job summary. */
export interface ActionLog {
  info(message: string): void
  debug(message: string): void
  notice(message: string, title?: string): void
  warning(message: string, title?: string): void
  error(message: string, title?: string): void
  summary(markdown: string): Promise<void>
}

export interface RunDeps {
  readonly inputs: ActionInputs
  readonly context: ActionContext
  /** Undefined when no token was given: only report-only runs can work. */
  readonly port: GitHubPort | undefined
  readonly log: ActionLog
}

/** Labels plangate manages; they describe, they never authorise. */
export const LABELS = {
  destructive: 'plangate:destructive',
  needsApproval: 'plangate:needs-approval'
} as const

/** Annotations per kind per step that GitHub shows. */
const MAX_ANNOTATIONS = 10

/** The login `GITHUB_TOKEN` acts as, when the API cannot tell. */
const ACTIONS_BOT: Account = {
  login: 'github-actions[bot]',
  id: 0,
  type: 'Bot'
}

/**
 * One run of the action. Pull requests get the full review (history from
 * the API, sticky comment, commit status, labels); merge groups get a status
 * derived from the pull request's own; every other event is report-only.
 * A pull request run that fails sets an `error` status before it throws,
 * so the gate stays closed.
 */
export async function run(deps: RunDeps): Promise<ActionOutputs> {
  const { event } = deps.context
  switch (event.kind) {
    case 'pull_request':
      return reviewPullRequest(deps, event)
    case 'workflow_run':
      return reviewWorkflowRun(deps, event)
    case 'merge_group':
      return checkMergeGroup(deps, event)
    case 'issue_comment':
      if (!event.isPullRequest) {
        deps.log.notice(
          `comment on issue #${event.number}, not on a pull request: nothing to evaluate`
        )
        return skipped()
      }
      return reviewApprovals(deps, event.number, {
        kind: 'comment',
        id: event.commentId,
        author: event.author,
        deleted: event.action === 'deleted'
      })
    case 'pull_request_review':
      return reviewApprovals(deps, event.number, {
        kind: 'review',
        id: event.reviewId,
        author: event.author,
        deleted: event.action === 'dismissed'
      })
    case 'report':
      return reportOnly(deps)
  }
}

/** Push, workflow_dispatch and other events: summary, JSON report and outputs. */
async function reportOnly(deps: RunDeps): Promise<ActionOutputs> {
  const { inputs, context } = deps
  const policy = loadPolicy(
    inputs.configIsDefault
      ? undefined
      : resolve(context.workspace, inputs.config),
    context.workspace
  )
  const analysis = analyze(readPlans(inputs, deps.log), {
    policy: policy.config,
    stackDirs: policy.config.stackDirs
  })
  return finish(
    deps,
    analysis,
    '',
    localView(analysis, { headSha: context.sha, links: linksOf(context) })
  )
}

/**
 * App mode: the plan was made by a `pull_request` run of another workflow
 * and handed over as an artifact; this run works from the default branch.
 * The pull request is found from the run's head (the payload lists none for
 * forks), and the run must be for the pull request's current head.
 */
async function reviewWorkflowRun(
  deps: RunDeps,
  event: Extract<ActionEvent, { kind: 'workflow_run' }>
): Promise<ActionOutputs> {
  if (
    event.triggeringEvent !== 'pull_request' &&
    event.triggeringEvent !== 'pull_request_review'
  )
    throw new Error(
      `this workflow_run event is for a ${event.triggeringEvent} run; plangate reviews the plans of pull_request runs and re-evaluates approvals after pull_request_review runs`
    )
  const port = requirePort(deps)
  const number =
    event.pullNumbers[0] ??
    (
      await port.findPullRequest(
        event.headRepo,
        event.headBranch,
        event.headSha
      )
    )?.number
  if (number === undefined)
    throw new Error(
      `no open pull request has ${event.headSha.slice(0, 12)} (${event.headRepo}:${event.headBranch}) as its head`
    )
  if (event.triggeringEvent === 'pull_request_review')
    return reviewApprovals(deps, number, undefined)
  if (event.conclusion !== 'success') {
    const pr = await port.getPullRequest(number)
    const statusContext = contextFor(deps.inputs, pr.baseRef)
    if (pr.headSha === event.headSha)
      await setStatus(
        port,
        pr.headSha,
        statusContext,
        {
          state: 'failure',
          description: clip(
            `the plan run did not succeed (${event.conclusion || 'no conclusion'}): nothing to review`
          )
        },
        deps.context.runUrl
      )
    throw new Error(
      `the plan run for ${event.headSha.slice(0, 12)} concluded ${JSON.stringify(event.conclusion)}, not success: there is no plan to review`
    )
  }
  return reviewPullRequest(deps, {
    kind: 'pull_request',
    name: 'workflow_run',
    action: 'completed',
    number,
    headSha: event.headSha,
    baseRef: ''
  })
}

async function reviewPullRequest(
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
    const pulled = await readPullHistory({
      port,
      pr,
      workspace: context.workspace,
      rules: policy.rules,
      rootDirs: rootDirs(context.workspace, inputsRead),
      log: (message) => log.debug(message)
    })
    log.info(
      `reviewed ${pulled.history.commits.length} commits (${pulled.localDiffs} diffs from the checkout, ${pulled.apiDiffs} from the API)`
    )
    for (const warning of pulled.warnings) log.warning(warning)
    const options: AnalyzeOptions = {
      policy: policy.config,
      stackDirs: policy.config.stackDirs,
      history: pulled.history
    }
    const analysis = analyze(inputsRead, options)
    const gated = gatedItems(analysis)
    const digest =
      gated.length === 0
        ? ''
        : computeDigest(
            {
              repository: context.repository,
              pullNumber: pr.number,
              baseRef: pr.baseRef,
              headSha: pr.headSha
            },
            gated
          )
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
          policy: policy.config.approval,
          comments,
          log: (message) => log.debug(message)
        })
        state = stateOf(outcome)
      }
    }

    const own = findOwnComment(comments, viewer, statusContext)
    const view: ReviewView = {
      state,
      statusContext,
      headSha: pr.headSha,
      digest,
      gatedCount: analysis.decision.gated.length,
      destructiveCount: analysis.summary.destructive,
      ...peopleOf(outcome),
      audit: [
        ...(outcome === undefined
          ? []
          : auditLines(outcome, digest, pr.headSha)),
        ...staleLines(own?.body, pr.headSha)
      ],
      links: linksOf(context, pr.number)
    }
    const commentId = await upsertComment(deps, port, pr, own, {
      analysis,
      view
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
      gated: analysis.decision.gated.length,
      destructive: analysis.summary.destructive,
      digest,
      approvers: approversOf(outcome, state),
      planProblem: analysis.decision.planProblems[0],
      detail: pendingDetail(outcome)
    })
    await setStatus(port, pr.headSha, statusContext, status, context.runUrl)
    status = await verifyApproved(
      deps,
      port,
      pr,
      statusContext,
      outcome,
      status,
      {
        gated: analysis.decision.gated.length,
        digest
      }
    )
    // An approval withdrawn while it was being counted: the run did not approve.
    if (state === 'approved' && status.state !== 'success') state = 'blocked'
    log.info(
      `status ${statusContext} on ${pr.headSha.slice(0, 12)}: ${status.state}: ${status.description}`
    )
    log.debug(`GitHub API requests: ${port.requestCount()}`)
    return await finish(deps, analysis, commentId, { ...view, state })
  } catch (error) {
    await reportError(deps, port, statusTarget, statusContext, error)
    throw error
  }
}

/** The comment or review whose event started an approval run. */
interface Trigger {
  readonly kind: 'comment' | 'review'
  readonly id: number
  readonly author: Account
  /** A deleted comment or a dismissed review: nothing to react to. */
  readonly deleted: boolean
}

function skipped(): ActionOutputs {
  return {
    decision: 'skipped',
    digest: '',
    counts: {},
    gatedCount: 0,
    reportPath: '',
    commentId: ''
  }
}

/**
 * An approval run (a comment, a review, a review nudge): reads no plan. The
 * gated set is the one plangate's own latest status at the head names; the
 * approvals are recomputed from GitHub's current comments, reviews and
 * permissions; the status, a reaction or reply to the triggering comment,
 * and the sticky comment's audit lines are written, unless the head moved
 * meanwhile.
 */
async function reviewApprovals(
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
    const outcome = await evaluatePull({
      port,
      pr,
      published,
      commits,
      policy: policy.config.approval,
      comments,
      log: (message) => log.debug(message)
    })
    const state = stateOf(outcome)
    const digest = published.digest

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
      gated: published.gatedCount,
      destructive: published.gatedCount,
      digest,
      approvers: approversOf(outcome, state),
      detail: pendingDetail(outcome)
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
        {
          gated: published.gatedCount,
          digest
        }
      )
    }
    log.info(
      `status ${statusContext} on ${pr.headSha.slice(0, 12)}: ${status.state}: ${status.description}`
    )

    if (trigger !== undefined && !trigger.deleted)
      await respond(port, pr, trigger, outcome, log)

    const own = findOwnComment(comments, viewer, statusContext)
    const marker = own === undefined ? undefined : parseMarker(own.body)
    let commentId = ''
    if (
      own !== undefined &&
      marker?.head === pr.headSha &&
      marker.digest === digest
    ) {
      // What the run decided, not what it hoped: a withdrawn success reads blocked.
      const shown: ReviewState =
        state === 'approved' && status.state !== 'success' ? 'blocked' : state
      const body = restateComment(own.body, {
        state: shown,
        statusContext,
        headSha: pr.headSha,
        digest,
        gatedCount: published.gatedCount,
        destructiveCount: published.gatedCount,
        ...peopleOf(outcome),
        audit: [
          ...auditLines(outcome, digest, pr.headSha),
          ...keptStale(own.body)
        ],
        links: linksOf(context, pr.number)
      })
      if (body === undefined)
        log.info(
          `plangate's comment ${own.id} has an older layout; the next review of this head rewrites it`
        )
      else if (body !== own.body) await port.updateComment(own.id, body)
      commentId = String(own.id)
    }
    log.debug(`GitHub API requests: ${port.requestCount()}`)
    return {
      decision: status.state === 'success' ? 'approved' : 'blocked',
      digest,
      counts: {},
      gatedCount: published.gatedCount,
      reportPath: '',
      commentId
    }
  } catch (error) {
    await reportError(deps, port, pr.headSha, statusContext, error)
    throw error
  }
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
      await port.createComment(
        pr.number,
        `@${rejection.candidate.login} ${rejection.message}`
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

/**
 * A merge group's commit gets plangate's status only from the queued pull
 * request's latest plangate status on its head, written by plangate's own
 * identity: success there (pass or approved) gives success here; anything
 * else, or nothing, gives failure. Never success by default.
 */
async function checkMergeGroup(
  deps: RunDeps,
  event: Extract<ActionEvent, { kind: 'merge_group' }>
): Promise<ActionOutputs> {
  const { inputs, context, log } = deps
  const port = requirePort(deps)
  const statusContext = contextFor(inputs, event.baseRef)
  try {
    const match = /\/pr-(\d+)-[0-9a-f]{40}$/.exec(event.headRef)
    if (match === null)
      throw new Error(
        `merge group ref ${JSON.stringify(event.headRef)} does not name a pull request (expected …/pr-<number>-<sha>)`
      )
    const number = Number(match[1])
    const viewer = await whoAmI(port, log)
    const pr = await port.getPullRequest(number)
    const statuses = await port.listStatuses(pr.headSha)
    const ours = statuses.find(
      (s) =>
        s.context === statusContext &&
        s.creator !== undefined &&
        sameAccount(s.creator, viewer)
    )
    const passed = ours?.state === 'success'
    const status: StatusVerdict = passed
      ? {
          state: 'success',
          description: `pull request #${number} passed plangate at ${pr.headSha.slice(0, 12)}`
        }
      : {
          state: 'failure',
          description:
            ours === undefined
              ? `pull request #${number} has no plangate status at ${pr.headSha.slice(0, 12)}`
              : `pull request #${number} is not approved at ${pr.headSha.slice(0, 12)} (${ours.state})`
        }
    await setStatus(port, event.headSha, statusContext, status, context.runUrl)
    log.info(
      `status ${statusContext} on merge group ${event.headSha.slice(0, 12)}: ${status.state}: ${status.description}`
    )
    log.debug(`GitHub API requests: ${port.requestCount()}`)
    return {
      decision: passed ? 'pass' : 'blocked',
      digest: '',
      counts: {},
      gatedCount: 0,
      reportPath: '',
      commentId: ''
    }
  } catch (error) {
    await reportError(deps, port, event.headSha, statusContext, error)
    throw error
  }
}

function requirePort(deps: RunDeps): GitHubPort {
  if (deps.port === undefined)
    throw new Error(
      'input "github-token" is empty: a pull request review needs a token to read the pull request and set its status'
    )
  return deps.port
}

function contextFor(inputs: ActionInputs, baseRef: string): string {
  return inputs.statusContext === ''
    ? `plangate/${baseRef}`
    : inputs.statusContext
}

/** The token's account; the job token's bot when the API will not say. */
async function whoAmI(port: GitHubPort, log: ActionLog): Promise<Account> {
  try {
    return await port.viewer()
  } catch (error) {
    log.warning(
      `could not read the token's own login (${error instanceof Error ? error.message : String(error)}); assuming ${ACTIONS_BOT.login}`
    )
    return ACTIONS_BOT
  }
}

/** Same account, whichever API spelled the login (GraphQL drops `[bot]`). */
export function sameAccount(a: Account, b: Account): boolean {
  const norm = (login: string): string =>
    login.toLowerCase().replace(/\[bot\]$/, '')
  if (norm(a.login) !== norm(b.login)) return false
  return a.id === 0 || b.id === 0 || a.id === b.id
}

/** The config from the base branch: a pull request cannot loosen its own gate. */
async function basePolicy(
  port: GitHubPort,
  inputs: ActionInputs,
  pr: PullRequest
): Promise<LoadedPolicy> {
  const [file] = await port.readFiles([
    { ref: pr.baseSha, path: inputs.config }
  ])
  return policyFromText(
    file?.text,
    `${inputs.config} at ${pr.baseRef} (${pr.baseSha.slice(0, 12)})`,
    inputs.configIsDefault
  )
}

function readPlans(inputs: ActionInputs, log: ActionLog): PlanInput[] {
  if (inputs.plans.length === 0)
    throw new Error(
      'input "plan" is empty: name the plan files to review (one path or glob per line)'
    )
  // Paths and globs are relative to the working directory: the workspace, on a runner.
  const paths = expandPlanGlobs(inputs.plans, process.cwd())
  const refs = expandPlanPaths(paths)
  if (inputs.requirePlans.length > 0) {
    // Before any plan is read: a stack without a plan is an error, not a smaller review.
    const required = checkRequiredPlans(
      inputs.requirePlans,
      refs.map((ref) => ref.path),
      process.cwd()
    )
    log.info(
      `require-plans: each of ${required.covered.length} directories with infrastructure code has a plan; ${required.withoutCode.length} matched directories hold none and need none`
    )
  }
  return refs.map((ref) =>
    readPlan({
      source: ref.source,
      text: readPlanFile(ref.path, () => readFileSync(0))
    })
  )
}

/** Plan source → module directory; without a git checkout, relative to the workspace. */
function rootDirs(
  workspace: string,
  inputs: readonly PlanInput[]
): ReadonlyMap<string, string> {
  const sources = inputs.map((input) => input.source)
  try {
    return planRootDirs(workspace, sources, undefined)
  } catch {
    return new Map(
      sources.map((source) => {
        const dir = relative(workspace, resolve(source, '..'))
        return [source, dir.startsWith('..') ? '' : dir.split(sep).join('/')]
      })
    )
  }
}

async function upsertComment(
  deps: RunDeps,
  port: GitHubPort,
  pr: PullRequest,
  existing: IssueComment | undefined,
  review: { analysis: Analysis; view: ReviewView }
): Promise<string> {
  const { inputs, log } = deps
  if (inputs.comment === 'off') return ''
  const { view } = review
  const { body, tier, listTier, hidden } = renderComment(review.analysis, view)
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
async function markOlderStale(
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
async function markStaleHead(
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

/** Links for the reports: the repository, the pull request, the run. */
function linksOf(context: ActionContext, pullNumber?: number): ReviewLinks {
  return {
    ...(context.repositoryUrl === undefined
      ? {}
      : { repositoryUrl: context.repositoryUrl }),
    ...(pullNumber === undefined ? {} : { pullNumber }),
    ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl })
  }
}

/** Who approved and denied, for the reports. */
function peopleOf(
  outcome: ApprovalOutcome | undefined
): Pick<ReviewView, 'approvedBy' | 'deniedBy' | 'required'> {
  if (outcome === undefined) return {}
  return {
    approvedBy: outcome.approvedBy,
    deniedBy: outcome.deniedBy,
    required: outcome.required
  }
}

/**
 * After writing `success`, checks that every counted approval still stands
 * (not deleted, not edited, review still approved at the head). An
 * evaluation that read the approvals just before a deletion, and wrote just
 * after the deletion's own evaluation, would otherwise leave a stale
 * success; this sets the status back to failure instead.
 */
async function verifyApproved(
  deps: RunDeps,
  port: GitHubPort,
  pr: PullRequest,
  statusContext: string,
  outcome: ApprovalOutcome | undefined,
  status: StatusVerdict,
  review: { gated: number; digest: string }
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
        gated: review.gated,
        destructive: review.gated,
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

/**
 * plangate's comment for a status context: the newest comment whose first
 * line is our marker for that context AND whose author is the token's own
 * account. A pasted marker is not enough, and text is never matched.
 */
export function findOwnComment(
  comments: readonly IssueComment[],
  viewer: Account,
  statusContext: string
): IssueComment | undefined {
  let found: IssueComment | undefined
  for (const comment of comments)
    if (isOwnComment(comment, viewer, statusContext)) found = comment
  return found
}

/** A comment of plangate's own identity with its marker for the context. */
function isOwnComment(
  comment: IssueComment,
  viewer: Account,
  statusContext: string
): boolean {
  if (!sameAccount(comment.author, viewer)) return false
  if (viewer.type === 'Bot' && comment.author.type !== 'Bot') return false
  return parseMarker(comment.body)?.context === statusContext
}

async function syncLabels(
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

async function setStatus(
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
async function reportError(
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
async function finish(
  deps: RunDeps,
  analysis: Analysis,
  commentId: string,
  view: ReviewView
): Promise<ActionOutputs> {
  const { log, context } = deps
  for (const warning of analysis.warnings.slice(0, MAX_ANNOTATIONS))
    log.warning(warning)
  annotate(log, analysis)
  const reportPath = join(context.tempDir, 'plangate-report.json')
  writeFileSync(
    reportPath,
    renderJson(analysis, { name: 'plangate', version: VERSION })
  )
  await log.summary(renderSummary(analysis, view))
  const { state } = view
  const decision =
    state === 'pass' ? 'pass' : state === 'approved' ? 'approved' : 'blocked'
  return {
    decision,
    digest: view.digest,
    counts: { ...analysis.summary },
    gatedCount: analysis.decision.gated.length,
    reportPath,
    commentId
  }
}

/** One error annotation per gated change, up to GitHub's per-step limit. */
function annotate(log: ActionLog, analysis: Analysis): void {
  const { gated } = analysis.decision
  const shown =
    gated.length > MAX_ANNOTATIONS ? MAX_ANNOTATIONS - 1 : gated.length
  for (const change of gated.slice(0, shown))
    log.error(
      `${change.address} (${change.source}): ${change.action}, ${change.why}`,
      'plangate: needs approval'
    )
  if (gated.length > shown)
    log.error(
      `${gated.length - shown} more gated changes: see the job summary`,
      'plangate: needs approval'
    )
  for (const problem of analysis.decision.planProblems.slice(0, 3))
    log.error(problem, 'plangate: incomplete plan')
}
