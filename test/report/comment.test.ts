import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Approver } from '../../src/gate/index.js'
import type { Analysis } from '../../src/model.js'
import {
  APPROVE_COMMAND,
  clip,
  DENY_COMMAND,
  describeStatus,
  gatedCounts,
  encodeMarker,
  errorStatus,
  isStaleComment,
  MAX_COMMENT_CHARS,
  MAX_STATUS_DESCRIPTION,
  parseMarker,
  readAudit,
  renderComment,
  restateComment
} from '../../src/report/index.js'
import type { CommentOptions, ReviewView } from '../../src/report/index.js'
import { analyzeDocs, analyzeFixtures, fixtureJson } from '../helpers.js'
import { namedAddresses } from '../support/address-tree.js'
import { buildScenario } from '../support/scenario-analysis.js'
import type { Scenario } from '../support/scenario-analysis.js'

const HEAD = '0123456789abcdef0123456789abcdef01234567'
const NEW_HEAD = 'fedcba9876543210fedcba9876543210fedcba98'
const DIGEST = 'abcdef0123456789'
const LINKS = {
  repositoryUrl: 'https://github.com/acme/infra',
  pullNumber: 7,
  runUrl: 'https://github.com/acme/infra/actions/runs/4242'
}
const ALICE: Approver = {
  login: 'alice',
  id: 11,
  candidates: [{ kind: 'comment', id: 901, at: '2026-12-06T19:02:11Z' }]
}
const BOB: Approver = {
  login: 'bob',
  id: 12,
  candidates: [{ kind: 'review', id: 77, at: '2026-12-06T19:05:00Z' }]
}

/** The text a reviewer sees before opening anything. */
function aboveTheFold(body: string): string {
  const at = body.indexOf('<details>')
  return at === -1 ? body : body.slice(0, at)
}

function options(extra: Partial<CommentOptions> = {}): CommentOptions {
  return {
    state: 'blocked',
    statusContext: 'plangate/main',
    headSha: HEAD,
    digest: DIGEST,
    links: LINKS,
    ...extra
  }
}

function viewOf(analysis: Analysis, extra: Partial<ReviewView>): ReviewView {
  return {
    state: 'blocked',
    statusContext: 'plangate/main',
    headSha: HEAD,
    digest: DIGEST,
    counts: gatedCounts(analysis),
    destructiveCount: analysis.summary.destructive,
    links: LINKS,
    ...extra
  }
}

let scenario: Scenario
beforeAll(() => {
  scenario = buildScenario()
})
afterAll(() => scenario.dispose())

describe('comment marker', () => {
  it('round-trips on the first line', () => {
    const marker = { context: 'plangate/main', head: HEAD, digest: DIGEST }
    expect(parseMarker(`${encodeMarker(marker)}\nbody`)).toEqual(marker)
  })

  it.each([
    ['not on the first line', (m: string) => `hello\n${m}`],
    ['quoted', (m: string) => `> ${m}`],
    ['with text after it', (m: string) => `${m} extra`],
    ['another schema', (m: string) => m.replace('plangate:v1', 'plangate:v2')],
    ['broken JSON', (m: string) => m.replace('"head"', 'head')]
  ])('is not recognised %s', (_name, mangle) => {
    const marker = encodeMarker({ context: 'c', head: HEAD, digest: '' })
    expect(parseMarker(mangle(marker))).toBeUndefined()
  })

  it('cannot be closed early by a context that holds -->', () => {
    const line = encodeMarker({ context: 'x --> <b>y', head: HEAD, digest: '' })
    expect(line.indexOf('-->')).toBe(line.length - 3)
    expect(parseMarker(line)?.context).toBe('x --> <b>y')
  })
})

