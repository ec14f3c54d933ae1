import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it, test as base } from 'vitest'
import {
  COMMIT_FILES_CAP,
  createGitHubPort,
  GitHubApiError,
  graphqlEndpoint,
  type GitHubPort,
  type GitHubPortOptions
} from '../../src/github/index.js'
import {
  makeComment,
  makeCommit,
  makeCommitChain,
  makeCommitDetail,
  makePermission,
  makePull,
  makeReview,
  makeSha,
  makeStatus,
  makeUser,
  startFakeGitHub,
  type FakeFileChange,
  type FakeGitHub
} from '../support/fake-github.js'

/** Distinctive, so a leak into any message or log line is easy to find. */
const TOKEN = 'ghs_TOKEN_MUST_NEVER_LEAK_1234567890abcdef'
const HEAD = makeSha('head')
const REPO = '/repos/octo-org/infra'
const run = promisify(execFile)

interface Fixtures {
  /** A fresh fake GitHub per test, so tests can run concurrently. */
  fake: FakeGitHub
  /** The adapter's debug lines. */
  logs: string[]
  /** A port on `fake`, logging to `logs`. */
  port: (options?: Partial<GitHubPortOptions>) => GitHubPort
}

// Each port paces itself (the throttling plugin keys its limiters per
// port), so concurrent tests do not wait for each other.
const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  fake: async ({}, use) => {
    const fake = await startFakeGitHub({ token: TOKEN })
    await use(fake)
    await fake.close()
    // Nothing outside the routes the adapter is meant to call.
    expect(fake.unexpected()).toEqual([])
  },
  // eslint-disable-next-line no-empty-pattern
  logs: async ({}, use) => {
    const logs: string[] = []
    await use(logs)
    for (const line of logs) expect(line).not.toContain(TOKEN)
  },
  port: async ({ fake, logs }, use) => {
    await use((options = {}) =>
      createGitHubPort({
        token: TOKEN,
        owner: 'octo-org',
        repo: 'infra',
        baseUrl: fake.url,
        log: (message) => logs.push(message),
        // The spacing GitHub asks for is measured in test/e2e/api-pacing.test.ts.
        pacing: { writeMs: 10, commentMs: 10, retryMs: 10 },
        ...options
      })
    )
  }
})

/** The rejection of `promise`, which must be a GitHubApiError without the token. */
async function apiError(promise: Promise<unknown>): Promise<GitHubApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(GitHubApiError)
  if (!(error instanceof GitHubApiError)) throw new Error('unreachable')
  expect(error.message).not.toContain(TOKEN)
  expect(error.stack?.split('\n')[0]).not.toContain(TOKEN)
  return error
}

