import { matchGlob } from '../attribution/index.js'
import { CODEOWNERS_APPROVER } from './owners.js'
import type { CodeownersFallback, OwnerGroup, Ownership } from './owners.js'

/*
 * The approval core: which PR comments and reviews count as a human's
 * approval (or denial) of exactly the gated changes at the current head.
 * Pure data in, data out, in two phases so that the shell asks GitHub for
 * the permission of only those who posted a well-formed, timely command:
 *
 *   parseApprovalCommand(body)            one comment or review body
 *   screenCandidates({candidates, context}) every check without a lookup
 *   evaluateApprovals(screened, permissions, {teamMembers})
 *
 * Decisions (merge-gate.md §9.4 step 7 and issue 6):
 * - Deny wins: one valid `/deny-destroy <digest>` from an eligible person
 *   rejects the digest whatever the approvals; approving after a denial
 *   needs a new digest (a new push or a changed plan).
 * - A deny is fail-closed, so it skips the checks that only exist to stop
 *   forged approvals: it counts even when posted before the report, when
 *   edited, minimized, or (for a review) at another commit or in any
 *   submitted state. Otherwise re-running the report, or an edit by anyone
 *   with write access, would silently lift it. It still needs the exact
 *   digest, an eligible author and their live permission.
 * - A review approves only in state APPROVED; it denies in any submitted
 *   state; DISMISSED withdraws it, PENDING is ignored.
 * - Only user accounts count: `type` must be `User` (Bot, Mannequin and
 *   unknown types are refused), and logins are compared lower-cased with a
 *   trailing `[bot]` stripped (GraphQL drops it).
 * - `allowPrAuthor` lets the PR author approve even though they committed
 *   to the PR (otherwise the contributor rule would always refuse them).
 */

/** Repository roles, weakest first: the same union as the GitHub port's `Permission`. */
export const PERMISSION_LEVELS = [
  'none',
  'read',
  'triage',
  'write',
  'maintain',
  'admin'
] as const
export type Permission = (typeof PERMISSION_LEVELS)[number]

/** Roles a policy may require; `none` would let anyone approve. */
export const MIN_PERMISSIONS = [
  'read',
  'triage',
  'write',
  'maintain',
  'admin'
] as const
export type MinPermission = (typeof MIN_PERMISSIONS)[number]

/** Who may approve destructive changes, and how many must. */
export interface ApprovalPolicy {
  /** Distinct eligible people who must approve (≥ 1). */
  readonly minApprovals: number
  /** Lowest live repository role of an approver. */
  readonly minPermission: MinPermission
  /** Whether authors, committers and co-authors of the PR's commits may approve. */
  readonly allowContributors: boolean
  /** Whether the PR author may approve (never a bot). */
  readonly allowPrAuthor: boolean
  /** Login globs (`*`, `?`, case-insensitive) of AI agents' accounts, which never approve. */
  readonly aiLogins: readonly string[]
  /**
   * Logins and `org/team` entries allowed to approve; empty means anyone
   * eligible. The word `codeowners` makes each gated change need an
   * approval from its owners in the base branch's CODEOWNERS.
   */
  readonly approvers: readonly string[]
  /** With `codeowners`: who approves a change that has no owner. */
  readonly codeownersFallback: CodeownersFallback
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  minApprovals: 1,
  minPermission: 'write',
  allowContributors: false,
  allowPrAuthor: false,
  aiLogins: [],
  approvers: [],
  codeownersFallback: 'approvers'
}

/** A GitHub account as the API reports it (`type`: User, Bot, ...). */
export interface Account {
  readonly login: string
  readonly id: number
  readonly type: string
}

/** A PR (issue) comment. */
export interface CommentCandidate {
  readonly kind: 'comment'
  readonly id: number
  readonly body: string
  readonly author: Account
  readonly createdAt: string
  readonly updatedAt: string
  /** GraphQL `lastEditedAt` when the shell has it: any value means edited. */
  readonly editedAt?: string | null
  /** `performed_via_github_app` (its slug): set when an app posted it, even for a user. */
  readonly viaApp?: string | null
  /** From an `issue_comment.deleted` event. */
  readonly deleted?: boolean
  /** Hidden (minimized) on GitHub. */
  readonly minimized?: boolean
}

/** A PR review. */
export interface ReviewCandidate {
  readonly kind: 'review'
  readonly id: number
  readonly body: string
  readonly author: Account
  /** APPROVED, COMMENTED, CHANGES_REQUESTED, DISMISSED, PENDING (any case). */
  readonly state: string
  /** The commit the review was submitted at. */
  readonly commitId: string
  readonly submittedAt?: string | null
  /** GraphQL `lastEditedAt` when the shell has it: any value means edited. */
  readonly editedAt?: string | null
  readonly viaApp?: string | null
}

