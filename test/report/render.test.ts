import { describe, expect, it } from 'vitest'
import {
  localView,
  MAX_COMMENT_CHARS,
  renderComment,
  renderJson,
  renderMarkdown,
  renderSummary,
  renderText
} from '../../src/report/index.js'
import { code, fence } from '../../src/report/escape.js'
import { analyzeDocs, analyzeFixtures, fixtureJson } from '../helpers.js'
import { addressesInTrees, namedAddresses } from '../support/address-tree.js'

const TOOL = { name: 'plangate', version: '0.0.0-test' } as const
const SNAPSHOT_FIXTURES = [
  'terraform/kitchen-sink.json',
  'terraform/multiline.json',
  'terraform/deposed.json',
  'terraform/errored.json',
  'terraform/refresh-only.json'
]

describe('renderers', () => {
  it.each(SNAPSHOT_FIXTURES)('text: %s', (name) => {
    expect(
      renderText(analyzeFixtures(name), { color: false })
    ).toMatchSnapshot()
  })

  it.each(SNAPSHOT_FIXTURES)('markdown: %s', (name) => {
    const analysis = analyzeFixtures(name)
    expect(renderMarkdown(analysis).tier).toBe('full')
    expect(renderSummary(analysis, localView(analysis))).toMatchSnapshot()
  })

  it('json: kitchen-sink', () => {
    expect(
      renderJson(analyzeFixtures('terraform/kitchen-sink.json'), TOOL)
    ).toMatchSnapshot()
  })

  it('json: the documented top-level shape', () => {
    const report = JSON.parse(
      renderJson(
        analyzeFixtures('terraform/kitchen-sink.json', 'terraform/update.json'),
        TOOL
      )
    ) as Record<string, unknown>
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'tool',
      'decision',
      'summary',
      'plans',
      'warnings'
    ])
    expect(report.schemaVersion).toBe(1)
    expect(report.decision).toMatchObject({
      verdict: 'blocked',
      gated: expect.any(Array) as unknown
    })
    const plans = report.plans as Record<string, unknown>[]
    expect(plans.map((p) => p.source)).toEqual([
      'terraform/kitchen-sink.json',
      'terraform/update.json'
    ])
    expect(Object.keys(plans[0] ?? {})).toEqual([
      'source',
      'format',
      'formatVersion',
      'toolVersion',
      'mode',
      'targeted',
      'summary',
      'changes',
      'drift',
      'outputs',
      'checks',
      'warnings'
    ])
  })

  it('text: colour only when asked', () => {
    const analysis = analyzeFixtures('terraform/kitchen-sink.json')
    expect(renderText(analysis, { color: false })).not.toContain('\u001b[')
    expect(renderText(analysis, { color: true })).toContain('\u001b[31m')
  })

  it('text and markdown: destructive changes come first', () => {
    const analysis = analyzeFixtures('terraform/kitchen-sink.json')
    const text = renderText(analysis, { color: false })
    const order = [
      'Destroy (3)',
      'Replace (2)',
      'Forget',
      'Update in place (4)',
      'Create (2)',
      'Move or import only (2)'
    ]
    const positions = order.map((title) => text.indexOf(`  ${title}`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    const markdown = renderSummary(analysis, localView(analysis))
    expect(markdown.indexOf('### Gated changes (5)')).toBeGreaterThan(-1)
    expect(markdown.indexOf('### Gated changes (5)')).toBeLessThan(
      markdown.indexOf('#### `terraform/kitchen-sink.json`: every change')
    )
  })

  it('diffs multi-line strings line by line', () => {
    const markdown = renderMarkdown(
      analyzeFixtures('terraform/multiline.json')
    ).markdown
    expect(markdown).toMatch(/input = <<-EOT/)
    // The sign in the first column, where GitHub's diff colouring sees it.
    expect(markdown).toMatch(/\n- {4}[^\n]+\n/)
    expect(markdown).toMatch(/\n\+ {4}[^\n]+\n/)
  })
})

/** A real plan scaled up: every change of nested-modules.json copied `copies` times. */
function bigAnalysis(copies: number): ReturnType<typeof analyzeDocs> {
  const doc = fixtureJson('terraform/nested-modules.json')
  const base = doc.resource_changes as Record<string, unknown>[]
  const changes: Record<string, unknown>[] = []
  for (let i = 0; i < copies; i++) {
    for (const entry of base) {
      changes.push({
        ...entry,
        address: `module.copy[${i}].${String(entry.address)}`,
        module_address: `module.copy[${i}]`
      })
    }
  }
  doc.resource_changes = changes
  return analyzeDocs({ source: 'big.json', doc })
}

