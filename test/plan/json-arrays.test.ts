import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../scripts/make-big-plan.js'
import {
  CHANGE_MARKED,
  CHANGE_NO_OP,
  CHANGE_OBJECT,
  CHANGE_PRESENT,
  JsonScanError,
  RESOURCE_DATA,
  RESOURCE_DEPENDS_ON,
  RESOURCE_MANAGED,
  RESOURCE_MODE,
  RESOURCE_OTHER,
  scanChanges,
  scanObject,
  scanResources,
  skipValue
} from '../../src/plan/json-bytes.js'
import type { ByteScan } from '../../src/plan/json-bytes.js'
import {
  planBuffer,
  SKIP_STACK_BYTES,
  skipKernelOf
} from '../../src/plan/json-skip.js'
import { corrupt, HOSTILE } from '../support/json-documents.js'
import { plainCopy } from '../support/plan-buffers.js'

/**
 * scanResources walks the resources of a state module with the kernel's
 * `resources` export, handing each as its range, its last `mode` value and
 * whether it has `depends_on`, and hands what the kernel does not decide
 * to the reference walk. Over a plain Buffer (no kernel) every element
 * takes the reference walk: both must tell the same of every resource and
 * fail with the same error.
 */

/**
 * `doc` in a plan buffer (the kernel's) after `pad` hostile bytes and
 * before `tail` more, as a view of its own. One buffer serves every call
 * (a WebAssembly instance per document made these tests several times
 * slower); the bytes past the tail are whatever an earlier document left.
 */
function wasmView(doc: Uint8Array, pad: number, tail: number): Buffer {
  const size = pad + doc.length + tail
  if (shared.length < size)
    shared = planBuffer(Math.max(size, 2 * shared.length))
  for (let k = 0; k < pad; k++)
    shared[k] = HOSTILE[k % HOSTILE.length] as number
  shared.set(doc, pad)
  for (let k = pad + doc.length; k < size; k++)
    shared[k] = HOSTILE[k % HOSTILE.length] as number
  const view = shared.subarray(pad, pad + doc.length)
  expect(skipKernelOf(view)).toBeDefined()
  return view
}
let shared = planBuffer(1 << 16)

/** What a walk told of one resource: its range, its last mode value's range and kind, depends_on. */
type Told = readonly [number, number, number, number, number, boolean]

/** The kind OnResource gives for a mode value's bytes (0: no mode). */
function kindOf(bytes: Buffer, start: number, end: number): number {
  if (start < 0) return 0
  const text = bytes.toString('latin1', start, end)
  return text === '"data"'
    ? RESOURCE_DATA
    : text === '"managed"'
      ? RESOURCE_MANAGED
      : RESOURCE_OTHER
}

/** The reference: what JSON.parse would give the resource, found by scanObject. */
function referenceResource(
  scan: ByteScan,
  at: number,
  depth: number,
  told: Told[]
): number {
  if (scan.bytes[at] !== 0x7b) {
    const end = skipValue(scan, at, depth)
    told.push([at, end, -1, -1, 0, false])
    return end
  }
  let modeStart = -1
  let modeEnd = -1
  let dependsOn = false
  const end = scanObject(scan, at, depth, (key, valueAt) => {
    if (key === 'depends_on') dependsOn = true
    if (key !== 'mode') return undefined
    modeStart = valueAt
    modeEnd = skipValue(scan, valueAt, depth + 1)
    return modeEnd
  })
  told.push([
    at,
    end,
    modeStart,
    modeEnd,
    kindOf(scan.bytes, modeStart, modeEnd),
    dependsOn
  ])
  return end
}

/** How a walk of an array ended, and what it told of each element. */
interface Outcome<T> {
  readonly told: T[]
  readonly end?: number
  readonly error?: { kind: string; offset: number; message: string }
  /** Elements the kernel told itself. */
  readonly byKernel: number
}

/**
 * Runs `walk` (which pushes what it is told to its list, and counts what
 * the kernel tells) into an Outcome, a JsonScanError as its error.
 */
function outcome<T>(
  walk: (told: T[], kernelTold: () => void) => number
): Outcome<T> {
  const told: T[] = []
  let byKernel = 0
  try {
    const end = walk(told, () => byKernel++)
    return { told, end, byKernel }
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error
    return {
      told,
      byKernel,
      error: { kind: error.kind, offset: error.offset, message: error.message }
    }
  }
}

