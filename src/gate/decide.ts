import type {
  ActionCounts,
  ActionInvocation,
  GatedAction,
  ChangeVerdict,
  CommitReport,
  ResourceChange,
  ChangeAction,
  GateDecision,
  GatedChange,
  GatedPath,
  Plan
} from '../model.js'
import { CHANGE_ACTIONS } from '../model.js'
import {
  DEFAULT_PROTECTED_PATHS_POLICY,
  findProtectedChanges
} from './protected-paths.js'
import type { CommitFiles, ProtectedPathsPolicy } from './protected-paths.js'

/** Counts changes per action over all plans (drift excluded: the PR did not cause it). */
export function countChanges(plans: readonly Plan[]): ActionCounts {
  const counts: Record<ChangeAction, number> = Object.fromEntries(
    CHANGE_ACTIONS.map((action) => [action, 0])
  ) as Record<ChangeAction, number>
  let destructive = 0
  let imported = 0
  let moved = 0
  for (const plan of plans) {
    for (const change of plan.changes) {
      counts[change.action]++
      if (change.destructive) destructive++
      if (change.imported) imported++
      if (change.movedFrom !== undefined) moved++
    }
  }
  return { ...counts, destructive, imported, moved }
}

/** How the gate treats destructive changes. */
export interface GatePolicy {
  /** `ai-destructive`: only those caused by AI commits; `destructive`: all; `none`: report only. */
  readonly gateOn: 'ai-destructive' | 'destructive' | 'none'
  /** A destructive change no commit could be tied to. */
  readonly unattributed: 'gate-if-ai-touched-infra' | 'gate' | 'pass'
  /** Whether automation commits (Dependabot, Renovate) count as AI. */
  readonly automationAs: 'automation' | 'ai' | 'human'
  /** Trust-critical files whose change is gated; default DEFAULT_PROTECTED_PATHS_POLICY. */
  readonly protectedPaths?: ProtectedPathsPolicy
}

/** What the commit history says about the destructive changes. */
export interface GateHistory {
  readonly commits: ReadonlyMap<string, CommitReport>
  readonly attribution: ReadonlyMap<
    ResourceChange,
    {
      readonly causes: readonly { sha: string; how: string }[]
      readonly pinned: boolean
    }
  >
  /** Some AI commit of the range changed infrastructure code. */
  readonly aiTouchedInfra: boolean
  /** AI commits whose diffs could not be read: they may have caused anything. */
  readonly aiUnread?: readonly string[]
  /** Every commit of the range with the files it changed, for `protected-paths`. */
  readonly files?: readonly CommitFiles[]
}

const STRICT: GatePolicy = {
  gateOn: 'destructive',
  unattributed: 'gate',
  automationAs: 'automation'
}

/**
 * Decides the gate. Without a commit history every destructive change
 * blocks (nobody can say who caused it); with one, the policy decides
 * (by default: destructive changes caused by AI commits, and unattributed
 * ones when an AI commit touched infrastructure code). Any plan that is
 * not a complete picture of the change blocks, unless the gate is off.
 */
export function decideGate(
  plans: readonly Plan[],
  policy: GatePolicy = STRICT,
  history?: GateHistory
): GateDecision {
  return judgeChanges(plans, policy, history).decision
}

/** Every item the gate holds: destructive changes, Terraform actions and protected paths. */
export function gatedCount(decision: GateDecision): number {
  return (
    decision.gated.length +
    decision.gatedPaths.length +
    decision.gatedActions.length
  )
}

