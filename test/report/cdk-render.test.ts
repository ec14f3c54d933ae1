import { describe, expect, it } from 'vitest'
import { countChanges, decideGate } from '../../src/gate/index.js'
import {
  pairCdkOutStacks,
  readCdkOutStacks,
  readTemplateSide
} from '../../src/io/cdk-out.js'
import type { Analysis, Plan } from '../../src/model.js'
import {
  normalizeTemplateDiff,
  prepareTemplateDiff,
  readTemplatePair
} from '../../src/plan/cdk.js'
import type { TemplateSide } from '../../src/plan/cdk.js'
import { parseJsonText } from '../../src/plan/index.js'
import {
  normalizeTerraformPlan,
  readTerraformPlan
} from '../../src/plan/terraform.js'
import { createRedactor } from '../../src/redact/index.js'
import {
  localView,
  renderMarkdown,
  renderSummary,
  renderText
} from '../../src/report/index.js'
import {
  everyOutput,
  fixtureJson,
  fixturePath,
  fixtureText,
  secretsIn
} from '../helpers.js'

interface Pair {
  readonly before: TemplateSide
  readonly after: TemplateSide
  readonly stackName?: string
}

function pairOf(scenario: string): Pair {
  const side = (which: string): TemplateSide => {
    const name = `cdk/${scenario}/${which}.template.json`
    return { source: name, doc: fixtureJson(name) }
  }
  return { before: side('base'), after: side('head') }
}

/**
 * What the CLI will do with template pairs: read each pair, run the heavy
 * step, then normalise every plan with one redactor over the secrets of all
 * inputs (here also those of extra Terraform plans) and decide. Identical
 * warnings (the template-diff caveat, once per stack) are shown once.
 */
async function analyzeTemplates(
  pairs: readonly Pair[],
  terraform: readonly { source: string; text: string }[] = []
): Promise<Analysis> {
  const inputs = pairs.map((p) =>
    readTemplatePair(p.before, p.after, p.stackName)
  )
  const prepared = await Promise.all(inputs.map(prepareTemplateDiff))
  const tfInputs = terraform.map((t) =>
    readTerraformPlan(parseJsonText(t.text, t.source), t.source)
  )
  const redactor = createRedactor([
    ...inputs.flatMap((input) => [...input.secrets]),
    ...tfInputs.flatMap((input) => [...input.secrets])
  ])
  const plans: Plan[] = [
    ...prepared.map((input) => normalizeTemplateDiff(input, redactor)),
    ...tfInputs.map((input) => normalizeTerraformPlan(input, redactor))
  ]
  return {
    plans,
    summary: countChanges(plans),
    decision: decideGate(plans),
    warnings: [...new Set(plans.flatMap((plan) => plan.warnings))]
  }
}

/** The cdk.out fixtures, with sources relative to the fixture folder for stable snapshots. */
function cdkOutPairs(): Pair[] {
  const base = fixturePath('cdk/cdk-out-base')
  const head = fixturePath('cdk/cdk-out-head')
  const noStdin = (): Buffer => Buffer.alloc(0)
  const relative = (side: TemplateSide): TemplateSide => ({
    ...side,
    source: side.source.replace(fixturePath('cdk'), 'cdk')
  })
  return pairCdkOutStacks(readCdkOutStacks(base), readCdkOutStacks(head)).map(
    (pair) => ({
      before: relative(readTemplateSide(pair.before, noStdin)),
      after: relative(readTemplateSide(pair.after, noStdin)),
      stackName: pair.stackName
    })
  )
}

