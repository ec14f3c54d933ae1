import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'
import { runCli } from '../support/cli-run.js'
import type { CliRun } from '../support/cli-run.js'

/**
 * A real git repository built by test/fixtures/attribution/scenario/build-repo.sh
 * (a human tag change, an AI commit that renames the database, a human commit
 * quoting a Claude trailer in a code block) and the real Terraform plan of its
 * head (generate.sh), reviewed by the bundled CLI with --repo/--base.
 */
const work = mkdtempSync(join(tmpdir(), 'plangate-attribution-'))
const repo = join(work, 'repo')
const plan = join(repo, 'plan.json')

beforeAll(() => {
  const built = spawnSync(
    'bash',
    [fixturePath('attribution/scenario/build-repo.sh'), repo],
    { encoding: 'utf8' }
  )
  expect(built.status, built.stderr).toBe(0)
  copyFileSync(fixturePath('attribution/scenario/plan.json'), plan)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

function plangate(...args: string[]): CliRun {
  return runCli(args, { env: { HOME: work } })
}

interface Report {
  decision: { verdict: string; gated: { address: string; why: string }[] }
  commits: {
    sha: string
    subject: string
    verdict: string
    tool?: string
    evidence: { text: string }[]
  }[]
  plans: {
    changes: {
      address: string
      causedBy?: string[]
      gated?: boolean
      gateReason?: string
    }[]
  }[]
}

function review(...extra: string[]): {
  code: number | null
  report: Report
  stderr: string
} {
  const run = plangate(
    'review',
    '--format',
    'json',
    plan,
    '--repo',
    repo,
    ...extra
  )
  return {
    code: run.code,
    report: JSON.parse(run.stdout) as Report,
    stderr: run.stderr
  }
}

describe('AI attribution through the bundled CLI, on a real repository', () => {
  it('gates the replacement an AI commit caused, with the commit and its evidence', () => {
    const { code, report } = review('--base', 'base')
    expect(code).toBe(1)
    expect(report.commits.map((c) => [c.subject, c.verdict, c.tool])).toEqual([
      ['Upgrade the cache tier', 'human', undefined],
      ['Rename the orders database', 'ai', 'claude-code'],
      ['Rename the queue input', 'human', undefined]
    ])
    const ai = report.commits[1]
    expect(ai?.evidence.map((e) => e.text)).toContain(
      'Co-Authored-By: Claude <noreply@anthropic.com>'
    )
    const database = report.plans[0]?.changes.find(
      (c) => c.address === 'terraform_data.database'
    )
    expect(database).toMatchObject({ causedBy: [ai?.sha], gated: true })
    expect(database?.gateReason).toContain(
      `caused by ${ai?.sha.slice(0, 7)} (claude-code, definite)`
    )
    expect(report.decision.gated.map((g) => g.address)).toEqual([
      'terraform_data.database'
    ])
  })

  it('lists the reviewed commits in the text report', () => {
    const run = plangate('review', plan, '--repo', repo, '--base', 'base')
    expect(run.stdout).toContain('Commits reviewed (3, 1 by AI agents)')
    expect(run.stdout).toMatch(
      /[0-9a-f]{7} \(AI: claude-code, definite\) "Rename the orders database"/
    )
    expect(run.stdout).toMatch(/[0-9a-f]{7} \(human\) "Rename the queue input"/)
  })

  it('writes a report that matches the documented schema', () => {
    const schema = JSON.parse(
      readFileSync(
        new URL('../../docs/report.schema.json', import.meta.url),
        'utf8'
      )
    ) as object
    const validate = new Ajv2020({
      allErrors: true,
      strictRequired: false
    }).compile(schema)
    const { report } = review('--base', 'base')
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  })

  it('does not gate a destructive change no commit of the range explains when no AI commit touched infrastructure', () => {
    const { code, report } = review('--base', 'main~1')
    expect(report.commits.map((c) => c.verdict)).toEqual(['human'])
    const database = report.plans[0]?.changes.find(
      (c) => c.address === 'terraform_data.database'
    )
    expect(database).toMatchObject({ causedBy: [], gated: false })
    expect(database?.gateReason).toContain(
      'no AI agent changed infrastructure code in this range'
    )
    expect(code).toBe(0)
  })

  it('follows the policy file: unattributed changes gated, or the gate off', () => {
    const strict = join(work, 'strict.yml')
    writeFileSync(strict, 'unattributed: gate\n')
    expect(review('--base', 'main~1', '--config', strict).code).toBe(1)
    const off = join(work, 'off.yml')
    writeFileSync(off, 'gate-on: none\n')
    const { code, report } = review('--base', 'base', '--config', off)
    expect(code).toBe(0)
    expect(report.decision.verdict).toBe('pass')
  })

  it('gates every destructive change without a history, and explains bad history options', () => {
    const run = plangate('review', plan)
    expect(run.code).toBe(1)
    expect(plangate('review', plan, '--repo', repo).stderr).toContain(
      '--repo needs --base REF'
    )
    const unknown = plangate(
      'review',
      plan,
      '--repo',
      repo,
      '--base',
      'no-such-ref'
    )
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    const badConfig = join(work, 'bad.yml')
    writeFileSync(badConfig, 'gate-on: sometimes\n')
    const bad = plangate('review', plan, '--config', badConfig)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      'gate-on: must be one of ai-destructive|destructive|none, got "sometimes"'
    )
  })
})
