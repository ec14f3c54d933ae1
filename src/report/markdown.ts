import type { Analysis, Plan, ResourceChange } from '../model.js'
import { countChanges } from '../gate/index.js'
import { renderAttributeDiff, renderAttributeLines } from './diff.js'
import {
  code,
  escapeHtmlText,
  escapeText,
  fence,
  htmlCode,
  mermaidLabel,
  capitalize,
  plural,
  thousands
} from './escape.js'
import {
  attributionLines,
  commitLines,
  planCountsLine,
  dependentLines,
  describeOrigin,
  labelFor,
  listedInOrder,
  markerFor,
  riskLines,
  sortForReport,
  toolName
} from './values.js'

/** GitHub rejects comment bodies over 65,536 characters; stay well under. */
export const MAX_COMMENT_CHARS = 60_000

/** Attribute lines shown per resource in the `short` tier. */
export const SHORT_TIER_LINES = 20

/** How much detail the full report carries, from most to least. */
export const MARKDOWN_TIERS = ['full', 'short', 'list', 'counts'] as const
export type MarkdownTier = (typeof MARKDOWN_TIERS)[number]

export interface MarkdownOptions {
  /** Upper bound on the result's length (default MAX_COMMENT_CHARS). */
  readonly maxChars?: number
}

export interface MarkdownReport {
  readonly markdown: string
  readonly tier: MarkdownTier
  /** What was left out, in words, when the tier is not `full`. */
  readonly shortened: string | undefined
}

/**
 * The full report: every change of every plan with its attribute diff, the
 * reviewed commits, drift, checks and warnings. The verdict, the plans'
 * counts and the destructive lists are the overview's (src/report/
 * overview.ts), which the comment, the job summary and the CLI put first.
 * Tries each tier from full detail down and returns the first that fits.
 */
export function renderMarkdown(
  analysis: Analysis,
  options: MarkdownOptions = {}
): MarkdownReport {
  const maxChars = options.maxChars ?? MAX_COMMENT_CHARS
  let last: MarkdownReport | undefined
  for (const tier of MARKDOWN_TIERS) {
    // Every tier but the last stops as soon as it is too long: a review of
    // 200,000 changes must not render them all in full to learn that.
    const markdown = renderTier(
      analysis,
      tier,
      tier === 'counts' ? Infinity : maxChars
    )
    if (markdown === undefined) continue
    last = { markdown, tier, shortened: SHORTENED[tier] }
    if (markdown.length <= maxChars) return last
  }
  // `counts` is a few lines per plan; past that, cut on a line boundary.
  const markdown = last?.markdown ?? ''
  const cut = markdown.lastIndexOf('\n', Math.max(0, maxChars - 80))
  return {
    markdown: `${markdown.slice(0, Math.max(0, cut))}\n\n… cut to fit\n`,
    tier: 'counts',
    shortened: SHORTENED.counts
  }
}

const SHORTENED: Readonly<Record<MarkdownTier, string | undefined>> = {
  full: undefined,
  short: `attribute diffs are cut to ${SHORT_TIER_LINES} lines per resource to fit`,
  list: 'attribute diffs are left out to fit; changes are listed by address',
  counts:
    'only counts are shown to fit; the job summary and the JSON report list every change'
}

/** Thrown by a length guard: the tier being rendered cannot fit. */
class TierTooLong extends Error {
  override readonly name = 'TierTooLong'
}

/**
 * A check to call as lines are added to `out`: it throws TierTooLong once
 * they are longer than `maxChars` (joined with newlines), counting each
 * line once.
 */
function lengthGuard(out: readonly string[], maxChars: number): () => void {
  let counted = 0
  let length = 0
  return () => {
    for (; counted < out.length; counted++)
      length += (out[counted] as string).length + 1
    if (length > maxChars) throw new TierTooLong()
  }
}

/** The tier's Markdown, or undefined once it is longer than `maxChars`. */
function renderTier(
  analysis: Analysis,
  tier: MarkdownTier,
  maxChars: number
): string | undefined {
  const out: string[] = []
  try {
    return renderTierLines(analysis, tier, out, lengthGuard(out, maxChars))
  } catch (error) {
    if (error instanceof TierTooLong) return undefined
    throw error
  }
}

