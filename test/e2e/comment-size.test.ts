import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { namedAddresses } from '../support/address-tree.js'
import { bigPlan, bigPlanFact } from '../support/big-plans.js'
import { MAX_SUMMARY_BYTES, runAction, TOKEN } from '../support/action-run.js'
import { pullRequestEvent } from '../support/events.js'
import {
  makeCommitChain,
  makeCommitDetail,
  makePull,
  MAX_COMMENT_BODY_BYTES,
  MAX_COMMENT_BODY_CHARS,
  MAX_STATUS_DESCRIPTION_CHARS,
  startFakeGitHub
} from '../support/fake-github.js'
import type { FakeGitHub, RestObject } from '../support/fake-github.js'

/**
 * Issue 10: with a few hundred gated changes the comment body went over
 * GitHub's 65,536 characters, GitHub answered 422 and the pull request got
 * no comment at all. Through the real bundle, on pull requests whose plans
 * hold 1 to 20,000 destructive changes (every one gated: `gate-on:
 * destructive` on the base branch), the run must still block with exactly
 * one comment that GitHub accepts, a status whose description fits and
 * ends with the approve command, and a job summary under the runner's 1 MiB
 * that names every destructive address (literally, or in a module tree).
 *
 * The plans come from scripts/make-big-plan.js (a Terraform 1.11 plan,
 * generated once per version of the generator: test/support/big-plans.ts):
 * with `destructiveShare: 1` every resource is destroyed or replaced, so N
 * resources are N destructive changes; the 20,000-resource plan with the
 * default mix is the benchmark's.
 */
const work = mkdtempSync(join(tmpdir(), 'plangate-comment-size-'))
const CONFIG = 'version: 1\ngate-on: destructive\n'
const APPROVE = '/approve-destroy'
/** Below this many gated changes the comment lists each above the fold. */
const ALL_ABOVE_THE_FOLD_BELOW = 50

interface Case {
  readonly name: string
  readonly total: number
  /** undefined: the generator's default mix (about 10% destructive). */
  readonly share: number | undefined
  readonly timeout: number
}

const CASES: readonly Case[] = [
  { name: '1 destructive change', total: 1, share: 1, timeout: 60_000 },
  { name: '50 destructive changes', total: 50, share: 1, timeout: 60_000 },
  { name: '300 destructive changes', total: 300, share: 1, timeout: 60_000 },
  { name: '2,000 destructive changes', total: 2000, share: 1, timeout: 60_000 },
  {
    name: "the benchmark's plan: 20,000 resources, default mix",
    total: 20_000,
    share: undefined,
    timeout: 120_000
  },
  {
    name: '20,000 destructive changes',
    total: 20_000,
    share: 1,
    timeout: 120_000
  }
]

/** A workspace per case, with plan.json and no git history. */
const workspaces = new Map<Case, string>()
/** Destructive addresses per case, read from the plan JSON. */
const destructive = new Map<Case, string[]>()
let fake: FakeGitHub | undefined

beforeAll(async () => {
  for (const [i, c] of CASES.entries()) {
    const dir = join(work, `case-${i}`)
    mkdirSync(dir)
    const options = c.share === undefined ? {} : { destructiveShare: c.share }
    await bigPlan(join(dir, 'plan.json'), c.total, options)
    workspaces.set(c, dir)
    destructive.set(
      c,
      await bigPlanFact(c.total, options, 'destructive', destructiveAddresses)
    )
  }
}, 120_000)
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/**
 * The addresses plangate counts as destructive: managed resources whose
 * actions contain "delete" (a destroy, `["delete"]`, or a replace in either
 * order); forget is not destructive and the generator writes no drift.
 */
function destructiveAddresses(planText: string): string[] {
  const plan = JSON.parse(planText) as {
    resource_changes: {
      address: string
      mode: string
      change: { actions: string[] }
    }[]
  }
  return plan.resource_changes
    .filter((r) => r.mode === 'managed' && r.change.actions.includes('delete'))
    .map((r) => r.address)
}

/** A one-commit pull request whose base branch gates every destructive change. */
async function startPull(): Promise<{ server: FakeGitHub; head: string }> {
  const [commit] = makeCommitChain(1, 'comment-size')
  if (commit === undefined) throw new Error('no commit')
  const head = String(commit['sha'])
  const pull = makePull({ number: 7, headSha: head, commits: 1 })
  const baseSha = String((pull['base'] as RestObject)['sha'])
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { 7: pull },
    pullCommits: { 7: [commit] },
    commits: {
      [head]: makeCommitDetail(head, [], {
        parents: (commit['parents'] as { sha: string }[]).map((p) => p.sha),
        message: String((commit['commit'] as RestObject)['message'])
      })
    },
    comments: { 7: [] },
    files: { [`${baseSha}:.github/plangate.yml`]: CONFIG }
  })
  return { server: fake, head }
}

