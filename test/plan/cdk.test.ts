import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  pairCdkOutStacks,
  readCdkOutStacks,
  readTemplateSide
} from '../../src/io/cdk-out.js'
import type { Plan, ResourceChange } from '../../src/model.js'
import {
  checkTemplateDiffer,
  CLOUDFORMATION_DIFF_VERSION,
  looksLikeTemplate,
  normalizeTemplateDiff,
  prepareTemplateDiff,
  readTemplatePair,
  TEMPLATE_DIFF_CAVEAT
} from '../../src/plan/cdk.js'
import type {
  PreparedTemplateDiff,
  ResourceVerdict,
  TemplateSide
} from '../../src/plan/cdk.js'
import { PlanParseError } from '../../src/plan/index.js'
import { createRedactor } from '../../src/redact/index.js'
import { changeAt, fixtureJson, fixturePath } from '../helpers.js'

/** One side of a fixture pair, named as the CLI would name it. */
function side(scenario: string, which: 'base' | 'head'): TemplateSide {
  const name = `cdk/${scenario}/${which}.template.json`
  return { source: name, doc: fixtureJson(name) }
}

/** Reads, prepares and normalises a fixture pair the way the CLI will. */
async function comparePair(
  before: TemplateSide,
  after: TemplateSide,
  stackName?: string
): Promise<Plan> {
  const input = readTemplatePair(before, after, stackName)
  const prepared = await prepareTemplateDiff(input)
  return normalizeTemplateDiff(prepared, createRedactor(input.secrets))
}

function compareScenario(scenario: string): Promise<Plan> {
  return comparePair(side(scenario, 'base'), side(scenario, 'head'))
}

const EMPTY: TemplateSide = { source: '(no template)', doc: {} }

describe('looksLikeTemplate', () => {
  it.each<[string, unknown, boolean]>([
    ['a CDK template', fixtureJson('cdk/create/head.template.json'), true],
    ['only a format version', { AWSTemplateFormatVersion: '2010-09-09' }, true],
    ['an empty Resources map', { Resources: {} }, true],
    [
      'a resource without Type',
      { Resources: { A: { Properties: {} } } },
      false
    ],
    ['Resources that is a list', { Resources: [] }, false],
    ['a Terraform plan', fixtureJson('terraform/update.json'), false],
    ['an empty object', {}, false],
    ['an array', [], false],
    ['null', null, false]
  ])('%s → %s', (_, doc, expected) => {
    expect(looksLikeTemplate(doc)).toBe(expected)
  })
})

