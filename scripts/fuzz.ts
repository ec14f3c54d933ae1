/**
 * A seeded mutation fuzzer over every plan fixture kind (Terraform,
 * OpenTofu, CloudFormation change sets, Pulumi previews): each case mutates
 * a real fixture (structure-aware edits of the parsed JSON, or edits of the
 * bytes), runs the whole pipeline in process (read, analyse, every
 * renderer, the pull request comment and the job summary) and accepts only
 * two outcomes: a report, or a clean `PlanParseError` (the CLI's exit 2).
 * Anything else is a finding: another exception (the CLI's exit 3), a case
 * slower than the budget (a hang in the making), a report over GitHub's
 * limits, or a secret of the fixture in any output.
 *
 *   npm run fuzz                          # 60 s, seed 1
 *   npm run fuzz -- --seconds 20 --seed 7
 *
 * Exits 1 when it found something, printing each finding with the seed and
 * case number that reproduce it (`--case N` replays one case).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { analyze } from '../src/analyze.js'
import { readPlanData } from '../src/io/plan-stream.js'
import type { PlanStream } from '../src/io/read-plan.js'
import { PlanParseError, readPlanDocuments } from '../src/plan/index.js'
import { parseJsonDocuments } from '../src/plan/json-text.js'
import type { PlanInput } from '../src/plan/index.js'
import { planBuffer } from '../src/plan/json-skip.js'
import {
  localView,
  renderComment,
  renderJson,
  renderSummary,
  renderText
} from '../src/report/index.js'
import { mulberry32 } from './make-big-plan.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const KINDS = ['terraform', 'opentofu', 'cloudformation', 'pulumi']
/** A case slower than this is reported. */
const CASE_BUDGET_MS = 3_000
/** GitHub's limits. */
const MAX_COMMENT_CHARS = 65_536
const MAX_SUMMARY_BYTES = 1_048_576

interface Fixture {
  readonly name: string
  readonly text: string
  readonly doc: unknown
  /** Strings the fixture marks sensitive: never in any output. */
  readonly secrets: readonly string[]
}

/** Planted as a string, replaced in the text by arrays nested this deep (too deep to clone). */
const DEEP = '\u0000deep\u0000'
const DEEP_LEVELS = 5_000

/** Values a mutation plants: hostile text, odd types, depth, size. */
const HOSTILE: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  '',
  ' ',
  '\r## ✅ plangate: approved @octocat\r<!--',
  '\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\u001b[2J',
  '</details><img src=x onerror=alert(1)>',
  '`|`',
  '\u202e\u2028\u2029\u0085',
  '__proto__',
  'x'.repeat(100_000),
  [],
  {},
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"a": 1}, "constructor": 2, "prototype": 3}'),
  nest(200),
  DEEP
]

function nest(depth: number): unknown {
  let value: unknown = 'deep'
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value }
  return value
}

function loadFixtures(): Fixture[] {
  const out: Fixture[] = []
  for (const kind of KINDS) {
    const dir = join(ROOT, 'test', 'fixtures', kind)
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.json')) continue
      const text = readFileSync(join(dir, file), 'utf8')
      let doc: unknown
      try {
        doc = JSON.parse(text)
      } catch {
        continue
      }
      out.push({ name: `${kind}/${file}`, text, doc, secrets: secretsOf(doc) })
    }
  }
  return out
}

/**
 * The values a fixture marks sensitive (Terraform's *_sensitive masks,
 * Pulumi's secret wrappers, CloudFormation's NoEcho `****`), at least 6
 * characters long so that common words never count.
 */
function secretsOf(doc: unknown): string[] {
  const found = new Set<string>()
  const walk = (value: unknown, mask: unknown): void => {
    if (mask === true) {
      collectStrings(value, found)
      return
    }
    if (Array.isArray(value))
      value.forEach((v, i) =>
        walk(v, Array.isArray(mask) ? (mask as unknown[])[i] : undefined)
      )
    else if (isRecord(value))
      for (const [k, v] of Object.entries(value))
        walk(v, isRecord(mask) ? mask[k] : undefined)
  }
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (isRecord(value)) {
      const change = value.change
      if (isRecord(change)) {
        walk(change.before, change.before_sensitive)
        walk(change.after, change.after_sensitive)
      }
      if (value[PULUMI_SECRET] !== undefined)
        collectStrings(value.value ?? value.plaintext, found)
      Object.values(value).forEach(visit)
    }
  }
  visit(doc)
  return [...found].filter((s) => s.length >= 6)
}

