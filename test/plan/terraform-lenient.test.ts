import { describe, expect, it } from 'vitest'
import { analyzeDocs, fixtureJson, onlyPlan } from '../helpers.js'

/** A real 1.11 plan with drift, edited into the shape of a Terraform 1.0.0 plan. */
function driftWithoutAddress(): Record<string, unknown> {
  const doc = fixtureJson('terraform/refresh-only.json')
  const drift = doc.resource_drift as Record<string, unknown>[]
  for (const entry of drift) delete entry.address
  return doc
}

describe('only what the gate depends on may refuse a Terraform plan', () => {
  it('drift without addresses (Terraform 0.15 to 1.0.0) is read, the address rebuilt, with a warning', () => {
    const analysis = analyzeDocs({
      source: 'plan.json',
      doc: driftWithoutAddress()
    })
    const plan = onlyPlan(analysis)
    expect(plan.drift.map((d) => d.address)).toEqual([
      'terraform_data.session_cache'
    ])
    expect(plan.warnings.join('\n')).toContain(
      'plan.json: 1 resource_drift entry has no address (a Terraform 0.15 to 1.0.0 bug, hashicorp/terraform#28975)'
    )
  })

  it('a rebuilt drift address keeps module, data mode and index', () => {
    const doc = driftWithoutAddress()
    const [entry] = doc.resource_drift as Record<string, unknown>[]
    Object.assign(entry ?? {}, {
      module_address: 'module.net',
      mode: 'data',
      index: 'a"b'
    })
    const plan = onlyPlan(analyzeDocs({ source: 'plan.json', doc }))
    expect(plan.drift[0]?.address).toBe(
      'module.net.data.terraform_data.session_cache["a\\"b"]'
    )
  })

  it('a drift entry plangate cannot read is skipped with a warning, the plan still read', () => {
    const doc = fixtureJson('terraform/refresh-only.json')
    const drift = doc.resource_drift as unknown[]
    drift.push(42, {
      address: 'x.y',
      type: 'x',
      name: 'y',
      change: { actions: ['explode'] }
    })
    const plan = onlyPlan(analyzeDocs({ source: 'plan.json', doc }))
    expect(plan.drift).toHaveLength(1)
    expect(plan.warnings.join('\n')).toMatch(
      /plan\.json: skipped 2 resource_drift entries plangate cannot read: expected resource_drift\[1\] to be an object, found number 42 \(and 1 more like it\); drift is only shown, never gated/
    )
    doc.resource_drift = 'nonsense'
    expect(
      onlyPlan(analyzeDocs({ source: 'plan.json', doc })).warnings.join('\n')
    ).toContain('skipped "resource_drift": expected an array, found "nonsense"')
  })

  it('an output change plangate cannot read is skipped with a warning', () => {
    const doc = fixtureJson('terraform/outputs.json')
    const outputs = doc.output_changes as Record<string, unknown>
    const before = Object.keys(outputs).length
    outputs.zz_broken = { actions: ['delete', 'create'] }
    outputs.zz_scalar = 7
    const plan = onlyPlan(analyzeDocs({ source: 'plan.json', doc }))
    expect(plan.outputs).toHaveLength(before)
    expect(plan.warnings.join('\n')).toContain(
      'plan.json: skipped 2 output changes plangate cannot read: output_changes.zz_broken: expected the actions create, update, delete or no-op, found replace (and 1 more like it); outputs are only shown, never gated'
    )
  })

  it('resource_changes stay strict: an unknown action still refuses the plan', () => {
    const doc = fixtureJson('terraform/update.json')
    const [first] = doc.resource_changes as { change: { actions: unknown } }[]
    if (first !== undefined) first.change.actions = ['explode']
    expect(() => analyzeDocs({ source: 'plan.json', doc })).toThrow(
      'plan.json: expected resource_changes[0]'
    )
  })
})
