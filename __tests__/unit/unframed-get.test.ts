import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { answerError, getUnframed } from '../../src/runtimes/docker/unframed-get.js'
import { engineMessage, engineStatus } from '../../src/runtimes/docker/client.js'

/** A stand-in engine on a unix socket: `serve` writes the answer, as pieces, to each connection. */
async function fakeEngine(serve: (socket: Socket, request: string) => void): Promise<{ path: string; server: Server }> {
  const dir = await mkdtemp(join(tmpdir(), 'unframed-'))
  dirs.push(dir)
  const path = join(dir, 'engine.sock')
  const server = createServer((socket) => {
    let request = ''
    socket.on('data', (data) => {
      request += data.toString('latin1')
      if (request.includes('\r\n\r\n')) serve(socket, request)
    })
    socket.on('error', () => undefined)
  })
  servers.push(server)
  server.listen(path)
  await once(server, 'listening')
  return { path, server }
}

const dirs: string[] = []
const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) server.close()
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

const read = async (body: AsyncIterable<Buffer>): Promise<Buffer> => {
  const parts: Buffer[] = []
  for await (const part of body) parts.push(part)
  return Buffer.concat(parts)
}

describe('getUnframed', () => {
  it('asks as HTTP/1.0 and hands over the body from its first byte, however the head was cut', async () => {
    const payload = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251))
    let asked = ''
    const { path } = await fakeEngine((socket, request) => {
      asked = request
      const answer = Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\nContent-Type: application/x-tar\r\n\r\n'), payload])
      // The head ends inside the second piece, and the body starts in the same piece.
      socket.write(answer.subarray(0, 10))
      setTimeout(() => socket.end(answer.subarray(10)), 20)
    })
    const answer = await getUnframed(() => connect({ path }), '/v1.41/images/get?names=a%3A1')
    expect(answer.status).toBe(200)
    expect((await read(answer.body as AsyncIterable<Buffer>)).equals(payload)).toBe(true)
    expect(asked.startsWith('GET /v1.41/images/get?names=a%3A1 HTTP/1.0\r\n')).toBe(true)
  })

  it("reports an answer other than 200 as the engine's error, read by the usual helpers", async () => {
    const { path } = await fakeEngine((socket) => {
      const body = '{"message":"reference does not exist"}\n'
      socket.end(`HTTP/1.0 404 Not Found\r\nContent-Length: ${body.length}\r\n\r\n${body}`)
    })
    const answer = await getUnframed(() => connect({ path }), '/v1.41/images/get?names=nope')
    expect(answer.status).toBe(404)
    const error = await answerError(answer)
    expect(engineStatus(error)).toBe(404)
    expect(engineMessage(error)).toBe('reference does not exist')
  })

  it('quotes a body that is not JSON', async () => {
    const { path } = await fakeEngine((socket) => socket.end('HTTP/1.1 500 Internal Server Error\r\n\r\nit broke'))
    const error = await answerError(await getUnframed(() => connect({ path }), '/x'))
    expect(engineStatus(error)).toBe(500)
    expect(engineMessage(error)).toBe('it broke')
  })

  it('rejects a connection that closes before the head, and an answer that is not HTTP', async () => {
    const closes = await fakeEngine((socket) => socket.end('HTTP/1.0 200 OK\r\n'))
    await expect(getUnframed(() => connect({ path: closes.path }), '/x')).rejects.toThrow(
      'the engine closed the connection before it answered'
    )
    const garbles = await fakeEngine((socket) => socket.end('SSH-2.0-OpenSSH\r\n\r\n'))
    await expect(getUnframed(() => connect({ path: garbles.path }), '/x')).rejects.toThrow(/answered "SSH-2.0/)
  })

  it('rejects when nothing listens, and when the signal aborts before the answer', async () => {
    await expect(getUnframed(() => connect({ path: '/nonexistent/engine.sock' }), '/x')).rejects.toThrow(/ENOENT/)
    let closed: Promise<unknown> | undefined
    const { path } = await fakeEngine((socket) => {
      closed = once(socket, 'close')
    })
    const abort = new AbortController()
    const asked = getUnframed(() => connect({ path }), '/x', abort.signal)
    setTimeout(() => abort.abort(new Error('stalled')), 50)
    await expect(asked).rejects.toThrow('stalled')
    await closed
  })
})
