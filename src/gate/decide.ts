import {
  assessRisks,
  DEFAULT_RISK_POLICY,
  matchingGlob
} from '../risk/index.js'
import type { RiskPolicy } from '../risk/index.js'
import type {
  ActionCounts,
  ActionInvocation,
  GatedAction,
  ChangeRisks,
  ChangeVerdict,
  GateReason,
  CommitReport,
  ResourceChange,
  ChangeAction,
  GateDecision,
  GatedChange,
  GatedPath,
  Plan
} from '../model.js'
import { CHANGE_ACTIONS } from '../model.js'
import { thousands } from '../words.js'
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
  /** What is gated whoever caused it (`always-gate`), `allow` and `churn`; default DEFAULT_RISK_POLICY. */
  readonly risk?: RiskPolicy
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

/**
 * The decision together with the verdict on every destructive change (and
 * on every other change the gate holds, such as an update that lowers a
 * safeguard) and the risks found in each change.
 */
export function judgeChanges(
  plans: readonly Plan[],
  policy: GatePolicy = STRICT,
  history?: GateHistory
): {
  decision: GateDecision
  verdicts: Map<ResourceChange, ChangeVerdict>
  risks: ReadonlyMap<ResourceChange, ChangeRisks>
} {
  const gated: GatedChange[] = []
  const gatedActions: GatedAction[] = []
  const planProblems: string[] = []
  const verdicts = new Map<ResourceChange, ChangeVerdict>()
  const assessment = assessRisks(plans, policy.risk ?? DEFAULT_RISK_POLICY)
  for (const plan of plans) {
    for (const change of plan.changes) {
      const verdict = judgeWithRisks(
        change,
        policy,
        history,
        assessment.changes.get(change),
        assessment.churn.count
      )
      if (verdict === undefined) continue
      verdicts.set(change, verdict)
      if (!verdict.gated) continue
      gated.push({
        source: plan.source,
        address: change.address,
        action: change.action,
        why: verdict.why,
        gatedBy: verdict.gatedBy ?? { kind: 'policy' },
        ...(verdict.also === undefined ? {} : { also: verdict.also })
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
    verdicts,
    risks: assessment.changes
  }
}

/**
 * The verdict on one change: who caused it (`gate-on`, for destructive
 * changes), then what is at stake (`always-gate`, `churn`), less what
 * `allow` lifts. `allow` never lifts `protected`. Undefined for a
 * change that is neither destructive nor held by a risk.
 */
function judgeWithRisks(
  change: ResourceChange,
  policy: GatePolicy,
  history: GateHistory | undefined,
  assessed: ChangeRisks | undefined,
  churnCount: number
): ChangeVerdict | undefined {
  const risk = policy.risk ?? DEFAULT_RISK_POLICY
  const kinds = new Set(assessed?.risks.map((r) => r.kind) ?? [])
  const allowedBy = assessed?.allowedBy
  const pattern =
    kinds.has('protected') && risk.alwaysGate.protected.length > 0
      ? protectedPattern(risk, change)
      : undefined
  const reasons: GateReason[] = []
  if (pattern !== undefined) reasons.push({ kind: 'protected', pattern })
  if (allowedBy === undefined) {
    if (kinds.has('data-loss') && risk.alwaysGate.dataLoss)
      reasons.push({ kind: 'data-loss' })
    if (kinds.has('protection-lowered') && risk.alwaysGate.protectionLowered)
      reasons.push({ kind: 'protection-lowered' })
    if (kinds.has('churn'))
      reasons.push({
        kind: 'churn',
        count: churnCount,
        max: risk.churn.maxDestructive
      })
  }
  // An update is judged when a risk holds it, or when `allow` lifts one (the verdict says so).
  if (
    !change.destructive &&
    reasons.length === 0 &&
    (allowedBy === undefined || kinds.size === 0)
  )
    return undefined
  const base: ChangeVerdict = change.destructive
    ? judge(change, policy, history)
    : {
        causedBy: [],
        pinned: false,
        gated: false,
        why: change.explanation ?? `${change.action} of an existing object`
      }
  const what = change.explanation ?? `${change.action} of an existing object`
  if (policy.gateOn === 'none')
    return reasons.length === 0
      ? base
      : { ...base, gated: false, why: `${what}; the gate is off` }
  // `allow` lifts the rule of who caused it; `protected` stays.
  const who =
    allowedBy === undefined && base.gated && base.gatedBy !== undefined
      ? [base.gatedBy]
      : []
  const all = [...who, ...reasons]
  const [first, ...also] = all
  const allowNote =
    allowedBy === undefined
      ? ''
      : pattern === undefined
        ? `allowed by allow glob ${JSON.stringify(allowedBy)}`
        : `allow glob ${JSON.stringify(allowedBy)} matches too, but allow cannot lift always-gate.protected`
  if (first === undefined) {
    // Lifted by `allow`: no rule holds it any more.
    const { gatedBy: _lifted, also: _also, ...rest } = base
    return {
      ...rest,
      gated: false,
      why: allowedBy === undefined ? base.why : `${base.why}; ${allowNote}`
    }
  }
  const whyParts = [
    base.why,
    ...reasons.map(reasonWords),
    ...(allowNote === '' ? [] : [allowNote])
  ]
  return {
    ...base,
    gated: true,
    why: whyParts.join('; '),
    gatedBy: first,
    ...(also.length === 0 ? {} : { also })
  }
}

function protectedPattern(
  risk: RiskPolicy,
  change: ResourceChange
): string | undefined {
  return matchingGlob(risk.alwaysGate.protected, change)
}

/** The `why` text of a reason that does not depend on who caused the change. */
function reasonWords(reason: GateReason): string {
  switch (reason.kind) {
    case 'data-loss':
      return 'it loses the data of a stateful resource, whoever caused it (always-gate.data-loss)'
    case 'protection-lowered':
      return 'it lowers a safeguard against deletion, whoever caused it (always-gate.protection-lowered)'
    case 'protected':
      return `it matches always-gate.protected glob ${JSON.stringify(reason.pattern)}`
    case 'churn':
      return `the pull request has ${thousands(reason.count)} destructive changes, more than churn.max-destructive (${reason.max})`
    case 'policy':
    case 'no-history':
    case 'ai-commit':
    case 'ai-unread':
    case 'unattributed':
    case 'unattributed-ai-infra':
      return ''
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
  const destructive = gated.filter(
    (g) => g.action === 'replace' || g.action === 'destroy'
  )
  const others = gated.length - destructive.length
  if (destructive.length > 0) {
    const replace = destructive.filter((g) => g.action === 'replace').length
    const destroy = destructive.length - replace
    const detail = [
      destroy > 0 ? `${thousands(destroy)} destroy` : undefined,
      replace > 0 ? `${thousands(replace)} replace` : undefined
    ]
      .filter((p) => p !== undefined)
      .join(', ')
    parts.push(
      `${thousands(destructive.length)} destructive ${destructive.length === 1 ? 'change needs' : 'changes need'} a human's approval (${detail})`
    )
  }
  if (gatedActions.length > 0) {
    const n = gatedActions.length
    parts.push(
      `${thousands(n)} Terraform ${n === 1 ? 'action needs' : 'actions need'} a human's approval (run on a destroy, or invoked without a resource change)`
    )
  }
  if (others > 0)
    parts.push(
      `${thousands(others)} ${others === 1 ? 'change lowers a safeguard and needs' : 'changes lower safeguards and need'} a human's approval`
    )
  if (gatedPaths.length > 0) {
    const n = gatedPaths.length
    parts.push(
      `${thousands(n)} ${n === 1 ? 'change' : 'changes'} of protected paths (workflows, config, CODEOWNERS) ${n === 1 ? 'needs' : 'need'} a human's approval`
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
