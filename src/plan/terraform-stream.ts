/**
 * Terraform/OpenTofu plans too large for one buffer (past V8's longest
 * string, 512 MiB), read in one pass through a window that slides over
 * their bytes: memory holds the window, the changes the review needs (a
 * quiet no-op without its values) and what readTerraformPlan keeps of the
 * rest, never the file. The work on each part of the window is the
 * sectioned reader's (SectionReader): this module only walks the levels
 * above it (the root object, the state sections' modules) and moves the
 * window between runs of elements.
 */
import { PlanParseError } from './errors.js'
import {
  documentSource,
  MAX_DOCUMENTS,
  MAX_NESTING,
  rejectNonJsonHead,
  tooManyDocuments
} from './json-text.js'
import { JsonScanError, keyAt, skipValue, stringEnd } from './json-bytes.js'
import type { ByteScan } from './json-bytes.js'
import { planBuffer } from './json-skip.js'
import { notAPlan } from './terraform.js'
import type { LazyElements, TerraformInput } from './terraform.js'
import {
  ELEMENT_SECTIONS,
  emptyList,
  looksLikePlanKeys,
  markedOnly,
  notAnotherDocument,
  planInputOf,
  READ_SECTIONS,
  scanProblem,
  SectionReader,
  slimState,
  STATE_SECTIONS
} from './terraform-sections.js'
import type {
  ElementList,
  ElementMode,
  Reduced,
  ResourceSlot,
  SectionRead,
  StateWalk,
  SectionOptions
} from './terraform-sections.js'

/** Where the bytes come from: the next ones, in order; 0 at the end. */
export interface ByteSource {
  read(into: Uint8Array, offset: number, length: number): number
  /**
   * The first bytes, when they were read already into a plan buffer (a
   * pipe's first 512 MiB): the window starts as that buffer, not a copy of
   * it, and `read` goes on after them. Asked once, before any read.
   */
  take?(): Buffer | undefined
}

/** Options of the streaming reader; the defaults suit every real plan. */
export interface StreamOptions extends SectionOptions {
  /** The window's first size (default 64 MiB); it grows for a longer element, up to maxTextBytes. */
  readonly windowBytes?: number
  /** Kept changes are copied into chunks of this size (default 64 MiB). */
  readonly keptChunkBytes?: number
}

const WINDOW_BYTES = 64 * 1024 * 1024
const KEPT_CHUNK_BYTES = 64 * 1024 * 1024

/** Zeros after the window's data: the SIMD kernel reads 64-byte blocks. */
const SLACK_BYTES = 64

/**
 * A scan that stops this close to the end of a window that is not the end
 * of the input stopped for want of bytes (a literal cut in two, a block
 * the kernel could not finish): it is run again on more of them.
 */
const NEAR_END = 64

const OPEN_BRACKET = 0x5b

/** What a left-out value reads as. */
const NULL_BYTES = Buffer.from('null')

/** Pieces up to this many bytes are copied by a loop, longer ones by Buffer#copy. */
const SHORT_COPY = 64

/** Bytes of a document that is not an object looked at for what it is (rejectNonJsonHead reads 4,096 characters). */
const HEAD_BYTES = 16 * 1024

/**
 * Reads the Terraform/OpenTofu plans of `input` (one, or several written
 * one after another) into the same inputs as readTerraformPlanBytes would
 * from all of its bytes at once. Anything that is not such a plan is an
 * input error: past one buffer there is no general reader to fall back on.
 */
export function readTerraformPlanStream(
  input: ByteSource,
  source: string,
  options: StreamOptions
): TerraformInput[] {
  try {
    return new StreamReader(input, source, options).read()
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    throw scanProblem(source, error)
  }
}

/**
 * The root of a document that is not a plan, as notAPlan reads it: its
 * keys, a text `format_version`, an object `values` (state JSON) and a
 * number `version` (a state file). Values are not read past one buffer.
 */
function skeleton(
  keys: ReadonlySet<string>,
  versionIsText: boolean,
  stateVersion: boolean
): Record<string, unknown> {
  const doc: Record<string, unknown> = {}
  for (const key of keys) doc[key] = null
  if (versionIsText) doc.format_version = ''
  if (keys.has('values')) doc.values = {}
  if (stateVersion) doc.version = 0
  return doc
}

function isDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || byte === 0x2d
}

class StreamReader implements StateWalk {
  private readonly window: Window
  private readonly limit: number
  /**
   * Managed state resources whose masks mark something, parsed for their
   * secrets in case the plan has no resource_changes (which holds them
   * otherwise, and comes after planned_values): the list and the index.
   */
  private readonly provisional: [unknown[], number][] = []
  /** resource_changes has been read (it stays: a later duplicate replaces it): managed state resources need no look. Per plan. */
  private changesSeen = false

  constructor(
    input: ByteSource,
    private readonly source: string,
    private readonly options: StreamOptions
  ) {
    this.limit = options.nestingLimit ?? MAX_NESTING
    this.window = new Window(input, source, options, this.limit)
  }

  /**
   * The plans of the input, one after another (`terragrunt run-all show
   * -json` writes one per module), each named as readPlanDocuments names
   * them: the file's own name for the only one, `FILE#1`, `FILE#2`, ...
   */
  read(): TerraformInput[] {
    const w = this.window
    let at = 0
    if (w.byte(0) === 0xef && w.byte(1) === 0xbb && w.byte(2) === 0xbf) at = 3
    at = this.space(at)
    const plans: Map<string, SectionRead>[] = []
    for (;;) {
      if (plans.length === MAX_DOCUMENTS) throw tooManyDocuments(this.source)
      const { sections, end } = this.document(at, plans.length)
      plans.push(sections)
      at = this.space(end)
      if (w.byte(at) === -1) break
      // Only another object may follow, as in readPlanDocuments.
      if (w.byte(at) !== 0x7b) throw notAnotherDocument(at)
    }
    return plans.map((sections, k) =>
      planInputOf(
        sections,
        documentSource(this.source, k, plans.length),
        this.options
      )
    )
  }

  /**
   * The sections of the plan at `at`, document `index` of the input, and
   * where it ends. A refusal names the document as readPlanDocuments
   * would, but for the first: whether others follow is not known yet.
   */
  private document(
    at: number,
    index: number
  ): { sections: Map<string, SectionRead>; end: number } {
    const w = this.window
    // Named among the documents read so far: the first by the file's name.
    const name = documentSource(this.source, index, index + 1)
    if (w.byte(at) !== 0x7b) throw this.notAnObject(at, name)
    this.provisional.length = 0
    this.changesSeen = false
    const sections = new Map<string, SectionRead>()
    // What the root holds, for the words of a refusal: its keys, and the kinds of two values.
    const keys = new Set<string>()
    let versionIsText = false
    let stateVersion = false
    const end = this.object(at, 0, (key, valueAt) => {
      sections.delete(key)
      keys.add(key)
      if (key === 'resource_changes') this.changesSeen = true
      if (key === 'format_version') versionIsText = w.byte(valueAt) === 0x22
      if (key === 'version') stateVersion = isDigit(w.byte(valueAt))
      if (STATE_SECTIONS.has(key)) {
        const state = slimState(this, valueAt, key === 'prior_state')
        sections.set(key, { value: state.value })
        return state.end
      }
      if (ELEMENT_SECTIONS.has(key) && w.byte(valueAt) === OPEN_BRACKET) {
        const kept = new KeptElements(this.source, this.options, this.limit)
        const end = this.elements(valueAt, kept, key)
        sections.set(key, { elements: kept })
        return end
      }
      if (!READ_SECTIONS.has(key)) return undefined
      const parsed = this.parse(valueAt, 1)
      sections.set(key, { value: parsed.value })
      return parsed.end
    })
    if (!looksLikePlanKeys(sections, versionIsText))
      throw notAPlan(skeleton(keys, versionIsText, stateVersion), name)
    // With resource_changes, the state's managed resources are left out, as readTerraformPlanBytes leaves them.
    if (sections.has('resource_changes'))
      for (const [list, index] of this.provisional) list[index] = null
    return { sections, end }
  }

