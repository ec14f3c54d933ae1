import type { Analysis } from '../model.js'
import { capitalize, plural, thousands, utf8Length } from './escape.js'
import { renderMarkdown } from './markdown.js'
import {
  actionSection,
  destructiveEntries,
  planSection,
  protectedPathSection,
  renderList,
  stateSection
} from './overview.js'
import type { ReviewView } from './overview.js'

/** GitHub drops a job summary over 1 MiB; keep a margin. */
export const MAX_SUMMARY_BYTES = 1_000_000

/**
 * The full report's share: a page of a few hundred KB still opens quickly;
 * past that it steps down a tier (the JSON report has every diff).
 */
const MAX_FULL_REPORT_BYTES = 300_000

/** Rows of a table before the summary's lists turn into module trees. */
const SUMMARY_ROWS_MAX = 500

export interface SummaryOptions {
  /** Upper bound in UTF-8 bytes (default MAX_SUMMARY_BYTES). */
  readonly maxBytes?: number
}

/**
 * The job summary (and the CLI's Markdown): the comment's overview with the
 * command to copy, then EVERY destructive address (a table, or a module
 * tree with one line per address, or with instances folded), then the full
 * report in the largest tier that still fits.
 */
export function renderSummary(
  analysis: Analysis,
  view: ReviewView,
  options: SummaryOptions = {}
): string {
  const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES
  const links = view.links === undefined ? {} : { links: view.links }
  const top = [...stateSection(view), ...planSection(analysis)]
  const action = actionSection(view)
  const fixed = bytes(top) + bytes(action)
  const { gated, free } = destructiveEntries(analysis)
  const lists: string[] = [
    ...protectedPathSection(analysis, view.links, SUMMARY_ROWS_MAX)
  ]
  for (const [entries, isGated] of [
    [gated, true],
    [free, false]
  ] as const) {
    if (entries.length === 0) continue
    const list = renderList(entries, {
      analysis,
      ...links,
      gated: isGated,
      rowsMax: SUMMARY_ROWS_MAX,
      tiers: ['rows', 'tree', 'folded'],
      budget: Math.floor((maxBytes - fixed - bytes(lists)) * 0.9) - 2_000
    })
    const title = isGated
      ? `Gated changes (${thousands(entries.length)})`
      : capitalize(
          `${plural(entries.length, 'destructive change')} that ${entries.length === 1 ? 'does' : 'do'} not need approval`
        )
    lists.push(`### ${title}`, '', ...list.lines, ...list.folded)
    if (list.hidden > 0)
      lists.push(
        `> [!WARNING]\n> ${plural(list.hidden, 'address', 'addresses')} did not fit in the job summary; the JSON report (\`report-path\`) lists every one.`,
        ''
      )
  }
  // The command comes before the lists: here they are complete, and can be long.
  const head = [...top, ...action, ...lists]
  let room = Math.min(maxBytes - bytes(head) - 200, MAX_FULL_REPORT_BYTES)
  for (;;) {
    if (room < 1_000) return head.join('\n')
    const report = renderMarkdown(analysis, { maxChars: room })
    const body = [
      ...head,
      '### Full report',
      '',
      report.markdown.trimEnd(),
      ''
    ].join('\n')
    const size = utf8Length(body)
    if (size <= maxBytes) return body
    room -= size - maxBytes + 1_000
  }
}

function bytes(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + utf8Length(line) + 1, 0)
}
