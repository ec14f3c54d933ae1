import * as core from '@actions/core'
import { getInputs } from './action/inputs.js'
import { run } from './action/run.js'

// Action entry: inputs → run → outputs; a blocked gate or any error fails the step.
try {
  const outputs = await run(
    getInputs(),
    process.env.RUNNER_TEMP ?? process.cwd()
  )
  core.setOutput('decision', outputs.decision)
  core.setOutput('report-path', outputs.reportPath)
  core.setOutput('destructive-count', String(outputs.counts.destructive ?? 0))
  for (const [action, count] of Object.entries(outputs.counts))
    core.setOutput(`${action}-count`, String(count))
  if (outputs.decision === 'blocked')
    core.setFailed(
      "plangate: destructive changes need a human's approval (see the job summary)"
    )
} catch (error) {
  core.setOutput('decision', 'error')
  core.setFailed(error instanceof Error ? error.message : String(error))
  if (error instanceof Error && error.stack !== undefined)
    core.debug(error.stack)
}
