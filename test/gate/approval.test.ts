import { describe, expect, it } from 'vitest'
import {
  ApprovalInputError,
  DEFAULT_APPROVAL_POLICY,
  evaluateApprovals,
  parseApprovalCommand,
  REJECTION_CODES,
  rejectionMessage,
  screenCandidates
} from '../../src/gate/index.js'
import type {
  Account,
  ApprovalContext,
  ApprovalOutcome,
  ApprovalPolicy,
  Candidate,
  CommentCandidate,
  EvaluateOptions,
  Permission,
  RejectionCode,
  ReviewCandidate,
  Screened
} from '../../src/gate/index.js'
import { statusDetail } from '../../src/report/index.js'

const DIGEST = '0123456789abcdef'
const OLD_DIGEST = 'fedcba9876543210'
const HEAD = '1111111111111111111111111111111111111111'
const OLD_HEAD = '2222222222222222222222222222222222222222'
const BEFORE = '2025-06-01T09:00:00Z'
const REPORT_AT = '2025-06-01T10:00:00Z'
const AFTER = '2025-06-01T10:05:00Z'
const LATER = '2025-06-01T10:30:00Z'

const user = (login: string, id: number): Account => ({
  login,
  id,
  type: 'User'
})
const OPERATOR = user('operator', 1)
const ALICE = user('alice', 101)
const BOB = user('bob', 102)
const CAROL = user('carol', 103)

function context(
  over: Partial<Omit<ApprovalContext, 'policy'>> & {
    policy?: Partial<ApprovalPolicy>
  } = {}
): ApprovalContext {
  const { policy, ...rest } = over
  return {
    digest: DIGEST,
    headSha: HEAD,
    reportAt: REPORT_AT,
    prAuthor: OPERATOR,
    prState: 'open',
    merged: false,
    contributors: { logins: ['operator'], emails: [] },
    ...rest,
    policy: { ...DEFAULT_APPROVAL_POLICY, ...policy }
  }
}

let nextId = 1000
function comment(over: Partial<CommentCandidate> = {}): CommentCandidate {
  const createdAt = over.createdAt ?? AFTER
  return {
    kind: 'comment',
    id: nextId++,
    body: `/approve-destroy ${DIGEST}`,
    author: ALICE,
    createdAt,
    updatedAt: createdAt,
    ...over
  }
}

function review(over: Partial<ReviewCandidate> = {}): ReviewCandidate {
  return {
    kind: 'review',
    id: nextId++,
    body: `/approve-destroy ${DIGEST}`,
    author: ALICE,
    state: 'APPROVED',
    commitId: HEAD,
    submittedAt: AFTER,
    ...over
  }
}

/** Everyone the screen asks about gets `write`, unless listed. */
function permissionsFor(
  screened: Screened,
  over: Record<string, Permission | 'error' | undefined> = {}
): Map<string, Permission | 'error'> {
  const map = new Map<string, Permission | 'error'>()
  for (const login of screened.logins) {
    const value = login in over ? over[login] : 'write'
    if (value !== undefined) map.set(login, value)
  }
  return map
}

interface Run {
  screened: Screened
  outcome: ApprovalOutcome
  codes: RejectionCode[]
}

function run(
  candidates: readonly Candidate[],
  ctx: ApprovalContext = context(),
  permissions: Record<string, Permission | 'error' | undefined> = {},
  options: EvaluateOptions = {}
): Run {
  const screened = screenCandidates({ candidates, context: ctx })
  const outcome = evaluateApprovals(
    screened,
    permissionsFor(screened, permissions),
    options
  )
  return {
    screened,
    outcome,
    codes: outcome.rejected.map((rejection) => rejection.code)
  }
}

interface AttackCase {
  name: string
  candidates: Candidate[]
  context?: ApprovalContext
  permissions?: Record<string, Permission | 'error' | undefined>
  options?: EvaluateOptions
  state: ApprovalOutcome['state']
  codes: RejectionCode[]
}

