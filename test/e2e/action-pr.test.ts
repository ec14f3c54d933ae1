import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseMarker } from '../../src/report/index.js'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from '../support/action-run.js'
import type { ActionRun } from '../support/action-run.js'
import { pullRequestEvent } from '../support/events.js'
import {
  makeComment,
  makeLabel,
  makeUser,
  startFakeGitHub
} from '../support/fake-github.js'
import type { FakeGitHub, RestObject } from '../support/fake-github.js'
import { commitDetailsOf, pullOf } from '../support/repo-state.js'

/**
 * The bundled action on a pull request: a real repository (the attribution
 * scenario: a human commit, a Claude Code commit that renames the database,
 * a human commit quoting a trailer), the real Terraform plan of its head,
 * and a fake GitHub on 127.0.0.1 that serves the pull request and records
 * every request.
 */
const work = mkdtempSync(join(tmpdir(), 'plangate-action-pr-'))
const repo = join(work, 'repo')
/** A workspace without git history: diffs must come from the API. */
const bare = join(work, 'bare')
let fake: FakeGitHub | undefined
let pr: ReturnType<typeof pullOf>

beforeAll(() => {
  const built = spawnSync(
    'bash',
    [fixturePath('attribution/scenario/build-repo.sh'), repo],
    { encoding: 'utf8' }
  )
  expect(built.status, built.stderr).toBe(0)
  copyFileSync(
    fixturePath('attribution/scenario/plan.json'),
    join(repo, 'plan.json')
  )
  mkdirSync(bare)
  copyFileSync(
    fixturePath('attribution/scenario/plan.json'),
    join(bare, 'plan.json')
  )
  pr = pullOf(repo, 'base', { number: 7, user: makeUser('dana-human') })
})
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function startScenario(
  extra: { labels?: string[]; comments?: RestObject[] } = {}
): Promise<FakeGitHub> {
  const pull = { ...pr.pull }
  if (extra.labels !== undefined)
    pull.labels = extra.labels.map((name) => makeLabel(name))
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { 7: pull },
    pullCommits: { 7: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { 7: extra.comments ?? [] }
  })
  return fake
}

async function review(
  server: FakeGitHub,
  options: { cwd?: string; inputs?: Record<string, string> } = {}
): Promise<ActionRun> {
  return runAction({
    cwd: options.cwd ?? repo,
    eventName: 'pull_request',
    payload: pullRequestEvent({ number: 7, headSha: pr.headSha }),
    inputs: { plan: 'plan.json', ...options.inputs },
    apiUrl: server.url
  })
}

interface Status {
  state: string
  context: string
  description: string
  creator: { login: string }
}

function statusesOn(server: FakeGitHub, sha: string): Status[] {
  return (server.state.statuses[sha] ?? []) as unknown as Status[]
}

function writes(server: FakeGitHub): string[] {
  return server.requests
    .filter((r) => r.method !== 'GET' && r.path !== '/graphql')
    .map((r) => `${r.method} ${r.route ?? r.path}`)
}

