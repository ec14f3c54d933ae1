import { readdirSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { countChanges, decideGate } from '../../src/gate/index.js'
import type { Analysis, Plan, ResourceChange } from '../../src/model.js'
import {
  constructPaths,
  looksLikeChangeSet,
  normalizeChangeSets,
  readChangeSet
} from '../../src/plan/cloudformation.js'
import type { ChangeSetInput } from '../../src/plan/cloudformation.js'
import { parseJsonText, PlanParseError } from '../../src/plan/index.js'
import { createRedactor, SENSITIVE_TEXT } from '../../src/redact/index.js'
import { renderJson, renderText } from '../../src/report/index.js'
import {
  everyOutput,
  fixtureJson,
  fixturePath,
  fixtureText,
  planErrorOf,
  secretsIn
} from '../helpers.js'

type Labels = ReadonlyMap<string, ReadonlyMap<string, string>>

/** Reads one fixture of test/fixtures/cloudformation/ the way the CLI would. */
function readFixture(name: string): ChangeSetInput {
  const source = `cloudformation/${name}`
  return readChangeSet(parseJsonText(fixtureText(source), source), source)
}

/** Normalises inputs with one redactor over all their secrets, then gates: `analyze()` for change sets. */
function analyzeInputs(
  inputs: readonly ChangeSetInput[],
  labels?: Labels
): Analysis {
  const secrets = new Set<string>()
  for (const input of inputs)
    for (const secret of input.secrets) secrets.add(secret)
  const plans = normalizeChangeSets(inputs, createRedactor(secrets), labels)
  return {
    plans,
    summary: countChanges(plans),
    decision: decideGate(plans),
    warnings: plans.flatMap((plan) => plan.warnings)
  }
}

function analyzeFixtures(...names: string[]): Analysis {
  return analyzeInputs(names.map(readFixture))
}

function analyzeDoc(doc: unknown, source = 'changeset.json'): Analysis {
  return analyzeInputs([readChangeSet(doc, source)])
}

function onlyPlan(analysis: Analysis): Plan {
  expect(analysis.plans).toHaveLength(1)
  return analysis.plans[0] as Plan
}

function changeAt(plan: Plan, address: string): ResourceChange {
  const change = plan.changes.find((c) => c.address === address)
  if (change === undefined)
    throw new Error(`no change for ${address} in ${plan.source}`)
  return change
}

/** The message readChangeSet throws, or a failed test. */
function errorFor(doc: unknown, source = 'changeset.json'): string {
  return planErrorOf(() => readChangeSet(doc, source))
}

/** A copy of a fixture to derive a variant from. */
function fixtureDoc(name: string): Record<string, unknown> {
  return fixtureJson(`cloudformation/${name}`)
}

function firstResourceChange(
  doc: Record<string, unknown>
): Record<string, unknown> {
  const changes = doc.Changes as { ResourceChange: Record<string, unknown> }[]
  return (changes[0] as { ResourceChange: Record<string, unknown> })
    .ResourceChange
}

const NETWORKING = 'NetworkingNestedStackNetworkingNestedStackResource8C2B6E0D'

type Expected = Partial<
  Omit<ResourceChange, 'attributes' | 'conditional' | 'keepsOld' | 'snapshot'>
> & {
  /** The optional flags are checked exactly: absent here means absent there. */
  readonly conditional?: true
  readonly keepsOld?: true
  readonly snapshot?: true
  readonly explanationIncludes?: string
}

/**
 * The classification rules, one named row each: fixture, address, what the
 * change must look like. Every fixture is hand-written from the documented
 * shapes (test/fixtures/cloudformation/README.md).
 */
const CASES: readonly [
  rule: string,
  fixture: string,
  address: string,
  expected: Expected
][] = [
  [
    'Add → create',
    'add.json',
    'JobsQueue8A1B2C3D',
    {
      action: 'create',
      destructive: false,
      imported: false,
      type: 'AWS::SQS::Queue',
      name: 'JobsQueue8A1B2C3D',
      module: '',
      provider: 'aws',
      mode: 'managed',
      replacePaths: [],
      label: 'AppStack/JobsQueue/Resource'
    }
  ],
  [
    'Modify + Replacement False → update',
    'modify-no-replacement.json',
    'WorkerFunction1F2E3D4C',
    {
      action: 'update',
      destructive: false,
      reason:
        'Modify Replacement=False; Timeout RequiresRecreation=Never (Static, DirectModification)',
      explanation: 'updated in place: `Timeout` changed (direct modification)'
    }
  ],
  [
    'Modify + Replacement True + ReplaceAndDelete → replace, new resource first, destructive',
    'replace-always.json',
    'DataBucketE3F4A5B6',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      destructive: true,
      replacePaths: ['Properties.BucketName'],
      reason:
        'Modify Replacement=True PolicyAction=ReplaceAndDelete; BucketName RequiresRecreation=Always (Static, DirectModification)',
      explanation:
        'replaced because `BucketName` changed (requires recreation: Always, direct modification); CloudFormation creates the new resource first, then deletes the old one'
    }
  ],
  [
    'Modify + Replacement True + ReplaceAndSnapshot → replace, destructive, snapshot',
    'replace-and-snapshot.json',
    'DatabaseB7C8D9E0',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      destructive: true,
      snapshot: true,
      replacePaths: ['Properties.DBInstanceIdentifier'],
      explanationIncludes:
        'takes a final snapshot of the old one and deletes it'
    }
  ],
  [
    'Modify + Replacement True + ReplaceAndRetain → replace keeping the old resource, still destructive',
    'replace-and-retain.json',
    'OrdersTableC5D6E7F8',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      keepsOld: true,
      destructive: true,
      replacePaths: ['Properties.TableName'],
      explanationIncludes: 'keeps the old one, which it stops managing'
    }
  ],
  [
    'Modify + Replacement Conditional → conditional replace, destructive',
    'replace-conditional.json',
    'BastionHostA1B2C3D4',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      conditional: true,
      destructive: true,
      replacePaths: ['Properties.InstanceType'],
      explanationIncludes:
        'may be replaced because `InstanceType` changed (requires recreation: Conditionally, direct modification)'
    }
  ],
  [
    'Remove + PolicyAction Delete → destroy',
    'remove-delete.json',
    'ErrorAlarm9D0B6C4E',
    {
      action: 'destroy',
      destructive: true,
      reason: 'Remove PolicyAction=Delete',
      explanation:
        'destroyed: it is no longer in the template (or its Condition is now false) and its DeletionPolicy is Delete'
    }
  ],
  [
    'Remove + PolicyAction Snapshot → destroy after a final snapshot',
    'remove-snapshot.json',
    'ReportingDbA1B2C3D4',
    {
      action: 'destroy',
      destructive: true,
      snapshot: true,
      explanationIncludes: 'a final snapshot is taken'
    }
  ],
  [
    'Remove + PolicyAction Retain → forget, not destructive',
    'remove-retain.json',
    'ArchiveBucket2C1E7F3A',
    {
      action: 'forget',
      destructive: false,
      explanationIncludes: 'keeps the real resource'
    }
  ],
  [
    'Import → imported no-op (adopts the existing resource), not destructive',
    'import.json',
    'AuditLogGroup7C4D9E21',
    {
      action: 'no-op',
      imported: true,
      importId: '/app/audit',
      destructive: false,
      explanationIncludes: 'nothing is created or deleted'
    }
  ],
  [
    'Dynamic without replacement facts → conditional replace, destructive',
    'dynamic.json',
    'AppSecurityGroup5E2D1C0B',
    {
      action: 'replace',
      replaceOrder: 'create-first',
      conditional: true,
      destructive: true,
      explanationIncludes:
        'CloudFormation cannot tell before deploying what happens to this resource (action Dynamic)'
    }
  ],
  [
    'SyncWithActual → no-op (only CloudFormation metadata changes)',
    'sync-with-actual.json',
    'ConfigBucket6A7B8C9D',
    {
      action: 'no-op',
      destructive: false,
      attributes: [],
      explanationIncludes: 'SyncWithActual'
    } as Expected
  ],
  [
    'replacement described without property values → explained from Details',
    'modify-without-property-values.json',
    'ApiDomainF1E2D3C4',
    {
      action: 'replace',
      destructive: true,
      replacePaths: ['Properties.DomainName'],
      explanation:
        'replaced because `DomainName` changed (requires recreation: Always, direct modification); CloudFormation creates the new resource first, then deletes the old one'
    }
  ],
  [
    'reference sample: Add',
    'cfn-changeset.json',
    'OrdersDLQ6E1C4A3B',
    { action: 'create', label: 'OrdersServiceStack/OrdersDLQ/Resource' }
  ],
  [
    'reference sample: Modify False with a dynamic and a static detail of one property',
    'cfn-changeset.json',
    'OrdersHandlerF2A0C7D1',
    {
      action: 'update',
      destructive: false,
      explanation:
        'updated in place: `Timeout` changed (direct modification), `Environment` changed (direct modification, reference to resource `OrdersTable4E3B1B0C`)'
    }
  ],
  [
    'reference sample: ReplaceAndRetain',
    'cfn-changeset.json',
    'OrdersTable4E3B1B0C',
    { action: 'replace', keepsOld: true, destructive: true }
  ],
  [
    'reference sample: ReplaceAndDelete with two properties',
    'cfn-changeset.json',
    'OrderEventsTopicB7D5E2A9',
    {
      action: 'replace',
      destructive: true,
      replacePaths: ['Properties.TopicName', 'Properties.FifoTopic']
    }
  ],
  [
    'reference sample: Conditional',
    'cfn-changeset.json',
    'BastionHost30F9ED05',
    { action: 'replace', conditional: true, destructive: true }
  ],
  [
    'reference sample: Remove Retain',
    'cfn-changeset.json',
    'ArchiveBucket2C1E7F3A',
    { action: 'forget', destructive: false }
  ],
  [
    'reference sample: Remove Delete',
    'cfn-changeset.json',
    'HighErrorRateAlarm9D0B6C4E',
    { action: 'destroy', destructive: true }
  ],
  [
    'reference sample: Remove Snapshot',
    'cfn-changeset.json',
    'ReportingDbA1B2C3D4',
    { action: 'destroy', destructive: true, snapshot: true }
  ],
  [
    'reference sample: Import with Replacement True (ignored)',
    'cfn-changeset.json',
    'AuditLogGroup7C4D9E21',
    {
      action: 'no-op',
      imported: true,
      importId: '/orders/audit',
      destructive: false
    }
  ],
  [
    'reference sample: nested stack resource',
    'cfn-changeset.json',
    NETWORKING,
    {
      action: 'update',
      type: 'AWS::CloudFormation::Stack',
      destructive: false,
      explanation:
        'updated in place: `TemplateURL` changed (direct modification)'
    }
  ],
  [
    'reference sample (nested): Dynamic + Replacement Conditional',
    'cfn-changeset-nested.json',
    'AppSecurityGroup5E2D1C0B',
    {
      action: 'replace',
      conditional: true,
      destructive: true,
      replacePaths: ['Properties.VpcId'],
      explanationIncludes:
        '`VpcId` changed (requires recreation: Always, parameter `referencetoOrdersServiceStackVpcIdParameter`, known only during the deployment)'
    }
  ],
  [
    'reference sample (nested): tag-only Modify',
    'cfn-changeset-nested.json',
    'PrivateSubnet1RouteTableB2C3D4E5',
    {
      action: 'update',
      destructive: false,
      explanation: 'updated in place: `Tags` changed (direct modification)'
    }
  ]
]

