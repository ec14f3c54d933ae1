import { describe, expect, it } from 'vitest'
import {
  buildJsonReport,
  renderJson,
  writeJsonReport,
  writeTextReport
} from '../../src/report/index.js'
import type { Analysis } from '../../src/model.js'
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

  it('writes verdicts, allowed risks and dependents exactly as JSON.stringify of the report', () => {
    const analysis = analyzeFixtures('terraform/dependents.json')
    const changes = analysis.plans.flatMap((plan) => plan.changes)
    const withDependents = changes.filter((c) => c.dependents !== undefined)
    expect(withDependents.length).toBeGreaterThan(0)
    const destructive = changes.filter((c) => c.destructive)
    expect(destructive.length).toBeGreaterThan(1)
    const judged: Analysis = {
      ...analysis,
      verdicts: new Map(
        destructive.map((change, k) => [
          change,
          {
            causedBy: [{ sha: 'a'.repeat(40), how: `edited "x" \u2192 ${k}` }],
            pinned: true,
            gated: k % 2 === 0,
            why: "an AI agent's commit"
          }
        ])
      ),
      risks: new Map(
        destructive.map((change, k) => [
          change,
          k === 0
            ? { risks: [], allowedBy: 'terraform_data.*' }
            : { risks: [{ kind: 'data-loss', detail: 'stateful' }] }
        ])
      )
    }
    const text = renderJson(judged, TOOL)
    expect(text).toBe(whole(judged))
    const entries = (
      JSON.parse(text) as { plans: { changes: Record<string, unknown>[] }[] }
    ).plans.flatMap((plan) => plan.changes)
    const first = entries.find((e) => e.address === destructive[0]?.address)
    expect(first).toMatchObject({
      gated: true,
      allowed: true,
      allowedBy: 'terraform_data.*'
    })
    // The judgement's keys come last, in the order of toJSON's object.
    expect(Object.keys(first ?? {}).slice(-7)).toEqual([
      'causedBy',
      'causes',
      'gated',
      'gateReason',
      'risks',
      'allowed',
      'allowedBy'
    ])
    expect(entries.some((e) => Array.isArray(e.dependentLinks))).toBe(true)
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

describe('writeTextReport', () => {
  it('hands a large report on in pieces of whole lines, about a million characters each', () => {
    const analysis = analyzeDocs({ source: 'large.json', doc: largePlan(6000) })
    const pieces: string[] = []
    writeTextReport(analysis, { color: false }, (piece) => pieces.push(piece))
    const text = pieces.join('')
    expect(text.length).toBeGreaterThan(3_000_000)
    expect(pieces.length).toBeGreaterThan(2)
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.endsWith('\n')).toBe(true)
      expect(piece.length).toBeGreaterThanOrEqual(1 << 20)
      expect(piece.length).toBeLessThan((1 << 20) + 50_000)
    }
    // Every change once, in order, and the verdict last.
    for (const i of [0, 2999, 5999])
      expect(text.split(`terraform_data.item["${i}"]`)).toHaveLength(2)
    expect(text.indexOf('terraform_data.item["0"]')).toBeLessThan(
      text.indexOf('terraform_data.item["5999"]')
    )
    expect(text).toMatch(/\nVerdict: PASS: [^\n]*\n$/)
    // Counts read like the verdict's and the comment's: with thousands separators.
    expect(text).toContain('\n  6,000 to update\n')
    expect(text).toContain('\n  Update in place (6,000)\n')
    expect(text).toContain('\nTotal: 6,000 to update\n')
  })
})
