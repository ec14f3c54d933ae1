export { countChanges, decideGate, gatedCount, judgeChanges } from './decide.js'
export type { GateHistory, GatePolicy } from './decide.js'
export {
  DEFAULT_PROTECTED_PATHS,
  DEFAULT_PROTECTED_PATHS_POLICY,
  findProtectedChanges,
  PROTECTED_GATE_ON,
  protectingPattern
} from './protected-paths.js'
export type {
  CommitFiles,
  ProtectedGateOn,
  ProtectedPathsPolicy
} from './protected-paths.js'
export {
  computeDigest,
  DIGEST_LENGTH,
  DIGEST_VERSION,
  gatedItems,
  reviewedItems
} from './digest.js'
export type {
  ActionItem,
  ChangeItem,
  DigestItem,
  DigestScope,
  PathItem
} from './digest.js'
export {
  APPROVAL_STATES,
  ApprovalInputError,
  DEFAULT_APPROVAL_POLICY,
  describeOwners,
  evaluateApprovals,
  MIN_PERMISSIONS,
  isBot,
  parseApprovalCommand,
  PERMISSION_LEVELS,
  REJECTION_CODES,
  rejectionMessage,
  screenCandidates,
  usesCodeowners
} from './approval.js'
export type {
  Account,
  ApprovalContext,
  ApprovalOutcome,
  ApprovalPolicy,
  ApprovalState,
  Approver,
  Candidate,
  CandidateRef,
  CommentCandidate,
  EvaluateOptions,
  GroupOutcome,
  MinPermission,
  OwnersOutcome,
  ParsedCommand,
  Permission,
  Rejection,
  RejectionCode,
  ReviewCandidate,
  ScreenedCandidate,
  Screened,
  ScreenInput
} from './approval.js'
export {
  findDirsWithoutPlan,
  isInfraCodeFile,
  MissingPlansError,
  planDirsOf,
  SYNTH_OUTPUT_DIRS
} from './require-plans.js'
export {
  buildRecord,
  decodeRecord,
  encodeRecord,
  MAX_RECORD_BYTES,
  parseRecord,
  RECORD_VERSION,
  RecordError,
  recordIntact,
  sameScope
} from './record.js'
export type { ReviewRecord } from './record.js'
export { verifyAgainstReviews } from './verify.js'
export type {
  ReviewedPull,
  ReviewOutcome,
  VerifiedChange,
  VerifiedState,
  VerifyResult
} from './verify.js'
export {
  CODEOWNERS_PATHS,
  MAX_CODEOWNERS_BYTES,
  ownersOf,
  parseCodeowners
} from './codeowners.js'
export type {
  Codeowners,
  CodeownersRule,
  CodeownersWarning,
  OwnerMatch
} from './codeowners.js'
export {
  CODEOWNERS_APPROVER,
  CODEOWNERS_FALLBACKS,
  groupByOwners
} from './owners.js'
export type {
  CodeownersFallback,
  OwnedItem,
  OwnerGroup,
  Ownership
} from './owners.js'
