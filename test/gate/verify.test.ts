import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analyze.js'
import { reviewedItems } from '../../src/gate/index.js'
import { buildRecord } from '../../src/gate/record.js'
import { verifyAgainstReviews } from '../../src/gate/verify.js'
import type { ReviewedPull, ReviewOutcome } from '../../src/gate/verify.js'
import type { Analysis } from '../../src/model.js'
import { readPlan } from '../../src/plan/index.js'
import { renderVerifyText } from '../../src/report/index.js'
import {
  analyzeDocs,
  analyzeFixtures,
  fixtureJson,
  fixtureText
} from '../helpers.js'

/*
 * verify on real plans (test/fixtures/terraform, made by generate.sh; one
 * CloudFormation change set): a pull request's review is the record of
 * what plangate showed for one plan, and the plan about to be applied is
 * another real plan.
 */

/** A merged pull request whose review showed `reviewed`, and ended `outcome`. */
function pull(
  number: number,
  outcome: ReviewOutcome,
  reviewed: Analysis,
  approvedBy: string[] = outcome === 'approved' ? ['alice'] : []
): ReviewedPull {
  return {
    number,
    outcome,
    approvedBy,
    record: buildRecord(
      {
        repository: 'acme/infra',
        pullNumber: number,
        baseRef: 'main',
        headSha: 'e'.repeat(40)
      },
      reviewedItems(reviewed)
    )
  }
}

/** Each change of the result as `address action: state`. */
function states(result: ReturnType<typeof verifyAgainstReviews>): string[] {
  return result.changes.map((c) => `${c.address} ${c.action}: ${c.state}`)
}

/** Analyses a fixture with the gate off: its destructive changes are reviewed, none gated. */
function analyzeUngated(name: string): Analysis {
  return analyze([readPlan({ source: name, text: fixtureText(name) })], {
    policy: {
      gateOn: 'none',
      unattributed: 'pass',
      automationAs: 'automation'
    }
  })
}

const KITCHEN = analyzeFixtures('terraform/kitchen-sink.json')
const SERVER_REPLACE = analyzeFixtures('terraform/replace-cannot-update.json')

