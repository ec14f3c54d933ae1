import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { reviewedItems } from '../../src/gate/index.js'
import type { ChangeItem, DigestScope } from '../../src/gate/index.js'
import {
  buildRecord,
  decodeRecord,
  encodeRecord,
  MAX_RECORD_BYTES,
  parseRecord,
  recordData,
  recordIntact,
  RecordError
} from '../../src/gate/record.js'
import type { ReviewRecord } from '../../src/gate/record.js'
import { analyzeFixtures } from '../helpers.js'

const SCOPE: DigestScope = {
  repository: 'acme/infra',
  pullNumber: 42,
  baseRef: 'main',
  headSha: 'c'.repeat(40)
}

/** A real review: the kitchen-sink plan's five destructive changes, all gated (no history). */
const ITEMS = reviewedItems(analyzeFixtures('terraform/kitchen-sink.json'))
const RECORD = buildRecord(SCOPE, ITEMS)

/** The record as JSON data, to edit like someone with the file in hand. */
function data(record: ReviewRecord = RECORD): {
  scope: Record<string, unknown>
  digest: string
  items: Record<string, unknown>[]
} & Record<string, unknown> {
  return JSON.parse(JSON.stringify(recordData(record))) as ReturnType<
    typeof data
  >
}

function encodeData(value: unknown): string {
  return gzipSync(JSON.stringify(value)).toString('base64')
}

describe('buildRecord and recordIntact', () => {
  it('a built record is intact and binds every reviewed item', () => {
    // Five destroys and replaces; the `forget` is not destructive.
    expect(ITEMS).toHaveLength(5)
    expect(RECORD.digest).toMatch(/^[0-9a-f]{16}$/)
    expect(RECORD.items).toEqual(ITEMS)
    expect(recordIntact(RECORD)).toBe(true)
  })

  it('a record with nothing to review has no digest, and stays intact', () => {
    const empty = buildRecord(
      SCOPE,
      reviewedItems(analyzeFixtures('terraform/update.json'))
    )
    expect(empty).toMatchObject({ digest: '', items: [] })
    expect(recordIntact(empty)).toBe(true)
    // A digest claimed for an empty review is not what its items give.
    expect(recordIntact({ ...empty, digest: RECORD.digest })).toBe(false)
  })

  const first = ITEMS[0] as ChangeItem
  it.each<[string, (r: ReviewRecord) => ReviewRecord]>([
    [
      "an item's gated flag",
      (r) => ({
        ...r,
        items: r.items.map((item, i) =>
          i === 0 ? ({ ...item, gated: !item.gated } as ChangeItem) : item
        )
      })
    ],
    [
      'an address',
      (r) => ({
        ...r,
        items: r.items.map((item, i) =>
          i === 0 && item.kind === 'change'
            ? { ...item, address: `${item.address}_x` }
            : item
        )
      })
    ],
    [
      'an action (replace shown, destroy claimed)',
      (r) => ({
        ...r,
        items: r.items.map((item) =>
          item.kind === 'change' && item.action === 'replace'
            ? { ...item, action: 'destroy' as const }
            : item
        )
      })
    ],
    ['the stack', (r) => ({ ...r, items: [{ ...first, stack: 'prod' }] })],
    [
      "the scope's head",
      (r) => ({ ...r, scope: { ...r.scope, headSha: 'd'.repeat(40) } })
    ],
    [
      "the scope's pull request",
      (r) => ({ ...r, scope: { ...r.scope, pullNumber: 43 } })
    ],
    [
      'an added item',
      (r) => ({
        ...r,
        items: [
          ...r.items,
          { ...first, address: 'terraform_data.nobody_saw_this' }
        ]
      })
    ],
    ['a removed item', (r) => ({ ...r, items: r.items.slice(1) })],
    [
      'declaring files added',
      (r) => ({
        ...r,
        items: [{ ...first, files: ['main.tf'] }, ...r.items.slice(1)]
      })
    ]
  ])('editing %s breaks it', (_, edit) => {
    const edited = edit(RECORD)
    expect(edited).not.toEqual(RECORD)
    expect(recordIntact(edited)).toBe(false)
    // …and still after a round trip: the edit travels, the digest does not follow it.
    expect(recordIntact(decodeRecord(encodeRecord(edited)))).toBe(false)
  })
})