describe('merge-gate.md §10 attacks', () => {
  it.each<AttackCase>([
    {
      name: '#1 the PR author approves their own PR',
      candidates: [comment({ author: OPERATOR })],
      state: 'pending',
      codes: ['pr-author']
    },
    {
      name: '#1 the PR author, renamed since opening the PR (matched by id)',
      candidates: [comment({ author: user('operator-renamed', 1) })],
      state: 'pending',
      codes: ['pr-author']
    },
    {
      name: '#1 the PR author with another case of the login',
      candidates: [comment({ author: user('OPERATOR', 1) })],
      state: 'pending',
      codes: ['pr-author']
    },
    {
      name: '#1 allow-pr-author lets the author (who also committed) approve',
      candidates: [comment({ author: OPERATOR })],
      context: context({ policy: { allowPrAuthor: true } }),
      state: 'approved',
      codes: []
    },
    {
      name: '#2 github-actions[bot]',
      candidates: [
        comment({
          author: { login: 'github-actions[bot]', id: 2, type: 'Bot' }
        })
      ],
      state: 'pending',
      codes: ['bot']
    },
    {
      name: '#2 copilot-swe-agent[bot]',
      candidates: [
        comment({
          author: { login: 'copilot-swe-agent[bot]', id: 3, type: 'Bot' }
        })
      ],
      state: 'pending',
      codes: ['bot']
    },
    {
      name: '#2 dependabot[bot]',
      candidates: [
        comment({ author: { login: 'dependabot[bot]', id: 4, type: 'Bot' } })
      ],
      state: 'pending',
      codes: ['bot']
    },
    {
      name: '#2 user.type Bot with a plain login',
      candidates: [
        comment({ author: { login: 'release-helper', id: 5, type: 'Bot' } })
      ],
      state: 'pending',
      codes: ['bot']
    },
    {
      name: '#2 GraphQL login without the [bot] suffix',
      candidates: [
        comment({ author: { login: 'github-actions', id: 2, type: 'Bot' } })
      ],
      state: 'pending',
      codes: ['bot']
    },
    {
      name: '#2 a [bot] login even when the type says User',
      candidates: [
        comment({ author: { login: 'Renovate[BOT]', id: 6, type: 'User' } })
      ],
      state: 'pending',
      codes: ['bot']
    },
    {
      name: '#2 an account type that is not User (Mannequin)',
      candidates: [
        comment({ author: { login: 'imported', id: 7, type: 'Mannequin' } })
      ],
      state: 'pending',
      codes: ['bot']
    },
    {
      name: '#3 an AI agent on a normal user account (case-insensitive login)',
      candidates: [comment({ author: user('Claude-Agent', 8) })],
      context: context({ policy: { aiLogins: ['claude-agent'] } }),
      state: 'pending',
      codes: ['ai-agent']
    },
    {
      name: '#3 an AI agent matched by a glob',
      candidates: [comment({ author: user('ci-agent-7', 9) })],
      context: context({ policy: { aiLogins: ['CI-Agent-?'] } }),
      state: 'pending',
      codes: ['ai-agent']
    },
    {
      name: '#3 a [bot] pattern matches the GraphQL login without the suffix',
      candidates: [comment({ author: user('platform-agent', 10) })],
      context: context({ policy: { aiLogins: ['platform-agent[bot]'] } }),
      state: 'pending',
      codes: ['ai-agent']
    },
    {
      name: '#4 posted by an app on a user’s behalf',
      candidates: [comment({ viaApp: 'some-assistant' })],
      state: 'pending',
      codes: ['via-app']
    },
    {
      name: '#5 read collaborator (association COLLABORATOR)',
      candidates: [comment()],
      permissions: { alice: 'read' },
      state: 'pending',
      codes: ['insufficient-permission']
    },
    {
      name: '#5 triage collaborator (association MEMBER)',
      candidates: [comment()],
      permissions: { alice: 'triage' },
      state: 'pending',
      codes: ['insufficient-permission']
    },
    {
      name: '#5 no access at all',
      candidates: [comment()],
      permissions: { alice: 'none' },
      state: 'pending',
      codes: ['insufficient-permission']
    },
    {
      name: '#5 write is not enough when the policy asks for maintain',
      candidates: [comment()],
      context: context({ policy: { minPermission: 'maintain' } }),
      permissions: { alice: 'write' },
      state: 'pending',
      codes: ['insufficient-permission']
    },
    {
      name: '#6 association CONTRIBUTOR but live write: accepted',
      candidates: [comment()],
      permissions: { alice: 'write' },
      state: 'approved',
      codes: []
    },
    {
      name: '#6 live maintain: accepted',
      candidates: [comment()],
      permissions: { alice: 'maintain' },
      state: 'approved',
      codes: []
    },
    {
      name: '#6 live admin: accepted under min-permission admin',
      candidates: [comment()],
      context: context({ policy: { minPermission: 'admin' } }),
      permissions: { alice: 'admin' },
      state: 'approved',
      codes: []
    },
    {
      name: '#8 a committer of the PR',
      candidates: [comment()],
      context: context({
        contributors: { logins: ['operator', 'Alice'], emails: [] }
      }),
      state: 'pending',
      codes: ['contributor']
    },
    {
      name: '#8 a Co-authored-by noreply email (id+login)',
      candidates: [comment()],
      context: context({
        contributors: {
          logins: [],
          emails: ['101+alice@users.noreply.github.com']
        }
      }),
      state: 'pending',
      codes: ['contributor']
    },
    {
      name: '#8 a co-author by noreply id after a rename',
      candidates: [comment({ author: user('alice-new', 101) })],
      context: context({
        contributors: {
          logins: [],
          emails: ['101+alice@users.noreply.github.com']
        }
      }),
      state: 'pending',
      codes: ['contributor']
    },
    {
      name: '#8 a co-author by the old noreply form (login only)',
      candidates: [comment()],
      context: context({
        contributors: { logins: [], emails: ['ALICE@users.noreply.github.com'] }
      }),
      state: 'pending',
      codes: ['contributor']
    },
    {
      name: '#8 a REST [bot] contributor seen as a GraphQL login without it',
      candidates: [comment({ author: user('claude-helper', 11) })],
      context: context({
        contributors: { logins: ['Claude-Helper[bot]'], emails: [] }
      }),
      state: 'pending',
      codes: ['contributor']
    },
    {
      name: '#8 allow-contributors lets a committer approve',
      candidates: [comment()],
      context: context({
        contributors: { logins: ['alice'], emails: [] },
        policy: { allowContributors: true }
      }),
      state: 'approved',
      codes: []
    },
    {
      name: '#9 the permission API failed (403/404/500/timeout)',
      candidates: [comment()],
      permissions: { alice: 'error' },
      state: 'pending',
      codes: ['permission-unknown']
    },
    {
      name: '#9 no permission was looked up at all',
      candidates: [comment()],
      permissions: { alice: undefined },
      state: 'pending',
      codes: ['permission-unknown']
    },
    {
      name: '#9 the team API is unavailable with GITHUB_TOKEN',
      candidates: [comment()],
      context: context({ policy: { approvers: ['acme/platform'] } }),
      options: { teamMembers: 'unavailable' },
      state: 'pending',
      codes: ['teams-unavailable']
    },
    {
      name: '#10 wrong digest',
      candidates: [comment({ body: '/approve-destroy aaaaaaaaaaaaaaaa' })],
      state: 'pending',
      codes: ['digest-mismatch']
    },
    {
      name: '#10 truncated digest',
      candidates: [
        comment({ body: `/approve-destroy ${DIGEST.slice(0, 12)}` })
      ],
      state: 'pending',
      codes: ['digest-mismatch']
    },
    {
      name: '#10 old digest from a previous push',
      candidates: [comment({ body: `/approve-destroy ${OLD_DIGEST}` })],
      state: 'pending',
      codes: ['digest-mismatch']
    },
    {
      name: '#10 uppercase hex',
      candidates: [
        comment({ body: `/approve-destroy ${DIGEST.toUpperCase()}` })
      ],
      state: 'pending',
      codes: ['digest-mismatch']
    },
    {
      name: '#10 the full SHA-256 instead of the 16-character digest',
      candidates: [
        comment({ body: `/approve-destroy ${DIGEST}${'0'.repeat(48)}` })
      ],
      state: 'pending',
      codes: ['digest-mismatch']
    },
    {
      name: '#12 approval edited later by its author',
      candidates: [comment({ updatedAt: LATER })],
      state: 'pending',
      codes: ['edited']
    },
    {
      name: '#12 approval edited later by another write user (GraphQL lastEditedAt)',
      candidates: [comment({ editedAt: LATER })],
      state: 'pending',
      codes: ['edited']
    },
    {
      name: '#13 old maintainer comment edited by the agent into an approval',
      candidates: [comment({ createdAt: BEFORE, updatedAt: LATER })],
      state: 'pending',
      codes: ['before-report']
    },
    {
      name: '#14 approval comment deleted (issue_comment.deleted payload)',
      candidates: [comment({ deleted: true })],
      state: 'pending',
      codes: ['deleted']
    },
    {
      name: '#14 approval comment deleted (no longer listed)',
      candidates: [],
      state: 'pending',
      codes: []
    },
    {
      name: '#15 approval posted before the report (predicted digest)',
      candidates: [comment({ createdAt: BEFORE })],
      state: 'pending',
      codes: ['before-report']
    },
    {
      name: '#15 approval posted in the same second as the report',
      candidates: [comment({ createdAt: '2025-06-01T10:00:00.000Z' })],
      state: 'pending',
      codes: ['before-report']
    },
    {
      name: '#29 comment on a closed PR',
      candidates: [comment()],
      context: context({ prState: 'closed' }),
      state: 'pending',
      codes: ['pr-closed']
    },
    {
      name: '#29 comment on a merged PR',
      candidates: [comment()],
      context: context({ prState: 'closed', merged: true }),
      state: 'pending',
      codes: ['pr-closed']
    },
    {
      name: '#37 submitted APPROVED review at the head with the digest',
      candidates: [review()],
      state: 'approved',
      codes: []
    },
    {
      name: '#37 review at another commit',
      candidates: [review({ commitId: OLD_HEAD })],
      state: 'pending',
      codes: ['stale-commit']
    },
    {
      name: '#37 webhook lower-case state approved',
      candidates: [review({ state: 'approved' })],
      state: 'approved',
      codes: []
    },
    {
      name: '#37 pending review',
      candidates: [review({ state: 'PENDING', submittedAt: null })],
      state: 'pending',
      codes: []
    },
    {
      name: '#37 dismissed review',
      candidates: [review({ state: 'DISMISSED' })],
      state: 'pending',
      codes: ['withdrawn']
    },
    {
      name: '#37 COMMENTED review holding an approve command',
      candidates: [review({ state: 'COMMENTED' })],
      state: 'pending',
      codes: ['review-state']
    },
    {
      name: '#37 CHANGES_REQUESTED review holding an approve command',
      candidates: [review({ state: 'CHANGES_REQUESTED' })],
      state: 'pending',
      codes: ['review-state']
    },
    {
      name: '#37 review submitted before the report',
      candidates: [review({ submittedAt: BEFORE })],
      state: 'pending',
      codes: ['before-report']
    },
    {
      name: '#37 review body edited after submission',
      candidates: [review({ editedAt: LATER })],
      state: 'pending',
      codes: ['edited']
    },
    {
      name: '#37 APPROVED review without the command does not count',
      candidates: [review({ body: 'LGTM' })],
      state: 'pending',
      codes: []
    }
  ])('$name', (test) => {
    const { outcome, codes } = run(
      test.candidates,
      test.context,
      test.permissions,
      test.options
    )
    expect(outcome.state).toBe(test.state)
    expect(codes).toEqual(test.codes)
  })

  it('#7 access revoked after approving: the next evaluation is pending', () => {
    const screened = screenCandidates({
      candidates: [comment()],
      context: context()
    })
    const before = evaluateApprovals(screened, new Map([['alice', 'write']]))
    expect(before.state).toBe('approved')
    const after = evaluateApprovals(screened, new Map([['alice', 'read']]))
    expect(after.state).toBe('pending')
    expect(after.rejected.map((r) => r.code)).toEqual([
      'insufficient-permission'
    ])
  })

  it('#9 a failed permission check fails closed with a clear status', () => {
    const { outcome } = run([comment()], context(), { alice: 'error' })
    expect(statusDetail(outcome)).toBe('permission check failed for @alice')
    expect(outcome.rejected[0]?.message).toBe(
      "Not counted: the author's repository permission could not be checked; it will be checked again on the next evaluation."
    )
  })

  it('#12 an approval edited after success reverts to pending', () => {
    const original = comment()
    expect(run([original]).outcome.state).toBe('approved')
    const edited = { ...original, updatedAt: LATER }
    expect(run([edited]).outcome.state).toBe('pending')
  })

  it('#14 deleting the approval reverts to pending', () => {
    const original = comment()
    expect(run([original]).outcome.state).toBe('approved')
    expect(run([{ ...original, deleted: true }]).outcome.state).toBe('pending')
  })

  it('#37 dismissing the approving review reverts to pending', () => {
    const approving = review()
    expect(run([approving]).outcome.state).toBe('approved')
    const { outcome } = run([{ ...approving, state: 'DISMISSED' }])
    expect(outcome.state).toBe('pending')
    expect(outcome.rejected[0]?.notify).toBe(false)
  })

  it('#38 a label cannot approve: labels are not an input of the core', () => {
    const screened = screenCandidates({
      candidates: [],
      context: context(),
      // @ts-expect-error there is no label input: a label never approves
      labels: ['destroy-approved']
    })
    expect(screened.candidates).toEqual([])
    expect(evaluateApprovals(screened, new Map()).state).toBe('pending')
  })

  describe('#39 /deny-destroy', () => {
    it('an eligible deny after approvals rejects', () => {
      const { outcome } = run([
        comment({ author: ALICE }),
        comment({ author: BOB }),
        comment({ author: CAROL, body: `/deny-destroy ${DIGEST}` })
      ])
      expect(outcome.state).toBe('rejected')
      expect(outcome.deniedBy.map((p) => p.login)).toEqual(['carol'])
      expect(outcome.approvedBy.map((p) => p.login)).toEqual(['alice', 'bob'])
    })

    it('a deny wins over a later approval by the same person', () => {
      const { outcome } = run([
        comment({ body: `/deny-destroy ${DIGEST}` }),
        comment({ createdAt: LATER })
      ])
      expect(outcome.state).toBe('rejected')
    })

    it('a deny with a wrong digest is just a rejected candidate', () => {
      const { outcome, codes } = run([
        comment({ author: ALICE }),
        comment({ author: CAROL, body: `/deny-destroy ${OLD_DIGEST}` })
      ])
      expect(outcome.state).toBe('approved')
      expect(codes).toEqual(['digest-mismatch'])
    })

    it('a deny by someone not eligible does not count', () => {
      const { outcome, codes } = run(
        [
          comment({ author: ALICE }),
          comment({ author: CAROL, body: `/deny-destroy ${DIGEST}` })
        ],
        context(),
        { carol: 'read' }
      )
      expect(outcome.state).toBe('approved')
      expect(codes).toEqual(['insufficient-permission'])
    })

    it('a deny by the PR author or a bot does not count', () => {
      const { outcome, codes } = run([
        comment({ author: ALICE }),
        comment({ author: OPERATOR, body: `/deny-destroy ${DIGEST}` }),
        comment({
          author: { login: 'github-actions[bot]', id: 2, type: 'Bot' },
          body: `/deny-destroy ${DIGEST}`
        })
      ])
      expect(outcome.state).toBe('approved')
      expect(codes).toEqual(['pr-author', 'bot'])
    })

    it('a deny is fail-closed: re-running the report or editing it does not lift it', () => {
      const { outcome } = run([
        comment({ author: ALICE }),
        comment({
          author: CAROL,
          body: `/deny-destroy ${DIGEST}`,
          createdAt: BEFORE,
          updatedAt: LATER
        })
      ])
      expect(outcome.state).toBe('rejected')
    })

    it('a deny in a review counts in any submitted state, not when dismissed', () => {
      const deny = `/deny-destroy ${DIGEST}`
      for (const state of ['CHANGES_REQUESTED', 'COMMENTED', 'APPROVED'])
        expect(
          run([review({ author: BOB, body: deny, state })]).outcome.state
        ).toBe('rejected')
      const dismissed = run([
        comment({ author: ALICE }),
        review({ author: BOB, body: deny, state: 'DISMISSED' })
      ])
      expect(dismissed.outcome.state).toBe('approved')
      expect(dismissed.codes).toEqual(['withdrawn'])
    })
  })
})