describe('CloudFormation change set classification', () => {
  it.each(CASES)('%s', (_rule, fixture, address, expected) => {
    const plan = onlyPlan(analyzeFixtures(fixture))
    const change = changeAt(plan, address)
    const { explanationIncludes, conditional, keepsOld, snapshot, ...fields } =
      expected
    expect(change).toMatchObject(fields)
    expect(change.conditional).toBe(conditional)
    expect(change.keepsOld).toBe(keepsOld)
    expect(change.snapshot).toBe(snapshot)
    if (explanationIncludes !== undefined)
      expect(change.explanation).toContain(explanationIncludes)
    if (change.action === 'replace')
      expect(change.replaceOrder).toBe('create-first')
    else expect(change.replaceOrder).toBeUndefined()
    expect(change.destructive).toBe(
      change.action === 'destroy' || change.action === 'replace'
    )
  })

  it('an unknown Action is an error, never a guess', () => {
    expect(() => readFixture('unknown-action.json')).toThrow(PlanParseError)
    expect(
      errorFor(fixtureDoc('unknown-action.json'), 'unknown-action.json')
    ).toMatchInlineSnapshot(
      `"unknown-action.json: expected Changes[0].ResourceChange (JobsQueue8A1B2C3D).Action to be one of Add, Modify, Remove, Import, Dynamic, SyncWithActual, found Action "Refactor"; plangate does not guess what an unknown action does to real infrastructure; upgrade plangate"`
    )
  })

  it('unknown Replacement, PolicyAction and RequiresRecreation values are errors', () => {
    const replacement = fixtureDoc('replace-always.json')
    firstResourceChange(replacement).Replacement = 'Maybe'
    expect(errorFor(replacement)).toMatchInlineSnapshot(
      `"changeset.json: expected Changes[0].ResourceChange (DataBucketE3F4A5B6).Replacement to be one of True, False, Conditional, found Replacement "Maybe"; plangate does not guess what an unknown value means for real infrastructure; upgrade plangate"`
    )
    const policy = fixtureDoc('remove-delete.json')
    firstResourceChange(policy).PolicyAction = 'Archive'
    expect(errorFor(policy)).toContain('PolicyAction "Archive"')
    const recreation = fixtureDoc('replace-always.json')
    const details = firstResourceChange(recreation).Details as {
      Target: Record<string, unknown>
    }[]
    ;(
      details[0] as { Target: Record<string, unknown> }
    ).Target.RequiresRecreation = 'Sometimes'
    expect(errorFor(recreation)).toContain('RequiresRecreation "Sometimes"')
  })

  it('a replacement policy on a Remove (or a removal policy on a replacement) is an error', () => {
    const remove = fixtureDoc('remove-delete.json')
    firstResourceChange(remove).PolicyAction = 'ReplaceAndRetain'
    expect(errorFor(remove)).toMatchInlineSnapshot(
      `"changeset.json: expected Changes[0].ResourceChange (ErrorAlarm9D0B6C4E).PolicyAction to be Delete, Retain or Snapshot for a Remove, found PolicyAction "ReplaceAndRetain"; plangate does not guess what the policy does to the real resource; upgrade plangate"`
    )
    const replace = fixtureDoc('replace-always.json')
    firstResourceChange(replace).PolicyAction = 'Retain'
    expect(errorFor(replace)).toContain('ReplaceAndDelete, ReplaceAndRetain')
  })

  it('a Change of a type other than Resource is an error', () => {
    const doc = fixtureDoc('add.json')
    ;(doc.Changes as Record<string, unknown>[])[0] = {
      Type: 'Hook',
      HookInvocationCount: 1
    }
    expect(errorFor(doc)).toContain('Changes[0].Type to be "Resource"')
  })

  it('a Modify without Replacement follows the details, and fails closed without them', () => {
    const inferred = fixtureDoc('replace-always.json')
    delete firstResourceChange(inferred).Replacement
    expect(
      changeAt(onlyPlan(analyzeDoc(inferred)), 'DataBucketE3F4A5B6')
    ).toMatchObject({ action: 'replace', destructive: true })
    const dynamicDetail = fixtureDoc('replace-always.json')
    const change = firstResourceChange(dynamicDetail)
    delete change.Replacement
    ;(change.Details as Record<string, unknown>[])[0] = {
      ...(change.Details as Record<string, unknown>[])[0],
      Evaluation: 'Dynamic'
    }
    expect(
      changeAt(onlyPlan(analyzeDoc(dynamicDetail)), 'DataBucketE3F4A5B6')
    ).toMatchObject({ action: 'replace', conditional: true })
    const never = fixtureDoc('modify-no-replacement.json')
    delete firstResourceChange(never).Replacement
    expect(
      changeAt(onlyPlan(analyzeDoc(never)), 'WorkerFunction1F2E3D4C').action
    ).toBe('update')
    const bare = fixtureDoc('modify-no-replacement.json')
    delete firstResourceChange(bare).Replacement
    firstResourceChange(bare).Details = []
    const guessed = changeAt(
      onlyPlan(analyzeDoc(bare)),
      'WorkerFunction1F2E3D4C'
    )
    expect(guessed).toMatchObject({
      action: 'replace',
      conditional: true,
      destructive: true
    })
    expect(guessed.explanation).toContain('gives no Replacement value')
  })

  it('an Import with details is an imported update', () => {
    const doc = fixtureDoc('import.json')
    firstResourceChange(doc).Details = [
      {
        Target: {
          Attribute: 'Properties',
          Name: 'RetentionInDays',
          RequiresRecreation: 'Never'
        },
        Evaluation: 'Static',
        ChangeSource: 'DirectModification'
      }
    ]
    const change = changeAt(onlyPlan(analyzeDoc(doc)), 'AuditLogGroup7C4D9E21')
    expect(change).toMatchObject({
      action: 'update',
      imported: true,
      destructive: false
    })
    expect(change.explanation).toContain('`RetentionInDays` changed')
  })

  it('a Dynamic change with Replacement False is an update, but the plan still fails closed', () => {
    const doc = fixtureDoc('dynamic.json')
    firstResourceChange(doc).Replacement = 'False'
    const analysis = analyzeDoc(doc)
    const change = changeAt(onlyPlan(analysis), 'AppSecurityGroup5E2D1C0B')
    expect(change).toMatchObject({ action: 'update', destructive: false })
    expect(change.explanation).toContain('it reports no replacement')
    expect(analysis.decision.verdict).toBe('blocked')
  })

  it('puts every ChangeSource into words', () => {
    const doc = fixtureDoc('modify-no-replacement.json')
    const detail = (
      name: string,
      changeSource: string,
      extra: Record<string, unknown> = {}
    ): Record<string, unknown> => ({
      Target: {
        Attribute: 'Properties',
        Name: name,
        RequiresRecreation: 'Never'
      },
      Evaluation: 'Static',
      ChangeSource: changeSource,
      ...extra
    })
    firstResourceChange(doc).Details = [
      detail('Role', 'ResourceAttribute', { CausingEntity: 'WorkerRole.Arn' }),
      detail('MemorySize', 'ParameterReference', { CausingEntity: 'Memory' }),
      detail('Layers', 'NoModification'),
      detail('Runtime', 'SomethingNew'),
      {
        Target: { Attribute: 'Metadata', RequiresRecreation: 'Never' },
        Evaluation: 'Static',
        ChangeSource: 'DirectModification'
      }
    ]
    const change = changeAt(onlyPlan(analyzeDoc(doc)), 'WorkerFunction1F2E3D4C')
    expect(change.explanation).toBe(
      'updated in place: `Role` changed (attribute `WorkerRole.Arn`), `MemorySize` changed (parameter `Memory`), `Layers` changed (no modification) and 2 more'
    )
    expect(change.reason).toContain(
      'Runtime RequiresRecreation=Never (Static, SomethingNew)'
    )
  })

  it('warns that a new nested stack without its change set lists no resources', () => {
    const doc = fixtureDoc('nested-missing-child.json')
    Object.assign(firstResourceChange(doc), {
      Action: 'Add',
      Details: [],
      Replacement: undefined,
      PhysicalResourceId: undefined,
      BeforeContext: undefined
    })
    const analysis = analyzeDoc(doc)
    expect(onlyPlan(analysis).incomplete).toBeUndefined()
    expect(analysis.warnings.join('\n')).toContain(
      'the resources of the new nested stack `Storage` are not listed'
    )
  })

  it('a nested stack that is removed or replaced takes its resources with it', () => {
    const removed = fixtureDoc('nested-missing-child.json')
    Object.assign(firstResourceChange(removed), {
      Action: 'Remove',
      PolicyAction: 'Delete',
      Details: [],
      Replacement: undefined,
      AfterContext: undefined
    })
    const plan = onlyPlan(analyzeDoc(removed))
    expect(plan.incomplete).toBeUndefined()
    expect(changeAt(plan, 'Storage').explanation).toContain(
      'deleting a nested stack deletes every resource in it'
    )
  })
})

