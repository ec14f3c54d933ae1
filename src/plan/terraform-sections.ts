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
import { readTerraformPlan } from './terraform.js'
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
const READ_SECTIONS = new Set([
  'format_version',
  'terraform_version',
  'resource_changes',
  'resource_drift',
  'output_changes',
  'checks',
  'applyable',
  'complete',
  'errored',
  'deferred_changes',
  'relevant_attributes',
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
  let sections: Map<string, number>
  try {
    sections = findSections(scan)
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    // The general reader explains the problem with a line and column.
    if (bytes.length <= options.maxTextBytes) return undefined
    throw scanProblem(source, error)
  }
  if (!looksLikePlanKeys(sections, reader)) return undefined
  const dataOnly = sections.has('resource_changes')
  const doc: Record<string, unknown> = {}
  try {
    for (const [key, start] of sections) {
      let value: unknown
      if (READ_SECTIONS.has(key)) value = reader.parseValue(start, 1)
      else if (STATE_SECTIONS.has(key))
        value = reader.slimState(start, key === 'prior_state', dataOnly)
      else continue
      Object.defineProperty(doc, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    throw scanProblem(source, error)
  }
  return readTerraformPlan(doc, source)
}

/** Offsets of the values of the root object's keys (the last of duplicates, as JSON.parse). */
function findSections(scan: ByteScan): Map<string, number> {
  const { bytes } = scan
  let start = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  start = skipSpace(bytes, start)
  const sections = new Map<string, number>()
  if (bytes[start] !== 0x7b)
    throw new JsonScanError('invalid', start, 'expected an object')
  const end = scanObject(scan, start, 0, (key, valueStart) => {
    sections.delete(key)
    sections.set(key, valueStart)
    return undefined
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
  sections: ReadonlyMap<string, number>,
  reader: SectionReader
): boolean {
  const version = sections.get('format_version')
  if (version === undefined || reader.bytes[version] !== 0x22) return false
  return (
    sections.has('planned_values') ||
    sections.has('resource_changes') ||
    sections.has('output_changes') ||
    (sections.has('configuration') && !sections.has('values'))
  )
}

class SectionReader {
  readonly bytes: Buffer
  constructor(
    private readonly scan: ByteScan,
    private readonly source: string,
    private readonly options: SectionOptions
  ) {
    this.bytes = scan.bytes
  }

  /** The value at `start`, parsed whole or (long arrays) element by element. */
  parseValue(start: number, depth: number): unknown {
    const end = skipValue(this.scan, start, depth)
    const length = end - start
    const elementwise =
      this.options.elementwiseBytes ??
      Math.min(ELEMENTWISE_BYTES, this.options.maxTextBytes)
    if (this.bytes[start] === 0x5b && length > elementwise) {
      const items: unknown[] = []
      scanArray(this.scan, start, depth, (at) => {
        const itemEnd = skipValue(this.scan, at, depth + 1)
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
    return JSON.parse(this.bytes.toString('utf8', start, end)) as unknown
  }

  /**
   * `prior_state` or `planned_values` with only what readTerraformPlan
   * reads from it: outputs, and modules whose resources are kept only when
   * they are data sources (null stands for a skipped one, so lengths hold).
   */
  slimState(start: number, nested: boolean, dataOnly: boolean): unknown {
    if (this.bytes[start] !== 0x7b) return null
    if (!nested) return this.slimValues(start, 1, dataOnly)
    const state: Record<string, unknown> = {}
    scanObject(this.scan, start, 1, (key, at) => {
      if (key !== 'values') return undefined
      state.values =
        this.bytes[at] === 0x7b ? this.slimValues(at, 2, dataOnly) : null
      return skipValue(this.scan, at, 2)
    })
    return state
  }

  private slimValues(start: number, depth: number, dataOnly: boolean): unknown {
    const values: Record<string, unknown> = {}
    scanObject(this.scan, start, depth, (key, at) => {
      if (key === 'outputs') {
        values.outputs = this.parseValue(at, depth + 1)
      } else if (key === 'root_module') {
        values.root_module =
          this.bytes[at] === 0x7b
            ? this.slimModule(at, depth + 1, dataOnly)
            : null
      } else return undefined
      return skipValue(this.scan, at, depth + 1)
    })
    return values
  }

  private slimModule(start: number, depth: number, dataOnly: boolean): unknown {
    const module: Record<string, unknown> = {}
    scanObject(this.scan, start, depth, (key, at) => {
      if (key === 'resources') {
        module.resources = this.slimResources(at, depth + 1, dataOnly)
      } else if (key === 'child_modules') {
        if (this.bytes[at] !== 0x5b) {
          module.child_modules = null
          return undefined
        }
        const children: unknown[] = []
        const end = scanArray(this.scan, at, depth + 1, (child) => {
          if (this.bytes[child] !== 0x7b) {
            children.push(null)
            return undefined
          }
          children.push(this.slimModule(child, depth + 2, dataOnly))
          return skipValue(this.scan, child, depth + 2)
        })
        module.child_modules = children
        return end
      } else return undefined
      return skipValue(this.scan, at, depth + 1)
    })
    return module
  }

  private slimResources(
    start: number,
    depth: number,
    dataOnly: boolean
  ): unknown {
    if (this.bytes[start] !== 0x5b) return null
    if (!dataOnly) return this.parseValue(start, depth)
    const resources: unknown[] = []
    scanArray(this.scan, start, depth, (at) => {
      const end = skipValue(this.scan, at, depth + 1)
      resources.push(
        this.isDataSource(at, depth + 1) ? this.parseRange(at, end) : null
      )
      return end
    })
    return resources
  }

  /** True when the object at `start` has `"mode": "data"` (the last `mode`, as JSON.parse). */
  private isDataSource(start: number, depth: number): boolean {
    if (this.bytes[start] !== 0x7b) return false
    let data = false
    scanObject(this.scan, start, depth, (key, at) => {
      if (key !== 'mode') return undefined
      const end = skipValue(this.scan, at, depth + 1)
      data = this.bytes[at] === 0x22 && this.parseRange(at, end) === 'data'
      return end
    })
    return data
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
