/** Flow: `verify: true` in the apply workflow (push, workflow_dispatch): the plan about to be applied against the merged pull requests' reviews. */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { analyze } from '../../analyze.js'
import {
  buildRecord,
  recordIntact,
  sameScope,
  verifyAgainstReviews
} from '../../gate/index.js'
import type { ReviewedPull, ReviewRecord } from '../../gate/index.js'
import type { Account, GitHubPort, PullRequest } from '../../github/port.js'
import { expandPlanGlobs, loadPolicy, readFdBytes } from '../../io/index.js'
import { readApprovedReport } from '../../io/approved-report.js'
import {
  approversIn,
  renderVerifyJson,
  renderVerifyMarkdown,
  reviewOutcomeOf
} from '../../report/index.js'
import { VERSION } from '../../version.js'
import { digestOf, ownStatuses } from '../approvals.js'
import type { ActionOutputs, RunDeps } from '../types.js'
import { annotateEach } from '../writers.js'
import {
  contextFor,
  readPlans,
  sameAccount,
  trustedRecord,
  whoAmI
} from '../shared.js'

/**
 * Before apply: finds the merged pull request(s) that brought `GITHUB_SHA`,
 * reads what plangate decided for each (its own latest status at the pull
 * request's head, and the review record in its own comment, trusted only
 * when the record's digest is the status's), and checks every destructive
 * change of the plan against them. Writes no status and no comment: the
 * step's outcome (failed unless `verified`) keeps the apply step from
 * running.
 */
export async function verifyApply(deps: RunDeps): Promise<ActionOutputs> {
  const { inputs, context, log } = deps
  const { event } = context
  if (event.kind !== 'report')
    throw new Error(
      `verify checks a plan before apply, in a workflow run on push or workflow_dispatch; this run is for a ${event.kind === 'pull_request' ? 'pull request' : event.kind} event: remove \`verify: true\` here`
    )
  if (deps.port === undefined)
    throw new Error(
      'input "github-token" is empty: verify reads the merged pull request\'s review through the API'
    )
  const port = deps.port
  if (!/^[0-9a-f]{40}$/i.test(context.sha))
    throw new Error(
      `GITHUB_SHA is ${JSON.stringify(context.sha)}, not a commit SHA: verify needs the commit being applied`
    )
  const policy = loadPolicy(
    inputs.configIsDefault
      ? undefined
      : resolve(context.workspace, inputs.config),
    context.workspace
  )
  const analysis = analyze(readPlans(inputs, log), {
    policy: policy.config,
    stackDirs: policy.config.stackDirs
  })
  // Read first: a bad file is an input error before any API call.
  const reports = expandPlanGlobs(inputs.approvedReports, process.cwd()).map(
    (path) => readApprovedReport(path, () => readFdBytes(0)).record
  )
  const viewer = await whoAmI(port, log)
  const branch = context.ref.startsWith('refs/heads/')
    ? context.ref.slice('refs/heads/'.length)
    : ''
  const numbers = await port.pullsForCommit(context.sha)
  const pulls: ReviewedPull[] = []
  for (const number of numbers) {
    const pr = await port.getPullRequest(number)
    if (!pr.merged) {
      log.info(
        `pull request #${number} contains ${context.sha.slice(0, 12)} but is not merged: not a review of what is applied`
      )
      continue
    }
    pulls.push(await reviewOf(deps, port, pr, viewer, branch, reports))
  }
  log.info(
    `${context.sha.slice(0, 12)} came with ${pulls.length === 0 ? 'no merged pull request' : pulls.map((p) => `#${p.number} (${p.outcome})`).join(', ')}`
  )
  const result = verifyAgainstReviews(analysis, pulls)
  for (const problem of result.problems.slice(0, 3))
    log.error(problem, 'plangate verify: blocked')
  const bad = result.changes.filter(
    (c) => c.state === 'unreviewed' || c.state === 'unapproved'
  )
  annotateEach(
    log,
    'plangate verify: not approved',
    bad,
    (change) =>
      `${change.address} (${change.source}): ${change.action}, ${change.detail}`,
    (count) =>
      `${count} more destructive changes not approved: see the job summary`
  )
  const reportPath = join(context.tempDir, 'plangate-verify.json')
  writeFileSync(
    reportPath,
    renderVerifyJson(result, { name: 'plangate', version: VERSION })
  )
  await log.summary(
    renderVerifyMarkdown(
      result,
      context.repositoryUrl === undefined
        ? {}
        : { repositoryUrl: context.repositoryUrl }
    )
  )
  log.info(result.summary)
  log.debug(`GitHub API requests: ${port.requestCount()}`)
  return {
    decision: result.verdict,
    digest: '',
    counts: { ...analysis.summary },
    gatedCount: bad.length,
    reportPath,
    commentId: '',
    summary: result.summary
  }
}

/** What plangate decided for a merged pull request, as far as its own records vouch. */
async function reviewOf(
  deps: RunDeps,
  port: GitHubPort,
  pr: PullRequest,
  viewer: Account,
  branch: string,
  reports: readonly ReviewRecord[]
): Promise<ReviewedPull> {
  const head = pr.headSha.slice(0, 12)
  const base = { number: pr.number, url: pr.htmlUrl, approvedBy: [] }
  if (branch !== '' && pr.baseRef !== branch)
    return {
      ...base,
      outcome: 'undecided',
      problem: `it was reviewed for ${pr.baseRef}, and this run applies ${branch}`
    }
  const statusContext = contextFor(deps.inputs, pr.baseRef)
  const [latest] = ownStatuses(
    await port.listStatuses(pr.headSha),
    viewer,
    statusContext,
    sameAccount
  )
  if (latest === undefined)
    return {
      ...base,
      outcome: 'undecided',
      problem: `plangate set no ${statusContext} status at its head ${head}`
    }
  const outcome = reviewOutcomeOf(latest)
  const approvedBy =
    outcome === 'approved' ? approversIn(latest.description) : []
  const digest = digestOf(latest)
  const scope = {
    repository: deps.context.repository,
    pullNumber: pr.number,
    baseRef: pr.baseRef,
    headSha: pr.headSha
  }
  if (digest === undefined) {
    // Only "no destructive changes" vouches for an empty reviewed set.
    return outcome === 'pass'
      ? { ...base, outcome, approvedBy, record: buildRecord(scope, []) }
      : { ...base, outcome, approvedBy }
  }
  const found = await trustedRecord(port, pr, viewer, statusContext, {
    repository: deps.context.repository,
    digest
  })
  if (typeof found === 'string') {
    // A record that did not fit in the comment may come as the review's JSON report.
    const carried = reports.find(
      (report) =>
        sameScope(report.scope, scope) &&
        report.digest === digest &&
        recordIntact(report)
    )
    if (carried !== undefined)
      return { ...base, outcome, approvedBy, record: carried }
    return {
      ...base,
      outcome,
      approvedBy,
      problem:
        reports.length === 0
          ? found
          : `${found}; none of the approved-report files is this review (digest ${digest} at ${head})`
    }
  }
  return { ...base, outcome, approvedBy, record: found }
}
