/**
 * Buffers for plan files whose arrays and objects json-bytes.ts can skip
 * with the WebAssembly SIMD kernel of json-skip.wat (several times faster
 * than its JavaScript loop). The kernel reads the memory it runs in, so a
 * plan is read straight into a WebAssembly memory of its own, with no copy.
 */
import { JSON_SKIP_WASM } from './json-skip-wasm.js'

/**
 * The kernel's bracket stack (one byte a level), the first bytes of a plan
 * buffer's memory.
 */
export const SKIP_STACK_BYTES = 4096

/**
 * Object walks of the kernel that can be under way at once (a walk's
 * callbacks start walks of their own): each has an area of WALK_AREA_BYTES
 * after the stack, where the kernel writes the entries it found.
 */
export const WALK_LEVELS = 16

/** 16 bytes of status, then records: 50 of 20 bytes (`entries`, `resources`) or 15 of 64 (`changes`); see the .wat. */
export const WALK_AREA_BYTES = 1024

/** The address of the kernel's key table (see `intern` in the .wat), after the walk areas. */
export const KEY_TABLE_AT = SKIP_STACK_BYTES + WALK_LEVELS * WALK_AREA_BYTES

/** Slots of the key table, 64 bytes each. */
export const KEY_TABLE_SLOTS = 1024

/** Bytes before a plan buffer's data: a multiple of 64, so that the data starts a block. */
const HEADER_BYTES = KEY_TABLE_AT + KEY_TABLE_SLOTS * 64

/** Zeros after the data: a 64-byte block load may read 63 bytes past it. */
const SLACK_BYTES = 64

const PAGE_BYTES = 65536

/**
 * The largest plan buffer backed by WebAssembly: the kernel returns a
 * container's length as a signed 32-bit integer.
 */
const MAX_KERNEL_BYTES = 2 ** 31 - 1

/** The exports of json-skip.wat (codes in the .wat). */
interface SkipExports {
  /** The length of the container at `start`, or a negative code. */
  readonly skip: (
    start: number,
    end: number,
    depth: number,
    limit: number
  ) => number
  /** The address of the bracket behind the last -3 or -4. */
  readonly errorAt: () => number
  /**
   * Walks an object's entries into the walk area at address `out`;
   * returns how many it wrote (the status is the area's first word).
   */
  readonly entries: (
    base: number,
    at: number,
    size: number,
    depth: number,
    limit: number,
    out: number,
    first: number,
    budget: number,
    keys: number
  ) => number
  /** Walks the resources of a state module (records of 5 words). */
  readonly resources: ArrayWalk
  /** Walks the changes of `resource_changes` (records of 16 words). */
  readonly changes: ArrayWalk
}

/**
 * An array walk of the kernel: at most `max` records of the array's
 * elements into the walk area at address `out`; returns how many it wrote
 * (the status is the area's first word, see the .wat).
 */
type ArrayWalk = (
  base: number,
  at: number,
  size: number,
  depth: number,
  limit: number,
  out: number,
  first: number,
  max: number
) => number

/** The kernel of a plan buffer: its exports, its walk areas and the text of its table's keys. */
export interface SkipKernel extends SkipExports {
  /** WALK_LEVELS areas of WALK_AREA_BYTES, the first at address SKIP_STACK_BYTES. */
  readonly walkWords: Int32Array
  /** The key in each slot of the key table, decoded when the kernel puts it there. */
  readonly keyTexts: string[]
}

/**
 * The part of WebAssembly's JavaScript API used here: the project's libs
 * (ES2023 and @types/node 20) do not declare it. The global is missing
 * under `node --jitless`: using it then throws, and planBuffer falls back.
 */
type WasmModule = object
interface WasmMemory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}
declare const WebAssembly: {
  readonly Module: new (bytes: Uint8Array) => WasmModule
  readonly Memory: new (descriptor: {
    readonly initial: number
    readonly maximum: number
  }) => WasmMemory
  readonly Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>
  ) => { readonly exports: unknown }
}

const kernels = new WeakMap<ArrayBufferLike, SkipKernel>()

/** The compiled module; null when this runtime cannot compile it (no WebAssembly, or no SIMD). */
let compiled: WasmModule | null | undefined

/** Set by tests to have planBuffer fall back as if WebAssembly were missing. */
let forcedFallback = false

function skipModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(JSON_SKIP_WASM, 'base64'))
    } catch {
      compiled = null
    }
  }
  return compiled
}

function isKernel(value: unknown): value is SkipExports {
  return (
    typeof value === 'object' &&
    value !== null &&
    'skip' in value &&
    typeof value.skip === 'function' &&
    'errorAt' in value &&
    typeof value.errorAt === 'function' &&
    'entries' in value &&
    typeof value.entries === 'function' &&
    'resources' in value &&
    typeof value.resources === 'function' &&
    'changes' in value &&
    typeof value.changes === 'function'
  )
}

/**
 * A Buffer of `size` uninitialised bytes to read a plan into: backed by a
 * WebAssembly memory of its own when the runtime allows, so that scans of
 * it use the SIMD kernel; otherwise a plain Buffer (the JavaScript loop).
 * The memory's pages that nothing writes are never committed.
 */
