import type { Analysis } from './model.js'
import { countChanges, decideGate } from './gate/index.js'
import { normalizePlans } from './plan/index.js'
import type { NormalizeOptions, PlanInput } from './plan/index.js'

/**
 * The one pure pipeline shared by the Action and the CLI: normalise every
 * plan with one redactor over all their secrets, count and decide.
 * Inputs come from `readPlan`, one file at a time, so that each file's text
 * can be freed as soon as it is parsed. "Blocked" is a result, not an error.
 */
export function analyze(
  inputs: readonly PlanInput[],
  options: NormalizeOptions = {}
): Analysis {
  const { plans } = normalizePlans(inputs, options)
  return {
    plans,
    summary: countChanges(plans),
    decision: decideGate(plans),
    // Several plans can carry the same caveat (every template diff does): say it once.
    warnings: [...new Set(plans.flatMap((plan) => plan.warnings))]
  }
}
