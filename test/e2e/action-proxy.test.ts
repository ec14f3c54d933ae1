import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runAction, TOKEN } from '../support/action-run.js'
import {
  buildScenarioRepo,
  latestStatus,
  PR_NUMBER,
  type ScenarioRepo
} from '../support/approval-scenario.js'
import { pullRequestEvent } from '../support/events.js'
import { commitDetailsOf } from '../support/repo-state.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'

/*
 * A self-hosted runner behind a proxy: the bundle's requests to GitHub go
 * through `https_proxy`/`http_proxy` as with the toolkit's own clients
 * (plangate's transport is node:http with @actions/http-client's agent,
 * not undici's fetch). The proxy here is a real CONNECT proxy on
 * 127.0.0.1 that tunnels to the fake GitHub; the API's host name is one
 * that only the proxy can reach.
 */

let scenario: ScenarioRepo
let fake: FakeGitHub
const servers: Server[] = []
beforeAll(() => {
  scenario = buildScenarioRepo()
})
afterAll(() => scenario.remove())
afterEach(async () => {
  await fake.close()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A CONNECT proxy for which every host name is 127.0.0.1 (the port kept). */
async function startProxy(): Promise<{
  url: string
  connects: IncomingMessage[]
}> {
  const connects: IncomingMessage[] = []
  const proxy = createServer((_req, res) => {
    res.writeHead(405)
    res.end()
  })
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req)
    const port = Number(new URL(`http://${req.url ?? ''}`).port)
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  servers.push(proxy)
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    connects
  }
}

async function reviewThrough(proxyUrl: string): Promise<{
  code: number
  stdout: string
  decision: string | undefined
  apiHost: string
}> {
  const { pr, repo } = scenario
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { [PR_NUMBER]: pr.pull },
    pullCommits: { [PR_NUMBER]: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { [PR_NUMBER]: [] }
  })
  const apiHost = `api.github.example:${new URL(fake.url).port}`
  const run = await runAction({
    cwd: repo,
    eventName: 'pull_request',
    payload: pullRequestEvent({ number: PR_NUMBER, headSha: pr.headSha }),
    inputs: { plan: 'plan.json' },
    apiUrl: `http://${apiHost}`,
    env: { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: '' }
  })
  return { ...run, decision: run.outputs.decision, apiHost }
}

describe('the Action behind a proxy', () => {
  it('reaches GitHub only through the proxy: status, comment and labels as without one', async () => {
    const proxy = await startProxy()
    const run = await reviewThrough(proxy.url)
    expect(run.code, run.stdout).toBe(0)
    expect(run.decision).toBe('blocked')
    expect(latestStatus(fake, scenario.pr.headSha)?.state).toBe('failure')
    expect(fake.requests.length).toBeGreaterThan(3)
    expect(proxy.connects.length).toBeGreaterThan(0)
    expect(new Set(proxy.connects.map((c) => c.url))).toEqual(
      new Set([run.apiHost])
    )
  })

  it('fails closed when the proxy cannot be reached: no status written, the step fails', async () => {
    const { url } = await startProxy()
    for (const server of servers.splice(0))
      await new Promise((resolve) => server.close(resolve))
    const run = await reviewThrough(url)
    expect(run.code).not.toBe(0)
    expect(fake.requests).toHaveLength(0)
    expect(run.stdout).toMatch(/ECONNREFUSED/)
  })
})