export type Candidate = CommentCandidate | ReviewCandidate

/** What the current report says and who is involved in the pull request. */
export interface ApprovalContext {
  /** The digest of the gated changes at the head (16 lowercase hex). */
  readonly digest: string
  readonly headSha: string
  /** When the current report (status) was first published for this digest. */
  readonly reportAt: string
  readonly prAuthor: Account
  readonly prState: 'open' | 'closed'
  readonly merged: boolean
  /**
   * Authors, committers and co-authors of the PR's commits. The shell
   * should resolve commit emails to logins; here an email only matters as
   * a `[id+]login@users.noreply.github.com` address.
   */
  readonly contributors: {
    readonly logins: readonly string[]
    readonly emails: readonly string[]
  }
  readonly policy: ApprovalPolicy
  /**
   * With `codeowners` among the approvers: the owners of the gated changes.
   * Absent means unknown: no approval can count as an owner's.
   */
  readonly ownership?: Ownership
}

export interface ScreenInput {
  readonly candidates: readonly Candidate[]
  readonly context: ApprovalContext
}

export type ParsedCommand =
  | { readonly kind: 'approve' | 'deny'; readonly digest: string }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'none' }

/** Why a candidate does not count. */
export const REJECTION_CODES = [
  'malformed',
  'pr-closed',
  'deleted',
  'withdrawn',
  'bot',
  'via-app',
  'ai-agent',
  'pr-author',
  'contributor',
  'digest-mismatch',
  'review-state',
  'stale-commit',
  'before-report',
  'edited',
  'minimized',
  'not-approver',
  'not-owner',
  'owners-unknown',
  'teams-unavailable',
  'permission-unknown',
  'insufficient-permission'
] as const
export type RejectionCode = (typeof REJECTION_CODES)[number]

/** Which comment or review, by whom, when. */
export interface CandidateRef {
  readonly kind: 'comment' | 'review'
  readonly id: number
  readonly login: string
  readonly authorId: number
  /** `createdAt` of a comment, `submittedAt` of a review (may be empty). */
  readonly at: string
}

export interface Rejection {
  readonly candidate: CandidateRef
  /** What the candidate asked for (`malformed` when it was not a valid command). */
  readonly command: 'approve' | 'deny' | 'malformed'
  readonly code: RejectionCode
  /** One sentence safe to post publicly: no digest, no other person's permission. */
  readonly message: string
  /**
   * Whether a reaction or reply makes sense: false for bots and apps (no
   * reply loops), deleted comments and dismissed reviews.
   */
  readonly notify: boolean
}

export type ScreenedCandidate =
  | { readonly status: 'rejected'; readonly rejection: Rejection }
  | {
      readonly status: 'needs-permission'
      readonly candidate: CandidateRef
      readonly command: 'approve' | 'deny'
      /** Lower-cased login: the key of the permissions map. */
      readonly login: string
    }

/** Phase one's result: plain data the shell passes back to phase two. */
export interface Screened {
  readonly policy: ApprovalPolicy
  readonly prOpen: boolean
  /** Command candidates; comments and reviews without a command are left out. */
  readonly candidates: readonly ScreenedCandidate[]
  /** Distinct lower-cased logins whose repository permission is needed. */
  readonly logins: readonly string[]
  /** Lower-cased `org/team` entries of `approvers` (and owners) whose members are needed. */
  readonly teamsToResolve: readonly string[]
  /** With `codeowners` among the approvers: the owners (see ApprovalContext). */
  readonly ownership?: Ownership
}

export interface EvaluateOptions {
  /**
   * Members (logins) of each `org/team` of `teamsToResolve`, or
   * `unavailable` when the token cannot read them (GITHUB_TOKEN cannot).
   */
  readonly teamMembers?:
    ReadonlyMap<string, ReadonlySet<string>> | 'unavailable'
}

export const APPROVAL_STATES = ['approved', 'rejected', 'pending'] as const
export type ApprovalState = (typeof APPROVAL_STATES)[number]

/** A person whose approval (or denial) counts, with the commands that count. */
export interface Approver {
  readonly login: string
  readonly id: number
  readonly candidates: readonly {
    readonly kind: 'comment' | 'review'
    readonly id: number
    readonly at: string
  }[]
}

export interface ApprovalOutcome {
  readonly state: ApprovalState
  readonly prOpen: boolean
  /** Distinct approvers needed. */
  readonly required: number
  /** Eligible people who approved, in order of their first approval. */
  readonly approvedBy: readonly Approver[]
  /** Eligible people who denied; any one makes the state `rejected`. */
  readonly deniedBy: readonly Approver[]
  /** Every command candidate that does not count, with why. */
  readonly rejected: readonly Rejection[]
  /** With `codeowners` among the approvers: each group and who approved it. */
  readonly owners?: OwnersOutcome
}

