import type { Analysis } from '../model.js'
import { countChanges } from '../gate/index.js'
import { isListed } from './values.js'

/** Version of the JSON report's shape; bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1

/** Identifies the program that wrote a report. */
export interface ToolInfo {
  readonly name: 'plangate'
  readonly version: string
}

/**
 * The JSON report (docs/report-schema.md). Built only from the model, whose
 * strings are already redacted, so no sensitive value can reach it.
 */
export function buildJsonReport(analysis: Analysis, tool: ToolInfo): object {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    decision: analysis.decision,
    summary: analysis.summary,
    plans: analysis.plans.map((plan) => ({
      source: plan.source,
      format: plan.format,
      formatVersion: plan.formatVersion,
      toolVersion: plan.toolVersion,
      mode: plan.mode,
      targeted: plan.targeted,
      ...(plan.incomplete === undefined ? {} : { incomplete: plan.incomplete }),
      summary: countChanges([plan]),
      changes: plan.changes.filter(isListed).map((change) => {
        const verdict = analysis.verdicts?.get(change)
        return verdict === undefined
          ? change
          : {
              ...change,
              causedBy: verdict.causedBy.map((cause) => cause.sha),
              causes: verdict.causedBy,
              gated: verdict.gated,
              gateReason: verdict.why
            }
      }),
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
 * Serialises the JSON report compactly: reports of large plans run to
 * megabytes, and `jq .` pretty-prints for people.
 */
export function renderJson(analysis: Analysis, tool: ToolInfo): string {
  return JSON.stringify(buildJsonReport(analysis, tool)) + '\n'
}
