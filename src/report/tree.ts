import type { Plan, ResourceChange } from '../model.js'
import { rememberPerObject, rememberPerText } from '../memo.js'
import { oneLine, thousands } from './escape.js'
import { markerFor } from './values.js'

/*
 * Destructive addresses as a tree of module instances, for lists too long
 * for a table: each module path is written once, and in the folded form
 * instances of one resource share a line (`terraform_data.x[0…99] (100)`).
 * Every address can be read back off the tree.
 */

/** One line of a tree and how many addresses it names. */
export interface TreeLine {
  readonly text: string
  readonly addresses: number
}

interface Node {
  readonly children: Map<string, Node>
  /** marker + resource address without its instance key → its keys. */
  readonly resources: Map<
    string,
    { marker: string; base: string; keys: string[] }
  >
}

const newNode = (): Node => ({ children: new Map(), resources: new Map() })

/** A destructive change and the plan it is in, as the tree reads them. */
type TreePair = { readonly plan: Plan; readonly change: ResourceChange }

/** How a tree is drawn: a `# source` line per plan (multi), instances on one line (fold). */
interface TreeOptions {
  readonly multi: boolean
  readonly fold: boolean
}

/**
 * The tree lines for changes, grouped by plan (a `# source` line before
 * each plan's tree when `multi`). `fold` puts the instances of one
 * resource on one line; otherwise every instance has its own line.
 * Remembered for a frozen list (one that cannot change): the comment and
 * the job summary draw the same lists, each in several tiers.
 */
export function addressTree(
  pairs: readonly TreePair[],
  options: TreeOptions
): readonly TreeLine[] {
  if (!Object.isFrozen(pairs)) return drawTree(pairs, options)
  return treesOf(pairs)(options)
}

/** A frozen list's trees, one per form (multi and fold), each drawn when first asked for. */
const treesOf = rememberPerObject((pairs: readonly TreePair[]) => {
  const drawn: (readonly TreeLine[] | undefined)[] = []
  return (options: TreeOptions): readonly TreeLine[] =>
    (drawn[Number(options.multi) * 2 + Number(options.fold)] ??= Object.freeze(
      drawTree(pairs, options)
    ))
})

function drawTree(
  pairs: readonly TreePair[],
  options: TreeOptions
): TreeLine[] {
  const roots = new Map<string, Node>()
  const sorted = [...pairs].sort((a, b) =>
    a.change.address < b.change.address
      ? -1
      : a.change.address > b.change.address
        ? 1
        : 0
  )
  for (const { plan, change } of sorted) {
    let node: Node = roots.get(plan.source) ?? newNode()
    roots.set(plan.source, node)
    const segments = splitModuleAddress(change.module)
    const inModule =
      segments !== undefined &&
      change.module !== '' &&
      change.address.startsWith(`${change.module}.`)
    for (const segment of inModule ? segments : []) {
      const child: Node = node.children.get(segment) ?? newNode()
      node.children.set(segment, child)
      node = child
    }
    const local = inModule
      ? change.address.slice(change.module.length + 1)
      : change.address
    const match = options.fold ? /^([^[]*)\[(.*)\]$/.exec(local) : null
    const base = match?.[1] ?? local
    const marker = markerFor(change)
    const key = `${marker} ${base}`
    const group = node.resources.get(key) ?? { marker, base, keys: [] }
    group.keys.push(match?.[2] ?? '')
    node.resources.set(key, group)
  }
  const lines: TreeLine[] = []
  const walk = (node: Node, depth: number): void => {
    const indent = '  '.repeat(depth)
    for (const { marker, base, keys } of node.resources.values()) {
      const single = keys.length === 1 && keys[0] === ''
      const instances = single
        ? ''
        : `[${compressKeys(keys)}]${keys.length > 1 ? ` (${thousands(keys.length)})` : ''}`
      lines.push({
        text: oneLine(`${indent}${marker.padEnd(3)} ${base}${instances}`),
        addresses: single ? 1 : keys.length
      })
    }
    for (const [segment, child] of node.children) {
      lines.push({ text: oneLine(`${indent}${segment}`), addresses: 0 })
      walk(child, depth + 1)
    }
  }
  for (const [source, root] of roots) {
    if (options.multi)
      lines.push({ text: oneLine(`# ${source}`), addresses: 0 })
    walk(root, 0)
  }
  return lines
}

/**
 * Keeps the lines that fit in `budget` characters (joined by newlines);
 * returns them with the number of addresses left out.
 */
export function clipTree(
  lines: readonly TreeLine[],
  budget: number
): { lines: string[]; hidden: number } {
  const kept: string[] = []
  let used = 0
  let hidden = 0
  for (const line of lines) {
    if (hidden > 0 || used + line.text.length + 1 > budget) {
      hidden += line.addresses
      continue
    }
    kept.push(line.text)
    used += line.text.length + 1
  }
  // A module line with nothing under it says nothing: drop trailing ones.
  while (kept.length > 0 && !/^\s*(-\/\+|\+\/-|-)\s/.test(kept.at(-1) ?? ''))
    kept.pop()
  return { lines: kept, hidden }
}

/**
 * Splits `module.a["x.y"].module.b[0]` into its module instances, or
 * returns undefined when the text is not a module address. Remembered:
 * thousands of changes share a few hundred modules, and a long list is
 * drawn in several tiers.
 */
export const splitModuleAddress: (
  module: string
) => readonly string[] | undefined = rememberPerText(splitModule)

function splitModule(module: string): readonly string[] | undefined {
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
  return Object.freeze(segments)
}

/** Instance keys for a folded line: integer runs become `0…99`. */
export function compressKeys(keys: readonly string[]): string {
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
