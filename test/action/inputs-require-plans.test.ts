import { describe, expect, it, vi } from 'vitest'
import { getInputs, InputError } from '../../src/action/inputs.js'

function withRequirePlans(value: string): void {
  vi.stubEnv('INPUT_PLAN', 'plan.json')
  vi.stubEnv('INPUT_REQUIRE-PLANS', value)
}

describe('input "require-plans"', () => {
  it('is empty (no check) when not given', () => {
    vi.stubEnv('INPUT_PLAN', 'plan.json')
    expect(getInputs().requirePlans).toEqual([])
  })

  it('reads one glob per line, skips comments and blank lines, never splits on commas', () => {
    withRequirePlans(
      '# every stack\nstacks/*\n\n  {apps,services}/*/infra  \n# done\n'
    )
    expect(getInputs().requirePlans).toEqual([
      'stacks/*',
      '{apps,services}/*/infra'
    ])
  })

  it('normalises ./ and trailing slashes, and drops duplicates', () => {
    withRequirePlans('./stacks/*/\nstacks/*\n./\nnetwork//')
    expect(getInputs().requirePlans).toEqual(['stacks/*', '.', 'network'])
  })

  it.each([
    ['/home/runner/stacks/*', 'absolute paths'],
    ['C:/stacks/*', 'absolute paths'],
    ['stacks\\*', 'backslashes'],
    ['../other/*', '".." segments'],
    ['stacks/../../*', '".." segments'],
    ['stacks/./x', '".." segments are not allowed'],
    ['!stacks/legacy', 'negated globs']
  ])('refuses %s', (line, why) => {
    withRequirePlans(`stacks/*\n${line}`)
    expect(getInputs).toThrow(InputError)
    expect(getInputs).toThrow(why)
    expect(getInputs).toThrow(JSON.stringify(line))
  })
})
