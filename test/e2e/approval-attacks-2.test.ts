/**
 * merge-gate.md §10, what an approval is bound to: the digest, the
 * command's exact form, the comment's life (edits, deletes, times), the
 * head, the base, plangate's own statuses, and the events that must not
 * count (#10–#38 that apply to plangate), against the real bundle and the
 * fake GitHub. Like approval-attacks.test.ts, each test starts from a
 * snapshot of the reviewed (or approved) pull request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionRun } from '../support/action-run.js'
import {
  addComment,
  approvedSnapshot,
  addReview,
  buildScenarioRepo,
  deleteComment,
  expectCleanLog,
  expectNoLeak,
  expectNotCounted,
  expectSilent,
  grant,
  later,
  onComment,
  onMergeGroup,
  onPullRequest,
  onReview,
  pushHead,
  reactionsOn,
  replies,
  reviewedPull,
  routesOf,
  snapshotOf,
  startFrom,
  statusOf,
  stickyBody,
  withSnapshot,
  writesOf,
  ROUTES,
  needsApproval,
  expectStillBlocked as expectStillBlockedAt
} from '../support/approval-scenario.js'
import type {
  ScenarioRepo,
  Snapshot,
  SnapshotFake
} from '../support/approval-scenario.js'
import { makeSha, makeStatus, makeUser } from '../support/fake-github.js'
import type {
  FakeGitHub,
  RecordedRequest,
  RestObject
} from '../support/fake-github.js'

const { STATUS, REACTION, REPLY, EDIT, PERMISSION, COMMENTS } = ROUTES

/** The commit a push after the review moves the pull request to. */
const NEW_HEAD = makeSha('pushed-after-the-approval')

let scenario: ScenarioRepo
/** After the pull request run: failure, "needs approval: /approve-destroy <digest>". */
let reviewed: Snapshot
/** After alice's (write) comment 9001 approved the digest: success. */
let approved: Snapshot

beforeAll(async () => {
  scenario = buildScenarioRepo()
  reviewed = await snapshotOf(await reviewedPull(scenario))
  approved = await approvedSnapshot(scenario, reviewed)
}, 60_000)
afterAll(() => scenario.remove())

/**
 * The approved pull request after a push to NEW_HEAD and plangate's run
 * for it (synchronize): made once, for the tests that need a later head.
 */
let pushedOnce:
  | Promise<{
      readonly snapshot: Snapshot
      readonly run: ActionRun
      readonly requests: readonly RecordedRequest[]
    }>
  | undefined
async function pushed(): Promise<{
  readonly snapshot: Snapshot
  readonly run: ActionRun
  readonly requests: readonly RecordedRequest[]
}> {
  pushedOnce ??= (async () => {
    const fake = await startFrom(approved)
    pushHead(fake.state, NEW_HEAD)
    const run = await onPullRequest(scenario, fake, { headSha: NEW_HEAD })
    const requests = [...fake.requests]
    const snapshot = await snapshotOf({
      fake,
      digest: run.outputs.digest ?? '',
      headSha: NEW_HEAD
    })
    return { snapshot, run, requests }
  })()
  return pushedOnce
}

/** The status is plangate's unchanged "needs approval" failure, and no status was written. */
function expectStillBlocked(fake: SnapshotFake): void {
  expectStillBlockedAt(fake, fake.digest, fake.headSha)
}

/** A command comment by an eligible person (alice, write). */
function command(fake: FakeGitHub, id: number, body: string) {
  grant(fake, 'alice', 'write')
  return addComment(fake, { id, login: 'alice', body })
}

