import type { Analysis, Plan, ResourceChange } from '../model.js'
import { CHANGE_ACTIONS } from '../model.js'
import { countChanges } from '../gate/index.js'
import {
  attributionLines,
  commitLines,
  countsLine,
  describeOrigin,
  formatAttributeLines,
  isListed,
  labelFor,
  markerFor,
  sortForReport,
  toolName
} from './values.js'

/** GitHub rejects comment bodies over 65,536 characters; stay well under. */
export const MAX_COMMENT_CHARS = 60_000

/** Attribute lines shown per resource in the `short` tier. */
export const SHORT_TIER_LINES = 20

/** How much detail a rendering carries, from most to least. */
export const MARKDOWN_TIERS = [
  'full',
  'short',
  'list',
  'summary',
  'grouped',
  'clipped'
] as const
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
 * Renders the analysis as Markdown (the PR comment and job summary). Tries
 * each tier from full detail down and returns the first that fits; every
 * destroy/replace address survives in every tier but the last resort,
 * which still names how many were cut.
 */
export function renderMarkdown(
  analysis: Analysis,
  options: MarkdownOptions = {}
): MarkdownReport {
  const maxChars = options.maxChars ?? MAX_COMMENT_CHARS
  let last: MarkdownReport | undefined
  for (const tier of MARKDOWN_TIERS) {
    const markdown = renderTier(analysis, tier, maxChars)
    last = { markdown, tier, shortened: SHORTENED[tier] }
    if (markdown.length <= maxChars) return last
  }
  // `clipped` is built to fit; this is only reached for absurdly small limits.
  return last as MarkdownReport
}

const SHORTENED: Readonly<Record<MarkdownTier, string | undefined>> = {
  full: undefined,
  short: `attribute diffs are cut to ${SHORT_TIER_LINES} lines per resource to fit the comment size limit`,
  list: 'attribute diffs are left out to fit the comment size limit; non-destructive changes are listed by address',
  summary:
    'only destructive changes are listed, to fit the comment size limit; the rest are counted',
  grouped:
    'only destructive changes are listed, as a tree of modules with instances of one resource on one line, to fit the comment size limit',
  clipped:
    'the list of destructive changes is cut to fit the comment size limit; the full list is in the JSON report and job summary'
}

function renderTier(
  analysis: Analysis,
  tier: MarkdownTier,
  maxChars: number
): string {
  const out: string[] = []
  const { decision } = analysis
  const icon = decision.verdict === 'pass' ? '✅' : '⛔'
  out.push(
    `### ${icon} plangate: ${decision.verdict === 'pass' ? 'pass' : 'blocked'}`,
    ''
  )
  out.push(escapeText(capitalize(decision.summary)) + '.', '')
  for (const problem of decision.planProblems)
    out.push(`> [!CAUTION]\n> ${escapeText(problem)}`, '')
  out.push(countsTable(analysis.plans), '')
  const shortened = SHORTENED[tier]
  if (shortened !== undefined)
    out.push(`> [!NOTE]\n> Shortened: ${shortened}.`, '')

  const destructive: { plan: Plan; change: ResourceChange }[] = []
  for (const plan of analysis.plans)
    for (const change of plan.changes)
      if (change.destructive) destructive.push({ plan, change })
  const multi = analysis.plans.length > 1

  if (destructive.length > 0) {
    out.push(`#### Destructive changes (${destructive.length})`, '')
    if (tier === 'grouped' || tier === 'clipped') {
      const lines = destructiveTree(destructive, multi)
      const budget = maxChars - out.join('\n').length - 2_000
      out.push(
        fence(
          clipLines(
            lines,
            tier === 'clipped' ? budget : Number.POSITIVE_INFINITY
          ).join('\n'),
          'text'
        )
      )
      out.push('')
    } else {
      out.push('| | Address | Why |', '|---|---|---|')
      for (const { plan, change } of sortPairs(destructive)) {
        out.push(
          `| ${code(markerFor(change), true)} | ${code(change.address, true)}${multi ? ` <sub>${escapeHtml(plan.source)}</sub>` : ''} | ${escapeCell(change.explanation ?? labelFor(change))} |`
        )
      }
      out.push('')
    }
  }

  if (tier === 'full' || tier === 'short' || tier === 'list') {
    for (const plan of analysis.plans)
      renderPlanDetails(analysis, plan, tier, multi, out)
  }
  if (analysis.commits !== undefined && tier !== 'clipped') {
    const ai = analysis.commits.filter((c) => c.verdict === 'ai').length
    out.push(
      `<details><summary>Commits reviewed: ${analysis.commits.length}, ${ai} by AI agents</summary>`,
      '',
      ...commitLines(analysis).map((line) => `- ${escapeText(line)}`),
      '',
      '</details>',
      ''
    )
  }
  for (const warning of analysis.warnings)
    out.push(`> [!WARNING]\n> ${escapeText(warning)}`, '')
  return out.join('\n').trimEnd() + '\n'
}

