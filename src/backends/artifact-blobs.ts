/**
 * The blob side of an artifact: staged blocks committed in order on upload, through the Azure SDK as
 * @actions/artifact uses it; ranged GETs of the signed URL on download (blob-download.ts), so a load fetches only
 * the chunks it needs and starts before the whole artifact would have arrived.
 */
import { BlobClient } from '@azure/storage-blob'
import { errorMessage } from '../errors.js'
import type { PieceBody } from './backend.js'
import { downloadBlob, openBlob } from './blob-download.js'
import type { DownloadWatch } from '../store/arrival.js'

const downloadAttempts = 3

/** Block ids must all have one length within a blob. */
const blockId = (n: number): string => Buffer.from(`ih-block-${String(n).padStart(8, '0')}`).toString('base64')

export interface BlockUpload {
  /** Stages block `n`; the SDK opens a stream factory again when it retries a failed Put Block (5xx, reset). */
  stage(n: number, body: PieceBody, length: number): Promise<void>
  /** Commits blocks 0..count-1, in that order, as the blob. */
  commit(count: number): Promise<void>
}

export function blockUpload(url: string): BlockUpload {
  const client = new BlobClient(url).getBlockBlobClient()
  return {
    async stage(n, body, length) {
      await client.stageBlock(blockId(n), body, length)
    },
    async commit(count) {
      await client.commitBlockList(
        Array.from({ length: count }, (_, n) => blockId(n)),
        { blobHTTPHeaders: { blobContentType: 'application/octet-stream' } }
      )
    }
  }
}

export interface RangeReader {
  /** `length` bytes from `start`, in memory: for the pack's footer, table and index only. */
  read(start: number, length: number): Promise<Buffer>
  /** `length` bytes from `start` into `file` (created or replaced; a retry rewrites it in place for the reader behind). */
  fetch(start: number, length: number, file: string, watch?: DownloadWatch): Promise<void>
}

/** A blob's signed URL: asked once and kept until it is `maxAgeMs` old, or asked again at once when `fresh`. */
export type SignedUrl = (fresh: boolean) => Promise<string>

export function signedUrl(ask: () => Promise<string>, maxAgeMs = Infinity): SignedUrl {
  let current: { url: Promise<string>; at: number } | undefined
  return (fresh) => {
    if (!fresh && current && Date.now() - current.at <= maxAgeMs) return current.url
    const asked = { url: ask(), at: Date.now() }
    current = asked
    asked.url.catch(() => {
      if (current === asked) current = undefined
    })
    return asked.url
  }
}

export function rangeReader(url: SignedUrl): RangeReader {
  // A connection that breaks mid-body (blob-download.ts) gets a fresh request, with a fresh URL: the one before
  // may have expired during a long load.
  const attempt = async <T>(what: string, task: (url: string) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    for (let n = 1; ; n++) {
      try {
        return await task(await url(n > 1))
      } catch (error) {
        if (n >= downloadAttempts || signal?.aborted)
          throw new Error(`${what} failed (${n} attempts): ${errorMessage(error).replace(/\.$/, '')}`)
      }
    }
  }
  return {
    read: (start, length) =>
      attempt(`reading bytes ${start}-${start + length - 1}`, async (signed) => {
        const parts: Buffer[] = []
        for await (const part of (await openBlob(signed, start, length)).body) parts.push(part as Buffer)
        const data = Buffer.concat(parts)
        if (data.length !== length) throw new Error(`${data.length} of ${length} bytes arrived`)
        return data
      }),
    fetch: (start, length, file, watch) =>
      attempt(
        `fetching bytes ${start}-${start + length - 1}`,
        (signed) => downloadBlob(signed, file, start, length, watch),
        watch?.signal
      )
  }
}
