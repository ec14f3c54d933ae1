import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseMarker } from '../../src/report/index.js'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from '../support/action-run.js'
import type { ActionRun } from '../support/action-run.js'
import { examplePayload, pullRequestEvent, setPath } from '../support/events.js'
import {
  makePull,
  makeSha,
  makeStatus,
  makeUser,
  startFakeGitHub
} from '../support/fake-github.js'
import type { FakeGitHub, FakeState } from '../support/fake-github.js'
import { commitDetailsOf, pullOf } from '../support/repo-state.js'

/**
 * The bundled action on the events other than a plain pull_request run:
 * merge queues, App-mode workflow_run hand-overs, report-only events, and
 * inputs it must refuse. The API is a fake GitHub on 127.0.0.1 that
 * records every request.
 */
const work = mkdtempSync(join(tmpdir(), 'plangate-action-events-'))
const repo = join(work, 'repo')
/** A workspace without git history, with the scenario's plan. */
const bare = join(work, 'bare')
/** A workspace with two plans under plans/. */
const multi = join(work, 'multi')
let fake: FakeGitHub | undefined
/** The attribution scenario as a pull request from a fork. */
let pr: ReturnType<typeof pullOf>

const FORK = 'dana-human/infra'
const BRANCH = 'rename-db'

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
  mkdirSync(join(multi, 'plans', 'app'), { recursive: true })
  mkdirSync(join(multi, 'plans', 'db'), { recursive: true })
  copyFileSync(
    fixturePath('attribution/scenario/plan.json'),
    join(multi, 'plans', 'app', 'plan.json')
  )
  copyFileSync(
    fixturePath('terraform/kitchen-sink.json'),
    join(multi, 'plans', 'db', 'plan.json')
  )
  pr = pullOf(repo, 'base', {
    number: 7,
    user: makeUser('dana-human'),
    headRepo: FORK,
    headRef: BRANCH
  })
})
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function start(state: Partial<FakeState> = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ token: TOKEN, ...state })
  return fake
}

async function startScenario(): Promise<FakeGitHub> {
  return start({
    pulls: { 7: { ...pr.pull } },
    pullCommits: { 7: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { 7: [] }
  })
}

interface Status {
  state: string
  context: string
  description: string
}

function statusesOn(server: FakeGitHub, sha: string): Status[] {
  return (server.state.statuses[sha] ?? []) as unknown as Status[]
}

/** No stack trace and no token in what the step prints. */
function expectClean(run: ActionRun): void {
  const all = `${run.stdout}\n${run.stderr}`
  expect(all.split('\n').filter((line) => line.startsWith('    at '))).toEqual(
    []
  )
  expect(all.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
}

describe('merge_group', () => {
  const prHead = makeSha('queued-pr-7-head')
  const groupSha = makeSha('merge-group-7')

  function mergeGroupEvent(headRef: string): Record<string, unknown> {
    const payload = examplePayload('merge_group')
    setPath(payload, 'merge_group.head_ref', headRef)
    setPath(payload, 'merge_group.head_sha', groupSha)
    setPath(payload, 'merge_group.base_ref', 'refs/heads/main')
    return payload
  }

  async function queue(
    server: FakeGitHub,
    headRef = `refs/heads/gh-readonly-queue/main/pr-7-${makeSha('main-tip')}`
  ): Promise<ActionRun> {
    return runAction({
      cwd: bare,
      eventName: 'merge_group',
      payload: mergeGroupEvent(headRef),
      inputs: {},
      apiUrl: server.url
    })
  }

  it.each([
    {
      name: 'success by plangate on the pull request head gives success',
      creator: undefined,
      state: 'success',
      decision: 'pass',
      description: `pull request #7 passed plangate at ${prHead.slice(0, 12)}`
    },
    {
      name: 'a success status written by someone else gives failure',
      creator: makeUser('mallory'),
      state: 'failure',
      decision: 'blocked',
      description: `pull request #7 has no plangate status at ${prHead.slice(0, 12)}`
    }
  ])('$name', async ({ creator, state, decision, description }) => {
    const server = await start({
      pulls: { 7: makePull({ number: 7, headSha: prHead }) },
      statuses: {
        [prHead]: [
          makeStatus({
            id: 1,
            state: 'success',
            context: 'plangate/main',
            description: 'no destructive changes',
            ...(creator === undefined ? {} : { creator })
          })
        ]
      }
    })
    const run = await queue(server)
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe(decision)
    expect(statusesOn(server, groupSha)).toMatchObject([
      { state, context: 'plangate/main', description }
    ])
    expect(statusesOn(server, prHead)).toHaveLength(1)
    expect(server.unexpected()).toEqual([])
    expectClean(run)
  })

  it('no plangate status on the pull request head gives failure', async () => {
    const server = await start({
      pulls: { 7: makePull({ number: 7, headSha: prHead }) }
    })
    const run = await queue(server)
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
    expect(statusesOn(server, groupSha)).toMatchObject([
      {
        state: 'failure',
        context: 'plangate/main',
        description: `pull request #7 has no plangate status at ${prHead.slice(0, 12)}`
      }
    ])
    expectClean(run)
  })

  it('a head ref that names no pull request gives an error status on the group', async () => {
    const server = await start()
    const ref = 'refs/heads/gh-readonly-queue/main/not-a-pull-request'
    const run = await queue(server, ref)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    const problem = `merge group ref "${ref}" does not name a pull request (expected …/pr-<number>-<sha>)`
    expect(run.log).toContain(`::error::plangate: ${problem}`)
    const [status, ...more] = statusesOn(server, groupSha)
    expect(more).toEqual([])
    expect(status).toMatchObject({ state: 'error', context: 'plangate/main' })
    expect(status?.description).toMatch(
      /^plangate error: merge group ref "refs\/heads\/gh-readonly-queue\//
    )
    expect(server.requests.map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/statuses/{sha}'
    ])
    expectClean(run)
  })

  it('a head ref naming a pull request that does not exist gives an error status on the group', async () => {
    const server = await start()
    const run = await queue(
      server,
      `refs/heads/gh-readonly-queue/main/pr-8-${makeSha('main-tip')}`
    )
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      '::error::plangate: GitHub API: GET /repos/octo-org/infra/pulls/8 failed with HTTP 404: Not Found'
    )
    expect(statusesOn(server, groupSha).map((s) => s.state)).toEqual(['error'])
    expectClean(run)
  })
})

