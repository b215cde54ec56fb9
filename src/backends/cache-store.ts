/**
 * `backend: cache`: the store in the Actions cache. Each chunk is its own immutable entry
 * (`image-handoff-chunk-<hex>`), looked up before upload, so layers shared by images, keys, branches and runs
 * upload once (cache-chunks.ts says how they travel); the index is the entry under the user's key
 * (cache-index.ts).
 *
 * @actions/cache (GHES, and entries of earlier releases) hashes the path strings it is given into an entry's
 * version: every path here is fixed by the role, under the work directory, which hosted runners give the same
 * path in every job.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BlobStore, FoundIndex } from '../store/blob-store.js'
import type { SaveOutcome } from './backend.js'
import { libraryChunks, serviceChunks } from './cache-chunks.js'
import { libraryIndex, serviceIndex } from './cache-index.js'
import { lookup } from './cache-library.js'
import { cacheServiceFromEnv } from './cache-service.js'

export interface CacheStoreOptions {
  workDir: string
  log?: (message: string) => void
  env?: NodeJS.ProcessEnv
  /** Forces chunks through @actions/cache even where the v2 service is there (tests of the legacy route). */
  transport?: 'library'
}

export function createCacheStore(options: CacheStoreOptions): BlobStore {
  const env = options.env ?? process.env
  const service = options.transport === 'library' ? undefined : cacheServiceFromEnv(env)
  const libraryFile = join(options.workDir, 'index', 'index.json')
  const paths = {
    chunks: join(options.workDir, 'chunks'),
    scratch: join(options.workDir, 'scratch'),
    // Where earlier releases kept what this one does not read: only looked up, to explain a miss.
    earlier: [
      { file: join(options.workDir, 'cache', 'images.tar'), release: "image-handoff's first release" },
      ...(service
        ? [
            { file: libraryFile, release: 'an earlier release of image-handoff (chunks through @actions/cache)' },
            {
              file: join(options.workDir, 'index', 'zstd-chunks.json'),
              release: 'an earlier release of image-handoff (the index through @actions/cache)'
            }
          ]
        : [])
    ]
  }
  const log = options.log ?? (() => undefined)
  const chunks = service ? serviceChunks(service, paths.scratch, env) : libraryChunks(paths.chunks, paths.scratch, env)
  const indexes = service ? serviceIndex(service, env) : libraryIndex(libraryFile)
  let announced = false

  return {
    kind: 'cache',
    compresses: chunks.compresses,
    scratch: paths.scratch,
    async prepare() {
      await Promise.all([paths.chunks, paths.scratch].map((dir) => mkdir(dir, { recursive: true })))
    },
    has: (digest) => chunks.has(digest),
    put(digest, file) {
      if (!announced) log(`Chunks go to the cache through ${chunks.via}.`)
      announced = true
      return chunks.put(digest, file)
    },
    async get(digest) {
      await Promise.all([paths.chunks, paths.scratch].map((dir) => mkdir(dir, { recursive: true })))
      return chunks.get(digest)
    },
    hasIndex: async (key) => (await indexes.find(key, [])) === key,
    async readIndex(key, restoreKeys): Promise<FoundIndex | undefined> {
      const found = await indexes.read(key, restoreKeys)
      if (found)
        log(
          `Restored cache entry "${found.matchedKey}"${found.matchedKey === key ? '' : ` (restore key match for "${key}")`}.`
        )
      return found
    },
    async writeIndex(key, body): Promise<SaveOutcome> {
      const outcome = await indexes.write(key, body)
      if (outcome.saved)
        log(`Saved cache entry "${key}" (the index of ${body.length} bytes; the chunks are entries of their own).`)
      return outcome
    },
    async explainMiss(key) {
      for (const { file, release } of paths.earlier) {
        if ((await lookup(file, key, []).catch(() => undefined)) === key)
          return `the cache holds an entry under "${key}" written by ${release}, which this release does not read; change the key (or let the post step save) to store the images in the new format`
      }
      return undefined
    }
  }
}