/** One group of gated changes, who can approve it and who did. */
export interface GroupOutcome extends OwnerGroup {
  /** For the unowned group: the fallback that applies. */
  readonly fallback?: CodeownersFallback
  /** Who can approve, for people: `@alice`, `@org/team`, `anyone eligible`, `nobody`. */
  readonly canApprove: readonly string[]
  /** Logins of the counted approvals that cover this group. */
  readonly approvedBy: readonly string[]
}

export interface OwnersOutcome {
  /** Empty when the owners are unknown. */
  readonly groups: readonly GroupOutcome[]
  /** One line for the status and the comment: what applied, e.g. the fallback. */
  readonly note: string
}

/** A context or permission input the core cannot judge by (a shell bug). */
export class ApprovalInputError extends Error {
  override readonly name = 'ApprovalInputError'
}

const COMMAND = /^\/(approve|deny)-destroy ([0-9a-f]{16})$/
const COMMAND_NAMES = ['approve-destroy', 'deny-destroy'] as const
const INVISIBLE = /\p{Cf}/u
const NON_ASCII = /[^\t\x20-\x7e]/
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu
const SLASHES = /[\u2044\u2215\u29f8\uff0f]/gu
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/

/**
 * A non-ASCII letter from a script with look-alikes of Latin letters. One
 * class, used once per line: the regex that repeated it for every letter
 * of three words took V8 ~10 ms to compile in every run that read a comment.
 */
const LOOKALIKE =
  /(?!\p{ASCII})[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Cherokee}]/gu
/** What a look-alike becomes in a skeleton (a private-use character). */
const STAND_IN = '\ue000'

/** A letter, or a look-alike's stand-in. */
function fuzzy(word: string): string {
  return [...word].map((c) => `[${c}${STAND_IN}]`).join('')
}
const VERB = `(?:${fuzzy('approve')}|${fuzzy('deny')})`
const NEAR_MISS = new RegExp(
  `\\/\\s*${VERB}[-_\\s]?${fuzzy('destroy')}|${VERB}[-_]${fuzzy('destroy')}`,
  'gu'
)

/**
 * Invisible characters removed, compatibility forms folded, dashes and
 * slashes unified, look-alike letters made one stand-in (a stand-in that
 * was there before is not one).
 */
function skeleton(text: string): string {
  return text
    .replace(/\p{Cf}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .replaceAll(STAND_IN, '\ufffd')
    .replace(LOOKALIKE, STAND_IN)
}

/** Whether a line holds something a person probably meant as a command. */
function nearMiss(line: string): boolean {
  for (const match of skeleton(line).matchAll(NEAR_MISS)) {
    // Some real letters are needed: "/приветствуйтедрузья" is not a command.
    const ascii = match[0].replace(/[^a-z]/g, '').length
    if (ascii >= 4) return true
  }
  return false
}

/**
 * Reads a comment or review body as a gate command. Only an exact first
 * line counts, and nothing is normalised before matching, so look-alike
 * or hidden text can never become a valid command; near misses come back
 * as `malformed` so the author can be told why.
 */
export function parseApprovalCommand(body: string): ParsedCommand {
  const first = firstLine(body)
  const exact = COMMAND.exec(first)
  if (exact !== null) {
    const [, verb, digest] = exact
    if (digest !== undefined)
      return { kind: verb === 'deny' ? 'deny' : 'approve', digest }
  }
  if (nearMiss(first))
    return { kind: 'malformed', reason: firstLineFlaw(first) }
  const lines = body.split(LINE_BREAK)
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (nearMiss(line))
      return {
        kind: 'malformed',
        reason: laterLineFlaw(lines.slice(0, i), line)
      }
  }
  return { kind: 'none' }
}

/** The first line without its trailing spaces, tabs and carriage return. */
function firstLine(body: string): string {
  const newline = body.indexOf('\n')
  return (newline === -1 ? body : body.slice(0, newline))
    .replace(/\r$/, '')
    .replace(/[ \t]+$/, '')
}

