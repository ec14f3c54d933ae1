import type {
  AttributeChange,
  AttributeValue,
  DependencyGraph,
  ChangeAction,
  Incompleteness,
  LifecycleChange,
  OutputChange,
  Plan,
  ReplaceOrder,
  ResourceChange
} from '../model.js'
import { collectLeafStrings, UNKNOWN_TEXT } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { deepEqual, diffAttributes, formatPath } from './attributes.js'
import { GraphBuilder } from './dependents.js'
import { PlanParseError } from './errors.js'
import { findDeepNesting, MAX_NESTING } from './json-text.js'
import {
  arrayAt,
  describeJson,
  describeScalar,
  isRecord,
  recordAt,
  stringAt
} from './json.js'
import type { JsonRecord } from './json.js'

/**
 * Reader of the `pulumi preview --json` digest (pkg/display PreviewDigest):
 * `{config, steps[], diagnostics[], duration, changeSummary, maybeCorrupt}`.
 *
 * Decisions where Pulumi's docs are silent:
 * - Address: the URN without `urn:pulumi:<stack>::<project>::`, that is
 *   `<qualified type>::<name>` (`aws:s3/bucket:Bucket::logs`, or
 *   `my:web:Site$aws:s3/bucket:Bucket::logs` under a component). It is unique
 *   within a stack and the full URN can be rebuilt from it.
 * - Module: the address of the parent component, '' under the stack.
 * - A `replace` without its `create-replacement`/`delete-replaced` steps
 *   (the default: no `--show-replacement-steps`) does not say its order;
 *   plangate assumes delete first, the more disruptive order, and warns.
 * - Deleting a provider instance (`pulumi:providers:*`) or a component (the
 *   stack included, `custom: false`) calls no cloud API: it is a `forget`,
 *   and replacing one is a replace that keeps the old object. The resources
 *   under them carry their own steps.
 * - Error diagnostics (a protected delete or replace, a provider error)
 *   make the plan incomplete: `pulumi up` would fail and the preview may
 *   have stopped early. Warning diagnostics become warnings; info and debug
 *   messages (program output) are left out.
 * - The `--output json` summary (counts only) and engine event streams are
 *   explained with a PlanParseError, never read: they carry no diffs and no
 *   protect/retainOnDelete flags.
 * - Stack outputs come from the root stack step only when its new state
 *   carries `outputs`; the digest normally has none (Pulumi registers them
 *   after the step is reported), so `outputs` is usually empty.
 */

/** Every step op of pkg/resource/deploy/step.go plangate knows. */
export const PULUMI_STEP_OPS = [
  'same',
  'create',
  'update',
  'delete',
  'replace',
  'create-replacement',
  'delete-replaced',
  'read',
  'read-replacement',
  'refresh',
  'discard',
  'discard-replaced',
  'remove-pending-replace',
  'import',
  'import-replacement',
  'diff',
  'extend-parameterize'
] as const
export type PulumiStepOp = (typeof PULUMI_STEP_OPS)[number]

const KNOWN_OPS: ReadonlySet<string> = new Set(PULUMI_STEP_OPS)

/** One property of a step's `detailedDiff`, its path as Pulumi writes it. */
export interface PulumiPropertyDiff {
  readonly path: string
  /** `add`, `delete`, `update`, or one of those with `-replace`. */
  readonly kind: string
}

/** One entry of the digest's `steps`, checked. */
export interface PulumiStep {
  /** Position in `steps`, for messages. */
  readonly index: number
  readonly op: PulumiStepOp
  readonly urn: string
  readonly oldState: JsonRecord | undefined
  readonly newState: JsonRecord | undefined
  readonly diffReasons: readonly string[]
  readonly replaceReasons: readonly string[]
  readonly detailedDiff: readonly PulumiPropertyDiff[]
}

/** One entry of the digest's `diagnostics`. */
export interface PulumiDiagnostic {
  readonly urn: string | undefined
  readonly severity: string
  readonly message: string
}

/** The parts of a preview digest that normalisation reads. */
export interface PulumiPreviewDigest {
  readonly steps: readonly PulumiStep[]
  readonly diagnostics: readonly PulumiDiagnostic[]
  readonly maybeCorrupt: boolean
}

/** A Pulumi preview digest that passed the shape checks, with its secrets. */
export interface PulumiInput {
  readonly kind: 'pulumi'
  readonly source: string
  readonly doc: PulumiPreviewDigest
  /** Plaintext of every secret-signature object in any state of the digest. */
  readonly secrets: ReadonlySet<string>
  readonly warnings: readonly string[]
}

/** What Pulumi writes in place of a secret in the digest. */
const SECRET_TEXT = '[secret]'
/** The key that marks Pulumi's special objects, and the value that makes one a secret. */
const SIG_KEY = '4dabf18193072939515e22adb298388d'
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270'
/** What Pulumi writes for a value known only after the update. */
const UNKNOWN_SENTINEL = '04da6b54-80e4-46f7-96ec-b56ff0331ba9'
const URN_PREFIX = 'urn:pulumi:'
const STACK_TYPE = 'pulumi:pulumi:Stack'
const PROVIDER_TYPE_PREFIX = 'pulumi:providers:'

const EXPECTED = 'a Pulumi preview digest (from `pulumi preview --json`)'
const DIGEST_HINT =
  'run `pulumi preview --json > preview.json` (the digest) and pass that file'

/** Top-level keys of an engine event (apitype.EngineEvent), one per line of an event log. */
function isEngineEvent(value: unknown): boolean {
  if (!isRecord(value)) return false
  if (typeof value.sequence !== 'number' && typeof value.timestamp !== 'number')
    return false
  return Object.keys(value).some(
    (key) => key.endsWith('Event') && isRecord(value[key])
  )
}

