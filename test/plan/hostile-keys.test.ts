import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { AttributeChange, Plan } from '../../src/model.js'
import { createRedactor, SENSITIVE_TEXT } from '../../src/redact/index.js'
import { analyzeDocs, fixtureJson, onlyPlan } from '../helpers.js'

/** The real bundle, as users run it. */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'plangate-keys-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Map keys that name what every JavaScript object has or inherits. */
const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const

/** Sets a key as an own property, as JSON.parse does (`obj[k] =` would not for `__proto__`). */
function setOwn(record: object, key: string, value: unknown): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  })
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected an object')
  return value as Record<string, unknown>
}

function changeOf(doc: Record<string, unknown>, address: string) {
  const change = (doc.resource_changes as Record<string, unknown>[]).find(
    (c) => c.address === address
  )
  if (change === undefined) throw new Error(`no ${address}`)
  return record(change.change)
}

/**
 * terraform/update.json with the hostile keys in the `input` map of
 * terraform_data.config: `__proto__` changed, `constructor` removed,
 * `prototype` added, and `toString` unchanged.
 */
function hostilePlan(): Record<string, unknown> {
  const doc = fixtureJson('terraform/update.json')
  const change = changeOf(doc, 'terraform_data.config')
  const before = record(record(change.before).input)
  const after = record(record(change.after).input)
  setOwn(before, '__proto__', { polluted: 'old' })
  setOwn(after, '__proto__', { polluted: 'new' })
  setOwn(before, 'constructor', 'removed-value')
  setOwn(after, 'prototype', 'added-value')
  setOwn(before, 'toString', 'same')
  setOwn(after, 'toString', 'same')
  return doc
}

const EXPECTED_NEW: AttributeChange[] = [
  {
    path: 'input.__proto__.polluted',
    before: { kind: 'value', value: 'old' },
    after: { kind: 'value', value: 'new' },
    forcesReplacement: false
  },
  {
    path: 'input.constructor',
    before: { kind: 'value', value: 'removed-value' },
    after: { kind: 'absent' },
    forcesReplacement: false
  },
  {
    path: 'input.prototype',
    before: { kind: 'absent' },
    after: { kind: 'value', value: 'added-value' },
    forcesReplacement: false
  }
]

function attributesOf(plan: Plan, address: string): AttributeChange[] {
  const change = plan.changes.find((c) => c.address === address)
  if (change === undefined) throw new Error(`no ${address}`)
  return [...change.attributes]
}

describe('map keys named __proto__, constructor and prototype', () => {
  it('the variant really holds the keys, as JSON.parse reads them', () => {
    const text = JSON.stringify(hostilePlan())
    const parsed = JSON.parse(text) as Record<string, unknown>
    const input = record(
      record(changeOf(parsed, 'terraform_data.config').before).input
    )
    for (const key of HOSTILE.filter((k) => k !== 'prototype'))
      expect(Object.hasOwn(input, key)).toBe(true)
  })

  it('each shows in the diff, and nothing else changes', () => {
    const base = onlyPlan(
      analyzeDocs({
        source: 'plan.json',
        doc: fixtureJson('terraform/update.json')
      })
    )
    const hostile = onlyPlan(
      analyzeDocs({ source: 'plan.json', doc: hostilePlan() })
    )
    const expected = [
      ...attributesOf(base, 'terraform_data.config'),
      ...EXPECTED_NEW
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    expect(attributesOf(hostile, 'terraform_data.config')).toEqual(expected)
    expect(
      hostile.changes.filter((c) => c.address !== 'terraform_data.config')
    ).toEqual(base.changes.filter((c) => c.address !== 'terraform_data.config'))
    expect({ ...hostile, changes: [] }).toEqual({ ...base, changes: [] })
  })

  it('keeps them as keys in the redactor copy of a value', () => {
    const value = JSON.parse(
      '{"__proto__":{"password":"hunter2-secret"},"constructor":"x","prototype":"y"}'
    ) as unknown
    const copy = record(createRedactor(['hunter2-secret']).value(value))
    expect(Object.keys(copy)).toEqual([...HOSTILE])
    expect(Object.getPrototypeOf(copy)).toBeNull()
    expect(record(copy.__proto__).password).toBe(SENSITIVE_TEXT)
  })

  it('a whole-object value keeps them through masking, in the CLI bundle', () => {
    // terraform_data.db_connection's `output` object is shown whole, masked.
    const doc = fixtureJson('terraform/sensitive.json')
    const change = changeOf(doc, 'terraform_data.db_connection')
    setOwn(record(record(change.before).output), '__proto__', {
      host: 'hidden.internal'
    })
    const path = join(work, 'sensitive-proto.json')
    writeFileSync(path, JSON.stringify(doc))
    const run = spawnSync(
      process.execPath,
      [CLI, 'review', '--format', 'json', path],
      { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' }
    )
    expect(run.stdout).not.toContain('PGSECRET')
    expect(run.stdout).toContain('"__proto__":{"host":"hidden.internal"}')
  })

  it.each(['text', 'json'])(
    'shows them in the CLI bundle, --format %s',
    (format) => {
      const path = join(work, `update-${format}.json`)
      writeFileSync(path, JSON.stringify(hostilePlan()))
      const run = spawnSync(
        process.execPath,
        [CLI, 'review', '--format', format, path],
        { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' }
      )
      expect(run.status).toBe(0)
      for (const text of [
        'input.__proto__.polluted',
        'input.constructor',
        'input.prototype',
        'removed-value',
        'added-value'
      ])
        expect(run.stdout).toContain(text)
      expect(run.stdout).not.toContain('input.toString')
    }
  )
})
