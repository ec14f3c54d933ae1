import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normalizePlans, readPlan } from '../../src/plan/index.js'
import type { PlanInput } from '../../src/plan/index.js'
import { readTerraformPlanBytes } from '../../src/plan/terraform-sections.js'
import type { SectionOptions } from '../../src/plan/terraform-sections.js'
import { fixtureJson, fixturePath, fixtureText } from '../helpers.js'

const FIXTURES = ['terraform', 'terraform-newer', 'opentofu'].flatMap((dir) =>
  readdirSync(fixturePath(dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${dir}/${name}`)
)

const LARGE: SectionOptions = { maxTextBytes: 512 * 1024 * 1024 - 64 }
/** Every array parsed element by element, and nothing longer than 64 bytes in one JSON.parse outside them. */
const TINY: SectionOptions = { maxTextBytes: 1 << 30, elementwiseBytes: 0 }

function bytesInput(
  text: string,
  options: SectionOptions = LARGE,
  source = 'plan.json'
): PlanInput | undefined {
  return readTerraformPlanBytes(Buffer.from(text), source, options)
}

function normalized(input: PlanInput): unknown {
  return normalizePlans([input]).plans
}

describe('readTerraformPlanBytes', () => {
  it.each(FIXTURES)('reads %s as the text reader does', (name) => {
    const text = fixtureText(name)
    const old = readPlan({ source: name, text })
    for (const options of [LARGE, TINY]) {
      const input = readTerraformPlanBytes(Buffer.from(text), name, options)
      expect(input).toBeDefined()
      if (input === undefined) return
      expect(input.secrets).toEqual(old.secrets)
      expect(input).toEqual(old)
      expect(normalized(input)).toEqual(normalized(old))
    }
  })

  it('reads a plan with a UTF-8 byte order mark', () => {
    const text = fixtureText('terraform/sensitive.json')
    const old = readPlan({ source: 'p', text })
    expect(bytesInput(`\uFEFF${text}`, LARGE, 'p')).toEqual(old)
  })

  it('masks a secret marked only in the last change in the first change too', () => {
    const secret = 'hunter2-late-secret'
    const change = (
      name: string,
      value: string,
      sensitive: boolean
    ): unknown => ({
      address: `terraform_data.${name}`,
      mode: 'managed',
      type: 'terraform_data',
      name,
      provider_name: 'terraform.io/builtin/terraform',
      change: {
        actions: ['update'],
        before: { input: 'old' },
        after: { input: value },
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: sensitive ? { input: true } : {}
      }
    })
    const doc = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [] } },
      resource_changes: [
        change('early', secret, false),
        ...Array.from({ length: 20 }, (_, i) => change(`mid${i}`, 'x', false)),
        change('late', secret, true)
      ]
    }
    const input = bytesInput(JSON.stringify(doc), TINY)
    expect(input?.secrets.has(secret)).toBe(true)
    if (input === undefined) return
    const text = JSON.stringify(normalized(input))
    expect(text).not.toContain(secret)
  })

  it('collects a secret of a data source found only in the state sections', () => {
    const doc = fixtureJson('terraform/sensitive.json')
    const dataSource = {
      address: 'data.external.token',
      mode: 'data',
      type: 'external',
      name: 'token',
      values: { result: { token: 'data-source-secret-1' } },
      sensitive_values: { result: { token: true } }
    }
    const planned = doc.planned_values as {
      root_module: { resources?: unknown[] }
    }
    planned.root_module.resources = [
      ...(planned.root_module.resources ?? []),
      {
        mode: 'managed',
        values: { x: 'not-a-secret' },
        sensitive_values: { x: true }
      },
      dataSource
    ]
    const text = JSON.stringify(doc)
    const old = readPlan({ source: 'p', text })
    const input = bytesInput(text, TINY, 'p')
    expect(old.secrets.has('data-source-secret-1')).toBe(true)
    expect(input).toEqual(old)
  })

  it('declines what is not a plan, for the general reader to explain', () => {
    expect(bytesInput('[1, 2]')).toBeUndefined()
    expect(bytesInput('{"Changes": []}')).toBeUndefined()
    expect(
      bytesInput('{"format_version": 1, "resource_changes": []}')
    ).toBeUndefined()
    expect(
      bytesInput('{"format_version": "1.2", "values": {}}')
    ).toBeUndefined()
  })

  it('declines broken JSON that the text reader can explain', () => {
    const text = fixtureText('terraform/create.json')
    expect(bytesInput(text.slice(0, text.length - 40))).toBeUndefined()
    expect(bytesInput(`${text} {}`)).toBeUndefined()
  })

  describe('on a document longer than the text limit', () => {
    const text = fixtureText('terraform/kitchen-sink.json')
    const small: SectionOptions = { maxTextBytes: 6000 }

    it('reads it element by element', () => {
      expect(text.length).toBeGreaterThan(6000)
      const old = readPlan({ source: 'p', text })
      expect(bytesInput(text, small, 'p')).toEqual(old)
    })

    it('refuses garbage after the top-level object', () => {
      expect(() =>
        bytesInput(`${text} x`, small)
      ).toThrowErrorMatchingInlineSnapshot(
        `[PlanParseError: plan.json: expected a JSON plan, found invalid JSON at byte 34125 (unexpected character after the end of the JSON value)]`
      )
    })

    it('refuses an unterminated string', () => {
      expect(() =>
        bytesInput(`${text.slice(0, text.lastIndexOf('"'))}`, small)
      ).toThrowErrorMatchingInlineSnapshot(
        `[PlanParseError: plan.json: expected a JSON plan, found JSON that ends early at byte 34115 (the file looks truncated)]`
      )
    })

    it('refuses a bad token inside an element without quoting it', () => {
      const hostile = text.replace(
        '"actions":["update"]',
        '"actions":[PGSECRET-token]'
      )
      expect(hostile).not.toBe(text)
      expect(bytesInput(hostile)).toBeUndefined()
      let message = ''
      try {
        bytesInput(hostile, { maxTextBytes: 6000, elementwiseBytes: 0 })
      } catch (error) {
        message = String(error)
      }
      expect(message).toMatch(/invalid JSON at byte \d+/)
      expect(message).not.toContain('PGSECRET')
    })

    it('refuses deep nesting inside an element', () => {
      const deep = `${'['.repeat(600)}${']'.repeat(600)}`
      const hostile = text.replace(
        '"resource_changes":[',
        `"resource_changes":[${deep},`
      )
      expect(hostile).not.toBe(text)
      expect(() =>
        bytesInput(hostile, small)
      ).toThrowErrorMatchingInlineSnapshot(
        `[PlanParseError: plan.json: expected JSON nested at most 500 levels deep, found JSON nested deeper than the limit at byte 7190; plangate refuses deeper input (real plans nest under 30 levels)]`
      )
    })

    it('refuses a value outside the long arrays that is longer than the limit', () => {
      const doc = JSON.parse(text) as Record<string, unknown>
      doc.configuration = { root_module: { note: 'x'.repeat(7000) } }
      expect(() =>
        bytesInput(JSON.stringify(doc), small)
      ).toThrowErrorMatchingInlineSnapshot(
        `[PlanParseError: plan.json: expected each value outside the long arrays of a plan at most 6000 bytes, found a value of 7027 bytes at byte 29095; plangate reads plans larger than that only when their size is in resource_changes, resource_drift and the state sections]`
      )
    })
  })
})
