import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analyze.js'
import type { GatePolicy } from '../../src/gate/index.js'
import type {
  Analysis,
  ChangeRisks,
  Plan,
  ResourceChange,
  RiskKind
} from '../../src/model.js'
import { readPlan } from '../../src/plan/index.js'
import type { PlanInput } from '../../src/plan/index.js'
import { prepareTemplateDiff, readTemplatePair } from '../../src/plan/cdk.js'
import {
  assessRisks,
  DEFAULT_RISK_POLICY,
  SAFEGUARDS,
  STATEFUL_KINDS,
  statefulKindOf
} from '../../src/risk/index.js'
import type { RiskPolicy } from '../../src/risk/index.js'
import { changeAt, fixtureJson, fixtureText } from '../helpers.js'

function inputOf(name: string): PlanInput {
  return readPlan({ source: name, text: fixtureText(name) })
}

async function templateInput(scenario: string): Promise<PlanInput> {
  const side = (which: 'base' | 'head'): { source: string; doc: unknown } => {
    const name = `risk/cdk/${scenario}/${which}.template.json`
    return { source: name, doc: fixtureJson(name) }
  }
  return prepareTemplateDiff(
    readTemplatePair(side('base'), side('head'), 'PolicyStack')
  )
}

function analyzed(input: PlanInput, policy?: GatePolicy): Analysis {
  return analyze([input], policy === undefined ? {} : { policy })
}

function onlyPlan(analysis: Analysis): Plan {
  const [plan] = analysis.plans
  if (plan === undefined) throw new Error('no plan')
  return plan
}

function kinds(analysis: Analysis, change: ResourceChange): RiskKind[] {
  return (analysis.risks?.get(change)?.risks ?? []).map((r) => r.kind)
}

/** Address → risk kinds, for every change with a risk. */
function riskTable(analysis: Analysis): Record<string, RiskKind[]> {
  const out: Record<string, RiskKind[]> = {}
  for (const change of onlyPlan(analysis).changes) {
    const found = kinds(analysis, change)
    if (found.length > 0) out[change.address] = found
  }
  return out
}

function riskOf(analysis: Analysis, address: string): ChangeRisks | undefined {
  return analysis.risks?.get(changeAt(onlyPlan(analysis), address))
}

const policy = (risk: Partial<RiskPolicy>): GatePolicy => ({
  gateOn: 'ai-destructive',
  unattributed: 'pass',
  automationAs: 'automation',
  risk: { ...DEFAULT_RISK_POLICY, ...risk }
})

describe('the catalog', () => {
  it('lists every type once, each kind with what it holds', () => {
    const all = STATEFUL_KINDS.flatMap((k) => [
      ...k.terraform,
      ...k.cloudformation,
      ...k.pulumi
    ])
    expect(new Set(all).size).toBe(all.length)
    for (const kind of STATEFUL_KINDS) expect(kind.holds).not.toBe('')
    for (const safeguard of SAFEGUARDS) {
      expect(safeguard.guards).not.toBe('')
      for (const path of safeguard.paths) expect(path).toMatch(/^[a-z.]+$/)
    }
  })

  it.each([
    'aws_db_instance',
    'aws_s3_bucket',
    'google_sql_database_instance',
    'azurerm_storage_account',
    'kubernetes_persistent_volume_claim_v1',
    'kubernetes_stateful_set',
    'AWS::RDS::DBCluster',
    'AWS::DynamoDB::Table',
    'AWS::S3::Bucket',
    'AWS::EFS::FileSystem',
    'AWS::KMS::Key',
    'AWS::Logs::LogGroup',
    'aws:rds/instance:Instance',
    'kubernetes:core/v1:PersistentVolume'
  ])('%s is stateful', (type) => {
    expect(statefulKindOf(type)).toBeDefined()
  })

  it.each([
    'terraform_data',
    'aws_api_gateway_deployment',
    'aws_lambda_function',
    'random_id',
    'AWS::RDS::DBParameterGroup',
    'AWS::SNS::Topic'
  ])('%s is not', (type) => {
    expect(statefulKindOf(type)).toBeUndefined()
  })
})

