/**
 * A structural scanner over the bytes of a JSON document: it finds where
 * values begin and end (strings and escapes aware, nesting checked) without
 * building them, so that a reader can hand only the parts it needs to the
 * native JSON.parse. It checks brackets, quotes, separators of the objects
 * and arrays it walks, nesting depth and trailing garbage; the tokens inside
 * values it only skips are left to JSON.parse of the parts that are parsed.
 */

import {
  KEY_TABLE_AT,
  SKIP_STACK_BYTES,
  skipKernelOf,
  WALK_AREA_BYTES,
  WALK_LEVELS
} from './json-skip.js'
import type { SkipKernel } from './json-skip.js'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/** Byte classes for the hot loop: 0 for every byte that is not structural. */
const CLASS = new Uint8Array(256)
const IS_QUOTE = 1
const IS_OPEN = 2
const IS_CLOSE = 3
CLASS[QUOTE] = IS_QUOTE
CLASS[OPEN_BRACE] = IS_OPEN
CLASS[OPEN_BRACKET] = IS_OPEN
CLASS[CLOSE_BRACE] = IS_CLOSE
CLASS[CLOSE_BRACKET] = IS_CLOSE

/** Why a scan stopped: the offset is a byte offset into the document. */
export class JsonScanError extends Error {
  override readonly name = 'JsonScanError'
  constructor(
    readonly kind: 'truncated' | 'invalid' | 'deep',
    readonly offset: number,
    readonly what: string,
    options?: { readonly cause: string }
  ) {
    // The cause is a name, never an error whose message may quote the input.
    super(`${what} at byte ${offset}`, options)
  }
}

/** A scan over one document, with its nesting limit. */
export interface ByteScan {
  readonly bytes: Buffer
  readonly limit: number
  /**
   * The SIMD kernel of `bytes` (null: none), looked up at the scan's first
   * container and kept: skipContainer runs hundreds of thousands of times.
   */
  kernel?: SkipKernel | null
}

/** Index of the first byte at or after `i` that is not JSON whitespace. */
export function skipSpace(bytes: Buffer, i: number): number {
  const n = bytes.length
  while (i < n) {
    const c = bytes[i]
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i
    i++
  }
  return n
}

/**
 * Index of the quote that closes the string whose opening quote is at
 * `start`. Buffer.indexOf (native, memchr-fast) beats a byte loop here even
 * for short strings: measured on the 53 MB benchmark plan, 57-62 ms for
 * every value of the document against 81-98 ms with a 64-byte loop first.
 */
export function stringEnd(bytes: Buffer, start: number): number {
  let i = start + 1
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i)
    if (quote === -1)
      throw new JsonScanError(
        'truncated',
        bytes.length,
        'a string that never ends'
      )
    let k = quote - 1
    while (k > start && bytes[k] === BACKSLASH) k--
    if ((quote - 1 - k) % 2 === 0) return quote
    i = quote + 1
  }
}

/**
 * Index just past the value that starts at `start` (its first byte), which
 * sits inside `depth` arrays and objects.
 */
export function skipValue(
  scan: ByteScan,
  start: number,
  depth: number
): number {
  if (start === knownStart && depth === knownDepth && scan === knownScan)
    return knownEnd
  const { bytes } = scan
  const c = bytes[start]
  if (c === undefined)
    throw new JsonScanError('truncated', start, 'unexpected end of input')
  if (c === QUOTE) return stringEnd(bytes, start) + 1
  if (c === OPEN_BRACE || c === OPEN_BRACKET)
    return skipContainer(scan, start, depth)
  return scalarEnd(bytes, start)
}

/**
 * The end of the value the kernel's walk last handed to a callback, which
 * the callback often asks skipValue for: a value's end depends only on the
 * scan, its start and its depth.
 */
let knownScan: ByteScan | undefined
let knownStart = -1
let knownDepth = -1
let knownEnd = -1

let scratch = new Uint8Array(1024)

