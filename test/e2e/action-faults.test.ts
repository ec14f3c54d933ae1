import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { encodeMarker, parseMarker } from '../../src/report/index.js'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from '../support/action-run.js'
import type { ActionRun } from '../support/action-run.js'
import { pullRequestEvent } from '../support/events.js'
import {
  makeComment,
  makeCommit,
  makeCommitChain,
  makeCommitDetail,
  makePull,
  makeUser,
  startFakeGitHub
} from '../support/fake-github.js'
import type {
  FakeGitHub,
  FakeState,
  RecordedRequest,
  RestObject
} from '../support/fake-github.js'
import { commitDetailsOf, pullOf } from '../support/repo-state.js'

/**
 * Fault injection through the real bundle on a pull_request event: the
 * fake GitHub answers with 404s, 500s, rate limits, a hanging request,
 * malformed JSON, GraphQL errors, 300 commits and 3,000 comments. Whatever
 * happens, plangate never sets a `success` status, says what failed (the
 * request and its HTTP status, "timed out" or "malformed"), prints no stack
 * trace and never prints the token.
 */
const work = mkdtempSync(join(tmpdir(), 'plangate-action-faults-'))
const repo = join(work, 'repo')
/** A workspace without git history, with a plan of 5 destructive changes. */
const long = join(work, 'long')
let fake: FakeGitHub | undefined
let pr: ReturnType<typeof pullOf>

const API = '/repos/octo-org/infra'
const PULL = `${API}/pulls/7`
const COMMITS = `${API}/pulls/7/commits`
const COMMENTS = `${API}/issues/7/comments`
const STATUSES = new RegExp(`^${API}/statuses/`)

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
  mkdirSync(long)
  copyFileSync(
    fixturePath('terraform/kitchen-sink.json'),
    join(long, 'plan.json')
  )
  pr = pullOf(repo, 'base', { number: 7, user: makeUser('dana-human') })
})
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function startScenario(
  extra: Partial<FakeState> = {}
): Promise<FakeGitHub> {
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { 7: { ...pr.pull } },
    pullCommits: { 7: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { 7: [] },
    ...extra
  })
  return fake
}

