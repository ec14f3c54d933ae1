import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  normalizePlans,
  PlanParseError,
  readPlan,
  readPlanDocuments
} from '../../src/plan/index.js'
import { MAX_DOCUMENTS } from '../../src/plan/json-text.js'
import { readTerraformPlanBytes } from '../../src/plan/terraform-sections.js'
import type { PlanInput } from '../../src/plan/index.js'
import type { SectionOptions } from '../../src/plan/terraform-sections.js'
import {
  fixtureJson,
  fixturePath,
  fixtureText,
  planErrorOf,
  terraformDataChange
} from '../helpers.js'
import { onePlanOfBytes } from '../support/plan-buffers.js'

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
  return materialized(onePlanOfBytes(Buffer.from(text), source, options))
}

/**
 * The byte reader's input with its lazy `resource_changes` walked into
 * `doc.resource_changes`, to compare with the text reader's.
 */
function materialized(input: PlanInput | undefined): PlanInput | undefined {
  if (input?.kind !== 'terraform' || input.changes === undefined) return input
  const { changes, ...rest } = input
  const all: unknown[] = []
  changes.forEach((element) => all.push(element))
  expect(all).toHaveLength(changes.length)
  return { ...rest, doc: { ...rest.doc, resource_changes: all } }
}

function normalized(input: PlanInput): unknown {
  return normalizePlans([input]).plans
}

/**
 * What the byte reader should make of a plan the text reader read: the
 * same, except that a no-op change whose masks mark nothing has null for
 * its values, masks and unknowns (nothing reads them).
 */
function slimmed(old: PlanInput): PlanInput {
  if (old.kind !== 'terraform') return old
  const changes = old.doc.resource_changes
  if (!Array.isArray(changes)) return old
  return {
    ...old,
    doc: {
      ...old.doc,
      resource_changes: changes.map((entry: unknown) => {
        const change = (entry as { change?: Record<string, unknown> }).change
        if (
          change === undefined ||
          JSON.stringify(change.actions) !== '["no-op"]' ||
          /true/.test(
            JSON.stringify([change.before_sensitive, change.after_sensitive])
          )
        )
          return entry
        const quiet: Record<string, unknown> = { ...change }
        for (const key of [
          'before',
          'after',
          'before_sensitive',
          'after_sensitive',
          'after_unknown'
        ])
          if (key in quiet) quiet[key] = null
        return { ...(entry as object), change: quiet }
      })
    }
  }
}

