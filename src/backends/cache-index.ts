/**
 * The index entry under the user's key. On the v2 cache service it is one zstd frame, written and read with the
 * calls the chunk entries use: a load makes one lookup and one download, with no `tar`, no `zstd --version` probe
 * and no @actions/cache in its path (they were 75 ms of a 0.6 s load onto an engine holding the base, issue 7).
 * restore-keys fall back server-side, as they do for @actions/cache. On GitHub Enterprise Server's legacy protocol
 * the index goes through @actions/cache, as the chunks do.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { zstdCompressSync, zstdDecompressSync } from 'node:zlib'
import { HandoffError, errorMessage } from '../errors.js'
import type { FoundIndex } from '../store/blob-store.js'
import { IndexFormatError } from '../store/format.js'
import type { SaveOutcome } from './backend.js'
import { lookup, restore, save } from './cache-library.js'
import { cacheMode, serviceFailure, type CacheService } from './cache-service.js'
import { openBlob } from './blob-download.js'
import { putBlob } from './blob-upload.js'
import { checkCacheKeys } from './service-names.js'

export interface IndexEntries {
  /** The key an index is stored under (exactly `key`, else the newest restore-key match), nothing downloaded. */
  find(key: string, restoreKeys: string[]): Promise<string | undefined>
  read(key: string, restoreKeys: string[]): Promise<FoundIndex | undefined>
  /** Stores `body` under `key` unless the key is taken (entries are immutable). */
  write(key: string, body: Buffer): Promise<SaveOutcome>
}

/** Fixed, so every job of the repository finds the index whatever its paths; distinct from the chunks' version. */
export const indexVersion = createHash('sha256').update('image-handoff|index|zstd-frame|1').digest('hex')

/** An index names every chunk of every image; far below this even for hundreds of images. */
const maxIndexBytes = 64 * 1024 * 1024

const taken = (key: string): string =>
  `the cache already holds an entry under "${key}" (entries are immutable; change the key to store new images)`

export function serviceIndex(service: CacheService, env: NodeJS.ProcessEnv): IndexEntries {
  const { mode, readable, writable } = cacheMode(env)
  const find = async (key: string, restoreKeys: string[]) => {
    checkCacheKeys(key, restoreKeys)
    if (!readable) return undefined
    return service.find(key, indexVersion, restoreKeys).catch(serviceFailure(`look up cache key "${key}"`))
  }
  return {
    find: async (key, restoreKeys) => (await find(key, restoreKeys))?.matchedKey,
    async read(key, restoreKeys) {
      const found = await find(key, restoreKeys)
      if (found === undefined) return undefined
      const frame = await download(found.url).catch((error: unknown) => {
        throw new HandoffError(
          `Cache entry "${found.matchedKey}" was found but not restored: ${errorMessage(error).replace(/\.$/, '')}. Nothing was loaded; re-run the job, or change the key to store a fresh entry.`
        )
      })
      return { matchedKey: found.matchedKey, body: unpack(frame, found.matchedKey) }
    },
    async write(key, body) {
      checkCacheKeys(key, [])
      if (!writable)
        return { saved: false, key, reason: `ACTIONS_CACHE_MODE "${mode}" does not permit writes to the cache` }
      if ((await find(key, []))?.matchedKey === key) return { saved: false, key, reason: taken(key) }
      const failed = serviceFailure(`save cache entry "${key}"`, {
        next: 'Nothing was stored under this key; re-run the job.'
      })
      const reserved = await service.create(key, indexVersion).catch(failed)
      if ('taken' in reserved) return { saved: false, key, reason: reserved.taken }
      const frame = zstdCompressSync(body)
      await putBlob(reserved.uploadUrl, frame, frame.length).catch(failed)
      await service.finalize(key, indexVersion, frame.length).catch(failed)
      return { saved: true, key, bytes: frame.length }
    }
  }
}

async function download(url: string): Promise<Buffer> {
  const { body, announced } = await openBlob(url)
  if (announced !== undefined && announced > maxIndexBytes)
    throw new Error(`the entry holds ${announced} bytes, more than an index ever does`)
  const parts: Buffer[] = []
  for await (const part of body) parts.push(part as Buffer)
  const frame = Buffer.concat(parts)
  if (announced !== undefined && frame.length !== announced)
    throw new Error(`${frame.length} bytes arrived where ${announced} were announced`)
  return frame
}

function unpack(frame: Buffer, key: string): Buffer {
  try {
    return zstdDecompressSync(frame, { maxOutputLength: maxIndexBytes })
  } catch (error) {
    // A miss that says why (load-store.ts), as for any index this release cannot read.
    throw new IndexFormatError(`"${key}" is not a zstd frame of an index (${errorMessage(error)})`)
  }
}

/** The index as one file through @actions/cache, at a fixed path under the work directory (GHES). */
export function libraryIndex(file: string): IndexEntries {
  return {
    find: (key, restoreKeys) => lookup(file, key, restoreKeys),
    async read(key, restoreKeys) {
      const matched = await lookup(file, key, restoreKeys)
      if (matched === undefined) return undefined
      await mkdir(dirname(file), { recursive: true })
      try {
        await restore(file, matched, `entry "${matched}"`)
        return { matchedKey: matched, body: await readFile(file) }
      } finally {
        await rm(file, { force: true })
      }
    },
    async write(key, body) {
      if ((await lookup(file, key, [])) === key) return { saved: false, key, reason: taken(key) }
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, body)
      try {
        return await save(file, key, `cache entry "${key}"`)
      } finally {
        await rm(file, { force: true })
      }
    }
  }
}
