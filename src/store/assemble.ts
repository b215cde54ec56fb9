/**
 * Load side of the store: rebuilds the archive from the index and its chunks as a stream for the engine.
 * Chunks are fetched ahead in parallel (bounded) while earlier ones stream out, and each is checked against its
 * digest as it passes: a chunk damaged in storage or transit stops the archive before its end, so the engine
 * rejects it instead of loading something else.
 */
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { Readable } from 'node:stream'
import tar, { type Header, type Pack } from 'tar-stream'
import { HandoffError, errorMessage } from '../errors.js'
import { isNameFile } from '../archive/model.js'
import type { BlobStore, FetchedChunk } from './blob-store.js'
import { chunkSizes, isChunked, type ChunkDigest, type StoreIndex, type StoredEntry } from './format.js'
import type { LoadPlan } from './load-plan.js'
import { readChunk } from './chunk-read.js'
import { paceGc } from './gc-pace.js'

export interface AssembleOptions {
  /** Chunks fetched ahead of the one streaming out, at most. */
  prefetch: number
  /** Their bytes (as split, before compression) at most; at least one chunk is always ahead. Default: no limit. */
  prefetchBytes?: number
  onBytes?: (n: number) => void
  /**
   * Resolves when the name files may follow the layers: archives loaded side by side send theirs only once every
   * one has passed its chunk checks, so a damaged chunk in one leaves the engine with none of the images (engines
   * register images from the name files, which come last).
   */
  beforeNameFiles?: () => Promise<void>
}

/** A chunk could not be fetched: storage trouble, not a fault of the engine or the images. */
export class ChunkFetchError extends HandoffError {}

export interface Assembled {
  /** The archive; it errors (and the engine sees a cut archive) when a chunk fails. */
  stream: Readable
  /** Why the archive was cut short, once it was: the cause to report rather than the engine's echo of it. */
  failure(): unknown
}

/**
 * Archives loaded together fail together: the first failure is kept (its archive's own cause, a chunk that failed,
 * rather than the engine's echo of the cut stream) and every other archive is cut with it, so no load goes on
 * after the step. `onCut` hears it too (a gate the others wait at).
 */
export function failTogether(
  archives: () => Iterable<Assembled>,
  onCut: (cut: Error) => void = () => undefined
): { fail(archive: Assembled, error: unknown): void; cause(): { cause: unknown } | undefined } {
  let first: { cause: unknown } | undefined
  return {
    fail(archive, error) {
      if (first !== undefined) return
      first = { cause: archive.failure() ?? error }
      const cut = first.cause instanceof Error ? first.cause : new Error(String(first.cause))
      onCut(cut)
      for (const other of archives()) if (other !== archive) other.stream.destroy(cut)
    },
    cause: () => first
  }
}

export function assembleArchive(
  index: StoreIndex,
  plan: Pick<LoadPlan, 'omit' | 'nameFiles' | 'chunks'>,
  store: BlobStore,
  options: AssembleOptions
): Assembled {
  const pack = tar.pack()
  const fetcher = chunkFetcher(store, plan.chunks, {
    chunks: options.prefetch,
    bytes: options.prefetchBytes ?? Infinity,
    sizes: chunkSizes(index)
  })
  const copy: Copy = {
    storeKind: store.kind,
    buffer: Buffer.allocUnsafe(1024 * 1024),
    onBytes: (n) => {
      paceGc(n)
      options.onBytes?.(n)
    }
  }
  let failure: unknown
  void (async () => {
    for (const entry of index.entries) {
      // The stored name files are replaced by the plan's rewritten ones, written last.
      if (plan.omit.has(entry.path) || (entry.type === 'file' && isNameFile(entry.path))) continue
      await writeEntry(pack, entry, fetcher, copy)
    }
    await options.beforeNameFiles?.()
    for (const file of plan.nameFiles) await writeBody(pack, fileHeader(file.name, file.body.length), file.body)
    pack.finalize()
  })().catch(async (error: unknown) => {
    failure = error
    await fetcher.close()
    pack.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  pack.on('close', () => void fetcher.close())
  const stream = Readable.from(pack as AsyncIterable<Buffer>, { objectMode: false })
  // A consumer that fails (the engine going away mid-load) destroys the stream with its reason and reports it
  // itself; without a listener that 'error' would crash the process instead of failing the step.
  stream.on('error', () => undefined)
  return { stream, failure: () => failure }
}

type Sink = ReturnType<Pack['entry']>
/** What every chunk is copied with: the read buffer the chunks share (one at a time), the byte counter, and the store named in a failure. */
interface Copy {
  buffer: Buffer
  onBytes: (n: number) => void
  storeKind: BlobStore['kind']
}
type HeaderArgument = Partial<Header> & Pick<Header, 'name'>

async function writeEntry(pack: Pack, entry: StoredEntry, fetcher: ChunkFetcher, copy: Copy): Promise<void> {
  const base = { name: entry.path, mode: entry.mode, mtime: new Date(0), uid: 0, gid: 0 }
  if (entry.type === 'directory') return writeBody(pack, { ...base, type: 'directory' })
  if (entry.type !== 'file') return writeBody(pack, { ...base, type: entry.type, linkname: entry.linkname })
  if (!isChunked(entry))
    return writeBody(pack, { ...base, type: 'file', size: entry.size }, Buffer.from(entry.inline, 'base64'))
  let settle: (error?: Error | null) => void = () => undefined
  const written = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve())
  })
  const sink = pack.entry({ ...base, type: 'file', size: entry.size }, (error) => settle(error))
  written.catch(() => undefined)
  // When a chunk fails the whole pack is torn down; the failure is reported there, not by this entry.
  sink.on('error', () => undefined)
  for (const digest of entry.chunks) await copyChunk(await fetcher.next(digest), digest, sink, copy)
  sink.end(undefined)
  await written
}