describe('data-loss', () => {
  it('Terraform: a person removes a database block; the detail names its final snapshot', () => {
    const analysis = analyzed(
      inputOf('terraform/typed/aws-person-deletes-database.json')
    )
    expect(riskTable(analysis)).toEqual({
      'aws_db_instance.orders': ['data-loss']
    })
    expect(riskOf(analysis, 'aws_db_instance.orders')?.risks[0]?.detail).toBe(
      'aws_db_instance holds the data of a relational database (instance or cluster storage); a final snapshot "orders-final" is taken first (final_snapshot_identifier)'
    )
  })

  it('Terraform: Google, Azure and Kubernetes replaces and deletes; a create-first API deployment and a forget are not at risk', () => {
    const analysis = analyzed(
      inputOf('terraform/typed/multicloud-replace-and-delete.json')
    )
    expect(riskTable(analysis)).toEqual({
      'azurerm_storage_account.logs': ['data-loss'],
      'google_sql_database_instance.analytics': ['data-loss'],
      'google_storage_bucket.exports': ['data-loss'],
      'kubernetes_persistent_volume_claim_v1.data': ['data-loss']
    })
    expect(
      riskOf(analysis, 'azurerm_storage_account.logs')?.risks[0]?.detail
    ).toContain('the replacement is a new, empty object')
    expect(
      riskOf(analysis, 'google_storage_bucket.exports')?.risks[0]?.detail
    ).toContain('force_destroy is true: every object goes with it')
  })

  it('CloudFormation: Delete and Snapshot lose data (Snapshot says so), Retain keeps it, a topic holds none', () => {
    const analysis = analyzed(
      inputOf('risk/cloudformation/risk-remove-stateful.json')
    )
    expect(riskTable(analysis)).toEqual({
      AuditLogs5A6B7C8D: ['data-loss'],
      OrdersTable4E3B1B0C: ['data-loss'],
      ReportsCluster1A2B3C4D: ['data-loss']
    })
    expect(
      riskOf(analysis, 'ReportsCluster1A2B3C4D')?.risks[0]?.detail
    ).toContain('a final snapshot is taken before the delete')
    expect(changeAt(onlyPlan(analysis), 'ArchiveBucket2C1E7F3A').action).toBe(
      'forget'
    )
  })

  it('CloudFormation: a replacement that retains the old table is not data loss', () => {
    const analysis = analyzed(inputOf('cloudformation/replace-and-retain.json'))
    expect(riskTable(analysis)).toEqual({})
  })

  it('Pulumi: an unprotected database deleted without a final snapshot; retainOnDelete keeps the data', () => {
    const analysis = analyzed(
      inputOf('risk/pulumi/risk-delete-unprotected-db.json')
    )
    expect(riskTable(analysis)).toEqual({
      'aws:rds/instance:Instance::orders-db': ['data-loss']
    })
    expect(
      riskOf(analysis, 'aws:rds/instance:Instance::orders-db')?.risks[0]?.detail
    ).toContain('skipFinalSnapshot is true: no final snapshot is taken')
    expect(
      riskTable(analyzed(inputOf('pulumi/replace-retain-on-delete.json')))
    ).toEqual({})
    expect(
      riskTable(analyzed(inputOf('pulumi/delete-retain-on-delete.json')))
    ).toEqual({})
  })

  it('CDK template diff: a removed table (no policy) loses data', async () => {
    const analysis = analyzed(
      await prepareTemplateDiff(
        readTemplatePair(
          {
            source: 'base.json',
            doc: fixtureJson(
              'risk/cdk/removal-policy-lowered/head.template.json'
            )
          },
          { source: 'head.json', doc: { Resources: {} } },
          'PolicyStack'
        )
      )
    )
    expect(riskTable(analysis)).toEqual({
      OrdersTable4E3B1B0C: ['data-loss'],
      ReportingDbA1B2C3D4: ['data-loss']
    })
  })
})

