import {
  PlanParseError,
  SHOW_JSON_HINT,
  TERRAGRUNT_LOG_HINT
} from './errors.js'

/**
 * Turns the text of a plan file into a JSON value, or explains in one line
 * why it is not JSON. Recognises the usual wrong inputs (a binary planfile,
 * `terraform plan` text, setup-terraform wrapper output) before parsing,
 * and never quotes the file's content in the error: it may hold secrets.
 */
export function parseJsonText(text: string, source: string): unknown {
  const documents = parseJsonDocuments(text, source)
  if (documents.length === 1) return documents[0]
  throw new PlanParseError(
    source,
    'one JSON document',
    `${documents.length} concatenated JSON documents`,
    'pass one document per file'
  )
}

/**
 * How many JSON documents one file may hold one after another
 * (`terragrunt run-all show -json` writes one plan per module). Real
 * runs have tens; the limit bounds the work a hostile file can cause.
 */
export const MAX_DOCUMENTS = 1000

/**
 * The name of document `index` (from 0) of a file of `count`: the file's
 * own for the only one, `FILE#1`, `FILE#2`, … when there are several, so
 * that every report can tell them apart.
 */
export function documentSource(
  source: string,
  index: number,
  count: number
): string {
  return count === 1 ? source : `${source}#${index + 1}`
}

/** The refusal of a file of more than MAX_DOCUMENTS documents, whichever reader counts them. */
export function tooManyDocuments(source: string): PlanParseError {
  return new PlanParseError(
    source,
    `at most ${MAX_DOCUMENTS} concatenated JSON documents (as \`terragrunt run-all show -json\` writes)`,
    'more',
    'split the file, one plan per file'
  )
}

/**
 * Like parseJsonText, but reads a file of several JSON objects written one
 * after another (`terragrunt run-all show -json`, `jq -c` output) as a
 * list of documents. A single document is a list of one.
 */
export function parseJsonDocuments(text: string, source: string): unknown[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const start = firstNonSpace(body)
  if (start === -1) {
    // `-` is standard input: a pipe whose writer wrote nothing (it failed), not a file.
    const stdin = source === '-'
    throw new PlanParseError(
      source,
      'a JSON plan',
      body.length === 0
        ? stdin
          ? 'nothing on standard input'
          : 'an empty file'
        : 'only whitespace',
      stdin
        ? 'did the command piping the plan in fail? terraform show -json plan.tfplan | plangate review -'
        : SHOW_JSON_HINT
    )
  }
  rejectKnownNonJson(body, start, source)
  checkJsonNesting(body, source)
  try {
    return [JSON.parse(body) as unknown]
  } catch (error) {
    const problem = findJsonProblem(body)
    const next = body.charCodeAt(problem.offset)
    if (
      problem.what.endsWith('after the end of the JSON value') &&
      body.charCodeAt(start) === OPEN_BRACE &&
      next === OPEN_BRACE
    ) {
      return splitDocuments(body, start, source)
    }
    throw jsonSyntaxError(body, source, error)
  }
}

/** Parses the objects of `text` written one after another, from `start`. */
function splitDocuments(
  text: string,
  start: number,
  source: string
): unknown[] {
  const documents: unknown[] = []
  let at = start
  while (at !== -1) {
    if (documents.length === MAX_DOCUMENTS) throw tooManyDocuments(source)
    const n = documents.length + 1
    if (text.charCodeAt(at) !== OPEN_BRACE) {
      const where = lineAndColumn(text, at)
      throw new PlanParseError(
        source,
        `concatenated JSON objects (as \`terragrunt run-all show -json\` writes)`,
        `something other than a JSON object after document ${n - 1}, at line ${where.line}, column ${where.column}`,
        'write each plan to a file of its own'
      )
    }
    const end = objectEnd(text, at)
    const slice = text.slice(at, end)
    try {
      documents.push(JSON.parse(slice) as unknown)
    } catch (error) {
      const problem = findJsonProblem(slice)
      const where = lineAndColumn(text, at + problem.offset)
      throw new PlanParseError(
        source,
        `concatenated JSON objects (as \`terragrunt run-all show -json\` writes)`,
        `${problem.kind === 'truncated' ? 'JSON that ends early' : 'invalid JSON'} in document ${n} at line ${where.line}, column ${where.column} (${problem.what})`,
        undefined,
        { cause: error }
      )
    }
    at = firstNonSpaceFrom(text, end)
  }
  return documents
}

