import { PlanParseError } from './errors.js'
import {
  documentSource,
  findJsonProblem,
  MAX_DOCUMENTS,
  MAX_NESTING,
  tooManyDocuments
} from './json-text.js'
import {
  bytesEqual,
  bytesInclude,
  CHANGE_MARKED,
  CHANGE_NO_OP,
  CHANGE_PRESENT,
  JsonScanError,
  RESOURCE_DATA,
  RESOURCE_DEPENDS_ON,
  RESOURCE_MODE,
  RESOURCE_OTHER,
  scanArray,
  scanChanges,
  scanObject,
  scanResources,
  skipSpace,
  skipValue
} from './json-bytes.js'
import type { ByteScan, OnEntry } from './json-bytes.js'
import { KEPT_SECTIONS, readTerraformPlan } from './terraform.js'
import type { LazyElements, TerraformInput } from './terraform.js'

/** What a no-op's left-out values read as. */
const NULL_TEXT = 'null'
const NULL_BYTES = Buffer.from(NULL_TEXT)
const TRUE_TEXT = Buffer.from('true')
/** The actions of a no-op as Terraform writes them; other spellings are parsed. */
const NO_OP_ACTIONS = Buffer.from('["no-op"]')
const DATA_MODE = Buffer.from('"data"')
const MANAGED_MODE = Buffer.from('"managed"')

/**
 * What a quiet no-op change leaves out: its values, their masks and
 * unknowns. Normalisation reads them only to list changed attributes
 * (a no-op has none) and to collect what the masks mark (nothing).
 */
const QUIET_VALUES = new Set([
  'before',
  'after',
  'before_sensitive',
  'after_sensitive',
  'after_unknown'
])

/**
 * How the changes of a long array are read: `whole`; `quiet-no-ops`, a
 * no-op whose masks mark nothing without its values; `marked`, only the
 * changes whose masks mark something (all the secrets, nothing else).
 */
export type ElementMode = 'whole' | 'quiet-no-ops' | 'marked'

/** What placeChange needs of a change: whether its masks may mark something, whether it is a no-op (asked last: it may parse), the ranges of its values. */
interface ChangeTold {
  readonly marked: boolean
  readonly noOp: () => boolean
  readonly values: readonly number[]
}

/** Byte ranges inside one change object (pairs of start and end). */
interface ChangeRanges {
  readonly end: number
  readonly values: number[]
  readonly masks: number[]
  readonly actions: readonly [number, number] | undefined
}

/** Options of the sectioned reader; the defaults suit every real plan. */
export interface SectionOptions {
  /**
   * The longest text handed to JSON.parse at once (V8's longest string is
   * about 512 MiB): no value outside the long arrays, and no element of
   * them, may be longer; tests lower it to reach that limit with small plans.
   */
  readonly maxTextBytes: number
  /**
   * The long arrays are parsed in parts of at most this many bytes
   * (default 64 KiB); 0 parses each element alone.
   */
  readonly elementwiseBytes?: number
  readonly nestingLimit?: number
  /**
   * Read for the secrets alone: the changes whose masks mark nothing are
   * left out (a first pass over many plans, before the second reads them).
   */
  readonly secretsOnly?: boolean
}

/**
 * Arrays over this many bytes are parsed in parts of at most this size.
 * Small on purpose: a part's text is a transient string, and strings past
 * about 128 KB live in V8's large-object space, freed only by a full
 * collection (parts of 16 MiB left hundreds of MB of dead text behind on
 * a 718 MiB plan); at 64 KiB JSON.parse's per-call cost is still noise.
 */
const ELEMENTWISE_BYTES = 64 * 1024

/** Runs up to this many bytes are copied by a loop, longer ones by Buffer#copy. */
const SHORT_COPY = 64

/** What readTerraformPlan reads besides the state sections: what it keeps, and what it reads once. */
export const READ_SECTIONS = new Set<string>([
  ...KEPT_SECTIONS,
  'configuration',
  'variables'
])

/** State sections: only outputs, data sources and the shape of their modules are read. */
export const STATE_SECTIONS = new Set(['prior_state', 'planned_values'])

/**
 * Reads a Terraform/OpenTofu JSON plan from its bytes into the same input
 * as `readTerraformPlan(JSON.parse(text))`, parsing only what the review
 * needs: `prior_state` and `planned_values` (most of a plan, repeating
 * `resource_changes`) are scanned, not built, except their outputs and
 * data sources. Works on documents longer than V8's longest string. Plans
 * written one after another (`terragrunt run-all show -json`, one per
 * module) are read alike, an input each, named as readPlanDocuments names
 * them (`FILE#1`, `FILE#2`, ...). Returns undefined when the bytes are not
 * well-formed JSON objects with the keys of a plan, so the caller can fall
 * back to the general reader (which explains any problem).
 */
