import { diffLines } from 'diff'
import type { AttributeChange, AttributeValue, ChangeAction } from '../model.js'
import { SENSITIVE_TEXT, UNKNOWN_TEXT } from '../redact/index.js'
import { deepEqual } from '../plan/attributes.js'
import { thousands } from './escape.js'

/**
 * Where an attribute diff is shown. `markdown` is a GitHub ```` ```diff ````
 * fence, which colours only lines that start with `+`, `-` or `!`; `terminal`
 * keeps Terraform's own `~` for a changed value.
 */
export type DiffStyle = 'markdown' | 'terminal'

/** How many paths the "known after apply" line names before "and K more". */
export const MAX_FOLDED_NAMES = 6

/** Renders one side of an attribute for people. */
export function formatValue(value: AttributeValue): string {
  switch (value.kind) {
    case 'sensitive':
      return SENSITIVE_TEXT
    case 'unknown':
      return UNKNOWN_TEXT
    case 'absent':
      return ''
    case 'value':
      return JSON.stringify(value.value) ?? 'null'
  }
}

/** One line of a multi-line string diff. */
export interface DiffLine {
  readonly sign: '+' | '-' | ' '
  readonly text: string
}

/** Line-by-line diff of two multi-line strings, or undefined when it does not apply. */
export function multilineDiff(change: AttributeChange): DiffLine[] | undefined {
  const before = stringSide(change.before)
  const after = stringSide(change.after)
  if (typeof before !== 'string' || typeof after !== 'string') return undefined
  if (!before.includes('\n') && !after.includes('\n')) return undefined
  const lines: DiffLine[] = []
  for (const part of diffLines(before, after)) {
    const sign = part.added ? '+' : part.removed ? '-' : ' '
    const text = part.value.endsWith('\n')
      ? part.value.slice(0, -1)
      : part.value
    for (const line of text.split('\n')) lines.push({ sign, text: line })
  }
  return lines
}

/** A side's plain value for a line diff: a sensitive or unknown side has none. */
function stringSide(value: AttributeValue): unknown {
  switch (value.kind) {
    case 'value':
      return value.value
    case 'absent':
      return ''
    case 'sensitive':
    case 'unknown':
      return undefined
  }
}

/**
 * The lines to show for a resource's changed attributes, with the noise
 * folded away so that what the change does stays visible: unknown values
 * that force nothing become one trailing "known after apply" line, and on a
 * destroy a subtree that repeats an earlier one (terraform_data's `output`
 * mirrors its `input`) becomes one "same as" line. Values print as
 * {@link formatValue} prints them, so a sensitive value never shows.
 */
export function renderAttributeDiff(
  attributes: readonly AttributeChange[],
  action: ChangeAction,
  style: DiffStyle
): string[] {
  const mirrors =
    action === 'destroy' ? findMirrors(attributes) : new Map<string, string>()
  const lines: string[] = []
  const folded: string[] = []
  const mirrored = new Set<string>()
  for (const attribute of attributes) {
    const [top] = splitTop(attribute.path)
    const original = mirrors.get(top)
    if (original !== undefined) {
      if (!mirrored.has(top))
        lines.push(`# ${displayPath(top)}: same as ${displayPath(original)}`)
      mirrored.add(top)
    } else if (
      attribute.after.kind === 'unknown' &&
      !attribute.forcesReplacement
    ) {
      folded.push(displayPath(attribute.path))
    } else {
      lines.push(...renderAttribute(attribute, style))
    }
  }
  if (folded.length > 0) lines.push(knownAfterApplyLine(folded))
  return lines
}

/**
 * Every attribute on its own line(s), nothing folded: for root outputs,
 * whose value is all there is to show of them.
 */
export function renderAttributeLines(
  attributes: readonly AttributeChange[],
  style: DiffStyle
): string[] {
  return attributes.flatMap((attribute) => renderAttribute(attribute, style))
}

