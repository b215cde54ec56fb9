/**
 * The calls of @actions/cache this project makes, with what the library only logs turned into outcomes and
 * errors: saveCache returns -1 and restoreCache undefined for every failure, so the log lines tell them apart.
 */
import { stat, rm } from 'node:fs/promises'
import { HandoffError, errorMessage } from '../errors.js'
import type { SaveOutcome } from './backend.js'
import { archiveSize, classifySaveFailure, restoreFailure } from './cache-outcome.js'
import { withLibraryOutput } from './library-output.js'
import { checkCacheKeys } from './service-names.js'

/**
 * Loaded on first use: on github.com only a miss that may be an earlier release's entry needs the library, and it
 * is most of a megabyte of code to compile at every step's start.
 */
const library = (): Promise<typeof import('@actions/cache')> => import('@actions/cache')

/** The key an entry is stored under (exact, else the newest restore-key match), asked without downloading. */
export async function lookup(file: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
  checkCacheKeys(key, restoreKeys)
  const { value, lines } = await withLibraryOutput(() =>
    libraryCall(async () => (await library()).restoreCache([file], key, restoreKeys, { lookupOnly: true }))
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
export async function save(file: string, key: string, what: string): Promise<SaveOutcome> {
  const { value: id, lines } = await withLibraryOutput(() =>
    libraryCall(async () => (await library()).saveCache([file], key))
  )
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
export async function restore(file: string, key: string, what: string): Promise<void> {
  await rm(file, { force: true })
  const { value, lines } = await withLibraryOutput(() =>
    libraryCall(async () => (await library()).restoreCache([file], key, []))
  )
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
