/**
 * A fake GitHub: a real HTTP server on 127.0.0.1 (random port) that serves
 * the REST and GraphQL endpoints plangate's Octokit adapter calls, with
 * GitHub's pagination (`per_page` ≤ 100, `page`, a `Link` header with
 * `rel="next"`/`rel="last"` built from the request's host), its caps (250
 * commits on `/pulls/{n}/commits`, 3,000 files on `/commits/{sha}`), its
 * write limits (a comment body of at most 65,536 characters and 262,144
 * UTF-8 bytes, a status description of at most 140 characters: anything
 * longer is refused with 422 and stores nothing) and its error bodies.
 * Writes change `state`, so a later read sees them.
 *
 * Why a server and not nock/msw: `@actions/github` 9 sends requests through
 * undici's own `fetch`, which interception libraries do not see, and the
 * end-to-end tests run the real bundle (`node dist/index.js`) in a child
 * process pointed at this server with `GITHUB_API_URL`/`GITHUB_GRAPHQL_URL`
 * (and `NO_PROXY=127.0.0.1`).
 *
 * The server runs in the test process, so a test that starts a child
 * process MUST use async `spawn`/`execFile` (e.g. `promisify(execFile)`),
 * never `spawnSync`/`execFileSync`: a synchronous spawn blocks the event
 * loop that answers the child's requests, and the child hangs until its
 * request timeout.
 *
 * Pace: the adapter's throttling plugin spaces writes and GraphQL queries
 * by 1 s and comment creations by 3 s (per process), so a test doing many
 * writes is slow by design; keep writes per test few.
 *
 * Every request is recorded in `requests` (without the authorization
 * header); a route the fake does not know answers 404 `{message:'Not Found'}`
 * and is recorded with `route: undefined`, so tests can assert that nothing
 * unexpected was called. `fault()` injects errors, hangs and malformed
 * bodies. `onRequest()` runs a test's code when a request arrives, before it
 * is answered (e.g. a push that lands between two reads of a run).
 * `close()` ends hanging requests too.
 */
import { createHash } from 'node:crypto'
import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

/** A REST-shaped JSON object, as GitHub sends it. */
export type RestObject = Record<string, unknown>

/** The account the token acts as. */
export interface FakeViewer {
  /** GraphQL login: without `[bot]` for apps (REST adds it). */
  login: string
  databaseId: number
  __typename: 'User' | 'Bot'
}

/** A file at a ref: its text, or a binary, truncated or directory entry. */
export type FakeFile =
  string | { binary: true } | { truncated: true; text: string } | { tree: true }

/** Everything the fake serves; tests mutate it freely between calls. */
export interface FakeState {
  owner: string
  repo: string
  /** Clock for `created_at`/`updated_at`: advanced 1 s before each write. */
  now: string
  /** Id for the next created comment, status, label or reaction. */
  nextId: number
  /** When set, requests must send this token (else 401 Bad credentials). */
  token: string | undefined
  viewer: FakeViewer
  /** `GET /pulls/{n}`, REST-shaped (see makePull). */
  pulls: Record<number, RestObject>
  /** All commits of a pull, oldest first (REST list items, see makeCommit); REST serves the first 250. */
  pullCommits: Record<number, RestObject[]>
  /** `GET /commits/{sha}`: a commit with `files` (see makeCommitDetail). */
  commits: Record<string, RestObject>
  /** Issue comments per issue or pull number, oldest first. */
  comments: Record<number, RestObject[]>
  reviews: Record<number, RestObject[]>
  /** Statuses per SHA, oldest first (served newest first). */
  statuses: Record<string, RestObject[]>
  /** Label names per issue; when absent, the pull's own `labels`. */
  labels: Record<number, string[]>
  /** Reactions per comment id. */
  reactions: Record<number, RestObject[]>
  /** `GET /collaborators/{login}/permission` bodies (see makePermission). */
  permissions: Record<string, RestObject>
  /**
   * Members of readable teams, keyed `org/slug` (lower case); a team not
   * listed answers 403, as the job token gets for any team.
   */
  teams: Record<string, string[]>
  /** Files for GraphQL `object(expression: "REF:PATH")`, keyed `REF:PATH`. */
  files: Record<string, FakeFile>
  /**
   * `GET /commits/{sha}/pulls` beyond what the pulls imply (merge commit,
   * head, commits): e.g. a merge queue's commit and its queued pulls.
   */
  commitPulls?: Record<string, number[]>
}

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string
  /** Path without the query, as sent (percent-encoded). */
  path: string
  query: Record<string, string>
  /** Parsed JSON body; the raw text when it does not parse; undefined when empty. */
  body: unknown
  /** Lower-case header names; never `authorization`. */
  headers: Record<string, string>
  /** Whether an `authorization` header was sent. */
  authorized: boolean
  /** The route that answered, e.g. `GET /repos/{owner}/{repo}/pulls/{pull_number}` or `POST /graphql (PlangateViewer)`; undefined when unknown. */
  route: string | undefined
  /** Whether an injected fault answered instead. */
  faulted: boolean
  /** When it arrived (`performance.now()`), to check the client's pacing. */
  receivedAt: number
}

export interface FaultMatch {
  method?: string
  /** A string matches the path exactly; a RegExp is tested on the path. */
  path?: RegExp | string
  /** How many requests to fault; default: every matching one. */
  times?: number
  /** How many matching requests to let through first; default 0. */
  skip?: number
  /** Tested on the request body's text (e.g. a GraphQL query's variables). */
  body?: RegExp
}

/**
 * Runs when a matching request arrives, before the fake answers it (with
 * the changed state, or with a fault). It may return a promise: the answer
 * waits for it, so a test can hold a request while something else happens.
 */
export type RequestHook = (
  state: FakeState,
  request: RecordedRequest
) => void | Promise<void>

