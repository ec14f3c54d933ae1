import { describe, expect, it } from 'vitest'
import {
  buildRecord,
  decideGate,
  decodeRecord,
  encodeRecord,
  reviewedItems,
  verifyAgainstReviews
} from '../../src/gate/index.js'
import type { GateHistory } from '../../src/gate/index.js'
import type { CommitReport, Plan } from '../../src/model.js'
import {
  describeStatus,
  gatedCounts,
  gatedCountsOf,
  localView,
  renderComment,
  renderJson,
  renderMarkdown,
  renderText,
  reviewHeadline
} from '../../src/report/index.js'
import {
  analyzeDocs,
  analyzeFixtures,
  changeAt,
  everyOutput,
  fixtureJson,
  onlyPlan
} from '../helpers.js'

// Hand-built shapes of Terraform 1.10 to 1.16 and OpenTofu 1.12 plans
// (test/fixtures/terraform-newer/README.md): Terraform 1.11 cannot make them.
const ACTIONS = 'terraform-newer/actions-1.14.json'
const INVOKE = 'terraform-newer/invoke-only-1.14.json'

function commit(sha: string, verdict: CommitReport['verdict']): CommitReport {
  return { sha, subject: 'change', verdict, evidence: [] }
}

/** A history in which one commit caused the destroy that triggers the action. */
function historyFor(plan: Plan, verdict: CommitReport['verdict']): GateHistory {
  const sha = 'c'.repeat(40)
  return {
    commits: new Map([[sha, commit(sha, verdict)]]),
    attribution: new Map([
      [
        changeAt(plan, 'aws_instance.old'),
        { causes: [{ sha, how: 'removed the block' }], pinned: true }
      ]
    ]),
    aiTouchedInfra: false
  }
}

