/**
 * An approval scenario on the fake GitHub: the attribution scenario
 * repository's pull request #7, reviewed once by the real bundle (so that
 * plangate's own status names the digest and its sticky comment exists),
 * then comments, reviews and permissions that tests add before running the
 * bundle on an approval event.
 *
 * A pull request run costs seconds (the throttling plugin spaces writes), so
 * a test file can review once and start each test from a snapshot of that
 * state: `snapshotOf(await reviewedPull(scenario))`, then
 * `startFrom(snapshot)` per test.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from './action-run.js'
import type { ActionRun } from './action-run.js'
import { examplePayload, pullRequestEvent, setPath } from './events.js'
import {
  isoSeconds,
  makeComment,
  makePermission,
  makeReview,
  makeUser,
  startFakeGitHub
} from './fake-github.js'
import type {
  FakeGitHub,
  FakeState,
  FakeViewer,
  RecordedRequest,
  RestObject
} from './fake-github.js'
import { commitDetailsOf, pullOf } from './repo-state.js'

export const PR_NUMBER = 7
export const PR_AUTHOR = makeUser('dana-human', { id: 501 })

/** The scenario repository and plan, built once per test file. */
export interface ScenarioRepo {
  readonly dir: string
  readonly repo: string
  readonly pr: ReturnType<typeof pullOf>
  remove(): void
}

