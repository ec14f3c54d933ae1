import { describe, expect, it } from 'vitest'
import {
  buildJsonReport,
  renderJson,
  writeJsonReport
} from '../../src/report/index.js'
import { analyzeDocs, analyzeFixtures, TERRAFORM_FIXTURES } from '../helpers.js'

const TOOL = { name: 'plangate', version: '0.0.0' } as const

/** What renderJson wrote before it streamed: one JSON.stringify of the whole report. */
function whole(analysis: Parameters<typeof buildJsonReport>[0]): string {
  return `${JSON.stringify(buildJsonReport(analysis, TOOL))}\n`
}

/** A plan of `count` updates, each with a long attribute: megabytes of report. */
function largePlan(count: number): Record<string, unknown> {
  return {
    format_version: '1.2',
    resource_changes: Array.from({ length: count }, (_, i) => ({
      address: `terraform_data.item["${i}"]`,
      mode: 'managed',
      type: 'terraform_data',
      name: 'item',
      index: String(i),
      provider_name: 'terraform.io/builtin/terraform',
      change: {
        actions: ['update'],
        before: { input: `old-${i}-${'x'.repeat(300)}` },
        after: { input: `new-${i}-\u00e9\u{1f600}-${'y'.repeat(300)}` },
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: {}
      }
    }))
  }
}

describe('writeJsonReport', () => {
  it.each([
    ...TERRAFORM_FIXTURES,
    'cloudformation/cfn-changeset-nested.json',
    'pulumi/create.json'
  ])('writes %s exactly as one JSON.stringify of the report', (name) => {
    const analysis = analyzeFixtures(name)
    expect(renderJson(analysis, TOOL)).toBe(whole(analysis))
  })

  it('hands a large report on in pieces of about a million characters, the same text', () => {
    const analysis = analyzeDocs({ source: 'large.json', doc: largePlan(6000) })
    const pieces: string[] = []
    writeJsonReport(analysis, TOOL, undefined, (piece) => pieces.push(piece))
    const text = pieces.join('')
    expect(text).toBe(whole(analysis))
    expect(text.length).toBeGreaterThan(3_000_000)
    expect(pieces.length).toBeGreaterThan(2)
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(1 << 20)
      expect(piece.length).toBeLessThan((1 << 20) + 50_000)
    }
  })
})
