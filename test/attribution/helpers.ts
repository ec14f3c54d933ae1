import type {
  CommitFacts,
  PullRequestFacts
} from '../../src/attribution/index.js'

/** A human's identity, used wherever a test does not care who the human is. */
export const ANN = { name: 'Ann Lee', email: 'ann@example.com' } as const

/** A commit by Ann unless the test says otherwise. */
export function commit(facts: Partial<CommitFacts> = {}): CommitFacts {
  return {
    sha: 'a'.repeat(40),
    author: ANN,
    committer: ANN,
    message: 'Update tags\n',
    ...facts
  }
}

/** A pull request opened by Ann unless the test says otherwise. */
export function pullRequest(
  facts: Partial<PullRequestFacts> = {}
): PullRequestFacts {
  return {
    authorLogin: 'annlee',
    authorType: 'User',
    body: 'Updates the tags.',
    headBranch: 'ann/tags',
    ...facts
  }
}

/** Joins message lines with `\n`. */
export function lines(...parts: string[]): string {
  return parts.join('\n')
}
