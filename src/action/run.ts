import type { ActionOutputs, RunDeps } from './types.js'
import { skipped } from './shared.js'
import { reportOnly } from './flows/report-only.js'
import { reviewWorkflowRun } from './flows/workflow-run.js'
import { reviewPullRequest } from './flows/pull-request.js'
import { reviewApprovals } from './flows/approval.js'
import { checkMergeGroup } from './flows/merge-group.js'
import { verifyApply } from './flows/verify.js'

/**
 * One run of the action. Pull requests get the full review (history from
 * the API, sticky comment, commit status, labels); merge groups get a status
 * derived from the pull request's own; every other event is report-only.
 * A pull request run that fails sets an `error` status before it throws,
 * so the gate stays closed. With `verify: true` (the apply workflow) the
 * run checks its plan against the merged pull requests' reviews instead.
 */
export async function run(deps: RunDeps): Promise<ActionOutputs> {
  const { event } = deps.context
  if (deps.inputs.verify) return verifyApply(deps)
  switch (event.kind) {
    case 'pull_request':
      return reviewPullRequest(deps, event)
    case 'workflow_run':
      return reviewWorkflowRun(deps, event)
    case 'merge_group':
      return checkMergeGroup(deps, event)
    case 'issue_comment':
      if (!event.isPullRequest) {
        deps.log.notice(
          `comment on issue #${event.number}, not on a pull request: nothing to evaluate`
        )
        return skipped()
      }
      return reviewApprovals(deps, event.number, {
        kind: 'comment',
        id: event.commentId,
        author: event.author,
        deleted: event.action === 'deleted'
      })
    case 'pull_request_review':
      return reviewApprovals(deps, event.number, {
        kind: 'review',
        id: event.reviewId,
        author: event.author,
        deleted: event.action === 'dismissed'
      })
    case 'report':
      return reportOnly(deps)
  }
}

export type { ActionLog, ActionOutputs, RunDeps } from './types.js'
export { LABELS } from './writers.js'
export { findOwnComment, sameAccount } from './shared.js'
