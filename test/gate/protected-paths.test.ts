import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analyze.js'
import type { History } from '../../src/analyze.js'
import type {
  FileChange,
  SourceCommit,
  Verdict
} from '../../src/attribution/index.js'
import {
  computeDigest,
  DEFAULT_PROTECTED_PATHS,
  gatedItems,
  protectingPattern,
  reviewedItems
} from '../../src/gate/index.js'
import type { PolicyConfig } from '../../src/policy/index.js'
import { parsePolicyConfig, PolicyError } from '../../src/policy/index.js'
import { readPlan } from '../../src/plan/index.js'
import { fixtureText } from '../helpers.js'

const AI = 'a'.repeat(40)
const HUMAN = 'b'.repeat(40)
const BOT = 'c'.repeat(40)
const AI2 = 'f'.repeat(40)

function file(
  path: string,
  status: FileChange['status'] = 'modified',
  previousPath?: string
): FileChange {
  return {
    path,
    status,
    hunks: [],
    ...(previousPath === undefined ? {} : { previousPath })
  }
}

function commit(
  sha: string,
  files: FileChange[],
  unknown = false
): SourceCommit {
  return {
    sha,
    parents: [],
    author: { name: 'A', email: 'a@example.com' },
    committer: { name: 'A', email: 'a@example.com' },
    message: 'Change the plan step',
    subject: 'Change the plan step',
    authorDate: '2026-12-06T10:00:00Z',
    files,
    ...(unknown ? { filesUnknown: true as const } : {})
  }
}

const VERDICT: Record<string, Verdict> = {
  [AI]: 'ai',
  [AI2]: 'ai',
  [HUMAN]: 'human',
  [BOT]: 'automation'
}

function history(commits: SourceCommit[]): History {
  return {
    commits,
    verdicts: commits.map((c) =>
      VERDICT[c.sha] === 'ai'
        ? {
            sha: c.sha,
            verdict: 'ai',
            tool: 'claude-code',
            confidence: 'definite',
            evidence: []
          }
        : {
            sha: c.sha,
            verdict: VERDICT[c.sha] ?? 'human',
            ...(VERDICT[c.sha] === 'automation' ? { tool: 'renovate' } : {}),
            evidence: []
          }
    ),
    versions: new Map(),
    rootDirs: new Map([['plan.json', '']])
  }
}

/** A plan with only in-place updates: nothing destructive to gate. */
const updatesOnly = (): ReturnType<typeof readPlan> =>
  readPlan({ source: 'plan.json', text: fixtureText('terraform/update.json') })

function review(
  commits: SourceCommit[],
  yaml = ''
): ReturnType<typeof analyze> {
  const policy: PolicyConfig = parsePolicyConfig(yaml, '.github/plangate.yml')
  return analyze([updatesOnly()], { policy, history: history(commits) })
}

describe('protectingPattern', () => {
  it.each([
    ['.github/workflows/plan.yml', '.github/workflows/**'],
    ['.github/workflows/nested/deep.yaml', '.github/workflows/**'],
    ['.github/actions/setup/action.yml', '.github/actions/**'],
    ['.github/plangate.yml', '.github/plangate.yml'],
    ['CODEOWNERS', 'CODEOWNERS'],
    ['.github/CODEOWNERS', '.github/CODEOWNERS'],
    ['docs/CODEOWNERS', 'docs/CODEOWNERS'],
    ['.GITHUB/Workflows/plan.yml', '.github/workflows/**']
  ])('protects %s by default (%s)', (path, pattern) => {
    expect(protectingPattern(path, DEFAULT_PROTECTED_PATHS)).toBe(pattern)
  })

  it.each([
    'src/CODEOWNERS',
    'workflows/plan.yml',
    '.github/dependabot.yml',
    'infra/main.tf',
    'Makefile'
  ])('leaves %s alone by default', (path) => {
    expect(protectingPattern(path, DEFAULT_PROTECTED_PATHS)).toBeUndefined()
  })
})

