import { describe, expect, it } from 'vitest'
import { readPlan } from '../../src/plan/index.js'
import {
  checkJsonNesting,
  findDeepNesting,
  jsonPathAt,
  MAX_NESTING,
  parseJsonText
} from '../../src/plan/json-text.js'
import { PlanParseError } from '../../src/plan/errors.js'
import { fixtureText } from '../helpers.js'

const nested = (depth: number, leaf = '1'): string =>
  '['.repeat(depth) + leaf + ']'.repeat(depth)

describe('findDeepNesting', () => {
  it.each([
    ['flat', '{"a":1,"b":[1,2]}', 2, -1],
    ['exactly at the limit', nested(3), 3, -1],
    ['one past the limit', nested(4), 3, 3],
    ['objects and arrays count alike', '{"a":[{"b":[1]}]}', 3, 11],
    ['brackets in strings do not count', '["[[[[{{{{"]', 1, -1],
    ['an escaped quote does not end a string', '["\\"[[[["]', 1, -1],
    ['an escaped backslash ends before the quote', '["\\\\",[1]]', 1, 6],
    ['three backslashes keep the string open', '["\\\\\\"[[",1]', 1, -1],
    ['unicode escapes are plain text', '["\\u005b[["]', 1, -1],
    ['an unterminated string ends the scan', '["[[[[', 1, -1],
    ['closing brackets never go below zero', ']]]]' + nested(2), 2, -1],
    ['invalid JSON is scanned as far as it goes', '[[x[', 2, 3]
  ])('%s', (_name, text, limit, offset) => {
    expect(findDeepNesting(text, limit)).toBe(offset)
  })

  it('is linear on a document nested a million levels deep', () => {
    const start = Date.now()
    expect(findDeepNesting(nested(1_000_000), MAX_NESTING)).toBe(MAX_NESTING)
    expect(Date.now() - start).toBeLessThan(2_000)
  })
})

describe('jsonPathAt', () => {
  it('names keys and indexes down to the offset', () => {
    const text = '{"resource_changes":[{},{"change":{"after":{"tags":['
    expect(jsonPathAt(text, text.length - 1)).toBe(
      '$.resource_changes[1].change.after.tags'
    )
  })

  it('does not quote keys that do not look like names (they may be secrets)', () => {
    const text = '{"m":{"hunter2 password":{"x,y":['
    expect(jsonPathAt(text, text.length - 1)).toBe('$.m["…"]["…"]')
  })

  it('skips keys and values that are strings holding brackets and commas', () => {
    const text = '{"a":"[,{","b":["x,]",{"c":['
    expect(jsonPathAt(text, text.length - 1)).toBe('$.b[1].c')
  })

  it('elides a long path', () => {
    const text = '{"a":'.repeat(40)
    expect(jsonPathAt(text, text.length)).toBe(
      '$.a.a.a.a.a.a.a.a.a.a.a.a… (28 more levels)'
    )
  })
})

describe('checkJsonNesting', () => {
  it('explains where the limit was passed', () => {
    const text = `{"steps":[{"inputs":${nested(MAX_NESTING)}}]}`
    expect(() =>
      parseJsonText(text, 'preview.json')
    ).toThrowErrorMatchingInlineSnapshot(
      `[PlanParseError: preview.json: expected JSON nested at most 500 levels deep, found JSON nested deeper than 500 levels at $.steps[0].inputs[0][0][0][0][0][0][0][0][0]… (488 more levels) (line 1, column 518); plangate refuses deeper input (real plans nest under 30 levels)]`
    )
  })

  it('accepts every fixture', () => {
    for (const name of [
      'terraform/kitchen-sink.json',
      'terraform/nested-modules.json',
      'pulumi/secrets.json',
      'cloudformation/cfn-changeset-nested.json',
      'cdk/kitchen-sink/head.template.json'
    ])
      expect(() => checkJsonNesting(fixtureText(name), name)).not.toThrow()
  })

  it('runs before any reader: a deep Terraform plan is a PlanParseError', () => {
    const doc = fixtureText('terraform/update.json').replace(
      '"after":{',
      `"after":{"deep": ${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)},`
    )
    expect(doc).toContain('"deep"')
    expect(() => readPlan({ source: 'plan.json', text: doc })).toThrow(
      PlanParseError
    )
  })
})
