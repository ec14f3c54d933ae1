import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'

/**
 * The multi-agent scenario (test/fixtures/attribution/agents/): one commit
 * per actor (Claude Code, Copilot coding agent, Cursor, Aider, Devin, Codex
 * CLI, Dependabot, plain human, a human quoting a Claude trailer, a squash
 * merge with Claude among its co-authors), each causing exactly one
 * destructive change in the real Terraform plan of the head, reviewed by the
 * bundled CLI with --repo/--base.
 */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'plangate-agents-'))
const repo = join(work, 'repo')
const plan = join(repo, 'plan.json')

beforeAll(() => {
  const built = spawnSync(
    'bash',
    [fixturePath('attribution/agents/build-repo.sh'), repo],
    { encoding: 'utf8' }
  )
  expect(built.status, built.stderr).toBe(0)
  copyFileSync(fixturePath('attribution/agents/plan.json'), plan)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Change {
  address: string
  action: string
  causedBy?: string[]
  gated?: boolean
  gateReason?: string
}
interface Report {
  decision: { verdict: string; gated: { address: string }[] }
  commits: {
    sha: string
    subject: string
    verdict: string
    tool?: string
    confidence?: string
    evidence: { text: string }[]
  }[]
  plans: { changes: Change[] }[]
}

function review(...extra: string[]): { code: number | null; report: Report } {
  const run = spawnSync(
    process.execPath,
    [
      CLI,
      'review',
      '--format',
      'json',
      plan,
      '--repo',
      repo,
      '--base',
      'base',
      ...extra
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: work } }
  )
  expect(run.stdout, run.stderr).not.toBe('')
  return { code: run.status, report: JSON.parse(run.stdout) as Report }
}

function config(name: string, text: string): string {
  const path = join(work, name)
  writeFileSync(path, text)
  return path
}

interface Case {
  address: string
  action: 'replace' | 'destroy'
  subject: string
  verdict: 'ai' | 'automation' | 'human'
  tool?: string
  /** A text one evidence item must contain (none for human commits). */
  marker?: string
}

/** Every destructive change of the plan, with the commit that caused it. */
const CASES: readonly Case[] = [
  {
    address: 'terraform_data.network',
    action: 'replace',
    subject: 'Move the network to 10.1.0.0/16',
    verdict: 'ai',
    tool: 'claude-code',
    marker: 'Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>'
  },
  {
    address: 'terraform_data.cache',
    action: 'destroy',
    subject: 'Remove the unused cache',
    verdict: 'ai',
    tool: 'copilot-coding-agent',
    marker: '198982749+Copilot@users.noreply.github.com'
  },
  {
    address: 'module.replica[1].terraform_data.instance',
    action: 'destroy',
    subject: 'Run a single replica',
    verdict: 'ai',
    tool: 'cursor',
    marker: 'Co-authored-by: Cursor <cursoragent@cursor.com>'
  },
  {
    address: 'terraform_data.queue',
    action: 'replace',
    subject: 'aider: Make the jobs queue FIFO',
    verdict: 'ai',
    tool: 'aider',
    marker: 'Dana Human (aider)'
  },
  {
    address: 'terraform_data.dns',
    action: 'destroy',
    subject: 'Drop the internal DNS zone',
    verdict: 'ai',
    tool: 'devin',
    marker: '158243242+devin-ai-integration[bot]@users.noreply.github.com'
  },
  {
    address: 'terraform_data.schema',
    action: 'replace',
    subject: 'Upgrade the database to version 16',
    verdict: 'ai',
    tool: 'codex-cli',
    marker: 'Co-authored-by: Codex <noreply@openai.com>'
  },
  {
    address: 'terraform_data.search',
    action: 'replace',
    subject: 'Bump opensearch from 2.11.0 to 3.0.0',
    verdict: 'automation',
    tool: 'dependabot',
    marker: '49699333+dependabot[bot]@users.noreply.github.com'
  },
  {
    address: 'terraform_data.legacy_worker',
    action: 'destroy',
    subject: 'Retire the legacy cron worker',
    verdict: 'human'
  },
  {
    address: 'terraform_data.cdn',
    action: 'replace',
    subject: 'Roll the CDN to edge-v2',
    verdict: 'human'
  },
  {
    address: 'terraform_data.logs',
    action: 'replace',
    subject: 'Rework the log pipeline (#42)',
    verdict: 'ai',
    tool: 'claude-code',
    marker: 'Co-authored-by: Claude <noreply@anthropic.com>'
  }
]
const AI_CAUSED = CASES.filter((c) => c.verdict === 'ai').map((c) => c.address)

describe('multi-agent attribution through the bundled CLI, on a real repository', () => {
  let report: Report
  let code: number | null
  beforeAll(() => {
    ;({ code, report } = review())
  })

  const changeOf = (address: string): Change | undefined =>
    report.plans[0]?.changes.find((c) => c.address === address)
  const commitOf = (subject: string): Report['commits'][number] | undefined =>
    report.commits.find((c) => c.subject === subject)

  it('reviews every commit of base..main and finds exactly the intended destructive changes', () => {
    expect(report.commits.map((c) => c.subject).sort()).toEqual(
      CASES.map((c) => c.subject).sort()
    )
    const destructive = (report.plans[0]?.changes ?? []).filter(
      (c) => c.causedBy !== undefined
    )
    expect(destructive.map((c) => [c.address, c.action]).sort()).toEqual(
      CASES.map((c) => [c.address, c.action]).sort()
    )
  })

  it.each(CASES)(
    '$address: caused by "$subject" ($verdict $tool)',
    ({ address, subject, verdict, tool, marker }) => {
      const commit = commitOf(subject)
      expect(commit, subject).toBeDefined()
      expect(commit?.verdict).toBe(verdict)
      expect(commit?.tool).toBe(tool)
      const evidence = commit?.evidence.map((e) => e.text) ?? []
      if (marker === undefined) expect(evidence).toEqual([])
      else
        expect(
          evidence.some((text) => text.includes(marker)),
          evidence.join(' | ')
        ).toBe(true)
      const change = changeOf(address)
      expect(change?.causedBy).toEqual([commit?.sha])
      expect(change?.gated).toBe(verdict === 'ai')
      if (verdict === 'ai') {
        expect(change?.gateReason).toContain(
          `caused by ${commit?.sha.slice(0, 7)} (${tool}, definite)`
        )
      }
    }
  )

  it('treats a quoted Claude trailer as a human commit, and a squash trailer block as AI', () => {
    expect(commitOf('Roll the CDN to edge-v2')).toMatchObject({
      verdict: 'human',
      evidence: []
    })
    expect(commitOf('Rework the log pipeline (#42)')).toMatchObject({
      verdict: 'ai',
      tool: 'claude-code',
      confidence: 'definite'
    })
  })

  it('blocks on exactly the AI-caused changes with the default policy (Dependabot not gated)', () => {
    expect(code).toBe(1)
    expect(report.decision.verdict).toBe('blocked')
    expect(report.decision.gated.map((g) => g.address).sort()).toEqual(
      [...AI_CAUSED].sort()
    )
    expect(changeOf('terraform_data.search')?.gated).toBe(false)
  })

  it('gates every destructive change with gate-on: destructive', () => {
    const all = review('--config', config('all.yml', 'gate-on: destructive\n'))
    expect(all.code).toBe(1)
    expect(all.report.decision.gated.map((g) => g.address).sort()).toEqual(
      CASES.map((c) => c.address).sort()
    )
  })

  it("gates Dependabot's change too with automation: treat-as: ai", () => {
    const strict = review(
      '--config',
      config('automation.yml', 'automation:\n  treat-as: ai\n')
    )
    expect(strict.code).toBe(1)
    expect(strict.report.decision.gated.map((g) => g.address).sort()).toEqual(
      [...AI_CAUSED, 'terraform_data.search'].sort()
    )
    const bump = strict.report.plans[0]?.changes.find(
      (c) => c.address === 'terraform_data.search'
    )
    expect(bump?.gateReason).toContain('(dependabot, definite)')
  })

  // Known bug (src/gate/decide.ts, judge(): the `if (pinned)` branch): a
  // change pinned only to automation commits is explained as "caused by
  // commits of people", though its cause is Dependabot. Expected to start
  // passing once the reason names automation; then turn into a plain `it`.
  it('names automation as automation in the gate reason, not as people', () => {
    const reason = changeOf('terraform_data.search')?.gateReason ?? ''
    expect(reason).not.toContain('commits of people')
    expect(reason).toContain(
      'caused by automation (dependabot), not by an AI agent'
    )
  })
})