function renderTierLines(
  analysis: Analysis,
  tier: MarkdownTier,
  out: string[],
  guard: () => void
): string {
  const shortened = SHORTENED[tier]
  if (shortened !== undefined)
    out.push(`> [!NOTE]\n> Shortened: ${shortened}.`, '')
  const multi = analysis.plans.length > 1
  for (const plan of analysis.plans) {
    if (tier === 'counts') {
      out.push(
        `- ${code(plan.source)}: ${escapeText(planCountsLine(countChanges([plan]), [plan]))}`
      )
      continue
    }
    renderPlanDetails(analysis, plan, tier, multi, out, guard)
  }
  if (tier === 'counts') out.push('')
  if (analysis.commits !== undefined && tier !== 'counts') {
    const ai = analysis.commits.filter((c) => c.verdict === 'ai').length
    out.push(
      `<details><summary>Commits reviewed: ${thousands(analysis.commits.length)}, ${thousands(ai)} by AI agents</summary>`,
      '',
      ...commitLines(analysis).map((line) => `- ${escapeText(line)}`),
      '',
      '</details>',
      ''
    )
  }
  for (const warning of analysis.warnings.slice(
    0,
    tier === 'counts' ? 10 : undefined
  ))
    out.push(`> [!WARNING]\n> ${escapeText(warning)}`, '')
  return out.join('\n').trimEnd() + '\n'
}

function renderPlanDetails(
  analysis: Analysis,
  plan: Plan,
  tier: MarkdownTier,
  multi: boolean,
  out: string[],
  guard: () => void
): void {
  const tool = toolName(plan.format)
  const listed = listedInOrder(plan)
  out.push(
    `#### ${code(plan.source)}${multi ? '' : ': every change'}`,
    '',
    `<sub>${escapeText(describeOrigin(plan))}</sub>`,
    ''
  )
  if (plan.incomplete !== undefined) {
    for (const note of plan.incomplete.notes)
      out.push(`> [!CAUTION]\n> Incomplete plan: ${escapeText(note)}`, '')
  }
  if (listed.length === 0) out.push('No resource changes.', '')
  for (const change of listed) {
    if (tier === 'list')
      out.push(
        `- ${code(markerFor(change))} ${code(change.address)} ${escapeText(labelFor(change))}`
      )
    else renderChangeDetails(analysis, change, tier, out)
    guard()
  }
  if (tier === 'list' && listed.length > 0) out.push('')
  const actions = plan.actions ?? []
  if (actions.length > 0) {
    out.push(`**Actions that will run (${thousands(actions.length)})**`, '')
    for (const action of actions) {
      const summary = `${htmlCode(`! ${action.address}`)} ${escapeHtmlText(action.explanation)}`
      const lines =
        tier === 'list' ? [] : renderAttributeLines(action.config, 'markdown')
      if (lines.length === 0) out.push(`- ${summary}`)
      else
        out.push(
          `<details><summary>${summary}</summary>`,
          '',
          fence(lines.join('\n'), 'diff'),
          '',
          '</details>'
        )
    }
    out.push('')
  }
  const outputs = plan.outputs.filter((o) => o.action !== 'no-op')
  // The list tier leaves values out, not the fact that outputs change.
  if (outputs.length > 0 && tier === 'list')
    out.push(
      `- Outputs: ${plural(outputs.length, 'change')} (values left out to fit)`,
      ''
    )
  if (outputs.length > 0 && tier !== 'list') {
    const lines = outputs.flatMap((o) =>
      renderAttributeLines(o.attributes, 'markdown')
    )
    out.push(
      '<details><summary>Outputs</summary>',
      '',
      fence(lines.join('\n'), 'diff'),
      '',
      '</details>',
      ''
    )
  }
  if (plan.drift.length > 0) {
    out.push(
      `<details><summary>Changed outside ${tool} (drift, not caused by this change): ${thousands(plan.drift.length)}</summary>`,
      ''
    )
    for (const change of sortForReport(plan.drift)) {
      out.push(
        `- ${code(markerFor(change))} ${code(change.address)} ${escapeText(labelFor(change))}`
      )
      guard()
    }
    out.push('', '</details>', '')
  }
  const failing = plan.checks.filter((c) => c.status !== 'pass')
  if (failing.length > 0) {
    out.push('**Checks**', '')
    for (const check of failing) {
      out.push(
        `- ${check.status}: ${code(check.address)}${check.problems.length > 0 ? ` — ${escapeText(check.problems.join('; '))}` : ''}`
      )
    }
    out.push('')
  }
}

