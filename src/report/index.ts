export { renderText, writeTextReport } from './text.js'
export type { TextOptions } from './text.js'
export {
  MARKDOWN_TIERS,
  MAX_COMMENT_CHARS,
  renderMarkdown
} from './markdown.js'
export type {
  MarkdownOptions,
  MarkdownReport,
  MarkdownTier
} from './markdown.js'
export {
  buildJsonReport,
  renderJson,
  writeJsonReport,
  renderReviewJson,
  reviewData,
  REPORT_SCHEMA_VERSION
} from './json.js'
export type { ReportReview } from './json.js'
export type { ToolInfo } from './json.js'
export { countsLine, formatValue, markerFor } from './values.js'
export {
  isStaleComment,
  MAX_RECORD_CHARS,
  readAudit,
  readRecordLine,
  recordLine,
  renderComment,
  restateAsStale,
  restateComment
} from './comment.js'
export type { CommentOptions, RenderedComment } from './comment.js'
export {
  APPROVE_COMMAND,
  DENY_COMMAND,
  itemUrl,
  localView,
  REVIEW_STATES,
  reviewHeadline
} from './overview.js'
export type {
  ReviewLinks,
  ReviewState,
  ReviewView,
  StaleNote
} from './overview.js'
export { MAX_SUMMARY_BYTES, renderSummary } from './summary.js'
export type { SummaryOptions } from './summary.js'
export { encodeMarker, MARKER_SCHEMA, parseMarker } from './marker.js'
export type { CommentMarker } from './marker.js'
export {
  clip,
  describeStatus,
  errorStatus,
  gatedChanges,
  gatedCounts,
  gatedCountsOf,
  gatedNoun,
  MAX_STATUS_DESCRIPTION,
  NOTHING_GATED,
  approversIn,
  reviewOutcomeOf,
  reviewStatus
} from './status.js'
export type { GatedCounts, StatusVerdict } from './status.js'
export {
  approversOf,
  auditLines,
  keptStale,
  ownersDetail,
  pendingDetail,
  staleLines,
  stateOf,
  statusDetail
} from './audit.js'
export {
  renderVerifyJson,
  renderVerifyMarkdown,
  renderVerifyText,
  verifyVerdictLine
} from './verify.js'
export type { VerifyLinks } from './verify.js'