describe('readTerraformPlanBytes', () => {
  it.each(FIXTURES)('reads %s as the text reader does', (name) => {
    const text = fixtureText(name)
    const old = readPlan({ source: name, text })
    for (const options of [LARGE, TINY]) {
      const lazy = onePlanOfBytes(Buffer.from(text), name, options)
      const input = materialized(lazy)
      expect(input).toBeDefined()
      if (input === undefined) return
      expect(input.secrets).toEqual(old.secrets)
      expect(input).toEqual(slimmed(old))
      // Normalised from the lazy input, as the review does.
      if (lazy !== undefined) expect(normalized(lazy)).toEqual(normalized(old))
      // Read for its secrets alone (the first of two passes): the same secrets.
      const marked = onePlanOfBytes(Buffer.from(text), name, {
        ...options,
        secretsOnly: true
      })
      expect(marked?.secrets).toEqual(old.secrets)
      expect(normalized(input)).toEqual(normalized(old))
    }
  })

  it('reads a plan with a UTF-8 byte order mark', () => {
    const text = fixtureText('terraform/sensitive.json')
    const old = readPlan({ source: 'p', text })
    expect(bytesInput(`\uFEFF${text}`, LARGE, 'p')).toEqual(slimmed(old))
  })

  it('masks a secret marked only in the last change in the first change too', () => {
    const secret = 'hunter2-late-secret'
    const change = (name: string, value: string, sensitive: boolean): unknown =>
      terraformDataChange(name, {
        after: value,
        afterMask: sensitive ? { input: true } : {}
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

  describe('a no-op change', () => {
    const noOp = (
      name: string,
      value: unknown,
      mask: unknown
    ): Record<string, unknown> =>
      terraformDataChange(name, {
        actions: ['no-op'],
        before: value,
        after: value,
        beforeMask: mask,
        afterMask: mask
      })
    const update = (name: string, value: string): Record<string, unknown> =>
      terraformDataChange(name, { after: value })
    const plan = (changes: unknown[]): string =>
      JSON.stringify({ format_version: '1.2', resource_changes: changes })

    it('is read without its values when its masks mark nothing', () => {
      const text = plan([noOp('quiet', 'x'.repeat(5000), { input: false })])
      for (const options of [LARGE, TINY]) {
        const input = bytesInput(text, options)
        if (input?.kind !== 'terraform') throw new Error('not read')
        const [entry] = input.doc.resource_changes as {
          change: Record<string, unknown>
        }[]
        expect(entry?.change).toEqual({
          actions: ['no-op'],
          before: null,
          after: null,
          after_unknown: null,
          before_sensitive: null,
          after_sensitive: null
        })
        expect(normalized(input)).toEqual(
          normalized(readPlan({ source: 'plan.json', text }))
        )
      }
    })

    it('is refused at the bad token that follows its left-out values', () => {
      const quiet = noOp('quiet', 'x'.repeat(300), { input: false })
      const change = quiet.change as Record<string, unknown>
      // After every value the reader leaves out: its offset maps past them.
      change.zz = 'BAD-TOKEN'
      const text = plan([update('first', 'v'), quiet]).replace(
        '"BAD-TOKEN"',
        'nul'
      )
      const at = text.indexOf('nul}') + 'nul'.length
      for (const options of [LARGE, TINY]) {
        const input = onePlanOfBytes(Buffer.from(text), 'p', options)
        if (input === undefined) throw new Error('not read')
        expect(() => normalizePlans([input])).toThrow(
          `found invalid JSON in the resource change resource_changes[1] at line 1, column ${at + 1} (unexpected character "}")`
        )
      }
    })

    it('keeps its values when a mask marks one, and masks that secret in every other change', () => {
      const secret = 'no-op-held-secret-31'
      const text = plan([
        update('shows', secret),
        noOp('holds', secret, { input: true })
      ])
      for (const options of [LARGE, TINY]) {
        const input = bytesInput(text, options)
        expect(input?.secrets.has(secret)).toBe(true)
        if (input === undefined) return
        expect(JSON.stringify(normalized(input))).not.toContain(secret)
      }
    })

    it('is read whole when its key names are escaped, as JSON.parse reads them', () => {
      const secret = 'escaped-key-secret-77'
      // "\u0063hange" is "change" and "\u0061fter_sensitive" is "after_sensitive".
      const text = plan([update('shows', secret), noOp('holds', secret, {})])
        .replace(
          '"change":{"actions":["no-op"]',
          '"\\u0063hange":{"actions":["no-op"]'
        )
        .replace(
          '"after_sensitive":{}}}]',
          '"\\u0061fter_sensitive":{"input":true}}}]'
        )
      expect(text).toContain('\\u0063hange')
      expect(text).toContain('\\u0061fter_sensitive')
      const old = readPlan({ source: 'plan.json', text })
      expect(old.secrets.has(secret)).toBe(true)
      for (const options of [LARGE, TINY]) {
        const input = bytesInput(text, options)
        expect(input?.secrets).toEqual(old.secrets)
      }
    })

    it('is read as JSON.parse reads duplicate keys: the last change counts', () => {
      const secret = 'duplicate-key-secret-5'
      const quiet = JSON.stringify(noOp('holds', secret, {}))
      const marked = JSON.stringify(noOp('holds', secret, { input: true }))
      // The first change marks the secret, the last does not: JSON.parse keeps the last.
      const both = `${marked.slice(0, -1)},"change":${JSON.stringify(
        (JSON.parse(quiet) as { change: unknown }).change
      )}}`
      const text = `{"format_version":"1.2","resource_changes":[${both}]}`
      const old = readPlan({ source: 'plan.json', text })
      expect(old.secrets.has(secret)).toBe(false)
      for (const options of [LARGE, TINY]) {
        const input = bytesInput(text, options)
        expect(input?.secrets).toEqual(old.secrets)
        if (input === undefined) return
        expect(normalized(input)).toEqual(normalized(old))
      }
    })
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
    expect(input).toEqual(slimmed(old))
  })

  describe('finds the data sources and depends_on of the state sections however they are written', () => {
    /** sensitive.json with a data source in planned_values and a depends_on in prior_state. */
    function stateText(dependsOn = true): string {
      const doc = fixtureJson('terraform/sensitive.json')
      const planned = doc.planned_values as {
        root_module: { resources?: unknown[] }
      }
      planned.root_module.resources = [
        ...(planned.root_module.resources ?? []),
        {
          address: 'data.external.token',
          mode: 'data',
          type: 'external',
          name: 'token',
          values: { result: { token: 'data-source-secret-2' } },
          sensitive_values: { result: { token: true } }
        }
      ]
      const prior = doc.prior_state as {
        values: { root_module: { resources: Record<string, unknown>[] } }
      }
      const [first] = prior.values.root_module.resources
      if (first === undefined) throw new Error('no prior resource')
      if (dependsOn) first.depends_on = ['terraform_data.upstream']
      return JSON.stringify(doc)
    }

    it.each([
      ['as Terraform writes them', (text: string) => text],
      [
        'with the mode escaped',
        (text: string) => text.replace('"mode":"data"', '"mode":"\\u0064ata"')
      ],
      [
        'with the key escaped',
        (text: string) => text.replace('"mode":"data"', '"\\u006dode":"data"')
      ],
      [
        'with depends_on escaped',
        (text: string) => text.replace('"depends_on":', '"depends\\u005fon":')
      ],
      [
        'pretty-printed',
        (text: string) => JSON.stringify(JSON.parse(text), null, 2)
      ],
      [
        'with a later mode that wins (managed, then data)',
        (text: string) =>
          text.replace('"mode":"data"', '"mode":"managed","mode":"data"')
      ]
    ])('%s', (_, variant) => {
      const text = variant(stateText())
      const old = readPlan({ source: 'p', text })
      expect(old.secrets.has('data-source-secret-2')).toBe(true)
      // The prior state's depends_on is an edge of the input's dependency graph.
      const without = readPlan({ source: 'p', text: variant(stateText(false)) })
      expect(slimmed(without)).not.toEqual(slimmed(old))
      expect(bytesInput(text, TINY, 'p')).toEqual(slimmed(old))
    })

    it('reads a resource whose last mode is managed as managed', () => {
      const text = stateText().replace(
        '"mode":"data"',
        '"mode":"data","mode":"managed"'
      )
      const old = readPlan({ source: 'p', text })
      expect(old.secrets.has('data-source-secret-2')).toBe(false)
      expect(bytesInput(text, TINY, 'p')).toEqual(slimmed(old))
    })
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
      expect(bytesInput(text, small, 'p')).toEqual(slimmed(old))
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
      // The change is parsed when normalisation reaches it, and refused
      // there, at the token that is not JSON (a column on line 1).
      const column = hostile.indexOf('[PGSECRET') + 2
      for (const options of [LARGE, TINY, small]) {
        const input = onePlanOfBytes(Buffer.from(hostile), 'p', options)
        if (input === undefined) throw new Error('not read')
        let error: unknown
        try {
          normalizePlans([input])
        } catch (caught) {
          error = caught
        }
        expect(error).toBeInstanceOf(PlanParseError)
        const message = String(error)
        const index = (
          JSON.parse(text) as {
            resource_changes: { change: { actions: string[] } }[]
          }
        ).resource_changes.findIndex((r) => r.change.actions[0] === 'update')
        expect(message).toContain(
          `found invalid JSON in the resource change resource_changes[${index}] at line 1, column ${column} (unexpected letter)`
        )
        expect(message).not.toContain('PGSECRET')
        // The change that fails, whichever part it was parsed in.
        expect(message).toMatch(new RegExp(`column ${column}\\b`))
      }
    })

    it('refuses a key with a bad escape as bad JSON, never as a JSON.parse error', () => {
      // Found by the fuzzer: a key the scanner decodes itself.
      const hostile = text.replace('"actions":', '"act\\qPGSECRET":')
      expect(hostile).not.toBe(text)
      // Under the string limit, the text reader explains it.
      expect(onePlanOfBytes(Buffer.from(hostile), 'p', LARGE)).toBe(undefined)
      // Past it (here: a small limit), the byte offset of the key.
      const at = hostile.indexOf('"act\\q')
      expect(() => bytesInput(hostile, small)).toThrow(
        `found invalid JSON at byte ${at} (a property name with a bad escape)`
      )
      expect(() => bytesInput(hostile, small)).not.toThrow(/PGSECRET/)
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

describe('readTerraformPlanBytes on plans written one after another (terragrunt run-all show -json)', () => {
  const NAMES = [
    'terraform/sensitive.json',
    'terraform/kitchen-sink.json',
    'terraform-newer/actions-1.14.json'
  ]

  it.each([
    ['a newline', '\n'],
    ['nothing', ''],
    ['white space of every kind', ' \r\n\t ']
  ])('reads each as readPlanDocuments does, with %s between them', (_, gap) => {
    const text = NAMES.map((name) => fixtureText(name)).join(gap)
    const old = readPlanDocuments({ source: 'plans.json', text })
    expect(old).toHaveLength(3)
    for (const options of [LARGE, TINY]) {
      const plans = readTerraformPlanBytes(
        Buffer.from(text),
        'plans.json',
        options
      )
      expect(plans?.map((plan) => plan.source)).toEqual([
        'plans.json#1',
        'plans.json#2',
        'plans.json#3'
      ])
      expect(plans?.map(materialized)).toEqual(old.map(slimmed))
      // One review of them all: each masks the secrets of every other.
      expect(normalizePlans(plans ?? []).plans).toEqual(
        normalizePlans(old).plans
      )
    }
  })

  it('reads a byte order mark before the first plan, and white space after the last', () => {
    const text = `\uFEFF${fixtureText(NAMES[0] as string)}\n${fixtureText(NAMES[1] as string)}\n\n`
    const old = readPlanDocuments({ source: 'p', text })
    const plans = readTerraformPlanBytes(Buffer.from(text), 'p', LARGE)
    expect(plans?.map(materialized)).toEqual(old.map(slimmed))
  })

  it('masks a secret marked in a later plan wherever an earlier one holds it', () => {
    const secret = 'PGSECRET-var-db-password-new-91c2'
    const earlier = fixtureJson('terraform/create.json') as {
      resource_changes: { change: { after: { input: unknown } } }[]
    }
    const web = earlier.resource_changes[2]
    if (web === undefined) throw new Error('create.json has changed')
    web.change.after.input = secret
    const text = `${JSON.stringify(earlier)}\n${fixtureText('terraform/sensitive.json')}`
    const plans = readTerraformPlanBytes(Buffer.from(text), 'p', LARGE) ?? []
    expect(plans).toHaveLength(2)
    const review = JSON.stringify(normalizePlans(plans))
    expect(review).not.toContain(secret)
    expect(review).toContain(
      '{"path":"input","before":{"kind":"absent"},"after":{"kind":"sensitive"}'
    )
  })

  it.each([
    ['a CloudFormation change set', 'cloudformation/add.json'],
    ['Terraform state JSON', 'peers-state'],
    ['an empty object', '{}']
  ])(
    'leaves a file to the general reader when a document is not a plan: %s',
    (_, second) => {
      const other =
        second === 'peers-state'
          ? '{"format_version":"1.0","terraform_version":"1.11.0","values":{"root_module":{}}}'
          : second.endsWith('.json')
            ? fixtureText(second)
            : second
      const text = `${fixtureText('terraform/create.json')}\n${other}`
      expect(readTerraformPlanBytes(Buffer.from(text), 'p', LARGE)).toBe(
        undefined
      )
    }
  )

  it('leaves a file to the general reader when something other than an object follows a plan', () => {
    for (const tail of [' x', '\n[1]', ' "plan"', '}'])
      expect(
        readTerraformPlanBytes(
          Buffer.from(`${fixtureText('terraform/create.json')}${tail}`),
          'p',
          LARGE
        ),
        tail
      ).toBe(undefined)
  })

  it('refuses more documents than one file may hold, in the general reader’s words', () => {
    const tiny = '{"format_version":"1.2","resource_changes":[]}\n'
    const text = tiny.repeat(MAX_DOCUMENTS + 1)
    const message = planErrorOf(() =>
      readTerraformPlanBytes(Buffer.from(text), 'p', LARGE)
    )
    expect(message).toBe(
      planErrorOf(() => readPlanDocuments({ source: 'p', text }))
    )
    expect(message).toContain(
      `at most ${MAX_DOCUMENTS} concatenated JSON documents`
    )
    // As many as it may hold are read.
    expect(
      readTerraformPlanBytes(
        Buffer.from(tiny.repeat(MAX_DOCUMENTS)),
        'p',
        LARGE
      )
    ).toHaveLength(MAX_DOCUMENTS)
  })
})
