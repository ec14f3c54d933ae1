import { describe, expect, it } from 'vitest'
import {
  buildRecord,
  decodeRecord,
  encodeRecord,
  judgeChanges,
  recordIntact,
  reviewedItems
} from '../../src/gate/index.js'
import type { GatePolicy } from '../../src/gate/index.js'
import {
  describeStatus,
  gatedCountsOf,
  reviewStatus
} from '../../src/report/index.js'
import { DEFAULT_RISK_POLICY } from '../../src/risk/index.js'
import {
  AGENT,
  analysisBy,
  historyOf,
  PERSON,
  plansOf,
  policyWith
} from '../support/risk-analysis.js'

function judged(names: string[], sha: string, policy: GatePolicy) {
  const plans = plansOf(...names)
  return { plans, ...judgeChanges(plans, policy, historyOf(plans, sha)) }
}

const DATABASE = 'terraform/typed/aws-person-deletes-database.json'
const SAFEGUARDS = 'terraform/typed/aws-lower-safeguards.json'
const CHURN = 'terraform/typed/aws-churn.json'

describe('always-gate.data-loss', () => {
  it('gates a person deleting a database (the default), saying who and why', () => {
    const { decision } = judged([DATABASE], PERSON, policyWith())
    expect(decision.verdict).toBe('blocked')
    expect(decision.gated).toEqual([
      {
        source: DATABASE,
        address: 'aws_db_instance.orders',
        action: 'destroy',
        why: 'destroyed because its block was removed from the configuration; caused by commits of people, not by an AI agent; it loses the data of a stateful resource, whoever caused it (always-gate.data-loss)',
        gatedBy: { kind: 'data-loss' }
      }
    ])
    expect(decision.summary).toBe(
      "1 destructive change needs a human's approval (1 destroy)"
    )
  })

  it('lets it pass when data-loss is switched off', () => {
    const { decision, verdicts, plans } = judged(
      [DATABASE],
      PERSON,
      policyWith({
        alwaysGate: { ...DEFAULT_RISK_POLICY.alwaysGate, dataLoss: false }
      })
    )
    expect(decision.verdict).toBe('pass')
    const change = plans[0]?.changes.find((c) => c.destructive)
    expect(change === undefined ? undefined : verdicts.get(change)?.gated).toBe(
      false
    )
  })

  it('keeps the AI commit first and adds data-loss for an agent', () => {
    const { decision } = judged([DATABASE], AGENT, policyWith())
    expect(decision.gated[0]?.gatedBy).toMatchObject({
      kind: 'ai-commit',
      sha: AGENT
    })
    expect(decision.gated[0]?.also).toEqual([{ kind: 'data-loss' }])
  })

  it('is off with the gate: gate-on none gates nothing', () => {
    const { decision } = judged(
      [DATABASE, SAFEGUARDS],
      PERSON,
      policyWith({}, 'none')
    )
    expect(decision.verdict).toBe('pass')
    expect(decision.gated).toEqual([])
  })
})

describe('always-gate.protection-lowered', () => {
  it('gates the updates that lower a safeguard, whoever made them, and not the harmless one', () => {
    const { decision } = judged([SAFEGUARDS], PERSON, policyWith())
    expect(
      decision.gated.map((g) => [g.address, g.action, g.gatedBy.kind])
    ).toEqual([
      ['aws_db_instance.reports', 'update', 'protection-lowered'],
      ['aws_dynamodb_table.sessions', 'update', 'protection-lowered'],
      ['aws_rds_cluster.aurora', 'update', 'protection-lowered'],
      ['aws_s3_bucket.audit', 'update', 'protection-lowered'],
      ['aws_s3_bucket_versioning.audit', 'update', 'protection-lowered'],
      ['azurerm_key_vault.secrets', 'update', 'protection-lowered'],
      ['google_sql_database_instance.main', 'update', 'protection-lowered']
    ])
    expect(decision.summary).toBe(
      "7 changes lower safeguards and need a human's approval"
    )
  })

  it('passes them when switched off', () => {
    const { decision } = judged(
      [SAFEGUARDS],
      PERSON,
      policyWith({
        alwaysGate: {
          ...DEFAULT_RISK_POLICY.alwaysGate,
          protectionLowered: false
        }
      })
    )
    expect(decision.verdict).toBe('pass')
  })
})

