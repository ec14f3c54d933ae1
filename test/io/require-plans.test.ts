import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MissingPlansError } from '../../src/gate/index.js'
import {
  checkRequiredPlans,
  expandPlanGlobs,
  expandRequiredDirs
} from '../../src/io/index.js'

const work = mkdtempSync(join(tmpdir(), 'plangate-require-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A workspace from a list of files (a trailing `/` makes a directory). */
function workspace(name: string, files: readonly string[]): string {
  const root = join(work, name)
  for (const file of files) {
    const path = join(root, file)
    if (file.endsWith('/')) mkdirSync(path, { recursive: true })
    else {
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, '')
    }
  }
  return root
}

describe('checkRequiredPlans', () => {
  const stacks = [
    'stacks/network/main.tf',
    'stacks/database/main.tf',
    'stacks/app/main.tofu',
    'stacks/docs/README.md'
  ]

  it('passes when every stack with code has a plan in it, and says which need none', () => {
    const root = workspace('happy', stacks)
    expect(
      checkRequiredPlans(
        ['stacks/*'],
        [
          'stacks/network/plan.json',
          'stacks/database/plan.json',
          join(root, 'stacks/app/plan.json')
        ],
        root
      )
    ).toEqual({
      covered: ['stacks/app', 'stacks/database', 'stacks/network'],
      withoutCode: ['stacks/docs']
    })
  })

  it('names the stack whose plan was moved into stacks/database/plan.json/', () => {
    const root = workspace('decoy', [
      ...stacks,
      'stacks/database/plan.json/README'
    ])
    const check = (): unknown =>
      checkRequiredPlans(
        ['stacks/*'],
        [
          'stacks/app/plan.json',
          'stacks/database/plan.json/plan.json',
          'stacks/network/plan.json'
        ],
        root
      )
    expect(check).toThrow(MissingPlansError)
    expect(check).toThrow(/^no plan for stacks\/database: /)
  })

  it('requires a stack the static list forgot, and a hidden one', () => {
    const root = workspace('added', [
      ...stacks,
      'stacks/cache/cdktf.json',
      'stacks/.shadow/Pulumi.yaml'
    ])
    expect(() =>
      checkRequiredPlans(
        ['stacks/*'],
        ['app', 'database', 'network'].map((s) => `stacks/${s}/plan.json`),
        root
      )
    ).toThrow('no plan for stacks/.shadow, stacks/cache: ')
  })

  it('does not count a plan from standard input or from outside the workspace', () => {
    const root = workspace('outside', ['main.tf'])
    expect(() =>
      checkRequiredPlans(['.'], ['-', join(work, 'plan.json')], root)
    ).toThrow('no plan for .: ')
    expect(checkRequiredPlans(['.'], ['plan.json'], root).covered).toEqual([
      '.'
    ])
  })

  it('counts a symbolic link to a stack as a stack, and does not walk into it', () => {
    const root = workspace('links', ['real/main.tf', 'stacks/'])
    symlinkSync(join(root, 'real'), join(root, 'stacks/linked'))
    expect(() => checkRequiredPlans(['stacks/*'], [], root)).toThrow(
      'no plan for stacks/linked: '
    )
    expect(expandRequiredDirs(['stacks/**'], root)).toEqual(['stacks/linked'])
  })
})

describe('expandRequiredDirs', () => {
  it('is an error when a line matches no directory, files included', () => {
    const root = workspace('none', ['stacks/main.tf'])
    expect(() => expandRequiredDirs(['stack/*'], root)).toThrow(
      /^stack\/\*: expected a require-plans line that matches at least one directory, found no directory under /
    )
    expect(() => expandRequiredDirs(['stacks/*'], root)).toThrow(
      'found no directory'
    )
    expect(() => expandRequiredDirs(['missing'], root)).toThrow(
      'found no directory'
    )
  })

  it('matches braces as one glob, and does not walk into .git, node_modules or .terraform', () => {
    const root = workspace('braces', [
      'a/x/main.tf',
      'b/y/main.tf',
      'c/z/main.tf',
      'a/x/.terraform/modules/m/main.tf',
      'a/node_modules/pkg/main.tf'
    ])
    expect(expandRequiredDirs(['{a,b}/*'], root)).toEqual([
      'a/node_modules',
      'a/x',
      'b/y'
    ])
    expect(expandRequiredDirs(['a/**'], root)).toEqual([
      'a/node_modules',
      'a/x',
      'a/x/.terraform'
    ])
  })
})

describe('expandPlanGlobs with a brace set as a directory', () => {
  it('walks from above the braces instead of from a directory called {a,b}', () => {
    const root = workspace('plan-braces', [
      'a/plan.json',
      'b/plan.json',
      'c/plan.json'
    ])
    expect(expandPlanGlobs(['{a,b}/plan.json'], root)).toEqual([
      'a/plan.json',
      'b/plan.json'
    ])
  })
})
