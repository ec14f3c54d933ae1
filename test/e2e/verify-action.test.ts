import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildRecord,
  decodeRecord,
  encodeRecord
} from '../../src/gate/index.js'
import { recordData } from '../../src/gate/record.js'
import type { ChangeItem } from '../../src/gate/index.js'
import { readRecordLine, recordLine } from '../../src/report/index.js'
import { fixturePath } from '../helpers.js'
import { runAction } from '../support/action-run.js'
import type { ActionRun } from '../support/action-run.js'
import {
  addComment,
  approvedSnapshot,
  buildScenarioRepo,
  grant,
  latestStatus,
  onComment,
  PR_NUMBER,
  reviewedPull,
  snapshotOf,
  stickyBody,
  withSnapshot
} from '../support/approval-scenario.js'
import type {
  ScenarioRepo,
  Snapshot,
  SnapshotFake
} from '../support/approval-scenario.js'
import { examplePayload } from '../support/events.js'

/*
 * `verify: true` in the apply workflow, through the bundle: the scenario's
 * pull request #7 is reviewed by a real run (one AI-caused replacement,
 * gated), approved or not, then merged; the push of its merge commit runs
 * verify with the plan about to be applied.
 */

const MERGE_SHA = 'e'.repeat(40)

let scenario: ScenarioRepo
let reviewed: Snapshot
let approved: Snapshot
beforeAll(async () => {
  scenario = buildScenarioRepo()
  reviewed = await snapshotOf(await reviewedPull(scenario))
  approved = await approvedSnapshot(scenario, reviewed)
  // Apply plans beside the scenario's own (the same file the review read).
  copyFileSync(
    fixturePath('terraform/kitchen-sink.json'),
    join(scenario.repo, 'other.json')
  )
  copyFileSync(
    fixturePath('terraform/update.json'),
    join(scenario.repo, 'updates.json')
  )
}, 120_000)
afterAll(() => scenario.remove())

/** GitHub after the merge: the pull request is closed, merged, with its merge commit. */
function merge(fake: SnapshotFake, sha = MERGE_SHA): void {
  const pull = fake.state.pulls[PR_NUMBER]!
  pull['state'] = 'closed'
  pull['merged'] = true
  pull['merged_at'] = fake.state.now
  pull['merge_commit_sha'] = sha
}

/** The apply workflow's step on the push of the merge commit. */
function onPush(
  fake: SnapshotFake,
  plan: string,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction({
    cwd: scenario.repo,
    eventName: 'push',
    payload: examplePayload('push'),
    inputs: { plan, verify: 'true', ...inputs },
    apiUrl: fake.url,
    env: { GITHUB_SHA: MERGE_SHA, GITHUB_REF: 'refs/heads/main' }
  })
}

function expectBlocked(run: ActionRun): void {
  expect(run.outputs.decision, run.stdout).toBe('blocked')
  // The step fails, so the apply step after it does not run.
  expect(run.code).not.toBe(0)
  expect(run.stdout).toContain('::error::plangate verify: blocked')
}