describe('#11 the command must be exactly the first line', () => {
  const d = DIGEST
  it.each<[string, string]>([
    ['trailing text', `/approve-destroy ${d} thanks`],
    ['/approve-destroy-all', '/approve-destroy-all'],
    ['/approve-destroy-all with the digest', `/approve-destroy-all ${d}`],
    ['on the second line', `Looks good to me.\n/approve-destroy ${d}`],
    ['quoted', `> /approve-destroy ${d}`],
    ['quoted on a later line', `Bob wrote:\n> /approve-destroy ${d}`],
    ['in a fenced code block', `\`\`\`\n/approve-destroy ${d}\n\`\`\``],
    ['in a tilde fence', `~~~\n/approve-destroy ${d}\n~~~`],
    ['in inline code', `\`/approve-destroy ${d}\``],
    ['in an HTML comment', `<!-- /approve-destroy ${d} -->`],
    ['in a multi-line HTML comment', `<!--\n/approve-destroy ${d}\n-->`],
    ['mid-line', `please /approve-destroy ${d}`],
    ['zero-width space inside', `/approve\u200b-destroy ${d}`],
    ['zero-width non-joiner', `/approve-destroy\u200c ${d}`],
    [
      'zero-width joiner in the digest',
      `/approve-destroy ${d.slice(0, 8)}\u200d${d.slice(8)}`
    ],
    ['word joiner', `/approve-destroy ${d}\u2060`],
    ['byte order mark first', `\ufeff/approve-destroy ${d}`],
    ['Cyrillic а', `/\u0430pprove-destroy ${d}`],
    ['Cyrillic е and о', `/appr\u043ev\u0435-destroy ${d}`],
    ['Greek ο', `/appr\u03bfve-destroy ${d}`],
    ['fullwidth slash', `\uff0fapprove-destroy ${d}`],
    ['en dash', `/approve\u2013destroy ${d}`],
    ['leading space', ` /approve-destroy ${d}`],
    ['leading tab', `\t/approve-destroy ${d}`],
    ['NBSP between command and digest', `/approve-destroy\u00a0${d}`],
    ['tab between command and digest', `/approve-destroy\t${d}`],
    ['two spaces between command and digest', `/approve-destroy  ${d}`],
    ['upper-case command', `/APPROVE-DESTROY ${d}`],
    ['no digest', '/approve-destroy'],
    ['no slash', `approve-destroy ${d}`],
    ['underscore', `/approve_destroy ${d}`],
    ['deny with trailing text', `/deny-destroy ${d} because`],
    ['non-hex digest', '/approve-destroy 0123456789abcdeg'],
    ['a second digest', `/approve-destroy ${d} ${d}`],
    ['a carriage return alone as line break', `/approve-destroy ${d}\rok`]
  ])('%s', (_name, body) => {
    const parsed = parseApprovalCommand(body)
    expect(parsed.kind).toBe('malformed')
    const { outcome, codes } = run([comment({ body })])
    expect(outcome.state).toBe('pending')
    expect(codes).toEqual(['malformed'])
    expect(outcome.rejected[0]?.message).not.toContain(DIGEST)
  })

  it.each<[string, string, string]>([
    [
      'trailing text',
      `/approve-destroy ${d} thanks`,
      'nothing may follow the digest on the first line'
    ],
    [
      '/approve-destroy-all',
      `/approve-destroy-all ${d}`,
      'unknown command; use /approve-destroy or /deny-destroy'
    ],
    [
      'second line',
      `LGTM\n/approve-destroy ${d}`,
      'the command must be on the first line'
    ],
    ['quoted', `> /approve-destroy ${d}`, 'the command is quoted'],
    [
      'fenced',
      `\`\`\`\n/approve-destroy ${d}\n\`\`\``,
      'the command is inside code'
    ],
    ['inline code', `\`/approve-destroy ${d}\``, 'the command is inside code'],
    [
      'HTML comment',
      `<!--\n/approve-destroy ${d}\n-->`,
      'the command is inside an HTML comment'
    ],
    [
      'zero-width',
      `/approve-destroy\u200b ${d}`,
      'the first line holds invisible characters'
    ],
    [
      'Cyrillic',
      `/\u0430pprove-destroy ${d}`,
      'the first line holds non-ASCII or control characters (look-alike letters or spaces?)'
    ],
    [
      'leading space',
      ` /approve-destroy ${d}`,
      'the command must start the first line'
    ],
    [
      'NBSP',
      `/approve-destroy\u00a0${d}`,
      'the first line holds non-ASCII or control characters (look-alike letters or spaces?)'
    ],
    [
      'tab',
      `/approve-destroy\t${d}`,
      'put exactly one space between the command and the digest'
    ],
    [
      'upper-case command',
      `/Approve-Destroy ${d}`,
      'the command must be lower case'
    ],
    [
      'upper-case digest',
      `/approve-destroy ${d.toUpperCase()}`,
      'the digest must be lower case'
    ],
    [
      'short digest',
      `/approve-destroy ${d.slice(1)}`,
      'the digest must be 16 lower-case hex characters'
    ],
    ['no digest', '/deny-destroy', 'the digest is missing']
  ])('explains %s', (_name, body, reason) => {
    const parsed = parseApprovalCommand(body)
    expect(parsed).toEqual({ kind: 'malformed', reason })
  })
})

