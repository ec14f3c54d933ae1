/*
 * CODEOWNERS, as GitHub reads it (docs: "About code owners"): one rule a
 * line, `pattern owner…`; the last matching rule wins; a rule without
 * owners un-owns what it matches. Patterns follow gitignore with GitHub's
 * documented differences: no `!` negation, no `[ ]` ranges, `\#` escapes a
 * leading `#`, and a trailing `/*` matches the files of that directory
 * only, not deeper ones. GitHub skips a line it cannot read and shows an
 * error in the file's view; plangate skips the same lines and returns them
 * as warnings with their line number.
 */

/** GitHub ignores a CODEOWNERS file larger than this. */
export const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024

/** Where GitHub looks for CODEOWNERS, in the order it uses the first found. */
export const CODEOWNERS_PATHS = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS'
] as const

/** One readable line of a CODEOWNERS file. */
export interface CodeownersRule {
  /** 1-based line in the file. */
  readonly line: number
  /** The pattern as written (unescaped). */
  readonly pattern: string
  /**
   * Owners, lower-cased: `login`, `org/team`, or an e-mail address. Empty:
   * the rule un-owns what it matches.
   */
  readonly owners: readonly string[]
  /** Tested on a path or one of its directories. */
  readonly regex: RegExp
  /** A trailing `/`: only directories (so everything inside them). */
  readonly dirOnly: boolean
  /** A final `*` segment: the files of that directory, not deeper ones. */
  readonly filesOnly: boolean
}

export interface CodeownersWarning {
  readonly line: number
  readonly message: string
}

export interface Codeowners {
  /** Where the file was read (`.github/CODEOWNERS`), for messages. */
  readonly path: string
  readonly rules: readonly CodeownersRule[]
  /** Lines GitHub would reject too, skipped. */
  readonly warnings: readonly CodeownersWarning[]
}

/** The rule that decides a path's owners, when one matches. */
export interface OwnerMatch {
  readonly line: number
  readonly owners: readonly string[]
}

const USER_OWNER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const TEAM_OWNER =
  /^@[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9][A-Za-z0-9._-]*$/
const EMAIL_OWNER = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Parses a CODEOWNERS file; unreadable lines are skipped and reported, never thrown. */
export function parseCodeowners(text: string, path: string): Codeowners {
  const rules: CodeownersRule[] = []
  const warnings: CodeownersWarning[] = []
  if (new TextEncoder().encode(text).length > MAX_CODEOWNERS_BYTES)
    return {
      path,
      rules,
      warnings: [
        {
          line: 0,
          message: `the file is larger than ${MAX_CODEOWNERS_BYTES} bytes; GitHub ignores it`
        }
      ]
    }
  const lines = text.split(/\r\n|\n|\r/)
  lines.forEach((raw, i) => {
    const line = i + 1
    const tokens = tokenize(raw)
    if (tokens.kind === 'error') {
      warnings.push({ line, message: tokens.message })
      return
    }
    const [pattern, ...owners] = tokens.tokens
    if (pattern === undefined) return
    const compiled = compilePattern(pattern)
    if (typeof compiled === 'string') {
      warnings.push({ line, message: compiled })
      return
    }
    const bad = owners.find(
      (owner) =>
        !USER_OWNER.test(owner) &&
        !TEAM_OWNER.test(owner) &&
        !EMAIL_OWNER.test(owner)
    )
    if (bad !== undefined) {
      warnings.push({
        line,
        message: `owner ${JSON.stringify(bad)} is not @user, @org/team or an e-mail address`
      })
      return
    }
    rules.push({
      line,
      pattern: compiled.pattern,
      owners: [
        ...new Set(owners.map((owner) => owner.replace(/^@/, '').toLowerCase()))
      ],
      regex: compiled.regex,
      dirOnly: compiled.dirOnly,
      filesOnly: compiled.filesOnly
    })
  })
  return { path, rules, warnings }
}

type Tokens =
  | { readonly kind: 'ok'; readonly tokens: string[] }
  | { readonly kind: 'error'; readonly message: string }

/**
 * Splits a line on whitespace; an unescaped `#` starting a token ends the
 * line (a comment); `\` escapes the next character (`\#`, `\ `).
 */