describe.concurrent('reads', () => {
  test('viewer: a bot gets [bot] appended; a user keeps its login', async ({
    fake,
    logs,
    port
  }) => {
    const github = port()
    await expect(github.viewer()).resolves.toEqual({
      login: 'github-actions[bot]',
      id: 41898282,
      type: 'Bot'
    })
    fake.state.viewer = { login: 'ci-user', databaseId: 7, __typename: 'User' }
    await expect(github.viewer()).resolves.toEqual({
      login: 'ci-user',
      id: 7,
      type: 'User'
    })
    expect(fake.requests.map((r) => r.route)).toEqual([
      'POST /graphql (PlangateViewer)',
      'POST /graphql (PlangateViewer)'
    ])
    expect(fake.requests.every((r) => r.authorized)).toBe(true)
    expect(logs).toEqual([
      'POST /graphql PlangateViewer -> 200',
      'POST /graphql PlangateViewer -> 200'
    ])
    expect(github.requestCount()).toBe(2)
  })

  test('getPullRequest maps the REST pull request', async ({
    fake,
    logs,
    port
  }) => {
    fake.state.pulls[7] = makePull({
      number: 7,
      headSha: HEAD,
      baseSha: makeSha('base'),
      headRef: 'agent/fix-db',
      headRepo: 'someone/infra-fork',
      user: makeUser('dev'),
      title: 'Resize the database',
      body: null,
      commits: 3,
      labels: ['infra', 'ai']
    })
    await expect(port().getPullRequest(7)).resolves.toEqual({
      number: 7,
      state: 'open',
      merged: false,
      draft: false,
      title: 'Resize the database',
      body: '',
      author: { login: 'dev', id: expect.any(Number) as number, type: 'User' },
      headSha: HEAD,
      headRef: 'agent/fix-db',
      headRepo: 'someone/infra-fork',
      baseRef: 'main',
      baseSha: makeSha('base'),
      commitCount: 3,
      labels: ['infra', 'ai'],
      htmlUrl: 'https://github.com/octo-org/infra/pull/7'
    })
    expect(fake.requests[0]?.path).toBe(`${REPO}/pulls/7`)
    expect(logs).toEqual([`GET ${REPO}/pulls/7 -> 200`])
  })

  test('getPullRequest: a deleted fork gives an empty headRepo', async ({
    fake,
    port
  }) => {
    fake.state.pulls[8] = makePull({ number: 8, headSha: HEAD, headRepo: null })
    expect((await port().getPullRequest(8)).headRepo).toBe('')
  })

  test('findPullRequest finds the open pull request of a head', async ({
    fake,
    logs,
    port
  }) => {
    const head = { headSha: HEAD, headRef: 'agent/fix' }
    fake.state.pulls[3] = makePull({ number: 3, ...head, commits: 2 })
    fake.state.pulls[4] = makePull({ number: 4, ...head, baseRef: 'release' })
    fake.state.pulls[5] = makePull({ number: 5, ...head, state: 'closed' })
    fake.state.pulls[6] = makePull({ number: 6, ...head, headRepo: 'x/infra' })
    fake.state.pulls[7] = makePull({
      number: 7,
      headSha: makeSha('other'),
      headRef: 'agent/fix'
    })
    fake.state.pulls[8] = makePull({
      number: 8,
      headSha: HEAD,
      headRef: 'main',
      headRepo: 'someone/infra-fork'
    })
    const github = port()
    const found = await github.findPullRequest(
      'octo-org/infra',
      'agent/fix',
      HEAD
    )
    expect(found).toMatchObject({ number: 3, commitCount: 2, headSha: HEAD })
    expect(logs).toContain(
      `pull requests #3, #4 all have head octo-org/infra:agent/fix at ${HEAD}; using #3`
    )
    expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
      [
        `${REPO}/pulls`,
        { state: 'open', head: 'octo-org:agent/fix', per_page: '100' }
      ],
      [`${REPO}/pulls/3`, {}]
    ])
    const fork = await github.findPullRequest(
      'someone/infra-fork',
      'main',
      HEAD
    )
    expect(fork?.number).toBe(8)
    expect(
      await github.findPullRequest('octo-org/infra', 'agent/fix', makeSha('x'))
    ).toBeUndefined()
    expect(github.requestCount()).toBe(5)
  })

  test('getPullRequest fails closed on a missing head.sha', async ({
    fake,
    port
  }) => {
    const pull = makePull({ number: 9, headSha: HEAD })
    pull['head'] = { ref: 'x', repo: null }
    fake.state.pulls[9] = pull
    const error = await apiError(port().getPullRequest(9))
    expect(error.message).toBe(
      `GitHub API: GET ${REPO}/pulls/9 failed with HTTP 200: unexpected response shape: head.sha is missing, expected a string`
    )
  })

  test('listPullCommits maps REST commits, 100 per page', async ({
    fake,
    port
  }) => {
    const first = makeCommit(makeSha('c1'), {
      parents: [makeSha('base')],
      message: 'Add db\n\nCo-authored-by: Claude <noreply@anthropic.com>',
      author: { name: 'Dev', email: 'dev@example.com', login: 'dev' },
      committer: { name: 'GitHub', email: 'noreply@github.com', login: null }
    })
    fake.state.pullCommits[3] = [first, ...makeCommitChain(2, 'rest')]
    const commits = await port().listPullCommits(3, 3)
    expect(commits).toHaveLength(3)
    expect(commits[0]).toEqual({
      sha: makeSha('c1'),
      parents: [makeSha('base')],
      author: {
        name: 'Dev',
        email: 'dev@example.com',
        date: '2024-05-01T09:00:00Z',
        login: 'dev'
      },
      committer: {
        name: 'GitHub',
        email: 'noreply@github.com',
        date: '2024-05-01T09:00:00Z'
      },
      message: 'Add db\n\nCo-authored-by: Claude <noreply@anthropic.com>'
    })
    expect(fake.requests.map((r) => r.query)).toEqual([{ per_page: '100' }])
  })

  test('REST stops at 250 commits, so 300 are read through GraphQL', async ({
    fake,
    port
  }) => {
    fake.state.pullCommits[4] = makeCommitChain(300, 'big')
    // The REST endpoint's cap, which paging does not lift:
    const listed: unknown[] = []
    let next: string | undefined =
      `${fake.url}${REPO}/pulls/4/commits?per_page=100`
    while (next !== undefined) {
      const response: Response = await fetch(next, {
        headers: { authorization: `token ${TOKEN}` }
      })
      listed.push(...((await response.json()) as unknown[]))
      next = /<([^>]+)>; rel="next"/.exec(
        response.headers.get('link') ?? ''
      )?.[1]
    }
    expect(listed).toHaveLength(250)
    fake.requests.length = 0

    const github = port()
    const commits = await github.listPullCommits(4, 300)
    expect(commits.map((c) => c.sha)).toEqual(
      fake.state.pullCommits[4].map((c) => c['sha'])
    )
    expect(commits[299]?.parents).toEqual([makeSha('big-298')])
    expect(commits[0]?.author.login).toBe('octocat')
    expect(fake.requests.map((r) => r.route)).toEqual([
      'POST /graphql (PlangatePullCommits)',
      'POST /graphql (PlangatePullCommits)',
      'POST /graphql (PlangatePullCommits)'
    ])
    expect(github.requestCount()).toBe(3)
  })

  test('listPullCommits fails closed when the count differs', async ({
    fake,
    port
  }) => {
    fake.state.pullCommits[5] = makeCommitChain(3, 'short')
    const rest = await apiError(port().listPullCommits(5, 4))
    expect(rest.message).toContain('3 commits listed, the pull request has 4')

    fake.state.pullCommits[6] = makeCommitChain(300, 'gql')
    const gql = await apiError(port().listPullCommits(6, 301))
    expect(gql.message).toContain(
      'pull request #6 has 300 commits by GraphQL, expected 301'
    )
  })

  test('listPullCommits fails closed on a repeated SHA', async ({
    fake,
    port
  }) => {
    const chain = makeCommitChain(2, 'dup')
    fake.state.pullCommits[5] = [...chain, chain[0] ?? {}]
    const rest = await apiError(port().listPullCommits(5, 3))
    expect(rest.message).toContain(`commit ${makeSha('dup-0')} listed twice`)

    const long = makeCommitChain(300, 'gdup')
    fake.state.pullCommits[6] = [...long, long[120] ?? {}]
    const gql = await apiError(port().listPullCommits(6, 301))
    expect(gql.message).toContain(`commit ${makeSha('gdup-120')} listed twice`)
  })

  test('listPullCommits fails closed when the GraphQL cursor stalls', async ({
    fake,
    port
  }) => {
    fake.fault(
      { path: '/graphql' },
      {
        status: 200,
        body: JSON.stringify({
          data: {
            repository: {
              pullRequest: {
                commits: {
                  totalCount: 300,
                  pageInfo: { hasNextPage: true, endCursor: 'Y3Vyc29y' },
                  nodes: []
                }
              }
            }
          }
        })
      }
    )
    const error = await apiError(port().listPullCommits(2, 300))
    expect(error.message).toContain('pagination cursor did not advance')
  })

  test('getCommitFiles pages the files of a commit', async ({ fake, port }) => {
    const files: FakeFileChange[] = Array.from({ length: 250 }, (_, i) => ({
      filename: `stacks/s${i}/main.tf`,
      patch: `@@ -1 +1 @@\n-a${i}\n+b${i}`
    }))
    files[3] = {
      filename: 'stacks/new/main.tf',
      previous_filename: 'stacks/old/main.tf',
      status: 'renamed'
    }
    fake.state.commits[HEAD] = makeCommitDetail(HEAD, files)
    const result = await port().getCommitFiles(HEAD)
    expect(result).toHaveLength(250)
    expect(result[0]).toEqual({
      path: 'stacks/s0/main.tf',
      status: 'modified',
      patch: '@@ -1 +1 @@\n-a0\n+b0'
    })
    expect(result[3]).toEqual({
      path: 'stacks/new/main.tf',
      previousPath: 'stacks/old/main.tf',
      status: 'renamed'
    })
    expect(result[249]?.path).toBe('stacks/s249/main.tf')
    expect(fake.requests.map((r) => r.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' }
    ])
  })

  test('getCommitFiles fails closed at GitHub’s 3,000-file cap', async ({
    fake,
    port
  }) => {
    const files = Array.from({ length: COMMIT_FILES_CAP + 5 }, (_, i) => ({
      filename: `f${i}.tf`
    }))
    fake.state.commits[HEAD] = makeCommitDetail(HEAD, files)
    const error = await apiError(port().getCommitFiles(HEAD))
    expect(error.message).toContain('GitHub lists at most 3000')
    expect(fake.requests).toHaveLength(30)
  })

  test('readFiles batches 50 files per GraphQL query, in input order', async ({
    fake,
    port
  }) => {
    const wanted = Array.from({ length: 120 }, (_, i) => ({
      ref: i % 2 === 0 ? HEAD : 'main',
      path: `stacks/s${i}/plangate.yml`
    }))
    for (const [i, w] of wanted.entries())
      if (i % 3 !== 0) fake.state.files[`${w.ref}:${w.path}`] = `file ${i}\n`
    fake.state.files[`${HEAD}:stacks/s4/plangate.yml`] = { binary: true }
    fake.state.files[`main:stacks/s5/plangate.yml`] = { tree: true }
    const files = await port().readFiles(wanted)
    expect(files).toHaveLength(120)
    expect(files[0]).toEqual({
      ref: HEAD,
      path: 'stacks/s0/plangate.yml',
      text: undefined
    })
    expect(files[1]).toEqual({
      ref: 'main',
      path: 'stacks/s1/plangate.yml',
      text: 'file 1\n'
    })
    expect(files[4]?.text).toBeUndefined()
    expect(files[5]?.text).toBeUndefined()
    expect(files[119]?.text).toBe('file 119\n')
    const batches = fake.requests.map((r) => r.body as Record<string, unknown>)
    expect(
      batches.map((b) => Object.keys(b['variables'] ?? {}).length)
    ).toEqual([52, 52, 22])
    // Paths travel as variables, never inside the query text.
    for (const b of batches) expect(String(b['query'])).not.toContain('stacks/')
  })

  test('readFiles fails closed on a truncated blob', async ({ fake, port }) => {
    fake.state.files['main:big.json'] = { truncated: true, text: '{"a":' }
    const error = await apiError(
      port().readFiles([{ ref: 'main', path: 'big.json' }])
    )
    expect(error.message).toContain('big.json at main is too large')
  })

  test('listIssueComments reads all 3,001 comments over 31 pages, in order', async ({
    fake,
    port
  }) => {
    fake.state.comments[1] = Array.from({ length: 3001 }, (_, i) =>
      makeComment({
        id: 1000 + i,
        body: `comment ${i}`,
        viaApp: i === 5 ? 'claude' : undefined
      })
    )
    const github = port()
    const comments = await github.listIssueComments(1)
    expect(comments.map((c) => c.id)).toEqual(
      Array.from({ length: 3001 }, (_, i) => 1000 + i)
    )
    expect(comments[5]?.viaApp).toBe('claude')
    expect(comments[4]).toEqual({
      id: 1004,
      body: 'comment 4',
      author: {
        login: 'octocat',
        id: expect.any(Number) as number,
        type: 'User'
      },
      createdAt: '2024-05-01T11:00:00Z',
      updatedAt: '2024-05-01T11:00:00Z',
      htmlUrl: 'https://github.com/octo-org/infra/pull/1#issuecomment-1004'
    })
    expect(github.requestCount()).toBe(31)
    expect(fake.requests.at(-1)?.query).toEqual({ per_page: '100', page: '31' })
  })

  test('listIssueComments fails closed when a page shift repeats a comment', async ({
    fake,
    port
  }) => {
    const comments = Array.from({ length: 150 }, (_, i) =>
      makeComment({ id: 1000 + i, body: `c${i}` })
    )
    fake.state.comments[1] = [...comments, comments[99] ?? {}]
    const error = await apiError(port().listIssueComments(1))
    expect(error.message).toContain('id 1099 listed twice')
  })

  test('listReviews maps state, commit and submission time', async ({
    fake,
    port
  }) => {
    fake.state.reviews[2] = [
      makeReview({ id: 1, state: 'APPROVED', commitId: HEAD, pull: 2 }),
      makeReview({
        id: 2,
        state: 'PENDING',
        commitId: HEAD,
        user: makeUser('lead')
      })
    ]
    const reviews = await port().listReviews(2)
    expect(reviews).toEqual([
      {
        id: 1,
        body: '',
        author: {
          login: 'reviewer',
          id: expect.any(Number) as number,
          type: 'User'
        },
        state: 'APPROVED',
        commitId: HEAD,
        submittedAt: '2024-05-01T11:10:00Z'
      },
      {
        id: 2,
        body: '',
        author: {
          login: 'lead',
          id: expect.any(Number) as number,
          type: 'User'
        },
        state: 'PENDING',
        commitId: HEAD
      }
    ])
  })

  test('getPermission: role_name, custom roles, legacy permission, 404', async ({
    fake,
    port
  }) => {
    fake.state.permissions['maint'] = makePermission('maint', 'maintain')
    fake.state.permissions['tri'] = makePermission('tri', 'triage')
    fake.state.permissions['custom'] = makePermission(
      'custom',
      'infra-approver',
      'write'
    )
    fake.state.permissions['nobody'] = makePermission('nobody', 'none')
    fake.state.permissions['old'] = { permission: 'admin' }
    fake.state.permissions['weird'] = {
      permission: 'superuser',
      role_name: 'superuser'
    }
    fake.state.permissions['app[bot]'] = makePermission('app[bot]', 'write')
    const github = port()
    expect(await github.getPermission('maint')).toBe('maintain')
    expect(await github.getPermission('tri')).toBe('triage')
    expect(await github.getPermission('custom')).toBe('write')
    expect(await github.getPermission('nobody')).toBe('none')
    expect(await github.getPermission('old')).toBe('admin')
    expect(await github.getPermission('app[bot]')).toBe('write')
    const weird = await apiError(github.getPermission('weird'))
    expect(weird.message).toContain('unknown permission')
    const missing = await apiError(github.getPermission('ghost-user'))
    expect(missing.status).toBe(404)
    expect(missing.message).toBe(
      `GitHub API: GET ${REPO}/collaborators/ghost-user/permission failed with HTTP 404: Not Found`
    )
  })
})

