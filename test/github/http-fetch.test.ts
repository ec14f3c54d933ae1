import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import {
  brotliCompressSync,
  deflateRawSync,
  deflateSync,
  gzipSync
} from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpFetch } from '../../src/github/http-fetch.js'
import {
  startConnectProxy,
  type ConnectProxy
} from '../support/connect-proxy.js'

/*
 * Octokit's transport against real HTTP servers on 127.0.0.1: what it must
 * do as `fetch` would (redirects, decoding, aborts, proxies), and where it
 * must fail rather than hand Octokit a wrong answer.
 */

interface Seen {
  readonly method: string
  readonly path: string
  readonly headers: IncomingMessage['headers']
  readonly body: string
  readonly socket: Socket
}

interface TestServer {
  readonly url: string
  readonly seen: Seen[]
  readonly connections: Set<Socket>
}

const servers: Server[] = []
const proxies: ConnectProxy[] = []
afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A server that records each request and answers with `handler`. */
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void
): Promise<TestServer> {
  const seen: Seen[] = []
  const connections = new Set<Socket>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const entry: Seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        socket: req.socket
      }
      seen.push(entry)
      handler(req, res, entry)
    })
  })
  server.on('connection', (socket: Socket) => connections.add(socket))
  return { url: await listen(server), seen, connections }
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

describe('createHttpFetch: requests and answers', () => {
  it('sends the method, headers and body, and gives status, headers and text as fetch does', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(201, 'Created', {
        'content-type': 'application/json',
        'X-RateLimit-Remaining': '4999'
      })
      res.end('{"id":7,"name":"é"}')
    })
    const fetch = createHttpFetch()
    const response = await fetch(`${server.url}/repos/o/r/issues/1/comments`, {
      method: 'POST',
      headers: {
        authorization: 'token abc',
        'content-type': 'application/json'
      },
      body: '{"body":"ü"}'
    })
    expect(response.status).toBe(201)
    expect(response.statusText).toBe('Created')
    expect(response.ok).toBe(true)
    expect(response.url).toBe(`${server.url}/repos/o/r/issues/1/comments`)
    expect(response.redirected).toBe(false)
    expect(response.headers.get('X-RateLimit-Remaining')).toBe('4999')
    expect([...response.headers].map(([name]) => name)).toEqual(
      [...response.headers].map(([name]) => name.toLowerCase()).sort()
    )
    expect(await response.json()).toEqual({ id: 7, name: 'é' })
    const [request] = server.seen
    expect(request?.method).toBe('POST')
    expect(request?.body).toBe('{"body":"ü"}')
    expect(request?.headers['content-length']).toBe(
      String(Buffer.byteLength('{"body":"ü"}'))
    )
    expect(request?.headers.authorization).toBe('token abc')
    expect(request?.headers['accept-encoding']).toBe('gzip, deflate, br')
  })

  it('gives an error status as an answer, not an error', async () => {
    const server = await serve((_req, res) =>
      json(res, 404, { message: 'Not Found' })
    )
    const response = await createHttpFetch()(`${server.url}/x`)
    expect(response.status).toBe(404)
    expect(response.ok).toBe(false)
    expect(await response.text()).toBe('{"message":"Not Found"}')
  })

  it('gives the bytes of a binary answer', async () => {
    const bytes = Buffer.from([0, 255, 1, 254])
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(bytes)
    })
    const body = await (
      await createHttpFetch()(`${server.url}/x`)
    ).arrayBuffer()
    expect(Buffer.from(body)).toEqual(bytes)
  })

  it('keeps the connection for the next request', async () => {
    const server = await serve((_req, res) => json(res, 200, {}))
    const fetch = createHttpFetch()
    for (let i = 0; i < 3; i += 1)
      await (await fetch(`${server.url}/${i}`)).text()
    expect(server.seen).toHaveLength(3)
    expect(server.connections.size).toBe(1)
  })
})

