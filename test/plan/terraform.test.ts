import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ResourceChange } from '../../src/model.js'
import {
  analyzeDocs,
  analyzeFixtures,
  changeAt,
  fixtureJson,
  fixturePath,
  onlyPlan,
  TERRAFORM_FIXTURES
} from '../helpers.js'

type Expected = Partial<Omit<ResourceChange, 'attributes'>> & {
  readonly explanationIncludes?: string
}

/**
 * One row per resource change that a fixture exists to show. The fixtures
 * are real `terraform show -json` output (test/fixtures/terraform/generate.sh).
 */
const CASES: readonly [fixture: string, address: string, expected: Expected][] =
  [
    [
      'create',
      'terraform_data.web',
      { action: 'create', destructive: false, imported: false }
    ],
    [
      'create',
      'terraform_data.worker[1]',
      { action: 'create', type: 'terraform_data', name: 'worker', module: '' }
    ],
    ['update', 'terraform_data.app', { action: 'update', destructive: false }],
    [
      'update',
      'terraform_data.unchanged',
      { action: 'no-op', destructive: false }
    ],
    [
      'replace-cannot-update',
      'terraform_data.server',
      {
        action: 'replace',
        replaceOrder: 'delete-first',
        destructive: true,
        reason: 'replace_because_cannot_update',
        replacePaths: ['triggers_replace'],
        explanation:
          'replaced because `triggers_replace` changed and cannot be updated in place'
      }
    ],
    [
      'replace-create-before-destroy',
      'terraform_data.server',
      {
        action: 'replace',
        replaceOrder: 'create-first',
        destructive: true,
        reason: 'replace_because_cannot_update'
      }
    ],
    [
      'replace-tainted',
      'terraform_data.server',
      {
        action: 'replace',
        replaceOrder: 'delete-first',
        reason: 'replace_because_tainted',
        replacePaths: [],
        explanationIncludes: 'tainted'
      }
    ],
    [
      'replace-by-request',
      'terraform_data.server',
      {
        action: 'replace',
        reason: 'replace_by_request',
        explanationIncludes: '`-replace`'
      }
    ],
    [
      'replace-by-triggers',
      'terraform_data.server',
      {
        action: 'replace',
        reason: 'replace_by_triggers',
        explanationIncludes: '`replace_triggered_by`'
      }
    ],
    [
      'replace-by-triggers',
      'terraform_data.image',
      { action: 'update', destructive: false }
    ],
    [
      'destroy-no-resource-config',
      'terraform_data.legacy',
      {
        action: 'destroy',
        destructive: true,
        reason: 'delete_because_no_resource_config',
        explanation:
          'destroyed because its block was removed from the configuration'
      }
    ],
    [
      'destroy-count-index',
      'terraform_data.node[2]',
      {
        action: 'destroy',
        reason: 'delete_because_count_index',
        explanation: 'destroyed because `count` no longer includes index 2'
      }
    ],
    [
      'destroy-count-index',
      'terraform_data.node[0]',
      { action: 'no-op', destructive: false }
    ],
    [
      'destroy-each-key',
      'terraform_data.bucket["backups"]',
      {
        action: 'destroy',
        reason: 'delete_because_each_key',
        explanation:
          'destroyed because `for_each` no longer includes key "backups"'
      }
    ],
    [
      'destroy-no-module',
      'module.y[1].terraform_data.one',
      {
        action: 'destroy',
        reason: 'delete_because_no_module',
        module: 'module.y[1]',
        explanationIncludes: 'the module call `module.y[1]`'
      }
    ],
    [
      'destroy-no-module',
      'module.z.terraform_data.two',
      {
        action: 'destroy',
        reason: 'delete_because_no_resource_config',
        module: 'module.z'
      }
    ],
    [
      'destroy-wrong-repetition',
      'terraform_data.a[0]',
      {
        action: 'destroy',
        reason: 'delete_because_wrong_repetition',
        explanationIncludes: '`count`'
      }
    ],
    [
      'destroy-wrong-repetition',
      'terraform_data.b',
      {
        action: 'no-op',
        movedFrom: 'terraform_data.b[0]',
        destructive: false
      }
    ],
    [
      'destroy-no-move-target',
      'terraform_data.new',
      {
        action: 'destroy',
        reason: 'delete_because_no_move_target',
        movedFrom: 'terraform_data.old',
        explanationIncludes: '`moved` block moves it from `terraform_data.old`'
      }
    ],
    [
      'forget',
      'terraform_data.handed_over',
      {
        action: 'forget',
        destructive: false,
        reason: 'delete_because_no_resource_config',
        explanationIncludes: 'the real object is kept'
      }
    ],
    [
      'read-config-unknown',
      'data.terraform_remote_state.network',
      {
        action: 'read',
        mode: 'data',
        reason: 'read_because_config_unknown',
        destructive: false,
        explanationIncludes: 'known only after apply'
      }
    ],
    [
      'read-dependency-pending',
      'data.terraform_remote_state.network',
      {
        action: 'read',
        reason: 'read_because_dependency_pending',
        explanationIncludes: 'depends on'
      }
    ],
    [
      'read-check-nested',
      'data.terraform_remote_state.network',
      {
        action: 'read',
        reason: 'read_because_check_nested',
        explanationIncludes: '`check` block'
      }
    ],
    [
      'import-noop',
      'terraform_data.imported',
      {
        action: 'no-op',
        imported: true,
        importId: 'i-0123456789abcdef0',
        destructive: false
      }
    ],
    [
      'import-update',
      'terraform_data.imported',
      { action: 'update', imported: true, destructive: false }
    ],
    [
      'import-replace',
      'terraform_data.imported',
      {
        action: 'replace',
        imported: true,
        destructive: true,
        replaceOrder: 'delete-first'
      }
    ],
    [
      'move-noop',
      'terraform_data.new_name',
      { action: 'no-op', movedFrom: 'terraform_data.old_name' }
    ],
    [
      'move-noop',
      'terraform_data.single',
      { action: 'no-op', movedFrom: 'terraform_data.listed[0]' }
    ],
    [
      'move-update',
      'terraform_data.new_name',
      {
        action: 'update',
        movedFrom: 'terraform_data.old_name',
        destructive: false
      }
    ],
    [
      'move-replace',
      'terraform_data.new_name',
      {
        action: 'replace',
        movedFrom: 'terraform_data.old_name',
        destructive: true
      }
    ],
    [
      'deposed',
      'terraform_data.server',
      {
        action: 'replace',
        replaceOrder: 'create-first',
        reason: 'replace_because_tainted'
      }
    ],
    [
      'destroy-plan',
      'module.api.terraform_data.replica[1]',
      {
        action: 'destroy',
        destructive: true,
        module: 'module.api',
        explanation:
          'destroyed because this is a destroy plan (`plan -destroy`)'
      }
    ],
    [
      'nested-modules',
      'module.region["ap"].module.subnet["a"].terraform_data.route[0]',
      {
        action: 'destroy',
        module: 'module.region["ap"].module.subnet["a"]',
        reason: 'delete_because_no_module'
      }
    ],
    [
      'nested-modules',
      'module.region["us"].terraform_data.vpc',
      { action: 'replace', destructive: true }
    ],
    [
      'kitchen-sink',
      'module.app.terraform_data.dns_record["app.example.com"]',
      {
        action: 'no-op',
        movedFrom: 'terraform_data.app_dns'
      }
    ],
    [
      'kitchen-sink',
      'terraform_data.nat_gateway',
      { action: 'no-op', imported: true, importId: 'nat-0a1b2c3d4e5f60718' }
    ],
    [
      'kitchen-sink',
      'terraform_data.old_monitoring',
      { action: 'forget', destructive: false }
    ]
  ]