describe('readTemplatePair', () => {
  it('takes the stack name from the template file name unless given', () => {
    const before = { source: 'base/cdk.out/Orders.template.json', doc: {} }
    const after = {
      source: 'cdk.out/Orders.template.json',
      doc: fixtureJson('cdk/create/head.template.json')
    }
    expect(readTemplatePair(before, after).stackName).toBe('Orders')
    expect(readTemplatePair(before, after, 'Prod/Orders').stackName).toBe(
      'Prod/Orders'
    )
    expect(
      readTemplatePair(before, { ...after, source: 'new.json' }).stackName
    ).toBe('new')
  })

  it('names the plan after the after template, or the before one for a deleted stack', () => {
    const base = side('create', 'base')
    const head = side('create', 'head')
    expect(readTemplatePair(base, head).source).toBe(head.source)
    expect(readTemplatePair(EMPTY, head).source).toBe(head.source)
    expect(readTemplatePair(base, EMPTY).source).toBe(base.source)
  })

  it('takes {} as a stack that does not exist, and says so', () => {
    expect(readTemplatePair(EMPTY, side('create', 'head'), 'Orders').warnings)
      .toMatchInlineSnapshot(`
      [
        "cdk/create/head.template.json: no before template: stack Orders is new, every resource in it is created",
      ]
    `)
    expect(readTemplatePair(side('create', 'base'), EMPTY, 'Orders').warnings)
      .toMatchInlineSnapshot(`
      [
        "cdk/create/base.template.json: no after template: stack Orders is shown as deleted, every resource destroyed unless its DeletionPolicy keeps it (removing a stack from a CDK app does not delete it by itself; \`cdk destroy\` does)",
      ]
    `)
  })

  it('refuses two empty sides', () => {
    expect(() =>
      readTemplatePair(EMPTY, { source: 'after.json', doc: {} })
    ).toThrowErrorMatchingInlineSnapshot(
      `[PlanParseError: after.json: expected a CloudFormation template on at least one side, found an empty JSON object on both sides (no stack before, none after); \`cdk synth\` writes each stack's template to \`cdk.out/<Stack>.template.json\`; pass the templates of the base and of the change (or both \`cdk.out\` directories)]`
    )
  })

  it('names the file that is not a template, what it is, and where templates come from', () => {
    const head = side('create', 'head')
    expect(() =>
      readTemplatePair({ source: 'base.json', doc: { hello: 1 } }, head)
    ).toThrowErrorMatchingInlineSnapshot(
      `[PlanParseError: base.json: expected a CloudFormation template (JSON with "Resources"), found a JSON object with keys "hello"; \`cdk synth\` writes each stack's template to \`cdk.out/<Stack>.template.json\`; pass the templates of the base and of the change (or both \`cdk.out\` directories)]`
    )
  })

  it.each<[string, unknown, string]>([
    [
      'a Terraform plan',
      fixtureJson('terraform/update.json'),
      'found a Terraform/OpenTofu JSON document'
    ],
    [
      'a change set',
      { ChangeSetId: 'arn:aws:cloudformation:x', Changes: [] },
      'found a CloudFormation change set'
    ],
    [
      'a cloud assembly manifest',
      fixtureJson('cdk/cdk-out-base/manifest.json'),
      'pass the `cdk.out` directory itself'
    ],
    [
      'get-template output',
      { TemplateBody: '{"Resources":{}}' },
      '--query TemplateBody'
    ],
    ['a list', [], 'found a JSON array of 0 items'],
    ['null', null, 'found JSON null']
  ])('%s', (_, doc, message) => {
    const run = (): unknown =>
      readTemplatePair(side('create', 'base'), { source: 'after.json', doc })
    expect(run).toThrow(PlanParseError)
    expect(run).toThrow(/^after\.json: expected a CloudFormation template/)
    expect(run).toThrow(message)
  })

  it.each<[string, unknown, string]>([
    [
      'a resource without Type',
      { Resources: { Queue: { Properties: {} } } },
      'after.json: expected Resources.Queue to be an object with a string "Type", found Type undefined'
    ],
    [
      'a resource that is not an object',
      { AWSTemplateFormatVersion: '2010-09-09', Resources: { Queue: 'x' } },
      'after.json: expected Resources.Queue to be an object with a string "Type", found "x"'
    ],
    [
      'Properties that are not an object',
      { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: [] } } },
      'after.json: expected Resources.Queue.Properties to be an object, found an array'
    ],
    [
      'Parameters that are not an object',
      { Parameters: 'x', Resources: {} },
      'after.json: expected "Parameters" to be an object, found "x"'
    ],
    [
      'a logical ID that is not a name',
      { AWSTemplateFormatVersion: '2010-09-09', Resources: { 'a b': {} } },
      'after.json: expected Resources.(a key that is not a logical ID) to be'
    ]
  ])('rejects %s, naming where', (_, doc, message) => {
    expect(() =>
      readTemplatePair(side('create', 'base'), { source: 'after.json', doc })
    ).toThrow(message)
  })

  it('warns about what a template diff cannot see: transforms and nested stacks', () => {
    const doc = {
      Transform: ['AWS::Serverless-2016-10-31', { Name: 'AWS::Include' }],
      Resources: {
        Network: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { TemplateURL: 'https://example.invalid/n.json' }
        },
        Data: { Type: 'AWS::CloudFormation::Stack' }
      }
    }
    expect(
      readTemplatePair(side('create', 'base'), { source: 'after.json', doc })
        .warnings
    ).toMatchInlineSnapshot(`
      [
        "after.json: the template declares a Transform (AWS::Serverless-2016-10-31, AWS::Include): the resources it expands into are not compared",
        "after.json: nested stack \`Data\` and \`Network\` are compared as a resource only, not the resources inside; review each nested template pair (\`*.nested.template.json\`) too",
      ]
    `)
  })

  it('collects the defaults of NoEcho parameters (true or "true") as secrets', () => {
    const input = readTemplatePair(
      side('no-echo-secret', 'base'),
      side('no-echo-secret', 'head')
    )
    expect([...input.secrets].sort()).toEqual([
      'PGSECRET-api-key-77b2e0d5',
      'PGSECRET-api-key-rotated-19e4',
      'PGSECRET-db-password-3f9a1c'
    ])
    // A parameter without NoEcho is not a secret.
    expect(input.secrets.has('prod')).toBe(false)
  })
})

type Expected = Partial<Omit<ResourceChange, 'attributes'>> & {
  readonly explanationIncludes?: string
}

/**
 * One row per resource that a fixture pair exists to show (README.md in
 * test/fixtures/cdk/ says how each was made).
 */