describe('plans from change sets', () => {
  it('fills the plan-level fields honestly', () => {
    const plan = onlyPlan(analyzeFixtures('add.json'))
    expect(plan).toMatchObject({
      source: 'cloudformation/add.json',
      format: 'cloudformation',
      formatVersion: 'describe-change-set',
      toolVersion: 'unknown',
      mode: 'normal',
      targeted: false,
      drift: [],
      outputs: [],
      checks: [],
      warnings: []
    })
    expect(plan.incomplete).toBeUndefined()
  })

  const VERDICTS: readonly [
    what: string,
    fixtures: readonly string[],
    verdict: 'pass' | 'blocked',
    note: string | undefined
  ][] = [
    ['an add passes', ['add.json'], 'pass', undefined],
    ['an update passes', ['modify-no-replacement.json'], 'pass', undefined],
    [
      'a replace that keeps the old resource blocks: a new, empty one takes its place',
      ['replace-and-retain.json'],
      'blocked',
      undefined
    ],
    ['a forget passes', ['remove-retain.json'], 'pass', undefined],
    ['an import passes', ['import.json'], 'pass', undefined],
    ['SyncWithActual passes', ['sync-with-actual.json'], 'pass', undefined],
    ['a replace blocks', ['replace-always.json'], 'blocked', undefined],
    [
      'a conditional replace blocks',
      ['replace-conditional.json'],
      'blocked',
      undefined
    ],
    ['a destroy blocks', ['remove-delete.json'], 'blocked', undefined],
    [
      'a destroy with snapshot blocks',
      ['remove-snapshot.json'],
      'blocked',
      undefined
    ],
    [
      'Dynamic blocks and makes the plan incomplete',
      ['dynamic.json'],
      'blocked',
      'CloudFormation cannot tell before deploying what it will do to `AppSecurityGroup5E2D1C0B` (action Dynamic)'
    ],
    [
      'FAILED "didn\'t contain changes" is an empty plan that passes',
      ['failed-no-changes.json'],
      'pass',
      undefined
    ],
    [
      'another FAILED is incomplete',
      ['failed-other.json'],
      'blocked',
      'CloudFormation could not create the change set (Status FAILED: Template error: instance of Fn::GetAtt references undefined resource OrdersTable)'
    ],
    [
      'truncated property values are incomplete',
      ['truncated-properties.json'],
      'blocked',
      'describe the change set again without `--include-property-values` and pass both files'
    ],
    [
      'a change set still being computed is incomplete',
      ['in-progress.json'],
      'blocked',
      'had not finished computing the change set (Status CREATE_IN_PROGRESS)'
    ],
    [
      'one page of several is incomplete',
      ['paged.json'],
      'blocked',
      'the change set has more pages (NextToken is set)'
    ],
    [
      'a modified nested stack whose change set is missing is incomplete',
      ['nested-missing-child.json'],
      'blocked',
      'nested stack `Storage` changes, but its nested change set was not given: run `aws cloudformation describe-change-set --change-set-name arn:aws:cloudformation:eu-west-1:123456789012:changeSet/AppStack-Storage-7TUVWX8YZ9AB-pr-42/4d000000-0000-4000-8000-000000000004 --include-property-values` and pass that file too'
    ],
    [
      'a nested stack without nested change sets is incomplete',
      ['nested-without-include.json'],
      'blocked',
      'create the change set with `--include-nested-stacks` and pass every nested change set'
    ],
    [
      'the reference root sample without its nested change set is incomplete',
      ['cfn-changeset.json'],
      'blocked',
      `nested stack \`${NETWORKING}\` changes, but its nested change set was not given`
    ]
  ]

  it.each(VERDICTS)('%s', (_what, fixtures, verdict, note) => {
    const analysis = analyzeFixtures(...fixtures)
    const plan = onlyPlan(analysis)
    expect(analysis.decision.verdict).toBe(verdict)
    if (note === undefined) {
      expect(plan.incomplete).toBeUndefined()
    } else {
      expect(plan.incomplete?.notes.join('\n')).toContain(note)
      expect(analysis.decision.planProblems.join('\n')).toContain(note)
    }
  })

  it('FAILED "no changes" has no changes, whatever the wording or the Changes key', () => {
    expect(onlyPlan(analyzeFixtures('failed-no-changes.json')).changes).toEqual(
      []
    )
    const transform: Record<string, unknown> = {
      ...fixtureDoc('failed-no-changes.json'),
      StatusReason: 'No updates are to be performed.'
    }
    delete transform.Changes
    const analysis = analyzeDoc(transform)
    expect(onlyPlan(analysis).incomplete).toBeUndefined()
    expect(analysis.decision.verdict).toBe('pass')
  })

  it('FAILED "no changes" that still lists changes fails closed', () => {
    const doc = {
      ...fixtureDoc('failed-no-changes.json'),
      Changes: fixtureDoc('add.json').Changes
    }
    const plan = onlyPlan(analyzeDoc(doc))
    expect(plan.incomplete).toMatchObject({ errored: true })
    expect(plan.incomplete?.notes[0]).toContain('yet lists 1')
  })

  it('marks what kind of incompleteness it is', () => {
    expect(
      onlyPlan(analyzeFixtures('failed-other.json')).incomplete
    ).toMatchObject({ errored: true, applyable: false })
    expect(onlyPlan(analyzeFixtures('paged.json')).incomplete).toMatchObject({
      errored: false,
      applyable: true,
      complete: false
    })
    expect(
      onlyPlan(analyzeFixtures('paged.json')).incomplete?.notes[0]
    ).toContain('pass every page, or better describe it with the AWS CLI')
  })

  it('an obsolete change set, or one without or with an unknown Status, fails closed', () => {
    for (const [patch, note] of [
      [{ ExecutionStatus: 'OBSOLETE' }, 'ExecutionStatus OBSOLETE'],
      [{ Status: undefined }, 'has no Status'],
      [{ Status: 'CREATE_PAUSED' }, 'a Status plangate does not know']
    ] as const) {
      const analysis = analyzeDoc({ ...fixtureDoc('add.json'), ...patch })
      expect(analysis.decision.verdict).toBe('blocked')
      expect(onlyPlan(analysis).incomplete?.notes.join('\n')).toContain(note)
    }
  })

  it('warns about an executed or deleted change set without blocking it', () => {
    const executed = analyzeDoc({
      ...fixtureDoc('add.json'),
      ExecutionStatus: 'EXECUTE_COMPLETE'
    })
    expect(executed.warnings.join('\n')).toContain('already been executed')
    expect(executed.decision.verdict).toBe('pass')
    const deleted = analyzeDoc({
      ...fixtureDoc('add.json'),
      Status: 'DELETE_COMPLETE'
    })
    expect(deleted.warnings.join('\n')).toContain('Status DELETE_COMPLETE')
  })

  it('a missing ResourceType is shown as unknown with a warning', () => {
    const doc = fixtureDoc('add.json')
    delete firstResourceChange(doc).ResourceType
    const analysis = analyzeDoc(doc)
    expect(onlyPlan(analysis).changes[0]?.type).toBe('unknown')
    expect(analysis.warnings[0]).toContain('has no ResourceType')
  })
})

