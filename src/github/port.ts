/**
 * The GitHub port: the narrow, domain-named set of calls the Action makes.
 * The run logic depends on this interface only; `octokit.ts` implements it
 * over the REST and GraphQL APIs, and tests can implement it in memory.
 * Every list is complete (paginated to the end) or the call throws: no
 * method ever returns a silently truncated list.
 */

/** A GitHub account as the REST API shows it. */
export interface Account {
  /** REST login; bots end in `[bot]`. */
  readonly login: string
  readonly id: number
  /** `User`, `Bot`, `Organization` or `Mannequin`. */
  readonly type: string
}

/** The pull request facts a run needs, read fresh from the API. */
export interface PullRequest {
  readonly number: number
  readonly state: 'open' | 'closed'
  readonly merged: boolean
  readonly draft: boolean
  readonly title: string
  /** The description; empty when there is none. */
  readonly body: string
  readonly author: Account
  readonly headSha: string
  /** Branch name of the head (in the head repository, which may be a fork). */
  readonly headRef: string
  /** `owner/name` of the head repository; differs from the base for forks. */
  readonly headRepo: string
  readonly baseRef: string
  readonly baseSha: string
  /** Number of commits, as GitHub counts them; lists must match it. */
  readonly commitCount: number
  readonly labels: readonly string[]
  readonly htmlUrl: string
}

/** A git identity in a commit, with the GitHub account when GitHub matched one. */
export interface CommitPerson {
  readonly name: string
  readonly email: string
  /** ISO 8601 date. */
  readonly date: string
  readonly login?: string
}

/** A commit of a pull request, without its diff. */
export interface PullCommit {
  readonly sha: string
  readonly parents: readonly string[]
  readonly author: CommitPerson
  readonly committer: CommitPerson
  /** The full raw message. */
  readonly message: string
}

/** One changed file of a commit, as `GET /commits/{sha}` gives it. */
export interface CommitFile {
  readonly path: string
  readonly previousPath?: string
  /** `added`, `modified`, `removed`, `renamed`, `copied`, `changed`, `unchanged`. */
  readonly status: string
  /** Unified diff with 3 lines of context; absent for binary or very large files. */
  readonly patch?: string
}

/** A pull request (issue) comment. */
export interface IssueComment {
  readonly id: number
  readonly body: string
  readonly author: Account
  /** ISO 8601. */
  readonly createdAt: string
  readonly updatedAt: string
  /** Set when a GitHub App posted the comment, possibly on a user's behalf. */
  readonly viaApp?: string
  readonly htmlUrl: string
}

/** A pull request review. */
export interface Review {
  readonly id: number
  readonly body: string
  readonly author: Account
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING`. */
  readonly state: string
  /** The head commit the review was submitted at. */
  readonly commitId: string
  /** ISO 8601; absent for a pending review. */
  readonly submittedAt?: string
}

export const STATUS_STATES = ['success', 'failure', 'error', 'pending'] as const
export type StatusState = (typeof STATUS_STATES)[number]

/** A commit status to set, or one read back. */
export interface CommitStatus {
  readonly state: StatusState
  readonly context: string
  /** At most 140 characters (GitHub refuses longer ones). */
  readonly description: string
  readonly targetUrl?: string
}

export interface ReadStatus extends CommitStatus {
  readonly creator?: Account
  readonly createdAt: string
}

/** Repository roles, weakest first; custom roles map to their base role. */
export const PERMISSIONS = [
  'none',
  'read',
  'triage',
  'write',
  'maintain',
  'admin'
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const REACTIONS = ['+1', 'confused', 'eyes'] as const
export type Reaction = (typeof REACTIONS)[number]

/** A file read at a commit: `undefined` text when it does not exist there. */
export interface FileAtRef {
  readonly ref: string
  readonly path: string
  readonly text: string | undefined
}

/** What plangate calls on GitHub. */
export interface GitHubPort {
  /** The account the token acts as (for finding our own comments and statuses). */
  viewer(): Promise<Account>
  getPullRequest(number: number): Promise<PullRequest>
  /**
   * All commits of the pull request, oldest first: REST up to 250 commits,
   * GraphQL beyond (REST stops at 250). Throws unless exactly `expected`
   * distinct commits came back.
   */
  listPullCommits(number: number, expected: number): Promise<PullCommit[]>
  /** The files a commit changed, with patches (for when no local clone has it). */
  getCommitFiles(sha: string): Promise<CommitFile[]>
  /** Files at commits, batched; a missing file gives `text: undefined`. */
  readFiles(
    wanted: readonly { ref: string; path: string }[]
  ): Promise<FileAtRef[]>
  listIssueComments(number: number): Promise<IssueComment[]>
  createComment(number: number, body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
  addReaction(commentId: number, reaction: Reaction): Promise<void>
  listReviews(number: number): Promise<Review[]>
  /** Whether a comment still exists unedited (`updated_at` equal to `created_at`). */
  commentStands(id: number): Promise<boolean>
  /** Whether a review is still APPROVED at `headSha` (not dismissed since). */
  reviewStands(number: number, id: number, headSha: string): Promise<boolean>
  setStatus(sha: string, status: CommitStatus): Promise<void>
  /** Every status on a commit, newest first. */
  listStatuses(sha: string): Promise<ReadStatus[]>
  /** Adds labels to an issue or pull request (GitHub creates missing labels). */
  addLabels(number: number, labels: readonly string[]): Promise<void>
  /** Removes a label; a label that is not there is not an error. */
  removeLabel(number: number, label: string): Promise<void>
  /** The user's live role on the repository; throws on any API error. */
  getPermission(login: string): Promise<Permission>
  /**
   * Whether `login` is an active member of `team` (`org/slug`). Needs a
   * token that can read the organization's teams (a GitHub App with
   * organization members read); the job token gets 403, which throws.
   */
  isTeamMember(team: string, login: string): Promise<boolean>
  /**
   * The open pull request whose head is `headSha` on branch `headBranch` of
   * `headRepo` (`owner/name`, a fork maybe); undefined when there is none.
   */
  findPullRequest(
    headRepo: string,
    headBranch: string,
    headSha: string
  ): Promise<PullRequest | undefined>
  /**
   * The pull requests associated with a commit (`GET /commits/{sha}/pulls`):
   * on the default branch, the merged pull request that brought it (a merge
   * queue's commit: the queued ones); elsewhere, open and merged ones whose
   * commits include it. Numbers, in ascending order.
   */
  pullsForCommit(sha: string): Promise<number[]>
  /** Requests made so far, for the debug log and the request budget. */
  requestCount(): number
}

/** An API failure the run reports without a stack trace. */
export class GitHubApiError extends Error {
  /** HTTP status, or 0 for a network failure or timeout. */
  readonly status: number
  /** What was being done, e.g. `GET /repos/o/r/pulls/1`. */
  readonly operation: string
  constructor(
    operation: string,
    status: number,
    problem: string,
    options?: ErrorOptions
  ) {
    super(
      `GitHub API: ${operation} failed${status === 0 ? '' : ` with HTTP ${status}`}: ${problem}`,
      options
    )
    this.name = 'GitHubApiError'
    this.status = status
    this.operation = operation
  }
}
