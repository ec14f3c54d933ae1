import type { Analysis, ChangeAction, Plan, ResourceChange } from '../model.js'
import { countChanges } from '../gate/index.js'
import { renderAttributeDiff, renderAttributeLines } from './diff.js'
import { escapeTerminal, thousands } from './escape.js'
import {
  ACTION_ORDER,
  attributionLines,
  dependentLines,
  commitLines,
  describeOrigin,
  planCountsLine,
  listedInOrder,
  labelFor,
  markerFor,
  riskLines,
  sortForReport,
  toolName
} from './values.js'

/** Options of the terminal renderer. */
export interface TextOptions {
  /** ANSI colours; the caller decides (TTY and no NO_COLOR). */
  readonly color: boolean
}

const ANSI = {
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  reset: '\u001b[0m'
} as const
type Style = keyof typeof ANSI

/** Plan data on one line: every control character shown as an escape. */
const data = escapeTerminal

/** Plan data that may span lines (a check message): one escaped line per line. */
function dataLines(text: string): string[] {
  return text.split('\n').map(escapeTerminal)
}

/**
 * Renders the analysis for a terminal: destructive changes first,
 * Terraform's markers. Everything that came from a plan, a commit or a file
 * name goes through {@link escapeTerminal}: colours and line breaks come
 * only from plangate.
 */
export function renderText(analysis: Analysis, options: TextOptions): string {
  const pieces: string[] = []
  writeTextReport(analysis, options, (piece) => pieces.push(piece))
  return pieces.join('')
}

/** Characters gathered before a piece of the text report is handed on. */
const TEXT_PIECE_CHARS = 1 << 20

/** Where the renderer's lines go. */
interface Lines {
  push(...lines: string[]): void
}

/**
 * The report of renderText, handed to `write` in pieces of about
 * {@link TEXT_PIECE_CHARS} characters: the report of a review of hundreds
 * of plans (tens of MB) is never one string.
 */
export function writeTextReport(
  analysis: Analysis,
  options: TextOptions,
  write: (piece: string) => void
): void {
  // Concatenated as a rope (V8 flattens it once, when it is written).
  let pending = ''
  const out: Lines = {
    push: (...lines) => {
      for (const line of lines) pending += `${line}\n`
      if (pending.length >= TEXT_PIECE_CHARS) {
        write(pending)
        pending = ''
      }
    }
  }
  renderLines(analysis, options, out)
  if (pending.length > 0) write(pending)
}

function renderLines(
  analysis: Analysis,
  options: TextOptions,
  out: Lines
): void {
  const paint = (style: Style, text: string): string =>
    options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text
  for (const plan of analysis.plans) renderPlan(analysis, plan, out, paint)
  if (analysis.commits !== undefined) {
    const ai = analysis.commits.filter((c) => c.verdict === 'ai').length
    out.push(
      paint(
        'bold',
        `Commits reviewed (${thousands(analysis.commits.length)}, ${thousands(ai)} by AI agents)`
      )
    )
    for (const line of commitLines(analysis)) out.push(`  ${data(line)}`)
    out.push('')
  }
  for (const warning of analysis.warnings)
    out.push(paint('yellow', `warning: ${data(warning)}`))
  if (analysis.warnings.length > 0) out.push('')
  const { decision } = analysis
  if (decision.gatedPaths.length > 0) {
    out.push(
      paint(
        'red',
        paint(
          'bold',
          `Protected paths changed (${thousands(decision.gatedPaths.length)})`
        )
      )
    )
    for (const g of decision.gatedPaths) {
      const where =
        g.path === undefined
          ? 'any path (the diff was not read)'
          : g.previousPath === undefined
            ? data(g.path)
            : `${data(g.previousPath)} -> ${data(g.path)}`
      out.push(`  ${where} (${g.status}, ${data(g.sha.slice(0, 7))})`)
      out.push(`    ${data(g.why)}`)
    }
    out.push('')
  }
  const verdict =
    decision.verdict === 'pass'
      ? paint('green', paint('bold', 'PASS'))
      : paint('red', paint('bold', 'BLOCKED'))
  out.push(`Total: ${planCountsLine(analysis.summary, analysis.plans)}`)
  for (const problem of decision.planProblems)
    out.push(paint('red', `! ${data(problem)}`))
  out.push(`Verdict: ${verdict}: ${data(decision.summary)}`)
}

