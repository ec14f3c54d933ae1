import { describe, expect, it } from 'vitest'
import type { VerifiedChange, VerifyResult } from '../../src/gate/verify.js'
import { verifyAgainstReviews } from '../../src/gate/verify.js'
import {
  renderVerifyJson,
  renderVerifyMarkdown,
  renderVerifyText
} from '../../src/report/index.js'
import { analyzeFixtures } from '../helpers.js'

/*
 * The reports of `verify` quote plan data (addresses, types, stacks, plan
 * file names) and logins: none of it may act as Markdown, HTML, a
 * mention, a reference or a terminal control.
 */

/** A hidden marker, a mention, a team mention, a reference, a link, backticks. */
const HOSTILE_ADDRESS =
  'aws_db_instance.db`<!-- plangate:v1 {"key":"x"} -->`@admin #1 [x](https://evil) @org/team'
/** An OSC-8 link, a screen clear, a line rewrite, a right-to-left override. */
const TERMINAL =
  '\u001b]8;;http://evil\u0007click\u001b]8;;\u0007\u001b[2J\rVerified\u202e'

function change(
  address: string,
  state: VerifiedChange['state'],
  extra: Partial<VerifiedChange> = {}
): VerifiedChange {
  return {
    source: 'plan.json',
    stack: '',
    address,
    action: 'destroy',
    type: 'aws_db_instance',
    state,
    pull: 7,
    detail:
      state === 'approved'
        ? 'approved in #7 by @alice'
        : 'never shown in the review of #7',
    ...extra
  }
}

function result(
  changes: VerifiedChange[],
  problems: string[] = []
): VerifyResult {
  const bad = changes.some(
    (c) => c.state === 'unreviewed' || c.state === 'unapproved'
  )
  return {
    verdict: bad || problems.length > 0 ? 'blocked' : 'verified',
    changes,
    problems,
    summary: `blocked: ${changes.length} destructive changes`
  }
}

/** The table rows of a Markdown report. */
function rows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('| ') &&
        !line.startsWith('| Address') &&
        !line.startsWith('| ---')
    )
}

/** Cells of a row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1)
}

/**
 * The Markdown without its code: code spans (a backtick run closed by a run
 * of the same length) and `<code>` elements, inside which GitHub links no
 * mention or reference and interprets no Markdown.
 */
function outsideCodeSpans(markdown: string): string {
  return markdown
    .replace(/<code>.*?<\/code>/g, '')
    .replace(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '')
}

/** Every code point a terminal acts on that the hostile text holds. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202e]/u

/** `@` followed by a name: what GitHub turns into a mention. */
const MENTION = /@(?!\u200b)[A-Za-z0-9]/

