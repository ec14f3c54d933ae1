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

/** 16 bytes of status, then 50 entries of 20 bytes (see `entries` in the .wat). */
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
}

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
declare const WebAssembly: {
  readonly Module: new (bytes: Uint8Array) => WasmModule
  readonly Memory: new (descriptor: {
    readonly initial: number
    readonly maximum: number
  }) => { readonly buffer: ArrayBuffer }
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
    typeof value.entries === 'function'
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
  const pages = Math.ceil((HEADER_BYTES + size + SLACK_BYTES) / PAGE_BYTES)
  let memory: { readonly buffer: ArrayBuffer }
  let exports: unknown
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages })
    exports = new WebAssembly.Instance(module, { plangate: { memory } }).exports
  } catch {
    // Out of address space or memory: the JavaScript loop reads it.
    return Buffer.allocUnsafe(size)
  }
  if (!isKernel(exports)) return Buffer.allocUnsafe(size)
  // The memory never grows (growing would detach this Buffer and the words).
  kernels.set(memory.buffer, {
    skip: exports.skip,
    errorAt: exports.errorAt,
    entries: exports.entries,
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
