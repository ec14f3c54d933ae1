import { describe, expect, it } from 'vitest'
import {
  JsonScanError,
  scanArray,
  scanObject,
  skipValue
} from '../../src/plan/json-bytes.js'
import type { ByteScan } from '../../src/plan/json-bytes.js'
import {
  KEY_TABLE_AT,
  KEY_TABLE_SLOTS,
  planBuffer,
  SKIP_STACK_BYTES,
  skipKernelOf,
  WALK_AREA_BYTES,
  WALK_LEVELS
} from '../../src/plan/json-skip.js'
import { corrupt, documents, wasmView } from '../support/json-documents.js'
import { plainCopy } from '../support/plan-buffers.js'

/** A small deterministic hash: the callbacks choose what to do by it, alike in both walks. */
function hashOf(text: string, at: number): number {
  let hash = at
  for (let k = 0; k < text.length; k++)
    hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0
  return hash >>> 0
}

/**
 * What a callback does with a value, chosen by `style` and a hash of the
 * key and offset: skip it (undefined), skip it itself (at the right depth
 * or one too deep), walk into it, or end it somewhere else (a callback
 * that is wrong, whose end the walk must still follow as the reference).
 */
type Style = 'skip' | 'read' | 'walk' | 'mixed' | 'liar'

interface Walk {
  readonly scan: ByteScan
  readonly style: Style
  readonly log: (string | number)[]
}

function onValue(walk: Walk, key: string, at: number, depth: number) {
  const { scan, style, log } = walk
  const roll = hashOf(key, at) % 8
  const choice =
    style === 'mixed' || style === 'liar'
      ? roll
      : style === 'skip'
        ? 0
        : style === 'read'
          ? 1
          : 2
  switch (choice) {
    case 1:
    case 4:
      return skipValue(scan, at, depth)
    case 2:
    case 5:
    case 6:
      return walkValue(walk, at, depth)
    case 3:
      // One level deeper than the value is: the depth limit may differ.
      return skipValue(scan, at, depth + 1)
    case 7:
      if (style === 'liar') {
        const lie = hashOf(key, at + 1) % 4
        log.push('lie', lie)
        return [at + 1, at, -1, at + 0.5][lie]
      }
      return undefined
    default:
      return undefined
  }
}

/** Walks into the value at `at` (an object or array), logging every entry and element. */
function walkValue(walk: Walk, at: number, depth: number): number | undefined {
  const { scan, log } = walk
  const c = scan.bytes[at]
  if (c === 0x7b)
    return scanObject(scan, at, depth, (key, valueAt) => {
      log.push('entry', depth, key, valueAt)
      return onValue(walk, key, valueAt, depth + 1)
    })
  if (c === 0x5b)
    return scanArray(scan, at, depth, (valueAt) => {
      log.push('element', depth, valueAt)
      return onValue(walk, '', valueAt, depth + 1)
    })
  return undefined
}

type Outcome = {
  readonly log: (string | number)[]
  readonly end?: number | undefined
  readonly error?: {
    readonly name: string
    readonly message: string
    readonly kind?: string
    readonly offset?: number
  }
}

/** Everything the callbacks saw, and how the walk of the value at `start` ended. */
function outcome(
  bytes: Buffer,
  options: {
    readonly start: number
    readonly depth: number
    readonly limit: number
    readonly style: Style
  }
): Outcome {
  const log: (string | number)[] = []
  const walk: Walk = {
    scan: { bytes, limit: options.limit },
    style: options.style,
    log
  }
  try {
    const end =
      bytes[options.start] === 0x5b
        ? walkValue(walk, options.start, options.depth)
        : scanObject(walk.scan, options.start, options.depth, (key, at) => {
            log.push('entry', options.depth, key, at)
            return onValue(walk, key, at, options.depth + 1)
          })
    return { log, end }
  } catch (error) {
    if (!(error instanceof Error)) throw error
    return {
      log,
      error:
        error instanceof JsonScanError
          ? {
              name: error.name,
              message: error.message,
              kind: error.kind,
              offset: error.offset
            }
          : { name: error.name, message: error.message }
    }
  }
}

/** The outcome over a plain Buffer, which the kernel's walk must give too (at `pad`, and at the data's start). */
function walkBoth(
  doc: Uint8Array,
  options: {
    readonly start?: number
    readonly depth?: number
    readonly limit?: number
    readonly style?: Style
    readonly pad?: number
  } = {}
): Outcome {
  const settings = {
    start: options.start ?? 0,
    depth: options.depth ?? 0,
    limit: options.limit ?? 500,
    style: options.style ?? 'mixed'
  }
  const expected = outcome(plainCopy(doc), settings)
  expect(outcome(wasmView(doc, options.pad ?? 0, 67), settings)).toEqual(
    expected
  )
  expect(outcome(wasmView(doc, 0, 0), settings)).toEqual(expected)
  return expected
}