function renderChangeDetails(
  analysis: Analysis,
  change: ResourceChange,
  tier: MarkdownTier,
  out: string[]
): void {
  const summary = `${htmlCode(`${markerFor(change)} ${change.address}`)} ${escapeHtmlText(labelFor(change))}`
  let lines = renderAttributeDiff(change.attributes, change.action, 'markdown')
  if (tier === 'short' && lines.length > SHORT_TIER_LINES) {
    const cut = lines.length - SHORT_TIER_LINES
    lines = [...lines.slice(0, SHORT_TIER_LINES), `# … ${cut} more lines`]
  }
  const why = [
    ...(change.explanation === undefined
      ? []
      : [escapeText(capitalize(change.explanation)) + '.', '']),
    ...riskLines(analysis, change).map((line) => `- ⚠️ ${escapeText(line)}`),
    ...attributionLines(analysis, change).map((line) => {
      if (!line.startsWith('  ')) return `- ${escapeText(line)}`
      // Evidence is quoted data, never Markdown.
      const evidence = /^ {2}evidence: (.*)$/s.exec(line)?.[1]
      return evidence === undefined
        ? `  - ${escapeText(line.trim())}`
        : `  - evidence: ${code(evidence)}`
    })
  ]
  if (why.length > 0 && why[why.length - 1] !== '') why.push('')
  why.push(...dependentSection(change, tier))
  if (lines.length === 0 && why.length === 0) {
    out.push(`- ${summary}`, '')
    return
  }
  out.push(`<details><summary>${summary}</summary>`, '', ...why)
  if (lines.length > 0) out.push(fence(lines.join('\n'), 'diff'), '')
  out.push('</details>', '')
}

/** Dependents listed per change in the full report (the JSON report has them all). */
export const MARKDOWN_DEPENDENTS = 10
/** A dependency graph is drawn for 2 up to this many dependents: past it, it is no longer readable. */
export const MERMAID_MAX_DEPENDENTS = 12

/**
 * The blast radius of a destroy or replace: how many resources depend on
 * it, the first few, and, in the full tier and while it stays small, a
 * Mermaid graph of who depends on whom, folded.
 */
function dependentSection(
  change: ResourceChange,
  tier: MarkdownTier
): string[] {
  const found = dependentLines(change, MARKDOWN_DEPENDENTS)
  if (found === undefined) return []
  const out = [
    `**Blast radius:** ${escapeText(found.title)}:`,
    '',
    ...found.items.map(
      (item) =>
        `- ${code(item.address)}${item.via === undefined ? '' : ` via ${code(item.via)}`}`
    ),
    ''
  ]
  const dependents = change.dependents ?? []
  if (
    tier === 'full' &&
    change.dependentsCapped !== true &&
    dependents.length >= 2 &&
    dependents.length <= MERMAID_MAX_DEPENDENTS
  ) {
    out.push(
      '<details><summary>Dependency graph (arrows point to what depends on it)</summary>',
      '',
      fence(mermaidGraph(change), 'mermaid'),
      '',
      '</details>',
      ''
    )
  }
  return out
}

/** `graph LR` from the changed resource to its dependents, each edge once; ids are plangate's, labels escaped. */
function mermaidGraph(change: ResourceChange): string {
  const ids = new Map<string, string>([[change.address, 'n0']])
  const idOf = (address: string): string => {
    let id = ids.get(address)
    if (id === undefined) {
      id = `n${ids.size}`
      ids.set(address, id)
    }
    return id
  }
  const lines = ['graph LR', `  n0["${mermaidLabel(change.address)}"]`]
  for (const dependent of change.dependents ?? []) {
    const id = idOf(dependent.address)
    lines.push(`  ${id}["${mermaidLabel(dependent.address)}"]`)
  }
  for (const dependent of change.dependents ?? [])
    lines.push(`  ${idOf(dependent.via)} --> ${idOf(dependent.address)}`)
  return lines.join('\n')
}