export type FaultReply =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Never answer (the client's timeout has to end it). */
  | 'hang'
  /** 200 with a JSON content type and a truncated JSON body. */
  | 'malformed'

export interface FakeGitHub {
  /** `http://127.0.0.1:PORT`: both the REST root and, with `/graphql`, the GraphQL endpoint. */
  readonly url: string
  readonly state: FakeState
  /** Every request so far, oldest first; clear with `requests.length = 0`. */
  readonly requests: RecordedRequest[]
  /** Answers matching requests with `reply` instead (first added, first used). */
  fault(match: FaultMatch, reply: FaultReply): void
  /** Runs `hook` on matching requests (`times`, `skip` as for faults), before the answer. */
  onRequest(match: FaultMatch, hook: RequestHook): void
  /** Requests no route knew. */
  unexpected(): RecordedRequest[]
  close(): Promise<void>
}

/** Starts a fake GitHub for one test file or test; close it afterwards. */
export async function startFakeGitHub(
  initial: Partial<FakeState> = {}
): Promise<FakeGitHub> {
  const state: FakeState = { ...defaultState(), ...initial }
  const requests: RecordedRequest[] = []
  const faults: {
    match: FaultMatch
    reply: FaultReply
    left: number
    seen: number
  }[] = []
  const hooks: {
    match: FaultMatch
    hook: RequestHook
    left: number
    seen: number
  }[] = []

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      void handle(req, res, text)
    })
  })

  /** The first entry whose `skip` is used up and `times` not; counts every match. */
  function take<T extends { match: FaultMatch; left: number; seen: number }>(
    entries: T[],
    method: string,
    path: string,
    text = ''
  ): T | undefined {
    let found: T | undefined
    for (const entry of entries) {
      if (entry.left <= 0 || !matches(entry.match, method, path, text)) continue
      entry.seen += 1
      if (entry.seen <= (entry.match.skip ?? 0)) continue
      found ??= entry
    }
    if (found !== undefined) found.left -= 1
    return found
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    text: string
  ): Promise<void> {
    const method = req.method ?? 'GET'
    const host = req.headers.host ?? '127.0.0.1'
    const url = new URL(req.url ?? '/', `http://${host}`)
    let body: unknown = undefined
    if (text !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    }
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === 'authorization' || value === undefined) continue
      headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      headers,
      authorized: req.headers.authorization !== undefined,
      route: undefined,
      faulted: false,
      receivedAt: performance.now()
    }
    requests.push(record)

    const hook = take(hooks, method, url.pathname, text)
    if (hook !== undefined) {
      try {
        await hook.hook(state, record)
      } catch {
        // A failing hook must not leave the request unanswered.
      }
    }

    const fault = take(faults, method, url.pathname, text)
    if (fault !== undefined) {
      record.faulted = true
      const reply = fault.reply
      if (reply === 'hang') return
      if (reply === 'malformed') {
        res.writeHead(200, { 'content-type': JSON_TYPE, ...rateHeaders() })
        res.end('{"id": 1, "head": {"sha": ')
        return
      }
      res.writeHead(reply.status, {
        ...(reply.body === undefined ? {} : { 'content-type': JSON_TYPE }),
        ...rateHeaders(),
        ...reply.headers
      })
      res.end(reply.body ?? '')
      return
    }

    let reply: Reply
    try {
      reply = route(state, method, url, body, req.headers.authorization, record)
    } catch (error) {
      // A bug in the fake (or in a test's state) must not crash the test run.
      reply = {
        status: 500,
        body: {
          message: `fake GitHub failed: ${error instanceof Error ? error.message : 'unknown error'}`
        }
      }
    }
    const answer = reply.body === undefined ? '' : JSON.stringify(reply.body)
    // GitHub compresses its answers for a client that asks (the faults above
    // answer as a test wrote them, uncompressed).
    const gzip =
      /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && answer !== ''
    res.writeHead(reply.status, {
      'content-type': JSON_TYPE,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
      ...rateHeaders(),
      ...reply.headers
    })
    res.end(gzip ? gzipSync(answer) : answer)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    fault(match, reply) {
      faults.push({ match, reply, left: match.times ?? Infinity, seen: 0 })
    },
    onRequest(match, hook) {
      hooks.push({ match, hook, left: match.times ?? Infinity, seen: 0 })
    },
    unexpected() {
      return requests.filter((r) => r.route === undefined && !r.faulted)
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

// ---------------------------------------------------------------------------
// Routing.

function matches(
  match: FaultMatch,
  method: string,
  path: string,
  text: string
): boolean {
  return (
    (match.body === undefined || match.body.test(text)) &&
    (match.method === undefined || match.method.toUpperCase() === method) &&
    (match.path === undefined ||
      (typeof match.path === 'string'
        ? match.path === path
        : match.path.test(path)))
  )
}

const JSON_TYPE = 'application/json; charset=utf-8'

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

interface Context {
  state: FakeState
  url: URL
  params: Record<string, string>
  body: unknown
}

interface Route {
  method: string
  template: string
  pattern: RegExp
  keys: string[]
  handle: (ctx: Context) => Reply
}

function route(
  state: FakeState,
  method: string,
  url: URL,
  body: unknown,
  authorization: string | undefined,
  record: RecordedRequest
): Reply {
  const sent = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1]
  const refused = state.token !== undefined && sent !== state.token
  if (method === 'POST' && url.pathname === '/graphql') {
    if (refused) {
      record.route = 'POST /graphql'
      return badCredentials()
    }
    const result = graphql(state, body)
    record.route =
      result.name === 'unknown' ? undefined : `POST /graphql (${result.name})`
    return { status: 200, body: result.body }
  }
  for (const r of ROUTES) {
    if (r.method !== method) continue
    const match = r.pattern.exec(url.pathname)
    if (match === null) continue
    const params: Record<string, string> = {}
    r.keys.forEach((key, i) => {
      params[key] = decodeURIComponent(match[i + 1] ?? '')
    })
    record.route = `${r.method} ${r.template}`
    if (refused) return badCredentials()
    if (
      r.keys.includes('owner') &&
      (params['owner'] !== state.owner || params['repo'] !== state.repo)
    )
      return notFound()
    return r.handle({ state, url, params, body })
  }
  if (refused) return badCredentials()
  return notFound()
}

