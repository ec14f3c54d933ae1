import type { Analysis } from './model.js'
import { countChanges, decideGate } from './gate/index.js'
import { normalizePlans } from './plan/index.js'
import type { PlanInput } from './plan/index.js'

/**
 * The one pure pipeline shared by the Action and the CLI: normalise every
 * plan with one redactor over all their secrets, count and decide.
 * Inputs come from `readPlan`, one file at a time, so that each file's text
 * can be freed as soon as it is parsed. "Blocked" is a result, not an error.
 */
export function analyze(inputs: readonly PlanInput[]): Analysis {
  const { plans } = normalizePlans(inputs)
  return {
    plans,
    summary: countChanges(plans),
    decision: decideGate(plans),
    warnings: plans.flatMap((plan) => plan.warnings)
  }
}
