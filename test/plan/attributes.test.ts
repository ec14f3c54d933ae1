import { describe, expect, it } from 'vitest'
import type { AttributeChange } from '../../src/model.js'
import { diffAttributes, formatPath } from '../../src/plan/index.js'
import { createRedactor } from '../../src/redact/index.js'

const none = createRedactor([])

function diff(
  before: unknown,
  after: unknown,
  masks: { bs?: unknown; as?: unknown; au?: unknown } = {}
): AttributeChange[] {
  return diffAttributes(
    { value: before, sensitive: masks.bs, absent: before === null },
    {
      value: after,
      sensitive: masks.as,
      unknown: masks.au,
      absent: after === null && masks.au !== true
    },
    none,
    ['triggers_replace']
  )
}

const value = (v: unknown) => ({ kind: 'value', value: v }) as const
const absent = { kind: 'absent' } as const
const sensitive = { kind: 'sensitive' } as const
const unknown = { kind: 'unknown' } as const

describe('diffAttributes', () => {
  it('lists only changed leaves, with Terraform-style paths', () => {
    const changes = diff(
      {
        name: 'a',
        tags: { Name: 'x', 'cost-center': '1', 'a b': 1 },
        list: [1, 2],
        same: { deep: [1] }
      },
      {
        name: 'b',
        tags: { Name: 'x', 'cost-center': '2', 'a b': 2 },
        list: [1],
        same: { deep: [1] }
      }
    )
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['list[1]', value(2), absent],
      ['name', value('a'), value('b')],
      ['tags["a b"]', value(1), value(2)],
      ['tags.cost-center', value('1'), value('2')]
    ])
  })

  it('honours sensitivity masks on whole values, nested keys and list elements', () => {
    const changes = diff(
      { password: 'old', nested: { key: 'k1', open: 1 }, list: ['a', 's1'] },
      { password: 'new', nested: { key: 'k2', open: 2 }, list: ['a', 's2'] },
      {
        bs: { password: true, nested: { key: true }, list: [false, true] },
        as: { password: true, nested: { key: true }, list: [false, true] }
      }
    )
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['list[1]', sensitive, sensitive],
      ['nested.key', sensitive, sensitive],
      ['nested.open', value(1), value(2)],
      ['password', sensitive, sensitive]
    ])
  })

  it('masks the sensitive parts of a value shown whole', () => {
    const [change] = diff(
      { obj: { secret: 's', open: 'o' } },
      { obj: 'now a string' },
      { bs: { obj: { secret: true } } }
    )
    expect(change).toMatchObject({
      path: 'obj',
      before: value({ secret: '(sensitive)', open: 'o' }),
      after: value('now a string')
    })
  })

  it('shows a sensitivity change even when the value is the same', () => {
    const [change] = diff(
      { token: 't' },
      { token: 't' },
      { as: { token: true } }
    )
    expect(change).toMatchObject({
      path: 'token',
      before: value('t'),
      after: sensitive
    })
  })

  it('marks unknown values, including keys only the unknown mask names', () => {
    expect(diff(null, { name: 'x' }, { au: { id: true } })).toEqual([
      { path: 'id', before: absent, after: unknown, forcesReplacement: false },
      {
        path: 'name',
        before: absent,
        after: value('x'),
        forcesReplacement: false
      }
    ])
  })

  it('marks paths under a replace path as forcing replacement', () => {
    const changes = diff(
      { triggers_replace: ['a'], other: 1 },
      { triggers_replace: ['b'], other: 2 }
    )
    expect(changes.map((c) => [c.path, c.forcesReplacement])).toEqual([
      ['other', false],
      ['triggers_replace[0]', true]
    ])
  })

  it('shows an empty collection appearing', () => {
    expect(
      diff({ tags: null }, { tags: {} }).map((c) => [c.path, c.before, c.after])
    ).toEqual([['tags', value(null), value({})]])
  })

  it('masks copies of secrets in values and keys', () => {
    const redactor = createRedactor(['s3cr3t-value'])
    const changes = diffAttributes(
      { value: { a: 'x' }, sensitive: false, absent: false },
      {
        value: { a: 's3cr3t-value', m: { 's3cr3t-value': 1 }, n: 42 },
        sensitive: false,
        absent: false
      },
      redactor
    )
    expect(JSON.stringify(changes)).not.toContain('s3cr3t-value')
    expect(changes.find((c) => c.path === 'a')?.after).toEqual(sensitive)
  })
})

describe('formatPath', () => {
  it.each([
    [['triggers_replace'], 'triggers_replace'],
    [['input', 'a'], 'input.a'],
    [['list', 0, 'x'], 'list[0].x'],
    [['tags', 'kubernetes.io/role'], 'tags["kubernetes.io/role"]']
  ])('%j → %s', (steps, path) => {
    expect(formatPath(steps)).toBe(path)
  })
})