describe('nested change sets', () => {
  const NESTED = [
    'nested-root.json',
    'nested-child.json',
    'nested-grandchild.json'
  ]
  const ORDERS = [
    NESTED,
    [...NESTED].reverse(),
    ['nested-child.json', 'nested-root.json', 'nested-grandchild.json']
  ]

  it.each(ORDERS)(
    'gives one plan per root, the nested changes under their nested-stack path (%s first)',
    (...names) => {
      const analysis = analyzeFixtures(...names)
      const plan = onlyPlan(analysis)
      expect(plan.source).toBe('cloudformation/nested-root.json')
      expect(plan.changes.map((c) => [c.address, c.module])).toEqual([
        ['AlertsTopicD1E2F3A4', ''],
        ['Network', ''],
        ['Network/RouteTableB2C3D4E5', 'Network'],
        ['Network/Subnets', 'Network'],
        ['Network/Subnets/PrivateSubnetB8F9A0B1C', 'Network/Subnets']
      ])
      expect(
        changeAt(plan, 'Network/Subnets/PrivateSubnetB8F9A0B1C')
      ).toMatchObject({
        name: 'PrivateSubnetB8F9A0B1C',
        action: 'destroy',
        destructive: true
      })
      expect(changeAt(plan, 'Network').explanation).toContain(
        "the nested stack's own changes are listed under `Network/`"
      )
      expect(plan.incomplete).toBeUndefined()
      expect(analysis.warnings).toEqual([])
      expect(analysis.decision.gated.map((g) => g.address)).toEqual([
        'Network/Subnets/PrivateSubnetB8F9A0B1C'
      ])
    }
  )

  it('joins the two reference samples into one plan', () => {
    const analysis = analyzeFixtures(
      'cfn-changeset.json',
      'cfn-changeset-nested.json'
    )
    const plan = onlyPlan(analysis)
    expect(
      changeAt(plan, `${NETWORKING}/AppSecurityGroup5E2D1C0B`)
    ).toMatchObject({ module: NETWORKING, conditional: true })
    // Only the Dynamic change keeps the plan incomplete now.
    expect(plan.incomplete?.notes).toEqual([
      `CloudFormation cannot tell before deploying what it will do to \`${NETWORKING}/AppSecurityGroup5E2D1C0B\` (action Dynamic): the change set does not show the real change, so plangate cannot pass it`
    ])
    expect(analysis.warnings).toEqual([])
  })

  it('links by the nested StackId when the parent names no ChangeSetId', () => {
    const root = fixtureDoc('nested-root.json')
    const stack = (
      root.Changes as { ResourceChange: Record<string, unknown> }[]
    )[1]?.ResourceChange as Record<string, unknown>
    delete stack.ChangeSetId
    const plan = onlyPlan(
      analyzeInputs([
        readChangeSet(root, 'root.json'),
        readFixture('nested-child.json')
      ])
    )
    // The grandchild is not given: Subnets is a modified nested stack without its change set.
    expect(plan.changes.map((c) => c.address)).toContain(
      'Network/RouteTableB2C3D4E5'
    )
    expect(plan.incomplete?.notes.join('\n')).toContain(
      'nested stack `Network/Subnets` changes, but its nested change set was not given'
    )
  })

  it('links by ParentChangeSetId alone, under the nested stack name, with a warning', () => {
    const root = fixtureDoc('nested-root.json')
    root.Changes = (root.Changes as unknown[]).slice(0, 1)
    const analysis = analyzeInputs([
      readChangeSet(root, 'root.json'),
      readFixture('nested-child.json'),
      readFixture('nested-grandchild.json')
    ])
    const plan = onlyPlan(analysis)
    expect(plan.changes.map((c) => c.address)).toContain(
      'AppStack-Network-1ABCDEF2GH3IJ/Subnets/PrivateSubnetB8F9A0B1C'
    )
    expect(analysis.warnings.join('\n')).toContain(
      'no AWS::CloudFormation::Stack change of the parent change set points at this nested change set'
    )
  })

  it('shows a nested change set given without its parent on its own, with a warning', () => {
    const analysis = analyzeFixtures(
      'nested-child.json',
      'nested-grandchild.json'
    )
    const plan = onlyPlan(analysis)
    expect(plan.source).toBe('cloudformation/nested-child.json')
    expect(plan.changes.map((c) => c.address)).toEqual([
      'RouteTableB2C3D4E5',
      'Subnets',
      'Subnets/PrivateSubnetB8F9A0B1C'
    ])
    expect(analysis.warnings).toEqual([
      expect.stringContaining(
        'a nested change set given without its parent change set'
      ) as unknown
    ])
    const sample = analyzeFixtures('cfn-changeset-nested.json')
    expect(onlyPlan(sample).changes.map((c) => c.module)).toEqual(['', ''])
    expect(sample.warnings[0]).toContain('given without its parent')
  })

  it('gives each root its own plan, in input order', () => {
    const analysis = analyzeFixtures(
      'replace-always.json',
      'nested-grandchild.json',
      'nested-root.json',
      'add.json',
      'nested-child.json'
    )
    expect(analysis.plans.map((p) => p.source)).toEqual([
      'cloudformation/replace-always.json',
      'cloudformation/nested-root.json',
      'cloudformation/add.json'
    ])
    expect(analysis.plans[1]?.changes).toHaveLength(5)
  })

  it('survives parent links that form a cycle', () => {
    const a = fixtureDoc('nested-child.json')
    const b = fixtureDoc('nested-grandchild.json')
    a.ParentChangeSetId = b.ChangeSetId
    const analysis = analyzeInputs([
      readChangeSet(a, 'a.json'),
      readChangeSet(b, 'b.json')
    ])
    expect(analysis.plans).toHaveLength(1)
    expect(analysis.warnings.join('\n')).toContain('form a cycle')
    expect(analysis.plans[0]?.changes.map((c) => c.address)).toContain(
      'Subnets/PrivateSubnetB8F9A0B1C'
    )
  })
})

