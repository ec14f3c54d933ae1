/**
 * The verdict on one commit: written by an AI agent, by non-AI automation,
 * or (as far as metadata can tell) by a human.
 *
 * Verdict rules, in order:
 * 1. Any `definite` or `likely` AI hit, from the commit or from its pull
 *    request, makes the commit `ai`, with the strongest hit's confidence and
 *    tool.
 * 2. Weak AI hits are advisory, unless two of them from *different fields*
 *    name the *same tool* (Bolt's address as author and as committer; an
 *    "AI-generated" line in the commit and in the PR body): then the commit
 *    is `ai` with confidence `weak`. Hits naming different tools, or two
 *    hits on one field, never corroborate. The verdict decides the gate; the
 *    confidence stays the strength of the best single hit, so a reviewer sees
 *    that the case rests on circumstantial evidence.
 * 3. Otherwise a `definite`/`likely` automation hit *on the commit itself*
 *    makes it `automation`. Pull-request automation hits (a Dependabot PR)
 *    stay advisory: a human's fix-up commit on a bot's PR is the human's.
 * 4. Otherwise `human`, with every advisory hit kept as evidence.
 *
 * Pull-request evidence reaches every commit of the PR, with no opt-out:
 * agents that commit under their human's identity (Codex cloud, local
 * agents) are the main false negative, and nothing in a commit can prove it
 * was typed by a person. PR hits therefore only ever make a commit more
 * suspect. A trusted human (see `buildRules`) only stops identity rules from
 * reading that person's own email or login as an agent.
 */
import { compileRule } from './matchers.js'
import {
  bodyLines,
  messageLines,
  parseIdentity,
  parseTrailers,
  splitLines
} from './trailers.js'
import type { ScannableLine, Trailer } from './trailers.js'
import type {
  CommitFacts,
  CommitVerdict,
  Confidence,
  Evidence,
  IdentityField,
  PullRequestFacts,
  Rule,
  RuleField
} from './types.js'
import { CONFIDENCES, IDENTITY_FIELDS, PR_FIELDS } from './types.js'

/** Longest evidence text kept; reports quote it verbatim. */
export const MAX_EVIDENCE_CHARS = 200

interface Candidate {
  /** What the matcher tests. */
  readonly value: string
  /** What the evidence quotes. */
  readonly text: string
}

/** Everything the rules look at, parsed once per commit. */
interface Subject {
  readonly commit: CommitFacts
  readonly pr: PullRequestFacts | undefined
  readonly trailers: readonly Trailer[]
  readonly lines: readonly ScannableLine[]
  readonly noteLines: readonly string[]
  readonly prBodyLines: readonly ScannableLine[]
}

/**
 * Classifies one commit against the rules (see the module comment for the
 * verdict rules). Pure: the same facts and rules always give the same
 * verdict and evidence order.
 */
export function classifyCommit(
  commit: CommitFacts,
  pr: PullRequestFacts | undefined,
  rules: readonly Rule[]
): CommitVerdict {
  const subject: Subject = {
    commit,
    pr,
    trailers: parseTrailers(commit.message),
    lines: messageLines(commit.message),
    noteLines: commit.notes === undefined ? [] : splitLines(commit.notes),
    prBodyLines: pr === undefined ? [] : bodyLines(pr.body)
  }

  const trusted = new Set<IdentityField>()
  const evidence: Evidence[] = []
  const fallback: boolean[] = []
  for (const rule of rules.filter((r) => r.category === 'human')) {
    const hit = evaluate(rule, subject)
    if (hit === undefined) continue
    evidence.push(hit)
    fallback.push(rule.fallback === true)
    if (isIdentityField(rule.field)) trusted.add(rule.field)
  }
  for (const rule of rules) {
    if (rule.category === 'human') continue
    if (isIdentityField(rule.field) && trusted.has(rule.field)) continue
    const hit = evaluate(rule, subject)
    if (hit === undefined) continue
    evidence.push(hit)
    fallback.push(rule.fallback === true)
  }

  const specific = new Set(
    evidence.filter((_, i) => !fallback[i]).map((e) => e.text)
  )
  const ordered = evidence
    .filter((e, i) => !fallback[i] || !specific.has(e.text))
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        rank(a.e.confidence) - rank(b.e.confidence) ||
        Number(isPrField(a.e.field)) - Number(isPrField(b.e.field)) ||
        a.i - b.i
    )
    .map(({ e }) => e)

  const base = { sha: commit.sha, evidence: ordered }
  const ai = ordered.filter((e) => e.category === 'ai')
  const strongest = ai.find((e) => e.confidence !== 'weak')
  if (strongest !== undefined)
    return {
      ...base,
      verdict: 'ai',
      tool: strongest.tool,
      confidence: strongest.confidence
    }

  const agreed = corroboratedTool(ai)
  if (agreed !== undefined)
    return { ...base, verdict: 'ai', tool: agreed, confidence: 'weak' }

  const bot = ordered.find(
    (e) =>
      e.category === 'automation' &&
      e.confidence !== 'weak' &&
      !isPrField(e.field)
  )
  if (bot !== undefined)
    return {
      ...base,
      verdict: 'automation',
      tool: bot.tool,
      confidence: bot.confidence
    }

  return { ...base, verdict: 'human' }
}

