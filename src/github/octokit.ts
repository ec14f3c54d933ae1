/**
 * The GitHub port over the real REST and GraphQL APIs (Octokit from
 * `@actions/github`, with the throttling and retry plugins, sending through
 * node:http with the toolkit's proxy rules: http-fetch.ts).
 *
 * - Bounded retries: 5xx and network failures by plugin-retry, rate limits
 *   by plugin-throttling (which honours `retry-after` and
 *   `x-ratelimit-reset`); at most `retries` retries each, then the call
 *   fails closed with a GitHubApiError.
 * - Every HTTP attempt (retries included) is counted, logged as one line and
 *   bounded by a timeout.
 * - Every failure, including a malformed body or an unexpected JSON shape,
 *   becomes a GitHubApiError that names the request; messages never carry
 *   the token or a stack.
 * - The throttling plugin spaces mutating requests and GraphQL queries by
 *   1 s, and comment creations by 3 s, as GitHub asks of integrations;
 *   the pacing is per port, so create one port per run.
 */
import { getOctokit } from '@actions/github'
import type { Octokit } from '@octokit/core'
import type { EndpointDefaults, OctokitResponse } from '@octokit/types'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { MAX_STATUS_DESCRIPTION } from '../report/status.js'
import { createHttpFetch } from './http-fetch.js'
import { VERSION } from '../version.js'
import {
  GitHubApiError,
  STATUS_STATES,
  type Account,
  type CommitFile,
  type CommitPerson,
  type CommitStatus,
  type FileAtRef,
  type GitHubPort,
  type IssueComment,
  type Permission,
  type PullCommit,
  type PullRequest,
  type Reaction,
  type ReadStatus,
  type Review,
  type StatusState
} from './port.js'

/** Options of {@link createGitHubPort}. */
export interface GitHubPortOptions {
  readonly token: string
  readonly owner: string
  readonly repo: string
  /** REST root; default `https://api.github.com` (GHES: `https://HOST/api/v3`). */
  readonly baseUrl?: string
  /** GraphQL endpoint; default derived from `baseUrl` (`/graphql`, or `/api/graphql` on GHES). */
  readonly graphqlUrl?: string
  /** Per-attempt timeout in milliseconds; default 30,000. */
  readonly timeoutMs?: number
  /** Retries after a 5xx, network failure or rate limit; default 2. */
  readonly retries?: number
  /** Receives one debug line per request and per retry decision. */
  readonly log?: (message: string) => void
  /**
   * Spacing of writes and of comment creations, in milliseconds; default
   * GitHub's ask (`DEFAULT_PACING`). Tests of the bundle lower it
   * (`PLANGATE_TEST_API_PACING_MS`); one test keeps the default.
   */
  readonly pacing?: {
    readonly writeMs: number
    readonly commentMs: number
    /** The retry wait's unit: plugin-retry waits retryMs × attempt² after a 5xx. */
    readonly retryMs?: number
  }
}

/** GitHub asks integrations to space mutating requests by 1 s, and content creation more. */
export const DEFAULT_PACING = {
  writeMs: 1000,
  commentMs: 3000,
  retryMs: 1000
} as const

/** REST root when none is given (github.com). */
export const DEFAULT_API_URL = 'https://api.github.com'
/** Per-attempt timeout: long enough for a slow page, short enough for CI. */
export const DEFAULT_TIMEOUT_MS = 30_000
/** Retries before failing closed, as the merge-gate design asks (≤ 2). */
export const DEFAULT_RETRIES = 2
/** A rate limit that resets later than this fails the run instead of waiting. */
export const MAX_RATE_LIMIT_WAIT_S = 60
/** `GET /pulls/{n}/commits` lists at most this many commits, paging or not. */
export const REST_PULL_COMMITS_CAP = 250
/** `GET /commits/{sha}` lists at most this many files, paging or not. */
export const COMMIT_FILES_CAP = 3000
/** Files per `readFiles` GraphQL query. */
export const READ_FILES_BATCH = 50

const PAGE_SIZE = 100
let portCount = 0
/** plugin-retry's defaults minus 429, which the throttling plugin handles. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

/** GraphQL: the account the token acts as. */
export const VIEWER_QUERY = `query PlangateViewer {
  viewer {
    login
    databaseId
    __typename
  }
}`

/** GraphQL: one page of a pull request's commits (REST stops at 250). */
export const PULL_COMMITS_QUERY = `query PlangatePullCommits($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      commits(first: ${PAGE_SIZE}, after: $cursor) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          commit {
            oid
            parents(first: 5) {
              totalCount
              nodes {
                oid
              }
            }
            message
            author {
              name
              email
              date
              user {
                login
              }
            }
            committer {
              name
              email
              date
              user {
                login
              }
            }
          }
        }
      }
    }
  }
}`

/**
 * GraphQL: `count` files at refs, aliased `f0…`, with the `REF:PATH`
 * expressions passed as variables `$e0…` (never interpolated).
 */
export function readFilesQuery(count: number): string {
  const indexes = Array.from({ length: count }, (_, i) => i)
  const variables = indexes.map((i) => `, $e${i}: String!`).join('')
  const fields = indexes
    .map(
      (i) =>
        `    f${i}: object(expression: $e${i}) {\n      ... on Blob {\n        text\n        isBinary\n        isTruncated\n        byteSize\n      }\n    }\n`
    )
    .join('')
  return `query PlangateReadFiles($owner: String!, $name: String!${variables}) {\n  repository(owner: $owner, name: $name) {\n${fields}  }\n}`
}