function badCredentials(): Reply {
  return {
    status: 401,
    body: {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    }
  }
}

function notFound(message = 'Not Found'): Reply {
  return {
    status: 404,
    body: {
      message,
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    }
  }
}

/** GitHub's limit on an issue comment's body, in characters (JS string length here). */
export const MAX_COMMENT_BODY_CHARS = 65_536
/** GitHub's limit on an issue comment's body, in UTF-8 bytes. */
export const MAX_COMMENT_BODY_BYTES = 262_144
/** GitHub's limit on a commit status description, in characters. */
export const MAX_STATUS_DESCRIPTION_CHARS = 140

const COMMENT_DOCS = {
  create:
    'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  update: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment'
} as const

/**
 * GitHub's answer to a comment body over its limits: 422 with this exact
 * body (what a run that posts too much meets in production); undefined when
 * the body fits. Characters are counted as JS string length (UTF-16 code
 * units), a little stricter than GitHub for characters outside the BMP
 * (an emoji counts 2); so counted, the byte limit never binds first (at
 * most 3 bytes per code unit), but it is kept as GitHub states it.
 */
function commentTooLong(
  text: string,
  endpoint: keyof typeof COMMENT_DOCS
): Reply | undefined {
  if (
    text.length <= MAX_COMMENT_BODY_CHARS &&
    Buffer.byteLength(text, 'utf8') <= MAX_COMMENT_BODY_BYTES
  )
    return undefined
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: `Body is too long (maximum is ${MAX_COMMENT_BODY_CHARS} characters)`
        }
      ],
      documentation_url: COMMENT_DOCS[endpoint],
      status: '422'
    }
  }
}

function invalid(field: string, message: string): Reply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', code: 'custom', field, message }],
      documentation_url: 'https://docs.github.com/rest',
      status: '422'
    }
  }
}

function defineRoute(
  method: string,
  template: string,
  handle: (ctx: Context) => Reply
): Route {
  const keys: string[] = []
  const source = template
    .split('/')
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1]
      if (key === undefined) return part
      keys.push(key)
      return '([^/]+)'
    })
    .join('/')
  return {
    method,
    template,
    pattern: new RegExp(`^${source}$`),
    keys,
    handle
  }
}

const REPO = '/repos/{owner}/{repo}'

/** Fields of a full pull request that the list endpoint leaves out. */
const FULL_PULL_ONLY = [
  'merged',
  'mergeable',
  'rebaseable',
  'mergeable_state',
  'merged_by',
  'comments',
  'review_comments',
  'maintainer_can_modify',
  'commits',
  'additions',
  'deletions',
  'changed_files'
]

