import {
  closeSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync
} from 'node:fs'
import { constants as zlibConstants, gunzipSync } from 'node:zlib'
import {
  PlanParseError,
  readPlanDocuments,
  rejectNonJsonHead
} from '../plan/index.js'
import type { InputFormat, PlanInput } from '../plan/index.js'
import { planBuffer, planBufferFrom, skipKernelOf } from '../plan/json-skip.js'
import { readTerraformPlanBytes } from '../plan/terraform-sections.js'
import { readTerraformPlanStream } from '../plan/terraform-stream.js'
import { decodePlanBytes } from './decode-text.js'
import { openGunzipStream } from './gunzip-stream.js'
import { errorCode } from './file-kinds.js'
import {
  MAX_PLAN_BYTES,
  fileError,
  readPlanFile,
  type PlanData,
  type PlanStream,
  type ReadStdin
} from './read-plan.js'

/**
 * The largest plan plangate holds in one buffer, after decompression: V8's
 * longest string, past which only Terraform/OpenTofu plans are read at
 * all. Larger ones are read through a window (readTerraformPlanStream),
 * and the bound is memory for their changes, not the file: measured on a
 * 753 MB plan, the window took 0.4 GB where the whole file in one buffer
 * took 1.0 GB, and less time (docs/benchmarks.md).
 */
export const MAX_BUFFERED_PLAN_BYTES = MAX_PLAN_BYTES

/**
 * The most a pipe, standard input or a gzip plan may give: a regular file
 * tells its size, these do not, and nothing a user names makes plangate
 * read forever. Far past the largest plans seen (7 GB).
 */
export const MAX_STREAMED_BYTES = 64 * 1024 * 1024 * 1024

/** Limits of readPlanInput; tests lower them. */
export interface PlanReadLimits {
  /** Longest text parsed at once (V8's longest string). */
  readonly maxTextBytes: number
  /** Largest plan held in one buffer, decompressed. */
  readonly maxBytes: number
  /** Largest plan read from a pipe, standard input or gzip (default MAX_STREAMED_BYTES). */
  readonly maxStreamedBytes?: number
  /** The first size of the window a plan past maxBytes is read through (default 64 MiB). */
  readonly windowBytes?: number
}

const LIMITS: PlanReadLimits = {
  maxTextBytes: MAX_PLAN_BYTES,
  maxBytes: MAX_BUFFERED_PLAN_BYTES
}

/**
 * Reads and checks one plan file (or standard input for `-`), gzip or not.
 * A Terraform/OpenTofu plan is read from its bytes, parsing only the
 * sections the review needs (faster than a whole JSON.parse, and past
 * V8's longest string); anything else goes to the text reader.
 */
export function readPlanInput(
  ref: { readonly source: string; readonly path: string },
  format: InputFormat,
  readStdin: ReadStdin,
  limits: PlanReadLimits = LIMITS
): PlanInput[] {
  return readPlanData(
    readPlanBytes(ref.path, readStdin, limits),
    ref,
    format,
    {},
    limits
  )
}

/**
 * The plans in a plan file's bytes. With `secretsOnly`, a Terraform plan's
 * changes whose masks mark nothing are left out: what is read serves to
 * collect secrets, not to review.
 */