describe('parseApprovalCommand', () => {
  it.each<[string, string, 'approve' | 'deny']>([
    ['exact approve', `/approve-destroy ${DIGEST}`, 'approve'],
    ['exact deny', `/deny-destroy ${DIGEST}`, 'deny'],
    ['trailing spaces and tabs', `/approve-destroy ${DIGEST} \t `, 'approve'],
    ['trailing carriage return', `/approve-destroy ${DIGEST}\r`, 'approve'],
    [
      'CRLF and more text below',
      `/approve-destroy ${DIGEST} \r\nChecked the DB snapshot.\n> quote`,
      'approve'
    ],
    [
      'a later line may say anything',
      `/deny-destroy ${DIGEST}\n/approve-destroy ${DIGEST}`,
      'deny'
    ]
  ])('%s', (_name, body, kind) => {
    expect(parseApprovalCommand(body)).toEqual({ kind, digest: DIGEST })
  })

  it.each<[string, string]>([
    ['an empty body', ''],
    ['plain prose', 'LGTM, ship it'],
    ['another slash command', '/retest'],
    ['prose that approves destroying', 'I approve destroying the old bucket'],
    ['Russian text after a slash', 'см. /приветствуйтедрузья'],
    ['a URL', 'https://example.com/destroy/approve'],
    // Not a letter of a script with look-alikes (nor the skeleton's own stand-in).
    ['a private-use character for a letter', '/\ue000pprove-destroy'],
    ['a Han character for a letter', '/\u627fpprove-destroy']
  ])('%s is not a command', (_name, body) => {
    expect(parseApprovalCommand(body)).toEqual({ kind: 'none' })
  })

  it('never normalises an invalid command into a valid one', () => {
    const tricky = [
      `/approve-destroy ${DIGEST}`.normalize('NFD'),
      `／approve-destroy ${DIGEST}`,
      `/approve-destroy ${'０１２３４５６７８９ａｂｃｄｅｆ'}`,
      `/approve\u00addestroy ${DIGEST}`,
      `/approve-destroy\u3000${DIGEST}`
    ]
    for (const body of tricky.slice(1))
      expect(parseApprovalCommand(body).kind).toBe('malformed')
    // NFD of ASCII is ASCII: still the valid command.
    expect(parseApprovalCommand(tricky[0] ?? '').kind).toBe('approve')
  })
})

