export { MAX_PLAN_BYTES, readPlanFile } from './read-plan.js'
export {
  MAX_BUFFERED_PLAN_BYTES,
  readFdBytes,
  readFdPlan,
  readPlanBytes,
  readPlanInput
} from './plan-stream.js'
export type { FdReadOptions, PlanReadLimits } from './plan-stream.js'
export type { ReadStdin } from './read-plan.js'
export { expandPlanPaths } from './plan-inputs.js'
export {
  planFilesOptions,
  readPlanFiles,
  rereadNote,
  withInputs
} from './plan-files.js'
export {
  CHUNK_CHARS,
  eachPiece,
  forEachChunk,
  writeReportFile,
  writeReportSync
} from './write-text.js'
export type { ReportText } from './write-text.js'
export type { PlanFiles, PlanFilesOptions } from './plan-files.js'
export { expandPlanGlobs } from './plan-globs.js'
export type { PlanFileRef } from './plan-inputs.js'
export { readCdkOutStacks, pairCdkOutStacks } from './cdk-out.js'
export {
  readConstructLabels,
  readTemplateDependencies,
  readTemplatePairs
} from './templates.js'
export {
  loadPolicy,
  planRootDirs,
  policyFromText,
  readHistory
} from './history.js'
export type { LoadedPolicy } from './history.js'
export { GitSourceError } from './git-log.js'
export { checkRequiredPlans, expandRequiredDirs } from './require-plans.js'
export type { RequiredPlans } from './require-plans.js'
export {
  errorCode,
  fileKind,
  isSpecialFile,
  readRegularFile
} from './file-kinds.js'