export function readPlanData(
  data: PlanData,
  ref: { readonly source: string; readonly path: string },
  format: InputFormat,
  options: { readonly secretsOnly?: boolean } = {},
  limits: PlanReadLimits = LIMITS
): PlanInput[] {
  if (!Buffer.isBuffer(data)) {
    if (format !== 'auto' && format !== 'terraform')
      throw tooLarge(ref.path, data.length, limits.maxBytes, {
        hint: `only Terraform/OpenTofu plans are read past ${sizeOf(limits.maxBytes)} (this run reads ${format})`
      })
    const opened = data.open()
    try {
      return readTerraformPlanStream(opened, ref.source, {
        maxTextBytes: limits.maxTextBytes,
        ...(limits.windowBytes === undefined
          ? {}
          : { windowBytes: limits.windowBytes }),
        ...options
      })
    } finally {
      opened.close()
    }
  }
  if (format === 'auto' || format === 'terraform') {
    const inputs = readTerraformPlanBytes(data, ref.source, {
      ...limits,
      ...options
    })
    if (inputs !== undefined) return inputs
  }
  if (data.length > limits.maxTextBytes) {
    throw tooLarge(ref.path, data.length, limits.maxTextBytes, {
      hint: 'only Terraform/OpenTofu plans are read past V8’s longest string'
    })
  }
  // Other formats, other encodings, documents not all Terraform plans, broken JSON.
  return readPlanDocuments(
    { source: ref.source, text: decodePlanBytes(data, ref.path) },
    format
  )
}

/**
 * The bytes of a plan file, decompressed when they are gzip (told by the
 * magic bytes, not the name). The size limit applies to the decompressed
 * data as it is produced, so a gzip bomb is an input error, not an OOM.
 */
export function readPlanBytes(
  path: string,
  readStdin: ReadStdin,
  limits: PlanReadLimits = LIMITS
): PlanData {
  let data: PlanData
  // Its first bytes are checked as a pipe's are (readFileBytes).
  if (path === '-') data = readStdin((head) => rejectNonPlanHead(head, '-'))
  else {
    let size: number
    try {
      const stat = statSync(path)
      size = stat.size
      if (stat.isDirectory()) size = -1
    } catch {
      size = -1
    }
    // The text reader names every file-system problem; let it throw.
    if (size === -1) return Buffer.from(readPlanFile(path, readStdin))
    // Past the longest string only a JSON object (a Terraform plan) or gzip
    // can be read: anything else is refused before hundreds of MB are read.
    if (size > Math.min(limits.maxTextBytes, limits.maxBytes)) {
      const head = readHead(path, HEAD_BYTES)
      const kind = largePlanKind(head)
      if (kind === undefined) {
        // Known not to be a plan (Terragrunt's log, the text of a plan, ...): said so in the reader's words.
        if (head !== undefined) rejectNonPlanHead(head, path)
        throw tooLarge(path, size, limits.maxTextBytes, {
          hint: 'only Terraform/OpenTofu plans (a JSON object, or gzip) are read past V8’s longest string'
        })
      }
      if (size > limits.maxBytes) {
        if (kind === 'gzip') {
          if (head !== undefined) rejectGzipHead(head, path)
          return gzipStream({ path }, path, size, limits)
        }
        return fileStream(path, size)
      }
    }
    data = readFileBytes(path, limits, readStdin)
  }
  // A pipe past one buffer: read through the window as it comes.
  if (!Buffer.isBuffer(data)) return data
  if (data[0] === 0x1f && data[1] === 0x8b) {
    if (!statesLargePlan(data, limits)) {
      try {
        return withKernel(gunzipPlan(data, path, limits))
      } catch (error) {
        if (
          errorCode(error instanceof PlanParseError ? error.cause : error) !==
          'ERR_BUFFER_TOO_LARGE'
        )
          throw error
      }
    } else rejectGzipHead(data, path)
    // Past one buffer: decompressed as it is read, a regular file from the file again.
    return gzipStream(
      path !== '-' && isRegularFile(path) ? { path } : { bytes: data },
      path,
      Math.max(data.length, limits.maxBytes + 1),
      limits
    )
  }
  if (data.length > limits.maxBytes)
    throw tooLarge(path, data.length, limits.maxBytes, { how: 'read' })
  return withKernel(data)
}

/**
 * Bytes that did not come straight from a regular file (decompressed,
 * standard input, a pipe) are copied into a plan buffer up to this size:
 * the SIMD kernel scans them several times faster than the copy costs.
 * Larger ones stay where they are (the JavaScript scanner reads them), so
 * that a copy never doubles a huge plan's peak memory.
 */
const KERNEL_COPY_BYTES = 256 * 1024 * 1024