describe('screenCandidates', () => {
  it('asks for the permission of only the people whose command could count', () => {
    const screened = screenCandidates({
      candidates: [
        comment({ author: ALICE }),
        comment({ author: ALICE, createdAt: LATER }),
        comment({ author: user('Bob', 102) }),
        comment({ author: CAROL, body: `> /approve-destroy ${DIGEST}` }),
        comment({ author: user('dave', 104), createdAt: BEFORE }),
        comment({ author: { login: 'x[bot]', id: 5, type: 'Bot' } }),
        comment({ author: user('erin', 105), body: 'thanks!' })
      ],
      context: context()
    })
    expect(screened.logins).toEqual(['alice', 'bob'])
    expect(screened.teamsToResolve).toEqual([])
    expect(screened.candidates).toHaveLength(6)
  })

  it('does not reply to bots, apps or deleted comments', () => {
    const { outcome } = run([
      comment({
        author: { login: 'plangate[bot]', id: 9, type: 'Bot' },
        body: `Approve with \`/approve-destroy ${DIGEST}\``
      }),
      comment({ viaApp: 'assistant' }),
      comment({ deleted: true }),
      comment({ author: BOB, body: `/approve-destroy ${OLD_DIGEST}` })
    ])
    expect(outcome.rejected.map((r) => [r.code, r.notify])).toEqual([
      ['malformed', false],
      ['via-app', false],
      ['deleted', false],
      ['digest-mismatch', true]
    ])
  })

  it('looks up nobody on a closed PR', () => {
    const screened = screenCandidates({
      candidates: [comment()],
      context: context({ prState: 'closed' })
    })
    expect(screened.logins).toEqual([])
  })

  it('compares edit times as instants, not strings', () => {
    const { outcome } = run([
      comment({
        createdAt: '2025-06-01T10:05:00Z',
        updatedAt: '2025-06-01T10:05:00.000Z'
      })
    ])
    expect(outcome.state).toBe('approved')
  })

  it('refuses a context it cannot judge by', () => {
    const bad: [Partial<Parameters<typeof context>[0]>, RegExp][] = [
      [{ policy: { minApprovals: 0 } }, /minApprovals must be an integer/],
      [{ policy: { minApprovals: 1.5 } }, /minApprovals/],
      [{ digest: DIGEST.toUpperCase() }, /digest must be 16 lower-case hex/],
      [{ reportAt: 'yesterday' }, /reportAt must be an ISO time/]
    ]
    for (const [over, message] of bad) {
      expect(() =>
        screenCandidates({ candidates: [], context: context(over) })
      ).toThrow(ApprovalInputError)
      expect(() =>
        screenCandidates({ candidates: [], context: context(over) })
      ).toThrow(message)
    }
  })
})

