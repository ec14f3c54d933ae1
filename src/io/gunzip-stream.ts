/**
 * A gzip plan too large to decompress into one buffer, decompressed by
 * Node's zlib in a worker thread into a ring of shared memory that the
 * reader takes from as it goes: the plan reader is synchronous (and stays
 * so), zlib's streaming API is not, and the worker uses the second core.
 */
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker
} from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import type { OpenedStream } from './read-plan.js'

/** The ring's size: room for the worker to run ahead of the reader. */
const RING_BYTES = 16 * 1024 * 1024

/** Slots of the control array (64-bit counters; see the worker). */
const WRITTEN = 0
const READ = 1
const STATUS = 2
const WRITES = 3
const READS = 4
const SLOTS = 5

const RUNNING = 0n
const DONE = 1n
const FAILED = 2n
const STOPPED = 3n

/**
 * The worker, as CommonJS source (a worker evaluated from a string needs
 * no file beside the bundle). It decompresses a file (`path`) or bytes
 * (`bytes`, shared) and copies what zlib gives into the ring, waiting
 * while the ring is full; `WRITES` and `READS` count events, so that
 * neither side can miss the other's wake-up.
 */
const WORKER = `
const { workerData } = require('node:worker_threads')
const { createReadStream } = require('node:fs')
const { createGunzip } = require('node:zlib')
const { ring, control, port, path, bytes } = workerData
const data = new Uint8Array(ring)
const c = new BigInt64Array(control)
const size = data.length
let stopped = false
const finish = (status) => {
  if (c[${STATUS}] !== ${RUNNING}n) return
  Atomics.store(c, ${STATUS}, status)
  Atomics.add(c, ${WRITES}, 1n)
  Atomics.notify(c, ${WRITES})
}
const gunzip = createGunzip({ chunkSize: 1 << 20 })
gunzip.on('data', (chunk) => {
  let off = 0
  while (off < chunk.length && !stopped) {
    const reads = Atomics.load(c, ${READS})
    if (c[${STATUS}] === ${STOPPED}n) { stopped = true; break }
    const w = Number(c[${WRITTEN}])
    const free = size - (w - Number(Atomics.load(c, ${READ})))
    if (free === 0) { Atomics.wait(c, ${READS}, reads); continue }
    const at = w % size
    const n = Math.min(free, chunk.length - off, size - at)
    data.set(chunk.subarray(off, off + n), at)
    Atomics.store(c, ${WRITTEN}, BigInt(w + n))
    Atomics.add(c, ${WRITES}, 1n)
    Atomics.notify(c, ${WRITES})
    off += n
  }
  if (stopped) { gunzip.destroy(); input.destroy?.() }
})
gunzip.on('end', () => finish(${DONE}n))
const fail = (error) => {
  if (stopped) return
  port.postMessage({ code: typeof error?.code === 'string' ? error.code : '', message: String(error?.message ?? error) })
  finish(${FAILED}n)
}
gunzip.on('error', fail)
// Anything else that goes wrong here is a failure the reader hears of, never a reader left waiting.
process.on('uncaughtException', fail)
let input
try {
  if (path !== undefined) {
    input = createReadStream(path)
    input.on('error', fail)
    input.pipe(gunzip)
  } else {
    input = gunzip
    gunzip.end(Buffer.from(bytes))
  }
} catch (error) {
  fail(error)
}
`

/** Why decompression stopped: zlib's code (Z_BUF_ERROR: the stream ends early) and message, or a read error's. */
export interface GunzipFailure {
  readonly code: string
  readonly message: string
}

/**
 * Opens a decompressing stream of a gzip file (`path`) or of gzip bytes.
 * `fail` turns a failure into the error to throw; reading past `maxBytes`
 * of decompressed data throws `tooLarge()`.
 */
export function openGunzipStream(
  input: { readonly path: string } | { readonly bytes: Uint8Array },
  fail: (failure: GunzipFailure) => Error,
  maxBytes: number,
  tooLarge: () => Error
): OpenedStream {
  const ring = new SharedArrayBuffer(RING_BYTES)
  const control = new SharedArrayBuffer(SLOTS * 8)
  const c = new BigInt64Array(control)
  const data = new Uint8Array(ring)
  const { port1, port2 } = new MessageChannel()
  let bytes: SharedArrayBuffer | undefined
  if ('bytes' in input) {
    bytes = new SharedArrayBuffer(input.bytes.length)
    new Uint8Array(bytes).set(input.bytes)
  }
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      ring,
      control,
      port: port2,
      path: 'path' in input ? input.path : undefined,
      bytes
    },
    transferList: [port2]
  })
  // Never the reason the process stays up.
  worker.unref()
  port1.unref()
  let taken = 0
  let closed = false
  return {
    read(into, offset, length) {
      for (;;) {
        const writes = Atomics.load(c, WRITES)
        const written = Number(Atomics.load(c, WRITTEN))
        if (written > taken) {
          const at = taken % RING_BYTES
          const count = Math.min(length, written - taken, RING_BYTES - at)
          into.set(data.subarray(at, at + count), offset)
          taken += count
          Atomics.store(c, READ, BigInt(taken))
          Atomics.add(c, READS, 1n)
          Atomics.notify(c, READS)
          if (taken > maxBytes) throw tooLarge()
          return count
        }
        const status = Atomics.load(c, STATUS)
        if (status === DONE) return 0
        if (status === FAILED) throw fail(failureFrom(port1))
        Atomics.wait(c, WRITES, writes)
      }
    },
    close() {
      if (closed) return
      closed = true
      // Wakes a worker waiting for room, which then stops.
      Atomics.compareExchange(c, STATUS, RUNNING, STOPPED)
      Atomics.add(c, READS, 1n)
      Atomics.notify(c, READS)
      port1.close()
      void worker.terminate()
    }
  }
}

function failureFrom(port: MessagePort): GunzipFailure {
  const message = receiveMessageOnPort(port)?.message as
    Partial<GunzipFailure> | undefined
  return {
    code: typeof message?.code === 'string' ? message.code : '',
    message: typeof message?.message === 'string' ? message.message : ''
  }
}