export function readTerraformPlanBytes(
  bytes: Buffer,
  source: string,
  options: SectionOptions
): TerraformInput[] | undefined {
  const scan: ByteScan = {
    bytes,
    limit: options.nestingLimit ?? MAX_NESTING
  }
  try {
    return readDocuments(scan, source, options)
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    // The general reader explains the problem with a line and column.
    if (bytes.length <= options.maxTextBytes) return undefined
    throw scanProblem(source, error)
  }
}

/** A plan's sections as located, and the reader that parses them. */
interface LocatedPlan {
  readonly reader: SectionReader
  readonly sections: ReadonlyMap<string, Section>
}

/** readTerraformPlanBytes, whose JsonScanErrors the caller turns into an answer. */
function readDocuments(
  scan: ByteScan,
  source: string,
  options: SectionOptions
): TerraformInput[] | undefined {
  const { bytes } = scan
  let at = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3
  at = skipSpace(bytes, at)
  const parts = new PartBuffer()
  const plans: LocatedPlan[] = []
  for (;;) {
    if (plans.length === MAX_DOCUMENTS) throw tooManyDocuments(source)
    // Not an object: not a plan this reader knows (nor JSON it can explain).
    if (bytes[at] !== 0x7b) return undefined
    const reader = new SectionReader(scan, source, options, parts)
    const { sections, end } = findSections(scan, reader, at)
    const version = sections.get('format_version')
    if (
      !looksLikePlanKeys(
        sections,
        version !== undefined && bytes[version.start] === 0x22
      )
    )
      return undefined
    reader.fillResources(sections.has('resource_changes'))
    plans.push({ reader, sections })
    at = skipSpace(bytes, end)
    if (at >= bytes.length) break
    // Only another object may follow, as in readPlanDocuments.
    if (bytes[at] !== 0x7b) throw notAnotherDocument(at)
  }
  return plans.map(({ reader, sections }, k) => {
    const name = documentSource(source, k, plans.length)
    return planInputOf(sectionsRead(reader, sections, name), name, options)
  })
}

/** What follows a plan at `at` that is neither the end nor another plan's `{`, in both readers' words. */
export function notAnotherDocument(at: number): JsonScanError {
  return new JsonScanError(
    'invalid',
    at,
    'unexpected character after the end of the JSON value'
  )
}

/** The sections readTerraformPlan reads, parsed or as elements to parse; a late problem names `name`. */
function* sectionsRead(
  reader: SectionReader,
  sections: ReadonlyMap<string, Section>,
  name: string
): Generator<[string, SectionRead]> {
  for (const [key, section] of sections) {
    if (!READ_SECTIONS.has(key) && !STATE_SECTIONS.has(key)) continue
    const list = section.elements
    if (section.value !== undefined) yield [key, { value: section.value }]
    else if (list === undefined)
      yield [key, { value: reader.parseValue(section.start, section.end) }]
    else
      yield [
        key,
        {
          elements: {
            lazy: () =>
              reader.lazyElements(list, (error, index) =>
                lateProblem(name, reader.bytes, error, index)
              ),
            parse: (marked) =>
              reader.parseElements(marked ? markedOnly(list) : list)
          }
        }
      ]
  }
}

/** The elements of a long array, parsed when they are asked for. */
export interface Elements {
  /** All of them, parsed a part at a time each time they are walked. */
  lazy(): LazyElements
  /** All of them now, or (`marked`) those whose masks may mark something. */
  parse(marked: boolean): unknown[]
}

/** A top-level value as a reader has it: parsed (or reduced), or elements to parse. */
export type SectionRead =
  { readonly value: unknown } | { readonly elements: Elements }

/**
 * What readTerraformPlan makes of the sections a reader read, in the
 * document's order (the last of duplicates). resource_changes is parsed
 * twice over, lazily: for readTerraformPlan, only the changes that may
 * hold secrets; for normalisation, every change when it reaches it.
 */
