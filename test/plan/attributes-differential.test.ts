/**
 * The tuned attribute walk (src/plan/attributes.ts skips unchanged leaves
 * before building their paths) against the walk it replaced
 * (test/support/diff-reference.ts), over generated pairs of values with
 * sensitivity and unknown masks at every depth, keys an object inherits
 * (`constructor`), copies of a secret and replace paths.
 */
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../scripts/make-big-plan.js'
import { diffAttributes } from '../../src/plan/attributes.js'
import type { ValueSide } from '../../src/plan/attributes.js'
import { createRedactor } from '../../src/redact/index.js'
import { referenceDiffAttributes } from '../support/diff-reference.js'

const SECRET = 'pg-secret-value-4242'
const KEYS = [
  'a',
  'b',
  'name',
  'tags',
  'constructor',
  'toString',
  '__proto__',
  'a b',
  SECRET
]
const SCALARS = [
  null,
  0,
  1,
  2.5,
  -1,
  true,
  false,
  '',
  'x',
  'y',
  SECRET,
  `pre-${SECRET}`
]

interface Pair {
  readonly before: ValueSide
  readonly after: ValueSide
  readonly forcing: string[]
}

function pairs(seed: number, count: number): Pair[] {
  const random = mulberry32(seed)
  const int = (n: number): number => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  const value = (depth: number): unknown => {
    const roll = random()
    if (depth === 0 || roll < 0.45) return pick(SCALARS)
    if (roll < 0.7)
      return Array.from({ length: int(4) }, () => value(depth - 1))
    // JSON.parse's objects: `__proto__` an own key, the prototype Object's.
    const entries = Array.from({ length: int(5) }, () => [
      pick(KEYS),
      value(depth - 1)
    ])
    return JSON.parse(JSON.stringify(Object.fromEntries(entries))) as unknown
  }
  // The after side: mostly the before side with a few leaves changed.
  const edit = (v: unknown, depth: number): unknown => {
    if (random() < 0.15) return value(depth)
    if (Array.isArray(v)) {
      const out = v.map((item) => edit(item, depth - 1))
      if (random() < 0.1) out.push(value(depth - 1))
      if (random() < 0.1) out.pop()
      return out
    }
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {}
      for (const [k, item] of Object.entries(v))
        if (random() >= 0.1) out[k] = edit(item, depth - 1)
      if (random() < 0.15) out[pick(KEYS)] = value(depth - 1)
      return JSON.parse(JSON.stringify(out)) as unknown
    }
    return random() < 0.2 ? pick(SCALARS) : v
  }
  // A mask shaped like the value (or not): true, false, absent, or nested.
  const mask = (v: unknown, share: number): unknown => {
    const roll = random()
    if (roll < share) return true
    if (roll < 0.5) return undefined
    if (Array.isArray(v)) return v.map((item) => mask(item, share))
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v))
        out[k] = mask((v as Record<string, unknown>)[k], share)
      if (random() < 0.2) out[pick(KEYS)] = random() < 0.5 ? true : {}
      return JSON.parse(JSON.stringify(out)) as unknown
    }
    return random() < 0.5 ? false : undefined
  }
  return Array.from({ length: count }, () => {
    const before = random() < 0.1 ? null : value(4)
    const after = random() < 0.1 ? null : edit(before, 4)
    const unknown = random() < 0.05 ? true : mask(after, 0.1)
    return {
      before: {
        value: before,
        sensitive: mask(before, 0.1),
        absent: before === null
      },
      after: {
        value: after,
        sensitive: mask(after, 0.1),
        unknown,
        absent: after === null && unknown !== true
      },
      forcing:
        random() < 0.3 ? [pick(['a', 'tags', 'name', 'a[0]', 'b.a'])] : []
    }
  })
}

describe('the tuned attribute walk', () => {
  const redactors = [
    ['no secrets', createRedactor([])],
    ['a secret', createRedactor([SECRET])]
  ] as const

  it.each(redactors)(
    'lists the same changes as the walk it replaced, %s',
    (_name, redactor) => {
      let changed = 0
      let skippedButShown = 0
      for (const seed of [1, 2, 3, 4]) {
        for (const { before, after, forcing } of pairs(seed, 600)) {
          const expected = referenceDiffAttributes(
            before,
            after,
            redactor,
            forcing
          )
          expect(diffAttributes(before, after, redactor, forcing)).toEqual(
            expected
          )
          changed += expected.length
          // A leaf the same on both sides that is still a change: the cases
          // a skip of equal leaves must not swallow.
          skippedButShown += expected.filter(
            (c) =>
              c.after.kind === 'unknown' ||
              (c.before.kind === 'sensitive') !== (c.after.kind === 'sensitive')
          ).length
        }
      }
      expect(changed).toBeGreaterThan(2_000)
      expect(skippedButShown).toBeGreaterThan(200)
    }
  )

  it('skips an equal leaf only when both sides are equally sensitive and known', () => {
    const none = createRedactor([])
    const side = (
      value: unknown,
      sensitive?: unknown,
      unknown?: unknown
    ): ValueSide => ({
      value,
      sensitive,
      unknown,
      absent: false
    })
    const cases: [ValueSide, ValueSide][] = [
      [side({ a: 'x' }), side({ a: 'x' }, { a: true })],
      [side({ a: 'x' }, { a: true }), side({ a: 'x' })],
      [side({ a: 'x' }), side({ a: 'x' }, undefined, { a: true })],
      [side(['x']), side(['x'], [true])],
      [side({ a: null }), side({ a: null }, undefined, { a: true })]
    ]
    for (const [before, after] of cases) {
      const shown = diffAttributes(before, after, none)
      expect(shown).toEqual(referenceDiffAttributes(before, after, none))
      expect(shown).toHaveLength(1)
    }
    expect(
      diffAttributes(
        side({ a: 'x' }, { a: true }),
        side({ a: 'x' }, { a: true }),
        none
      )
    ).toEqual([])
  })
})