async function review(
  server: FakeGitHub,
  options: {
    cwd?: string
    headSha?: string
    inputs?: Record<string, string>
  } = {}
): Promise<ActionRun> {
  return runAction({
    cwd: options.cwd ?? repo,
    eventName: 'pull_request',
    payload: pullRequestEvent({
      number: 7,
      headSha: options.headSha ?? pr.headSha
    }),
    inputs: { plan: 'plan.json', ...options.inputs },
    apiUrl: server.url
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

/** What every run must hold, whatever the fault. */
function expectFailClosed(server: FakeGitHub, run: ActionRun): void {
  const states = Object.values(server.state.statuses)
    .flat()
    .map((status) => status['state'])
  expect(states).not.toContain('success')
  const all = `${run.stdout}\n${run.stderr}`
  expect(all.split('\n').filter((line) => line.startsWith('    at '))).toEqual(
    []
  )
  expect(all.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
  expect(server.requests.every((r) => r.authorized)).toBe(true)
}

function requestsTo(server: FakeGitHub, method: string, path: string) {
  return server.requests.filter((r) => r.method === method && r.path === path)
}

/** Notes when the fake received each request (the fake keeps no times). */
function timeRequests(server: FakeGitHub): Map<RecordedRequest, number> {
  const times = new Map<RecordedRequest, number>()
  const list = server.requests
  const push = list.push.bind(list)
  list.push = (...items: RecordedRequest[]): number => {
    for (const item of items) times.set(item, performance.now())
    return push(...items)
  }
  return times
}

const GITHUB_DOCS = 'https://docs.github.com/rest'

describe('fail closed on API errors', () => {
  it('sets an error status on the event head and fails the step on a 404 for the pull request', async () => {
    const server = await startScenario()
    server.fault(
      { method: 'GET', path: PULL },
      {
        status: 404,
        body: JSON.stringify({
          message: 'Not Found',
          documentation_url: GITHUB_DOCS,
          status: '404'
        })
      }
    )
    const run = await review(server)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    const problem = `GitHub API: GET ${PULL} failed with HTTP 404: Not Found`
    expect(run.log).toContain(`::error::plangate: ${problem}`)
    expect(statusesOn(server, pr.headSha)).toMatchObject([
      {
        state: 'error',
        context: 'plangate/main',
        description: `plangate error: ${problem}`
      }
    ])
    expect(requestsTo(server, 'GET', COMMITS)).toEqual([])
    expectFailClosed(server, run)
  })

  it('with fail-on-error: false, still sets the error status but only warns', async () => {
    const server = await startScenario()
    server.fault(
      { method: 'GET', path: PULL },
      { status: 404, body: JSON.stringify({ message: 'Not Found' }) }
    )
    const run = await review(server, { inputs: { 'fail-on-error': 'false' } })
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      `::warning::plangate could not decide: GitHub API: GET ${PULL} failed with HTTP 404: Not Found`
    )
    expect(run.log).not.toContain('::error::')
    expect(statusesOn(server, pr.headSha).map((s) => s.state)).toEqual([
      'error'
    ])
    expectFailClosed(server, run)
  })

  it('retries two 500s on the commit list and then reviews as usual', async () => {
    const server = await startScenario()
    server.fault(
      { method: 'GET', path: COMMITS, times: 2 },
      {
        status: 500,
        body: JSON.stringify({ message: 'Server Error' })
      }
    )
    const run = await review(server)
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
    const attempts = requestsTo(server, 'GET', COMMITS)
    expect(attempts.map((r) => r.faulted)).toEqual([true, true, false])
    expect(
      run.stdout.match(
        new RegExp(`::debug::GET ${COMMITS}\\?per_page=100 -> 500`, 'g')
      )
    ).toHaveLength(2)
    expect(run.log).toContain('reviewed 3 commits')
    expect(statusesOn(server, pr.headSha)).toMatchObject([
      { state: 'failure', context: 'plangate/main' }
    ])
    expectFailClosed(server, run)
  }, 30_000)

  it('fails the step when every status write answers 500, and never records a success', async () => {
    const server = await startScenario()
    server.fault({ method: 'POST', path: STATUSES }, { status: 500 })
    const run = await review(server)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    const route = `POST ${API}/statuses/${pr.headSha}`
    expect(run.log).toContain(
      `::error::plangate: GitHub API: ${route} failed with HTTP 500`
    )
    expect(run.log).toContain(
      `could not set the error status on ${pr.headSha.slice(0, 12)}: GitHub API: ${route} failed with HTTP 500`
    )
    // The verdict (3 attempts), then the error status (3 attempts): bounded.
    const writes = server.requests.filter((r) => STATUSES.test(r.path))
    expect(writes).toHaveLength(6)
    expect(writes.map((r) => (r.body as { state: string }).state)).toEqual([
      'failure',
      'failure',
      'failure',
      'error',
      'error',
      'error'
    ])
    expect(server.state.statuses).toEqual({})
    expectFailClosed(server, run)
  }, 60_000)
})

describe('rate limits', () => {
  it('waits out a secondary rate limit on the comment (retry-after: 1) and succeeds', async () => {
    const server = await startScenario()
    const times = timeRequests(server)
    server.fault(
      { method: 'POST', path: COMMENTS, times: 1 },
      {
        status: 403,
        headers: { 'retry-after': '1' },
        body: JSON.stringify({
          message: 'You have exceeded a secondary rate limit'
        })
      }
    )
    const run = await review(server)
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
    const [refused, accepted, ...more] = requestsTo(server, 'POST', COMMENTS)
    expect(more).toEqual([])
    expect(refused?.faulted).toBe(true)
    expect(accepted?.faulted).toBe(false)
    const waited =
      (times.get(accepted as RecordedRequest) ?? 0) -
      (times.get(refused as RecordedRequest) ?? Infinity)
    expect(waited).toBeGreaterThanOrEqual(1000)
    expect(run.stdout).toMatch(
      /::debug::secondary rate limit on POST \S+\/comments: retry 1 of 2 in 1 s/
    )
    expect(server.state.comments[7]).toHaveLength(1)
    expect(run.outputs['comment-id']).toBe(
      String(server.state.comments[7]?.[0]?.['id'])
    )
    expect(statusesOn(server, pr.headSha)).toMatchObject([{ state: 'failure' }])
    expectFailClosed(server, run)
  }, 30_000)

  it('does not wait for a primary rate limit that resets in an hour: error status', async () => {
    const server = await startScenario()
    server.fault(
      { method: 'GET', path: COMMITS },
      {
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600)
        },
        body: JSON.stringify({
          message: 'API rate limit exceeded for installation ID 4242.',
          documentation_url: GITHUB_DOCS
        })
      }
    )
    const started = performance.now()
    const run = await review(server)
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      `::error::plangate: GitHub API: GET ${COMMITS} failed with HTTP 403: API rate limit exceeded`
    )
    expect(run.stdout).toMatch(
      /::debug::rate limit on GET \S+\/pulls\/7\/commits\S*: resets in \d+ s, not waiting/
    )
    expect(requestsTo(server, 'GET', COMMITS)).toHaveLength(1)
    const [status, ...more] = statusesOn(server, pr.headSha)
    expect(more).toEqual([])
    expect(status?.state).toBe('error')
    expect(status?.description).toContain('HTTP 403: API rate limit')
    expectFailClosed(server, run)
  }, 30_000)
})

