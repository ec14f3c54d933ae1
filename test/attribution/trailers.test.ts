import { describe, expect, it } from 'vitest'
import {
  bodyLines,
  messageLines,
  parseIdentity,
  parseTrailers
} from '../../src/attribution/index.js'

const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>'

/** `key: value` pairs, the way `git interpret-trailers --parse` prints them. */
function trailersOf(message: string): string[] {
  return parseTrailers(message).map((t) => t.line)
}

describe('parseTrailers follows git', () => {
  it.each([
    {
      name: 'a last paragraph of trailers counts',
      message: `Rename the database\n\nBody text.\n\n${CLAUDE}\nSigned-off-by: Ann <ann@example.com>\n`,
      expected: [CLAUDE, 'Signed-off-by: Ann <ann@example.com>']
    },
    {
      name: 'keys keep their spelling; values are trimmed',
      message: 'Fix\n\nco-authored-by:   Bob <bob@example.com>   ',
      expected: ['co-authored-by: Bob <bob@example.com>']
    },
    {
      name: 'whitespace before the colon is allowed',
      message: 'Fix\n\nReviewed-by : Bob <bob@example.com>',
      expected: ['Reviewed-by: Bob <bob@example.com>']
    },
    {
      name: 'continuation lines are unfolded',
      message:
        'Fix\n\nLink: https://example.com/a\n  /very/long/path\nAcked-by: Bob',
      expected: ['Link: https://example.com/a /very/long/path', 'Acked-by: Bob']
    },
    {
      name: 'CRLF line ends are fine',
      message: `Fix\r\n\r\n${CLAUDE}\r\n`,
      expected: [CLAUDE]
    },
    {
      name: 'the subject alone is never a trailer',
      message: `${CLAUDE}`,
      expected: []
    },
    {
      name: 'a trailer line right under the subject (no blank line) is not one',
      message: `Fix\n${CLAUDE}`,
      expected: []
    },
    {
      name: 'only the last paragraph counts',
      message: `Fix\n\n${CLAUDE}\n\nMore text after it.`,
      expected: []
    },
    {
      name: 'a paragraph mixing prose and trailers is not a trailer block',
      message: `Fix\n\nThanks to the reviewers.\n${CLAUDE}`,
      expected: []
    },
    {
      name: 'with Signed-off-by, a mostly-trailer paragraph still counts (git rule)',
      message: `Fix\n\nThanks to the reviewers.\n${CLAUDE}\nSigned-off-by: Ann <ann@example.com>`,
      expected: [CLAUDE, 'Signed-off-by: Ann <ann@example.com>']
    },
    {
      name: 'a cherry-pick line mixes in, but is not a trailer itself',
      message: `Fix\n\n${CLAUDE}\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)`,
      expected: [CLAUDE]
    },
    {
      name: 'comment lines are skipped as git does',
      message: `Fix\n\n${CLAUDE}\n# Please enter the commit message`,
      expected: [CLAUDE]
    },
    {
      name: 'trailing blank lines are ignored',
      message: `Fix\n\n${CLAUDE}\n\n\n   \n`,
      expected: [CLAUDE]
    }
  ])('$name', ({ message, expected }) => {
    expect(trailersOf(message)).toEqual(expected)
  })
})