/**
 * `text` walked over a plain Buffer (every element by the reference) and
 * over the kernel's buffer, at an odd offset and at a block's start: the
 * kernel's outcomes must match, the count of kernel-told elements aside.
 */
function bothWays<T>(
  text: string,
  walk: (bytes: Buffer) => Outcome<T>
): { plain: Outcome<T>; kernel: Outcome<T> } {
  const doc = Buffer.from(text)
  const plain = walk(plainCopy(doc))
  expect(plain.byKernel).toBe(0)
  const kernel = walk(wasmView(doc, 13, 67))
  const { byKernel: _plain, ...expected } = plain
  const { byKernel: _kernel, ...found } = kernel
  expect(found).toEqual(expected)
  expect(walk(wasmView(doc, 0, 0)).told).toEqual(plain.told)
  return { plain, kernel }
}

/** scanResources of `text` both ways, the array nested in `depth` containers. */
function walkBoth(text: string, depth = 3, limit = 500) {
  return bothWays(text, (bytes) => {
    const scan: ByteScan = { bytes, limit }
    return outcome<Told>((told, kernelTold) =>
      scanResources(
        scan,
        0,
        depth,
        (start, end, modeStart, modeEnd, flags) => {
          kernelTold()
          // An escaped key never reaches the kernel's bytes comparison.
          expect(flags & RESOURCE_MODE).toBe(kindOf(bytes, modeStart, modeEnd))
          told.push([
            start,
            end,
            modeStart,
            modeEnd,
            flags & RESOURCE_MODE,
            (flags & RESOURCE_DEPENDS_ON) !== 0
          ])
        },
        (at) => referenceResource(scan, at, depth + 1, told)
      )
    )
  })
}

/** Keys a state resource has, and the spellings that only a parser reads as `mode` or `depends_on`. */
const RESOURCE_KEYS = [
  'address',
  'mode',
  'mode',
  'type',
  'name',
  'index',
  'provider_name',
  'schema_version',
  'values',
  'sensitive_values',
  'depends_on',
  'depends_on',
  'modes',
  'mod',
  'depends_onx',
  'depends',
  '\\u006dode',
  'depends\\u005fon',
  'mo\\"de',
  'clé'
]

const MODES = [
  '"managed"',
  '"data"',
  '"data"',
  '"managed"',
  '"d\\u0061ta"',
  '"dat"',
  '"datas"',
  '" data"',
  '"manage"',
  '"managed "',
  '42',
  'null',
  '{"data":1}',
  '["data"]',
  '""'
]

/** A generator of state-like resource arrays, valid unless corrupted afterwards. */
function resourceArrays(seed: number) {
  const random = mulberry32(seed)
  const int = (n: number): number => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  const space = (): string =>
    random() < 0.75 ? '' : pick([' ', '\n    ', '\t', '\r\n', ' '.repeat(70)])
  const value = (level: number): string => {
    const roll = random()
    if (level < 5 && roll < 0.15)
      return `{${space()}"a"${space()}:${space()}${value(level + 1)},"b":[${value(level + 1)}]}`
    if (roll < 0.25)
      return `{"policy":"${'p'.repeat(int(900))}\\\\","list":[1,{"x":"]}"}]}`
    return pick([
      '"module.a[\\"k\\"].x"',
      '"text"',
      '"[{]}\\""',
      '0',
      '-1.5e3',
      'true',
      'false',
      'null',
      '[]',
      '{}',
      '"ünï"'
    ])
  }
  const resource = (): string => {
    if (random() < 0.03) return pick(['7', '"x"', '[1,2]', 'null', '{}'])
    const entries = Array.from({ length: int(12) }, () => {
      const key = random() < 0.6 ? pick(RESOURCE_KEYS) : `k${int(40)}`
      const v = key === 'mode' || key === '\\u006dode' ? pick(MODES) : value(0)
      return `"${key}"${space()}:${space()}${v}`
    })
    return `{${space()}${entries.join(`${space()},${space()}`)}${space()}}`
  }
  const array = (most: number): string => {
    const items = Array.from({ length: int(most + 1) }, resource)
    return `[${space()}${items.join(`${space()},${space()}`)}${space()}]`
  }
  return { int, array }
}