describe('broken responses', () => {
  it('ends a hanging commit list with api-timeout: 2 and an error status', async () => {
    const server = await startScenario()
    server.fault({ method: 'GET', path: COMMITS }, 'hang')
    const started = performance.now()
    const run = await review(server, { inputs: { 'api-timeout': '2' } })
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      `::error::plangate: GitHub API: GET ${COMMITS} failed: timed out after 2 s`
    )
    expect(statusesOn(server, pr.headSha)).toMatchObject([
      {
        state: 'error',
        description: `plangate error: GitHub API: GET ${COMMITS} failed: timed out after 2 s`
      }
    ])
    expectFailClosed(server, run)
  }, 30_000)

  it('reports malformed JSON for the pull request as an error', async () => {
    const server = await startScenario()
    server.fault({ method: 'GET', path: PULL }, 'malformed')
    const run = await review(server)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    const problem = `GitHub API: GET ${PULL} failed with HTTP 200: malformed JSON response`
    expect(run.log).toContain(`::error::plangate: ${problem}`)
    expect(statusesOn(server, pr.headSha)).toMatchObject([
      { state: 'error', description: `plangate error: ${problem}` }
    ])
    expectFailClosed(server, run)
  })

  it('assumes github-actions[bot] when the viewer query answers GraphQL errors, and carries on', async () => {
    // A comment of the job token's bot from an earlier run: found by the assumed identity.
    const earlier = makeComment({
      id: 77,
      issue: 7,
      user: makeUser('github-actions[bot]', { id: 41898282, type: 'Bot' }),
      viaApp: 'github-actions',
      body: `${encodeMarker({ context: 'plangate/main', head: 'a'.repeat(40), digest: '' })}\n## ✅ plangate: no destructive changes`
    })
    const server = await startScenario({ comments: { 7: [earlier] } })
    server.fault(
      { method: 'POST', path: '/graphql', times: 1 },
      {
        status: 200,
        body: JSON.stringify({
          data: null,
          errors: [
            {
              type: 'FORBIDDEN',
              message: 'Resource not accessible by integration'
            }
          ]
        })
      }
    )
    const run = await review(server)
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
    const faulted = server.requests.filter((r) => r.faulted)
    expect(faulted).toHaveLength(1)
    expect(JSON.stringify(faulted[0]?.body)).toContain('PlangateViewer')
    expect(run.log).toContain(
      "::warning::could not read the token's own login (GitHub API: POST /graphql (PlangateViewer) failed with HTTP 200: GraphQL: Resource not accessible by integration); assuming github-actions[bot]"
    )
    expect(run.outputs['comment-id']).toBe('77')
    expect(server.state.comments[7]).toHaveLength(1)
    expect(
      parseMarker(String(server.state.comments[7]?.[0]?.['body']))
    ).toEqual({
      context: 'plangate/main',
      head: pr.headSha,
      digest: run.outputs.digest
    })
    expect(statusesOn(server, pr.headSha)).toMatchObject([{ state: 'failure' }])
    expectFailClosed(server, run)
  }, 30_000)
})

