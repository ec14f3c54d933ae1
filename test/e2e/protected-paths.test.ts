import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from '../support/action-run.js'
import type { ActionRun } from '../support/action-run.js'
import {
  addComment,
  grant,
  latestStatus,
  onComment,
  stickyBody
} from '../support/approval-scenario.js'
import type { ScenarioRepo } from '../support/approval-scenario.js'
import { pullRequestEvent } from '../support/events.js'
import { makeUser, startFakeGitHub } from '../support/fake-github.js'
import type { FakeGitHub } from '../support/fake-github.js'
import { commitDetailsOf, pullOf } from '../support/repo-state.js'

/**
 * Trust-critical paths through the bundle: a real repository whose plan
 * workflow writes `terraform show -json tfplan > plan.json`; an AI commit
 * (Claude Code trailers) replaces that with `echo '{}' > plan.json`, so the
 * gate would see an empty plan. The plan under review has only in-place
 * updates: without protected paths the pull request would pass.
 */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'plangate-protected-'))
const repo = join(work, 'repo')
/** A workflow file name an attacker chose: Markdown, HTML, a mention. */
const HOSTILE =
  '.github/workflows/x`<img src=x onerror=alert(1)><!-- hide -->@admin [y](http:evil)|*.yml'
const CLAUDE =
  '\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>'
let fake: FakeGitHub | undefined

function git(...args: string[]): string {
  const result = spawnSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: work,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z'
    }
  })
  if (result.status !== 0) throw new Error(result.stderr)
  return result.stdout
}

function commitAs(name: string, email: string, message: string): void {
  git('add', '-A')
  git(
    '-c',
    `user.name=${name}`,
    '-c',
    `user.email=${email}`,
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-q',
    '-m',
    message
  )
}

const WORKFLOW = (step: string): string =>
  `name: plan\non: pull_request\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform plan -out tfplan\n      - run: ${step}\n`

beforeAll(() => {
  mkdirSync(join(repo, '.github', 'workflows'), { recursive: true })
  git('init', '-q', '-b', 'main')
  writeFileSync(join(repo, 'main.tf'), 'resource "terraform_data" "a" {}\n')
  writeFileSync(
    join(repo, '.github/workflows/plan.yml'),
    WORKFLOW('terraform show -json tfplan > plan.json')
  )
  commitAs('Dana Human', 'dana@example.com', 'Initial infrastructure')
  git('tag', 'base')
  const blind = WORKFLOW("echo '{}' > plan.json")
  // The AI agent's branch: the plan step no longer shows the plan, and a hostile file name.
  git('checkout', '-q', '-b', 'ai')
  writeFileSync(join(repo, '.github/workflows/plan.yml'), blind)
  writeFileSync(join(repo, HOSTILE), 'on: push\n')
  commitAs('Dana Human', 'dana@example.com', `Simplify the plan step${CLAUDE}`)
  // A person's branch with the same edit.
  git('checkout', '-q', '-b', 'human', 'base')
  writeFileSync(join(repo, '.github/workflows/plan.yml'), blind)
  commitAs('Sam Human', 'sam@example.com', 'Simplify the plan step')
  git('checkout', '-q', 'main')
  // The plan under review: in-place updates only (written by the workflow, not committed).
  copyFileSync(fixturePath('terraform/update.json'), join(repo, 'plan.json'))
})
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

function pullAt(head: string): ReturnType<typeof pullOf> {
  return pullOf(repo, 'base', {
    number: 7,
    user: makeUser('dana-human'),
    head
  })
}

async function startPull(
  pr: ReturnType<typeof pullOf>,
  config?: string
): Promise<FakeGitHub> {
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { 7: { ...pr.pull } },
    pullCommits: { 7: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { 7: [] }
  })
  if (config !== undefined)
    fake.state.files[`${pr.baseSha}:.github/plangate.yml`] = config
  return fake
}

async function review(
  server: FakeGitHub,
  pr: ReturnType<typeof pullOf>
): Promise<ActionRun> {
  return runAction({
    cwd: repo,
    eventName: 'pull_request',
    payload: pullRequestEvent({ number: 7, headSha: pr.headSha }),
    inputs: { plan: 'plan.json' },
    apiUrl: server.url
  })
}

