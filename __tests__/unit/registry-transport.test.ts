import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { httpTransport } from '../../src/backends/registry/transport.js'

/** A server that takes a request body only when told to, and answers with what it received. */
let server: Server
let held: IncomingMessage | undefined
let url: string

beforeAll(async () => {
  server = createServer((req, res) => {
    held = req
    req.pause()
    let received = 0
    req.on('data', (data: Buffer) => (received += data.length))
    req.on('end', () => res.writeHead(201, { 'x-received': String(received) }).end('stored'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/a/blobs/uploads/x`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('registry transport', () => {
  it('streams a body only as fast as the registry takes it, and answers like fetch', async () => {
    const total = 64 * 1024 * 1024
    let produced = 0
    const body = Readable.from(
      (function* () {
        for (let at = 0; at < total; at += 1024 * 1024) {
          produced += 1024 * 1024
          yield Buffer.alloc(1024 * 1024, 7)
        }
      })()
    )
    const answer = httpTransport(url, {
      method: 'PUT',
      headers: { 'content-length': String(total), 'content-type': 'application/octet-stream' },
      body
    })
    await new Promise((resolve) => setTimeout(resolve, 500))
    // The registry reads nothing yet: what was read from the source is what the socket buffers hold, not the body.
    expect(produced).toBeLessThan(24 * 1024 * 1024)
    held?.resume()
    const response = await answer
    expect(response.status).toBe(201)
    expect(response.headers.get('x-received')).toBe(String(total))
    expect(await response.text()).toBe('stored')
    expect(produced).toBe(total)
  })

  it('rejects as fetch does when the registry cannot be reached', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const failure = httpTransport(`http://127.0.0.1:${port}/v2/`, {
      method: 'PUT',
      headers: {},
      body: Readable.from([Buffer.from('x')])
    })
    await expect(failure).rejects.toThrow('fetch failed')
    await expect(failure).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } })
  })
})