describe('workflow_run (App mode: the plan came from a pull_request run)', () => {
  function workflowRunEvent(
    changes: { event?: string; conclusion?: string } = {}
  ): Record<string, unknown> {
    const payload = examplePayload('workflow_run', 'completed')
    setPath(payload, 'workflow_run.event', changes.event ?? 'pull_request')
    setPath(payload, 'workflow_run.head_sha', pr.headSha)
    setPath(payload, 'workflow_run.head_branch', BRANCH)
    setPath(payload, 'workflow_run.head_repository.full_name', FORK)
    // GitHub lists no pull requests for runs from forks.
    setPath(payload, 'workflow_run.pull_requests', [])
    setPath(payload, 'workflow_run.conclusion', changes.conclusion ?? 'success')
    setPath(
      payload,
      'workflow_run.path',
      '.github/workflows/plangate-app-plan.yml'
    )
    return payload
  }

  async function handOver(
    server: FakeGitHub,
    changes: { event?: string; conclusion?: string } = {}
  ): Promise<ActionRun> {
    return runAction({
      cwd: repo,
      eventName: 'workflow_run',
      payload: workflowRunEvent(changes),
      inputs: { plan: 'plan.json' },
      apiUrl: server.url
    })
  }

  it('finds the fork pull request by its head and reviews it like a pull_request run', async () => {
    const server = await startScenario()
    const run = await handOver(server)
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({
      decision: 'blocked',
      'gated-count': '1'
    })
    const digest = run.outputs.digest ?? ''
    expect(digest).toMatch(/^[0-9a-f]{16}$/)

    const [lookup] = server.requests
    expect(lookup?.route).toBe('GET /repos/{owner}/{repo}/pulls')
    expect(lookup?.query).toMatchObject({
      state: 'open',
      head: `dana-human:${BRANCH}`
    })

    expect(statusesOn(server, pr.headSha)).toMatchObject([
      {
        state: 'failure',
        context: 'plangate/main',
        description: `1 destructive change needs approval: /approve-destroy ${digest}`
      }
    ])
    const comments = server.state.comments[7] ?? []
    expect(comments).toHaveLength(1)
    const body = String(comments[0]?.['body'])
    expect(parseMarker(body)).toEqual({
      context: 'plangate/main',
      head: pr.headSha,
      digest
    })
    expect(body).toContain('Rename the orders database 🤖 claude-code')
    expect(server.unexpected()).toEqual([])
    expectClean(run)
  }, 30_000)

  it('a plan run that failed gives a failure status and fails the step', async () => {
    const server = await startScenario()
    const run = await handOver(server, { conclusion: 'failure' })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      `::error::plangate: the plan run for ${pr.headSha.slice(0, 12)} concluded "failure", not success: there is no plan to review`
    )
    expect(statusesOn(server, pr.headSha)).toMatchObject([
      {
        state: 'failure',
        context: 'plangate/main',
        description: 'the plan run did not succeed (failure): nothing to review'
      }
    ])
    expect(server.state.comments[7]).toEqual([])
    expectClean(run)
  })

  it('a workflow_run of a push run is refused before any request', async () => {
    const server = await startScenario()
    const run = await handOver(server, { event: 'push' })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      '::error::plangate: this workflow_run event is for a push run; plangate reviews the plans of pull_request runs'
    )
    expect(server.requests).toEqual([])
    expect(server.state.statuses).toEqual({})
    expectClean(run)
  })
})