describe('renderVerifyMarkdown escapes what it quotes', () => {
  const hostile = result(
    [
      change(HOSTILE_ADDRESS, 'unreviewed', {
        type: 'aws_`x`_<!--',
        stack: 'prod|<!-- x -->|@ops',
        source: 'plans/`a`.json'
      }),
      change(`${HOSTILE_ADDRESS}\nsecond line`, 'approved', {
        detail: 'approved in #7 by @alice, @org/admins'
      })
    ],
    [
      'pull request #12: comment edited by @mallory <!-- hidden --> [x](https://evil)'
    ]
  )
  const markdown = renderVerifyMarkdown(hostile, {
    repositoryUrl: 'https://github.com/acme/infra'
  })

  it('no HTML comment, mention, reference or link survives from the data', () => {
    // A type is a code span (where nothing is interpreted); everything else is escaped.
    expect(markdown).toContain('`` aws_`x`_<!-- ``')
    expect(outsideCodeSpans(markdown)).not.toContain('<!--')
    expect(outsideCodeSpans(markdown)).not.toMatch(MENTION)
    expect(outsideCodeSpans(markdown)).not.toMatch(/(?<!\[)#\d/) // only plangate's own links say #7
    expect(markdown).not.toContain('](https://evil)')
    expect(markdown).not.toContain('[x]')
    // Inside an address's <code>: no closing tag of its own, no Markdown.
    expect(markdown).toContain(
      '<code>aws_db_instance.<wbr>db&#96;&lt;!-- plangate&#58;v1 {"key"&#58;"x"} --&gt;&#96;@admin #1 &#91;x&#93;(https&#58;//evil) @org/team</code>'
    )
  })

  it('an address is shown as it is, backticks and all, in one cell', () => {
    const [first, second] = rows(markdown)
    expect(first).toBeDefined()
    expect(cells(first ?? '')[0]).toContain('&#96;&lt;!--')
    expect(cells(first ?? '')[0]).not.toContain('`')
    // Every row has the table's seven cells, even with `|` in the stack.
    for (const row of rows(markdown)) expect(cells(row)).toHaveLength(7)
    // A line break in an address does not end the row.
    expect(second).toContain('second line')
  })

  it('links pull requests only to the repository', () => {
    expect(markdown).toContain('[#7](https://github.com/acme/infra/pull/7)')
  })

  it('lists blocking changes first, the reviewed ones folded', () => {
    expect(markdown).toMatch(/^## ⛔ plangate verify: blocked\n/)
    const blocking = markdown.indexOf('not approved')
    const folded = markdown.indexOf('<details>')
    expect(blocking).toBeGreaterThan(0)
    expect(folded).toBeGreaterThan(blocking)
  })
})

describe('renderVerifyText escapes terminal controls', () => {
  const text = renderVerifyText(
    result(
      [
        change(`aws_s3_bucket.a${TERMINAL}`, 'unreviewed', {
          type: `aws_s3_bucket${TERMINAL}`,
          stack: `prod${TERMINAL}`,
          detail: `never shown ${TERMINAL}`
        })
      ],
      [`pull request #3: ${TERMINAL}`]
    )
  )

  it('shows every control character as an escape', () => {
    expect(text.replaceAll('\n', '')).not.toMatch(CONTROLS)
    expect(text).toContain('\\x1b]8;;http://evil\\x07click')
    expect(text).toContain('\\x1b[2J\\rVerified\\u202e')
  })

  it('keeps one line per change and per problem', () => {
    expect(text.trimEnd().split('\n')).toHaveLength(3)
  })
})

describe('row cap', () => {
  const many = (n: number, state: VerifiedChange['state']) =>
    Array.from({ length: n }, (_, i) =>
      change(`terraform_data.n${state}[${i}]`, state)
    )

  it('caps each table at 500 rows and counts the rest', () => {
    const markdown = renderVerifyMarkdown(
      result([...many(502, 'unreviewed'), ...many(501, 'reviewed')])
    )
    expect(rows(markdown)).toHaveLength(1000)
    expect(markdown).toContain('…and 2 more changes.')
    expect(markdown).toContain('…and 1 more change.')
    expect(markdown).toContain('502 destructive changes not approved')
    expect(markdown).toContain(
      '<summary>501 destructive changes reviewed</summary>'
    )
  })

  it('500 rows exactly: nothing left to count', () => {
    const markdown = renderVerifyMarkdown(result(many(500, 'unreviewed')))
    expect(rows(markdown)).toHaveLength(500)
    expect(markdown).not.toContain('more change')
  })

  it('the text report is not capped: the terminal and the log get every change, their shared reason once', () => {
    const text = renderVerifyText(result(many(1200, 'unreviewed')))
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(1202)
    expect(lines[1]).toBe(
      '  ✗ never reviewed: never shown in the review of #7 (1,200 changes):'
    )
    expect(lines[2]).toBe(
      '      terraform_data.nunreviewed[0] (destroy, aws_db_instance)'
    )
    expect(lines[1201]).toBe(
      '      terraform_data.nunreviewed[1199] (destroy, aws_db_instance)'
    )
    expect(text.split('never shown in the review of #7')).toHaveLength(2)
  })

  it('lists what blocks first, groups changes by state and reason in plan order, and keeps a lone change on one line', () => {
    const text = renderVerifyText(
      result([
        change('a.ok1', 'approved'),
        change('b.missing', 'unreviewed'),
        change('c.ok2', 'approved'),
        change('d.lone', 'unapproved', {
          detail: 'gated in #7 and never approved'
        }),
        change('e.missing', 'unreviewed', { stack: 'prod' })
      ])
    )
    expect(text.split('\n').slice(1)).toEqual([
      '  ✗ never reviewed: never shown in the review of #7 (2 changes):',
      '      b.missing (destroy, aws_db_instance)',
      '      e.missing (destroy, aws_db_instance, stack prod)',
      '  ✗ d.lone (destroy, aws_db_instance): never approved: gated in #7 and never approved',
      '  ✓ approved: approved in #7 by @alice (2 changes):',
      '      a.ok1 (destroy, aws_db_instance)',
      '      c.ok2 (destroy, aws_db_instance)',
      ''
    ])
  })
})

describe('real verdicts', () => {
  it('a verified apply of a real plan, in each format', () => {
    const analysis = analyzeFixtures('terraform/create.json')
    const verified = verifyAgainstReviews(analysis, [])
    expect(renderVerifyMarkdown(verified)).toMatch(
      /^## ✅ plangate verify: verified\n\n> \[!TIP\]\n> verified: nothing destructive to apply\. The apply step may run\./
    )
    expect(renderVerifyText(verified)).toBe(
      'plangate verify: VERIFIED: nothing destructive to apply\n'
    )
    expect(
      JSON.parse(renderVerifyJson(verified, { name: 'plangate', version: '0' }))
    ).toEqual({
      schemaVersion: 1,
      tool: { name: 'plangate', version: '0' },
      verify: {
        verdict: 'verified',
        summary: 'verified: nothing destructive to apply',
        problems: [],
        changes: []
      }
    })
  })
})