export function planInputOf(
  sections: Iterable<readonly [string, SectionRead]>,
  source: string,
  options: { readonly secretsOnly?: boolean | undefined }
): TerraformInput {
  const doc: Record<string, unknown> = {}
  let changes: LazyElements | undefined
  for (const [key, section] of sections) {
    let value: unknown
    if ('value' in section) value = section.value
    else if (key === 'resource_changes' && options.secretsOnly !== true) {
      changes = section.elements.lazy()
      value = section.elements.parse(true)
    } else value = section.elements.parse(false)
    Object.defineProperty(doc, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  const input = readTerraformPlan(doc, source)
  return changes === undefined ? input : { ...input, changes }
}

/** The elements of `list` that may hold secrets, as a list of their own. */
export function markedOnly(list: ElementList): ElementList {
  const pieces: number[] = []
  const ends: number[] = []
  const sizes: number[] = []
  const marked: boolean[] = []
  for (let k = 0; k < list.sizes.length; k++) {
    if (list.marked[k] !== true) continue
    const from = k === 0 ? 0 : (list.ends[k - 1] as number)
    for (let p = from; p < (list.ends[k] as number); p++)
      pieces.push(list.pieces[p] as number)
    ends.push(pieces.length)
    sizes.push(list.sizes[k] as number)
    marked.push(true)
  }
  return { end: list.end, pieces, ends, sizes, marked }
}

/** A list with no elements yet. */
export function emptyList(): ElementList {
  return { end: 0, pieces: [], ends: [], sizes: [], marked: [] }
}

/** Where a top-level value lies, and the state sections already reduced. */
interface Section {
  readonly start: number
  readonly end: number
  readonly value?: unknown
  /** The elements of resource_changes and resource_drift, located. */
  readonly elements?: ElementList
}

/**
 * The elements of a long array as byte ranges to parse: `pieces` holds
 * start/end pairs, a pair (-1, -1) standing for the text `null`; element k
 * is made of the pairs before `ends[k]` (an index into `pieces`) and
 * `sizes[k]` bytes long once assembled.
 */
export interface ElementList {
  readonly end: number
  readonly pieces: number[]
  readonly ends: number[]
  readonly sizes: number[]
  /** Per element: its masks may mark something (it may hold secrets). */
  readonly marked: boolean[]
}

/** Arrays that grow with the plan: their elements are located in the first pass. */
export const ELEMENT_SECTIONS = new Set(['resource_changes', 'resource_drift'])

/**
 * The root object's sections (the last of duplicates, as JSON.parse), or
 * undefined when the document is not an object. One pass over the bytes:
 * state sections are reduced as they are scanned.
 */
function findSections(
  scan: ByteScan,
  reader: SectionReader,
  start: number
): { sections: Map<string, Section>; end: number } {
  const { bytes } = scan
  const sections = new Map<string, Section>()
  const end = scanObject(scan, start, 0, (key, valueStart) => {
    sections.delete(key)
    if (STATE_SECTIONS.has(key)) {
      const state = slimState(reader, valueStart, key === 'prior_state')
      sections.set(key, { start: valueStart, ...state })
      return state.end
    }
    if (ELEMENT_SECTIONS.has(key) && bytes[valueStart] === 0x5b) {
      // Elements are located (and no-op changes slimmed) in this pass: a long array is not scanned twice.
      const elements = reader.locateElements(valueStart, reader.modeOf(key))
      sections.set(key, { start: valueStart, end: elements.end, elements })
      return elements.end
    }
    const valueEnd = skipValue(scan, valueStart, 1)
    sections.set(key, { start: valueStart, end: valueEnd })
    return valueEnd
  })
  return { sections, end }
}

/** The test of looksLikeTerraformPlan, on the keys and whether `format_version` is a string. */
export function looksLikePlanKeys(
  sections: ReadonlyMap<string, unknown>,
  versionIsText: boolean
): boolean {
  if (!versionIsText) return false
  return (
    sections.has('planned_values') ||
    sections.has('resource_changes') ||
    sections.has('output_changes') ||
    (sections.has('configuration') && !sections.has('values'))
  )
}

/** A value read and where it ends. */
export interface Reduced {
  readonly end: number
  readonly value: unknown
}

/**
 * How slimState walks a state section: over a whole plan's bytes
 * (SectionReader) or a window on them (the stream reader). Offsets and
 * depths are as scanObject's.
 */
export interface StateWalk {
  /** The byte at `at` (-1 past the end). */
  byteAt(at: number): number
  object(at: number, depth: number, onEntry: OnEntry): number
  array(
    at: number,
    depth: number,
    onElement: (at: number) => number | undefined
  ): number
  skip(at: number, depth: number): number
  /** The value at `at`, parsed. */
  parse(at: number, depth: number): Reduced
  /** A module's `resources`, an array: what readTerraformPlan reads of them. */
  resources(at: number, depth: number): Reduced
}

/**
 * `prior_state` (`nested`: its `values`) or `planned_values` with only
 * what readTerraformPlan reads from it: outputs, and modules with the
 * resources `walk` keeps.
 */
export function slimState(
  walk: StateWalk,
  start: number,
  nested: boolean
): Reduced {
  if (walk.byteAt(start) !== 0x7b)
    return { end: walk.skip(start, 1), value: null }
  if (!nested) return slimValues(walk, start, 1)
  const state: Record<string, unknown> = {}
  const end = walk.object(start, 1, (key, at) => {
    if (key !== 'values') return undefined
    const values = slimValues(walk, at, 2)
    state.values = values.value
    return values.end
  })
  return { end, value: state }
}

function slimValues(walk: StateWalk, start: number, depth: number): Reduced {
  if (walk.byteAt(start) !== 0x7b)
    return { end: walk.skip(start, depth), value: null }
  const values: Record<string, unknown> = {}
  const end = walk.object(start, depth, (key, at) => {
    if (key === 'outputs') {
      const outputs = walk.parse(at, depth + 1)
      values.outputs = outputs.value
      return outputs.end
    }
    if (key !== 'root_module') return undefined
    const module = slimModule(walk, at, depth + 1)
    values.root_module = module.value
    return module.end
  })
  return { end, value: values }
}

function slimModule(walk: StateWalk, start: number, depth: number): Reduced {
  if (walk.byteAt(start) !== 0x7b)
    return { end: walk.skip(start, depth), value: null }
  const module: Record<string, unknown> = {}
  const end = walk.object(start, depth, (key, at) => {
    if (key === 'resources') {
      const resources =
        walk.byteAt(at) === 0x5b
          ? walk.resources(at, depth + 1)
          : { end: walk.skip(at, depth + 1), value: null }
      module.resources = resources.value
      return resources.end
    }
    if (key !== 'child_modules') return undefined
    if (walk.byteAt(at) !== 0x5b) {
      module.child_modules = null
      return undefined
    }
    const children: unknown[] = []
    module.child_modules = children
    return walk.array(at, depth + 1, (childAt) => {
      const child = slimModule(walk, childAt, depth + 2)
      children.push(child.value)
      return child.end
    })
  })
  return { end, value: module }
}

/** A resource of a state section, parsed once it is known to be needed. */
export interface ResourceSlot {
  readonly start: number
  readonly end: number
  /** A data source, or a resource whose `depends_on` the blast radius reads: parsed whole. */
  readonly data: boolean
}

/**
 * The buffer a part's text is assembled in before it is parsed (copied
 * into a string first, so one serves every part), shared by the readers
 * of a file's plans.
 */
export class PartBuffer {
  private buffer: Buffer | undefined

  /** A buffer of at least `size` bytes. */
  get(size: number): Buffer {
    if (this.buffer === undefined || this.buffer.length < size)
      this.buffer = Buffer.allocUnsafe(size)
    return this.buffer
  }
}

export class SectionReader implements StateWalk {
  readonly bytes: Buffer
  /** Resource lists of the state sections, filled by fillResources. */
  private readonly pending: { list: unknown[]; slots: ResourceSlot[] }[] = []
  constructor(
    readonly scan: ByteScan,
    private readonly source: string,
    private readonly options: SectionOptions,
    private readonly parts: PartBuffer = new PartBuffer()
  ) {
    this.bytes = scan.bytes
  }

  /** The value in [start, end), parsed whole or (long arrays) element by element. */
  parseValue(start: number, end: number): unknown {
    if (this.bytes[start] === 0x5b && end - start > this.elementwise()) {
      const items: unknown[] = []
      scanArray(this.scan, start, 1, (at) => {
        const itemEnd = skipValue(this.scan, at, 2)
        items.push(this.parseRange(at, itemEnd))
        return itemEnd
      })
      return items
    }
    return this.parseRange(start, end)
  }

  /** Arrays longer than this are parsed in parts of at most this many bytes. */
  private elementwise(): number {
    return (
      this.options.elementwiseBytes ??
      Math.min(ELEMENTWISE_BYTES, this.options.maxTextBytes)
    )
  }

  /** How the elements of `resource_changes` or `resource_drift` are read. */
  modeOf(key: string): ElementMode {
    if (this.options.secretsOnly === true) return 'marked'
    return key === 'resource_changes' ? 'quiet-no-ops' : 'whole'
  }

  /**
   * Locates each element of the array at `start`, as `mode` says (see
   * ElementMode). A quiet no-op (a no-op whose sensitivity masks mark
   * nothing) has its values, masks and unknowns left out, read as null:
   * nothing reads them (a no-op has no changed attributes, and secrets come
   * only from what the masks mark), and in a large plan they are most of
   * the bytes. `onEnd`, when given, learns the end of each element once
   * it is in `list` (or left out).
   */
  locateElements(
    start: number,
    mode: ElementMode,
    list: ElementList = emptyList(),
    onEnd?: (end: number) => void
  ): ElementList {
    if (mode === 'whole') {
      const end = scanArray(this.scan, start, 1, (at) => {
        const itemEnd = this.wholeElement(at, list, true)
        list.ends.push(list.pieces.length)
        onEnd?.(itemEnd)
        return itemEnd
      })
      return { ...list, end }
    }
    // An element left out (marked mode) adds no pieces and no end.
    const ended = (before: number, end: number): void => {
      if (list.pieces.length > before) list.ends.push(list.pieces.length)
      onEnd?.(end)
    }
    const end = scanChanges(
      this.scan,
      start,
      1,
      (at, itemEnd, flags, actionsStart, actionsEnd, quiet) => {
        const before = list.pieces.length
        this.placeChange(
          at,
          itemEnd,
          mode,
          list,
          (flags & CHANGE_PRESENT) === 0
            ? undefined
            : {
                marked: (flags & CHANGE_MARKED) !== 0,
                noOp: () =>
                  (flags & CHANGE_NO_OP) !== 0 ||
                  (actionsStart >= 0 &&
                    this.isNoOpActions(actionsStart, actionsEnd)),
                values: quiet
              }
        )
        ended(before, itemEnd)
      },
      (at) => {
        const before = list.pieces.length
        const itemEnd = this.slimChange(at, mode, list)
        ended(before, itemEnd)
        return itemEnd
      }
    )
    return { ...list, end }
  }

  private wholeElement(at: number, list: ElementList, marked: boolean): number {
    const end = skipValue(this.scan, at, 2)
    list.pieces.push(at, end)
    list.sizes.push(end - at)
    list.marked.push(marked)
    return end
  }

  /** One element of resource_changes or resource_drift, slimmed as `mode` says when safe. */
  private slimChange(
    at: number,
    mode: Exclude<ElementMode, 'whole'>,
    list: ElementList
  ): number {
    // Not an object: no secrets; normalisation explains what it is.
    if (this.bytes[at] !== 0x7b) return this.wholeElement(at, list, false)
    // The last `change` counts, as in JSON.parse.
    let change: ChangeRanges | undefined
    const end = scanObject(this.scan, at, 2, (key, valueAt) => {
      if (key !== 'change') return undefined
      change = this.changeRanges(valueAt)
      return change.end
    })
    const found: ChangeRanges | undefined = change
    this.placeChange(
      at,
      end,
      mode,
      list,
      found === undefined
        ? undefined
        : {
            marked: this.marksAny(found),
            noOp: () => this.isNoOp(found),
            values: found.values
          }
    )
    return end
  }

  /**
   * Records the change [at, end) in `list` as `mode` says: whole, slimmed
   * (a quiet no-op, its `values` ranges read as null) or, in `marked` mode,
   * not at all when its masks mark nothing. `change` tells of its last
   * `change` (undefined: it has none).
   */
  private placeChange(
    at: number,
    end: number,
    mode: Exclude<ElementMode, 'whole'>,
    list: ElementList,
    change: ChangeTold | undefined
  ): void {
    const marked = change !== undefined && change.marked
    if (mode === 'marked' && !marked) return
    if (mode === 'marked' || change === undefined || marked || !change.noOp()) {
      list.pieces.push(at, end)
      list.sizes.push(end - at)
      list.marked.push(marked)
      return
    }
    let from = at
    let size = 0
    for (let k = 0; k < change.values.length; k += 2) {
      const valueStart = change.values[k] as number
      list.pieces.push(from, valueStart, -1, -1)
      size += valueStart - from + NULL_TEXT.length
      from = change.values[k + 1] as number
    }
    list.pieces.push(from, end)
    list.sizes.push(size + end - from)
    list.marked.push(false)
  }

  /** Where a change object's actions, values and masks lie. */
  private changeRanges(start: number): ChangeRanges {
    const values: number[] = []
    const masks: number[] = []
    let actions: readonly [number, number] | undefined
    if (this.bytes[start] !== 0x7b)
      return { end: skipValue(this.scan, start, 3), values, masks, actions }
    const end = scanObject(this.scan, start, 3, (key, at) => {
      const valueEnd = skipValue(this.scan, at, 4)
      if (key === 'actions') actions = [at, valueEnd]
      else if (QUIET_VALUES.has(key)) {
        values.push(at, valueEnd)
        if (key === 'before_sensitive' || key === 'after_sensitive')
          masks.push(at, valueEnd)
      }
      return valueEnd
    })
    return { end, values, masks, actions }
  }

  private isNoOp(change: ChangeRanges): boolean {
    const { actions } = change
    return actions !== undefined && this.isNoOpActions(actions[0], actions[1])
  }

  /** True when a mask may mark something: it holds `true` (keys too: a false alarm only costs speed). */
  private marksAny(change: ChangeRanges): boolean {
    const { masks } = change
    for (let k = 0; k < masks.length; k += 2) {
      if (
        bytesInclude(
          this.bytes,
          masks[k] as number,
          masks[k + 1] as number,
          TRUE_TEXT
        )
      )
        return true
    }
    return false
  }

  /** `["no-op"]`, compared as bytes when written compactly (as Terraform does), else parsed. */
  private isNoOpActions(start: number, end: number): boolean {
    if (bytesEqual(this.bytes, start, end, NO_OP_ACTIONS)) return true
    if (end - start > 64) return false
    let plain = true
    for (let i = start; i < end && plain; i++) {
      const b = this.bytes[i]
      plain = b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x5c
    }
    if (plain) return false
    const parsed = this.parseRange(start, end)
    return Array.isArray(parsed) && parsed.length === 1 && parsed[0] === 'no-op'
  }

  /**
   * The elements, parsed in parts of at most elementwise() bytes (one
   * JSON.parse per part: fewer calls than one per element, and never a
   * string as long as the whole array).
   */
  parseElements(list: ElementList): unknown[] {
    const items: unknown[] = []
    this.eachPart(list, (part) => {
      for (const item of part) items.push(item)
    })
    return items
  }

  /**
   * The elements, parsed each time they are walked, a part at a time: the
   * raw values of a part are garbage once its changes are normalised. A
   * part that fails JSON.parse is reported with its line and column.
   */
  lazyElements(
    list: ElementList,
    describe: (error: JsonScanError, index: number | undefined) => Error = (
      error,
      index
    ) => lateProblem(this.source, this.bytes, error, index)
  ): LazyElements {
    return {
      length: list.sizes.length,
      forEach: (each) => {
        let index = 0
        try {
          this.eachPart(list, (part) => {
            for (const item of part) each(item, index++)
          })
        } catch (error) {
          if (!(error instanceof JsonScanError)) throw error
          throw describe(error, indexAt(list, error.offset))
        }
      }
    }
  }

  /** Calls `onPart` with the elements parsed a part of at most elementwise() bytes at a time. */
  private eachPart(list: ElementList, onPart: (part: unknown[]) => void): void {
    const limit = this.elementwise()
    let first = 0
    let bytes = 0
    for (let k = 0; k < list.sizes.length; k++) {
      const size = list.sizes[k] as number
      if (k > first && bytes + size + 1 > limit) {
        onPart(this.parsePart(list, first, k, bytes))
        first = k
        bytes = 0
      }
      bytes += size + 1
    }
    if (list.sizes.length > first)
      onPart(this.parsePart(list, first, list.sizes.length, bytes))
  }

  /** Elements [first, last) as one JSON array of `bytes` bytes (commas and brackets included). */
  private parsePart(
    list: ElementList,
    first: number,
    last: number,
    bytes: number
  ): unknown[] {
    const { pieces, ends } = list
    const source = this.bytes
    const text = this.parts.get(bytes + 1)
    let at = 0
    // Adjacent ranges are copied at once: [runStart, runEnd) is pending.
    let runStart = -1
    let runEnd = -1
    const flush = (): void => {
      if (runStart === -1) return
      // Buffer#copy costs more than a short run's bytes: those are copied here.
      if (runEnd - runStart > SHORT_COPY)
        at += source.copy(text, at, runStart, runEnd)
      else
        for (let i = runStart; i < runEnd; i++) text[at++] = source[i] as number
      runStart = -1
    }
    let piece = first === 0 ? 0 : (ends[first - 1] as number)
    for (let k = first; k < last; k++) {
      const stop = ends[k] as number
      const from = pieces[piece] as number
      // Two elements one comma apart in the file: the comma is copied with them.
      if (
        k > first &&
        runStart !== -1 &&
        from === runEnd + 1 &&
        source[runEnd] === 0x2c
      )
        runEnd = pieces[piece + 1] as number
      else {
        flush()
        text[at++] = k === first ? 0x5b : 0x2c
        runStart = from
        runEnd = pieces[piece + 1] as number
      }
      for (piece += 2; piece < stop; piece += 2) {
        const next = pieces[piece] as number
        if (next === -1) {
          flush()
          for (let k = 0; k < NULL_BYTES.length; k++)
            text[at++] = NULL_BYTES[k] as number
        } else if (runStart !== -1 && next === runEnd) {
          runEnd = pieces[piece + 1] as number
        } else {
          flush()
          runStart = next
          runEnd = pieces[piece + 1] as number
        }
      }
    }
    flush()
    text[at++] = 0x5d
    const start = first === 0 ? 0 : (ends[first - 1] as number)
    let parsed: unknown
    try {
      parsed = this.parseText(text, at, pieces[start] as number)
    } catch (error) {
      if (!(error instanceof JsonScanError)) throw error
      // Named by the element that fails, not by the part's first one.
      if (last - first > 1)
        for (let k = first; k < last; k++)
          this.parsePart(list, k, k + 1, (list.sizes[k] as number) + 1)
      // One element: where in the file its text stops being JSON.
      throw this.problemIn(list, first, text.toString('utf8', 0, at))
    }
    if (!Array.isArray(parsed) || parsed.length !== last - first)
      throw new JsonScanError(
        'invalid',
        pieces[start] as number,
        'invalid JSON in the value that starts there'
      )
    return parsed
  }

  /**
   * Where the text of element `k` (assembled as `[element]`, which
   * JSON.parse refused) stops being JSON, as a byte of the document: its
   * pieces are the document's bytes, but for left-out values read as null.
   */
  private problemIn(list: ElementList, k: number, text: string): JsonScanError {
    const { pieces, ends } = list
    const problem = findJsonProblem(text)
    const wanted = Buffer.byteLength(text.slice(0, problem.offset))
    let piece = k === 0 ? 0 : (ends[k - 1] as number)
    const stop = ends[k] as number
    const elementStart = pieces[piece] as number
    // Byte 0 of the text is the `[` that opens the part.
    let at = 1
    for (; piece < stop; piece += 2) {
      const from = pieces[piece] as number
      const length =
        from === -1 ? NULL_BYTES.length : (pieces[piece + 1] as number) - from
      if (wanted < at + length) {
        const offset = from === -1 ? elementStart : from + wanted - at
        return new JsonScanError(
          'invalid',
          Math.max(offset, elementStart),
          problem.what
        )
      }
      at += length
    }
    // Past the element (its closing bracket): name the element's start.
    return new JsonScanError('invalid', elementStart, problem.what)
  }

  parseRange(start: number, end: number): unknown {
    if (end - start > this.options.maxTextBytes) {
      throw new PlanParseError(
        this.source,
        `each value outside the long arrays of a plan at most ${sizeOf(this.options.maxTextBytes)}`,
        `a value of ${sizeOf(end - start)} at byte ${start}`,
        'plangate reads plans larger than that only when their size is in resource_changes, resource_drift and the state sections'
      )
    }
    return this.parseText(this.bytes.subarray(start, end), end - start, start)
  }

  /** JSON.parse of the first `length` bytes of `text`; errors name `offset`, a byte of the document. */
  private parseText(text: Buffer, length: number, offset: number): unknown {
    if (length > this.options.maxTextBytes) {
      throw new PlanParseError(
        this.source,
        `each element of resource_changes and resource_drift at most ${sizeOf(this.options.maxTextBytes)}`,
        `an element of ${sizeOf(length)} at byte ${offset}`
      )
    }
    try {
      return JSON.parse(text.toString('utf8', 0, length)) as unknown
    } catch (error) {
      // Never passed on: Node 20's JSON.parse message quotes the input.
      throw new JsonScanError(
        'invalid',
        offset,
        'invalid JSON in the value that starts there',
        { cause: error instanceof Error ? error.name : 'unknown' }
      )
    }
  }

  /**
   * Parses the state sections' resources that readTerraformPlan reads:
   * with resource_changes present, only data sources (null stands for a
   * skipped one, so lengths hold); without it, all of them.
   */
  fillResources(dataOnly: boolean): void {
    for (const { list, slots } of this.pending) {
      for (const slot of slots) {
        list.push(
          dataOnly && !slot.data ? null : this.parseRange(slot.start, slot.end)
        )
      }
    }
    this.pending.length = 0
  }

  // The StateWalk of a whole plan's bytes.
  byteAt(at: number): number {
    return this.bytes[at] ?? -1
  }

  object(at: number, depth: number, onEntry: OnEntry): number {
    return scanObject(this.scan, at, depth, onEntry)
  }

  array(
    at: number,
    depth: number,
    onElement: (at: number) => number | undefined
  ): number {
    return scanArray(this.scan, at, depth, onElement)
  }

  skip(at: number, depth: number): number {
    return skipValue(this.scan, at, depth)
  }

  parse(at: number, depth: number): Reduced {
    const end = skipValue(this.scan, at, depth)
    return { end, value: this.parseValue(at, end) }
  }

  /** The resources are listed for fillResources, which parses those readTerraformPlan reads. */
  resources(start: number, depth: number): Reduced {
    const list: unknown[] = []
    const slots: ResourceSlot[] = []
    this.pending.push({ list, slots })
    const end = this.resourceSlots(start, depth, (slot) => slots.push(slot))
    return { end, value: list }
  }

  /**
   * Tells `onSlot` where each resource of the state array at `start` lies
   * and whether it is parsed whole (see ResourceSlot). Returns the index
   * past the array.
   */
  resourceSlots(
    start: number,
    depth: number,
    onSlot: (slot: ResourceSlot) => void
  ): number {
    return scanResources(
      this.scan,
      start,
      depth,
      (at, end, modeStart, modeEnd, flags) => {
        const mode = flags & RESOURCE_MODE
        onSlot({
          start: at,
          end,
          data:
            (flags & RESOURCE_DEPENDS_ON) !== 0 ||
            mode === RESOURCE_DATA ||
            (mode === RESOURCE_OTHER && this.isDataMode(modeStart, modeEnd))
        })
      },
      (at) => this.resourceSlot(at, depth + 1, onSlot)
    )
  }

  /**
   * Whether the state resource object in [start, end), at `depth`, has a
   * `sensitive_values` that may mark something (holds `true`; the last
   * one counts, as in JSON.parse).
   */
  marksSensitive(start: number, end: number, depth: number): boolean {
    if (
      this.bytes[start] !== 0x7b ||
      !bytesInclude(this.bytes, start, end, TRUE_TEXT)
    )
      return false
    let marks = false
    scanObject(this.scan, start, depth, (key, at) => {
      if (key !== 'sensitive_values') return undefined
      const valueEnd = skipValue(this.scan, at, depth + 1)
      marks = bytesInclude(this.bytes, at, valueEnd, TRUE_TEXT)
      return valueEnd
    })
    return marks
  }

  /** Whether the `mode` value in [start, end) is "data": written so by Terraform, any other string parsed. */
  private isDataMode(start: number, end: number): boolean {
    return (
      bytesEqual(this.bytes, start, end, DATA_MODE) ||
      (this.bytes[start] === 0x22 &&
        !bytesEqual(this.bytes, start, end, MANAGED_MODE) &&
        this.parseRange(start, end) === 'data')
    )
  }

  /** Records where a resource lies and whether it has `"mode": "data"` (the last `mode`, as JSON.parse). */
  private resourceSlot(
    start: number,
    depth: number,
    onSlot: (slot: ResourceSlot) => void
  ): number {
    if (this.bytes[start] !== 0x7b) {
      const end = skipValue(this.scan, start, depth)
      onSlot({ start, end, data: false })
      return end
    }
    let data = false
    let dependsOn = false
    const end = scanObject(this.scan, start, depth, (key, at) => {
      // The prior state's recorded `depends_on` feeds the blast radius.
      if (key === 'depends_on') dependsOn = true
      if (key !== 'mode') return undefined
      const modeEnd = skipValue(this.scan, at, depth + 1)
      data = this.isDataMode(at, modeEnd)
      return modeEnd
    })
    onSlot({ start, end, data: data || dependsOn })
    return end
  }
}

/** The index of the element that holds byte `offset` (the last one starting at or before it). */
function indexAt(list: ElementList, offset: number): number | undefined {
  let low = 0
  let high = list.sizes.length - 1
  let found: number | undefined
  while (low <= high) {
    const mid = (low + high) >>> 1
    const start = list.pieces[
      mid === 0 ? 0 : (list.ends[mid - 1] as number)
    ] as number
    if (start <= offset) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

/**
 * A problem found when normalisation reaches a change: its line and
 * column (counted in the bytes), never the text, which may hold a secret.
 */
function lateProblem(
  source: string,
  bytes: Buffer,
  error: JsonScanError,
  index: number | undefined
): PlanParseError {
  let line = 1
  let lineStart = 0
  for (
    let at = bytes.indexOf(0x0a);
    at !== -1 && at < error.offset;
    at = bytes.indexOf(0x0a, at + 1)
  ) {
    line++
    lineStart = at + 1
  }
  return new PlanParseError(
    source,
    'a JSON plan',
    `invalid JSON in the resource change${index === undefined ? '' : ` resource_changes[${index}]`} at line ${line}, column ${error.offset - lineStart + 1} (${error.what})`,
    undefined,
    { cause: error }
  )
}

export function scanProblem(
  source: string,
  error: JsonScanError
): PlanParseError {
  const found =
    error.kind === 'truncated'
      ? `JSON that ends early at byte ${error.offset} (the file looks truncated)`
      : error.kind === 'deep'
        ? `JSON nested deeper than the limit at byte ${error.offset}`
        : `invalid JSON at byte ${error.offset} (${error.what})`
  return new PlanParseError(
    source,
    error.kind === 'deep'
      ? `JSON nested at most ${MAX_NESTING} levels deep`
      : 'a JSON plan',
    found,
    error.kind === 'deep'
      ? 'plangate refuses deeper input (real plans nest under 30 levels)'
      : undefined,
    { cause: error }
  )
}

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${bytes} bytes`
    : `${Math.round(bytes / 1024 / 1024)} MiB`
}