describe('big pull requests', () => {
  const chain = makeCommitChain(300, 'long')
  const head = String(chain.at(-1)?.['sha'])
  const shas = chain.map((commit) => String(commit['sha']))
  const parentsOf = (commit: RestObject): string[] =>
    (commit['parents'] as { sha: string }[]).map((p) => p.sha)

  async function startLong(
    options: {
      commits?: number
      list?: RestObject[]
      config?: string
      /** Files of particular commits' diffs (default: none). */
      files?: Record<string, { filename: string; patch: string }[]>
    } = {}
  ): Promise<FakeGitHub> {
    const list = options.list ?? chain
    const details: Record<string, RestObject> = {}
    for (const commit of list) {
      const sha = String(commit['sha'])
      details[sha] = makeCommitDetail(sha, options.files?.[sha] ?? [], {
        parents: parentsOf(commit),
        message: String((commit['commit'] as RestObject)['message'])
      })
    }
    const pull = makePull({
      number: 7,
      headSha: head,
      commits: options.commits ?? list.length
    })
    const baseSha = String((pull['base'] as RestObject)['sha'])
    fake = await startFakeGitHub({
      token: TOKEN,
      pulls: { 7: pull },
      pullCommits: { 7: list },
      commits: details,
      comments: { 7: [] },
      files:
        options.config === undefined
          ? {}
          : { [`${baseSha}:.github/plangate.yml`]: options.config }
    })
    return fake
  }

  it('lists 300 commits through GraphQL (REST stops at 250) and reads at most 100 diffs through the API', async () => {
    // Every destructive change gated, so that the listing, not attribution, decides.
    const server = await startLong({
      config: 'version: 1\ngate-on: destructive\n'
    })
    const run = await review(server, { cwd: long, headSha: head })
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({
      decision: 'blocked',
      'gated-count': '5'
    })

    const pages = server.requests.filter(
      (r) => r.route === 'POST /graphql (PlangatePullCommits)'
    )
    expect(pages).toHaveLength(3)
    expect(
      pages.map((r) => (r.body as { variables: { cursor: unknown } }).variables)
    ).toMatchObject([{ cursor: null }, {}, {}])
    expect(requestsTo(server, 'GET', COMMITS)).toEqual([])
    expect(run.log).toContain(
      'reviewed 300 commits (0 diffs from the checkout, 100 from the API)'
    )
    expect(run.log).toContain(
      '::warning::300 commits of the pull request are not in the checkout; the diffs of 200 of them were not read (at most 100 through the API, AI commits first)'
    )
    const diffs = server.requests
      .filter((r) => r.route === 'GET /repos/{owner}/{repo}/commits/{ref}')
      .map((r) => r.path.split('/').at(-1))
    expect(diffs).toEqual(shas.slice(0, 100))
    const report = JSON.parse(run.report ?? '') as { commits?: unknown[] }
    expect(report.commits).toHaveLength(300)

    expect(server.state.comments[7]).toHaveLength(1)
    expect(statusesOn(server, head)).toMatchObject([
      {
        state: 'failure',
        description: expect.stringMatching(
          /^5 destructive changes need approval/
        ) as unknown
      }
    ])
    expect(server.unexpected()).toEqual([])
    expectFailClosed(server, run)
  }, 60_000)

  it('reads an AI commit first when not every diff can be read, and gates what it may have caused', async () => {
    // Commit 251 of 300 is Claude Code's and changes main.tf; only 100 diffs are read.
    const list = [...chain]
    const ai = list[250] as RestObject
    const aiSha = String(ai['sha'])
    list[250] = makeCommit(aiSha, {
      parents: parentsOf(ai),
      message:
        'Rename the database\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>'
    })
    const server = await startLong({
      list,
      files: {
        [aiSha]: [{ filename: 'main.tf', patch: '@@ -1 +1 @@\n-a\n+b' }]
      }
    })
    const run = await review(server, { cwd: long, headSha: head })
    expect(run.log).toContain(
      'the diffs of 200 of them were not read (at most 100 through the API, AI commits first)'
    )
    const diffs = server.requests
      .filter((r) => r.route === 'GET /repos/{owner}/{repo}/commits/{ref}')
      .map((r) => r.path.split('/').at(-1))
    expect(diffs).toHaveLength(100)
    expect(diffs[0]).toBe(aiSha)
    // The AI commit changed infrastructure code; nothing ties the destroys to anyone.
    expect(run.outputs.decision).toBe('blocked')
    expect(statusesOn(server, head).map((s) => s.state)).toEqual(['failure'])
    expectFailClosed(server, run)
  }, 60_000)

  it('fails when GraphQL counts other commits than the pull request says', async () => {
    const server = await startLong({ commits: 301 })
    const run = await review(server, { cwd: long, headSha: head })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    const problem =
      'GitHub API: POST /graphql (PlangatePullCommits) failed with HTTP 200: pull request #7 has 300 commits by GraphQL, expected 301'
    expect(run.log).toContain(`::error::plangate: ${problem}`)
    const [status, ...more] = statusesOn(server, head)
    expect(more).toEqual([])
    expect(status?.state).toBe('error')
    expect(status?.description).toContain('300 commits by GraphQL, expected')
    expect(server.state.comments[7]).toEqual([])
    expectFailClosed(server, run)
  }, 30_000)

  it('finds its sticky comment at position 2,990 of 3,000 and updates it in place', async () => {
    const first = await startScenario()
    const created = await review(first)
    expect(created.code, created.stdout).toBe(0)
    const ours = first.state.comments[7]?.[0]
    expect(ours?.['user']).toMatchObject({
      login: 'github-actions[bot]',
      type: 'Bot'
    })
    const fresh = String(ours?.['body'])
    expect(parseMarker(fresh)?.context).toBe('plangate/main')
    await first.close()

    const comments: RestObject[] = []
    for (let i = 1; i <= 3000; i += 1)
      comments.push(
        makeComment({
          id: i,
          issue: 7,
          user: makeUser(`reviewer-${i % 13}`),
          body: `Comment ${i}`
        })
      )
    // Our comment, as an earlier run left it (out of date).
    comments[2989] = { ...ours, body: `${fresh}\n\nOut of date.` }
    // Later ones that must not be taken for ours: a pasted marker, another context.
    comments[2994] = makeComment({
      id: 2995,
      issue: 7,
      user: makeUser('mallory'),
      body: fresh
    })
    comments[2996] = {
      ...ours,
      id: 2997,
      body: fresh.replace('plangate/main', 'plangate/staging')
    }
    const server = await startScenario({ comments: { 7: comments } })
    const run = await review(server)
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
    expect(run.outputs['comment-id']).toBe(String(ours?.['id']))

    const listed = requestsTo(server, 'GET', COMMENTS)
    expect(listed).toHaveLength(30)
    expect(listed.map((r) => Number(r.query['page'] ?? '1'))).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1)
    )
    expect(requestsTo(server, 'POST', COMMENTS)).toEqual([])
    const patches = server.requests.filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => r.path)).toEqual([
      `${API}/issues/comments/${String(ours?.['id'])}`
    ])
    const after = server.state.comments[7] ?? []
    expect(after).toHaveLength(3000)
    expect(after[2989]?.['body']).toBe(fresh)
    expect(after[2994]?.['body']).toBe(fresh)
    expect(statusesOn(server, pr.headSha)).toMatchObject([{ state: 'failure' }])
    expectFailClosed(server, run)
  }, 60_000)
})
