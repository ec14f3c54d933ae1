import { describe, expect, it } from 'vitest'
import {
  findDirsWithoutPlan,
  isInfraCodeFile,
  MissingPlansError,
  planDirsOf
} from '../../src/gate/index.js'

describe('isInfraCodeFile', () => {
  it.each([
    ['main.tf', true],
    ['variables.tf.json', true],
    ['main.tofu', true],
    ['override.tofu.json', true],
    ['Pulumi.yaml', true],
    ['Pulumi.yml', true],
    ['cdk.json', true],
    ['cdktf.json', true],
    ['.tf', false],
    ['README.md', false],
    ['plan.json', false],
    ['Pulumi.dev.yaml', false],
    ['main.tf.bak', false],
    ['terraform.tfvars', false]
  ])('%s → %s', (name, expected) => {
    expect(isInfraCodeFile(name)).toBe(expected)
  })
})

describe('planDirsOf: a plan belongs to the directory its file is in', () => {
  it.each([
    ['stacks/database/plan.json', ['stacks/database']],
    ['plan.json', ['.']],
    // The attack of issue 11: the plan moved into a directory called plan.json.
    ['stacks/database/plan.json/plan.json', ['stacks/database/plan.json']],
    [
      'stacks/app/cdktf.out/stacks/network/plan.json',
      ['stacks/app/cdktf.out/stacks/network', 'stacks/app']
    ],
    ['cdktf.out/stacks/app/plan.json', ['cdktf.out/stacks/app', '.']],
    ['stacks/web/cdk.out/changeset.json', ['stacks/web/cdk.out', 'stacks/web']]
  ])('%s → %j', (path, dirs) => {
    expect(planDirsOf(path)).toEqual(dirs)
  })

  it.each([
    [undefined],
    ['../outside/plan.json'],
    ['/abs/plan.json'],
    ['./plan.json'],
    ['stacks//plan.json']
  ])('%s belongs to no directory', (path) => {
    expect(planDirsOf(path)).toEqual([])
  })
})

describe('findDirsWithoutPlan', () => {
  const stacks = ['stacks/app', 'stacks/database', 'stacks/network']

  it('is empty when every directory has its plan', () => {
    expect(
      findDirsWithoutPlan(
        stacks,
        stacks.map((dir) => `${dir}/plan.json`)
      )
    ).toEqual([])
  })

  it('names the stack whose plan was redirected into a decoy directory', () => {
    expect(
      findDirsWithoutPlan(stacks, [
        'stacks/app/plan.json',
        'stacks/database/plan.json/plan.json',
        'stacks/network/plan.json'
      ])
    ).toEqual(['stacks/database'])
  })

  it('does not let a plan in a subdirectory or a parent stand for a stack', () => {
    expect(
      findDirsWithoutPlan(
        ['stacks/app', 'stacks'],
        ['stacks/app/modules/plan.json', undefined, '../plan.json']
      )
    ).toEqual(['stacks/app', 'stacks'])
  })

  it('takes a cdktf.out plan for the app directory above it', () => {
    expect(
      findDirsWithoutPlan(
        ['stacks/app'],
        ['stacks/app/cdktf.out/stacks/app/plan.json']
      )
    ).toEqual([])
  })

  it('lists each missing directory once, in the order given', () => {
    expect(findDirsWithoutPlan(['b', 'a', 'b'], ['c/plan.json'])).toEqual([
      'b',
      'a'
    ])
  })
})

describe('MissingPlansError', () => {
  it('names the directories first, so that a status description shows them', () => {
    const error = new MissingPlansError(['stacks/database'])
    expect(error.message.startsWith('no plan for stacks/database: ')).toBe(true)
    expect(error.dirs).toEqual(['stacks/database'])
  })

  it('quotes a directory name with unusual characters and stops after ten', () => {
    const dirs = [
      'stacks/a\nb',
      ...Array.from({ length: 11 }, (_, i) => `s/${i}`)
    ]
    const { message } = new MissingPlansError(dirs)
    expect(message).toContain('"stacks/a\\nb"')
    expect(message).not.toContain('\n')
    expect(message).toContain('and 2 more')
  })
})
