import {
  closeSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync
} from 'node:fs'
import { PlanParseError } from '../plan/index.js'
import type { ByteSource } from '../plan/terraform-stream.js'
import { decodePlanBytes } from './decode-text.js'
import { readProblem } from './file-kinds.js'

/** V8's longest string is about 512 MiB; larger plans need a streaming reader. */
export const MAX_PLAN_BYTES = 512 * 1024 * 1024 - 64

/**
 * A plan too large for one buffer (past V8's longest string), read
 * through a window by readTerraformPlanStream and never held whole.
 */
export interface PlanStream {
  readonly kind: 'plan-stream'
  /** Its bytes as far as known: a file's size; for a pipe, what was read before it was found too large. */
  readonly length: number
  /** Whether it can be opened again (a regular file), or only once (a pipe, standard input). */
  readonly rereadable: boolean
  /** Its bytes from the first, to be closed after. */
  open(): OpenedStream
}

export interface OpenedStream extends ByteSource {
  close(): void
}

/** A plan file's bytes: in one buffer, or (past one buffer) a stream. */
export type PlanData = Buffer | PlanStream

/**
 * Reads all of standard input: in one buffer, or past one buffer the part
 * read and the rest to come. `checkHead`, when given, sees its first
 * bytes as soon as they are in and may throw to stop the reading there
 * (binary data on a pipe is refused before gigabytes of it are read).
 */
export type ReadStdin = (checkHead?: (head: Buffer) => void) => PlanData

/**
 * Reads a plan file (or standard input for `-`) as text, turning every
 * file-system problem into a PlanParseError that names the path. The
 * bytes are decoded by decodePlanBytes (UTF-8, UTF-16 with a BOM).
 */
export function readPlanFile(path: string, readStdin: ReadStdin): string {
  if (path === '-') {
    const data = readStdin()
    // A stream: more than one buffer holds (reading stopped there).
    if (!Buffer.isBuffer(data)) throw tooLarge('-')
    if (data.length > MAX_PLAN_BYTES) throw tooLarge('-', data.length)
    return decodePlanBytes(data, '-')
  }
  let size: number
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) {
      throw new PlanParseError(
        path,
        'a plan file',
        'a directory',
        'pass the JSON file inside it (`terraform show -json PLANFILE > plan.json`)'
      )
    }
    size = stat.size
  } catch (error) {
    if (error instanceof PlanParseError) throw error
    throw fileError(path, error)
  }
  if (size > MAX_PLAN_BYTES) throw tooLarge(path, size)
  let bytes: Buffer | undefined
  try {
    bytes = readBounded(path, MAX_PLAN_BYTES)
  } catch (error) {
    throw fileError(path, error)
  }
  if (bytes === undefined) throw tooLarge(path)
  return decodePlanBytes(bytes, path)
}

/**
 * A file's bytes, or undefined past `maxBytes`. A regular file is read
 * whole; a device or a FIFO (`/dev/zero`, `<(command)`), which tells no
 * size, is read to one byte past the limit and no further: nothing a user
 * names makes plangate read forever.
 */
export function readBounded(
  path: string,
  maxBytes: number
): Buffer | undefined {
  const fd = openSync(path, 'r')
  try {
    const stat = fstatSync(fd)
    if (stat.isFile())
      return stat.size > maxBytes ? undefined : readFileSync(fd)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total))
      const read = readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) return Buffer.concat(chunks, total)
      chunks.push(chunk.subarray(0, read))
      total += read
      if (total > maxBytes) return undefined
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Text is read whole, and V8's longest string is 512 MiB (plans past it
 * are read in sections by readPlanInput, not here: this reads approved
 * reports, templates and manifests).
 */
function tooLarge(path: string, bytes?: number): PlanParseError {
  return new PlanParseError(
    path,
    'a file under 512 MiB',
    bytes === undefined
      ? 'more than that (reading stopped at the limit)'
      : `${Math.round(bytes / 1024 / 1024)} MiB`
  )
}

/** A file that could not be opened or read, named with the reason. */
export function fileError(path: string, error: unknown): PlanParseError {
  return new PlanParseError(
    path,
    'a readable plan file',
    readProblem(error),
    undefined,
    { cause: error }
  )
}
