import type { Analysis, ResourceChange } from '../model.js'
import { countChanges } from '../gate/index.js'
import { recordData } from '../gate/record.js'
import type { ReviewRecord } from '../gate/record.js'
import { isListed } from './values.js'

/** Version of the JSON report's shape; bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1

/** Identifies the program that wrote a report. */
export interface ToolInfo {
  readonly name: 'plangate'
  readonly version: string
}

/** What a review showed and how it ended: `verify` checks a later plan against it. */
export interface ReportReview {
  readonly record: ReviewRecord
  /** The review's state when the report was written (`approved` only after an approval). */
  readonly state: 'pass' | 'blocked' | 'approved' | 'rejected' | 'incomplete'
  readonly approvedBy: readonly string[]
  readonly deniedBy: readonly string[]
}

/** The report's `review` object. */
export function reviewData(review: ReportReview): object {
  return {
    ...recordData(review.record),
    state: review.state,
    approvedBy: review.approvedBy,
    deniedBy: review.deniedBy
  }
}

/**
 * The JSON report (docs/report-schema.md), for JSON.stringify (each change
 * entry is built when serialised). Built only from the model, whose
 * strings are already redacted, so no sensitive value can reach it.
 */
export function buildJsonReport(
  analysis: Analysis,
  tool: ToolInfo,
  review?: ReportReview
): object {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    ...(review === undefined ? {} : { review: reviewData(review) }),
    decision: analysis.decision,
    summary: analysis.summary,
    plans: analysis.plans.map((plan) => ({
      source: plan.source,
      format: plan.format,
      formatVersion: plan.formatVersion,
      toolVersion: plan.toolVersion,
      mode: plan.mode,
      targeted: plan.targeted,
      ...(plan.stack === undefined ? {} : { stack: plan.stack }),
      ...(plan.incomplete === undefined ? {} : { incomplete: plan.incomplete }),
      summary: countChanges([plan]),
      // Each entry is built as JSON.stringify reaches it, and dropped after:
      // a report of 200,000 changes never exists whole beside its text.
      changes: plan.changes
        .filter(isListed)
        .map((listed) => new ListedEntry(analysis, listed)),
      ...(plan.actions === undefined ? {} : { actions: plan.actions }),
      drift: plan.drift,
      outputs: plan.outputs,
      checks: plan.checks,
      warnings: plan.warnings
    })),
    warnings: analysis.warnings,
    ...(analysis.commits === undefined ? {} : { commits: analysis.commits })
  }
}

/**
 * One entry of a plan's `changes`: the change, its verdict and its risks.
 * JSON.stringify builds it with toJSON; writeJsonReport asks for its text,
 * the same characters without copying the change into a new object first.
 */
class ListedEntry {
  constructor(
    private readonly analysis: Analysis,
    private readonly listed: ResourceChange
  ) {}

  toJSON(): object {
    return { ...jsonChange(this.listed), ...this.judgement() }
  }

  /**
   * JSON.stringify(this): the change's own text, its judgement's keys after
   * (no change has a key of the judgement: see JudgementKeysApart).
   */
  text(): string {
    const own = JSON.stringify(jsonChange(this.listed))
    const judgement = JSON.stringify(this.judgement())
    // Both are objects; `risks` is always there, so neither is empty.
    return `${own.slice(0, -1)},${judgement.slice(1)}`
  }

  /** The verdict and the risks, as the entry's last keys. */
  private judgement(): object {
    const verdict = this.analysis.verdicts?.get(this.listed)
    const assessed = this.analysis.risks?.get(this.listed)
    return {
      ...(verdict === undefined
        ? {}
        : {
            causedBy: verdict.causedBy.map((cause) => cause.sha),
            causes: verdict.causedBy,
            gated: verdict.gated,
            gateReason: verdict.why
          }),
      risks: assessed?.risks ?? [],
      ...(assessed?.allowedBy === undefined
        ? {}
        : { allowed: true, allowedBy: assessed.allowedBy })
    }
  }
}

/** The keys an entry adds to its change; text() needs the model to have none of them. */
type JudgementKey =
  | 'causedBy'
  | 'causes'
  | 'gated'
  | 'gateReason'
  | 'risks'
  | 'allowed'
  | 'allowedBy'
  | 'dependentLinks'
