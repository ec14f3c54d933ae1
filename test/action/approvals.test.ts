import { describe, expect, it } from 'vitest'
import {
  contributorsOf,
  digestOf,
  publishedReview
} from '../../src/action/approvals.js'
import { findOwnComment, sameAccount } from '../../src/action/run.js'
import type {
  Account,
  IssueComment,
  PullCommit,
  ReadStatus
} from '../../src/github/port.js'
import {
  encodeMarker,
  NOTHING_GATED,
  reviewStatus
} from '../../src/report/index.js'

const BOT: Account = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
const MALLORY: Account = { login: 'mallory', id: 66, type: 'User' }
const D1 = '0123456789abcdef'
const D2 = 'fedcba9876543210'

function status(
  state: ReadStatus['state'],
  description: string,
  createdAt: string,
  creator: Account = BOT,
  context = 'plangate/main'
): ReadStatus {
  return { state, description, context, creator, createdAt }
}

describe('publishedReview: what plangate last published for a head', () => {
  const blocked = reviewStatus({
    state: 'blocked',
    counts: { ...NOTHING_GATED, gated: 3 },
    destructive: 3,
    digest: D1
  })
  const approved = reviewStatus({
    state: 'approved',
    counts: { ...NOTHING_GATED, gated: 3 },
    destructive: 3,
    digest: D1,
    approvers: ['alice']
  })

  it('takes the digest from the latest status and the time from the first with that digest', () => {
    const review = publishedReview(
      [
        status('success', approved.description, '2026-12-06T10:05:00Z'),
        status('failure', blocked.description, '2026-12-06T10:01:00Z'),
        status('failure', blocked.description, '2026-12-06T10:00:00Z')
      ],
      BOT,
      'plangate/main',
      sameAccount
    )
    expect(review).toMatchObject({
      digest: D1,
      counts: { gated: 3 },
      reportAt: '2026-12-06T10:00:00Z'
    })
  })

  it('starts the clock again for a new digest', () => {
    const other = reviewStatus({
      state: 'blocked',
      counts: { ...NOTHING_GATED, gated: 1 },
      destructive: 1,
      digest: D2
    })
    const review = publishedReview(
      [
        status('failure', other.description, '2026-12-06T11:00:00Z'),
        status('failure', blocked.description, '2026-12-06T10:00:00Z')
      ],
      BOT,
      'plangate/main',
      sameAccount
    )
    expect(review).toMatchObject({
      digest: D2,
      counts: { gated: 1 },
      reportAt: '2026-12-06T11:00:00Z'
    })
  })

  it('ignores statuses of the context set by anyone else (a forged digest)', () => {
    const forged = reviewStatus({
      state: 'blocked',
      counts: { ...NOTHING_GATED, gated: 1 },
      destructive: 1,
      digest: D2
    })
    const review = publishedReview(
      [
        status('failure', forged.description, '2026-12-06T12:00:00Z', MALLORY),
        status(
          'success',
          'approved by @mallory',
          '2026-12-06T12:01:00Z',
          MALLORY
        ),
        status('failure', blocked.description, '2026-12-06T10:00:00Z')
      ],
      BOT,
      'plangate/main',
      sameAccount
    )
    expect(review?.digest).toBe(D1)
  })

  it('ignores other contexts', () => {
    expect(
      publishedReview(
        [
          status(
            'failure',
            blocked.description,
            '2026-12-06T10:00:00Z',
            BOT,
            'plangate/release'
          )
        ],
        BOT,
        'plangate/main',
        sameAccount
      )
    ).toBeUndefined()
  })

  it.each([
    [
      'nothing gated',
      status('success', 'no destructive changes', '2026-12-06T10:00:00Z')
    ],
    [
      'an error naming hex',
      status('error', `plangate error: ${D1} failed`, '2026-12-06T10:00:00Z')
    ],
    [
      'an incomplete plan',
      status('failure', 'plan incomplete: errored', '2026-12-06T10:00:00Z')
    ]
  ])('finds nothing to approve after %s', (_name, latest) => {
    expect(
      publishedReview(
        [
          latest,
          status('failure', blocked.description, '2026-12-06T09:00:00Z')
        ],
        BOT,
        'plangate/main',
        sameAccount
      )
    ).toBeUndefined()
  })

  it('reads the digest only as a separate word', () => {
    expect(digestOf(status('failure', `x${D1}`, 't'))).toBeUndefined()
    expect(digestOf(status('failure', `${D1}0`, 't'))).toBeUndefined()
    expect(digestOf(status('failure', `(${D1})`, 't'))).toBe(D1)
  })
})

describe('contributorsOf', () => {
  const person = (name: string, email: string, login?: string) => ({
    name,
    email,
    date: '2026-12-06T10:00:00Z',
    ...(login === undefined ? {} : { login })
  })
  it('collects authors, committers and co-authors (trailers only)', () => {
    const commits: PullCommit[] = [
      {
        sha: 'a'.repeat(40),
        parents: [],
        author: person('Dana', 'dana@example.com', 'Dana-Human'),
        committer: person('GitHub', 'noreply@github.com', 'web-flow'),
        message:
          'Change\n\nCo-authored-by: Sam <123+sam@users.noreply.github.com>'
      },
      {
        sha: 'b'.repeat(40),
        parents: [],
        author: person('Eve', 'eve@example.com'),
        committer: person('Eve', 'eve@example.com'),
        message: 'Quote\n\n```\nCo-authored-by: Zed <zed@example.com>\n```\n'
      }
    ]
    const { logins, emails } = contributorsOf(commits)
    expect(logins.sort()).toEqual(['dana-human', 'web-flow'])
    expect(emails).toContain('123+sam@users.noreply.github.com')
    expect(emails).toContain('eve@example.com')
    expect(emails).not.toContain('zed@example.com')
  })
})

describe('findOwnComment', () => {
  const marker = (context: string): string =>
    `${encodeMarker({ context, head: 'a'.repeat(40), digest: D1 })}\nbody`
  const comment = (
    id: number,
    author: Account,
    body: string
  ): IssueComment => ({
    id,
    body,
    author,
    createdAt: '2026-12-06T10:00:00Z',
    updatedAt: '2026-12-06T10:00:00Z',
    htmlUrl: ''
  })

  it('needs both the marker for the context and our own identity', () => {
    const comments = [
      comment(1, BOT, marker('plangate/main')),
      comment(2, MALLORY, marker('plangate/main')),
      comment(3, BOT, marker('plangate/release')),
      comment(4, BOT, `text ${marker('plangate/main')}`)
    ]
    expect(findOwnComment(comments, BOT, 'plangate/main')?.id).toBe(1)
    expect(findOwnComment(comments, BOT, 'plangate/release')?.id).toBe(3)
  })

  it('matches GraphQL logins without [bot], but not a user named like the bot', () => {
    const viewer: Account = {
      login: 'github-actions',
      id: 41898282,
      type: 'Bot'
    }
    const impostor: Account = { login: 'github-actions', id: 7, type: 'User' }
    expect(
      findOwnComment([comment(1, BOT, marker('c'))], viewer, 'c')?.id
    ).toBe(1)
    expect(
      findOwnComment([comment(2, impostor, marker('c'))], viewer, 'c')
    ).toBeUndefined()
  })
})
