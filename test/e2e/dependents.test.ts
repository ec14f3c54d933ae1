import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'

/** The blast radius through the bundled CLI's JSON report, checked against the schema. */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

interface Report {
  plans: {
    changes: {
      address: string
      dependents?: string[]
      dependentsCapped?: true
      dependentLinks?: { address: string; via: string; kind: string }[]
    }[]
  }[]
}

function review(...args: string[]): Report {
  const run = spawnSync(
    process.execPath,
    [CLI, 'review', '--format', 'json', ...args],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }
  )
  expect(run.status, run.stderr).toBe(1)
  const report = JSON.parse(run.stdout) as Report
  const schema = JSON.parse(
    readFileSync(
      new URL('../../docs/report.schema.json', import.meta.url),
      'utf8'
    )
  ) as object
  const validate = new Ajv2020({
    allErrors: true,
    strictRequired: false
  }).compile(schema)
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  return report
}

function change(report: Report, address: string) {
  return report.plans[0]?.changes.find((c) => c.address === address)
}

describe('dependents in the JSON report', () => {
  it('Terraform: references through modules and outputs, prior-state depends_on', () => {
    const report = review(fixturePath('terraform/dependents.json'))
    expect(change(report, 'terraform_data.db')?.dependents).toEqual([
      'terraform_data.app',
      'terraform_data.worker',
      'terraform_data.dns',
      'module.edge.terraform_data.proxy',
      'terraform_data.alarm'
    ])
    expect(change(report, 'terraform_data.legacy')?.dependentLinks).toEqual([
      {
        address: 'terraform_data.consumer',
        via: 'terraform_data.legacy',
        kind: 'state'
      }
    ])
    expect(change(report, 'terraform_data.app')?.dependents).toBeUndefined()
  })

  it('CloudFormation: CausingEntity, and the template given with --template', () => {
    const plain = review(fixturePath('cloudformation/dependents.json'))
    expect(change(plain, 'OrdersTable')?.dependents).toEqual(['OrdersHandler'])
    const withTemplate = review(
      fixturePath('cloudformation/dependents.json'),
      '--template',
      fixturePath('cloudformation/templates/dependents.json')
    )
    expect(change(withTemplate, 'OrdersTable')?.dependents).toEqual([
      'OrdersHandler',
      'OrdersAlarm',
      'OrdersApi',
      'OrdersDashboard'
    ])
  })

  it('Pulumi: dependencies and propertyDependencies', () => {
    const report = review(fixturePath('pulumi/dependents.json'))
    expect(
      change(report, 'aws:dynamodb/table:Table::orders-table')?.dependents
    ).toEqual([
      'aws:lambda/function:Function::orders-handler',
      'aws:cloudwatch/metricAlarm:MetricAlarm::orders-errors'
    ])
  })
})
