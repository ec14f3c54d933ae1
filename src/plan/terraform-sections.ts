import { PlanParseError } from './errors.js'
import { MAX_NESTING } from './json-text.js'
import {
  JsonScanError,
  scanArray,
  scanObject,
  skipSpace,
  skipValue
} from './json-bytes.js'
import type { ByteScan } from './json-bytes.js'
import { KEPT_SECTIONS, readTerraformPlan } from './terraform.js'
import type { TerraformInput } from './terraform.js'

/** Options of the sectioned reader; the defaults suit every real plan. */
export interface SectionOptions {
  /**
   * The longest text handed to JSON.parse at once (V8's longest string is
   * about 512 MiB). Arrays longer than this are parsed element by element;
   * tests lower it to reach that path with small plans.
   */
  readonly maxTextBytes: number
  /** Arrays at least this long are parsed element by element. */
  readonly elementwiseBytes?: number
  readonly nestingLimit?: number
}

/**
 * Arrays over this many bytes are parsed an element at a time: one
 * JSON.parse of a long array costs a transient string as long as the array.
 */
const ELEMENTWISE_BYTES = 64 * 1024 * 1024

/** Top-level keys whose value readTerraformPlan reads; every other section is skipped unparsed. */
/** What readTerraformPlan reads besides the state sections: what it keeps, and what it reads once. */
const READ_SECTIONS = new Set<string>([
  ...KEPT_SECTIONS,
  'configuration',
  'variables'
])

/** State sections: only outputs, data sources and the shape of their modules are read. */
const STATE_SECTIONS = new Set(['prior_state', 'planned_values'])

/**
 * Reads a Terraform/OpenTofu JSON plan from its bytes into the same input
 * as `readTerraformPlan(JSON.parse(text))`, parsing only what the review
 * needs: `prior_state` and `planned_values` (most of a plan, repeating
 * `resource_changes`) are scanned, not built, except their outputs and data
 * sources. Works on documents longer than V8's longest string. Returns
 * undefined when the bytes are not a well-formed JSON object with the keys
 * of a plan, so the caller can fall back to the general reader (which
 * explains any problem).
 */