/** The decision together with the verdict on every destructive change. */
export function judgeChanges(
  plans: readonly Plan[],
  policy: GatePolicy = STRICT,
  history?: GateHistory
): { decision: GateDecision; verdicts: Map<ResourceChange, ChangeVerdict> } {
  const gated: GatedChange[] = []
  const gatedActions: GatedAction[] = []
  const planProblems: string[] = []
  const verdicts = new Map<ResourceChange, ChangeVerdict>()
  for (const plan of plans) {
    for (const change of plan.changes) {
      if (!change.destructive) continue
      const verdict = judge(change, policy, history)
      verdicts.set(change, verdict)
      if (!verdict.gated) continue
      gated.push({
        source: plan.source,
        address: change.address,
        action: change.action,
        why: verdict.why,
        gatedBy: verdict.gatedBy ?? { kind: 'policy' }
      })
    }
    for (const invocation of plan.actions ?? []) {
      if (!invocation.gatedKind) continue
      const verdict = judgeAction(plan, invocation, policy, history)
      if (!verdict.gated) continue
      gatedActions.push({
        source: plan.source,
        address: invocation.address,
        trigger:
          invocation.trigger === 'invoke'
            ? 'invoke'
            : (invocation.event ?? 'unknown'),
        triggeringResource: invocation.triggeringResource ?? '',
        why: verdict.why,
        gatedBy: verdict.gatedBy ?? { kind: 'policy' }
      })
    }
    if (plan.incomplete !== undefined) {
      for (const note of plan.incomplete.notes)
        planProblems.push(`${plan.source}: ${note}`)
    }
  }
  if (plans.length === 0) planProblems.push('no plan was given')
  // The gate's own files: gated whatever the plans say, unless the gate is off.
  const gatedPaths: GatedPath[] =
    history?.files === undefined || policy.gateOn === 'none'
      ? []
      : findProtectedChanges(
          history.files,
          history.commits,
          policy.protectedPaths ?? DEFAULT_PROTECTED_PATHS_POLICY,
          policy.automationAs
        )
  const blocked =
    policy.gateOn !== 'none' &&
    (gated.length > 0 ||
      planProblems.length > 0 ||
      gatedPaths.length > 0 ||
      gatedActions.length > 0)
  return {
    decision: {
      verdict: blocked ? 'blocked' : 'pass',
      summary:
        policy.gateOn === 'none'
          ? `the gate is off (gate-on: none): ${summarize(gated, planProblems, gatedPaths, gatedActions)}`
          : summarize(gated, planProblems, gatedPaths, gatedActions),
      gated,
      planProblems,
      gatedPaths,
      gatedActions
    },
    verdicts
  }
}

function judge(
  change: ResourceChange,
  policy: GatePolicy,
  history: GateHistory | undefined
): ChangeVerdict {
  return judgeWhat(
    change.explanation ?? `${change.action} of an existing object`,
    history?.attribution.get(change),
    policy,
    history
  )
}

/**
 * An action invocation under the author rules of destructive changes: the
 * commits that caused its triggering resource's change caused it; an
 * action invoked without a resource change is tied to no commit.
 */
function judgeAction(
  plan: Plan,
  invocation: ActionInvocation,
  policy: GatePolicy,
  history: GateHistory | undefined
): ChangeVerdict {
  const trigger =
    invocation.trigger === 'lifecycle' &&
    invocation.triggeringResource !== undefined
      ? plan.changes.find((c) => c.address === invocation.triggeringResource)
      : undefined
  return judgeWhat(
    `action ${invocation.explanation}`,
    trigger === undefined ? undefined : history?.attribution.get(trigger),
    policy,
    history
  )
}

