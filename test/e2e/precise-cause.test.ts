import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'

/**
 * Issue 13's scenario through the bundled CLI with --repo on a real git
 * repository (test/fixtures/attribution/cause/build-repo.sh) and the real
 * plan of its head: one person renames the workers' `input` (updates of
 * worker[0] and worker[1]), another lowers `count` from 3 to 2. Only the
 * second commit causes the destroy of worker[2], whoever wrote the first.
 */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'plangate-cause-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Report {
  decision: { verdict: string; gated: { address: string }[] }
  commits: { sha: string; subject: string; verdict: string }[]
  plans: {
    changes: {
      address: string
      causedBy?: string[]
      causes?: { sha: string; how: string }[]
      gated?: boolean
    }[]
  }[]
}

function reviewRepo(mode: '' | 'ai-count'): {
  code: number | null
  report: Report
  text: string
} {
  const repo = join(work, mode === '' ? 'ai-rename' : mode)
  const built = spawnSync(
    'bash',
    [fixturePath('attribution/cause/build-repo.sh'), repo, mode],
    { encoding: 'utf8' }
  )
  expect(built.status, built.stderr).toBe(0)
  const plan = join(repo, 'plan.json')
  copyFileSync(fixturePath('attribution/cause/plan.json'), plan)
  const env = { PATH: process.env.PATH ?? '', HOME: work }
  const args = [CLI, 'review', plan, '--repo', repo, '--base', 'base']
  const json = spawnSync(process.execPath, [...args, '--format', 'json'], {
    encoding: 'utf8',
    env
  })
  const text = spawnSync(process.execPath, args, { encoding: 'utf8', env })
  return {
    code: json.status,
    report: JSON.parse(json.stdout) as Report,
    text: text.stdout
  }
}

function causeOf(report: Report, address: string): string[] {
  const change = report.plans[0]?.changes.find((c) => c.address === address)
  return (change?.causedBy ?? []).map(
    (sha) => report.commits.find((c) => c.sha === sha)?.subject ?? sha
  )
}

describe('precise cause through the bundled CLI', () => {
  it("an AI commit renames the inputs, a person lowers count: the destroy is the person's, not gated", () => {
    const { report, text } = reviewRepo('')
    expect(
      report.commits.find((c) => c.subject === 'Rename the inputs')?.verdict
    ).toBe('ai')
    expect(causeOf(report, 'terraform_data.worker[2]')).toEqual([
      'Run two workers'
    ])
    const worker = report.plans[0]?.changes.find(
      (c) => c.address === 'terraform_data.worker[2]'
    )
    expect(worker?.gated).toBe(false)
    expect(worker?.causes?.[0]?.how).toBe(
      'changed `count` of resource "terraform_data" "worker" (main.tf:7); the plan\'s reason: delete_because_count_index'
    )
    expect(causeOf(report, 'terraform_data.queue["audit"]')).toEqual([
      'Drop the audit queue'
    ])
    expect(causeOf(report, 'terraform_data.server')).toEqual([
      'Rebuild the server'
    ])
    expect(causeOf(report, 'terraform_data.legacy')).toEqual([
      'Remove the legacy resource'
    ])
    expect(causeOf(report, 'module.pool.terraform_data.shard[1]')).toEqual([
      'One shard is enough'
    ])
    // replace_by_triggers names nothing narrower: block-level, said so.
    expect(causeOf(report, 'terraform_data.runner')).toEqual([
      'Rename the inputs'
    ])
    expect(text).toContain(
      'block-level: the plan gives no narrower cause (replace_by_triggers)'
    )
    expect(report.decision.gated.map((g) => g.address)).toEqual([
      'terraform_data.runner'
    ])
  })

  it('a person renames the inputs, an AI agent lowers count: only the AI commit causes the destroy, and it is gated', () => {
    const { code, report } = reviewRepo('ai-count')
    expect(causeOf(report, 'terraform_data.worker[2]')).toEqual([
      'Run two workers'
    ])
    expect(
      report.commits.find((c) => c.subject === 'Run two workers')?.verdict
    ).toBe('ai')
    expect(report.decision.gated.map((g) => g.address)).toEqual([
      'terraform_data.worker[2]'
    ])
    expect(code).toBe(1)
  })
})
