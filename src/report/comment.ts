import type { Analysis } from '../model.js'
import {
  capitalize,
  code,
  joinedLength,
  link,
  thousands,
  plural,
  unescapeText
} from './escape.js'
import { MAX_COMMENT_CHARS, renderMarkdown } from './markdown.js'
import type { MarkdownTier } from './markdown.js'
import { encodeMarker, parseMarker } from './marker.js'
import {
  actionSection,
  destructiveEntries,
  planSection,
  protectedPathSection,
  actionInvocationSection,
  renderList,
  stateSection
} from './overview.js'
import type { ListTier, ReviewLinks, ReviewView } from './overview.js'
import { gatedCounts, NOTHING_GATED } from './status.js'

/*
 * The sticky pull request comment. Above the fold (before any <details>):
 * the verdict, one line per plan, the gated changes with why each is
 * destructive, why it is gated and who caused it, then the next step (the
 * command to copy while blocked). Below: the full report in the largest
 * tier that fits. Every part has size tiers, chosen by the length of the
 * final body, so the comment always fits GitHub's limit.
 *
 * The parts that depend on the review's state sit between hidden markers,
 * so that an approval run, which reads no plan, can restate the comment
 * (`restateComment`) to exactly what a full run would write.
 */

/**
 * What the comment shows besides the analysis: the review's view without
 * the counts (the analysis has them), and an optional size limit.
 */
export type CommentOptions = Omit<ReviewView, 'counts' | 'destructiveCount'> & {
  /** Upper bound on the body's length (default MAX_COMMENT_CHARS). */
  readonly maxChars?: number
}

export interface RenderedComment {
  readonly body: string
  /** The tier of the full report; `omitted` when it did not fit at all. */
  readonly tier: MarkdownTier | 'omitted'
  /** The tier of the gated list (`none` when nothing is gated). */
  readonly listTier: ListTier | 'none'
  /** Destructive addresses the comment does not name. */
  readonly hidden: number
}

const STATE_START = '<!-- plangate:state -->'
const STATE_END = '<!-- /plangate:state -->'
const ACTION_START = '<!-- plangate:action -->'
const ACTION_END = '<!-- /plangate:action -->'

/** Below this, the full report is left to the job summary. */
const MIN_DETAILS_CHARS = 1_500