describe('the action on a pull request with a gated AI replacement', () => {
  it('blocks with a failure status, one sticky comment, labels and outputs, within 12 requests', async () => {
    const server = await startScenario()
    const run = await review(server)
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const digest = run.outputs.digest ?? ''
    expect(digest).toMatch(/^[0-9a-f]{16}$/)
    expect(run.outputs).toMatchObject({
      decision: 'blocked',
      'gated-count': '1',
      'destructive-count': '1',
      'replace-count': '1'
    })

    const [status, ...more] = statusesOn(server, pr.headSha)
    expect(more).toEqual([])
    expect(status).toMatchObject({
      state: 'failure',
      context: 'plangate/main',
      description: `1 destructive change needs approval: /approve-destroy ${digest}`
    })

    const comments = server.state.comments[7] ?? []
    expect(comments).toHaveLength(1)
    const body = String(comments[0]?.body)
    expect(String(comments[0]?.id)).toBe(run.outputs['comment-id'])
    expect(parseMarker(body)).toEqual({
      context: 'plangate/main',
      head: pr.headSha,
      digest
    })
    expect(body.split('\n')[2]).toBe(
      '## ⛔ plangate: 1 destructive change needs approval'
    )
    expect(body).toContain('terraform_data.database')
    expect(body).toContain('Rename the orders database 🤖 claude-code')
    expect(body).toContain('Co-Authored-By: Claude <noreply@anthropic.com>')
    expect(body).toContain(`/approve-destroy ${digest}`)
    expect(body.indexOf('### Gated changes (1)')).toBeLessThan(
      body.indexOf('Full report')
    )
    // The commit is a link, the run too.
    expect(body).toMatch(
      /\[[0-9a-f]{7}\]\(https:\/\/github\.com\/octo-org\/infra\/commit\/[0-9a-f]{40}\) Rename the orders database/
    )
    // The job summary carries the command and the cause too.
    expect(run.summary).toContain(`/approve-destroy ${digest}`)
    expect(run.summary).toContain('Rename the orders database 🤖 claude-code')

    expect(server.state.labels[7]).toEqual(
      expect.arrayContaining([
        'plangate:destructive',
        'plangate:needs-approval'
      ])
    )
    expect(run.summary).toContain('terraform_data.database')
    expect(run.log).toContain(
      'reviewed 3 commits (3 diffs from the checkout, 0 from the API)'
    )

    // The budget: one plan, three commits, whatever the plan holds.
    expect(server.requests.length).toBeLessThanOrEqual(12)
    expect(run.stdout).toContain(
      `::debug::GitHub API requests: ${server.requests.length}`
    )
    expect(server.unexpected()).toEqual([])
    expect(server.requests.every((r) => r.authorized)).toBe(true)
    // The only place the token appears is the runner's mask command.
    expect(
      (run.stdout + run.stderr).replace(`::add-mask::${TOKEN}`, '')
    ).not.toContain(TOKEN)
  })

  it('updates its own comment on the next run and leaves a pasted marker alone', async () => {
    const first = await startScenario()
    await review(first)
    const ours = first.state.comments[7]?.[0]
    expect(ours).toBeDefined()
    await first.close()

    // Someone pastes our marker into their own comment, before ours.
    const forged = makeComment({
      id: 5,
      issue: 7,
      user: makeUser('mallory'),
      body: String(ours?.body)
    })
    const server = await startScenario({
      comments: [forged, ours as RestObject]
    })
    const run = await review(server)
    expect(run.code).toBe(0)
    expect(run.outputs['comment-id']).toBe(String(ours?.id))
    expect(server.state.comments[7]).toHaveLength(2)
    expect(server.state.comments[7]?.[0]).toEqual(forged)
    // Same body: nothing to write.
    expect(writes(server)).not.toContain(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
    )
    expect(writes(server)).not.toContain(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
    )
  })

  it('reads the diffs through the API when the checkout has no history, with the same result', async () => {
    const local = await startScenario()
    const fromCheckout = await review(local)
    await local.close()

    const server = await startScenario()
    const run = await review(server, { cwd: bare })
    expect(run.code, run.stdout).toBe(0)
    expect(run.log).toContain(
      'reviewed 3 commits (0 diffs from the checkout, 3 from the API)'
    )
    expect(run.outputs.digest).toBe(fromCheckout.outputs.digest)
    expect(
      server.requests.filter(
        (r) => r.route === 'GET /repos/{owner}/{repo}/commits/{ref}'
      )
    ).toHaveLength(3)
    const body = String(server.state.comments[7]?.[0]?.body)
    expect(body).toContain('Rename the orders database 🤖 claude-code')
  })

  it('reviews many plans in two passes (the budget lowered) with the same comment, status and digest', async () => {
    copyFileSync(
      fixturePath('terraform/kitchen-sink.json'),
      join(repo, 'plan-extra-a.json')
    )
    copyFileSync(
      fixturePath('terraform/sensitive.json'),
      join(repo, 'plan-extra-b.json')
    )
    const inputs = { plan: 'plan.json\nplan-extra-a.json\nplan-extra-b.json' }
    const once = await startScenario()
    const held = await review(once, { inputs })
    const heldBody = String(once.state.comments[7]?.[0]?.body)
    const heldStatus = statusesOn(once, pr.headSha)[0]?.description
    await once.close()

    const server = await startScenario()
    const run = await runAction({
      cwd: repo,
      eventName: 'pull_request',
      payload: pullRequestEvent({ number: 7, headSha: pr.headSha }),
      inputs,
      apiUrl: server.url,
      env: { PLANGATE_TEST_KEEP_BYTES: '0' }
    })
    expect(run.code, run.stdout).toBe(held.code)
    expect(run.log).toContain('reading 2 plan files twice')
    expect(held.log).not.toContain('read twice')
    expect(run.outputs.digest).toBe(held.outputs.digest)
    expect(statusesOn(server, pr.headSha)[0]?.description).toBe(heldStatus)
    expect(String(server.state.comments[7]?.[0]?.body)).toBe(heldBody)
    expect(heldBody).toContain('plan-extra-b.json')
  })

  it('reads the config from the base branch, never from the pull request', async () => {
    // The pull request's own copy tries to switch the gate off.
    mkdirSync(join(bare, '.github'), { recursive: true })
    writeFileSync(
      join(bare, '.github', 'plangate.yml'),
      'version: 1\ngate-on: none\n'
    )
    const server = await startScenario()
    server.state.files[`${pr.baseSha}:.github/plangate.yml`] =
      'version: 1\ngate-on: destructive\n'
    const strict = await review(server, { cwd: bare })
    expect(strict.outputs.decision).toBe('blocked')

    server.state.files[`${pr.baseSha}:.github/plangate.yml`] =
      'version: 1\ngate-on: none\n'
    const off = await review(server, { cwd: bare })
    expect(off.outputs.decision).toBe('pass')
    expect(statusesOn(server, pr.headSha).at(-1)?.state).toBe('success')
    rmSync(join(bare, '.github'), { recursive: true })
  })

  it('fails closed on an invalid base-branch config, naming the file and key', async () => {
    const server = await startScenario()
    server.state.files[`${pr.baseSha}:.github/plangate.yml`] =
      'version: 1\ngate-on: sometimes\n'
    const run = await review(server)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain('.github/plangate.yml at main')
    expect(run.log).toContain('gate-on')
    const [status] = statusesOn(server, pr.headSha)
    expect(status?.state).toBe('error')
    expect(status?.description).toMatch(/^plangate error: /)
  })
})