function tokenize(raw: string): Tokens {
  const tokens: string[] = []
  let current = ''
  let started = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i)
    if (c === '\\') {
      const next = raw.charAt(i + 1)
      if (next === '')
        return { kind: 'error', message: 'the line ends with a lone backslash' }
      current += `\\${next}`
      started = true
      i++
      continue
    }
    if (c === ' ' || c === '\t') {
      if (started) tokens.push(current)
      current = ''
      started = false
      continue
    }
    if (c === '#' && !started) break
    current += c
    started = true
  }
  if (started) tokens.push(current)
  return { kind: 'ok', tokens }
}

interface Compiled {
  readonly pattern: string
  readonly regex: RegExp
  readonly dirOnly: boolean
  readonly filesOnly: boolean
}

/** A gitignore-like pattern (still escaped) as a regex, or why GitHub rejects it. */
function compilePattern(escaped: string): Compiled | string {
  if (escaped.startsWith('!'))
    return `negation ("${escaped}") is not supported in CODEOWNERS`
  // Split into segments, keeping escapes: `\x` is the literal x.
  const literal: boolean[] = []
  const chars: string[] = []
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped.charAt(i)
    if (c === '\\') {
      chars.push(escaped.charAt(i + 1))
      literal.push(true)
      i++
    } else {
      if (c === '[' || c === ']')
        return `character ranges ("${escaped}") are not supported in CODEOWNERS`
      chars.push(c)
      literal.push(false)
    }
  }
  const pattern = chars.join('')
  let start = 0
  let end = chars.length
  const anchoredStart = chars[0] === '/' && literal[0] === false
  if (anchoredStart) start = 1
  const dirOnly =
    end > start && chars[end - 1] === '/' && literal[end - 1] === false
  if (dirOnly) end -= 1
  if (end <= start) return `pattern "${pattern}" matches nothing`
  const segments: { text: string; wild: boolean[] }[] = [{ text: '', wild: [] }]
  for (let i = start; i < end; i++) {
    const c = chars[i] ?? ''
    const lit = literal[i] === true
    if (c === '/' && !lit) {
      segments.push({ text: '', wild: [] })
      continue
    }
    const seg = segments[segments.length - 1]
    if (seg === undefined) continue
    seg.text += c
    seg.wild.push(!lit && (c === '*' || c === '?'))
  }
  if (segments.some((seg) => seg.text === ''))
    return `pattern "${pattern}" has an empty path segment`
  const anchored = anchoredStart || segments.length > 1
  let body = ''
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1
    const isGlobstar = seg.text === '**' && seg.wild.every((wild) => wild)
    if (isGlobstar) {
      body += last ? '.*' : '(?:[^/]*/)*'
      return
    }
    body += segmentRegex(seg.text, seg.wild) + (last ? '' : '/')
  })
  const lastSeg = segments[segments.length - 1]
  const filesOnly =
    !dirOnly &&
    lastSeg !== undefined &&
    lastSeg.text === '*' &&
    lastSeg.wild[0] === true
  const source = `^${anchored ? '' : '(?:.*/)?'}${body}$`
  return { pattern, regex: new RegExp(source, 'u'), dirOnly, filesOnly }
}

function segmentRegex(text: string, wild: readonly boolean[]): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    const isWild = wild[i] === true
    if (isWild && c === '*') {
      // `**` inside a segment is a plain `*`.
      while (text.charAt(i + 1) === '*' && wild[i + 1] === true) i++
      out += '[^/]*'
    } else if (isWild && c === '?') out += '[^/]'
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return out
}

/**
 * The rule that decides a path's owners: the last one that matches the
 * path or one of its directories. A path ending in `/` stands for a
 * directory (a stack): it is owned as a file inside it whose name matches
 * only `*`.
 */
export function ownersOf(
  codeowners: Codeowners,
  path: string
): OwnerMatch | undefined {
  const clean = path.replace(/^\.?\/+/, '')
  const parts = clean.split('/')
  const dirs: string[] = []
  for (let i = 1; i < parts.length; i++) dirs.push(parts.slice(0, i).join('/'))
  for (let r = codeowners.rules.length - 1; r >= 0; r--) {
    const rule = codeowners.rules[r]
    if (rule === undefined) continue
    const hit =
      (!rule.dirOnly && rule.regex.test(clean)) ||
      (!rule.filesOnly && dirs.some((dir) => rule.regex.test(dir)))
    if (hit) return { line: rule.line, owners: rule.owners }
  }
  return undefined
}