const CASES: readonly [
  scenario: string,
  logicalId: string,
  expected: Expected
][] = [
  [
    'create',
    'OrdersDLQ6E1C4A3B',
    {
      action: 'create',
      type: 'AWS::SQS::Queue',
      name: 'OrdersDLQ6E1C4A3B',
      module: '',
      provider: 'aws',
      mode: 'managed',
      label: 'CreateStack/OrdersDLQ/Resource',
      destructive: false,
      imported: false,
      reason: 'WILL_CREATE',
      replacePaths: []
    }
  ],
  [
    'create',
    'OrdersQueue4B5E2E3C',
    {
      action: 'no-op',
      destructive: false,
      label: 'CreateStack/OrdersQueue/Resource'
    }
  ],
  [
    'update',
    'OrdersHandlerF2A0C7D1',
    {
      action: 'update',
      destructive: false,
      reason: 'WILL_UPDATE (Environment: WILL_UPDATE, Timeout: WILL_UPDATE)',
      replacePaths: []
    }
  ],
  [
    'update',
    'OrdersHandlerServiceRole1E8C4A2B',
    { action: 'no-op', destructive: false }
  ],
  [
    'replace',
    'DataBucketE3889A50',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      destructive: true,
      reason: 'WILL_REPLACE (BucketName: WILL_REPLACE, Tags: WILL_UPDATE)',
      replacePaths: ['BucketName'],
      explanation:
        'replaced because `BucketName` changed and requires replacement',
      label: 'ReplaceStack/DataBucket/Resource'
    }
  ],
  [
    'replace',
    'DataBucketPolicy7A4B1C2D',
    {
      action: 'replace',
      destructive: true,
      reason: 'WILL_REPLACE (Bucket: WILL_REPLACE)',
      replacePaths: ['Bucket'],
      explanation:
        'replaced because `Bucket` refers to a resource that is replaced'
    }
  ],
  [
    'may-replace',
    'BastionHost30F9ED05',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      conditional: true,
      destructive: true,
      reason: 'MAY_REPLACE (InstanceType: MAY_REPLACE)',
      replacePaths: ['InstanceType'],
      explanation:
        'may be replaced because `InstanceType` changed and may require replacement (it depends on the value; CloudFormation decides during the deployment)'
    }
  ],
  [
    'destroy',
    'HighErrorRateAlarm9D0B6C4E',
    {
      action: 'destroy',
      type: 'AWS::CloudWatch::Alarm',
      destructive: true,
      reason: 'WILL_DESTROY',
      explanation: 'destroyed because it was removed from the template',
      label: 'DestroyStack/HighErrorRateAlarm/Resource'
    }
  ],
  [
    'destroy-snapshot',
    'ReportingDbA1B2C3D4',
    {
      action: 'destroy',
      snapshot: true,
      destructive: true,
      reason: 'WILL_DESTROY',
      explanation:
        'destroyed because it was removed from the template; DeletionPolicy Snapshot takes a final snapshot first'
    }
  ],
  [
    'orphan',
    'ArchiveBucket2C1E7F3A',
    {
      action: 'forget',
      destructive: false,
      reason: 'WILL_ORPHAN',
      explanation:
        'removed from the template, but DeletionPolicy Retain keeps the real object, which CloudFormation no longer manages'
    }
  ],
  [
    'type-change',
    'OrderEvents5C8D2E1F',
    {
      action: 'replace',
      type: 'AWS::SNS::Topic',
      destructive: true,
      reason: 'WILL_REPLACE (Type: changed)',
      replacePaths: [],
      explanation:
        'replaced because its type changes from `AWS::SQS::Queue` to `AWS::SNS::Topic`'
    }
  ],
  [
    'replace-retain',
    'OrdersTable4E3B1B0C',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      keepsOld: true,
      destructive: true,
      replacePaths: ['TableName'],
      explanation:
        'replaced because `TableName` changed and requires replacement; UpdateReplacePolicy Retain keeps the old object, which CloudFormation no longer manages'
    }
  ],
  [
    'custom-resource',
    'DatabaseSeed8F2A6B1C',
    {
      action: 'update',
      destructive: false,
      reason: 'NO_CHANGE (SeedVersion: NO_CHANGE)',
      explanation:
        "updated: `SeedVersion` changed, and the custom resource's own code decides what that does (it may replace the object)"
    }
  ],
  [
    'custom-resource',
    'AlertsTopic1C2D3E4F',
    {
      action: 'update',
      destructive: false,
      reason: 'WILL_UPDATE (Metadata: changed)',
      explanation: 'only `Metadata` changed, no property',
      label: 'CustomStack/Monitoring/Alerts/Resource'
    }
  ],
  [
    'no-echo-secret',
    'ApiKeySecret3B9C1D2E',
    { action: 'update', destructive: false }
  ],
  [
    'no-echo-secret',
    'PaymentsDb5F6E7D8C',
    { action: 'no-op', destructive: false }
  ]
]

