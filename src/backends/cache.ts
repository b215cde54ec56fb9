/**
 * `backend: cache`: one entry per key in the Actions cache through @actions/cache, which compresses with
 * zstd itself, so the payload handed to it is an uncompressed tar.
 */
import { mkdir, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as cache from '@actions/cache'
import { HandoffError, errorMessage } from '../errors.js'
import type { Backend, RestoredEntry, SaveOutcome } from './backend.js'
import { archiveSize, classifySaveFailure, restoreFailure } from './cache-outcome.js'
import { withLibraryOutput } from './library-output.js'
import { checkCacheKeys } from './service-names.js'

export interface CacheBackendOptions {
  /** The same path in every job: the cache hashes the payload's path into each entry's version. */
  workDir: string
  log?: (message: string) => void
}

export function createCacheBackend(options: CacheBackendOptions): Backend {
  // A fixed name, not a temp name: a save and a restore in different jobs must pass the same path strings.
  const file = join(options.workDir, 'cache', 'images.tar')
  const log = options.log ?? (() => undefined)
  // One payload path per job, so operations of one backend take turns.
  const serial = queue()
  return {
    kind: 'cache',
    compresses: true,
    exists: (key) => serial(async () => (await lookup(file, key, [])) === key),
    save: (key, write) => serial(() => save(file, key, write, log)),
    restore: (key, restoreKeys) => serial(() => restore(file, key, restoreKeys, log))
  }
}

/** The key an entry is stored under (exact, else the newest restore-key match), asked without downloading. */
async function lookup(file: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
  checkCacheKeys(key, restoreKeys)
  const { value, lines } = await withLibraryOutput(() => libraryCall(() => cache.restoreCache([file], key, restoreKeys, { lookupOnly: true })))
  // restoreCache reports a service failure as a miss; only its warning tells them apart.
  if (value === undefined && lines.some((l) => l.text.startsWith('Failed to restore')))
    throw new HandoffError(`Could not look up cache key "${key}": ${restoreFailure(lines)}. Re-run the job; if it persists, check https://www.githubstatus.com.`)
  return value
}

async function save(file: string, key: string, write: (file: string) => Promise<void>, log: (m: string) => void): Promise<SaveOutcome> {
  if ((await lookup(file, key, [])) === key)
    return { saved: false, key, reason: `the cache already holds an entry under "${key}" (entries are immutable; change the key to store new images)` }
  await mkdir(dirname(file), { recursive: true })
  await rm(file, { force: true })
  try {
    await write(file)
    const { value: id, lines } = await withLibraryOutput(() => libraryCall(() => cache.saveCache([file], key)))
    if (id !== -1) {
      const bytes = archiveSize(lines) ?? (await stat(file)).size
      log(`Saved cache entry "${key}" (${bytes} bytes compressed).`)
      return { saved: true, key, bytes }
    }
    const failure = classifySaveFailure(lines)
    switch (failure.kind) {
      case 'conflict':
      case 'disabled':
        return { saved: false, key, reason: failure.reason }
      case 'quota':
        throw new HandoffError(
          `Could not save cache entry "${key}": ${failure.reason} Delete old entries (Actions > Caches, or \`gh cache delete\`), save fewer images, or use backend: artifact.`
        )
      case 'failed':
        throw new HandoffError(`Could not save cache entry "${key}": ${failure.reason.replace(/\.$/, '')}. Nothing was stored under this key; re-run the job.`)
    }
  } finally {
    await rm(file, { force: true })
  }
}

async function restore(file: string, key: string, restoreKeys: string[], log: (m: string) => void): Promise<RestoredEntry | undefined> {
  const matched = await lookup(file, key, restoreKeys)
  if (matched === undefined) return undefined
  await mkdir(dirname(file), { recursive: true })
  await rm(file, { force: true })
  // Fetch exactly the entry the lookup found; an undefined answer now means the download or unpacking failed.
  const { value, lines } = await withLibraryOutput(() => libraryCall(() => cache.restoreCache([file], matched, [])))
  if (value !== matched || !(await isFile(file))) {
    await rm(file, { force: true })
    const reason = value === matched ? `the entry did not unpack to ${file} (was it saved with another GITHUB_WORKSPACE?)` : restoreFailure(lines)
    throw new HandoffError(`Cache entry "${matched}" was found but not restored: ${reason}. Nothing was loaded; re-run the job, or change the key to store a fresh entry.`)
  }
  log(`Restored cache entry "${matched}"${matched === key ? '' : ` (restore key match for "${key}")`}.`)
  return { matchedKey: matched, file, dispose: () => rm(file, { force: true }).catch(() => undefined) }
}

/** Validation errors are the only ones the library throws: they are the user's to fix. */
async function libraryCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new HandoffError(`The cache rejected the request: ${errorMessage(error)}`)
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false)
}

function queue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}
