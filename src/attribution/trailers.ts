/**
 * Commit-message parsing with git's own trailer rules, so that a marker only
 * counts where git (and GitHub) would treat it as a trailer: in the last
 * paragraph, as a `Key: value` line, not quoted, bulleted or fenced.
 */

/** One `Key: value` trailer from the trailer block at the end of a message. */
export interface Trailer {
  /** The key as written (`Co-Authored-By`); compare keys case-insensitively. */
  readonly key: string
  /** The value, trimmed, continuation lines unfolded into single spaces. */
  readonly value: string
  /** `Key: value` on one line: what a report shows as evidence. */
  readonly line: string
}

/** A `Name <email>` identity, as in author fields and `Co-authored-by`. */
export interface Identity {
  readonly name: string
  readonly email: string
}

/** One line of free text that may carry a marker, with where it was. */
export interface ScannableLine {
  /** Zero-based line number in the original text. */
  readonly index: number
  /** The line, trimmed. */
  readonly text: string
  /** True for the commit subject (the first non-blank line). */
  readonly subject: boolean
}

/**
 * Lines git itself writes into trailer blocks without a `Key: value` shape
 * of their own; they make a mixed paragraph count as a trailer block.
 */
const GIT_GENERATED_PREFIXES = [
  'Signed-off-by: ',
  '(cherry picked from commit '
] as const

