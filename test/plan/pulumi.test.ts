import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Analysis, Plan, ResourceChange } from '../../src/model.js'
import { countChanges, decideGate } from '../../src/gate/index.js'
import {
  looksLikePulumiEventStream,
  looksLikePulumiPreview,
  normalizePulumiPreview,
  readPulumiPreview
} from '../../src/plan/pulumi.js'
import { createRedactor, SENSITIVE_TEXT } from '../../src/redact/index.js'
import {
  renderJson,
  renderMarkdown,
  renderText
} from '../../src/report/index.js'
import {
  fixtureJson,
  fixturePath,
  fixtureText,
  planErrorOf
} from '../helpers.js'

/** Analyses Pulumi digests the way `analyze()` does: one redactor over all their secrets. */
function analyzePulumi(...docs: { source: string; doc: unknown }[]): Analysis {
  const inputs = docs.map(({ source, doc }) => readPulumiPreview(doc, source))
  const redactor = createRedactor(inputs.flatMap((i) => [...i.secrets]))
  const plans = inputs.map((input) => normalizePulumiPreview(input, redactor))
  return {
    plans,
    summary: countChanges(plans),
    decision: decideGate(plans),
    warnings: plans.flatMap((plan) => plan.warnings)
  }
}

function pulumiDoc(name: string): Record<string, unknown> {
  return fixtureJson(`pulumi/${name}.json`)
}

function pulumiPlan(name: string): Plan {
  const [plan] = analyzePulumi({
    source: `pulumi/${name}.json`,
    doc: pulumiDoc(name)
  }).plans
  if (plan === undefined) throw new Error('no plan')
  return plan
}

/** The change at an address (and of an action, when one URN has several changes). */
function changeAt(
  plan: Plan,
  address: string,
  action?: ResourceChange['action']
): ResourceChange {
  const change = plan.changes.find(
    (c) =>
      c.address === address && (action === undefined || c.action === action)
  )
  if (change === undefined)
    throw new Error(`no ${action ?? 'change'} for ${address} in ${plan.source}`)
  return change
}

/** The message readPulumiPreview throws for a document, or fails the test. */
function errorFor(doc: unknown): string {
  return planErrorOf(() => readPulumiPreview(doc, 'preview.json'))
}

/** Every `.json` fixture of test/fixtures/pulumi/ that is a digest (with steps). */
const PULUMI_DIGESTS = [
  'component',
  'create',
  'delete',
  'delete-protected',
  'delete-provider',
  'delete-retain-on-delete',
  'dependents',
  'discard',
  'failed-preview',
  'import',
  'no-changes',
  'pulumi-preview',
  'read',
  'replace-create-first',
  'replace-delete-first',
  'replace-no-steps',
  'replace-protected',
  'replace-retain-on-delete',
  'secrets',
  'update'
]
/** Pulumi output that is not a digest: explained, never read. */
const PULUMI_NOT_DIGESTS = ['failed-before-steps', 'output-json-summary']

type Expected = Partial<Omit<ResourceChange, 'attributes'>> & {
  readonly explanationIncludes?: string
}

const BUCKET = 'aws:s3/bucket:Bucket::logs'
const DB = 'aws:rds/instance:Instance::reporting-db'
const TABLE = 'aws:dynamodb/table:Table::orders-table'

