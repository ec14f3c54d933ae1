import { describe, expect, it } from 'vitest'
import {
  MAX_COMMENT_CHARS,
  renderJson,
  renderMarkdown,
  renderText
} from '../../src/report/index.js'
import { code, fence } from '../../src/report/markdown.js'
import { analyzeDocs, analyzeFixtures, fixtureJson } from '../helpers.js'

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
    const report = renderMarkdown(analyzeFixtures(name))
    expect(report.tier).toBe('full')
    expect(report.markdown).toMatchSnapshot()
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
    const markdown = renderMarkdown(analysis).markdown
    expect(markdown.indexOf('#### Destructive changes (5)')).toBeLessThan(
      markdown.indexOf('#### Changes')
    )
  })

  it('diffs multi-line strings line by line', () => {
    const markdown = renderMarkdown(
      analyzeFixtures('terraform/multiline.json')
    ).markdown
    expect(markdown).toMatch(/input = <<-EOT/)
    expect(markdown).toMatch(/\n {4}- [^\n]+\n/)
    expect(markdown).toMatch(/\n {4}\+ [^\n]+\n/)
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
  it('never exceeds the limit and lists every destructive address while it can', () => {
    for (const copies of [1, 20, 80, 300]) {
      const analysis = bigAnalysis(copies)
      const report = renderMarkdown(analysis)
      expect(report.markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
      const destructive =
        analysis.plans[0]?.changes.filter((c) => c.destructive) ?? []
      if (report.tier !== 'grouped' && report.tier !== 'clipped') {
        for (const change of destructive)
          expect(report.markdown).toContain(change.address)
      }
      if (report.tier !== 'full')
        expect(report.markdown).toContain('Shortened:')
    }
  })

  it('walks down the tiers as the plan grows', () => {
    const tiers = [1, 20, 80, 300].map(
      (copies) => renderMarkdown(bigAnalysis(copies)).tier
    )
    expect(tiers[0]).toBe('full')
    expect(new Set(tiers).size).toBeGreaterThan(2)
  })

  it('groups instances in the grouped tier, integer keys as runs', () => {
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
    const report = renderMarkdown(analysis)
    expect(report.tier).toBe('grouped')
    expect(report.markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(report.markdown).toContain(
      '-   terraform_data.node[1…1499, 1501…2999] (2998)'
    )
  })

  it('writes each module path once in the grouped tier, and every address can be read off it', () => {
    const analysis = bigAnalysis(30)
    const report = renderMarkdown(analysis, { maxChars: 16_000 })
    expect(report.tier).toBe('grouped')
    const tree = /```text\n([\s\S]*?)\n```/.exec(report.markdown)?.[1] ?? ''
    // Rebuild full addresses from the indented tree.
    const addresses: string[] = []
    const path: string[] = []
    for (const line of tree.split('\n')) {
      const depth = (line.length - line.trimStart().length) / 2
      const text = line.trim()
      path.length = depth
      const resource =
        /^(-\/\+|\+\/-|-)\s+(\S+?)(?:\[(.*)\])?(?: \(\d+\))?$/.exec(text)
      if (resource === null) {
        path.push(text)
        continue
      }
      const keys =
        resource[3] === undefined ? [undefined] : resource[3].split(', ')
      for (const key of keys) {
        const local = key === undefined ? resource[2] : `${resource[2]}[${key}]`
        addresses.push([...path, local].join('.'))
      }
    }
    const destructive =
      analysis.plans[0]?.changes
        .filter((c) => c.destructive)
        .map((c) => c.address) ?? []
    expect(addresses.sort()).toEqual([...destructive].sort())
  })

  it('cuts the list only as a last resort, and says how much it cut', () => {
    const report = renderMarkdown(bigAnalysis(300), { maxChars: 5_000 })
    expect(report.tier).toBe('clipped')
    expect(report.markdown.length).toBeLessThanOrEqual(5_000)
    expect(report.markdown).toMatch(
      /… and \d+ more lines of destructive changes, cut to fit/
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
