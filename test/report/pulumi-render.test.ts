import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../src/model.js'
import { countChanges, decideGate } from '../../src/gate/index.js'
import {
  normalizePulumiPreview,
  readPulumiPreview
} from '../../src/plan/pulumi.js'
import { createRedactor } from '../../src/redact/index.js'
import {
  renderJson,
  renderMarkdown,
  renderText
} from '../../src/report/index.js'
import { fixtureJson } from '../helpers.js'

/** Analyses one Pulumi fixture the way `analyze()` does. */
function analyzePulumiFixture(name: string): Analysis {
  const input = readPulumiPreview(fixtureJson(name), name)
  const plans = [normalizePulumiPreview(input, createRedactor(input.secrets))]
  return {
    plans,
    summary: countChanges(plans),
    decision: decideGate(plans),
    warnings: plans.flatMap((plan) => plan.warnings)
  }
}

const SNAPSHOT_FIXTURES = [
  'pulumi/pulumi-preview.json',
  'pulumi/replace-no-steps.json',
  'pulumi/secrets.json'
]

describe('renderers on Pulumi previews', () => {
  it.each(SNAPSHOT_FIXTURES)('text: %s', (name) => {
    expect(
      renderText(analyzePulumiFixture(name), { color: false })
    ).toMatchSnapshot()
  })

  it.each(SNAPSHOT_FIXTURES)('markdown: %s', (name) => {
    const report = renderMarkdown(analyzePulumiFixture(name))
    expect(report.tier).toBe('full')
    expect(report.markdown).toMatchSnapshot()
  })

  it('json: the reference sample', () => {
    expect(
      renderJson(analyzePulumiFixture('pulumi/pulumi-preview.json'), {
        name: 'plangate',
        version: '0.0.0-test'
      })
    ).toMatchSnapshot()
  })

  it('the smaller Markdown tiers keep every destructive address of the reference sample', () => {
    const analysis = analyzePulumiFixture('pulumi/pulumi-preview.json')
    for (const maxChars of [3_000, 1_500]) {
      const { markdown } = renderMarkdown(analysis, { maxChars })
      for (const gated of analysis.decision.gated)
        expect(markdown).toContain(gated.address)
    }
  })
})