describe('the kernel walk of state resources (scanResources)', () => {
  it('reads mode and depends_on right, the last mode counting', () => {
    const text =
      '[{"mode":"data"},{"mode":"managed"},{"mode":"data","mode":"managed"},' +
      '{"mode":"managed","mode":"data"},{"depends_on":[]},{"x":1},' +
      '{"mode" : "data" , "depends_on" : null},{"mode":"d\\u0061ta"}]'
    const { kernel } = walkBoth(text)
    expect(kernel.byKernel).toBe(8)
    expect(
      kernel.told.map(([, , , , kind, depends]) => [kind, depends])
    ).toEqual([
      [RESOURCE_DATA, false],
      [RESOURCE_MANAGED, false],
      [RESOURCE_MANAGED, false],
      [RESOURCE_DATA, false],
      [0, true],
      [0, false],
      [RESOURCE_DATA, true],
      [RESOURCE_OTHER, false]
    ])
  })

  it('leaves an escaped key to the reference walk, which reads it as JSON.parse does', () => {
    const { kernel } = walkBoth(
      '[{"mode":"managed"},{"\\u006dode":"data","depends\\u005fon":[]},{"mode":"managed"}]'
    )
    expect(kernel.byKernel).toBe(2)
    expect(kernel.told[1]?.[4]).toBe(RESOURCE_DATA)
    expect(kernel.told[1]?.[5]).toBe(true)
  })

  it('walks arrays longer than a walk area holds', () => {
    const items = Array.from(
      { length: 333 },
      (_, k) =>
        `{"address":"r.${k}","mode":"${k % 7 === 0 ? 'data' : 'managed'}","values":{"v":${k}}${k % 5 === 0 ? ',"depends_on":["x"]' : ''}}`
    )
    const { kernel } = walkBoth(`[${items.join(',')}]`)
    expect(kernel.byKernel).toBe(333)
    expect(
      kernel.told.filter(([, , , , kind]) => kind === RESOURCE_DATA)
    ).toHaveLength(48)
    expect(kernel.told.filter(([, , , , , depends]) => depends)).toHaveLength(
      67
    )
  })

  it('keeps the errors of the depth limit', () => {
    const text = '[{"mode":"data","values":{"a":[[[1]]]}},{"mode":"managed"}]'
    for (let limit = 2; limit <= 10; limit++)
      for (let depth = 0; depth <= 4; depth++) walkBoth(text, depth, limit)
    expect(walkBoth(text, 3, 6).plain.error?.kind).toBe('deep')
    expect(walkBoth('[]', 3, 4).plain.end).toBe(2)
  })

  it('writes its records where the walk area says, and no further', () => {
    const bytes = wasmView(
      Buffer.from('[{"mode":"data"},{"mode":"managed"}]'),
      0,
      0
    )
    const kernel = skipKernelOf(bytes)
    if (kernel === undefined) throw new Error('no kernel')
    const count = kernel.resources(
      bytes.byteOffset,
      0,
      bytes.length,
      3,
      500,
      SKIP_STACK_BYTES,
      1,
      1
    )
    const words = kernel.walkWords
    // One record (max 1), then status 1: go on after it.
    expect(count).toBe(1)
    expect([words[0], words[1]]).toEqual([1, 16])
    expect([...words.slice(4, 9)]).toEqual([1, 16, 9, 15, RESOURCE_DATA])
  })
})

/**
 * scanChanges: each element of resource_changes told as its range, whether
 * it has a change (the last one counting), whether that is an object, the
 * range of its last actions and whether that is exactly ["no-op"], whether
 * a mask holds `true`, and the ranges of the values a quiet no-op leaves
 * out, in order; the same from the kernel and from the reference walk.
 */
type ChangeTold = readonly [number, number, number, number, number, string]

const QUIET = new Set([
  'before',
  'after',
  'after_unknown',
  'before_sensitive',
  'after_sensitive'
])
const MASKS = new Set(['before_sensitive', 'after_sensitive'])