describe('protected paths through the bundled action', () => {
  it('blocks an AI commit that blinds the plan workflow although the plan only updates, names path and commit, and an approval of the digest passes', async () => {
    const pr = pullAt('ai')
    const server = await startPull(pr)
    const run = await review(server, pr)
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const digest = run.outputs.digest ?? ''
    expect(digest).toMatch(/^[0-9a-f]{16}$/)
    expect(run.outputs).toMatchObject({
      decision: 'blocked',
      'gated-count': '2',
      'destructive-count': '0'
    })
    expect(latestStatus(server, pr.headSha)).toMatchObject({
      state: 'failure',
      description: `2 protected paths need approval: /approve-destroy ${digest}`
    })

    const body = stickyBody(server)
    expect(body).toContain('## ⛔ plangate: 2 protected paths need approval')
    expect(body).toContain('### Protected paths (2)')
    expect(body).toContain('<code>.github/workflows/plan.yml</code>')
    const sha = git('rev-parse', 'ai').trim()
    expect(body).toContain(
      `[${sha.slice(0, 7)}](https://github.com/octo-org/infra/commit/${sha}) Simplify the plan step 🤖 claude-code`
    )
    expect(body).toContain(`/approve-destroy ${digest}`)
    // The hostile name is shown as it is, inside one code element: no HTML, comment, link or mention.
    expect(body).toContain(
      '<code>.github/workflows/x&#96;&lt;img src=x onerror=alert(1)&gt;&lt;!-- hide --&gt;@admin &#91;y&#93;(http&#58;evil)&#124;&#42;.yml</code>'
    )
    expect(body).not.toContain('<!-- hide -->')
    expect(body).not.toContain('<img')
    expect(body).not.toContain('](http:evil)')
    expect(run.summary).toContain('### Protected paths (2)')
    expect(run.summary).not.toContain('<!-- hide -->')

    // A maintainer approves exactly this digest: the approval run reads the count back from the status.
    grant(server, 'alice', 'write')
    const approval = addComment(server, {
      id: 9001,
      body: `/approve-destroy ${digest}`,
      login: 'alice'
    })
    const scenario: ScenarioRepo = {
      dir: work,
      repo,
      pr,
      remove: () => undefined
    }
    const approved = await onComment(scenario, server, approval)
    expect(approved.code, approved.stdout + approved.stderr).toBe(0)
    expect(approved.outputs.decision).toBe('approved')
    expect(latestStatus(server, pr.headSha)).toMatchObject({
      state: 'success',
      description: `2 protected paths (${digest}) approved by @alice`
    })
    expect(stickyBody(server)).toContain(
      '## ✅ plangate: 2 protected paths approved'
    )
    expect(server.unexpected()).toEqual([])
  })

  it('lets the same edit by a person pass under the default gate-on: ai', async () => {
    const pr = pullAt('human')
    const server = await startPull(pr)
    const run = await review(server, pr)
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.outputs.decision).toBe('pass')
    expect(latestStatus(server, pr.headSha)).toMatchObject({
      state: 'success',
      description: 'no destructive changes'
    })
  })

  it('blocks the same edit by a person with protected-paths.gate-on: any (read from the base branch)', async () => {
    const pr = pullAt('human')
    const server = await startPull(
      pr,
      'version: 1\nprotected-paths:\n  gate-on: any\n'
    )
    const run = await review(server, pr)
    expect(run.outputs.decision).toBe('blocked')
    const digest = run.outputs.digest ?? ''
    expect(latestStatus(server, pr.headSha)).toMatchObject({
      state: 'failure',
      description: `1 protected path needs approval: /approve-destroy ${digest}`
    })
    expect(stickyBody(server)).toContain('gate-on: any')
  })
})

describe('protected paths through the bundled CLI', () => {
  function plangate(...args: string[]): {
    code: number | null
    stdout: string
  } {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: work }
    })
    return { code: result.status, stdout: result.stdout }
  }
  const plan = join(repo, 'plan.json')

  it('exits 1 and lists the path and the commit for the AI branch', () => {
    const run = plangate(
      'review',
      plan,
      '--repo',
      repo,
      '--base',
      'base',
      '--head',
      'ai',
      '--color',
      'never'
    )
    expect(run.code, run.stdout).toBe(1)
    const sha = git('rev-parse', 'ai').trim().slice(0, 7)
    expect(run.stdout).toContain('Protected paths changed (2)')
    expect(run.stdout).toContain(
      `.github/workflows/plan.yml (modified, ${sha})`
    )
    expect(run.stdout).toContain('Verdict: BLOCKED')

    const json = plangate(
      'review',
      '--format',
      'json',
      plan,
      '--repo',
      repo,
      '--base',
      'base',
      '--head',
      'ai'
    )
    const report = JSON.parse(json.stdout) as {
      decision: { gatedPaths: { path: string; sha: string }[] }
    }
    expect(report.decision.gatedPaths.map((g) => g.path).sort()).toEqual(
      ['.github/workflows/plan.yml', HOSTILE].sort()
    )
  })

  it('exits 0 for the person branch', () => {
    const run = plangate(
      'review',
      plan,
      '--repo',
      repo,
      '--base',
      'base',
      '--head',
      'human'
    )
    expect(run.code, run.stdout).toBe(0)
    expect(readFileSync(plan, 'utf8')).toContain('format_version')
  })
})