/** The GraphQL endpoint for a REST root: GHES serves it at `/api/graphql`. */
export function graphqlEndpoint(baseUrl: string, graphqlUrl?: string): string {
  if (graphqlUrl !== undefined && graphqlUrl !== '')
    return graphqlUrl.replace(/\/+$/, '')
  const base = baseUrl.replace(/\/+$/, '')
  return /\/api\/v3$/.test(base)
    ? base.replace(/\/api\/v3$/, '/api/graphql')
    : `${base}/graphql`
}

/**
 * Builds the GitHub port for one repository; the Action's only way to reach
 * the GitHub API, so that retries, limits and errors are handled in one place.
 */
export function createGitHubPort(options: GitHubPortOptions): GitHubPort {
  const { token, owner, repo } = options
  const baseUrl = (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, '')
  const graphqlUrl = graphqlEndpoint(baseUrl, options.graphqlUrl)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retries = options.retries ?? DEFAULT_RETRIES
  const log = options.log ?? ((): void => undefined)
  const pacing = options.pacing ?? DEFAULT_PACING
  const retryMs = pacing.retryMs ?? DEFAULT_PACING.retryMs
  for (const ms of [pacing.writeMs, pacing.commentMs, retryMs])
    if (!Number.isFinite(ms) || ms < 0)
      throw new TypeError(`createGitHubPort: bad pacing ${ms}`)
  if (token === '') throw new TypeError('createGitHubPort: empty token')
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError(`createGitHubPort: bad timeoutMs ${timeoutMs}`)
  if (!Number.isInteger(retries) || retries < 0)
    throw new TypeError(`createGitHubPort: bad retries ${retries}`)

  let requests = 0
  /** Removes the token from any text that leaves this module. */
  const scrub = (text: string): string =>
    token.length >= 4 ? text.split(token).join('***') : text

  // Registered before plugin-retry and plugin-throttling, so it wraps each
  // attempt (hooks registered first run innermost).
  const instrument = (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, endpoint) => {
      requests += 1
      const parsed = octokit.request.endpoint.parse(endpoint)
      const name = graphqlName(endpoint)
      const target = `${pathAndQuery(parsed.url)}${name === undefined ? '' : ` ${name}`}`
      const operation = `${parsed.method} ${pathOf(parsed.url)}${name === undefined ? '' : ` (${name})`}`
      const signal = AbortSignal.timeout(timeoutMs)
      const timedOut = (): GitHubApiError => {
        log(`${parsed.method} ${target} -> timed out`)
        return new GitHubApiError(
          operation,
          0,
          `timed out after ${timeoutMs / 1000} s`
        )
      }
      // before-after-hook binds every hook to the same options object and
      // ignores what a wrapper passes on, so set the signal on that object;
      // a fresh `request` object keeps it off Octokit's shared defaults.
      endpoint.request = { ...endpoint.request, signal }
      let response: OctokitResponse<unknown>
      try {
        response = await request(endpoint)
      } catch (error) {
        if (signal.aborted) throw timedOut()
        log(`${parsed.method} ${target} -> ${describeFailure(error)}`)
        throw error
      }
      // A transport may end the body on an abort instead of failing (undici
      // does; http-fetch.ts fails): a timed-out answer is never used.
      if (signal.aborted) throw timedOut()
      log(`${parsed.method} ${target} -> ${response.status}`)
      const { data } = response
      if (
        response.status !== 204 &&
        response.status !== 205 &&
        (typeof data === 'string' || data instanceof ArrayBuffer)
      ) {
        throw new GitHubApiError(
          operation,
          response.status,
          unparsedBody(response.headers['content-type'])
        )
      }
      return response
    })
  }

  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      endpoint: Required<EndpointDefaults>,
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      const what = `${endpoint.method} ${endpoint.url}`
      if (retryCount >= retries) {
        log(`${kind} on ${what}: giving up after ${retryCount} retries`)
        return false
      }
      if (retryAfter > MAX_RATE_LIMIT_WAIT_S) {
        log(`${kind} on ${what}: resets in ${retryAfter} s, not waiting`)
        return false
      }
      log(
        `${kind} on ${what}: retry ${retryCount + 1} of ${retries} in ${retryAfter} s`
      )
      return true
    }

  const octokit = getOctokit(
    token,
    {
      baseUrl,
      userAgent: `plangate/${VERSION}`,
      // Node's HTTP client, not undici's fetch (http-fetch.ts says why).
      request: { fetch: createHttpFetch() },
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: string) => log(`octokit: ${scrub(message)}`),
        error: (message: string) => log(`octokit: ${scrub(message)}`)
      },
      throttle: {
        // The plugin's limiters are per process and keyed by id: one key per
        // port paces each run on its own (and keeps tests independent).
        id: `plangate-${(portCount += 1)}`,
        // The plugin's own groups, with this port's spacing.
        write: new Bottleneck.Group({
          id: 'octokit-write',
          maxConcurrent: 1,
          minTime: pacing.writeMs
        }),
        notifications: new Bottleneck.Group({
          id: 'octokit-notifications',
          maxConcurrent: 1,
          minTime: pacing.commentMs
        }),
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      },
      retry: {
        retries,
        doNotRetry: DO_NOT_RETRY,
        retryAfterBaseValue: retryMs
      }
    },
    instrument,
    retry,
    throttling
  )

  const repoPath = `/repos/${owner}/${repo}`
  const base = { owner, repo }

  /** Runs one API call, turning every failure into a GitHubApiError. */
  async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw toApiError(error, operation, scrub)
    }
  }

  /** Every item of a list of objects with ids, checked and mapped; a repeated id (a page shifted while paging) fails. */
  async function listById<T extends { readonly id: number }>(
    operation: string,
    route: string,
    params: Record<string, unknown>,
    map: (shape: Shape, item: unknown) => T
  ): Promise<T[]> {
    const items = await listAll(operation, route, params)
    return distinctIds(
      operation,
      items.map((item, i) => map(new Shape(operation, `[${i}].`), item))
    )
  }

  /** Every item of a paginated list endpoint, as unvalidated JSON. */
  async function listAll(
    operation: string,
    route: string,
    params: Record<string, unknown>
  ): Promise<unknown[]> {
    return call(operation, async () => {
      const items: unknown[] = []
      const pages = octokit.paginate.iterator(route, {
        ...base,
        ...params,
        per_page: PAGE_SIZE
      })
      for await (const page of pages) {
        const data: unknown = page.data
        if (!Array.isArray(data))
          throw shapeError(operation, 'page', 'an array', data)
        const list: unknown[] = data
        items.push(...list)
      }
      return items
    })
  }

  /** One GraphQL query; GraphQL errors and a missing `data` throw. */
  async function graphql(
    name: string,
    query: string,
    variables: Record<string, unknown>
  ): Promise<Record<string, unknown>> {
    const operation = `POST ${pathOf(graphqlUrl)} (${name})`
    return call(operation, async () => {
      const response = await octokit.request({
        method: 'POST',
        url: graphqlUrl,
        query,
        variables
      })
      const body: unknown = response.data
      if (!isRecord(body))
        throw shapeError(operation, 'body', 'an object', body)
      const errors = body['errors']
      if (Array.isArray(errors) && errors.length > 0) {
        throw new GitHubApiError(
          operation,
          response.status,
          scrub(graphqlProblem(errors))
        )
      }
      const data = body['data']
      if (!isRecord(data))
        throw shapeError(operation, 'data', 'an object', data)
      return data
    })
  }

  async function getPullRequest(number: number): Promise<PullRequest> {
    const operation = `GET ${repoPath}/pulls/${number}`
    const { data } = await call(operation, () =>
      octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        ...base,
        pull_number: number
      })
    )
    return pullRequest(new Shape(operation), data)
  }

  async function restCommits(
    number: number,
    expected: number
  ): Promise<PullCommit[]> {
    const operation = `GET ${repoPath}/pulls/${number}/commits`
    const items = await listAll(
      operation,
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
      { pull_number: number }
    )
    const commits = items.map((item, i) =>
      restCommit(new Shape(operation, `[${i}]`), item)
    )
    return checkCommits(operation, commits, expected)
  }

  async function graphqlCommits(
    number: number,
    expected: number
  ): Promise<PullCommit[]> {
    const operation = `POST ${pathOf(graphqlUrl)} (PlangatePullCommits)`
    const commits: PullCommit[] = []
    const seen = new Set<string>()
    let cursor: string | null = null
    for (let page = 1; ; page += 1) {
      const data = await graphql('PlangatePullCommits', PULL_COMMITS_QUERY, {
        owner,
        name: repo,
        number,
        cursor
      })
      const shape = new Shape(operation, `page ${page}: `)
      const pull = shape.at(data, 'repository.pullRequest')
      if (pull === null || pull === undefined)
        throw new GitHubApiError(
          operation,
          200,
          `pull request #${number} not found`
        )
      const connection = shape.obj(pull, 'commits')
      const total = shape.num(connection, 'totalCount')
      if (total !== expected)
        throw new GitHubApiError(
          operation,
          200,
          `pull request #${number} has ${total} commits by GraphQL, expected ${expected}`
        )
      const nodes = shape.arr(connection, 'nodes')
      nodes.forEach((node, i) => {
        const commit = graphqlCommit(
          new Shape(operation, `page ${page}: nodes[${i}].commit.`),
          new Shape(operation, `page ${page}: nodes[${i}].`).obj(node, 'commit')
        )
        if (seen.has(commit.sha))
          throw new GitHubApiError(
            operation,
            200,
            `commit ${commit.sha} listed twice`
          )
        seen.add(commit.sha)
        commits.push(commit)
      })
      if (commits.length > expected)
        throw new GitHubApiError(
          operation,
          200,
          `more than the expected ${expected} commits listed`
        )
      if (!shape.bool(connection, 'pageInfo.hasNextPage')) break
      const next = shape.optStr(connection, 'pageInfo.endCursor')
      if (next === undefined || next === cursor || nodes.length === 0)
        throw new GitHubApiError(
          operation,
          200,
          `pagination cursor did not advance after page ${page}`
        )
      cursor = next
    }
    return checkCommits(operation, commits, expected)
  }

  async function readBatch(
    batch: readonly { ref: string; path: string }[]
  ): Promise<FileAtRef[]> {
    const operation = `POST ${pathOf(graphqlUrl)} (PlangateReadFiles)`
    const variables: Record<string, unknown> = { owner, name: repo }
    batch.forEach((file, i) => {
      variables[`e${i}`] = `${file.ref}:${file.path}`
    })
    const data = await graphql(
      'PlangateReadFiles',
      readFilesQuery(batch.length),
      variables
    )
    const shape = new Shape(operation)
    const repository = shape.obj(data, 'repository')
    return batch.map((file, i) => {
      const object = repository[`f${i}`]
      if (object === null || object === undefined)
        return { ref: file.ref, path: file.path, text: undefined }
      if (!isRecord(object))
        throw shapeError(operation, `repository.f${i}`, 'an object', object)
      const blob = object
      // A tree (a directory at that path) has none of the Blob fields.
      if (!('isBinary' in blob))
        return { ref: file.ref, path: file.path, text: undefined }
      if (shape.bool(blob, 'isBinary', `f${i}.isBinary`))
        return { ref: file.ref, path: file.path, text: undefined }
      if (shape.bool(blob, 'isTruncated', `f${i}.isTruncated`))
        throw new GitHubApiError(
          operation,
          200,
          `${file.path} at ${file.ref} is too large to read in full (${String(blob['byteSize'])} bytes)`
        )
      return {
        ref: file.ref,
        path: file.path,
        text: shape.str(blob, 'text', `f${i}.text`)
      }
    })
  }

  return {
    async viewer(): Promise<Account> {
      const data = await graphql('PlangateViewer', VIEWER_QUERY, {})
      const shape = new Shape(`POST ${pathOf(graphqlUrl)} (PlangateViewer)`)
      const viewer = shape.obj(data, 'viewer')
      const type = shape.str(viewer, '__typename')
      const login = shape.str(viewer, 'login')
      const id = shape.num(viewer, 'databaseId')
      if (type === 'Bot')
        return {
          login: login.endsWith('[bot]') ? login : `${login}[bot]`,
          id,
          type
        }
      return { login, id, type }
    },

    getPullRequest,

    async listPullCommits(
      number: number,
      expected: number
    ): Promise<PullCommit[]> {
      if (!Number.isInteger(expected) || expected < 0)
        throw new TypeError(`listPullCommits: bad expected count ${expected}`)
      return expected <= REST_PULL_COMMITS_CAP
        ? restCommits(number, expected)
        : graphqlCommits(number, expected)
    },

    async getCommitFiles(sha: string): Promise<CommitFile[]> {
      const operation = `GET ${repoPath}/commits/${sha}`
      const files: CommitFile[] = []
      await call(operation, async () => {
        const pages = octokit.paginate.iterator(
          'GET /repos/{owner}/{repo}/commits/{ref}',
          { ...base, ref: sha, per_page: PAGE_SIZE }
        )
        for await (const page of pages) {
          const data: unknown = page.data
          const shape = new Shape(operation)
          for (const [i, item] of shape.arr(data, 'files').entries())
            files.push(commitFile(new Shape(operation, `files[${i}].`), item))
          if (files.length > COMMIT_FILES_CAP) break
        }
      })
      if (files.length >= COMMIT_FILES_CAP)
        throw new GitHubApiError(
          operation,
          200,
          `commit ${sha} changes ${COMMIT_FILES_CAP} files or more; GitHub lists at most ${COMMIT_FILES_CAP}, so the list may be incomplete`
        )
      return files
    },

    async readFiles(wanted): Promise<FileAtRef[]> {
      const out: FileAtRef[] = []
      for (let i = 0; i < wanted.length; i += READ_FILES_BATCH)
        out.push(...(await readBatch(wanted.slice(i, i + READ_FILES_BATCH))))
      return out
    },

    listIssueComments(number: number): Promise<IssueComment[]> {
      return listById(
        `GET ${repoPath}/issues/${number}/comments`,
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { issue_number: number },
        issueComment
      )
    },

    async createComment(number: number, body: string): Promise<IssueComment> {
      const operation = `POST ${repoPath}/issues/${number}/comments`
      const { data } = await call(operation, () =>
        octokit.request(
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          { ...base, issue_number: number, body }
        )
      )
      return issueComment(new Shape(operation), data)
    },

    async updateComment(id: number, body: string): Promise<IssueComment> {
      const operation = `PATCH ${repoPath}/issues/comments/${id}`
      const { data } = await call(operation, () =>
        octokit.request(
          'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
          { ...base, comment_id: id, body }
        )
      )
      return issueComment(new Shape(operation), data)
    },

    async addReaction(commentId: number, reaction: Reaction): Promise<void> {
      const operation = `POST ${repoPath}/issues/comments/${commentId}/reactions`
      await call(operation, () =>
        octokit.request(
          'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
          { ...base, comment_id: commentId, content: reaction }
        )
      )
    },

    listReviews(number: number): Promise<Review[]> {
      return listById(
        `GET ${repoPath}/pulls/${number}/reviews`,
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        { pull_number: number },
        review
      )
    },

    async setStatus(sha: string, status: CommitStatus): Promise<void> {
      const operation = `POST ${repoPath}/statuses/${sha}`
      const length = [...status.description].length
      if (length > MAX_STATUS_DESCRIPTION)
        throw new GitHubApiError(
          operation,
          0,
          `description has ${length} characters, GitHub accepts at most ${MAX_STATUS_DESCRIPTION} (not sent)`
        )
      await call(operation, () =>
        octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
          ...base,
          sha,
          state: status.state,
          context: status.context,
          description: status.description,
          ...(status.targetUrl === undefined
            ? {}
            : { target_url: status.targetUrl })
        })
      )
    },

    async listStatuses(sha: string): Promise<ReadStatus[]> {
      const operation = `GET ${repoPath}/commits/${sha}/statuses`
      const items = await listAll(
        operation,
        'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
        { ref: sha }
      )
      const statuses = items.map((item, i) => {
        const shape = new Shape(operation, `[${i}].`)
        return { id: shape.num(item, 'id'), status: readStatus(shape, item) }
      })
      return distinctIds(operation, statuses).map((s) => s.status)
    },

    async addLabels(number: number, labels: readonly string[]): Promise<void> {
      if (labels.length === 0) return
      const operation = `POST ${repoPath}/issues/${number}/labels`
      await call(operation, () =>
        octokit.request(
          'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
          { ...base, issue_number: number, labels: [...labels] }
        )
      )
    },

    async removeLabel(number: number, label: string): Promise<void> {
      const operation = `DELETE ${repoPath}/issues/${number}/labels/${encodeURIComponent(label)}`
      try {
        await call(operation, () =>
          octokit.request(
            'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
            { ...base, issue_number: number, name: label }
          )
        )
      } catch (error) {
        if (error instanceof GitHubApiError && error.status === 404) return
        throw error
      }
    },

    async getPermission(login: string): Promise<Permission> {
      const operation = `GET ${repoPath}/collaborators/${encodeURIComponent(login)}/permission`
      const { data } = await call(operation, () =>
        octokit.request(
          'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
          { ...base, username: login }
        )
      )
      return permission(new Shape(operation), data)
    },

    async commentStands(id: number): Promise<boolean> {
      const operation = `GET ${repoPath}/issues/comments/${id}`
      try {
        const { data } = await call(operation, () =>
          octokit.request(
            'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
            { ...base, comment_id: id }
          )
        )
        const comment = issueComment(new Shape(operation), data)
        return Date.parse(comment.updatedAt) === Date.parse(comment.createdAt)
      } catch (error) {
        if (error instanceof GitHubApiError && error.status === 404)
          return false
        throw error
      }
    },

    async reviewStands(
      number: number,
      id: number,
      headSha: string
    ): Promise<boolean> {
      const operation = `GET ${repoPath}/pulls/${number}/reviews/${id}`
      try {
        const { data } = await call(operation, () =>
          octokit.request(
            'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
            { ...base, pull_number: number, review_id: id }
          )
        )
        const found = review(new Shape(operation), data)
        return found.state === 'APPROVED' && found.commitId === headSha
      } catch (error) {
        if (error instanceof GitHubApiError && error.status === 404)
          return false
        throw error
      }
    },

    async isTeamMember(team: string, login: string): Promise<boolean> {
      const [org = '', slug = ''] = team.split('/')
      const operation = `GET /orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}/memberships/${encodeURIComponent(login)}`
      try {
        const { data } = await call(operation, () =>
          octokit.request(
            'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
            { org, team_slug: slug, username: login }
          )
        )
        return new Shape(operation).str(data, 'state') === 'active'
      } catch (error) {
        // 404: not a member (GitHub's answer for a team the user is not in).
        if (error instanceof GitHubApiError && error.status === 404)
          return false
        throw error
      }
    },

    async pullsForCommit(sha: string): Promise<number[]> {
      const operation = `GET ${repoPath}/commits/${sha}/pulls`
      const items = await listAll(
        operation,
        'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
        { commit_sha: sha }
      )
      const numbers = items.map((item, i) =>
        new Shape(operation, `[${i}].`).num(item, 'number')
      )
      return [...new Set(numbers)].sort((x, y) => x - y)
    },
    async findPullRequest(
      headRepo: string,
      headBranch: string,
      headSha: string
    ): Promise<PullRequest | undefined> {
      const operation = `GET ${repoPath}/pulls`
      const headOwner = headRepo.split('/')[0] ?? headRepo
      const items = await listAll(
        operation,
        'GET /repos/{owner}/{repo}/pulls',
        {
          state: 'open',
          head: `${headOwner}:${headBranch}`
        }
      )
      // `head=owner:branch` filters by owner only; check the repository too.
      const numbers: number[] = []
      items.forEach((item, i) => {
        const shape = new Shape(operation, `[${i}].`)
        if (
          shape.str(item, 'head.sha') === headSha &&
          shape.str(item, 'head.ref') === headBranch &&
          shape.optStr(item, 'head.repo.full_name') === headRepo
        )
          numbers.push(shape.num(item, 'number'))
      })
      numbers.sort((x, y) => x - y)
      const [first] = numbers
      if (first === undefined) return undefined
      if (numbers.length > 1)
        log(
          `pull requests ${numbers.map((n) => `#${n}`).join(', ')} all have head ${headRepo}:${headBranch} at ${headSha}; using #${first}`
        )
      const pull = await getPullRequest(first)
      // The head may have moved on since the list was read.
      return pull.state === 'open' && pull.headSha === headSha
        ? pull
        : undefined
    },

    requestCount(): number {
      return requests
    }
  }
}