describe('the comment of a blocked pull request', () => {
  it('tells above the fold what is at risk, why it is gated, who caused it and what to type', () => {
    const { analysis } = scenario
    const { body } = renderComment(analysis, options())
    const top = aboveTheFold(body)
    const [gated] = analysis.decision.gated
    expect(analysis.decision.gated).toHaveLength(1)
    const ai = analysis.commits?.find((c) => c.verdict === 'ai')
    expect(ai).toBeDefined()
    expect(body.split('\n')[2]).toBe(
      '## ⛔ plangate: 1 destructive change needs approval'
    )
    // The plan is named even when it is the only one.
    expect(top).toMatch(/^- `plan\.json` · Terraform 1\.\d+\.\d+/m)
    expect(top).toContain('terraform_data.<wbr>database')
    expect(top).toContain('**replace, delete first**')
    expect(top).toContain('an AI commit caused it (claude-code')
    // The commit is a link GitHub follows, with its subject and author kind.
    expect(top).toContain(
      `[${ai?.sha.slice(0, 7)}](https://github.com/acme/infra/commit/${ai?.sha}) Rename the orders database 🤖 claude-code`
    )
    expect(top).toContain(`\`\`\`text\n${APPROVE_COMMAND} ${DIGEST}\n\`\`\``)
    expect(top).toContain(`\`${DENY_COMMAND} ${DIGEST}\``)
    expect(gated?.gatedBy.kind).toBe('ai-commit')
    // The run is a link.
    expect(body).toContain(`[run and job summary](${LINKS.runUrl})`)
  })

  it('says why every change is gated once when they share the reason, and spells out create-first replacements', () => {
    const analysis = analyzeFixtures('terraform/kitchen-sink.json')
    const top = aboveTheFold(renderComment(analysis, options()).body)
    expect(top).toContain(
      'All gated because the policy gates every destructive change (`gate-on: destructive`).'
    )
    expect(top).not.toContain('| Why gated |')
    expect(top).toContain('**replace, create first**')
    expect(top).toContain('**replace, delete first**')
    expect(top).toContain('**destroy** because its block was removed')
    expect(top).toContain('`terraform/kitchen-sink.json`')
  })

  it('matches its snapshot', async () => {
    const { body } = renderComment(scenario.analysis, options())
    await expect(body).toMatchFileSnapshot('__snapshots__/comment-blocked.md')
  })
})

describe('the comment in each state', () => {
  it('approved: who approved, when, for which digest, and nothing to copy', async () => {
    const { analysis } = scenario
    const { body } = renderComment(
      analysis,
      options({ state: 'approved', approvedBy: [ALICE], required: 1 })
    )
    expect(body.split('\n')[2]).toBe(
      '## ✅ plangate: 1 destructive change approved'
    )
    expect(aboveTheFold(body)).toContain(
      `**Approved** by @\u200balice ([comment](https://github.com/acme/infra/pull/7#issuecomment-901), 2026-12-06 19:02 UTC) for digest \`${DIGEST}\``
    )
    expect(body).not.toContain(APPROVE_COMMAND)
    expect(body).not.toContain(DENY_COMMAND)
    expect(body).not.toMatch(/needs? approval/)
    await expect(body).toMatchFileSnapshot('__snapshots__/comment-approved.md')
  })

  it('denied: who denied and what is needed next, nothing to copy', async () => {
    const { body } = renderComment(
      scenario.analysis,
      options({ state: 'rejected', deniedBy: [BOB] })
    )
    const top = aboveTheFold(body)
    expect(body.split('\n')[2]).toBe(
      '## ⛔ plangate: 1 destructive change denied'
    )
    expect(top).toContain(
      '**Denied** by @\u200bbob ([review](https://github.com/acme/infra/pull/7#pullrequestreview-77)'
    )
    expect(top).toContain('push a change that removes these destroys')
    expect(body).not.toContain(APPROVE_COMMAND)
    await expect(body).toMatchFileSnapshot('__snapshots__/comment-denied.md')
  })

  it('blocked with some approvals: how many so far', () => {
    const top = aboveTheFold(
      renderComment(
        scenario.analysis,
        options({ approvedBy: [ALICE], required: 2 })
      ).body
    )
    expect(top).toContain('1 of 2 approvals so far: @\u200balice.')
    expect(top).toContain(`${APPROVE_COMMAND} ${DIGEST}`)
  })

  it('incomplete: the plan, the reason and the fix above the fold, no command', async () => {
    const analysis = analyzeFixtures(
      'terraform/errored.json',
      'terraform/update.json'
    )
    const { body } = renderComment(
      analysis,
      options({ state: 'incomplete', digest: '' })
    )
    const top = aboveTheFold(body)
    expect(body.split('\n')[2]).toBe(
      '## ⛔ plangate: a plan is incomplete, so nothing can be approved'
    )
    // The incomplete plan is named and comes first, with its reason.
    expect(top).toMatch(
      /- `terraform\/errored\.json` · [^\n]*\n {2}- ⛔ \*\*Incomplete:\*\* the plan errored part-way/
    )
    expect(top.indexOf('terraform/errored.json')).toBeLessThan(
      top.indexOf('terraform/update.json')
    )
    expect(body).not.toContain(APPROVE_COMMAND)
    await expect(body).toMatchFileSnapshot(
      '__snapshots__/comment-incomplete.md'
    )
  })

  it('pass: says so, and lists destructive changes that people caused', async () => {
    const update = renderComment(
      analyzeFixtures('terraform/update.json'),
      options({ state: 'pass', digest: '' })
    ).body
    expect(update.split('\n')[2]).toBe('## ✅ plangate: no destructive changes')
    expect(update).not.toContain(APPROVE_COMMAND)
    await expect(update).toMatchFileSnapshot('__snapshots__/comment-pass.md')
  })

  it('multi-plan: one line per plan and the gated changes grouped by plan', async () => {
    const analysis = analyzeFixtures(
      'terraform/destroy-count-index.json',
      'terraform/replace-create-before-destroy.json',
      'terraform/update.json'
    )
    const { body } = renderComment(analysis, options())
    const top = aboveTheFold(body)
    for (const plan of analysis.plans)
      expect(top).toContain(`- \`${plan.source}\` · `)
    const first = top.indexOf('**`terraform/destroy-count-index.json`**')
    const second = top.indexOf(
      '**`terraform/replace-create-before-destroy.json`**'
    )
    expect(first).toBeGreaterThan(-1)
    expect(second).toBeGreaterThan(first)
    await expect(body).toMatchFileSnapshot(
      '__snapshots__/comment-multi-plan.md'
    )
  })

  it('stale: says a newer push is under review, links the new report, offers no command', async () => {
    const { body } = renderComment(scenario.analysis, options())
    const stale = restateComment(
      body,
      viewOf(scenario.analysis, {
        stale: {
          headSha: NEW_HEAD,
          url: 'https://github.com/acme/infra/pull/7#issuecomment-999'
        }
      })
    )
    expect(stale).toBeDefined()
    expect(stale?.split('\n')[2]).toBe(
      '## ⏸️ plangate: outdated, a newer push is under review'
    )
    expect(stale).toContain(
      '[The report for the new head](https://github.com/acme/infra/pull/7#issuecomment-999) is the one that counts.'
    )
    expect(stale).not.toContain(APPROVE_COMMAND)
    expect(isStaleComment(stale ?? '')).toBe(true)
    expect(isStaleComment(body)).toBe(false)
    await expect(stale).toMatchFileSnapshot('__snapshots__/comment-stale.md')
  })
})