describe('#10, #11: the digest and the command must be exact', () => {
  describe.concurrent('#10 a digest that is not the current one', () => {
    it.each([
      { name: 'a wrong digest', digest: () => 'deadbeefdeadbeef' },
      {
        name: 'a truncated digest',
        digest: (d: string) => d.slice(0, 12)
      },
      {
        name: 'the digest in upper case',
        digest: (d: string) => d.toUpperCase()
      }
    ])('#10 $name: not counted', async ({ digest }) => {
      await withSnapshot(reviewed, async (fake) => {
        const comment = command(
          fake,
          9201,
          `/approve-destroy ${digest(fake.digest)}`
        )
        const run = await onComment(scenario, fake, comment)
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake)
        expectNotCounted(fake, {
          login: 'alice',
          commentId: 9201,
          reason: /digest does not match/
        })
        expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
        expectCleanLog(fake)
      })
    })

    it('#10 the old digest, from before a push: not counted at the new head', async () => {
      const { snapshot } = await pushed()
      await withSnapshot(snapshot, async (fake) => {
        expect(fake.digest).toMatch(/^[0-9a-f]{16}$/)
        expect(fake.digest).not.toBe(reviewed.digest)
        const comment = command(
          fake,
          9202,
          `/approve-destroy ${reviewed.digest}`
        )
        const run = await onComment(scenario, fake, comment)
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake)
        expectNotCounted(fake, {
          login: 'alice',
          commentId: 9202,
          reason: /digest does not match/
        })
        expectCleanLog(fake)
      })
    }, 60_000)
  })

  describe.concurrent('#11 only the exact first line counts', () => {
    it.each([
      { name: 'quoted', body: (d: string) => `> /approve-destroy ${d}` },
      {
        name: 'in a fenced code block',
        body: (d: string) => `\`\`\`\n/approve-destroy ${d}\n\`\`\``
      },
      {
        name: 'in inline code',
        body: (d: string) => `\`/approve-destroy ${d}\``
      },
      {
        name: 'in an HTML comment',
        body: (d: string) => `<!-- /approve-destroy ${d} -->`
      },
      { name: 'mid-line', body: (d: string) => `LGTM /approve-destroy ${d}` },
      {
        name: 'on the second line',
        body: (d: string) => `LGTM\n/approve-destroy ${d}`
      },
      {
        name: 'with a zero-width space',
        body: (d: string) => `\u200b/approve-destroy ${d}`
      },
      {
        name: 'with a Cyrillic homoglyph',
        body: (d: string) => `/\u0430pprove-destroy ${d}`
      },
      {
        name: '/approve-destroy-all',
        body: (d: string) => `/approve-destroy-all ${d}`
      },
      {
        name: 'with trailing text',
        body: (d: string) => `/approve-destroy ${d} thanks`
      }
    ])('#11 the command $name: not counted', async ({ body }) => {
      await withSnapshot(reviewed, async (fake) => {
        const comment = command(fake, 9203, body(fake.digest))
        const run = await onComment(scenario, fake, comment)
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake)
        expectNotCounted(fake, {
          login: 'alice',
          commentId: 9203,
          reason: /not a valid command/
        })
        // Refused on its form: nobody's permission is looked up.
        expect(routesOf(fake.requests)).not.toContain(PERMISSION)
        expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
        expectCleanLog(fake)
      })
    })
  })
})