function hasPulumiUrn(list: readonly unknown[] | undefined): boolean {
  return (list ?? []).some(
    (entry) =>
      isRecord(entry) &&
      typeof entry.urn === 'string' &&
      entry.urn.startsWith(URN_PREFIX)
  )
}

/** The one-line `--output json` summary: `{result, duration, summary}` (some versions add `resources`). */
function isOutputJsonSummary(doc: JsonRecord): boolean {
  return (
    typeof doc.result === 'string' &&
    !('steps' in doc) &&
    (isRecord(doc.summary) || hasPulumiUrn(arrayAt(doc, 'resources')))
  )
}

function isPreviewDiagnostic(entry: unknown): boolean {
  return (
    isRecord(entry) &&
    typeof entry.severity === 'string' &&
    typeof entry.message === 'string'
  )
}

/**
 * True when a JSON document is a Pulumi preview digest (`steps[]` with
 * Pulumi URNs, or a `changeSummary`), or another Pulumi output that
 * `readPulumiPreview` explains instead of reading: the `--output json`
 * summary, one engine event, a preview that failed before its first step.
 */
export function looksLikePulumiPreview(doc: unknown): boolean {
  if (!isRecord(doc)) return false
  if (hasPulumiUrn(arrayAt(doc, 'steps'))) return true
  if (isRecord(doc.changeSummary)) return true
  if (isOutputJsonSummary(doc) || isEngineEvent(doc)) return true
  const diagnostics = arrayAt(doc, 'diagnostics')
  return (
    diagnostics !== undefined &&
    diagnostics.length > 0 &&
    diagnostics.every(isPreviewDiagnostic) &&
    !('format_version' in doc)
  )
}

/**
 * True for a Pulumi engine event log (NDJSON: `--event-log`, the streaming
 * `--json` preview, Automation API events): the first lines are JSON objects
 * with `sequence`/`timestamp` and an `…Event` payload. Only the first three
 * non-empty lines are parsed, so it is cheap on a large log.
 */
export function looksLikePulumiEventStream(text: string): boolean {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let seen = 0
  while (seen < 3 && start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end).trim()
    start = end + 1
    if (line === '') continue
    if (!line.startsWith('{')) return false
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      return false
    }
    if (!isEngineEvent(value)) return false
    seen++
  }
  return seen > 0
}

/**
 * Checks that a document is a Pulumi preview digest and collects its
 * secrets. Separate from normalisation so that the secrets of every input
 * plan can mask every other plan.
 */
export function readPulumiPreview(doc: unknown, source: string): PulumiInput {
  if (!isRecord(doc)) {
    throw new PlanParseError(source, EXPECTED, describeJson(doc), DIGEST_HINT)
  }
  const rawSteps = doc.steps
  if (rawSteps === undefined || rawSteps === null) throw noSteps(doc, source)
  if (!Array.isArray(rawSteps)) {
    throw new PlanParseError(
      source,
      '"steps" to be an array',
      describeScalar(rawSteps)
    )
  }
  const steps = rawSteps.map((entry, index) => readStep(entry, index, source))
  const diagnostics = readDiagnostics(doc, source)
  const secrets = new Set<string>()
  steps.forEach((step, index) => {
    collectSecretValues(
      step.oldState,
      secrets,
      source,
      `steps[${index}].oldState`
    )
    collectSecretValues(
      step.newState,
      secrets,
      source,
      `steps[${index}].newState`
    )
  })
  return {
    kind: 'pulumi',
    source,
    doc: { steps, diagnostics, maybeCorrupt: doc.maybeCorrupt === true },
    secrets,
    warnings: []
  }
}

/** Explains a document without `steps`: what it is, and the command that gives the digest. */
function noSteps(doc: JsonRecord, source: string): PlanParseError {
  if (isEngineEvent(doc)) {
    return new PlanParseError(
      source,
      EXPECTED,
      'one Pulumi engine event (a line of an event stream)',
      `${DIGEST_HINT}, without --event-log or PULUMI_ENABLE_STREAMING_JSON_PREVIEW`
    )
  }
  if (isOutputJsonSummary(doc)) {
    return new PlanParseError(
      source,
      EXPECTED,
      'the one-line `--output json` summary (counts only: no diffs, no protect or retainOnDelete flags, nothing a gate can decide on)',
      `${DIGEST_HINT}; use --json instead of --output json`
    )
  }
  const errors = (arrayAt(doc, 'diagnostics') ?? []).filter(
    (d) => isRecord(d) && d.severity === 'error'
  ).length
  if (errors > 0) {
    return new PlanParseError(
      source,
      EXPECTED,
      `a preview that failed before it planned any resource (${errors} error ${errors === 1 ? 'diagnostic' : 'diagnostics'}, no "steps")`,
      `fix the error \`pulumi preview\` reports, then ${DIGEST_HINT}`
    )
  }
  if (isRecord(doc.changeSummary)) {
    return new PlanParseError(
      source,
      EXPECTED,
      'a digest without "steps" (only a change summary)',
      DIGEST_HINT
    )
  }
  return new PlanParseError(source, EXPECTED, describeJson(doc), DIGEST_HINT)
}