describe('restating a comment without the plan (approval runs)', () => {
  const audit = [
    `✅ Approved by @alice at 2026-12-06T19:02:11Z (comment 901) for ${DIGEST} at ${HEAD.slice(0, 12)}`
  ]

  it.each([
    ['approved', { state: 'approved', approvedBy: [ALICE], required: 1 }],
    ['denied', { state: 'rejected', deniedBy: [BOB] }],
    ['partly approved', { state: 'blocked', approvedBy: [ALICE], required: 2 }]
  ] as const)('gives exactly what a full run writes: %s', (_name, people) => {
    const { analysis } = scenario
    const blocked = renderComment(analysis, options()).body
    const full = renderComment(analysis, options({ ...people, audit })).body
    const restated = restateComment(
      blocked,
      viewOf(analysis, { ...people, audit })
    )
    expect(restated).toBe(full)
    // And back: a blocked restatement of the approved comment is the blocked comment.
    expect(restateComment(full, viewOf(analysis, {}))).toBe(blocked)
  })

  it('reads its audit lines back as written, links and defused mentions undone', () => {
    const body = renderComment(scenario.analysis, options({ audit })).body
    expect(body).toContain(
      '([comment 901](https://github.com/acme/infra/pull/7#issuecomment-901))'
    )
    expect(body).toContain('@\u200balice')
    expect(readAudit(body)).toEqual(audit)
  })

  it('refuses a body without plangate layout', () => {
    expect(
      restateComment(
        '<!-- x -->\n## y\nno block\n',
        viewOf(scenario.analysis, {})
      )
    ).toBeUndefined()
    // The state block must start on the second line: a quoted copy lower down does not count.
    const body = renderComment(scenario.analysis, options()).body
    const lines = body.split('\n')
    const moved = [lines[0], 'text', ...lines.slice(1)].join('\n')
    expect(restateComment(moved, viewOf(scenario.analysis, {}))).toBeUndefined()
  })
})

/** A plan with `count` destroys: the destroy-count-index fixture, repeated. */
function manyDestroys(count: number, modules = 1): Analysis {
  const doc = fixtureJson('terraform/destroy-count-index.json')
  const [, destroyed] = doc.resource_changes as Record<string, unknown>[]
  const changes: Record<string, unknown>[] = []
  for (let i = 0; i < count; i++) {
    const module = `module.region["r${i % modules}"].module.service[${i % 7}]`
    changes.push({
      ...destroyed,
      address: `${module}.terraform_data.node_with_a_longer_name[${i}]`,
      module_address: module,
      index: i
    })
  }
  doc.resource_changes = changes
  return analyzeDocs({ source: 'plans/prod/plan.json', doc })
}