  /**
   * The refusal of a document that does not start with `{`: the text
   * reader's words for what its first characters are known to be (binary
   * data, Terragrunt's log, the text of a plan, ...), an array's, or the
   * byte where JSON was expected.
   */
  private notAnObject(at: number, name: string): Error {
    const w = this.window
    const first = w.byte(at)
    if (first === OPEN_BRACKET) return notAPlan([], name)
    if (first === -1)
      return new JsonScanError('truncated', at, 'unexpected end of input')
    // Read forward only: a small window moves on as it is read.
    const head = Buffer.alloc(HEAD_BYTES)
    let size = 0
    for (let c = first; size < HEAD_BYTES && c !== -1; c = w.byte(at + size))
      head[size++] = c
    rejectNonJsonHead(head.toString('utf8', 0, size), name)
    return new JsonScanError('invalid', at, 'expected a JSON object')
  }

  /** The elements of resource_changes or resource_drift at `open`, located as the sectioned reader does and kept. */
  private elements(open: number, kept: KeptElements, key: string): number {
    const list = emptyList()
    return this.runs(open, (reader, index, onEnd) => {
      const mode: ElementMode = reader.modeOf(key)
      return reader.locateElements(index, mode, list, (end) => {
        kept.add(reader.bytes, list, this.window.base)
        onEnd(end)
      }).end
    })
  }

  /**
   * A state module's resources: data sources and resources with a
   * recorded `depends_on` parsed; the others null, but for those whose
   * masks mark something (see `provisional`). Without resource_changes the
   * sectioned reader parses every resource, for the secrets alone: those
   * are the same.
   */
  resources(open: number, depth: number): Reduced {
    const list: unknown[] = []
    // Managed resources are looked into after the kernel's walk: a walk of their own would reuse its area.
    const managed: [number, ResourceSlot][] = []
    const end = this.runs(open, (reader, index, onEnd) => {
      try {
        return reader.resourceSlots(index, depth, (slot) => {
          if (!slot.data && !this.changesSeen) managed.push([list.length, slot])
          list.push(slot.data ? reader.parseRange(slot.start, slot.end) : null)
          onEnd(slot.end)
        })
      } finally {
        // Before the window moves on.
        for (const [at, slot] of managed) {
          if (!reader.marksSensitive(slot.start, slot.end, depth + 1)) continue
          this.provisional.push([list, at])
          list[at] = reader.parseRange(slot.start, slot.end)
        }
        managed.length = 0
      }
    })
    return { value: list, end }
  }

  /**
   * Walks the array at `open` in runs on the window: `run` scans from the
   * window index of a `[` and calls `onEnd` with the index past each
   * element it is done with. A run that stops at the window's end is
   * followed by one that starts after the last element done, behind a `[`
   * written over the byte before it (a comma or white space, already read).
   */
  private runs(
    open: number,
    run: (
      reader: SectionReader,
      index: number,
      onEnd: (end: number) => void
    ) => number
  ): number {
    const w = this.window
    let bracket = open
    let resumed = false
    for (;;) {
      if (bracket < w.base || bracket - w.base >= w.filled) w.slide(bracket + 1)
      if (resumed) w.bracketAt(bracket - w.base)
      const base = w.base
      let done = -1
      try {
        return base + run(w.reader, bracket - base, (end) => (done = end))
      } catch (error) {
        if (!w.stoppedAtEnd(error)) throw w.problem(error)
        if (done === -1) {
          // Not one element in this window: start it at the element, or make it larger.
          if (bracket > w.base) w.slide(bracket + 1)
          else if (!w.grow()) throw w.tooLong(bracket + 1)
          continue
        }
        const after = this.space(base + done)
        const c = w.byte(after)
        if (c === 0x5d) return after + 1
        if (c !== 0x2c) throw this.expected(after, '"," or "]"')
        bracket = this.space(after + 1) - 1
        resumed = true
      }
    }
  }

  /** The object at `open`, as scanObject walks it: `onEntry` returns the end of the value it read, or undefined to skip it. */
  object(
    open: number,
    depth: number,
    onEntry: (key: string, at: number) => number | undefined
  ): number {
    const w = this.window
    if (w.byte(open) !== 0x7b) throw this.expected(open, 'an object')
    this.deeper(open, depth)
    let i = this.space(open + 1)
    if (w.byte(i) === 0x7d) return i + 1
    for (;;) {
      if (w.byte(i) !== 0x22) throw this.expected(i, 'a string')
      const key = this.key(i)
      i = this.space(key.end)
      if (w.byte(i) !== 0x3a) throw this.expected(i, '":"')
      const at = this.space(i + 1)
      i = this.space(onEntry(key.text, at) ?? this.skip(at, depth + 1))
      const c = w.byte(i)
      if (c === 0x2c) i = this.space(i + 1)
      else if (c === 0x7d) return i + 1
      else throw this.expected(i, '"," or "}"')
    }
  }