describe('Terraform reader on real plans', () => {
  it.each(CASES)('%s: %s', (fixture, address, expected) => {
    const plan = onlyPlan(analyzeFixtures(`terraform/${fixture}.json`))
    const change = changeAt(plan, address)
    const { explanationIncludes, ...fields } = expected
    expect(change).toMatchObject(fields)
    if (explanationIncludes !== undefined)
      expect(change.explanation).toContain(explanationIncludes)
    expect(change.provider).toBe('terraform.io/builtin/terraform')
    expect(plan.format).toBe('terraform')
    expect(plan.toolVersion).toBe('1.11.4')
  })

  it('lists every committed fixture in TERRAFORM_FIXTURES', () => {
    const onDisk = readdirSync(fixturePath('terraform'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => `terraform/${name}`)
      .sort()
    expect([...TERRAFORM_FIXTURES].sort()).toEqual(onDisk)
  })

  it.each(TERRAFORM_FIXTURES)(
    '%s: every change is classified and destructive means replace/destroy',
    (name) => {
      const plan = onlyPlan(analyzeFixtures(name))
      const raw = fixtureJson(name)
      const rawChanges = (raw.resource_changes ?? []) as unknown[]
      expect(plan.changes).toHaveLength(rawChanges.length)
      for (const change of plan.changes) {
        const destructive =
          change.mode === 'managed' &&
          (change.action === 'destroy' || change.action === 'replace')
        expect(change.destructive, change.address).toBe(destructive)
        if (change.action === 'replace')
          expect(change.replaceOrder).toBeDefined()
        else expect(change.replaceOrder).toBeUndefined()
        if (change.action === 'no-op') expect(change.attributes).toEqual([])
        if (change.reason !== undefined)
          expect(change.explanation, change.address).toBeDefined()
      }
    }
  )

  it('gives the deposed object its own destroy entry', () => {
    const plan = onlyPlan(analyzeFixtures('terraform/deposed.json'))
    const deposed = plan.changes.find((c) => c.deposed !== undefined)
    expect(deposed).toMatchObject({
      address: 'terraform_data.server',
      action: 'destroy',
      destructive: true
    })
    expect(deposed?.deposed).toMatch(/^[0-9a-f]{8}$/)
    expect(deposed?.explanation).toContain('deposed object')
  })

  it('marks the attribute that forced a replacement', () => {
    const change = changeAt(
      onlyPlan(analyzeFixtures('terraform/replace-cannot-update.json')),
      'terraform_data.server'
    )
    const forcing = change.attributes
      .filter((a) => a.forcesReplacement)
      .map((a) => a.path)
    expect(forcing.length).toBeGreaterThan(0)
    expect(forcing.every((p) => p.startsWith('triggers_replace'))).toBe(true)
  })

  it('shows values known only after apply as unknown, never as absent', () => {
    const change = changeAt(
      onlyPlan(analyzeFixtures('terraform/create.json')),
      'terraform_data.web'
    )
    const id = change.attributes.find((a) => a.path === 'id')
    expect(id).toEqual({
      path: 'id',
      before: { kind: 'absent' },
      after: { kind: 'unknown' },
      forcesReplacement: false
    })
  })

  it('keeps drift apart from the changes of the plan', () => {
    const analysis = analyzeFixtures('terraform/refresh-only.json')
    const plan = onlyPlan(analysis)
    expect(plan.mode).toBe('refresh-only')
    expect(plan.changes).toEqual([])
    expect(plan.drift).toHaveLength(1)
    expect(plan.drift[0]).toMatchObject({
      address: 'terraform_data.session_cache',
      movedFrom: 'terraform_data.cache',
      destructive: false
    })
    expect(analysis.summary['no-op']).toBe(0)
    expect(analysis.decision.verdict).toBe('pass')
  })

  it('reads output changes, masking sensitive outputs', () => {
    const plan = onlyPlan(analyzeFixtures('terraform/outputs.json'))
    const byName = new Map(plan.outputs.map((o) => [o.name, o]))
    expect([...byName.values()].map((o) => o.action).sort()).toEqual(
      expect.arrayContaining(['create', 'update', 'destroy'])
    )
    const sensitive = plan.outputs.filter((o) => o.sensitive)
    expect(sensitive.length).toBeGreaterThan(0)
    for (const output of sensitive) {
      for (const attribute of output.attributes) {
        expect(
          attribute.before.kind === 'value' || attribute.after.kind === 'value'
        ).toBe(false)
      }
    }
  })

  it('reads check results', () => {
    const plan = onlyPlan(analyzeFixtures('terraform/checks.json'))
    const statuses = plan.checks.map((c) => c.status)
    expect(statuses).toContain('fail')
    expect(statuses).toContain('pass')
    expect(
      plan.checks.find((c) => c.status === 'fail')?.problems.length
    ).toBeGreaterThan(0)
  })

  it('detects a destroy plan', () => {
    expect(onlyPlan(analyzeFixtures('terraform/destroy-plan.json')).mode).toBe(
      'destroy'
    )
    expect(
      onlyPlan(analyzeFixtures('terraform/destroy-no-resource-config.json'))
        .mode
    ).toBe('normal')
  })

  it('passes a plan with no changes although Terraform calls it not applyable', () => {
    for (const name of [
      'terraform/no-changes.json',
      'terraform/no-resources.json'
    ]) {
      const analysis = analyzeFixtures(name)
      expect(onlyPlan(analysis).incomplete).toBeUndefined()
      expect(analysis.decision.verdict).toBe('pass')
    }
  })
})

describe('incomplete plans fail closed', () => {
  it('blocks an errored plan and says why', () => {
    const analysis = analyzeFixtures('terraform/errored.json')
    const plan = onlyPlan(analysis)
    expect(plan.incomplete).toMatchObject({
      errored: true,
      applyable: false,
      complete: false
    })
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.planProblems[0]).toContain('errored part-way')
  })

  it('blocks an errored plan even when it shows no destructive change', () => {
    const doc = fixtureJson('terraform/errored.json')
    doc.resource_changes = (
      doc.resource_changes as { change: { actions: string[] } }[]
    ).filter((c) => !c.change.actions.includes('delete'))
    const analysis = analyzeDocs({ source: 'errored-update-only.json', doc })
    expect(analysis.decision.gated).toEqual([])
    expect(analysis.decision.verdict).toBe('blocked')
  })

  it('blocks a plan that lists changes but is not applyable', () => {
    const doc = { ...fixtureJson('terraform/update.json'), applyable: false }
    const analysis = analyzeDocs({ source: 'unapplyable.json', doc })
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.planProblems[0]).toContain('not applyable')
  })

  it('blocks a plan with deferred changes', () => {
    const doc = {
      ...fixtureJson('terraform/update.json'),
      complete: false,
      deferred_changes: [{ reason: 'provider_config_unknown' }]
    }
    expect(analyzeDocs({ source: 'deferred.json', doc }).decision.verdict).toBe(
      'blocked'
    )
  })

  it('reports a targeted plan as partial without blocking it', () => {
    const analysis = analyzeFixtures('terraform/targeted.json')
    expect(onlyPlan(analysis).targeted).toBe(true)
    expect(analysis.warnings.join('\n')).toContain('-target')
    expect(analysis.decision.verdict).toBe('pass')
  })
})