describe('several descriptions of one change set', () => {
  it('a description without property values fills in what the truncated one dropped', () => {
    const analysis = analyzeFixtures(
      'truncated-properties.json',
      'truncated-properties-plain.json'
    )
    const plan = onlyPlan(analysis)
    expect(plan.incomplete).toBeUndefined()
    expect(changeAt(plan, 'WorkerFunction1F2E3D4C')).toMatchObject({
      action: 'replace',
      destructive: true
    })
    // The bucket keeps the description with property values.
    expect(
      changeAt(plan, 'DataBucketE3F4A5B6').attributes.map((a) => a.path)
    ).toEqual(['Properties.VersioningConfiguration.Status'])
    expect(analysis.warnings.join('\n')).toContain('fills in the resources')
    expect(analysis.decision.verdict).toBe('blocked')
  })

  it('pages are merged, but stay incomplete: plangate cannot count pages', () => {
    const page2 = { ...fixtureDoc('replace-always.json') }
    const page1 = {
      ...fixtureDoc('paged.json'),
      ChangeSetId: page2.ChangeSetId
    }
    const plan = onlyPlan(
      analyzeInputs([
        readChangeSet(page1, 'page-1.json'),
        readChangeSet(page2, 'page-2.json')
      ])
    )
    expect(plan.changes.map((c) => c.address)).toEqual([
      'JobsQueue8A1B2C3D',
      'DataBucketE3F4A5B6'
    ])
    expect(plan.incomplete?.complete).toBe(false)
  })

  it('descriptions that disagree fail closed', () => {
    const other = fixtureDoc('replace-always.json')
    firstResourceChange(other).Replacement = 'False'
    const plan = onlyPlan(
      analyzeInputs([
        readFixture('replace-always.json'),
        readChangeSet(other, 'other.json')
      ])
    )
    expect(plan.incomplete?.notes.join('\n')).toContain(
      'disagree about `DataBucketE3F4A5B6`'
    )
  })
})