/** Why a first line that looks like a command is not one. */
function firstLineFlaw(line: string): string {
  if (INVISIBLE.test(line)) return 'the first line holds invisible characters'
  if (NON_ASCII.test(line))
    return 'the first line holds non-ASCII or control characters (look-alike letters or spaces?)'
  if (/^\s/.test(line)) return 'the command must start the first line'
  if (line.startsWith('>')) return 'the command is quoted'
  if (line.startsWith('`') || line.startsWith('~~~'))
    return 'the command is inside code'
  if (line.startsWith('<!--')) return 'the command is inside an HTML comment'
  if (!line.startsWith('/'))
    return 'the command must be the first thing on the first line'
  const name = /^\/(\S*)/.exec(line)?.[1] ?? ''
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
    return (COMMAND_NAMES as readonly string[]).includes(name.toLowerCase())
      ? 'the command must be lower case'
      : 'unknown command; use /approve-destroy or /deny-destroy'
  }
  const rest = line.slice(1 + name.length)
  if (rest.trim() === '') return 'the digest is missing'
  if (!/^ \S/.test(rest))
    return 'put exactly one space between the command and the digest'
  const [digest = '', ...more] = rest.slice(1).split(/[ \t]/)
  if (/^[0-9a-fA-F]{16}$/.test(digest) && /[A-F]/.test(digest))
    return 'the digest must be lower case'
  if (!/^[0-9a-f]{16}$/.test(digest))
    return 'the digest must be 16 lower-case hex characters'
  if (more.length > 0) return 'nothing may follow the digest on the first line'
  return 'not a valid command'
}