describe('#12–#15: the comment must be new, unedited and still there', () => {
  it('#12 the approval is edited (issue_comment edited): failure again, 😕 and a reply', async () => {
    await withSnapshot(approved, async (fake) => {
      expect(statusOf(fake, fake.headSha)?.state).toBe('success')
      const comment = fake.state.comments[7]?.find((c) => c.id === 9001)
      if (comment === undefined) throw new Error('no approval comment')
      comment.updated_at = later(fake)
      const run = await onComment(scenario, fake, comment, 'edited')
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: needsApproval(fake.digest)
      })
      // The 👍 of the first evaluation stays; the 😕 is new.
      expect(reactionsOn(fake, 9001)).toEqual(['+1', 'confused'])
      const all = replies(fake)
      expect(all).toHaveLength(1)
      expect(all[0]).toMatch(/^@alice Not counted: it was edited/)
      expectNoLeak(all[0] ?? '')
      const sticky = stickyBody(fake)
      expect(sticky.split('\n')[2]).toBe(
        '## ⛔ plangate: 1 destructive change needs approval'
      )
      expect(sticky).not.toContain('Approved by')
      expect(routesOf(writesOf(fake))).toEqual([STATUS, REACTION, REPLY, EDIT])
      expectCleanLog(fake)
    })
  })

  it('#13 an old maintainer comment, written before the report, edited into an approval: not counted', async () => {
    await withSnapshot(reviewed, async (fake) => {
      grant(fake, 'mona', 'maintain')
      const old = addComment(fake, {
        id: 9204,
        login: 'mona',
        body: `/approve-destroy ${fake.digest}`,
        createdAt: '2024-05-01T11:00:00Z',
        updatedAt: later(fake)
      })
      const run = await onComment(scenario, fake, old, 'edited')
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expectStillBlocked(fake)
      expectNotCounted(fake, {
        login: 'mona',
        commentId: 9204,
        reason: /before the current report|edited/
      })
      expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
      expectCleanLog(fake)
    })
  })

  it('#14 the approval comment is deleted (issue_comment deleted): failure again, no answer', async () => {
    await withSnapshot(approved, async (fake) => {
      const comment = fake.state.comments[7]?.find((c) => c.id === 9001)
      if (comment === undefined) throw new Error('no approval comment')
      deleteComment(fake, 9001)
      const run = await onComment(scenario, fake, comment, 'deleted')
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: needsApproval(fake.digest)
      })
      expect(reactionsOn(fake, 9001)).toEqual(['+1'])
      expect(replies(fake)).toEqual([])
      expect(stickyBody(fake)).not.toContain('Approved by')
      expect(routesOf(writesOf(fake))).toEqual([STATUS, EDIT])
      expectCleanLog(fake)
    })
  })

  describe.concurrent('#15 an approval posted before the report', () => {
    it.each([
      { name: 'a minute before', at: () => '2024-05-01T11:59:03Z' },
      {
        name: 'in the same second',
        at: (fake: FakeGitHub, head: string) =>
          String(fake.state.statuses[head]?.[0]?.created_at)
      }
    ])(
      '#15 the digest approved $name the report: not counted',
      async ({ at }) => {
        await withSnapshot(reviewed, async (fake) => {
          grant(fake, 'alice', 'write')
          const createdAt = at(fake, fake.headSha)
          expect(createdAt).toMatch(/^2024-05-01T1\d:\d\d:\d\dZ$/)
          const early = addComment(fake, {
            id: 9205,
            login: 'alice',
            body: `/approve-destroy ${fake.digest}`,
            createdAt
          })
          const run = await onComment(scenario, fake, early)
          expect(run.code, run.stdout).toBe(0)
          expect(run.outputs.decision).toBe('blocked')
          expectStillBlocked(fake)
          expectNotCounted(fake, {
            login: 'alice',
            commentId: 9205,
            reason: /before the current report/
          })
          expectCleanLog(fake)
        })
      }
    )
  })
})

