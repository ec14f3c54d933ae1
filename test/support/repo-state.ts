/**
 * Serves a real git repository through the fake GitHub: a pull request's
 * commits (with their real SHAs, identities and messages), each commit's
 * files with the patch GitHub would show (git's default three lines of
 * context), and file contents at any commit for GraphQL `object` queries.
 */
import { execFileSync } from 'node:child_process'
import type { FakeFileChange, FakeState, RestObject } from './fake-github.js'
import { makeCommit, makeCommitDetail, makePull } from './fake-github.js'
import type { PullOptions } from './fake-github.js'

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
}

/** The commits of `base..head`, oldest first, as the pull request API lists them. */
export function pullCommitsOf(
  repo: string,
  base: string,
  head = 'HEAD'
): RestObject[] {
  const log = git(
    repo,
    'log',
    '--reverse',
    '-z',
    '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B',
    `${base}..${head}`
  )
  const fields = log.split('\0')
  const commits: RestObject[] = []
  for (let i = 0; i + 8 < fields.length; i += 9) {
    const [sha, parents, an, ae, ad, cn, ce, cd, message] = fields.slice(
      i,
      i + 9
    )
    commits.push(
      makeCommit((sha ?? '').replace(/^\n/, ''), {
        parents: (parents ?? '').split(' ').filter(Boolean),
        author: {
          name: an ?? '',
          email: ae ?? '',
          date: ad ?? '',
          login: null
        },
        committer: {
          name: cn ?? '',
          email: ce ?? '',
          date: cd ?? '',
          login: null
        },
        message: (message ?? '').replace(/\n+$/, '')
      })
    )
  }
  return commits
}

/** `GET /commits/{sha}` bodies and the files around each commit, for `state`. */
export function commitDetailsOf(
  repo: string,
  commits: readonly RestObject[]
): Pick<FakeState, 'commits' | 'files'> {
  const details: Record<string, RestObject> = {}
  const files: FakeState['files'] = {}
  for (const commit of commits) {
    const sha = String(commit.sha)
    const parents = (commit.parents as { sha: string }[]).map((p) => p.sha)
    const parent = parents[0]
    const changed: FakeFileChange[] = []
    const names = git(
      repo,
      'diff-tree',
      '--no-commit-id',
      '-r',
      '-M',
      '--name-status',
      parent ?? '--root',
      sha
    )
      .split('\n')
      .filter(Boolean)
    for (const line of names) {
      const [code = '', first = '', second] = line.split('\t')
      const path = second ?? first
      const status = code.startsWith('R')
        ? 'renamed'
        : code === 'A'
          ? 'added'
          : code === 'D'
            ? 'removed'
            : 'modified'
      const diff = git(
        repo,
        'diff',
        '-M',
        parent ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
        sha,
        '--',
        ...(second === undefined ? [path] : [first, path])
      )
      const at = diff.indexOf('@@')
      changed.push({
        filename: path,
        status,
        ...(at === -1 ? {} : { patch: diff.slice(at).replace(/\n$/, '') }),
        ...(second === undefined ? {} : { previous_filename: first })
      })
      for (const [ref, name] of [
        [sha, path],
        [parent, second === undefined ? path : first]
      ] as const) {
        if (ref === undefined) continue
        try {
          files[`${ref}:${name}`] = git(repo, 'show', `${ref}:${name}`)
        } catch {
          // Not there at that commit: GraphQL answers null.
        }
      }
    }
    details[sha] = makeCommitDetail(sha, changed, {
      parents,
      message: String((commit.commit as RestObject).message)
    })
  }
  return { commits: details, files }
}

/** A pull request whose commits are the repository's `base..head`. */
export function pullOf(
  repo: string,
  base: string,
  options: Omit<PullOptions, 'headSha' | 'baseSha' | 'commits'> & {
    head?: string
  }
): {
  pull: RestObject
  commits: RestObject[]
  headSha: string
  baseSha: string
} {
  const head = options.head ?? 'HEAD'
  const commits = pullCommitsOf(repo, base, head)
  const headSha = git(repo, 'rev-parse', head).trim()
  const baseSha = git(repo, 'rev-parse', base).trim()
  return {
    pull: makePull({
      ...options,
      headSha,
      baseSha,
      commits: commits.length
    }),
    commits,
    headSha,
    baseSha
  }
}
