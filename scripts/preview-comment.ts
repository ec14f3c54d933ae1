/**
 * Writes what a reviewer sees, for people to read before a change to the
 * reports lands: the pull request comment in each state and the job summary,
 * for the example plans, the attribution scenario (a real repository with a
 * Claude Code commit), the risk scenario (a person deletes a database and
 * lowers safeguards) and a generated 20,000-resource plan, as
 * `preview/<name>.md`; then `scripts/preview-html.js` renders each as GitHub
 * would (`preview/<name>.html`, and screenshots where Chromium is installed).
 *
 *   npm run preview-comment            # after npm run build is not needed
 *   npm run preview-comment -- --no-html
 *
 * Not part of `npm test`: it writes files for people, it asserts nothing.
 */
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyze } from '../src/analyze.js'
import type { Approver } from '../src/gate/index.js'
import { computeDigest, gatedItems, reviewedItems } from '../src/gate/index.js'
import type { Analysis } from '../src/model.js'
import { readPlan } from '../src/plan/index.js'
import { DEFAULT_POLICY } from '../src/policy/index.js'
import {
  gatedCounts,
  localView,
  renderComment,
  renderSummary,
  restateComment
} from '../src/report/index.js'
import type { CommentOptions, ReviewView } from '../src/report/index.js'
import {
  buildRiskScenario,
  buildScenario
} from '../test/support/scenario-analysis.js'
import { makeBigPlan } from './make-big-plan.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'preview')
const LINKS = {
  repositoryUrl: 'https://github.com/acme/infra',
  pullNumber: 42,
  runUrl: 'https://github.com/acme/infra/actions/runs/123456789'
}
const HEAD = '4f2c9d1e8b7a6f5e4d3c2b1a09f8e7d6c5b4a392'
const NEWER_HEAD = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807'
const ALICE: Approver = {
  login: 'alice',
  id: 101,
  candidates: [{ kind: 'comment', id: 2001, at: '2026-12-06T14:03:00Z' }]
}
const BOB: Approver = {
  login: 'bob',
  id: 102,
  candidates: [{ kind: 'review', id: 3001, at: '2026-12-06T14:10:00Z' }]
}

function plans(...paths: string[]): Analysis {
  return analyze(
    paths.map((path) =>
      readPlan({ source: path, text: readFileSync(join(ROOT, path), 'utf8') })
    ),
    { policy: DEFAULT_POLICY }
  )
}

function digestOf(analysis: Analysis): string {
  const gated = gatedItems(analysis)
  return gated.length === 0
    ? ''
    : computeDigest(
        {
          repository: 'acme/infra',
          pullNumber: LINKS.pullNumber,
          baseRef: 'main',
          headSha: HEAD
        },
        reviewedItems(analysis)
      )
}

function options(
  analysis: Analysis,
  extra: Partial<CommentOptions> = {}
): CommentOptions {
  const { state } = localView(analysis)
  return {
    state,
    statusContext: 'plangate/main',
    headSha: HEAD,
    digest: state === 'blocked' ? digestOf(analysis) : '',
    links: LINKS,
    ...extra
  }
}

function viewOf(analysis: Analysis, extra: Partial<ReviewView>): ReviewView {
  return {
    ...options(analysis),
    counts: gatedCounts(analysis),
    destructiveCount: analysis.summary.destructive,
    ...extra
  }
}

const written: string[] = []
function write(name: string, markdown: string): void {
  writeFileSync(join(OUT, `${name}.md`), markdown)
  written.push(
    `${name}.md (${markdown.length.toLocaleString('en-US')} characters)`
  )
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })

  // The attribution scenario: an AI commit replaces the database.
  const scenario = buildScenario()
  try {
    const { analysis } = scenario
    const blocked = renderComment(analysis, options(analysis)).body
    write('1-blocked', blocked)
    const audit = [
      `✅ Approved by @alice at ${ALICE.candidates[0]?.at ?? ''} (comment 2001) for ${digestOf(analysis)} at ${HEAD.slice(0, 12)}`
    ]
    write(
      '2-approved',
      renderComment(
        analysis,
        options(analysis, {
          state: 'approved',
          approvedBy: [ALICE],
          required: 1,
          audit
        })
      ).body
    )
    write(
      '3-denied',
      renderComment(
        analysis,
        options(analysis, { state: 'rejected', deniedBy: [BOB] })
      ).body
    )
    write(
      '4-stale',
      restateComment(
        blocked,
        viewOf(analysis, { stale: { headSha: NEWER_HEAD } })
      ) ?? ''
    )
    write('1-blocked.summary', renderSummary(analysis, viewOf(analysis, {})))
  } finally {
    scenario.dispose()
  }

  const refactor = plans('examples/plans/agent-refactor.json')
  write('5-agent-refactor', renderComment(refactor, options(refactor)).body)
  const safe = plans('examples/plans/safe-change.json')
  write('6-pass', renderComment(safe, options(safe)).body)
  const incomplete = plans(
    'test/fixtures/terraform/errored.json',
    'examples/plans/safe-change.json'
  )
  write('7-incomplete', renderComment(incomplete, options(incomplete)).body)
  const multi = plans(
    'examples/plans/agent-refactor.json',
    'examples/plans/cloudformation/cfn-changeset.json',
    'examples/plans/cloudformation/cfn-changeset-nested.json',
    'examples/plans/pulumi/preview.json'
  )
  write('8-multi-plan', renderComment(multi, options(multi)).body)
  write('8-multi-plan.summary', renderSummary(multi, localView(multi)))

  // A person deletes a database and lowers safeguards (issue 13): gated whoever caused it.
  const risk = buildRiskScenario()
  try {
    const { analysis } = risk
    write(
      '10-person-deletes-database',
      renderComment(analysis, options(analysis)).body
    )
    write(
      '10-person-deletes-database.summary',
      renderSummary(analysis, viewOf(analysis, {}))
    )
  } finally {
    risk.dispose()
  }

  // A very large pull request: the benchmark's 20,000-resource plan.
  const work = mkdtempSync(join(tmpdir(), 'plangate-preview-'))
  try {
    const path = join(work, 'plan.json')
    await makeBigPlan(20_000, path)
    const big = analyze(
      [
        readPlan({
          source: 'envs/prod/plan.json',
          text: readFileSync(path, 'utf8')
        })
      ],
      { policy: { ...DEFAULT_POLICY, gateOn: 'destructive' } }
    )
    write('9-large', renderComment(big, options(big)).body)
    write('9-large.summary', renderSummary(big, viewOf(big, {})))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }

  process.stdout.write(
    `wrote ${written.length} files to preview/:\n${written.map((w) => `  ${w}\n`).join('')}`
  )
  if (process.argv.includes('--no-html')) return
  const html = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'preview-html.js'), OUT],
    { stdio: 'inherit' }
  )
  process.exitCode = html.status ?? 1
}

main().catch((error: unknown) => {
  process.stderr.write(
    `preview-comment: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