export function readTerraformPlanBytes(
  bytes: Buffer,
  source: string,
  options: SectionOptions
): TerraformInput | undefined {
  const scan: ByteScan = {
    bytes,
    limit: options.nestingLimit ?? MAX_NESTING
  }
  const reader = new SectionReader(scan, source, options)
  let sections: Map<string, Section> | undefined
  try {
    sections = findSections(scan, reader)
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    // The general reader explains the problem with a line and column.
    if (bytes.length <= options.maxTextBytes) return undefined
    throw scanProblem(source, error)
  }
  if (sections === undefined || !looksLikePlanKeys(sections, bytes))
    return undefined
  const doc: Record<string, unknown> = {}
  try {
    reader.fillResources(sections.has('resource_changes'))
    for (const [key, section] of sections) {
      if (!READ_SECTIONS.has(key) && !STATE_SECTIONS.has(key)) continue
      Object.defineProperty(doc, key, {
        value:
          section.value ??
          reader.parseValue(section.start, section.end, section.bounds),
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    if (bytes.length <= options.maxTextBytes) return undefined
    throw scanProblem(source, error)
  }
  return readTerraformPlan(doc, source)
}

/** Where a top-level value lies, and the state sections already reduced. */
interface Section {
  readonly start: number
  readonly end: number
  readonly value?: unknown
  /** Start and end of each element, for the long arrays. */
  readonly bounds?: readonly number[]
}

/** Arrays that grow with the plan: their elements are located in the first pass. */
const ELEMENT_SECTIONS = new Set(['resource_changes', 'resource_drift'])

/**
 * The root object's sections (the last of duplicates, as JSON.parse), or
 * undefined when the document is not an object. One pass over the bytes:
 * state sections are reduced as they are scanned.
 */
function findSections(
  scan: ByteScan,
  reader: SectionReader
): Map<string, Section> | undefined {
  const { bytes } = scan
  let start = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  start = skipSpace(bytes, start)
  const sections = new Map<string, Section>()
  // Not an object: not a plan this reader knows (nor JSON it can explain).
  if (bytes[start] !== 0x7b) return undefined
  const end = scanObject(scan, start, 0, (key, valueStart) => {
    sections.delete(key)
    if (STATE_SECTIONS.has(key)) {
      const state = reader.slimState(valueStart, key === 'prior_state')
      sections.set(key, { start: valueStart, ...state })
      return state.end
    }
    if (ELEMENT_SECTIONS.has(key) && bytes[valueStart] === 0x5b) {
      // Element bounds are noted in this pass: a long array is not scanned twice.
      const bounds: number[] = []
      const valueEnd = scanArray(scan, valueStart, 1, (at) => {
        const itemEnd = skipValue(scan, at, 2)
        bounds.push(at, itemEnd)
        return itemEnd
      })
      sections.set(key, { start: valueStart, end: valueEnd, bounds })
      return valueEnd
    }
    const valueEnd = skipValue(scan, valueStart, 1)
    sections.set(key, { start: valueStart, end: valueEnd })
    return valueEnd
  })
  const rest = skipSpace(bytes, end)
  if (rest < bytes.length)
    throw new JsonScanError(
      'invalid',
      rest,
      'unexpected character after the end of the JSON value'
    )
  return sections
}

/** The test of looksLikeTerraformPlan, on the keys and the version alone. */
function looksLikePlanKeys(
  sections: ReadonlyMap<string, Section>,
  bytes: Buffer
): boolean {
  const version = sections.get('format_version')
  if (version === undefined || bytes[version.start] !== 0x22) return false
  return (
    sections.has('planned_values') ||
    sections.has('resource_changes') ||
    sections.has('output_changes') ||
    (sections.has('configuration') && !sections.has('values'))
  )
}

/** A resource of a state section, parsed once it is known to be needed. */
interface ResourceSlot {
  readonly start: number
  readonly end: number
  /** A data source, or a resource whose `depends_on` the blast radius reads: parsed whole. */
  readonly data: boolean
}

class SectionReader {
  readonly bytes: Buffer
  /** Resource lists of the state sections, filled by fillResources. */
  private readonly pending: { list: unknown[]; slots: ResourceSlot[] }[] = []
  constructor(
    private readonly scan: ByteScan,
    private readonly source: string,
    private readonly options: SectionOptions
  ) {
    this.bytes = scan.bytes
  }

  /** The value in [start, end), parsed whole or (long arrays) element by element. */
  parseValue(start: number, end: number, bounds?: readonly number[]): unknown {
    const elementwise =
      this.options.elementwiseBytes ??
      Math.min(ELEMENTWISE_BYTES, this.options.maxTextBytes)
    if (this.bytes[start] === 0x5b && end - start > elementwise) {
      const items: unknown[] = []
      if (bounds !== undefined) {
        for (let k = 0; k < bounds.length; k += 2)
          items.push(
            this.parseRange(bounds[k] as number, bounds[k + 1] as number)
          )
        return items
      }
      scanArray(this.scan, start, 1, (at) => {
        const itemEnd = skipValue(this.scan, at, 2)
        items.push(this.parseRange(at, itemEnd))
        return itemEnd
      })
      return items
    }
    return this.parseRange(start, end)
  }

  private parseRange(start: number, end: number): unknown {
    if (end - start > this.options.maxTextBytes) {
      throw new PlanParseError(
        this.source,
        `each value outside the long arrays of a plan at most ${sizeOf(this.options.maxTextBytes)}`,
        `a value of ${sizeOf(end - start)} at byte ${start}`,
        'plangate reads plans larger than that only when their size is in resource_changes, resource_drift and the state sections'
      )
    }
    try {
      return JSON.parse(this.bytes.toString('utf8', start, end)) as unknown
    } catch (error) {
      // Never passed on: Node 20's JSON.parse message quotes the input.
      throw new JsonScanError(
        'invalid',
        start,
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

  /**
   * `prior_state` or `planned_values` with only what readTerraformPlan
   * reads from it: outputs, and modules whose resources are listed for
   * fillResources.
   */
  slimState(start: number, nested: boolean): { end: number; value: unknown } {
    if (this.bytes[start] !== 0x7b)
      return { end: skipValue(this.scan, start, 1), value: null }
    if (!nested) return this.slimValues(start, 1)
    const state: Record<string, unknown> = {}
    const end = scanObject(this.scan, start, 1, (key, at) => {
      if (key !== 'values') return undefined
      const values = this.slimValues(at, 2)
      state.values = values.value
      return values.end
    })
    return { end, value: state }
  }

  private slimValues(
    start: number,
    depth: number
  ): { end: number; value: unknown } {
    if (this.bytes[start] !== 0x7b)
      return { end: skipValue(this.scan, start, depth), value: null }
    const values: Record<string, unknown> = {}
    const end = scanObject(this.scan, start, depth, (key, at) => {
      if (key === 'outputs') {
        const outputsEnd = skipValue(this.scan, at, depth + 1)
        values.outputs = this.parseValue(at, outputsEnd)
        return outputsEnd
      }
      if (key === 'root_module') {
        const module = this.slimModule(at, depth + 1)
        values.root_module = module.value
        return module.end
      }
      return undefined
    })
    return { end, value: values }
  }

  private slimModule(
    start: number,
    depth: number
  ): { end: number; value: unknown } {
    if (this.bytes[start] !== 0x7b)
      return { end: skipValue(this.scan, start, depth), value: null }
    const module: Record<string, unknown> = {}
    const end = scanObject(this.scan, start, depth, (key, at) => {
      if (key === 'resources') {
        const resources = this.slimResources(at, depth + 1)
        module.resources = resources.value
        return resources.end
      }
      if (key !== 'child_modules') return undefined
      if (this.bytes[at] !== 0x5b) {
        module.child_modules = null
        return undefined
      }
      const children: unknown[] = []
      module.child_modules = children
      return scanArray(this.scan, at, depth + 1, (childAt) => {
        const child = this.slimModule(childAt, depth + 2)
        children.push(child.value)
        return child.end
      })
    })
    return { end, value: module }
  }

  private slimResources(
    start: number,
    depth: number
  ): { end: number; value: unknown } {
    if (this.bytes[start] !== 0x5b)
      return { end: skipValue(this.scan, start, depth), value: null }
    const list: unknown[] = []
    const slots: ResourceSlot[] = []
    this.pending.push({ list, slots })
    const end = scanArray(this.scan, start, depth, (at) =>
      this.resourceSlot(at, depth + 1, slots)
    )
    return { end, value: list }
  }

  /** Records where a resource lies and whether it has `"mode": "data"` (the last `mode`, as JSON.parse). */
  private resourceSlot(
    start: number,
    depth: number,
    slots: ResourceSlot[]
  ): number {
    if (this.bytes[start] !== 0x7b) {
      const end = skipValue(this.scan, start, depth)
      slots.push({ start, end, data: false })
      return end
    }
    let data = false
    let dependsOn = false
    const end = scanObject(this.scan, start, depth, (key, at) => {
      // The prior state's recorded `depends_on` feeds the blast radius.
      if (key === 'depends_on') dependsOn = true
      if (key !== 'mode') return undefined
      const modeEnd = skipValue(this.scan, at, depth + 1)
      data = this.bytes[at] === 0x22 && this.parseRange(at, modeEnd) === 'data'
      return modeEnd
    })
    slots.push({ start, end, data: data || dependsOn })
    return end
  }
}

function scanProblem(source: string, error: JsonScanError): PlanParseError {
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