  /** The array at `open`, as scanArray walks it. */
  array(
    open: number,
    depth: number,
    onElement: (at: number) => number | undefined
  ): number {
    const w = this.window
    if (w.byte(open) !== OPEN_BRACKET) throw this.expected(open, 'an array')
    this.deeper(open, depth)
    let i = this.space(open + 1)
    if (w.byte(i) === 0x5d) return i + 1
    for (;;) {
      i = this.space(onElement(i) ?? this.skip(i, depth + 1))
      const c = w.byte(i)
      if (c === 0x2c) i = this.space(i + 1)
      else if (c === 0x5d) return i + 1
      else throw this.expected(i, '"," or "]"')
    }
  }

  private deeper(at: number, depth: number): void {
    if (depth + 1 > this.limit)
      throw new JsonScanError('deep', at, `nesting deeper than ${this.limit}`)
  }

  /** The string at `at` (a key) and the index past it. */
  private key(at: number): { text: string; end: number } {
    const w = this.window
    return w.fit(at, (index) => {
      const bytes = w.reader.bytes
      const close = stringEnd(bytes, index)
      return { text: keyAt(bytes, index, close), end: w.base + close + 1 }
    })
  }

  /** The value at `at`, parsed (it must fit in the window, which grows up to maxTextBytes). */
  parse(at: number, depth: number): { value: unknown; end: number } {
    const w = this.window
    return w.fit(at, (index) => {
      const reduced = w.reader.parse(index, depth)
      return { value: reduced.value, end: w.base + reduced.end }
    })
  }

  /** The end of the value at `at`: skipped on the window, or entry by entry when it is longer than the window. */
  skip(at: number, depth: number): number {
    const w = this.window
    const end = (index: number): number =>
      w.base + skipValue(w.reader.scan, index, depth)
    const fits = w.fits(at, end)
    if (fits !== undefined) return fits
    const c = w.byte(at)
    if (c === 0x7b) return this.object(at, depth, () => undefined)
    if (c === OPEN_BRACKET) return this.array(at, depth, () => undefined)
    return w.fit(at, end)
  }

  byteAt(at: number): number {
    return this.window.byte(at)
  }

  /** The index of the first byte at or after `at` that is not JSON white space (the input's length at its end). */
  private space(at: number): number {
    const w = this.window
    for (;;) {
      const c = w.byte(at)
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return at
      at++
    }
  }

  private expected(at: number, what: string): JsonScanError {
    return this.window.byte(at) === -1
      ? new JsonScanError('truncated', at, 'unexpected end of input')
      : new JsonScanError('invalid', at, `expected ${what}`)
  }
}

/**
 * The window: bytes [base, base + filled) of the input in a plan buffer
 * (whose containers the SIMD kernel skips), with the sectioned reader on
 * them. Index 0 is kept free when the window moves, for the `[` of a run.
 */
class Window {
  base = 0
  filled = 0
  private eof = false
  private buffer: Buffer
  private capacity: number
  private readonly maxCapacity: number
  /** The window's usual size. */
  private readonly firstCapacity: number
  /** The window is still the buffer the input's first bytes were read into. */
  private adopted = false
  reader!: SectionReader

  constructor(
    private readonly input: ByteSource,
    private readonly source: string,
    private readonly options: StreamOptions,
    private readonly limit: number
  ) {
    this.maxCapacity = options.maxTextBytes + 2
    this.capacity = Math.min(
      options.windowBytes ?? WINDOW_BYTES,
      this.maxCapacity
    )
    this.firstCapacity = this.capacity
    const first = input.take?.()
    if (first !== undefined && first.length > this.capacity + SLACK_BYTES) {
      // Its last bytes stay data until the window first moves; its memory has zeros after it.
      this.buffer = first
      this.adopted = true
      this.capacity = first.length - SLACK_BYTES
      this.filled = first.length
    } else {
      this.buffer = planBuffer(this.capacity + SLACK_BYTES)
      if (first !== undefined) {
        first.copy(this.buffer)
        this.filled = first.length
      }
    }
    this.fill()
  }