function readStep(entry: unknown, index: number, source: string): PulumiStep {
  const where = `steps[${index}]`
  if (!isRecord(entry)) {
    throw new PlanParseError(
      source,
      `${where} to be an object`,
      describeScalar(entry)
    )
  }
  const { urn, op } = entry
  if (typeof urn !== 'string' || parseUrn(urn) === undefined) {
    throw new PlanParseError(
      source,
      `${where}.urn to be a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)`,
      describeScalar(urn)
    )
  }
  if (typeof op !== 'string' || !KNOWN_OPS.has(op)) {
    throw new PlanParseError(
      source,
      `${where}.op (${urn}) to be one of ${PULUMI_STEP_OPS.join(', ')}`,
      typeof op === 'string' ? `op ${describeScalar(op)}` : describeScalar(op),
      'plangate does not guess what an unknown step does to real infrastructure; upgrade plangate'
    )
  }
  return {
    index,
    op: op as PulumiStepOp,
    urn,
    oldState: stateAt(entry, 'oldState', where, source),
    newState: stateAt(entry, 'newState', where, source),
    diffReasons: stringsAt(entry, 'diffReasons', where, source),
    replaceReasons: stringsAt(entry, 'replaceReasons', where, source),
    detailedDiff: detailedDiffAt(entry, where, source)
  }
}

function stateAt(
  entry: JsonRecord,
  key: string,
  where: string,
  source: string
): JsonRecord | undefined {
  const value = entry[key]
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) {
    throw new PlanParseError(
      source,
      `${where}.${key} to be an object`,
      describeScalar(value)
    )
  }
  return value
}

function stringsAt(
  entry: JsonRecord,
  key: string,
  where: string,
  source: string
): readonly string[] {
  const value = entry[key]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new PlanParseError(
      source,
      `${where}.${key} to be a list of property names`,
      describeScalar(value)
    )
  }
  return value
}

function detailedDiffAt(
  entry: JsonRecord,
  where: string,
  source: string
): readonly PulumiPropertyDiff[] {
  const value = entry.detailedDiff
  if (value === undefined || value === null) return []
  if (!isRecord(value)) {
    throw new PlanParseError(
      source,
      `${where}.detailedDiff to be an object or null`,
      describeScalar(value)
    )
  }
  const out: PulumiPropertyDiff[] = []
  for (const [path, diff] of Object.entries(value)) {
    const kind = isRecord(diff) ? diff.kind : undefined
    if (typeof kind !== 'string') {
      throw new PlanParseError(
        source,
        `${where}.detailedDiff entries to be {"kind": …, "inputDiff": …}`,
        isRecord(diff) ? `kind ${describeScalar(kind)}` : describeScalar(diff)
      )
    }
    out.push({ path, kind })
  }
  return out
}

function readDiagnostics(doc: JsonRecord, source: string): PulumiDiagnostic[] {
  const raw = doc.diagnostics
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) {
    throw new PlanParseError(
      source,
      '"diagnostics" to be an array',
      describeScalar(raw)
    )
  }
  const out: PulumiDiagnostic[] = []
  for (const entry of raw) {
    if (!isRecord(entry)) continue
    out.push({
      urn: stringAt(entry, 'urn'),
      // A diagnostic without a severity is treated as a warning, never ignored.
      severity: stringAt(entry, 'severity') ?? 'warning',
      message:
        (stringAt(entry, 'prefix') ?? '') + (stringAt(entry, 'message') ?? '')
    })
  }
  return out
}

function isSecretSignature(value: unknown): boolean {
  return isRecord(value) && value[SIG_KEY] === SECRET_SIG
}

function isSecretMarker(value: unknown): boolean {
  return value === SECRET_TEXT || isSecretSignature(value)
}

/**
 * Collects the plaintext of every secret-signature object: `value` (the
 * wire form) and `plaintext` (state with --show-secrets, a JSON text).
 * `ciphertext` holds nothing readable. Iterative: the depth of the input
 * never becomes stack depth. A plaintext is JSON text the document's
 * nesting check never saw, so it gets the same limit here.
 */
function collectSecretValues(
  root: unknown,
  into: Set<string>,
  source: string,
  where: string
): void {
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value !== 'object' || value === null) continue
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item)
      continue
    }
    const record = value as JsonRecord
    if (!isSecretSignature(record)) {
      for (const key in record) pending.push(record[key])
      continue
    }
    if ('value' in record) collectLeafStrings(record.value, into)
    const plaintext = record.plaintext
    if (typeof plaintext !== 'string') continue
    collectLeafStrings(plaintext, into)
    if (findDeepNesting(plaintext, MAX_NESTING) !== -1) {
      throw new PlanParseError(
        source,
        `the plaintext of a secret in ${where} nested at most ${MAX_NESTING} levels deep`,
        `JSON nested deeper than ${MAX_NESTING} levels`
      )
    }
    try {
      collectLeafStrings(JSON.parse(plaintext), into)
    } catch {
      // Not JSON: the text itself is already collected.
    }
  }
}

/** The parts of a URN. The name is everything after the type: it may hold `::`. */
interface ParsedUrn {
  readonly stack: string
  readonly project: string
  /** Parent types and the type, joined by `$`. */
  readonly qualifiedType: string
  readonly type: string
  readonly name: string
  /** `<qualified type>::<name>`: the URN without stack and project. */
  readonly address: string
}

function parseUrn(urn: string): ParsedUrn | undefined {
  if (!urn.startsWith(URN_PREFIX)) return undefined
  const rest = urn.slice(URN_PREFIX.length)
  const first = rest.indexOf('::')
  const second = first === -1 ? -1 : rest.indexOf('::', first + 2)
  const third = second === -1 ? -1 : rest.indexOf('::', second + 2)
  if (third === -1) return undefined
  const qualifiedType = rest.slice(second + 2, third)
  const type = qualifiedType.slice(qualifiedType.lastIndexOf('$') + 1)
  if (type === '') return undefined
  return {
    stack: rest.slice(0, first),
    project: rest.slice(first + 2, second),
    qualifiedType,
    type,
    name: rest.slice(third + 2),
    address: rest.slice(second + 2)
  }
}

