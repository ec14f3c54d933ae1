/*
 * Escaping for text that did not come from plangate (plan data, commit
 * subjects, logins, file names) on its way into Markdown. Every renderer
 * goes through these functions, so that one fix covers every report.
 */

// Counts in words live in src/words.ts (the gate and the risks write them too).
export { plural, thousands } from '../words.js'

/**
 * Every line terminator CommonMark or a browser may honour: CRLF, a lone CR
 * or LF, and the Unicode line and paragraph separators, NEL, VT and FF.
 */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g

/** Text on one line: every line terminator becomes a space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ')
}

/**
 * A plain line of the workflow log, which the log viewer shows as a
 * terminal would. The runner takes a line that starts with `::` (after
 * white space) as a workflow command (`::error::`, `::add-mask::`,
 * `::stop-commands::`), and one that holds `##[` anywhere as a command of
 * the older form (`##[set-output name=x;]y`). Text that holds data (a file
 * name may hold a line break) goes through escapeTerminal, so it is one
 * line with no control characters and `##[` broken; a line that would
 * still start with `::` is shown behind a marker: shown, never run.
 */
export function logLine(text: string): string {
  const line = escapeTerminal(text)
  return line.trimStart().startsWith('::') ? `(text) ${line}` : line
}

/** Escapes text for HTML element content (summary lines, sub tags); never used in attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Longest piece of free text a report quotes; the rest is cut with an ellipsis. */
export const MAX_TEXT_CHARS = 2_000

/**
 * Escapes free text (plan data, or plangate's words around it) for
 * Markdown: on one line, cut at `max` characters, and, outside the code
 * spans it holds, no HTML, no mention, no issue reference, no link, image
 * or autolink, and no backslash that could undo an escape. Code spans
 * (plangate's own, or a backtick run in data that CommonMark would close)
 * are kept as they are: nothing inside one is interpreted.
 */
export function escapeText(text: string, max = MAX_TEXT_CHARS): string {
  return mapOutsideCode(cut(oneLine(text), max), escapeProse)
}

/**
 * Text that escapeText (or escapeCell) wrote, back as it was: for
 * plangate's own lines read back from its comment (the approval history).
 * What escaping cut (length, line breaks) stays cut.
 */
