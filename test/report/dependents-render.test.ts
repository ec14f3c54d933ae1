import { describe, expect, it } from 'vitest'
import type { Analysis, Dependent, ResourceChange } from '../../src/model.js'
import { MAX_DEPENDENTS } from '../../src/plan/index.js'
import {
  MAX_COMMENT_CHARS,
  renderComment,
  renderMarkdown,
  renderText
} from '../../src/report/index.js'
import { analyzeFixtures } from '../helpers.js'

/**
 * The blast radius in the reports: the comment's gated list names the
 * count and the first few dependents; the full report lists more and draws
 * a small Mermaid graph, folded; the terminal lists them. Addresses are
 * plan data: escaped everywhere, Mermaid labels included.
 */
const COMMENT = {
  state: 'blocked' as const,
  statusContext: 'plangate/main',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  digest: 'abcdef0123456789'
}

/** The analysis with the change at `address` given other dependents. */
function withDependents(
  analysis: Analysis,
  address: string,
  dependents: readonly Dependent[],
  capped = false
): Analysis {
  const plans = analysis.plans.map((plan) => ({
    ...plan,
    changes: plan.changes.map((change): ResourceChange =>
      change.address === address
        ? {
            ...change,
            dependents,
            ...(capped ? { dependentsCapped: true as const } : {})
          }
        : change
    )
  }))
  return { ...analysis, plans }
}

describe('blast radius in the reports (terraform/dependents.json)', () => {
  const analysis = analyzeFixtures('terraform/dependents.json')

  it('full report: the dependents and a folded Mermaid graph', async () => {
    const { markdown, tier } = renderMarkdown(analysis)
    expect(tier).toBe('full')
    await expect(markdown).toMatchFileSnapshot(
      '__snapshots__/dependents-full.md'
    )
    expect(markdown).toContain('**Blast radius:** 5 resources depend on it:')
    expect(markdown).toContain(
      '- `terraform_data.alarm` via `module.edge.terraform_data.proxy`'
    )
    // One dependent: listed, no graph.
    expect(markdown.match(/```mermaid/g)).toHaveLength(1)
  })

  it('comment: the count and the first three in the gated list', () => {
    const { body } = renderComment(analysis, COMMENT)
    expect(body).toContain(
      '<br>5 resources depend on it: <code>terraform_data.<wbr>app</code>, <code>terraform_data.<wbr>worker</code>, <code>terraform_data.<wbr>dns</code>, …'
    )
    expect(body).toContain(
      '1 resource depends on it: <code>terraform_data.<wbr>consumer</code>'
    )
  })

  it('terminal: every dependent up to its limit, with what it depends on', () => {
    const text = renderText(analysis, { color: false })
    expect(text).toContain(
      '        blast radius: 5 resources depend on it:\n          terraform_data.app\n'
    )
    expect(text).toContain(
      '          terraform_data.alarm (via module.edge.terraform_data.proxy)'
    )
  })

  it('capped: says so, names no exact total, draws no graph', () => {
    const many = Array.from({ length: MAX_DEPENDENTS }, (_, i) => ({
      address: `terraform_data.d${i}`,
      via: 'terraform_data.db',
      kind: 'reference' as const
    }))
    const capped = withDependents(analysis, 'terraform_data.db', many, true)
    const { markdown } = renderMarkdown(capped)
    expect(markdown).toContain(
      `**Blast radius:** ${MAX_DEPENDENTS}+ resources depend on it (${MAX_DEPENDENTS - 10} more; the search stopped at its cap):`
    )
    expect(markdown).not.toContain(
      '```mermaid\ngraph LR\n  n0["terraform_data.db"]'
    )
    const { body } = renderComment(capped, COMMENT)
    expect(body).toContain(`${MAX_DEPENDENTS}+ resources depend on it:`)
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
  })

  it('hostile addresses: escaped in the list, the overview and the Mermaid labels', () => {
    const hostile = [
      'x"]\n```\n<img src=x onerror=alert(1)> @org/team #1',
      'y["a"] --> z; click n0 href "javascript:alert(1)"'
    ]
    const { markdown } = renderMarkdown(
      withDependents(
        analysis,
        'terraform_data.db',
        hostile.map((address) => ({
          address,
          via: 'terraform_data.db',
          kind: 'reference' as const
        }))
      )
    )
    const graph = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? ''
    expect(graph.split('\n')).toEqual([
      'graph LR',
      '  n0["terraform_data.db"]',
      '  n1["x#34;#93; #96;#96;#96; #60;img src#61;x onerror#61;alert#40;1#41;#62; #64;org/team #35;1"]',
      '  n2["y#91;#34;a#34;#93; --#62; z#59; click n0 href #34;javascript#58;alert#40;1#41;#34;"]',
      '  n0 --> n1',
      '  n0 --> n2'
    ])
    // In the list: a code span longer than any backtick run inside, nothing interpreted.
    expect(markdown).toContain(
      '- ```` x"] ``` <img src=x onerror=alert(1)> @org/team #1 ````\n'
    )
    const { body } = renderComment(
      withDependents(
        analysis,
        'terraform_data.db',
        hostile.map((address) => ({
          address,
          via: 'terraform_data.db',
          kind: 'reference' as const
        }))
      ),
      COMMENT
    )
    // Above the fold, addresses are HTML code elements with entities.
    const overview = body.slice(0, body.indexOf('<details>'))
    expect(overview).toContain(
      '<code>x"&#93; &#96;&#96;&#96; &lt;img src=x onerror=alert(1)&gt; @org/team #1</code>'
    )
    expect(overview).not.toContain('<img')
  })
})