/** The package of a type token: `aws` for `aws:s3/bucket:Bucket` and `pulumi:providers:aws`. */
function packageOf(type: string): string {
  if (type.startsWith(PROVIDER_TYPE_PREFIX))
    return type.slice(PROVIDER_TYPE_PREFIX.length)
  const colon = type.indexOf(':')
  return colon === -1 ? type : type.slice(0, colon)
}

/**
 * Parses a Pulumi property path (`tags.env`, `rules[0].cidr`,
 * `labels["app.kubernetes.io/name"]`) into steps, or undefined when it is
 * not one.
 */
function parsePropertyPath(path: string): (string | number)[] | undefined {
  const steps: (string | number)[] = []
  let i = 0
  while (i < path.length) {
    if (path[i] === '[') {
      if (path[i + 1] === '"') {
        let j = i + 2
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1
        if (path[j + 1] !== ']') return undefined
        let key: unknown
        try {
          key = JSON.parse(path.slice(i + 1, j + 1))
        } catch {
          return undefined
        }
        if (typeof key !== 'string') return undefined
        steps.push(key)
        i = j + 2
        continue
      }
      const close = path.indexOf(']', i)
      const text = close === -1 ? '' : path.slice(i + 1, close)
      if (!/^\d+$/.test(text)) return undefined
      steps.push(Number(text))
      i = close + 1
      continue
    }
    if (path[i] === '.') {
      if (steps.length === 0) return undefined
      i++
    }
    let j = i
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++
    if (j === i) return undefined
    steps.push(path.slice(i, j))
    i = j
  }
  return steps.length === 0 ? undefined : steps
}

/** A Pulumi property path in plangate's (Terraform's) path style. */
function normalizePath(path: string): string {
  const steps = parsePropertyPath(path)
  return steps === undefined ? path : formatPath(steps)
}

function covers(path: string, inner: string): boolean {
  return (
    inner === path ||
    inner.startsWith(path + '.') ||
    inner.startsWith(path + '[')
  )
}

/** One side of a diff with Pulumi's markers turned into masks. */
interface PreparedSide {
  readonly value: unknown
  readonly sensitive: unknown
  readonly unknown: unknown
}

/**
 * Drops Pulumi's internal keys (`__defaults`, `__meta`) and marks `[secret]`
 * and secret objects sensitive, the unknown sentinel unknown.
 */
function prepareValue(value: unknown): PreparedSide {
  if (isSecretMarker(value))
    return { value, sensitive: true, unknown: undefined }
  if (value === UNKNOWN_SENTINEL)
    return { value: UNKNOWN_TEXT, sensitive: undefined, unknown: true }
  if (Array.isArray(value)) {
    const parts = value.map(prepareValue)
    const anySensitive = parts.some((p) => p.sensitive !== undefined)
    const anyUnknown = parts.some((p) => p.unknown !== undefined)
    return {
      value: parts.map((p) => p.value),
      sensitive: anySensitive
        ? parts.map((p) => p.sensitive ?? false)
        : undefined,
      unknown: anyUnknown ? parts.map((p) => p.unknown ?? false) : undefined
    }
  }
  if (isRecord(value)) {
    // Keys come from the input: build objects without a prototype.
    const out = Object.create(null) as Record<string, unknown>
    let sensitive: Record<string, unknown> | undefined
    let unknown: Record<string, unknown> | undefined
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('__')) continue
      const part = prepareValue(item)
      out[key] = part.value
      if (part.sensitive !== undefined)
        (sensitive ??= Object.create(null) as Record<string, unknown>)[key] =
          part.sensitive
      if (part.unknown !== undefined)
        (unknown ??= Object.create(null) as Record<string, unknown>)[key] =
          part.unknown
    }
    return { value: out, sensitive, unknown }
  }
  return { value, sensitive: undefined, unknown: undefined }
}

/** Looks a parsed path up in a raw value. */
function valueAt(
  value: unknown,
  steps: readonly (string | number)[]
): { found: boolean; value: unknown } {
  let current = value
  for (const step of steps) {
    if (isSecretMarker(current)) return { found: true, value: current }
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length)
        return { found: false, value: undefined }
      current = current[step]
    } else {
      if (!isRecord(current) || !Object.hasOwn(current, step))
        return { found: false, value: undefined }
      current = current[step]
    }
  }
  return { found: true, value: current }
}

const ABSENT: AttributeValue = { kind: 'absent' }
const SENSITIVE: AttributeValue = { kind: 'sensitive' }
const NO_ATTRIBUTES: readonly AttributeChange[] = Object.freeze([])

/** Which properties a change is diffed on; `undefined` for an absent side. */
interface DiffSides {
  readonly before: unknown
  readonly after: unknown
}

/**
 * Diffs two property maps. Pulumi hides a changed secret as `[secret]` on
 * both sides, which compare equal; a path Pulumi lists as changed that the
 * diff misses and that is secret on every side becomes a
 * `(sensitive) -> (sensitive)` line, so the change is not silent.
 */
function diffProperties(
  sides: DiffSides,
  changedPaths: readonly string[],
  forcing: readonly string[],
  redactor: Redactor
): AttributeChange[] {
  // A missing side is an empty property map: every property of the other
  // side is added or removed, and a component without properties shows none.
  const before = prepareValue(sides.before ?? {})
  const after = prepareValue(sides.after ?? {})
  const attributes = diffAttributes(
    { value: before.value, sensitive: before.sensitive, absent: false },
    {
      value: after.value,
      sensitive: after.sensitive,
      unknown: after.unknown,
      absent: false
    },
    redactor,
    forcing
  )
  for (const path of changedPaths) {
    if (attributes.some((a) => covers(a.path, path) || covers(path, a.path)))
      continue
    const steps = parsePropertyPath(path)
    if (steps === undefined) continue
    const b = valueAt(sides.before, steps)
    const a = valueAt(sides.after, steps)
    if (!b.found && !a.found) continue
    if (
      (b.found && !isSecretMarker(b.value)) ||
      (a.found && !isSecretMarker(a.value))
    )
      continue
    attributes.push({
      path: redactor.text(path),
      before: b.found ? SENSITIVE : ABSENT,
      after: a.found ? SENSITIVE : ABSENT,
      forcesReplacement: forcing.some((p) => covers(p, path))
    })
  }
  return attributes
}

