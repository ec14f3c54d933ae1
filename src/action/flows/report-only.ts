/** Flow: push, workflow_dispatch and other events without a pull request (report only). */
import { resolve } from 'node:path'
import { analyze } from '../../analyze.js'
import { loadPolicy } from '../../io/index.js'
import { localView } from '../../report/index.js'
import type { ActionOutputs, RunDeps } from '../types.js'
import { readPlans, linksOf } from '../shared.js'
import { finish } from '../writers.js'

/** Push, workflow_dispatch and other events: summary, JSON report and outputs. */
export async function reportOnly(deps: RunDeps): Promise<ActionOutputs> {
  const { inputs, context } = deps
  const policy = loadPolicy(
    inputs.configIsDefault
      ? undefined
      : resolve(context.workspace, inputs.config),
    context.workspace
  )
  const analysis = analyze(readPlans(inputs, deps.log), {
    policy: policy.config,
    stackDirs: policy.config.stackDirs
  })
  return finish(
    deps,
    analysis,
    '',
    localView(analysis, { headSha: context.sha, links: linksOf(context) })
  )
}
