import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from '../support/action-run.js'
import {
  addComment,
  grant,
  onComment,
  PR_AUTHOR,
  PR_NUMBER,
  statusOf
} from '../support/approval-scenario.js'
import type { ScenarioRepo } from '../support/approval-scenario.js'
import { pullRequestEvent } from '../support/events.js'
import { startFakeGitHub } from '../support/fake-github.js'
import { commitDetailsOf, pullOf } from '../support/repo-state.js'

/**
 * A person deletes a database: a real repository built by
 * test/fixtures/risk/build-repo.sh (a person's commit removes the
 * aws_db_instance block) and the plan of its head, through the bundled CLI
 * with --repo and through the bundled action on a fake GitHub. Under the
 * default config the deletion is gated (always-gate.data-loss), though no
 * AI agent took part.
 */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'plangate-risk-'))
const repo = join(work, 'repo')
let scenario: ScenarioRepo

beforeAll(() => {
  const built = spawnSync('bash', [fixturePath('risk/build-repo.sh'), repo], {
    encoding: 'utf8'
  })
  expect(built.status, built.stderr).toBe(0)
  scenario = {
    dir: work,
    repo,
    pr: pullOf(repo, 'base', { number: PR_NUMBER, user: PR_AUTHOR }),
    remove: () => undefined
  }
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Report {
  decision: {
    verdict: string
    gated: { address: string; why: string; gatedBy: { kind: string } }[]
  }
  commits: { sha: string; verdict: string }[]
  plans: {
    changes: {
      address: string
      causedBy?: string[]
      gated?: boolean
      gateReason?: string
      risks: { kind: string; detail: string }[]
    }[]
  }[]
}

function review(...extra: string[]): {
  code: number | null
  stdout: string
  output: string
} {
  const run = spawnSync(
    process.execPath,
    [CLI, 'review', ...extra, '--repo', repo, '--base', 'base'],
    {
      encoding: 'utf8',
      cwd: repo,
      env: { PATH: process.env.PATH ?? '', HOME: work }
    }
  )
  return {
    code: run.status,
    stdout: run.stdout,
    output: run.stdout + run.stderr
  }
}

describe('a person deletes a database: the CLI with --repo', () => {
  it('blocks under the default config, with the person as the cause and data loss as the reason', () => {
    const run = review('--format', 'json', 'plan.json')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as Report
    const [person] = report.commits
    expect(person?.verdict).toBe('human')
    expect(report.decision.gated).toEqual([
      expect.objectContaining({
        address: 'aws_db_instance.orders',
        gatedBy: { kind: 'data-loss' }
      })
    ])
    const database = report.plans[0]?.changes.find(
      (c) => c.address === 'aws_db_instance.orders'
    )
    expect(database?.causedBy).toEqual([person?.sha])
    expect(database?.gateReason).toContain(
      'caused by commits of people, not by an AI agent; it loses the data of a stateful resource, whoever caused it (always-gate.data-loss)'
    )
    expect(database?.risks).toEqual([
      {
        kind: 'data-loss',
        detail:
          'aws_db_instance holds the data of a relational database (instance or cluster storage); a final snapshot "orders-final" is taken first (final_snapshot_identifier)'
      }
    ])
    const schema = JSON.parse(
      readFileSync(
        new URL('../../docs/report.schema.json', import.meta.url),
        'utf8'
      )
    ) as object
    const validate = new Ajv2020({
      allErrors: true,
      strictRequired: false
    }).compile(schema)
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  })

  it('says so in the text report', () => {
    const run = review('plan.json')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'data loss: aws_db_instance holds the data of a relational database'
    )
    expect(run.stdout).toContain("gated: merging needs a person's approval")
  })

  it('passes with always-gate.data-loss: false, and with the database allowed', () => {
    for (const [name, text] of [
      ['off.yml', 'always-gate:\n  data-loss: false\n'],
      ['allow.yml', 'allow: ["aws_db_instance.orders"]\n']
    ] as const) {
      const config = join(work, name)
      writeFileSync(config, text)
      const run = review('--config', config, 'plan.json')
      expect(run.stdout).toContain('Verdict: PASS')
      expect(run.code).toBe(0)
    }
  })

  it('blocks again when a protected glob matches, even with the database allowed', () => {
    const config = join(work, 'protected.yml')
    writeFileSync(
      config,
      'allow: ["aws_db_instance.*"]\nalways-gate:\n  data-loss: false\n  protected: ["tag:data=critical"]\n'
    )
    const run = review('--config', config, '--format', 'json', 'plan.json')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as Report
    expect(report.decision.gated[0]?.why).toContain(
      'allow glob "aws_db_instance.*" matches too, but allow cannot lift always-gate.protected'
    )
  })

  it('rejects a config with a typo in the new keys, naming the key', () => {
    const config = join(work, 'typo.yml')
    writeFileSync(config, 'always-gate:\n  data_loss: false\n')
    const run = review('--config', config, 'plan.json')
    expect(run.code).toBe(2)
    expect(run.output).toContain(
      'always-gate.data_loss: unknown key; expected one of data-loss, protection-lowered, protected'
    )
  })
})

describe('a person deletes a database and lowers safeguards: the action', () => {
  it('blocks the pull request, counts the lowered safeguards, and an approval covers them', async () => {
    const { pr } = scenario
    const fake = await startFakeGitHub({
      token: TOKEN,
      pulls: { [PR_NUMBER]: pr.pull },
      pullCommits: { [PR_NUMBER]: pr.commits },
      ...commitDetailsOf(repo, pr.commits),
      comments: { [PR_NUMBER]: [] }
    })
    try {
      const run = await runAction({
        cwd: repo,
        eventName: 'pull_request',
        payload: pullRequestEvent({ number: PR_NUMBER, headSha: pr.headSha }),
        inputs: { plan: 'plan.json\nsafeguards.json' },
        apiUrl: fake.url
      })
      expect(run.outputs.decision, run.stdout).toBe('blocked')
      expect(run.outputs['gated-count']).toBe('8')
      const digest = run.outputs.digest ?? ''
      expect(statusOf(fake, pr.headSha)).toMatchObject({
        state: 'failure',
        description: `1 destructive change and 7 lowered safeguards need approval: /approve-destroy ${digest}`
      })
      const comment = String(fake.state.comments[PR_NUMBER]?.[0]?.body)
      expect(comment).toContain(
        '## ⛔ plangate: 1 destructive change and 7 lowered safeguards need approval'
      )
      expect(comment).toContain('💾 **data loss**: aws_db_instance holds')
      expect(comment).toContain(
        '🔓 **safeguard lowered**: deletion_protection true → false'
      )
      expect(comment).toContain('👤 person')

      grant(fake, 'alice', 'write')
      const approval = addComment(fake, {
        id: 9101,
        login: 'alice',
        body: `/approve-destroy ${digest}`
      })
      const approved = await onComment(scenario, fake, approval)
      expect(statusOf(fake, pr.headSha), approved.stdout).toMatchObject({
        state: 'success',
        description: `1 destructive change and 7 lowered safeguards (${digest}) approved by @alice`
      })
      const restated = String(fake.state.comments[PR_NUMBER]?.[0]?.body)
      expect(restated).toContain('💾 **data loss**')
    } finally {
      await fake.close()
    }
  })
})