/** The SIMD kernel of the scan's bytes when it can skip at `depth` (null: the loops). */
function kernelAt(scan: ByteScan, depth: number): SkipKernel | null {
  let kernel = scan.kernel
  if (kernel === undefined)
    kernel = scan.kernel = skipKernelOf(scan.bytes) ?? null
  // The kernel's stack holds limit - depth bytes.
  return kernel !== null && scan.limit < SKIP_STACK_BYTES && depth >= 0
    ? kernel
    : null
}

function skipContainer(scan: ByteScan, start: number, depth: number): number {
  const kernel = kernelAt(scan, depth)
  if (kernel !== null) {
    const end = kernelSkip(kernel, scan, start, depth)
    if (end !== undefined) return end
  }
  return skipContainerLoop(scan, start, depth)
}

/**
 * skipContainer by the SIMD kernel of json-skip.wat, with the errors of
 * the loop; undefined when the loop must decide (a backslash outside a
 * string, which the kernel would take as an escape).
 */
function kernelSkip(
  kernel: SkipKernel,
  scan: ByteScan,
  start: number,
  depth: number
): number | undefined {
  const { bytes, limit } = scan
  const base = bytes.byteOffset
  const n = bytes.length
  const result = kernel.skip(base + start, base + n, depth, limit)
  if (result >= 0) return start + result
  switch (result) {
    case -1:
      throw new JsonScanError('truncated', n, 'unexpected end of input')
    case -2:
      throw new JsonScanError('truncated', n, 'a string that never ends')
    case -3:
      throw new JsonScanError(
        'invalid',
        (kernel.errorAt() >>> 0) - base,
        'a bracket that does not match'
      )
    case -4:
      throw new JsonScanError(
        'deep',
        (kernel.errorAt() >>> 0) - base,
        `nesting deeper than ${limit}`
      )
    default:
      return undefined
  }
}

/** The reference skipContainer, byte by byte (for plain Buffers, and when the kernel defers). */
function skipContainerLoop(
  scan: ByteScan,
  start: number,
  depth: number
): number {
  const { bytes, limit } = scan
  if (scratch.length < limit + 2) scratch = new Uint8Array(limit + 2)
  const stack = scratch
  const n = bytes.length
  let top = 0
  let d = depth
  for (let i = start; i < n; i++) {
    const kind = CLASS[bytes[i] as number]
    if (kind === 0) continue
    if (kind === IS_QUOTE) {
      i = stringEnd(bytes, i)
    } else if (kind === IS_OPEN) {
      if (++d > limit)
        throw new JsonScanError('deep', i, `nesting deeper than ${limit}`)
      stack[top++] = bytes[i] as number
    } else {
      // The closing bracket is the opening one plus two, for both kinds.
      if (stack[--top] !== (bytes[i] as number) - 2)
        throw new JsonScanError('invalid', i, 'a bracket that does not match')
      d--
      if (top === 0) return i + 1
    }
  }
  throw new JsonScanError('truncated', n, 'unexpected end of input')
}

function scalarEnd(bytes: Buffer, start: number): number {
  const c = bytes[start] as number
  const isStart =
    c === 0x2d /* - */ ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x74 /* t */ ||
    c === 0x66 /* f */ ||
    c === 0x6e /* n */
  if (!isStart)
    throw new JsonScanError(
      'invalid',
      start,
      'a character that starts no value'
    )
  const n = bytes.length
  let i = start + 1
  while (i < n) {
    const b = bytes[i]
    if (
      b === COMMA ||
      b === CLOSE_BRACE ||
      b === CLOSE_BRACKET ||
      b === 0x20 ||
      b === 0x0a ||
      b === 0x0d ||
      b === 0x09
    )
      break
    i++
  }
  return i
}

/**
 * Keys repeat (every resource has an "address", a "change", ...): decoded
 * ones are kept in a small table indexed by a hash of their bytes, so a
 * scan does not build the same string hundreds of thousands of times.
 */
const KEY_SLOTS = 4096
const MAX_CACHED_KEY = 48
const keyBytes: (Uint8Array | undefined)[] = new Array<undefined>(KEY_SLOTS)
const keyTexts: string[] = new Array<string>(KEY_SLOTS).fill('')

