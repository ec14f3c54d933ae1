export { renderText } from './text.js'
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
export { buildJsonReport, renderJson, REPORT_SCHEMA_VERSION } from './json.js'
export type { ToolInfo } from './json.js'
export { countsLine, formatValue, markerFor } from './values.js'