describe('attributes', () => {
  it('diffs the resource contexts, in Properties.* paths, marking what forces replacement', () => {
    const change = changeAt(
      onlyPlan(analyzeFixtures('replace-always.json')),
      'DataBucketE3F4A5B6'
    )
    expect(change.attributes).toEqual([
      {
        path: 'Properties.BucketName',
        before: { kind: 'value', value: 'app-data-v1' },
        after: { kind: 'value', value: 'app-data-v2' },
        forcesReplacement: true
      }
    ])
  })

  it('lists every property of a created or destroyed resource, without the CDK path', () => {
    const created = changeAt(
      onlyPlan(analyzeFixtures('add.json')),
      'JobsQueue8A1B2C3D'
    )
    expect(created.attributes.map((a) => a.path)).toEqual([
      'DeletionPolicy',
      'Properties.MessageRetentionPeriod',
      'Properties.VisibilityTimeout',
      'UpdateReplacePolicy'
    ])
    expect(created.attributes.every((a) => a.before.kind === 'absent')).toBe(
      true
    )
    const destroyed = changeAt(
      onlyPlan(analyzeFixtures('remove-delete.json')),
      'ErrorAlarm9D0B6C4E'
    )
    expect(destroyed.attributes.every((a) => a.after.kind === 'absent')).toBe(
      true
    )
    expect(
      changeAt(
        onlyPlan(analyzeFixtures('remove-retain.json')),
        'ArchiveBucket2C1E7F3A'
      ).attributes
    ).toEqual([])
  })

  it('keeps other Metadata, which can matter (asset paths, cfn-init)', () => {
    const doc = fixtureDoc('modify-no-replacement.json')
    const change = firstResourceChange(doc)
    const after = JSON.parse(change.AfterContext as string) as {
      Metadata: Record<string, unknown>
    }
    after.Metadata['AWS::CloudFormation::Init'] = {
      config: { commands: { migrate: { command: 'npm run migrate' } } }
    }
    change.AfterContext = JSON.stringify(after)
    expect(
      changeAt(
        onlyPlan(analyzeDoc(doc)),
        'WorkerFunction1F2E3D4C'
      ).attributes.map((a) => a.path)
    ).toEqual([
      'Metadata["AWS::CloudFormation::Init"].config.commands.migrate.command',
      'Properties.Timeout'
    ])
  })

  it('shows {{changeSet:KNOWN_AFTER_APPLY}} as unknown', () => {
    const change = changeAt(
      onlyPlan(analyzeFixtures('cfn-changeset.json')),
      'OrdersHandlerF2A0C7D1'
    )
    expect(
      change.attributes.find(
        (a) => a.path === 'Properties.Environment.Variables.TABLE_NAME'
      )
    ).toEqual({
      path: 'Properties.Environment.Variables.TABLE_NAME',
      before: { kind: 'value', value: 'orders-v1' },
      after: { kind: 'unknown' },
      forcesReplacement: false
    })
  })

  it('falls back to the values of the details without contexts', () => {
    const plan = onlyPlan(analyzeFixtures('cfn-changeset-nested.json'))
    expect(changeAt(plan, 'AppSecurityGroup5E2D1C0B').attributes).toEqual([
      {
        path: 'Properties.VpcId',
        before: { kind: 'value', value: 'vpc-0a1b2c3d4e5f60718' },
        after: { kind: 'unknown' },
        forcesReplacement: true
      }
    ])
    const doc = fixtureDoc('nested-child.json')
    delete firstResourceChange(doc).BeforeContext
    delete firstResourceChange(doc).AfterContext
    expect(
      changeAt(onlyPlan(analyzeDoc(doc)), 'RouteTableB2C3D4E5').attributes
    ).toEqual([
      {
        path: 'Properties.Tags[1].Key',
        before: { kind: 'absent' },
        after: { kind: 'value', value: 'CostCenter' },
        forcesReplacement: false
      },
      {
        path: 'Properties.Tags[1].Value',
        before: { kind: 'absent' },
        after: { kind: 'value', value: 'app' },
        forcesReplacement: false
      }
    ])
  })

  it('has no attributes when neither contexts nor values are there', () => {
    expect(
      changeAt(
        onlyPlan(analyzeFixtures('modify-without-property-values.json')),
        'ApiDomainF1E2D3C4'
      ).attributes
    ).toEqual([])
  })
})

