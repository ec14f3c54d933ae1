/**
 * merge-gate.md §10, who may approve: the attacks on the approver's
 * identity (#1–#9, #39, #40, quorum) against the real bundle and the fake
 * GitHub. The pull request is reviewed once (plangate's failure status
 * names the digest, its sticky comment exists), and approved once by
 * alice; each test starts a fresh fake from one of these two snapshots and
 * pays only its own approval run(s).
 *
 * Each test checks the status on the head (state and description), the
 * reaction on the command, the reply (`@login Not counted: …`, nothing
 * leaked) and the request log (every request authorized and known, no
 * write when nothing changes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addComment,
  approvedSnapshot,
  buildScenarioRepo,
  expectCleanLog,
  expectNotCounted,
  expectSilent,
  grant,
  onComment,
  onPullRequest,
  reactionsOn,
  replies,
  reviewedPull,
  routesOf,
  setBaseConfig,
  snapshotOf,
  statusOf,
  stickyBody,
  useAppIdentity,
  withSnapshot,
  writesOf,
  ROUTES,
  needsApproval,
  expectStillBlocked
} from '../support/approval-scenario.js'
import type { ScenarioRepo, Snapshot } from '../support/approval-scenario.js'
import { makeUser } from '../support/fake-github.js'
import type { RestObject } from '../support/fake-github.js'

const { STATUS, REACTION, REPLY, EDIT, PERMISSION } = ROUTES

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

describe('#1–#6: who the approver is', () => {
  it('#1 the PR author approves their own destroy: 😕, a reply, no status change', async () => {
    await withSnapshot(reviewed, async (fake) => {
      grant(fake, 'dana-human', 'admin')
      const comment = addComment(fake, {
        id: 9101,
        login: 'dana-human',
        userId: 501,
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expectStillBlocked(fake, fake.digest, fake.headSha)
      expectNotCounted(fake, {
        login: 'dana-human',
        commentId: 9101,
        reason: /author cannot approve/
      })
      // Refused before any permission lookup; only the answer is written.
      expect(routesOf(fake.requests)).not.toContain(PERMISSION)
      expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
      expectCleanLog(fake)
    })
  })

  describe.concurrent('#2 bots never approve, silently (no reply loop)', () => {
    it.each([
      { name: 'copilot-swe-agent[bot]', login: 'copilot-swe-agent[bot]' },
      { name: 'dependabot[bot]', login: 'dependabot[bot]' },
      {
        name: 'a type Bot account without the [bot] suffix',
        login: 'renovate-helper',
        type: 'Bot'
      },
      {
        name: 'a [bot] login whatever its type says',
        login: 'ci-agent[bot]',
        type: 'User'
      }
    ])('#2 $name approves: not counted', async ({ login, type }) => {
      await withSnapshot(reviewed, async (fake) => {
        grant(fake, login, 'admin')
        const comment = addComment(fake, {
          id: 9102,
          login,
          ...(type === undefined ? {} : { type }),
          body: `/approve-destroy ${fake.digest}`
        })
        const run = await onComment(scenario, fake, comment)
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake, fake.digest, fake.headSha)
        expectSilent(fake, 9102)
        expect(routesOf(fake.requests)).not.toContain(PERMISSION)
        expect(writesOf(fake)).toEqual([])
        expectCleanLog(fake)
      })
    })

    it('#2 github-actions[bot] (any workflow of the repository) approves while plangate runs as an App: not counted', async () => {
      await withSnapshot(reviewed, async (fake) => {
        useAppIdentity(fake.state, {
          login: 'plangate-gate',
          databaseId: 4242,
          __typename: 'Bot'
        })
        const comment = addComment(fake, {
          id: 9103,
          login: 'github-actions[bot]',
          userId: 41898282,
          body: `/approve-destroy ${fake.digest}`
        })
        const run = await onComment(scenario, fake, comment)
        expect(run.code, run.stdout).toBe(0)
        // Not plangate's own comment: it is evaluated, and refused as a bot.
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake, fake.digest, fake.headSha)
        expectSilent(fake, 9103)
        expect(writesOf(fake)).toEqual([])
        expectCleanLog(fake)
      })
    })
  })

  describe.concurrent(
    '#3 AI agents on approval.ai-logins of the base branch',
    () => {
      it.each([
        { name: 'a login listed in another case', login: 'acme-agent' },
        {
          name: 'a login matching a glob, in another case',
          login: 'CI-Agent-7'
        }
      ])('#3 $name approves: not counted', async ({ login }) => {
        await withSnapshot(reviewed, async (fake) => {
          setBaseConfig(
            fake,
            'approval:\n  ai-logins:\n    - Acme-Agent\n    - "ci-agent-*"\n'
          )
          grant(fake, login, 'maintain')
          const comment = addComment(fake, {
            id: 9104,
            login,
            body: `/approve-destroy ${fake.digest}`
          })
          const run = await onComment(scenario, fake, comment)
          expect(run.code, run.stdout).toBe(0)
          expect(run.outputs.decision).toBe('blocked')
          expectStillBlocked(fake, fake.digest, fake.headSha)
          expectNotCounted(fake, {
            login,
            commentId: 9104,
            reason: /configured as an AI agent/
          })
          expect(routesOf(fake.requests)).not.toContain(PERMISSION)
          expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
          expectCleanLog(fake)
        })
      })
    }
  )

  it('#4 a comment made through an app on a maintainer’s behalf (performed_via_github_app): not counted, silently', async () => {
    await withSnapshot(reviewed, async (fake) => {
      grant(fake, 'alice', 'admin')
      const comment = addComment(fake, {
        id: 9105,
        login: 'alice',
        viaApp: 'chat-bridge',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expectStillBlocked(fake, fake.digest, fake.headSha)
      expectSilent(fake, 9105)
      expect(routesOf(fake.requests)).not.toContain(PERMISSION)
      expect(writesOf(fake)).toEqual([])
      expectCleanLog(fake)
    })
  })

  describe.concurrent(
    '#5 the live permission decides, not author_association',
    () => {
      it.each([
        { role: 'read', association: 'COLLABORATOR' },
        { role: 'triage', association: 'MEMBER' }
      ])(
        '#5 a $role collaborator ($association) approves: not counted',
        async ({ role, association }) => {
          await withSnapshot(reviewed, async (fake) => {
            grant(fake, 'rita', role)
            const comment = addComment(fake, {
              id: 9106,
              login: 'rita',
              body: `/approve-destroy ${fake.digest}`
            })
            comment.author_association = association
            const run = await onComment(scenario, fake, comment)
            expect(run.code, run.stdout).toBe(0)
            expect(run.outputs.decision).toBe('blocked')
            expectStillBlocked(fake, fake.digest, fake.headSha)
            expectNotCounted(fake, {
              login: 'rita',
              commentId: 9106,
              reason: /not eligible/
            })
            const lookups = fake.requests.filter((r) => r.route === PERMISSION)
            expect(lookups.map((r) => r.path)).toEqual([
              '/repos/octo-org/infra/collaborators/rita/permission'
            ])
            expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
            expectCleanLog(fake)
          })
        }
      )

      it('#6 a CONTRIBUTOR whom the permission API gives write approves: success', async () => {
        await withSnapshot(reviewed, async (fake) => {
          grant(fake, 'carol', 'write')
          const comment = addComment(fake, {
            id: 9107,
            login: 'carol',
            body: `/approve-destroy ${fake.digest}`
          })
          comment.author_association = 'CONTRIBUTOR'
          const run = await onComment(scenario, fake, comment)
          expect(run.code, run.stdout).toBe(0)
          expect(run.outputs.decision).toBe('approved')
          expect(statusOf(fake, fake.headSha)).toMatchObject({
            state: 'success',
            description: `1 destructive change (${fake.digest}) approved by @carol`
          })
          expect(reactionsOn(fake, 9107)).toEqual(['+1'])
          expect(replies(fake)).toEqual([])
          expect(stickyBody(fake)).toContain('- ✅ Approved by @\u200bcarol at')
          expect(routesOf(writesOf(fake))).toEqual([STATUS, REACTION, EDIT])
          expectCleanLog(fake)
        })
      })
    }
  )
})

describe('#7–#9: eligibility that changes or cannot be read', () => {
  it('#7 the approver loses write access after approving: the PR re-run goes back to failure', async () => {
    await withSnapshot(approved, async (fake) => {
      grant(fake, 'alice', 'read')
      const run = await onPullRequest(scenario, fake, {
        headSha: fake.headSha,
        action: 'synchronize'
      })
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: needsApproval(fake.digest)
      })
      const sticky = stickyBody(fake)
      expect(sticky.split('\n')[2]).toBe(
        '## ⛔ plangate: 1 destructive change needs approval'
      )
      expect(sticky).not.toContain('Approved by')
      // A re-run answers nobody: the command comment keeps only its old 👍.
      expect(reactionsOn(fake, 9001)).toEqual(['+1'])
      expect(replies(fake)).toEqual([])
      expectCleanLog(fake)
    })
  })

  describe.concurrent('#8 authors, committers and co-authors of the PR', () => {
    it.each([
      {
        name: 'the GitHub author of one of its commits',
        login: 'carol',
        change: (commit: RestObject) => {
          commit.author = makeUser('carol')
        }
      },
      {
        name: 'a Co-authored-by (noreply address) of one of its commits',
        login: 'erin',
        change: (commit: RestObject) => {
          const git = commit.commit as RestObject
          git.message = `${String(git.message)}\n\nCo-authored-by: Erin <12345+erin@users.noreply.github.com>`
        }
      }
    ])('#8 $name approves: not counted', async ({ login, change }) => {
      await withSnapshot(reviewed, async (fake) => {
        const commits = fake.state.pullCommits[7] ?? []
        const first = commits[0]
        if (first === undefined) throw new Error('the scenario has no commits')
        change(first)
        grant(fake, login, 'maintain')
        const comment = addComment(fake, {
          id: 9108,
          login,
          body: `/approve-destroy ${fake.digest}`
        })
        const run = await onComment(scenario, fake, comment)
        expect(run.code, run.stdout).toBe(0)
        expect(run.outputs.decision).toBe('blocked')
        expectStillBlocked(fake, fake.digest, fake.headSha)
        expectNotCounted(fake, {
          login,
          commentId: 9108,
          reason: /committers and co-authors/
        })
        expect(routesOf(fake.requests)).not.toContain(PERMISSION)
        expect(routesOf(writesOf(fake))).toEqual([REACTION, REPLY])
        expectCleanLog(fake)
      })
    })
  })

  describe.concurrent('#9 the permission API fails: fail closed', () => {
    it.each([
      {
        name: '403',
        reply: {
          status: 403,
          body: '{"message":"Resource not accessible by integration","status":"403"}'
        }
      },
      {
        name: '404',
        reply: { status: 404, body: '{"message":"Not Found","status":"404"}' }
      },
      {
        name: '500',
        reply: {
          status: 500,
          body: '{"message":"Server Error","status":"500"}'
        }
      },
      { name: 'a hang (api-timeout: 2)', reply: 'hang' as const }
    ])(
      '#9 $name from the permission API: not eligible, never success',
      async ({ reply }) => {
        await withSnapshot(reviewed, async (fake) => {
          grant(fake, 'alice', 'admin')
          fake.fault({ path: /\/collaborators\/alice\/permission$/ }, reply)
          const comment = addComment(fake, {
            id: 9109,
            login: 'alice',
            body: `/approve-destroy ${fake.digest}`
          })
          const run = await onComment(scenario, fake, comment, 'created', {
            'api-timeout': '2'
          })
          expect(run.code, run.stdout).toBe(0)
          expect(run.outputs.decision).toBe('blocked')
          const statuses = fake.state.statuses[fake.headSha] ?? []
          expect(statuses.map((s) => s.state)).not.toContain('success')
          expect(statusOf(fake, fake.headSha)?.state).toBe('failure')
          expectNotCounted(fake, {
            login: 'alice',
            commentId: 9109,
            reason: /permission could not be checked/
          })
          // Bounded: the first attempt and at most two retries.
          const lookups = fake.requests.filter((r) =>
            r.path.endsWith('/collaborators/alice/permission')
          )
          expect(lookups.every((r) => r.faulted)).toBe(true)
          expect(lookups.length).toBeGreaterThanOrEqual(1)
          expect(lookups.length).toBeLessThanOrEqual(3)
          expect(fake.requests.every((r) => r.authorized)).toBe(true)
          // The status says why the approval is missing.
          expect(statusOf(fake, fake.headSha)?.description).toMatch(
            /permission check failed/
          )
        })
      },
      30_000
    )
  })
})

describe('#39, #40 and the quorum', () => {
  it('#39 /deny-destroy by an eligible user after an approval: failure "denied by", a later approval does not lift it', async () => {
    await withSnapshot(approved, async (fake) => {
      grant(fake, 'bob', 'write')
      const deny = addComment(fake, {
        id: 9110,
        login: 'bob',
        body: `/deny-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, deny)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      const denied = {
        state: 'failure',
        description: `1 destructive change (${fake.digest}) denied by @bob`
      }
      expect(statusOf(fake, fake.headSha)).toMatchObject(denied)
      expect(reactionsOn(fake, 9110)).toEqual(['+1'])
      expect(replies(fake)).toEqual([])
      const sticky = stickyBody(fake)
      expect(sticky.split('\n')[2]).toBe(
        '## ⛔ plangate: 1 destructive change denied'
      )
      expect(sticky).toContain('- ⛔ Denied by @\u200bbob at')

      // Another eligible approval after the denial changes nothing.
      grant(fake, 'carol', 'write')
      fake.requests.length = 0
      const again = addComment(fake, {
        id: 9111,
        login: 'carol',
        body: `/approve-destroy ${fake.digest}`
      })
      const second = await onComment(scenario, fake, again)
      expect(second.code, second.stdout).toBe(0)
      expect(second.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject(denied)
      expect(routesOf(writesOf(fake))).not.toContain(STATUS)
      expectCleanLog(fake)
    })
  }, 60_000)

  it("#40 an issue_comment event for plangate's own comment: skipped, no writes, no reply loop", async () => {
    await withSnapshot(reviewed, async (fake) => {
      const own = addComment(fake, {
        id: 9112,
        login: 'github-actions[bot]',
        userId: 41898282,
        body: `/approve-destroy ${fake.digest}\n\nplangate quoting the command`
      })
      const run = await onComment(scenario, fake, own)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('skipped')
      expect(routesOf(fake.requests)).toEqual([
        'POST /graphql (PlangateViewer)'
      ])
      expect(reactionsOn(fake, 9112)).toEqual([])
      expect(fake.state.comments[7]?.map((c) => c.id)).toEqual([
        9000001, // the sticky comment
        9112
      ])
      expectStillBlocked(fake, fake.digest, fake.headSha)
      expectCleanLog(fake)
    })
  })

  it('quorum: with approval.min-approvals 2, two distinct eligible people approve: success naming both', async () => {
    await withSnapshot(reviewed, async (fake) => {
      setBaseConfig(fake, 'approval:\n  min-approvals: 2\n')
      grant(fake, 'alice', 'write')
      grant(fake, 'bob', 'maintain')
      const first = addComment(fake, {
        id: 9113,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, first)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: `1 destructive change needs approval (1/2 approvals): /approve-destroy ${fake.digest}`
      })
      expect(reactionsOn(fake, 9113)).toEqual(['+1'])
      expect(stickyBody(fake)).toContain('1 of 2 approvals so far')

      const second = addComment(fake, {
        id: 9114,
        login: 'bob',
        body: `/approve-destroy ${fake.digest}`
      })
      const done = await onComment(scenario, fake, second)
      expect(done.code, done.stdout).toBe(0)
      expect(done.outputs.decision).toBe('approved')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'success',
        description: `1 destructive change (${fake.digest}) approved by @alice, @bob`
      })
      expect(reactionsOn(fake, 9114)).toEqual(['+1'])
      expect(replies(fake)).toEqual([])
      const sticky = stickyBody(fake)
      expect(sticky).toContain('- ✅ Approved by @\u200balice at')
      expect(sticky).toContain('- ✅ Approved by @\u200bbob at')
      expectCleanLog(fake)
    })
  }, 60_000)

  it('quorum: with approval.min-approvals 2, one person approving twice stays failure (1/2)', async () => {
    await withSnapshot(reviewed, async (fake) => {
      setBaseConfig(fake, 'approval:\n  min-approvals: 2\n')
      grant(fake, 'alice', 'write')
      addComment(fake, {
        id: 9115,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const again = addComment(fake, {
        id: 9116,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, again)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(statusOf(fake, fake.headSha)).toMatchObject({
        state: 'failure',
        description: `1 destructive change needs approval (1/2 approvals): /approve-destroy ${fake.digest}`
      })
      expect(replies(fake)).toEqual([])
      const sticky = stickyBody(fake)
      expect(sticky).toContain('1 of 2 approvals so far')
      expect(sticky.match(/Approved by/g)).toHaveLength(1)
      // One lookup per person, however many commands they wrote.
      expect(
        fake.requests.filter((r) => r.route === PERMISSION).map((r) => r.path)
      ).toEqual(['/repos/octo-org/infra/collaborators/alice/permission'])
      expectCleanLog(fake)
    })
  })
})
