import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../scripts/make-big-plan.js'
import { JsonScanError, skipValue } from '../../src/plan/json-bytes.js'
import {
  forcePlanBufferFallback,
  planBuffer,
  planBufferFrom,
  SKIP_STACK_BYTES,
  skipKernelOf
} from '../../src/plan/json-skip.js'
import { kernelCopy, plainCopy } from '../support/plan-buffers.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Bytes that would change a scan if the kernel read them: around the data, never inside it. */
const HOSTILE = Buffer.from('"\\[{]}"\\\\"[[')

type Outcome =
  | { readonly end: number }
  | {
      readonly kind: JsonScanError['kind']
      readonly offset: number
      readonly message: string
    }

function outcome(
  bytes: Buffer,
  start: number,
  depth: number,
  limit: number
): Outcome {
  try {
    return { end: skipValue({ bytes, limit }, start, depth) }
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    return { kind: error.kind, offset: error.offset, message: error.message }
  }
}

/** A buffer of planBuffer's holding `doc` after `pad` hostile bytes, followed by `tail` hostile bytes. */
function wasmCopy(doc: Uint8Array, pad: number, tail: number): Buffer {
  return kernelCopy(doc, pad, tail, HOSTILE)
}

/**
 * The outcome of skipping the value at `start` of `doc`: the same from
 * the JavaScript loop and from the kernel, at the data's start, after
 * `pad` bytes in the same Buffer, and in a view whose start is unaligned.
 */
function skipBoth(
  doc: Uint8Array,
  options: {
    readonly start?: number
    readonly depth?: number
    readonly limit?: number
    readonly pad?: number
  } = {}
): Outcome {
  const { start = 0, depth = 0, limit = 500, pad = 0 } = options
  const expected = outcome(plainCopy(doc), start, depth, limit)
  // Exactly the document's size: the kernel reads the zeroed slack.
  const exact = wasmCopy(doc, 0, 0)
  expect(outcome(exact, start, depth, limit)).toEqual(expected)
  const whole = wasmCopy(doc, pad, 0)
  const view = whole.subarray(pad)
  expect(outcome(view, start, depth, limit)).toEqual(expected)
  // The bytes after the document are there but not the scan's.
  const padded = wasmCopy(doc, pad, 67)
  expect(
    outcome(padded.subarray(pad, pad + doc.length), start, depth, limit)
  ).toEqual(expected)
  // A scan over the whole Buffer, starting `pad` bytes in: offsets move.
  const shifted = outcome(
    padded.subarray(0, pad + doc.length),
    pad + start,
    depth,
    limit
  )
  expect(shifted).toEqual(
    'end' in expected
      ? { end: expected.end + pad }
      : {
          ...expected,
          offset: expected.offset + pad,
          message: expected.message.replace(
            /\d+$/,
            String(expected.offset + pad)
          )
        }
  )
  return expected
}

/** The kernel's own answer for the container at the start of `doc` (a view at `pad`). */
function kernelCode(doc: Uint8Array, pad: number): number {
  const view = wasmCopy(doc, pad, 0).subarray(pad)
  const kernel = skipKernelOf(view)
  if (kernel === undefined) throw new Error('no kernel')
  const base = view.byteOffset
  return kernel.skip(base, base + view.length, 0, 500)
}

/** A generator of JSON-like documents, valid unless corrupted afterwards. */
function documents(seed: number) {
  const random = mulberry32(seed)
  const int = (n: number): number => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  const space = (): string =>
    random() < 0.1 ? ' '.repeat(int(131)) : pick(['', ' ', '\n  ', '\t'])
  const stringOf = (): string => {
    let text = '"'
    const parts = int(6)
    for (let k = 0; k < parts; k++) {
      const run = 2 * int(4)
      text += pick([
        'abc',
        'Y_y',
        '[',
        ']',
        '{',
        '}',
        '[{]}',
        // An even run of backslashes (escaped backslashes), then an
        // escaped quote or a plain character: runs of 0..7 before a quote.
        '\\'.repeat(run) + '\\"',
        '\\'.repeat(run) + 'x',
        '\\n',
        '\\u005b',
        ' '.repeat(int(70))
      ])
    }
    // 0, 2, 4 or 6 backslashes before the closing quote.
    return text + '\\'.repeat(2 * int(4)) + '"'
  }
  const value = (level: number): string => {
    const roll = random()
    if (level < 12 && roll < 0.3) {
      const items = Array.from({ length: int(5) }, () => value(level + 1))
      return `[${space()}${items.join(`,${space()}`)}${space()}]`
    }
    if (level < 12 && roll < 0.6) {
      const entries = Array.from(
        { length: int(5) },
        () => `${stringOf()}${space()}:${space()}${value(level + 1)}`
      )
      return `{${space()}${entries.join(`,${space()}`)}${space()}}`
    }
    return pick([stringOf(), '12', '-0.5e3', 'true', 'false', 'null'])
  }
  const container = (): string =>
    random() < 0.5 ? `[${value(0)}]` : `{"k":${value(0)}}`
  return { random, int, container }
}

