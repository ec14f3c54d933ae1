import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analyze.js'
import {
  MAX_DOCUMENTS,
  readPlan,
  readPlanDocuments
} from '../../src/plan/index.js'
import { fixtureJson, fixtureText, planErrorOf } from '../helpers.js'

// `terragrunt run-all show -json` writes one compact plan per module, one
// after another (each on a line of its own); the fixtures are real 1.11 plans.
const CREATE = JSON.stringify(fixtureJson('terraform/create.json'))
const UPDATE = JSON.stringify(fixtureJson('terraform/update.json'))
const DESTROY = JSON.stringify(
  fixtureJson('terraform/destroy-no-resource-config.json')
)

function errorFor(text: string): string {
  return planErrorOf(() => readPlanDocuments({ source: 'plans.json', text }))
}

describe('concatenated plans (terragrunt run-all show -json)', () => {
  it('reads each document as a plan of its own, named FILE#N', () => {
    const inputs = readPlanDocuments({
      source: 'plans.json',
      text: `${CREATE}\n${UPDATE}\n${DESTROY}\n`
    })
    expect(inputs.map((i) => i.source)).toEqual([
      'plans.json#1',
      'plans.json#2',
      'plans.json#3'
    ])
    const analysis = analyze(inputs)
    expect(analysis.plans.map((p) => p.source)).toEqual([
      'plans.json#1',
      'plans.json#2',
      'plans.json#3'
    ])
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.gated.map((g) => g.source)).toEqual([
      'plans.json#3'
    ])
  })

  it('a single document keeps the file name, pretty-printed or not', () => {
    const text = fixtureText('terraform/create.json')
    expect(
      readPlanDocuments({ source: 'plan.json', text }).map((i) => i.source)
    ).toEqual(['plan.json'])
  })

  it('readPlan (one document expected) says how many it found', () => {
    expect(() =>
      readPlan({ source: 'plans.json', text: `${CREATE}${UPDATE}` })
    ).toThrow(
      'plans.json: expected one JSON document, found 2 concatenated JSON documents'
    )
  })

  it('garbage between documents names the line and the document before it', () => {
    expect(
      errorFor(`${CREATE}\n${UPDATE}\nnot json\n${DESTROY}`)
    ).toMatchInlineSnapshot(
      `"plans.json: expected concatenated JSON objects (as \`terragrunt run-all show -json\` writes), found something other than a JSON object after document 2, at line 3, column 1; write each plan to a file of its own"`
    )
    // Garbage right after the first document: not known to be a concatenation.
    expect(errorFor(`${CREATE}\nnot json\n${UPDATE}`)).toContain(
      'found invalid JSON at line 2, column 1 (unexpected letter after the end of the JSON value)'
    )
  })

  it('a broken second document names its number and position', () => {
    expect(errorFor(`${CREATE}\n{"format_version": "1.2",}`)).toContain(
      'found invalid JSON in document 2 at line 2, column 26'
    )
    expect(errorFor(`${CREATE}\n{"format_version": "1.2"`)).toContain(
      'found JSON that ends early in document 2'
    )
  })

  it('10,000 concatenated empty objects are refused quickly (bounded)', () => {
    const started = performance.now()
    expect(errorFor('{}'.repeat(10_000))).toBe(
      `plans.json: expected at most ${MAX_DOCUMENTS} concatenated JSON documents (as \`terragrunt run-all show -json\` writes), found more; split the file, one plan per file`
    )
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('a few empty objects are each refused as not a plan, by name', () => {
    expect(errorFor('{}\n{}')).toContain(
      'plans.json#1: expected a plan plangate reads, found an empty JSON object'
    )
  })

  it('JSON after an array is not read as concatenated plans', () => {
    expect(errorFor('[]\n{}')).toContain(
      'found invalid JSON at line 2, column 1 (unexpected character "{" after the end of the JSON value)'
    )
  })
})
