/**
 * `approval.approvers: [codeowners]` through the bundle and the loopback
 * GitHub: owners per the base branch's CODEOWNERS of the file that
 * declares the gated change (`main.tf` of the scenario), the fallback when
 * CODEOWNERS is missing or unreadable, and sibling pull requests that share
 * the head commit.
 */
import { spawnSync } from 'node:child_process'
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addComment,
  baseShaOf,
  buildScenarioRepo,
  grant,
  latestStatus,
  onComment,
  PR_NUMBER,
  reactionsOn,
  replies,
  reviewedPull,
  snapshotOf,
  startFrom,
  stickyBody
} from '../support/approval-scenario.js'
import type { ScenarioRepo, Snapshot } from '../support/approval-scenario.js'
import { decodeRecord, encodeRecord } from '../../src/gate/index.js'
import { readRecordLine } from '../../src/report/index.js'
import type { FakeGitHub } from '../support/fake-github.js'

const CODEOWNERS_READ = /CODEOWNERS/

/** CODEOWNERS text at the base, or none, or a read that fails. */
type CodeownersAtBase = { text: string } | 'missing' | 'unreadable'

/** The scenario's pull request reviewed under a base config and CODEOWNERS. */
async function reviewedWith(
  scenario: ScenarioRepo,
  config: string,
  codeowners: CodeownersAtBase
): Promise<Snapshot> {
  const reviewed = await reviewedPull(scenario, (fake) =>
    setBase(fake, config, codeowners)
  )
  return snapshotOf(reviewed)
}

function setBase(
  fake: FakeGitHub,
  config: string,
  codeowners: CodeownersAtBase
): void {
  const base = baseShaOf(fake)
  fake.state.files[`${base}:.github/plangate.yml`] = config
  if (codeowners === 'unreadable')
    fake.fault(
      { method: 'POST', path: '/graphql', body: CODEOWNERS_READ },
      {
        status: 500,
        body: JSON.stringify({ message: 'Server Error' })
      }
    )
  else if (codeowners !== 'missing')
    fake.state.files[`${base}:.github/CODEOWNERS`] = codeowners.text
}

const OWNERS_CONFIG = 'approval:\n  approvers: [codeowners]\n'
const CODEOWNERS = [
  '# the scenario declares everything in main.tf',
  '*           @octo-org/web',
  '/main.tf    @alice @octo-org/dba',
  '/bob.tf     @bob',
  '*.[ch]      @nobody'
].join('\n')

let scenario: ScenarioRepo
let owned: Snapshot
beforeAll(async () => {
  scenario = buildScenarioRepo()
  owned = await reviewedWith(scenario, OWNERS_CONFIG, { text: CODEOWNERS })
}, 60_000)
afterAll(() => scenario.remove())