/**
 * The addresses of `wanted` that `markdown` does not name: neither
 * literally (bounded so that `x[1]` is not found inside `x[10]`, nor
 * `terraform_data.vpc` inside `module.m.terraform_data.vpc`) nor in a
 * module tree of its `text` blocks.
 */
function unnamed(markdown: string, wanted: readonly string[]): string[] {
  const named = namedAddresses(markdown)
  return wanted.filter(
    (address) => !named.has(address) && !namesLiterally(markdown, address)
  )
}

function namesLiterally(text: string, address: string): boolean {
  for (
    let at = text.indexOf(address);
    at !== -1;
    at = text.indexOf(address, at + 1)
  ) {
    const before = text[at - 1] ?? ' '
    const after = text[at + address.length] ?? ' '
    if (!/[\w.\]-]/.test(before) && !/[\w.[-]/.test(after)) return true
  }
  return false
}

/** At most `n` items and how many there were, for readable failures. */
function sample(list: readonly string[], n = 5): string {
  return list.length === 0
    ? 'none'
    : `${list.length}, e.g. ${list.slice(0, n).join(', ')}`
}

describe('comment, status and summary sizes on large pull requests (issue 10)', () => {
  for (const c of CASES) {
    it(
      c.name,
      async () => {
        const addresses = destructive.get(c) ?? []
        const cwd = workspaces.get(c) ?? ''
        if (c.share === 1) expect(addresses).toHaveLength(c.total)
        const { server, head } = await startPull()

        const run = await runAction({
          cwd,
          eventName: 'pull_request',
          payload: pullRequestEvent({ number: 7, headSha: head }),
          inputs: { plan: 'plan.json' },
          apiUrl: server.url
        })
        // Soft: each property is reported on its own, so that one run
        // shows everything that is wrong with it.
        const check = expect.soft
        const log = run.log.split('\n').slice(-20).join('\n')
        check(run.code, `exit code; the log ends:\n${log}`).toBe(0)
        const digest = run.outputs.digest ?? ''
        check(digest, 'digest output').toMatch(/^[0-9a-f]{16}$/)
        const approve = `${APPROVE} ${digest}`
        check(run.outputs, 'outputs').toMatchObject({
          decision: 'blocked',
          'gated-count': String(addresses.length),
          'destructive-count': String(addresses.length)
        })

        // The comment: created once (no refused attempt), within GitHub's limits.
        const created = server.requests.filter(
          (r) =>
            r.route ===
            'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
        )
        check(created.length, 'comment creations sent').toBe(1)
        const comments = server.state.comments[7] ?? []
        check(comments.length, 'comments GitHub accepted').toBe(1)
        const stored = comments[0]?.['body']
        const body = typeof stored === 'string' ? stored : ''
        check(body.length, 'comment characters').toBeLessThanOrEqual(
          MAX_COMMENT_BODY_CHARS
        )
        check(Buffer.byteLength(body), 'comment bytes').toBeLessThanOrEqual(
          MAX_COMMENT_BODY_BYTES
        )
        check(
          body.includes(approve),
          'the comment has the approve command'
        ).toBe(true)
        const fold = body.indexOf('<details>')
        const aboveTheFold = fold === -1 ? body : body.slice(0, fold)
        check(
          aboveTheFold.includes(approve),
          'the approve command is above the fold'
        ).toBe(true)
        if (addresses.length < ALL_ABOVE_THE_FOLD_BELOW)
          check(
            sample(unnamed(aboveTheFold, addresses)),
            'gated addresses missing above the fold'
          ).toBe('none')

        // The status on the head: failure, ending with the approve command.
        const status = (server.state.statuses[head] ?? []).at(-1)
        check(status?.['state'], 'status state').toBe('failure')
        const description = String(status?.['description'])
        check(
          description.length,
          `status description length (${description})`
        ).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION_CHARS)
        check(
          description.endsWith(approve),
          `status description ends with the approve command (${description})`
        ).toBe(true)

        // The job summary (runAction already refuses one over 1 MiB).
        check(
          Buffer.byteLength(run.summary),
          'job summary bytes'
        ).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
        check(
          run.summary.includes(approve),
          'the job summary has the approve command'
        ).toBe(true)
        check(
          sample(unnamed(run.summary, addresses)),
          'destructive addresses missing from the job summary'
        ).toBe('none')

        expect(server.unexpected()).toEqual([])
      },
      c.timeout
    )
  }
})