function renderPlan(
  analysis: Analysis,
  plan: Plan,
  out: Lines,
  paint: (style: Style, text: string) => string
): void {
  const tool = toolName(plan.format)
  out.push(
    paint('bold', `Plan ${data(plan.source)} (${data(describeOrigin(plan))})`)
  )
  out.push(`  ${planCountsLine(countChanges([plan]), [plan])}`)
  if (plan.incomplete !== undefined) {
    for (const note of plan.incomplete.notes) {
      const [first = '', ...rest] = dataLines(note)
      out.push(paint('red', `  ! incomplete: ${first}`))
      for (const line of rest) out.push(paint('red', `    ${line}`))
    }
  }
  // Grouped by action, the most dangerous first; destructive groups in red.
  const listed = listedInOrder(plan)
  if (listed.length === 0) out.push('', '  No resource changes.')
  for (const action of ACTION_ORDER) {
    const group = listed.filter((c) => c.action === action)
    if (group.length === 0) continue
    const destructive = group.some((c) => c.destructive)
    const title = `  ${GROUP_TITLES[action]} (${thousands(group.length)})`
    out.push(
      '',
      destructive ? paint('red', paint('bold', title)) : paint('bold', title)
    )
    for (const change of group) renderChange(analysis, change, out, paint)
  }
  renderActions(analysis, plan, out, paint)
  if (plan.outputs.some((o) => o.action !== 'no-op')) {
    out.push('', paint('bold', '  Outputs'))
    for (const output of plan.outputs) {
      if (output.action === 'no-op') continue
      for (const line of renderAttributeLines(output.attributes, 'terminal'))
        out.push(`    ${data(line)}`)
    }
  }
  if (plan.drift.length > 0) {
    out.push(
      '',
      paint(
        'bold',
        `  Changed outside ${tool} (drift, not caused by this change) (${thousands(plan.drift.length)})`
      )
    )
    for (const change of sortForReport(plan.drift))
      renderChange(analysis, change, out, paint)
  }
  const failing = plan.checks.filter((c) => c.status !== 'pass')
  if (failing.length > 0) {
    out.push('', paint('bold', '  Checks'))
    for (const check of failing) {
      out.push(paint('yellow', `    ${check.status}: ${data(check.address)}`))
      for (const problem of check.problems)
        for (const line of dataLines(problem)) out.push(`      ${line}`)
    }
  }
  out.push('')
}

const GROUP_TITLES: Readonly<Record<ChangeAction, string>> = {
  destroy: 'Destroy',
  replace: 'Replace',
  forget: 'Forget: stop managing, keep the real object',
  update: 'Update in place',
  create: 'Create',
  read: 'Read',
  'no-op': 'Move or import only'
}

/** Dependents listed per change in the terminal (the JSON report has them all). */
const TEXT_DEPENDENTS = 20

function renderChange(
  analysis: Analysis,
  change: ResourceChange,
  out: Lines,
  paint: (style: Style, text: string) => string
): void {
  const marker = markerFor(change).padEnd(3)
  const style: Style = change.destructive
    ? 'red'
    : change.action === 'create'
      ? 'green'
      : change.action === 'no-op'
        ? 'dim'
        : 'yellow'
  out.push(
    `    ${paint(style, marker)} ${paint('bold', data(change.address))}  ${paint('dim', data(labelFor(change)))}`
  )
  if (change.explanation !== undefined)
    for (const line of dataLines(change.explanation))
      out.push(`        ${line}`)
  for (const line of riskLines(analysis, change))
    out.push(paint('yellow', `        ${data(line)}`))
  const dependents = dependentLines(change, TEXT_DEPENDENTS)
  if (dependents !== undefined) {
    out.push(
      paint('yellow', `        blast radius: ${data(dependents.title)}:`)
    )
    for (const item of dependents.items)
      out.push(
        `          ${data(item.address)}${item.via === undefined ? '' : paint('dim', ` (via ${data(item.via)})`)}`
      )
  }
  for (const line of attributionLines(analysis, change))
    out.push(
      paint(line.startsWith('gated') ? 'red' : 'cyan', `        ${data(line)}`)
    )
  const diff = renderAttributeDiff(change.attributes, change.action, 'terminal')
  for (const line of diff)
    out.push(
      line.startsWith('#')
        ? paint('dim', `        ${data(line)}`)
        : `        ${data(line)}`
    )
}

/** Terraform actions (1.14+) that applying runs, the gated ones in red. */
function renderActions(
  analysis: Analysis,
  plan: Plan,
  out: Lines,
  paint: (style: Style, text: string) => string
): void {
  const actions = plan.actions ?? []
  if (actions.length === 0) return
  const held = new Set(
    analysis.decision.gatedActions
      .filter((g) => g.source === plan.source)
      .map((g) => g.address)
  )
  const title = `  Actions that will run (${thousands(actions.length)})`
  out.push(
    '',
    actions.some((a) => held.has(a.address))
      ? paint('red', paint('bold', title))
      : paint('bold', title)
  )
  for (const action of actions) {
    const gated = held.has(action.address)
    out.push(
      `    ${paint(gated ? 'red' : 'cyan', '!'.padEnd(3))} ${paint('bold', data(action.address))}${gated ? paint('red', '  gated') : ''}`
    )
    for (const line of dataLines(action.explanation))
      out.push(`        ${line}`)
    for (const line of renderAttributeLines(action.config, 'terminal'))
      out.push(`        ${data(line)}`)
  }
}