describe('labels', () => {
  it('takes the CDK construct path from the labels map first', () => {
    const labels = new Map([
      ['AppStack', new Map([['JobsQueue8A1B2C3D', 'AppStack/Jobs/Queue']])]
    ])
    const plan = onlyPlan(analyzeInputs([readFixture('add.json')], labels))
    expect(changeAt(plan, 'JobsQueue8A1B2C3D').label).toBe(
      'AppStack/Jobs/Queue'
    )
  })

  it('uses the labels of `*` for a stack the map does not name', () => {
    const labels = new Map([
      ['OtherStack', new Map([['JobsQueue8A1B2C3D', 'OtherStack/Queue']])],
      ['*', new Map([['JobsQueue8A1B2C3D', 'AnyStack/Jobs/Queue']])]
    ])
    const plan = onlyPlan(analyzeInputs([readFixture('add.json')], labels))
    expect(changeAt(plan, 'JobsQueue8A1B2C3D').label).toBe(
      'AnyStack/Jobs/Queue'
    )
  })

  it('falls back to the aws:cdk:path metadata in the contexts, else no label', () => {
    const plan = onlyPlan(analyzeFixtures('cfn-changeset.json'))
    expect(changeAt(plan, 'ArchiveBucket2C1E7F3A').label).toBe(
      'OrdersServiceStack/ArchiveBucket/Resource'
    )
    expect(
      changeAt(
        onlyPlan(analyzeFixtures('modify-without-property-values.json')),
        'ApiDomainF1E2D3C4'
      ).label
    ).toBeUndefined()
  })

  it('constructPaths reads aws:cdk:path from a template', () => {
    expect(
      constructPaths({
        Resources: {
          Queue4A7E3555: {
            Type: 'AWS::SQS::Queue',
            Metadata: { 'aws:cdk:path': 'AppStack/Queue/Resource' }
          },
          CDKMetadata: { Type: 'AWS::CDK::Metadata', Metadata: {} },
          Plain: { Type: 'AWS::SNS::Topic' },
          Broken: 'not a resource'
        }
      })
    ).toEqual(new Map([['Queue4A7E3555', 'AppStack/Queue/Resource']]))
    expect(constructPaths('not a template')).toEqual(new Map())
    expect(constructPaths({ Resources: [] })).toEqual(new Map())
  })
})

describe('detection and bad input', () => {
  it.each([
    ['describe-change-set output', true, fixtureDoc('cfn-changeset.json')],
    ['a Changes list alone', true, { Changes: [] }],
    ['a ChangeSetId alone', true, { ChangeSetId: 'arn:aws:cloudformation:x' }],
    ['StackId and Status', true, { StackId: 'arn:x', Status: 'FAILED' }],
    [
      'create-change-set output (to explain it)',
      true,
      {
        Id: 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/pr-42/1',
        StackId:
          'arn:aws:cloudformation:eu-west-1:123456789012:stack/AppStack/1'
      }
    ],
    [
      'a Terraform plan',
      false,
      { format_version: '1.2', resource_changes: [] }
    ],
    ['a template', false, { Resources: {} }],
    ['a StackId alone', false, { StackId: 'arn:x' }],
    ['an array', false, []],
    ['null', false, null]
  ] as const)('%s → %s', (_what, expected, doc) => {
    expect(looksLikeChangeSet(doc)).toBe(expected)
  })

  it('a change set without Changes names the command that makes one', () => {
    expect(
      errorFor(fixtureDoc('missing-changes.json'), 'missing-changes.json')
    ).toMatchInlineSnapshot(
      `"missing-changes.json: expected a change set description with a "Changes" list, found a JSON object with keys "ChangeSetName", "ChangeSetId", "StackId", "StackName", "Parameters", "CreationTime" and 8 more but no "Changes"; the right command is \`aws cloudformation describe-change-set --change-set-name NAME --stack-name STACK --include-property-values\`; pass its whole output, not a --query of it"`
    )
    expect(() => readFixture('missing-changes.json')).toThrow(
      /aws cloudformation describe-change-set --change-set-name NAME --stack-name STACK --include-property-values/
    )
  })

  it('recognises create-change-set output and camelCase dumps', () => {
    expect(
      errorFor({
        Id: 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/pr-42/1',
        StackId:
          'arn:aws:cloudformation:eu-west-1:123456789012:stack/AppStack/1'
      })
    ).toMatchInlineSnapshot(
      `"changeset.json: expected a change set description with a "Changes" list, found the output of \`aws cloudformation create-change-set\` (it only names the change set); the right command is \`aws cloudformation describe-change-set --change-set-name NAME --stack-name STACK --include-property-values\`; pass its whole output, not a --query of it"`
    )
    expect(errorFor({ changes: [], changeSetId: 'x' })).toContain(
      'camelCase keys'
    )
    expect(errorFor({ Resources: {} })).toMatchInlineSnapshot(
      `"changeset.json: expected a CloudFormation change set (the JSON output of \`aws cloudformation describe-change-set\`), found a JSON object with keys "Resources"; run \`aws cloudformation describe-change-set --change-set-name NAME --stack-name STACK --include-property-values > changeset.json\` and pass its whole output"`
    )
  })

  it('rejects broken entries without quoting their content', () => {
    expect(errorFor({ ChangeSetId: 'arn:x', Changes: 'PGSECRET-x' })).toContain(
      'expected "Changes" to be a list, found a string'
    )
    expect(errorFor({ Changes: [42] })).toContain(
      'expected Changes[0] to be an object, found number 42'
    )
    expect(errorFor({ Changes: [{ Type: 'Resource' }] })).toContain(
      'Changes[0].ResourceChange to be an object'
    )
    expect(
      errorFor({ Changes: [{ ResourceChange: { Action: 'Add' } }] })
    ).toContain('LogicalResourceId to be a non-empty string')
    const context = fixtureDoc('add.json')
    firstResourceChange(context).AfterContext = '{"PGSECRET-not-json'
    const message = errorFor(context)
    expect(message).toMatchInlineSnapshot(
      `"changeset.json: expected Changes[0].ResourceChange (JobsQueue8A1B2C3D).AfterContext to be a string holding a JSON object, found a string that is not a JSON object"`
    )
    expect(message).not.toContain('PGSECRET')
    const details = fixtureDoc('add.json')
    firstResourceChange(details).Details = { Target: {} }
    expect(errorFor(details)).toContain('Details to be a list')
  })
})

