import { describe, expect, it } from 'vitest'
import type { ChangeAction, ResourceChange } from '../../src/model.js'
import { listedInOrder, sortForReport } from '../../src/report/values.js'
import { analyzeFixtures } from '../helpers.js'

/** A change with what the report's order reads, and an id to tell copies apart. */
function change(
  id: number,
  action: ChangeAction,
  address: string,
  destructive = action === 'destroy' || action === 'replace'
): ResourceChange {
  return { id, action, address, destructive } as unknown as ResourceChange
}

const ids = (changes: readonly ResourceChange[]): number[] =>
  changes.map((c) => (c as unknown as { id: number }).id)

describe('sortForReport', () => {
  it('puts destructive changes first, then orders by action, then by address', () => {
    const sorted = sortForReport([
      change(1, 'create', 'b'),
      change(2, 'update', 'a'),
      change(3, 'replace', 'z'),
      change(4, 'destroy', 'y'),
      change(5, 'no-op', 'a'),
      change(6, 'destroy', 'x'),
      change(7, 'read', 'c'),
      change(8, 'forget', 'd')
    ])
    expect(ids(sorted)).toEqual([6, 4, 3, 8, 2, 1, 7, 5])
  })

  it('keeps changes that share all three keys in their order (deposed objects share an address)', () => {
    const sorted = sortForReport([
      change(1, 'destroy', 'aws_instance.web'),
      change(2, 'update', 'aws_instance.api'),
      change(3, 'destroy', 'aws_instance.web'),
      change(4, 'destroy', 'aws_instance.web')
    ])
    expect(ids(sorted)).toEqual([1, 3, 4, 2])
  })

  it("lists a plan's changes in that order once: the same frozen list every time, no plain no-ops", () => {
    const [plan] = analyzeFixtures('terraform/kitchen-sink.json').plans
    if (plan === undefined) throw new Error('no plan')
    const listed = listedInOrder(plan)
    expect(listedInOrder(plan)).toBe(listed)
    expect(Object.isFrozen(listed)).toBe(true)
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.length).toBeLessThan(plan.changes.length)
    expect(listed).toEqual(
      sortForReport(
        plan.changes.filter(
          (c) => c.action !== 'no-op' || c.movedFrom !== undefined || c.imported
        )
      )
    )
  })
})