/** One row per step (or merged replacement) a fixture exists to show. */
const CASES: readonly [fixture: string, address: string, expected: Expected][] =
  [
    [
      'create',
      'aws:sqs/queue:Queue::orders-dlq',
      {
        action: 'create',
        type: 'aws:sqs/queue:Queue',
        name: 'orders-dlq',
        module: '',
        provider: 'aws',
        mode: 'managed',
        destructive: false,
        imported: false
      }
    ],
    [
      'update',
      'aws:lambda/function:Function::orders-handler',
      {
        action: 'update',
        destructive: false,
        reason:
          'diffReasons: tags, timeout; detailedDiff: tags.env add, timeout update'
      }
    ],
    [
      'replace-create-first',
      BUCKET,
      {
        action: 'replace',
        replaceOrder: 'create-first',
        destructive: true,
        replacePaths: ['bucket'],
        reason:
          'replaceReasons: bucket; diffReasons: bucket; detailedDiff: bucket update-replace',
        explanation: 'replaced because `bucket` changed and forces replacement'
      }
    ],
    [
      'replace-create-first',
      'aws:sqs/queue:Queue::orders-dlq',
      { action: 'update', destructive: false }
    ],
    [
      'replace-delete-first',
      TABLE,
      {
        action: 'replace',
        replaceOrder: 'delete-first',
        destructive: true,
        replacePaths: ['hashKey'],
        explanation: 'replaced because `hashKey` changed and forces replacement'
      }
    ],
    [
      'replace-no-steps',
      BUCKET,
      {
        action: 'replace',
        replaceOrder: 'delete-first',
        destructive: true,
        explanationIncludes: 'does not show the order'
      }
    ],
    [
      'replace-retain-on-delete',
      BUCKET,
      {
        action: 'replace',
        replaceOrder: 'create-first',
        keepsOld: true,
        destructive: true,
        explanationIncludes: '`retainOnDelete`'
      }
    ],
    [
      'replace-protected',
      DB,
      {
        action: 'replace',
        protected: true,
        destructive: true,
        replacePaths: ['allocatedStorage'],
        explanationIncludes: 'Pulumi will refuse it'
      }
    ],
    [
      'delete',
      'aws:cloudwatch/metricAlarm:MetricAlarm::high-error-rate',
      {
        action: 'destroy',
        destructive: true,
        explanation: 'destroyed: the Pulumi program no longer declares it'
      }
    ],
    [
      'delete',
      'kubernetes:apps/v1:Deployment::worker',
      {
        action: 'destroy',
        destructive: true,
        provider: 'kubernetes',
        explanation:
          'destroyed together with `kubernetes:core/v1:Namespace::batch` (`deletedWith`), without a delete call of its own'
      }
    ],
    [
      'delete-retain-on-delete',
      'aws:s3/bucket:Bucket::archive',
      {
        action: 'forget',
        destructive: false,
        explanationIncludes: '`retainOnDelete` is set'
      }
    ],
    [
      'delete-protected',
      DB,
      {
        action: 'destroy',
        protected: true,
        destructive: true,
        explanationIncludes: 'Pulumi will refuse it'
      }
    ],
    [
      'delete-provider',
      'pulumi:providers:aws::default_7_12_0',
      {
        action: 'forget',
        destructive: false,
        provider: 'aws',
        explanationIncludes: 'no cloud object is deleted'
      }
    ],
    [
      'delete-provider',
      'pulumi:providers:aws::default_7_13_0',
      { action: 'create', type: 'pulumi:providers:aws' }
    ],
    [
      'import',
      'aws:cloudwatch/logGroup:LogGroup::audit',
      {
        action: 'create',
        imported: true,
        importId: '/orders/audit',
        destructive: false
      }
    ],
    [
      'import',
      'aws:cloudwatch/logGroup:LogGroup::access',
      {
        action: 'replace',
        imported: true,
        importId: '/orders/access',
        replaceOrder: 'create-first',
        destructive: true,
        explanationIncludes: 'replaced by an imported object'
      }
    ],
    [
      'read',
      'aws:ec2/vpc:Vpc::shared-vpc',
      { action: 'read', mode: 'data', destructive: false }
    ],
    [
      'discard',
      'aws:ec2/subnet:Subnet::legacy-subnet',
      { action: 'forget', mode: 'data', destructive: false }
    ],
    [
      'discard',
      'aws:dynamodb/table:Table::sessions',
      {
        action: 'forget',
        destructive: false,
        explanationIncludes: 'interrupted delete-before-replace'
      }
    ],
    [
      'component',
      'orders:web:Site$aws:s3/bucket:Bucket::frontend-assets',
      {
        action: 'create',
        type: 'aws:s3/bucket:Bucket',
        name: 'frontend-assets',
        module: 'orders:web:Site::frontend',
        provider: 'aws'
      }
    ],
    [
      'component',
      'orders:web:Site$aws:s3/bucket:Bucket::legacy-assets',
      {
        action: 'destroy',
        destructive: true,
        module: 'orders:web:Site::legacy'
      }
    ],
    [
      'component',
      'orders:web:Site::legacy',
      {
        action: 'forget',
        destructive: false,
        explanationIncludes: 'no cloud object of its own'
      }
    ],
    ['no-changes', BUCKET, { action: 'no-op', destructive: false }],
    [
      'no-changes',
      'pulumi:pulumi:Stack::orders-prod',
      { action: 'no-op', provider: 'pulumi' }
    ],
    [
      'pulumi-preview',
      TABLE,
      {
        action: 'replace',
        replaceOrder: 'create-first',
        replacePaths: ['name'],
        destructive: true
      }
    ],
    [
      'pulumi-preview',
      'aws:s3/bucket:Bucket::archive',
      { action: 'forget', destructive: false }
    ],
    [
      'pulumi-preview',
      DB,
      { action: 'destroy', protected: true, destructive: true }
    ],
    [
      'pulumi-preview',
      'aws:ec2/subnet:Subnet::legacy-subnet',
      { action: 'forget' }
    ]
  ]