describe('protection-lowered', () => {
  it('Terraform: every lowered safeguard of AWS, Google and Azure, not the Lambda timeout', () => {
    const analysis = analyzed(
      inputOf('terraform/typed/aws-lower-safeguards.json')
    )
    expect(riskTable(analysis)).toEqual({
      'aws_db_instance.reports': ['protection-lowered'],
      'aws_dynamodb_table.sessions': ['protection-lowered'],
      'aws_rds_cluster.aurora': ['protection-lowered'],
      'aws_s3_bucket.audit': ['protection-lowered'],
      'aws_s3_bucket_versioning.audit': ['protection-lowered'],
      'azurerm_key_vault.secrets': ['protection-lowered'],
      'google_sql_database_instance.main': ['protection-lowered']
    })
    expect(riskOf(analysis, 'aws_db_instance.reports')?.risks[0]?.detail).toBe(
      'backup_retention_period 7 → 0: automated backups are kept for this many days (0: none are taken); skip_final_snapshot false → true: while it is off, a delete takes a final snapshot first'
    )
    expect(
      riskOf(analysis, 'aws_s3_bucket_versioning.audit')?.risks[0]?.detail
    ).toContain('versioning_configuration[0].status "Enabled" → "Suspended"')
  })

  it('CloudFormation: DeletionProtectionEnabled and DeletionProtection turned off', () => {
    const analysis = analyzed(
      inputOf('risk/cloudformation/risk-deletion-protection-off.json')
    )
    expect(riskTable(analysis)).toEqual({
      OrdersTable4E3B1B0C: ['protection-lowered'],
      ReportsCluster1A2B3C4D: ['protection-lowered']
    })
  })

  it('CDK template diff: DeletionPolicy and UpdateReplacePolicy Retain/Snapshot → Delete', async () => {
    const analysis = analyzed(await templateInput('removal-policy-lowered'))
    const plan = onlyPlan(analysis)
    expect(changeAt(plan, 'OrdersTable4E3B1B0C').lifecycle).toEqual([
      { name: 'DeletionPolicy', before: 'Retain', after: 'Delete' },
      { name: 'UpdateReplacePolicy', before: 'Retain', after: 'Delete' }
    ])
    expect(riskTable(analysis)).toEqual({
      OrdersTable4E3B1B0C: ['protection-lowered'],
      ReportingDbA1B2C3D4: ['protection-lowered']
    })
    expect(riskOf(analysis, 'ReportingDbA1B2C3D4')?.risks[0]?.detail).toContain(
      'DeletionPolicy Snapshot → Delete'
    )
  })

  it('Pulumi: protect true → false (a same step, now an update) and deletionProtection off', () => {
    const analysis = analyzed(inputOf('risk/pulumi/risk-unprotect.json'))
    const db = changeAt(
      onlyPlan(analysis),
      'aws:rds/instance:Instance::orders-db'
    )
    expect(db.action).toBe('update')
    expect(db.lifecycle).toEqual([
      { name: 'protect', before: 'true', after: 'false' }
    ])
    expect(riskTable(analysis)).toEqual({
      'aws:rds/cluster:Cluster::aurora': ['protection-lowered'],
      'aws:rds/instance:Instance::orders-db': ['protection-lowered']
    })
  })

  it('a safeguard that becomes unknown counts as lowered; one that is raised does not', () => {
    const doc = fixtureJson('terraform/typed/aws-lower-safeguards.json') as {
      resource_changes: {
        address: string
        change: {
          before: Record<string, unknown>
          after: Record<string, unknown>
          after_unknown: Record<string, unknown>
        }
      }[]
    }
    for (const rc of doc.resource_changes) {
      if (rc.address === 'aws_rds_cluster.aurora') {
        delete rc.change.after.deletion_protection
        rc.change.after_unknown.deletion_protection = true
      }
      if (rc.address === 'google_sql_database_instance.main') {
        rc.change.before.deletion_protection = false
        rc.change.after.deletion_protection = true
      }
    }
    const analysis = analyze([
      readPlan({ source: 'variant.json', text: JSON.stringify(doc) })
    ])
    const table = riskTable(analysis)
    expect(table['aws_rds_cluster.aurora']).toEqual(['protection-lowered'])
    expect(table['google_sql_database_instance.main']).toBeUndefined()
    expect(
      riskOf(analysis, 'aws_rds_cluster.aurora')?.risks[0]?.detail
    ).toContain('true → (known after apply)')
  })
})

