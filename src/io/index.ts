export { MAX_PLAN_BYTES, readPlanFile } from './read-plan.js'