/** Inputs, unless the op reads (a `get`), or neither side has any. */
function propertiesOf(
  op: PulumiStepOp,
  oldState: JsonRecord | undefined,
  newState: JsonRecord | undefined
): { old: unknown; new: unknown } {
  const nonEmpty = (state: JsonRecord | undefined): boolean => {
    const inputs = state === undefined ? undefined : recordAt(state, 'inputs')
    return inputs !== undefined && Object.keys(inputs).length > 0
  }
  const key =
    op !== 'read' &&
    op !== 'read-replacement' &&
    (nonEmpty(oldState) || nonEmpty(newState))
      ? 'inputs'
      : 'outputs'
  const pick = (state: JsonRecord | undefined): unknown =>
    state === undefined ? undefined : (recordAt(state, key) ?? {})
  return { old: pick(oldState), new: pick(newState) }
}

/** Why a delete leaves the real object alone, if it does. */
type KeptBecause = 'retainOnDelete' | 'external' | 'provider' | 'component'

function keptBecause(
  state: JsonRecord | undefined,
  type: string
): KeptBecause | undefined {
  if (type.startsWith(PROVIDER_TYPE_PREFIX)) return 'provider'
  if (state === undefined) return undefined
  if (state.retainOnDelete === true) return 'retainOnDelete'
  if (state.external === true) return 'external'
  if (state.custom === false) return 'component'
  return undefined
}

const FORGET_WORDS: Readonly<Record<KeptBecause, string>> = {
  retainOnDelete:
    'forgotten: `retainOnDelete` is set, so Pulumi removes it from the stack and leaves the real object in place',
  external:
    'forgotten: it is an external resource (read with `get`), which Pulumi never deletes',
  provider:
    'forgotten: a provider instance leaves the stack (for example after a plugin upgrade); no cloud object is deleted',
  component:
    'forgotten: a component (or the stack) has no cloud object of its own; its children are listed on their own'
}

const KEPT_WORDS: Readonly<Record<KeptBecause, string>> = {
  retainOnDelete:
    '; the old object is kept (`retainOnDelete`): it only leaves the stack',
  external: '; the old object is kept: it is external (read with `get`)',
  provider:
    '; only in the state: a provider instance has no cloud object of its own, and the resources it manages show their own changes',
  component:
    '; only in the state: a component has no cloud object of its own, and its children show their own changes'
}

const code = (text: string): string => `\`${text}\``

function listPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).map(code)
  if (paths.length > 3)
    return `${shown.join(', ')} and ${paths.length - 3} more`
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`
}

/** Everything one change draws on. */
interface ChangeContext {
  readonly redactor: Redactor
  /** Replacements whose order the digest does not show. */
  readonly unorderedReplaces: string[]
}

/** Turns a checked Pulumi preview digest into the normalised model. */
export function normalizePulumiPreview(
  input: PulumiInput,
  redactor: Redactor
): Plan {
  const { doc, source } = input
  const warnings = [...input.warnings]
  const context: ChangeContext = { redactor, unorderedReplaces: [] }
  const groups = new Map<string, PulumiStep[]>()
  for (const step of doc.steps) {
    const group = groups.get(step.urn)
    if (group === undefined) groups.set(step.urn, [step])
    else group.push(step)
  }
  const changes: ResourceChange[] = []
  for (const [urn, steps] of groups) changesForUrn(urn, steps, context, changes)
  const unordered = context.unorderedReplaces
  if (unordered.length > 0) {
    const more = unordered.length > 1 ? ` and ${unordered.length - 1} more` : ''
    warnings.push(
      `${source}: the preview does not show whether ${unordered[0] ?? ''}${more} ${unordered.length > 1 ? 'are' : 'is'} replaced create-first or delete-first; plangate assumes delete first. Run \`pulumi preview --json --show-replacement-steps\` to see the order`
    )
  }
  for (const diagnostic of doc.diagnostics) {
    if (diagnostic.severity !== 'warning') continue
    warnings.push(`${source}: Pulumi warning: ${oneLine(diagnostic.message)}`)
  }
  const stack = stackOf(doc.steps, redactor)
  return {
    source,
    format: 'pulumi',
    formatVersion: 'preview-digest',
    toolVersion: 'unknown',
    mode: 'normal',
    ...(stack === undefined ? {} : { stack }),
    changes,
    drift: [],
    outputs: normalizeStackOutputs(doc.steps, redactor),
    checks: [],
    ...incompleteness(doc, redactor),
    targeted: false,
    warnings: warnings.map((w) => redactor.text(w)),
    dependencies: stepDependencies(doc.steps)
  }
}

/**
 * `project/stack` from the steps' URNs, so that every report names the
 * stack and two stacks with the same resource names never share digest
 * items. A preview is of one stack; should URNs name several, all are kept.
 */
function stackOf(
  steps: readonly PulumiStep[],
  redactor: Redactor
): string | undefined {
  const names = new Set<string>()
  for (const step of steps) {
    const parsed = parseUrn(step.urn)
    if (parsed !== undefined) names.add(`${parsed.project}/${parsed.stack}`)
  }
  if (names.size === 0) return undefined
  return redactor.text([...names].sort().join(', '))
}