describe('the kernel walk of objects', () => {
  it('lays out its areas before the data, as the .wat expects', () => {
    expect(SKIP_STACK_BYTES).toBe(4096)
    expect(KEY_TABLE_AT).toBe(SKIP_STACK_BYTES + WALK_LEVELS * WALK_AREA_BYTES)
    expect(KEY_TABLE_AT).toBe(20480)
    expect(KEY_TABLE_SLOTS).toBe(1024)
    const bytes = planBuffer(1)
    expect(bytes.byteOffset).toBe(KEY_TABLE_AT + KEY_TABLE_SLOTS * 64)
    expect(bytes.byteOffset % 64).toBe(0)
  })

  it.each([
    ['{}', 2],
    ['{ }', 3],
    ['{"a":1}', 7],
    ['{"a" : "x" , "b":[1,{"c":null}] }', 33],
    ['{"a":1,}', -1],
    ['{"a" 1}', -1],
    ['{"a":1 "b":2}', -1],
    ['{"a":}', -1],
    ['{"a":x}', -1],
    ['{a:1}', -1],
    ['{"a":1', -1],
    ['{"a', -1],
    ['{', -1],
    ['{"a":1]', -1],
    ['{"a":[}', -1],
    ['{"a":"\\u00e9\\"","\\"":2}', 23],
    ['{"a":1}\\', 7],
    ['{"a":\\"x"}', -1],
    ['{"a":tru}', 9],
    ['{"a":-}', 7]
  ] as const)('walks %s as the reference does', (text, end) => {
    for (const style of ['skip', 'read', 'walk', 'mixed'] as const)
      for (const pad of [0, 1, 63]) {
        const result = walkBoth(Buffer.from(text), { style, pad })
        if (end === -1) expect(result.error).toBeDefined()
        else expect(result.end).toBe(end)
      }
  })

  it('agrees with the reference on a thousand generated objects, valid and broken', () => {
    const { int, random, object } = documents(20_261_208)
    const styles = ['skip', 'read', 'walk', 'mixed', 'liar'] as const
    let valid = 0
    let broken = 0
    for (let n = 0; n < 1000; n++) {
      const text = object(0, 40)
      const doc = Buffer.from(text)
      const depth = int(3)
      const limit = random() < 0.7 ? 500 : 2 + int(8)
      const style = styles[n % styles.length] as Style
      const result = walkBoth(doc, { depth, limit, style, pad: int(131) })
      if (limit === 500 && style !== 'liar') {
        expect(result.end).toBe(doc.length)
        valid++
      }
      const bad = Buffer.from(corrupt(text, int))
      if (walkBoth(bad, { depth, limit, style, pad: int(131) }).error) broken++
    }
    // Most of them reached each side.
    expect(valid).toBeGreaterThan(400)
    expect(broken).toBeGreaterThan(400)
  })

  it('agrees on every truncation and every byte changed of a small object', () => {
    const text =
      '{"a":1, "bb" :"x\\"y", "c":[true,{"d":null}],\n "e":{"f":-2.5e3}, "g":"' +
      'z'.repeat(60) +
      '", "h":false}'
    const doc = Buffer.from(text)
    for (let cut = 0; cut <= doc.length; cut++)
      for (const style of ['skip', 'walk', 'mixed'] as const)
        walkBoth(doc.subarray(0, cut), { style, pad: cut % 70 })
    for (let at = 0; at < doc.length; at++)
      for (const byte of [
        0x20, 0x09, 0x0b, 0x0c, 0x00, 0x2c, 0x3a, 0x22, 0x5c, 0x7d, 0x5d, 0x78
      ]) {
        const changed = Buffer.from(doc)
        changed[at] = byte
        walkBoth(changed, { style: 'mixed', pad: at % 67 })
      }
  })

  it('walks objects with more entries than a walk area holds', () => {
    for (const count of [49, 50, 51, 99, 100, 101, 160]) {
      const entries = Array.from(
        { length: count },
        (_, k) =>
          `"key${k % 7}":${k % 3 === 0 ? `{"n":${k}}` : k % 3 === 1 ? `"v${k}"` : String(k)}`
      )
      const text = `{${entries.join(',')}}`
      for (const style of ['skip', 'read', 'walk', 'mixed'] as const) {
        const result = walkBoth(Buffer.from(text), { style, pad: count })
        expect(result.end).toBe(text.length)
        if (style === 'skip' || style === 'read')
          expect(result.log.filter((item) => item === 'entry')).toHaveLength(
            count
          )
      }
      // Broken after the first area's entries.
      walkBoth(Buffer.from(text.replace('"key2":', '"key2"')), { pad: 5 })
      walkBoth(Buffer.from(`${text.slice(0, -1)},}`), { pad: 5 })
    }
  })

  it('keeps the errors of the depth limit', () => {
    for (let limit = 1; limit <= 6; limit++)
      for (let depth = 0; depth <= limit; depth++)
        for (let levels = 1; levels <= 5; levels++) {
          const text = `{"a":1,"k":${'{"k":['.repeat(levels)}1${']}'.repeat(levels)},"z":2}`
          for (const style of ['skip', 'read', 'walk', 'mixed'] as const)
            walkBoth(Buffer.from(text), { depth, limit, style, pad: 3 })
        }
    // A limit past the kernel's stack: the reference walks it.
    const deep = `{"k":${'['.repeat(SKIP_STACK_BYTES + 10)}${']'.repeat(SKIP_STACK_BYTES + 10)}}`
    for (const limit of [SKIP_STACK_BYTES + 100, SKIP_STACK_BYTES + 5])
      walkBoth(Buffer.from(deep), { limit, style: 'read' })
  })

  it('walks deeper than it has walk areas for', () => {
    const levels = WALK_LEVELS + 8
    const text = `${'{"a":1,"k":'.repeat(levels)}{"z":"y"}${'}'.repeat(levels)}`
    const result = walkBoth(Buffer.from(text), { style: 'walk' })
    expect(result.end).toBe(text.length)
    expect(result.log.filter((item) => item === 'k')).toHaveLength(levels)
    const broken = `${text.slice(0, -3)},}}`
    expect(
      walkBoth(Buffer.from(broken), { style: 'walk' }).error
    ).toMatchObject({
      kind: 'invalid',
      message: `expected a property name at byte ${broken.length - 2}`
    })
  })

  it('reads every key right when more keys than its table holds meet', () => {
    // Keys of one length, alike in their first 16 or 32 bytes: some share a slot.
    const names = Array.from({ length: 3 * KEY_TABLE_SLOTS }, (_, k) =>
      k % 3 === 0
        ? `key-${k}-${'x'.repeat(k % 40)}`
        : `${(k % 3 === 1 ? 's' : 't').repeat(k % 3 === 1 ? 16 : 32)}${1000 + k}`
    )
    const doc = Buffer.from(
      `{${names.map((name, k) => `"${name}":${k}`).join(',')}}`
    )
    for (let round = 0; round < 2; round++) {
      const bytes = wasmView(doc, 0, 0)
      for (let pass = 0; pass < 2; pass++) {
        const keys: string[] = []
        scanObject({ bytes, limit: 500 }, 0, 0, (key) => {
          keys.push(key)
          return undefined
        })
        expect(keys).toEqual(names)
      }
    }
    // Buffers keep tables of their own: other keys, the same slots.
    const first = wasmView(Buffer.from('{"alpha":1,"beta":2}'), 0, 0)
    const second = wasmView(Buffer.from('{"gamma":1,"delta":2}'), 0, 0)
    for (const [bytes, expected] of [
      [first, ['alpha', 'beta']],
      [second, ['gamma', 'delta']],
      [first, ['alpha', 'beta']]
    ] as const) {
      const keys: string[] = []
      scanObject({ bytes, limit: 500 }, 0, 0, (key) => {
        keys.push(key)
        return undefined
      })
      expect(keys).toEqual(expected)
    }
  })

  it('walks valid objects itself, with no help from the reference walk', () => {
    const { object } = documents(7)
    for (let n = 0; n < 300; n++) {
      const text = object(0, 40)
      const bytes = wasmView(Buffer.from(text), n % 64, 0)
      const kernel = skipKernelOf(bytes)
      if (kernel === undefined) throw new Error('no kernel')
      // The entries the reference walk finds, with their ends.
      const expected: number[] = []
      const plain = plainCopy(bytes)
      scanObject({ bytes: plain, limit: 500 }, 0, 0, (_key, at) => {
        const end = skipValue({ bytes: plain, limit: 500 }, at, 1)
        expected.push(at, end)
        return end
      })
      const found: number[] = []
      const words = kernel.walkWords
      const base = bytes.byteOffset
      let at = 0
      let first = 1
      for (;;) {
        const count = kernel.entries(
          base,
          at,
          bytes.length,
          1,
          500,
          SKIP_STACK_BYTES,
          first,
          256,
          KEY_TABLE_AT
        )
        const status = words[0]
        expect(status).not.toBe(3)
        for (let k = 0; k < count; k++) {
          const e = 4 + 5 * k
          const valueStart = words[e + 2] as number
          let valueEnd = words[e + 3] as number
          if (valueEnd === -1) {
            expect(status).toBe(2)
            expect(k).toBe(count - 1)
            valueEnd = skipValue({ bytes, limit: 500 }, valueStart, 1)
          }
          found.push(valueStart, valueEnd)
          at = valueEnd
        }
        if (status === 0) {
          expect(words[1]).toBe(bytes.length)
          break
        }
        first = 0
      }
      expect(found).toEqual(expected)
    }
  })
})