describe('size: always within GitHub limits, always with the command', () => {
  it.each([1, 50, 51, 300, 2_000, 20_000])(
    '%i gated changes',
    (count) => {
      const analysis = manyDestroys(count, count > 1_000 ? 400 : 3)
      const { body, hidden } = renderComment(analysis, options())
      expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
      expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(262_144)
      const top = aboveTheFold(body)
      expect(top).toContain(`${APPROVE_COMMAND} ${DIGEST}`)
      expect(top).toContain(
        `### Gated changes (${count.toLocaleString('en-US')})`
      )
      const addresses = analysis.decision.gated.map((g) => g.address)
      // Every address the comment names, read back from its lists and trees.
      const named = namedAddresses(body)
      const shown = addresses.filter((a) => named.has(a)).length
      expect({ shown: shown + hidden, count, hidden }).toEqual({
        shown: count,
        count,
        hidden
      })
      if (count <= 50) {
        expect(hidden).toBe(0)
        // A short list is above the fold, whole.
        expect(namedAddresses(top).size).toBeGreaterThanOrEqual(count)
      } else {
        // A long one: its causes and top modules above the fold, the tree folded away.
        expect(top).toContain(
          'All gated because the policy gates every destructive change'
        )
        expect(top).toContain('| Resource type | Destroy |')
        if (hidden < count) expect(body).toContain('as a module tree</summary>')
      }
      if (hidden > 0) {
        expect(top).toContain(
          `${hidden.toLocaleString('en-US')} destructive address${hidden === 1 ? ' is' : 'es are'} not shown here`
        )
        expect(top).toContain(`[the run's job summary](${LINKS.runUrl})`)
      }
    },
    60_000
  )

  it('keeps the full report whole when it fits, and says it is elsewhere when it does not', () => {
    const small = renderComment(scenario.analysis, options())
    expect(small.tier).toBe('full')
    const big = renderComment(manyDestroys(20_000, 400), options())
    expect(big.body).toContain(
      'The full report (every change with its diff) does not fit in this comment'
    )
  })

  it('respects a smaller limit', () => {
    const { body } = renderComment(manyDestroys(300, 3), {
      ...options(),
      maxChars: 8_000
    })
    expect(body.length).toBeLessThanOrEqual(8_000)
    expect(aboveTheFold(body)).toContain(`${APPROVE_COMMAND} ${DIGEST}`)
  })
})

describe('commit status descriptions', () => {
  const blocked = analyzeFixtures('terraform/kitchen-sink.json')

  it('blocks with failure and names the digest', () => {
    const status = describeStatus(blocked, 'blocked', DIGEST)
    expect(status.state).toBe('failure')
    expect(status.description).toMatch(
      /^\d+ destructive changes? needs? approval: \/approve-destroy abcdef0123456789$/
    )
  })

  it('passes with success only when nothing is gated or it is approved', () => {
    expect(
      describeStatus(analyzeFixtures('terraform/update.json'), 'pass', '').state
    ).toBe('success')
    expect(
      describeStatus(blocked, 'approved', DIGEST, ['alice']).description
    ).toContain('approved by @alice')
    expect(describeStatus(blocked, 'rejected', DIGEST, ['bob']).state).toBe(
      'failure'
    )
    expect(describeStatus(blocked, 'incomplete', '').state).toBe('failure')
  })

  it('never exceeds 140 characters, and cuts between words', () => {
    const many = Array.from(
      { length: 30 },
      (_, i) => `reviewer-with-a-long-login-${i}`
    )
    expect(
      describeStatus(blocked, 'approved', DIGEST, many).description.length
    ).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION)
    const error = errorStatus('x'.repeat(500))
    expect(error.state).toBe('error')
    expect(error.description.length).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION)
    expect(
      errorStatus('🔥'.repeat(200)).description.length
    ).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION)
    const incomplete = describeStatus(
      analyzeFixtures('terraform/errored.json'),
      'incomplete',
      ''
    ).description
    expect(incomplete.length).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION)
    expect(incomplete).toMatch(/ [a-z,;:]+…$|[a-z]…$/)
    expect(incomplete).not.toMatch(/ …$/)
    const words = clip('alpha beta gamma delta epsilon', 20)
    expect(words).toBe('alpha beta gamma…')
  })
})
