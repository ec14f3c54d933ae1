import { describe, expect, it } from 'vitest'
import {
  computeDigest,
  DIGEST_LENGTH,
  gatedItems,
  reviewedItems
} from '../../src/gate/index.js'
import type { ChangeItem, DigestScope } from '../../src/gate/index.js'
import { analyzeFixtures } from '../helpers.js'

const SCOPE: DigestScope = {
  repository: 'acme/infra',
  pullNumber: 7,
  baseRef: 'main',
  headSha: 'a'.repeat(40)
}

const ITEMS: ChangeItem[] = [
  {
    kind: 'change',
    source: 'plan.json',
    stack: '',
    gated: true,
    address: 'terraform_data.db',
    action: 'replace',
    type: 'terraform_data',
    reason: 'replace_because_cannot_update'
  },
  {
    kind: 'change',
    source: 'plan.json',
    stack: '',
    gated: false,
    address: 'terraform_data.vpc',
    action: 'destroy',
    type: 'terraform_data',
    reason: ''
  }
]

describe('computeDigest', () => {
  it('is 16 lowercase hex characters and stable', () => {
    const digest = computeDigest(SCOPE, ITEMS)
    expect(digest).toMatch(new RegExp(`^[0-9a-f]{${DIGEST_LENGTH}}$`))
    expect(computeDigest(SCOPE, ITEMS)).toBe(digest)
  })

  it('does not depend on the order of the items', () => {
    expect(computeDigest(SCOPE, [...ITEMS].reverse())).toBe(
      computeDigest(SCOPE, ITEMS)
    )
  })

  it.each([
    ['a new head', { ...SCOPE, headSha: 'b'.repeat(40) }, ITEMS],
    ['another base', { ...SCOPE, baseRef: 'release' }, ITEMS],
    ['another pull request', { ...SCOPE, pullNumber: 8 }, ITEMS],
    ['another repository', { ...SCOPE, repository: 'acme/other' }, ITEMS],
    ['one change fewer', SCOPE, ITEMS.slice(0, 1)],
    [
      'one change more',
      SCOPE,
      [...ITEMS, { ...ITEMS[0]!, address: 'terraform_data.x' }]
    ],
    [
      'another action',
      SCOPE,
      [{ ...ITEMS[0]!, action: 'destroy' as const }, ITEMS[1]!]
    ],
    [
      'another reason',
      SCOPE,
      [{ ...ITEMS[0]!, reason: 'replace_by_request' }, ITEMS[1]!]
    ],
    [
      'another type',
      SCOPE,
      [{ ...ITEMS[0]!, type: 'aws_db_instance' }, ITEMS[1]!]
    ],
    [
      'a change no longer gated',
      SCOPE,
      [{ ...ITEMS[0]!, gated: false }, ITEMS[1]!]
    ],
    ['a non-gated change fewer', SCOPE, ITEMS.slice(0, 1)],
    ['another stack', SCOPE, [{ ...ITEMS[0]!, stack: 'prod' }, ITEMS[1]!]],
    [
      'declaring files',
      SCOPE,
      [{ ...ITEMS[0]!, files: ['db/main.tf'] }, ITEMS[1]!]
    ],
    [
      'another plan file',
      SCOPE,
      [{ ...ITEMS[0]!, source: 'other.json' }, ITEMS[1]!]
    ]
  ])('changes with %s', (_name, scope, items) => {
    expect(computeDigest(scope, items)).not.toBe(computeDigest(SCOPE, ITEMS))
  })

  it('does not let field boundaries shift (no concatenation collisions)', () => {
    const a = computeDigest(SCOPE, [{ ...ITEMS[0]!, address: 'a', type: 'bc' }])
    const b = computeDigest(SCOPE, [{ ...ITEMS[0]!, address: 'ab', type: 'c' }])
    expect(a).not.toBe(b)
  })

  it('treats the SHA and repository case-insensitively, as GitHub does', () => {
    expect(
      computeDigest(
        { ...SCOPE, repository: 'ACME/Infra', headSha: 'A'.repeat(40) },
        ITEMS
      )
    ).toBe(computeDigest(SCOPE, ITEMS))
  })
})

describe('gatedItems', () => {
  it('lists the gated changes of a real plan in a canonical order', () => {
    const analysis = analyzeFixtures('terraform/kitchen-sink.json')
    const items = gatedItems(analysis).filter((item) => item.kind === 'change')
    expect(items.length).toBe(analysis.decision.gated.length)
    expect(items.length).toBeGreaterThan(0)
    const addresses = items.map((item) => item.address)
    expect(addresses).toEqual([...addresses].sort())
    for (const item of items) {
      expect(['replace', 'destroy']).toContain(item.action)
      expect(item.source).toBe('terraform/kitchen-sink.json')
    }
  })

  it('reviewedItems lists every destructive change, gated or not', () => {
    const analysis = analyzeFixtures('terraform/kitchen-sink.json')
    const reviewed = reviewedItems(analysis)
    expect(reviewed.length).toBe(analysis.summary.destructive)
    expect(reviewed.filter((item) => item.gated)).toEqual(gatedItems(analysis))
  })

  it('is empty for a plan without destructive changes', () => {
    expect(gatedItems(analyzeFixtures('terraform/update.json'))).toEqual([])
  })
})