function withKernel(data: Buffer): Buffer {
  if (data.length > KERNEL_COPY_BYTES || skipKernelOf(data) !== undefined)
    return data
  const copy = planBuffer(data.length)
  data.copy(copy)
  return copy
}

/**
 * A file's bytes as readFileSync reads them, a regular file's straight
 * into a plan buffer (whose containers the SIMD kernel skips) with no copy.
 * A file that cannot be opened gets the text reader's message (which
 * names the path and the reason); one that fails while it is read is
 * named in an input error, and never read a second time (a pipe's bytes
 * would be gone).
 */
function readFileBytes(
  path: string,
  limits: PlanReadLimits,
  readStdin: ReadStdin
): PlanData {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return Buffer.from(readPlanFile(path, readStdin))
  }
  // A pipe past one buffer keeps it open until the stream is closed.
  let close = true
  try {
    const stat = fstatSync(fd)
    // A pipe or a device tells no size: read it to its end, unless its
    // first bytes already say it is no plan (`/dev/urandom`).
    if (!stat.isFile()) {
      const data = readFdPlan(fd, {
        maxBytes: limits.maxBytes,
        maxStreamedBytes: limits.maxStreamedBytes,
        source: path,
        checkHead: (head) => rejectNonPlanHead(head, path),
        close: () => closeSync(fd)
      })
      close = Buffer.isBuffer(data)
      return data
    }
    const data = planBuffer(stat.size)
    let filled = 0
    while (filled < data.length) {
      const read = readSync(fd, data, filled, data.length - filled, filled)
      // Shorter than it was: what is there.
      if (read === 0) return data.subarray(0, filled)
      filled += read
    }
    // Longer than it was: read it again, whole.
    if (readSync(fd, Buffer.alloc(1), 0, 1, filled) !== 0)
      return readFileSync(fd)
    return data
  } catch (error) {
    throw unreadable(error, path)
  } finally {
    if (close) closeSync(fd)
  }
}

/**
 * A regular file past one buffer, read in order from its first byte each
 * time it is opened (a second pass opens it again).
 */
function fileStream(path: string, size: number): PlanStream {
  return {
    kind: 'plan-stream',
    length: size,
    rereadable: true,
    open: () => {
      let fd: number
      try {
        fd = openSync(path, 'r')
      } catch (error) {
        throw fileError(path, error)
      }
      let position = 0
      return {
        read: (into, offset, length) => {
          try {
            const count = readSync(fd, into, offset, length, position)
            position += count
            return count
          } catch (error) {
            throw unreadable(error, path)
          }
        },
        close: () => closeSync(fd)
      }
    }
  }
}

/** How readFdBytes reads; every field has a default. */
export interface FdReadOptions {
  /** Reads stop past this many bytes (default MAX_BUFFERED_PLAN_BYTES). */
  readonly maxBytes?: number
  /** readSync, unless a test gives another. */
  readonly read?: (
    fd: number,
    into: Uint8Array,
    offset: number,
    length: number,
    position: null
  ) => number
  /** The name of the input in errors (default `-`: standard input). */
  readonly source?: string
  /** Sees the first HEAD_BYTES once they are in, and may throw to stop the reading there. */
  readonly checkHead?: ((head: Buffer) => void) | undefined
}

/**
 * All of what an open file descriptor gives (standard input, a pipe, a
 * device), read into a plan buffer that grows as the data comes: no chunks
 * joined at the end (readFileSync's way, which held a 700 MB plan twice).
 * Reads stop past `maxBytes`, so that the caller refuses a plan over the
 * limit without reading all of it. A descriptor left non-blocking by
 * whoever started plangate is waited on, not taken for its end; Windows'
 * `EOF` error at the end of a pipe is its end.
 */
export function readFdBytes(
  fd: number,
  {
    maxBytes = MAX_BUFFERED_PLAN_BYTES,
    read = readSync,
    source = '-',
    checkHead
  }: FdReadOptions = {}
): Buffer {
  return planBufferFrom(fdReader(fd, read, source, checkHead), maxBytes)
}

