import { readFileSync, writeFileSync } from 'node:fs'
import { expandPlanPaths, readPlanFile } from '../io/index.js'
import { join } from 'node:path'
import * as core from '@actions/core'
import { analyze } from '../analyze.js'
import { readPlan } from '../plan/index.js'
import { renderJson, renderMarkdown } from '../report/index.js'
import { VERSION } from '../version.js'
import type { ActionInputs } from './inputs.js'

/** What a run reports back as step outputs. */
export interface ActionOutputs {
  readonly decision: 'pass' | 'blocked'
  readonly counts: Readonly<Record<string, number>>
  readonly reportPath: string
}

/**
 * Report-only run: analyses the plans, writes the job summary and the JSON
 * report, and returns the decision. PR comments, statuses and approvals
 * build on this in the Action and approval work.
 */
export async function run(
  inputs: ActionInputs,
  workdir: string
): Promise<ActionOutputs> {
  const analysis = analyze(
    expandPlanPaths(inputs.plans).map((ref) =>
      readPlan({
        source: ref.source,
        text: readPlanFile(ref.path, () => readFileSync(0))
      })
    )
  )
  for (const warning of analysis.warnings) core.warning(warning)
  const reportPath = join(workdir, 'plangate-report.json')
  writeFileSync(
    reportPath,
    renderJson(analysis, { name: 'plangate', version: VERSION })
  )
  await core.summary.addRaw(renderMarkdown(analysis).markdown).write()
  const counts: Record<string, number> = { ...analysis.summary }
  return { decision: analysis.decision.verdict, counts, reportPath }
}
