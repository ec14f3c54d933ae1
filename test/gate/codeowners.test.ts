import { describe, expect, it } from 'vitest'
import {
  DEFAULT_APPROVAL_POLICY,
  describeOwners,
  evaluateApprovals,
  groupByOwners,
  ownersOf,
  parseCodeowners,
  screenCandidates
} from '../../src/gate/index.js'
import type {
  Account,
  ApprovalPolicy,
  CommentCandidate,
  Ownership,
  Permission
} from '../../src/gate/index.js'

const owners = (text: string, path: string): string[] | undefined =>
  ownersOf(parseCodeowners(text, 'CODEOWNERS'), path)?.owners.slice()

describe('parseCodeowners and ownersOf', () => {
  it.each([
    // [CODEOWNERS, path, owners]
    ['* @all', 'a/b/c.tf', ['all']],
    ['*.tf @tf', 'deep/dir/main.tf', ['tf']],
    ['*.tf @tf', 'deep/dir/main.tfvars', undefined],
    ['/main.tf @root', 'main.tf', ['root']],
    ['/main.tf @root', 'sub/main.tf', undefined],
    ['main.tf @any', 'sub/main.tf', ['any']],
    ['apps/ @apps', 'x/apps/y/z.tf', ['apps']],
    ['apps/ @apps', 'x/apps', undefined],
    ['/build/logs/ @logs', 'build/logs/a/b.log', ['logs']],
    ['/build/logs/ @logs', 'other/build/logs/a.log', undefined],
    ['docs @docs', 'a/docs/x.md', ['docs']],
    ['docs/* @docs', 'docs/getting-started.md', ['docs']],
    // GitHub: `docs/*` does not reach nested files.
    ['docs/* @docs', 'docs/build-app/troubleshooting.md', undefined],
    ['docs/** @docs', 'docs/build-app/troubleshooting.md', ['docs']],
    ['**/logs @logs', 'deep/er/logs/x', ['logs']],
    ['**/logs @logs', 'logs/x', ['logs']],
    ['a/**/b.tf @ab', 'a/b.tf', ['ab']],
    ['a/**/b.tf @ab', 'a/x/y/b.tf', ['ab']],
    ['stacks/db/?.tf @q', 'stacks/db/a.tf', ['q']],
    ['stacks/db/?.tf @q', 'stacks/db/ab.tf', undefined],
    ['\\#file @hash', '#file', ['hash']],
    ['*.tf @tf # trailing comment', 'x.tf', ['tf']],
    [
      '*.tf @Tf @ORG/Team ops@example.com',
      'x.tf',
      ['tf', 'org/team', 'ops@example.com']
    ],
    // Directories (a stack): owned as a file inside them whose name only `*` matches.
    ['/stacks/db/ @dba', 'stacks/db/', ['dba']],
    ['/stacks/db/* @dba', 'stacks/db/', ['dba']],
    ['*.yaml @yaml', 'stacks/db/', undefined],
    ['* @all', '/', ['all']]
  ] as const)('%j matches %s: %j', (text, path, expected) => {
    expect(owners(text, path)).toEqual(expected)
  })

  it('lets the last matching line win, and an ownerless line un-own', () => {
    const text = [
      '# infra',
      '*       @everyone',
      '/infra/ @platform',
      '/infra/db/ @org/dba',
      '/infra/db/scratch.tf'
    ].join('\n')
    expect(owners(text, 'infra/net/main.tf')).toEqual(['platform'])
    expect(owners(text, 'infra/db/main.tf')).toEqual(['org/dba'])
    expect(owners(text, 'infra/db/scratch.tf')).toEqual([])
    expect(owners(text, 'README.md')).toEqual(['everyone'])
    expect(ownersOf(parseCodeowners(text, 'x'), 'infra/db/main.tf')?.line).toBe(
      4
    )
  })

  it('skips lines GitHub rejects and reports each with its line number', () => {
    const parsed = parseCodeowners(
      [
        '*.tf @tf',
        '!*.md @nobody',
        '*.[ch] @c',
        '*.go not-an-owner',
        '/infra/ @ok',
        '\\',
        ''
      ].join('\n'),
      '.github/CODEOWNERS'
    )
    expect(parsed.rules.map((rule) => rule.line)).toEqual([1, 5])
    expect(parsed.warnings).toEqual([
      {
        line: 2,
        message: 'negation ("!*.md") is not supported in CODEOWNERS'
      },
      {
        line: 3,
        message: 'character ranges ("*.[ch]") are not supported in CODEOWNERS'
      },
      {
        line: 4,
        message:
          'owner "not-an-owner" is not @user, @org/team or an e-mail address'
      },
      { line: 6, message: 'the line ends with a lone backslash' }
    ])
  })

  it('treats hostile patterns as literal text, never as a regex', () => {
    expect(owners('a(b|c).tf @x', 'a(b|c).tf')).toEqual(['x'])
    expect(owners('a(b|c).tf @x', 'ab.tf')).toBeUndefined()
    expect(owners('a+.tf @x', 'aaa.tf')).toBeUndefined()
  })
})