export function unescapeText(markdown: string): string {
  return markdown
    .replace(/\u200b/g, '')
    .replace(/\\([\\[\]|])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Free text inside a table cell: also escapes the cell separator, inside code spans too. */
export function escapeCell(text: string, max = MAX_TEXT_CHARS): string {
  return escapeText(text, max).replace(/\|/g, '\\|')
}

function escapeProse(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Links and images need brackets.
      .replace(/[[\]]/g, (c) => `\\${c}`)
      // Mentions and team mentions, and e-mail autolinks.
      .replace(/@/g, '@\u200b')
      // Issue and pull request references: #12, GH-12, owner/repo#12.
      .replace(/#(?=\d)/g, '#\u200b')
      .replace(/\b(GH)-(?=\d)/gi, '$1\u200b-')
      // Autolinks without brackets: http://, https://, ftp://, www.
      .replace(/:\/\//g, ':\u200b//')
      .replace(/\b(www)\./gi, '$1\u200b.')
  )
}

/**
 * Applies `escape` to the parts of `text` outside CommonMark code spans (a
 * backtick run closed by a run of the same length); an unclosed run is
 * literal text.
 */
function mapOutsideCode(
  text: string,
  escape: (prose: string) => string
): string {
  let out = ''
  let prose = ''
  let i = 0
  while (i < text.length) {
    if (text[i] !== '`') {
      prose += text[i]
      i++
      continue
    }
    let n = 0
    while (text[i + n] === '`') n++
    const close = findRun(text, i + n, n)
    if (close === -1) {
      prose += '`'.repeat(n)
      i += n
      continue
    }
    out += escape(prose) + text.slice(i, close + n)
    prose = ''
    i = close + n
  }
  return out + escape(prose)
}

/** Where the next run of exactly `n` backticks starts at or after `from`, or -1. */
function findRun(text: string, from: number, n: number): number {
  let i = from
  while (i < text.length) {
    if (text[i] !== '`') {
      i++
      continue
    }
    let m = 0
    while (text[i + m] === '`') m++
    if (m === n) return i
    i += m
  }
  return -1
}

/** Text cut to `max` code points, the cut marked with an ellipsis. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const points = Array.from(text)
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`
}

/**
 * Free text inside an HTML block (a `<details><summary>` line), where
 * GitHub does not read Markdown, so a backslash would show: HTML escapes,
 * defused mentions and references, one line.
 */
export function escapeHtmlText(text: string, max = MAX_TEXT_CHARS): string {
  return escapeHtml(cut(oneLine(text), max))
    .replace(/@/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/:\/\//g, ':\u200b//')
}

/**
 * Text as an HTML `<code>` element (a `<summary>` line, a table cell): every
 * character shown as it is, nothing interpreted as Markdown or HTML.
 */
export function htmlCode(text: string): string {
  const single = oneLine(text)
  let out = ''
  for (let i = 0; i < single.length; i++) out += entity(single, i)
  return `<code>${out}</code>`
}

/** The character at `i` as inline HTML shows it; an underscore inside a word stays readable. */
function entity(text: string, i: number): string {
  const c = text[i] ?? ''
  const plain =
    c === '_' &&
    /[A-Za-z0-9]/.test(text[i - 1] ?? '') &&
    /[A-Za-z0-9]/.test(text[i + 1] ?? '')
  return plain ? c : (ENTITIES[c] ?? c)
}

/** A code span that survives backticks in its content. */
export function code(text: string, inTable = false): string {
  const single = oneLine(text)
  const longest = Math.max(
    0,
    ...[...single.matchAll(/`+/g)].map((m) => m[0].length)
  )
  const ticks = '`'.repeat(longest + 1)
  const pad =
    single.startsWith('`') || single.endsWith('`') || longest > 0 ? ' ' : ''
  const body = inTable ? single.replace(/\|/g, '\\|') : single
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

/**
 * A Markdown link to a URL plangate built (a commit, a comment, a run): the
 * label is escaped text, the URL has the characters that would end a link
 * destination percent-encoded.
 */
export function link(label: string, url: string): string {
  const safeLabel = label.replace(/[[\]\\]/g, (c) => `\\${c}`)
  const safeUrl = url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return `[${safeLabel}](${safeUrl})`
}

/**
 * A resource address as inline code that wraps only between its segments
 * (a `<wbr>` after each `.` outside an instance key), never inside a name
 * or a key: what a table cell on a phone needs. Markdown and HTML
 * characters become entities, so the address is shown as it is and is
 * safe in a table cell.
 */
export function addressCode(address: string): string {
  const text = oneLine(address)
  let out = ''
  let depth = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? ''
    out += entity(text, i)
    if (quoted) {
      if (c === '\\') {
        const next = text[i + 1] ?? ''
        out += ENTITIES[next] ?? next
        i++
      } else if (c === '"') quoted = false
      continue
    }
    if (c === '"') quoted = true
    else if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    else if (c === '.' && depth === 0) out += '<wbr>'
  }
  return `<code>${out}</code>`
}

/** Characters that HTML or Markdown would read inside inline HTML. */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '*': '&#42;',
  _: '&#95;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
  '\\': '&#92;',
  ':': '&#58;'
}

/** Longest node label a Mermaid graph shows; longer addresses are cut with an ellipsis. */
export const MAX_MERMAID_LABEL = 80

/**
 * A Mermaid node label, for use between double quotes (`n1["…"]`): every
 * character other than letters, digits, space and `._-/` becomes a Mermaid
 * entity code (`#91;`), so nothing in it can close the quotes, the node,
 * the fence, or be read as Markdown, HTML or Mermaid syntax.
 */
export function mermaidLabel(text: string): string {
  return [...cut(oneLine(text), MAX_MERMAID_LABEL)]
    .map((c) =>
      /^[A-Za-z0-9 ._/-]$/.test(c) ? c : `#${c.codePointAt(0) ?? 63};`
    )
    .join('')
}

/** Text with its first letter in upper case. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1)
}

/** The length of lines joined with a newline after each: what they take of a body. */
export function joinedLength(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + line.length + 1, 0)
}

/** The length of text in UTF-8 bytes, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/**
 * Code points a terminal acts on instead of showing: C0 controls (tab and
 * newline included: only plangate breaks its own lines), DEL, C1 controls,
 * the line and paragraph separators, and the bidirectional marks,
 * embeddings, overrides and isolates that reorder what is shown.
 */
function isTerminalControl(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

/** The readable forms of the most common control characters. */
const TERMINAL_SHORT_FORMS: Readonly<Record<string, string>> = {
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r'
}

/**
 * Text that did not come from plangate on its way to a terminal (the text
 * report, the CLI's messages): every control character is shown as an
 * escape (`\x1b`, `\r`, `\u202e`), so that only plangate moves the cursor,
 * colours, links or reorders what the reader sees. A backslash is kept as
 * it is. Multi-line data is split on `\n` first, each line escaped. The
 * terminal is often a CI job's log, whose runner runs `##[...]` found
 * anywhere in a line as a command: `##[` gets an invisible break (U+200B).
 */
export function escapeTerminal(text: string): string {
  let out = ''
  let plain = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (
      code === 0x23 &&
      text.charCodeAt(i + 1) === 0x23 &&
      text.charCodeAt(i + 2) === 0x5b
    ) {
      out += text.slice(plain, i + 1) + '\u200b'
      plain = i + 1
      continue
    }
    if (!isTerminalControl(code)) continue
    const c = text[i] ?? ''
    out +=
      text.slice(plain, i) +
      (TERMINAL_SHORT_FORMS[c] ??
        (code <= 0xff
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : `\\u${code.toString(16).padStart(4, '0')}`))
    plain = i + 1
  }
  return plain === 0 ? text : out + text.slice(plain)
}