function renderPlanDetails(
  analysis: Analysis,
  plan: Plan,
  tier: MarkdownTier,
  multi: boolean,
  out: string[]
): void {
  const tool = toolName(plan.format)
  const listed = sortForReport(plan.changes.filter(isListed))
  const heading = multi ? `#### ${escapeText(plan.source)}` : '#### Changes'
  out.push(heading, '')
  out.push(`<sub>${escapeHtml(describeOrigin(plan))}</sub>`, '')
  if (plan.incomplete !== undefined) {
    for (const note of plan.incomplete.notes)
      out.push(`> [!CAUTION]\n> Incomplete plan: ${escapeText(note)}`, '')
  }
  if (listed.length === 0) out.push('No resource changes.', '')
  for (const change of listed) {
    if (tier === 'list') {
      out.push(
        `- ${code(markerFor(change))} ${code(change.address)} ${escapeText(labelFor(change))}`
      )
      continue
    }
    renderChangeDetails(analysis, change, tier, out)
  }
  if (tier === 'list' && listed.length > 0) out.push('')
  const outputs = plan.outputs.filter((o) => o.action !== 'no-op')
  if (outputs.length > 0 && tier !== 'list') {
    const lines = outputs.flatMap((o) => formatAttributeLines(o.attributes))
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
      `<details><summary>Changed outside ${tool} (drift, not caused by this change): ${plan.drift.length}</summary>`,
      ''
    )
    for (const change of sortForReport(plan.drift)) {
      out.push(
        `- ${code(markerFor(change))} ${code(change.address)} ${escapeText(labelFor(change))}`
      )
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
  const summary = `<code>${escapeHtml(markerFor(change))} ${escapeHtml(change.address)}</code> ${escapeHtml(labelFor(change))}`
  let lines = formatAttributeLines(change.attributes)
  if (tier === 'short' && lines.length > SHORT_TIER_LINES) {
    const cut = lines.length - SHORT_TIER_LINES
    lines = [...lines.slice(0, SHORT_TIER_LINES), `# … ${cut} more lines`]
  }
  const why = [
    ...(change.explanation === undefined
      ? []
      : [escapeText(capitalize(change.explanation)) + '.', '']),
    ...attributionLines(analysis, change).map((line) =>
      line.startsWith('  ')
        ? `  - ${escapeText(line.trim())}`
        : `- ${escapeText(line)}`
    )
  ]
  if (why.length > 0 && why[why.length - 1] !== '') why.push('')
  if (lines.length === 0 && why.length === 0) {
    out.push(`- ${summary}`, '')
    return
  }
  out.push(`<details><summary>${summary}</summary>`, '', ...why)
  if (lines.length > 0) out.push(fence(lines.join('\n'), 'diff'), '')
  out.push('</details>', '')
}

function countsTable(plans: readonly Plan[]): string {
  const rows = ['| Action | Count |', '|---|--:|']
  const counts = countChanges(plans)
  for (const action of CHANGE_ACTIONS) {
    if (counts[action] === 0) continue
    rows.push(`| ${ACTION_LABELS[action]} | ${counts[action]} |`)
  }
  if (counts.moved > 0) rows.push(`| ↪️ moved | ${counts.moved} |`)
  if (counts.imported > 0) rows.push(`| 📥 imported | ${counts.imported} |`)
  if (rows.length === 2) return `No changes. ${countsLine(counts)}.`
  return rows.join('\n')
}

const ACTION_LABELS = {
  create: '🟢 create',
  update: '🟡 update',
  replace: '🔴 replace',
  destroy: '🔴 destroy',
  forget: '🟠 forget',
  read: '🔵 read',
  'no-op': '⚪ no-op'
} as const

function sortPairs<T extends { change: ResourceChange }>(
  pairs: readonly T[]
): T[] {
  const order = new Map(
    sortForReport(pairs.map((p) => p.change)).map((c, i) => [c, i])
  )
  return [...pairs].sort(
    (a, b) => (order.get(a.change) ?? 0) - (order.get(b.change) ?? 0)
  )
}

interface TreeNode {
  readonly children: Map<string, TreeNode>
  /** marker + resource address without its instance key → the keys. */
  readonly resources: Map<
    string,
    { marker: string; base: string; keys: string[] }
  >
}

const newNode = (): TreeNode => ({ children: new Map(), resources: new Map() })

/**
 * Destructive addresses as a tree of module instances, so that long module
 * paths are written once, with instances of one resource folded into one
 * line: `terraform_data.x[0]` … `[99]` becomes `terraform_data.x[0…99] (100)`.
 * Every address can still be read off the tree.
 */
function destructiveTree(
  pairs: readonly { plan: Plan; change: ResourceChange }[],
  multi: boolean
): string[] {
  const roots = new Map<string, TreeNode>()
  const sorted = [...pairs].sort((a, b) =>
    a.change.address < b.change.address
      ? -1
      : a.change.address > b.change.address
        ? 1
        : 0
  )
  for (const { plan, change } of sorted) {
    let node: TreeNode = roots.get(plan.source) ?? newNode()
    roots.set(plan.source, node)
    const segments = splitModuleAddress(change.module)
    const inModule =
      segments !== undefined && change.address.startsWith(`${change.module}.`)
    for (const segment of inModule ? segments : []) {
      const child: TreeNode = node.children.get(segment) ?? newNode()
      node.children.set(segment, child)
      node = child
    }
    const local = inModule
      ? change.address.slice(change.module.length + 1)
      : change.address
    const match = /^([^[]*)\[(.*)\]$/.exec(local)
    const base = match?.[1] ?? local
    const marker = markerFor(change)
    const key = `${marker} ${base}`
    const group = node.resources.get(key) ?? { marker, base, keys: [] }
    group.keys.push(match?.[2] ?? '')
    node.resources.set(key, group)
  }
  const lines: string[] = []
  const walk = (node: TreeNode, depth: number): void => {
    const indent = '  '.repeat(depth)
    for (const { marker, base, keys } of node.resources.values()) {
      const instances =
        keys.length === 1 && keys[0] === ''
          ? ''
          : `[${compressKeys(keys)}]${keys.length > 1 ? ` (${keys.length})` : ''}`
      lines.push(`${indent}${marker.padEnd(3)} ${base}${instances}`)
    }
    for (const [segment, child] of node.children) {
      lines.push(`${indent}${segment}`)
      walk(child, depth + 1)
    }
  }
  for (const [source, root] of roots) {
    if (multi) lines.push(`# ${source}`)
    walk(root, 0)
  }
  return lines
}

/**
 * Splits `module.a["x.y"].module.b[0]` into its module instances, or
 * returns undefined when the text is not a module address.
 */
export function splitModuleAddress(module: string): string[] | undefined {
  const segments: string[] = []
  let i = 0
  while (i < module.length) {
    if (!module.startsWith('module.', i)) return undefined
    let j = i + 'module.'.length
    while (j < module.length && /[A-Za-z0-9_-]/.test(module[j] ?? '')) j++
    if (module[j] === '[') {
      j++
      if (module[j] === '"') {
        j++
        while (j < module.length && module[j] !== '"')
          j += module[j] === '\\' ? 2 : 1
        j++
      } else {
        while (j < module.length && /[0-9]/.test(module[j] ?? '')) j++
      }
      if (module[j] !== ']') return undefined
      j++
    }
    segments.push(module.slice(i, j))
    if (j === module.length) break
    if (module[j] !== '.') return undefined
    i = j + 1
  }
  return segments
}

/** Instance keys for a grouped line: integer runs become `0…99`. */
function compressKeys(keys: readonly string[]): string {
  if (!keys.every((k) => /^\d+$/.test(k))) return keys.join(', ')
  const numbers = [...new Set(keys.map(Number))].sort((a, b) => a - b)
  const runs: string[] = []
  let start = numbers[0] ?? 0
  let previous = start
  for (const n of [...numbers.slice(1), Number.NaN]) {
    if (n === previous + 1) {
      previous = n
      continue
    }
    runs.push(start === previous ? String(start) : `${start}…${previous}`)
    start = n
    previous = n
  }
  return runs.join(', ')
}

function clipLines(lines: readonly string[], budget: number): string[] {
  const kept: string[] = []
  let used = 0
  for (const line of lines) {
    if (used + line.length + 1 > budget) {
      kept.push(
        `… and ${lines.length - kept.length} more lines of destructive changes, cut to fit`
      )
      return kept
    }
    kept.push(line)
    used += line.length + 1
  }
  return kept
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1)
}

/** Escapes text for HTML element content (summary lines, sub tags); never used in attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escapes free text so that it cannot open HTML, mentions or Markdown structures. */
export function escapeText(text: string): string {
  return escapeHtml(text).replace(/@/g, '@\u200b').replace(/\r?\n/g, ' ')
}

export function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|')
}

/** A code span that survives backticks in its content. */
export function code(text: string, inTable = false): string {
  const oneLine = text.replace(/\r?\n/g, ' ')
  const longest = Math.max(
    0,
    ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length)
  )
  const ticks = '`'.repeat(longest + 1)
  const pad =
    oneLine.startsWith('`') || oneLine.endsWith('`') || longest > 0 ? ' ' : ''
  const body = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine
  return `${ticks}${pad}${body}${pad}${ticks}`
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function fence(text: string, lang: string): string {
  const longest = Math.max(
    2,
    ...[...text.matchAll(/`+/g)].map((m) => m[0].length)
  )
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}${lang}\n${text}\n${ticks}`
}