const user = (login: string, id: number): Account => ({
  login,
  id,
  type: 'User'
})
const DIGEST = '0123456789abcdef'
const HEAD = '1111111111111111111111111111111111111111'
const AFTER = '2025-06-01T10:05:00Z'
let nextId = 1
const approve = (author: Account): CommentCandidate => ({
  kind: 'comment',
  id: nextId++,
  body: `/approve-destroy ${DIGEST}`,
  author,
  createdAt: AFTER,
  updatedAt: AFTER
})
const ALICE = user('alice', 1)
const BOB = user('bob', 2)
const CAROL = user('carol', 3)

function evaluate(
  candidates: CommentCandidate[],
  ownership: Ownership | undefined,
  policy: Partial<ApprovalPolicy> = {},
  teamMembers?: ReadonlyMap<string, ReadonlySet<string>> | 'unavailable'
) {
  const screened = screenCandidates({
    candidates,
    context: {
      digest: DIGEST,
      headSha: HEAD,
      reportAt: '2025-06-01T10:00:00Z',
      prAuthor: user('agent-operator', 99),
      prState: 'open',
      merged: false,
      contributors: { logins: [], emails: [] },
      policy: {
        ...DEFAULT_APPROVAL_POLICY,
        approvers: ['codeowners'],
        ...policy
      },
      ...(ownership === undefined ? {} : { ownership })
    }
  })
  const permissions = new Map<string, Permission>(
    screened.logins.map((login) => [login, 'write'])
  )
  return {
    screened,
    outcome: evaluateApprovals(
      screened,
      permissions,
      teamMembers === undefined ? {} : { teamMembers }
    )
  }
}