/** A key written with escapes, decoded as JSON.parse decodes it. */
function escapedKey(bytes: Buffer, open: number, close: number): string {
  try {
    return JSON.parse(bytes.toString('utf8', open, close + 1)) as string
  } catch {
    // Never passed on: Node 20's JSON.parse message quotes the input.
    throw new JsonScanError(
      'invalid',
      open,
      'a property name with a bad escape'
    )
  }
}

/** Decodes the key whose quotes are at `open` and `close`. */
export function keyAt(bytes: Buffer, open: number, close: number): string {
  const length = close - open - 1
  let hash = length
  for (let i = open + 1; i < close; i++) {
    const b = bytes[i] as number
    if (b === BACKSLASH) return escapedKey(bytes, open, close)
    hash = (Math.imul(hash, 31) + b) | 0
  }
  if (length > MAX_CACHED_KEY) return bytes.toString('utf8', open + 1, close)
  const slot = hash & (KEY_SLOTS - 1)
  const known = keyBytes[slot]
  if (known !== undefined && known.length === length) {
    let same = true
    for (let k = 0; k < length; k++) {
      if (known[k] !== bytes[open + 1 + k]) {
        same = false
        break
      }
    }
    if (same) return keyTexts[slot] as string
  }
  const text = bytes.toString('utf8', open + 1, close)
  keyBytes[slot] = Uint8Array.prototype.slice.call(bytes, open + 1, close)
  keyTexts[slot] = text
  return text
}

/** True when bytes [start, end) are exactly `literal`. */
export function bytesEqual(
  bytes: Buffer,
  start: number,
  end: number,
  literal: Uint8Array
): boolean {
  if (end - start !== literal.length) return false
  for (let k = 0; k < literal.length; k++)
    if (bytes[start + k] !== literal[k]) return false
  return true
}

/** Ranges longer than this are searched by Buffer#indexOf (native) on a view of them. */
const NATIVE_SEARCH = 256

/** True when `literal` occurs in bytes [start, end). */
export function bytesInclude(
  bytes: Buffer,
  start: number,
  end: number,
  literal: Uint8Array
): boolean {
  // A view, not a start: indexOf would search on past `end`.
  if (end - start > NATIVE_SEARCH)
    return bytes.subarray(start, end).indexOf(literal) !== -1
  const first = literal[0]
  const last = end - literal.length
  outer: for (let i = start; i <= last; i++) {
    if (bytes[i] !== first) continue
    for (let k = 1; k < literal.length; k++)
      if (bytes[i + k] !== literal[k]) continue outer
    return true
  }
  return false
}

/**
 * Called with each key of an object and the offset of its value; returns
 * the end of the value when it read it, or undefined to have it skipped.
 */
export type OnEntry = (key: string, valueStart: number) => number | undefined

/**
 * Walks the object at `start`, calling `onEntry` on each entry. Returns
 * the index past the object.
 */
export function scanObject(
  scan: ByteScan,
  start: number,
  depth: number,
  onEntry: OnEntry
): number {
  const { bytes, limit } = scan
  if (bytes[start] !== OPEN_BRACE) throw expected(bytes, start, 'an object')
  if (depth + 1 > limit)
    throw new JsonScanError('deep', start, `nesting deeper than ${limit}`)
  const kernel = walkLevel < WALK_LEVELS ? kernelAt(scan, depth + 1) : null
  if (kernel !== null) {
    walkLevel++
    try {
      return walkObject(kernel, scan, start, depth, onEntry)
    } finally {
      // The last walk done: the memo no longer holds the scan's bytes.
      if (--walkLevel === 0) knownScan = undefined
    }
  }
  return objectFrom(scan, start + 1, true, depth, onEntry)
}

/** Kernel walks under way (each has its own walk area). */
let walkLevel = 0

/**
 * How far the kernel follows a value that is an array or object before it
 * leaves the value's end to the caller: a callback that reads the value
 * itself (a state section, a change) would have it read twice.
 */