describe('the action on a pull request without gated changes', () => {
  it('passes with success and removes labels that no longer apply', async () => {
    const server = await startScenario({
      labels: ['plangate:destructive', 'plangate:needs-approval', 'infra']
    })
    writeFileSync(join(bare, 'safe.json'), '')
    copyFileSync(fixturePath('terraform/update.json'), join(bare, 'safe.json'))
    const run = await review(server, {
      cwd: bare,
      inputs: { plan: 'safe.json' }
    })
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({
      decision: 'pass',
      digest: '',
      'gated-count': '0'
    })
    expect(statusesOn(server, pr.headSha)[0]).toMatchObject({
      state: 'success',
      description: 'no destructive changes'
    })
    expect(server.state.labels[7]).toEqual(['infra'])
    const body = String(server.state.comments[7]?.[0]?.body)
    expect(body.split('\n')[2]).toBe('## ✅ plangate: no destructive changes')
    expect(body).not.toContain('/approve-destroy')
  })

  it('posts no comment with comment: off, and still sets the status', async () => {
    const server = await startScenario()
    const run = await review(server, { inputs: { comment: 'off' } })
    expect(run.outputs['comment-id']).toBe('')
    expect(server.state.comments[7]).toEqual([])
    // Comments are still read (existing approvals count), never written.
    expect(
      server.requests.filter(
        (r) => r.method !== 'GET' && (r.route ?? '').includes('/comments')
      )
    ).toEqual([])
    expect(statusesOn(server, pr.headSha)[0]?.state).toBe('failure')
  })

  it('posts a new comment on every run with comment: new, and leaves labels alone with labels: off', async () => {
    const server = await startScenario()
    const inputs = { comment: 'new', labels: 'off' }
    const first = await review(server, { inputs })
    const second = await review(server, { inputs })
    const comments = server.state.comments[7] ?? []
    expect(comments.map((c) => String(c.id))).toEqual([
      first.outputs['comment-id'],
      second.outputs['comment-id']
    ])
    // The older comment says it is outdated, links the newer one, and offers nothing to copy.
    const older = String(comments[0]?.body)
    const newer = String(comments[1]?.body)
    expect(older.split('\n')[2]).toBe(
      '## ⏸️ plangate: outdated, see the newer report'
    )
    expect(older).toContain(
      `[The report for the new head](https://github.com/octo-org/infra/pull/7#issuecomment-${second.outputs['comment-id']})`
    )
    expect(older).not.toContain('/approve-destroy')
    expect(newer).toContain('/approve-destroy')
    // A third run marks only the second: the first is already marked.
    const patches = (): number =>
      server.requests.filter((r) => r.method === 'PATCH').length
    const before = patches()
    await review(server, { inputs })
    expect(patches() - before).toBe(1)
    expect(server.state.labels[7]).toBeUndefined()
    expect(
      server.requests.filter((r) => (r.route ?? '').includes('/labels'))
    ).toEqual([])
  }, 60_000)

  it('fails the step when blocked only with fail-on-blocked: true; the status blocks either way', async () => {
    const server = await startScenario()
    const run = await review(server, {
      inputs: { 'fail-on-blocked': 'true', comment: 'off' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('blocked')
    expect(run.log).toContain(
      "::error::plangate: 1 gated change(s) need a human's approval"
    )
    expect(statusesOn(server, pr.headSha)[0]?.state).toBe('failure')
  })

  it('uses the status-context input', async () => {
    const server = await startScenario()
    await review(server, { inputs: { 'status-context': 'infra/destroy-gate' } })
    expect(statusesOn(server, pr.headSha)[0]?.context).toBe(
      'infra/destroy-gate'
    )
  })

  it('never lets text in its log run as a workflow command (the older ##[...] form, anywhere in a line)', async () => {
    // Text that reaches a plain log line; the runner ran `##[set-output ...]` found anywhere in one.
    const context = 'infra/##[set-output name=decision;]approved'
    const server = await startScenario()
    const run = await review(server, { inputs: { 'status-context': context } })
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
    // Shown, broken by an invisible space (runAction throws on a raw one, as the runner would run it).
    expect(run.log).toContain(
      'status infra/#\u200b#[set-output name=decision;]approved on'
    )
    expect(statusesOn(server, pr.headSha)[0]?.context).toBe(context)
  })
})

describe('stale and closed pull requests', () => {
  it('writes nothing when the pull request has moved on to another head', async () => {
    const server = await startScenario()
    const pull = server.state.pulls[7] as { head: { sha: string } }
    pull.head.sha = 'f'.repeat(40)
    const run = await review(server)
    expect(run.code).toBe(0)
    expect(run.log).toContain('has moved on to ffffffffffff')
    expect(writes(server)).toEqual([])
    expect(server.state.statuses).toEqual({})
  })

  it('writes nothing on a closed pull request', async () => {
    const server = await startScenario()
    ;(server.state.pulls[7] as { state: string }).state = 'closed'
    const run = await review(server)
    expect(run.code).toBe(0)
    expect(run.log).toContain('is closed: report only')
    expect(writes(server)).toEqual([])
  })
})
