import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { renderJson } from '../../src/report/index.js'
import { analyzeFixtures, TERRAFORM_FIXTURES } from '../helpers.js'

const schema = JSON.parse(
  readFileSync(
    new URL('../../docs/report.schema.json', import.meta.url),
    'utf8'
  )
) as object
const validate = new Ajv2020({
  allErrors: true,
  strict: true,
  strictRequired: false
}).compile(schema)

describe('the JSON report matches docs/report.schema.json', () => {
  it.each([
    ...TERRAFORM_FIXTURES,
    'opentofu/hand-written-plan.json',
    'terraform-newer/actions-1.14.json',
    'terraform-newer/invoke-only-1.14.json',
    'terraform-newer/identity-1.12.json',
    'terraform-newer/forget-lifecycle-1.16.json',
    'terraform-newer/forget-lifecycle-opentofu-1.12.json',
    'terraform-newer/deferred-1.10.json'
  ])('%s', (name) => {
    const report: unknown = JSON.parse(
      renderJson(analyzeFixtures(name), {
        name: 'plangate',
        version: '0.0.0'
      })
    )
    const valid = validate(report)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('rejects a report that breaks the schema (the check can fail)', () => {
    const report = JSON.parse(
      renderJson(analyzeFixtures('terraform/kitchen-sink.json'), {
        name: 'plangate',
        version: '0'
      })
    ) as {
      plans: { changes: Record<string, unknown>[] }[]
    }
    const change = report.plans[0]?.changes.find((c) => c.action === 'replace')
    if (change === undefined) throw new Error('fixture has no replace')
    delete change.replaceOrder
    expect(validate(report)).toBe(false)
  })
})