describe('code owners approve, end to end', () => {
  it('reads only regular .tf files of the checkout: a FIFO or a huge file linked as one is skipped, not read forever', async () => {
    const linked = buildScenarioRepo()
    try {
      // A FIFO with no writer blocked the read for good; a link to
      // /dev/zero (the same kind of path) read until memory ran out.
      expect(spawnSync('mkfifo', [join(linked.repo, 'pipe.tf')]).status).toBe(0)
      const huge = join(linked.dir, 'huge')
      writeFileSync(huge, '')
      truncateSync(huge, 64 * 1024 * 1024)
      symlinkSync(huge, join(linked.repo, 'huge.tf'))
      const snapshot = await reviewedWith(linked, OWNERS_CONFIG, {
        text: CODEOWNERS
      })
      // They declare nothing: the same gated set, the same owners.
      expect(snapshot.digest).toBe(owned.digest)
      expect(
        String(
          snapshot.state.comments[PR_NUMBER]?.find((c) =>
            String(c.body).startsWith('<!-- plangate:')
          )?.body
        )
      ).toContain('**Who can approve**')
    } finally {
      linked.remove()
    }
  }, 60_000)

  it('the review names who can approve each group', () => {
    const sticky = owned.state.comments[PR_NUMBER]?.find((c) =>
      String(c.body).startsWith('<!-- plangate:')
    )?.body as string
    expect(sticky).toContain('**Who can approve**')
    expect(sticky).toMatch(
      /- `terraform_data\.[a-z]+`.*: @\u200balice, @\u200bocto-org\/dba/
    )
    const status = owned.state.statuses[owned.headSha]?.at(-1)
    expect(status?.state).toBe('failure')
    expect(String(status?.description)).toMatch(/waiting for @alice/)
  })

  it('an owner approves: success', async () => {
    const fake = await startFrom(owned)
    try {
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9101,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('approved')
      expect(latestStatus(fake, fake.headSha)?.state).toBe('success')
      expect(latestStatus(fake, fake.headSha)?.description).toContain(
        'approved by @alice'
      )
      expect(reactionsOn(fake, 9101)).toEqual(['+1'])
      expect(stickyBody(fake)).toContain('(approved by @\u200balice)')
    } finally {
      await fake.close()
    }
  })

  it('a writer who is not an owner is not counted, and the reply names who can approve', async () => {
    const fake = await startFrom(owned)
    try {
      grant(fake, 'bob', 'admin')
      fake.state.teams['octo-org/dba'] = ['carol']
      const comment = addComment(fake, {
        id: 9102,
        login: 'bob',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(latestStatus(fake, fake.headSha)?.state).toBe('failure')
      expect(reactionsOn(fake, 9102)).toEqual(['confused'])
      expect(replies(fake)).toHaveLength(1)
      expect(replies(fake)[0]).toMatch(
        /^@bob Not counted: the author is not a code owner of the gated changes; who can approve: @\u200balice, @\u200bocto-org\/dba for terraform_data\./
      )
    } finally {
      await fake.close()
    }
  })

  it('a member of an owning team approves, read through the team API: success', async () => {
    const fake = await startFrom(owned)
    try {
      grant(fake, 'carol', 'write')
      fake.state.teams['octo-org/dba'] = ['carol']
      const comment = addComment(fake, {
        id: 9103,
        login: 'carol',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(latestStatus(fake, fake.headSha)?.state).toBe('success')
      expect(
        fake.requests.some((r) =>
          r.path.endsWith('/teams/dba/memberships/carol')
        )
      ).toBe(true)
    } finally {
      await fake.close()
    }
  })

  it('an edited review record is not trusted: owners unknown, not counted', async () => {
    const fake = await startFrom(owned)
    try {
      grant(fake, 'bob', 'write')
      // bob rewrites the record in plangate's comment: every change declared in a file he owns.
      for (const c of fake.state.comments[PR_NUMBER] ?? []) {
        const body = String(c.body)
        const text = readRecordLine(body)
        if (text === undefined) continue
        const record = decodeRecord(text)
        const forged = {
          ...record,
          items: record.items.map((item) => ({ ...item, files: ['bob.tf'] }))
        }
        c.body = body.replace(text, encodeRecord(forged))
      }
      const comment = addComment(fake, {
        id: 9104,
        login: 'bob',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      expect(latestStatus(fake, fake.headSha)?.state).toBe('failure')
      expect(latestStatus(fake, fake.headSha)?.description).toContain(
        'code owners unknown'
      )
      expect(replies(fake)[0]).toContain(
        'the code owners of the gated changes are unknown'
      )
    } finally {
      await fake.close()
    }
  })

  it('another open pull request with the same head withholds the success', async () => {
    const fake = await startFrom(owned)
    try {
      grant(fake, 'alice', 'write')
      const pull = fake.state.pulls[PR_NUMBER] ?? {}
      fake.state.pulls[8] = {
        ...pull,
        number: 8,
        html_url: 'https://github.com/octo-org/infra/pull/8'
      }
      const comment = addComment(fake, {
        id: 9105,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      const status = latestStatus(fake, fake.headSha)
      expect(status?.state).toBe('failure')
      expect(status?.description).toContain(
        'approval withheld: #8 open with the same head commit'
      )
      // Still names the digest: the next approval run finds the review.
      expect(status?.description).toContain(`/approve-destroy ${fake.digest}`)
      // Once the sibling is closed, the next evaluation passes.
      fake.state.pulls[8] = { ...fake.state.pulls[8], state: 'closed' }
      const again = await onComment(scenario, fake, comment, 'edited')
      expect(again.code, again.stdout).toBe(0)
      expect(latestStatus(fake, fake.headSha)?.state).toBe('success')
    } finally {
      await fake.close()
    }
  })
})

describe('code owners fallback, end to end', () => {
  it('CODEOWNERS missing at the base: the fallback applies and the status says so', async () => {
    const snapshot = await reviewedWith(
      scenario,
      `${OWNERS_CONFIG}  codeowners-fallback: anyone\n`,
      'missing'
    )
    const fake = await startFrom(snapshot)
    try {
      expect(latestStatus(fake, fake.headSha)?.description).toContain(
        'no CODEOWNERS at base: fallback anyone'
      )
      grant(fake, 'bob', 'write')
      const comment = addComment(fake, {
        id: 9201,
        login: 'bob',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(latestStatus(fake, fake.headSha)?.state).toBe('success')
      expect(latestStatus(fake, fake.headSha)?.description).toContain(
        'no CODEOWNERS at base: fallback anyone'
      )
    } finally {
      await fake.close()
    }
  })

  it('CODEOWNERS unreadable (HTTP 500): the fallback applies and the status says so', async () => {
    const snapshot = await reviewedWith(
      scenario,
      `${OWNERS_CONFIG}  codeowners-fallback: block\n`,
      'unreadable'
    )
    const fake = await startFrom(snapshot)
    try {
      expect(latestStatus(fake, fake.headSha)?.description).toContain(
        'CODEOWNERS unreadable at base: fallback block'
      )
      fake.fault(
        { method: 'POST', path: '/graphql', body: CODEOWNERS_READ },
        { status: 500, body: JSON.stringify({ message: 'Server Error' }) }
      )
      grant(fake, 'alice', 'write')
      const comment = addComment(fake, {
        id: 9202,
        login: 'alice',
        body: `/approve-destroy ${fake.digest}`
      })
      const run = await onComment(scenario, fake, comment)
      expect(run.code, run.stdout).toBe(0)
      expect(latestStatus(fake, fake.headSha)?.state).toBe('failure')
      expect(latestStatus(fake, fake.headSha)?.description).toContain(
        'CODEOWNERS unreadable at base: fallback block'
      )
      expect(replies(fake)[0]).toContain('nobody (codeowners-fallback: block)')
    } finally {
      await fake.close()
    }
  }, 60_000)
})