// ---------------------------------------------------------------------------
// Mapping REST and GraphQL JSON to port types, validating what we rely on.

function pullRequest(shape: Shape, data: unknown): PullRequest {
  const state = shape.str(data, 'state')
  if (state !== 'open' && state !== 'closed')
    throw shapeError(shape.operation, 'state', '"open" or "closed"', state)
  return {
    number: shape.num(data, 'number'),
    state,
    merged: shape.bool(data, 'merged'),
    draft: shape.optBool(data, 'draft') ?? false,
    title: shape.str(data, 'title'),
    body: shape.optStr(data, 'body') ?? '',
    author: account(shape, shape.at(data, 'user'), 'user'),
    headSha: shape.str(data, 'head.sha'),
    headRef: shape.str(data, 'head.ref'),
    // A deleted fork leaves `head.repo` null.
    headRepo: shape.optStr(data, 'head.repo.full_name') ?? '',
    baseRef: shape.str(data, 'base.ref'),
    baseSha: shape.str(data, 'base.sha'),
    commitCount: shape.num(data, 'commits'),
    labels: shape
      .arr(data, 'labels')
      .map((label, i) => shape.str(label, 'name', `labels[${i}].name`)),
    htmlUrl: shape.str(data, 'html_url')
  }
}

function restCommit(shape: Shape, item: unknown): PullCommit {
  const person = (role: 'author' | 'committer'): CommitPerson => {
    const login = shape.optStr(item, `${role}.login`)
    return {
      name: shape.optStr(item, `commit.${role}.name`) ?? '',
      email: shape.optStr(item, `commit.${role}.email`) ?? '',
      date: shape.str(item, `commit.${role}.date`),
      ...(login === undefined ? {} : { login })
    }
  }
  return {
    sha: shape.str(item, 'sha'),
    parents: shape
      .arr(item, 'parents')
      .map((parent, i) => shape.str(parent, 'sha', `parents[${i}].sha`)),
    author: person('author'),
    committer: person('committer'),
    message: shape.str(item, 'commit.message')
  }
}