describe('Terraform 1.14 action invocations', () => {
  it('are read with trigger, event, failure mode, deferral and masked config', () => {
    const plan = onlyPlan(analyzeFixtures(ACTIONS))
    expect(
      plan.actions?.map((a) => [
        a.address,
        a.trigger,
        a.triggeringResource,
        a.event,
        a.gatedKind,
        a.deferred
      ])
    ).toEqual([
      [
        'action.aws_lambda_invoke.notify',
        'lifecycle',
        'aws_instance.web',
        'after_create',
        false,
        undefined
      ],
      [
        'action.aws_lambda_invoke.drain',
        'lifecycle',
        'aws_instance.old',
        'before_destroy',
        true,
        undefined
      ],
      [
        'action.aws_lambda_invoke.later',
        'lifecycle',
        'aws_instance.web',
        'after_update',
        false,
        'resource_config_unknown'
      ]
    ])
    const [notify, drain] = plan.actions ?? []
    expect(notify?.config.find((c) => c.path === 'payload')?.after).toEqual({
      kind: 'sensitive'
    })
    expect(drain?.config.find((c) => c.path === 'payload')?.after).toEqual({
      kind: 'unknown'
    })
    expect(drain?.explanation).toBe(
      'runs on apply before `aws_instance.old` is destroyed; if it fails: the apply stops (`halt`)'
    )
    expect(plan.incomplete?.notes.join('\n')).toContain(
      '1 Terraform action waits for a later plan (deferred_action_invocations)'
    )
  })

  it('never print a sensitive action config value, in any output', () => {
    for (const output of everyOutput(analyzeFixtures(ACTIONS)))
      expect(output).not.toContain('PGSECRET-action-payload')
  })

  it('a before_destroy action is gated, and so is an -invoke action with no resource change', () => {
    const destroy = analyzeFixtures(ACTIONS).decision
    expect(destroy.gatedActions).toEqual([
      expect.objectContaining({
        address: 'action.aws_lambda_invoke.drain',
        trigger: 'before_destroy',
        triggeringResource: 'aws_instance.old',
        gatedBy: { kind: 'policy' }
      })
    ])
    const invoke = analyzeFixtures(INVOKE)
    expect(invoke.decision.verdict).toBe('blocked')
    expect(invoke.decision.summary).toBe(
      "1 Terraform action needs a human's approval (run on a destroy, or invoked without a resource change)"
    )
    expect(invoke.decision.gatedActions[0]).toMatchObject({
      address: 'action.aws_ec2_stop_instance.stop',
      trigger: 'invoke',
      triggeringResource: ''
    })
  })

  it('are counted as Terraform actions in the status and the headline, not as destructive changes, and read back', () => {
    const digest = '0123456789abcdef'
    const invoke = analyzeFixtures(INVOKE)
    const alone = describeStatus(invoke, 'blocked', digest)
    expect(alone.description).toBe(
      `1 Terraform action needs approval: /approve-destroy ${digest}`
    )
    expect(gatedCountsOf(alone.description)).toEqual({
      gated: 1,
      paths: 0,
      safeguards: 0,
      actions: 1
    })
    expect(reviewHeadline(localView(invoke))).toBe(
      '## ⛔ plangate: 1 Terraform action needs approval'
    )
    const destroy = analyzeFixtures(ACTIONS)
    const both = describeStatus(destroy, 'blocked', digest)
    expect(both.description).toMatch(
      /^\d+ destructive changes? and 1 Terraform action need approval: /
    )
    expect(gatedCountsOf(both.description)).toEqual(gatedCounts(destroy))
  })

  it('follow the author rules of destructive changes: an AI-caused destroy gates its action, a human one does not', () => {
    const policy = {
      gateOn: 'ai-destructive',
      unattributed: 'pass',
      automationAs: 'automation'
    } as const
    // Without the deferred action, which makes the plan incomplete on its own.
    const doc = fixtureJson(ACTIONS)
    delete doc.deferred_action_invocations
    const plan = onlyPlan(analyzeDocs({ source: 'plan.json', doc }))
    const human = decideGate([plan], policy, historyFor(plan, 'human'))
    expect(human.gatedActions).toEqual([])
    expect(human.verdict).toBe('pass')
    const ai = decideGate([plan], policy, historyFor(plan, 'ai'))
    expect(ai.gatedActions.map((g) => g.gatedBy.kind)).toEqual(['ai-commit'])
    expect(ai.verdict).toBe('blocked')
    // -invoke ties to no commit: the `unattributed` rule decides.
    const invoke = onlyPlan(analyzeFixtures(INVOKE))
    const empty: GateHistory = {
      commits: new Map(),
      attribution: new Map(),
      aiTouchedInfra: true
    }
    expect(decideGate([invoke], policy, empty).verdict).toBe('pass')
    expect(
      decideGate(
        [invoke],
        { ...policy, unattributed: 'gate-if-ai-touched-infra' },
        empty
      ).gatedActions[0]?.gatedBy
    ).toEqual({ kind: 'unattributed-ai-infra' })
  })

  it('are digest items that the review record keeps, and verify needs an approved review that listed them', () => {
    const analysis = analyzeFixtures(INVOKE)
    const items = reviewedItems(analysis)
    expect(items).toEqual([
      {
        kind: 'action',
        source: INVOKE,
        address: 'action.aws_ec2_stop_instance.stop',
        trigger: 'invoke',
        triggeringResource: '',
        gated: true
      }
    ])
    const record = buildRecord(
      {
        repository: 'acme/infra',
        pullNumber: 3,
        baseRef: 'main',
        headSha: 'a'.repeat(40)
      },
      items
    )
    expect(decodeRecord(encodeRecord(record)).items).toEqual(items)
    const pull = (outcome: 'approved' | 'pass') => ({
      number: 3,
      outcome,
      record
    })
    expect(
      verifyAgainstReviews(analysis, [pull('approved')] as never).verdict
    ).toBe('verified')
    const unlisted = verifyAgainstReviews(analysis, [
      { number: 3, outcome: 'approved' }
    ] as never)
    expect(unlisted.verdict).toBe('blocked')
    expect(unlisted.problems.join('\n')).toContain(
      'Terraform action action.aws_ec2_stop_instance.stop (invoke) runs on apply, and no approved review listed it'
    )
  })

  it('appear in every report as "Actions that will run", counted', () => {
    const analysis = analyzeFixtures(INVOKE)
    const text = renderText(analysis, { color: false })
    expect(text).toContain('Actions that will run (1)')
    expect(text).toContain('Total: 1 action to run')
    expect(text).not.toContain('Total: no changes')
    expect(renderMarkdown(analysis).markdown).toContain(
      '**Actions that will run (1)**'
    )
    const comment = renderComment(analysis, {
      state: 'blocked',
      statusContext: 'plangate',
      headSha: 'a'.repeat(40),
      digest: '0123456789abcdef'
    } as never).body
    expect(comment).toContain('### Actions that will run (1)')
    expect(comment).toContain('1 action to run')
    const json = JSON.parse(
      renderJson(analysis, { name: 'plangate', version: '0' })
    ) as {
      decision: { gatedActions: unknown[] }
      plans: { actions: unknown[] }[]
    }
    expect(json.decision.gatedActions).toHaveLength(1)
    expect(json.plans[0]?.actions).toHaveLength(1)
  })

  it('an action entry plangate cannot read refuses the plan (the gate depends on it)', () => {
    const doc = fixtureJson(INVOKE)
    doc.action_invocations = [{ address: 'action.x.y', type: 'x', name: 'y' }]
    expect(() => analyzeDocs({ source: 'plan.json', doc })).toThrow(
      'plan.json: expected action_invocations[0] (action.x.y) to have either lifecycle_action_trigger or invoke_action_trigger, found neither'
    )
    doc.action_invocations = 'all of them'
    expect(() => analyzeDocs({ source: 'plan.json', doc })).toThrow(
      'expected "action_invocations" to be an array'
    )
  })

  it('an event plangate does not know is held like a destroy (fail closed)', () => {
    const doc = fixtureJson(ACTIONS)
    const [first] = doc.action_invocations as {
      lifecycle_action_trigger: Record<string, unknown>
    }[]
    if (first !== undefined)
      first.lifecycle_action_trigger.action_trigger_event = 'on_moon_rise'
    const { decision } = analyzeDocs({ source: 'plan.json', doc })
    expect(decision.gatedActions.map((g) => g.trigger)).toEqual([
      'on_moon_rise',
      'before_destroy'
    ])
  })
})

