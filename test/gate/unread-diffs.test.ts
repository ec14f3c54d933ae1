import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analyze.js'
import type { History } from '../../src/analyze.js'
import type { SourceCommit } from '../../src/attribution/index.js'
import { DEFAULT_POLICY } from '../../src/policy/index.js'
import { readPlan } from '../../src/plan/index.js'
import { fixtureText } from '../helpers.js'

function commit(sha: string, unknown: boolean): SourceCommit {
  return {
    sha,
    parents: [],
    author: { name: 'A', email: 'a@example.com' },
    committer: { name: 'A', email: 'a@example.com' },
    message: 'Change',
    subject: 'Change',
    authorDate: '2026-12-06T10:00:00Z',
    files: [],
    ...(unknown ? { filesUnknown: true as const } : {})
  }
}

function history(unknownAi: boolean): History {
  const human = commit('1'.repeat(40), false)
  const ai = commit('2'.repeat(40), unknownAi)
  return {
    commits: [human, ai],
    verdicts: [
      { sha: human.sha, verdict: 'human', evidence: [] },
      {
        sha: ai.sha,
        verdict: 'ai',
        tool: 'claude-code',
        confidence: 'definite',
        evidence: []
      }
    ],
    versions: new Map(),
    rootDirs: new Map([['plan.json', '']])
  }
}

const plan = (): ReturnType<typeof readPlan> =>
  readPlan({
    source: 'plan.json',
    text: fixtureText('terraform/kitchen-sink.json')
  })

describe('an AI commit whose diff could not be read', () => {
  it('gates every destructive change, saying why (default policy)', () => {
    const analysis = analyze([plan()], {
      policy: DEFAULT_POLICY,
      history: history(true)
    })
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.gated.length).toBe(analysis.summary.destructive)
    expect(analysis.decision.gated[0]?.why).toContain(
      'the diff of AI commit 2222222 could not be read'
    )
  })

  it('changes nothing when the AI commit was read and touched no infrastructure code', () => {
    const analysis = analyze([plan()], {
      policy: DEFAULT_POLICY,
      history: history(false)
    })
    expect(analysis.decision.verdict).toBe('pass')
  })
})