const WALK_BUDGET = 256

/**
 * scanObject by the kernel's `entries`: it finds a run of entries (keys,
 * values and their ends, separators checked), then the callbacks are
 * called on them. Where it stops before a problem, or a callback ends a
 * value elsewhere than it did, objectFrom walks on: its errors are the
 * reference.
 */
function walkObject(
  kernel: SkipKernel,
  scan: ByteScan,
  start: number,
  depth: number,
  onEntry: OnEntry
): number {
  const { bytes, limit } = scan
  const { walkWords: words, keyTexts } = kernel
  const level = walkLevel - 1
  const area = (level * WALK_AREA_BYTES) >> 2
  const out = SKIP_STACK_BYTES + level * WALK_AREA_BYTES
  const base = bytes.byteOffset
  const n = bytes.length
  // Where the walk goes on: the opening brace (first), or past a value.
  let at = start
  let first = 1
  for (;;) {
    const count = kernel.entries(
      base,
      at,
      n,
      depth + 1,
      limit,
      out,
      first,
      WALK_BUDGET,
      KEY_TABLE_AT
    )
    const status = words[area] as number
    // Keys new to the table are decoded before any callback runs: a walk
    // inside one may meet them.
    if ((words[area + 2] as number) > 0) {
      for (let k = 0, e = area + 4; k < count; k++, e += 5) {
        const id = words[e + 4] as number
        if (id > -2) continue
        keyTexts[-2 - id] = bytes.toString(
          'utf8',
          (words[e] as number) + 1,
          words[e + 1]
        )
        words[e + 4] = -2 - id
      }
    }
    for (let k = 0, e = area + 4; k < count; k++, e += 5) {
      const id = words[e + 4] as number
      const key =
        id >= 0
          ? (keyTexts[id] as string)
          : keyAt(bytes, words[e] as number, words[e + 1] as number)
      const valueStart = words[e + 2] as number
      const valueEnd = words[e + 3] as number
      if (valueEnd === -1) {
        // The last entry, a long array or object: not followed yet.
        at = onEntry(key, valueStart) ?? skipValue(scan, valueStart, depth + 1)
        // An end that is no offset of the bytes: the reference says what follows.
        if (at >>> 0 !== at || at > n)
          return objectFrom(scan, at, false, depth, onEntry)
        break
      }
      knownScan = scan
      knownStart = valueStart
      knownDepth = depth + 1
      knownEnd = valueEnd
      const end = onEntry(key, valueStart)
      // It ends the value elsewhere: never for valid JSON, but the walk goes on where it says.
      if (end !== undefined && end !== valueEnd)
        return objectFrom(scan, end, false, depth, onEntry)
      at = valueEnd
    }
    if (status === 0) return words[area + 1] as number
    if (status === 3)
      return first === 1 && count === 0
        ? objectFrom(scan, start + 1, true, depth, onEntry)
        : objectFrom(scan, at, false, depth, onEntry)
    first = 0
  }
}

/**
 * The reference walk of scanObject's entries, from just past the opening
 * brace (`first`) or from the end of a value.
 */
function objectFrom(
  scan: ByteScan,
  from: number,
  first: boolean,
  depth: number,
  onEntry: OnEntry
): number {
  const { bytes } = scan
  let i = skipSpace(bytes, from)
  if (first) {
    if (bytes[i] === CLOSE_BRACE) return i + 1
  } else {
    if (bytes[i] === CLOSE_BRACE) return i + 1
    if (bytes[i] !== COMMA) throw expected(bytes, i, '"," or "}"')
    i = skipSpace(bytes, i + 1)
  }
  for (;;) {
    if (bytes[i] !== QUOTE) throw expected(bytes, i, 'a property name')
    const close = stringEnd(bytes, i)
    const key = keyAt(bytes, i, close)
    i = skipSpace(bytes, close + 1)
    if (bytes[i] !== COLON) throw expected(bytes, i, '":"')
    const valueStart = skipSpace(bytes, i + 1)
    i = onEntry(key, valueStart) ?? skipValue(scan, valueStart, depth + 1)
    i = skipSpace(bytes, i)
    if (bytes[i] === COMMA) {
      i = skipSpace(bytes, i + 1)
      continue
    }
    if (bytes[i] === CLOSE_BRACE) return i + 1
    throw expected(bytes, i, '"," or "}"')
  }
}