/** Index after the `}` that closes the object opened at `start` (or the end of the text). */
function objectEnd(text: string, start: number): number {
  const structural = /["[\]{}]/g
  structural.lastIndex = start
  let depth = 0
  while (structural.test(text)) {
    const i = structural.lastIndex - 1
    const c = text.charCodeAt(i)
    if (c === QUOTE) structural.lastIndex = stringEnd(text, i) + 1
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++
    else if (--depth === 0) return i + 1
  }
  return text.length
}

/**
 * How deep arrays and objects may nest in any JSON plangate reads (plans,
 * change sets, previews, templates, manifests). Real plans nest under 30
 * levels. The readers, the redactor and the renderers walk values
 * recursively; the first of them ran out of stack at about 2,000 levels
 * on Node 20, so the limit keeps a fourfold margin (other Node versions and
 * deeper callers have smaller stacks to spare).
 */
export const MAX_NESTING = 500

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/**
 * Refuses JSON text whose arrays and objects nest deeper than MAX_NESTING,
 * naming the JSON path and line where the limit was passed. A fast scan
 * of the text (brackets outside strings), so it runs before parsing.
 */
export function checkJsonNesting(
  text: string,
  source: string,
  limit: number = MAX_NESTING
): void {
  const offset = findDeepNesting(text, limit)
  if (offset === -1) return
  const where = lineAndColumn(text, offset)
  throw new PlanParseError(
    source,
    `JSON nested at most ${limit} levels deep`,
    `JSON nested deeper than ${limit} levels at ${jsonPathAt(text, offset)} (line ${where.line}, column ${where.column})`,
    'plangate refuses deeper input (real plans nest under 30 levels)'
  )
}

/**
 * Offset of the first `[` or `{` (outside strings) that opens a level
 * deeper than `limit`, or -1. Iterative and linear: it never recurses,
 * and invalid JSON is scanned as far as it goes.
 */
export function findDeepNesting(text: string, limit: number): number {
  // A regex skips the bytes between brackets and quotes faster than a loop.
  const structural = /["[\]{}]/g
  let depth = 0
  while (structural.test(text)) {
    const i = structural.lastIndex - 1
    const c = text.charCodeAt(i)
    if (c === QUOTE) structural.lastIndex = stringEnd(text, i) + 1
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return i
    } else if (depth > 0) depth--
  }
  return -1
}

/** Index of the quote closing the string opened at `start` (or the end of the text). */
function stringEnd(text: string, start: number): number {
  let i = start + 1
  for (;;) {
    const quote = text.indexOf('"', i)
    if (quote === -1) return text.length
    let slashes = 0
    for (let k = quote - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--)
      slashes++
    if (slashes % 2 === 0) return quote
    i = quote + 1
  }
}

/** Path segments shown before the rest is elided. */
const SHOWN_SEGMENTS = 12
const NAME_KEY = /^[A-Za-z_$][A-Za-z0-9_$:-]{0,63}$/

/**
 * The JSON path (`$.resource_changes[0].change.after`) of the value that
 * starts at `offset`, for messages. Keys that do not look like names are
 * not quoted (map keys may hold secrets), and a long path is elided.
 */
export function jsonPathAt(text: string, offset: number): string {
  const frames: { array: boolean; key: string; index: number }[] = []
  let expectKey = false
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i)
    const top = frames[frames.length - 1]
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      if (expectKey && top !== undefined && !top.array) {
        top.key = keyName(text.slice(i + 1, end))
        expectKey = false
      }
      i = end
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      frames.push({ array: c === OPEN_BRACKET, key: '', index: 0 })
      expectKey = c === OPEN_BRACE
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      frames.pop()
      expectKey = false
    } else if (c === COMMA && top !== undefined) {
      if (top.array) top.index++
      else expectKey = true
    }
  }
  const segments = frames.map((frame) =>
    frame.array ? `[${frame.index}]` : frame.key
  )
  const shown = segments.slice(0, SHOWN_SEGMENTS).join('')
  const more = segments.length - SHOWN_SEGMENTS
  return `$${shown}${more > 0 ? `… (${more} more levels)` : ''}`
}