/** Renders the comment for an analysis in a state. */
export function renderComment(
  analysis: Analysis,
  options: CommentOptions
): RenderedComment {
  const maxChars = options.maxChars ?? MAX_COMMENT_CHARS
  const view = viewOf(analysis, options)
  const top = [
    encodeMarker({
      context: options.statusContext,
      head: options.headSha,
      digest: options.digest
    }),
    ...wrap(STATE_START, stateSection(view), STATE_END),
    ...planSection(analysis)
  ]
  const action = wrap(ACTION_START, actionSection(view), ACTION_END)
  const footer = [footerLine(view)]
  const fixed = joinedLength(top) + joinedLength(action) + joinedLength(footer)

  const { gated, free } = destructiveEntries(analysis)
  const lists: string[] = []
  /** Long lists, folded away after the command. */
  const after: string[] = []
  let listTier: ListTier | 'none' = 'none'
  let hidden = 0
  lists.push(...protectedPathSection(analysis, options.links))
  lists.push(...actionInvocationSection(analysis))
  if (gated.length > 0) {
    const list = renderList(gated, {
      analysis,
      ...(options.links === undefined ? {} : { links: options.links }),
      gated: true,
      collapse: true,
      budget: maxChars - fixed - joinedLength(lists) - 1_200
    })
    lists.push(
      `### Gated changes (${thousands(gated.length)})`,
      '',
      ...list.lines
    )
    after.push(...list.folded)
    listTier = list.tier
    hidden += list.hidden
  }
  if (free.length > 0) {
    const list = renderList(free, {
      analysis,
      ...(options.links === undefined ? {} : { links: options.links }),
      gated: false,
      collapse: true,
      budget: maxChars - fixed - joinedLength(lists) - joinedLength(after) - 900
    })
    const title = `${plural(free.length, 'destructive change')} that ${free.length === 1 ? 'does' : 'do'} not need approval`
    if (gated.length === 0 && options.state === 'pass')
      lists.push(`### ${capitalize(title)}`, '', ...list.lines, ...list.folded)
    else
      after.push(
        `<details><summary>${title}</summary>`,
        '',
        ...list.lines,
        ...list.folded,
        '</details>',
        ''
      )
    hidden += list.hidden
  }
  if (hidden > 0) lists.push(...hiddenNote(hidden, options.links), '')

  const used = fixed + joinedLength(lists) + joinedLength(after)
  const budget = maxChars - used - 200
  const details: string[] = []
  let tier: MarkdownTier | 'omitted' = 'omitted'
  if (budget >= MIN_DETAILS_CHARS) {
    const report = renderMarkdown(analysis, { maxChars: budget })
    tier = report.tier
    details.push(
      `<details><summary>Full report: ${detailsTitle(analysis)}</summary>`,
      '',
      report.markdown.trimEnd(),
      '',
      '</details>',
      ''
    )
  } else {
    const where =
      options.links?.runUrl === undefined
        ? "the run's job summary"
        : link("the run's job summary", options.links.runUrl)
    details.push(
      `The full report (every change with its diff) does not fit in this comment: it is in ${where}.`,
      ''
    )
  }
  const body = [
    ...top,
    ...lists,
    ...action,
    ...after,
    ...details,
    ...footer
  ].join('\n')
  if (body.length > maxChars)
    // The tiers above make this unreachable for any limit above a few thousand characters.
    throw new Error(
      `the comment is ${body.length} characters, over the limit of ${maxChars}`
    )
  return { body, tier, listTier, hidden }
}

/**
 * Rewrites the state-dependent parts of a comment plangate wrote (verdict,
 * next step, approval history), leaving the lists and the report as they
 * are: what an approval run can do without the plan. Undefined when the
 * body does not have plangate's layout.
 */
export function restateComment(
  body: string,
  view: ReviewView
): string | undefined {
  const stateAt = body.indexOf(`\n${STATE_START}\n`)
  const firstLineEnd = body.indexOf('\n')
  if (stateAt === -1 || stateAt !== firstLineEnd) return undefined
  const stateEnd = body.indexOf(`\n${STATE_END}\n`, stateAt + 1)
  if (stateEnd === -1) return undefined
  const actionAt = body.indexOf(`\n${ACTION_START}\n`, stateEnd + 1)
  if (actionAt === -1) return undefined
  const actionEnd = body.indexOf(`\n${ACTION_END}\n`, actionAt + 1)
  if (actionEnd === -1) return undefined
  return [
    body.slice(0, stateAt + 1),
    wrap(STATE_START, stateSection(view), STATE_END).join('\n'),
    body.slice(stateEnd + STATE_END.length + 2, actionAt + 1),
    wrap(ACTION_START, actionSection(view), ACTION_END).join('\n'),
    body.slice(actionEnd + ACTION_END.length + 2)
  ].join('')
}

/**
 * Restates a comment plangate wrote as outdated: a newer head (or a newer
 * comment, at `url`) supersedes it. Reads the head and digest it was for
 * from its marker and keeps its audit lines. Undefined when the body does
 * not have plangate's layout; the body itself when it already says so.
 */
export function restateAsStale(
  body: string,
  options: {
    readonly statusContext: string
    readonly headSha: string
    readonly url?: string
    readonly links?: ReviewLinks
  }
): string | undefined {
  const marker = parseMarker(body)
  if (marker === undefined) return undefined
  if (isStaleComment(body)) return body
  return restateComment(body, {
    // The state and counts only matter before the comment is outdated.
    state: 'blocked',
    statusContext: options.statusContext,
    headSha: marker.head,
    digest: marker.digest,
    counts: NOTHING_GATED,
    destructiveCount: 0,
    stale: {
      headSha: options.headSha,
      ...(options.url === undefined ? {} : { url: options.url })
    },
    audit: readAudit(body),
    ...(options.links === undefined ? {} : { links: options.links })
  })
}