function graphqlCommit(shape: Shape, commit: unknown): PullCommit {
  const person = (role: 'author' | 'committer'): CommitPerson => {
    const login = shape.optStr(commit, `${role}.user.login`)
    return {
      name: shape.optStr(commit, `${role}.name`) ?? '',
      email: shape.optStr(commit, `${role}.email`) ?? '',
      date: shape.str(commit, `${role}.date`),
      ...(login === undefined ? {} : { login })
    }
  }
  const sha = shape.str(commit, 'oid')
  const parents = shape
    .arr(commit, 'parents.nodes')
    .map((parent, i) => shape.str(parent, 'oid', `parents.nodes[${i}].oid`))
  if (shape.num(commit, 'parents.totalCount') !== parents.length)
    throw new GitHubApiError(
      shape.operation,
      200,
      `commit ${sha} has more parents than listed`
    )
  return {
    sha,
    parents,
    author: person('author'),
    committer: person('committer'),
    message: shape.str(commit, 'message')
  }
}

function checkCommits(
  operation: string,
  commits: PullCommit[],
  expected: number
): PullCommit[] {
  const seen = new Set<string>()
  for (const commit of commits) {
    if (seen.has(commit.sha))
      throw new GitHubApiError(
        operation,
        200,
        `commit ${commit.sha} listed twice`
      )
    seen.add(commit.sha)
  }
  if (commits.length !== expected)
    throw new GitHubApiError(
      operation,
      200,
      `${commits.length} commits listed, the pull request has ${expected}`
    )
  return commits
}

