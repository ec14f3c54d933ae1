import type { Analysis, Plan, ResourceChange } from '../model.js'
import { encodeMarker } from './marker.js'
import {
  code,
  escapeCell,
  escapeText,
  fence,
  MAX_COMMENT_CHARS,
  renderMarkdown
} from './markdown.js'
import type { MarkdownTier } from './markdown.js'
import { countsLine, labelFor, markerFor } from './values.js'

/** The command a reviewer types to approve, with the digest after a space. */
export const APPROVE_COMMAND = '/approve-destroy'
/** The command that rejects a gated set. */
export const DENY_COMMAND = '/deny-destroy'

/**
 * Where the review stands, as the comment's first line says it:
 * - `pass`: nothing is gated;
 * - `blocked`: gated changes wait for an approval of `digest`;
 * - `approved`: an eligible human approved `digest` at this head;
 * - `rejected`: an eligible human denied `digest`;
 * - `incomplete`: a plan cannot be trusted (errored, partial); no approval helps.
 */
export const REVIEW_STATES = [
  'pass',
  'blocked',
  'approved',
  'rejected',
  'incomplete'
] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export interface CommentOptions {
  readonly state: ReviewState
  readonly statusContext: string
  readonly headSha: string
  /** Digest of the gated set; empty when nothing is gated. */
  readonly digest: string
  /** Audit lines (approvals, denials, stale approvals), shown as they are. */
  readonly audit?: readonly string[]
  /** Link to the run that wrote the comment. */
  readonly runUrl?: string
  /** Upper bound on the body's length (default MAX_COMMENT_CHARS). */
  readonly maxChars?: number
}

export interface RenderedComment {
  readonly body: string
  /** The tier of the report part. */
  readonly tier: MarkdownTier
}

/** Characters kept back for the gated section before the report gets the rest. */
const GATED_SHARE = 0.4

/**
 * The sticky pull request comment: the marker, a verdict line, the gated
 * changes first with the commits that caused them, the exact command to
 * approve them, then the full report in the largest tier that fits. Every
 * destructive address survives: when the gated table is too long it is
 * dropped in favour of the report's own destructive list, which every tier
 * keeps.
 */
export function renderComment(
  analysis: Analysis,
  options: CommentOptions
): RenderedComment {
  const maxChars = options.maxChars ?? MAX_COMMENT_CHARS
  const head: string[] = [
    encodeMarker({
      context: options.statusContext,
      head: options.headSha,
      digest: options.digest
    }),
    headline(analysis, options),
    '',
    `${code(options.statusContext)} at ${code(options.headSha.slice(0, 12))}: ${escapeText(countsLine(analysis.summary))}.`,
    ''
  ]
  head.push(...auditBlock(options.audit ?? []))

  const gated = gatedChanges(analysis)
  let gatedSection = renderGated(analysis, gated)
  if (gatedSection.length > maxChars * GATED_SHARE)
    gatedSection = [
      `#### Needs approval (${gated.length})`,
      '',
      'The list is too long for this comment; every destructive change is listed in the report below.',
      ''
    ]
  const tail: string[] = []
  if (options.state === 'blocked' && options.digest !== '') {
    tail.push(
      `To approve exactly these ${gated.length} change${gated.length === 1 ? '' : 's'} at this head, a person with write access who did not write this pull request's commits comments, on the first line:`,
      '',
      fence(`${APPROVE_COMMAND} ${options.digest}`, 'text'),
      '',
      `To reject them: ${code(`${DENY_COMMAND} ${options.digest}`)}. A new push or a changed plan needs a new approval.`,
      ''
    )
  }
  if (options.runUrl !== undefined)
    tail.push(`<sub>[plangate run](${options.runUrl})</sub>`, '')

  const fixed = [...head, ...gatedSection, ...tail].join('\n')
  const budget = Math.max(2_000, maxChars - fixed.length - 200)
  const report = renderMarkdown(analysis, { maxChars: budget })
  const body = [
    ...head,
    ...gatedSection,
    ...tail,
    '<details><summary>Full report</summary>',
    '',
    report.markdown.trimEnd(),
    '',
    '</details>',
    ''
  ].join('\n')
  return { body, tier: report.tier }
}

function headline(analysis: Analysis, options: CommentOptions): string {
  if (options.state === 'pass')
    return analysis.summary.destructive === 0
      ? '## ✅ plangate: no destructive changes'
      : `## ✅ plangate: ${analysis.summary.destructive} destructive change${analysis.summary.destructive === 1 ? '' : 's'}, none needs approval`
  return reviewHeadline(options.state, analysis.decision.gated.length)
}