describe('protected, allow and churn', () => {
  it('always-gate.protected matches an address, a type or a tag', () => {
    const input = inputOf('terraform/typed/aws-person-deletes-database.json')
    for (const glob of [
      'aws_db_instance.*',
      'aws_db_instance',
      'tag:data=crit*'
    ]) {
      const analysis = analyzed(
        input,
        policy({
          alwaysGate: {
            ...DEFAULT_RISK_POLICY.alwaysGate,
            protected: ['module.other.*', glob]
          }
        })
      )
      expect(riskOf(analysis, 'aws_db_instance.orders')?.risks).toContainEqual({
        kind: 'protected',
        detail: `matches always-gate.protected glob ${JSON.stringify(glob)}`
      })
    }
  })

  it('allow marks the change and lifts data-loss; it cannot lift protected', () => {
    const input = inputOf('terraform/typed/aws-person-deletes-database.json')
    const allowed = analyzed(input, policy({ allow: ['aws_db_instance.*'] }))
    expect(riskOf(allowed, 'aws_db_instance.orders')?.allowedBy).toBe(
      'aws_db_instance.*'
    )
    const both = analyzed(
      input,
      policy({
        allow: ['aws_db_instance.*'],
        alwaysGate: {
          ...DEFAULT_RISK_POLICY.alwaysGate,
          protected: ['tag:data=critical']
        }
      })
    )
    expect(
      kinds(both, changeAt(onlyPlan(both), 'aws_db_instance.orders'))
    ).toEqual(['data-loss', 'protected'])
  })

  it('churn: past max-destructive every destructive change carries it; allowed ones do not count', () => {
    const plans = [
      readPlan({
        source: 'aws-churn.json',
        text: fixtureText('terraform/typed/aws-churn.json')
      })
    ]
    const analysis = analyze(plans)
    const [plan] = analysis.plans
    if (plan === undefined) throw new Error('no plan')
    const withMax = (max: number, allow: string[] = []) =>
      assessRisks(analysis.plans, {
        ...DEFAULT_RISK_POLICY,
        allow,
        churn: { maxDestructive: max }
      })
    expect(withMax(0).churn).toEqual({ count: 9, max: 0, crossed: false })
    expect(withMax(9).churn.crossed).toBe(false)
    const crossed = withMax(8)
    expect(crossed.churn.crossed).toBe(true)
    expect(crossed.changes.size).toBe(9)
    expect(
      crossed.changes.get(plan.changes[0] as ResourceChange)?.risks
    ).toEqual([
      {
        kind: 'churn',
        detail:
          '9 destructive changes in this pull request, more than churn.max-destructive (8)'
      }
    ])
    // random_id churn is routine: allowing it takes it out of the count.
    expect(withMax(8, ['random_id']).churn).toEqual({
      count: 6,
      max: 8,
      crossed: false
    })
  })
})

describe('protected and churn on every format', () => {
  const cases: [string, () => Promise<PlanInput>, string, string][] = [
    [
      'Terraform',
      () =>
        Promise.resolve(
          inputOf('terraform/typed/multicloud-replace-and-delete.json')
        ),
      'google_*',
      'google_storage_bucket.exports'
    ],
    [
      'CloudFormation change set',
      () =>
        Promise.resolve(
          inputOf('risk/cloudformation/risk-remove-stateful.json')
        ),
      'AWS::DynamoDB::*',
      'OrdersTable4E3B1B0C'
    ],
    [
      'CDK template diff',
      () =>
        prepareTemplateDiff(
          readTemplatePair(
            {
              source: 'base.json',
              doc: fixtureJson(
                'risk/cdk/removal-policy-lowered/head.template.json'
              )
            },
            { source: 'head.json', doc: { Resources: {} } },
            'PolicyStack'
          )
        ),
      'PolicyStack/OrdersTable/*',
      'OrdersTable4E3B1B0C'
    ],
    [
      'Pulumi preview',
      () =>
        Promise.resolve(inputOf('risk/pulumi/risk-delete-unprotected-db.json')),
      'aws:rds/*',
      'aws:rds/instance:Instance::orders-db'
    ]
  ]

  it.each(cases)(
    '%s: a protected glob (%s) marks %s; churn past 1 marks every destructive change, not at 0',
    async (_format, input, glob, address) => {
      const read = await input()
      const protectedRun = analyzed(
        read,
        policy({
          alwaysGate: { ...DEFAULT_RISK_POLICY.alwaysGate, protected: [glob] }
        })
      )
      expect(
        kinds(protectedRun, changeAt(onlyPlan(protectedRun), address))
      ).toContain('protected')
      expect(protectedRun.decision.gated.map((g) => g.address)).toContain(
        address
      )

      const churnRun = analyzed(read, policy({ churn: { maxDestructive: 1 } }))
      const destructive = onlyPlan(churnRun).changes.filter(
        (c) => c.destructive
      )
      const withChurn = destructive.filter((c) =>
        kinds(churnRun, c).includes('churn')
      )
      expect(destructive.length).toBeGreaterThan(1)
      expect(withChurn).toHaveLength(destructive.length)
      const churnGated = churnRun.decision.gated.filter((g) =>
        [g.gatedBy, ...(g.also ?? [])].some((r) => r.kind === 'churn')
      )
      expect(churnGated).toHaveLength(destructive.length)
      const off = analyzed(read, policy({ churn: { maxDestructive: 0 } }))
      expect(
        onlyPlan(off).changes.filter((c) => kinds(off, c).includes('churn'))
      ).toEqual([])
    }
  )
})
