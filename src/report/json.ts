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
 * The JSON report (docs/report-schema.md). Built only from the model, whose
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
      changes: plan.changes.filter(isListed).map((listed) => {
        const verdict = analysis.verdicts?.get(listed)
        const assessed = analysis.risks?.get(listed)
        return {
          ...jsonChange(listed),
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
      }),
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

/** A change as the report shows it: `dependents` as addresses, their links apart. */
function jsonChange(change: ResourceChange): object {
  const { dependents, ...rest } = change
  if (dependents === undefined) return rest
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
  return JSON.stringify(buildJsonReport(analysis, tool, review)) + '\n'
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
