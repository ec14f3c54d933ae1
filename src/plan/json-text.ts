import { PlanParseError, SHOW_JSON_HINT } from './errors.js'

/**
 * Turns the text of a plan file into a JSON value, or explains in one line
 * why it is not JSON. Recognises the usual wrong inputs (a binary planfile,
 * `terraform plan` text, setup-terraform wrapper output) before parsing,
 * and never quotes the file's content in the error: it may hold secrets.
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const start = firstNonSpace(body)
  if (start === -1) {
    throw new PlanParseError(
      source,
      'a JSON plan',
      body.length === 0 ? 'an empty file' : 'only whitespace',
      SHOW_JSON_HINT
    )
  }
  rejectKnownNonJson(body, start, source)
  try {
    return JSON.parse(body) as unknown
  } catch (error) {
    throw jsonSyntaxError(body, source, error)
  }
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i
  }
  return -1
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
  if (looksLikePlanText(head)) {
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

function looksLikePlanText(head: string): boolean {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
  const plain = head.replace(/\u001b\[[0-9;]*m/g, '')
  return PLAN_TEXT_MARKERS.some((marker) => plain.includes(marker))
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
