/**
 * The blob side of the stand-in: Azure-style Put Blob, Put Block, Put Block List and Get Blob on disk,
 * enough for the Azure SDK inside @actions/cache and @actions/artifact and for plain HTTP downloads.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Readable, Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** How a download misbehaves: cut the connection half way, serve a consistent but short body, or stall. */
export type DownloadFault = { kind: 'cut' } | { kind: 'short' } | { kind: 'slow'; delayMs: number }

/** Reads and writes of stored blobs go in pieces this large (Node's default 64 KiB costs more syscalls and CPU). */
const ioPiece = 1024 * 1024

interface Blob {
  /** The name a download carries in Content-Disposition. */
  fileName: string
  contentType: string
  committed: boolean
  size: number
  blocks: Set<string>
  /** The committed content: files read one after the other (one for Put Blob, the blocks for Put Block List). */
  parts: Array<{ file: string; size: number }>
  /** Bumped on every commit, so a committed block's file is never a later upload's staging file. */
  generation: number
  etag: string
}

/**
 * A network link of `megabytesPerSecond` in one direction, shared by every connection through it, as a runner's
 * link to GitHub is: each chunk waits until the link would have carried the bytes before it.
 */
class Link {
  private free = 0

  constructor(private readonly bytesPerMs: number) {}

  stream(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        const now = performance.now()
        this.free = Math.max(this.free, now) + chunk.length / this.bytesPerMs
        // A timer waits at least 1 ms: one connection passing 64 KiB pieces would be held to 64 MB/s whatever the
        // rate. Pieces pass at once until the link owes more than a few ms, so the average is the rate.
        const owed = this.free - now
        if (owed < 4) done(null, chunk)
        else setTimeout(() => done(null, chunk), owed)
      }
    })
  }
}

/** `IH_STANDIN_MBPS` (MB/s each way) makes the stand-in as slow as a real network; unset, loopback speed. */
function links(): { up: Link; down: Link } | undefined {
  const rate = Number(process.env.IH_STANDIN_MBPS ?? 0)
  return rate > 0 ? { up: new Link(rate * 1000), down: new Link(rate * 1000) } : undefined
}

export class BlobStore {
  private readonly blobs = new Map<string, Blob>()
  private readonly link = links()
  /** Body bytes received by Put Blob and Put Block since the start (retried blocks count again), for the benchmark. */
  uploadedBytes = 0