const FIXTURES = readdirSync(fixturePath('cloudformation'))
  .filter((name) => name.endsWith('.json'))
  .sort()
const ERROR_FIXTURES = new Set(['unknown-action.json', 'missing-changes.json'])
const READABLE = FIXTURES.filter((name) => !ERROR_FIXTURES.has(name))

describe('secrets never reach an output', () => {
  it('the secret fixture really holds secrets in clear text', () => {
    expect(secretsIn(fixtureText('cloudformation/noecho-secret.json'))).toEqual(
      [
        'PGSECRET-plaintext-before-ref-5c1d',
        'PGSECRET-unmasked-by-detail-77b2',
        'PGSECRET-ssm-secure-resolved-9e4f',
        'PGSECRET-noecho-param-value-1f3a'
      ]
    )
  })

  it('collects the secrets it can recognise', () => {
    const { secrets } = readFixture('noecho-secret.json')
    expect([...secrets].sort()).toEqual([
      'PGSECRET-noecho-param-value-1f3a',
      'PGSECRET-plaintext-before-ref-5c1d',
      'PGSECRET-ssm-secure-resolved-9e4f',
      'PGSECRET-unmasked-by-detail-77b2',
      // The plain value a secure reference replaced: treated as the old secret.
      'old-report-token'
    ])
    expect(secrets.has('****')).toBe(false)
  })

  it.each(
    FIXTURES.filter(
      (name) =>
        fixtureText(`cloudformation/${name}`).includes('PGSECRET-') &&
        !ERROR_FIXTURES.has(name)
    )
  )('%s: no PGSECRET- string in text, Markdown or JSON', (name) => {
    const analysis = analyzeFixtures(name)
    for (const output of everyOutput(analysis)) {
      expect(output).not.toContain('PGSECRET')
      for (const secret of secretsIn(fixtureText(`cloudformation/${name}`)))
        expect(output).not.toContain(secret)
    }
  })

  it('shows masked NoEcho values and secret values as (sensitive), references as they are', () => {
    const plan = onlyPlan(analyzeFixtures('noecho-secret.json'))
    const database = changeAt(plan, 'DatabaseB7C8D9E0')
    expect(database.attributes).toEqual([
      {
        path: 'Properties.MasterUserPassword',
        before: { kind: 'sensitive' },
        after: {
          kind: 'value',
          value: '{{resolve:secretsmanager:prod/app-db:SecretString:password}}'
        },
        forcesReplacement: false
      }
    ])
    expect(changeAt(plan, 'WorkerFunction1F2E3D4C').attributes).toEqual([
      {
        path: 'Properties.Environment.Variables.DB_PASSWORD',
        before: { kind: 'sensitive' },
        after: { kind: 'sensitive' },
        forcesReplacement: false
      }
    ])
    const text = renderText(analyzeFixtures('noecho-secret.json'), {
      color: false
    })
    expect(text).toContain(SENSITIVE_TEXT)
    expect(text).toContain('{{resolve:ssm-secure:/app/report-token}}')
    expect(text).not.toContain('****')
  })

  it('masks a secret of one change set wherever it appears in another', () => {
    const other = fixtureDoc('add.json')
    firstResourceChange(other).AfterContext = JSON.stringify({
      Properties: { Description: 'key PGSECRET-noecho-param-value-1f3a' }
    })
    const analysis = analyzeInputs([
      readFixture('noecho-secret.json'),
      readChangeSet({ ...other, ChangeSetId: 'arn:other' }, 'other.json')
    ])
    expect(analysis.plans).toHaveLength(2)
    for (const output of everyOutput(analysis))
      expect(output).not.toContain('PGSECRET')
  })

  it('masks secrets in a status reason', () => {
    const doc = {
      ...fixtureDoc('failed-other.json'),
      Parameters: [
        {
          ParameterKey: 'Token',
          ParameterValue: 'PGSECRET-in-status-reason-2b3c',
          NoEcho: true
        }
      ],
      StatusReason:
        'Parameter Token value PGSECRET-in-status-reason-2b3c is invalid'
    }
    for (const output of everyOutput(analyzeDoc(doc)))
      expect(output).not.toContain('PGSECRET')
  })
})

describe('every fixture', () => {
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

  it('is listed in the README and says it is hand-written', () => {
    const readme = fixtureText('cloudformation/README.md')
    for (const name of FIXTURES) {
      expect(readme, name).toContain(`\`${name}\``)
      const doc = fixtureDoc(name)
      expect(String(doc['//']), name).toMatch(/hand-written/i)
    }
  })

  it.each(READABLE)(
    '%s: reads, and its JSON report matches the schema',
    (name) => {
      const analysis = analyzeFixtures(name)
      const report: unknown = JSON.parse(
        renderJson(analysis, { name: 'plangate', version: '0.0.0' })
      )
      expect(validate(report) ? [] : validate.errors).toEqual([])
      for (const plan of analysis.plans) {
        for (const change of plan.changes) {
          if (change.action === 'replace')
            expect(change.replaceOrder).toBe('create-first')
          if (change.action === 'no-op') expect(change.attributes).toEqual([])
        }
      }
    }
  )
})