function commitFile(shape: Shape, item: unknown): CommitFile {
  const previousPath = shape.optStr(item, 'previous_filename')
  const patch = shape.optStr(item, 'patch')
  return {
    path: shape.str(item, 'filename'),
    status: shape.str(item, 'status'),
    ...(previousPath === undefined ? {} : { previousPath }),
    ...(patch === undefined ? {} : { patch })
  }
}

function issueComment(shape: Shape, item: unknown): IssueComment {
  const viaApp = shape.optStr(item, 'performed_via_github_app.slug')
  return {
    id: shape.num(item, 'id'),
    body: shape.optStr(item, 'body') ?? '',
    author: account(shape, shape.at(item, 'user'), 'user'),
    createdAt: shape.str(item, 'created_at'),
    updatedAt: shape.str(item, 'updated_at'),
    htmlUrl: shape.str(item, 'html_url'),
    ...(viaApp === undefined ? {} : { viaApp })
  }
}

function review(shape: Shape, item: unknown): Review {
  const submittedAt = shape.optStr(item, 'submitted_at')
  return {
    id: shape.num(item, 'id'),
    body: shape.optStr(item, 'body') ?? '',
    author: account(shape, shape.at(item, 'user'), 'user'),
    state: shape.str(item, 'state').toUpperCase(),
    // Null never matches a head SHA, so a review without one approves nothing.
    commitId: shape.optStr(item, 'commit_id') ?? '',
    ...(submittedAt === undefined ? {} : { submittedAt })
  }
}

