/**
 * An approval scenario on the fake GitHub: the attribution scenario
 * repository's pull request #7, reviewed once by the real bundle (so that
 * plangate's own status names the digest and its sticky comment exists),
 * then comments, reviews and permissions that tests add before running the
 * bundle on an approval event.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
import type { FakeGitHub, RestObject } from './fake-github.js'
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

export async function reviewedPull(scenario: ScenarioRepo): Promise<Reviewed> {
  const { pr, repo } = scenario
  const fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { [PR_NUMBER]: pr.pull },
    pullCommits: { [PR_NUMBER]: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { [PR_NUMBER]: [] }
  })
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
  }
): RestObject {
  const createdAt = options.createdAt ?? later(fake)
  const comment = makeComment({
    id: options.id,
    issue: PR_NUMBER,
    body: options.body,
    user: makeUser(options.login, {
      ...(options.type === undefined ? {} : { type: options.type }),
      ...(options.userId === undefined ? {} : { id: options.userId })
    }),
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
    ...(options.viaApp === undefined ? {} : { viaApp: options.viaApp })
  })
  ;(fake.state.comments[PR_NUMBER] ??= []).push(comment)
  return comment
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
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  const payload = examplePayload('issue_comment', action)
  setPath(payload, 'issue.number', PR_NUMBER)
  setPath(payload, 'issue.pull_request', {
    url: `https://api.github.com/repos/octo-org/infra/pulls/${PR_NUMBER}`
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
  action: 'submitted' | 'dismissed' = 'submitted'
): Promise<ActionRun> {
  const payload = examplePayload('pull_request_review', 'submitted')
  setPath(payload, 'action', action)
  setPath(payload, 'pull_request.number', PR_NUMBER)
  setPath(payload, 'review', review)
  return runAction({
    cwd: scenario.dir,
    eventName: 'pull_request_review',
    payload,
    inputs: {},
    apiUrl: fake.url
  })
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

/** Comments plangate posted as replies (not the sticky comment). */
export function replies(fake: FakeGitHub): string[] {
  return (fake.state.comments[PR_NUMBER] ?? [])
    .filter(
      (c) =>
        (c.user as { type?: string }).type === 'Bot' &&
        !String(c.body).startsWith('<!-- plangate:')
    )
    .map((c) => String(c.body))
}

export function stickyBody(fake: FakeGitHub): string {
  const sticky = (fake.state.comments[PR_NUMBER] ?? []).find((c) =>
    String(c.body).startsWith('<!-- plangate:')
  )
  return typeof sticky?.body === 'string' ? sticky.body : ''
}