/** One corruption of a document: the scanners must still agree. */
function corrupt(text: string, int: (n: number) => number): string {
  const at = int(text.length + 1)
  switch (int(6)) {
    case 0:
      return text.slice(0, at)
    case 1:
      return `${text.slice(0, at)}${'[]{}'[int(4)]}${text.slice(at)}`
    case 2: {
      // A closing bracket of the other kind (maybe one inside a string).
      const closes = [...text.matchAll(/[\]}]/g)].map((m) => m.index)
      if (closes.length === 0) return text.slice(0, at)
      const i = closes[int(closes.length)] as number
      return `${text.slice(0, i)}${text[i] === ']' ? '}' : ']'}${text.slice(i + 1)}`
    }
    case 3:
      return `${text.slice(0, at)}"${text.slice(at)}`
    case 4:
      // A backslash, maybe outside a string (the kernel defers to the loop).
      return `${text.slice(0, at)}\\${text.slice(at)}`
    default:
      return `${text.slice(0, at)}${'['.repeat(int(4))}`
  }
}

afterEach(() => {
  forcePlanBufferFallback(false)
})

describe('the SIMD container skip', () => {
  it('is assembled from json-skip.wat as committed', () => {
    // Exits 1 (and execFileSync throws) when json-skip-wasm.ts has drifted.
    expect(() =>
      execFileSync(process.execPath, ['scripts/build-wasm.js', '--check'], {
        cwd: ROOT,
        stdio: 'pipe'
      })
    ).not.toThrow()
  })

  it('compiles on this runtime, so plan buffers use it', () => {
    const bytes = planBuffer(10)
    expect(bytes).toHaveLength(10)
    expect(bytes.byteOffset % 64).toBe(0)
    expect(skipKernelOf(bytes)).toBeDefined()
    // Views of it too.
    expect(skipKernelOf(bytes.subarray(3))).toBeDefined()
  })

  it.each([
    ['[]', { end: 2 }],
    ['{"a":[1,{"b":"]\\\\"}]} ', { end: 21 }],
    ['[1, "\\"]"]', { end: 10 }],
    [
      '[[[',
      {
        kind: 'truncated',
        offset: 3,
        message: 'unexpected end of input at byte 3'
      }
    ],
    [
      '["ab\\"',
      {
        kind: 'truncated',
        offset: 6,
        message: 'a string that never ends at byte 6'
      }
    ],
    [
      '[{"a":1]}',
      {
        kind: 'invalid',
        offset: 7,
        message: 'a bracket that does not match at byte 7'
      }
    ],
    // A backslash outside a string escapes nothing.
    ['[\\"]"]', { end: 6 }]
  ] as const)('skips %s as the loop does', (text, expected) => {
    for (const pad of [0, 1, 63, 64, 65])
      expect(skipBoth(Buffer.from(text), { pad })).toEqual(expected)
  })

  it('finds the end of a container crossing block boundaries at every offset', () => {
    const doc = Buffer.from(
      '{"a\\\\":["x\\"]",{"b":[[],{}]}],"c":"}]\\\\\\\\\\"[","d":[1,2,{"e":"' +
        'z'.repeat(70) +
        '"}]}'
    )
    for (let pad = 0; pad <= 130; pad++) {
      expect(skipBoth(doc, { pad })).toEqual({ end: doc.length })
      // The kernel itself answers: no deferral to the loop.
      expect(kernelCode(doc, pad)).toBe(doc.length)
      for (const cut of [1, 5, 20, 40, 63, 64, 65, doc.length - 1])
        skipBoth(doc.subarray(0, cut), { pad })
    }
  })

  it('checks the depth against the limit as the loop does', () => {
    for (let limit = 1; limit <= 5; limit++)
      for (let depth = 0; depth <= limit + 1; depth++)
        for (let levels = 1; levels <= 6; levels++) {
          const text = `${'[{"k":'.repeat(levels)}1${'}]'.repeat(levels)}`
          const expected = skipBoth(Buffer.from(text), { depth, limit, pad: 7 })
          const deepest = depth + 2 * levels
          if (deepest <= limit) expect(expected).toEqual({ end: text.length })
          else {
            // The first opening bracket past the limit: `[` at 6i, `{` at 6i + 1.
            const j = Math.max(0, limit - depth)
            const at = 6 * Math.floor(j / 2) + (j % 2)
            expect(expected).toEqual({
              kind: 'deep',
              offset: at,
              message: `nesting deeper than ${limit} at byte ${at}`
            })
          }
        }
    // A limit past the kernel's stack: the loop skips it.
    const deep = `${'['.repeat(SKIP_STACK_BYTES + 10)}${']'.repeat(SKIP_STACK_BYTES + 10)}`
    expect(
      skipBoth(Buffer.from(deep), { limit: SKIP_STACK_BYTES + 100 })
    ).toEqual({ end: deep.length })
    expect(
      skipBoth(Buffer.from(deep), { limit: SKIP_STACK_BYTES - 1 })
    ).toEqual({
      kind: 'deep',
      offset: SKIP_STACK_BYTES - 1,
      message: `nesting deeper than ${SKIP_STACK_BYTES - 1} at byte ${SKIP_STACK_BYTES - 1}`
    })
  })

  it('agrees with the loop on a thousand generated documents', () => {
    const { int, container, random } = documents(20_261_207)
    let deferred = 0
    for (let n = 0; n < 1000; n++) {
      const text = container()
      const doc = Buffer.from(text)
      const pad = int(131)
      const depth = int(3)
      const limit = random() < 0.5 ? 500 : 3 + int(8)
      const expected = skipBoth(doc, { pad, depth, limit })
      if (limit === 500) expect(expected).toEqual({ end: doc.length })
      // Valid documents never make the kernel defer to the loop.
      if (kernelCode(doc, pad) === -5) deferred++
      const broken = Buffer.from(corrupt(text, int))
      skipBoth(broken, { pad: int(131), depth, limit })
    }
    expect(deferred).toBe(0)
  })

  it('defers to the loop on a backslash outside a string, with the same result', () => {
    const cases = [
      '[\\"]"]',
      '[1,\\"a"]',
      `[${' '.repeat(60)}\\"]"]`,
      `["${'x'.repeat(70)}"\\]`,
      '[] \\"'
    ]
    for (const text of cases)
      for (const pad of [0, 1, 60, 63]) skipBoth(Buffer.from(text), { pad })
    expect(kernelCode(Buffer.from('[\\"]"]'), 0)).toBe(-5)
    // A backslash after the container's end in the same block is not its concern.
    expect(kernelCode(Buffer.from('[] \\"'), 0)).toBe(2)
  })

  it('works at addresses past 2^31', () => {
    const big = planBuffer(2 ** 31 - 1)
    expect(skipKernelOf(big)).toBeDefined()
    const text = Buffer.from('[{"a":"]"}][}')
    const view = big.subarray(big.length - text.length - 5, big.length - 5)
    expect(view.byteOffset).toBeGreaterThan(2 ** 31)
    view.set(text)
    expect(outcome(view, 0, 0, 500)).toEqual({ end: 11 })
    expect(outcome(view, 11, 0, 500)).toEqual({
      kind: 'invalid',
      offset: 12,
      message: 'a bracket that does not match at byte 12'
    })
    expect(outcome(view.subarray(0, 12), 11, 0, 500)).toEqual(
      outcome(plainCopy(view.subarray(0, 12)), 11, 0, 500)
    )
  })
})

