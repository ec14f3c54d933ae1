export {
  collectLeafStrings,
  collectMaskedStrings,
  createRedactor,
  MIN_EMBEDDED_SECRET_LENGTH,
  MIN_SHIFTED_BASE64_LENGTH,
  SENSITIVE_TEXT,
  UNKNOWN_TEXT
} from './redactor.js'
export type { Redactor } from './redactor.js'