describe('normalizeTemplateDiff', () => {
  it.each(CASES)('%s: %s', async (scenario, logicalId, expected) => {
    const { explanationIncludes, ...fields } = expected
    const change = changeAt(await compareScenario(scenario), logicalId)
    expect(change).toMatchObject(fields)
    if (explanationIncludes !== undefined)
      expect(change.explanation).toContain(explanationIncludes)
    if (!('explanation' in fields) && explanationIncludes === undefined)
      expect(change.explanation).toBeUndefined()
  })

  it('every fixture pair is covered by the table', async () => {
    const scenarios = new Set(CASES.map(([scenario]) => scenario))
    for (const scenario of scenarios) {
      const plan = await compareScenario(scenario)
      expect(plan.changes.length).toBeGreaterThan(0)
    }
    expect([...scenarios].sort()).toEqual([
      'create',
      'custom-resource',
      'destroy',
      'destroy-snapshot',
      'may-replace',
      'no-echo-secret',
      'orphan',
      'replace',
      'replace-retain',
      'type-change',
      'update'
    ])
  })

  it('describes the plan as a template comparison, with the caveat', async () => {
    const plan = await compareScenario('update')
    expect(plan).toMatchObject({
      source: 'cdk/update/head.template.json',
      format: 'cloudformation-template',
      formatVersion: 'template-diff',
      toolVersion: '@aws-cdk/cloudformation-diff 2.187.5',
      mode: 'normal',
      drift: [],
      checks: [],
      targeted: false,
      warnings: [TEMPLATE_DIFF_CAVEAT]
    })
    expect(plan.incomplete).toBeUndefined()
    expect(TEMPLATE_DIFF_CAVEAT).toMatch(/less exact than a change set/)
  })

  it('lists changed properties as attributes, in template paths', async () => {
    const plan = await compareScenario('replace')
    expect(changeAt(plan, 'DataBucketE3889A50').attributes).toEqual([
      {
        path: 'BucketName',
        before: { kind: 'value', value: 'acme-orders-data' },
        after: { kind: 'value', value: 'acme-orders-data-v2' },
        forcesReplacement: true
      },
      {
        path: 'Tags[0].Value',
        before: { kind: 'value', value: 'orders' },
        after: { kind: 'value', value: 'payments' },
        forcesReplacement: false
      }
    ])
    // The reference itself did not change; what it resolves to will.
    expect(changeAt(plan, 'DataBucketPolicy7A4B1C2D').attributes).toEqual([
      {
        path: 'Bucket',
        before: { kind: 'value', value: { Ref: 'DataBucketE3889A50' } },
        after: { kind: 'unknown' },
        forcesReplacement: true
      }
    ])
    const update = await compareScenario('update')
    expect(
      changeAt(update, 'OrdersHandlerF2A0C7D1').attributes.map((a) => a.path)
    ).toEqual(['Environment.Variables.LOG_LEVEL', 'Timeout'])
  })

  it('lists every property of a created or destroyed resource, none of a forgotten one', async () => {
    const created = changeAt(
      await compareScenario('create'),
      'OrdersDLQ6E1C4A3B'
    )
    expect(created.attributes).toEqual([
      {
        path: 'MessageRetentionPeriod',
        before: { kind: 'absent' },
        after: { kind: 'value', value: 1209600 },
        forcesReplacement: false
      }
    ])
    const destroyed = changeAt(
      await compareScenario('destroy'),
      'HighErrorRateAlarm9D0B6C4E'
    )
    expect(destroyed.attributes.map((a) => a.after.kind)).toEqual(
      Array.from({ length: 7 }, () => 'absent')
    )
    const orphaned = changeAt(
      await compareScenario('orphan'),
      'ArchiveBucket2C1E7F3A'
    )
    expect(orphaned.attributes).toEqual([])
  })

  it('keeps unchanged resources as no-op and hides CDK bookkeeping', async () => {
    const plan = await compareScenario('kitchen-sink')
    expect(plan.changes.map((c) => c.address)).not.toContain('CDKMetadata')
    expect(
      plan.changes.filter((c) => c.action === 'no-op').map((c) => c.address)
    ).toEqual([
      'OrdersHandlerServiceRole1E8C4A2B',
      'OrdersQueue4B5E2E3C',
      'PaymentsDb5F6E7D8C'
    ])
    for (const change of plan.changes.filter((c) => c.action === 'no-op')) {
      expect(change.attributes).toEqual([])
      expect(change.reason).toBeUndefined()
    }
  })

  it('diffs outputs from the templates', async () => {
    const plan = await compareScenario('no-echo-secret')
    expect(plan.outputs.map((o) => [o.name, o.action])).toEqual([
      ['ApiKeyValue', 'create'],
      ['ConnectionString', 'update']
    ])
    const removed = await comparePair(
      side('replace', 'base'),
      side('replace', 'base')
    )
    expect(removed.outputs).toEqual([
      {
        name: 'DataBucketName',
        action: 'no-op',
        sensitive: false,
        attributes: []
      }
    ])
    const deleted = await comparePair(side('replace', 'base'), EMPTY)
    expect(deleted.outputs[0]).toMatchObject({
      name: 'DataBucketName',
      action: 'destroy'
    })
  })

  it('a new stack creates everything', async () => {
    const plan = await comparePair(EMPTY, side('kitchen-sink', 'head'))
    expect(new Set(plan.changes.map((c) => c.action))).toEqual(
      new Set(['create'])
    )
    expect(plan.warnings).toHaveLength(2)
    expect(plan.warnings[0]).toContain(
      'is new, every resource in it is created'
    )
  })

  it('a deleted stack destroys everything its DeletionPolicy does not keep', async () => {
    const plan = await comparePair(side('kitchen-sink', 'base'), EMPTY)
    const actions = Object.fromEntries(
      plan.changes.map((c) => [c.address, c.action])
    )
    expect(actions).toMatchObject({
      ArchiveBucket2C1E7F3A: 'forget',
      OrdersTable4E3B1B0C: 'forget',
      DataBucketE3889A50: 'destroy',
      ReportingDbA1B2C3D4: 'destroy'
    })
    expect(changeAt(plan, 'ReportingDbA1B2C3D4')).toMatchObject({
      snapshot: true,
      explanation:
        'destroyed because its stack is deleted; DeletionPolicy Snapshot takes a final snapshot first'
    })
    expect(changeAt(plan, 'ArchiveBucket2C1E7F3A').explanation).toBe(
      'its stack is deleted, but DeletionPolicy Retain keeps the real object, which CloudFormation no longer manages'
    )
    expect(plan.source).toBe('cdk/kitchen-sink/base.template.json')
  })

  it('spells out a weaker DeletionPolicy or UpdateReplacePolicy', async () => {
    const bucket = (policy?: string): TemplateSide => ({
      source: 'Policies.template.json',
      doc: {
        Resources: {
          Archive: {
            Type: 'AWS::S3::Bucket',
            ...(policy === undefined
              ? {}
              : { DeletionPolicy: policy, UpdateReplacePolicy: policy }),
            Properties: { BucketName: 'archive' }
          }
        }
      }
    })
    const plan = await comparePair(bucket('Retain'), bucket())
    expect(changeAt(plan, 'Archive')).toMatchObject({
      action: 'update',
      destructive: false,
      reason:
        'WILL_UPDATE (DeletionPolicy: changed, UpdateReplacePolicy: changed)',
      explanation:
        'only `DeletionPolicy` and `UpdateReplacePolicy` changed, no property; DeletionPolicy Retain → Delete (default); UpdateReplacePolicy Retain → Delete (default)'
    })
  })

  it('masks NoEcho defaults wherever they are copied', async () => {
    const plan = await compareScenario('no-echo-secret')
    const fn = changeAt(plan, 'ReportFunctionA1C2E3F4')
    expect(fn.attributes).toEqual([
      {
        path: 'Environment.Variables.DB_PASSWORD',
        before: { kind: 'absent' },
        after: { kind: 'sensitive' },
        forcesReplacement: false
      },
      {
        path: 'Environment.Variables.DB_URL',
        before: {
          kind: 'value',
          value: 'postgres://reporting@db.internal:5432/reports'
        },
        after: {
          kind: 'value',
          value: 'postgres://reporting:(sensitive)@db.internal:5432/reports'
        },
        forcesReplacement: false
      }
    ])
    expect(changeAt(plan, 'ApiKeySecret3B9C1D2E').attributes).toEqual([
      {
        path: 'SecretString',
        before: { kind: 'sensitive' },
        after: { kind: 'sensitive' },
        forcesReplacement: false
      }
    ])
    expect(JSON.stringify(plan)).not.toContain('PGSECRET')
  })
})

