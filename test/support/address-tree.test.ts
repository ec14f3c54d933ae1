import { describe, expect, it } from 'vitest'
import {
  addressesInTrees,
  expandFolded,
  parseAddressTree,
  textBlocks
} from './address-tree.js'

const addresses = (text: string): string[] =>
  parseAddressTree(text).map((a) => a.address)

describe('parseAddressTree', () => {
  it('reads root resources, nested module instances and the three markers', () => {
    const tree = [
      '-   terraform_data.bootstrap',
      '-/+ terraform_data.dns_zone["example.com"]',
      'module.region["eu-west-1"]',
      '  +/- terraform_data.vpc',
      '  module.cluster[0]',
      '    -   terraform_data.node[2]',
      '    module.service["billing-000"]',
      '      -/+ terraform_data.app[1]',
      '  module.cluster[1]',
      '    -   terraform_data.iam_policy',
      'module.region["us-east-1"]',
      '  -   terraform_data.subnet["a"]'
    ].join('\n')
    expect(addresses(tree)).toEqual([
      'terraform_data.bootstrap',
      'terraform_data.dns_zone["example.com"]',
      'module.region["eu-west-1"].terraform_data.vpc',
      'module.region["eu-west-1"].module.cluster[0].terraform_data.node[2]',
      'module.region["eu-west-1"].module.cluster[0].module.service["billing-000"].terraform_data.app[1]',
      'module.region["eu-west-1"].module.cluster[1].terraform_data.iam_policy',
      'module.region["us-east-1"].terraform_data.subnet["a"]'
    ])
  })

  it('expands folded keys: numeric runs, lists, strings', () => {
    const tree = [
      '-   terraform_data.a[0…3] (4)',
      '-/+ terraform_data.b[0, 2, 5…7] (5)',
      '-   terraform_data.c["a", "b, c", "d\\"e"] (3)'
    ].join('\n')
    expect(addresses(tree)).toEqual([
      'terraform_data.a[0]',
      'terraform_data.a[1]',
      'terraform_data.a[2]',
      'terraform_data.a[3]',
      'terraform_data.b[0]',
      'terraform_data.b[2]',
      'terraform_data.b[5]',
      'terraform_data.b[6]',
      'terraform_data.b[7]',
      'terraform_data.c["a"]',
      'terraform_data.c["b, c"]',
      'terraform_data.c["d\\"e"]'
    ])
  })

  it('gives a folded module segment its children once per instance', () => {
    const tree = [
      'module.cluster[0…1] (2)',
      '  -   terraform_data.node["x"]'
    ].join('\n')
    expect(addresses(tree)).toEqual([
      'module.cluster[0].terraform_data.node["x"]',
      'module.cluster[1].terraform_data.node["x"]'
    ])
  })

  it('starts a new tree at each "# source" line and keeps the source', () => {
    const tree = [
      '# plans/a.json',
      'module.m',
      '  -   terraform_data.x',
      '# plans/b.json',
      '-   terraform_data.y'
    ].join('\n')
    expect(parseAddressTree(tree)).toEqual([
      { source: 'plans/a.json', address: 'module.m.terraform_data.x' },
      { source: 'plans/b.json', address: 'terraform_data.y' }
    ])
  })

  it('closes a module when a line returns to a shallower level', () => {
    const tree = [
      'module.a',
      '  module.b',
      '    -   terraform_data.deep',
      '  -   terraform_data.back_in_a'
    ].join('\n')
    expect(addresses(tree)).toEqual([
      'module.a.module.b.terraform_data.deep',
      'module.a.terraform_data.back_in_a'
    ])
  })

  it.each([
    ['an unknown marker', '~   terraform_data.x', /expected "# source"/],
    [
      'an odd indentation',
      'module.a\n -   terraform_data.x',
      /odd indentation/
    ],
    [
      'a level skipped',
      'module.a\n    -   terraform_data.x',
      /deeper than its parent/
    ],
    [
      'a wrong count',
      '-   terraform_data.x[0…3] (5)',
      /4 keys for a count of 5/
    ],
    ['an empty range', '-   terraform_data.x[3…3] (1)', /empty range/],
    ['an unreadable key', '-   terraform_data.x[a, b] (2)', /unreadable key a/],
    [
      'an unclosed string',
      '-   terraform_data.x["a, b] (2)',
      /unclosed string/
    ],
    ['an unpadded marker', '- terraform_data.x', /expected "# source"/]
  ])('throws on %s, naming the line', (_, tree, message) => {
    expect(() => parseAddressTree(tree)).toThrow(message)
    expect(() => parseAddressTree(tree)).toThrow(/line \d+ \(/)
  })
})

describe('expandFolded', () => {
  it('leaves an unfolded address alone', () => {
    expect(expandFolded('terraform_data.x["a b"]')).toEqual([
      'terraform_data.x["a b"]'
    ])
    expect(expandFolded('terraform_data.x')).toEqual(['terraform_data.x'])
  })

  it('folds only the last bracket group of a multi-segment text', () => {
    expect(expandFolded('module.a["x[1]"].module.b[0…1] (2)')).toEqual([
      'module.a["x[1]"].module.b[0]',
      'module.a["x[1]"].module.b[1]'
    ])
  })
})

describe('addressesInTrees', () => {
  it('reads the trees of a Markdown document and skips other text blocks', () => {
    const markdown = [
      '## Needs approval',
      '',
      '```text',
      '/approve-destroy 0123456789abcdef',
      '```',
      '',
      '````text',
      '-   terraform_data.a[0…1] (2)',
      'module.m["k"]',
      '  -/+ terraform_data.b',
      '````',
      '',
      '```json',
      '-   terraform_data.not_a_text_block',
      '```'
    ].join('\n')
    expect(textBlocks(markdown)).toHaveLength(2)
    expect(addressesInTrees(markdown).map((a) => a.address)).toEqual([
      'terraform_data.a[0]',
      'terraform_data.a[1]',
      'module.m["k"].terraform_data.b'
    ])
  })
})