/** Why a command below the first line does not count. */
function laterLineFlaw(before: readonly string[], line: string): string {
  const text = before.join('\n')
  if (text.lastIndexOf('<!--') > text.lastIndexOf('-->'))
    return 'the command is inside an HTML comment'
  const fences = before.filter((l) => /^ {0,3}(```|~~~)/.test(l)).length
  if (fences % 2 === 1 || line.includes('`'))
    return 'the command is inside code'
  if (/^\s*>/.test(line)) return 'the command is quoted'
  return 'the command must be on the first line'
}

const MESSAGES: Readonly<Record<RejectionCode, string>> = {
  malformed: 'not a valid command',
  'pr-closed': 'the pull request is closed or merged',
  deleted: 'the comment was deleted',
  withdrawn: 'the review was dismissed',
  bot: 'only user accounts can approve; bots and apps cannot',
  'via-app': 'it was posted through an app, not by a person directly',
  'ai-agent': 'the account is configured as an AI agent',
  'pr-author': "the pull request's author cannot approve its changes",
  contributor:
    "authors, committers and co-authors of the pull request's commits cannot approve it",
  'digest-mismatch':
    'the digest does not match the current gated changes; use the digest in the latest plangate comment',
  'review-state':
    'a review approves only when submitted as Approve; or post the command as a comment',
  'stale-commit': 'the review was submitted at an older commit',
  'before-report': 'it was posted before the current report',
  edited: 'it was edited after it was posted; post a new comment instead',
  minimized: 'the comment is hidden',
  'not-approver': 'the author is not on the list of approvers',
  'not-owner': 'the author is not a code owner of the gated changes',
  'owners-unknown':
    "the code owners of the gated changes are unknown (plangate's review record is missing or does not match its status); re-run plangate's pull request check",
  'teams-unavailable':
    'approver teams could not be read: a GitHub App token with organization members read permission is needed',
  'permission-unknown':
    "the author's repository permission could not be checked; it will be checked again on the next evaluation",
  'insufficient-permission': 'the author is not eligible to approve'
}

/** The reply text for a rejection code (the same sentence `Rejection.message` holds). */
export function rejectionMessage(code: RejectionCode, detail?: string): string {
  const base = MESSAGES[code]
  const text =
    detail === undefined
      ? base
      : code === 'malformed'
        ? `${base}: ${detail}. Write /approve-destroy <digest> alone on the first line`
        : code === 'not-owner'
          ? `${base}; ${detail}`
          : base
  return `Not counted: ${text}.`
}

function normalizeLogin(login: string): string {
  return login
    .trim()
    .replace(/^@/, '')
    .toLowerCase()
    .replace(/\[bot\]$/, '')
}

/** A bot, an app or any non-person account: never an approver, never answered. */
export function isBot(author: Account): boolean {
  return author.type.toLowerCase() !== 'user' || /\[bot\]$/i.test(author.login)
}

function isAiLogin(login: string, patterns: readonly string[]): boolean {
  const bare = normalizeLogin(login)
  const forms = [login, bare, `${bare}[bot]`]
  return patterns.some((raw) => {
    const pattern = raw.trim()
    return forms.some((form) => matchGlob(pattern, form))
  })
}

const NOREPLY = /^(?:(\d+)\+)?([^@\s]+)@users\.noreply\.github\.com$/i

interface Contributors {
  readonly logins: ReadonlySet<string>
  readonly ids: ReadonlySet<number>
}

function contributorsOf(context: ApprovalContext): Contributors {
  const logins = new Set(context.contributors.logins.map(normalizeLogin))
  const ids = new Set<number>()
  for (const email of context.contributors.emails) {
    const match = NOREPLY.exec(email.trim())
    if (match === null) continue
    if (match[2] !== undefined) logins.add(normalizeLogin(match[2]))
    if (match[1] !== undefined) ids.add(Number(match[1]))
  }
  return { logins, ids }
}

interface AllowList {
  readonly logins: ReadonlySet<string>
  readonly teams: readonly string[]
  /** `codeowners` is among the approvers; logins and teams are the rest. */
  readonly codeowners: boolean
}

function allowListOf(policy: ApprovalPolicy): AllowList {
  const logins = new Set<string>()
  const teams = new Set<string>()
  let codeowners = false
  for (const entry of policy.approvers) {
    const value = entry.trim().replace(/^@/, '').toLowerCase()
    if (value === '') continue
    if (value === CODEOWNERS_APPROVER) codeowners = true
    else if (value.includes('/')) teams.add(value)
    else logins.add(normalizeLogin(value))
  }
  return { logins, teams: [...teams], codeowners }
}

function refOf(candidate: Candidate): CandidateRef {
  return {
    kind: candidate.kind,
    id: candidate.id,
    login: candidate.author.login,
    authorId: candidate.author.id,
    at:
      candidate.kind === 'comment'
        ? candidate.createdAt
        : (candidate.submittedAt ?? '')
  }
}

/** Strictly later, comparing instants; an unreadable time is never later. */
function isAfter(time: string, than: string): boolean {
  const a = Date.parse(time)
  const b = Date.parse(than)
  return Number.isFinite(a) && Number.isFinite(b) && a > b
}

function sameInstant(a: string, b: string): boolean {
  const x = Date.parse(a)
  return Number.isFinite(x) && x === Date.parse(b)
}

function isSet(value: string | null | undefined): boolean {
  return value !== undefined && value !== null
}

function validateContext(context: ApprovalContext): void {
  const { policy } = context
  if (!Number.isInteger(policy.minApprovals) || policy.minApprovals < 1)
    throw new ApprovalInputError(
      `minApprovals must be an integer of at least 1, got ${String(policy.minApprovals)}`
    )
  if (!(MIN_PERMISSIONS as readonly string[]).includes(policy.minPermission))
    throw new ApprovalInputError(
      `minPermission must be one of ${MIN_PERMISSIONS.join('|')}, got ${JSON.stringify(policy.minPermission)}`
    )
  if (!/^[0-9a-f]{16}$/.test(context.digest))
    throw new ApprovalInputError(
      `digest must be 16 lower-case hex characters, got ${JSON.stringify(context.digest)}`
    )
  if (!Number.isFinite(Date.parse(context.reportAt)))
    throw new ApprovalInputError(
      `reportAt must be an ISO time, got ${JSON.stringify(context.reportAt)}`
    )
}

/**
 * Phase one: applies every check that needs no API call, so the shell
 * looks up the permission of only the people whose command could count
 * (`logins`) and the approver teams only when someone needs them.
 */
export function screenCandidates(input: ScreenInput): Screened {
  const { context } = input
  validateContext(context)
  const { policy } = context
  const prOpen = context.prState === 'open' && !context.merged
  const contributors = contributorsOf(context)
  const allow = allowListOf(policy)
  const screened: ScreenedCandidate[] = []
  const logins = new Set<string>()
  let teamsNeeded = false
  const ownerTeams = allow.codeowners ? teamsOfOwners(context.ownership) : []
  for (const candidate of input.candidates) {
    const result = screenOne(candidate, context, prOpen, contributors, allow)
    if (result === undefined) continue
    screened.push(result)
    if (result.status !== 'needs-permission') continue
    logins.add(result.login)
    if (
      (allow.teams.length > 0 &&
        !allow.logins.has(normalizeLogin(result.login))) ||
      ownerTeams.length > 0
    )
      teamsNeeded = true
  }
  return {
    policy,
    prOpen,
    candidates: screened,
    logins: [...logins],
    teamsToResolve: teamsNeeded
      ? [...new Set([...allow.teams, ...ownerTeams])]
      : [],
    ...(context.ownership === undefined ? {} : { ownership: context.ownership })
  }
}

/** The `org/team` owners of every group. */
function teamsOfOwners(ownership: Ownership | undefined): string[] {
  if (ownership?.kind !== 'known') return []
  const teams = new Set<string>()
  for (const group of ownership.groups)
    for (const owner of group.owners) if (isTeamOwner(owner)) teams.add(owner)
  return [...teams]
}

function isTeamOwner(owner: string): boolean {
  return owner.includes('/') && !owner.includes('@')
}

function screenOne(
  candidate: Candidate,
  context: ApprovalContext,
  prOpen: boolean,
  contributors: Contributors,
  allow: AllowList
): ScreenedCandidate | undefined {
  const parsed = parseApprovalCommand(candidate.body)
  if (parsed.kind === 'none') return undefined
  const state =
    candidate.kind === 'review' ? candidate.state.toUpperCase() : undefined
  if (state === 'PENDING') return undefined
  const { author } = candidate
  const automated = isBot(author) || isSet(candidate.viaApp)
  const ref = refOf(candidate)
  const reject = (
    code: RejectionCode,
    command: Rejection['command'],
    detail?: string
  ): ScreenedCandidate => ({
    status: 'rejected',
    rejection: {
      candidate: ref,
      command,
      code,
      message: rejectionMessage(code, detail),
      notify:
        !automated &&
        !(candidate.kind === 'comment' && candidate.deleted === true) &&
        state !== 'DISMISSED'
    }
  })
  // A well-formed command with a mistyped digest (upper case, wrong length)
  // is a digest mismatch, reported as such once the author is checked.
  const valid =
    parsed.kind === 'malformed' ? digestVariant(candidate.body) : parsed
  if (valid === undefined)
    return reject(
      'malformed',
      'malformed',
      parsed.kind === 'malformed' ? parsed.reason : undefined
    )
  const command = valid.kind
  if (!prOpen) return reject('pr-closed', command)
  if (candidate.kind === 'comment' && candidate.deleted === true)
    return reject('deleted', command)
  if (state === 'DISMISSED') return reject('withdrawn', command)
  if (isBot(author)) return reject('bot', command)
  if (isSet(candidate.viaApp)) return reject('via-app', command)
  if (isAiLogin(author.login, context.policy.aiLogins))
    return reject('ai-agent', command)
  const login = normalizeLogin(author.login)
  const isPrAuthor =
    login === normalizeLogin(context.prAuthor.login) ||
    author.id === context.prAuthor.id
  if (isPrAuthor && !context.policy.allowPrAuthor)
    return reject('pr-author', command)
  const contributed =
    contributors.logins.has(login) || contributors.ids.has(author.id)
  if (
    contributed &&
    !context.policy.allowContributors &&
    !(isPrAuthor && context.policy.allowPrAuthor)
  )
    return reject('contributor', command)
  if (valid.digest !== context.digest) return reject('digest-mismatch', command)
  if (command === 'approve') {
    if (candidate.kind === 'review') {
      if (state !== 'APPROVED') return reject('review-state', command)
      if (candidate.commitId !== context.headSha)
        return reject('stale-commit', command)
      if (!isAfter(candidate.submittedAt ?? '', context.reportAt))
        return reject('before-report', command)
      if (isSet(candidate.editedAt)) return reject('edited', command)
    } else {
      if (!isAfter(candidate.createdAt, context.reportAt))
        return reject('before-report', command)
      if (
        !sameInstant(candidate.updatedAt, candidate.createdAt) ||
        isSet(candidate.editedAt)
      )
        return reject('edited', command)
      if (candidate.minimized === true) return reject('minimized', command)
    }
  }
  if (
    !allow.codeowners &&
    allow.teams.length === 0 &&
    allow.logins.size > 0 &&
    !allow.logins.has(login)
  )
    return reject('not-approver', command)
  return {
    status: 'needs-permission',
    candidate: ref,
    command,
    login: author.login.toLowerCase()
  }
}

const DIGEST_VARIANT = /^\/(approve|deny)-destroy ([0-9a-fA-F]{1,64})$/

/** The command and digest of a first line that is exact but for its digest. */
function digestVariant(
  body: string
): { kind: 'approve' | 'deny'; digest: string } | undefined {
  const match = DIGEST_VARIANT.exec(firstLine(body))
  if (match === null) return undefined
  return {
    kind: match[1] === 'deny' ? 'deny' : 'approve',
    digest: match[2] ?? ''
  }
}

function rank(permission: Permission): number {
  return PERMISSION_LEVELS.indexOf(permission)
}

/**
 * Phase two: adds the live permissions (and team memberships) the shell
 * fetched and decides. Anything missing or failed makes that person not
 * eligible, so an API outage can only keep the gate closed.
 */
export function evaluateApprovals(
  screened: Screened,
  permissions: ReadonlyMap<string, Permission | 'error'>,
  options: EvaluateOptions = {}
): ApprovalOutcome {
  const { policy } = screened
  const allow = allowListOf(policy)
  const teamMembers = normalizeTeams(options.teamMembers)
  const ownership: Ownership | undefined = allow.codeowners
    ? (screened.ownership ?? {
        kind: 'unknown',
        reason: 'no review record'
      })
    : undefined
  const groups =
    ownership?.kind === 'known'
      ? ownership.groups.map((group) => ({
          group,
          canApprove: canApproveGroup(group, policy, allow),
          approvers: new Set<number>()
        }))
      : []
  const rejected: Rejection[] = []
  const approvals = new Map<number, Approver>()
  const denials = new Map<number, Approver>()
  for (const item of screened.candidates) {
    if (item.status === 'rejected') {
      rejected.push(item.rejection)
      continue
    }
    let covers: number[] = []
    let code: RejectionCode | undefined
    if (ownership === undefined)
      code = eligibility(item, policy, allow, teamMembers, permissions)
    else {
      const owner = ownerEligibility(
        item,
        ownership,
        policy,
        allow,
        teamMembers
      )
      if (typeof owner === 'string') code = owner
      else covers = owner
      // A denial is fail-closed: it needs only the permission when owners are unknown.
      if (code === 'owners-unknown' && item.command === 'deny') code = undefined
      code ??= permissionProblem(item, policy, permissions)
    }
    if (code !== undefined) {
      const detail = code === 'not-owner' ? whoCanApprove(groups) : undefined
      rejected.push({
        candidate: item.candidate,
        command: item.command,
        code,
        message: rejectionMessage(code, detail),
        notify: true
      })
      continue
    }
    const into = item.command === 'deny' ? denials : approvals
    const { candidate } = item
    if (item.command === 'approve')
      for (const index of covers)
        groups[index]?.approvers.add(candidate.authorId)
    const previous = into.get(candidate.authorId)
    const entry = { kind: candidate.kind, id: candidate.id, at: candidate.at }
    into.set(candidate.authorId, {
      login: candidate.login,
      id: candidate.authorId,
      candidates: [...(previous?.candidates ?? []), entry]
    })
  }
  const approvedBy = [...approvals.values()]
  const deniedBy = [...denials.values()]
  const everyGroup =
    ownership === undefined ||
    (ownership.kind === 'known' &&
      groups.every((group) => group.approvers.size > 0))
  const state: ApprovalState = !screened.prOpen
    ? 'pending'
    : deniedBy.length > 0
      ? 'rejected'
      : approvedBy.length >= policy.minApprovals && everyGroup
        ? 'approved'
        : 'pending'
  const loginOf = (id: number): string => approvals.get(id)?.login ?? String(id)
  return {
    state,
    prOpen: screened.prOpen,
    required: policy.minApprovals,
    approvedBy,
    deniedBy,
    rejected,
    ...(ownership === undefined
      ? {}
      : {
          owners: {
            groups: groups.map(({ group, canApprove, approvers }) => ({
              ...group,
              ...(group.owners.length === 0
                ? { fallback: policy.codeownersFallback }
                : {}),
              canApprove,
              approvedBy: [...approvers].map(loginOf)
            })),
            note: ownersNote(ownership, policy)
          }
        })
  }
}

/**
 * Which groups a person's approval covers, or why it covers none: an
 * owner (directly or through a team) covers the groups they own; the
 * unowned group follows `codeownersFallback`.
 */
function ownerEligibility(
  item: Extract<ScreenedCandidate, { status: 'needs-permission' }>,
  ownership: Ownership,
  policy: ApprovalPolicy,
  allow: AllowList,
  teamMembers: ReadonlyMap<string, ReadonlySet<string>> | 'unavailable'
): number[] | RejectionCode {
  if (ownership.kind === 'unknown') return 'owners-unknown'
  const login = normalizeLogin(item.candidate.login)
  const covers: number[] = []
  let teamUnread = false
  const member = (team: string): boolean => {
    if (teamMembers === 'unavailable' || !teamMembers.has(team)) {
      teamUnread = true
      return false
    }
    return teamMembers.get(team)?.has(login) === true
  }
  const inList = (
    logins: Iterable<string>,
    teams: Iterable<string>
  ): boolean => {
    for (const entry of logins) if (entry === login) return true
    for (const team of teams) if (member(team)) return true
    return false
  }
  ownership.groups.forEach((group, index) => {
    let ok: boolean
    if (group.owners.length > 0)
      ok = inList(
        group.owners.filter((owner) => !owner.includes('/')),
        group.owners.filter(isTeamOwner)
      )
    else
      switch (policy.codeownersFallback) {
        case 'anyone':
          ok = true
          break
        case 'block':
          ok = false
          break
        case 'approvers':
          ok =
            (allow.logins.size === 0 && allow.teams.length === 0) ||
            inList(allow.logins, allow.teams)
          break
      }
    if (ok) covers.push(index)
  })
  if (covers.length > 0) return covers
  return teamUnread ? 'teams-unavailable' : 'not-owner'
}

function permissionProblem(
  item: Extract<ScreenedCandidate, { status: 'needs-permission' }>,
  policy: ApprovalPolicy,
  permissions: ReadonlyMap<string, Permission | 'error'>
): RejectionCode | undefined {
  const permission = permissions.get(item.login)
  if (
    permission === undefined ||
    permission === 'error' ||
    !(PERMISSION_LEVELS as readonly string[]).includes(permission)
  )
    return 'permission-unknown'
  if (rank(permission) < rank(policy.minPermission))
    return 'insufficient-permission'
  return undefined
}

/**
 * The groups of gated changes and who can approve each, before anyone
 * has: what the comment shows on a first review.
 */
export function describeOwners(
  ownership: Ownership,
  policy: ApprovalPolicy
): OwnersOutcome {
  const allow = allowListOf(policy)
  return {
    groups:
      ownership.kind === 'known'
        ? ownership.groups.map((group) => ({
            ...group,
            ...(group.owners.length === 0
              ? { fallback: policy.codeownersFallback }
              : {}),
            canApprove: canApproveGroup(group, policy, allow),
            approvedBy: []
          }))
        : [],
    note: ownersNote(ownership, policy)
  }
}

/** Whether `approval.approvers` holds `codeowners`. */
export function usesCodeowners(policy: ApprovalPolicy): boolean {
  return allowListOf(policy).codeowners
}

/** Who can approve a group, for people. */
function canApproveGroup(
  group: OwnerGroup,
  policy: ApprovalPolicy,
  allow: AllowList
): string[] {
  if (group.owners.length > 0)
    return group.owners.map((owner) =>
      owner.includes('@') ? owner : `@${owner}`
    )
  switch (policy.codeownersFallback) {
    case 'anyone':
      return ['anyone eligible']
    case 'block':
      return ['nobody (codeowners-fallback: block)']
    case 'approvers':
      return allow.logins.size === 0 && allow.teams.length === 0
        ? ['anyone eligible']
        : [...allow.logins, ...allow.teams].map((entry) => `@${entry}`)
  }
}

/** "who can approve: @dba for aws_db_instance.main; …", for a reply. */
function whoCanApprove(
  groups: readonly { group: OwnerGroup; canApprove: readonly string[] }[]
): string {
  const parts = groups.map(({ group, canApprove }) => {
    const [first = ''] = group.changes
    const what =
      group.changes.length === 1
        ? first
        : `${first} and ${group.changes.length - 1} more`
    return `${canApprove.slice(0, 5).join(', ')}${canApprove.length > 5 ? ` +${canApprove.length - 5}` : ''} for ${what}`
  })
  return `who can approve: ${parts.slice(0, 5).join('; ')}${parts.length > 5 ? ` (+${parts.length - 5} groups)` : ''}`
}

/** What applied, in a few words for the status. */
function ownersNote(ownership: Ownership, policy: ApprovalPolicy): string {
  if (ownership.kind === 'unknown')
    return `code owners unknown (${ownership.reason}): approvals blocked`
  const fallback = `fallback ${policy.codeownersFallback}`
  if (ownership.missing !== undefined)
    return `${ownership.missing}: ${fallback}`
  const unowned = ownership.groups.find((group) => group.owners.length === 0)
  if (unowned !== undefined)
    return `${unowned.changes.length} without code owner: ${fallback}`
  return ''
}

function normalizeTeams(
  teams: EvaluateOptions['teamMembers']
): ReadonlyMap<string, ReadonlySet<string>> | 'unavailable' {
  if (teams === undefined || teams === 'unavailable') return 'unavailable'
  const out = new Map<string, Set<string>>()
  for (const [team, members] of teams) {
    const key = team.trim().replace(/^@/, '').toLowerCase()
    const set = out.get(key) ?? new Set<string>()
    for (const member of members) set.add(normalizeLogin(member))
    out.set(key, set)
  }
  return out
}

function eligibility(
  item: Extract<ScreenedCandidate, { status: 'needs-permission' }>,
  policy: ApprovalPolicy,
  allow: AllowList,
  teamMembers: ReadonlyMap<string, ReadonlySet<string>> | 'unavailable',
  permissions: ReadonlyMap<string, Permission | 'error'>
): RejectionCode | undefined {
  const login = normalizeLogin(item.candidate.login)
  if (
    (allow.logins.size > 0 || allow.teams.length > 0) &&
    !allow.logins.has(login)
  ) {
    if (allow.teams.length === 0) return 'not-approver'
    if (teamMembers === 'unavailable') return 'teams-unavailable'
    const member = allow.teams.some(
      (team) => teamMembers.get(team)?.has(login) === true
    )
    const unread = allow.teams.some((team) => !teamMembers.has(team))
    if (!member) return unread ? 'teams-unavailable' : 'not-approver'
  }
  const permission = permissions.get(item.login)
  if (
    permission === undefined ||
    permission === 'error' ||
    !(PERMISSION_LEVELS as readonly string[]).includes(permission)
  )
    return 'permission-unknown'
  if (rank(permission) < rank(policy.minPermission))
    return 'insufficient-permission'
  return undefined
}
