/*
 * A CONNECT proxy on 127.0.0.1 for the transport's tests: every tunnel goes
 * to 127.0.0.1 at the port the client asked for, whatever the host name,
 * so a test can use a name only the proxy can reach (api.github.example).
 */
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT`, for `http_proxy` and `https_proxy`. */
  readonly url: string
  /** The CONNECT requests so far (`url` is `host:port`; headers as sent). */
  readonly connects: IncomingMessage[]
  /** Stops listening and ends every tunnel. */
  close(): Promise<void>
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const connects: IncomingMessage[] = []
  const open = new Set<Socket>()
  const keep = (socket: Socket): void => {
    open.add(socket)
    socket.on('close', () => open.delete(socket))
  }
  const proxy = createServer((_req, res) => {
    // Only tunnels: a plain request to the proxy is not what the clients send.
    res.writeHead(405)
    res.end()
  })
  proxy.on('connection', keep)
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req)
    const port = Number(new URL(`http://${req.url ?? ''}`).port)
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    keep(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    connects,
    close: async () => {
      for (const socket of open) socket.destroy()
      await new Promise((resolve) => proxy.close(resolve))
    }
  }
}
