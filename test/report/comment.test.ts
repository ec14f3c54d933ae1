import { describe, expect, it } from 'vitest'
import {
  APPROVE_COMMAND,
  describeStatus,
  encodeMarker,
  errorStatus,
  MAX_COMMENT_CHARS,
  MAX_STATUS_DESCRIPTION,
  parseMarker,
  readAudit,
  renderComment,
  reviewHeadline,
  rewriteAudit
} from '../../src/report/index.js'
import { analyzeFixtures } from '../helpers.js'

const HEAD = '0123456789abcdef0123456789abcdef01234567'

describe('comment marker', () => {
  it('round-trips on the first line', () => {
    const marker = {
      context: 'plangate/main',
      head: HEAD,
      digest: 'abcdef0123456789'
    }
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

describe('renderComment', () => {
  const blocked = analyzeFixtures('terraform/kitchen-sink.json')

  it('leads with the verdict, the gated changes and the exact approval command', () => {
    const { body } = renderComment(blocked, {
      state: 'blocked',
      statusContext: 'plangate/main',
      headSha: HEAD,
      digest: 'abcdef0123456789',
      runUrl: 'https://github.com/acme/infra/actions/runs/1'
    })
    const lines = body.split('\n')
    expect(parseMarker(body)).toEqual({
      context: 'plangate/main',
      head: HEAD,
      digest: 'abcdef0123456789'
    })
    expect(lines[1]).toMatch(
      /^## ⛔ plangate: \d+ destructive changes? needs? approval$/
    )
    expect(body).toContain(`${APPROVE_COMMAND} abcdef0123456789`)
    expect(body.indexOf('#### Needs approval')).toBeLessThan(
      body.indexOf('Full report')
    )
    expect(body.indexOf(APPROVE_COMMAND)).toBeLessThan(
      body.indexOf('Full report')
    )
    for (const gated of blocked.decision.gated)
      expect(body).toContain(gated.address)
  })

  it('offers no command when nothing is gated', () => {
    const { body } = renderComment(analyzeFixtures('terraform/update.json'), {
      state: 'pass',
      statusContext: 'plangate/main',
      headSha: HEAD,
      digest: ''
    })
    expect(body.split('\n')[1]).toBe('## ✅ plangate: no destructive changes')
    expect(body).not.toContain(APPROVE_COMMAND)
  })

  it('stays under the size limit and keeps every destructive address', () => {
    const { body, tier } = renderComment(blocked, {
      state: 'blocked',
      statusContext: 'plangate/main',
      headSha: HEAD,
      digest: 'abcdef0123456789',
      maxChars: 6_000
    })
    expect(body.length).toBeLessThanOrEqual(6_000)
    expect(tier).not.toBe('full')
    for (const plan of blocked.plans)
      for (const change of plan.changes)
        if (change.destructive) expect(body).toContain(change.name)
    expect(body).toContain('/approve-destroy abcdef0123456789')
  })

  it('uses the default limit of MAX_COMMENT_CHARS', () => {
    const { body } = renderComment(blocked, {
      state: 'blocked',
      statusContext: 'plangate/main',
      headSha: HEAD,
      digest: 'abcdef0123456789'
    })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
  })
})

describe('commit status descriptions', () => {
  const blocked = analyzeFixtures('terraform/kitchen-sink.json')

  it('blocks with failure and names the digest', () => {
    const status = describeStatus(blocked, 'blocked', 'abcdef0123456789')
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
      describeStatus(blocked, 'approved', 'abcdef0123456789', ['alice'])
        .description
    ).toContain('approved by @alice')
    expect(
      describeStatus(blocked, 'rejected', 'abcdef0123456789', ['bob']).state
    ).toBe('failure')
    expect(describeStatus(blocked, 'incomplete', '').state).toBe('failure')
  })

  it('never exceeds 140 characters', () => {
    const many = Array.from(
      { length: 30 },
      (_, i) => `reviewer-with-a-long-login-${i}`
    )
    expect(
      describeStatus(blocked, 'approved', 'abcdef0123456789', many).description
        .length
    ).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION)
    const error = errorStatus('x'.repeat(500))
    expect(error.state).toBe('error')
    expect(error.description.length).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION)
    expect(
      errorStatus('🔥'.repeat(200)).description.length
    ).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION)
  })
})

describe('audit lines', () => {
  const analysis = analyzeFixtures('terraform/kitchen-sink.json')
  const rendered = renderComment(analysis, {
    state: 'blocked',
    statusContext: 'plangate/main',
    headSha: HEAD,
    digest: 'abcdef0123456789',
    audit: ['first line']
  }).body

  it('are read back and rewritten without touching the report', () => {
    expect(readAudit(rendered)).toEqual(['first line'])
    const rewritten = rewriteAudit(rendered, reviewHeadline('approved', 3), [
      '✅ Approved by @alice',
      'second'
    ])
    expect(rewritten).toBeDefined()
    expect(rewritten?.split('\n')[1]).toBe(
      '## ✅ plangate: 3 destructive changes approved'
    )
    // Rendered with defused mentions, read back as written.
    expect(rewritten).toContain('> ✅ Approved by @\u200balice')
    expect(readAudit(rewritten ?? '')).toEqual([
      '✅ Approved by @alice',
      'second'
    ])
    const tail = (body: string): string =>
      body.slice(body.indexOf('#### Needs approval'))
    expect(tail(rewritten ?? '')).toBe(tail(rendered))
    expect(parseMarker(rewritten ?? '')).toEqual(parseMarker(rendered))
  })

  it('cannot be rewritten in a body without an audit block', () => {
    expect(
      rewriteAudit('<!-- x -->\n## y\nno block\n', '## z', [])
    ).toBeUndefined()
  })
})