describe('report-only events', () => {
  it.each(['push', 'workflow_dispatch'])(
    '%s: job summary and outputs, no API request',
    async (eventName) => {
      const server = await start()
      const run = await runAction({
        cwd: bare,
        eventName,
        payload: examplePayload(eventName),
        inputs: { plan: 'plan.json' },
        apiUrl: server.url
      })
      expect(run.code, run.stdout).toBe(0)
      // Without history nobody can say an agent did not cause the replacement.
      expect(run.outputs).toMatchObject({
        decision: 'blocked',
        'gated-count': '1',
        'destructive-count': '1',
        'replace-count': '1',
        'comment-id': ''
      })
      expect(run.summary).toContain('terraform_data.database')
      const report = run.report ?? ''
      expect(report).toContain('terraform_data.database')
      expect(server.requests).toEqual([])
      expectClean(run)
    }
  )

  it('a glob matching two plan files reviews both', async () => {
    const server = await start()
    const run = await runAction({
      cwd: multi,
      eventName: 'push',
      payload: examplePayload('push'),
      inputs: { plan: 'plans/**/*.json' },
      apiUrl: server.url
    })
    expect(run.code, run.stdout).toBe(0)
    expect(run.summary).toContain('plans/app/plan.json')
    expect(run.summary).toContain('plans/db/plan.json')
    expect(run.summary).toContain('terraform_data.database')
    expect(run.summary).toContain('terraform_data.legacy_bastion')
    // 1 replacement in app, 3 destroys and 2 replacements in db.
    expect(run.outputs['destructive-count']).toBe('6')
    expect(server.requests).toEqual([])
    expectClean(run)
  })
})

describe('inputs the action refuses', () => {
  async function pullRequestRun(
    server: FakeGitHub,
    inputs: Record<string, string>
  ): Promise<ActionRun> {
    return runAction({
      cwd: bare,
      eventName: 'pull_request',
      payload: pullRequestEvent({ number: 7, headSha: pr.headSha }),
      inputs: { plan: 'plan.json', ...inputs },
      apiUrl: server.url
    })
  }

  it('an empty github-token on a pull request fails, naming the input', async () => {
    const server = await startScenario()
    const run = await pullRequestRun(server, { 'github-token': '' })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      '::error::plangate: input "github-token" is empty'
    )
    expect(server.requests).toEqual([])
    expectClean(run)
  })

  it.each([
    [
      'comment',
      'sometimes',
      'input "comment" must be one of update|new|off, got "sometimes"'
    ],
    [
      'labels',
      'maybe',
      'input "labels" must be on|off (or true|false), got "maybe"'
    ],
    [
      'api-timeout',
      '-1',
      'input "api-timeout" must be a number of seconds between 0 and 600, got "-1"'
    ]
  ])(
    '%s: %s fails the step and sets an error status saying why',
    async (name, value, message) => {
      const server = await startScenario()
      const run = await pullRequestRun(server, { [name]: value })
      expect(run.code).toBe(1)
      expect(run.outputs.decision).toBe('error')
      expect(run.log).toContain(`::error::plangate: ${message}`)
      // One request: the error status, with the input's message.
      expect(server.requests.map((r) => r.method)).toEqual(['POST'])
      const [status, ...more] = statusesOn(server, pr.headSha)
      expect(more).toEqual([])
      expect(status).toMatchObject({ state: 'error', context: 'plangate/main' })
      expect(status?.description).toContain(
        `plangate error: ${message}`.slice(0, 100)
      )
      expectClean(run)
    }
  )

  it('a plan glob that matches nothing fails closed, naming the glob', async () => {
    const server = await startScenario()
    const run = await pullRequestRun(server, { plan: 'plans/**/*.json' })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toMatch(
      /::error::plangate: plans\/\*\*\/\*\.json: expected a glob that matches at least one plan file/
    )
    const [status, ...more] = statusesOn(server, pr.headSha)
    expect(more).toEqual([])
    expect(status).toMatchObject({ state: 'error', context: 'plangate/main' })
    expect(status?.description).toContain('plans/**/*.json')
    expectClean(run)
  })
})
