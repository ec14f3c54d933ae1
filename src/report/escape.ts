/*
 * Escaping for text that did not come from plangate (plan data, commit
 * subjects, logins, file names) on its way into Markdown. Every renderer
 * goes through these functions, so that one fix covers every report.
 */

/**
 * Every line terminator CommonMark or a browser may honour: CRLF, a lone CR
 * or LF, and the Unicode line and paragraph separators, NEL, VT and FF.
 */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g

/** Text on one line: every line terminator becomes a space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ')
}

/** Escapes text for HTML element content (summary lines, sub tags); never used in attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escapes free text so that it cannot open HTML, mentions or Markdown structures. */
export function escapeText(text: string): string {
  return oneLine(escapeHtml(text)).replace(/@/g, '@\u200b')
}

/** Free text inside a table cell: also escapes the cell separator. */
export function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|')
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
    // An underscore inside a word never starts emphasis: keep `terraform_data` readable.
    const plain =
      c === '_' &&
      /[A-Za-z0-9]/.test(text[i - 1] ?? '') &&
      /[A-Za-z0-9]/.test(text[i + 1] ?? '')
    out += plain ? c : (ENTITIES[c] ?? c)
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

/** "1 change", "2 changes". */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : many}`
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