function judgeWhat(
  what: string,
  attribution:
    | {
        readonly causes: readonly { sha: string; how: string }[]
        readonly pinned: boolean
      }
    | undefined,
  policy: GatePolicy,
  history: GateHistory | undefined
): ChangeVerdict {
  const causedBy = attribution?.causes ?? []
  const pinned = attribution?.pinned ?? false
  const base = { causedBy, pinned }
  switch (policy.gateOn) {
    case 'none':
      return { ...base, gated: false, why: `${what}; the gate is off` }
    case 'destructive':
      return { ...base, gated: true, why: what, gatedBy: { kind: 'policy' } }
    case 'ai-destructive':
      break
  }
  if (history === undefined) {
    return {
      ...base,
      gated: true,
      why: `${what}; no commit history was given, so nobody can say an AI agent did not cause it`,
      gatedBy: { kind: 'no-history' }
    }
  }
  const isAi = (sha: string): boolean => {
    const commit = history.commits.get(sha)
    if (commit === undefined) return false
    if (commit.verdict === 'ai') return true
    return commit.verdict === 'automation' && policy.automationAs === 'ai'
  }
  const aiCause = causedBy.find((cause) => isAi(cause.sha))
  if (aiCause !== undefined) {
    const commit = history.commits.get(aiCause.sha)
    const tool = commit?.tool === undefined ? 'an AI agent' : commit.tool
    return {
      ...base,
      gated: true,
      why: `${what}; caused by ${aiCause.sha.slice(0, 7)} (${tool}${commit?.confidence === undefined ? '' : `, ${commit.confidence}`}): ${aiCause.how}`,
      gatedBy: {
        kind: 'ai-commit',
        sha: aiCause.sha,
        ...(commit?.tool === undefined ? {} : { tool: commit.tool }),
        ...(commit?.confidence === undefined
          ? {}
          : { confidence: commit.confidence })
      }
    }
  }
  const unread = history.aiUnread?.[0]
  if (unread !== undefined) {
    return {
      ...base,
      gated: true,
      why: `${what}; the diff of AI commit ${unread.slice(0, 7)} could not be read, so it may have caused it`,
      gatedBy: { kind: 'ai-unread', sha: unread }
    }
  }
  if (pinned) {
    return {
      ...base,
      gated: false,
      why: `${what}; caused by ${describeAuthors(causedBy, history)}, not by an AI agent`
    }
  }
  switch (policy.unattributed) {
    case 'gate':
      return {
        ...base,
        gated: true,
        why: `${what}; no commit could be tied to it`,
        gatedBy: { kind: 'unattributed' }
      }
    case 'pass':
      return {
        ...base,
        gated: false,
        why: `${what}; no commit could be tied to it (unattributed: pass)`
      }
    case 'gate-if-ai-touched-infra':
      return history.aiTouchedInfra
        ? {
            ...base,
            gated: true,
            why: `${what}; no commit could be tied to it, and an AI agent changed infrastructure code in this range`,
            gatedBy: { kind: 'unattributed-ai-infra' }
          }
        : {
            ...base,
            gated: false,
            why: `${what}; no commit could be tied to it, and no AI agent changed infrastructure code in this range`
          }
  }
}

/** "people", "automation (dependabot)", or both, for the causes of a change. */
function describeAuthors(
  causes: readonly { sha: string }[],
  history: GateHistory
): string {
  const tools = new Set<string>()
  let people = false
  for (const cause of causes) {
    const commit = history.commits.get(cause.sha)
    if (commit?.verdict === 'automation') tools.add(commit.tool ?? 'a bot')
    else people = true
  }
  const automation =
    tools.size === 0
      ? undefined
      : `automation (${[...tools].sort().join(', ')})`
  if (automation === undefined) return 'commits of people'
  return people ? `commits of people and ${automation}` : automation
}

function summarize(
  gated: readonly GatedChange[],
  planProblems: readonly string[],
  gatedPaths: readonly GatedPath[] = [],
  gatedActions: readonly GatedAction[] = []
): string {
  const parts: string[] = []
  if (gated.length > 0) {
    const replace = gated.filter((g) => g.action === 'replace').length
    const destroy = gated.length - replace
    const detail = [
      destroy > 0 ? `${destroy} destroy` : undefined,
      replace > 0 ? `${replace} replace` : undefined
    ]
      .filter((p) => p !== undefined)
      .join(', ')
    parts.push(
      `${gated.length} destructive ${gated.length === 1 ? 'change needs' : 'changes need'} a human's approval (${detail})`
    )
  }
  if (gatedActions.length > 0) {
    const n = gatedActions.length
    parts.push(
      `${n} Terraform ${n === 1 ? 'action needs' : 'actions need'} a human's approval (run on a destroy, or invoked without a resource change)`
    )
  }
  if (gatedPaths.length > 0) {
    const n = gatedPaths.length
    parts.push(
      `${n} ${n === 1 ? 'change' : 'changes'} of protected paths (workflows, config, CODEOWNERS) ${n === 1 ? 'needs' : 'need'} a human's approval`
    )
  }
  if (planProblems.length > 0) {
    parts.push(
      planProblems.length === 1 && planProblems[0] === 'no plan was given'
        ? 'no plan was given'
        : `${planProblems.length === 1 ? 'a plan is' : 'plans are'} incomplete and cannot be trusted`
    )
  }
  if (parts.length === 0) return 'no destroy or replace: nothing needs approval'
  return parts.join('; ')
}
