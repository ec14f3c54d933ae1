import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../src/model.js'
import { countChanges, decideGate } from '../../src/gate/index.js'
import {
  normalizePulumiPreview,
  readPulumiPreview
} from '../../src/plan/pulumi.js'
import { createRedactor } from '../../src/redact/index.js'
import {
  localView,
  renderComment,
  renderJson,
  renderMarkdown,
  renderSummary,
  renderText
} from '../../src/report/index.js'
import { fixtureJson } from '../helpers.js'
import { namedAddresses } from '../support/address-tree.js'

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
    const analysis = analyzePulumiFixture(name)
    expect(renderMarkdown(analysis).tier).toBe('full')
    expect(renderSummary(analysis, localView(analysis))).toMatchSnapshot()
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
    for (const maxChars of [6_000, 4_000]) {
      const { body, hidden } = renderComment(analysis, {
        state: 'blocked',
        statusContext: 'plangate/main',
        headSha: '0'.repeat(40),
        digest: '0123456789abcdef',
        maxChars
      })
      expect(body.length).toBeLessThanOrEqual(maxChars)
      expect(hidden).toBe(0)
      const named = namedAddresses(body)
      for (const gated of analysis.decision.gated)
        expect(named).toContain(gated.address)
    }
  })
})