describe('#16–#21: the head, the base and whose status counts', () => {
  it('#16 a push after the approval: the new head is failure, the old head keeps its success, the sticky comment shows the approval as stale', async () => {
    const { snapshot, run, requests } = await pushed()
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
    expect(requests.every((r) => r.authorized)).toBe(true)
    await withSnapshot(snapshot, (fake) => {
      expect(fake.digest).toMatch(/^[0-9a-f]{16}$/)
      expect(fake.digest).not.toBe(reviewed.digest)
      expect(statusOf(fake, NEW_HEAD)).toMatchObject({
        state: 'failure',
        description: needsApproval(fake.digest)
      })
      expect(statusOf(fake, reviewed.headSha)).toMatchObject({
        state: 'success',
        description: `1 destructive change (${reviewed.digest}) approved by @alice`
      })
      const sticky = stickyBody(fake)
      expect(sticky).toContain(NEW_HEAD)
      expect(sticky).toContain(`/approve-destroy ${fake.digest}`)
      expect(sticky).toContain(
        `Stale, for an earlier head (${reviewed.headSha.slice(0, 12)})`
      )
      expect(sticky).not.toContain('- ✅ Approved by')
    })
  }, 60_000)

  it('#16 the next evaluation at the new head keeps the stale approval visible in the sticky comment', async () => {
    const { snapshot } = await pushed()
    await withSnapshot(snapshot, async (fake) => {
      const stale = `Stale, for an earlier head (${reviewed.headSha.slice(0, 12)})`
      expect(stickyBody(fake)).toContain(stale)
      grant(fake, 'bob', 'write')
      const chatter = addComment(fake, {
        id: 9214,
        login: 'bob',
        body: 'Is the new plan the same?'
      })
      const run = await onComment(scenario, fake, chatter)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expectStillBlocked(fake)
      expectSilent(fake, 9214)
      // Nothing changed, so nothing is written, and the audit trail survives.
      expect(stickyBody(fake)).toContain(stale)
      expect(writesOf(fake)).toEqual([])
      expectCleanLog(fake)
    })
  }, 60_000)

  it('#17 a push lands between the head read and the status write: nothing is written', async () => {
    await withSnapshot(reviewed, async (fake) => {
      const comment = command(fake, 9206, `/approve-destroy ${fake.digest}`)
      // The second read of the pull request (the pre-write check) sees the push.
      fake.onRequest(
        {
          method: 'GET',
          path: '/repos/octo-org/infra/pulls/7',
          skip: 1,
          times: 1
        },
        (state) => pushHead(state, NEW_HEAD)
      )
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(run.log).toContain('moved to')
      expect(writesOf(fake)).toEqual([])
      expect(fake.state.statuses[NEW_HEAD]).toBeUndefined()
      expectStillBlocked(fake)
      expectSilent(fake, 9206)
      expectCleanLog(fake)
    })
  })

  it('#19 the same head in a second PR against another base: the plangate/main approval does not make plangate/release success', async () => {
    await withSnapshot(approved, async (fake) => {
      const seven = fake.state.pulls[7]
      if (seven === undefined) throw new Error('no pull request #7')
      fake.state.pulls[8] = {
        ...seven,
        number: 8,
        id: 100_008,
        base: { ...(seven.base as object), ref: 'release' }
      }
      fake.state.pullCommits[8] = fake.state.pullCommits[7] ?? []
      fake.state.comments[8] = []
      const review = await onPullRequest(scenario, fake, {
        headSha: fake.headSha,
        number: 8,
        baseRef: 'release',
        action: 'opened'
      })
      expect(review.code, review.stdout).toBe(0)
      const releaseDigest = review.outputs.digest ?? ''
      expect(releaseDigest).toMatch(/^[0-9a-f]{16}$/)
      expect(releaseDigest).not.toBe(fake.digest)

      // alice approves #8 with the digest she approved on #7.
      fake.requests.length = 0
      const comment = addComment(fake, {
        id: 9207,
        login: 'alice',
        issue: 8,
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(
        scenario,
        fake,
        comment,
        'created',
        {},
        {
          number: 8
        }
      )
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha, 'plangate/release')).toMatchObject({
        state: 'failure',
        description: needsApproval(releaseDigest)
      })
      expect(statusOf(fake, fake.headSha, 'plangate/main')?.state).toBe(
        'success'
      )
      expectNotCounted(fake, {
        login: 'alice',
        commentId: 9207,
        issue: 8,
        reason: /digest does not match/
      })
      expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
      expectCleanLog(fake)
    })
  }, 60_000)

  it('#20 a success status for plangate/main set by another identity is ignored by the approval run and the merge queue', async () => {
    await withSnapshot(reviewed, async (fake) => {
      fake.state.statuses[fake.headSha]?.push(
        makeStatus({
          id: 77,
          state: 'success',
          context: 'plangate/main',
          description: `1 destructive change (${fake.digest}) approved by @mallory`,
          creator: makeUser('mallory'),
          createdAt: later(fake, 30)
        })
      )
      grant(fake, 'bob', 'write')
      const chatter = addComment(fake, {
        id: 9208,
        login: 'bob',
        body: 'Looks fine to me.'
      })
      const run = await onComment(scenario, fake, chatter)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      // The foreign success is reported and buried under plangate's failure again.
      expect(run.log).toContain(
        '::error title=plangate%3A foreign status::a success status for plangate/main'
      )
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: needsApproval(fake.digest),
        creator: expect.objectContaining({
          login: 'github-actions[bot]'
        }) as unknown
      })
      expect(routesOf(writesOf(fake))).toEqual([
        'POST /repos/{owner}/{repo}/statuses/{sha}'
      ])
      expectSilent(fake, 9208)

      const group = makeSha('merge-group-20')
      const queued = await onMergeGroup(
        scenario,
        fake,
        group,
        makeSha('main-tip')
      )
      expect(queued.code, queued.stdout).toBe(0)
      expect(queued.outputs.decision).toBe('blocked')
      expect(statusOf(fake, group)).toMatchObject({
        state: 'failure',
        description: `pull request #7 is not approved at ${fake.headSha.slice(0, 12)} (failure)`
      })
      expectCleanLog(fake)
    })
  })

  it('#20 a digest named by a status of another identity cannot be approved', async () => {
    await withSnapshot(reviewed, async (fake) => {
      const forged = '0123456789abcdef'
      fake.state.statuses[fake.headSha]?.push(
        makeStatus({
          id: 78,
          state: 'failure',
          context: 'plangate/main',
          description: needsApproval(forged),
          creator: makeUser('mallory'),
          createdAt: later(fake, 30)
        })
      )
      const comment = command(fake, 9209, `/approve-destroy ${forged}`)
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      // plangate's own status goes on top of the forged one again.
      expect(routesOf(writesOf(fake))).toEqual([STATUS, REACTION, REPLY])
      expect(statusOf(fake, fake.headSha)?.description).toBe(
        needsApproval(fake.digest)
      )
      expectNotCounted(fake, {
        login: 'alice',
        commentId: 9209,
        reason: /digest does not match/
      })
      expectCleanLog(fake)
    })
  })

  it('#21 a success status on the test merge commit does not pass the merge queue', async () => {
    await withSnapshot(reviewed, async (fake) => {
      const testMerge = makeSha('test-merge-7')
      const pull = fake.state.pulls[7]
      if (pull === undefined) throw new Error('no pull request #7')
      pull.merge_commit_sha = testMerge
      fake.state.statuses[testMerge] = [
        // Any workflow of the repository can write as plangate's identity...
        makeStatus({
          id: 79,
          state: 'success',
          context: 'plangate/main',
          description: `1 destructive change (${fake.digest}) approved by @mallory`,
          createdAt: later(fake, 30)
        }),
        // ... or as someone else.
        makeStatus({
          id: 80,
          state: 'success',
          context: 'plangate/main',
          description: 'no destructive changes',
          creator: makeUser('mallory'),
          createdAt: later(fake, 31)
        })
      ]
      const group = makeSha('merge-group-21')
      const run = await onMergeGroup(scenario, fake, group, makeSha('main-tip'))
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, group)).toMatchObject({
        state: 'failure',
        description: `pull request #7 is not approved at ${fake.headSha.slice(0, 12)} (failure)`
      })
      expect(routesOf(writesOf(fake))).toEqual([STATUS])
      expect(writesOf(fake)[0]?.path).toBe(
        `/repos/octo-org/infra/statuses/${group}`
      )
      expectCleanLog(fake)
    })
  })
})