describe('protected paths in the decision', () => {
  it('gates an AI commit that edits a workflow although the plan only updates', () => {
    const analysis = review([commit(AI, [file('.github/workflows/plan.yml')])])
    expect(analysis.summary.destructive).toBe(0)
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.gated).toEqual([])
    expect(analysis.decision.gatedPaths).toEqual([
      expect.objectContaining({
        path: '.github/workflows/plan.yml',
        status: 'modified',
        sha: AI,
        pattern: '.github/workflows/**',
        author: 'ai',
        rule: 'ai'
      })
    ])
    expect(analysis.decision.gatedPaths[0]?.why).toContain(
      'AI commit aaaaaaa (claude-code, definite)'
    )
    expect(analysis.decision.summary).toContain('protected paths')
  })

  it('does not gate the same edit by a person under the default gate-on: ai', () => {
    const analysis = review([
      commit(HUMAN, [file('.github/workflows/plan.yml')])
    ])
    expect(analysis.decision.verdict).toBe('pass')
    expect(analysis.decision.gatedPaths).toEqual([])
  })

  it('gates every commit with gate-on: any', () => {
    const analysis = review(
      [commit(HUMAN, [file('.github/workflows/plan.yml')])],
      'protected-paths:\n  gate-on: any\n'
    )
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.gatedPaths).toEqual([
      expect.objectContaining({ author: 'human', rule: 'any', sha: HUMAN })
    ])
  })

  it('counts automation as the policy says (automation.treat-as: ai)', () => {
    const edit = [commit(BOT, [file('.github/plangate.yml')])]
    expect(review(edit).decision.verdict).toBe('pass')
    expect(
      review(edit, 'automation:\n  treat-as: ai\n').decision.gatedPaths
    ).toEqual([expect.objectContaining({ author: 'ai', sha: BOT })])
  })

  it('adds paths to the defaults, or replaces them with defaults: false', () => {
    const edits = [
      commit(AI, [file('Makefile'), file('.github/workflows/plan.yml')])
    ]
    expect(
      review(edits, 'protected-paths:\n  paths: [Makefile]\n')
        .decision.gatedPaths.map((g) => g.path)
        .sort()
    ).toEqual(['.github/workflows/plan.yml', 'Makefile'])
    expect(
      review(edits, 'protected-paths: [Makefile]\n').decision.gatedPaths.map(
        (g) => g.path
      )
    ).toHaveLength(2)
    expect(
      review(
        edits,
        'protected-paths:\n  defaults: false\n  paths: [Makefile]\n'
      ).decision.gatedPaths.map((g) => g.path)
    ).toEqual(['Makefile'])
  })

  it('counts a rename when either its old or its new path is protected', () => {
    const out = review([
      commit(AI, [
        file('disabled/plan.yml', 'renamed', '.github/workflows/plan.yml'),
        file('.github/workflows/new.yml', 'renamed', 'old/new.yml'),
        file('a/b.txt', 'renamed', 'a/c.txt')
      ])
    ]).decision.gatedPaths
    expect(out.map((g) => [g.previousPath, g.path, g.status])).toEqual([
      ['.github/workflows/plan.yml', 'disabled/plan.yml', 'renamed'],
      ['old/new.yml', '.github/workflows/new.yml', 'renamed']
    ])
  })

  it('counts deleting a protected file', () => {
    const out = review([commit(AI, [file('CODEOWNERS', 'deleted')])]).decision
      .gatedPaths
    expect(out).toEqual([
      expect.objectContaining({ path: 'CODEOWNERS', status: 'deleted' })
    ])
  })

  it('gates an AI commit whose diff could not be read, without a path (fail closed)', () => {
    const analysis = review([commit(AI, [], true)])
    expect(analysis.decision.verdict).toBe('blocked')
    expect(analysis.decision.gatedPaths).toEqual([
      expect.objectContaining({ status: 'unknown', sha: AI, author: 'ai' })
    ])
    expect(analysis.decision.gatedPaths[0]?.path).toBeUndefined()
    expect(analysis.decision.gatedPaths[0]?.why).toContain('could not be read')
  })

  it('leaves an unread human commit alone under gate-on: ai, not under any', () => {
    const unread = [commit(HUMAN, [], true)]
    expect(review(unread).decision.verdict).toBe('pass')
    expect(
      review(unread, 'protected-paths:\n  gate-on: any\n').decision.gatedPaths
    ).toHaveLength(1)
  })

  it('is off with gate-on: none', () => {
    const analysis = review(
      [commit(AI, [file('.github/workflows/plan.yml')])],
      'gate-on: none\n'
    )
    expect(analysis.decision.verdict).toBe('pass')
    expect(analysis.decision.gatedPaths).toEqual([])
  })
})

