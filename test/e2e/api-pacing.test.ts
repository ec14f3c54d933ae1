import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction, TOKEN } from '../support/action-run.js'
import { buildScenarioRepo, PR_NUMBER } from '../support/approval-scenario.js'
import type { ScenarioRepo } from '../support/approval-scenario.js'
import { pullRequestEvent } from '../support/events.js'
import { startFakeGitHub } from '../support/fake-github.js'
import type { RecordedRequest } from '../support/fake-github.js'
import { commitDetailsOf } from '../support/repo-state.js'

/*
 * GitHub asks integrations to space mutating requests by a second. The
 * other tests of the bundle lower the spacing (PLANGATE_TEST_API_PACING_MS)
 * so as not to wait on a loopback server; this one keeps the real pacing
 * and measures it at the server.
 */

let scenario: ScenarioRepo
beforeAll(() => {
  scenario = buildScenarioRepo()
})
afterAll(() => scenario.remove())

async function writesOfRun(realPacing: boolean): Promise<RecordedRequest[]> {
  const { pr, repo } = scenario
  const fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { [PR_NUMBER]: pr.pull },
    pullCommits: { [PR_NUMBER]: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { [PR_NUMBER]: [] }
  })
  try {
    const run = await runAction({
      cwd: repo,
      eventName: 'pull_request',
      payload: pullRequestEvent({ number: PR_NUMBER, headSha: pr.headSha }),
      inputs: { plan: 'plan.json' },
      apiUrl: fake.url,
      realPacing
    })
    expect(run.code, run.stdout).toBe(0)
    return fake.requests.filter(
      (r) => r.method !== 'GET' && !r.path.endsWith('/graphql')
    )
  } finally {
    await fake.close()
  }
}

function gaps(writes: readonly RecordedRequest[]): number[] {
  return writes.slice(1).map((w, i) => w.receivedAt - writes[i]!.receivedAt)
}

describe("the client's pacing of writes", () => {
  it('spaces mutating requests by a second, as GitHub asks', async () => {
    const writes = await writesOfRun(true)
    // The comment, the labels and the status at least.
    expect(writes.length).toBeGreaterThanOrEqual(3)
    // Measured at the server, a request that arrives late shortens the next gap:
    // the span from first to last write is the robust measure; each gap only
    // has to be far above the tests' 10 ms.
    const span = writes.at(-1)!.receivedAt - writes[0]!.receivedAt
    expect(span).toBeGreaterThanOrEqual(1000 * (writes.length - 1) - 300)
    for (const gap of gaps(writes)) expect(gap).toBeGreaterThanOrEqual(400)
  }, 60_000)

  it('the tests of the bundle run with a lowered spacing (what makes them fast)', async () => {
    const writes = await writesOfRun(false)
    expect(writes.length).toBeGreaterThanOrEqual(3)
    expect(Math.min(...gaps(writes))).toBeLessThan(900)
  }, 60_000)
})