/**
 * What readFdBytes reads with: all it can of `into`, waiting when the
 * descriptor is non-blocking and has nothing yet; 0 at the end.
 */
function fdReader(
  fd: number,
  read: NonNullable<FdReadOptions['read']>,
  source: string,
  checkHead: FdReadOptions['checkHead']
): (into: Uint8Array) => number {
  let waited = 0
  // The first HEAD_BYTES read, for checkHead, which sees them once.
  let head = checkHead === undefined ? undefined : Buffer.alloc(HEAD_BYTES)
  let headFilled = 0
  return (into) => {
    for (;;) {
      try {
        const count = read(fd, into, 0, into.length, null)
        waited = 0
        if (head !== undefined && count > 0) {
          const taken = Math.min(count, HEAD_BYTES - headFilled)
          head.set(into.subarray(0, taken), headFilled)
          headFilled += taken
          if (headFilled === HEAD_BYTES) {
            const full = head
            head = undefined
            checkHead?.(full)
          }
        }
        return count
      } catch (error) {
        if (isErrorCode(error, 'EOF')) return 0
        if (!isErrorCode(error, 'EAGAIN')) throw unreadable(error, source)
        // Nothing to read yet: sleep a little, longer while the writer is slow.
        waited = Math.min(waited + 1, 50)
        Atomics.wait(SLEEP, 0, 0, waited)
      }
    }
  }
}

/**
 * A plan from a descriptor (standard input, a pipe, a device): in one
 * buffer up to `maxBytes`; past it, a stream of the bytes read and the rest
 * of the descriptor (read once, as they come, up to `maxStreamedBytes`).
 * `close` closes the descriptor once the stream is done with it.
 */
export function readFdPlan(
  fd: number,
  options: FdReadOptions & {
    readonly maxStreamedBytes?: number | undefined
    readonly close?: () => void
  } = {}
): PlanData {
  const {
    maxBytes = MAX_BUFFERED_PLAN_BYTES,
    maxStreamedBytes = MAX_STREAMED_BYTES,
    read = readSync,
    source = '-',
    close = () => undefined
  } = options
  const reader = fdReader(fd, read, source, options.checkHead)
  const first = planBufferFrom(reader, maxBytes)
  if (first.length <= maxBytes) return first
  if (first[0] === 0x1f && first[1] === 0x8b)
    throw tooLarge(source, first.length, maxBytes, {
      how: 'read',
      hint: 'a gzip plan this large is read from a file: write it to one, or pipe it through gunzip'
    })
  // Let go of by the stream as it is copied.
  let pending: Buffer | undefined = first
  const length = first.length
  return {
    kind: 'plan-stream',
    length,
    rereadable: false,
    open: () => {
      if (pending === undefined)
        throw new Error('a pipe is read once; its plan was read already')
      let held: Buffer | undefined = pending
      pending = undefined
      let total = 0
      return {
        // The window starts as the buffer read (no copy of 512 MiB).
        take: () => {
          const first = held
          held = undefined
          total += first?.length ?? 0
          return first
        },
        read: (into, offset, length) => {
          let count: number
          if (held !== undefined) {
            // The bytes read before, then the descriptor (the buffer is let go once copied).
            count = Math.min(length, held.length)
            into.set(held.subarray(0, count), offset)
            held = count === held.length ? undefined : held.subarray(count)
          } else count = reader(into.subarray(offset, offset + length))
          total += count
          if (total > maxStreamedBytes)
            throw tooLarge(source, maxStreamedBytes + 1, maxStreamedBytes, {
              how: 'read',
              hint: 'plangate stops reading a pipe there'
            })
          return count
        },
        close
      }
    }
  }
}

/**
 * A read that failed: an input error, not a crash (`plangate review - <
 * somedir` is EISDIR; a disk can fail with EIO). Anything that is not a
 * system error (or is already an input error) is passed on.
 */
