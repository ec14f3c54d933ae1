import type { Plan } from '../model.js'
import { createRedactor } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { parseJsonText } from './json-text.js'
import { normalizeTerraformPlan, readTerraformPlan } from './terraform.js'
import type { TerraformInput } from './terraform.js'

export { PlanParseError, SHOW_JSON_HINT } from './errors.js'
export { findJsonProblem, parseJsonText } from './json-text.js'
export {
  classifyActions,
  KNOWN_FORMAT_MINORS,
  looksLikeTerraformPlan
} from './terraform.js'
export { explainReason } from './reasons.js'
export { deepEqual, diffAttributes, formatPath } from './attributes.js'

/** A plan file as read from disk or stdin. */
export interface PlanSource {
  /** A path, or `-` for standard input. */
  readonly source: string
  readonly text: string
}

/** A checked input document of any supported format, not yet normalised. */
export type PlanInput = TerraformInput

/**
 * Parses and checks one plan file's text. The Terraform reader is the only
 * one so far; it also explains what a document of another kind is.
 */
export function readPlan(input: PlanSource): PlanInput {
  return readTerraformPlan(
    parseJsonText(input.text, input.source),
    input.source
  )
}

/**
 * Normalises every input with one redactor built from the secrets of all
 * of them, so a secret marked in one plan is masked in every plan.
 */
export function normalizePlans(inputs: readonly PlanInput[]): {
  plans: Plan[]
  redactor: Redactor
} {
  const secrets = new Set<string>()
  for (const input of inputs)
    for (const secret of input.secrets) secrets.add(secret)
  const redactor = createRedactor(secrets)
  return {
    plans: inputs.map((input) => normalizeTerraformPlan(input, redactor)),
    redactor
  }
}