/** git's default `core.commentChar`: such lines never break a trailer block. */
const COMMENT_PREFIX = '#'

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/
const LIST_ITEM = /^(?:[-*+>`]|\d+[.)])/
const TRAILER_KEY_CHAR = /^[A-Za-z0-9-]$/
const IDENTITY = /^([^<>]*?)\s*<([^<>\s]+)>$/

/** Splits text into lines, dropping the `\r` of CRLF line ends. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
}

/**
 * Returns the trailers of a commit message the way `git interpret-trailers
 * --parse` (and `git log --format=%(trailers)`) finds them: only the last
 * paragraph, only if it is all `Key: value` lines (with indented continuation
 * lines), or mostly so when git's own `Signed-off-by:` / `(cherry picked
 * from commit …)` lines are in it. Lines inside a closed code fence never
 * count, which is stricter than git.
 */
export function parseTrailers(message: string): Trailer[] {
  const lines = splitLines(message)
  const fenced = fencedLines(lines)
  const start = findTrailerBlockStart(lines, fenced)
  if (start < 0) return []

  const trailers: { key: string; value: string }[] = []
  // The item that continuation lines extend: a trailer, or a non-trailer
  // line of a mixed block (whose continuations are then ignored too).
  let current: { key: string; value: string } | undefined
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.startsWith(COMMENT_PREFIX) || isBlank(line)) continue
    if (isSpace(line[0])) {
      if (current !== undefined)
        current.value = `${current.value} ${line.trim()}`
      continue
    }
    const separator = fenced[i] === true ? -1 : findSeparator(line)
    if (separator >= 1) {
      current = {
        key: line.slice(0, separator).trim(),
        value: line.slice(separator + 1).trim()
      }
      trailers.push(current)
    } else {
      current = { key: '', value: '' }
    }
  }
  return trailers.map(({ key, value }) => ({
    key,
    value: value.trim(),
    line: `${key}: ${value.trim()}`
  }))
}

/** Parses `Name <email>` (also `<email>` alone); undefined for anything else. */
export function parseIdentity(text: string): Identity | undefined {
  const match = IDENTITY.exec(text.trim())
  if (match === null) return undefined
  return { name: (match[1] ?? '').trim(), email: match[2] ?? '' }
}

/**
 * The lines of a commit message that may carry a line marker (a footer, a
 * session link): every non-blank line except quoted (`>`), list (`-`, `*`,
 * `+`, `1.`), backticked, indented-code and fenced lines, where people quote
 * markers instead of emitting them.
 */
export function messageLines(message: string): ScannableLine[] {
  return scannable(message, true)
}

/**
 * The lines of a pull-request body that may carry a marker: every non-blank
 * line except quoted (`>`), indented-code and fenced lines. List and emphasis
 * lines stay, because agents write their footers as `*…*` Markdown.
 */
export function bodyLines(body: string): ScannableLine[] {
  return scannable(body, false)
}

function scannable(text: string, skipListItems: boolean): ScannableLine[] {
  const lines = splitLines(text)
  const fenced = fencedLines(lines)
  const subject = lines.findIndex((l) => !isBlank(l))
  const result: ScannableLine[] = []
  lines.forEach((line, index) => {
    if (isBlank(line) || fenced[index] === true) return
    if (line.startsWith('\t') || line.startsWith('    ')) return
    const text = line.trim()
    if (text.startsWith('>')) return
    if (skipListItems && LIST_ITEM.test(text)) return
    result.push({ index, text, subject: index === subject })
  })
  return result
}

/**
 * Marks the lines inside closed code fences (the fence lines included). An
 * opening fence with no closing fence marks nothing: a message truncated or
 * squashed mid-block must not hide the trailers appended after it.
 */
function fencedLines(lines: readonly string[]): boolean[] {
  const fenced = lines.map(() => false)
  let i = 0
  while (i < lines.length) {
    const marker = FENCE_OPEN.exec(lines[i] ?? '')?.[1]
    if (marker !== undefined) {
      let close = i + 1
      while (close < lines.length) {
        const closing = FENCE_CLOSE.exec(lines[close] ?? '')?.[1]
        if (
          closing !== undefined &&
          closing[0] === marker[0] &&
          closing.length >= marker.length
        )
          break
        close++
      }
      if (close < lines.length) {
        for (let k = i; k <= close; k++) fenced[k] = true
        i = close + 1
        continue
      }
    }
    i++
  }
  return fenced
}

/**
 * git's `find_trailer_block_start`: walks up from the end to the last blank
 * line; the paragraph below it is the trailer block if every line is a
 * trailer (or a continuation), or if it holds a git-generated line and at
 * least a quarter of its lines are trailers. The first paragraph (the
 * subject) never is. Returns the first line of the block, or -1.
 */
function findTrailerBlockStart(
  lines: readonly string[],
  fenced: readonly boolean[]
): number {
  let endOfTitle = lines.length
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.startsWith(COMMENT_PREFIX)) continue
    if (isBlank(line)) {
      endOfTitle = i
      break
    }
  }

  let onlySpaces = true
  let recognizedPrefix = false
  let trailerLines = 0
  let nonTrailerLines = 0
  let possibleContinuationLines = 0
  for (let i = lines.length - 1; i >= endOfTitle; i--) {
    const line = lines[i] ?? ''
    if (line.startsWith(COMMENT_PREFIX)) {
      nonTrailerLines += possibleContinuationLines
      possibleContinuationLines = 0
      continue
    }
    if (isBlank(line)) {
      if (onlySpaces) continue
      nonTrailerLines += possibleContinuationLines
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return i + 1
      if (trailerLines > 0 && nonTrailerLines === 0) return i + 1
      return -1
    }
    onlySpaces = false
    if (fenced[i] === true) {
      nonTrailerLines += possibleContinuationLines + 1
      possibleContinuationLines = 0
      continue
    }
    if (GIT_GENERATED_PREFIXES.some((prefix) => line.startsWith(prefix))) {
      trailerLines++
      possibleContinuationLines = 0
      recognizedPrefix = true
      continue
    }
    if (findSeparator(line) >= 1 && !isSpace(line[0])) {
      trailerLines++
      possibleContinuationLines = 0
    } else if (isSpace(line[0])) {
      possibleContinuationLines++
    } else {
      nonTrailerLines += possibleContinuationLines + 1
      possibleContinuationLines = 0
    }
  }
  return -1
}

/**
 * git's `find_separator`: the index of the `:` after a key made of letters,
 * digits and `-` (whitespace allowed before the colon), or -1.
 */
function findSeparator(line: string): number {
  let whitespaceFound = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? ''
    if (c === ':') return i
    if (!whitespaceFound && TRAILER_KEY_CHAR.test(c)) continue
    if (i !== 0 && (c === ' ' || c === '\t')) {
      whitespaceFound = true
      continue
    }
    break
  }
  return -1
}

function isBlank(line: string): boolean {
  return line.trim() === ''
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t'
}