const ROUTES: Route[] = [
  defineRoute('GET', `${REPO}/pulls`, (ctx) => {
    const wanted = ctx.url.searchParams.get('state') ?? 'open'
    const head = ctx.url.searchParams.get('head')
    const baseRef = ctx.url.searchParams.get('base')
    const pulls = Object.values(ctx.state.pulls)
      .filter((pull) => {
        if (wanted !== 'all' && pull['state'] !== wanted) return false
        const headPart = isObject(pull['head']) ? pull['head'] : {}
        const basePart = isObject(pull['base']) ? pull['base'] : {}
        if (head !== null && head.includes(':')) {
          const label = headPart['label']
          if (typeof label !== 'string') return false
          // GitHub matches `user:ref` on the head's owner and branch.
          const [owner, ...ref] = head.split(':')
          if (label !== `${owner}:${ref.join(':')}`) return false
        }
        return baseRef === null || basePart['ref'] === baseRef
      })
      .sort((a, b) => Number(b['number']) - Number(a['number']))
      .map((pull) => {
        const item: RestObject = { ...pull }
        for (const key of FULL_PULL_ONLY) delete item[key]
        const labels = ctx.state.labels[Number(pull['number'])]
        if (labels !== undefined)
          item['labels'] = labels.map((n) => makeLabel(n))
        return item
      })
    return paginate(ctx, pulls)
  }),
  defineRoute('GET', `${REPO}/pulls/{pull_number}`, ({ state, params }) => {
    const number = Number(params['pull_number'])
    const pull = state.pulls[number]
    if (pull === undefined) return notFound()
    const labels = state.labels[number]
    return {
      status: 200,
      body:
        labels === undefined
          ? pull
          : { ...pull, labels: labels.map((name) => makeLabel(name)) }
    }
  }),
  defineRoute('GET', `${REPO}/pulls/{pull_number}/commits`, (ctx) => {
    const number = Number(ctx.params['pull_number'])
    const commits = ctx.state.pullCommits[number]
    if (commits === undefined && ctx.state.pulls[number] === undefined)
      return notFound()
    return paginate(ctx, (commits ?? []).slice(0, 250))
  }),
  defineRoute('GET', `${REPO}/pulls/{pull_number}/reviews`, (ctx) => {
    const number = Number(ctx.params['pull_number'])
    const reviews = ctx.state.reviews[number]
    if (reviews === undefined && ctx.state.pulls[number] === undefined)
      return notFound()
    return paginate(ctx, reviews ?? [])
  }),
  defineRoute(
    'GET',
    `${REPO}/pulls/{pull_number}/reviews/{review_id}`,
    (ctx) => {
      const number = Number(ctx.params['pull_number'])
      const id = Number(ctx.params['review_id'])
      const found = (ctx.state.reviews[number] ?? []).find(
        (r) => r['id'] === id
      )
      return found === undefined ? notFound() : { status: 200, body: found }
    }
  ),
  defineRoute('GET', `${REPO}/issues/comments/{comment_id}`, (ctx) => {
    const id = Number(ctx.params['comment_id'])
    for (const comments of Object.values(ctx.state.comments)) {
      const found = comments.find((c) => c['id'] === id)
      if (found !== undefined) return { status: 200, body: found }
    }
    return notFound()
  }),
  defineRoute(
    'GET',
    '/orgs/{org}/teams/{team_slug}/memberships/{username}',
    (ctx) => {
      const team =
        `${ctx.params['org'] ?? ''}/${ctx.params['team_slug'] ?? ''}`.toLowerCase()
      const members = ctx.state.teams[team]
      if (members === undefined)
        return {
          status: 403,
          body: { message: 'Resource not accessible by integration' }
        }
      const login = (ctx.params['username'] ?? '').toLowerCase()
      if (!members.map((m) => m.toLowerCase()).includes(login))
        return notFound()
      return {
        status: 200,
        body: { url: '', role: 'member', state: 'active' }
      }
    }
  ),
  defineRoute('GET', `${REPO}/commits/{ref}`, (ctx) => {
    const sha = ctx.params['ref'] ?? ''
    const commit = ctx.state.commits[sha]
    if (commit === undefined)
      return {
        status: 422,
        body: {
          message: `No commit found for SHA: ${sha}`,
          documentation_url: 'https://docs.github.com/rest',
          status: '422'
        }
      }
    const files = Array.isArray(commit['files'])
      ? (commit['files'] as unknown[]).slice(0, 3000)
      : []
    const page = paginate(ctx, files, 300)
    return { ...page, body: { ...commit, files: page.body } }
  }),
  defineRoute('GET', `${REPO}/commits/{ref}/pulls`, (ctx) => {
    const sha = ctx.params['ref'] ?? ''
    if (!/^[0-9a-f]{7,40}$/i.test(sha))
      return {
        status: 422,
        body: {
          message: `No commit found for SHA: ${sha}`,
          documentation_url:
            'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit',
          status: '422'
        }
      }
    const pulls = Object.values(ctx.state.pulls)
    // GitHub: the merged pull request that brought a commit of the default branch; else open and merged ones containing it.
    const merged = pulls.filter((p) => p['merge_commit_sha'] === sha)
    const extra = new Set(ctx.state.commitPulls?.[sha] ?? [])
    const found =
      merged.length > 0 || extra.size > 0
        ? [...merged, ...pulls.filter((p) => extra.has(Number(p['number'])))]
        : pulls.filter((p) => {
            const head = isObject(p['head']) ? p['head'] : {}
            const commits = ctx.state.pullCommits[Number(p['number'])] ?? []
            return head['sha'] === sha || commits.some((c) => c['sha'] === sha)
          })
    const items = found.map((pull) => {
      const item: RestObject = { ...pull }
      for (const key of FULL_PULL_ONLY) delete item[key]
      return item
    })
    return paginate(ctx, items)
  }),
  defineRoute('GET', `${REPO}/commits/{ref}/statuses`, (ctx) => {
    const statuses = ctx.state.statuses[ctx.params['ref'] ?? ''] ?? []
    return paginate(ctx, [...statuses].reverse())
  }),
  defineRoute('POST', `${REPO}/statuses/{sha}`, ({ state, params, body }) => {
    const sha = params['sha'] ?? ''
    const input = isObject(body) ? body : {}
    const stateValue = input['state']
    if (
      typeof stateValue !== 'string' ||
      !['success', 'failure', 'error', 'pending'].includes(stateValue)
    )
      return invalid('state', 'state is not included in the list')
    const description = input['description']
    if (
      typeof description === 'string' &&
      description.length > MAX_STATUS_DESCRIPTION_CHARS
    )
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'Status',
              code: 'custom',
              field: 'description',
              message: `description is too long (maximum is ${MAX_STATUS_DESCRIPTION_CHARS} characters)`
            }
          ],
          documentation_url:
            'https://docs.github.com/rest/commits/statuses#create-a-commit-status',
          status: '422'
        }
      }
    const now = tick(state)
    const status = makeStatus({
      id: nextId(state),
      state: stateValue,
      context:
        typeof input['context'] === 'string' ? input['context'] : 'default',
      description: typeof description === 'string' ? description : null,
      targetUrl:
        typeof input['target_url'] === 'string' ? input['target_url'] : null,
      creator: viewerUser(state),
      createdAt: now
    })
    ;(state.statuses[sha] ??= []).push(status)
    return { status: 201, body: status }
  }),
  defineRoute('GET', `${REPO}/issues/{issue_number}/comments`, (ctx) => {
    const number = Number(ctx.params['issue_number'])
    const comments = ctx.state.comments[number]
    if (comments === undefined && ctx.state.pulls[number] === undefined)
      return notFound()
    return paginate(ctx, comments ?? [])
  }),
  defineRoute(
    'POST',
    `${REPO}/issues/{issue_number}/comments`,
    ({ state, params, body }) => {
      const number = Number(params['issue_number'])
      const text = isObject(body) ? body['body'] : undefined
      if (typeof text !== 'string') return invalid('body', 'body is missing')
      const tooLong = commentTooLong(text, 'create')
      if (tooLong !== undefined) return tooLong
      const now = tick(state)
      const comment = makeComment({
        id: nextId(state),
        issue: number,
        body: text,
        user: viewerUser(state),
        createdAt: now,
        owner: state.owner,
        repo: state.repo,
        viaApp:
          state.viewer.__typename === 'Bot' ? state.viewer.login : undefined
      })
      ;(state.comments[number] ??= []).push(comment)
      return { status: 201, body: comment }
    }
  ),
  defineRoute(
    'PATCH',
    `${REPO}/issues/comments/{comment_id}`,
    ({ state, params, body }) => {
      const comment = findComment(state, Number(params['comment_id']))
      if (comment === undefined) return notFound()
      const text = isObject(body) ? body['body'] : undefined
      if (typeof text !== 'string') return invalid('body', 'body is missing')
      const tooLong = commentTooLong(text, 'update')
      if (tooLong !== undefined) return tooLong
      comment['body'] = text
      comment['updated_at'] = tick(state)
      return { status: 200, body: comment }
    }
  ),
  defineRoute(
    'POST',
    `${REPO}/issues/comments/{comment_id}/reactions`,
    ({ state, params, body }) => {
      const id = Number(params['comment_id'])
      if (findComment(state, id) === undefined) return notFound()
      const content = isObject(body) ? body['content'] : undefined
      if (typeof content !== 'string' || !REACTION_CONTENT.includes(content))
        return invalid('content', 'content is not included in the list')
      const list = (state.reactions[id] ??= [])
      const user = viewerUser(state)
      const existing = list.find(
        (r) =>
          r['content'] === content &&
          isObject(r['user']) &&
          r['user']['login'] === user['login']
      )
      if (existing !== undefined) return { status: 200, body: existing }
      const reaction = {
        id: nextId(state),
        node_id: `REA_${id}`,
        user,
        content,
        created_at: tick(state)
      }
      list.push(reaction)
      return { status: 201, body: reaction }
    }
  ),
  defineRoute(
    'POST',
    `${REPO}/issues/{issue_number}/labels`,
    ({ state, params, body }) => {
      const number = Number(params['issue_number'])
      const wanted = Array.isArray(body)
        ? body
        : isObject(body)
          ? body['labels']
          : undefined
      if (
        !Array.isArray(wanted) ||
        !wanted.every((l): l is string => typeof l === 'string')
      )
        return invalid('labels', 'labels must be a list of names')
      tick(state)
      const labels = currentLabels(state, number)
      for (const name of wanted) if (!labels.includes(name)) labels.push(name)
      return { status: 200, body: labels.map((name) => makeLabel(name)) }
    }
  ),
  defineRoute(
    'DELETE',
    `${REPO}/issues/{issue_number}/labels/{name}`,
    ({ state, params }) => {
      const number = Number(params['issue_number'])
      const labels = currentLabels(state, number)
      const index = labels.indexOf(params['name'] ?? '')
      if (index < 0) return notFound('Label does not exist')
      tick(state)
      labels.splice(index, 1)
      return { status: 200, body: labels.map((name) => makeLabel(name)) }
    }
  ),
  defineRoute(
    'GET',
    `${REPO}/collaborators/{username}/permission`,
    ({ state, params }) => {
      const permission = state.permissions[params['username'] ?? '']
      return permission === undefined
        ? notFound()
        : { status: 200, body: permission }
    }
  )
]