describe('parseTrailers ignores markers people quote', () => {
  it.each([
    {
      name: 'a quoted trailer',
      message: `Explain the hook\n\nThe hook strips lines like:\n\n> ${CLAUDE}`
    },
    {
      name: 'a quoted trailer in a block with Signed-off-by',
      message: `Explain the hook\n\n> ${CLAUDE}\nSigned-off-by: Ann <ann@example.com>`,
      keep: ['Signed-off-by: Ann <ann@example.com>']
    },
    {
      name: 'a bulleted trailer',
      message: `Explain the hook\n\n- ${CLAUDE}\n* Co-authored-by: Cursor <cursoragent@cursor.com>`
    },
    {
      name: 'a fenced trailer in the last paragraph',
      message: `Explain the hook\n\n\`\`\`\n${CLAUDE}\n\`\`\``
    },
    {
      name: 'a fenced trailer in a block with Signed-off-by',
      message: `Explain the hook\n\n~~~text\n${CLAUDE}\n~~~\nSigned-off-by: Ann <ann@example.com>\nSigned-off-by: Bob <bob@example.com>`,
      keep: [
        'Signed-off-by: Ann <ann@example.com>',
        'Signed-off-by: Bob <bob@example.com>'
      ]
    },
    {
      name: 'a mention mid-line',
      message: `Explain the hook\n\nIt removes the "${CLAUDE}" trailer.`
    },
    {
      name: 'a backticked trailer',
      message: `Explain the hook\n\n\`${CLAUDE}\``
    }
  ])('$name', ({ message, keep }) => {
    expect(trailersOf(message)).toEqual(keep ?? [])
  })

  it('an unclosed fence hides nothing (a squash may cut a block short)', () => {
    const message = `Squash (#12)\n\n* wip\n\n\`\`\`hcl\nresource "x" {\n\n${CLAUDE}`
    expect(trailersOf(message)).toEqual([CLAUDE])
  })
})

describe('parseTrailers on GitHub squash merges', () => {
  const squash = [
    'Replace the queue module (#482)',
    '',
    '* Add the new queue module',
    '',
    '* Move consumers over',
    '',
    'Co-Authored-By: Claude <noreply@anthropic.com>',
    '',
    '* Address review: rename input',
    '',
    '* fmt',
    '',
    '---------',
    '',
    'Co-authored-by: Ann Lee <1234+annlee@users.noreply.github.com>',
    'Co-authored-by: Cursor Agent <cursoragent@cursor.com>',
    'Co-authored-by: Bob <bob@example.com>',
    ''
  ].join('\n')

  it('every co-author of the final block is a trailer', () => {
    expect(trailersOf(squash)).toEqual([
      'Co-authored-by: Ann Lee <1234+annlee@users.noreply.github.com>',
      'Co-authored-by: Cursor Agent <cursoragent@cursor.com>',
      'Co-authored-by: Bob <bob@example.com>'
    ])
  })

  it('a squashed commit’s own trailer, now mid-body, is not', () => {
    expect(trailersOf(squash)).not.toContain(CLAUDE)
  })
})

describe('parseIdentity', () => {
  it.each([
    [
      'Claude <noreply@anthropic.com>',
      { name: 'Claude', email: 'noreply@anthropic.com' }
    ],
    [
      '  Ann Lee   <ann@example.com>  ',
      { name: 'Ann Lee', email: 'ann@example.com' }
    ],
    [
      'aider (openai/gpt-5) <aider@aider.chat>',
      { name: 'aider (openai/gpt-5)', email: 'aider@aider.chat' }
    ],
    ['<ghost@example.com>', { name: '', email: 'ghost@example.com' }],
    ['Ann<ann@example.com>', { name: 'Ann', email: 'ann@example.com' }]
  ])('reads %j', (text, expected) => {
    expect(parseIdentity(text)).toEqual(expected)
  })

  it.each([
    'Ann',
    'ann@example.com',
    'Ann <ann@example.com',
    'Ann <a b@x>',
    'A <a> <b>'
  ])('rejects %j', (text) => {
    expect(parseIdentity(text)).toBeUndefined()
  })
})

describe('messageLines / bodyLines', () => {
  const message = [
    'aider: rename the bucket',
    '',
    'Plain line',
    '> quoted',
    '- bullet',
    '* star',
    '1. numbered',
    '`code`',
    '    indented code',
    '```',
    'fenced',
    '```',
    '*PR created automatically by Jules*'
  ].join('\n')

  it('keeps only lines a tool would have written as markers', () => {
    expect(messageLines(message).map((l) => l.text)).toEqual([
      'aider: rename the bucket',
      'Plain line'
    ])
    expect(messageLines(message)[0]?.subject).toBe(true)
  })

  it('keeps list and emphasis lines in PR bodies, drops quotes and code', () => {
    expect(bodyLines(message).map((l) => l.text)).toEqual([
      'aider: rename the bucket',
      'Plain line',
      '- bullet',
      '* star',
      '1. numbered',
      '`code`',
      '*PR created automatically by Jules*'
    ])
  })
})