describe.concurrent('writes', () => {
  test('creates and updates a comment and reacts to it; a later list sees them', async ({
    fake,
    port
  }) => {
    fake.state.pulls[1] = makePull({ number: 1, headSha: HEAD })
    const github = port()
    const created = await github.createComment(1, 'first')
    expect(created).toMatchObject({
      body: 'first',
      author: { login: 'github-actions[bot]', type: 'Bot' },
      createdAt: '2024-05-01T12:00:01Z',
      viaApp: 'github-actions'
    })
    const updated = await github.updateComment(created.id, 'second')
    expect(updated).toMatchObject({
      id: created.id,
      body: 'second',
      updatedAt: '2024-05-01T12:00:02Z'
    })
    await github.addReaction(created.id, 'eyes')
    expect(fake.state.reactions[created.id]).toMatchObject([
      { content: 'eyes' }
    ])
    const listed = await github.listIssueComments(1)
    expect(listed).toEqual([updated])
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${REPO}/issues/1/comments`,
      `PATCH ${REPO}/issues/comments/${created.id}`,
      `POST ${REPO}/issues/comments/${created.id}/reactions`,
      `GET ${REPO}/issues/1/comments`
    ])
    expect(fake.requests.map((r) => r.body)).toEqual([
      { body: 'first' },
      { body: 'second' },
      { content: 'eyes' },
      undefined
    ])
  })

  test('sets a status and lists statuses newest first', async ({
    fake,
    port
  }) => {
    fake.state.statuses[HEAD] = [
      makeStatus({ id: 1, state: 'pending', context: 'plangate/main' })
    ]
    const github = port()
    await github.setStatus(HEAD, {
      state: 'failure',
      context: 'plangate/main',
      description: 'Blocked: 2 destroys need approval',
      targetUrl: 'https://github.com/octo-org/infra/pull/1'
    })
    expect(fake.requests[0]?.body).toEqual({
      state: 'failure',
      context: 'plangate/main',
      description: 'Blocked: 2 destroys need approval',
      target_url: 'https://github.com/octo-org/infra/pull/1'
    })
    const statuses = await github.listStatuses(HEAD)
    expect(statuses).toEqual([
      {
        state: 'failure',
        context: 'plangate/main',
        description: 'Blocked: 2 destroys need approval',
        targetUrl: 'https://github.com/octo-org/infra/pull/1',
        createdAt: '2024-05-01T12:00:01Z',
        creator: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
      },
      {
        state: 'pending',
        context: 'plangate/main',
        description: '',
        createdAt: '2024-05-01T11:20:00Z',
        creator: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
      }
    ])
  })

  test('rejects a status description over 140 characters before sending', async ({
    fake,
    port
  }) => {
    const github = port()
    const error = await apiError(
      github.setStatus(HEAD, {
        state: 'success',
        context: 'plangate/main',
        description: 'x'.repeat(141)
      })
    )
    expect(error.message).toContain('description has 141 characters')
    expect(fake.requests).toEqual([])
    expect(github.requestCount()).toBe(0)
  })

  test('adds and removes labels; removing a missing label is not an error', async ({
    fake,
    port
  }) => {
    fake.state.pulls[1] = makePull({
      number: 1,
      headSha: HEAD,
      labels: ['infra']
    })
    const github = port()
    await github.addLabels(1, ['plangate: blocked', 'ai'])
    await github.removeLabel(1, 'ai')
    await github.removeLabel(1, 'never-there')
    await github.addLabels(1, [])
    expect((await github.getPullRequest(1)).labels).toEqual([
      'infra',
      'plangate: blocked'
    ])
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${REPO}/issues/1/labels`,
      `DELETE ${REPO}/issues/1/labels/ai`,
      `DELETE ${REPO}/issues/1/labels/never-there`,
      `GET ${REPO}/pulls/1`
    ])
    expect(fake.requests[0]?.body).toEqual({
      labels: ['plangate: blocked', 'ai']
    })
  })

  test('removeLabel still fails on other errors', async ({ fake, port }) => {
    fake.fault(
      { method: 'DELETE' },
      {
        status: 403,
        body: '{"message":"Resource not accessible by integration"}'
      }
    )
    const error = await apiError(port().removeLabel(1, 'x'))
    expect(error.status).toBe(403)
    expect(error.message).toContain('Resource not accessible by integration')
  })
})

