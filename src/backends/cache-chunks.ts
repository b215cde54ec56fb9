/**
 * How the cache store moves chunk entries (`image-handoff-chunk-<hex>`). Where the job talks to the v2 cache
 * service (github.com), each chunk is a zstd frame (or its raw bytes, where it did not compress) uploaded as the
 * entry itself: one reserve, one blob upload (the Azure SDK, as @actions/cache uses it), one finalize, no tar or
 * probe per chunk. Elsewhere (GitHub
 * Enterprise Server's legacy protocol) chunks go through @actions/cache, which archives and compresses them.
 */
import { createHash } from 'node:crypto'
import { rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { HandoffError, errorMessage } from '../errors.js'
import type { BlobStore } from '../store/blob-store.js'
import type { ChunkDigest } from '../store/format.js'
import { lookup, restore, save } from './cache-library.js'
import { cacheMode, serviceFailure, type CacheService } from './cache-service.js'
import { downloadBlob } from './blob-download.js'
import { putBlob } from './blob-upload.js'
import { arrivingChunk } from '../store/arrival.js'
import { pacedFileRead } from '../store/gc-pace.js'
import { startsFrame } from '../store/chunk-read.js'

export type ChunkTransport = Pick<BlobStore, 'compresses' | 'has' | 'put' | 'get'> & {
  readonly via: 'cache service' | '@actions/cache'
}

export const chunkKey = (digest: string): string => `image-handoff-chunk-${digest.replace(/^sha256:/, '')}`

/** Another job may be storing the same chunk: how long to wait for it to appear before giving up. */
const waitsForOtherJob = [1000, 2000, 4000, 8000, 15000]

/**
 * The version every direct chunk entry carries: fixed, so any job of the repository finds any chunk whatever its
 * paths; distinct from every version @actions/cache computes, so no library call ever mistakes a chunk for its own.
 */
export const chunkVersion = createHash('sha256').update('image-handoff|chunk|zstd-frame|1').digest('hex')
/**
 * Chunks stored raw (they did not compress) carry a version of their own: a release that knows only zstd chunks
 * never finds one, so it never names one in an index it would then fail to load.
 */
export const rawChunkVersion = createHash('sha256').update('image-handoff|chunk|raw|1').digest('hex')

const downloadAttempts = 3

export function serviceChunks(service: CacheService, scratch: string, env: NodeJS.ProcessEnv): ChunkTransport {
  const { mode, readable, writable } = cacheMode(env)
  // A lookup's signed URL serves the download that follows it in the same load.
  const urls = new Map<string, string>()
  let fetched = 0
  /** Both versions are asked at once: a chunk is stored as a zstd frame or raw, whichever the first save chose. */
  const find = async (digest: string): Promise<string | undefined> => {
    if (!readable) return undefined
    const found = await Promise.all(
      [chunkVersion, rawChunkVersion].map((version) =>
        service.find(chunkKey(digest), version).catch(failure('look up', digest))
      )
    )
    const url = found.find((entry) => entry !== undefined)?.url
    if (url !== undefined) urls.set(digest, url)
    return url
  }

  const located = async (digest: ChunkDigest): Promise<string> => {
    const url = urls.get(digest) ?? (await find(digest))
    if (url !== undefined) return url
    throw new HandoffError(
      `Cache chunk ${digest} is not in the cache${readable ? '' : ` (ACTIONS_CACHE_MODE "${mode}" does not permit reads)`}. Nothing was loaded; re-run the save job.`
    )
  }

  return {
    via: 'cache service',
    compresses: false,
    has: async (digest) => (await find(digest)) !== undefined,
    async put(digest, file) {
      try {
        // The index is skipped too, and says so: nothing will name this chunk.
        if (!writable) return 0
        const size = (await stat(file)).size
        const version = (await startsFrame({ file })) ? chunkVersion : rawChunkVersion
        const reserved = await service.create(chunkKey(digest), version).catch(failure('reserve', digest))
        if ('taken' in reserved) return await awaitOtherJob(digest, reserved.taken, find)
        // One Put Blob from 1 MiB reads: the SDK's own uploadFile reads 64 KiB at a time, at twice the CPU.
        await putBlob(reserved.uploadUrl, () => pacedFileRead(file), size).catch(failure('upload', digest))
        await service.finalize(chunkKey(digest), version, size).catch(failure('finalize', digest))
        return size
      } finally {
        await rm(file, { force: true })
      }
    },
    async get(digest: ChunkDigest) {
      const url = await located(digest)
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`)
      return arrivingChunk(file, true, async (watch) => {
        for (let attempt = 1; ; attempt++) {
          try {
            // A retry asks for a fresh URL: the one from the lookup may have expired while earlier chunks loaded.
            await downloadBlob(attempt === 1 ? url : ((await find(digest)) ?? url), file, 0, undefined, watch)
            return
          } catch (error) {
            if (attempt < downloadAttempts && !watch.signal.aborted) continue
            urls.delete(digest)
            throw new HandoffError(
              `Cache chunk ${digest} was found but not downloaded (${attempt} attempts): ${errorMessage(error).replace(/\.$/, '')}. Nothing was loaded; re-run the job.`
            )
          }
        }
      })
    }
  }
}

async function awaitOtherJob(
  digest: string,
  reason: string,
  find: (digest: string) => Promise<string | undefined>
): Promise<number> {
  for (const delay of waitsForOtherJob) {
    if ((await find(digest)) !== undefined) return 0
    await new Promise((resolve) => setTimeout(resolve, delay))
  }
  throw new HandoffError(
    `Could not store chunk ${digest} in the cache: ${reason}. Nothing was saved under the key; re-run the job.`
  )
}

/** Failures of a chunk's calls, worded for the user (a full cache names the save of the images). */
function failure(what: string, digest: string): (error: unknown) => never {
  return serviceFailure(`${what} cache chunk ${digest}`, { quotaWhat: `save chunk ${digest} of the images` })
}

/** Chunks through @actions/cache: each an entry of one file at a fixed path, archived and compressed by the library. */
export function libraryChunks(chunksDir: string, scratch: string, env: NodeJS.ProcessEnv): ChunkTransport {
  const { writable } = cacheMode(env)
  const chunkFile = (digest: string): string => join(chunksDir, digest.replace(/^sha256:/, ''))
  let fetched = 0
  // Two transfers of one chunk would share its fixed path: they take turns.
  const turns = new Map<string, Promise<unknown>>()
  const inTurn = <T>(digest: string, task: () => Promise<T>): Promise<T> => {
    const run = (turns.get(digest) ?? Promise.resolve()).then(task, task)
    turns.set(
      digest,
      run.catch(() => undefined)
    )
    return run
  }
  const find = async (digest: string): Promise<string | undefined> =>
    (await lookup(chunkFile(digest), chunkKey(digest), [])) === chunkKey(digest) ? digest : undefined

  return {
    via: '@actions/cache',
    compresses: true,
    has: async (digest) => (await find(digest)) !== undefined,
    put: (digest, file) =>
      inTurn(digest, async () => {
        // The library would skip the save and the wait for another job would run out: nothing will name this chunk.
        if (!writable) {
          await rm(file, { force: true })
          return 0
        }
        const target = chunkFile(digest)
        await rename(file, target)
        try {
          const saved = await save(target, chunkKey(digest), `chunk ${digest} of the images`)
          return saved.saved ? saved.bytes : await awaitOtherJob(digest, saved.reason, find)
        } finally {
          await rm(target, { force: true })
        }
      }),
    get: (digest) =>
      inTurn(digest, async () => {
        await restore(chunkFile(digest), chunkKey(digest), `chunk ${digest}`)
        // Off the fixed path at once, so a second fetch of the same chunk cannot overwrite it while it is read.
        const file = join(scratch, `fetched-${process.pid}-${fetched++}`)
        await rename(chunkFile(digest), file)
        return { file, compressed: false, dispose: () => rm(file, { force: true }).catch(() => undefined) }
      })
  }
}