function keyName(raw: string): string {
  return NAME_KEY.test(raw) ? `.${raw}` : '["…"]'
}

function firstNonSpace(text: string): number {
  return firstNonSpaceFrom(text, 0)
}

function firstNonSpaceFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i
  }
  return -1
}

/**
 * Refuses, from its first 4,096 characters (after white space), text that
 * is known not to be a JSON plan, with the same words the reader uses for
 * the whole text: a caller that holds only the beginning of a plan (the
 * first kilobyte of a gzip stream) learns what the whole would be refused
 * as. Text too short to hold those characters is passed over.
 */
export function rejectNonJsonHead(text: string, source: string): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const start = firstNonSpace(body)
  if (start === -1 || body.length < start + 4096) return
  rejectKnownNonJson(body, start, source)
}

function rejectKnownNonJson(text: string, start: number, source: string): void {
  if (text.startsWith('PK\u0003\u0004', start)) {
    throw new PlanParseError(
      source,
      'a JSON plan',
      'a binary Terraform planfile (a zip archive)',
      SHOW_JSON_HINT
    )
  }
  const head = text.slice(start, start + 4096)
  if (head.includes('\u0000')) {
    throw new PlanParseError(
      source,
      'a JSON plan',
      'binary data',
      SHOW_JSON_HINT
    )
  }
  if (head.startsWith('[command]')) {
    throw new PlanParseError(
      source,
      'a JSON plan',
      'output of the hashicorp/setup-terraform wrapper (it starts with a "[command]" line)',
      'set `terraform_wrapper: false` on setup-terraform, or run `terraform show -json PLANFILE > plan.json` in a step of its own with the wrapper off'
    )
  }
  const c = text.charCodeAt(start)
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) return
  const plain = withoutColour(head)
  if (TERRAGRUNT_LOG_LINE.test(plain)) {
    throw new PlanParseError(
      source,
      'a JSON plan',
      "Terragrunt's log of Terraform's output (lines like `12:10:50.184 STDOUT [unit] terraform: {…}`)",
      TERRAGRUNT_LOG_HINT
    )
  }
  if (PLAN_TEXT_MARKERS.some((marker) => plain.includes(marker))) {
    throw new PlanParseError(
      source,
      'a JSON plan',
      'the text output of `terraform plan`',
      SHOW_JSON_HINT
    )
  }
}

const PLAN_TEXT_MARKERS = [
  'Terraform used the selected providers',
  'Terraform will perform the following actions',
  'OpenTofu used the selected providers',
  'OpenTofu will perform the following actions',
  'No changes. Your infrastructure matches the configuration',
  'Refreshing state...',
  'An execution plan has been generated',
  'Plan: '
]

/**
 * A line of Terragrunt's log (0.67 and later): a time and a level
 * (`12:10:50.184 STDOUT`, `… INFO`), or a bare `STDOUT [unit] terraform:`.
 */
const TERRAGRUNT_LOG_LINE =
  /^(?:\d{1,2}:\d{2}:\d{2}(?:\.\d+)? +(?:STDOUT|STDERR|INFO|WARN|ERROR|DEBUG|TRACE) |STDOUT +(?:\[[^\]\r\n]*\] +)?[^\s:]+: )/

/** `text` without ANSI colour codes (a terminal's output written to a file). */
function withoutColour(text: string): string {
  // eslint-disable-next-line no-control-regex -- the codes start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '')
}