/** Pull request #1 at HEAD, which most failure tests read. */
function seedPull(fake: FakeGitHub): void {
  fake.state.pulls[1] = makePull({ number: 1, headSha: HEAD })
}

describe.concurrent('failures', () => {
  test('retries a 500 and succeeds; requestCount counts the retry', async ({
    fake,
    logs,
    port
  }) => {
    seedPull(fake)
    fake.fault(
      { path: `${REPO}/pulls/1`, times: 1 },
      { status: 500, body: '{"message":"Server Error"}' }
    )
    const github = port()
    expect((await github.getPullRequest(1)).headSha).toBe(HEAD)
    expect(github.requestCount()).toBe(2)
    expect(logs).toEqual([
      `GET ${REPO}/pulls/1 -> 500`,
      `GET ${REPO}/pulls/1 -> 200`
    ])
  })

  test('gives up after the bounded retries on a lasting 500', async ({
    fake,
    port
  }) => {
    seedPull(fake)
    fake.fault(
      { path: `${REPO}/pulls/1` },
      {
        status: 502,
        body: '<html>Bad gateway</html>',
        headers: { 'content-type': 'text/html' }
      }
    )
    const github = port({ retries: 2 })
    const error = await apiError(github.getPullRequest(1))
    expect(error.status).toBe(502)
    expect(error.operation).toBe(`GET ${REPO}/pulls/1`)
    expect(error.message).toBe(
      `GitHub API: GET ${REPO}/pulls/1 failed with HTTP 502: unexpected text/html response`
    )
    expect(github.requestCount()).toBe(3)
    expect(fake.requests).toHaveLength(3)
  }, 15_000)

  test('waits out a secondary rate limit (retry-after) and retries', async ({
    fake,
    logs,
    port
  }) => {
    seedPull(fake)
    fake.fault(
      { path: `${REPO}/pulls/1`, times: 1 },
      {
        status: 403,
        headers: { 'retry-after': '1' },
        body: JSON.stringify({
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        })
      }
    )
    const github = port()
    const started = Date.now()
    expect((await github.getPullRequest(1)).headSha).toBe(HEAD)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(github.requestCount()).toBe(2)
    expect(logs).toContain(
      'secondary rate limit on GET /repos/{owner}/{repo}/pulls/{pull_number}: retry 1 of 2 in 1 s'
    )
  })

  test('fails after the bounded retries on a lasting primary rate limit', async ({
    fake,
    port
  }) => {
    seedPull(fake)
    fake.fault(
      { path: `${REPO}/pulls/1` },
      {
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000))
        },
        body: JSON.stringify({
          message: 'API rate limit exceeded for installation ID 1.'
        })
      }
    )
    const github = port({ retries: 1 })
    const error = await apiError(github.getPullRequest(1))
    expect(error.status).toBe(403)
    expect(error.message).toContain('API rate limit exceeded')
    expect(github.requestCount()).toBe(2)
  })

  test('does not wait for a rate limit that resets in an hour', async ({
    fake,
    port
  }) => {
    seedPull(fake)
    fake.fault(
      { path: `${REPO}/pulls/1` },
      {
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600)
        },
        body: JSON.stringify({ message: 'API rate limit exceeded.' })
      }
    )
    const github = port()
    await apiError(github.getPullRequest(1))
    expect(github.requestCount()).toBe(1)
  })

  test('names the route and the status on a 404', async ({ fake, port }) => {
    seedPull(fake)
    const error = await apiError(port().getPullRequest(99))
    expect(error.status).toBe(404)
    expect(error.operation).toBe(`GET ${REPO}/pulls/99`)
    expect(error.message).toBe(
      `GitHub API: GET ${REPO}/pulls/99 failed with HTTP 404: Not Found`
    )
    expect(fake.requests).toHaveLength(1)
  })

  test('turns a hanging REST request into a timeout error', async ({
    fake,
    port
  }) => {
    seedPull(fake)
    fake.fault({ path: `${REPO}/pulls/1` }, 'hang')
    const github = port({ timeoutMs: 500 })
    const started = Date.now()
    const error = await apiError(github.getPullRequest(1))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(error.status).toBe(0)
    expect(error.message).toBe(
      `GitHub API: GET ${REPO}/pulls/1 failed: timed out after 0.5 s`
    )
    expect(github.requestCount()).toBe(1)
  })

  test('turns a hanging GraphQL request into a timeout error', async ({
    fake,
    port
  }) => {
    seedPull(fake)
    fake.fault({ path: '/graphql' }, 'hang')
    const github = port({ timeoutMs: 500 })
    const started = Date.now()
    const error = await apiError(github.viewer())
    expect(Date.now() - started).toBeLessThan(2000)
    expect(error.message).toBe(
      'GitHub API: POST /graphql (PlangateViewer) failed: timed out after 0.5 s'
    )
  })

  test('turns malformed JSON in a 200 into an error', async ({
    fake,
    port
  }) => {
    seedPull(fake)
    fake.fault({ path: `${REPO}/pulls/1` }, 'malformed')
    const error = await apiError(port().getPullRequest(1))
    expect(error.message).toBe(
      `GitHub API: GET ${REPO}/pulls/1 failed with HTTP 200: malformed JSON response`
    )
    fake.fault({ path: '/graphql' }, 'malformed')
    const gql = await apiError(port().viewer())
    expect(gql.message).toContain('malformed JSON response')
  })

  test('reports GraphQL errors', async ({ fake, port }) => {
    seedPull(fake)
    fake.state.owner = 'elsewhere'
    const error = await apiError(port().readFiles([{ ref: 'main', path: 'a' }]))
    expect(error.message).toBe(
      "GitHub API: POST /graphql (PlangateReadFiles) failed with HTTP 200: GraphQL: Could not resolve to a Repository with the name 'octo-org/infra'."
    )
  })

  test('reports a GraphQL rate limit it will not wait for', async ({
    fake,
    port
  }) => {
    fake.fault(
      { path: '/graphql' },
      {
        status: 200,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600)
        },
        body: JSON.stringify({
          errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }]
        })
      }
    )
    const github = port()
    const error = await apiError(github.viewer())
    expect(error.message).toBe(
      'GitHub API: POST /graphql (PlangateViewer) failed with HTTP 200: GraphQL Rate Limit Exceeded'
    )
    expect(github.requestCount()).toBe(1)
  })

  test('reports a network failure as status 0', async ({ fake, port }) => {
    seedPull(fake)
    const closed = await startFakeGitHub()
    const url = closed.url
    await closed.close()
    const error = await apiError(
      port({ baseUrl: url, retries: 0 }).getPullRequest(1)
    )
    expect(error.status).toBe(0)
    expect(error.message).toContain('network error')
  })

  test('never puts the token in messages, even when GitHub echoes it', async ({
    fake,
    port
  }) => {
    seedPull(fake)
    fake.state.token = 'another-token'
    fake.fault(
      { path: `${REPO}/pulls/1`, times: 1 },
      {
        status: 401,
        body: JSON.stringify({ message: `Bad credentials: ${TOKEN}` })
      }
    )
    const echoed = await apiError(port().getPullRequest(1))
    expect(echoed.message).toContain('Bad credentials: ***')
    const refused = await apiError(port().getPullRequest(1))
    expect(refused.status).toBe(401)
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN)
  })
})

