import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi
} from 'vitest'
import type { SourceCommit } from '../../src/attribution/port.js'
import {
  createLocalCommitSource,
  GitSourceError,
  readFileVersions,
  readLocalCommits
} from '../../src/io/git-log.js'

const HUMAN = { name: 'Ann Lee', email: 'ann@example.com' }
const CLAUDE = { name: 'Claude', email: 'noreply@anthropic.com' }

/** A git environment that ignores the machine's config and pins identities. */
function gitEnv(
  author: { name: string; email: string },
  minute: number
): NodeJS.ProcessEnv {
  const date = `2024-03-01T10:${String(minute).padStart(2, '0')}:00+01:00`
  return {
    PATH: process.env.PATH,
    HOME: root,
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: HUMAN.name,
    GIT_COMMITTER_EMAIL: HUMAN.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date
  }
}

let root: string
let clock = 0

function git(dir: string, args: readonly string[], author = HUMAN): string {
  return execFileSync(
    'git',
    [
      '-C',
      dir,
      '-c',
      'init.defaultBranch=main',
      '-c',
      'commit.gpgsign=false',
      ...args
    ],
    { encoding: 'utf8', env: gitEnv(author, clock), stdio: 'pipe' }
  ).trim()
}

function write(dir: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), content)
}

/** Stages everything and commits; returns the new SHA. */
function commit(dir: string, message: string, author = HUMAN): string {
  clock++
  git(dir, ['add', '-A'], author)
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], author)
  return git(dir, ['rev-parse', 'HEAD'])
}

const DB_V1 = `resource "aws_db_instance" "main" {
  identifier     = "app-db"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
`
const DB_V2 = DB_V1.replace('"app-db"', '"app-db-v2"').replace(
  'db.t3.micro',
  'db.t3.small'
)
const MAIN_V1 = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
`
const MAIN_V2 = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
`

