import { describe, expect, it } from 'vitest'
import { createRedactor, SENSITIVE_TEXT } from '../../src/redact/index.js'
import { renderText } from '../../src/report/index.js'
import {
  analyzeDocs,
  analyzeFixtures,
  everyOutput,
  fixtureJson,
  fixtureText,
  secretsIn,
  TERRAFORM_FIXTURES
} from '../helpers.js'

function expectNoSecret(
  outputs: readonly string[],
  secrets: readonly string[]
): void {
  for (const output of outputs) {
    expect(output).not.toContain('PGSECRET')
    for (const secret of secrets) expect(output).not.toContain(secret)
  }
}

describe('a sensitive value appears in no output', () => {
  const withSecrets = TERRAFORM_FIXTURES.filter((name) =>
    fixtureText(name).includes('PGSECRET-')
  )

  it('the fixtures really hold secrets in clear text', () => {
    expect(withSecrets).toEqual(
      expect.arrayContaining([
        'terraform/sensitive.json',
        'terraform/outputs.json',
        'terraform/kitchen-sink.json'
      ])
    )
    expect(secretsIn(fixtureText('terraform/sensitive.json'))).toHaveLength(13)
  })

  it.each(withSecrets)(
    '%s: text, Markdown (every tier), JSON, warnings',
    (name) => {
      const analysis = analyzeFixtures(name)
      expectNoSecret(everyOutput(analysis), secretsIn(fixtureText(name)))
    }
  )

  it('shows masked values as (sensitive), at every depth', () => {
    const analysis = analyzeFixtures('terraform/sensitive.json')
    const text = renderText(analysis, { color: false })
    const plan = analysis.plans[0]
    const paths = (address: string): string[] =>
      plan?.changes
        .find((c) => c.address === address)
        ?.attributes.filter(
          (a) => a.after.kind === 'sensitive' || a.before.kind === 'sensitive'
        )
        .map((a) => a.path) ?? []
    // Unchanged nested secret: not listed; its unmarked copy inside `output` is masked.
    expect(paths('terraform_data.db_connection')).toEqual([])
    const output = plan?.changes
      .find((c) => c.address === 'terraform_data.db_connection')
      ?.attributes.find((a) => a.path === 'output')
    expect(output?.before).toEqual({
      kind: 'value',
      value: { host: 'db.internal', password: SENSITIVE_TEXT, port: 5432 }
    })
    // The report folds the computed `output` into one line, naming it.
    expect(text).toContain('# 1 attribute known after apply: output')
    expect(paths('terraform_data.allowed_tokens')).toEqual(['input[1]'])
    expect(paths('terraform_data.service_keys')).toEqual(
      expect.arrayContaining(['input.api_key'])
    )
    expect(paths('terraform_data.tls_key')).toEqual(['input'])
    // The unmarked copy in `output` (hashicorp/terraform#35609) is masked too.
    expect(paths('terraform_data.db_password')).toEqual(
      expect.arrayContaining(['input', 'output'])
    )
    expect(text).toContain(SENSITIVE_TEXT)
    expect(text).toContain('public-token-a')
  })

  it('masks a secret of one plan wherever it appears unmarked in another plan', () => {
    const update = fixtureJson('terraform/update.json')
    const [entry] = update.resource_changes as {
      change: { after: Record<string, unknown> }
    }[]
    if (entry === undefined) throw new Error('fixture has no change')
    entry.change.after = {
      ...entry.change.after,
      input: 'PGSECRET-var-db-password-new-91c2',
      connection:
        'postgres://app:PGSECRET-var-db-password-new-91c2@db.internal:5432/app',
      labels: { 'PGSECRET-var-db-password-new-91c2': 'used as a map key' }
    }
    const analysis = analyzeDocs(
      {
        source: 'sensitive.json',
        doc: fixtureJson('terraform/sensitive.json')
      },
      { source: 'other.json', doc: update }
    )
    expectNoSecret(everyOutput(analysis), ['PGSECRET-var-db-password-new-91c2'])
    const text = renderText(analysis, { color: false })
    expect(text).toContain('postgres://app:(sensitive)@db.internal:5432/app')
  })

  it('masks each line of a multi-line secret inside an unmarked multi-line string', () => {
    const doc = fixtureJson('terraform/sensitive.json')
    const changes = doc.resource_changes as {
      address: string
      change: { before: unknown; after: Record<string, unknown> }
    }[]
    const target = changes.find(
      (c) => c.address === 'terraform_data.db_connection'
    )
    if (target === undefined) throw new Error('fixture changed')
    target.change.after = {
      ...target.change.after,
      user_data: '#!/bin/sh\ncat > key.pem <<EOF\nPGSECRET-pem-line-8a6f\nEOF\n'
    }
    expectNoSecret(everyOutput(analyzeDocs({ source: 'pem.json', doc })), [
      'PGSECRET-pem-line-8a6f'
    ])
  })

  it('masks secrets in check messages, outputs and variables declared sensitive with a default', () => {
    const doc = fixtureJson('terraform/checks.json')
    const config = (
      doc.configuration as {
        root_module: { variables?: Record<string, unknown> }
      }
    ).root_module
    config.variables = {
      ...config.variables,
      token: { sensitive: true, default: 'PGSECRET-default-of-a-variable' }
    }
    doc.checks = [
      {
        address: { kind: 'check', name: 'leaky', to_display: 'check.leaky' },
        status: 'fail',
        instances: [
          {
            address: { to_display: 'check.leaky' },
            status: 'fail',
            problems: [
              { message: 'token PGSECRET-default-of-a-variable rejected' }
            ]
          }
        ]
      }
    ]
    const analysis = analyzeDocs({ source: 'checks.json', doc })
    expect(analysis.plans[0]?.checks[0]?.problems[0]).toBe(
      'token (sensitive) rejected'
    )
    expectNoSecret(everyOutput(analysis), ['PGSECRET-default-of-a-variable'])
  })
})