/** The first tool named by weak hits from two different fields, if any. */
function corroboratedTool(ai: readonly Evidence[]): string | undefined {
  const fieldsByTool = new Map<string, Set<RuleField>>()
  for (const e of ai) {
    if (e.confidence !== 'weak') continue
    const fields = fieldsByTool.get(e.tool) ?? new Set<RuleField>()
    fields.add(e.field)
    fieldsByTool.set(e.tool, fields)
    if (fields.size >= 2) return e.tool
  }
  return undefined
}

/** The rule's first hit on the subject, as evidence. */
function evaluate(rule: Rule, subject: Subject): Evidence | undefined {
  const compiled = compileRule(rule)
  const hit = candidatesFor(rule, subject).find((c) => compiled.test(c.value))
  if (hit === undefined) return undefined
  const conditionsHold = compiled.requires.every(({ condition, test }) =>
    values(condition.field, subject).some((c) => test(c.value))
  )
  if (!conditionsHold) return undefined
  return {
    ruleId: rule.id,
    tool: rule.tool,
    category: rule.category,
    confidence: rule.confidence,
    field: rule.field,
    // A trailer is quoted as its line; any other field as the matched token only.
    text: clip(
      rule.field === 'trailer'
        ? hit.text
        : (compiled.extract(hit.value) ?? hit.text)
    )
  }
}

function candidatesFor(rule: Rule, subject: Subject): readonly Candidate[] {
  switch (rule.field) {
    case 'trailer': {
      const key = rule.key.toLowerCase()
      const part = rule.part ?? 'value'
      return subject.trailers
        .filter((t) => t.key.toLowerCase() === key)
        .flatMap((t): Candidate[] => {
          if (part === 'value') return [{ value: t.value, text: t.line }]
          const identity = parseIdentity(t.value)
          if (identity === undefined) return []
          return [
            {
              value: part === 'email' ? identity.email : identity.name,
              text: t.line
            }
          ]
        })
    }
    case 'message-line':
      return subject.lines
        .filter((l) => rule.subjectOnly !== true || l.subject)
        .map((l) => ({ value: l.text, text: l.text }))
    default:
      return values(rule.field, subject)
  }
}

/** The values of a field other than `trailer`, in message order. */
function values(
  field: Exclude<RuleField, 'trailer'>,
  subject: Subject
): readonly Candidate[] {
  const { commit, pr } = subject
  const one = (value: string): Candidate[] => [{ value, text: value.trim() }]
  switch (field) {
    case 'author-email':
      return one(commit.author.email)
    case 'author-name':
      return one(commit.author.name)
    case 'committer-email':
      return one(commit.committer.email)
    case 'committer-name':
      return one(commit.committer.name)
    case 'message-line':
      return subject.lines.map((l) => ({ value: l.text, text: l.text }))
    case 'git-ai-note':
      return subject.noteLines.map((l) => ({ value: l, text: l.trim() }))
    case 'pr-author-login':
      return pr === undefined ? [] : one(pr.authorLogin)
    case 'pr-author-type':
      return pr === undefined ? [] : one(pr.authorType)
    case 'pr-body':
      return subject.prBodyLines.map((l) => ({ value: l.text, text: l.text }))
    case 'head-branch':
      return pr === undefined ? [] : one(pr.headBranch)
  }
}

function clip(text: string): string {
  const trimmed = text.trim()
  return trimmed.length <= MAX_EVIDENCE_CHARS
    ? trimmed
    : `${trimmed.slice(0, MAX_EVIDENCE_CHARS - 1)}…`
}

function rank(confidence: Confidence): number {
  return CONFIDENCES.indexOf(confidence)
}

function isPrField(field: RuleField): boolean {
  return (PR_FIELDS as readonly RuleField[]).includes(field)
}

function isIdentityField(field: RuleField): field is IdentityField {
  return (IDENTITY_FIELDS as readonly RuleField[]).includes(field)
}