export function buildScenarioRepo(): ScenarioRepo {
  const dir = mkdtempSync(join(tmpdir(), 'plangate-approval-'))
  const repo = join(dir, 'repo')
  const built = spawnSync(
    'bash',
    [fixturePath('attribution/scenario/build-repo.sh'), repo],
    { encoding: 'utf8' }
  )
  if (built.status !== 0) throw new Error(built.stderr)
  copyFileSync(
    fixturePath('attribution/scenario/plan.json'),
    join(repo, 'plan.json')
  )
  const pr = pullOf(repo, 'base', { number: PR_NUMBER, user: PR_AUTHOR })
  return {
    dir,
    repo,
    pr,
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

/** A fake GitHub after plangate's pull request run: status and comment exist. */
export interface Reviewed {
  readonly fake: FakeGitHub
  readonly digest: string
  readonly headSha: string
  /** The pull request run's output. */
  readonly run: ActionRun
}

/**
 * The scenario's pull request reviewed by the real Action; `prepare` sets
 * up the fake before the run (files at the base, say).
 */
export async function reviewedPull(
  scenario: ScenarioRepo,
  prepare: (fake: FakeGitHub) => void = () => undefined
): Promise<Reviewed> {
  const { pr, repo } = scenario
  const fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { [PR_NUMBER]: pr.pull },
    pullCommits: { [PR_NUMBER]: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { [PR_NUMBER]: [] }
  })
  prepare(fake)
  const run = await runAction({
    cwd: repo,
    eventName: 'pull_request',
    payload: pullRequestEvent({ number: PR_NUMBER, headSha: pr.headSha }),
    inputs: { plan: 'plan.json' },
    apiUrl: fake.url
  })
  const digest = run.outputs.digest ?? ''
  if (!/^[0-9a-f]{16}$/.test(digest))
    throw new Error(`the pull request run gave no digest:\n${run.stdout}`)
  return { fake, digest, headSha: pr.headSha, run }
}

/** A reviewed state to start tests from: the fake's state, frozen. */
export interface Snapshot {
  readonly state: FakeState
  readonly digest: string
  readonly headSha: string
}

/** Freezes a fake's state (a deep copy) and closes the fake. */
export async function snapshotOf(reviewed: {
  readonly fake: FakeGitHub
  readonly digest: string
  readonly headSha: string
}): Promise<Snapshot> {
  const state = structuredClone(reviewed.fake.state)
  await reviewed.fake.close()
  return { state, digest: reviewed.digest, headSha: reviewed.headSha }
}

/** A fake started from a snapshot, with the snapshot's digest and head. */
export type SnapshotFake = FakeGitHub & {
  readonly digest: string
  readonly headSha: string
}

/** A fresh fake GitHub (new server, empty request log) from a copy of a snapshot. */
export async function startFrom(snapshot: Snapshot): Promise<SnapshotFake> {
  const fake = await startFakeGitHub(structuredClone(snapshot.state))
  return Object.assign(fake, {
    digest: snapshot.digest,
    headSha: snapshot.headSha
  })
}

/**
 * The reviewed pull request after alice (write) approved its digest with
 * comment 9001: plangate's status is success, the comment has a 👍.
 */
export async function approvedSnapshot(
  scenario: ScenarioRepo,
  reviewed: Snapshot
): Promise<Snapshot> {
  const fake = await startFrom(reviewed)
  grant(fake, 'alice', 'write')
  const comment = addComment(fake, {
    id: 9001,
    login: 'alice',
    body: `/approve-destroy ${reviewed.digest}`
  })
  const run = await onComment(scenario, fake, comment)
  const status = fake.state.statuses[reviewed.headSha]?.at(-1)
  if (status?.state !== 'success') {
    await fake.close()
    throw new Error(`alice's approval did not count:\n${run.stdout}`)
  }
  return snapshotOf({ ...reviewed, fake })
}

/** Runs `body` on a fresh fake from `snapshot`, and closes the fake however it ends. */
export async function withSnapshot(
  snapshot: Snapshot,
  body: (fake: SnapshotFake) => void | Promise<void>
): Promise<void> {
  const fake = await startFrom(snapshot)
  try {
    await body(fake)
  } finally {
    await fake.close()
  }
}

/** The base commit's SHA of the scenario's pull request. */
export function baseShaOf(fake: FakeGitHub, pull = PR_NUMBER): string {
  const base = fake.state.pulls[pull]?.base as { sha?: string } | undefined
  return base?.sha ?? ''
}

/** Puts `.github/plangate.yml` on the base branch (approval runs read it there). */
export function setBaseConfig(fake: FakeGitHub, text: string): void {
  fake.state.files[`${baseShaOf(fake)}:.github/plangate.yml`] = text
}

/** Moves the pull request's head to another commit (a push), keeping its commits. */
export function pushHead(
  state: FakeState,
  headSha: string,
  pull = PR_NUMBER
): void {
  const current = state.pulls[pull]
  if (current === undefined) throw new Error(`no pull request #${pull}`)
  const head = current.head as RestObject
  state.pulls[pull] = { ...current, head: { ...head, sha: headSha } }
}

/**
 * Makes plangate run as a GitHub App (`login[bot]`) instead of the job
 * token's github-actions[bot]: the viewer changes, and so do the authors
 * of the statuses and comments that plangate's identity wrote so far.
 */
export function useAppIdentity(state: FakeState, viewer: FakeViewer): void {
  const previous = state.viewer
  const isOld = (user: unknown): boolean =>
    typeof user === 'object' &&
    user !== null &&
    (user as RestObject).id === previous.databaseId
  const user = makeUser(`${viewer.login}[bot]`, {
    id: viewer.databaseId,
    type: viewer.__typename
  })
  for (const list of Object.values(state.statuses))
    for (const status of list) if (isOld(status.creator)) status.creator = user
  for (const list of Object.values(state.comments))
    for (const comment of list) if (isOld(comment.user)) comment.user = user
  state.viewer = viewer
}

/** Seconds after the fake's clock: a time after everything written so far. */
export function later(fake: FakeGitHub, seconds = 60): string {
  return isoSeconds(Date.parse(fake.state.now) + seconds * 1000)
}

/** Adds a comment as GitHub would store it, and returns it. */
export function addComment(
  fake: FakeGitHub,
  options: {
    id: number
    body: string
    login: string
    type?: string
    userId?: number
    createdAt?: string
    updatedAt?: string
    viaApp?: string
    /** The pull request or issue; default the scenario's pull request. */
    issue?: number
  }
): RestObject {
  const createdAt = options.createdAt ?? later(fake)
  const issue = options.issue ?? PR_NUMBER
  const comment = makeComment({
    id: options.id,
    issue,
    body: options.body,
    user: makeUser(options.login, {
      ...(options.type === undefined ? {} : { type: options.type }),
      ...(options.userId === undefined ? {} : { id: options.userId })
    }),
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
    ...(options.viaApp === undefined ? {} : { viaApp: options.viaApp })
  })
  ;(fake.state.comments[issue] ??= []).push(comment)
  return comment
}

/** Removes a comment, as deleting it on GitHub does. */
export function deleteComment(
  fake: FakeGitHub,
  id: number,
  issue = PR_NUMBER
): void {
  fake.state.comments[issue] = (fake.state.comments[issue] ?? []).filter(
    (c) => c.id !== id
  )
}

export function addReview(
  fake: FakeGitHub,
  options: {
    id: number
    body: string
    login: string
    state:
      'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
    commitId: string
    submittedAt?: string
  }
): RestObject {
  const review = makeReview({
    id: options.id,
    pull: PR_NUMBER,
    body: options.body,
    user: makeUser(options.login),
    state: options.state,
    commitId: options.commitId,
    submittedAt: options.submittedAt ?? later(fake)
  })
  ;(fake.state.reviews[PR_NUMBER] ??= []).push(review)
  return review
}

export function grant(fake: FakeGitHub, login: string, role: string): void {
  fake.state.permissions[login] = makePermission(login, role)
}

/** Runs the bundle on an `issue_comment` event for one of the comments. */
export async function onComment(
  scenario: ScenarioRepo,
  fake: FakeGitHub,
  comment: RestObject,
  action: 'created' | 'edited' | 'deleted' = 'created',
  inputs: Record<string, string> = {},
  target: { readonly number?: number; readonly pullRequest?: boolean } = {}
): Promise<ActionRun> {
  const payload = examplePayload('issue_comment', action)
  const number = target.number ?? PR_NUMBER
  setPath(payload, 'issue.number', number)
  if (target.pullRequest === false)
    delete (payload.issue as RestObject)['pull_request']
  else
    setPath(payload, 'issue.pull_request', {
      url: `https://api.github.com/repos/octo-org/infra/pulls/${number}`
    })
  setPath(payload, 'comment', comment)
  return runAction({
    cwd: scenario.dir,
    eventName: 'issue_comment',
    payload,
    inputs,
    apiUrl: fake.url
  })
}

/** Runs the bundle on a `pull_request_review` event. */
export async function onReview(
  scenario: ScenarioRepo,
  fake: FakeGitHub,
  review: RestObject,
  action: 'submitted' | 'dismissed' = 'submitted',
  /** Fields of the event's review that differ from the API's (e.g. webhooks' lower-case `state`). */
  payloadReview: RestObject = {}
): Promise<ActionRun> {
  const payload = examplePayload('pull_request_review', 'submitted')
  setPath(payload, 'action', action)
  setPath(payload, 'pull_request.number', PR_NUMBER)
  setPath(payload, 'review', { ...review, ...payloadReview })
  return runAction({
    cwd: scenario.dir,
    eventName: 'pull_request_review',
    payload,
    inputs: {},
    apiUrl: fake.url
  })
}

/** Runs the bundle's pull request review (e.g. `synchronize` after a push). */
export async function onPullRequest(
  scenario: ScenarioRepo,
  fake: FakeGitHub,
  options: {
    readonly headSha: string
    readonly action?: string
    readonly number?: number
    readonly baseRef?: string
  }
): Promise<ActionRun> {
  return runAction({
    cwd: scenario.repo,
    eventName: 'pull_request',
    payload: pullRequestEvent({
      action: options.action ?? 'synchronize',
      number: options.number ?? PR_NUMBER,
      headSha: options.headSha,
      ...(options.baseRef === undefined ? {} : { baseRef: options.baseRef })
    }),
    inputs: { plan: 'plan.json' },
    apiUrl: fake.url
  })
}

/** Runs the bundle on a `merge_group` event for the scenario's pull request. */
export async function onMergeGroup(
  scenario: ScenarioRepo,
  fake: FakeGitHub,
  groupSha: string,
  baseTip: string
): Promise<ActionRun> {
  const payload = examplePayload('merge_group')
  setPath(
    payload,
    'merge_group.head_ref',
    `refs/heads/gh-readonly-queue/main/pr-${PR_NUMBER}-${baseTip}`
  )
  setPath(payload, 'merge_group.head_sha', groupSha)
  setPath(payload, 'merge_group.base_ref', 'refs/heads/main')
  return runAction({
    cwd: scenario.dir,
    eventName: 'merge_group',
    payload,
    inputs: {},
    apiUrl: fake.url
  })
}

/** A commit status as the fake stores it. */
export interface StoredStatus {
  readonly state: string
  readonly description: string
  readonly context: string
  readonly creator: { readonly login: string; readonly id: number }
}

/** The latest status of a context on a commit, whoever set it. */
export function statusOf(
  fake: FakeGitHub,
  sha: string,
  context = 'plangate/main'
): StoredStatus | undefined {
  const statuses = (fake.state.statuses[sha] ?? []) as unknown as StoredStatus[]
  return statuses.filter((s) => s.context === context).at(-1)
}

/** Requests that change something on GitHub (everything but reads and GraphQL queries). */
export function writesOf(fake: FakeGitHub): RecordedRequest[] {
  return fake.requests.filter(
    (r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql')
  )
}

/** `METHOD route` of each request, for readable request-log assertions. */
export function routesOf(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => r.route ?? `${r.method} ${r.path} (unknown)`)
}

/** plangate's latest status on the head, as GitHub would list it first. */
export function latestStatus(
  fake: FakeGitHub,
  sha: string
): { state: string; description: string; context: string } | undefined {
  const statuses = fake.state.statuses[sha] ?? []
  return statuses.at(-1) as
    { state: string; description: string; context: string } | undefined
}

export function reactionsOn(fake: FakeGitHub, id: number): string[] {
  return (fake.state.reactions[id] ?? []).map((r) => String(r.content))
}

/** Comments plangate's identity posted as replies (not the sticky comment). */
export function replies(fake: FakeGitHub, issue = PR_NUMBER): string[] {
  return (fake.state.comments[issue] ?? [])
    .filter(
      (c) =>
        (c.user as { type?: string }).type === 'Bot' &&
        (c.user as { id?: number }).id === fake.state.viewer.databaseId &&
        !String(c.body).startsWith('<!-- plangate:')
    )
    .map((c) => String(c.body))
}

export function stickyBody(fake: FakeGitHub, issue = PR_NUMBER): string {
  const sticky = (fake.state.comments[issue] ?? []).find((c) =>
    String(c.body).startsWith('<!-- plangate:')
  )
  return typeof sticky?.body === 'string' ? sticky.body : ''
}

/** Every request carried the token and went to a route GitHub has. */
export function expectCleanLog(fake: FakeGitHub): void {
  expect(fake.requests.filter((r) => !r.authorized)).toEqual([])
  expect(routesOf(fake.unexpected())).toEqual([])
}

/** A reply tells nothing it should not: no digest, no repository role. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/[0-9a-f]{16}/)
  expect(text).not.toMatch(/\b(?:read|triage|write|maintain|admin)\b/)
}

/**
 * plangate told exactly one person, once, why their command does not
 * count: a 😕 on the comment (when it is one) and a reply that starts
 * `@login Not counted:` and leaks nothing.
 */
export function expectNotCounted(
  fake: FakeGitHub,
  options: {
    readonly login: string
    /** The command comment; omit for a review. */
    readonly commentId?: number
    readonly reason?: RegExp
    readonly issue?: number
  }
): void {
  if (options.commentId !== undefined)
    expect(reactionsOn(fake, options.commentId)).toEqual(['confused'])
  const all = replies(fake, options.issue)
  expect(all).toHaveLength(1)
  const reply = all[0] ?? ''
  expect(reply.startsWith(`@${options.login} Not counted: `), reply).toBe(true)
  if (options.reason !== undefined) expect(reply).toMatch(options.reason)
  expectNoLeak(reply)
}

/** No reaction on the comment and no reply at all. */
export function expectSilent(fake: FakeGitHub, commentId: number): void {
  expect(reactionsOn(fake, commentId)).toEqual([])
  expect(replies(fake)).toEqual([])
}

/** Routes of the requests plangate writes with, for request-log assertions. */
export const ROUTES = {
  STATUS: 'POST /repos/{owner}/{repo}/statuses/{sha}',
  REACTION: 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
  REPLY: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  EDIT: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  PERMISSION: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
  COMMENTS: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
} as const

/** The failure status the pull request run set: "needs approval" with the digest. */
export function needsApproval(digest: string): string {
  return `1 destructive change needs approval: /approve-destroy ${digest}`
}

/** The status is plangate's unchanged "needs approval" failure, and no status was written. */
export function expectStillBlocked(
  fake: FakeGitHub,
  digest: string,
  sha: string
): void {
  expect(statusOf(fake, sha)).toMatchObject({
    state: 'failure',
    description: needsApproval(digest)
  })
  expect(routesOf(writesOf(fake))).not.toContain(ROUTES.STATUS)
}