/** The audit lines of a comment plangate wrote, as plain text. */
export function readAudit(body: string): string[] {
  const actionAt = body.indexOf(`\n${ACTION_START}\n`)
  const actionEnd = body.indexOf(`\n${ACTION_END}\n`, actionAt + 1)
  if (actionAt === -1 || actionEnd === -1) return []
  const block = body.slice(actionAt, actionEnd)
  const start = block.indexOf('<summary>Approval history</summary>')
  if (start === -1) return []
  return block
    .slice(start)
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) =>
      // The links linkAudit added first, then what escapeText did.
      unescapeText(
        line.slice(2).replace(/\[((?:comment|review) \d+)\]\([^)]*\)/g, '$1')
      )
    )
}

/** Whether a comment plangate wrote already says that it is outdated. */
export function isStaleComment(body: string): boolean {
  const end = body.indexOf(`\n${STATE_END}\n`)
  return end !== -1 && body.slice(0, end).includes('## ⏸️ plangate: outdated')
}

function viewOf(analysis: Analysis, options: CommentOptions): ReviewView {
  const { maxChars: _maxChars, ...view } = options
  return {
    ...view,
    counts: gatedCounts(analysis),
    destructiveCount: analysis.summary.destructive
  }
}

function wrap(start: string, lines: readonly string[], end: string): string[] {
  return [start, ...lines, end, '']
}

function footerLine(view: ReviewView): string {
  const run =
    view.links?.runUrl === undefined
      ? ''
      : ` · ${link('run and job summary', view.links.runUrl)}`
  return `<sub>plangate · ${code(view.statusContext)} at ${code(view.headSha.slice(0, 12))}${run}</sub>\n`
}

function hiddenNote(hidden: number, links: ReviewLinks | undefined): string[] {
  return [
    `> [!NOTE]`,
    `> ${plural(hidden, 'destructive address', 'destructive addresses')} ${hidden === 1 ? 'is' : 'are'} not shown here to fit GitHub's comment size limit: ${summaryPointer(links)}.`
  ]
}

function summaryPointer(links: ReviewLinks | undefined): string {
  const where =
    links?.runUrl === undefined
      ? 'the job summary'
      : link("the run's job summary", links.runUrl)
  return `${where} lists every one, and so does the JSON report (\`report-path\`)`
}

function detailsTitle(analysis: Analysis): string {
  const changes = analysis.plans.reduce(
    (n, plan) => n + plan.changes.filter((c) => c.action !== 'no-op').length,
    0
  )
  return `${plural(changes, 'change')} in ${plural(analysis.plans.length, 'plan')}`
}

const RECORD_PREFIX = '<!-- plangate:record '
const RECORD_SUFFIX = ' -->'

/**
 * The most the review record may take of a comment. A larger record is left
 * out (the reviewed set then has to travel as the JSON report), so that the
 * comment still shows people what they review.
 */
export const MAX_RECORD_CHARS = 30_000

/** The hidden last line that carries the review record (gzip + base64, see src/gate/record.ts). */
export function recordLine(encoded: string): string {
  return `${RECORD_PREFIX}${encoded}${RECORD_SUFFIX}`
}

/**
 * The encoded record of a comment plangate wrote: its last line, when that
 * line is a record line. Who wrote the comment is the caller's check; what
 * the record says is trusted only when its digest matches plangate's status.
 */
export function readRecordLine(body: string): string | undefined {
  const last = body.slice(body.lastIndexOf('\n') + 1)
  if (!last.startsWith(RECORD_PREFIX) || !last.endsWith(RECORD_SUFFIX))
    return undefined
  return last.slice(RECORD_PREFIX.length, -RECORD_SUFFIX.length)
}
