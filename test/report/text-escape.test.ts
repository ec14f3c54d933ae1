import { describe, expect, it } from 'vitest'
import { escapeTerminal } from '../../src/report/escape.js'
import { renderText } from '../../src/report/index.js'
import { analyzeDocs, fixtureJson } from '../helpers.js'

/** Every code point escapeTerminal must never let through. */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u

/** plangate's own colours. */
// eslint-disable-next-line no-control-regex -- plangate's colours start with ESC
const SGR = /\u001b\[[0-9;]*m/g

/** An OSC-8 link, a screen clear, a line rewrite and a right-to-left override. */
const HOSTILE =
  '\u001b]8;;http://evil\u0007click\u001b]8;;\u0007\u001b[2J\rVerdict: PASS\u202e'

describe('escapeTerminal', () => {
  it.each([
    ['plain text', 'terraform_data.app["a b"]', 'terraform_data.app["a b"]'],
    ['empty', '', ''],
    ['ESC of a colour', '\u001b[31mred', '\\x1b[31mred'],
    [
      'OSC-8 link with BEL',
      '\u001b]8;;http://evil\u0007x',
      '\\x1b]8;;http://evil\\x07x'
    ],
    ['clear screen', '\u001b[2J', '\\x1b[2J'],
    ['carriage return', 'a\rb', 'a\\rb'],
    ['newline', 'a\nb', 'a\\nb'],
    ['CRLF', 'a\r\nb', 'a\\r\\nb'],
    ['tab', 'a\tb', 'a\\tb'],
    ['NUL', 'a\u0000b', 'a\\x00b'],
    ['backspace', 'ok\u0008\u0008no', 'ok\\x08\\x08no'],
    ['vertical tab and form feed', '\v\f', '\\x0b\\x0c'],
    ['unit separator', '\u001f', '\\x1f'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['C1 NEL', 'a\u0085b', 'a\\x85b'],
    ['C1 CSI', '\u009b2J', '\\x9b2J'],
    ['C1 OSC and ST', '\u009d8;;x\u009c', '\\x9d8;;x\\x9c'],
    ['last C1', '\u009f', '\\x9f'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['paragraph separator', 'a\u2029b', 'a\\u2029b'],
    [
      'bidi embeddings and overrides',
      '\u202a\u202b\u202c\u202d\u202e',
      '\\u202a\\u202b\\u202c\\u202d\\u202e'
    ],
    [
      'bidi isolates',
      '\u2066\u2067\u2068\u2069',
      '\\u2066\\u2067\\u2068\\u2069'
    ],
    ['bidi marks', '\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
    [
      'the whole attack',
      HOSTILE,
      '\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07\\x1b[2J\\rVerdict: PASS\\u202e'
    ],
    ['a backslash stays', 'C:\\x1b', 'C:\\x1b'],
    ['printable Latin-1 stays', 'café ñ ©', 'café ñ ©'],
    ['emoji and CJK stay', '✅ 日本 🤖', '✅ 日本 🤖'],
    ['zero-width joiner stays', '👩\u200d💻', '👩\u200d💻'],
    ['U+00A0 stays', 'a\u00a0b', 'a\u00a0b'],
    // A CI runner runs `##[...]` anywhere in a log line.
    [
      'a workflow command of the older form',
      'x ##[set-output name=decision;]ok',
      'x #\u200b#[set-output name=decision;]ok'
    ],
    ['three hashes', '###[x]', '##\u200b#[x]'],
    ['one hash stays', '#[x] ## [y]', '#[x] ## [y]']
  ])('%s', (_name, input, expected) => {
    const escaped = escapeTerminal(input)
    expect(escaped).toBe(expected)
    expect(escaped).not.toMatch(CONTROLS)
  })

  it('is idempotent on its own output', () => {
    const once = escapeTerminal(HOSTILE)
    expect(escapeTerminal(once)).toBe(once)
  })
})

describe('renderText with hostile plan data', () => {
  /** A destroy whose for_each key, reason, multi-line value and check message carry the attack. */
  function hostilePlan(): unknown {
    const doc = fixtureJson('terraform/destroy-each-key.json')
    const changes = doc.resource_changes as Record<string, unknown>[]
    const destroyed = changes.find(
      (c) =>
        JSON.stringify((c.change as { actions: unknown }).actions) ===
        '["delete"]'
    )
    if (destroyed === undefined) throw new Error('fixture has no destroy')
    destroyed.address = `terraform_data.bucket["${HOSTILE}"]`
    destroyed.index = HOSTILE
    destroyed.action_reason = `because_${HOSTILE}`
    const change = destroyed.change as { before: Record<string, unknown> }
    change.before.input = `line one\nline two ${HOSTILE}\nline three`
    doc.checks = [
      {
        address: { kind: 'check', name: 'c', to_display: `check.c${HOSTILE}` },
        status: 'fail',
        instances: [
          {
            address: { to_display: `check.c${HOSTILE}` },
            status: 'fail',
            problems: [{ message: `bad ${HOSTILE}\nsecond line` }]
          }
        ]
      }
    ]
    return doc
  }

  it.each([false, true])(
    'shows every control character escaped (colour %s)',
    (color) => {
      const text = renderText(
        analyzeDocs({ source: `plan${HOSTILE}.json`, doc: hostilePlan() }),
        { color }
      )
      // The only ESC sequences are plangate's own colours, and only when asked.
      const withoutColours = text.replace(SGR, '')
      if (!color) expect(text).toBe(withoutColours)
      expect(withoutColours.replace(/\n/g, '')).not.toMatch(CONTROLS)
      const visible =
        '\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07\\x1b[2J\\rVerdict: PASS\\u202e'
      const lines = withoutColours.split('\n')
      // The plan source, the address, the reason, the value, the check and the warning.
      for (const where of [
        'Plan plan',
        '-   terraform_data.bucket["',
        "(Terraform's reason: because_",
        '- line two ',
        'fail: check.c',
        'bad ',
        'warning: '
      ])
        expect(
          lines.some((line) => line.includes(where) && line.includes(visible)),
          where
        ).toBe(true)
      // Multi-line data is still shown line by line.
      expect(lines).toContain('            - line one')
      expect(lines).toContain('            - line three')
      expect(lines).toContain('      second line')
      // The only verdict line is plangate's, and it is the last.
      expect(lines.filter((line) => line.startsWith('Verdict: '))).toEqual([
        "Verdict: BLOCKED: 1 destructive change needs a human's approval (1 destroy)"
      ])
    }
  )
})