describe('planBufferFrom (data of unknown size: a pipe, standard input)', () => {
  afterEach(() => forcePlanBufferFallback(false))

  /** A reader that hands `data` on a few bytes at a time, as a slow pipe does. */
  function trickle(data: Buffer, most = 7): (into: Uint8Array) => number {
    let at = 0
    let turn = 0
    return (into) => {
      const count = Math.min(into.length, data.length - at, 1 + (turn++ % most))
      into.set(data.subarray(at, at + count))
      at += count
      return count
    }
  }

  it('grows its memory in place as the data comes, and keeps the kernel', () => {
    // 3 MiB in reads of up to 64 KiB: the memory doubles twice (1, 2, 4 MiB).
    const rng = mulberry32(7)
    const data = Buffer.from(
      JSON.stringify(
        Array.from({ length: 80_000 }, (_, k) => ({ k, v: rng().toString(36) }))
      )
    )
    expect(data.length).toBeGreaterThan(2 << 20)
    const read = planBufferFrom(trickle(data, 65536), 64 << 20)
    expect(read.equals(data)).toBe(true)
    expect(skipKernelOf(read)).toBeDefined()
    // The kernel skips the array whole, in the grown memory.
    expect(outcome(read, 0, 0, 64)).toEqual({ end: data.length })
  })

  it('reads one byte past the limit and stops, so that the caller refuses the plan', () => {
    const data = Buffer.alloc(5000, 0x20)
    const calls: number[] = []
    const read = trickle(data, 300)
    const bytes = planBufferFrom((into) => {
      calls.push(into.length)
      return read(into)
    }, 1000)
    expect(bytes.length).toBe(1001)
    expect(calls.every((room) => room <= 1001)).toBe(true)
  })

  it('reads an empty pipe as no bytes', () => {
    expect(planBufferFrom(() => 0, 1000).length).toBe(0)
  })

  it('joins chunks without WebAssembly, with the same bytes', () => {
    forcePlanBufferFallback(true)
    // Past one chunk of 1 MiB, in reads of up to 4 KiB.
    const data = Buffer.from('{"a":[1,2,3],"b":"x"}'.repeat(60_000))
    // Reads fill a chunk before the next is made: a chunk per read kept 1 MiB each.
    const chunks = new Set<ArrayBufferLike>()
    const source = trickle(data, 4096)
    const read = planBufferFrom((into) => {
      chunks.add(into.buffer)
      return source(into)
    }, 4 << 20)
    expect(read.equals(data)).toBe(true)
    expect(chunks.size).toBe(Math.ceil(data.length / (1 << 20)))
    expect(skipKernelOf(read)).toBeUndefined()
    expect(planBufferFrom(trickle(data, 4096), 999).length).toBe(1000)
  })
})
