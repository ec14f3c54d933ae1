import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import {
  renderComment,
  renderJson,
  renderMarkdown,
  renderText
} from '../../src/report/index.js'
import { DEFAULT_RISK_POLICY } from '../../src/risk/index.js'
import {
  AGENT,
  analysisBy,
  PERSON,
  policyWith
} from '../support/risk-analysis.js'

const DATABASE = 'terraform/typed/aws-person-deletes-database.json'
const SAFEGUARDS = 'terraform/typed/aws-lower-safeguards.json'
const OPTIONS = {
  state: 'blocked',
  statusContext: 'plangate/main',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  digest: 'abcdef0123456789',
  links: {
    repositoryUrl: 'https://github.com/acme/infra',
    pullNumber: 7,
    runUrl: 'https://github.com/acme/infra/actions/runs/4242'
  }
} as const

function aboveTheFold(body: string): string {
  const at = body.indexOf('<details>')
  return at === -1 ? body : body.slice(0, at)
}

const validate = new Ajv2020({
  allErrors: true,
  strict: true,
  strictRequired: false
}).compile(
  JSON.parse(
    readFileSync(
      new URL('../../docs/report.schema.json', import.meta.url),
      'utf8'
    )
  ) as object
)

describe('what a reviewer sees of the risks', () => {
  it('a person deletes a database and lowers safeguards: the comment lists both, with why', () => {
    const analysis = analysisBy([DATABASE, SAFEGUARDS], PERSON)
    const { body } = renderComment(analysis, OPTIONS)
    const top = aboveTheFold(body)
    expect(top).toContain(
      '## ⛔ plangate: 1 destructive change and 7 lowered safeguards need approval'
    )
    expect(top).toContain('### Gated changes (8)')
    expect(top).toContain(
      '💾 **data loss**: aws_db_instance holds the data of a relational database'
    )
    expect(top).toContain(
      '🔓 **safeguard lowered**: deletion_protection true → false'
    )
    expect(top).toContain(
      '💾 it loses stored data, whoever caused it (`always-gate.data-loss`)'
    )
    expect(top).toContain(
      '🔓 it lowers a safeguard against deletion, whoever caused it (`always-gate.protection-lowered`)'
    )
    expect(top).not.toContain('aws_lambda_function.api')
    expect(aboveTheFold(body)).toMatchSnapshot()
  })

  it('an AI commit and data loss: both reasons', () => {
    const { body } = renderComment(analysisBy([DATABASE], AGENT), OPTIONS)
    expect(aboveTheFold(body)).toContain(
      'Gated because 🤖 an AI commit caused it (claude-code, definite: `Co-Authored-By: Claude <noreply@anthropic.com>`); 💾 it loses stored data, whoever caused it (`always-gate.data-loss`).'
    )
  })

  it('allowed and protected: the comment says allow cannot lift it', () => {
    const analysis = analysisBy(
      [DATABASE],
      PERSON,
      policyWith({
        allow: ['aws_db_instance.*'],
        alwaysGate: {
          ...DEFAULT_RISK_POLICY.alwaysGate,
          protected: ['tag:data=critical']
        }
      })
    )
    const top = aboveTheFold(renderComment(analysis, OPTIONS).body)
    expect(top).toContain(
      '🛡️ it matches `tag:data=critical` (`always-gate.protected`)'
    )
    expect(top).toContain(
      'allowed by `aws_db_instance.*` (`allow`), which cannot lift `always-gate.protected`'
    )
  })

  it('an allowed destroy is listed as not needing approval, marked allowed', () => {
    const analysis = analysisBy(
      [DATABASE],
      PERSON,
      policyWith({ allow: ['aws_db_instance.orders'] })
    )
    expect(analysis.decision.verdict).toBe('pass')
    const body = renderComment(analysis, { ...OPTIONS, state: 'pass' }).body
    expect(body).toContain(
      '### 1 destructive change that does not need approval'
    )
    expect(body).toContain('allowed by `aws_db_instance.orders` (`allow`)')
  })

  it('the text and full Markdown reports carry each risk', () => {
    const analysis = analysisBy([DATABASE, SAFEGUARDS], PERSON)
    const text = renderText(analysis, { color: false })
    expect(text).toContain(
      '        data loss: aws_db_instance holds the data of a relational database (instance or cluster storage); a final snapshot "orders-final" is taken first (final_snapshot_identifier)'
    )
    expect(text).toContain(
      '        safeguard lowered: force_destroy false → true: while it is off'
    )
    expect(text).toContain(
      "Verdict: BLOCKED: 1 destructive change needs a human's approval (1 destroy); 7 changes lower safeguards and need a human's approval"
    )
    expect(renderMarkdown(analysis).markdown).toContain(
      '- ⚠️ safeguard lowered: purge_protection_enabled true → false'
    )
  })

  it('the JSON report has risks, allowed and the reasons, and matches the schema', () => {
    const analysis = analysisBy(
      [DATABASE, SAFEGUARDS],
      AGENT,
      policyWith({
        allow: ['aws_s3_bucket.*'],
        churn: { maxDestructive: 0 }
      })
    )
    const report = JSON.parse(
      renderJson(analysis, { name: 'plangate', version: '0' })
    ) as {
      decision: {
        gated: { address: string; gatedBy: object; also?: object[] }[]
      }
      plans: {
        changes: {
          address: string
          risks: { kind: string }[]
          allowed?: true
          allowedBy?: string
          gated?: boolean
        }[]
      }[]
    }
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
    const changes = report.plans.flatMap((p) => p.changes)
    const bucket = changes.find((c) => c.address === 'aws_s3_bucket.audit')
    expect(bucket).toMatchObject({
      risks: [{ kind: 'protection-lowered' }],
      allowed: true,
      allowedBy: 'aws_s3_bucket.*',
      gated: false
    })
    expect(
      changes.find((c) => c.address === 'aws_lambda_function.api')?.risks
    ).toEqual([])
    expect(
      report.decision.gated.find((g) => g.address === 'aws_db_instance.orders')
    ).toMatchObject({
      gatedBy: { kind: 'ai-commit' },
      also: [{ kind: 'data-loss' }]
    })
  })
})