/** The comment's second line for a state, as approval runs rewrite it. */
export function reviewHeadline(state: ReviewState, gated: number): string {
  const changes = `${gated} destructive change${gated === 1 ? '' : 's'}`
  switch (state) {
    case 'pass':
      return '## ✅ plangate: nothing needs approval'
    case 'blocked':
      return `## ⛔ plangate: ${changes} need${gated === 1 ? 's' : ''} approval`
    case 'approved':
      return `## ✅ plangate: ${changes} approved`
    case 'rejected':
      return `## ⛔ plangate: ${changes} rejected`
    case 'incomplete':
      return '## ⛔ plangate: the plan is incomplete, so nothing can be approved'
  }
}

const AUDIT_START = '<!-- plangate:audit -->'
const AUDIT_END = '<!-- /plangate:audit -->'

function auditBlock(lines: readonly string[]): string[] {
  return [
    AUDIT_START,
    ...lines.map((line) => `> ${escapeText(line)}`),
    AUDIT_END,
    ''
  ]
}

/** The audit lines of a comment plangate wrote (without the quote marks). */
export function readAudit(body: string): string[] {
  const start = body.indexOf(`\n${AUDIT_START}\n`)
  const end = body.indexOf(`\n${AUDIT_END}\n`, start + 1)
  if (start === -1 || end === -1) return []
  return body
    .slice(start + AUDIT_START.length + 2, end)
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) =>
      line
        .slice(2)
        .replace(/@\u200b/g, '@')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    )
}

/**
 * Rewrites the headline and the audit lines of a comment plangate wrote,
 * leaving the report as it is: what an approval run, which reads no plan,
 * can update. Undefined when the body has no audit block.
 */
export function rewriteAudit(
  body: string,
  headline: string,
  lines: readonly string[]
): string | undefined {
  const start = body.indexOf(`\n${AUDIT_START}\n`)
  const end = body.indexOf(`\n${AUDIT_END}\n`, start + 1)
  const first = body.indexOf('\n')
  const second = body.indexOf('\n', first + 1)
  if (start === -1 || end === -1 || first === -1 || second > start)
    return undefined
  return [
    body.slice(0, first + 1) + headline,
    body.slice(second, start + 1) + auditBlock(lines).join('\n'),
    body.slice(end + AUDIT_END.length + 2)
  ].join('')
}

interface GatedEntry {
  readonly plan: Plan
  readonly change: ResourceChange
}

function gatedChanges(analysis: Analysis): GatedEntry[] {
  const keys = new Set(
    analysis.decision.gated.map((g) => `${g.source}\u0000${g.address}`)
  )
  const entries: GatedEntry[] = []
  for (const plan of analysis.plans)
    for (const change of plan.changes)
      if (keys.has(`${plan.source}\u0000${change.address}`))
        entries.push({ plan, change })
  return entries
}

function renderGated(
  analysis: Analysis,
  gated: readonly GatedEntry[]
): string[] {
  if (gated.length === 0) return []
  const multi = analysis.plans.length > 1
  const commits = new Map((analysis.commits ?? []).map((c) => [c.sha, c]))
  const withCommits = analysis.verdicts !== undefined
  const out = [
    `#### Needs approval (${gated.length})`,
    '',
    withCommits ? '| | Address | Why | Caused by |' : '| | Address | Why |',
    withCommits ? '|---|---|---|---|' : '|---|---|---|'
  ]
  for (const { plan, change } of gated) {
    const where = `${code(change.address, true)}${multi ? ` <sub>${escapeCell(plan.source)}</sub>` : ''}`
    const why = escapeCell(change.explanation ?? labelFor(change))
    if (!withCommits) {
      out.push(`| ${code(markerFor(change), true)} | ${where} | ${why} |`)
      continue
    }
    const verdict = analysis.verdicts?.get(change)
    const causes = (verdict?.causedBy ?? []).map((cause) => {
      const commit = commits.get(cause.sha)
      const who =
        commit === undefined
          ? ''
          : commit.verdict === 'ai'
            ? ` 🤖 ${commit.tool ?? 'AI agent'}${commit.evidence[0] === undefined ? '' : ` (${code(commit.evidence[0].text, true)})`}`
            : commit.verdict === 'automation'
              ? ` ⚙️ ${commit.tool ?? 'automation'}`
              : ' 👤 human'
      return `${code(cause.sha.slice(0, 7), true)} ${escapeCell(JSON.stringify(commit?.subject ?? ''))}${who}`
    })
    const caused =
      causes.length > 0
        ? causes.join('<br>')
        : verdict?.pinned === false
          ? 'no commit could be tied to it'
          : ''
    out.push(
      `| ${code(markerFor(change), true)} | ${where} | ${why} | ${caused} |`
    )
  }
  out.push('')
  return out
}