/** The secrets a (mutated) input text still marks, in any of its documents; none when it is not JSON. */
function stillMarked(text: string): string[] {
  try {
    return parseJsonDocuments(text, 'fuzz').flatMap(secretsOf)
  } catch {
    return []
  }
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value)
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, into)
  else if (isRecord(value))
    for (const v of Object.values(value)) collectStrings(v, into)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Pulumi's signature key of a secret value. */
const PULUMI_SECRET = '4dabf18193072939515e22adb298388d'

/**
 * Every path into a document, but none through a sensitivity mask, a
 * Pulumi secret wrapper or a secret: a mutation that unmarks a secret makes
 * it ordinary data, which plangate may then print.
 */
function paths(doc: unknown, secrets: ReadonlySet<string>): string[][] {
  const out: string[][] = []
  /** Walks a value; true when it holds a secret's marking (so it is never replaced whole). */
  const walk = (value: unknown, path: string[]): boolean => {
    if (out.length > 20_000) return true
    let marks = false
    if (Array.isArray(value))
      value.forEach((v, i) => {
        marks = walk(v, [...path, String(i)]) || marks
      })
    else if (isRecord(value)) {
      if (value[PULUMI_SECRET] !== undefined) return true
      for (const [k, v] of Object.entries(value)) {
        if (/sensitive|secret/i.test(k)) {
          marks = true
          continue
        }
        if (typeof v === 'string' && secrets.has(v)) {
          marks = true
          continue
        }
        marks = walk(v, [...path, k]) || marks
      }
    }
    if (!marks) out.push(path)
    return marks
  }
  walk(doc, [])
  return out
}

function at(doc: unknown, path: readonly string[]): unknown {
  let value = doc
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** One mutation of a fixture: the text to read, and what was done. */
function mutate(
  fixture: Fixture,
  rng: () => number
): { text: string; what: string; bytes?: true } {
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(rng() * list.length)] as T
  const r = rng()
  if (r < 0.15) {
    // Bytes: truncate, flip, or splice.
    const bytes = Buffer.from(fixture.text, 'utf8')
    const i = Math.floor(rng() * bytes.length)
    const kind = pick(['truncate', 'flip', 'splice'] as const)
    if (kind === 'truncate')
      return {
        text: bytes.subarray(0, i).toString('utf8'),
        what: `truncate at ${i}`,
        bytes: true
      }
    if (kind === 'flip') {
      bytes[i] = Math.floor(rng() * 256)
      return {
        text: bytes.toString('latin1'),
        what: `flip byte ${i}`,
        bytes: true
      }
    }
    const piece = pick(['{', '}', '[', ']', '"', ',', '\\u0000', '\u2028'])
    return {
      text: fixture.text.slice(0, i) + piece + fixture.text.slice(i),
      what: `splice ${JSON.stringify(piece)} at ${i}`,
      bytes: true
    }
  }
  const doc: unknown = structuredClone(fixture.doc)
  const secrets = new Set(fixture.secrets)
  const edits: string[] = []
  const count = 1 + Math.floor(rng() * 3)
  for (let n = 0; n < count; n++) {
    const path = pick(paths(doc, secrets))
    if (path.length === 0) continue
    const parent = at(doc, path.slice(0, -1))
    const key = path[path.length - 1] ?? ''
    const op = pick(['set', 'delete', 'duplicate', 'actions', 'key'] as const)
    if (!isRecord(parent) && !Array.isArray(parent)) continue
    const target = parent as Record<string, unknown>
    switch (op) {
      case 'set': {
        const value = pick(HOSTILE)
        target[key] = structuredClone(value)
        edits.push(`set ${path.join('.')}`)
        break
      }
      case 'delete':
        if (Array.isArray(parent)) parent.splice(Number(key), 1)
        else delete target[key]
        edits.push(`delete ${path.join('.')}`)
        break
      case 'duplicate':
        if (Array.isArray(parent))
          parent.push(structuredClone(parent[Number(key)]))
        edits.push(`duplicate ${path.join('.')}`)
        break
      case 'actions':
        target[key] = pick([
          ['delete', 'create'],
          ['create', 'delete'],
          ['forget', 'create'],
          ['bogus'],
          ['delete', 'delete'],
          'Remove',
          'Dynamic'
        ])
        edits.push(`actions ${path.join('.')}`)
        break
      case 'key':
        if (isRecord(parent)) {
          const value = target[key]
          delete target[key]
          target[pick(['__proto__', 'constructor', 'prototype', '@x', '\r'])] =
            value
          edits.push(`rename key ${path.join('.')}`)
        }
        break
    }
  }
  const text = JSON.stringify(doc).replaceAll(
    JSON.stringify(DEEP),
    `${'['.repeat(DEEP_LEVELS)}${']'.repeat(DEEP_LEVELS)}`
  )
  // Now and then the fixture itself after it, as terragrunt writes plans
  // one after another: each read alone, and every secret it marks masked
  // in both (the first may have lost a mask to an edit).
  if (rng() < 0.1)
    return {
      text: `${text}\n${fixture.text}`,
      what: `${edits.join('; ') || 'none'}; the fixture after it`
    }
  return { text, what: edits.join('; ') || 'none' }
}