describe('encodeRecord and decodeRecord', () => {
  it('round-trips a real review, byte for byte', () => {
    const text = encodeRecord(RECORD)
    expect(text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/)
    const back = decodeRecord(text)
    expect(back).toEqual(RECORD)
    expect(recordIntact(back)).toBe(true)
    expect(encodeRecord(back)).toBe(text)
  })

  it('round-trips declaring files and an empty review', () => {
    const withFiles = buildRecord(SCOPE, [
      { ...(ITEMS[0] as ChangeItem), files: ['modules/db/main.tf'] }
    ])
    expect(decodeRecord(encodeRecord(withFiles))).toEqual(withFiles)
    const empty = buildRecord(SCOPE, [])
    expect(decodeRecord(encodeRecord(empty))).toEqual(empty)
  })

  it('is safe inside an HTML comment (no "-" or ">")', () => {
    expect(encodeRecord(RECORD)).not.toMatch(/[->]/)
  })

  it.each([
    ['text with a space', 'H4sI AAAA'],
    ['an HTML comment end', 'H4sI-->'],
    ['URL-safe base64', 'H4sI_-AA'],
    ['padding in the middle', 'H4==sI']
  ])('refuses non-base64: %s', (_, text) => {
    expect(() => decodeRecord(text)).toThrow(RecordError)
    expect(() => decodeRecord(text)).toThrow('the record is not base64 text')
  })

  it('refuses base64 that is not gzip', () => {
    const text = Buffer.from('{"version":1}').toString('base64')
    expect(() => decodeRecord(text)).toThrow(/^the record does not decompress/)
  })

  it('refuses gzip that is not JSON', () => {
    expect(() => decodeRecord(gzipSync('not json').toString('base64'))).toThrow(
      'the record is not JSON'
    )
  })

  it('refuses a gzip bomb without inflating it', () => {
    // A few kilobytes that inflate past the limit: a run of zeros compresses ~1000:1.
    const bomb = gzipSync(Buffer.alloc(MAX_RECORD_BYTES + 1024), { level: 9 })
    const text = bomb.toString('base64')
    expect(text.length).toBeLessThan(100_000)
    expect(() => decodeRecord(text)).toThrow(RecordError)
    expect(() => decodeRecord(text)).toThrow(/^the record does not decompress/)
  })

  it('accepts a record just under the limit of what it may inflate to', () => {
    // The limit bounds the inflated size, not the JSON's meaning: padding spaces are fine.
    const json = JSON.stringify(recordData(RECORD))
    const padded = json + ' '.repeat(1024 * 1024)
    expect(decodeRecord(gzipSync(padded).toString('base64'))).toEqual(RECORD)
  })
})

describe('decodeRecord and parseRecord refuse bad shapes, naming the field', () => {
  const item0 = (edit: (item: Record<string, unknown>) => void) => {
    const d = data()
    edit(d.items[0] as Record<string, unknown>)
    return d
  }
  it.each<[string, unknown, string]>([
    ['not an object', [], 'record: expected an object'],
    ['null', null, 'record: expected an object'],
    [
      'another version',
      { ...data(), version: 2 },
      'record.version: expected 1, found 2'
    ],
    [
      'no version',
      { ...data(), version: undefined },
      'record.version: expected 1, found nothing'
    ],
    [
      'no scope',
      { ...data(), scope: 'acme/infra#42' },
      'record.scope: expected an object'
    ],
    [
      'a numeric head',
      { ...data(), scope: { ...data().scope, headSha: 12 } },
      'record.scope.headSha: expected text, found number'
    ],
    [
      'a pull number as text',
      { ...data(), scope: { ...data().scope, pullNumber: '42' } },
      'record.scope.pullNumber: expected a number'
    ],
    [
      'an uppercase digest',
      { ...data(), digest: RECORD.digest.toUpperCase() },
      'record.digest: expected 16 lowercase hex digits'
    ],
    [
      'a digest that is too long',
      { ...data(), digest: `${RECORD.digest}00` },
      'record.digest: expected 16 lowercase hex digits'
    ],
    [
      'items as an object',
      { ...data(), items: {} },
      'record.items: expected a list'
    ],
    [
      'an item of another kind',
      item0((item) => (item.kind = 'protected-path')),
      'record.items[0].kind: expected "change", "path" or "action", found "protected-path"'
    ],
    [
      'a protected path that is not gated',
      item0((item) => {
        item.kind = 'path'
        item.path = '.github/workflows/plan.yml'
        item.previousPath = ''
        item.status = 'modified'
        item.sha = 'a'.repeat(40)
        item.gated = false
      }),
      'record.items[0].gated: expected true (a protected path is always gated)'
    ],
    [
      'an unknown action',
      item0((item) => (item.action = 'obliterate')),
      'record.items[0].action: expected one of'
    ],
    [
      'gated as text',
      item0((item) => (item.gated = 'false')),
      'record.items[0].gated: expected true or false'
    ],
    [
      'a missing address',
      item0((item) => delete item.address),
      'record.items[0].address: expected text, found nothing'
    ],
    [
      'files as text',
      item0((item) => (item.files = 'main.tf')),
      'record.items[0].files: expected a list'
    ],
    [
      'a file that is not text',
      item0((item) => (item.files = ['main.tf', 7])),
      'record.items[0].files[1]: expected text, found number'
    ]
  ])('%s', (_, value, message) => {
    expect(() => decodeRecord(encodeData(value))).toThrow(RecordError)
    expect(() => decodeRecord(encodeData(value))).toThrow(message)
    // parseRecord names the place it was given.
    expect(() => parseRecord(value, 'review')).toThrow(
      message.replace(/^record/, 'review')
    )
  })
})