describe('the fake GitHub', () => {
  test('answers a child process while the test awaits it', async ({ fake }) => {
    fake.state.pulls[1] = makePull({ number: 1, headSha: HEAD })
    // Async execFile: a sync spawn would block the server's event loop.
    const script = `const r = await fetch(process.env.API + '/repos/octo-org/infra/pulls/1', { headers: { authorization: 'token ' + process.env.TOKEN } }); console.log(r.status, (await r.json()).head.sha)`
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: { ...process.env, API: fake.url, TOKEN } }
    )
    expect(stdout.trim()).toBe(`200 ${HEAD}`)
  })
})

describe('graphqlEndpoint', () => {
  it.each([
    ['https://api.github.com', undefined, 'https://api.github.com/graphql'],
    [
      'https://ghe.example.com/api/v3',
      undefined,
      'https://ghe.example.com/api/graphql'
    ],
    [
      'https://ghe.example.com/api/v3/',
      undefined,
      'https://ghe.example.com/api/graphql'
    ],
    ['http://127.0.0.1:1234', undefined, 'http://127.0.0.1:1234/graphql'],
    ['https://x/api/v3', 'https://x/api/graphql/', 'https://x/api/graphql']
  ])('%s (%s) → %s', (base, explicit, expected) => {
    expect(graphqlEndpoint(base, explicit)).toBe(expected)
  })
})