/**
 * What scanResources tells of a state resource: where it lies, where its
 * last `mode` value lies (-1 and -1: none), and its flags: RESOURCE_DEPENDS_ON
 * when a key is `depends_on`, and the kind of the `mode` value (under
 * RESOURCE_MODE: RESOURCE_DATA, RESOURCE_MANAGED, or RESOURCE_OTHER, which
 * the caller reads itself).
 */
export type OnResource = (
  start: number,
  end: number,
  modeStart: number,
  modeEnd: number,
  flags: number
) => void

/** A flag of OnResource: a key of the resource is `depends_on`. */
export const RESOURCE_DEPENDS_ON = 1
/** The bits of OnResource's flags that give the kind of the last `mode` value (0: none). */
export const RESOURCE_MODE = 6
/** The `mode` value is written `"data"`. */
export const RESOURCE_DATA = 2
/** The `mode` value is written `"managed"`. */
export const RESOURCE_MANAGED = 4
/** The `mode` value is written otherwise (escapes, whitespace inside, another value). */
export const RESOURCE_OTHER = 6

/**
 * scanArray over the resources of a state module, where only each one's
 * `mode` and `depends_on` matter: the kernel's `resources` walks runs of
 * them (keys, separators and values checked as scanObject checks them)
 * and hands each to `onResource` without a callback per key. An element
 * it does not decide (not an object, a key with a backslash, a problem of
 * the JSON) goes to `onElement`, as scanArray would hand it, and so does
 * every element when there is no kernel. Returns the index past the array.
 */
export function scanResources(
  scan: ByteScan,
  start: number,
  depth: number,
  onResource: OnResource,
  onElement: (valueStart: number) => number
): number {
  return kernelArray(
    scan,
    start,
    depth,
    'resources',
    5,
    (words, e) =>
      onResource(
        words[e] as number,
        words[e + 1] as number,
        words[e + 2] as number,
        words[e + 3] as number,
        words[e + 4] as number
      ),
    onElement
  )
}

/**
 * What scanChanges tells of an element of `resource_changes`: where it
 * lies, its flags (CHANGE_*), where the `actions` of its last `change` lie
 * (-1 and -1: none), and the ranges of that change's values a quiet no-op
 * leaves out (`before`, `after`, `after_unknown`, `before_sensitive`,
 * `after_sensitive`, in order: start and end pairs). `quiet` is reused for
 * the next element.
 */
export type OnChange = (
  start: number,
  end: number,
  flags: number,
  actionsStart: number,
  actionsEnd: number,
  quiet: readonly number[]
) => void

/** A flag of OnChange: the element has a `change`. */
export const CHANGE_PRESENT = 1
/** The last `change` is an object. */
export const CHANGE_OBJECT = 2
/** A `before_sensitive` or `after_sensitive` value of it holds the bytes `true`. */
export const CHANGE_MARKED = 4
/** Its last `actions` is written exactly `["no-op"]`. */
export const CHANGE_NO_OP = 8

/**
 * scanArray over `resource_changes`, where each change's own keys and the
 * ranges of its `change` matter (see OnChange): the kernel's `changes`
 * walks runs of them without a callback per key, and what it does not
 * decide (not an object, a key with a backslash, more than five values to
 * leave out, a problem of the JSON) goes to `onElement`, as with
 * scanResources.
 */
export function scanChanges(
  scan: ByteScan,
  start: number,
  depth: number,
  onChange: OnChange,
  onElement: (valueStart: number) => number
): number {
  const quiet: number[] = []
  return kernelArray(
    scan,
    start,
    depth,
    'changes',
    16,
    (words, e) => {
      quiet.length = 0
      const count = words[e + 5] as number
      for (let k = 0; k < 2 * count; k++) quiet.push(words[e + 6 + k] as number)
      onChange(
        words[e] as number,
        words[e + 1] as number,
        words[e + 2] as number,
        words[e + 3] as number,
        words[e + 4] as number,
        quiet
      )
    },
    onElement
  )
}