const REACTION_CONTENT = [
  '+1',
  '-1',
  'laugh',
  'confused',
  'heart',
  'hooray',
  'rocket',
  'eyes'
]

/** GitHub's page-number pagination with a `Link` header. */
function paginate(
  ctx: Context,
  items: unknown[],
  defaultPerPage = 30
): Reply & { body: unknown[] } {
  const asked = Number(ctx.url.searchParams.get('per_page'))
  const perPage =
    Number.isInteger(asked) && asked > 0 ? Math.min(100, asked) : defaultPerPage
  const page = Math.max(1, Number(ctx.url.searchParams.get('page')) || 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const body = items.slice((page - 1) * perPage, page * perPage)
  if (last === 1) return { status: 200, body }
  const link = (n: number, rel: string): string => {
    const url = new URL(ctx.url)
    url.searchParams.set('page', String(n))
    return `<${url.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return { status: 200, body, headers: { link: links.join(', ') } }
}

function currentLabels(state: FakeState, number: number): string[] {
  const existing = state.labels[number]
  if (existing !== undefined) return existing
  const pull = state.pulls[number]
  const fromPull = Array.isArray(pull?.['labels'])
    ? (pull['labels'] as unknown[]).flatMap((l) =>
        isObject(l) && typeof l['name'] === 'string' ? [l['name']] : []
      )
    : []
  state.labels[number] = fromPull
  return fromPull
}

function findComment(state: FakeState, id: number): RestObject | undefined {
  for (const list of Object.values(state.comments)) {
    const found = list.find((c) => c['id'] === id)
    if (found !== undefined) return found
  }
  return undefined
}

/** Advances the clock by 1 s and returns the new time. */
function tick(state: FakeState): string {
  state.now = isoSeconds(Date.parse(state.now) + 1000)
  return state.now
}

function nextId(state: FakeState): number {
  state.nextId += 1
  return state.nextId
}

function viewerUser(state: FakeState): RestObject {
  const { login, databaseId, __typename } = state.viewer
  return makeUser(__typename === 'Bot' ? `${login}[bot]` : login, {
    id: databaseId,
    type: __typename
  })
}

function rateHeaders(): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    'x-github-request-id': 'FAKE:0001'
  }
}

// ---------------------------------------------------------------------------
// GraphQL: just the queries the adapter sends, parsed minimally.

function graphql(
  state: FakeState,
  body: unknown
): { name: string; body: unknown } {
  const query = isObject(body) ? body['query'] : undefined
  const variables =
    isObject(body) && isObject(body['variables']) ? body['variables'] : {}
  if (typeof query !== 'string')
    return {
      name: 'unknown',
      body: gqlError(
        'A query attribute must be specified and must be a string.'
      )
    }
  const name = /^\s*query\s+(\w+)/.exec(query)?.[1] ?? 'anonymous'
  if (/\bviewer\s*\{/.test(query)) {
    const { login, databaseId, __typename } = state.viewer
    return {
      name,
      body: { data: { viewer: { login, databaseId, __typename } } }
    }
  }
  if (!/\brepository\s*\(/.test(query))
    return {
      name: 'unknown',
      body: gqlError('fake GitHub does not know this query')
    }
  if (variables['owner'] !== state.owner || variables['name'] !== state.repo) {
    return {
      name,
      body: {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            message: `Could not resolve to a Repository with the name '${String(variables['owner'])}/${String(variables['name'])}'.`
          }
        ]
      }
    }
  }
  if (/\bpullRequest\s*\(/.test(query))
    return { name, body: pullCommits(state, query, variables) }
  if (/\bobject\s*\(\s*expression:/.test(query))
    return { name, body: objects(state, query, variables) }
  return {
    name: 'unknown',
    body: gqlError('fake GitHub does not know this query')
  }
}

function gqlError(message: string): unknown {
  return { errors: [{ message }] }
}

function pullCommits(
  state: FakeState,
  query: string,
  variables: Record<string, unknown>
): unknown {
  const number = Number(variables['number'])
  const first = Number(/commits\s*\(\s*first:\s*(\d+)/.exec(query)?.[1] ?? 0)
  if (first < 1 || first > 100)
    return gqlError(
      `Requesting ${first} records on the \`commits\` connection exceeds the \`first\` limit of 100 records.`
    )
  const commits = state.pullCommits[number]
  if (commits === undefined) {
    return {
      data: { repository: { pullRequest: null } },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository', 'pullRequest'],
          message: `Could not resolve to a PullRequest with the number of ${number}.`
        }
      ]
    }
  }
  const cursor = variables['cursor']
  const start =
    typeof cursor === 'string'
      ? Number(Buffer.from(cursor, 'base64').toString('utf8').split(':')[1]) + 1
      : 0
  const slice = commits.slice(start, start + first)
  const end = start + slice.length - 1
  return {
    data: {
      repository: {
        pullRequest: {
          commits: {
            totalCount: commits.length,
            pageInfo: {
              hasNextPage: start + first < commits.length,
              endCursor:
                slice.length === 0
                  ? null
                  : Buffer.from(`cursor:${end}`).toString('base64')
            },
            nodes: slice.map((c) => ({ commit: graphqlCommit(c) }))
          }
        }
      }
    }
  }
}

