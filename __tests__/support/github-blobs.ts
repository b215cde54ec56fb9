/**
 * The blob side of the stand-in: Azure-style Put Blob, Put Block, Put Block List and Get Blob on disk,
 * enough for the Azure SDK inside @actions/cache and @actions/artifact and for plain HTTP downloads.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** How a download misbehaves: cut the connection half way, serve a consistent but short body, or stall. */
export type DownloadFault = { kind: 'cut' } | { kind: 'short' } | { kind: 'slow'; delayMs: number }

interface Blob {
  /** The name a download carries in Content-Disposition. */
  fileName: string
  contentType: string
  committed: boolean
  size: number
  blocks: Set<string>
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
        setTimeout(() => done(null, chunk), Math.max(0, this.free - now))
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
    this.blobs.delete(id)
    void rm(this.file(id), { force: true })
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
      await pipeline(req, this.counter(), this.throttle('up'), createWriteStream(this.file(id, block)))
      blob.blocks.add(block)
      return created(res, 'blob:block')
    }
    if (comp === 'blocklist') {
      const xml = await readText(req)
      const ids = [...xml.matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) =>
        Buffer.from(m[1]!, 'base64').toString('hex')
      )
      const missing = ids.find((b) => !blob.blocks.has(b))
      if (missing !== undefined) return azureError(res, 400, 'InvalidBlockList')
      const out = createWriteStream(this.file(id))
      // One pipeline per block would leave listeners on `out` for each (a warning past ten blocks): copy by hand.
      for (const block of ids)
        for await (const data of createReadStream(this.file(id, block)) as AsyncIterable<Buffer>)
          if (!out.write(data)) await once(out, 'drain')
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve()))
      )
      await this.commit(id, blob)
      return created(res, 'blob:blocklist')
    }
    await pipeline(req, this.counter(), this.throttle('up'), createWriteStream(this.file(id)))
    await this.commit(id, blob)
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
    const body = createReadStream(this.file(id), { start, end: start + (cutAt ?? served) - 1 })
    if (cutAt === undefined) {
      await pipeline(body, this.throttle('down'), res)
      return served
    }
    // A connection lost mid-body: headers promised `length` bytes, half arrive, then the socket closes.
    await pipeline(body, res, { end: false })
    res.socket?.destroy()
    return cutAt
  }

  private throttle(direction: 'up' | 'down'): Transform {
    return (
      this.link?.[direction].stream() ??
      new Transform({ transform: (chunk: Buffer, _encoding, done) => done(null, chunk) })
    )
  }

  private counter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.uploadedBytes += chunk.length
        done(null, chunk)
      }
    })
  }

  private async commit(id: string, blob: Blob): Promise<void> {
    blob.size = (await stat(this.file(id))).size
    blob.etag = `0x${randomBytes(8).toString('hex')}`
    blob.committed = true
    for (const block of blob.blocks) await rm(this.file(id, block), { force: true })
    blob.blocks.clear()
  }

  private file(id: string, block?: string): string {
    return join(this.dir, block === undefined ? id : `${id}.${block}`)
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
