import { minimatch } from 'minimatch'
import type { CommitReport, GatedPath } from '../model.js'

/**
 * Trust-critical paths: the files that decide what the gate sees (the
 * workflows that make the plans, plangate's config, who owns what). An
 * edit of one of them by an AI agent can blind the gate (`echo '{}' >
 * plan.json`), so it is a gated item of its own, even when no plan
 * destroys anything.
 */
export const DEFAULT_PROTECTED_PATHS = [
  '.github/workflows/**',
  '.github/actions/**',
  '.github/plangate.yml',
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS'
] as const

/** Whose commits to protected paths are gated: AI agents' (default) or anyone's. */
export const PROTECTED_GATE_ON = ['ai', 'any'] as const
export type ProtectedGateOn = (typeof PROTECTED_GATE_ON)[number]

/** The `protected-paths` policy, with the defaults already merged in. */
export interface ProtectedPathsPolicy {
  /** Globs (minimatch, dot files included, case-insensitive) of the protected files. */
  readonly paths: readonly string[]
  readonly gateOn: ProtectedGateOn
}

export const DEFAULT_PROTECTED_PATHS_POLICY: ProtectedPathsPolicy = {
  paths: DEFAULT_PROTECTED_PATHS,
  gateOn: 'ai'
}

/** What the matcher needs of a commit: its changed files, or that they are unknown. */
export interface CommitFiles {
  readonly sha: string
  readonly files: readonly {
    readonly path: string
    readonly previousPath?: string
    readonly status: 'added' | 'modified' | 'deleted' | 'renamed'
  }[]
  /** The diff could not be read: the commit may have changed anything. */
  readonly filesUnknown?: true
}

/**
 * The first pattern that protects a path, if any. Dot files count
 * (`.github/…`), and case is ignored so that a differently cased name
 * fails closed.
 */
export function protectingPattern(
  path: string,
  patterns: readonly string[]
): string | undefined {
  return patterns.find((pattern) =>
    minimatch(path, pattern, { dot: true, nocase: true, nocomment: true })
  )
}

/**
 * Every change of a protected path by a commit the policy gates: by
 * default AI commits (automation too when `automationAs` is `ai`), with
 * `gate-on: any` every commit. A commit whose file list could not be read
 * is gated without a path (it may have changed any of them). A rename
 * counts when either its old or its new path is protected; a deletion
 * counts like an edit.
 */
export function findProtectedChanges(
  commits: readonly CommitFiles[],
  reports: ReadonlyMap<string, CommitReport>,
  policy: ProtectedPathsPolicy,
  automationAs: 'automation' | 'ai' | 'human'
): GatedPath[] {
  const out: GatedPath[] = []
  for (const commit of commits) {
    const report = reports.get(commit.sha)
    const author = authorOf(report, automationAs)
    if (policy.gateOn === 'ai' && author !== 'ai') continue
    const rule = policy.gateOn
    const by = describeCommit(commit.sha, report, author)
    if (commit.filesUnknown === true) {
      out.push({
        status: 'unknown',
        sha: commit.sha,
        author,
        rule,
        why: `the diff of ${by} could not be read, so it may have changed a protected path`
      })
      continue
    }
    for (const file of commit.files) {
      const pattern =
        protectingPattern(file.path, policy.paths) ??
        (file.previousPath === undefined
          ? undefined
          : protectingPattern(file.previousPath, policy.paths))
      if (pattern === undefined) continue
      out.push({
        path: file.path,
        ...(file.previousPath === undefined
          ? {}
          : { previousPath: file.previousPath }),
        status: file.status,
        sha: commit.sha,
        pattern,
        author,
        rule,
        why: `${file.status} by ${by}; protected by ${pattern}${rule === 'any' ? ' (gate-on: any)' : ''}`
      })
    }
  }
  return out
}

function authorOf(
  report: CommitReport | undefined,
  automationAs: 'automation' | 'ai' | 'human'
): GatedPath['author'] {
  // A commit the history does not describe is not known to be a person's: fail closed.
  if (report === undefined) return 'ai'
  if (report.verdict === 'automation') return automationAs
  return report.verdict
}

function describeCommit(
  sha: string,
  report: CommitReport | undefined,
  author: GatedPath['author']
): string {
  const short = sha.slice(0, 7)
  switch (author) {
    case 'ai':
      return `AI commit ${short}${report?.tool === undefined ? '' : ` (${report.tool}${report.confidence === undefined ? '' : `, ${report.confidence}`})`}`
    case 'automation':
      return `automation commit ${short}${report?.tool === undefined ? '' : ` (${report.tool})`}`
    case 'human':
      return `commit ${short}`
  }
}
