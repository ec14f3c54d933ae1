import * as core from '@actions/core'

/** Everything the action reads from its `with:` block. */
export interface ActionInputs {
  /** Plan files (`terraform show -json` output), one per line. */
  readonly plans: readonly string[]
}

/** The only place that calls core.getInput. */
export function getInputs(): ActionInputs {
  const plans = core
    .getMultilineInput('plan', { required: true })
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
  if (plans.length === 0)
    throw new Error(
      'input "plan" must name at least one plan file, got nothing'
    )
  core.debug(`plan: ${JSON.stringify(plans)}`)
  return { plans }
}