describe('normalizeTemplateDiff over verdicts given as data', () => {
  const queue = { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'q' } }
  const prepared = (
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    verdicts: [string, ResourceVerdict][]
  ): PreparedTemplateDiff => ({
    ...readTemplatePair(
      { source: 'before.json', doc: before },
      { source: 'after.json', doc: after },
      'Stack'
    ),
    verdicts: new Map(verdicts),
    toolVersion: 'test'
  })
  const verdict = (
    impact: ResourceVerdict['impact'],
    properties: [string, ResourceVerdict['impact']][] = []
  ): ResourceVerdict => ({
    impact,
    properties: new Map(properties),
    otherChanges: [],
    typeChanged: false
  })

  it('maps WILL_IMPORT to an imported create (two templates cannot show an import; a change set can)', () => {
    const plan = normalizeTemplateDiff(
      prepared({ Resources: {} }, { Resources: { Queue: queue } }, [
        ['Queue', verdict('WILL_IMPORT')]
      ]),
      createRedactor([])
    )
    expect(changeAt(plan, 'Queue')).toMatchObject({
      action: 'create',
      imported: true,
      destructive: false,
      reason: 'WILL_IMPORT',
      explanation:
        'imported: CloudFormation adopts an existing object into the stack'
    })
  })

  it('classifies a resource on one side only by presence when there is no verdict', () => {
    const plan = normalizeTemplateDiff(
      prepared(
        { Resources: { Old: queue } },
        { Resources: { New: queue } },
        []
      ),
      createRedactor([])
    )
    expect(changeAt(plan, 'Old')).toMatchObject({
      action: 'destroy',
      destructive: true
    })
    expect(changeAt(plan, 'New')).toMatchObject({ action: 'create' })
  })

  it('explains a change of several properties, some only possibly replacing', () => {
    const before = {
      Resources: {
        Db: {
          Type: 'AWS::RDS::DBInstance',
          UpdateReplacePolicy: 'Snapshot',
          Properties: { A: 1, B: 1, C: 1, D: 1, E: 1 }
        }
      }
    }
    const after = {
      Resources: {
        Db: {
          Type: 'AWS::RDS::DBInstance',
          UpdateReplacePolicy: 'Snapshot',
          Properties: { A: 2, B: 2, C: 2, D: 2, E: 2 }
        }
      }
    }
    const plan = normalizeTemplateDiff(
      prepared(before, after, [
        [
          'Db',
          verdict('WILL_REPLACE', [
            ['A', 'WILL_REPLACE'],
            ['B', 'WILL_REPLACE'],
            ['C', 'WILL_REPLACE'],
            ['D', 'WILL_REPLACE'],
            ['E', 'MAY_REPLACE']
          ])
        ]
      ]),
      createRedactor([])
    )
    expect(changeAt(plan, 'Db').explanation).toBe(
      'replaced because `A`, `B`, `C` and 1 more changed and require replacement; `E` changed and may require replacement (it depends on the value; CloudFormation decides during the deployment); UpdateReplacePolicy Snapshot takes a snapshot of the old object before deleting it'
    )
  })

  it('says when the specification does not know a type', () => {
    const thing = (x: number): Record<string, unknown> => ({
      Resources: {
        Thing: { Type: 'Vendor::Service::Thing', Properties: { X: x } }
      }
    })
    const plan = normalizeTemplateDiff(
      prepared(thing(1), thing(2), [
        ['Thing', verdict('NO_CHANGE', [['X', 'NO_CHANGE']])]
      ]),
      createRedactor([])
    )
    expect(changeAt(plan, 'Thing')).toMatchObject({
      action: 'update',
      explanation:
        'updated as far as plangate can tell: the resource specification does not cover `X` of `Vendor::Service::Thing`, so whether the change replaces the object cannot be predicted'
    })
  })
})

