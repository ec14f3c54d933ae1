/** Reading helpers every flow uses: the token's identity, the base branch's config, the plans, links and plangate's own comment. */
import { relative, resolve, sep } from 'node:path'
import {
  decodeRecord,
  RecordError,
  recordIntact,
  sameScope
} from '../gate/index.js'
import type { ApprovalOutcome, ReviewRecord } from '../gate/index.js'
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
  planRootDirs,
  policyFromText,
  planFilesOptions,
  readFdBytes,
  readPlanFiles,
  rereadNote
} from '../io/index.js'
import type { LoadedPolicy, PlanFiles } from '../io/index.js'
import { parseMarker, readRecordLine } from '../report/index.js'
import type { ReviewLinks, ReviewView } from '../report/index.js'
import type { ActionContext } from './context.js'
import type { ActionInputs } from './inputs.js'
import type { ActionOutputs, ActionLog, RunDeps } from './types.js'

/** The login `GITHUB_TOKEN` acts as, when the API cannot tell. */
const ACTIONS_BOT: Account = {
  login: 'github-actions[bot]',
  id: 0,
  type: 'Bot'
}

export function skipped(): ActionOutputs {
  return {
    decision: 'skipped',
    digest: '',
    counts: {},
    gatedCount: 0,
    reportPath: '',
    commentId: ''
  }
}

export function requirePort(deps: RunDeps): GitHubPort {
  if (deps.port === undefined)
    throw new Error(
      'input "github-token" is empty: a pull request review needs a token to read the pull request and set its status'
    )
  return deps.port
}

export function contextFor(inputs: ActionInputs, baseRef: string): string {
  return inputs.statusContext === ''
    ? `plangate/${baseRef}`
    : inputs.statusContext
}

/** The token's account; the job token's bot when the API will not say. */
export async function whoAmI(
  port: GitHubPort,
  log: ActionLog
): Promise<Account> {
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
export async function basePolicy(
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

export function readPlans(inputs: ActionInputs, log: ActionLog): PlanFiles {
  if (inputs.plans.length === 0)
    throw new Error(
      'input "plan" is empty: name the plan files to review (one path or glob per line)'
    )
  // Paths and globs are relative to the working directory: the workspace, on a runner.
  const paths = expandPlanGlobs(inputs.plans, process.cwd())
  const refs = expandPlanPaths(paths, (path, first) =>
    log.info(
      `a plan named twice: ${path} is the same file as ${first}, read once`
    )
  )
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
  const files = readPlanFiles(
    refs,
    'auto',
    // `-`: standard input, read as the CLI reads it.
    () => readFdBytes(0),
    planFilesOptions(process.env)
  )
  const note = rereadNote(files)
  if (note !== undefined) log.info(note)
  return files
}

/** Plan source → module directory; without a git checkout, relative to the workspace. */
export function rootDirs(
  workspace: string,
  sources: readonly string[]
): ReadonlyMap<string, string> {
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

/** Links for the reports: the repository, the pull request, the run. */
export function linksOf(
  context: ActionContext,
  pullNumber?: number
): ReviewLinks {
  return {
    ...(context.repositoryUrl === undefined
      ? {}
      : { repositoryUrl: context.repositoryUrl }),
    ...(pullNumber === undefined ? {} : { pullNumber }),
    ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl })
  }
}

/** Who approved and denied, for the reports. */
export function peopleOf(
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
export function isOwnComment(
  comment: IssueComment,
  viewer: Account,
  statusContext: string
): boolean {
  if (!sameAccount(comment.author, viewer)) return false
  if (viewer.type === 'Bot' && comment.author.type !== 'Bot') return false
  return parseMarker(comment.body)?.context === statusContext
}

/**
 * The review record in plangate's own comment for the pull request's head,
 * trusted only when it is for this repository, pull request, base and head
 * and its items give `digest` (read from plangate's own status): an edit by
 * anyone, or a record copied from another review, does not pass. A string
 * says why there is no trusted record.
 */
export async function trustedRecord(
  port: GitHubPort,
  pr: PullRequest,
  viewer: Account,
  statusContext: string,
  expected: { readonly repository: string; readonly digest: string },
  /** The pull request's comments when the caller has read them already. */
  comments?: readonly IssueComment[]
): Promise<ReviewRecord | string> {
  const own = findOwnComment(
    comments ?? (await port.listIssueComments(pr.number)),
    viewer,
    statusContext
  )
  const head = pr.headSha.slice(0, 12)
  if (own === undefined)
    return `plangate's comment for ${statusContext} is missing (deleted, or \`comment: off\`): the reviewed changes are unknown; verify offline with the review's JSON report (\`plangate verify --approved\`)`
  if (parseMarker(own.body)?.head !== pr.headSha)
    return `plangate's comment does not describe the head ${head}`
  const text = readRecordLine(own.body)
  if (text === undefined)
    return `plangate's comment carries no review record (it did not fit, or an older plangate wrote it): verify offline with the review's JSON report (\`plangate verify --approved\`)`
  let record: ReviewRecord
  try {
    record = decodeRecord(text)
  } catch (error) {
    if (error instanceof RecordError)
      return `the review record in plangate's comment cannot be read (${error.message}): it is not trusted`
    throw error
  }
  const scope = {
    repository: expected.repository,
    pullNumber: pr.number,
    baseRef: pr.baseRef,
    headSha: pr.headSha
  }
  if (
    !sameScope(record.scope, scope) ||
    !recordIntact(record) ||
    record.digest !== expected.digest
  )
    return `the review record in plangate's comment does not give the digest ${expected.digest} of plangate's status at ${head}: it was edited, or belongs to another review; it is not trusted`
  return record
}
