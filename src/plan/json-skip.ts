/**
 * Buffers for plan files whose arrays and objects json-bytes.ts can skip
 * with the WebAssembly SIMD kernel of json-skip.wat (several times faster
 * than its JavaScript loop). The kernel reads the memory it runs in, so a
 * plan is read straight into a WebAssembly memory of its own, with no copy.
 */
import { JSON_SKIP_WASM } from './json-skip-wasm.js'

/**
 * Bytes before a plan buffer's data: the kernel's bracket stack (one byte
 * a level). A multiple of 64, so that the data starts a block.
 */
export const SKIP_STACK_BYTES = 4096

/** Zeros after the data: a 64-byte block load may read 63 bytes past it. */
const SLACK_BYTES = 64

const PAGE_BYTES = 65536

/**
 * The largest plan buffer backed by WebAssembly: the kernel returns a
 * container's length as a signed 32-bit integer.
 */
const MAX_KERNEL_BYTES = 2 ** 31 - 1

/** The exports of json-skip.wat (codes in the .wat). */
export interface SkipKernel {
  /** The length of the container at `start`, or a negative code. */
  readonly skip: (
    start: number,
    end: number,
    depth: number,
    limit: number
  ) => number
  /** The address of the bracket behind the last -3 or -4. */
  readonly errorAt: () => number
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

function isKernel(value: unknown): value is SkipKernel {
  return (
    typeof value === 'object' &&
    value !== null &&
    'skip' in value &&
    typeof value.skip === 'function' &&
    'errorAt' in value &&
    typeof value.errorAt === 'function'
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
  const pages = Math.ceil((SKIP_STACK_BYTES + size + SLACK_BYTES) / PAGE_BYTES)
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
  // The memory never grows (growing would detach this Buffer).
  kernels.set(memory.buffer, exports)
  return Buffer.from(memory.buffer, SKIP_STACK_BYTES, size)
}

/** The kernel for a buffer that planBuffer made (or a view of one). */
export function skipKernelOf(bytes: Uint8Array): SkipKernel | undefined {
  return kernels.get(bytes.buffer)
}

/** For tests: planBuffer returns plain Buffers while `on` is true. */
export function forcePlanBufferFallback(on: boolean): void {
  forcedFallback = on
}
