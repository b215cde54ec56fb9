/**
 * `backend: cache`: the store in the Actions cache through @actions/cache. Each chunk is its own immutable entry
 * (`image-handoff-chunk-<hex>`), looked up before upload, so layers shared by images, keys, branches and runs
 * upload once; the index is the entry under the user's key. @actions/cache compresses with zstd itself, so
 * chunks are handed to it raw.
 *
 * The cache hashes the path strings it is given into an entry's version: every path here is fixed by the
 * digest or the role, under the work directory, which hosted runners give the same path in every job.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as cache from '@actions/cache'
import { HandoffError, errorMessage } from '../errors.js'
import type { BlobStore, FoundIndex } from '../store/blob-store.js'
import type { SaveOutcome } from './backend.js'
import { archiveSize, classifySaveFailure, restoreFailure } from './cache-outcome.js'
import { withLibraryOutput } from './library-output.js'
import { checkCacheKeys } from './service-names.js'

export interface CacheStoreOptions {
  workDir: string
  log?: (message: string) => void
}

const chunkKey = (digest: string): string => `image-handoff-chunk-${digest.replace(/^sha256:/, '')}`

export function createCacheStore(options: CacheStoreOptions): BlobStore {
  const paths = {
    chunks: join(options.workDir, 'chunks'),
    scratch: join(options.workDir, 'scratch'),
    index: join(options.workDir, 'index', 'index.json'),
    // Where the first release kept its single payload: only looked up, to explain a miss.
    firstRelease: join(options.workDir, 'cache', 'images.tar')
  }
  const chunkFile = (digest: string): string => join(paths.chunks, digest.replace(/^sha256:/, ''))
  const log = options.log ?? (() => undefined)
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

  return {
    kind: 'cache',
    compresses: true,
    scratch: paths.scratch,
    async prepare() {
      await Promise.all(
        [paths.chunks, paths.scratch, dirname(paths.index)].map((dir) => mkdir(dir, { recursive: true }))
      )
    },
    has: async (digest) => (await lookup(chunkFile(digest), chunkKey(digest), [])) === chunkKey(digest),
    put: (digest, file) =>
      inTurn(digest, async () => {
        const target = chunkFile(digest)
        await rename(file, target)
        try {
          const saved = await save(target, chunkKey(digest), `chunk ${digest} of the images`)
          if (saved.saved) return saved.bytes
          // Another job is storing the same chunk: fine once it is there (an index never names a missing chunk).
          for (const delay of [1000, 2000, 4000, 8000, 15000]) {
            if ((await lookup(target, chunkKey(digest), [])) === chunkKey(digest)) return 0
            await new Promise((resolve) => setTimeout(resolve, delay))
          }
          throw new HandoffError(
            `Could not store chunk ${digest} in the cache: ${saved.reason}. Nothing was saved under the key; re-run the job.`
          )
        } finally {
          await rm(target, { force: true })
        }
      }),
    get: (digest) =>
      inTurn(digest, async () => {
        await Promise.all([paths.chunks, paths.scratch].map((dir) => mkdir(dir, { recursive: true })))
        await restore(chunkFile(digest), chunkKey(digest), `chunk ${digest}`)
        // Off the fixed path at once, so a second fetch of the same chunk cannot overwrite it while it is read.
        const file = join(paths.scratch, `fetched-${process.pid}-${fetched++}`)
        await rename(chunkFile(digest), file)
        return { file, compressed: false, dispose: () => rm(file, { force: true }).catch(() => undefined) }
      }),
    hasIndex: async (key) => (await lookup(paths.index, key, [])) === key,
    async readIndex(key, restoreKeys): Promise<FoundIndex | undefined> {
      const matched = await lookup(paths.index, key, restoreKeys)
      if (matched === undefined) return undefined
      await mkdir(dirname(paths.index), { recursive: true })
      try {
        await restore(paths.index, matched, `entry "${matched}"`)
        log(`Restored cache entry "${matched}"${matched === key ? '' : ` (restore key match for "${key}")`}.`)
        return { matchedKey: matched, body: await readFile(paths.index) }
      } finally {
        await rm(paths.index, { force: true })
      }
    },
    async writeIndex(key, body): Promise<SaveOutcome> {
      if ((await lookup(paths.index, key, [])) === key) {
        return {
          saved: false,
          key,
          reason: `the cache already holds an entry under "${key}" (entries are immutable; change the key to store new images)`
        }
      }
      await mkdir(dirname(paths.index), { recursive: true })
      await writeFile(paths.index, body)
      try {
        const outcome = await save(paths.index, key, `cache entry "${key}"`)
        if (outcome.saved)
          log(`Saved cache entry "${key}" (the index of ${body.length} bytes; the chunks are entries of their own).`)
        return outcome
      } finally {
        await rm(paths.index, { force: true })
      }
    },
    async explainMiss(key) {
      const old = await lookup(paths.firstRelease, key, []).catch(() => undefined)
      return old === key
        ? `the cache holds an entry under "${key}" written by image-handoff's first release, which this release does not read; change the key (or let the post step save) to store the images in the new format`
        : undefined
    }
  }
}

/** The key an entry is stored under (exact, else the newest restore-key match), asked without downloading. */
async function lookup(file: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
  checkCacheKeys(key, restoreKeys)
  const { value, lines } = await withLibraryOutput(() =>
    libraryCall(() => cache.restoreCache([file], key, restoreKeys, { lookupOnly: true }))
  )
  // restoreCache reports a service failure as a miss; only its warning tells them apart.
  if (value === undefined && lines.some((l) => l.text.startsWith('Failed to restore'))) {
    throw new HandoffError(
      `Could not look up cache key "${key}": ${restoreFailure(lines)}. Re-run the job; if it persists, check https://www.githubstatus.com.`
    )
  }
  return value
}