describe('markdown size tiers', () => {
  it('never exceeds the limit, walking down the tiers as the plan grows', () => {
    const tiers: string[] = []
    for (const copies of [1, 20, 80, 300]) {
      const report = renderMarkdown(bigAnalysis(copies))
      expect(report.markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
      if (report.tier !== 'full')
        expect(report.markdown).toContain('Shortened:')
      tiers.push(report.tier)
    }
    expect(tiers[0]).toBe('full')
    expect(new Set(tiers).size).toBeGreaterThan(2)
  })

  it('says how many outputs change when the list tier leaves their values out', () => {
    const doc = fixtureJson('terraform/update.json')
    doc.output_changes = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [
        `out_${i}`,
        {
          actions: ['update'],
          before: `a${i}`,
          after: `b${i}`,
          after_unknown: false,
          before_sensitive: false,
          after_sensitive: false
        }
      ])
    )
    const report = renderMarkdown(analyzeDocs({ source: 'outputs.json', doc }))
    expect(report.tier).toBe('list')
    // Was: no word of the outputs at all.
    expect(report.markdown).toContain(
      '- Outputs: 20,000 changes (values left out to fit)'
    )
  })

  it('the job summary names every destructive address, whatever the size', () => {
    for (const copies of [1, 20, 300]) {
      const analysis = bigAnalysis(copies)
      const summary = renderSummary(analysis, localView(analysis))
      expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1_000_000)
      const named = namedAddresses(summary)
      for (const change of analysis.plans[0]?.changes ?? [])
        if (change.destructive) expect(named).toContain(change.address)
    }
  })

  it('folds instances when even a tree is too long, integer keys as runs', () => {
    const doc = fixtureJson('terraform/destroy-count-index.json')
    const [noop, destroyed] = doc.resource_changes as Record<string, unknown>[]
    const changes: Record<string, unknown>[] = [noop ?? {}]
    for (let i = 1; i < 3_000; i++) {
      if (i === 1_500) continue
      changes.push({
        ...destroyed,
        address: `terraform_data.node[${i}]`,
        index: i
      })
    }
    doc.resource_changes = changes
    const analysis = analyzeDocs({ source: 'many.json', doc })
    const comment = renderComment(analysis, {
      state: 'blocked',
      statusContext: 'plangate/main',
      headSha: '0'.repeat(40),
      digest: '0123456789abcdef'
    })
    expect(comment.listTier).toBe('folded')
    expect(comment.hidden).toBe(0)
    expect(comment.body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(comment.body).toContain(
      '-   terraform_data.node[1…1499, 1501…2999] (2,998)'
    )
  })

  it('writes each module path once in a tree, and every address can be read off it', () => {
    const analysis = bigAnalysis(30)
    const summary = renderSummary(analysis, localView(analysis), {
      maxBytes: 30_000
    })
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(30_000)
    expect(summary).toContain('```text\n')
    const addresses = addressesInTrees(summary).map((a) => a.address)
    const destructive =
      analysis.plans[0]?.changes
        .filter((c) => c.destructive)
        .map((c) => c.address) ?? []
    expect(addresses.sort()).toEqual([...destructive].sort())
  })

  it('cuts a list only as a last resort, and says how much it left out', () => {
    const { body, hidden } = renderComment(bigAnalysis(300), {
      state: 'blocked',
      statusContext: 'plangate/main',
      headSha: '0'.repeat(40),
      digest: '0123456789abcdef',
      maxChars: 5_000
    })
    expect(body.length).toBeLessThanOrEqual(5_000)
    expect(hidden).toBeGreaterThan(0)
    expect(body).toContain(
      `${hidden.toLocaleString('en-US')} destructive addresses are not shown here`
    )
  })
})

describe('markdown escaping', () => {
  it('keeps backticks and pipes inside code spans and fences', () => {
    expect(code('a`b')).toBe('`` a`b ``')
    expect(code('a|b', true)).toBe('`a\\|b`')
    expect(fence('x\n```\ny', 'diff')).toBe('````diff\nx\n```\ny\n````')
  })

  it('keeps plan values inside a fence they cannot close, and out of HTML', () => {
    const doc = fixtureJson('terraform/update.json')
    const [entry] = doc.resource_changes as {
      change: { after: Record<string, unknown> }
    }[]
    if (entry === undefined) throw new Error('fixture has no change')
    const evil = '</details><img src=x onerror=alert(1)> @octocat ```'
    entry.change.after = { ...entry.change.after, input: evil }
    const markdown = renderMarkdown(
      analyzeDocs({ source: 'x.json', doc })
    ).markdown
    const fenced = /^(`{4,})diff\n([\s\S]*?)\n\1$/m.exec(markdown)
    expect(fenced?.[2]).toContain(JSON.stringify(evil))
    expect(markdown.replace(fenced?.[0] ?? '', '')).not.toContain('<img')
  })
})
