import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analyze.js'
import { reviewedItems } from '../../src/gate/index.js'
import { readPlan } from '../../src/plan/index.js'
import {
  renderComment,
  renderMarkdown,
  renderText
} from '../../src/report/index.js'
import { analyzeFixtures, fixtureText, onlyPlan } from '../helpers.js'

describe('messages that name the culprit (issue 14)', () => {
  it('a truncated change set names the logical IDs CloudFormation left out, in text, Markdown and comment', () => {
    const analysis = analyzeFixtures('cloudformation/truncated-properties.json')
    const note = onlyPlan(analysis).incomplete?.notes.join('\n') ?? ''
    expect(note).toContain(
      'CloudFormation names `WorkerFunction1F2E3D4C` (Logical Id in StatusReason): the resource left out, which may be the one being destroyed or replaced'
    )
    expect(renderText(analysis, { color: false })).toContain(
      'WorkerFunction1F2E3D4C'
    )
    expect(renderMarkdown(analysis).markdown).toContain(
      'WorkerFunction1F2E3D4C'
    )
    const comment = renderComment(analysis, {
      state: 'incomplete',
      statusContext: 'plangate',
      headSha: 'a'.repeat(40),
      digest: ''
    } as never).body
    expect(comment).toContain('WorkerFunction1F2E3D4C')
  })

  it('a Pulumi plan names its project and stack, and two stacks never share digest items', () => {
    const name = 'pulumi/secrets.json'
    const prod = fixtureText(name)
    const staging = prod.replaceAll('urn:pulumi:prod::', 'urn:pulumi:staging::')
    const analysis = analyze([
      readPlan({ source: 'prod.json', text: prod }),
      readPlan({ source: 'staging.json', text: staging })
    ])
    expect(analysis.plans.map((p) => p.stack)).toEqual([
      'orders/prod',
      'orders/staging'
    ])
    expect(renderText(analysis, { color: false })).toContain(
      'Plan staging.json (Pulumi, project/stack orders/staging)'
    )
    const stacks = reviewedItems(analysis).map((item) =>
      item.kind === 'change' ? item.stack : ''
    )
    expect(new Set(stacks)).toEqual(new Set(['orders/prod', 'orders/staging']))
  })
})