describe('#29, #30, #34: where, how many, in what order', () => {
  it('#29 a command on an issue that is not a pull request: skipped, zero requests', async () => {
    await withSnapshot(reviewed, async (fake) => {
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9210,
        login: 'alice',
        issue: 12,
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(
        scenario,
        fake,
        comment,
        'created',
        {},
        {
          number: 12,
          pullRequest: false
        }
      )
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('skipped')
      expect(fake.requests).toEqual([])
      expectStillBlocked(fake)
    })
  })

  it('#29 a command on a closed pull request: skipped, 😕 and a reply', async () => {
    await withSnapshot(reviewed, async (fake) => {
      const pull = fake.state.pulls[7]
      if (pull === undefined) throw new Error('no pull request #7')
      pull.state = 'closed'
      const comment = command(fake, 9211, `/approve-destroy ${fake.digest}`)
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('skipped')
      expectStillBlocked(fake)
      expectNotCounted(fake, {
        login: 'alice',
        commentId: 9211,
        reason: /closed/
      })
      expect(routesOf(fake.requests)).not.toContain(PERMISSION)
      expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
      expectCleanLog(fake)
    })
  })

  it('#30 300 comments, dozens of them commands by ineligible people: every page read, one reply, bounded requests', async () => {
    await withSnapshot(reviewed, async (fake) => {
      const readers = Array.from({ length: 12 }, (_, i) => `reader-${i}`)
      for (const login of readers) grant(fake, login, 'read')
      grant(fake, 'alice', 'write')
      let trigger: RestObject | undefined
      for (let i = 0; i < 300; i += 1) {
        const at = later(fake, 60 + i)
        const id = 10_000 + i
        if (i === 280)
          addComment(fake, {
            id,
            login: 'alice',
            body: `/approve-destroy ${fake.digest}`,
            createdAt: at
          })
        else if (i % 6 === 0) {
          const login = readers[i % readers.length] ?? 'reader-0'
          trigger = addComment(fake, {
            id,
            login,
            body: `/approve-destroy ${fake.digest}`,
            createdAt: at
          })
        } else
          addComment(fake, {
            id,
            login: `chatter-${i % 5}`,
            body: `Comment ${i}`,
            createdAt: at
          })
      }
      if (trigger === undefined) throw new Error('no command in the flood')
      const run = await onComment(scenario, fake, trigger)
      expect(run.code, run.stdout).toBe(0)
      // alice's approval, on the third page, is found.
      expect(run.outputs.decision).toBe('approved')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'success',
        description: `1 destructive change (${fake.digest}) approved by @alice`
      })
      const login = String((trigger.user as { login: string }).login)
      expectNotCounted(fake, {
        login,
        commentId: Number(trigger.id),
        reason: /not eligible/
      })
      expect(Object.keys(fake.state.reactions)).toEqual([String(trigger.id)])
      const pages = fake.requests.filter((r) => r.route === COMMENTS)
      expect(pages.map((r) => r.query.page ?? '1')).toEqual([
        '1',
        '2',
        '3',
        '4'
      ])
      const lookups = fake.requests.filter((r) => r.route === PERMISSION)
      expect(lookups).toHaveLength(new Set(lookups.map((r) => r.path)).size)
      expect(lookups.length).toBeLessThanOrEqual(readers.length + 1)
      expect(fake.requests.length).toBeLessThan(40)
      expectCleanLog(fake)
    })
  })

  it('#34 approve then delete in quick succession, evaluated out of order (deleted first, then created): failure, no 👍', async () => {
    await withSnapshot(reviewed, async (fake) => {
      const comment = command(fake, 9212, `/approve-destroy ${fake.digest}`)
      deleteComment(fake, 9212)
      const deleted = await onComment(scenario, fake, comment, 'deleted')
      expect(deleted.code, deleted.stdout).toBe(0)
      expect(deleted.outputs.decision).toBe('blocked')
      const created = await onComment(scenario, fake, comment, 'created')
      expect(created.code, created.stdout).toBe(0)
      expect(created.outputs.decision).toBe('blocked')
      expectStillBlocked(fake)
      expectSilent(fake, 9212)
      expect(writesOf(fake)).toEqual([])
      expectCleanLog(fake)
    })
  })

  it('#34 approval then push: the approval evaluated after the push, before the new head is reviewed, counts nowhere', async () => {
    await withSnapshot(reviewed, async (fake) => {
      const comment = command(fake, 9213, `/approve-destroy ${fake.digest}`)
      pushHead(fake.state, NEW_HEAD)
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('skipped')
      expect(fake.state.statuses[NEW_HEAD]).toBeUndefined()
      expectStillBlocked(fake)
      expectNotCounted(fake, {
        login: 'alice',
        commentId: 9213,
        reason: /nothing at this head/
      })
      // The sticky comment no longer offers the earlier head's command: it says it is outdated.
      expect(routesOf(writesOf(fake))).toEqual([EDIT, REACTION, REPLY])
      const sticky = stickyBody(fake)
      expect(sticky.split('\n')[2]).toBe(
        '## ⏸️ plangate: outdated, a newer push is under review'
      )
      expect(sticky).toContain(
        `the pull request is now at \`${NEW_HEAD.slice(0, 12)}\``
      )
      expect(sticky).not.toContain('/approve-destroy')
      expectCleanLog(fake)
    })
  })
})

