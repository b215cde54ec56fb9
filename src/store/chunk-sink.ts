/**
 * Takes chunks from the splitter and stores them in the background: each chunk is written to a scratch file,
 * then looked up, compressed unless the store compresses or the chunk does not (compressibility.ts), only when it
 * is not stored yet, and stored while the engine goes on exporting the next one. At most `inFlight` chunks, and
 * `inFlightBytes`, are on disk at once, so extra disk stays bounded.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { once } from 'node:events'
import { pipeline } from 'node:stream/promises'
import { zstdCompress } from '../archive/compression.js'
import type { BlobStore } from './blob-store.js'
import { CompressionProbe } from './compressibility.js'
import type { ChunkDigest } from './format.js'
import type { ChunkSink, ChunkTarget } from './split.js'
import { trackTemporary } from './temporaries.js'
import { run } from '../runtimes/exec.js'
import { isOnPath } from '../runtimes/path-lookup.js'

export interface TransferStats {
  chunks: number
  /** Chunks (and their uncompressed bytes) that were already in the store or repeated in this save. */
  reusedChunks: number
  reusedBytes: number
  /** Bytes sent to the store (compressed size where the store reports it). */
  storedBytes: number
  /** New chunks stored raw because their samples did not compress. */
  rawChunks: number
}

export interface StoreSink extends ChunkSink {
  /** Chunks handed over so far, and how many of them are settled (stored or found already stored). */
  progress(): { chunks: number; settled: number }
  /** Waits for every chunk to be stored; rejects with the first failure. */
  finish(): Promise<TransferStats>
  /** Stops: waits for running transfers to settle and removes scratch files. */
  abort(): Promise<void>
}

export interface SinkOptions {
  compressionLevel: number
  inFlight: number
  /** Bytes of chunks on their way at most: many small chunks travel several at a time, big ones fewer. */
  inFlightBytes: number
  /** Chunks from this size are compressed by the zstd command where it is installed (default 32 MiB). */
  zstdCommandFrom?: number
}

/**
 * Smaller chunks are compressed in-process: starting a process costs the main thread about 11 ms (the fork of a
 * large process), 0.55 s of a save of 50 images of 10 MB (measured), which cost 1 CPU-s more than in-process.
 */
const zstdCommandFrom = 32 * 1024 * 1024

export function storeSink(store: BlobStore, options: SinkOptions): StoreSink {
  const stats: TransferStats = { chunks: 0, reusedChunks: 0, reusedBytes: 0, storedBytes: 0, rawChunks: 0 }
  const seen = new Set<ChunkDigest>()
  const running = new Set<Promise<void>>()
  /** Scratch files not yet consumed, with what unregisters each from removal on cancellation. */
  const files = new Map<string, () => void>()
  let failure: unknown
  let counter = 0
  let settled = 0
  let pendingBytes = 0
  const zstdCommand = store.compresses ? Promise.resolve(false) : isOnPath('zstd')

  /** `compress` is false where the store compresses itself or the chunk's samples did not shrink. */
  const transfer = async (digest: ChunkDigest, file: string, size: number, compress: boolean): Promise<void> => {
    let sent = file
    try {
      // Marked before the lookup, so a chunk repeated in this save is neither looked up nor sent twice.
      const repeated = seen.has(digest)
      seen.add(digest)
      if (repeated || (await store.has(digest))) {
        stats.reusedChunks++
        stats.reusedBytes += size
        return
      }
      if (!compress && !store.compresses) stats.rawChunks++
      sent = compress ? await compressed(file, size) : file
      // Not `+= await`: that reads the total before the upload, and overlapping uploads would drop each other's bytes.
      const bytes = await store.put(digest, sent)
      stats.storedBytes += bytes
    } finally {
      await release(file)
      if (sent !== file) await release(sent)
    }
  }

  /**
   * A zstd copy of a finished chunk, made while the splitter goes on with the next one: two chunks in work at
   * once keep both cores busy, where compressing inside the export stream held the export to one core's pace.
   * The zstd command (which the cache backend needs anyway) does it in a process of its own, without the
   * buffers that make Node's garbage collector run; Node's own zstd is the fallback.
   */
  const compressed = async (file: string, size: number): Promise<string> => {
    const target = `${file}.zst`
    files.set(target, trackTemporary(target))
    if (size >= (options.zstdCommandFrom ?? zstdCommandFrom) && (await zstdCommand))
      await run(['zstd', '-q', '-f', '--no-progress', `-${options.compressionLevel}`, file, '-o', target])
    else
      await pipeline(
        createReadStream(file, { highWaterMark: 1024 * 1024 }),
        zstdCompress(options.compressionLevel),
        createWriteStream(target, { highWaterMark: 1024 * 1024 })
      )
    await release(file)
    return target
  }

  const release = async (file: string): Promise<void> => {
    await rm(file, { force: true })
    files.get(file)?.()
    files.delete(file)
  }

  const track = (task: Promise<void>): void => {
    const done: Promise<void> = task
      .catch((error: unknown) => {
        failure ??= error
      })
      .finally(() => {
        running.delete(done)
        settled++
      })
    running.add(done)
  }

  const begin = async (): Promise<ChunkTarget> => {
    while (running.size >= options.inFlight || pendingBytes >= options.inFlightBytes) await Promise.race(running)
    if (failure !== undefined) throw failure
    const file = join(store.scratch, `chunk-${process.pid}-${counter++}`)
    files.set(file, trackTemporary(file))
    // A 1 MiB buffer lets the split go on parsing while pieces are written (batched into writev); at the default
    // 16 KiB every 64 KiB piece waited for its own write: 0.6-1.1 s of a 300 MB save (measured).
    const output = createWriteStream(file, { highWaterMark: 1024 * 1024 })
    const written = once(output, 'close').then(() => undefined)
    written.catch(() => undefined)
    const probe = store.compresses ? undefined : new CompressionProbe()
    return {
      async write(data) {
        probe?.feed(data)
        if (!output.write(data)) await Promise.race([once(output, 'drain'), written])
      },
      async end(digest, size) {
        output.end()
        await written
        stats.chunks++
        pendingBytes += size
        track(
          transfer(digest, file, size, probe?.worthCompressing ?? false).finally(() => {
            pendingBytes -= size
          })
        )
      },
      async abort() {
        output.destroy()
        await written.catch(() => undefined)
      }
    }
  }

  const settle = async (): Promise<void> => {
    while (running.size > 0) await Promise.all(running)
  }

  const removeAll = async (): Promise<void> => {
    await Promise.all([...files.keys()].map((file) => rm(file, { force: true })))
    for (const untrack of files.values()) untrack()
    files.clear()
  }

  return {
    begin,
    progress: () => ({ chunks: stats.chunks, settled }),
    async finish() {
      await settle()
      if (failure === undefined) return stats
      await removeAll()
      throw failure
    },
    async abort() {
      await settle()
      await removeAll()
    }
  }
}