/** One attribute, a multi-line string expanded into a line diff. */
function renderAttribute(change: AttributeChange, style: DiffStyle): string[] {
  const sign = signOf(change, style)
  const path = displayPath(change.path)
  const suffix = change.forcesReplacement ? '  # forces replacement' : ''
  const diff = multilineDiff(change)
  if (diff === undefined) {
    const value =
      sign === '+'
        ? formatValue(change.after)
        : sign === '-'
          ? formatValue(change.before)
          : `${formatValue(change.before)} -> ${formatValue(change.after)}`
    return [`${sign} ${path} = ${value}${suffix}`]
  }
  return [
    `${sign} ${path} = <<-EOT${suffix}`,
    ...diff.map((line) =>
      // GitHub colours a diff line by its first character only.
      style === 'markdown'
        ? `${line.sign}     ${line.text}`
        : `    ${line.sign} ${line.text}`
    ),
    '  EOT'
  ]
}

/** `+` added, `-` removed; a changed value is `!` in a GitHub diff fence, `~` elsewhere. */
function signOf(
  change: AttributeChange,
  style: DiffStyle
): '+' | '-' | '~' | '!' {
  if (change.before.kind === 'absent') return '+'
  if (change.after.kind === 'absent') return '-'
  return style === 'markdown' ? '!' : '~'
}

/** The name of the root value, whose path is empty. */
function displayPath(path: string): string {
  return path === '' ? '(value)' : path
}

/** "# 3 attributes known after apply: id, arn, output". */
function knownAfterApplyLine(paths: readonly string[]): string {
  const noun = paths.length === 1 ? 'attribute' : 'attributes'
  const named = paths.slice(0, MAX_FOLDED_NAMES).join(', ')
  const more =
    paths.length > MAX_FOLDED_NAMES
      ? ` and ${thousands(paths.length - MAX_FOLDED_NAMES)} more`
      : ''
  return `# ${thousands(paths.length)} ${noun} known after apply: ${named}${more}`
}

/**
 * Splits a path into its top-level attribute and the rest:
 * `input.tags["a.b"]` → `input`, `.tags["a.b"]`; `[0].name` → `[0]`, `.name`.
 */
function splitTop(path: string): [top: string, rest: string] {
  const match = /^(?:\["(?:[^"\\]|\\.)*"\]|\[[^\]]*\]|[^.[]*)/.exec(path)
  const top = match?.[0] ?? ''
  return [top, path.slice(top.length)]
}

/** One leaf of a top-level subtree: its path below the top, and its change. */
interface Leaf {
  readonly rest: string
  readonly change: AttributeChange
}

/**
 * Top-level attributes whose whole subtree repeats an earlier one's, each
 * mapped to the first one it repeats. Bare scalars are left alone: two
 * attributes that happen to be both `true` or both `22` mirror nothing.
 */
function findMirrors(
  attributes: readonly AttributeChange[]
): Map<string, string> {
  const subtrees = new Map<string, Leaf[]>()
  for (const change of attributes) {
    const [top, rest] = splitTop(change.path)
    const leaves = subtrees.get(top) ?? []
    leaves.push({ rest, change })
    subtrees.set(top, leaves)
  }
  const mirrors = new Map<string, string>()
  const seen: [string, readonly Leaf[]][] = []
  for (const [top, leaves] of subtrees) {
    if (!isStructured(leaves)) continue
    const original = seen.find(([, earlier]) => sameLeaves(earlier, leaves))
    if (original === undefined) seen.push([top, leaves])
    else mirrors.set(top, original[0])
  }
  return mirrors
}

/** True when a subtree is an object or a list, not one bare scalar. */
function isStructured(leaves: readonly Leaf[]): boolean {
  return leaves.some(
    ({ rest, change }) =>
      rest !== '' || isComposite(change.before) || isComposite(change.after)
  )
}

function isComposite(value: AttributeValue): boolean {
  return (
    value.kind === 'value' &&
    typeof value.value === 'object' &&
    value.value !== null
  )
}

/** Same relative paths with the same changes; a sensitive leaf compares by kind only. */
function sameLeaves(a: readonly Leaf[], b: readonly Leaf[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false
  const byRest = new Map(b.map((leaf) => [leaf.rest, leaf.change]))
  return a.every(({ rest, change }) => {
    const other = byRest.get(rest)
    return (
      other !== undefined &&
      other.forcesReplacement === change.forcesReplacement &&
      sameValue(other.before, change.before) &&
      sameValue(other.after, change.after)
    )
  })
}

function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a.kind === 'value' && b.kind === 'value')
    return deepEqual(a.value, b.value)
  return a.kind === b.kind
}
