import { readFileSync } from 'node:fs'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runAction, TOKEN } from '../support/action-run.js'
import {
  buildScenarioRepo,
  latestStatus,
  PR_NUMBER,
  stickyBody,
  type ScenarioRepo
} from '../support/approval-scenario.js'
import { pullRequestEvent } from '../support/events.js'
import { commitDetailsOf } from '../support/repo-state.js'
import {
  startConnectProxy,
  type ConnectProxy
} from '../support/connect-proxy.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { fixturePath } from '../helpers.js'

/*
 * GitHub's API is HTTPS, and a self-hosted runner may sit behind a proxy:
 * the bundle's requests to GitHub go through `https_proxy`/`http_proxy` as with the toolkit's own clients
 * (plangate's transport is node:http with @actions/http-client's agent,
 * not undici's fetch). The proxy is a real CONNECT proxy on 127.0.0.1
 * (test/support/connect-proxy.ts); the API's host name is one that only
 * the proxy can reach. For HTTPS, a TLS front with a test-only
 * certificate (test/fixtures/tls, its CA given as NODE_EXTRA_CA_CERTS, as
 * for GitHub Enterprise Server behind a private CA) passes the decrypted
 * bytes to the fake.
 */

let scenario: ScenarioRepo
let fake: FakeGitHub
/** What afterEach stops: proxies and TLS fronts. */
const closers: (() => Promise<void>)[] = []
beforeAll(() => {
  scenario = buildScenarioRepo()
})
afterAll(() => scenario.remove())
afterEach(async () => {
  await fake.close()
  for (const close of closers.splice(0)) await close()
})

async function startProxy(): Promise<ConnectProxy> {
  const proxy = await startConnectProxy()
  closers.push(() => proxy.close())
  return proxy
}

/** A TLS front for the fake GitHub, for any host name; gives its port. */
async function startTlsFront(target: string): Promise<number> {
  const port = Number(new URL(target).port)
  const open = new Set<Socket>()
  const front = createTlsServer(
    {
      key: readFileSync(fixturePath('tls/server.key')),
      cert: readFileSync(fixturePath('tls/server.pem'))
    },
    (socket) => {
      const upstream = connect(port, '127.0.0.1')
      open.add(upstream)
      socket.pipe(upstream)
      upstream.pipe(socket)
      upstream.on('error', () => socket.destroy())
      socket.on('error', () => upstream.destroy())
    }
  )
  front.on('connection', (socket: Socket) => open.add(socket))
  closers.push(async () => {
    for (const socket of open) socket.destroy()
    await new Promise((resolve) => front.close(resolve))
  })
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
  return (front.address() as AddressInfo).port
}

async function startFake(): Promise<void> {
  const { pr, repo } = scenario
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: { [PR_NUMBER]: pr.pull },
    pullCommits: { [PR_NUMBER]: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { [PR_NUMBER]: [] }
  })
}

async function review(
  apiUrl: string,
  env: Record<string, string>
): Promise<{ code: number; stdout: string; decision: string | undefined }> {
  const run = await runAction({
    cwd: scenario.repo,
    eventName: 'pull_request',
    payload: pullRequestEvent({
      number: PR_NUMBER,
      headSha: scenario.pr.headSha
    }),
    inputs: { plan: 'plan.json' },
    apiUrl,
    env
  })
  return { ...run, decision: run.outputs.decision }
}

describe('the Action behind a proxy', () => {
  it('reaches GitHub only through the proxy: the status and the comment are written', async () => {
    await startFake()
    const proxy = await startProxy()
    const apiHost = `api.github.example:${new URL(fake.url).port}`
    const run = await review(`http://${apiHost}`, {
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: ''
    })
    expect(run.code, run.stdout).toBe(0)
    expect(run.decision).toBe('blocked')
    expect(latestStatus(fake, scenario.pr.headSha)?.state).toBe('failure')
    expect(stickyBody(fake)).toContain('needs approval')
    expect(proxy.connects.length).toBeGreaterThan(0)
    expect(new Set(proxy.connects.map((c) => c.url))).toEqual(
      new Set([apiHost])
    )
  })

  it('fails closed when the proxy cannot be reached: no status written, the step fails', async () => {
    await startFake()
    const proxy = await startConnectProxy()
    await proxy.close()
    const { url } = proxy
    const run = await review(
      `http://api.github.example:${new URL(fake.url).port}`,
      { HTTPS_PROXY: url, HTTP_PROXY: url, NO_PROXY: '' }
    )
    expect(run.code).not.toBe(0)
    expect(fake.requests).toHaveLength(0)
    expect(run.stdout).toMatch(/ECONNREFUSED/)
    expect(run.stdout).toContain(
      '(the proxy in https_proxy or http_proxy could not be used; no_proxy lists the hosts to reach directly)'
    )
  })

  it('speaks HTTPS to GitHub, trusting the CA the runner names (NODE_EXTRA_CA_CERTS)', async () => {
    await startFake()
    const port = await startTlsFront(fake.url)
    const run = await review(`https://localhost:${port}`, {
      NODE_EXTRA_CA_CERTS: fixturePath('tls/ca.pem')
    })
    expect(run.code, run.stdout).toBe(0)
    expect(run.decision).toBe('blocked')
    expect(latestStatus(fake, scenario.pr.headSha)?.state).toBe('failure')
  })

  it("speaks HTTPS through the proxy (a CONNECT tunnel to GitHub's host)", async () => {
    await startFake()
    const port = await startTlsFront(fake.url)
    const proxy = await startProxy()
    const run = await review(`https://api.github.example:${port}`, {
      NODE_EXTRA_CA_CERTS: fixturePath('tls/ca.pem'),
      HTTPS_PROXY: proxy.url,
      NO_PROXY: ''
    })
    expect(run.code, run.stdout).toBe(0)
    expect(latestStatus(fake, scenario.pr.headSha)?.state).toBe('failure')
    expect(new Set(proxy.connects.map((c) => c.url))).toEqual(
      new Set([`api.github.example:${port}`])
    )
  })

  it('fails closed on a certificate it cannot verify: nothing reaches the API, the step fails', async () => {
    await startFake()
    const port = await startTlsFront(fake.url)
    const run = await review(`https://localhost:${port}`, {})
    expect(run.code).not.toBe(0)
    expect(fake.requests).toHaveLength(0)
    // Node's words, then plangate's (Node 24 adds a hint of its own between them).
    expect(run.stdout).toContain('unable to verify the first certificate')
    expect(run.stdout).toContain(
      "(the runner does not trust the API's certificate: for a GitHub Enterprise Server whose certificate comes from your own CA, set NODE_EXTRA_CA_CERTS to that CA's PEM file)"
    )
  })
})