function referenceChange(
  scan: ByteScan,
  at: number,
  depth: number,
  told: ChangeTold[]
): number {
  if (scan.bytes[at] !== 0x7b) {
    const end = skipValue(scan, at, depth)
    told.push([at, end, 0, -1, -1, ''])
    return end
  }
  let flags = 0
  let actions: [number, number] = [-1, -1]
  let quiet: number[] = []
  const end = scanObject(scan, at, depth, (key, valueAt) => {
    if (key !== 'change') return undefined
    flags = CHANGE_PRESENT
    actions = [-1, -1]
    quiet = []
    if (scan.bytes[valueAt] !== 0x7b) return undefined
    flags |= CHANGE_OBJECT
    return scanObject(scan, valueAt, depth + 1, (inner, innerAt) => {
      const innerEnd = skipValue(scan, innerAt, depth + 2)
      const text = scan.bytes.toString('latin1', innerAt, innerEnd)
      if (inner === 'actions') {
        actions = [innerAt, innerEnd]
        flags =
          text === '["no-op"]' ? flags | CHANGE_NO_OP : flags & ~CHANGE_NO_OP
      }
      if (QUIET.has(inner)) quiet.push(innerAt, innerEnd)
      if (MASKS.has(inner) && text.includes('true')) flags |= CHANGE_MARKED
      return innerEnd
    })
  })
  told.push([at, end, flags, actions[0], actions[1], quiet.join(',')])
  return end
}

/** scanChanges of `text` both ways, the array nested in `depth` containers. */
function changesBoth(text: string, depth = 1, limit = 500) {
  return bothWays(text, (bytes) => {
    const scan: ByteScan = { bytes, limit }
    return outcome<ChangeTold>((told, kernelTold) =>
      scanChanges(
        scan,
        0,
        depth,
        (start, end, flags, actionsStart, actionsEnd, quiet) => {
          kernelTold()
          told.push([
            start,
            end,
            flags,
            actionsStart,
            actionsEnd,
            quiet.join(',')
          ])
        },
        (at) => referenceChange(scan, at, depth + 1, told)
      )
    )
  })
}

const CHANGE_KEYS = [
  'actions',
  'actions',
  'before',
  'after',
  'after_unknown',
  'before_sensitive',
  'after_sensitive',
  'before',
  'replace_paths',
  'importing',
  'befor',
  'afterx',
  'after_sensitivE',
  'before_sensitivf',
  'after_unknowN',
  'action',
  '\\u0061fter',
  'act\\u0069ons'
]

const ACTIONS = [
  '["no-op"]',
  '["no-op"]',
  '["update"]',
  '["delete","create"]',
  '[ "no-op" ]',
  '["no-op","x"]',
  '["no\\u002dop"]',
  '"no-op"',
  'null'
]

const MASK_VALUES = [
  '{}',
  'false',
  'true',
  '{"a":true}',
  '{"a":{"b":[false,true]}}',
  '{"true":false}',
  '[false]',
  '{"password":true,"x":"tru"}'
]

/** A generator of resource_changes-like arrays. */
function changeArrays(seed: number) {
  const random = mulberry32(seed)
  const int = (n: number): number => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  const space = (): string =>
    random() < 0.75 ? '' : pick([' ', '\n  ', '\t', ' '.repeat(40)])
  const value = (): string =>
    pick([
      '{"input":{"a":"b","n":[1,2,{"x":"]}"}]},"output":"x"}',
      `{"policy":"${'p'.repeat(int(700))}\\\\"}`,
      '"module.a[\\"k\\"].x"',
      'null',
      '{}',
      '12',
      'true'
    ])
  const changeObject = (): string => {
    if (random() < 0.05) return pick(['null', '7', '"x"', '[]'])
    const entries = Array.from({ length: int(9) }, () => {
      const key = pick(CHANGE_KEYS)
      const v =
        key === 'actions'
          ? pick(ACTIONS)
          : MASKS.has(key)
            ? pick(MASK_VALUES)
            : value()
      return `"${key}"${space()}:${space()}${v}`
    })
    return `{${space()}${entries.join(`${space()},${space()}`)}${space()}}`
  }
  const element = (): string => {
    if (random() < 0.03) return pick(['7', '"x"', '[1]', 'null'])
    const entries = Array.from({ length: int(8) }, () => {
      const key = pick([
        'address',
        'mode',
        'type',
        'change',
        'change',
        'provider_name',
        'changes',
        'chang',
        'ch\\u0061nge'
      ])
      const v = key.startsWith('ch') ? changeObject() : value()
      return `"${key}"${space()}:${space()}${v}`
    })
    return `{${space()}${entries.join(`${space()},${space()}`)}${space()}}`
  }
  const array = (most: number): string =>
    `[${space()}${Array.from({ length: int(most + 1) }, element).join(`${space()},${space()}`)}${space()}]`
  return { int, array }
}

