import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizePlans } from '../../src/plan/index.js'
import type { PlanInput } from '../../src/plan/index.js'
import { planBuffer } from '../../src/plan/json-skip.js'
import { readTerraformPlanBytes } from '../../src/plan/terraform-sections.js'
import { readTerraformPlanStream } from '../../src/plan/terraform-stream.js'
import { MAX_DOCUMENTS } from '../../src/plan/json-text.js'
import type {
  ByteSource,
  StreamOptions
} from '../../src/plan/terraform-stream.js'
import { fixturePath, fixtureText, planErrorOf } from '../helpers.js'
import { bigPlan } from '../support/big-plans.js'
import { onePlanOfBytes, onePlanOfStream } from '../support/plan-buffers.js'

const FIXTURES = ['terraform', 'terraform-newer', 'opentofu'].flatMap((dir) =>
  readdirSync(fixturePath(dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${dir}/${name}`)
)

const MAX_TEXT = 512 * 1024 * 1024 - 64

/** The bytes of `data`, at most `step` at a time (a pipe gives what it has). */
function sourceOf(data: Buffer, step = Number.MAX_SAFE_INTEGER): ByteSource {
  let at = 0
  return {
    read(into, offset, length) {
      const count = Math.min(length, step, data.length - at)
      into.set(data.subarray(at, at + count), offset)
      at += count
      return count
    }
  }
}

/** The input with its lazy `resource_changes` walked into `doc.resource_changes`. */
function materialized(input: PlanInput | undefined): PlanInput | undefined {
  if (input?.kind !== 'terraform' || input.changes === undefined) return input
  const { changes, ...rest } = input
  const all: unknown[] = []
  changes.forEach((element, index) => {
    expect(index).toBe(all.length)
    all.push(element)
  })
  expect(all).toHaveLength(changes.length)
  return { ...rest, doc: { ...rest.doc, resource_changes: all } }
}

function streamed(
  data: Buffer,
  options: Partial<StreamOptions> = {},
  step?: number
): PlanInput {
  return onePlanOfStream(sourceOf(data, step), 'plan.json', {
    maxTextBytes: MAX_TEXT,
    ...options
  })
}

/** Window sizes from smaller than a change to larger than the plan, and reads of a few bytes. */
const SHAPES: readonly [Partial<StreamOptions>, number | undefined][] = [
  [{}, undefined],
  [{ windowBytes: 64, keptChunkBytes: 1 }, undefined],
  [{ windowBytes: 300, keptChunkBytes: 700 }, 7],
  [{ windowBytes: 4096, elementwiseBytes: 0 }, 1000]
]

describe('readTerraformPlanStream', () => {
  it.each(FIXTURES)('reads %s as the sectioned reader does', (name) => {
    const data = Buffer.from(fixtureText(name))
    const whole = onePlanOfBytes(data, 'plan.json', {
      maxTextBytes: MAX_TEXT
    })
    expect(whole).toBeDefined()
    if (whole === undefined) return
    const expected = materialized(whole)
    const normal = normalizePlans([whole]).plans
    // Without resource_changes, the sectioned reader parses every state resource (for secrets); the stream, only those with some.
    const changes = whole.kind === 'terraform' && whole.changes !== undefined
    for (const [options, step] of SHAPES) {
      const input = streamed(data, options, step)
      if (changes) expect(materialized(input)).toEqual(expected)
      expect(input.secrets).toEqual(whole.secrets)
      expect(normalizePlans([input]).plans).toEqual(normal)
      const marked = streamed(data, { ...options, secretsOnly: true }, step)
      expect(marked.secrets).toEqual(whole.secrets)
    }
  })
})

describe('readTerraformPlanStream and the secrets of state resources', () => {
  it('collects what the state marks when the plan has no resource_changes, and leaves managed resources out when it has', () => {
    const plan = JSON.parse(fixtureText('terraform/sensitive.json')) as Record<
      string,
      unknown
    >
    const { resource_changes: _, ...stateOnly } = plan
    for (const [doc, changes] of [
      [stateOnly, false],
      [plan, true]
    ] as const) {
      // Indented: the state's resources are cut by windows of 200 bytes.
      const data = Buffer.from(JSON.stringify(doc, null, 2))
      const whole = onePlanOfBytes(data, 'plan.json', {
        maxTextBytes: MAX_TEXT
      })
      expect(whole).toBeDefined()
      const input = streamed(data, { windowBytes: 200 }, 61)
      expect(input.secrets).toEqual(whole?.secrets)
      expect(input.secrets.size).toBeGreaterThan(3)
      if (changes) expect(materialized(input)).toEqual(materialized(whole))
      else
        expect(normalizePlans([input]).plans).toEqual(
          normalizePlans([whole as PlanInput]).plans
        )
    }
  })
})

describe('readTerraformPlanStream from bytes already read', () => {
  it.each([100, 5000, 20_000])(
    'starts as the buffer of the first %i bytes (a pipe’s) and goes on after them',
    (first) => {
      const name = 'terraform/kitchen-sink.json'
      const data = Buffer.from(fixtureText(name))
      const whole = materialized(
        onePlanOfBytes(data, 'plan.json', { maxTextBytes: MAX_TEXT })
      )
      const held = planBuffer(first)
      data.copy(held, 0, 0, first)
      const rest = sourceOf(data.subarray(first), 999)
      let taken = 0
      const input = onePlanOfStream(
        {
          take: () => {
            taken++
            return held
          },
          read: (into, offset, length) => rest.read(into, offset, length)
        },
        'plan.json',
        { maxTextBytes: MAX_TEXT, windowBytes: 512 }
      )
      expect(taken).toBe(1)
      expect(materialized(input)).toEqual(whole)
    }
  )
})

describe('readTerraformPlanStream on a generated plan', () => {
  it('reads 1,500 changes across hundreds of windows, compact and indented, as the sectioned reader does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plangate-stream-'))
    try {
      const path = join(dir, 'plan.json')
      await bigPlan(path, 1500, { destructiveShare: 0.3 })
      const compact = readFileSync(path)
      const indented = Buffer.from(
        JSON.stringify(JSON.parse(compact.toString()), null, 2)
      )
      for (const data of [compact, indented]) {
        const whole = onePlanOfBytes(data, 'plan.json', {
          maxTextBytes: MAX_TEXT
        })
        expect(whole).toBeDefined()
        if (whole === undefined) return
        const expected = materialized(whole)
        for (const [options, step] of [
          [{ windowBytes: 16 * 1024, keptChunkBytes: 64 * 1024 }, 4093],
          [{ windowBytes: 1 << 20 }, undefined]
        ] as const) {
          const input = streamed(data, options, step)
          expect(materialized(input)).toEqual(expected)
          expect(normalizePlans([input]).plans).toEqual(
            normalizePlans([whole]).plans
          )
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('readTerraformPlanStream on plans written one after another (terragrunt run-all show -json)', () => {
  const sensitive = fixtureText('terraform/sensitive.json')
  const { resource_changes: _, ...stateOnly } = JSON.parse(sensitive) as Record<
    string,
    unknown
  >
  // Plans without resource_changes first and last: their state resources are read for their secrets, whatever the plans around them hold.
  const texts = [
    JSON.stringify(stateOnly),
    fixtureText('terraform/kitchen-sink.json'),
    sensitive,
    fixtureText('terraform/create.json'),
    JSON.stringify(stateOnly)
  ]

  it.each([
    ['a newline', '\n'],
    ['nothing', '']
  ])(
    'reads each as the sectioned reader does, with %s between them, through every window',
    (_, gap) => {
      const data = Buffer.from(texts.join(gap))
      const whole = readTerraformPlanBytes(data, 'plan.json', {
        maxTextBytes: MAX_TEXT
      })
      expect(whole?.map((plan) => plan.source)).toEqual([
        'plan.json#1',
        'plan.json#2',
        'plan.json#3',
        'plan.json#4',
        'plan.json#5'
      ])
      if (whole === undefined) return
      const normal = normalizePlans(whole).plans
      for (const [options, step] of SHAPES) {
        const plans = readTerraformPlanStream(
          sourceOf(data, step),
          'plan.json',
          {
            maxTextBytes: MAX_TEXT,
            ...options
          }
        )
        expect(plans.map((plan) => plan.source)).toEqual(
          whole.map((plan) => plan.source)
        )
        expect(plans.map((plan) => plan.secrets)).toEqual(
          whole.map((plan) => plan.secrets)
        )
        // Without resource_changes, state resources are read only as far as their secrets go.
        const withChanges = (plan: PlanInput): boolean =>
          plan.kind === 'terraform' && plan.changes !== undefined
        expect(plans.filter(withChanges).map(materialized)).toEqual(
          whole.filter(withChanges).map(materialized)
        )
        expect(plans.filter(withChanges)).toHaveLength(3)
        expect(normalizePlans(plans).plans).toEqual(normal)
      }
    }
  )

  it('names a later document that is not a plan by its place in the file', () => {
    const data = Buffer.from(
      `${texts[1]}\n${texts[2]}\n{"format_version":"1.0","terraform_version":"1.11.0","values":{"root_module":{}}}`
    )
    expect(() =>
      readTerraformPlanStream(sourceOf(data, 1000), 'plan.json', {
        maxTextBytes: MAX_TEXT,
        windowBytes: 4096
      })
    ).toThrow(
      /^plan\.json#3: expected a Terraform\/OpenTofu JSON plan .*, found Terraform state JSON/
    )
  })
})

describe('readTerraformPlanStream refuses', () => {
  const plan = Buffer.from(fixtureText('terraform/kitchen-sink.json'))
  const problem = (
    data: Buffer,
    options: Partial<StreamOptions> = { windowBytes: 256 }
  ): string => planErrorOf(() => materialized(streamed(data, options, 97)))

  it('a plan cut short, at any point, naming the byte where it ends', () => {
    for (const cut of [1, 40, 500, 1500, plan.length - 2]) {
      const message = problem(plan.subarray(0, cut))
      expect(message).toMatch(/^plan\.json: expected a JSON plan, found /)
      expect(message).toMatch(/at byte \d+/)
    }
  })

  it('bytes after the plan that are not another plan', () => {
    for (const tail of [' x', '\n[]', ' "plan"', '}'])
      expect(problem(Buffer.concat([plan, Buffer.from(tail)])), tail).toMatch(
        /^plan\.json: expected a JSON plan, found invalid JSON at byte \d+ \(unexpected character after the end of the JSON value\)$/
      )
    // An object after it is a second document, and this one is no plan.
    expect(problem(Buffer.concat([plan, Buffer.from(' {}')]))).toMatch(
      /^plan\.json#2: expected a Terraform\/OpenTofu JSON plan .*, found an empty JSON object/
    )
  })

  it('more documents than one file may hold', () => {
    const tiny = '{"format_version":"1.2","resource_changes":[]}'
    expect(
      problem(Buffer.from(`${tiny}\n`.repeat(MAX_DOCUMENTS + 1)), {})
    ).toBe(
      `plan.json: expected at most ${MAX_DOCUMENTS} concatenated JSON documents (as \`terragrunt run-all show -json\` writes), found more; split the file, one plan per file`
    )
  })

  it('a change that is not JSON, naming it and where it starts (and never its text)', () => {
    const text = plan.toString()
    const at = text.indexOf('"actions":["create"]')
    expect(at).toBeGreaterThan(0)
    const broken = Buffer.from(
      `${text.slice(0, at)}"actions":["create"],"x":tru3,${text.slice(at + 21)}`
    )
    const message = problem(broken)
    expect(message).toMatch(
      /invalid JSON in the resource change resource_changes\[\d+\], which starts at byte \d+/
    )
    expect(message).not.toContain('tru3')
  })

  it.each([
    ['[1, 2, 3]', 'found a JSON array'],
    ['{"Changes": []}', 'found'],
    ['{"format_version": 1, "resource_changes": []}', 'found'],
    [
      '{"format_version": "1.0", "terraform_version": "1.11.0", "values": {"root_module": {}}}',
      'found Terraform state JSON (`terraform show -json` without a plan file); pass the plan file'
    ],
    [
      '{"version": 4, "terraform_version": "1.11.0", "serial": 3, "lineage": "x", "outputs": {}, "resources": []}',
      'found a Terraform state file (terraform.tfstate)'
    ],
    [
      '{"time": "2026-12-07T12:10:50Z", "level": "stdout", "msg": "{\\"format_version\\":\\"1.2\\"}"}',
      "found a JSON log entry (`time`, `level`, `msg`), as Terragrunt's `--log-format json` wraps Terraform's output"
    ]
  ])('a document that is not a Terraform plan: %s', (text, found) => {
    const message = problem(Buffer.from(text))
    expect(message).toContain(
      'expected a Terraform/OpenTofu JSON plan (from `terraform show -json PLANFILE`)'
    )
    expect(message).toContain(found)
  })

  it('a document that is not JSON: what its beginning is, or the byte', () => {
    const line = `12:10:50.184 STDOUT [vpc] terraform: ${JSON.stringify(JSON.parse(plan.toString()))}\n`
    expect(problem(Buffer.from(line))).toMatch(
      /^plan\.json: expected a JSON plan, found Terragrunt's log of Terraform's output/
    )
    expect(problem(Buffer.from(`\n  "plan" ${'x'.repeat(5000)}`))).toBe(
      'plan.json: expected a JSON plan, found invalid JSON at byte 3 (expected a JSON object)'
    )
  })

  it('nesting past the limit', () => {
    const deep = `{"format_version":"1.2","resource_changes":[],"x":${'['.repeat(600)}${']'.repeat(600)}}`
    expect(problem(Buffer.from(deep))).toContain('nested')
  })

  it('an element longer than the longest text', () => {
    expect(problem(plan, { windowBytes: 64, maxTextBytes: 300 })).toMatch(
      /at most 300 bytes, found a longer one at byte \d+$/
    )
  })
})
