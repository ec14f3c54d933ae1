import { describe, expect, it } from 'vitest'
import { destructiveEntries } from '../../src/report/overview.js'
import { addressTree, splitModuleAddress } from '../../src/report/tree.js'
import { analyzeFixtures } from '../helpers.js'

describe('addressTree', () => {
  const analysis = analyzeFixtures('terraform/nested-modules.json')

  it('draws a frozen list once per form, and the lists of an analysis are frozen', () => {
    const { gated } = destructiveEntries(analysis)
    expect(Object.isFrozen(gated)).toBe(true)
    expect(gated.length).toBeGreaterThan(0)
    // The comment and the job summary ask for the same analysis: the same lists.
    expect(destructiveEntries(analysis).gated).toBe(gated)
    const tree = addressTree(gated, { multi: false, fold: false })
    expect(addressTree(gated, { multi: false, fold: false })).toBe(tree)
    const folded = addressTree(gated, { multi: false, fold: true })
    expect(folded).not.toBe(tree)
    expect(addressTree(gated, { multi: false, fold: true })).toBe(folded)
    expect(Object.isFrozen(tree)).toBe(true)
  })

  it('draws a list that can still change every time, from what it holds then', () => {
    const { gated } = destructiveEntries(analysis)
    const list = [...gated]
    const whole = addressTree(list, { multi: false, fold: false })
    expect(addressTree(list, { multi: false, fold: false })).not.toBe(whole)
    expect(addressTree(list, { multi: false, fold: false })).toEqual(whole)
    list.pop()
    const shorter = addressTree(list, { multi: false, fold: false })
    expect(shorter.reduce((n, line) => n + line.addresses, 0)).toBe(
      whole.reduce((n, line) => n + line.addresses, 0) - 1
    )
  })
})

describe('splitModuleAddress', () => {
  it('splits module instances, remembered and frozen', () => {
    const module = 'module.region["eu-west-1"].module.cluster[0]'
    const segments = splitModuleAddress(module)
    expect(segments).toEqual([
      'module.region["eu-west-1"]',
      'module.cluster[0]'
    ])
    expect(splitModuleAddress(module)).toBe(segments)
    expect(Object.isFrozen(segments)).toBe(true)
  })

  it('says when a text is not a module address, every time', () => {
    expect(splitModuleAddress('aws_instance.web')).toBeUndefined()
    expect(splitModuleAddress('aws_instance.web')).toBeUndefined()
    expect(splitModuleAddress('module.a[')).toBeUndefined()
    expect(splitModuleAddress('')).toEqual([])
  })
})