describe('rendering a template comparison', () => {
  it('text: kitchen-sink', async () => {
    const analysis = await analyzeTemplates([pairOf('kitchen-sink')])
    expect(renderText(analysis, { color: false })).toMatchSnapshot()
  })

  it('markdown: kitchen-sink', async () => {
    const analysis = await analyzeTemplates([pairOf('kitchen-sink')])
    expect(renderMarkdown(analysis).tier).toBe('full')
    expect(renderSummary(analysis, localView(analysis))).toMatchSnapshot()
  })

  it('text: two cdk.out directories (changed, new, deleted and staged stacks)', async () => {
    const analysis = await analyzeTemplates(cdkOutPairs())
    expect(renderText(analysis, { color: false })).toMatchSnapshot()
  })

  it('markdown: two cdk.out directories', async () => {
    const analysis = await analyzeTemplates(cdkOutPairs())
    expect(renderSummary(analysis, localView(analysis))).toMatchSnapshot()
  })

  it('blocks on replacements (also one that keeps the old object), possible replacements and destroys', async () => {
    const analysis = await analyzeTemplates([pairOf('kitchen-sink')])
    expect(analysis.decision.verdict).toBe('blocked')
    expect(
      analysis.decision.gated.map((g) => `${g.action} ${g.address}`).sort()
    ).toEqual([
      'destroy HighErrorRateAlarm9D0B6C4E',
      'destroy ReportingDbA1B2C3D4',
      'replace BastionHost30F9ED05',
      'replace DataBucketE3889A50',
      'replace DataBucketPolicy7A4B1C2D',
      'replace OrderEvents5C8D2E1F',
      'replace OrdersTable4E3B1B0C'
    ])
    expect(analysis.summary).toMatchObject({
      create: 1,
      update: 5,
      replace: 5,
      destroy: 2,
      forget: 1,
      'no-op': 3,
      destructive: 7
    })
  })

  it('passes a pair with no destructive change', async () => {
    const analysis = await analyzeTemplates([pairOf('update')])
    expect(analysis.decision).toMatchObject({
      verdict: 'pass',
      summary: 'no destroy or replace: nothing needs approval'
    })
  })
})

describe('a NoEcho parameter default appears in no output', () => {
  const secretText = [
    fixtureText('cdk/no-echo-secret/base.template.json'),
    fixtureText('cdk/no-echo-secret/head.template.json')
  ].join('\n')

  it('the fixtures really hold the secrets in clear text, copied into resources and outputs', () => {
    expect(secretsIn(secretText)).toEqual([
      'PGSECRET-db-password-3f9a1c',
      'PGSECRET-api-key-77b2e0d5',
      'PGSECRET-api-key-rotated-19e4'
    ])
    // The copies outside Parameters are what masking has to catch.
    const head = fixtureJson('cdk/no-echo-secret/head.template.json')
    const { Parameters: _, ...rest } = head
    expect(secretsIn(JSON.stringify(rest))).toHaveLength(2)
  })

  it.each(['no-echo-secret', 'kitchen-sink'])(
    '%s: text, Markdown (every tier), JSON, warnings',
    async (scenario) => {
      const analysis = await analyzeTemplates([pairOf(scenario)])
      for (const output of everyOutput(analysis)) {
        expect(output).not.toContain('PGSECRET')
        for (const secret of secretsIn(secretText))
          expect(output).not.toContain(secret)
      }
      expect(renderText(analysis, { color: false })).toContain('(sensitive)')
    }
  )

  it('for a new and a deleted stack too', async () => {
    const { before, after } = pairOf('no-echo-secret')
    const none: TemplateSide = { source: '(no template)', doc: {} }
    const analysis = await analyzeTemplates([
      { before: none, after, stackName: 'New' },
      { before, after: none, stackName: 'Gone' }
    ])
    for (const output of everyOutput(analysis))
      expect(output).not.toContain('PGSECRET')
  })

  it('and is masked in a Terraform plan reviewed in the same run', async () => {
    const plan = fixtureJson('terraform/update.json')
    const [entry] = plan.resource_changes as {
      change: { after: Record<string, unknown> }
    }[]
    if (entry === undefined) throw new Error('fixture has no change')
    entry.change.after = {
      ...entry.change.after,
      input: 'jdbc:postgresql://db/app?password=PGSECRET-db-password-3f9a1c'
    }
    const analysis = await analyzeTemplates(
      [pairOf('no-echo-secret')],
      [{ source: 'tf.json', text: JSON.stringify(plan) }]
    )
    for (const output of everyOutput(analysis))
      expect(output).not.toContain('PGSECRET')
  })
})
