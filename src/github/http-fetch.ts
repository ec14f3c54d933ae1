/**
 * Octokit's transport: the part of `fetch` that Octokit uses, over
 * `node:http` and `node:https`.
 *
 * `@actions/github` hands Octokit undici's `fetch`. On Node 20 its first
 * request compiles undici's HTTP parser to WebAssembly and sets up web
 * streams: an end-to-end run of the Action took a median 0.31 s of CPU
 * with it and 0.17 s with this (0.30 and 0.20 s on Node 24; see
 * docs/benchmarks.md), and the bundle no longer holds undici's 0.96 MB.
 * Node's own HTTP client parses in C++.
 *
 * What it does, as `fetch` would for Octokit's requests:
 * - proxies: the agent `@actions/http-client` gives the URL (`https_proxy`,
 *   `http_proxy`, `no_proxy`; loopback never proxied), the toolkit's rules;
 *   connections are kept alive between requests;
 * - redirects: followed (at most 20); a 303, or a 301/302 after a POST,
 *   becomes a GET without body; the `authorization` header is never sent
 *   to another origin; `redirect: 'manual'` returns the redirect and
 *   `'error'` fails;
 * - `signal` aborts the request and the reading of its answer (an
 *   `AbortError`, which Octokit passes on as such);
 * - the answer is read whole, at most `maxBytes` (256 MiB), and decoded
 *   from gzip, deflate or brotli, which it asks for; any other
 *   `content-encoding` is an error, never bytes read as text.
 *
 * Not supported, since Octokit's REST and GraphQL calls never need them:
 * streamed request bodies and `parseSuccessResponseBody: false` (the
 * answer has no `body` stream).
 */
import { HttpClient } from '@actions/http-client'
import {
  request as httpRequest,
  type Agent,
  type IncomingHttpHeaders,
  type IncomingMessage
} from 'node:http'
import { request as httpsRequest } from 'node:https'
import {
  brotliDecompressSync,
  gunzipSync,
  inflateRawSync,
  inflateSync
} from 'node:zlib'

/** The largest answer read, decoded or not. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024

/** As `fetch`: more redirects than this are an error. */
const MAX_REDIRECTS = 20

/** What Octokit passes to `fetch`. */
export interface FetchInit {
  readonly method?: string | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly body?: string | Uint8Array | null | undefined
  readonly signal?: AbortSignal | null | undefined
  readonly redirect?: 'follow' | 'manual' | 'error' | undefined
}

/** What Octokit reads of a `fetch` response (status, url, headers, text, arrayBuffer), with `ok`, `redirected` and `json` as `fetch` has them. */
export interface FetchResponse {
  readonly status: number
  readonly statusText: string
  readonly url: string
  readonly redirected: boolean
  readonly ok: boolean
  readonly headers: ResponseHeaders
  text(): Promise<string>
  json(): Promise<unknown>
  arrayBuffer(): Promise<ArrayBuffer>
}

export type HttpFetch = (
  input: string | URL,
  init?: FetchInit
) => Promise<FetchResponse>

/** The answer's headers: names in lower case, iterated in order, as `Headers`. */
class ResponseHeaders implements Iterable<[string, string]> {
  readonly #entries: Map<string, string>

  constructor(headers: IncomingHttpHeaders) {
    const entries: [string, string][] = []
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue
      entries.push([name, Array.isArray(value) ? value.join(', ') : value])
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    this.#entries = new Map(entries)
  }

  get(name: string): string | null {
    return this.#entries.get(name.toLowerCase()) ?? null
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#entries.entries()
  }
}

/** A whole answer, already read and decoded. */
class BufferedResponse implements FetchResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly redirected: boolean,
    readonly headers: ResponseHeaders,
    private readonly bytes: Buffer
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299
  }

  text(): Promise<string> {
    return Promise.resolve(this.bytes.toString('utf8'))
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const copy = new ArrayBuffer(this.bytes.byteLength)
    new Uint8Array(copy).set(this.bytes)
    return Promise.resolve(copy)
  }
}

/** The error `fetch` gives for an abort: Octokit looks for its name. */
function abortError(signal: AbortSignal): Error {
  return new DOMException(
    signal.reason instanceof Error
      ? signal.reason.message
      : 'This operation was aborted',
    'AbortError'
  )
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Headers about a body, dropped with the body when a redirect turns a request into a GET. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location'
]

/**
 * A `fetch` for Octokit; one per GitHub port, since it keeps its
 * connections (and a proxy's tunnel) for the port's requests.
 */
