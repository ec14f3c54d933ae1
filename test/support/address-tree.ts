/**
 * Reads resource addresses back from the module trees a report prints
 * when it has too many destructive changes to list one per line, so that a
 * test can check that every address is still named. A tree sits in a
 * fenced `text` block:
 *
 * ```text
 * # plans/prod.json
 * -   terraform_data.bootstrap
 * module.region["eu-west-1"]
 *   -/+ terraform_data.vpc
 *   module.cluster[0]
 *     -   terraform_data.node[0…2] (3)
 *     +/- terraform_data.iam_policy
 * ```
 *
 * - A `# <plan source>` line starts a plan's tree (when there are several).
 * - A module instance segment (`module.name`, `module.name[key]`) is a line
 *   of its own; its children are indented two more spaces.
 * - A resource line is a marker (`-`, `-/+` or `+/-`) padded to three
 *   characters, a space, and the resource with its instance keys.
 * - Keys may be folded: `[0…99] (100)`, `[0, 2, 5…7] (5)`, `["a", "b"] (2)`
 *   (numeric runs with `…`, items separated by `, `, the count in
 *   parentheses). A module segment may be folded the same way; its
 *   children then belong to each of its instances.
 *
 * The parser is strict: a line it cannot read, an indentation that skips a
 * level, or a count that does not match the keys throws, naming the line.
 */

/** One address with the plan it was listed under (undefined: no `#` line). */
export interface TreeAddress {
  readonly source: string | undefined
  readonly address: string
}

const MARKERS = ['-/+', '+/-', '-'] as const

/** Every address in one tree's text (the inside of its fence), in order. */
export function parseAddressTree(text: string): TreeAddress[] {
  const found: TreeAddress[] = []
  let source: string | undefined
  /** Module prefixes by depth: stack[d] are the instances open at depth d. */
  let stack: string[][] = [['']]
  const lines = text.split('\n')
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    const where = `line ${index + 1} (${JSON.stringify(line)})`
    if (line.trim() === '') return
    if (line.startsWith('# ')) {
      source = line.slice(2).trim()
      stack = [['']]
      return
    }
    const indent = /^ */.exec(line)?.[0].length ?? 0
    if (indent % 2 !== 0)
      throw new Error(`address tree: odd indentation at ${where}`)
    const depth = indent / 2
    if (depth >= stack.length)
      throw new Error(
        `address tree: indented deeper than its parent module at ${where}`
      )
    const parents = stack[depth] ?? []
    const body = line.slice(indent)
    if (body.startsWith('module.')) {
      const instances = expandFolded(body, where)
      const next: string[] = []
      for (const parent of parents)
        for (const instance of instances)
          next.push(parent === '' ? instance : `${parent}.${instance}`)
      stack = [...stack.slice(0, depth + 1), next]
      return
    }
    const marker = MARKERS.find((m) => body.startsWith(`${m.padEnd(3)} `))
    if (marker === undefined)
      throw new Error(
        `address tree: expected "# source", a module segment or "<-|-/+|+/-> resource" at ${where}`
      )
    const resource = body.slice(4)
    if (resource === '' || resource.startsWith(' '))
      throw new Error(`address tree: no resource after the marker at ${where}`)
    stack = stack.slice(0, depth + 1)
    for (const parent of parents)
      for (const instance of expandFolded(resource, where))
        found.push({
          source,
          address: parent === '' ? instance : `${parent}.${instance}`
        })
  })
  return found
}

/** The inside of every fenced `text` block of a Markdown document. */
export function textBlocks(markdown: string): string[] {
  const blocks: string[] = []
  const pattern = /^(`{3,}|~{3,})text[ \t]*\n([\s\S]*?)^\1[ \t]*$/gm
  for (const match of markdown.matchAll(pattern)) blocks.push(match[2] ?? '')
  return blocks
}

/** Whether a text block is a tree (and not, say, the approve command). */
function looksLikeTree(block: string): boolean {
  return block
    .split('\n')
    .some(
      (line) =>
        /^ *module\./.test(line) ||
        MARKERS.some((m) =>
          new RegExp(`^ *${escape(m.padEnd(3))} \\S`).test(line)
        )
    )
}

/** Every address of every tree in the document's `text` blocks. */
export function addressesInTrees(markdown: string): TreeAddress[] {
  return textBlocks(markdown)
    .filter(looksLikeTree)
    .flatMap((block) => parseAddressTree(block))
}

/**
 * `name`, `name[key]` or a folded `name[k1, k2…k3] (n)`, as the addresses
 * it stands for. Without a count the brackets are one literal key.
 */
export function expandFolded(text: string, where = 'input'): string[] {
  const counted = /^(.*)\] \((\d+)\)$/.exec(text)
  const open = counted === null ? -1 : lastKeyStart(counted[1] ?? '')
  if (counted === null || open < 0) {
    if (/\s/.test(text.replace(/\[.*\]$/, '')))
      throw new Error(`address tree: unexpected space in ${where}`)
    return [text]
  }
  const name = (counted[1] ?? '').slice(0, open)
  const list = (counted[1] ?? '').slice(open + 1)
  const countText = counted[2] ?? ''
  const keys: string[] = []
  for (const item of splitKeys(list, where)) {
    const range = /^(\d+)…(\d+)$/.exec(item)
    if (range !== null) {
      const from = Number(range[1])
      const to = Number(range[2])
      if (to <= from)
        throw new Error(`address tree: empty range ${item} in ${where}`)
      for (let i = from; i <= to; i += 1) keys.push(String(i))
    } else if (/^\d+$/.test(item) || /^"(?:[^"\\]|\\.)*"$/.test(item)) {
      keys.push(item)
    } else {
      throw new Error(`address tree: unreadable key ${item} in ${where}`)
    }
  }
  const count = Number(countText)
  if (keys.length !== count)
    throw new Error(
      `address tree: ${keys.length} keys for a count of ${count} in ${where}`
    )
  return keys.map((key) => `${name}[${key}]`)
}

/** Where the last `[` outside quoted strings is, or -1. */
function lastKeyStart(text: string): number {
  let at = -1
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]
    if (quoted) {
      if (c === '\\') i += 1
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if (c === '[') at = i
  }
  return at
}

/** Splits `a, "b, c", 3…5` on the commas outside quoted strings. */
function splitKeys(list: string, where: string): string[] {
  const items: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < list.length; i += 1) {
    const c = list[i] ?? ''
    if (quoted) {
      current += c
      if (c === '\\') current += list[++i] ?? ''
      else if (c === '"') quoted = false
    } else if (c === '"') {
      current += c
      quoted = true
    } else if (c === ',') {
      items.push(current.trim())
      current = ''
    } else current += c
  }
  if (quoted) throw new Error(`address tree: unclosed string in ${where}`)
  items.push(current.trim())
  if (items.some((item) => item === ''))
    throw new Error(`address tree: empty key in ${where}`)
  return items
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * The text of every `<code>` element of a report, as a reader sees it:
 * plangate writes addresses in table cells as `<code>` with `<wbr>` break
 * points and entities for Markdown characters.
 */
export function addressesInCode(markdown: string): string[] {
  return [...markdown.matchAll(/<code>(.*?)<\/code>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<wbr>/g, '')
      .replace(/&#(\d+);/g, (_all, n: string) => String.fromCharCode(Number(n)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  )
}

/** Every address a report names: in its tables' code elements or its module trees. */
export function namedAddresses(markdown: string): Set<string> {
  return new Set([
    ...addressesInCode(markdown),
    ...addressesInTrees(markdown).map((a) => a.address)
  ])
}
