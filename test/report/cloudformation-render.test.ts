import { describe, expect, it } from 'vitest'
import { countChanges, decideGate } from '../../src/gate/index.js'
import type { Analysis } from '../../src/model.js'
import {
  normalizeChangeSets,
  readChangeSet
} from '../../src/plan/cloudformation.js'
import { parseJsonText } from '../../src/plan/index.js'
import { createRedactor } from '../../src/redact/index.js'
import {
  localView,
  renderMarkdown,
  renderSummary,
  renderText
} from '../../src/report/index.js'
import { fixtureText } from '../helpers.js'

/** Reads and analyses change set fixtures the way `analyze()` does for Terraform plans. */
function analyzeChangeSets(...names: string[]): Analysis {
  const inputs = names.map((name) => {
    const source = `cloudformation/${name}`
    return readChangeSet(parseJsonText(fixtureText(source), source), source)
  })
  const secrets = new Set<string>()
  for (const input of inputs)
    for (const secret of input.secrets) secrets.add(secret)
  const plans = normalizeChangeSets(inputs, createRedactor(secrets))
  return {
    plans,
    summary: countChanges(plans),
    decision: decideGate(plans),
    warnings: plans.flatMap((plan) => plan.warnings)
  }
}

/** The two reference samples: together (one plan), and each alone. */
const SAMPLES: readonly [title: string, names: readonly string[]][] = [
  [
    'root and nested sample together',
    ['cfn-changeset.json', 'cfn-changeset-nested.json']
  ],
  ['root sample alone (nested change set missing)', ['cfn-changeset.json']],
  ['nested sample alone (parent missing)', ['cfn-changeset-nested.json']]
]

describe('renderers on CloudFormation change sets', () => {
  it.each(SAMPLES)('text: %s', (_title, names) => {
    expect(
      renderText(analyzeChangeSets(...names), { color: false })
    ).toMatchSnapshot()
  })

  it.each(SAMPLES)('markdown: %s', (_title, names) => {
    const analysis = analyzeChangeSets(...names)
    expect(renderMarkdown(analysis).tier).toBe('full')
    expect(renderSummary(analysis, localView(analysis))).toMatchSnapshot()
  })
})
