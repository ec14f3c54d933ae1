import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeBigPlan } from '../../scripts/make-big-plan.js'
import { bigPlan, bigPlanFact } from './big-plans.js'

const work = mkdtempSync(join(tmpdir(), 'plangate-big-plans-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('bigPlan', () => {
  it('gives the bytes the generator writes, from its cache the second time as the first', async () => {
    const fresh = join(work, 'fresh.json')
    await makeBigPlan(37, fresh, undefined, { destructiveShare: 0.5 })
    const first = join(work, 'first.json')
    const second = join(work, 'second.json')
    await bigPlan(first, 37, { destructiveShare: 0.5 })
    await bigPlan(second, 37, { destructiveShare: 0.5 })
    expect(readFileSync(first)).toEqual(readFileSync(fresh))
    expect(readFileSync(second)).toEqual(readFileSync(fresh))
    // Other arguments, another plan.
    const other = join(work, 'other.json')
    await bigPlan(other, 37)
    expect(readFileSync(other)).not.toEqual(readFileSync(fresh))
  })

  it('keeps a fact about a plan until the function that works it out changes', async () => {
    let calls = 0
    const count = (text: string): number => {
      calls++
      return (JSON.parse(text) as { resource_changes: unknown[] })
        .resource_changes.length
    }
    const first = await bigPlanFact(41, {}, 'count-test', count)
    const again = await bigPlanFact(41, {}, 'count-test', count)
    expect(first).toBe(41)
    expect(again).toBe(41)
    // Computed at most once (not at all when an earlier run left it).
    expect(calls).toBeLessThanOrEqual(1)
    const changed = (text: string): number => count(text) * 2
    expect(await bigPlanFact(41, {}, 'count-test', changed)).toBe(82)
  })
})