export function createHttpFetch(
  options: { readonly maxBytes?: number } = {}
): HttpFetch {
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES
  // One client per scheme: a client keeps the first agent it makes.
  const clients = new Map<string, HttpClient>()
  const agentFor = (url: URL): Agent => {
    let client = clients.get(url.protocol)
    if (client === undefined) {
      client = new HttpClient('plangate', [], { keepAlive: true })
      clients.set(url.protocol, client)
    }
    return client.getAgent(url.href)
  }

  return async (input, init = {}) => {
    const signal = init.signal ?? undefined
    let url = new URL(String(input))
    let method = (init.method ?? 'GET').toUpperCase()
    let body = init.body ?? undefined
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(init.headers ?? {}))
      headers[name.toLowerCase()] = value
    headers['accept-encoding'] ??= 'gzip, deflate, br'

    for (let redirects = 0; ; redirects += 1) {
      const answer = await send(
        url,
        method,
        headers,
        body,
        signal,
        agentFor(url),
        maxBytes
      )
      const location = answer.message.headers.location
      if (
        !REDIRECTS.has(answer.status) ||
        location === undefined ||
        init.redirect === 'manual'
      )
        return answer.response(url, redirects > 0)
      if (init.redirect === 'error')
        throw new TypeError(
          `${method} ${url.href} redirects (${answer.status}) and redirect is 'error'`
        )
      if (redirects === MAX_REDIRECTS)
        throw new TypeError(
          `${method} ${url.href}: more than ${MAX_REDIRECTS} redirects`
        )
      const next = new URL(location, url)
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new TypeError(
          `${method} ${url.href} redirects to a ${next.protocol} URL`
        )
      if (
        (answer.status === 303 && method !== 'GET' && method !== 'HEAD') ||
        ((answer.status === 301 || answer.status === 302) && method === 'POST')
      ) {
        method = 'GET'
        body = undefined
        for (const name of BODY_HEADERS) delete headers[name]
      }
      if (next.origin !== url.origin) delete headers['authorization']
      url = next
    }
  }
}

interface Answer {
  readonly status: number
  readonly message: IncomingMessage
  response(url: URL, redirected: boolean): FetchResponse
}

/** One request and its whole answer. */
function send(
  url: URL,
  method: string,
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array | undefined,
  signal: AbortSignal | undefined,
  agent: Agent,
  maxBytes: number
): Promise<Answer> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new TypeError(`cannot fetch a ${url.protocol} URL`))
  if (signal?.aborted === true) return Promise.reject(abortError(signal))
  const payload =
    body === undefined
      ? undefined
      : typeof body === 'string'
        ? Buffer.from(body)
        : body
  const outgoing = { ...headers }
  if (payload !== undefined)
    outgoing['content-length'] = String(payload.byteLength)
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest

  return new Promise<Answer>((resolve, reject) => {
    let settled = false
    const fail = (error: Error): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      req.destroy()
      reject(error)
    }
    const onAbort = (): void => {
      if (signal !== undefined) fail(abortError(signal))
    }
    const req = request(
      url,
      { method, headers: outgoing, agent },
      (message) => {
        const chunks: Buffer[] = []
        let size = 0
        message.on('data', (chunk: Buffer) => {
          if (settled) return
          size += chunk.byteLength
          if (size > maxBytes)
            fail(new Error(`the answer is over ${maxBytes} bytes`))
          else chunks.push(chunk)
        })
        // A connection closed before the answer ends is an error here (ECONNRESET).
        message.on('error', fail)
        message.on('end', () => {
          if (settled) return
          let bytes: Buffer
          try {
            bytes = decode(
              Buffer.concat(chunks),
              message.headers['content-encoding'],
              maxBytes
            )
          } catch (error) {
            fail(error instanceof Error ? error : new Error(String(error)))
            return
          }
          settled = true
          signal?.removeEventListener('abort', onAbort)
          const status = message.statusCode ?? 0
          resolve({
            status,
            message,
            response: (final, redirected) =>
              new BufferedResponse(
                status,
                message.statusMessage ?? '',
                final.href,
                redirected,
                new ResponseHeaders(message.headers),
                bytes
              )
          })
        })
      }
    )
    req.on('error', fail)
    signal?.addEventListener('abort', onAbort, { once: true })
    req.end(payload)
  })
}

/** The answer's bytes as sent before `content-encoding`. */
function decode(
  raw: Buffer,
  encoding: string | undefined,
  maxBytes: number
): Buffer {
  const coding = (encoding ?? '').trim().toLowerCase()
  if (coding === '' || coding === 'identity' || raw.byteLength === 0) return raw
  const limit = { maxOutputLength: maxBytes }
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(raw, limit)
    case 'deflate':
      // As browsers do: zlib-wrapped, or raw deflate from servers that send that.
      try {
        return inflateSync(raw, limit)
      } catch {
        return inflateRawSync(raw, limit)
      }
    case 'br':
      return brotliDecompressSync(raw, limit)
    default:
      throw new Error(
        `the answer is encoded with ${JSON.stringify(coding)}, which plangate does not read`
      )
  }
}