/**
 * Runs one case; returns a finding, or undefined when the outcome is
 * acceptable. `marksIntact` is false for byte edits, which may unmark a
 * secret: then only an error message must not quote one.
 */
/**
 * The same text read as the CLI reads a file: from its bytes, in a plan
 * buffer (the SIMD kernel's), by the sectioned reader where it applies.
 */
function readBytes(fixture: Fixture, text: string): PlanInput[] {
  const bytes = Buffer.from(text)
  const data = planBuffer(bytes.length)
  bytes.copy(data)
  return readPlanData(
    data,
    { source: fixture.name, path: fixture.name },
    'auto'
  )
}

/**
 * The same text read as a plan past one buffer is: through a window of
 * `windowBytes` (small, so that the case is cut in many places).
 */
function readStream(
  fixture: Fixture,
  text: string,
  windowBytes: number
): PlanInput[] {
  const bytes = Buffer.from(text)
  const stream: PlanStream = {
    kind: 'plan-stream',
    length: bytes.length,
    rereadable: true,
    open: () => {
      let at = 0
      return {
        read: (into, offset, length) => {
          const count = Math.min(length, bytes.length - at)
          into.set(bytes.subarray(at, at + count), offset)
          at += count
          return count
        },
        close: () => undefined
      }
    }
  }
  return readPlanData(
    stream,
    { source: fixture.name, path: fixture.name },
    'auto',
    {},
    { maxTextBytes: 512 * 1024 * 1024 - 64, maxBytes: 0, windowBytes }
  )
}

/** The JSON report of an analysis, as every reader's is compared. */
function reportOf(analysis: ReturnType<typeof analyze>): string {
  return renderJson(analysis, { name: 'plangate', version: 'fuzz' })
}

/** A finding for an exception that is not an input error: its name and message, bounded. */
function crash(where: string, error: unknown): string {
  const what =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return `${where}${what}`.slice(0, 300)
}

/**
 * The window reader against the byte reader: where the window reads a
 * case, the same report; it never crashes. (It refuses what is not a
 * Terraform plan, and does not fall back to the text reader as the byte
 * reader does: a refusal alone is no finding.)
 */
function compareStream(
  fixture: Fixture,
  text: string,
  bytesReport: string | undefined,
  windowBytes: number
): string | undefined {
  let report: string
  try {
    report = reportOf(analyze(readStream(fixture, text, windowBytes)))
  } catch (error) {
    if (error instanceof PlanParseError) return undefined
    return crash(`the window reader (${windowBytes} bytes): `, error)
  }
  if (bytesReport !== undefined && report !== bytesReport)
    return `the window reader (${windowBytes} bytes) and the byte reader give different reports`
  return undefined
}

/**
 * The byte reader against the text reader on one case: where both read
 * it, the same report; where the text reader reads it, the byte reader
 * too. (The byte reader may accept what the text reader refuses: it does
 * not check the tokens inside values it skips.)
 */