describe('quorum', () => {
  it('counts the same person approving twice once', () => {
    const { outcome } = run(
      [comment(), review({ submittedAt: LATER })],
      context({ policy: { minApprovals: 2 } })
    )
    expect(outcome.state).toBe('pending')
    expect(outcome.approvedBy).toHaveLength(1)
    expect(outcome.approvedBy[0]?.candidates.map((c) => c.kind)).toEqual([
      'comment',
      'review'
    ])
    expect(statusDetail(outcome)).toBe('1/2 approvals')
  })

  it('passes with two distinct people when two are required', () => {
    const { outcome } = run(
      [comment({ author: ALICE }), comment({ author: BOB })],
      context({ policy: { minApprovals: 2 } })
    )
    expect(outcome.state).toBe('approved')
    expect(outcome.approvedBy.map((p) => p.login)).toEqual(['alice', 'bob'])
  })

  it('does not count an ineligible second person toward the quorum', () => {
    const { outcome } = run(
      [comment({ author: ALICE }), comment({ author: BOB })],
      context({ policy: { minApprovals: 2 } }),
      { bob: 'read' }
    )
    expect(outcome.state).toBe('pending')
  })
})

describe('approvers allow-list', () => {
  it('accepts a listed login (any case, with or without @)', () => {
    const { outcome, screened } = run(
      [comment({ author: user('Alice', 101) })],
      context({ policy: { approvers: ['@ALICE'] } })
    )
    expect(outcome.state).toBe('approved')
    expect(screened.teamsToResolve).toEqual([])
  })

  it('refuses an unlisted login without looking up its permission', () => {
    const { outcome, screened, codes } = run(
      [comment({ author: BOB })],
      context({ policy: { approvers: ['alice'] } })
    )
    expect(outcome.state).toBe('pending')
    expect(codes).toEqual(['not-approver'])
    expect(screened.logins).toEqual([])
  })

  it('accepts a member of a listed team', () => {
    const ctx = context({ policy: { approvers: ['Acme/Platform'] } })
    const { outcome, screened } = run(
      [comment()],
      ctx,
      {},
      {
        teamMembers: new Map([['acme/platform', new Set(['ALICE'])]])
      }
    )
    expect(screened.teamsToResolve).toEqual(['acme/platform'])
    expect(outcome.state).toBe('approved')
  })

  it('refuses someone outside the listed teams', () => {
    const { outcome, codes } = run(
      [comment({ author: BOB })],
      context({ policy: { approvers: ['acme/platform'] } }),
      {},
      { teamMembers: new Map([['acme/platform', new Set(['alice'])]]) }
    )
    expect(outcome.state).toBe('pending')
    expect(codes).toEqual(['not-approver'])
  })

  it('makes nobody eligible through teams it could not read, and says why', () => {
    const { outcome } = run(
      [comment()],
      context({ policy: { approvers: ['acme/platform'] } }),
      {},
      { teamMembers: 'unavailable' }
    )
    expect(outcome.state).toBe('pending')
    expect(outcome.rejected[0]?.message).toContain(
      'a GitHub App token with organization members read permission is needed'
    )
    expect(statusDetail(outcome)).toBe(
      'approver teams unreadable without an App token'
    )
  })

  it('treats a team missing from the map as unreadable', () => {
    const { codes } = run(
      [comment()],
      context({ policy: { approvers: ['acme/platform'] } }),
      {},
      { teamMembers: new Map() }
    )
    expect(codes).toEqual(['teams-unavailable'])
  })

  it('still accepts listed logins when the teams are unreadable', () => {
    const { outcome, screened } = run(
      [comment({ author: ALICE })],
      context({ policy: { approvers: ['alice', 'acme/platform'] } }),
      {},
      { teamMembers: 'unavailable' }
    )
    expect(screened.teamsToResolve).toEqual([])
    expect(outcome.state).toBe('approved')
  })
})

describe('rejection messages', () => {
  it('never carry a digest or another person’s permission', () => {
    const { outcome } = run(
      [
        comment({ author: OPERATOR }),
        comment({ body: `/approve-destroy ${OLD_DIGEST}` }),
        comment({ author: BOB }),
        comment({ author: CAROL })
      ],
      context(),
      { bob: 'read', carol: 'error' }
    )
    expect(outcome.rejected).toHaveLength(4)
    for (const rejection of outcome.rejected) {
      expect(rejection.message).not.toMatch(/[0-9a-f]{16}/i)
      expect(rejection.message).not.toMatch(/\b(read|triage|none)\b/)
      expect(rejection.message).toMatch(/^Not counted: .+\.$/)
    }
    expect(
      outcome.rejected.find((r) => r.code === 'insufficient-permission')
        ?.message
    ).toBe('Not counted: the author is not eligible to approve.')
  })

  it.each(REJECTION_CODES)('has a sentence for %s', (code) => {
    expect(rejectionMessage(code)).toMatch(/^Not counted: [a-z].{10,}\.$/)
  })
})