function graphqlCommit(rest: RestObject): unknown {
  const git = isObject(rest['commit']) ? rest['commit'] : {}
  const person = (role: 'author' | 'committer'): unknown => {
    const p = isObject(git[role]) ? git[role] : {}
    const account = rest[role]
    return {
      name: p['name'] ?? null,
      email: p['email'] ?? null,
      date: p['date'] ?? null,
      user: isObject(account) ? { login: account['login'] } : null
    }
  }
  const parents = Array.isArray(rest['parents'])
    ? (rest['parents'] as unknown[]).map((p) => ({
        oid: isObject(p) ? p['sha'] : null
      }))
    : []
  return {
    oid: rest['sha'],
    parents: { totalCount: parents.length, nodes: parents.slice(0, 5) },
    message: git['message'],
    author: person('author'),
    committer: person('committer')
  }
}

function objects(
  state: FakeState,
  query: string,
  variables: Record<string, unknown>
): unknown {
  const repository: Record<string, unknown> = {}
  for (const m of query.matchAll(
    /(\w+)\s*:\s*object\s*\(\s*expression:\s*\$(\w+)\s*\)/g
  )) {
    const alias = m[1] ?? ''
    const expression = variables[m[2] ?? '']
    if (typeof expression !== 'string')
      return gqlError(
        `Variable $${m[2]} of type String! was provided invalid value`
      )
    const file = state.files[expression]
    repository[alias] =
      file === undefined
        ? null
        : typeof file === 'string'
          ? blob(file, false)
          : 'tree' in file
            ? {}
            : 'binary' in file
              ? {
                  text: null,
                  isBinary: true,
                  isTruncated: false,
                  byteSize: 1024
                }
              : blob(file.text, true)
  }
  return { data: { repository } }
}

function blob(text: string, truncated: boolean): unknown {
  return {
    text,
    isBinary: false,
    isTruncated: truncated,
    byteSize: Buffer.byteLength(text)
  }
}

// ---------------------------------------------------------------------------
// Fixtures shaped like GitHub's payloads.

function defaultState(): FakeState {
  return {
    owner: 'octo-org',
    repo: 'infra',
    now: '2024-05-01T12:00:00Z',
    nextId: 9_000_000,
    token: undefined,
    viewer: {
      login: 'github-actions',
      databaseId: 41898282,
      __typename: 'Bot'
    },
    pulls: {},
    pullCommits: {},
    commits: {},
    comments: {},
    reviews: {},
    statuses: {},
    labels: {},
    reactions: {},
    permissions: {},
    teams: {},
    files: {}
  }
}

/** A deterministic 40-hex SHA from any seed, for readable fixtures. */
export function makeSha(seed: string | number): string {
  return createHash('sha1').update(String(seed)).digest('hex')
}

/** An ISO time without milliseconds, as GitHub writes them. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A REST user object (`user`, `creator`, `author` fields). */
export function makeUser(
  login: string,
  options: { id?: number; type?: string } = {}
): RestObject {
  const id =
    options.id ?? (parseInt(makeSha(login).slice(0, 7), 16) % 9_000_000) + 1000
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    type: options.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
    site_admin: false
  }
}