describe('readLocalCommits', () => {
  let repo: string
  const sha: Record<string, string> = {}

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'plangate-git-log-'))
    repo = join(root, 'repo')
    mkdirSync(repo)
    git(repo, ['init', '-q'])
    write(repo, 'main.tf', MAIN_V1)
    write(repo, 'network.tf', 'resource "aws_vpc" "main" {}\n')
    sha.base = commit(repo, 'Initial infrastructure\n')

    write(repo, 'db.tf', DB_V1)
    sha.add = commit(repo, 'Add the database')

    write(repo, 'db.tf', DB_V2)
    sha.edit = commit(
      repo,
      'Rename the database\n\nFaster instance too.\n\n' +
        'Co-authored-by: Claude <noreply@anthropic.com>\n' +
        'Co-authored-by: Bob Roe <bob@example.com>',
      CLAUDE
    )
    git(repo, [
      'notes',
      '--ref=ai',
      'add',
      '-m',
      'agent: claude-code',
      sha.edit
    ])

    write(repo, 'main.tf', MAIN_V2)
    sha.delete = commit(repo, 'Drop the jobs queue')

    mkdirSync(join(repo, 'net'))
    git(repo, ['mv', 'network.tf', 'net/network.tf'])
    sha.rename = commit(repo, 'Move the network')

    write(repo, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))
    write(repo, 'my stack/vars ü.tf', 'variable "x" {}')
    write(repo, 'we"ird\tname.tf', 'locals {}\n')
    sha.odd = commit(repo, 'Odd paths')

    git(repo, ['checkout', '-q', '-b', 'side', sha.delete])
    write(repo, 'side.tf', 'output "a" { value = 1 }\n')
    sha.side = commit(repo, 'Side work')
    git(repo, ['checkout', '-q', 'main'])
    clock++
    git(repo, ['merge', '-q', '--no-ff', '-m', "Merge branch 'side'", 'side'])
    sha.merge = git(repo, ['rev-parse', 'HEAD'])
  })

  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
  })

  function byId(commits: readonly SourceCommit[], id: string): SourceCommit {
    const found = commits.find((c) => c.sha === sha[id])
    if (found === undefined) throw new Error(`no commit ${id}`)
    return found
  }

  it('lists base..head oldest first, parents first', () => {
    const commits = readLocalCommits({ repo, base: sha.base ?? '' })
    const order = commits.map(
      (c) => Object.entries(sha).find(([, s]) => s === c.sha)?.[0]
    )
    expect(order).toHaveLength(7)
    expect(order.at(-1)).toBe('merge')
    // Topological: every commit comes after its parents.
    for (const [i, c] of commits.entries()) {
      for (const parent of c.parents) {
        const at = commits.findIndex((p) => p.sha === parent)
        if (at >= 0) expect(at).toBeLessThan(i)
      }
    }
    expect(byId(commits, 'merge').parents).toEqual([sha.odd, sha.side])
    expect(byId(commits, 'add').parents).toEqual([sha.base])
  })

  it('reads messages, identities, dates, trailers and notes', () => {
    const commits = readLocalCommits({ repo, base: 'main~6', head: 'main' })
    expect(commits).toHaveLength(7)
    const edit = byId(commits, 'edit')
    expect(edit).toMatchObject({
      author: CLAUDE,
      committer: HUMAN,
      subject: 'Rename the database',
      message:
        'Rename the database\n\nFaster instance too.\n\n' +
        'Co-authored-by: Claude <noreply@anthropic.com>\n' +
        'Co-authored-by: Bob Roe <bob@example.com>\n',
      notes: 'agent: claude-code\n',
      authorDate: '2024-03-01T10:03:00+01:00'
    })
    expect(byId(commits, 'add')).not.toHaveProperty('notes')
    expect(byId(commits, 'add').message).toBe('Add the database\n')
  })

  it('parses added, modified, deleted-block and renamed files', () => {
    const commits = readLocalCommits({ repo, base: sha.base ?? '' })
    expect(byId(commits, 'add').files).toEqual([
      {
        path: 'db.tf',
        status: 'added',
        hunks: [
          {
            oldStart: 0,
            oldLines: 0,
            newStart: 1,
            newLines: 5,
            removed: [],
            added: DB_V1.trimEnd().split('\n')
          }
        ]
      }
    ])
    expect(byId(commits, 'edit').files).toEqual([
      {
        path: 'db.tf',
        status: 'modified',
        hunks: [
          {
            oldStart: 2,
            oldLines: 1,
            newStart: 2,
            newLines: 1,
            removed: ['  identifier     = "app-db"'],
            added: ['  identifier     = "app-db-v2"']
          },
          {
            oldStart: 4,
            oldLines: 1,
            newStart: 4,
            newLines: 1,
            removed: ['  instance_class = "db.t3.micro"'],
            added: ['  instance_class = "db.t3.small"']
          }
        ]
      }
    ])
    expect(byId(commits, 'delete').files).toEqual([
      {
        path: 'main.tf',
        status: 'modified',
        hunks: [
          {
            oldStart: 4,
            oldLines: 4,
            newStart: 3,
            newLines: 0,
            removed: [
              '',
              'resource "aws_sqs_queue" "jobs" {',
              '  name = "jobs"',
              '}'
            ],
            added: []
          }
        ]
      }
    ])
    expect(byId(commits, 'rename').files).toEqual([
      {
        path: 'net/network.tf',
        previousPath: 'network.tf',
        status: 'renamed',
        hunks: []
      }
    ])
  })

  it('handles binary files, spaces, unicode, quoted names and no final newline', () => {
    const commits = readLocalCommits({ repo, base: sha.base ?? '' })
    expect(byId(commits, 'odd').files).toEqual([
      { path: 'logo.png', status: 'added', hunks: [] },
      {
        path: 'my stack/vars ü.tf',
        status: 'added',
        hunks: [
          {
            oldStart: 0,
            oldLines: 0,
            newStart: 1,
            newLines: 1,
            removed: [],
            added: ['variable "x" {}']
          }
        ]
      },
      {
        path: 'we"ird\tname.tf',
        status: 'added',
        hunks: [
          {
            oldStart: 0,
            oldLines: 0,
            newStart: 1,
            newLines: 1,
            removed: [],
            added: ['locals {}']
          }
        ]
      }
    ])
  })

  it('diffs a merge against its first parent', () => {
    const commits = readLocalCommits({ repo, base: sha.base ?? '' })
    const files = byId(commits, 'merge').files
    expect(files.map((f) => [f.path, f.status])).toEqual([['side.tf', 'added']])
    expect(byId(commits, 'side').files.map((f) => f.path)).toEqual(['side.tf'])
  })

  it('limits diffs, not commits, to the given paths', () => {
    const commits = readLocalCommits({
      repo,
      base: sha.base ?? '',
      paths: ['*.tf']
    })
    expect(commits).toHaveLength(7)
    expect(byId(commits, 'odd').files.map((f) => f.path)).toEqual([
      'my stack/vars ü.tf',
      'we"ird\tname.tf'
    ])
    const none = readLocalCommits({
      repo,
      base: sha.base ?? '',
      paths: ['*.yaml']
    })
    expect(none.every((c) => c.files.length === 0)).toBe(true)
  })

  it('reads the text around each change', () => {
    const commits = readLocalCommits({ repo, base: sha.base ?? '' })
    const versions = readFileVersions(repo, commits, (p) => p.endsWith('.tf'))
    const at = (id: string, path: string) =>
      versions.find((v) => v.sha === sha[id] && v.path === path)
    expect(at('add', 'db.tf')).toEqual({
      sha: sha.add,
      path: 'db.tf',
      after: DB_V1
    })
    expect(at('edit', 'db.tf')).toEqual({
      sha: sha.edit,
      path: 'db.tf',
      before: DB_V1,
      after: DB_V2
    })
    expect(at('rename', 'net/network.tf')).toMatchObject({
      before: 'resource "aws_vpc" "main" {}\n',
      after: 'resource "aws_vpc" "main" {}\n'
    })
    expect(at('odd', 'my stack/vars ü.tf')?.after).toBe('variable "x" {}')
    expect(versions.some((v) => v.path === 'logo.png')).toBe(false)
  })

  it('returns nothing for an empty range', () => {
    expect(readLocalCommits({ repo, base: 'HEAD' })).toEqual([])
  })

  it('serves the port, with no pull request', async () => {
    const source = createLocalCommitSource({ repo, base: sha.base ?? '' })
    expect(await source.listCommits()).toHaveLength(7)
    expect(await source.pullRequest()).toBeUndefined()
    const broken = createLocalCommitSource({ repo, base: 'nope' })
    await expect(broken.listCommits()).rejects.toBeInstanceOf(GitSourceError)
  })

  it('parses deletions, mode changes, CRLF and missing final newlines', () => {
    const small = join(root, 'small')
    mkdirSync(small)
    git(small, ['init', '-q'])
    write(small, 'a.tf', 'x')
    write(small, 'gone.tf', 'a\nb\n')
    write(small, 'run.sh', 'echo\n')
    write(small, 'win.tf', 'a = 1\r\nb = 2\r\n')
    const first = commit(small, 'Start')
    write(small, 'a.tf', 'x\ny')
    rmSync(join(small, 'gone.tf'))
    chmodSync(join(small, 'run.sh'), 0o755)
    write(small, 'win.tf', 'a = 1\r\nb = 3\r\n')
    commit(small, 'Change')
    const [change] = readLocalCommits({ repo: small, base: first })
    expect(change?.files).toEqual([
      {
        path: 'a.tf',
        status: 'modified',
        hunks: [
          {
            oldStart: 1,
            oldLines: 1,
            newStart: 1,
            newLines: 2,
            removed: ['x'],
            added: ['x', 'y']
          }
        ]
      },
      {
        path: 'gone.tf',
        status: 'deleted',
        hunks: [
          {
            oldStart: 1,
            oldLines: 2,
            newStart: 0,
            newLines: 0,
            removed: ['a', 'b'],
            added: []
          }
        ]
      },
      { path: 'run.sh', status: 'modified', hunks: [] },
      {
        path: 'win.tf',
        status: 'modified',
        hunks: [
          {
            oldStart: 2,
            oldLines: 1,
            newStart: 2,
            newLines: 1,
            removed: ['b = 2\r'],
            added: ['b = 3\r']
          }
        ]
      }
    ])
  })

  describe('errors', () => {
    beforeEach(() => {
      // Never find a repository above the temp dir, wherever the tests run.
      vi.stubEnv('GIT_CEILING_DIRECTORIES', root)
    })

    const message = (run: () => unknown): string => {
      try {
        run()
      } catch (error) {
        expect(error).toBeInstanceOf(GitSourceError)
        return (error as Error).message.split(root).join('<tmp>')
      }
      throw new Error('expected a GitSourceError')
    }

    it('says when the directory is not a repository', () => {
      const plain = join(root, 'plain')
      mkdirSync(plain, { recursive: true })
      expect(
        message(() => readLocalCommits({ repo: plain, base: 'main' }))
      ).toMatchInlineSnapshot(
        `"<tmp>/plain: not a git repository (git rev-parse: fatal: not a git repository (or any of the parent directories): .git); pass --repo with a directory inside the clone that holds the change"`
      )
    })

    it('says when the directory does not exist', () => {
      expect(
        message(() =>
          readLocalCommits({ repo: join(root, 'missing'), base: 'main' })
        )
      ).toMatch(
        /^<tmp>\/missing: no such directory \(git rev-parse: fatal: cannot change to/
      )
    })

    it('says how to fetch an unknown base', () => {
      expect(
        message(() => readLocalCommits({ repo, base: 'origin/main' }))
      ).toMatchInlineSnapshot(
        `"<tmp>/repo: unknown base ref "origin/main"; fetch it first (git fetch origin main); in GitHub Actions use actions/checkout with fetch-depth: 0"`
      )
      expect(
        message(() => readLocalCommits({ repo, base: '--all' }))
      ).toContain('unknown base ref "--all"')
    })

    it('says when the head is unknown', () => {
      expect(
        message(() => readLocalCommits({ repo, base: 'main', head: 'nope' }))
      ).toMatchInlineSnapshot(
        `"<tmp>/repo: unknown head ref "nope"; check out the change or pass --head with a ref or SHA that exists locally"`
      )
    })

    it('says how to deepen a shallow clone', () => {
      git(repo, ['tag', 'base0', sha.base ?? ''])
      const shallow = join(root, 'shallow')
      git(root, ['clone', '-q', '--depth=1', `file://${repo}`, shallow])
      expect(
        message(() => readLocalCommits({ repo: shallow, base: 'base0' }))
      ).toMatchInlineSnapshot(
        `"<tmp>/shallow: unknown base ref "base0"; this is a shallow clone: fetch the base (git fetch origin base0) or deepen it (git fetch --unshallow); in GitHub Actions use actions/checkout with fetch-depth: 0"`
      )
      git(shallow, ['fetch', '-q', '--depth=1', 'origin', 'tag', 'base0'])
      expect(
        message(() => readLocalCommits({ repo: shallow, base: 'base0' }))
      ).toMatchInlineSnapshot(
        `"<tmp>/shallow: shallow clone without the history that joins "base0" and the head; deepen it (git fetch --deepen=200, or git fetch --unshallow); in GitHub Actions use actions/checkout with fetch-depth: 0"`
      )
      git(shallow, ['fetch', '-q', '--unshallow', 'origin'])
      expect(readLocalCommits({ repo: shallow, base: 'base0' })).toHaveLength(7)
    })
  })
})