function readStatus(shape: Shape, item: unknown): ReadStatus {
  const state = shape.str(item, 'state')
  if (!isStatusState(state))
    throw shapeError(
      shape.operation,
      `${shape.prefix}state`,
      STATUS_STATES.join('|'),
      state
    )
  const targetUrl = shape.optStr(item, 'target_url')
  const creator = shape.at(item, 'creator')
  return {
    state,
    context: shape.str(item, 'context'),
    description: shape.optStr(item, 'description') ?? '',
    createdAt: shape.str(item, 'created_at'),
    ...(targetUrl === undefined ? {} : { targetUrl }),
    ...(creator === null || creator === undefined
      ? {}
      : { creator: account(shape, creator, 'creator') })
  }
}

/** A deleted account shows as null; GitHub's web UI calls it `ghost`. */
function account(shape: Shape, value: unknown, path: string): Account {
  if (value === null) return { login: 'ghost', id: 0, type: 'User' }
  return {
    login: shape.str(value, 'login', `${path}.login`),
    id: shape.num(value, 'id', `${path}.id`),
    type: shape.str(value, 'type', `${path}.type`)
  }
}

const ROLE_NAMES: readonly Permission[] = [
  'admin',
  'maintain',
  'write',
  'triage',
  'read'
]
/** `user.permissions` flags, strongest first. */
const PERMISSION_FLAGS: readonly (readonly [string, Permission])[] = [
  ['admin', 'admin'],
  ['maintain', 'maintain'],
  ['push', 'write'],
  ['triage', 'triage'],
  ['pull', 'read']
]
const LEGACY_PERMISSIONS: readonly Permission[] = [
  'admin',
  'write',
  'read',
  'none'
]