describe('createHttpFetch: encoded answers', () => {
  const text = JSON.stringify({
    items: Array.from({ length: 200 }, (_, i) => ({ i }))
  })
  const encodings: [string, (b: Buffer) => Buffer][] = [
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync]
  ]
  for (const [name, encode] of encodings)
    it(`decodes ${name}`, async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': name
        })
        res.end(encode(Buffer.from(text)))
      })
      expect(await (await createHttpFetch()(`${server.url}/x`)).text()).toBe(
        text
      )
    })

  it('decodes raw deflate, as browsers do for servers that send it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'deflate' })
      res.end(deflateRawSync(Buffer.from(text)))
    })
    expect(await (await createHttpFetch()(`${server.url}/x`)).text()).toBe(text)
  })

  it('fails on an encoding it cannot read, and on a broken gzip, instead of passing the bytes on', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/zstd') {
        res.writeHead(200, { 'content-encoding': 'zstd' })
        res.end('(\u00b5/\u00fd')
      } else {
        res.writeHead(200, { 'content-encoding': 'gzip' })
        res.end(gzipSync(Buffer.from(text)).subarray(0, 40))
      }
    })
    const fetch = createHttpFetch()
    await expect(fetch(`${server.url}/zstd`)).rejects.toThrow(
      'the answer is encoded with "zstd", which plangate does not read'
    )
    await expect(fetch(`${server.url}/cut`)).rejects.toThrow(
      /unexpected end of file/
    )
  })

  it('stops an answer over the limit, raw or decoded (a gzip bomb)', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/raw') {
        res.writeHead(200)
        res.end(Buffer.alloc(4096, 'a'))
      } else {
        res.writeHead(200, { 'content-encoding': 'gzip' })
        res.end(gzipSync(Buffer.alloc(1 << 20)))
      }
    })
    const fetch = createHttpFetch({ maxBytes: 2048 })
    await expect(fetch(`${server.url}/raw`)).rejects.toThrow(
      'the answer is over 2048 bytes'
    )
    await expect(fetch(`${server.url}/bomb`)).rejects.toThrow(
      /larger than|2048/
    )
  })
})

