/**
 * Downloads of signed blob URLs (cache entries, artifact ranges) as plain GETs, against a loopback server that
 * answers as Azure Blob storage does: whole bodies, ranges, error documents, short and late answers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { downloadBlob, openBlob } from '../../src/backends/blob-download.js'

const content = randomBytes(300_000)
const seen: IncomingMessage[] = []
let server: Server
let base: string
let root: string

function answer(req: IncomingMessage, res: ServerResponse): void {
  seen.push(req)
  const path = new URL(req.url ?? '/', base).pathname
  if (path === '/missing') {
    res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound', 'content-type': 'application/xml' })
    res.end(
      '<?xml version="1.0"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.\nRequestId:1</Message></Error>'
    )
    return
  }
  if (path === '/late') return // never answered: only an abort ends the request
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''))
  const start = range ? Number(range[1]) : 0
  const end = range?.[2] ? Number(range[2]) : content.length - 1
  const body = content.subarray(start, end + 1)
  const sent = path === '/short' ? body.subarray(0, body.length >> 1) : body
  // /whole ignores the range, as a server that does not do ranges answers.
  const partial = range !== null && path !== '/whole'
  res.writeHead(partial ? 206 : 200, { 'content-length': String(partial ? sent.length : content.length) })
  res.end(partial ? sent : content)
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'blob-download-'))
  server = createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  base = `http://127.0.0.1:${address.port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(root, { recursive: true, force: true })
})

describe('blob downloads', () => {
  it('writes a whole blob to a file, and a range of it with a Range header', async () => {
    const file = join(root, 'whole')
    await downloadBlob(`${base}/blob?sig=1`, file)
    expect((await readFile(file)).equals(content)).toBe(true)
    await downloadBlob(`${base}/blob?sig=1`, file, 1000, 5000)
    expect((await readFile(file)).equals(content.subarray(1000, 6000))).toBe(true)
    expect(seen.at(-1)?.headers.range).toBe('bytes=1000-5999')
  })

  it('reads the rest of a blob from an offset', async () => {
    const { body, announced } = await openBlob(`${base}/blob`, 299_000)
    const parts: Buffer[] = []
    for await (const part of body as AsyncIterable<Buffer>) parts.push(part)
    expect(announced).toBe(1000)
    expect(Buffer.concat(parts).equals(content.subarray(299_000))).toBe(true)
  })

  it("says what storage answered to a refused download: the status and Azure's error code and message", async () => {
    await expect(openBlob(`${base}/missing`)).rejects.toThrow(
      'the download was answered 404 Not Found (BlobNotFound: The specified blob does not exist.)'
    )
  })

  it('refuses an answer that is not the range asked for, or announces fewer bytes', async () => {
    await expect(openBlob(`${base}/whole`, 10, 100)).rejects.toThrow(/answered 200/)
    await expect(openBlob(`${base}/short`, 0, 1000)).rejects.toThrow(
      '500 bytes were announced where 1000 were asked for'
    )
  })

  it('stops waiting for an answer when its signal aborts', async () => {
    const stop = new AbortController()
    const started = Date.now()
    setTimeout(() => stop.abort(), 100)
    const late = openBlob(`${base}/late`, 0, undefined, stop.signal)
    await expect(late).rejects.toThrow(/abort/i)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