/**
 * Who depends on whom, from the resource states of the steps: a resource's
 * `dependencies` and `propertyDependencies` name the URNs it depends on.
 * Nodes are addresses (the URN without stack and project).
 */
function stepDependencies(steps: readonly PulumiStep[]): DependencyGraph {
  const graph = new GraphBuilder()
  for (const step of steps) {
    const to = parseUrn(step.urn)?.address
    if (to === undefined) continue
    for (const state of [step.oldState, step.newState]) {
      if (state === undefined) continue
      const urns: unknown[] = [...(arrayAt(state, 'dependencies') ?? [])]
      for (const list of Object.values(
        recordAt(state, 'propertyDependencies') ?? {}
      ))
        if (Array.isArray(list)) urns.push(...(list as unknown[]))
      for (const urn of urns) {
        const from =
          typeof urn === 'string' ? parseUrn(urn)?.address : undefined
        if (from !== undefined) graph.add(from, to, 'pulumi')
      }
    }
  }
  return graph.build('address')
}

/** Diagnostic messages longer than this are cut (they quote URNs, often twice). */
const MAX_MESSAGE_CHARS = 500

/** A diagnostic message on one line, cut to a readable length. */
function oneLine(message: string): string {
  const flat = message
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(error|warning): /, '')
  return flat.length > MAX_MESSAGE_CHARS
    ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…`
    : flat
}

function incompleteness(
  doc: PulumiPreviewDigest,
  redactor: Redactor
): { incomplete?: Incompleteness } {
  const notes: string[] = []
  const errors = doc.diagnostics.filter((d) => d.severity === 'error')
  for (const message of new Set(errors.map((d) => oneLine(d.message)))) {
    notes.push(
      redactor.text(
        `Pulumi reported an error, so \`pulumi up\` would fail and the preview may not list every change; fix it and preview again (\`pulumi preview --json\`): ${message}`
      )
    )
  }
  if (doc.maybeCorrupt) {
    notes.push(
      'Pulumi says one or more resources may be corrupt (maybeCorrupt): the state is not a trustworthy base for this preview; repair the state (`pulumi refresh`, or `pulumi stack export` and `import`), then preview again'
    )
  }
  if (notes.length === 0) return {}
  return {
    incomplete: {
      errored: errors.length > 0,
      applyable: false,
      complete: errors.length === 0,
      notes
    }
  }
}

const REPLACE_CREATORS: ReadonlySet<PulumiStepOp> = new Set([
  'replace',
  'create-replacement',
  'import-replacement'
])

/**
 * The changes of one URN. A replacement comes as up to three steps
 * (`create-replacement`, `replace`, `delete-replaced`, in the order Pulumi
 * runs them); they become one `replace`. Any other step is a change of its
 * own; a `delete-replaced` without a replacement is a leftover old object.
 */
function changesForUrn(
  urn: string,
  steps: readonly PulumiStep[],
  context: ChangeContext,
  out: ResourceChange[]
): void {
  const replacing = steps.some((s) => REPLACE_CREATORS.has(s.op))
  const members = replacing
    ? steps.filter(
        (s) => REPLACE_CREATORS.has(s.op) || s.op === 'delete-replaced'
      )
    : []
  if (replacing) out.push(replaceChange(urn, members, context))
  for (const step of steps) {
    if (!members.includes(step)) out.push(singleChange(urn, step, context))
  }
}

/** What every change of a URN shares. */
function baseOf(
  urn: string,
  state: JsonRecord | undefined,
  redactor: Redactor
): Pick<ResourceChange, 'address' | 'type' | 'name' | 'module' | 'provider'> {
  const parsed = parseUrn(urn) as ParsedUrn
  const parent = state === undefined ? undefined : stringAt(state, 'parent')
  const parentUrn = parent === undefined ? undefined : parseUrn(parent)
  const module =
    parentUrn === undefined || parentUrn.type === STACK_TYPE
      ? ''
      : parentUrn.address
  return {
    address: redactor.text(parsed.address),
    type: parsed.type,
    name: redactor.text(parsed.name),
    module: redactor.text(module),
    provider: packageOf(parsed.type)
  }
}

function reasonOf(
  steps: readonly PulumiStep[],
  redactor: Redactor
): string | undefined {
  const unique = (lists: (readonly string[])[]): string[] => [
    ...new Set(lists.flat())
  ]
  const replaceReasons = unique(steps.map((s) => s.replaceReasons))
  const diffReasons = unique(steps.map((s) => s.diffReasons))
  const detailed = unique(
    steps.map((s) => s.detailedDiff.map((d) => `${d.path} ${d.kind}`))
  )
  const parts: string[] = []
  if (replaceReasons.length > 0)
    parts.push(`replaceReasons: ${replaceReasons.join(', ')}`)
  if (diffReasons.length > 0)
    parts.push(`diffReasons: ${diffReasons.join(', ')}`)
  if (detailed.length > 0) parts.push(`detailedDiff: ${detailed.join(', ')}`)
  return parts.length === 0 ? undefined : redactor.text(parts.join('; '))
}

/**
 * Paths that force the replacement: the `*-replace` entries of
 * `detailedDiff` (exact paths), then each `replaceReasons` key they do not
 * already cover (a key `replaceOnChanges` adds may lack one).
 */
function replacePathsOf(steps: readonly PulumiStep[]): string[] {
  const paths: string[] = []
  for (const step of steps)
    for (const diff of step.detailedDiff)
      if (diff.kind.endsWith('-replace')) paths.push(normalizePath(diff.path))
  for (const step of steps)
    for (const key of step.replaceReasons) {
      const path = normalizePath(key)
      if (!paths.some((p) => covers(path, p) || covers(p, path)))
        paths.push(path)
    }
  return [...new Set(paths)]
}

