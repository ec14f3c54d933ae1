/**
 * Precise cause (issue 13): the plan's `action_reason` narrows which
 * commits caused a destroy or a replacement, on a real repository
 * (test/fixtures/attribution/cause/build-repo.sh) and the real plan of its
 * head. An AI commit renames every resource's `input` (in-place updates);
 * people then make each destructive change. Only their commits are blamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis, ChangeVerdict } from '../../src/model.js'
import { buildScenario } from '../support/scenario-analysis.js'
import type { Scenario } from '../support/scenario-analysis.js'

let scenario: Scenario
beforeAll(() => {
  scenario = buildScenario('cause')
})
afterAll(() => scenario.dispose())

function verdictOf(analysis: Analysis, address: string): ChangeVerdict {
  const change = analysis.plans[0]?.changes.find((c) => c.address === address)
  const verdict =
    change === undefined ? undefined : analysis.verdicts?.get(change)
  if (verdict === undefined) throw new Error(`no verdict for ${address}`)
  return verdict
}

function subjects(analysis: Analysis, verdict: ChangeVerdict): string[] {
  return verdict.causedBy.map(
    (cause) =>
      analysis.commits?.find((commit) => commit.sha === cause.sha)?.subject ??
      cause.sha
  )
}

describe('precise cause from the plan action_reason', () => {
  it.each([
    [
      'terraform_data.worker[2]',
      'Run two workers',
      /^changed `count` of resource "terraform_data" "worker" \(main\.tf:7\); the plan's reason: delete_because_count_index$/
    ],
    [
      'terraform_data.queue["audit"]',
      'Drop the audit queue',
      /^changed `queues` of local\.queues \(main\.tf:2\); the plan's reason: delete_because_each_key$/
    ],
    [
      'terraform_data.server',
      'Rebuild the server',
      /^changed `triggers_replace` of resource "terraform_data" "server" \(main\.tf:\d+\); the plan's reason: replace_because_cannot_update$/
    ],
    [
      'terraform_data.legacy',
      'Remove the legacy resource',
      /^removed resource "terraform_data" "legacy" \(main\.tf:\d+-\d+\); the plan's reason: delete_because_no_resource_config$/
    ],
    [
      'module.pool.terraform_data.shard[1]',
      'One shard is enough',
      /^changed `shards` of module "pool" \(main\.tf:\d+\); the plan's reason: delete_because_count_index$/
    ]
  ])('%s is caused only by "%s"', (address, subject, how) => {
    const { analysis } = scenario
    const verdict = verdictOf(analysis, address)
    expect(subjects(analysis, verdict)).toEqual([subject])
    expect(verdict.causedBy[0]?.how).toMatch(how)
    expect(verdict.gated).toBe(false)
  })

  it('falls back to block-level blame where the plan names nothing narrower, and says so', () => {
    const { analysis } = scenario
    const verdict = verdictOf(analysis, 'terraform_data.runner')
    // The plan's configuration does not list replace_triggered_by's
    // references, so the image commit is not found: today's blame, named so.
    expect(subjects(analysis, verdict)).toEqual(['Rename the inputs'])
    for (const cause of verdict.causedBy)
      expect(cause.how).toContain(
        '; block-level: the plan gives no narrower cause (replace_by_triggers)'
      )
    // The AI commit edited the runner's block: under block-level blame it gates.
    expect(verdict.gated).toBe(true)
  })

  it('gates only what the block-level fallback ties to the AI commit', () => {
    expect(
      scenario.analysis.decision.gated.map((gated) => gated.address)
    ).toEqual(['terraform_data.runner'])
  })
})
