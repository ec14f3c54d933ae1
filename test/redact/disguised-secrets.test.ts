import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  normalizePlans,
  PlanParseError,
  readPlan
} from '../../src/plan/index.js'
import {
  createRedactor,
  MIN_SHIFTED_BASE64_LENGTH,
  SENSITIVE_TEXT
} from '../../src/redact/index.js'
import { everyOutput, fixtureJson } from '../helpers.js'
import { analyze } from '../../src/analyze.js'
import { runCli } from '../support/cli-run.js'
import type { CliRun } from '../support/cli-run.js'

/** The real bundle, as users run it. */
const work = mkdtempSync(join(tmpdir(), 'plangate-disguise-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A sensitive value of the real fixture, made to need escaping. */
const ORIGINAL = 'PGSECRET-var-db-password-new-91c2'
const SECRET = `PGSECRET-Zx9$$Leak&<new> "q"/+?=91c2`

const base64 = (text: string): string => Buffer.from(text).toString('base64')
const base64url = (text: string): string =>
  Buffer.from(text).toString('base64url')
/** As Terraform's jsonencode (Go's encoding/json) writes a string. */
const goJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/&/g, '\\u0026')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
const jsJsonBody = (text: string): string => JSON.stringify(text).slice(1, -1)
const goJsonBody = (text: string): string => goJson(text).slice(1, -1)
const lowerHex = (text: string): string =>
  text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())
const formEncode = (text: string): string =>
  new URLSearchParams({ p: text }).toString().slice(2)

/**
 * The base64 characters the secret alone decides when it sits `shift`
 * bytes past a multiple of 3 inside a longer base64'd text.
 */
function base64Core(secret: string, shift: number): string {
  const encoded = base64('\0'.repeat(shift) + secret)
  const bytes = Buffer.byteLength(secret)
  return encoded.slice(
    Math.ceil((8 * shift) / 6),
    Math.floor((8 * (shift + bytes)) / 6)
  )
}

/** Every disguise of the secret the outputs must not hold. */
function disguises(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    lowerHex(encodeURIComponent(secret)),
    formEncode(secret),
    goJsonBody(secret),
    jsJsonBody(secret),
    base64(secret),
    base64url(secret),
    base64Core(secret, 0),
    base64Core(secret, 1),
    base64Core(secret, 2)
  ]
}

function replaceStrings(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to)
  if (Array.isArray(value))
    return value.map((item) => replaceStrings(item, from, to))
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, replaceStrings(v, from, to)])
  )
}

/**
 * terraform/sensitive.json with its variable's secret made awkward, plus a
 * resource that carries it disguised in attributes nothing marks: in a
 * connection string (URL-encoded and form-encoded), in user data (base64
 * at each byte offset, and base64url) and in a jsonencode'd container
 * definition.
 */
function disguisedPlan(): Record<string, unknown> {
  const doc = replaceStrings(
    fixtureJson('terraform/sensitive.json'),
    ORIGINAL,
    SECRET
  ) as Record<string, unknown>
  const input = {
    connection: `postgres://app:${encodeURIComponent(SECRET)}@db.internal:5432/app`,
    form: `user=app&password=${formEncode(SECRET)}&db=app`,
    lower: `postgres://app:${lowerHex(encodeURIComponent(SECRET))}@db.internal/app`,
    // The secret starts 21, 22 and 20 bytes in: offsets 0, 1 and 2 mod 3.
    user_data_0: base64(`#!/bin/sh\nexport PW='${SECRET}'\n`),
    user_data_1: base64(`#!/bin/sh\nexport PW1='${SECRET}'\n`),
    user_data_2: base64(`#!/bin/sh\nexport P='${SECRET}'\n`),
    token: base64url(SECRET).replace(/=+$/, ''),
    container_definitions: goJson([
      {
        name: 'app',
        environment: [{ name: 'DB_PASSWORD', value: SECRET }]
      }
    ]),
    policy: JSON.stringify({ Statement: [{ Sid: SECRET }] })
  }
  const changes = doc.resource_changes as Record<string, unknown>[]
  changes.push({
    address: 'terraform_data.app_config',
    mode: 'managed',
    type: 'terraform_data',
    name: 'app_config',
    provider_name: 'terraform.io/builtin/terraform',
    change: {
      actions: ['create'],
      before: null,
      after: { input, triggers_replace: null },
      after_unknown: { id: true, output: true },
      before_sensitive: false,
      after_sensitive: {}
    }
  })
  return doc
}

function plangate(args: readonly string[]): CliRun {
  return runCli(args)
}