describe('approvals per owner group', () => {
  const codeowners = parseCodeowners(
    ['/db/ @alice @org/dba', '/net/ @bob', '/scratch/'].join('\n'),
    'CODEOWNERS'
  )
  const ownership = groupByOwners(
    [
      { address: 'aws_db_instance.main', files: ['db/main.tf'] },
      { address: 'aws_db_instance.replica', files: ['db/replica.tf'] },
      { address: 'aws_vpc.main', files: ['net/main.tf'] },
      { address: 'aws_s3_bucket.tmp', files: ['scratch/s3.tf'] }
    ],
    codeowners
  )

  it('groups changes by their owner set, the unowned group last', () => {
    expect(ownership).toEqual({
      kind: 'known',
      groups: [
        {
          owners: ['alice', 'org/dba'],
          changes: ['aws_db_instance.main', 'aws_db_instance.replica']
        },
        { owners: ['bob'], changes: ['aws_vpc.main'] },
        { owners: [], changes: ['aws_s3_bucket.tmp'] }
      ]
    })
  })

  it('needs one approval from the owners of every group', () => {
    const { outcome } = evaluate([approve(ALICE)], ownership)
    expect(outcome.state).toBe('pending')
    expect(outcome.owners?.groups.map((g) => g.approvedBy)).toEqual([
      ['alice'],
      [],
      ['alice']
    ])
    const both = evaluate([approve(ALICE), approve(BOB)], ownership)
    expect(both.outcome.state).toBe('approved')
  })

  it('refuses a writer who owns nothing, naming who can approve', () => {
    const { outcome } = evaluate(
      [approve(CAROL)],
      ownership,
      { codeownersFallback: 'block' },
      new Map([['org/dba', new Set<string>()]])
    )
    expect(outcome.state).toBe('pending')
    expect(outcome.rejected).toHaveLength(1)
    expect(outcome.rejected[0]?.code).toBe('not-owner')
    expect(outcome.rejected[0]?.message).toBe(
      'Not counted: the author is not a code owner of the gated changes; who can approve: @alice, @org/dba for aws_db_instance.main and 1 more; @bob for aws_vpc.main; nobody (codeowners-fallback: block) for aws_s3_bucket.tmp.'
    )
  })

  it('counts a member of an owning team, and asks for the teams it needs', () => {
    const { screened, outcome } = evaluate(
      [approve(CAROL), approve(BOB)],
      ownership,
      {},
      new Map([['org/dba', new Set(['carol'])]])
    )
    expect(screened.teamsToResolve).toEqual(['org/dba'])
    expect(outcome.state).toBe('approved')
  })

  it('says the teams are unreadable rather than "not an owner"', () => {
    const { outcome } = evaluate(
      [approve(CAROL)],
      ownership,
      { codeownersFallback: 'block' },
      'unavailable'
    )
    expect(outcome.rejected[0]?.code).toBe('teams-unavailable')
  })

  it.each([
    ['anyone', [], true],
    ['approvers', [], true],
    ['approvers', ['dave'], false],
    ['approvers', ['carol'], true],
    ['block', [], false]
  ] as const)(
    'fallback %s (other approvers %j): a non-owner approves the unowned group: %s',
    (fallback, rest, counted) => {
      const unowned = groupByOwners(
        [{ address: 'aws_s3_bucket.tmp', files: ['scratch/s3.tf'] }],
        undefined,
        'no CODEOWNERS at base'
      )
      const { outcome } = evaluate([approve(CAROL)], unowned, {
        approvers: ['codeowners', ...rest],
        codeownersFallback: fallback
      })
      expect(outcome.state).toBe(counted ? 'approved' : 'pending')
      expect(outcome.owners?.note).toBe(
        `no CODEOWNERS at base: fallback ${fallback}`
      )
    }
  )

  it('respects min-approvals across groups', () => {
    const one = groupByOwners(
      [{ address: 'aws_db_instance.main', files: ['db/main.tf'] }],
      codeowners
    )
    const { outcome } = evaluate([approve(ALICE)], one, { minApprovals: 2 })
    expect(outcome.state).toBe('pending')
    const more = evaluate(
      [approve(ALICE), approve(CAROL)],
      one,
      { minApprovals: 2 },
      new Map([['org/dba', new Set(['carol'])]])
    )
    expect(more.outcome.state).toBe('approved')
  })

  it('fails closed when the owners are unknown, but still counts a denial', () => {
    const unknown: Ownership = { kind: 'unknown', reason: 'no review record' }
    const { outcome } = evaluate([approve(ALICE)], unknown, {
      codeownersFallback: 'anyone'
    })
    expect(outcome.state).toBe('pending')
    expect(outcome.rejected[0]?.code).toBe('owners-unknown')
    expect(outcome.owners?.note).toBe(
      'code owners unknown (no review record): approvals blocked'
    )
    const deny: CommentCandidate = {
      ...approve(ALICE),
      body: `/deny-destroy ${DIGEST}`
    }
    expect(evaluate([deny], unknown).outcome.state).toBe('rejected')
    // No ownership given at all is unknown too.
    expect(evaluate([approve(ALICE)], undefined).outcome.state).toBe('pending')
  })

  it('describes the groups before anyone approved', () => {
    expect(
      describeOwners(ownership, {
        ...DEFAULT_APPROVAL_POLICY,
        approvers: ['codeowners', 'lead'],
        codeownersFallback: 'approvers'
      })
    ).toEqual({
      groups: [
        {
          owners: ['alice', 'org/dba'],
          changes: ['aws_db_instance.main', 'aws_db_instance.replica'],
          canApprove: ['@alice', '@org/dba'],
          approvedBy: []
        },
        {
          owners: ['bob'],
          changes: ['aws_vpc.main'],
          canApprove: ['@bob'],
          approvedBy: []
        },
        {
          owners: [],
          changes: ['aws_s3_bucket.tmp'],
          fallback: 'approvers',
          canApprove: ['@lead'],
          approvedBy: []
        }
      ],
      note: '1 without code owner: fallback approvers'
    })
  })
})
