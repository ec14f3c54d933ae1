/**
 * Types of the AI-authorship detector: rules as data, the facts a commit and
 * its pull request offer, and the verdict with its evidence.
 */

/**
 * Where a rule looks. Commit-level fields come from the commit itself;
 * `pr-*` and `head-branch` come from the pull request and apply to each of
 * its commits (see `classifyCommit`).
 */
export const RULE_FIELDS = [
  'author-email',
  'author-name',
  'committer-email',
  'committer-name',
  'trailer',
  'message-line',
  'git-ai-note',
  'pr-author-login',
  'pr-author-type',
  'pr-body',
  'head-branch'
] as const
export type RuleField = (typeof RULE_FIELDS)[number]

/** Fields that describe the pull request rather than the commit. */
export const PR_FIELDS = [
  'pr-author-login',
  'pr-author-type',
  'pr-body',
  'head-branch'
] as const satisfies readonly RuleField[]
export type PrField = (typeof PR_FIELDS)[number]

/**
 * The fields that hold an identity a trusted human can vouch for: the only
 * fields a `human` rule may use, and the only ones trust switches off.
 */
export const IDENTITY_FIELDS = [
  'author-email',
  'committer-email',
  'pr-author-login'
] as const satisfies readonly RuleField[]
export type IdentityField = (typeof IDENTITY_FIELDS)[number]

/**
 * How sure a hit is, strongest first.
 * - `definite`: a marker the tool or platform emits and people do not write by accident.
 * - `likely`: strongly indicates AI, but UI suggestions, IDE misfires or user-invented trailers also produce it.
 * - `weak`: circumstantial (a branch prefix, a keyword); advisory on its own.
 */
export const CONFIDENCES = ['definite', 'likely', 'weak'] as const
export type Confidence = (typeof CONFIDENCES)[number]

/**
 * What a hit says about the commit: written by an AI agent, made by non-AI
 * automation (Dependabot, Renovate), or made by a listed trusted human.
 */
export const RULE_CATEGORIES = ['ai', 'automation', 'human'] as const
export type RuleCategory = (typeof RULE_CATEGORIES)[number]

/** Which part of a trailer value a `trailer` rule tests (`Name <email>` values). */
export const TRAILER_PARTS = ['value', 'name', 'email'] as const
export type TrailerPart = (typeof TRAILER_PARTS)[number]

/**
 * How a rule tests a value, always case-insensitively.
 * - `exact`: the whole (trimmed) value, e.g. a whole email address.
 * - `glob`: `*` and `?` wildcards over the whole value (`claude/*`, `* (aider)`).
 * - `regex`: a JavaScript regex source that must start with `^`, so markers
 *   match from the start of a line or value and never mid-sentence.
 */
export type Matcher =
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'glob'; readonly pattern: string }
  | { readonly kind: 'regex'; readonly source: string }

/** An extra condition a rule needs, on a field other than `trailer`. */
export interface Condition {
  readonly field: Exclude<RuleField, 'trailer'>
  readonly match: Matcher
}

interface RuleCommon {
  /** Stable id, used in evidence and in the config's `disable` list. */
  readonly id: string
  /** The agent or bot the hit points at (`claude-code`, `dependabot`). */
  readonly tool: string
  readonly category: RuleCategory
  readonly confidence: Confidence
  readonly match: Matcher
  /** Every condition must also hold (e.g. the PR author is a `Bot`). */
  readonly requires?: readonly Condition[]
  /**
   * A catch-all rule: its hit is dropped when a specific rule quotes the
   * same text, so one trailer does not show up twice.
   */
  readonly fallback?: boolean
  /** Why the rule exists or where the marker was seen, for maintainers. */
  readonly note?: string
}

/** One detection rule: data, so that vendor drift is fixed without code. */
export type Rule =
  | (RuleCommon & {
      readonly field: Exclude<RuleField, 'trailer' | 'message-line'>
    })
  | (RuleCommon & {
      readonly field: 'message-line'
      /** Only the subject line (e.g. aider's `aider: ` prefix). */
      readonly subjectOnly?: boolean
    })
  | (RuleCommon & {
      readonly field: 'trailer'
      /** Trailer key, compared case-insensitively (`co-authored-by`). */
      readonly key: string
      /** Part of the value to test; default `value`. */
      readonly part?: TrailerPart
    })

/** A git identity as recorded in a commit. */
export interface Person {
  readonly name: string
  readonly email: string
}

/** What one commit offers to the detector, as read from git or the API. */
export interface CommitFacts {
  readonly sha: string
  readonly author: Person
  readonly committer: Person
  /** The full raw message, subject included. */
  readonly message: string
  /** The commit's note in `refs/notes/ai` (git-ai), when fetched. */
  readonly notes?: string
}

/** GitHub account types as the REST API (`user.type`) reports them. */
export const PR_AUTHOR_TYPES = [
  'User',
  'Bot',
  'Organization',
  'Mannequin'
] as const
export type PrAuthorType = (typeof PR_AUTHOR_TYPES)[number]

/** What the pull request a commit belongs to offers to the detector. */
export interface PullRequestFacts {
  /** REST login; bots end in `[bot]` (normalise GraphQL logins before). */
  readonly authorLogin: string
  readonly authorType: PrAuthorType
  /** The PR description; empty when there is none. */
  readonly body: string
  readonly headBranch: string
}

/** One rule hit, with the exact text that matched. */
export interface Evidence {
  readonly ruleId: string
  readonly tool: string
  readonly category: RuleCategory
  readonly confidence: Confidence
  readonly field: RuleField
  /** The matched line or value, trimmed, at most `MAX_EVIDENCE_CHARS` long. */
  readonly text: string
}

/** The three answers the detector gives about a commit. */
export const VERDICTS = ['ai', 'automation', 'human'] as const
export type Verdict = (typeof VERDICTS)[number]

/**
 * The detector's answer for one commit. `tool` and `confidence` are set for
 * `ai` and `automation`; `evidence` lists every hit (advisory ones too),
 * strongest first, so a reviewer can contest the decision.
 */
export interface CommitVerdict {
  readonly sha: string
  readonly verdict: Verdict
  readonly tool?: string
  readonly confidence?: Confidence
  readonly evidence: readonly Evidence[]
}