function compareReaders(
  fixture: Fixture,
  text: string,
  textReport: string | undefined,
  windowBytes: number
): string | undefined {
  let bytesReport: string
  try {
    bytesReport = reportOf(analyze(readBytes(fixture, text)))
  } catch (error) {
    if (!(error instanceof PlanParseError))
      return crash('the byte reader: ', error)
    return textReport === undefined
      ? undefined
      : `the byte reader refuses what the text reader reads: ${error.message.slice(0, 200)}`
  }
  if (textReport !== undefined && bytesReport !== textReport)
    return 'the byte reader and the text reader give different reports'
  return compareStream(fixture, text, bytesReport, windowBytes)
}

function runCase(
  fixture: Fixture,
  text: string,
  marksIntact: boolean,
  windowBytes: number
): string | undefined {
  let outputs: string[]
  let textReport: string | undefined
  try {
    const analysis = analyze(readPlanDocuments({ source: fixture.name, text }))
    const comment = renderComment(analysis, {
      state: analysis.decision.verdict === 'pass' ? 'pass' : 'blocked',
      statusContext: 'plangate/main',
      headSha: '0'.repeat(40),
      digest: '0123456789abcdef'
    }).body
    const summary = renderSummary(analysis, localView(analysis))
    if (comment.length > MAX_COMMENT_CHARS)
      return `comment of ${comment.length} characters`
    if (Buffer.byteLength(summary) > MAX_SUMMARY_BYTES)
      return `job summary of ${Buffer.byteLength(summary)} bytes`
    textReport = reportOf(analysis)
    outputs = marksIntact
      ? [comment, summary, renderText(analysis, { color: false }), textReport]
      : []
  } catch (error) {
    if (error instanceof PlanParseError) {
      outputs = [error.message]
    } else {
      return crash('', error)
    }
  }
  const readers = compareReaders(fixture, text, textReport, windowBytes)
  if (readers !== undefined) return readers
  // Only what the mutated input still marks must stay hidden: an edit that
  // moves a value away from its mask makes it ordinary data.
  const marked = new Set(stillMarked(text))
  for (const secret of fixture.secrets.filter(
    (s) => !marksIntact || marked.has(s)
  ))
    if (outputs.some((o) => o.includes(secret)))
      return `a secret of the fixture is in the output: ${JSON.stringify(secret.slice(0, 4))}…`
  return undefined
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      seed: { type: 'string', default: '1' },
      case: { type: 'string' }
    }
  })
  const seconds = Number(values.seconds)
  const seed = Number(values.seed)
  if (!Number.isFinite(seconds) || !Number.isInteger(seed)) {
    process.stderr.write(
      'usage: npm run fuzz -- [--seconds S] [--seed N] [--case N]\n'
    )
    process.exitCode = 2
    return
  }
  const fixtures = loadFixtures()
  const only = values.case === undefined ? undefined : Number(values.case)
  const deadline = Date.now() + seconds * 1000
  const findings: string[] = []
  let cases = 0
  for (let n = 0; only !== undefined ? n <= only : Date.now() < deadline; n++) {
    const rng = mulberry32(seed * 1_000_003 + n)
    const fixture = fixtures[Math.floor(rng() * fixtures.length)] as Fixture
    const { text, what, bytes } = mutate(fixture, rng)
    if (only !== undefined && n !== only) continue
    cases++
    const started = performance.now()
    // Windows from 64 bytes to 4 KiB: every case is cut somewhere else.
    const windowBytes = 64 + Math.floor(rng() * 4032)
    const finding = runCase(fixture, text, bytes !== true, windowBytes)
    const ms = performance.now() - started
    const slow = ms > CASE_BUDGET_MS ? `took ${Math.round(ms)} ms` : undefined
    for (const problem of [finding, slow])
      if (problem !== undefined)
        findings.push(
          `case ${n} (seed ${seed}) ${fixture.name} [${what}]: ${problem}`
        )
  }
  process.stdout.write(
    `fuzz: ${cases} cases over ${fixtures.length} fixtures in ${seconds} s (seed ${seed}): ${findings.length} findings\n`
  )
  for (const finding of findings.slice(0, 50))
    process.stdout.write(`  ${finding}\n`)
  if (findings.length > 0) process.exitCode = 1
}

main()