/**
 * scanArray by one of the kernel's array walks (the export `walk`, which
 * writes records of `recordWords` words into a walk area after its 16 bytes
 * of status, as many as fit, and returns how many): `onRecord` reads each, and an element the walk does not decide goes to
 * `onElement` (the reference), after which the walk goes on. Every element
 * takes `onElement` when there is no kernel.
 */
function kernelArray(
  scan: ByteScan,
  start: number,
  depth: number,
  walk: 'resources' | 'changes',
  recordWords: number,
  onRecord: (words: Int32Array, e: number) => void,
  onElement: (valueStart: number) => number
): number {
  const { bytes, limit } = scan
  const kernel =
    walkLevel < WALK_LEVELS && bytes[start] === OPEN_BRACKET
      ? kernelAt(scan, depth + 2)
      : null
  if (kernel === null || depth + 1 > limit)
    return scanArray(scan, start, depth, onElement)
  const words = kernel.walkWords
  const area = (walkLevel * WALK_AREA_BYTES) >> 2
  const out = SKIP_STACK_BYTES + walkLevel * WALK_AREA_BYTES
  const base = bytes.byteOffset
  const max = Math.floor((WALK_AREA_BYTES - 16) / (4 * recordWords))
  let at = start
  let first = true
  for (;;) {
    // The records are read before onElement runs: a walk of its own may reuse the area.
    const count = kernel[walk](
      base,
      at,
      bytes.length,
      depth,
      limit,
      out,
      first ? 1 : 0,
      max
    )
    for (let k = 0, e = area + 4; k < count; k++, e += recordWords)
      onRecord(words, e)
    const status = words[area] as number
    const offset = words[area + 1] as number
    if (status === 0) return offset
    if (status === 1) {
      at = offset
      first = false
      continue
    }
    // One element the kernel does not decide, as scanArray walks it; then the kernel again.
    let i: number
    if (first && count === 0) {
      i = skipSpace(bytes, start + 1)
      if (bytes[i] === CLOSE_BRACKET) return i + 1
    } else {
      i = skipSpace(bytes, offset)
      if (bytes[i] === CLOSE_BRACKET) return i + 1
      if (bytes[i] !== COMMA) throw expected(bytes, i, '"," or "]"')
      i = skipSpace(bytes, i + 1)
    }
    at = onElement(i)
    first = false
  }
}

/**
 * Walks the array at `start`, calling `onElement` with the offset of each
 * element; like scanObject's `onEntry`, it returns the element's end or
 * undefined. Returns the index past the array.
 */
export function scanArray(
  scan: ByteScan,
  start: number,
  depth: number,
  onElement: (valueStart: number) => number | undefined
): number {
  const { bytes, limit } = scan
  if (bytes[start] !== OPEN_BRACKET) throw expected(bytes, start, 'an array')
  if (depth + 1 > limit)
    throw new JsonScanError('deep', start, `nesting deeper than ${limit}`)
  let i = skipSpace(bytes, start + 1)
  if (bytes[i] === CLOSE_BRACKET) return i + 1
  for (;;) {
    const valueStart = i
    i = onElement(valueStart) ?? skipValue(scan, valueStart, depth + 1)
    i = skipSpace(bytes, i)
    if (bytes[i] === COMMA) {
      i = skipSpace(bytes, i + 1)
      continue
    }
    if (bytes[i] === CLOSE_BRACKET) return i + 1
    throw expected(bytes, i, '"," or "]"')
  }
}

function expected(bytes: Buffer, i: number, what: string): JsonScanError {
  return i >= bytes.length
    ? new JsonScanError('truncated', i, 'unexpected end of input')
    : new JsonScanError('invalid', i, `expected ${what}`)
}
