import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addComment,
  buildScenarioRepo,
  grant,
  latestStatus,
  onComment,
  reactionsOn,
  replies,
  reviewedPull,
  stickyBody
} from '../support/approval-scenario.js'
import type { ScenarioRepo } from '../support/approval-scenario.js'

let scenario: ScenarioRepo
beforeAll(() => {
  scenario = buildScenarioRepo()
})
afterAll(() => scenario.remove())

describe('approving through a comment, end to end', () => {
  it('an eligible maintainer approves: success, 👍, audit line', async () => {
    const { fake, digest, headSha } = await reviewedPull(scenario)
    try {
      expect(latestStatus(fake, headSha)?.state).toBe('failure')
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9001,
        login: 'alice',
        body: `/approve-destroy ${digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('approved')
      expect(run.outputs.digest).toBe(digest)
      // No plan was read: no counts.
      expect(run.outputs['destructive-count']).toBeUndefined()
      expect(latestStatus(fake, headSha)).toMatchObject({
        state: 'success',
        context: 'plangate/main',
        description: `1 destructive change (${digest}) approved by @alice`
      })
      expect(reactionsOn(fake, 9001)).toEqual(['+1'])
      expect(replies(fake)).toEqual([])
      const sticky = stickyBody(fake)
      expect(sticky.split('\n')[2]).toBe(
        '## ✅ plangate: 1 destructive change approved'
      )
      // Mentions are defused with a zero-width space: the audit line pings nobody.
      expect(sticky).toContain('- ✅ Approved by @\u200balice at')
      // The whole comment tells the new state: who approved, nothing left to copy.
      expect(sticky).toContain('**Approved** by @\u200balice ([comment](')
      expect(sticky).not.toContain('/approve-destroy')
      expect(sticky).not.toContain('Merging is blocked')
    } finally {
      await fake.close()
    }
  })

  it('the pull request author cannot approve: failure stays, 😕 and a reply', async () => {
    const { fake, digest, headSha } = await reviewedPull(scenario)
    try {
      grant(fake, 'dana-human', 'admin')
      const comment = addComment(fake, {
        id: 9002,
        login: 'dana-human',
        userId: 501,
        body: `/approve-destroy ${digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(latestStatus(fake, headSha)?.state).toBe('failure')
      expect(reactionsOn(fake, 9002)).toEqual(['confused'])
      expect(replies(fake)).toHaveLength(1)
      expect(replies(fake)[0]).toMatch(/^@dana-human Not counted: /)
    } finally {
      await fake.close()
    }
  })
})
