import { execFileSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, describe, expect, it } from 'vitest'
import { reviewedItems } from '../../src/gate/index.js'
import { buildRecord } from '../../src/gate/record.js'
import { buildJsonReport } from '../../src/report/index.js'
import { analyzeFixtures, fixturePath } from '../helpers.js'
import { runCli } from '../support/cli-run.js'

/*
 * `plangate verify` through the real bundle: a review writes its JSON
 * report, and the plan about to be applied is checked against it.
 */

const work = mkdtempSync(join(tmpdir(), 'plangate-verify-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function plangate(args: readonly string[]): Run {
  return runCli(args)
}

function file(name: string, content: string): string {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

const SERVER = fixturePath('terraform/replace-cannot-update.json')
const LEGACY = fixturePath('terraform/destroy-no-resource-config.json')
const KITCHEN = fixturePath('terraform/kitchen-sink.json')

/** docs/report.schema.json, as test/report/schema.test.ts compiles it. */
const validate = new Ajv2020({
  allErrors: true,
  strict: true,
  strictRequired: false
}).compile(
  JSON.parse(
    readFileSync(
      new URL('../../docs/report.schema.json', import.meta.url),
      'utf8'
    )
  ) as object
)

function expectSchemaValid(report: unknown): void {
  validate(report)
  expect(validate.errors ?? []).toEqual([])
}

/** Turns the gate off: the review passes and its destructive changes are reviewed, not gated. */
const GATE_OFF = file('gate-off.yml', 'gate-on: none\n')

/** `plangate review PLANS -f json -o NAME`: the report an apply job gets. */
function review(name: string, plans: string[], extra: string[] = []): string {
  const path = join(work, name)
  const run = plangate(['review', ...plans, ...extra, '-f', 'json', '-o', path])
  expect(run.stderr).toContain(`wrote the json report to ${path}`)
  return path
}

/** An input error: exit 2, one line naming the file and what was wrong, no stack. */
function expectInputError(run: Run, path: string, found: string): void {
  expect(run.code).toBe(2)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(
    new RegExp(`^plangate: error: ${escapeRe(path)}: expected `)
  )
  expect(lines[0]).toContain(found)
  expect(run.stderr).not.toMatch(/\n\s+at /)
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('plangate verify (dist/cli.js)', () => {
  it('review -f json writes a review record; verify of the same plan exits 0', () => {
    const approved = review('passed.json', [SERVER], ['--config', GATE_OFF])
    const report = JSON.parse(readFileSync(approved, 'utf8')) as {
      review: Record<string, unknown>
    }
    expect(report.review).toMatchObject({
      version: 1,
      scope: { repository: '', pullNumber: 0, baseRef: '', headSha: '' },
      digest: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
      items: [
        {
          kind: 'change',
          address: 'terraform_data.server',
          action: 'replace',
          gated: false
        }
      ],
      state: 'pass',
      approvedBy: [],
      deniedBy: []
    })
    expectSchemaValid(report)
    const run = plangate(['verify', SERVER, '--approved', approved])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^plangate verify: VERIFIED: /)
    expect(run.stdout).toContain(
      '✓ terraform_data.server (replace, terraform_data): reviewed, not gated'
    )
  })

  it('a review with --repo names the head commit it reviewed', () => {
    const repo = join(work, 'repo')
    mkdirSync(repo)
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          GIT_AUTHOR_NAME: 'Dev',
          GIT_AUTHOR_EMAIL: 'dev@example.com',
          GIT_COMMITTER_NAME: 'Dev',
          GIT_COMMITTER_EMAIL: 'dev@example.com',
          GIT_CONFIG_NOSYSTEM: '1',
          HOME: repo
        }
      }).trim()
    git('init', '-q', '-b', 'main')
    writeFileSync(join(repo, 'main.tf'), '# empty\n')
    git('add', 'main.tf')
    git('commit', '-q', '-m', 'base')
    const head = git('rev-parse', 'HEAD')
    const path = join(work, 'with-repo.json')
    plangate([
      'review',
      SERVER,
      '--repo',
      repo,
      '--base',
      'main',
      '-f',
      'json',
      '-o',
      path
    ])
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      review: { scope: unknown }
    }
    expect(report.review.scope).toEqual({
      repository: '',
      pullNumber: 0,
      baseRef: 'main',
      headSha: head
    })
  })

  it('a review that blocked, then verify: exit 1', () => {
    const blocked = review('blocked.json', [KITCHEN])
    expect(JSON.parse(readFileSync(blocked, 'utf8'))).toMatchObject({
      review: { state: 'blocked' }
    })
    const run = plangate(['verify', KITCHEN, '--approved', blocked])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^plangate verify: BLOCKED: /)
    // Offline, the review is named by its file, not by a pull request #0.
    expect(run.stdout).toContain(
      `the review in ${blocked} is a blocked review (its gated changes were never approved)`
    )
    expect(run.stdout).not.toContain('#0')
    expect(run.stdout).toContain('never approved')
  })

  it('an apply plan with an extra destroy never reviewed: exit 1, naming it', () => {
    const approved = review('server.json', [SERVER], ['--config', GATE_OFF])
    const run = plangate(['verify', SERVER, LEGACY, '--approved', approved])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '✗ terraform_data.legacy (destroy, terraform_data): never reviewed'
    )
    expect(run.stdout).toContain(
      '✓ terraform_data.server (replace, terraform_data): reviewed'
    )
  })

  it('the report the Action writes after an approval: exit 0, in every format', () => {
    const analysis = analyzeFixtures('terraform/kitchen-sink.json')
    const record = buildRecord(
      {
        repository: 'acme/infra',
        pullNumber: 42,
        baseRef: 'main',
        headSha: 'f'.repeat(40)
      },
      reviewedItems(analysis)
    )
    expect(record.items.every((item) => item.gated)).toBe(true)
    const approved = file(
      'approved.json',
      JSON.stringify(
        buildJsonReport(
          analysis,
          { name: 'plangate', version: '0.2.0' },
          { record, state: 'approved', approvedBy: ['alice'], deniedBy: [] }
        )
      )
    )
    expectSchemaValid(JSON.parse(readFileSync(approved, 'utf8')))
    // The schema can fail: a review without its digest is not a report.
    const broken = JSON.parse(readFileSync(approved, 'utf8')) as {
      review: Record<string, unknown>
    }
    delete broken.review.digest
    expect(validate(broken)).toBe(false)
    const text = plangate(['verify', KITCHEN, '--approved', approved])
    expect(text.code).toBe(0)
    // The verdict said once (was `VERIFIED: verified: 5 ...`).
    expect(text.stdout).toMatch(
      /^plangate verify: VERIFIED: 5 destructive changes, each reviewed and, where gated, approved\n/
    )
    expect(text.stdout).toContain('approved in #42 by @alice')

    const markdown = plangate([
      'verify',
      KITCHEN,
      '--approved',
      approved,
      '-f',
      'markdown'
    ])
    expect(markdown.code).toBe(0)
    expect(markdown.stdout).toMatch(/^## ✅ plangate verify: verified\n/)
    expect(markdown.stderr).toContain(
      'plangate: VERIFIED: 5 destructive changes'
    )

    const out = join(work, 'verify.json')
    const json = plangate([
      'verify',
      KITCHEN,
      '--approved',
      approved,
      '-f',
      'json',
      '-o',
      out
    ])
    expect(json.code).toBe(0)
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      tool: { name: string }
      verify: { verdict: string; changes: { state: string; pull: number }[] }
    }
    expect(written.tool.name).toBe('plangate')
    expect(written.verify.verdict).toBe('verified')
    expect(written.verify.changes).toHaveLength(5)
    expect(
      written.verify.changes.every(
        (c) => c.state === 'approved' && c.pull === 42
      )
    ).toBe(true)
    // Its own report may be written over on the next run.
    expect(
      plangate(['verify', KITCHEN, '--approved', approved, '-o', out]).code
    ).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/^plangate verify: VERIFIED: /)
  })

  it('a merge-queue batch: one --approved per pull request', () => {
    const server = review('batch-1.json', [SERVER], ['--config', GATE_OFF])
    const legacy = review('batch-2.json', [LEGACY], ['--config', GATE_OFF])
    expect(
      plangate([
        'verify',
        SERVER,
        LEGACY,
        '--approved',
        server,
        '--approved',
        legacy
      ]).code
    ).toBe(0)
    expect(
      plangate(['verify', SERVER, LEGACY, '--approved', server]).code
    ).toBe(1)
  })

  describe('an edited report exits 2, naming the file', () => {
    it.each<[string, (text: string) => string]>([
      ['gated flipped', (t) => t.replace('"gated":true', '"gated":false')],
      [
        'an address changed',
        (t) =>
          t.replaceAll(
            'module.database.terraform_data.primary_db',
            'module.database.terraform_data.primary_db_old'
          )
      ],
      [
        'an item removed',
        (t) =>
          t.replace(
            /,\{"kind":"change"[^{}]*"address":"terraform_data\.legacy_bastion"[^{}]*\}/,
            ''
          )
      ]
    ])('%s', (name, edit) => {
      const original = readFileSync(
        review(`to-edit-${name.replaceAll(' ', '-')}.json`, [KITCHEN]),
        'utf8'
      )
      const edited = edit(original)
      expect(edited).not.toBe(original)
      const path = file(`edited-${name.replaceAll(' ', '-')}.json`, edited)
      const run = plangate(['verify', KITCHEN, '--approved', path])
      expectInputError(
        run,
        path,
        'the report was edited after plangate wrote it'
      )
    })
  })

  it('offline, the state is taken from the file as given (a documented limit)', () => {
    // The digest binds what the review showed, not how it ended: the
    // Action reads the outcome from plangate's own status instead, and an
    // offline report is only as trustworthy as the artifact store it came
    // from (docs/security.md, residual risks).
    const original = readFileSync(review('state.json', [KITCHEN]), 'utf8')
    const edited = original.replace('"state":"blocked"', '"state":"approved"')
    expect(edited).not.toBe(original)
    const path = file('state-edited.json', edited)
    expect(plangate(['verify', KITCHEN, '--approved', path]).code).toBe(0)
  })

  describe('bad input exits 2 with one line', () => {
    it('a plan given as the approved report', () => {
      expectInputError(
        plangate(['verify', SERVER, '--approved', SERVER]),
        SERVER,
        'JSON without `"tool": {"name": "plangate"}`'
      )
    })

    it('some other JSON', () => {
      const path = file('other.json', '{"tool":{"name":"tfsec"},"results":[]}')
      expectInputError(
        plangate(['verify', SERVER, '--approved', path]),
        path,
        '"tool": {"name": "plangate"}'
      )
    })

    it('a plangate report without a review', () => {
      const path = join(work, 'old.json')
      const report = JSON.parse(
        readFileSync(review('old-src.json', [SERVER]), 'utf8')
      ) as Record<string, unknown>
      delete report.review
      writeFileSync(path, JSON.stringify(report))
      expectInputError(
        plangate(['verify', SERVER, '--approved', path]),
        path,
        'a report without one'
      )
    })

    it('a missing report', () => {
      const path = join(work, 'nope.json')
      const run = plangate(['verify', SERVER, '--approved', path])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(path)
    })

    it('a bad apply plan names the plan', () => {
      const approved = review(
        'for-bad-plan.json',
        [SERVER],
        ['--config', GATE_OFF]
      )
      const plan = file('not-a-plan.json', '{"hello":"world"}')
      const run = plangate(['verify', plan, '--approved', approved])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(
        new RegExp(`^plangate: error: ${escapeRe(plan)}: expected `)
      )
    })

    it.each([
      [['verify', 'plan.json'], 'verify needs --approved REPORT.json'],
      [['verify', '--approved', 'a.json'], 'no plan file given'],
      [
        ['verify', 'plan.json', '--approved', ''],
        '--approved needs a file path'
      ],
      [
        ['verify', 'plan.json', '--approved', 'a.json', '--repo', '.'],
        '--repo belongs to `plangate review`'
      ],
      [
        ['review', 'plan.json', '--approved', 'a.json'],
        '--approved belongs to `plangate verify`'
      ],
      [
        ['verify', '-', '--approved', '-'],
        'standard input ("-") can be read only once'
      ]
    ])('%j', (args, message) => {
      const run = plangate(args)
      expect(run.code).toBe(2)
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(run.stderr).toContain(message)
    })

    it('refuses to write its report over an approved report', () => {
      const approved = review('keep.json', [SERVER], ['--config', GATE_OFF])
      const before = readFileSync(approved, 'utf8')
      const run = plangate([
        'verify',
        SERVER,
        '--approved',
        approved,
        '-o',
        approved
      ])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('is one of the approved reports being read')
      expect(readFileSync(approved, 'utf8')).toBe(before)
    })
  })

  it('--help documents verify and its exit codes', () => {
    const help = plangate(['--help'])
    expect(help.stdout).toContain(
      'plangate verify [options] <plan>... --approved REPORT.json'
    )
    expect(help.stdout).toContain('verify: blocked:')
  })
})