describe('prepareTemplateDiff', () => {
  it('runs the bundled library version pinned in package.json', () => {
    const pkg = JSON.parse(
      readFileSync(
        fixturePath(
          '../../node_modules/@aws-cdk/cloudformation-diff/package.json'
        ),
        'utf8'
      )
    ) as { version: string }
    const own = JSON.parse(
      readFileSync(fixturePath('../../package.json'), 'utf8')
    ) as { dependencies: Record<string, string> }
    expect(pkg.version).toBe(CLOUDFORMATION_DIFF_VERSION)
    expect(own.dependencies['@aws-cdk/cloudformation-diff']).toBe(
      CLOUDFORMATION_DIFF_VERSION
    )
  })

  it('keeps only the differing resources, as plain data', async () => {
    const prepared = await prepareTemplateDiff(
      readTemplatePair(side('replace', 'base'), side('replace', 'head'))
    )
    expect([...prepared.verdicts.keys()].sort()).toEqual([
      'CDKMetadata',
      'DataBucketE3889A50',
      'DataBucketPolicy7A4B1C2D'
    ])
    expect(prepared.verdicts.get('DataBucketE3889A50')).toEqual({
      impact: 'WILL_REPLACE',
      properties: new Map([
        ['BucketName', 'WILL_REPLACE'],
        ['Tags', 'WILL_UPDATE']
      ]),
      otherChanges: [],
      typeChanged: false
    })
  })

  it('does not change the templates it is given', async () => {
    const base = side('replace', 'base')
    const copy = JSON.stringify(base.doc)
    await prepareTemplateDiff(readTemplatePair(base, side('replace', 'head')))
    expect(JSON.stringify(base.doc)).toBe(copy)
  })

  it('self-check: the library and its resource specification load', async () => {
    await expect(checkTemplateDiffer()).resolves.toBe(
      '@aws-cdk/cloudformation-diff 2.187.5'
    )
  })
})

