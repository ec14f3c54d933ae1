import type {
  ActionCounts,
  ChangeAction,
  GateDecision,
  GatedChange,
  Plan
} from '../model.js'
import { CHANGE_ACTIONS } from '../model.js'

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

/**
 * Decides the gate. Until AI attribution exists every destructive change
 * blocks, and so does any plan that is not a complete picture of the change.
 */
export function decideGate(plans: readonly Plan[]): GateDecision {
  const gated: GatedChange[] = []
  const planProblems: string[] = []
  for (const plan of plans) {
    for (const change of plan.changes) {
      if (!change.destructive) continue
      gated.push({
        source: plan.source,
        address: change.address,
        action: change.action,
        why: change.explanation ?? `${change.action} of an existing object`
      })
    }
    if (plan.incomplete !== undefined) {
      for (const note of plan.incomplete.notes)
        planProblems.push(`${plan.source}: ${note}`)
    }
  }
  if (plans.length === 0) planProblems.push('no plan was given')
  const blocked = gated.length > 0 || planProblems.length > 0
  return {
    verdict: blocked ? 'blocked' : 'pass',
    summary: summarize(gated, planProblems),
    gated,
    planProblems
  }
}

function summarize(
  gated: readonly GatedChange[],
  planProblems: readonly string[]
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