describe('createRedactor', () => {
  it('masks whole values and embedded long secrets, leaves short ones to whole-value masking', () => {
    const redactor = createRedactor(['hunter2-long-secret', 'abc'])
    expect(redactor.text('hunter2-long-secret')).toBe(SENSITIVE_TEXT)
    expect(redactor.text('x=hunter2-long-secret;y')).toBe(
      `x=${SENSITIVE_TEXT};y`
    )
    expect(redactor.text('abc')).toBe(SENSITIVE_TEXT)
    expect(redactor.text('abcdef')).toBe('abcdef')
    expect(redactor.value({ 'hunter2-long-secret': ['abc', 1] })).toEqual({
      [SENSITIVE_TEXT]: [SENSITIVE_TEXT, 1]
    })
  })

  it('escapes secrets that look like regular expressions', () => {
    const redactor = createRedactor(['a+b(c)*[d]'])
    expect(redactor.text('x a+b(c)*[d] y')).toBe(`x ${SENSITIVE_TEXT} y`)
    expect(redactor.text('aab')).toBe('aab')
  })

  it('finds embedded secrets anywhere: start, end, repeated, overlapping, sharing a head', () => {
    const redactor = createRedactor([
      'abcdef-1',
      'abcdef-12345',
      'zzzzzz',
      'ünïcødé-ß'
    ])
    expect(redactor.text('abcdef-1')).toBe(SENSITIVE_TEXT)
    expect(redactor.text('abcdef-12345x')).toBe(`${SENSITIVE_TEXT}x`)
    expect(redactor.text('x abcdef-1 y abcdef-1')).toBe(
      `x ${SENSITIVE_TEXT} y ${SENSITIVE_TEXT}`
    )
    expect(redactor.text('zzzzzzzzzzzz')).toBe(
      `${SENSITIVE_TEXT}${SENSITIVE_TEXT}`
    )
    expect(redactor.text('zzzzz')).toBe('zzzzz')
    expect(redactor.text('pre-ünïcødé-ß-post')).toBe(
      `pre-${SENSITIVE_TEXT}-post`
    )
    expect(redactor.text('abcdef-')).toBe('abcdef-')
  })

  it('stays exact with thousands of secrets', () => {
    const secrets = Array.from(
      { length: 5_000 },
      (_, i) => `s${i.toString(36)}-${(i * 7919).toString(16)}-tail`
    )
    const redactor = createRedactor(secrets)
    for (const i of [0, 1, 2_500, 4_999]) {
      const secret = secrets[i] ?? ''
      expect(redactor.text(`url://user:${secret}@host/${secret}`)).toBe(
        `url://user:${SENSITIVE_TEXT}@host/${SENSITIVE_TEXT}`
      )
    }
    expect(redactor.text('module.app.terraform_data.service["api"]')).toBe(
      'module.app.terraform_data.service["api"]'
    )
  })

  it('finds every copy in a long text with a small prefilter (one secret)', () => {
    // One secret sizes the head bitmap at its smallest: in 200,000 random
    // characters many windows hit it by chance, and only real copies count.
    const secret = 'Zq9-secret-Zq9'
    const redactor = createRedactor([secret])
    let seed = 7
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed
    }
    const noise = (n: number): string =>
      Array.from({ length: n }, () =>
        String.fromCharCode(0x21 + (random() % 90))
      ).join('')
    const parts = [noise(70_000), noise(70_000), noise(60_000)]
    const text = parts.join(secret) + secret
    const masked = parts.join(SENSITIVE_TEXT) + SENSITIVE_TEXT
    expect(redactor.text(text)).toBe(masked)
    expect(redactor.text(parts.join(''))).toBe(parts.join(''))
  })

  it('does nothing without secrets', () => {
    const redactor = createRedactor([])
    expect(redactor.active).toBe(false)
    expect(redactor.text('anything')).toBe('anything')
  })
})