function permission(shape: Shape, data: unknown): Permission {
  const role = shape.optStr(data, 'role_name')
  const known = ROLE_NAMES.find((name) => name === role)
  if (known !== undefined) return known
  // A custom role: its base role shows in the flags.
  const flags = shape.at(data, 'user.permissions')
  if (isRecord(flags)) {
    for (const [flag, level] of PERMISSION_FLAGS)
      if (flags[flag] === true) return level
  }
  const legacy = shape.optStr(data, 'permission')
  const level = LEGACY_PERMISSIONS.find((name) => name === legacy)
  if (level !== undefined) return level
  throw new GitHubApiError(
    shape.operation,
    200,
    `unknown permission (role_name ${JSON.stringify(role ?? null)}, permission ${JSON.stringify(legacy ?? null)})`
  )
}

function distinctIds<T extends { id: number }>(
  operation: string,
  items: T[]
): T[] {
  const seen = new Set<number>()
  for (const item of items) {
    if (seen.has(item.id))
      throw new GitHubApiError(
        operation,
        200,
        `id ${item.id} listed twice (the list changed while paging)`
      )
    seen.add(item.id)
  }
  return items
}

// ---------------------------------------------------------------------------
// Shape guards: read a dotted path, check its type, or throw a GitHubApiError.

class Shape {
  constructor(
    readonly operation: string,
    readonly prefix = ''
  ) {}

  /** The value at a dotted path; undefined when a step is missing. */
  at(value: unknown, path: string): unknown {
    let current = value
    for (const key of path.split('.')) {
      if (!isRecord(current)) return undefined
      current = current[key]
    }
    return current
  }

  str(value: unknown, path: string, label = path): string {
    const found = this.at(value, path)
    if (typeof found !== 'string') throw this.fail(label, 'a string', found)
    return found
  }

  /** A string, or undefined for null or a missing field. */
  optStr(value: unknown, path: string, label = path): string | undefined {
    const found = this.at(value, path)
    if (found === null || found === undefined) return undefined
    if (typeof found !== 'string')
      throw this.fail(label, 'a string or null', found)
    return found
  }

  num(value: unknown, path: string, label = path): number {
    const found = this.at(value, path)
    if (typeof found !== 'number' || !Number.isFinite(found))
      throw this.fail(label, 'a number', found)
    return found
  }

  bool(value: unknown, path: string, label = path): boolean {
    const found = this.at(value, path)
    if (typeof found !== 'boolean') throw this.fail(label, 'a boolean', found)
    return found
  }

  optBool(value: unknown, path: string, label = path): boolean | undefined {
    const found = this.at(value, path)
    if (found === null || found === undefined) return undefined
    if (typeof found !== 'boolean') throw this.fail(label, 'a boolean', found)
    return found
  }

  obj(value: unknown, path: string, label = path): Record<string, unknown> {
    const found = this.at(value, path)
    if (!isRecord(found)) throw this.fail(label, 'an object', found)
    return found
  }

  arr(value: unknown, path: string, label = path): unknown[] {
    const found = this.at(value, path)
    if (!Array.isArray(found)) throw this.fail(label, 'an array', found)
    const list: unknown[] = found
    return list
  }

  fail(label: string, expected: string, found: unknown): GitHubApiError {
    return shapeError(this.operation, `${this.prefix}${label}`, expected, found)
  }
}