describe('createHttpFetch: redirects', () => {
  it('follows a redirect of a GET and says where it ended', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/repos/old/name') {
        res.writeHead(301, { location: '/repositories/42' })
        res.end()
      } else json(res, 200, { id: 42 })
    })
    const response = await createHttpFetch()(`${server.url}/repos/old/name`, {
      headers: { authorization: 'token abc' }
    })
    expect(await response.json()).toEqual({ id: 42 })
    expect(response.url).toBe(`${server.url}/repositories/42`)
    expect(response.redirected).toBe(true)
    expect(server.seen.map((s) => s.headers.authorization)).toEqual([
      'token abc',
      'token abc'
    ])
  })

  it('turns a POST into a GET without its body on a 303, and keeps both on a 307', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/303' || req.url === '/307') {
        res.writeHead(Number(req.url.slice(1)), { location: '/done' })
        res.end()
      } else json(res, 200, {})
    })
    const fetch = createHttpFetch()
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}'
    }
    await fetch(`${server.url}/303`, init)
    await fetch(`${server.url}/307`, init)
    const done = server.seen.filter((s) => s.path === '/done')
    expect(
      done.map((s) => [s.method, s.body, s.headers['content-type']])
    ).toEqual([
      ['GET', '', undefined],
      ['POST', '{"a":1}', 'application/json']
    ])
  })

  it('never sends the token to another origin', async () => {
    const other = await serve((_req, res) =>
      json(res, 200, { elsewhere: true })
    )
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url}/archive` })
      res.end()
    })
    const response = await createHttpFetch()(`${server.url}/x`, {
      headers: { authorization: 'token secret', accept: 'application/json' }
    })
    expect(await response.json()).toEqual({ elsewhere: true })
    expect(server.seen[0]?.headers.authorization).toBe('token secret')
    expect(other.seen[0]?.headers.authorization).toBeUndefined()
    expect(other.seen[0]?.headers.accept).toBe('application/json')
  })

  it('fails past 20 redirects, on a redirect to another scheme, and with redirect: error', async () => {
    const server = await serve((req, res) => {
      const n = Number(req.url?.slice(1))
      res.writeHead(302, {
        location: req.url === '/ftp' ? 'ftp://example.com/' : `/${n + 1}`
      })
      res.end()
    })
    const fetch = createHttpFetch()
    await expect(fetch(`${server.url}/0`)).rejects.toThrow(
      'more than 20 redirects'
    )
    expect(server.seen).toHaveLength(21)
    await expect(fetch(`${server.url}/ftp`)).rejects.toThrow(
      'redirects to a ftp: URL'
    )
    await expect(
      fetch(`${server.url}/0`, { redirect: 'error' })
    ).rejects.toThrow("redirect is 'error'")
    const manual = await fetch(`${server.url}/0`, { redirect: 'manual' })
    expect(manual.status).toBe(302)
    expect(manual.headers.get('location')).toBe('/1')
  })
})

describe('createHttpFetch: aborts and broken connections', () => {
  it('aborts a request that gets no answer, with the AbortError Octokit looks for', async () => {
    const server = await serve(() => undefined)
    const controller = new AbortController()
    const pending = createHttpFetch()(`${server.url}/hang`, {
      signal: controller.signal
    })
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('aborts while the answer is read', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"items": [')
    })
    const started = performance.now()
    await expect(
      createHttpFetch()(`${server.url}/slow`, {
        signal: AbortSignal.timeout(100)
      })
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('sends nothing with a signal already aborted', async () => {
    const server = await serve((_req, res) => json(res, 200, {}))
    await expect(
      createHttpFetch()(`${server.url}/x`, { signal: AbortSignal.abort() })
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(server.seen).toHaveLength(0)
  })

  it('fails when the connection closes before the answer ends', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' })
      res.write('{"partial":')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    await expect(createHttpFetch()(`${server.url}/x`)).rejects.toThrow(
      'aborted'
    )
  })

  it('fails when nothing listens', async () => {
    const server = await serve(() => undefined)
    const closed = server.url
    for (const s of servers.splice(0))
      await new Promise((resolve) => s.close(resolve))
    await expect(createHttpFetch()(`${closed}/x`)).rejects.toThrow(
      /ECONNREFUSED/
    )
  })
})

async function startProxy(): Promise<ConnectProxy> {
  const proxy = await startConnectProxy()
  proxies.push(proxy)
  return proxy
}

describe('createHttpFetch: proxies, by the toolkit rules', () => {
  it('tunnels through http_proxy, with the credentials of its URL', async () => {
    const server = await serve((req, res) =>
      json(res, 200, { host: req.headers.host })
    )
    const proxy = await startProxy()
    vi.stubEnv(
      'http_proxy',
      proxy.url.replace('http://', 'http://octo:p%40ss@')
    )
    vi.stubEnv('no_proxy', '')
    const port = new URL(server.url).port
    const response = await createHttpFetch()(
      `http://api.github.example:${port}/rate_limit`
    )
    expect(await response.json()).toEqual({
      host: `api.github.example:${port}`
    })
    expect(proxy.connects.map((c) => c.url)).toEqual([
      `api.github.example:${port}`
    ])
    expect(proxy.connects[0]?.headers['proxy-authorization']).toBe(
      `Basic ${Buffer.from('octo:p@ss').toString('base64')}`
    )
  })

  it('goes direct to a host in no_proxy, and to loopback always', async () => {
    const server = await serve((_req, res) => json(res, 200, {}))
    const proxy = await startProxy()
    vi.stubEnv('http_proxy', proxy.url)
    vi.stubEnv('no_proxy', '')
    await (await createHttpFetch()(`${server.url}/direct`)).text()
    expect(server.seen).toHaveLength(1)
    vi.stubEnv('no_proxy', 'api.github.example')
    // Direct means a name lookup of its own, which fails here (no such name).
    await expect(
      createHttpFetch()('http://api.github.example/x', {
        signal: AbortSignal.timeout(3000)
      })
    ).rejects.toThrow()
    expect(proxy.connects).toHaveLength(0)
  })
})
