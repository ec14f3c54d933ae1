import * as core from '@actions/core'
import { createGitHubPort } from '../github/octokit.js'
import { readContext } from './context.js'
import { errorStatus } from '../report/index.js'
import { logLine } from '../report/escape.js'
import { getFallbackInputs, getInputs, InputError } from './inputs.js'
import { run } from './run.js'
import { VERSION } from '../version.js'
import type { ActionLog, ActionOutputs } from './run.js'

const log: ActionLog = {
  // Every other kind goes through @actions/core's command escaping.
  info: (message) => core.info(logLine(message)),
  debug: (message) => core.debug(message),
  notice: (message, title) =>
    core.notice(message, title === undefined ? {} : { title }),
  warning: (message, title) =>
    core.warning(message, title === undefined ? {} : { title }),
  error: (message, title) =>
    core.error(message, title === undefined ? {} : { title }),
  summary: async (markdown) => {
    await core.summary.addRaw(markdown).write()
  }
}

/**
 * Reads inputs and context, runs, sets outputs. Safe output defaults are
 * set first, so a run that dies half way still says `error`. Only this
 * function fails the step.
 */
export async function main(): Promise<void> {
  core.setOutput('decision', 'error')
  core.setOutput('digest', '')
  core.setOutput('comment-id', '')
  core.debug(`plangate ${VERSION} on Node ${process.version}`)
  let failOnError = true
  try {
    const inputs = getInputs()
    // verify guards an apply step: any error must fail the step, whatever fail-on-error says.
    failOnError = inputs.failOnError || inputs.verify
    const context = readContext(process.env)
    const port =
      inputs.token === ''
        ? undefined
        : createGitHubPort({
            token: inputs.token,
            owner: context.owner,
            repo: context.repo,
            baseUrl: context.apiUrl,
            ...(context.graphqlUrl === undefined
              ? {}
              : { graphqlUrl: context.graphqlUrl }),
            timeoutMs: inputs.apiTimeoutMs,
            ...testPacing(process.env),
            log: (message) => core.debug(message)
          })
    const outputs = await run({ inputs, context, port, log })
    setOutputs(outputs)
    if (inputs.verify) {
      if (outputs.decision !== 'verified')
        core.setFailed(
          `plangate verify: ${outputs.summary ?? outputs.decision}: do not apply this plan (see the job summary)`
        )
    } else if (outputs.decision === 'blocked' && inputs.failOnBlocked)
      core.setFailed(
        `plangate: ${outputs.gatedCount} gated change(s) need a human's approval (see the job summary)`
      )
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof InputError) await reportInputError(message)
    if (failOnError) core.setFailed(`plangate: ${message}`)
    else core.warning(`plangate could not decide: ${message}`)
    if (error instanceof Error && error.stack !== undefined)
      core.debug(error.stack)
  }
}

/**
 * A bad input on a pull request run: sets the `error` status on the head,
 * best effort, so that the pull request says why instead of waiting for a
 * status that never comes.
 */
async function reportInputError(message: string): Promise<void> {
  try {
    const { token, statusContext } = getFallbackInputs()
    const context = readContext(process.env)
    const { event } = context
    if (token === '' || event.kind !== 'pull_request') return
    const port = createGitHubPort({
      token,
      owner: context.owner,
      repo: context.repo,
      baseUrl: context.apiUrl,
      log: (line) => core.debug(line)
    })
    const status = errorStatus(message)
    await port.setStatus(event.headSha, {
      state: status.state,
      context:
        statusContext === '' ? `plangate/${event.baseRef}` : statusContext,
      description: status.description,
      ...(context.runUrl === undefined ? {} : { targetUrl: context.runUrl })
    })
  } catch (error) {
    core.warning(
      `could not set the error status: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

function setOutputs(outputs: ActionOutputs): void {
  core.setOutput('decision', outputs.decision)
  core.setOutput('digest', outputs.digest)
  core.setOutput('report-path', outputs.reportPath)
  core.setOutput('comment-id', outputs.commentId)
  core.setOutput('gated-count', String(outputs.gatedCount))
  // Counts come from a plan: approval and merge-queue runs read none and leave them unset.
  for (const [action, count] of Object.entries(outputs.counts))
    core.setOutput(`${action}-count`, String(count))
}

/**
 * The test suite's spacing of API writes and unit of retry waits
 * (`PLANGATE_TEST_API_PACING_MS`), so that tests of the bundle do not wait
 * out GitHub's pacing on a loopback server. Unset on a runner: GitHub's pacing applies.
 */
function testPacing(env: NodeJS.ProcessEnv): {
  pacing?: { writeMs: number; commentMs: number; retryMs: number }
} {
  const text = env.PLANGATE_TEST_API_PACING_MS
  if (text === undefined || text === '') return {}
  const ms = Number(text)
  if (!Number.isInteger(ms) || ms < 0) return {}
  return { pacing: { writeMs: ms, commentMs: ms, retryMs: ms } }
}