describe('#37, #38: reviews and labels', () => {
  describe.concurrent('#37 reviews', () => {
    it('#37 an APPROVED review at another commit: not counted, a reply', async () => {
      await withSnapshot(reviewed, async (fake) => {
        grant(fake, 'bob', 'write')
        const firstCommit = String(fake.state.pullCommits[7]?.[0]?.sha)
        const review = addReview(fake, {
          id: 9301,
          login: 'bob',
          state: 'APPROVED',
          commitId: firstCommit,
          body: `/approve-destroy ${fake.digest}`
        })
        const run = await onReview(scenario, fake, review, 'submitted', {
          state: 'approved'
        })
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake)
        expectNotCounted(fake, { login: 'bob', reason: /older commit/ })
        expect(routesOf(writesOf(fake))).toEqual([REPLY])
        expectCleanLog(fake)
      })
    })

    it("#37 the webhook's lower-case state does not matter: an APPROVED review at the head with the command counts", async () => {
      await withSnapshot(reviewed, async (fake) => {
        grant(fake, 'bob', 'write')
        const review = addReview(fake, {
          id: 9302,
          login: 'bob',
          state: 'APPROVED',
          commitId: fake.headSha,
          body: `/approve-destroy ${fake.digest}\n\nChecked the replacement.`
        })
        const run = await onReview(scenario, fake, review, 'submitted', {
          state: 'approved'
        })
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('approved')
        expect(statusOf(fake, fake.headSha)).toMatchObject({
          state: 'success',
          description: `1 destructive change (${fake.digest}) approved by @bob`
        })
        expect(replies(fake)).toEqual([])
        expect(stickyBody(fake)).toContain('- ✅ Approved by @\u200bbob at')
        expect(routesOf(writesOf(fake))).toEqual([STATUS, EDIT])
        expectCleanLog(fake)
      })
    })

    it('#37 the event says "approved" but GitHub lists the review as COMMENTED: not counted', async () => {
      await withSnapshot(reviewed, async (fake) => {
        grant(fake, 'bob', 'write')
        const review = addReview(fake, {
          id: 9303,
          login: 'bob',
          state: 'COMMENTED',
          commitId: fake.headSha,
          body: `/approve-destroy ${fake.digest}`
        })
        const run = await onReview(scenario, fake, review, 'submitted', {
          state: 'approved'
        })
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake)
        expectNotCounted(fake, { login: 'bob', reason: /submitted as Approve/ })
        expect(routesOf(writesOf(fake))).toEqual([REPLY])
        expectCleanLog(fake)
      })
    })

    it('#37 a PENDING review with the command: ignored, nothing written', async () => {
      await withSnapshot(reviewed, async (fake) => {
        grant(fake, 'bob', 'write')
        const review = addReview(fake, {
          id: 9304,
          login: 'bob',
          state: 'PENDING',
          commitId: fake.headSha,
          body: `/approve-destroy ${fake.digest}`
        })
        const run = await onReview(scenario, fake, review, 'submitted', {
          state: 'pending'
        })
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake)
        expect(replies(fake)).toEqual([])
        expect(writesOf(fake)).toEqual([])
        expectCleanLog(fake)
      })
    })

    it('#37 an approving review is dismissed (pull_request_review dismissed): failure again', async () => {
      await withSnapshot(reviewed, async (fake) => {
        grant(fake, 'bob', 'write')
        const review = addReview(fake, {
          id: 9305,
          login: 'bob',
          state: 'APPROVED',
          commitId: fake.headSha,
          body: `/approve-destroy ${fake.digest}`
        })
        const run = await onReview(scenario, fake, review, 'submitted', {
          state: 'approved'
        })
        expect(run.outputs.decision, run.stdout).toBe('approved')
        expect(statusOf(fake, fake.headSha)?.state).toBe('success')
        review.state = 'DISMISSED'
        fake.requests.length = 0
        const dismissed = await onReview(scenario, fake, review, 'dismissed', {
          state: 'dismissed'
        })
        expect(dismissed.code, dismissed.stdout).toBe(0)
        expect(dismissed.outputs.decision).toBe('blocked')
        expect(statusOf(fake, fake.headSha)).toMatchObject({
          state: 'failure',
          description: needsApproval(fake.digest)
        })
        expect(replies(fake)).toEqual([])
        expect(stickyBody(fake)).not.toContain('Approved by')
        expect(routesOf(writesOf(fake))).toEqual([STATUS, EDIT])
        expectCleanLog(fake)
      })
    }, 60_000)
  })

  it('#38 a destroy-approved label on the PR has no effect: the PR re-run stays failure', async () => {
    await withSnapshot(reviewed, async (fake) => {
      fake.state.labels[7] = ['destroy-approved', 'plangate:destructive']
      const run = await onPullRequest(scenario, fake, {
        headSha: fake.headSha,
        action: 'labeled'
      })
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: needsApproval(fake.digest)
      })
      expect(run.outputs.digest).toBe(fake.digest)
      expect(fake.state.labels[7]).toContain('destroy-approved')
      expectCleanLog(fake)
    })
  })
})