/** A label object as issues and pulls embed it. */
export function makeLabel(name: string): RestObject {
  const id = parseInt(makeSha(`label:${name}`).slice(0, 7), 16)
  return {
    id,
    node_id: `LA_${id}`,
    url: `https://api.github.com/repos/octo-org/infra/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null
  }
}

export interface PullOptions {
  number: number
  headSha: string
  baseSha?: string
  headRef?: string
  baseRef?: string
  /** `owner/name` of the head repository when it is a fork; null for a deleted fork. */
  headRepo?: string | null
  owner?: string
  repo?: string
  user?: RestObject
  title?: string
  body?: string | null
  state?: 'open' | 'closed'
  merged?: boolean
  /** The commit the merge made on the base branch (`merge_commit_sha`). */
  mergeCommitSha?: string
  draft?: boolean
  commits?: number
  labels?: string[]
}

/** A `GET /repos/{o}/{r}/pulls/{n}` body with the fields GitHub sends. */
export function makePull(options: PullOptions): RestObject {
  const owner = options.owner ?? 'octo-org'
  const repo = options.repo ?? 'infra'
  const user = options.user ?? makeUser('octocat')
  const api = `https://api.github.com/repos/${owner}/${repo}`
  const html = `https://github.com/${owner}/${repo}`
  const number = options.number
  const repoObject = (fullName: string): RestObject => {
    const [repoOwner = owner, name = repo] = fullName.split('/')
    return {
      id: parseInt(makeSha(fullName).slice(0, 7), 16),
      node_id: `R_${fullName}`,
      name,
      full_name: fullName,
      private: false,
      owner: makeUser(repoOwner, { type: 'Organization' }),
      html_url: `https://github.com/${fullName}`,
      fork: fullName !== `${owner}/${repo}`,
      url: `https://api.github.com/repos/${fullName}`,
      default_branch: 'main'
    }
  }
  const headRepo =
    options.headRepo === undefined ? `${owner}/${repo}` : options.headRepo
  const headRef = options.headRef ?? `feature-${number}`
  const merged = options.merged ?? false
  return {
    url: `${api}/pulls/${number}`,
    id: 100_000 + number,
    node_id: `PR_${number}`,
    html_url: `${html}/pull/${number}`,
    diff_url: `${html}/pull/${number}.diff`,
    patch_url: `${html}/pull/${number}.patch`,
    issue_url: `${api}/issues/${number}`,
    number,
    state: options.state ?? (merged ? 'closed' : 'open'),
    locked: false,
    title: options.title ?? `Change ${number}`,
    user,
    body: options.body === undefined ? 'Description.' : options.body,
    created_at: '2024-05-01T10:00:00Z',
    updated_at: '2024-05-01T11:00:00Z',
    closed_at: null,
    merged_at: merged ? '2024-05-01T11:30:00Z' : null,
    merge_commit_sha: options.mergeCommitSha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: (options.labels ?? []).map((name) => makeLabel(name)),
    milestone: null,
    draft: options.draft ?? false,
    commits_url: `${api}/pulls/${number}/commits`,
    review_comments_url: `${api}/pulls/${number}/comments`,
    comments_url: `${api}/issues/${number}/comments`,
    statuses_url: `${api}/statuses/${options.headSha}`,
    head: {
      label: `${headRepo?.split('/')[0] ?? owner}:${headRef}`,
      ref: headRef,
      sha: options.headSha,
      user: makeUser(headRepo?.split('/')[0] ?? owner),
      repo: headRepo === null ? null : repoObject(headRepo)
    },
    base: {
      label: `${owner}:${options.baseRef ?? 'main'}`,
      ref: options.baseRef ?? 'main',
      sha: options.baseSha ?? makeSha(`base-${number}`),
      user: makeUser(owner, { type: 'Organization' }),
      repo: repoObject(`${owner}/${repo}`)
    },
    author_association: 'MEMBER',
    auto_merge: null,
    active_lock_reason: null,
    merged,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: options.commits ?? 1,
    additions: 10,
    deletions: 2,
    changed_files: 1
  }
}

/** A git identity; `login` is the GitHub account GitHub matched, if any. */
export interface FakePerson {
  name: string
  email: string
  date: string
  login?: string | null
}

export interface CommitOptions {
  parents?: string[]
  message?: string
  author?: Partial<FakePerson>
  committer?: Partial<FakePerson>
  owner?: string
  repo?: string
}

/** A `GET /pulls/{n}/commits` list item. */
export function makeCommit(
  sha: string,
  options: CommitOptions = {}
): RestObject {
  const api = `https://api.github.com/repos/${options.owner ?? 'octo-org'}/${options.repo ?? 'infra'}`
  const person = (p: Partial<FakePerson> | undefined, fallback: string) => ({
    name: p?.name ?? fallback,
    email:
      p?.email ?? `${fallback.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    date: p?.date ?? '2024-05-01T09:00:00Z',
    login: p?.login === undefined ? fallback.toLowerCase() : p.login
  })
  const author = person(options.author, 'Octocat')
  const committer = person(options.committer ?? options.author, 'Octocat')
  return {
    sha,
    node_id: `C_${sha.slice(0, 12)}`,
    commit: {
      author: { name: author.name, email: author.email, date: author.date },
      committer: {
        name: committer.name,
        email: committer.email,
        date: committer.date
      },
      message: options.message ?? `Commit ${sha.slice(0, 7)}`,
      tree: {
        sha: makeSha(`tree-${sha}`),
        url: `${api}/git/trees/${makeSha(`tree-${sha}`)}`
      },
      url: `${api}/git/commits/${sha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null
      }
    },
    url: `${api}/commits/${sha}`,
    html_url: `https://github.com/${options.owner ?? 'octo-org'}/${options.repo ?? 'infra'}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    author: author.login === null ? null : makeUser(author.login),
    committer: committer.login === null ? null : makeUser(committer.login),
    parents: (options.parents ?? [makeSha(`parent-${sha}`)]).map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `https://github.com/${options.owner ?? 'octo-org'}/${options.repo ?? 'infra'}/commit/${p}`
    }))
  }
}