describe('a secret in disguise is masked like the secret', () => {
  it('the variant really holds every disguise', () => {
    const text = JSON.stringify(disguisedPlan())
    // The plan JSON escapes once more what it holds as a string.
    const missing = disguises(SECRET).filter(
      (form) => !text.includes(form) && !text.includes(jsJsonBody(form))
    )
    expect(missing).toEqual([])
  })

  it('in every core output (text, Markdown tiers, JSON, warnings)', () => {
    const analysis = analyze([
      readPlan({ source: 'plan.json', text: JSON.stringify(disguisedPlan()) })
    ])
    for (const output of everyOutput(analysis))
      for (const form of disguises(SECRET)) expect(output).not.toContain(form)
  })

  it.each(['text', 'markdown', 'json'])(
    'in the CLI bundle, --format %s',
    (format) => {
      const path = join(work, `disguised-${format}.json`)
      writeFileSync(path, JSON.stringify(disguisedPlan()))
      const run = plangate(['review', '--format', format, path])
      expect([0, 1]).toContain(run.code)
      const out = run.stdout + run.stderr
      for (const form of disguises(SECRET)) expect(out).not.toContain(form)
      expect(out).not.toContain('Zx9')
      expect(out).toContain(SENSITIVE_TEXT)
      if (format !== 'markdown') {
        expect(out).toContain(
          `postgres://app:${SENSITIVE_TEXT}@db.internal:5432/app`
        )
        expect(out).toContain(`user=app&password=${SENSITIVE_TEXT}&db=app`)
      }
    }
  )

  it('in the error for an unknown action, whose address holds the secret', () => {
    const doc = fixtureJson('terraform/sensitive.json')
    const [first] = doc.resource_changes as Record<string, unknown>[]
    if (first === undefined) throw new Error('no change')
    first.address = `terraform_data.k["${ORIGINAL}"]`
    ;(first.change as Record<string, unknown>).actions = ['explode']
    const text = JSON.stringify(doc)
    const input = readPlan({ source: 'plan.json', text })
    let error: unknown
    try {
      normalizePlans([input])
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PlanParseError)
    expect(String(error)).not.toContain('PGSECRET')
    expect(String(error)).toContain(`terraform_data.k["${SENSITIVE_TEXT}"]`)
    expect((error as Error).stack).not.toContain('PGSECRET')

    const path = join(work, 'unknown-action.json')
    writeFileSync(path, text)
    for (const format of ['text', 'json']) {
      const run = plangate(['review', '--format', format, path])
      expect(run.code).toBe(2)
      expect(run.stdout + run.stderr).not.toContain('PGSECRET')
      expect(run.stderr).toContain(`terraform_data.k["${SENSITIVE_TEXT}"]`)
    }
  })
})

describe('createRedactor: encodings', () => {
  const redactor = createRedactor([SECRET])

  it.each(disguises(SECRET).map((form) => [form]))(
    'masks %s inside a longer string',
    (form) => {
      expect(redactor.text(`a ${form} b`)).toBe(`a ${SENSITIVE_TEXT} b`)
    }
  )

  it('masks the strict RFC 3986 form and double JSON escapes', () => {
    const strict = encodeURIComponent("it's (a) secret!*").replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
    )
    const other = createRedactor(["it's (a) secret!*"])
    expect(other.text(`p=${strict}`)).toBe(`p=${SENSITIVE_TEXT}`)
    const twice = jsJsonBody(goJson({ env: SECRET }))
    expect(redactor.text(twice)).toBe(
      jsJsonBody(goJson({ env: SENSITIVE_TEXT }))
    )
  })

  it('masks whole encoded values as sensitive', () => {
    expect(redactor.isSecret(base64(SECRET))).toBe(true)
    expect(redactor.isSecret(encodeURIComponent(SECRET))).toBe(true)
  })

  it('finds base64 of a secret at every byte offset of a longer text', () => {
    for (let pad = 0; pad < 6; pad++) {
      const encoded = base64(`${'#'.repeat(pad)}key=${SECRET};rest`)
      const masked = redactor.text(encoded)
      expect(masked).toContain(SENSITIVE_TEXT)
      // What is left decodes to no part of the secret longer than 2 chars.
      for (const piece of masked.split(SENSITIVE_TEXT))
        expect(Buffer.from(piece, 'base64').toString()).not.toContain('Zx9')
    }
  })

  it(`shifts base64 only for secrets of ${MIN_SHIFTED_BASE64_LENGTH} characters or more`, () => {
    const short = 'k9$Q-7x' // 7 characters
    expect(short.length).toBeLessThan(MIN_SHIFTED_BASE64_LENGTH)
    const text = base64(`#${short}#`)
    expect(createRedactor([short]).text(text)).toBe(text)
    const long = 'k9$Q-7x!'
    expect(createRedactor([long]).text(base64(`#${long}#`))).toContain(
      SENSITIVE_TEXT
    )
  })

  it('leaves strings without a disguise alone', () => {
    const text = 'postgres://app:another-password@db/app?sslmode=require'
    expect(redactor.text(text)).toBe(text)
    expect(redactor.text(base64(text))).toBe(base64(text))
  })
})
