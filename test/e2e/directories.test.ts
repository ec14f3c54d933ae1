import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fixturePath, fixtureText } from '../helpers.js'
import { runCli } from '../support/cli-run.js'
import type { CliRun } from '../support/cli-run.js'

const work = mkdtempSync(join(tmpdir(), 'plangate-dirs-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function plangate(...args: string[]): CliRun {
  return runCli(args)
}

describe('directories as plan inputs', () => {
  it('reads every stack of a cdktf.out directory (real plans per stack)', () => {
    const run = plangate(
      'review',
      '--format',
      'json',
      fixturePath('cdktf/cdktf.out')
    )
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      plans: { source: string }[]
      summary: Record<string, number>
    }
    expect(
      report.plans.map((p) => p.source.replace(fixturePath('cdktf/'), ''))
    ).toEqual([
      'cdktf.out/stacks/network/plan.json',
      'cdktf.out/stacks/app/plan.json'
    ])
    expect(report.summary).toMatchObject({ update: 1, replace: 1, destroy: 1 })
  })

  it('fails a cdktf stack that has no plan JSON, and says how to make it', () => {
    const dir = join(work, 'cdktf-binary-only')
    cpSync(fixturePath('cdktf/cdktf.out'), dir, { recursive: true })
    rmSync(join(dir, 'stacks/app/plan.json'))
    writeFileSync(join(dir, 'stacks/app/plan'), 'PK\u0003\u0004')
    const run = plangate('review', dir)
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain(
      'expected the plan JSON of cdktf stack "app" in plan.json, found only the binary plan file'
    )
    expect(run.stderr).toContain(
      `show -json plan > ${join(dir, 'stacks/app/plan.json')}`
    )
    rmSync(join(dir, 'stacks/app/plan'))
    expect(plangate('review', dir).stderr).toContain(
      'found no plan; run `cdktf plan app`'
    )
  })

  it('reads the .json files of any other directory, in name order', () => {
    const dir = join(work, 'plans')
    mkdirSync(dir)
    writeFileSync(join(dir, 'b.json'), fixtureText('terraform/update.json'))
    writeFileSync(join(dir, 'a.json'), fixtureText('terraform/create.json'))
    writeFileSync(join(dir, 'notes.txt'), 'not a plan')
    const run = plangate('review', '--format', 'json', dir)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as { plans: { source: string }[] }
    expect(report.plans.map((p) => p.source)).toEqual([
      join(dir, 'a.json'),
      join(dir, 'b.json')
    ])
  })

  it('explains an empty directory and a lone cdk.out directory', () => {
    const empty = join(work, 'empty')
    mkdirSync(empty)
    expect(plangate('review', empty).stderr).toContain(
      'found a directory with no .json file'
    )
    const cdkOut = join(work, 'cdk.out')
    mkdirSync(cdkOut)
    writeFileSync(
      join(cdkOut, 'manifest.json'),
      JSON.stringify({ version: '36.0.0', artifacts: {} })
    )
    const run = plangate('review', cdkOut)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'found a cdk.out directory (one synthesized app); compare two of them: `plangate review --before OLD/cdk.out --after NEW/cdk.out`'
    )
  })
})