describe('protected paths in the digest', () => {
  const scope = {
    repository: 'acme/infra',
    pullNumber: 7,
    baseRef: 'main',
    headSha: 'd'.repeat(40)
  }

  it('are gated items of kind path', () => {
    const analysis = review([commit(AI, [file('.github/workflows/plan.yml')])])
    expect(gatedItems(analysis)).toEqual([
      {
        kind: 'path',
        path: '.github/workflows/plan.yml',
        previousPath: '',
        status: 'modified',
        sha: AI,
        gated: true
      }
    ])
    expect(reviewedItems(analysis)).toEqual(gatedItems(analysis))
  })

  it('changes with the path, the commit or the kind of change', () => {
    const base = review([commit(AI, [file('.github/workflows/plan.yml')])])
    const digest = computeDigest(scope, reviewedItems(base))
    for (const other of [
      [commit(AI, [file('.github/workflows/other.yml')])],
      [commit(AI, [file('.github/workflows/plan.yml', 'deleted')])],
      [
        commit(AI, [file('.github/workflows/plan.yml')]),
        commit(AI2, [file('.github/workflows/plan.yml')])
      ]
    ])
      expect(computeDigest(scope, reviewedItems(review(other)))).not.toBe(
        digest
      )
  })
})

describe('the protected-paths config', () => {
  const errorFor = (yaml: string): string => {
    try {
      parsePolicyConfig(yaml, '.github/plangate.yml')
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyError)
      return (error as PolicyError).message
    }
    throw new Error('expected a PolicyError')
  }

  it('has the defaults when absent', () => {
    expect(parsePolicyConfig('', 'x').protectedPaths).toEqual({
      paths: [...DEFAULT_PROTECTED_PATHS],
      gateOn: 'ai'
    })
  })

  it.each([
    [
      'protected-paths: 3',
      '.github/plangate.yml: protected-paths: must be a list of globs or a mapping with paths, defaults, gate-on, got number 3'
    ],
    [
      'protected-paths:\n  gate-on: all',
      '.github/plangate.yml: protected-paths.gate-on: must be one of ai|any, got "all"'
    ],
    [
      'protected-paths:\n  path: [Makefile]',
      '.github/plangate.yml: protected-paths.path: unknown key; expected one of paths, defaults, gate-on'
    ],
    [
      'protected-paths:\n  defaults: no-thanks',
      '.github/plangate.yml: protected-paths.defaults: must be true or false, got "no-thanks"'
    ],
    [
      'protected-paths:\n  paths: Makefile',
      '.github/plangate.yml: protected-paths.paths: must be a list, got "Makefile"'
    ],
    [
      'protected-paths: [Makefile, 3]',
      '.github/plangate.yml: protected-paths[1]: must be a non-empty string, got number 3'
    ],
    [
      'protected-paths: ["/Makefile"]',
      '.github/plangate.yml: protected-paths[0]: expected a repository-relative glob (minimatch, e.g. "scripts/plan/**"), found a path with a leading / or ./ (paths are relative to the repository root, e.g. "Makefile"): "/Makefile"'
    ],
    [
      'protected-paths:\n  paths: ["!.github/workflows/**"]',
      '.github/plangate.yml: protected-paths.paths[0]: expected a repository-relative glob (minimatch, e.g. "scripts/plan/**"), found a negated glob (protected paths can only be added; use defaults: false to start from none): "!.github/workflows/**"'
    ]
  ])('%j', (yaml, message) => {
    expect(errorFor(yaml)).toBe(message)
  })
})