/** Saves one file under `key`: a quota or service failure throws; a key taken by another job is an outcome. */
async function save(file: string, key: string, what: string): Promise<SaveOutcome> {
  const { value: id, lines } = await withLibraryOutput(() => libraryCall(() => cache.saveCache([file], key)))
  if (id !== -1) return { saved: true, key, bytes: archiveSize(lines) ?? (await stat(file)).size }
  const failure = classifySaveFailure(lines)
  switch (failure.kind) {
    case 'conflict':
    case 'disabled':
      return { saved: false, key, reason: failure.reason }
    case 'quota':
      throw new HandoffError(
        `Could not save ${what}: ${failure.reason} Delete old entries (Actions > Caches, or \`gh cache delete\`), save fewer images, or use backend: artifact.`
      )
    case 'failed':
      throw new HandoffError(
        `Could not save ${what}: ${failure.reason.replace(/\.$/, '')}. Nothing was stored under this key; re-run the job.`
      )
  }
}

/** Downloads exactly `key` to `file`; anything short of the file arriving is an error. */
async function restore(file: string, key: string, what: string): Promise<void> {
  await rm(file, { force: true })
  const { value, lines } = await withLibraryOutput(() => libraryCall(() => cache.restoreCache([file], key, [])))
  if (
    value === key &&
    (await stat(file).then(
      (s) => s.isFile(),
      () => false
    ))
  )
    return
  await rm(file, { force: true })
  const reason =
    value === key ? `it did not unpack to ${file} (was it saved with another GITHUB_WORKSPACE?)` : restoreFailure(lines)
  throw new HandoffError(
    `Cache ${what} was found but not restored: ${reason}. Nothing was loaded; re-run the job, or change the key to store a fresh entry.`
  )
}

/** Validation errors are the only ones the library throws: they are the user's to fix. */
async function libraryCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new HandoffError(`The cache rejected the request: ${errorMessage(error)}`)
  }
}