function shapeError(
  operation: string,
  path: string,
  expected: string,
  found: unknown
): GitHubApiError {
  return new GitHubApiError(
    operation,
    200,
    `unexpected response shape: ${path} is ${describeValue(found)}, expected ${expected}`
  )
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${value}`
  return typeof value === 'object' ? 'an object' : typeof value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStatusState(value: string): value is StatusState {
  return (STATUS_STATES as readonly string[]).includes(value)
}

// ---------------------------------------------------------------------------
// Errors.

/** Turns whatever a request threw into a GitHubApiError without secrets. */
function toApiError(
  error: unknown,
  fallback: string,
  scrub: (text: string) => string
): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const options = error instanceof Error ? { cause: error } : undefined
  if (!isRecord(error))
    return new GitHubApiError(
      fallback,
      0,
      scrub(short(typeof error === 'string' ? error : 'unknown error')),
      options
    )
  const request = error['request']
  const sent =
    isRecord(request) &&
    typeof request['method'] === 'string' &&
    typeof request['url'] === 'string'
      ? `${request['method']} ${pathOf(request['url'])}`
      : fallback
  // The caller's name is as precise and may add the GraphQL operation.
  const operation = fallback.startsWith(sent) ? fallback : sent
  const response = error['response']
  if (isRecord(response) && typeof response['status'] === 'number') {
    const headers = response['headers']
    const contentType = isRecord(headers) ? headers['content-type'] : undefined
    return new GitHubApiError(
      operation,
      response['status'],
      scrub(
        responseProblem(
          response['data'],
          typeof contentType === 'string' ? contentType : undefined,
          error instanceof Error ? error.message : ''
        )
      ),
      options
    )
  }
  const message = error instanceof Error ? error.message : 'unknown error'
  return new GitHubApiError(
    operation,
    0,
    scrub(`network error: ${short(message)}${networkHint(error)}`),
    options
  )
}

/** Node's codes for a certificate the runner does not trust. */
const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT'
])

/** What to do about a failure to reach GitHub that has a usual cause. */
function networkHint(error: Record<string, unknown>): string {
  const cause = error['cause']
  const code = isRecord(cause) ? cause['code'] : undefined
  const message = isRecord(cause) ? cause['message'] : undefined
  if (typeof code === 'string' && UNTRUSTED_CERTIFICATE.has(code))
    return " (the runner does not trust the API's certificate: for a GitHub Enterprise Server whose certificate comes from your own CA, set NODE_EXTRA_CA_CERTS to that CA's PEM file)"
  if (
    typeof message === 'string' &&
    message.startsWith('tunneling socket could not be established')
  )
    return ' (the proxy in https_proxy or http_proxy could not be used; no_proxy lists the hosts to reach directly)'
  return ''
}

/** GitHub's `message` (and validation details), or what the body was. */
function responseProblem(
  data: unknown,
  contentType: string | undefined,
  fallback: string
): string {
  if (isRecord(data) && typeof data['message'] === 'string') {
    const errors: unknown = data['errors']
    const details = Array.isArray(errors)
      ? errors.map(validationDetail).filter((d) => d !== '')
      : []
    return short(
      details.length > 0
        ? `${data['message']} (${details.join('; ')})`
        : data['message']
    )
  }
  if (typeof data === 'string' || data instanceof ArrayBuffer)
    return data === '' ? 'empty response body' : unparsedBody(contentType)
  return short(fallback === '' ? 'no error message' : fallback)
}

/** One entry of a 422's `errors`: its message, else `field code`. */
function validationDetail(entry: unknown): string {
  if (typeof entry === 'string') return entry
  if (!isRecord(entry)) return ''
  if (typeof entry['message'] === 'string') return entry['message']
  return [entry['field'], entry['code']]
    .filter((x) => typeof x === 'string')
    .join(' ')
}

function unparsedBody(contentType: string | undefined): string {
  if (contentType === undefined) return 'response without a content type'
  return /json/i.test(contentType)
    ? 'malformed JSON response'
    : `unexpected ${contentType.split(';')[0] ?? contentType} response`
}

function graphqlProblem(errors: unknown[]): string {
  const messages = errors.map((e) =>
    isRecord(e) && typeof e['message'] === 'string'
      ? e['message']
      : 'unknown GraphQL error'
  )
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : ''
  return short(`GraphQL: ${messages[0] ?? 'error'}${more}`)
}

function describeFailure(error: unknown): string {
  if (isRecord(error) && typeof error['status'] === 'number') {
    const response = error['response']
    return isRecord(response) ? String(error['status']) : 'network error'
  }
  return 'failed'
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

/** The path of a URL, without host or query. */
function pathOf(url: string): string {
  try {
    return new URL(url, DEFAULT_API_URL).pathname
  } catch {
    return url
  }
}

/** Path and query of a URL, for the log. */
function pathAndQuery(url: string): string {
  try {
    const parsed = new URL(url, DEFAULT_API_URL)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return url
  }
}

/** The operation name of a GraphQL request (`query Name …`), if any. */
function graphqlName(endpoint: EndpointDefaults): string | undefined {
  const query = endpoint['query']
  return typeof query === 'string'
    ? /^\s*query\s+(\w+)/.exec(query)?.[1]
    : undefined
}