/** `count` commits, each the parent of the next, oldest first. */
export function makeCommitChain(
  count: number,
  seed = 'chain',
  options: Omit<CommitOptions, 'parents'> = {}
): RestObject[] {
  const commits: RestObject[] = []
  let parent = makeSha(`${seed}-base`)
  for (let i = 0; i < count; i += 1) {
    const sha = makeSha(`${seed}-${i}`)
    commits.push(
      makeCommit(sha, {
        ...options,
        parents: [parent],
        message: options.message ?? `${seed} commit ${i}`
      })
    )
    parent = sha
  }
  return commits
}

/** One changed file of `GET /commits/{sha}`. */
export interface FakeFileChange {
  filename: string
  status?: string
  patch?: string
  previous_filename?: string
}

/** A `GET /commits/{sha}` body: the list item plus stats and files. */
export function makeCommitDetail(
  sha: string,
  files: FakeFileChange[],
  options: CommitOptions = {}
): RestObject {
  return {
    ...makeCommit(sha, options),
    stats: {
      total: files.length * 2,
      additions: files.length,
      deletions: files.length
    },
    files: files.map((f) => ({
      sha: makeSha(`blob-${sha}-${f.filename}`),
      filename: f.filename,
      status: f.status ?? 'modified',
      additions: 1,
      deletions: 1,
      changes: 2,
      blob_url: `https://github.com/octo-org/infra/blob/${sha}/${f.filename}`,
      raw_url: `https://github.com/octo-org/infra/raw/${sha}/${f.filename}`,
      contents_url: `https://api.github.com/repos/octo-org/infra/contents/${f.filename}?ref=${sha}`,
      ...(f.patch === undefined ? {} : { patch: f.patch }),
      ...(f.previous_filename === undefined
        ? {}
        : { previous_filename: f.previous_filename })
    }))
  }
}

export interface CommentOptions {
  id: number
  body: string
  issue?: number
  user?: RestObject
  createdAt?: string
  updatedAt?: string
  /** Slug of the GitHub App the comment was made through. */
  viaApp?: string | undefined
  owner?: string
  repo?: string
}

/** An issue comment as `GET /issues/{n}/comments` lists it. */
export function makeComment(options: CommentOptions): RestObject {
  const owner = options.owner ?? 'octo-org'
  const repo = options.repo ?? 'infra'
  const issue = options.issue ?? 1
  const createdAt = options.createdAt ?? '2024-05-01T11:00:00Z'
  return {
    url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${options.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${options.id}`,
    issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${issue}`,
    id: options.id,
    node_id: `IC_${options.id}`,
    user: options.user ?? makeUser('octocat'),
    created_at: createdAt,
    updated_at: options.updatedAt ?? createdAt,
    author_association: 'MEMBER',
    body: options.body,
    reactions: { total_count: 0 },
    performed_via_github_app:
      options.viaApp === undefined
        ? null
        : {
            id: parseInt(makeSha(`app-${options.viaApp}`).slice(0, 6), 16),
            slug: options.viaApp,
            node_id: `A_${options.viaApp}`,
            name: options.viaApp,
            owner: makeUser('github', { type: 'Organization' })
          }
  }
}

export interface ReviewOptions {
  id: number
  user?: RestObject
  state:
    'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
  commitId: string
  body?: string
  submittedAt?: string
  pull?: number
}

/** A pull request review as `GET /pulls/{n}/reviews` lists it. */
export function makeReview(options: ReviewOptions): RestObject {
  const pull = options.pull ?? 1
  return {
    id: options.id,
    node_id: `PRR_${options.id}`,
    user: options.user ?? makeUser('reviewer'),
    body: options.body ?? '',
    state: options.state,
    html_url: `https://github.com/octo-org/infra/pull/${pull}#pullrequestreview-${options.id}`,
    pull_request_url: `https://api.github.com/repos/octo-org/infra/pulls/${pull}`,
    author_association: 'MEMBER',
    commit_id: options.commitId,
    ...(options.state === 'PENDING'
      ? {}
      : { submitted_at: options.submittedAt ?? '2024-05-01T11:10:00Z' })
  }
}

export interface StatusOptions {
  id: number
  state: string
  context: string
  description?: string | null
  targetUrl?: string | null
  creator?: RestObject | null
  createdAt?: string
}

/** A commit status as `GET /commits/{sha}/statuses` lists it. */
export function makeStatus(options: StatusOptions): RestObject {
  const createdAt = options.createdAt ?? '2024-05-01T11:20:00Z'
  return {
    url: `https://api.github.com/repos/octo-org/infra/statuses/${options.id}`,
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    id: options.id,
    node_id: `SC_${options.id}`,
    state: options.state,
    description: options.description ?? null,
    target_url: options.targetUrl ?? null,
    context: options.context,
    created_at: createdAt,
    updated_at: createdAt,
    creator:
      options.creator === undefined
        ? makeUser('github-actions[bot]', { id: 41898282, type: 'Bot' })
        : options.creator
  }
}

const LEGACY: Record<string, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
}
const LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin']

/**
 * A `GET /collaborators/{login}/permission` body. `role` is a base role, or
 * a custom role name with `base` giving the base role it extends.
 */
export function makePermission(
  login: string,
  role: string,
  base?: string
): RestObject {
  const effective = LEVELS.includes(role) ? role : (base ?? 'read')
  const level = LEVELS.indexOf(effective)
  return {
    permission: LEGACY[effective] ?? 'read',
    role_name: role === 'none' ? '' : role,
    user: {
      ...makeUser(login),
      permissions: {
        admin: level >= 5,
        maintain: level >= 4,
        push: level >= 3,
        triage: level >= 2,
        pull: level >= 1
      },
      role_name: role === 'none' ? '' : role
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