describe('verify: the apply job checks its plan against the approvals', () => {
  it('an approved pull request, merged, the same plan: verified, exit 0', async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      const run = await onPush(fake, 'plan.json')
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('verified')
      expect(run.outputs['gated-count']).toBe('0')
      expect(run.summary).toContain('plangate verify: verified')
      // Mentions and issue references are defused in the summary (zero-width space).
      expect(run.summary).toContain('approved in #\u200b7 by @\u200balice')
      expect(run.summary).toContain('<code>terraform_data.<wbr>database</code>')
      // verify writes nothing to GitHub.
      expect(
        fake.requests.filter(
          (r) => r.method !== 'GET' && !r.path.endsWith('/graphql')
        )
      ).toEqual([])
    })
  })

  it('the apply plan has destroys never shown in review: blocked, each named with the pull request', async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      const run = await onPush(fake, 'plan.json\nother.json')
      expectBlocked(run)
      expect(run.summary).toContain('never reviewed')
      expect(run.summary).toContain('never shown in the review of #\u200b7')
      expect(run.summary).toMatch(
        /<code>terraform_data\.<wbr>\w+<\/code> \| destroy/
      )
      expect(run.summary).toContain(
        '[#7](https://github.com/octo-org/infra/pull/7)'
      )
    })
  })

  it('a gated pull request merged without approval (admin bypass): blocked', async () => {
    await withSnapshot(reviewed, async (fake) => {
      merge(fake)
      const run = await onPush(fake, 'plan.json')
      expectBlocked(run)
      expect(run.summary).toContain('merged while plangate blocked it')
      expect(run.summary).toContain('never approved')
    })
  })

  it('a denied digest: blocked', async () => {
    await withSnapshot(reviewed, async (fake) => {
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9002,
        login: 'alice',
        body: `/deny-destroy ${fake.digest}`
      })
      await onComment(scenario, fake, comment)
      expect(latestStatus(fake, fake.headSha)?.description).toContain('denied')
      merge(fake)
      const run = await onPush(fake, 'plan.json')
      expectBlocked(run)
      expect(run.summary).toContain('denied')
    })
  })

  it('no pull request brought the commit (a direct push): blocked', async () => {
    await withSnapshot(approved, async (fake) => {
      const run = await onPush(fake, 'plan.json')
      expectBlocked(run)
      expect(run.summary).toContain(
        'no merged pull request brought this commit'
      )
    })
  })

  it('a merge-queue batch lists every queued pull request: one without a plangate decision blocks', async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      const other = structuredClone(fake.state.pulls[PR_NUMBER]!)
      other['number'] = 8
      other['merge_commit_sha'] = null
      ;(other['head'] as Record<string, unknown>)['sha'] = 'f'.repeat(40)
      fake.state.pulls[8] = other
      fake.state.commitPulls = { [MERGE_SHA]: [8] }
      const run = await onPush(fake, 'plan.json')
      expectBlocked(run)
      expect(run.summary).toContain(
        'pull request #\u200b8: plangate set no plangate/main status'
      )
      expect(run.stdout).toContain('came with #7 (approved), #8 (undecided)')
    })
  })

  it('nothing destructive and no pull request: verified', async () => {
    await withSnapshot(approved, async (fake) => {
      const run = await onPush(fake, 'updates.json')
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('verified')
    })
  })

  it("the review record in plangate's comment edited by someone with write access: not trusted, blocked", async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      // Someone adds the apply plan's extra destroys to the record, as if reviewed and not gated.
      const body = stickyBody(fake)
      const record = decodeRecord(readRecordLine(body)!)
      const forged = {
        ...record,
        items: [
          ...record.items,
          {
            ...(record.items[0] as ChangeItem),
            source: 'other.json',
            address: 'terraform_data.forged',
            gated: false
          }
        ]
      }
      const comment = fake.state.comments[PR_NUMBER]!.find(
        (c) => c['body'] === body
      )!
      comment['body'] = body.replace(
        recordLine(encodeRecord(record)),
        recordLine(encodeRecord(forged))
      )
      expect(comment['body']).not.toBe(body)
      const run = await onPush(fake, 'plan.json')
      expectBlocked(run)
      expect(run.summary).toContain('it is not trusted')
    })
  })

  it("plangate's comment is gone: the reviewed set is unknown, blocked", async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      fake.state.comments[PR_NUMBER] = []
      const run = await onPush(fake, 'plan.json')
      expectBlocked(run)
      expect(run.summary).toContain(
        "plangate's comment for plangate/main is missing"
      )
    })
  })

  it("a record that did not fit the comment comes as the review's JSON report (approved-report), trusted through the status's digest", async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      const body = stickyBody(fake)
      const line = readRecordLine(body)!
      const record = decodeRecord(line)
      const comment = fake.state.comments[PR_NUMBER]!.find(
        (c) => c['body'] === body
      )!
      // As when the record was too large: the comment carries none.
      comment['body'] = body.slice(0, body.lastIndexOf('\n'))
      const report = (name: string, items = record.items): string => {
        const path = join(scenario.repo, name)
        writeFileSync(
          path,
          JSON.stringify({
            schemaVersion: 1,
            tool: { name: 'plangate', version: 'test' },
            review: {
              ...recordData(buildRecord(record.scope, items)),
              state: 'approved',
              approvedBy: ['alice'],
              deniedBy: []
            }
          })
        )
        return name
      }
      const without = await onPush(fake, 'plan.json')
      expectBlocked(without)
      expect(without.summary).toContain('carries no review record')

      const run = await onPush(fake, 'plan.json', {
        'approved-report': report('review.json')
      })
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('verified')

      // A report of another reviewed set (its own digest is intact) is not this review.
      const other = await onPush(fake, 'plan.json', {
        'approved-report': report('other-review.json', [])
      })
      expectBlocked(other)
      expect(other.summary).toContain(
        'none of the approved-report files is this review'
      )
    })
  })

  it('a pull request reviewed for another branch does not vouch for this one', async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      const run = await runAction({
        cwd: scenario.repo,
        eventName: 'workflow_dispatch',
        payload: examplePayload('workflow_dispatch'),
        inputs: { plan: 'plan.json', verify: 'true' },
        apiUrl: fake.url,
        env: { GITHUB_SHA: MERGE_SHA, GITHUB_REF: 'refs/heads/release' }
      })
      expectBlocked(run)
      expect(run.summary).toContain(
        'reviewed for main, and this run applies release'
      )
    })
  })

  it('API faults give error, never verified, and fail the step even with fail-on-error: false', async () => {
    await withSnapshot(approved, async (fake) => {
      merge(fake)
      fake.fault(
        {
          method: 'GET',
          path: `/repos/octo-org/infra/commits/${MERGE_SHA}/pulls`
        },
        { status: 500 }
      )
      const run = await onPush(fake, 'plan.json', { 'fail-on-error': 'false' })
      expect(run.outputs.decision).toBe('error')
      expect(run.code).not.toBe(0)
    })
  })

  it('verify on a pull request event is a mistake, said as such', async () => {
    await withSnapshot(approved, async (fake) => {
      const run = await runAction({
        cwd: scenario.repo,
        eventName: 'pull_request',
        payload: examplePayload('pull_request', 'opened'),
        inputs: { plan: 'plan.json', verify: 'true' },
        apiUrl: fake.url
      })
      expect(run.outputs.decision).toBe('error')
      expect(run.code).not.toBe(0)
      expect(run.stdout).toContain('verify checks a plan before apply')
    })
  })
})