describe('allow and always-gate.protected', () => {
  it('allow lifts data-loss and the AI commit rule alike, and says so', () => {
    for (const sha of [PERSON, AGENT]) {
      const { decision, verdicts } = judged(
        [DATABASE],
        sha,
        policyWith({ allow: ['aws_db_instance.orders'] })
      )
      expect(decision.verdict).toBe('pass')
      expect([...verdicts.values()][0]?.why).toContain(
        'allowed by allow glob "aws_db_instance.orders"'
      )
    }
  })

  it("protected gates a person's destroy even with data-loss off; allow cannot lift it", () => {
    const { decision } = judged(
      [DATABASE],
      PERSON,
      policyWith({
        allow: ['aws_db_instance.*'],
        alwaysGate: {
          dataLoss: false,
          protectionLowered: true,
          protected: ['tag:data=critical']
        }
      })
    )
    expect(decision.gated).toHaveLength(1)
    expect(decision.gated[0]?.gatedBy).toEqual({
      kind: 'protected',
      pattern: 'tag:data=critical'
    })
    expect(decision.gated[0]?.why).toContain(
      'allow glob "aws_db_instance.*" matches too, but allow cannot lift always-gate.protected'
    )
  })
})

describe('churn.max-destructive', () => {
  it("off (0): a person's nine stateless destroys pass", () => {
    expect(judged([CHURN], PERSON, policyWith()).decision.verdict).toBe('pass')
  })

  it('crossed: every destructive change is gated with the count', () => {
    const { decision } = judged(
      [CHURN],
      PERSON,
      policyWith({ churn: { maxDestructive: 5 } })
    )
    expect(decision.gated).toHaveLength(9)
    expect(
      new Set(decision.gated.map((g) => JSON.stringify(g.gatedBy)))
    ).toEqual(new Set([JSON.stringify({ kind: 'churn', count: 9, max: 5 })]))
  })

  it('not crossed once the routine random_id replacements are allowed', () => {
    const { decision } = judged(
      [CHURN],
      PERSON,
      policyWith({ allow: ['random_id'], churn: { maxDestructive: 6 } })
    )
    expect(decision.verdict).toBe('pass')
  })
})

describe('a lowered safeguard as a gated item', () => {
  it('is a gated change item of the digest and the record, which parses back intact', () => {
    const analysis = analysisBy([DATABASE, SAFEGUARDS], PERSON)
    const items = reviewedItems(analysis)
    expect(
      items.filter((i) => i.kind === 'change' && i.action === 'update')
    ).toHaveLength(7)
    expect(items.every((i) => i.gated)).toBe(true)
    const record = buildRecord(
      {
        repository: 'o/r',
        pullNumber: 7,
        baseRef: 'main',
        headSha: 'c'.repeat(40)
      },
      items
    )
    const decoded = decodeRecord(encodeRecord(record))
    expect(decoded.items).toEqual(record.items)
    expect(recordIntact(decoded)).toBe(true)
  })

  it('is counted in the status, and an approval run reads the counts back', () => {
    const analysis = analysisBy([DATABASE, SAFEGUARDS], PERSON)
    const status = describeStatus(analysis, 'blocked', '0123456789abcdef')
    expect(status.description).toBe(
      '1 destructive change and 7 lowered safeguards need approval: /approve-destroy 0123456789abcdef'
    )
    expect(gatedCountsOf(status.description)).toEqual({
      gated: 8,
      paths: 0,
      safeguards: 7,
      actions: 0
    })
    const approved = reviewStatus({
      state: 'approved',
      counts: { gated: 9, paths: 1, safeguards: 7, actions: 0 },
      destructive: 1,
      digest: '0123456789abcdef',
      approvers: ['alice']
    })
    expect(approved.description).toBe(
      '1 destructive change, 7 lowered safeguards and 1 protected path (0123456789abcdef) approved by @alice'
    )
    expect(gatedCountsOf(approved.description)).toEqual({
      gated: 9,
      paths: 1,
      safeguards: 7,
      actions: 0
    })
    expect(
      gatedCountsOf('2 destructive changes and 1 protected path need approval')
    ).toEqual({
      gated: 3,
      paths: 1,
      safeguards: 0,
      actions: 0
    })
  })
})