function unreadable(error: unknown, source: string): unknown {
  if (
    !(error instanceof Error) ||
    error instanceof PlanParseError ||
    !('code' in error) ||
    typeof error.code !== 'string'
  )
    return error
  return source === '-'
    ? new PlanParseError(
        '-',
        'standard input (or a pipe) that can be read',
        `an error reading it (${error.message})`,
        'pipe a plan in: terraform show -json plan.tfplan | plangate review -',
        { cause: error }
      )
    : fileError(source, error)
}

/** What readFdBytes waits on (nothing ever wakes it: a sleep). */
const SLEEP = new Int32Array(new SharedArrayBuffer(4))

function isErrorCode(error: unknown, code: string): boolean {
  return errorCode(error) === code
}

/** The first bytes of a file (fewer when it is shorter); undefined when it cannot be read. */
function readHead(path: string, bytes: number): Buffer | undefined {
  const head = Buffer.alloc(bytes)
  try {
    const fd = openSync(path, 'r')
    try {
      return head.subarray(0, readSync(fd, head, 0, head.length, 0))
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Whether a file's first bytes start like gzip or like a JSON object (after a BOM and white space): undefined when neither; a file that could not be read counts as JSON (the full read names the problem). */
function largePlanKind(head: Buffer | undefined): 'gzip' | 'json' | undefined {
  // The full read names the problem.
  if (head === undefined) return 'json'
  const read = head.length
  if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  while (
    i < read &&
    (head[i] === 0x20 ||
      head[i] === 0x0a ||
      head[i] === 0x0d ||
      head[i] === 0x09)
  )
    i++
  return i === read || head[i] === 0x7b ? 'json' : undefined
}

/**
 * Decompresses a gzip plan into one buffer of the size its trailer states
 * (ISIZE, the size modulo 2^32; exact for one member under 4 GiB), so that
 * zlib writes it in place: with its default 16 KiB chunks, gunzipSync
 * joins them at the end, which doubled a 700 MB plan's peak memory and
 * took seconds. A trailer that understates the size only costs more chunks.
 */
export function gunzipPlan(
  data: Buffer,
  path: string,
  limits: PlanReadLimits = LIMITS
): Buffer {
  const stated = data.length >= 18 ? data.readUInt32LE(data.length - 4) : 0
  rejectGzipHead(data, path)
  try {
    return gunzipSync(data, {
      maxOutputLength: limits.maxBytes,
      // One byte more: a full last chunk would make zlib start another.
      ...(stated >= 65536 && stated < limits.maxBytes
        ? { chunkSize: stated + 1 }
        : {})
    })
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PlanParseError(
        path,
        `a gzip plan under ${sizeOf(limits.maxBytes)} once decompressed`,
        `more than ${sizeOf(limits.maxBytes)} of decompressed data`,
        'plangate stops decompressing there',
        { cause: error }
      )
    }
    throw gzipProblem(path, code, error)
  }
}

/** A gzip stream zlib refused: cut short (Z_BUF_ERROR) or corrupt. */
function gzipProblem(
  path: string,
  code: string,
  cause: unknown
): PlanParseError {
  return new PlanParseError(
    path,
    'a complete gzip stream',
    code === 'Z_BUF_ERROR'
      ? 'a gzip stream that ends early (the file looks truncated)'
      : `a corrupt gzip stream (${code || 'unknown error'})`,
    undefined,
    { cause }
  )
}

/**
 * Whether a gzip plan in memory decompresses past one buffer, as far as
 * its trailer tells: its size modulo 4 GiB (ISIZE) over the limit, or
 * under the compressed size (a plan of 4 GiB and more, wrapped: JSON
 * compresses several times). Past that, gunzipPlan still stops at the
 * limit.
 */
function statesLargePlan(data: Buffer, limits: PlanReadLimits): boolean {
  if (data.length < 18) return false
  const stated = data.readUInt32LE(data.length - 4)
  // Deflate expands at most 1,032 times: a larger claim is a damaged trailer, left to zlib.
  return (
    (stated > limits.maxBytes && stated <= data.length * 1032) ||
    (data.length >= 1024 * 1024 && stated < data.length)
  )
}

/**
 * A gzip plan past one buffer once decompressed: decompressed in a worker
 * as the window reads it, from the file (`path`) or from the compressed
 * bytes, each time it is opened. `length` is what is known of its size.
 */
function gzipStream(
  input: { readonly path: string } | { readonly bytes: Uint8Array },
  path: string,
  length: number,
  limits: PlanReadLimits
): PlanStream {
  const most = limits.maxStreamedBytes ?? MAX_STREAMED_BYTES
  return {
    kind: 'plan-stream',
    length,
    rereadable: true,
    open: () =>
      openGunzipStream(
        input,
        // A system error (ENOENT, EIO) is the file's; anything else, the gzip stream's.
        (failure) =>
          /^E[A-Z]+$/.test(failure.code)
            ? fileError(
                path,
                Object.assign(new Error(failure.message), {
                  code: failure.code
                })
              )
            : gzipProblem(path, failure.code, failure.message),
        most,
        () =>
          new PlanParseError(
            path,
            `a gzip plan under ${sizeOf(most)} once decompressed`,
            `more than ${sizeOf(most)} of decompressed data`,
            'plangate stops decompressing there'
          )
      )
  }
}

/**
 * Refuses a gzip plan whose first kilobyte already decompresses to what is
 * not a plan, before gigabytes of it are decompressed: a gzip bomb of
 * zeros (1,000 times smaller than its content) is "binary data" at once,
 * not after gigabytes of it. The words are the reader's for the whole
 * text; anything the beginning cannot tell is left to the full reading.
 */
function rejectGzipHead(data: Buffer, path: string): void {
  let head: Buffer
  try {
    // Deflate expands at most about 1,032 times: 1 KiB gives at most ~1 MiB.
    head = gunzipSync(data.subarray(0, 1024), {
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
      maxOutputLength: 2 * 1024 * 1024
    })
  } catch {
    return
  }
  rejectNonPlanHead(head, path)
}

/** Bytes read from a pipe or a device before its beginning is checked. */
const HEAD_BYTES = 16 * 1024

/**
 * Refuses the beginning of a plan that the reader would refuse for what it
 * starts with (binary data, a zip, the setup-terraform wrapper's output),
 * with the reader's own words; gzip is passed over (its decompressed head
 * is checked), and so is anything the beginning cannot tell.
 */
function rejectNonPlanHead(head: Buffer, path: string): void {
  if (head[0] === 0x1f && head[1] === 0x8b) return
  let text: string
  try {
    text = decodePlanBytes(head, path)
  } catch {
    return // a character cut at the end of the head, say
  }
  rejectNonJsonHead(text, path)
}

/**
 * A plan over the size limit. `read`: the bytes are what was read, and a
 * pipe, a device or standard input is read only to one byte past the limit, so that
 * many bytes mean "more than the limit", not a size.
 */
function tooLarge(
  path: string,
  bytes: number,
  limit: number,
  {
    hint = 'plangate holds a plan in memory while it reads it',
    how = 'size'
  }: { readonly hint?: string; readonly how?: 'size' | 'read' } = {}
): PlanParseError {
  if (how === 'read' && bytes === limit + 1)
    return new PlanParseError(
      path,
      `a plan of at most ${sizeOf(limit)}`,
      'more than that (reading stopped at the limit)',
      hint
    )
  // Sizes that round to the same MiB are written in bytes: not "at most 2048 MiB, found 2048 MiB".
  const exact = sizeOf(bytes) === sizeOf(limit)
  const size = (n: number): string => (exact ? `${n} bytes` : sizeOf(n))
  return new PlanParseError(
    path,
    `a plan of at most ${size(limit)}`,
    size(bytes),
    hint
  )
}

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${bytes} bytes`
    : `${Math.round(bytes / 1024 / 1024)} MiB`
}
