/** Flow: `merge_group`: the queued pull request's own plangate status, carried to the group's commit. */
import type { StatusVerdict } from '../../report/index.js'
import type { ActionEvent } from '../context.js'
import type { ActionOutputs, RunDeps } from '../types.js'
import { requirePort, contextFor, whoAmI, sameAccount } from '../shared.js'
import { setStatus, reportError } from '../writers.js'
import { ownStatuses } from '../approvals.js'

/**
 * A merge group's commit gets plangate's status only from the queued pull
 * request's latest plangate status on its head, written by plangate's own
 * identity: success there (pass or approved) gives success here; anything
 * else, or nothing, gives failure. Never success by default.
 */
export async function checkMergeGroup(
  deps: RunDeps,
  event: Extract<ActionEvent, { kind: 'merge_group' }>
): Promise<ActionOutputs> {
  const { inputs, context, log } = deps
  const port = requirePort(deps)
  const statusContext = contextFor(inputs, event.baseRef)
  try {
    const match = /\/pr-(\d+)-[0-9a-f]{40}$/.exec(event.headRef)
    if (match === null)
      throw new Error(
        `merge group ref ${JSON.stringify(event.headRef)} does not name a pull request (expected …/pr-<number>-<sha>)`
      )
    const number = Number(match[1])
    const viewer = await whoAmI(port, log)
    const pr = await port.getPullRequest(number)
    const statuses = await port.listStatuses(pr.headSha)
    const [ours] = ownStatuses(statuses, viewer, statusContext, sameAccount)
    const passed = ours?.state === 'success'
    const status: StatusVerdict = passed
      ? {
          state: 'success',
          description: `pull request #${number} passed plangate at ${pr.headSha.slice(0, 12)}`
        }
      : {
          state: 'failure',
          description:
            ours === undefined
              ? `pull request #${number} has no plangate status at ${pr.headSha.slice(0, 12)}`
              : `pull request #${number} is not approved at ${pr.headSha.slice(0, 12)} (${ours.state})`
        }
    await setStatus(port, event.headSha, statusContext, status, context.runUrl)
    log.info(
      `status ${statusContext} on merge group ${event.headSha.slice(0, 12)}: ${status.state}: ${status.description}`
    )
    log.debug(`GitHub API requests: ${port.requestCount()}`)
    return {
      decision: passed ? 'pass' : 'blocked',
      digest: '',
      counts: {},
      gatedCount: 0,
      reportPath: '',
      commentId: ''
    }
  } catch (error) {
    await reportError(deps, port, event.headSha, statusContext, error)
    throw error
  }
}
