import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { splitPatch, toFileChange } from '../../src/github/history.js'
import { readLocalCommits } from '../../src/io/git-log.js'

const repo = mkdtempSync(join(tmpdir(), 'plangate-patch-'))
afterAll(() => rmSync(repo, { recursive: true, force: true }))

function git(...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.com',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: repo
    }
  })
}
git('init', '-q')

const lines = (n: number, tag = 'line'): string[] =>
  Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`)

/** Pairs of file versions whose diffs exercise every hunk shape. */
const CASES: [string, string[], string[]][] = [
  ['an insertion at the top', lines(10), ['new', ...lines(10)]],
  ['a deletion at the top', lines(10), lines(10).slice(2)],
  ['a deletion at the end', lines(10), lines(10).slice(0, 7)],
  ['an insertion at the end', lines(10), [...lines(10), 'x', 'y']],
  [
    'changes close together (one API hunk, several zero-context hunks)',
    lines(20),
    lines(20).map((l, i) => (i === 5 || i === 7 ? `${l} changed` : l))
  ],
  [
    'a replacement of a block by a longer one',
    lines(30),
    [...lines(30).slice(0, 10), 'a', 'b', 'c', 'd', ...lines(30).slice(13)]
  ],
  ['a file emptied', lines(4), []],
  ['a file created', [], lines(4)],
  [
    'changes far apart (two API hunks)',
    lines(60),
    lines(60).map((l, i) => (i === 3 || i === 50 ? `${l}!` : l))
  ]
]

describe('splitPatch: the API patch as git --unified=0 hunks', () => {
  it.each(CASES)('%s', (name, before, after) => {
    const file = `${name.replace(/\W+/g, '-')}.tf`
    const text = (l: string[]): string =>
      l.length === 0 ? '' : `${l.join('\n')}\n`
    writeFileSync(join(repo, file), text(before))
    git('add', '-A')
    git('commit', '-q', '--allow-empty', '-m', `before ${name}`)
    const base = git('rev-parse', 'HEAD').trim()
    writeFileSync(join(repo, file), text(after))
    git('add', '-A')
    git('commit', '-q', '-m', `after ${name}`)
    const [commit] = readLocalCommits({ repo, base })
    const expected = commit?.files.find((f) => f.path === file)?.hunks
    expect(expected).toBeDefined()
    // The API's `patch` is git's default diff (3 lines of context) without the file header.
    const patch = git('diff', base, 'HEAD', '--', file)
    const body = patch.slice(patch.indexOf('@@'))
    expect(splitPatch(body.replace(/\n$/, ''))).toEqual(expected)
  })

  it('ignores "no newline at end of file" markers', () => {
    const hunks = splitPatch(
      '@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file'
    )
    expect(hunks).toEqual([
      {
        oldStart: 1,
        oldLines: 1,
        newStart: 1,
        newLines: 1,
        removed: ['a'],
        added: ['b']
      }
    ])
  })
})

describe('toFileChange', () => {
  it.each([
    ['added', 'added'],
    ['removed', 'deleted'],
    ['modified', 'modified'],
    ['renamed', 'renamed'],
    ['copied', 'added'],
    ['changed', 'modified']
  ])('maps the API status %s to %s', (status, expected) => {
    expect(
      toFileChange({ path: 'main.tf', previousPath: 'old.tf', status })
    ).toMatchObject({ path: 'main.tf', status: expected, hunks: [] })
  })

  it('keeps the old path of a rename only', () => {
    expect(
      toFileChange({ path: 'b.tf', previousPath: 'a.tf', status: 'renamed' })
        .previousPath
    ).toBe('a.tf')
    expect(
      toFileChange({ path: 'b.tf', previousPath: 'a.tf', status: 'modified' })
        .previousPath
    ).toBeUndefined()
  })
})
