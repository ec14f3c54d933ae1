import { describe, expect, it } from 'vitest'
import { countChanges, decideGate } from '../../src/gate/index.js'
import { analyzeFixtures } from '../helpers.js'

describe('decideGate', () => {
  it('blocks every destroy and replace until attribution exists, naming each', () => {
    const { plans } = analyzeFixtures('terraform/kitchen-sink.json')
    const decision = decideGate(plans)
    expect(decision.verdict).toBe('blocked')
    expect(decision.gated.map((g) => [g.address, g.action])).toEqual([
      ['terraform_data.legacy_bastion', 'destroy'],
      ['module.app.terraform_data.load_balancer', 'replace'],
      ['module.database.terraform_data.primary_db', 'replace'],
      ['module.database.terraform_data.replica[1]', 'destroy'],
      ['module.network.terraform_data.subnet["public-b"]', 'destroy']
    ])
    expect(
      decision.gated.every(
        (g) => g.source === 'terraform/kitchen-sink.json' && g.why.length > 0
      )
    ).toBe(true)
  })

  it('passes forget, create, update, read, move and import', () => {
    const names = [
      'forget',
      'create',
      'update',
      'read-config-unknown',
      'move-update',
      'import-update'
    ].map((n) => `terraform/${n}.json`)
    const decision = decideGate(analyzeFixtures(...names).plans)
    expect(decision).toMatchObject({
      verdict: 'pass',
      gated: [],
      planProblems: []
    })
    expect(decision.summary).toBe(
      'no destroy or replace: nothing needs approval'
    )
  })

  it('writes counts with thousands separators in its summary, as the reports do', () => {
    const [plan] = analyzeFixtures('terraform/kitchen-sink.json').plans
    if (plan === undefined) throw new Error('no plan')
    const changes = Array.from({ length: 250 }, (_, i) =>
      plan.changes.map((c) => ({ ...c, address: `${c.address}.copy${i}` }))
    ).flat()
    const decision = decideGate([{ ...plan, changes }])
    expect(decision.gated).toHaveLength(1250)
    expect(decision.summary).toBe(
      "1,250 destructive changes need a human's approval (750 destroy, 500 replace)"
    )
  })

  it('blocks when there is no plan at all', () => {
    expect(decideGate([])).toMatchObject({
      verdict: 'blocked',
      summary: 'no plan was given'
    })
  })

  it('counts per action, destructive, moved and imported', () => {
    expect(
      countChanges(analyzeFixtures('terraform/kitchen-sink.json').plans)
    ).toEqual({
      create: 2,
      update: 4,
      replace: 2,
      destroy: 3,
      forget: 1,
      read: 0,
      'no-op': 6,
      destructive: 5,
      imported: 1,
      moved: 1
    })
  })
})