describe('Pulumi reader: classification', () => {
  it.each(CASES)('%s: %s', (fixture, address, expected) => {
    const plan = pulumiPlan(fixture)
    const change = changeAt(plan, address, expected.action)
    const { explanationIncludes, ...fields } = expected
    expect(change).toMatchObject(fields)
    if (explanationIncludes !== undefined)
      expect(change.explanation).toContain(explanationIncludes)
    expect(plan).toMatchObject({
      format: 'pulumi',
      formatVersion: 'preview-digest',
      toolVersion: 'unknown',
      mode: 'normal',
      targeted: false,
      drift: [],
      checks: []
    })
  })

  const steps = (...ops: string[]): Record<string, unknown> => ({
    steps: ops.map((op) => ({
      op,
      urn: `urn:pulumi:dev::p::aws:s3/bucket:Bucket::b`,
      oldState: {
        custom: true,
        type: 'aws:s3/bucket:Bucket',
        inputs: { a: 1 }
      },
      newState: { custom: true, type: 'aws:s3/bucket:Bucket', inputs: { a: 2 } }
    }))
  })

  it.each([
    ['same', 'no-op'],
    ['refresh', 'no-op'],
    ['diff', 'no-op'],
    ['extend-parameterize', 'no-op'],
    ['create', 'create'],
    ['update', 'update'],
    ['delete', 'destroy'],
    ['read', 'read'],
    ['read-replacement', 'read'],
    ['import', 'create'],
    ['discard', 'forget'],
    ['discard-replaced', 'forget'],
    ['remove-pending-replace', 'forget'],
    ['replace', 'replace'],
    ['create-replacement', 'replace'],
    ['import-replacement', 'replace']
  ])('op %s alone is %s', (op, action) => {
    const plan = analyzePulumi({ source: 'p.json', doc: steps(op) }).plans[0]
    expect(plan?.changes.map((c) => c.action)).toEqual([action])
  })

  it.each([
    [
      'create-replacement, replace, delete-replaced',
      ['create-replacement', 'replace', 'delete-replaced'],
      'create-first'
    ],
    [
      'delete-replaced, replace, create-replacement',
      ['delete-replaced', 'replace', 'create-replacement'],
      'delete-first'
    ],
    [
      'create-replacement, replace',
      ['create-replacement', 'replace'],
      'create-first'
    ],
    [
      'replace, create-replacement',
      ['replace', 'create-replacement'],
      'delete-first'
    ],
    [
      'replace, delete-replaced',
      ['replace', 'delete-replaced'],
      'create-first'
    ],
    [
      'delete-replaced, replace',
      ['delete-replaced', 'replace'],
      'delete-first'
    ],
    ['replace alone (order not shown)', ['replace'], 'delete-first']
  ])('merges %s of one URN into one replace', (_name, ops, order) => {
    const plan = analyzePulumi({ source: 'p.json', doc: steps(...ops) })
      .plans[0]
    expect(plan?.changes).toHaveLength(1)
    expect(plan?.changes[0]).toMatchObject({
      action: 'replace',
      replaceOrder: order,
      destructive: true
    })
  })

  it('honours an explicit deleteBeforeReplace flag', () => {
    const doc = steps('create-replacement', 'replace')
    const [first] = doc.steps as { newState: Record<string, unknown> }[]
    if (first === undefined) throw new Error('no step')
    first.newState.deleteBeforeReplace = true
    expect(
      analyzePulumi({ source: 'p.json', doc }).plans[0]?.changes[0]
    ).toMatchObject({ replaceOrder: 'delete-first' })
  })

  it('gives a leftover delete-replaced (no replacement) its own destroy, like a deposed object', () => {
    const plan = analyzePulumi({
      source: 'p.json',
      doc: steps('update', 'delete-replaced')
    }).plans[0]
    expect(plan?.changes.map((c) => [c.action, c.deposed])).toEqual([
      ['update', undefined],
      ['destroy', 'pending']
    ])
    expect(plan?.changes[1]?.explanation).toContain('pending deletion')
  })

  it('warns once when the order of replacements is not shown', () => {
    const plan = pulumiPlan('replace-no-steps')
    expect(plan.warnings).toEqual([
      'pulumi/replace-no-steps.json: the preview does not show whether aws:s3/bucket:Bucket::logs is replaced create-first or delete-first; plangate assumes delete first. Run `pulumi preview --json --show-replacement-steps` to see the order'
    ])
    expect(pulumiPlan('replace-create-first').warnings).toEqual([])
  })

  it('does not call a replace protected when the same update removes the flag', () => {
    const doc = pulumiDoc('replace-protected')
    for (const step of doc.steps as { newState?: Record<string, unknown> }[])
      delete step.newState?.protect
    delete doc.diagnostics
    const change = changeAt(
      analyzePulumi({ source: 'p.json', doc }).plans[0] as Plan,
      DB
    )
    expect(change.protected).toBeUndefined()
    expect(change.explanation).not.toContain('refuse')
  })

  it.each(PULUMI_DIGESTS)(
    '%s: every change is classified and destructive means replace/destroy',
    (name) => {
      const plan = pulumiPlan(name)
      expect(plan.changes.length).toBeGreaterThan(0)
      for (const change of plan.changes) {
        const destructive =
          change.action === 'destroy' ||
          (change.action === 'replace' &&
            !change.type.startsWith('pulumi:providers:'))
        expect(change.destructive, change.address).toBe(destructive)
        if (change.action === 'replace')
          expect(change.replaceOrder).toBeDefined()
        else expect(change.replaceOrder).toBeUndefined()
        if (change.action === 'no-op' || change.action === 'forget')
          expect(change.attributes).toEqual([])
        if (change.protected === true)
          expect(['destroy', 'replace']).toContain(change.action)
        expect(change.address).not.toContain('urn:pulumi:')
      }
    }
  )

  it('lists every committed fixture', () => {
    const onDisk = readdirSync(fixturePath('pulumi'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort()
    expect([...PULUMI_DIGESTS, ...PULUMI_NOT_DIGESTS].sort()).toEqual(onDisk)
    for (const name of onDisk)
      expect(pulumiDoc(name)['//'], name).toMatch(/^HAND-WRITTEN/)
  })
})

describe('Pulumi reader: the reference sample', () => {
  const analysis = analyzePulumi({
    source: 'preview.json',
    doc: pulumiDoc('pulumi-preview')
  })
  const plan = analysis.plans[0] as Plan

  it('merges the three steps of the table replacement into one change', () => {
    expect(plan.changes.filter((c) => c.address === TABLE)).toHaveLength(1)
    expect(plan.changes).toHaveLength(10)
    expect(analysis.summary).toMatchObject({
      create: 2,
      update: 1,
      replace: 1,
      destroy: 2,
      forget: 2,
      read: 1,
      'no-op': 1,
      destructive: 3,
      imported: 1
    })
  })

  it('fails closed: the protected delete makes the preview incomplete and the gate blocks', () => {
    expect(plan.incomplete).toMatchObject({
      errored: true,
      applyable: false,
      complete: false
    })
    expect(plan.incomplete?.notes).toEqual([
      expect.stringContaining('cannot be deleted because it is protected')
    ])
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.gated.map((g) => [g.address, g.action])).toEqual([
      [TABLE, 'replace'],
      ['aws:cloudwatch/metricAlarm:MetricAlarm::high-error-rate', 'destroy'],
      [DB, 'destroy']
    ])
  })

  it('diffs inputs, without Pulumi internal keys, forcing paths marked', () => {
    expect(changeAt(plan, TABLE).attributes).toEqual([
      {
        path: 'name',
        before: { kind: 'value', value: 'orders-v1' },
        after: { kind: 'value', value: 'orders-v2' },
        forcesReplacement: true
      }
    ])
    const queue = changeAt(plan, 'aws:sqs/queue:Queue::orders-dlq')
    expect(queue.attributes.map((a) => a.path)).toEqual([
      'messageRetentionSeconds',
      'name',
      'sqsManagedSseEnabled'
    ])
    expect(changeAt(plan, DB).attributes).toContainEqual({
      path: 'password',
      before: { kind: 'sensitive' },
      after: { kind: 'absent' },
      forcesReplacement: false
    })
  })

  it('diffs the outputs of a read (its inputs are empty)', () => {
    expect(
      changeAt(plan, 'aws:ec2/vpc:Vpc::shared-vpc').attributes.map(
        (a) => a.path
      )
    ).toEqual(['arn', 'cidrBlock', 'id'])
  })
})

describe('Pulumi reader: attributes', () => {
  it('shows nested changes in plangate path style', () => {
    const change = changeAt(
      pulumiPlan('update'),
      'aws:lambda/function:Function::orders-handler'
    )
    expect(change.attributes).toEqual([
      {
        path: 'tags.env',
        before: { kind: 'absent' },
        after: { kind: 'value', value: 'prod' },
        forcesReplacement: false
      },
      {
        path: 'timeout',
        before: { kind: 'value', value: 30 },
        after: { kind: 'value', value: 60 },
        forcesReplacement: false
      }
    ])
  })

  it('shows the unknown sentinel as known after apply', () => {
    const change = changeAt(pulumiPlan('create'), BUCKET)
    expect(change.attributes).toEqual([
      {
        path: 'bucket',
        before: { kind: 'absent' },
        after: { kind: 'value', value: 'orders-logs' },
        forcesReplacement: false
      },
      {
        path: 'tags.team',
        before: { kind: 'absent' },
        after: { kind: 'value', value: 'orders' },
        forcesReplacement: false
      }
    ])
    const doc = pulumiDoc('create')
    const [, , bucket] = doc.steps as {
      newState: { inputs: Record<string, unknown> }
    }[]
    if (bucket === undefined) throw new Error('fixture changed')
    bucket.newState.inputs.arn = '04da6b54-80e4-46f7-96ec-b56ff0331ba9'
    const arn = changeAt(
      analyzePulumi({ source: 'p.json', doc }).plans[0] as Plan,
      BUCKET
    ).attributes.find((a) => a.path === 'arn')
    expect(arn?.after).toEqual({ kind: 'unknown' })
  })

  it('normalises Pulumi property paths in replacePaths and marks what they cover', () => {
    const doc = pulumiDoc('replace-no-steps')
    const [, replace] = doc.steps as Record<string, unknown>[]
    if (replace === undefined) throw new Error('fixture changed')
    replace.replaceReasons = ['tags', 'bucket']
    replace.detailedDiff = {
      'tags["app.kubernetes.io/name"]': {
        kind: 'add-replace',
        inputDiff: true
      },
      'rules[0].cidr': { kind: 'update', inputDiff: true }
    }
    const change = changeAt(
      analyzePulumi({ source: 'p.json', doc }).plans[0] as Plan,
      BUCKET
    )
    expect(change.replacePaths).toEqual([
      'tags["app.kubernetes.io/name"]',
      'bucket'
    ])
    expect(change.explanation).toContain(
      'because `tags["app.kubernetes.io/name"]` and `bucket` changed and force replacement'
    )
    expect(
      change.attributes.find((a) => a.path === 'bucket')?.forcesReplacement
    ).toBe(true)
  })
})

describe('Pulumi reader: secrets', () => {
  const analysis = analyzePulumi({
    source: 'secrets.json',
    doc: pulumiDoc('secrets')
  })
  const plan = analysis.plans[0] as Plan
  const secrets = [
    ...new Set(fixtureText('pulumi/secrets.json').match(/PGSECRET-[\w-]+/g))
  ]

  it('the fixture holds secrets in clear text', () => {
    expect(secrets).toEqual([
      'PGSECRET-db-password-old-7f3a',
      'PGSECRET-db-password-new-2c9d',
      'PGSECRET-api-token-5e1b'
    ])
  })

  it('collects the plaintext of secret-signature objects (value and plaintext)', () => {
    const input = readPulumiPreview(pulumiDoc('secrets'), 'secrets.json')
    for (const secret of secrets) expect(input.secrets).toContain(secret)
    expect(input.secrets).not.toContain('[secret]')
  })

  it('never prints a secret: text, Markdown (every tier), JSON, warnings', () => {
    const outputs = [
      renderText(analysis, { color: false }),
      renderText(analysis, { color: true }),
      renderMarkdown(analysis).markdown,
      ...[3_000, 1_500, 800].map(
        (maxChars) => renderMarkdown(analysis, { maxChars }).markdown
      ),
      renderJson(analysis, { name: 'plangate', version: 'test' }),
      JSON.stringify(analysis)
    ]
    for (const output of outputs) {
      expect(output).not.toContain('PGSECRET')
      for (const secret of secrets) expect(output).not.toContain(secret)
    }
    expect(outputs[0]).toContain(SENSITIVE_TEXT)
  })

  it('shows a changed secret, [secret] on both sides included, as (sensitive)', () => {
    const password = changeAt(plan, 'aws:rds/instance:Instance::app-db')
    expect(password.attributes).toEqual([
      {
        path: 'password',
        before: { kind: 'sensitive' },
        after: { kind: 'sensitive' },
        forcesReplacement: false
      }
    ])
    const token = changeAt(plan, 'aws:ssm/parameter:Parameter::api-token')
    expect(token.attributes).toEqual([
      {
        path: 'value',
        before: { kind: 'sensitive' },
        after: { kind: 'sensitive' },
        forcesReplacement: false
      }
    ])
  })

  it('masks an unmarked copy of a secret inside another value', () => {
    const worker = changeAt(plan, 'aws:lambda/function:Function::worker')
    expect(worker.attributes).toContainEqual({
      path: 'environment.variables.DB_URL',
      before: { kind: 'absent' },
      after: {
        kind: 'value',
        value: `postgres://app:${SENSITIVE_TEXT}@app-db.internal:5432/app`
      },
      forcesReplacement: false
    })
    expect(worker.attributes).toContainEqual({
      path: 'environment.variables.API_TOKEN',
      before: { kind: 'absent' },
      after: { kind: 'sensitive' },
      forcesReplacement: false
    })
  })

  it('masks a secret of a Pulumi digest in another plan and in diagnostics', () => {
    const failed = pulumiDoc('failed-preview')
    failed.diagnostics = [
      {
        message: 'error: token PGSECRET-api-token-5e1b was rejected',
        severity: 'error'
      },
      {
        message: 'warning: PGSECRET-api-token-5e1b expires',
        severity: 'warning'
      }
    ]
    const both = analyzePulumi(
      { source: 'secrets.json', doc: pulumiDoc('secrets') },
      { source: 'failed.json', doc: failed }
    )
    const text = renderText(both, { color: false })
    expect(text).not.toContain('PGSECRET')
    expect(both.plans[1]?.incomplete?.notes[0]).toContain(
      `token ${SENSITIVE_TEXT} was rejected`
    )
    expect(both.warnings).toEqual([
      `failed.json: Pulumi warning: ${SENSITIVE_TEXT} expires`
    ])
  })
})

describe('Pulumi reader: diagnostics and stack outputs', () => {
  it('an error diagnostic makes the plan incomplete; warnings are kept, program output is not', () => {
    const plan = pulumiPlan('failed-preview')
    expect(plan.incomplete).toEqual({
      errored: true,
      applyable: false,
      complete: false,
      notes: [
        "Pulumi reported an error, so `pulumi up` would fail and the preview may not list every change; fix it and preview again (`pulumi preview --json`): aws:lambda/function:Function resource 'orders-handler' has a problem: expected memory_size to be in the range (128 - 10240), got 64. Examine values at 'orders-handler.memorySize'."
      ]
    })
    expect(plan.warnings).toEqual([
      'pulumi/failed-preview.json: Pulumi warning: runtime nodejs16.x is deprecated'
    ])
    const decision = decideGate([plan])
    expect(decision.verdict).toBe('blocked')
    expect(decision.gated).toEqual([])
  })

  it('maybeCorrupt makes the plan incomplete too', () => {
    const doc = { ...pulumiDoc('create'), maybeCorrupt: true }
    const plan = analyzePulumi({ source: 'p.json', doc }).plans[0]
    expect(plan?.incomplete).toMatchObject({ errored: false })
    expect(plan?.incomplete?.notes[0]).toContain('maybeCorrupt')
  })

  it('a clean preview is complete', () => {
    expect(pulumiPlan('update').incomplete).toBeUndefined()
    expect(pulumiPlan('update').outputs).toEqual([])
  })

  it('reads stack outputs when the root stack step carries new outputs', () => {
    const doc = pulumiDoc('no-changes')
    const [root] = doc.steps as {
      oldState: Record<string, unknown>
      newState: Record<string, unknown>
    }[]
    if (root === undefined) throw new Error('fixture changed')
    root.oldState.outputs = { url: 'https://a', gone: 1, same: true }
    root.newState.outputs = {
      url: 'https://b',
      same: true,
      token: '[secret]',
      __internal: 1
    }
    const plan = analyzePulumi({ source: 'p.json', doc }).plans[0]
    expect(plan?.outputs.map((o) => [o.name, o.action, o.sensitive])).toEqual([
      ['gone', 'destroy', false],
      ['same', 'no-op', false],
      ['token', 'create', true],
      ['url', 'update', false]
    ])
    expect(plan?.outputs.find((o) => o.name === 'token')?.attributes).toEqual([
      {
        path: 'token',
        before: { kind: 'absent' },
        after: { kind: 'sensitive' },
        forcesReplacement: false
      }
    ])
  })
})

describe('Pulumi reader: bad input gets one clear line', () => {
  it('not an object', () => {
    expect(errorFor([1, 2])).toMatchInlineSnapshot(
      `"preview.json: expected a Pulumi preview digest (from \`pulumi preview --json\`), found a JSON array of 2 items; run \`pulumi preview --json > preview.json\` (the digest) and pass that file"`
    )
  })

  it('an object without steps', () => {
    expect(errorFor({ config: {}, duration: 1 })).toMatchInlineSnapshot(
      `"preview.json: expected a Pulumi preview digest (from \`pulumi preview --json\`), found a JSON object with keys "config", "duration"; run \`pulumi preview --json > preview.json\` (the digest) and pass that file"`
    )
    expect(errorFor({ changeSummary: { same: 1 } })).toContain(
      'found a digest without "steps" (only a change summary)'
    )
  })

  it('a preview that failed before its first step', () => {
    expect(errorFor(pulumiDoc('failed-before-steps'))).toMatchInlineSnapshot(
      `"preview.json: expected a Pulumi preview digest (from \`pulumi preview --json\`), found a preview that failed before it planned any resource (1 error diagnostic, no "steps"); fix the error \`pulumi preview\` reports, then run \`pulumi preview --json > preview.json\` (the digest) and pass that file"`
    )
  })

  it('the --output json summary', () => {
    expect(errorFor(pulumiDoc('output-json-summary'))).toMatchInlineSnapshot(
      `"preview.json: expected a Pulumi preview digest (from \`pulumi preview --json\`), found the one-line \`--output json\` summary (counts only: no diffs, no protect or retainOnDelete flags, nothing a gate can decide on); run \`pulumi preview --json > preview.json\` (the digest) and pass that file; use --json instead of --output json"`
    )
  })

  it('one line of an engine event stream', () => {
    const [line] = fixtureText('pulumi/event-stream.ndjson').split('\n')
    expect(errorFor(JSON.parse(line ?? ''))).toMatchInlineSnapshot(
      `"preview.json: expected a Pulumi preview digest (from \`pulumi preview --json\`), found one Pulumi engine event (a line of an event stream); run \`pulumi preview --json > preview.json\` (the digest) and pass that file, without --event-log or PULUMI_ENABLE_STREAMING_JSON_PREVIEW"`
    )
  })

  it('an unknown step op fails closed', () => {
    const doc = pulumiDoc('create')
    const [, step] = doc.steps as Record<string, unknown>[]
    if (step === undefined) throw new Error('fixture changed')
    step.op = 'teleport'
    expect(errorFor(doc)).toMatchInlineSnapshot(
      `"preview.json: expected steps[1].op (urn:pulumi:prod::orders::aws:sqs/queue:Queue::orders-dlq) to be one of same, create, update, delete, replace, create-replacement, delete-replaced, read, read-replacement, refresh, discard, discard-replaced, remove-pending-replace, import, import-replacement, diff, extend-parameterize, found op "teleport"; plangate does not guess what an unknown step does to real infrastructure; upgrade plangate"`
    )
  })

  it.each([
    [{ steps: {} }, 'expected "steps" to be an array, found an object'],
    [{ steps: [7] }, 'expected steps[0] to be an object, found number 7'],
    [
      { steps: [{ op: 'create', urn: 'arn:aws:s3:::bucket' }] },
      'expected steps[0].urn to be a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME), found "arn:aws:s3:::bucket"'
    ],
    [
      { steps: [{ op: 'create', urn: 'urn:pulumi:dev::p::t' }] },
      'expected steps[0].urn to be a Pulumi URN'
    ],
    [
      {
        steps: [
          { op: 'create', urn: 'urn:pulumi:dev::p::a:b:C::n', newState: 'x' }
        ]
      },
      'expected steps[0].newState to be an object, found "x"'
    ],
    [
      {
        steps: [
          { op: 'update', urn: 'urn:pulumi:dev::p::a:b:C::n', diffReasons: 'x' }
        ]
      },
      'expected steps[0].diffReasons to be a list of property names'
    ],
    [
      {
        steps: [
          { op: 'update', urn: 'urn:pulumi:dev::p::a:b:C::n', detailedDiff: [] }
        ]
      },
      'expected steps[0].detailedDiff to be an object or null, found an array'
    ],
    [
      {
        steps: [
          {
            op: 'update',
            urn: 'urn:pulumi:dev::p::a:b:C::n',
            detailedDiff: { x: { kind: 3 } }
          }
        ]
      },
      'found kind number 3'
    ],
    [
      { steps: [], diagnostics: {} },
      'expected "diagnostics" to be an array, found an object'
    ]
  ])('a malformed digest: %j', (doc, message) => {
    expect(errorFor(doc)).toContain(message)
  })

  it('keeps `::` inside a resource name', () => {
    const plan = analyzePulumi({
      source: 'p.json',
      doc: {
        steps: [
          { op: 'create', urn: 'urn:pulumi:dev::p::a:b:C::name::with::colons' }
        ]
      }
    }).plans[0]
    expect(plan?.changes[0]).toMatchObject({
      address: 'a:b:C::name::with::colons',
      name: 'name::with::colons',
      type: 'a:b:C',
      provider: 'a'
    })
  })
})

describe('Pulumi detection', () => {
  it.each([...PULUMI_DIGESTS, ...PULUMI_NOT_DIGESTS])(
    'recognises pulumi/%s.json',
    (name) => {
      expect(looksLikePulumiPreview(pulumiDoc(name))).toBe(true)
    }
  )

  it.each([
    ['a Terraform plan', fixtureJson('terraform/create.json')],
    ['an empty object', {}],
    ['an array', []],
    ['null', null],
    ['steps without Pulumi URNs', { steps: [{ op: 'create', urn: 'x' }] }],
    [
      'a CloudFormation change set',
      { Changes: [{ Type: 'Resource' }], ChangeSetId: 'arn:x' }
    ]
  ])('rejects %s', (_name, doc) => {
    expect(looksLikePulumiPreview(doc)).toBe(false)
  })

  it('recognises a digest with only a change summary, or one engine event', () => {
    expect(looksLikePulumiPreview({ changeSummary: { same: 1 } })).toBe(true)
    expect(
      looksLikePulumiPreview({
        sequence: 3,
        timestamp: 1,
        summaryEvent: { maybeCorrupt: false }
      })
    ).toBe(true)
  })

  it('recognises an engine event stream (NDJSON), which JSON.parse rejects', () => {
    const text = fixtureText('pulumi/event-stream.ndjson')
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError)
    expect(looksLikePulumiEventStream(text)).toBe(true)
    expect(looksLikePulumiEventStream(`\ufeff\n\n${text}`)).toBe(true)
  })

  it.each([
    ['a digest', fixtureText('pulumi/pulumi-preview.json')],
    ['a Terraform plan', fixtureText('terraform/create.json')],
    ['an empty text', ''],
    ['plain text', 'Previewing update (prod)\n'],
    ['JSON lines of something else', '{"a":1}\n{"b":2}\n'],
    [
      'an event stream with a broken second line',
      '{"sequence":0,"timestamp":1,"preludeEvent":{}}\n{"sequence":1,\n'
    ]
  ])('does not take %s for an event stream', (_name, text) => {
    expect(looksLikePulumiEventStream(text)).toBe(false)
  })
})