describe('Terraform 1.12 identity, lifecycle destroy = false, deferred changes', () => {
  it('shows the identity of an import by identity and keeps identities on changes', () => {
    const plan = onlyPlan(analyzeFixtures('terraform-newer/identity-1.12.json'))
    const imported = changeAt(plan, 'aws_s3_bucket.logs')
    expect(imported.importIdentity).toBe(
      'account_id = "123456789012", bucket = "logs", region = "eu-west-1"'
    )
    expect(changeAt(plan, 'aws_instance.web').identity).toBe(
      'account_id = "123456789012", id = "i-0a", region = "eu-west-1"'
    )
    expect(
      renderText(analyzeFixtures('terraform-newer/identity-1.12.json'), {
        color: false
      })
    ).toContain(
      'import by identity account_id = "123456789012", bucket = "logs", region = "eu-west-1"'
    )
  })

  it('explains OpenTofu forget reasons and keeps unknown ones verbatim', () => {
    const tofu = onlyPlan(
      analyzeFixtures('terraform-newer/forget-lifecycle-opentofu-1.12.json')
    )
    expect(tofu.format).toBe('opentofu')
    expect(changeAt(tofu, 'aws_s3_bucket.archive').explanation).toBe(
      'forgotten (removed from state, the real object is kept, no longer managed) because its configuration sets `lifecycle { destroy = false }`'
    )
    expect(changeAt(tofu, 'aws_s3_bucket.uploads').explanation).toContain(
      'because the state records `lifecycle { destroy = false }` for it'
    )
    const orders = changeAt(tofu, 'aws_dynamodb_table.orders')
    expect([orders.action, orders.keepsOld, orders.destructive]).toEqual([
      'replace',
      true,
      true
    ])
    expect(orders.explanation).toMatch(
      /^replaced: a new object is created and the old one is forgotten/
    )
    const terraform = onlyPlan(
      analyzeFixtures('terraform-newer/forget-lifecycle-1.16.json')
    )
    expect(terraform.format).toBe('terraform')
    expect(changeAt(terraform, 'aws_dynamodb_table.orders')).toMatchObject({
      action: 'replace',
      replaceOrder: 'create-first',
      keepsOld: true
    })
    expect(changeAt(terraform, 'aws_s3_bucket.future').explanation).toBe(
      "forgotten (Terraform's reason: forgot_because_of_a_future_rule)"
    )
  })

  it('explains each deferred change, index_unknown and importing.unknown, and blocks', () => {
    const analysis = analyzeFixtures('terraform-newer/deferred-1.10.json')
    const notes = onlyPlan(analysis).incomplete?.notes ?? []
    expect(notes.slice(1)).toEqual([
      'deferred: `aws_instance.workers[*]` (create) waits because its `count` or `for_each` is known only after apply (`instance_count_unknown`); how many instances there will be is not known yet (index_unknown): the address stands for all of them',
      'deferred: `aws_s3_bucket.imported` (no-op) waits because its provider configuration is known only after apply (`provider_config_unknown`); it imports an object whose ID is known only after apply (importing.unknown)',
      'deferred: `aws_sqs_queue.jobs` (create) waits because `a_reason_from_the_future` (a reason plangate does not know)'
    ])
    expect(analysis.decision.verdict).toBe('blocked')
  })
})