describe('the kernel walk of changes (scanChanges)', () => {
  it('tells quiet no-ops, marked masks and the last change apart', () => {
    const text =
      '[{"change":{"actions":["no-op"],"before":{},"after":{},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}},' +
      '{"change":{"actions":["no-op"],"before_sensitive":{"a":true}}},' +
      '{"change":{"actions":["no-op"],"actions":["update"]}},' +
      '{"change":{"actions":["update"]},"change":{"actions":["no-op"]}},' +
      '{"change":{"before":1,"before":2,"before":3,"after":4,"after":5,"after":6}}]'
    const { kernel } = changesBoth(text)
    // The last element has six values to leave out: the reference walks it.
    expect(kernel.byKernel).toBe(4)
    const flags = kernel.told.map(([, , f]) => f)
    const base = CHANGE_PRESENT | CHANGE_OBJECT
    expect(flags).toEqual([
      base | CHANGE_NO_OP,
      base | CHANGE_NO_OP | CHANGE_MARKED,
      base,
      base | CHANGE_NO_OP,
      base
    ])
    expect(kernel.told[0]?.[5].split(',')).toHaveLength(10)
  })

  it('walks arrays longer than a walk area holds, and keeps the depth limit', () => {
    const items = Array.from(
      { length: 101 },
      (_, k) =>
        `{"address":"r.${k}","change":{"actions":["${k % 3 === 0 ? 'no-op' : 'update'}"],"before":{"v":${k}},"after":{"v":[${k}]}}}`
    )
    const text = `[${items.join(',')}]`
    expect(changesBoth(text).kernel.byKernel).toBe(101)
    for (let limit = 2; limit <= 7; limit++)
      for (let depth = 0; depth <= 3; depth++) changesBoth(text, depth, limit)
  })
})

/** The walks, with their generators and a sample whose every byte is changed. */
const WALKS = [
  {
    name: 'state resources (scanResources)',
    both: (text: string) => walkBoth(text),
    arrays: resourceArrays,
    seed: 11,
    long: 140,
    short: 12,
    // Most resources are the kernel's; escaped keys and non-objects are the reference's.
    kernelShare: 1 / 2,
    sample:
      '[{"address":"a.b[\\"k\\"]","mode":"data","values":{"x":[1,"]"]}},' +
      '{"mode":"managed","depends_on":["a"]},{"\\u006dode":"data"},7]'
  },
  {
    name: 'changes (scanChanges)',
    both: (text: string) => changesBoth(text),
    arrays: changeArrays,
    seed: 21,
    long: 60,
    short: 10,
    kernelShare: 1 / 3,
    sample:
      '[{"address":"a.b[\\"k\\"]","change":{"actions":["no-op"],"before":{"x":[1,"]"]},' +
      '"after":null,"before_sensitive":{},"after_sensitive":{"p":true}}},' +
      '{"change":{"actions":["update"],"after_unknown":{"id":true}},"change":7},{"x":1},3]'
  }
]

describe.each(WALKS)('the kernel walk of $name, against the reference', (w) => {
  it('tells what the reference walk tells of 500 generated arrays', () => {
    const { array } = w.arrays(w.seed)
    let byKernel = 0
    let elements = 0
    for (let n = 0; n < 500; n++) {
      const { plain, kernel } = w.both(array(n % 10 === 0 ? w.long : w.short))
      expect(plain.error).toBeUndefined()
      byKernel += kernel.byKernel
      elements += plain.told.length
    }
    expect(byKernel).toBeGreaterThan(elements * w.kernelShare)
    expect(byKernel).toBeLessThan(elements)
  })

  it('fails as the reference walk fails on broken and truncated arrays', () => {
    const { array, int } = w.arrays(w.seed + 1)
    let errors = 0
    for (let n = 0; n < 800; n++)
      if (w.both(corrupt(array(8), int)).plain.error !== undefined) errors++
    // Most corruptions break the JSON; both walks must name the same problem.
    expect(errors).toBeGreaterThan(320)
  })

  it('agrees on every truncation and every byte changed of a small array', () => {
    const text = w.sample
    for (let end = 0; end <= text.length; end++) w.both(text.slice(0, end))
    for (let at = 0; at < text.length; at++)
      for (const byte of ['"', '\\', ',', ':', ']', '}', '{', ' ', 't'])
        w.both(`${text.slice(0, at)}${byte}${text.slice(at + 1)}`)
  })
})
