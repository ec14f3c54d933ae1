export { MAX_PLAN_BYTES, readPlanFile } from './read-plan.js'
export { expandPlanPaths } from './plan-inputs.js'
export type { PlanFileRef } from './plan-inputs.js'
