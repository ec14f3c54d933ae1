import { describe, expect, it } from 'vitest'
import type { ApprovalOutcome } from '../../src/gate/index.js'
import {
  auditLines,
  encodeMarker,
  pendingDetail,
  renderComment,
  staleLines
} from '../../src/report/index.js'
import { analyzeFixtures } from '../helpers.js'

const HEAD = 'a'.repeat(40)
const DIGEST = '0123456789abcdef'

function outcome(partial: Partial<ApprovalOutcome>): ApprovalOutcome {
  return {
    state: 'pending',
    prOpen: true,
    required: 2,
    approvedBy: [],
    deniedBy: [],
    rejected: [],
    ...partial
  }
}

const alice = {
  login: 'alice',
  id: 1,
  candidates: [{ kind: 'comment' as const, id: 11, at: '2026-12-06T10:00:00Z' }]
}

describe('audit lines and status details', () => {
  it('name who approved what, when, where', () => {
    expect(auditLines(outcome({ approvedBy: [alice] }), DIGEST, HEAD)).toEqual([
      `✅ Approved by @alice at 2026-12-06T10:00:00Z (comment 11) for ${DIGEST} at ${HEAD.slice(0, 12)}`,
      '1 of 2 approvals so far'
    ])
  })

  it('say what a blocked status still needs', () => {
    expect(pendingDetail(outcome({ approvedBy: [alice] }))).toBe(
      '1/2 approvals'
    )
    expect(pendingDetail(outcome({ state: 'approved' }))).toBe('')
    expect(pendingDetail(undefined)).toBe('')
    const failed = outcome({
      rejected: ['bob', 'carol', 'dave', 'erin'].map((login, i) => ({
        candidate: { kind: 'comment', id: i, login, authorId: i, at: '' },
        command: 'approve',
        code: 'permission-unknown',
        message: 'Not counted',
        notify: true
      }))
    })
    expect(pendingDetail(failed)).toBe(
      'permission check failed for @bob, @carol, @dave +1'
    )
  })

  it('keep an earlier head approval visible as stale, once', () => {
    const body = renderComment(analyzeFixtures('terraform/kitchen-sink.json'), {
      state: 'approved',
      statusContext: 'plangate/main',
      headSha: HEAD,
      digest: DIGEST,
      audit: auditLines(
        outcome({ state: 'approved', approvedBy: [alice] }),
        DIGEST,
        HEAD
      )
    }).body
    const stale = staleLines(body, 'b'.repeat(40))
    expect(stale).toEqual([
      `Stale, for an earlier head (${HEAD.slice(0, 12)}): Approved by @alice at 2026-12-06T10:00:00Z (comment 11) for ${DIGEST} at ${HEAD.slice(0, 12)}. This head needs a new approval.`
    ])
    expect(staleLines(body, HEAD)).toEqual([])
    expect(staleLines(undefined, HEAD)).toEqual([])
    expect(
      staleLines(
        `${encodeMarker({ context: 'c', head: HEAD, digest: '' })}\nno audit`,
        'c'.repeat(40)
      )
    ).toEqual([])
  })
})
