/**
 * Analyses of the risk fixtures as if one commit (a person's or an AI
 * agent's) caused every destructive change: the gate's history built by
 * hand, so that core tests of the gate and the reports can say "a person
 * deleted the database" without a repository. The end-to-end tests run the
 * same scenario on a real repository (test/e2e/risk.test.ts).
 */
import { countChanges, judgeChanges } from '../../src/gate/index.js'
import type { GateHistory, GatePolicy } from '../../src/gate/index.js'
import type { Analysis, CommitReport, Plan } from '../../src/model.js'
import { normalizePlans, readPlan } from '../../src/plan/index.js'
import { DEFAULT_RISK_POLICY } from '../../src/risk/index.js'
import type { RiskPolicy } from '../../src/risk/index.js'
import { fixtureText } from '../helpers.js'

export const PERSON = 'a1'.repeat(20)
export const AGENT = 'b2'.repeat(20)

const COMMITS: readonly CommitReport[] = [
  {
    sha: PERSON,
    subject: 'Remove the orders database',
    verdict: 'human',
    evidence: []
  },
  {
    sha: AGENT,
    subject: 'Clean up unused resources',
    verdict: 'ai',
    tool: 'claude-code',
    confidence: 'definite',
    evidence: [
      {
        ruleId: 'trailer-co-authored-by-claude',
        field: 'trailer',
        text: 'Co-Authored-By: Claude <noreply@anthropic.com>'
      }
    ]
  }
]

/** The plans of fixtures, read and normalised the way the CLI does. */
export function plansOf(...names: string[]): Plan[] {
  return [
    ...normalizePlans(
      names.map((name) => readPlan({ source: name, text: fixtureText(name) }))
    ).plans
  ]
}

/** A history where the commit `sha` caused every destructive change. */
export function historyOf(plans: readonly Plan[], sha: string): GateHistory {
  const attribution = new Map(
    plans.flatMap((plan) =>
      plan.changes
        .filter((change) => change.destructive)
        .map(
          (change) =>
            [
              change,
              { causes: [{ sha, how: 'removed its block' }], pinned: true }
            ] as const
        )
    )
  )
  return {
    commits: new Map(COMMITS.map((c) => [c.sha, c])),
    attribution,
    aiTouchedInfra: sha === AGENT,
    files: []
  }
}

/** The default policy (gate-on: ai-destructive) with risk settings changed. */
export function policyWith(
  risk: Partial<RiskPolicy> = {},
  gateOn: GatePolicy['gateOn'] = 'ai-destructive'
): GatePolicy {
  return {
    gateOn,
    unattributed: 'gate-if-ai-touched-infra',
    automationAs: 'automation',
    risk: { ...DEFAULT_RISK_POLICY, ...risk }
  }
}

/** A whole analysis of fixtures whose destructive changes `sha` caused. */
export function analysisBy(
  names: readonly string[],
  sha: string,
  policy: GatePolicy = policyWith()
): Analysis {
  const plans = plansOf(...names)
  const { decision, verdicts, risks } = judgeChanges(
    plans,
    policy,
    historyOf(plans, sha)
  )
  return {
    plans,
    summary: countChanges(plans),
    decision,
    warnings: [],
    commits: COMMITS.filter((c) => c.sha === sha),
    verdicts,
    risks
  }
}
