import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { DependencyEdge, Plan } from '../../src/model.js'
import {
  findDependents,
  MAX_DEPENDENTS,
  nodeOf,
  normalizePlans,
  readPlan,
  templateDependencies
} from '../../src/plan/index.js'
import { fixturePath } from '../helpers.js'

function planOf(name: string): Plan {
  const { plans } = normalizePlans([
    readPlan({
      source: name,
      text: readFileSync(fixturePath(name), 'utf8')
    })
  ])
  const plan = plans[0]
  if (plan === undefined) throw new Error('no plan')
  return plan
}

function dependentsOf(plan: Plan, address: string) {
  return plan.changes.find((change) => change.address === address)
}

describe('blast radius of a real Terraform plan (terraform/dependents.json)', () => {
  const plan = planOf('terraform/dependents.json')

  it('follows references directly, transitively, through module inputs and outputs', () => {
    const db = dependentsOf(plan, 'terraform_data.db')
    expect(db?.dependents).toEqual([
      {
        address: 'terraform_data.app',
        via: 'terraform_data.db',
        kind: 'reference'
      },
      {
        address: 'terraform_data.worker',
        via: 'terraform_data.db',
        kind: 'reference'
      },
      {
        address: 'terraform_data.dns',
        via: 'terraform_data.app',
        kind: 'reference'
      },
      // through the module's input variable, then out through its output
      {
        address: 'module.edge.terraform_data.proxy',
        via: 'terraform_data.db',
        kind: 'reference'
      },
      {
        address: 'terraform_data.alarm',
        via: 'module.edge.terraform_data.proxy',
        kind: 'reference'
      }
    ])
    expect(db?.dependentsCapped).toBeUndefined()
  })

  it('for a destroy, reads depends_on recorded in the prior state after the blocks are gone', () => {
    expect(dependentsOf(plan, 'terraform_data.legacy')?.dependents).toEqual([
      {
        address: 'terraform_data.consumer',
        via: 'terraform_data.legacy',
        kind: 'state'
      }
    ])
    expect(
      dependentsOf(plan, 'terraform_data.consumer')?.dependents
    ).toBeUndefined()
  })

  it('keeps no graph in the normalised plan, and leaves updates alone', () => {
    expect(plan.dependencies).toBeUndefined()
    expect(dependentsOf(plan, 'terraform_data.app')?.dependents).toBeUndefined()
  })
})

function graph(edges: Record<string, [string, DependencyEdge['kind']][]>) {
  return {
    keys: 'address' as const,
    dependents: new Map(
      Object.entries(edges).map(([from, to]) => [
        from,
        to.map(([node, kind]) => ({ node, kind }))
      ])
    )
  }
}

describe('findDependents', () => {
  it('visits a cycle once and never lists the start', () => {
    const found = findDependents(
      graph({
        a: [['b', 'reference']],
        b: [['c', 'reference']],
        c: [
          ['a', 'reference'],
          ['b', 'reference']
        ]
      }),
      'a',
      'a',
      false
    )
    expect(found).toEqual({
      dependents: [
        { address: 'b', via: 'a', kind: 'reference' },
        { address: 'c', via: 'b', kind: 'reference' }
      ],
      capped: false
    })
  })

  it('walks through module inputs and outputs without listing them', () => {
    const found = findDependents(
      graph({
        a: [['~module.m.var.x', 'reference']],
        '~module.m.var.x': [['module.m.t.b', 'reference']]
      }),
      'a',
      'a[0]',
      false
    )
    expect(found.dependents).toEqual([
      { address: 'module.m.t.b', via: 'a[0]', kind: 'reference' }
    ])
  })

  it('stops at the cap and says so', () => {
    const fan = Array.from(
      { length: MAX_DEPENDENTS + 10 },
      (_, i) => [`d${i}`, 'reference'] as [string, 'reference']
    )
    const found = findDependents(graph({ a: fan }), 'a', 'a', false)
    expect(found.dependents).toHaveLength(MAX_DEPENDENTS)
    expect(found.capped).toBe(true)
    const exact = findDependents(
      graph({ a: fan.slice(0, MAX_DEPENDENTS) }),
      'a',
      'a',
      false
    )
    expect(exact.capped).toBe(false)
  })

  it('uses prior-state edges for destroys only', () => {
    const g = graph({ a: [['b', 'state']] })
    expect(findDependents(g, 'a', 'a', false).dependents).toEqual([])
    expect(findDependents(g, 'a', 'a', true).dependents).toHaveLength(1)
  })
})

describe('nodeOf', () => {
  it.each([
    ['aws_instance.web[2]', 'aws_instance.web'],
    ['module.a["x"].module.b[0].t.n["k"]', 'module.a.module.b.t.n'],
    ['t.n["a]b\\"[c"]', 't.n'],
    ['t.n', 't.n']
  ])('%s → %s', (address, node) => {
    expect(nodeOf(address, 'config')).toBe(node)
  })
})

describe('blast radius of CloudFormation change sets and Pulumi previews', () => {
  it('CloudFormation: CausingEntity of the change set alone', () => {
    const plan = planOf('cloudformation/dependents.json')
    expect(dependentsOf(plan, 'OrdersTable')?.dependents).toEqual([
      { address: 'OrdersHandler', via: 'OrdersTable', kind: 'causing-entity' }
    ])
  })

  it('CloudFormation with its template: Ref, Fn::GetAtt, DependsOn and Fn::Sub, transitively', () => {
    const template = JSON.parse(
      readFileSync(
        fixturePath('cloudformation/templates/dependents.json'),
        'utf8'
      )
    ) as unknown
    const { plans } = normalizePlans(
      [
        readPlan({
          source: 'cloudformation/dependents.json',
          text: readFileSync(
            fixturePath('cloudformation/dependents.json'),
            'utf8'
          )
        })
      ],
      { templates: new Map([['*', templateDependencies(template)]]) }
    )
    const table = plans[0]?.changes.find((c) => c.address === 'OrdersTable')
    expect(table?.dependents).toEqual([
      { address: 'OrdersHandler', via: 'OrdersTable', kind: 'causing-entity' },
      { address: 'OrdersAlarm', via: 'OrdersHandler', kind: 'reference' },
      { address: 'OrdersApi', via: 'OrdersHandler', kind: 'depends-on' },
      { address: 'OrdersDashboard', via: 'OrdersAlarm', kind: 'reference' }
    ])
  })

  it('Pulumi: dependencies and propertyDependencies, for a replace and a delete', () => {
    const plan = planOf('pulumi/dependents.json')
    expect(
      dependentsOf(plan, 'aws:dynamodb/table:Table::orders-table')?.dependents
    ).toEqual([
      {
        address: 'aws:lambda/function:Function::orders-handler',
        via: 'aws:dynamodb/table:Table::orders-table',
        kind: 'pulumi'
      },
      {
        address: 'aws:cloudwatch/metricAlarm:MetricAlarm::orders-errors',
        via: 'aws:lambda/function:Function::orders-handler',
        kind: 'pulumi'
      }
    ])
    expect(
      dependentsOf(plan, 'aws:s3/bucket:Bucket::archive')?.dependents
    ).toEqual([
      {
        address: 'aws:s3/bucketPolicy:BucketPolicy::archive-policy',
        via: 'aws:s3/bucket:Bucket::archive',
        kind: 'pulumi'
      }
    ])
  })
})