/** Streams one chunk into the entry while hashing it; a mismatch fails before the entry (and the archive) ends. */
async function copyChunk(chunk: FetchedChunk, digest: ChunkDigest, sink: Sink, copy: Copy): Promise<void> {
  try {
    const hash = createHash('sha256')
    for await (const data of (await readChunk(chunk, copy.buffer)) as AsyncIterable<Buffer>) {
      hash.update(data)
      copy.onBytes(data.length)
      if (!sink.write(data)) await once(sink, 'drain')
    }
    const actual = `sha256:${hash.digest('hex')}`
    if (actual !== digest) throw damaged(digest, `its bytes hash to ${actual}`)
  } catch (error) {
    // A download that failed for good is storage trouble (a miss in mode: auto), not a damaged chunk.
    const cutOff = chunk.arriving?.failure()
    if (cutOff !== undefined) throw fetchFailed(copy.storeKind, digest, cutOff)
    throw error instanceof ChunkDamaged ? error : damaged(digest, errorMessage(error))
  } finally {
    await chunk.dispose()
  }
}

function fetchFailed(kind: BlobStore['kind'], digest: ChunkDigest, error: unknown): ChunkFetchError {
  return new ChunkFetchError(`fetching chunk ${digest} from the ${kind} store failed: ${errorMessage(error)}`)
}

/** A chunk that arrived but is not what its name says. */
class ChunkDamaged extends HandoffError {}

function damaged(digest: ChunkDigest, why: string): HandoffError {
  return new ChunkDamaged(
    `stored chunk ${digest} is damaged (${why}): it was corrupted in storage or transit, so the load was stopped before the archive ended. ` +
      'Save the images again under a new key'
  )
}

/** An entry whose body is in memory (or empty), resolved once the pack took it. */
function writeBody(pack: Pack, header: HeaderArgument, body: Buffer = Buffer.alloc(0)): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry(header, body, (error) => (error ? reject(error) : resolve()))
  })
}

function fileHeader(name: string, size: number): HeaderArgument {
  return { name, size, mode: 0o644, type: 'file', mtime: new Date(0), uid: 0, gid: 0 }
}

interface ChunkFetcher {
  /** The next chunk in plan order (the digest is checked against the plan). */
  next(digest: ChunkDigest): Promise<FetchedChunk>
  close(): Promise<void>
}

/**
 * Fetches chunks in plan order, up to a window of chunks and bytes ahead, so downloads overlap the engine reading
 * earlier chunks; a store that downloads hands each chunk over as it starts, and the copy reads right behind the
 * download. The window counts bytes, not only chunks: the small chunks of configs and thin layers between big ones
 * would otherwise take the places of downloads that keep the link busy.
 */
function chunkFetcher(
  store: BlobStore,
  order: ChunkDigest[],
  ahead: { chunks: number; bytes: number; sizes: Map<ChunkDigest, number> }
): ChunkFetcher {
  const pending: Array<{ fetch: Promise<FetchedChunk>; bytes: number }> = []
  let pendingBytes = 0
  let started = 0
  let closed = false
  const fits = (bytes: number): boolean =>
    pending.length === 0 || (pending.length < ahead.chunks && pendingBytes + bytes <= ahead.bytes)
  const fill = (): void => {
    while (!closed && started < order.length) {
      const digest = order[started]
      const bytes = ahead.sizes.get(digest) ?? 0
      if (!fits(bytes)) return
      started++
      const fetch = store.get(digest).catch((error: unknown) => {
        throw fetchFailed(store.kind, digest, error)
      })
      fetch.catch(() => undefined)
      pending.push({ fetch, bytes })
      pendingBytes += bytes
    }
  }
  return {
    async next(digest) {
      fill()
      const next = pending.shift()
      if (next === undefined || order[started - pending.length - 1] !== digest) {
        throw new Error(`chunk order mismatch at ${digest}`)
      }
      pendingBytes -= next.bytes
      fill()
      return next.fetch
    },
    async close() {
      closed = true
      const left = pending.splice(0)
      await Promise.all(
        left.map(({ fetch }) =>
          fetch.then(
            (chunk) => chunk.dispose(),
            () => undefined
          )
        )
      )
    }
  }
}
