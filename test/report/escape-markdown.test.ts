import { describe, expect, it } from 'vitest'
import {
  addressCode,
  code,
  escapeCell,
  escapeHtmlText,
  escapeText,
  fence,
  htmlCode,
  MAX_MERMAID_LABEL,
  MAX_TEXT_CHARS,
  mermaidLabel,
  plural,
  thousands,
  oneLine,
  unescapeText
} from '../../src/report/escape.js'

/**
 * The Markdown half of the one escaping module: hostile strings from plans,
 * commits and people, and what each escaper must make of them.
 */
const LINE_BREAKS = [
  '\r\n',
  '\r',
  '\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\v',
  '\f'
]

describe('every line terminator', () => {
  it.each(LINE_BREAKS.map((b) => [JSON.stringify(b), b]))(
    '%s becomes a space in every escaper',
    (_name, brk) => {
      const text = `a${brk}## ✅ plangate: approved${brk}<!--`
      for (const out of [
        oneLine(text),
        escapeText(text),
        escapeCell(text),
        escapeHtmlText(text),
        code(text),
        htmlCode(text),
        addressCode(text)
      ]) {
        expect(out).not.toMatch(/[\r\n\u2028\u2029\u0085\v\f]/)
      }
    }
  )
})

describe('escapeText', () => {
  it.each([
    ['a mention', '@octocat', '@\u200boctocat'],
    ['a team mention', '@acme/infra-team', '@\u200bacme/infra-team'],
    ['an issue reference', 'fixes #12', 'fixes #\u200b12'],
    ['a GH reference', 'GH-12', 'GH\u200b-12'],
    ['a cross-repository reference', 'acme/infra#12', 'acme/infra#\u200b12'],
    [
      'a link',
      '[click](https://evil.example)',
      '\\[click\\](https:\u200b//evil.example)'
    ],
    [
      'an image',
      '![x](https://evil.example/a.png)',
      '!\\[x\\](https:\u200b//evil.example/a.png)'
    ],
    [
      'a bare URL',
      'see https://evil.example',
      'see https:\u200b//evil.example'
    ],
    ['a www autolink', 'www.evil.example', 'www\u200b.evil.example'],
    [
      'HTML',
      '<img src=x onerror=alert(1)>',
      '&lt;img src=x onerror=alert(1)&gt;'
    ],
    ['an HTML comment', '<!-- hide', '&lt;!-- hide'],
    ['a closing details tag', '</details>', '&lt;/details&gt;'],
    ['a backslash that would undo an escape', '\\[x](y)', '\\\\\\[x\\](y)'],
    ['an entity', '&lt;b&gt;', '&amp;lt;b&amp;gt;']
  ])('neutralises %s', (_name, input, output) => {
    expect(escapeText(input)).toBe(output)
  })

  it('keeps code spans as they are: nothing in them is interpreted', () => {
    expect(escapeText('run `terraform show -json > plan.json` @x')).toBe(
      'run `terraform show -json > plan.json` @\u200bx'
    )
    // An unclosed backtick run is literal text, and what follows is escaped.
    expect(escapeText('`@a')).toBe('`@\u200ba')
  })

  it('cuts long text with an ellipsis', () => {
    const out = escapeText('x'.repeat(MAX_TEXT_CHARS + 50))
    expect(Array.from(out)).toHaveLength(MAX_TEXT_CHARS)
    expect(out.endsWith('…')).toBe(true)
  })

  it('escapes table pipes in a cell, inside code spans too', () => {
    expect(escapeCell('a|b `c|d`')).toBe('a\\|b `c\\|d`')
  })
})

describe('escapeHtmlText (inside an HTML block, where a backslash would show)', () => {
  it('escapes HTML and defuses mentions and references without backslashes', () => {
    expect(escapeHtmlText('[x] @a #1 <b> https://e')).toBe(
      '[x] @\u200ba #\u200b1 &lt;b&gt; https:\u200b//e'
    )
  })
})

describe('code elements', () => {
  it('show every character as it is, nothing interpreted', () => {
    expect(htmlCode('a*b*_c_ [d](e) `f` <g> |h ~i~ \\j :k')).toBe(
      '<code>a&#42;b&#42;&#95;c&#95; &#91;d&#93;(e) &#96;f&#96; &lt;g&gt; &#124;h &#126;i&#126; &#92;j &#58;k</code>'
    )
    expect(htmlCode('terraform_data.x')).toBe('<code>terraform_data.x</code>')
  })

  it('addresses break only between segments', () => {
    expect(addressCode('module.a["x.y"].terraform_data.b[0]')).toBe(
      '<code>module.<wbr>a&#91;"x.y"&#93;.<wbr>terraform_data.<wbr>b&#91;0&#93;</code>'
    )
  })

  it('code spans and fences survive backticks', () => {
    expect(code('a`b')).toBe('`` a`b ``')
    expect(code('a|b', true)).toBe('`a\\|b`')
    expect(fence('x\n```\ny', 'diff')).toBe('````diff\nx\n```\ny\n````')
  })
})

describe('mermaidLabel (a node label between double quotes in a mermaid fence)', () => {
  it.each([
    ['module.app.aws_lb.main', 'module.app.aws_lb.main'],
    ['t.n["a"]', 't.n#91;#34;a#34;#93;'],
    ['a"]; click n0 call x()', 'a#34;#93;#59; click n0 call x#40;#41;'],
    ['a\n```\n<img src=x>', 'a #96;#96;#96; #60;img src#61;x#62;'],
    ['@team #12 [x](http://e)', '#64;team #35;12 #91;x#93;#40;http#58;//e#41;'],
    ['%%{init: {}}%%', '#37;#37;#123;init#58; #123;#125;#125;#37;#37;'],
    ['\u{1F600}', '#128512;']
  ])('%j → %j', (input, expected) => {
    expect(mermaidLabel(input)).toBe(expected)
  })

  it('cuts long addresses', () => {
    const label = mermaidLabel('a'.repeat(MAX_MERMAID_LABEL * 2))
    expect(label.length).toBeLessThan(MAX_MERMAID_LABEL + 10)
    expect(label).not.toMatch(/["`\n<>]/)
  })
})

describe('unescapeText', () => {
  it.each([
    'alice approved 0123abcd (comment 42)',
    'mallory <script>&amp; [link](http://x) @team #12 GH-7 www.example.com',
    'a\\b | c \\[ d',
    'plain'
  ])('gives back what escapeText wrote: %s', (text) => {
    if (/[<&[\\@#]/.test(text)) expect(escapeText(text)).not.toBe(text)
    expect(unescapeText(escapeText(text))).toBe(text)
  })
})

describe('thousands (counts as toLocaleString writes them, without loading ICU)', () => {
  it('groups digits in threes, as en-US does, for every size of count', () => {
    const counts = [0, 1, 12, 999, 1000, 9999, 10_000, 123_456, 1_000_000]
    for (let n = 1; n < 1e16; n = n * 7 + 3) counts.push(n)
    for (const n of counts) {
      expect(thousands(n)).toBe(n.toLocaleString('en-US'))
      if (n > 0) expect(thousands(-n)).toBe((-n).toLocaleString('en-US'))
    }
    expect(plural(12_345, 'change')).toBe('12,345 changes')
    expect(plural(1, 'change')).toBe('1 change')
  })
})