  /** The byte at `at`, reading on as needed; -1 past the end of the input. */
  byte(at: number): number {
    let index = at - this.base
    if (index < 0) throw behind(at, this.base)
    if (index >= this.filled) {
      if (this.eof) return -1
      this.slide(at)
      index = at - this.base
      if (index >= this.filled) return -1
    }
    return this.buffer[index] as number
  }

  /**
   * Runs `scan` on the window from the index of `at`, again on a moved or
   * (up to its largest) a larger window when it stops at the window's end.
   */
  fit<T>(at: number, scan: (index: number) => T): T {
    return this.run(at, true, scan) as T
  }

  /** fit, but with the window's size: undefined when the value is longer. */
  fits<T>(at: number, scan: (index: number) => T): T | undefined {
    return this.run(at, false, scan)
  }

  private run<T>(
    at: number,
    grow: boolean,
    scan: (index: number) => T
  ): T | undefined {
    if (at < this.base) throw behind(at, this.base)
    for (;;) {
      if (at - this.base >= this.filled) this.slide(at)
      try {
        return scan(at - this.base)
      } catch (error) {
        if (!this.stoppedAtEnd(error)) throw this.problem(error)
        if (at - this.base > 1) this.slide(at)
        else if (!grow) return undefined
        else if (!this.grow()) throw this.tooLong(at)
      }
    }
  }

  /** Keeps the bytes from `at` on, `at` at index 1, and reads more after them. */
  slide(at: number): void {
    const from = Math.max(0, Math.min(at - 1 - this.base, this.filled))
    const rest = this.filled - from
    if (this.adopted && rest <= this.firstCapacity) {
      // Past the buffer it started as: a window of the usual size again, that buffer let go.
      this.adopted = false
      this.capacity = this.firstCapacity
      const buffer = planBuffer(this.capacity + SLACK_BYTES)
      this.buffer.copy(buffer, 0, from, this.filled)
      this.buffer = buffer
    } else this.buffer.copyWithin(0, from, this.filled)
    this.filled = rest
    this.base += from
    this.fill()
  }

  /** Doubles the window, up to its largest; false when it cannot grow (or the input has ended). */
  grow(): boolean {
    if (this.eof || this.capacity >= this.maxCapacity) return false
    this.capacity = Math.min(this.capacity * 2, this.maxCapacity)
    const buffer = planBuffer(this.capacity + SLACK_BYTES)
    this.buffer.copy(buffer, 0, 0, this.filled)
    this.buffer = buffer
    this.adopted = false
    this.fill()
    return true
  }

  /** Writes the `[` of a run at `index` (a byte already read). */
  bracketAt(index: number): void {
    this.buffer[index] = OPEN_BRACKET
    this.renew()
  }

  /** True when a scan stopped for want of bytes that the input still has. */
  stoppedAtEnd(error: unknown): boolean {
    return (
      error instanceof JsonScanError &&
      !this.eof &&
      error.offset >= this.filled - NEAR_END
    )
  }

  /** A scan's error with its offset in the input, not in the window. */
  problem(error: unknown): unknown {
    return error instanceof JsonScanError
      ? new JsonScanError(error.kind, error.offset + this.base, error.what)
      : error
  }

  tooLong(at: number): PlanParseError {
    const most = this.options.maxTextBytes
    return new PlanParseError(
      this.source,
      `each element of a large plan and each value outside its long arrays at most ${most < 1024 * 1024 ? `${most} bytes` : `${Math.round(most / 1024 / 1024)} MiB`}`,
      `a longer one at byte ${at}`
    )
  }

  private fill(): void {
    while (!this.eof && this.filled < this.capacity) {
      const count = this.input.read(
        this.buffer,
        this.filled,
        this.capacity - this.filled
      )
      if (count === 0) this.eof = true
      else this.filled += count
    }
    this.renew()
  }

  /** A new scan (and reader) for the window's bytes: a scan remembers values' ends. */
  private renew(): void {
    // (An adopted buffer full to its end has zeros after it in its memory.)
    const slack = Math.min(this.filled + SLACK_BYTES, this.buffer.length)
    if (slack > this.filled) this.buffer.fill(0, this.filled, slack)
    const scan: ByteScan = {
      bytes: this.buffer.subarray(0, this.filled),
      limit: this.limit
    }
    this.reader = new SectionReader(scan, this.source, this.options)
  }
}

