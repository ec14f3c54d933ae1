/** Flow: `workflow_run` (app mode): the plan comes as an artifact of a pull request's run. */
import { clip } from '../../report/index.js'
import type { ActionEvent } from '../context.js'
import type { ActionOutputs, RunDeps } from '../types.js'
import { requirePort, contextFor } from '../shared.js'
import { setStatus } from '../writers.js'
import { reviewPullRequest } from './pull-request.js'
import { reviewApprovals } from './approval.js'

/**
 * App mode: the plan was made by a `pull_request` run of another workflow
 * and handed over as an artifact; this run works from the default branch.
 * The pull request is found from the run's head (the payload lists none for
 * forks), and the run must be for the pull request's current head.
 */
export async function reviewWorkflowRun(
  deps: RunDeps,
  event: Extract<ActionEvent, { kind: 'workflow_run' }>
): Promise<ActionOutputs> {
  if (
    event.triggeringEvent !== 'pull_request' &&
    event.triggeringEvent !== 'pull_request_review'
  )
    throw new Error(
      `this workflow_run event is for a ${event.triggeringEvent} run; plangate reviews the plans of pull_request runs and re-evaluates approvals after pull_request_review runs`
    )
  const port = requirePort(deps)
  const number =
    event.pullNumbers[0] ??
    (
      await port.findPullRequest(
        event.headRepo,
        event.headBranch,
        event.headSha
      )
    )?.number
  if (number === undefined)
    throw new Error(
      `no open pull request has ${event.headSha.slice(0, 12)} (${event.headRepo}:${event.headBranch}) as its head`
    )
  if (event.triggeringEvent === 'pull_request_review')
    return reviewApprovals(deps, number, undefined)
  if (event.conclusion !== 'success') {
    const pr = await port.getPullRequest(number)
    const statusContext = contextFor(deps.inputs, pr.baseRef)
    if (pr.headSha === event.headSha)
      await setStatus(
        port,
        pr.headSha,
        statusContext,
        {
          state: 'failure',
          description: clip(
            `the plan run did not succeed (${event.conclusion || 'no conclusion'}): nothing to review`
          )
        },
        deps.context.runUrl
      )
    throw new Error(
      `the plan run for ${event.headSha.slice(0, 12)} concluded ${JSON.stringify(event.conclusion)}, not success: there is no plan to review`
    )
  }
  return reviewPullRequest(deps, {
    kind: 'pull_request',
    name: 'workflow_run',
    action: 'completed',
    number,
    headSha: event.headSha,
    baseRef: ''
  })
}