export function planBuffer(size: number): Buffer {
  const module = forcedFallback ? null : skipModule()
  if (module === null || size > MAX_KERNEL_BYTES)
    return Buffer.allocUnsafe(size)
  const pages = pagesFor(size)
  try {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages })
    return withKernelOn(module, memory, size) ?? Buffer.allocUnsafe(size)
  } catch {
    // Out of address space or memory: the JavaScript loop reads it.
    return Buffer.allocUnsafe(size)
  }
}

/**
 * A plan buffer of what `read` gives when its size is not known beforehand
 * (a pipe, standard input): `read(view)` puts bytes at the start of the
 * view and says how many, 0 at the end. Stops after `maxBytes + 1` bytes,
 * so that the caller sees a plan over its limit. The WebAssembly memory
 * grows in place as the data comes: reading into chunks and joining them
 * held a plan twice. Without the kernel, the chunks are joined.
 */
export function planBufferFrom(
  read: (into: Uint8Array) => number,
  maxBytes: number
): Buffer {
  const wanted = maxBytes + 1
  const module = forcedFallback ? null : skipModule()
  let memory: WasmMemory | undefined
  if (module !== null && wanted <= MAX_KERNEL_BYTES) {
    try {
      memory = new WebAssembly.Memory({
        initial: pagesFor(Math.min(FIRST_READ_BYTES, wanted)),
        maximum: pagesFor(wanted)
      })
    } catch {
      memory = undefined
    }
  }
  if (module === null || memory === undefined) return joinedReads(read, wanted)
  let filled = 0
  let room = Math.min(
    wanted,
    memory.buffer.byteLength - HEADER_BYTES - SLACK_BYTES
  )
  for (;;) {
    if (filled === room) {
      if (filled === wanted) break
      // Doubled, up to the maximum (V8 reserves it on 64-bit hosts: nothing is copied).
      const pages = memory.buffer.byteLength / PAGE_BYTES
      try {
        memory.grow(Math.min(pages, pagesFor(wanted) - pages))
      } catch {
        // Out of memory to grow into: the rest in chunks, joined.
        const head = Buffer.from(memory.buffer, HEADER_BYTES, filled)
        return Buffer.concat([head, joinedReads(read, wanted - filled)])
      }
      room = Math.min(
        wanted,
        memory.buffer.byteLength - HEADER_BYTES - SLACK_BYTES
      )
    }
    const count = read(
      new Uint8Array(memory.buffer, HEADER_BYTES + filled, room - filled)
    )
    if (count === 0) break
    filled += count
  }
  let bytes: Buffer | undefined
  try {
    bytes = withKernelOn(module, memory, filled)
  } catch {
    bytes = undefined
  }
  // Read whole either way: without the kernel, the JavaScript loop scans it.
  return bytes ?? Buffer.from(memory.buffer, HEADER_BYTES, filled)
}

/** What the first read of planBufferFrom has room for; the memory doubles after. */
const FIRST_READ_BYTES = 1 << 20

/**
 * What `read` gives, in chunks of FIRST_READ_BYTES filled one after the
 * other and joined (planBufferFrom without the kernel). A pipe hands on
 * 64 KiB at a time: a chunk per read would keep 1 MiB for each.
 */
function joinedReads(
  read: (into: Uint8Array) => number,
  wanted: number
): Buffer {
  const chunks: Buffer[] = []
  let chunk = Buffer.allocUnsafe(0)
  let used = 0
  let filled = 0
  while (filled < wanted) {
    if (used === chunk.length) {
      if (used > 0) chunks.push(chunk)
      chunk = Buffer.allocUnsafe(Math.min(FIRST_READ_BYTES, wanted - filled))
      used = 0
    }
    const count = read(chunk.subarray(used))
    if (count === 0) break
    used += count
    filled += count
  }
  chunks.push(chunk.subarray(0, used))
  return Buffer.concat(chunks, filled)
}

/** Pages of a memory that holds the header, `size` bytes of data and the slack. */
function pagesFor(size: number): number {
  return Math.ceil((HEADER_BYTES + size + SLACK_BYTES) / PAGE_BYTES)
}

/**
 * The first `size` bytes of data in `memory`, with the kernel instantiated
 * on it; undefined when the module does not export a kernel. The memory
 * must not grow after (growing detaches the Buffer and the words).
 */
function withKernelOn(
  module: WasmModule,
  memory: WasmMemory,
  size: number
): Buffer | undefined {
  const exports = new WebAssembly.Instance(module, { plangate: { memory } })
    .exports
  if (!isKernel(exports)) return undefined
  kernels.set(memory.buffer, {
    skip: exports.skip,
    errorAt: exports.errorAt,
    entries: exports.entries,
    resources: exports.resources,
    changes: exports.changes,
    walkWords: new Int32Array(
      memory.buffer,
      SKIP_STACK_BYTES,
      (WALK_LEVELS * WALK_AREA_BYTES) / 4
    ),
    keyTexts: new Array<string>(KEY_TABLE_SLOTS).fill('')
  })
  return Buffer.from(memory.buffer, HEADER_BYTES, size)
}

/** The kernel for a buffer that planBuffer made (or a view of one). */
export function skipKernelOf(bytes: Uint8Array): SkipKernel | undefined {
  return kernels.get(bytes.buffer)
}

/** For tests: planBuffer returns plain Buffers while `on` is true. */
export function forcePlanBufferFallback(on: boolean): void {
  forcedFallback = on
}
