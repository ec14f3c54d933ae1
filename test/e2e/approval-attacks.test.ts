import { afterAll, beforeAll, it } from 'vitest'
import { buildScenarioRepo, reviewedPull } from '../support/approval-scenario.js'
import type { ScenarioRepo } from '../support/approval-scenario.js'
let scenario: ScenarioRepo
beforeAll(() => { scenario = buildScenarioRepo() })
afterAll(() => scenario.remove())
it('explore', async () => {
  const { fake, digest, headSha, run } = await reviewedPull(scenario)
  console.log(digest, headSha, JSON.stringify(fake.state.statuses, null, 1), JSON.stringify(fake.state.comments, null, 1).slice(0, 3000))
  console.log(fake.requests.map(r => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.route}`).join('\n'))
  console.log(fake.state.now, Object.keys(fake.state.files), JSON.stringify(fake.state.pullCommits[7]?.[0], null, 1), fake.state.pullCommits[7]?.length)
  console.log(run.log.slice(0, 3000))
  await fake.close()
})
