export { classifyCommit, MAX_EVIDENCE_CHARS } from './ai-signals.js'
export { RuleError } from './errors.js'
export { matchGlob } from './glob.js'
export { compileRule, MAX_MATCH_CHARS } from './matchers.js'
export { buildRules } from './rule-set.js'
export type { RuleOptions, RuleSet } from './rule-set.js'
export { DEFAULT_RULES, RULES_VERIFIED_ON } from './rules.js'
export {
  bodyLines,
  messageLines,
  parseIdentity,
  parseTrailers
} from './trailers.js'
export type { Identity, ScannableLine, Trailer } from './trailers.js'
export {
  CONFIDENCES,
  IDENTITY_FIELDS,
  PR_AUTHOR_TYPES,
  PR_FIELDS,
  RULE_CATEGORIES,
  RULE_FIELDS,
  TRAILER_PARTS,
  VERDICTS
} from './types.js'
export type {
  CommitFacts,
  CommitVerdict,
  Condition,
  Confidence,
  Evidence,
  IdentityField,
  Matcher,
  Person,
  PrAuthorType,
  PrField,
  PullRequestFacts,
  Rule,
  RuleCategory,
  RuleField,
  TrailerPart,
  Verdict
} from './types.js'
export { attributeChanges, versionKey } from './attribute.js'
export type {
  AttributionInput,
  Cause,
  ChangeAttribution,
  FileVersions
} from './attribute.js'
export {
  configAddress,
  findBlocks,
  locateImport,
  locateModuleCall,
  locateMovedTo,
  locateRemoved,
  locateResource,
  ResourceAddressError,
  scanBlocks
} from './hcl-blocks.js'
export type {
  ConfigAddress,
  HclBlock,
  HclChild,
  HclScan
} from './hcl-blocks.js'
export { FILE_CHANGE_STATUSES } from './port.js'
export type {
  CommitSource,
  FileChange,
  FileChangeStatus,
  Hunk,
  SourceCommit
} from './port.js'
export {
  declaringDirs,
  declaringFiles,
  declaringKey
} from './declaring-files.js'
export type { ConfigFile, DeclaringInput } from './declaring-files.js'