/** Fails to compile when ResourceChange gains a key the entry adds. */
type JudgementKeysApart = [
  Extract<keyof ResourceChange, JudgementKey>
] extends [never]
  ? true
  : never
export const judgementKeysApart: JudgementKeysApart = true

/**
 * A change as the report shows it: `dependents` as addresses, their links
 * apart. Without dependents, the change itself (JSON.stringify leaves the
 * undefined key out).
 */
function jsonChange(change: ResourceChange): object {
  if (change.dependents === undefined) return change
  const { dependents, ...rest } = change
  return {
    ...rest,
    dependents: dependents.map((dependent) => dependent.address),
    dependentLinks: dependents
  }
}

/**
 * Serialises the JSON report compactly: reports of large plans run to
 * megabytes, and `jq .` pretty-prints for people.
 */
export function renderJson(
  analysis: Analysis,
  tool: ToolInfo,
  review?: ReportReview
): string {
  const parts: string[] = []
  writeJsonReport(analysis, tool, review, (part) => parts.push(part))
  return parts.join('')
}

/**
 * The JSON report of renderJson, handed to `write` in pieces of about
 * {@link JSON_PIECE_CHARS} characters: a report of 200,000 changes is
 * never one string (nor one object tree) in memory.
 */
export function writeJsonReport(
  analysis: Analysis,
  tool: ToolInfo,
  review: ReportReview | undefined,
  write: (piece: string) => void
): void {
  // Concatenated as a rope (V8 flattens it once, when it is written).
  let pending = ''
  const push = (text: string): void => {
    pending += text
    if (pending.length >= JSON_PIECE_CHARS) {
      write(pending)
      pending = ''
    }
  }
  // The report, its plans and the decision are walked, and every list in
  // them: each entry of a list is stringified whole.
  writeJsonValue(buildJsonReport(analysis, tool, review), push, 2)
  push('\n')
  if (pending.length > 0) write(pending)
}

/** Characters gathered before a piece is handed on. */
const JSON_PIECE_CHARS = 1 << 20

/**
 * JSON.stringify's text of `value`, in pieces: objects are walked `depth`
 * levels down, arrays wherever they are reached (their elements at the
 * array's own depth), and anything else is stringified whole: a list of
 * 100,000 entries is 100,000 pieces, an entry one piece, not one per key.
 * Walks only what JSON.stringify would write: `toJSON` results, own
 * enumerable keys, no undefined or function values (null in arrays).
 */
function writeJsonValue(
  value: unknown,
  push: (text: string) => void,
  depth: number
): void {
  if (value instanceof ListedEntry) {
    push(value.text())
    return
  }
  let current = value
  if (
    typeof current === 'object' &&
    current !== null &&
    typeof (current as { toJSON?: unknown }).toJSON === 'function'
  )
    current = (current as { toJSON: (key: string) => unknown }).toJSON('')
  if (typeof current !== 'object' || current === null) {
    push(JSON.stringify(current) ?? 'null')
    return
  }
  if (Array.isArray(current)) {
    push('[')
    for (let k = 0; k < current.length; k++) {
      if (k > 0) push(',')
      const item: unknown = current[k]
      if (item === undefined || typeof item === 'function') push('null')
      else writeJsonValue(item, push, depth)
    }
    push(']')
    return
  }
  if (depth === 0) {
    push(JSON.stringify(current))
    return
  }
  push('{')
  let first = true
  for (const [key, item] of Object.entries(current)) {
    if (
      item === undefined ||
      typeof item === 'function' ||
      typeof item === 'symbol'
    )
      continue
    push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`)
    first = false
    writeJsonValue(item, push, depth - 1)
  }
  push('}')
}

/**
 * The report of a run that read no plan (an approval run): only the review,
 * which `plangate verify --approved` reads. Its `review.state` is the state
 * after the approval.
 */
export function renderReviewJson(tool: ToolInfo, review: ReportReview): string {
  return (
    JSON.stringify({
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool,
      review: reviewData(review)
    }) + '\n'
  )
}
