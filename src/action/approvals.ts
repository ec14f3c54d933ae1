import { parseTrailers } from '../attribution/index.js'
import {
  evaluateApprovals,
  parseApprovalCommand,
  screenCandidates
} from '../gate/index.js'
import type {
  ApprovalOutcome,
  ApprovalPolicy,
  Candidate,
  Ownership,
  Permission as CorePermission
} from '../gate/index.js'
import type {
  Account,
  GitHubPort,
  PullCommit,
  PullRequest,
  ReadStatus
} from '../github/port.js'
import { GitHubApiError } from '../github/port.js'
import { gatedCountsOf } from '../report/index.js'
import type { GatedCounts } from '../report/index.js'

/** The gated set plangate last published for a head, read back from its own status. */
export interface PublishedReview {
  readonly digest: string
  /** What the status says is gated, by kind. */
  readonly counts: GatedCounts
  /** When the first status for this digest at this head was set: the report's time. */
  readonly reportAt: string
  /** plangate's latest status for the context at this head. */
  readonly latest: ReadStatus
}

const DIGEST_IN_STATUS = /(?:^|[\s(])([0-9a-f]{16})(?:$|[\s)])/

/** The digest a status of ours names, if any. */
export function digestOf(status: ReadStatus): string | undefined {
  return DIGEST_IN_STATUS.exec(status.description)?.[1]
}

/**
 * The statuses plangate's own identity set for a context, newest first (a
 * status anyone else set is ignored): what every flow reads plangate's
 * decisions from.
 */
export function ownStatuses(
  statuses: readonly ReadStatus[],
  viewer: Account,
  statusContext: string,
  sameAccount: (a: Account, b: Account) => boolean
): ReadStatus[] {
  return statuses
    .filter(
      (s) =>
        s.context === statusContext &&
        s.creator !== undefined &&
        sameAccount(s.creator, viewer)
    )
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
}

/**
 * What plangate published for this head and context, from the statuses its
 * own identity set (a status anyone else set is ignored). Undefined when
 * there is no such status, or when the latest one names no digest (nothing
 * gated, an incomplete plan, an error): then there is nothing to approve.
 */
export function publishedReview(
  statuses: readonly ReadStatus[],
  viewer: Account,
  statusContext: string,
  sameAccount: (a: Account, b: Account) => boolean
): PublishedReview | undefined {
  const ours = ownStatuses(statuses, viewer, statusContext, sameAccount)
  const latest = ours[0]
  // An error or pending status names no gated set, whatever its text holds.
  if (latest === undefined || !['failure', 'success'].includes(latest.state))
    return undefined
  const digest = digestOf(latest)
  // The counts as reviewStatus wrote them (gatedNoun).
  const counts = gatedCountsOf(latest.description)
  // A passing review names its digest too (for `verify`), but holds nothing to approve.
  if (digest === undefined || counts.gated === 0) return undefined
  const first = ours.filter((s) => digestOf(s) === digest).at(-1) ?? latest
  return {
    digest,
    counts,
    reportAt: first.createdAt,
    latest
  }
}

/** People who wrote the pull request's commits: authors, committers, co-authors. */
export function contributorsOf(commits: readonly PullCommit[]): {
  logins: string[]
  emails: string[]
} {
  const logins = new Set<string>()
  const emails = new Set<string>()
  for (const commit of commits) {
    for (const person of [commit.author, commit.committer]) {
      if (person.login !== undefined) logins.add(person.login.toLowerCase())
      emails.add(person.email.toLowerCase())
    }
    for (const trailer of parseTrailers(commit.message)) {
      if (trailer.key.toLowerCase() !== 'co-authored-by') continue
      const email = /<([^<>\s]+@[^<>\s]+)>/.exec(trailer.value)?.[1]
      if (email !== undefined) emails.add(email.toLowerCase())
    }
  }
  return { logins: [...logins], emails: [...emails] }
}

/**
 * Evaluates every approval and denial on the pull request from GitHub's
 * current data: comments, reviews and each commenter's live permission.
 * Nothing in a comment is trusted as state. A permission lookup that fails
 * makes that person not eligible (fail closed).
 */
export async function evaluatePull(options: {
  readonly port: GitHubPort
  readonly pr: PullRequest
  readonly published: PublishedReview
  readonly commits: readonly PullCommit[]
  readonly policy: ApprovalPolicy
  readonly comments?: readonly {
    id: number
    body: string
    author: Account
    createdAt: string
    updatedAt: string
    viaApp?: string
  }[]
  readonly log: (message: string) => void
  /** With `approvers: [codeowners]`: the owners of the gated changes (absent: unknown, fail closed). */
  readonly ownership?: Ownership
}): Promise<ApprovalOutcome> {
  const { port, pr, published } = options
  const comments = options.comments ?? (await port.listIssueComments(pr.number))
  const candidates: Candidate[] = []
  // Every comment and review goes to the core, which ignores those without a command and explains near misses.
  for (const c of comments) {
    candidates.push({
      kind: 'comment',
      id: c.id,
      body: c.body,
      author: c.author,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      ...(c.viaApp === undefined ? {} : { viaApp: c.viaApp })
    })
  }
  for (const r of await port.listReviews(pr.number)) {
    candidates.push({
      kind: 'review',
      id: r.id,
      body: r.body,
      author: r.author,
      state: r.state,
      commitId: r.commitId,
      ...(r.submittedAt === undefined ? {} : { submittedAt: r.submittedAt })
    })
  }
  const screened = screenCandidates({
    candidates,
    context: {
      digest: published.digest,
      headSha: pr.headSha,
      reportAt: published.reportAt,
      prAuthor: pr.author,
      prState: pr.state,
      merged: pr.merged,
      contributors: contributorsOf(options.commits),
      policy: options.policy,
      ...(options.ownership === undefined
        ? {}
        : { ownership: options.ownership })
    }
  })
  const permissions = new Map<string, CorePermission | 'error'>()
  for (const login of screened.logins) {
    try {
      permissions.set(login, await port.getPermission(login))
    } catch (error) {
      options.log(
        `permission of ${login} unknown (${error instanceof GitHubApiError ? error.message : String(error)}): not eligible`
      )
      permissions.set(login, 'error')
    }
  }
  return evaluateApprovals(screened, permissions, {
    ...(screened.teamsToResolve.length > 0
      ? {
          teamMembers: await teamMembers(
            port,
            screened.teamsToResolve,
            screened.logins,
            options.log
          )
        }
      : {})
  })
}

/**
 * Members among `logins` of each approver team, or `unavailable` when the
 * token cannot read teams (the job token cannot: it has no organization
 * scope). A failed lookup never makes anyone a member.
 */
async function teamMembers(
  port: GitHubPort,
  teams: readonly string[],
  logins: readonly string[],
  log: (message: string) => void
): Promise<ReadonlyMap<string, ReadonlySet<string>> | 'unavailable'> {
  const members = new Map<string, Set<string>>()
  for (const team of teams) {
    const found = new Set<string>()
    for (const login of logins) {
      try {
        if (await port.isTeamMember(team, login)) found.add(login)
      } catch (error) {
        log(
          `team ${team} unreadable (${error instanceof Error ? error.message : String(error)}): approver teams need a GitHub App token with organization members read`
        )
        return 'unavailable'
      }
    }
    members.set(team, found)
  }
  return members
}

/** Whether a comment body's first line is a command at all (valid or not). */
export function isCommandLike(body: string): boolean {
  return parseApprovalCommand(body).kind !== 'none'
}