describe('verifyAgainstReviews', () => {
  it('approved pull request, same plan: verified, each change approved there', () => {
    const result = verifyAgainstReviews(KITCHEN, [pull(7, 'approved', KITCHEN)])
    expect(result.verdict).toBe('verified')
    expect(result.problems).toEqual([])
    expect(result.changes).toHaveLength(5)
    for (const change of result.changes)
      expect(change).toMatchObject({
        state: 'approved',
        pull: 7,
        detail: 'approved in #7 by @alice'
      })
    expect(result.summary).toBe(
      'verified: 5 destructive changes, each reviewed and, where gated, approved'
    )
  })

  it('matches by what a change is, not by plan file or head', () => {
    // The apply job names its plan differently and plans from another commit.
    const applied = analyze([
      readPlan({
        source: 'main/plan.json',
        text: fixtureText('terraform/kitchen-sink.json')
      })
    ])
    expect(applied.plans[0]?.source).toBe('main/plan.json')
    expect(
      verifyAgainstReviews(applied, [pull(7, 'approved', KITCHEN)]).verdict
    ).toBe('verified')
  })

  it('a passing review showed changes it did not gate: verified as reviewed', () => {
    const reviewed = analyzeUngated('terraform/replace-cannot-update.json')
    expect(reviewedItems(reviewed).map((i) => i.gated)).toEqual([false])
    const result = verifyAgainstReviews(SERVER_REPLACE, [
      pull(8, 'pass', reviewed)
    ])
    expect(result.verdict).toBe('verified')
    expect(states(result)).toEqual(['terraform_data.server replace: reviewed'])
  })

  it('an extra destroy that no review showed: blocked, naming it and the pull request', () => {
    const applied = analyzeFixtures(
      'terraform/replace-cannot-update.json',
      'terraform/destroy-no-resource-config.json'
    )
    const result = verifyAgainstReviews(applied, [
      pull(9, 'approved', SERVER_REPLACE)
    ])
    expect(result.verdict).toBe('blocked')
    expect(states(result)).toEqual([
      'terraform_data.server replace: approved',
      'terraform_data.legacy destroy: unreviewed'
    ])
    expect(result.changes[1]).toMatchObject({
      pull: 9,
      detail: 'never shown in the review of #9'
    })
    expect(result.summary).toBe(
      'blocked: 2 destructive changes, 1 never reviewed'
    )
    expect(renderVerifyText(result)).toContain(
      '✗ terraform_data.legacy (destroy, terraform_data): never reviewed'
    )
  })

  it('a replace was reviewed but the applied plan destroys: blocked', () => {
    // deposed.json: the replacement of terraform_data.server failed, and
    // its deposed object is now destroyed: a destroy at the reviewed address.
    const applied = analyzeFixtures('terraform/deposed.json')
    const result = verifyAgainstReviews(applied, [
      pull(10, 'approved', SERVER_REPLACE)
    ])
    expect(result.verdict).toBe('blocked')
    expect(states(result)).toEqual([
      'terraform_data.server replace: approved',
      'terraform_data.server destroy: unreviewed'
    ])
  })

  it('a gated pull request merged while blocked (admin bypass): blocked', () => {
    const result = verifyAgainstReviews(KITCHEN, [pull(11, 'blocked', KITCHEN)])
    expect(result.verdict).toBe('blocked')
    expect(result.problems).toEqual([
      'pull request #11 was merged while plangate blocked it (its gated changes were never approved)'
    ])
    expect(new Set(result.changes.map((c) => c.state))).toEqual(
      new Set(['unapproved'])
    )
    expect(result.changes[0]?.detail).toBe(
      'gated in #11 and never approved (blocked)'
    )
  })

  it('a denied digest: blocked', () => {
    const result = verifyAgainstReviews(KITCHEN, [
      pull(12, 'rejected', KITCHEN, [])
    ])
    expect(result.verdict).toBe('blocked')
    expect(result.problems).toEqual([
      'pull request #12 was merged although its destructive changes were denied'
    ])
    expect(result.changes.every((c) => c.state === 'unapproved')).toBe(true)
  })

  it('a pull request without a plangate decision: blocked', () => {
    const result = verifyAgainstReviews(SERVER_REPLACE, [
      {
        number: 13,
        outcome: 'undecided',
        approvedBy: [],
        problem: 'no plangate status at its head'
      }
    ])
    expect(result.verdict).toBe('blocked')
    expect(result.problems).toEqual([
      'pull request #13: no plangate status at its head',
      'pull request #13 was merged without a plangate decision for its head'
    ])
    expect(states(result)).toEqual([
      'terraform_data.server replace: unreviewed'
    ])
  })

  it('no pull request brought the commit: blocked', () => {
    const result = verifyAgainstReviews(KITCHEN, [])
    expect(result.verdict).toBe('blocked')
    expect(result.problems[0]).toBe(
      'no merged pull request brought this commit: nobody reviewed its destructive changes'
    )
    expect(result.changes.every((c) => c.state === 'unreviewed')).toBe(true)
  })

  it('nothing destructive and no pull request: verified', () => {
    for (const name of ['create', 'update', 'no-changes', 'forget']) {
      const result = verifyAgainstReviews(
        analyzeFixtures(`terraform/${name}.json`),
        []
      )
      expect(result, name).toMatchObject({
        verdict: 'verified',
        changes: [],
        problems: [],
        summary: 'verified: nothing destructive to apply'
      })
    }
  })

  it('the same address in another stack: blocked', () => {
    // remove-delete.json deletes ErrorAlarm9D0B6C4E from AppStack; the
    // review showed the same logical id removed from another stack.
    const other = fixtureJson('cloudformation/remove-delete.json')
    other.StackName = 'AuditStack'
    other.StackId = String(other.StackId).replace('AppStack', 'AuditStack')
    const reviewed = analyzeDocs({ source: 'audit.json', doc: other })
    const applied = analyzeFixtures('cloudformation/remove-delete.json')
    expect(reviewedItems(reviewed).map((i) => [i.stack, i.address])).toEqual([
      ['AuditStack', 'ErrorAlarm9D0B6C4E']
    ])
    const result = verifyAgainstReviews(applied, [
      pull(14, 'approved', reviewed)
    ])
    expect(result.verdict).toBe('blocked')
    expect(result.changes).toMatchObject([
      { stack: 'AppStack', address: 'ErrorAlarm9D0B6C4E', state: 'unreviewed' }
    ])
    // The same stack verifies: the test above fails for the stack alone.
    expect(
      verifyAgainstReviews(applied, [pull(14, 'approved', applied)]).verdict
    ).toBe('verified')
  })

  it('an incomplete apply plan: blocked, even when its changes were approved', () => {
    const errored = analyzeFixtures('terraform/errored.json')
    expect(errored.decision.planProblems).not.toEqual([])
    const result = verifyAgainstReviews(errored, [
      pull(15, 'approved', errored)
    ])
    expect(result.verdict).toBe('blocked')
    expect(result.problems).toEqual(errored.decision.planProblems)
    expect(states(result)).toEqual([
      'terraform_data.obsolete destroy: approved'
    ])
  })

  it('an incomplete apply plan with nothing destructive in it: blocked', () => {
    // A change set described while CloudFormation was still computing it:
    // what it does not list yet cannot be verified.
    const partial = analyzeFixtures('cloudformation/in-progress.json')
    const result = verifyAgainstReviews(partial, [])
    expect(result.verdict).toBe('blocked')
    expect(result.changes).toEqual([])
    expect(result.problems).toEqual(partial.decision.planProblems)
    expect(result.problems[0]).toContain('CREATE_IN_PROGRESS')
  })

  it('a merge-queue batch: each change from the pull request that reviewed it', () => {
    const legacy = analyzeFixtures('terraform/destroy-no-resource-config.json')
    const applied = analyzeFixtures(
      'terraform/replace-cannot-update.json',
      'terraform/destroy-no-resource-config.json'
    )
    const result = verifyAgainstReviews(applied, [
      pull(20, 'approved', SERVER_REPLACE),
      pull(21, 'approved', legacy, ['bob'])
    ])
    expect(result.verdict).toBe('verified')
    expect(result.changes.map((c) => [c.address, c.pull, c.detail])).toEqual([
      ['terraform_data.server', 20, 'approved in #20 by @alice'],
      ['terraform_data.legacy', 21, 'approved in #21 by @bob']
    ])
    // One of the batch merged blocked: the whole batch is blocked.
    const blocked = verifyAgainstReviews(applied, [
      pull(20, 'approved', SERVER_REPLACE),
      pull(21, 'blocked', legacy)
    ])
    expect(blocked.verdict).toBe('blocked')
    expect(states(blocked)).toEqual([
      'terraform_data.server replace: approved',
      'terraform_data.legacy destroy: unapproved'
    ])
  })
})