/** Paths Pulumi says changed, for the secret-change lines. */
function changedPathsOf(steps: readonly PulumiStep[]): string[] {
  const paths = new Set<string>()
  for (const step of steps) {
    for (const diff of step.detailedDiff) paths.add(normalizePath(diff.path))
    for (const key of step.diffReasons) paths.add(normalizePath(key))
    for (const key of step.replaceReasons) paths.add(normalizePath(key))
  }
  return [...paths]
}

type Writable<T> = { -readonly [K in keyof T]: T[K] }

function replaceChange(
  urn: string,
  members: readonly PulumiStep[],
  context: ChangeContext
): ResourceChange {
  const { redactor } = context
  const find = (...ops: PulumiStepOp[]): PulumiStep | undefined =>
    members.find((s) => ops.includes(s.op))
  const logical = find('replace')
  const creator = find('create-replacement', 'import-replacement')
  const deleter = find('delete-replaced')
  const primary = (logical ?? creator) as PulumiStep
  const oldState = primary.oldState ?? deleter?.oldState
  const newState = primary.newState ?? creator?.newState
  const base = baseOf(urn, newState ?? oldState, redactor)
  const type = parseUrn(urn)?.type ?? ''

  const position = (step: PulumiStep | undefined): number =>
    step === undefined ? -1 : members.indexOf(step)
  let replaceOrder: ReplaceOrder
  let orderShown = true
  const flagged = [primary, creator, deleter].some(
    (s) =>
      s?.oldState?.deleteBeforeReplace === true ||
      s?.newState?.deleteBeforeReplace === true
  )
  if (flagged) replaceOrder = 'delete-first'
  else if (deleter !== undefined && (creator ?? logical) !== undefined)
    replaceOrder =
      position(deleter) < position(creator ?? logical)
        ? 'delete-first'
        : 'create-first'
  else if (creator !== undefined && logical !== undefined)
    replaceOrder =
      position(creator) < position(logical) ? 'create-first' : 'delete-first'
  else {
    replaceOrder = 'delete-first'
    orderShown = false
    context.unorderedReplaces.push(base.address)
  }

  const kept = keptBecause(deleter?.oldState ?? oldState, type)
  const imported = members.some((s) => s.op === 'import-replacement')
  // Pulumi refuses only when the resource stays protected: removing the
  // flag and replacing in one update is allowed.
  const isProtected = oldState?.protect === true && newState?.protect === true
  const replacePaths = replacePathsOf(members)
  const props = propertiesOf(primary.op, oldState, newState)
  const result: Writable<ResourceChange> = {
    ...base,
    mode: 'managed',
    action: 'replace',
    replaceOrder,
    imported,
    replacePaths: replacePaths.map((p) => redactor.text(p)),
    // A new object takes the old one's place even when the old one is kept:
    // only provider instances and components have no cloud object to lose.
    destructive: kept !== 'provider' && kept !== 'component',
    attributes: diffProperties(
      { before: props.old, after: props.new },
      changedPathsOf(members),
      replacePaths,
      redactor
    )
  }
  if (kept !== undefined) result.keepsOld = true
  if (isProtected) result.protected = true
  const lifecycle = lifecycleChanges(oldState, newState)
  if (lifecycle.length > 0) result.lifecycle = lifecycle
  const importId =
    newState === undefined ? undefined : stringAt(newState, 'importID')
  if (imported && importId !== undefined)
    result.importId = redactor.text(importId)
  const reason = reasonOf(members, redactor)
  if (reason !== undefined) result.reason = reason

  let words = imported ? 'replaced by an imported object' : 'replaced'
  words +=
    replacePaths.length === 0
      ? '; the preview names no property that forces it'
      : ` because ${listPaths(result.replacePaths)} changed and ${replacePaths.length === 1 ? 'forces' : 'force'} replacement`
  if (kept !== undefined) words += KEPT_WORDS[kept]
  if (!orderShown)
    words +=
      '; the preview does not show the order (no `--show-replacement-steps`), so delete first is assumed'
  if (isProtected)
    words +=
      '; Pulumi will refuse it: the resource is protected (`protect: true`), so the preview fails until the flag is removed'
  result.explanation = words
  return result
}

/**
 * Pulumi's `protect` and `retainOnDelete` where they differ between the
 * old and new state (both are omitted when false).
 */
function lifecycleChanges(
  oldState: JsonRecord | undefined,
  newState: JsonRecord | undefined
): LifecycleChange[] {
  if (oldState === undefined || newState === undefined) return []
  const out: LifecycleChange[] = []
  for (const name of ['protect', 'retainOnDelete'] as const) {
    const before = oldState[name] === true
    const after = newState[name] === true
    if (before !== after)
      out.push({ name, before: String(before), after: String(after) })
  }
  return out
}

/** The normalised action of a step that is not part of a replacement. */
function actionOf(op: PulumiStepOp): ChangeAction {
  switch (op) {
    case 'replace':
    case 'create-replacement':
    case 'import-replacement':
      return 'replace'
    case 'create':
    case 'import':
      return 'create'
    case 'update':
      return 'update'
    case 'delete':
    case 'delete-replaced':
      return 'destroy'
    case 'read':
    case 'read-replacement':
      return 'read'
    case 'discard':
    case 'discard-replaced':
    case 'remove-pending-replace':
      return 'forget'
    case 'same':
    case 'refresh':
    case 'diff':
    case 'extend-parameterize':
      return 'no-op'
  }
}