/**
 * A byte the window has moved past: a fault of this reader (callers only
 * move forward), never a byte read from memory that no longer holds it.
 */
function behind(at: number, base: number): Error {
  return new Error(
    `plangate's plan window was asked for byte ${at} after it moved on to ${base}`
  )
}

/** Kept changes: copied out of the window into chunks, one SectionReader's list each. */
interface Chunk {
  readonly bytes: Buffer
  used: number
  readonly list: ElementList
  /** Where each element starts in the input. */
  readonly origins: number[]
  /** The index of its first element among all. */
  readonly first: number
}

class KeptElements {
  private readonly chunks: Chunk[] = []
  private count = 0

  constructor(
    private readonly source: string,
    private readonly options: StreamOptions,
    private readonly limit: number
  ) {}

  /**
   * Copies the elements of `list` out of the window's `bytes` (pieces read
   * as null written `null`), then empties `list`. `base` is the window's
   * offset in the input.
   */
  add(bytes: Buffer, list: ElementList, base: number): void {
    let piece = 0
    for (let k = 0; k < list.sizes.length; k++) {
      const size = list.sizes[k] as number
      const chunk = this.room(size)
      const start = chunk.used
      chunk.origins.push(base + (list.pieces[piece] as number))
      for (const stop = list.ends[k] as number; piece < stop; piece += 2) {
        const from = list.pieces[piece] as number
        const to = list.pieces[piece + 1] as number
        const into = chunk.bytes
        if (from === -1) {
          for (let k = 0; k < NULL_BYTES.length; k++)
            into[chunk.used++] = NULL_BYTES[k] as number
        } else if (to - from > SHORT_COPY)
          chunk.used += bytes.copy(into, chunk.used, from, to)
        // Buffer#copy costs more than a short piece's bytes.
        else
          for (let i = from; i < to; i++)
            into[chunk.used++] = bytes[i] as number
      }
      chunk.list.pieces.push(start, chunk.used)
      chunk.list.ends.push(chunk.list.pieces.length)
      chunk.list.sizes.push(size)
      chunk.list.marked.push(list.marked[k] as boolean)
      this.count++
    }
    list.pieces.length = 0
    list.ends.length = 0
    list.sizes.length = 0
    list.marked.length = 0
  }

  private room(size: number): Chunk {
    const last = this.chunks.at(-1)
    if (last !== undefined && last.bytes.length - last.used >= size) return last
    const chunk: Chunk = {
      bytes: Buffer.allocUnsafe(
        Math.max(size, this.options.keptChunkBytes ?? KEPT_CHUNK_BYTES)
      ),
      used: 0,
      list: emptyList(),
      origins: [],
      first: this.count
    }
    this.chunks.push(chunk)
    return chunk
  }

  private readerOf(chunk: Chunk): SectionReader {
    const scan: ByteScan = {
      bytes: chunk.bytes.subarray(0, chunk.used),
      limit: this.limit
    }
    return new SectionReader(scan, this.source, this.options)
  }

  /** The kept elements parsed (`marked`: only those whose masks may mark something). */
  parse(marked: boolean): unknown[] {
    const items: unknown[] = []
    for (const chunk of this.chunks) {
      const parsed = this.readerOf(chunk).parseElements(
        marked ? markedOnly(chunk.list) : chunk.list
      )
      for (const item of parsed) items.push(item)
    }
    return items
  }

  /** The kept elements, parsed a part at a time each time they are walked. */
  lazy(): LazyElements {
    const chunks = this.chunks.map((chunk) => ({
      chunk,
      elements: this.readerOf(chunk).lazyElements(
        chunk.list,
        (error, index) =>
          new PlanParseError(
            this.source,
            'a JSON plan',
            index === undefined
              ? `invalid JSON in a resource change (${error.what})`
              : `invalid JSON in the resource change resource_changes[${chunk.first + index}], which starts at byte ${chunk.origins[index]} (${error.what})`,
            undefined,
            { cause: error }
          )
      )
    }))
    return {
      length: this.count,
      forEach: (each) => {
        for (const { chunk, elements } of chunks)
          elements.forEach((item, index) => each(item, chunk.first + index))
      }
    }
  }
}