describe('cdk.out directories (src/io/cdk-out.ts)', () => {
  const work = mkdtempSync(join(tmpdir(), 'plangate-cdk-out-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const base = fixturePath('cdk/cdk-out-base')
  const head = fixturePath('cdk/cdk-out-head')

  /** A cdk.out directory with the given manifest (and files). */
  function assembly(
    name: string,
    manifest: unknown,
    files: Record<string, string> = {}
  ): string {
    const dir = join(work, name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
    for (const [file, text] of Object.entries(files))
      writeFileSync(join(dir, file), text)
    return dir
  }

  it('lists every stack, stages included, by display name', () => {
    expect(readCdkOutStacks(base)).toEqual(
      new Map([
        ['ApiStack', join(base, 'ApiStack.template.json')],
        ['LegacyStack', join(base, 'LegacyStack.template.json')],
        [
          'Prod/DataStack',
          join(base, 'assembly-Prod/ProdDataStack1A2B3C4D.template.json')
        ]
      ])
    )
  })

  it('pairs stacks by name: new and deleted stacks have one side', () => {
    expect(
      pairCdkOutStacks(readCdkOutStacks(base), readCdkOutStacks(head))
    ).toEqual([
      {
        stackName: 'ApiStack',
        before: join(base, 'ApiStack.template.json'),
        after: join(head, 'ApiStack.template.json')
      },
      {
        stackName: 'LegacyStack',
        before: join(base, 'LegacyStack.template.json'),
        after: undefined
      },
      {
        stackName: 'NewStack',
        before: undefined,
        after: join(head, 'NewStack.template.json')
      },
      {
        stackName: 'Prod/DataStack',
        before: join(base, 'assembly-Prod/ProdDataStack1A2B3C4D.template.json'),
        after: join(head, 'assembly-Prod/ProdDataStack1A2B3C4D.template.json')
      }
    ])
  })

  it('reviews two cdk.out directories stack by stack', async () => {
    const pairs = pairCdkOutStacks(
      readCdkOutStacks(base),
      readCdkOutStacks(head)
    )
    const noStdin = (): Buffer => Buffer.alloc(0)
    const plans = await Promise.all(
      pairs.map((pair) =>
        comparePair(
          readTemplateSide(pair.before, noStdin),
          readTemplateSide(pair.after, noStdin),
          pair.stackName
        )
      )
    )
    const summary = plans.map((plan) => [
      plan.source.replace(fixturePath('cdk'), 'cdk'),
      plan.changes
        .filter((c) => c.action !== 'no-op')
        .map((c) => `${c.action} ${c.address}`)
    ])
    expect(summary).toEqual([
      [
        'cdk/cdk-out-head/ApiStack.template.json',
        ['replace DataBucketE3889A50', 'update OrdersHandlerF2A0C7D1']
      ],
      [
        'cdk/cdk-out-base/LegacyStack.template.json',
        ['forget ArchiveBucket2C1E7F3A', 'destroy HighErrorRateAlarm9D0B6C4E']
      ],
      ['cdk/cdk-out-head/NewStack.template.json', ['create OrdersDLQ6E1C4A3B']],
      [
        'cdk/cdk-out-head/assembly-Prod/ProdDataStack1A2B3C4D.template.json',
        ['replace OrdersTable4E3B1B0C']
      ]
    ])
    expect(plans[1]?.warnings[0]).toContain(
      'no after template: stack LegacyStack is shown as deleted'
    )
    expect(plans[2]?.warnings[0]).toContain(
      'no before template: stack NewStack is new'
    )
  })

  it.each<[string, () => string, string]>([
    [
      'a missing directory',
      () => join(work, 'nothing-here'),
      'expected a cdk.out directory from `cdk synth`, found no directory at that path'
    ],
    [
      'a file',
      () => fixturePath('cdk/cdk-out-base/manifest.json'),
      'expected a cdk.out directory from `cdk synth`, found a file; pass a `cdk.out` directory'
    ],
    [
      'a directory without manifest.json',
      () => fixturePath('cdk/kitchen-sink'),
      'kitchen-sink: expected a cdk.out directory from `cdk synth`, found a directory without manifest.json; run `cdk synth`'
    ],
    [
      'a manifest without artifacts',
      () => assembly('no-artifacts', { version: '48.0.0' }),
      'manifest.json: expected a cloud assembly manifest with "artifacts", found no "artifacts" object'
    ],
    [
      'a manifest that is not JSON',
      () => {
        const dir = assembly('not-json', {})
        writeFileSync(join(dir, 'manifest.json'), '{"version": ')
        return dir
      },
      'manifest.json: expected a JSON cloud assembly manifest, found JSON that ends early'
    ],
    [
      'a stack without templateFile',
      () =>
        assembly('no-template-file', {
          artifacts: { S: { type: 'aws:cloudformation:stack', properties: {} } }
        }),
      'expected artifact "S" to have properties.templateFile, found none'
    ],
    [
      'a template that is missing',
      () =>
        assembly('missing-template', {
          artifacts: {
            S: {
              type: 'aws:cloudformation:stack',
              properties: { templateFile: 'S.template.json' }
            }
          }
        }),
      'S.template.json, found no file at that path; the directory is incomplete'
    ],
    [
      'a template outside the directory',
      () =>
        assembly('escape', {
          artifacts: {
            S: {
              type: 'aws:cloudformation:stack',
              properties: { templateFile: '../escape.template.json' }
            }
          }
        }),
      'expected artifact "S" to name a path inside the cdk.out directory, found a path outside it'
    ],
    [
      'a stack listed twice',
      () =>
        assembly(
          'twice',
          {
            artifacts: {
              A: {
                type: 'aws:cloudformation:stack',
                displayName: 'S',
                properties: { templateFile: 'A.template.json' }
              },
              B: {
                type: 'aws:cloudformation:stack',
                displayName: 'S',
                properties: { templateFile: 'A.template.json' }
              }
            }
          },
          { 'A.template.json': '{"Resources":{}}' }
        ),
      'expected each stack once in the cloud assembly, found stack "S" twice'
    ],
    [
      'an assembly that nests itself',
      () =>
        assembly('loop', {
          artifacts: {
            Self: {
              type: 'cdk:cloud-assembly',
              properties: { directoryName: '.' }
            }
          }
        }),
      'expected artifact "Self" to name a path inside the cdk.out directory'
    ]
  ])('rejects %s with a one-line error', (_, dir, message) => {
    const path = dir()
    expect(() => readCdkOutStacks(path)).toThrow(PlanParseError)
    expect(() => readCdkOutStacks(path)).toThrow(message)
  })

  it('reads a template side, or nothing', () => {
    const noStdin = (): Buffer => Buffer.alloc(0)
    expect(readTemplateSide(undefined, noStdin)).toEqual({
      source: '(no template)',
      doc: {}
    })
    const path = fixturePath('cdk/create/head.template.json')
    expect(readTemplateSide(path, noStdin).doc).toEqual(
      fixtureJson('cdk/create/head.template.json')
    )
    expect(
      readTemplateSide('-', () => Buffer.from('{"Resources":{}}')).doc
    ).toEqual({ Resources: {} })
  })

  it.each<[string, string, string]>([
    [
      'yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n',
      'expected a CloudFormation template in JSON, found a YAML template; plangate reads JSON templates'
    ],
    [
      'truncated',
      '{"Resources": {',
      'expected a CloudFormation template in JSON, found JSON that ends early at line 1, column 16 (the file looks truncated); `cdk synth` writes'
    ],
    [
      'empty',
      '',
      'expected a CloudFormation template in JSON, found an empty file'
    ]
  ])('words a bad %s template file for templates', (name, text, message) => {
    const path = join(work, `${name}.template.json`)
    writeFileSync(path, text)
    expect(() => readTemplateSide(path, () => Buffer.alloc(0))).toThrow(
      `${path}: ${message}`
    )
  })

  it('words a missing template file for templates', () => {
    const path = join(work, 'missing.template.json')
    expect(() => readTemplateSide(path, () => Buffer.alloc(0))).toThrow(
      `${path}: expected a CloudFormation template file, found no file at that path`
    )
  })
})