function jsonSyntaxError(
  text: string,
  source: string,
  cause: unknown
): PlanParseError {
  const problem = findJsonProblem(text)
  const where = lineAndColumn(text, problem.offset)
  const found =
    problem.kind === 'truncated'
      ? `JSON that ends early at line ${where.line}, column ${where.column} (the file looks truncated)`
      : `invalid JSON at line ${where.line}, column ${where.column} (${problem.what})`
  return new PlanParseError(source, 'a JSON plan', found, undefined, { cause })
}

function lineAndColumn(
  text: string,
  offset: number
): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

interface JsonProblem {
  readonly kind: 'truncated' | 'invalid'
  readonly offset: number
  /** A description that never quotes the input beyond one character class. */
  readonly what: string
}

/**
 * Finds where a JSON text stops being valid. Only runs after JSON.parse has
 * failed, because Node 20's JSON.parse message quotes the input (which may
 * hold secrets) and gives no position.
 */
export function findJsonProblem(text: string): JsonProblem {
  let i = 0
  const n = text.length
  const fail = (what: string): JsonProblem => ({
    kind: i >= n ? 'truncated' : 'invalid',
    offset: Math.min(i, n),
    what: i >= n ? 'unexpected end of input' : what
  })
  const describe = (): string => {
    const c = text[i]
    if (c === undefined) return 'unexpected end of input'
    if (/[A-Za-z]/.test(c)) return 'unexpected letter'
    if (/[0-9]/.test(c)) return 'unexpected digit'
    if (c === '"') return 'unexpected string'
    return `unexpected character ${JSON.stringify(c)}`
  }
  const skip = (): void => {
    while (i < n && /[ \t\r\n]/.test(text[i] ?? '')) i++
  }
  const literal = (word: string): boolean => {
    if (text.startsWith(word, i)) {
      i += word.length
      return true
    }
    for (let k = 0; k < word.length && text[i] === word[k]; k++) i++
    return false
  }
  const string = (): boolean => {
    i++ // opening quote
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return true
      }
      if (c === 0x5c) {
        i += 2
        continue
      }
      if (c < 0x20) return false
      i++
    }
    return false
  }
  const number = (): boolean => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      text.slice(i, i + 400)
    )
    if (match === null || match[0].length === 0) return false
    i += match[0].length
    return true
  }
  // Iterative scanner with an explicit stack: deep documents must not overflow.
  const stack: ('{' | '[')[] = []
  let expectValue = true
  for (;;) {
    skip()
    if (expectValue) {
      const c = text[i]
      if (c === '{') {
        i++
        skip()
        if (text[i] === '}') {
          i++
          expectValue = false
        } else {
          stack.push('{')
          if (text[i] !== '"') return fail('expected a property name')
          if (!string()) return fail('bad string')
          skip()
          if (text[i] !== ':') return fail('expected ":"')
          i++
        }
        continue
      }
      if (c === '[') {
        i++
        skip()
        if (text[i] === ']') {
          i++
          expectValue = false
        } else stack.push('[')
        continue
      }
      let ok: boolean
      if (c === '"') ok = string()
      else if (c === 't') ok = literal('true')
      else if (c === 'f') ok = literal('false')
      else if (c === 'n') ok = literal('null')
      else if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
        ok = number()
      else return fail(describe())
      if (!ok) return fail(describe())
      expectValue = false
      continue
    }
    const top = stack[stack.length - 1]
    if (top === undefined) {
      if (i < n) return fail(`${describe()} after the end of the JSON value`)
      return { kind: 'invalid', offset: n, what: 'no problem found' }
    }
    const c = text[i]
    if (c === ',') {
      i++
      if (top === '{') {
        skip()
        if (text[i] !== '"') return fail('expected a property name')
        if (!string()) return fail('bad string')
        skip()
        if (text[i] !== ':') return fail('expected ":"')
        i++
      }
      expectValue = true
      continue
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      i++
      stack.pop()
      continue
    }
    return fail(top === '{' ? 'expected "," or "}"' : 'expected "," or "]"')
  }
}
