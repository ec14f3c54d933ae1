import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addComment,
  buildScenarioRepo,
  deleteComment,
  grant,
  onComment,
  reactionsOn,
  reviewedPull,
  setBaseConfig,
  snapshotOf,
  statusOf,
  withSnapshot
} from '../support/approval-scenario.js'
import type { ScenarioRepo, Snapshot } from '../support/approval-scenario.js'

/**
 * Races inside one evaluation, staged with the fake's request hooks, and
 * approver teams (readable with an App token, not with the job token).
 */
let scenario: ScenarioRepo
let reviewed: Snapshot
beforeAll(async () => {
  scenario = buildScenarioRepo()
  reviewed = await snapshotOf(await reviewedPull(scenario))
}, 60_000)
afterAll(() => scenario.remove())

const STATUS_PATH = /^\/repos\/octo-org\/infra\/statuses\//

describe('an approval that changes while it is being counted (#34)', () => {
  it('deleted after the comments were read and before the success was written: the success is withdrawn', async () => {
    await withSnapshot(reviewed, async (fake) => {
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9301,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      // The deletion lands while the success status is on its way.
      fake.onRequest(
        { method: 'POST', path: STATUS_PATH, times: 1 },
        (state) => {
          deleteComment(fake, 9301)
          void state
        }
      )
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      const states = (fake.state.statuses[fake.headSha] ?? []).map((s) => [
        s.state,
        s.description
      ])
      expect(states.at(-2)).toEqual([
        'success',
        `1 destructive change (${fake.digest}) approved by @alice`
      ])
      expect(states.at(-1)).toEqual([
        'failure',
        `1 destructive change needs approval: /approve-destroy ${fake.digest}`
      ])
      expect(run.log).toContain(
        'the approval by @alice changed while it was being counted (comment 9301)'
      )
    })
  }, 60_000)

  it('edited in that window: the same', async () => {
    await withSnapshot(reviewed, async (fake) => {
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9302,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      fake.onRequest({ method: 'POST', path: STATUS_PATH, times: 1 }, () => {
        const stored = fake.state.comments[7]?.find((c) => c.id === 9302)
        if (stored !== undefined) stored.updated_at = '2099-01-01T00:00:00Z'
      })
      await onComment(scenario, fake, comment)
      expect(statusOf(fake, fake.headSha)?.state).toBe('failure')
      expect(reactionsOn(fake, 9302)).toEqual(['+1'])
    })
  }, 60_000)
})

describe('approver teams', () => {
  it('an App token that can read teams: a member of the listed team approves', async () => {
    await withSnapshot(reviewed, async (fake) => {
      setBaseConfig(fake, 'approval:\n  approvers: [octo-org/platform]\n')
      fake.state.teams['octo-org/platform'] = ['alice']
      grant(fake, 'alice', 'write')
      grant(fake, 'carol', 'admin')
      const outsider = addComment(fake, {
        id: 9311,
        login: 'carol',
        body: `/approve-destroy ${fake.digest}`
      })
      const first = await onComment(scenario, fake, outsider)
      expect(first.outputs.decision).toBe('blocked')
      expect(reactionsOn(fake, 9311)).toEqual(['confused'])

      const member = addComment(fake, {
        id: 9312,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, member)
      expect(run.outputs.decision).toBe('approved')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'success',
        description: `1 destructive change (${fake.digest}) approved by @alice`
      })
    })
  }, 60_000)

  it('the job token cannot read teams: nobody on a team-only list counts, and the status says why', async () => {
    await withSnapshot(reviewed, async (fake) => {
      setBaseConfig(fake, 'approval:\n  approvers: [octo-org/platform]\n')
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9321,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: `1 destructive change needs approval (approver teams unreadable without an App token): /approve-destroy ${fake.digest}`
      })
      expect(reactionsOn(fake, 9321)).toEqual(['confused'])
    })
  }, 60_000)
})