function singleChange(
  urn: string,
  step: PulumiStep,
  context: ChangeContext
): ResourceChange {
  const { redactor } = context
  const { op, oldState, newState } = step
  const type = parseUrn(urn)?.type ?? ''
  const base = baseOf(urn, newState ?? oldState, redactor)
  let action = actionOf(op)
  let explanation: string | undefined
  let isProtected = false
  let deposed: string | undefined
  if (action === 'destroy') {
    const kept = keptBecause(oldState, type)
    if (kept !== undefined) {
      action = 'forget'
      explanation = FORGET_WORDS[kept]
    } else if (op === 'delete-replaced') {
      deposed = redactor.text(
        (oldState === undefined ? undefined : stringAt(oldState, 'id')) ??
          'pending'
      )
      explanation =
        'destroys an old object left pending deletion by an earlier replacement that did not finish'
    } else if (oldState?.protect === true) {
      isProtected = true
      explanation =
        'destroy requested, but Pulumi will refuse it: the resource is protected (`protect: true`), so the preview fails until the flag is removed'
    } else {
      const deletedWith =
        oldState === undefined ? undefined : stringAt(oldState, 'deletedWith')
      const withUrn =
        deletedWith === undefined ? undefined : parseUrn(deletedWith)
      explanation =
        withUrn === undefined
          ? 'destroyed: the Pulumi program no longer declares it'
          : `destroyed together with ${code(redactor.text(withUrn.address))} (\`deletedWith\`), without a delete call of its own`
    }
  } else if (action === 'forget') {
    explanation = FORGET_OP_WORDS[op]
  } else if (op === 'import') {
    explanation =
      'imported: Pulumi adopts the existing object instead of creating one'
  } else if (action === 'read') {
    explanation =
      'read: the program looks up an existing object (`get`), which Pulumi does not manage'
  }
  const lifecycle =
    action === 'update' || action === 'no-op'
      ? lifecycleChanges(oldState, newState)
      : []
  if (action === 'no-op' && lifecycle.length > 0) {
    // Pulumi emits a `same` step when only a flag toggles: the state changes, the cloud object does not.
    action = 'update'
    explanation = `only Pulumi's ${lifecycle.map((l) => `\`${l.name}\` (${l.before} → ${l.after})`).join(' and ')} ${lifecycle.length === 1 ? 'changes' : 'change'}; the cloud object is not touched`
  }
  const props = propertiesOf(op, oldState, newState)
  const sides: DiffSides =
    action === 'create' || action === 'read'
      ? { before: undefined, after: props.new }
      : action === 'destroy'
        ? { before: props.old, after: undefined }
        : { before: props.old, after: props.new }
  const result: Writable<ResourceChange> = {
    ...base,
    mode: action === 'read' || oldState?.external === true ? 'data' : 'managed',
    action,
    imported: op === 'import',
    replacePaths: [],
    destructive: action === 'destroy',
    attributes:
      action === 'no-op' || action === 'forget'
        ? NO_ATTRIBUTES
        : diffProperties(sides, changedPathsOf([step]), [], redactor)
  }
  if (isProtected) result.protected = true
  if (lifecycle.length > 0) result.lifecycle = lifecycle
  if (deposed !== undefined) result.deposed = deposed
  const importId =
    newState === undefined ? undefined : stringAt(newState, 'importID')
  if (op === 'import' && importId !== undefined)
    result.importId = redactor.text(importId)
  const reason = reasonOf([step], redactor)
  if (reason !== undefined) result.reason = reason
  if (explanation !== undefined) result.explanation = explanation
  return result
}

const FORGET_OP_WORDS: Readonly<Partial<Record<PulumiStepOp, string>>> = {
  discard:
    'forgotten: the program no longer reads this external resource (`get`); only its state entry goes',
  'discard-replaced':
    'forgotten: the old state entry of a replaced external resource goes; Pulumi never deletes external objects',
  'remove-pending-replace':
    'forgotten: removes the state entry of an object an interrupted delete-before-replace already deleted'
}

/**
 * Stack outputs: the root stack's old outputs against its new ones, when
 * the digest carries new outputs at all.
 */
function normalizeStackOutputs(
  steps: readonly PulumiStep[],
  redactor: Redactor
): OutputChange[] {
  const root = steps.find((s) => parseUrn(s.urn)?.type === STACK_TYPE)
  const after =
    root?.newState === undefined
      ? undefined
      : recordAt(root.newState, 'outputs')
  if (root === undefined || after === undefined) return []
  const before =
    (root.oldState === undefined
      ? undefined
      : recordAt(root.oldState, 'outputs')) ?? {}
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((name) => !name.startsWith('__'))
    .sort()
  const outputs: OutputChange[] = []
  for (const name of names) {
    const b = before[name]
    const a = after[name]
    const bAbsent = !Object.hasOwn(before, name)
    const aAbsent = !Object.hasOwn(after, name)
    const action: OutputChange['action'] = bAbsent
      ? 'create'
      : aAbsent
        ? 'destroy'
        : deepEqual(b, a)
          ? 'no-op'
          : 'update'
    const prepB = prepareValue(b ?? null)
    const prepA = prepareValue(a ?? null)
    outputs.push({
      name: redactor.text(name),
      action,
      sensitive: isSecretMarker(b) || isSecretMarker(a),
      attributes:
        action === 'no-op'
          ? []
          : diffAttributes(
              {
                value: prepB.value,
                sensitive: prepB.sensitive,
                absent: bAbsent
              },
              {
                value: prepA.value,
                sensitive: prepA.sensitive,
                unknown: prepA.unknown,
                absent: aAbsent
              },
              redactor,
              [],
              redactor.text(name)
            )
    })
  }
  return outputs
}