describe('format versions and OpenTofu', () => {
  const withVersion = (version: string): unknown => ({
    ...fixtureJson('terraform/update.json'),
    format_version: version
  })

  it('accepts 0.x plans (Terraform 0.12 to 0.15)', () => {
    const analysis = analyzeDocs({
      source: 'old.json',
      doc: withVersion('0.2')
    })
    expect(onlyPlan(analysis).formatVersion).toBe('0.2')
    expect(analysis.warnings).toEqual([])
  })

  it('accepts an unknown 1.x minor with a warning', () => {
    const analysis = analyzeDocs({
      source: 'new.json',
      doc: withVersion('1.9')
    })
    expect(analysis.warnings).toEqual([
      expect.stringContaining('format_version "1.9" is newer')
    ])
    expect(onlyPlan(analysis).changes.length).toBeGreaterThan(0)
  })

  it('reads the hand-written OpenTofu sample: forget-first replace, its own reasons, null reasons', () => {
    const analysis = analyzeFixtures('opentofu/hand-written-plan.json')
    const plan = onlyPlan(analysis)
    expect(plan.format).toBe('opentofu')
    expect(changeAt(plan, 'aws_dynamodb_table.orders')).toMatchObject({
      action: 'replace',
      keepsOld: true,
      replaceOrder: 'delete-first',
      destructive: true,
      explanation: expect.stringContaining('old object kept') as unknown
    })
    expect(changeAt(plan, 'aws_s3_bucket.archive')).toMatchObject({
      action: 'forget',
      reason: 'forgot_because_lifecycle_destroy_in_state',
      destructive: false
    })
    expect(changeAt(plan, 'aws_s3_bucket.legacy_uploads')).toMatchObject({
      action: 'forget'
    })
    expect(
      changeAt(plan, 'aws_s3_bucket.legacy_uploads').reason
    ).toBeUndefined()
    const disabled = plan.changes.find(
      (c) => c.reason === 'delete_because_enabled_false'
    )
    expect(disabled).toMatchObject({
      action: 'destroy',
      destructive: true,
      explanation: expect.stringContaining('`enabled`') as unknown
    })
    expect(plan.drift.length).toBeGreaterThan(0)
  })

  it('treats Terraform create-then-forget like OpenTofu forget-then-create', () => {
    const doc = fixtureJson('terraform/replace-cannot-update.json')
    const [entry] = doc.resource_changes as { change: { actions: string[] } }[]
    if (entry === undefined) throw new Error('fixture has no change')
    entry.change.actions = ['create', 'forget']
    const change = changeAt(
      onlyPlan(analyzeDocs({ source: 'cbd-forget.json', doc })),
      'terraform_data.server'
    )
    expect(change).toMatchObject({
      action: 'replace',
      keepsOld: true,
      replaceOrder: 'create-first',
      destructive: true
    })
  })

  it('skips ephemeral entries with a note', () => {
    const doc = fixtureJson('terraform/update.json')
    const changes = doc.resource_changes as Record<string, unknown>[]
    changes.push({
      ...changes[0],
      address: 'ephemeral.random_password.db',
      mode: 'ephemeral',
      change: { actions: ['open'] }
    })
    const analysis = analyzeDocs({ source: 'with-ephemeral.json', doc })
    expect(onlyPlan(analysis).changes.map((c) => c.address)).not.toContain(
      'ephemeral.random_password.db'
    )
    expect(analysis.warnings).toEqual([
      expect.stringContaining('skipped 1 ephemeral resource entry')
    ])
  })

  it('warns about an action_reason it does not know, and still classifies by actions', () => {
    const doc = fixtureJson('terraform/destroy-no-resource-config.json')
    for (const entry of doc.resource_changes as Record<string, unknown>[]) {
      if (entry.action_reason !== undefined)
        entry.action_reason = 'delete_because_of_a_new_reason'
    }
    const analysis = analyzeDocs({ source: 'new-reason.json', doc })
    const change = changeAt(onlyPlan(analysis), 'terraform_data.legacy')
    expect(change).toMatchObject({
      action: 'destroy',
      destructive: true,
      reason: 'delete_because_of_a_new_reason'
    })
    expect(change.explanation).toContain('delete_because_of_a_new_reason')
    expect(analysis.warnings.join('\n')).toContain('does not know')
    expect(analysis.decision.verdict).toBe('blocked')
  })
})

describe('source map for attribution', () => {
  it('resolves local module directories and lists what each resource refers to', () => {
    const plan = onlyPlan(analyzeFixtures('terraform/nested-modules.json'))
    expect(plan.sourceMap?.moduleDirs).toEqual({
      '': '',
      app: 'modules/app',
      region: 'modules/region',
      'region.subnet': 'modules/subnet'
    })
    expect(
      plan.sourceMap?.references['module.region.terraform_data.vpc']
    ).toEqual(expect.arrayContaining(['var.generation', 'var.name']))
  })
})