  constructor(private readonly dir: string) {}

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
  }

  /** A new empty blob; returns its path below the origin (two segments, as the Azure SDK requires). */
  create(container: string, fileName: string): string {
    const id = `${container}-${randomBytes(8).toString('hex')}`
    this.blobs.set(id, {
      fileName,
      contentType: 'application/octet-stream',
      committed: false,
      size: 0,
      blocks: new Set(),
      parts: [],
      generation: 0,
      etag: ''
    })
    return `/blob/${container}/${id}?sig=${randomBytes(6).toString('hex')}`
  }

  committedSize(url: string): number | undefined {
    const blob = this.blobs.get(blobId(url))
    return blob?.committed ? blob.size : undefined
  }

  delete(url: string): void {
    const id = blobId(url)
    const parts = this.blobs.get(id)?.parts ?? []
    this.blobs.delete(id)
    for (const part of parts) void rm(part.file, { force: true })
  }

  /** Put Blob (single shot), Put Block, or Put Block List, by the `comp` query parameter. */
  async put(id: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<string> {
    const blob = this.blobs.get(id)
    if (!blob) return azureError(res, 404, 'BlobNotFound')
    const contentType = req.headers['x-ms-blob-content-type']
    if (typeof contentType === 'string' && contentType !== '') blob.contentType = contentType
    const comp = query.get('comp')
    if (comp === 'block') {
      const block = Buffer.from(query.get('blockid') ?? '', 'base64').toString('hex')
      await this.receive(req, this.file(id, block))
      blob.blocks.add(block)
      return created(res, 'blob:block')
    }
    if (comp === 'blocklist') {
      const xml = await readText(req)
      const ids = [...xml.matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) =>
        Buffer.from(m[1]!, 'base64').toString('hex')
      )
      const missing = ids.find((b) => !blob.blocks.has(b))
      if (missing !== undefined || new Set(ids).size !== ids.length) return azureError(res, 400, 'InvalidBlockList')
      // As in Azure, a commit only records which blocks make the blob, in order: nothing is copied.
      const generation = blob.generation + 1
      const parts: Blob['parts'] = []
      for (const [i, block] of ids.entries()) {
        const file = `${this.file(id)}.${generation}.${i}`
        await rename(this.file(id, block), file)
        parts.push({ file, size: (await stat(file)).size })
      }
      await this.commit(id, blob, parts, generation)
      return created(res, 'blob:blocklist')
    }
    const generation = blob.generation + 1
    const file = `${this.file(id)}.${generation}.0`
    await this.receive(req, file)
    await this.commit(id, blob, [{ file, size: (await stat(file)).size }], generation)
    return created(res, 'blob:put')
  }

  /**
   * Get Blob with Content-Length, Content-Type, Content-Disposition and Range; a fault bends the body.
   * Resolves to the body bytes it sent.
   */
  async get(id: string, req: IncomingMessage, res: ServerResponse, fault?: DownloadFault): Promise<number> {
    const blob = this.blobs.get(id)
    if (!blob?.committed) {
      azureError(res, 404, 'BlobNotFound')
      return 0
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs))
    const range = parseRange(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''), blob.size)
    const start = range?.start ?? 0
    const end = range?.end ?? blob.size - 1
    const length = Math.max(0, end - start + 1)
    const served = fault?.kind === 'short' ? Math.floor(length / 2) : length
    res.writeHead(range ? 206 : 200, {
      'Content-Length': String(served),
      'Content-Type': blob.contentType,
      'Content-Disposition': `attachment; filename="${blob.fileName}"; filename*=UTF-8''${encodeURIComponent(blob.fileName)}`,
      'Accept-Ranges': 'bytes',
      // Azure sends one on every read; the SDK resumes a cut body only against it.
      ETag: `"${blob.etag}"`,
      'x-ms-request-id': randomBytes(8).toString('hex'),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${blob.size}` } : {})
    })
    if (served === 0) {
      res.end()
      return 0
    }
    const cutAt = fault?.kind === 'cut' ? Math.floor(length / 2) : undefined
    const body = Readable.from(readParts(blob.parts, start, start + (cutAt ?? served)))
    if (cutAt === undefined) {
      await this.relay(body, 'down', res)
      return served
    }
    // A connection lost mid-body: headers promised `length` bytes, half arrive, then the socket closes.
    await pipeline(body, res, { end: false })
    res.socket?.destroy()
    return cutAt
  }

  /**
   * Writes a request body to `file`, counting it, through the link when there is one. The stand-in plays GitHub's
   * machines but runs on the jobs' cores, so it spends no CPU it can spare: no pass-through stages, large writes.
   */
  private async receive(req: IncomingMessage, file: string): Promise<void> {
    req.on('data', (chunk: Buffer) => {
      this.uploadedBytes += chunk.length
    })
    await this.relay(req, 'up', createWriteStream(file, { highWaterMark: ioPiece }))
  }

  /** `source` into `sink`, through the link's `direction` when the stand-in has one. */
  private relay(source: Readable, direction: 'up' | 'down', sink: Writable): Promise<void> {
    const link = this.link?.[direction].stream()
    return link ? pipeline(source, link, sink) : pipeline(source, sink)
  }

  /** Makes `parts` the blob's content; what it held before and the blocks left uncommitted are removed. */
  private async commit(id: string, blob: Blob, parts: Blob['parts'], generation: number): Promise<void> {
    for (const part of blob.parts) await rm(part.file, { force: true })
    for (const block of blob.blocks) await rm(this.file(id, block), { force: true })
    blob.blocks.clear()
    blob.parts = parts
    blob.generation = generation
    blob.size = parts.reduce((sum, part) => sum + part.size, 0)
    blob.etag = `0x${randomBytes(8).toString('hex')}`
    blob.committed = true
  }

  private file(id: string, block?: string): string {
    return join(this.dir, block === undefined ? id : `${id}.${block}`)
  }
}

/** Bytes [start, end) of the parts read one after the other. */
async function* readParts(parts: Blob['parts'], start: number, end: number): AsyncGenerator<Buffer> {
  let at = 0
  for (const part of parts) {
    const from = Math.max(start, at)
    const to = Math.min(end, at + part.size)
    if (from < to) {
      const read = createReadStream(part.file, { start: from - at, end: to - at - 1, highWaterMark: ioPiece })
      yield* read as AsyncIterable<Buffer>
    }
    at += part.size
  }
}

export function blobId(url: string): string {
  return new URL(url, 'http://x').pathname.split('/').pop() ?? ''
}

function created(res: ServerResponse, route: string): string {
  res.writeHead(201, {
    ETag: `"0x${randomBytes(8).toString('hex')}"`,
    'Last-Modified': new Date().toUTCString(),
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2024-11-04',
    'x-ms-request-server-encrypted': 'true',
    'Content-Length': '0'
  })
  res.end()
  return route
}

export function azureError(res: ServerResponse, status: number, code: string): string {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`
  res.writeHead(status, { 'Content-Type': 'application/xml', 'x-ms-error-code': code, 'x-ms-request-id': 'stand-in' })
  res.end(body)
  return `blob:error:${code}`
}

function parseRange(header: string, size: number): { start: number; end: number } | undefined {
  const match = /^bytes=(\d+)-(\d*)$/.exec(header)
  if (!match) return undefined
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  return { start, end }
}

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
