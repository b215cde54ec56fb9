/**
 * The three calls of the Actions cache service (v2, twirp) that the store's entries need: look up, reserve,
 * finalize. @actions/cache makes the same calls, but wraps every entry in a `tar` + `zstdmt` pass after a
 * `zstd --version` probe, which cost 0.5-0.6 s per 64 MiB chunk on loopback (issue 7); chunks are zstd frames
 * already, and the index is one. Requests and retries follow the library's own twirp client
 * (`internal/shared/cacheTwirpClient.js` in @actions/cache 6.3), shared with the artifact upload in twirp.ts.
 */
import { HandoffError, errorMessage } from '../errors.js'
import { TwirpError, field, libraryRetry, twirpClient, type RetryPolicy } from './twirp.js'

export interface FoundEntry {
  /** A signed download URL of the entry. */
  url: string
  /** The key it is stored under: `key` itself, or the newest one starting with a restore key. */
  matchedKey: string
}

export interface CacheService {
  /**
   * The finalized entry under exactly `key` and `version`, else (in order) the newest whose key starts with a
   * restore key, as the service matches them for @actions/cache; undefined on a miss.
   */
  find(key: string, version: string, restoreKeys?: string[]): Promise<FoundEntry | undefined>
  /**
   * A signed upload URL for a new entry, or the service's reason when the key is taken (another job has it);
   * rejects when the service refuses to reserve it (a token that may not write).
   */
  create(key: string, version: string): Promise<{ uploadUrl: string } | { taken: string }>
  /** Makes an uploaded entry visible; rejects when the service does not accept it. */
  finalize(key: string, version: string, size: number): Promise<void>
}

const service = 'github.actions.results.api.v1.CacheService'
/** How the service starts the message of a reservation refused by policy (CACHE_WRITE_DENIED_PREFIX in @actions/cache 6.3). */
const writeDenied = 'cache write denied:'

/** What ACTIONS_CACHE_MODE allows, read as @actions/cache 6.3 reads it (unknown values allow everything). */
export function cacheMode(env: NodeJS.ProcessEnv): { mode: string; readable: boolean; writable: boolean } {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase()
  const known = ['none', 'read', 'write', 'write-only'].includes(mode)
  return {
    mode,
    readable: !known || mode === 'read' || mode === 'write',
    writable: !known || mode === 'write' || mode === 'write-only'
  }
}

/**
 * The v2 service this job may talk to, or undefined where @actions/cache would use the legacy protocol
 * (GitHub Enterprise Server, or no ACTIONS_CACHE_SERVICE_V2): chunks then go through the library.
 */
export function cacheServiceFromEnv(env: NodeJS.ProcessEnv, retry = libraryRetry): CacheService | undefined {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase()
  const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST')
  const base = env.ACTIONS_RESULTS_URL
  const token = env.ACTIONS_RUNTIME_TOKEN
  if (ghes || !env.ACTIONS_CACHE_SERVICE_V2 || !base || !token) return undefined
  return twirpCacheService(base, token, retry)
}

function twirpCacheService(base: string, token: string, retry: RetryPolicy): CacheService {
  const call = twirpClient({
    base,
    token,
    service,
    retry,
    quotaMessage: "the repository's cache storage quota is used up",
    label: 'the cache service'
  })
  return {
    async find(key, version, restoreKeys = []) {
      const answer = await call('GetCacheEntryDownloadURL', {
        key,
        version,
        ...(restoreKeys.length > 0 ? { restore_keys: restoreKeys } : {})
      })
      const url = field(answer, 'signed_download_url')
      if (answer.ok !== true || typeof url !== 'string' || url === '') return undefined
      const matched = field(answer, 'matched_key')
      return { url, matchedKey: typeof matched === 'string' && matched !== '' ? matched : key }
    },
    async create(key, version) {
      let answer: Record<string, unknown>
      try {
        answer = await call('CreateCacheEntry', { key, version })
      } catch (error) {
        // github.com answers a key another job holds with 409 "cache entry with the same key, version, and scope
        // already exists" (actions/cache#1541): an outcome of parallel jobs, not a failure.
        if (error instanceof TwirpError && error.status === 409) return { taken: error.message }
        throw error
      }
      const url = field(answer, 'signed_upload_url')
      if (answer.ok === true && typeof url === 'string' && url !== '') return { uploadUrl: url }
      const message = typeof answer.message === 'string' && answer.message !== '' ? answer.message : 'not reserved'
      // A token that may not write (a pull request from a fork) is refused this way; waiting would not help.
      if (message.startsWith(writeDenied))
        throw new TwirpError(
          `this run's token may not write to the cache, e.g. for a pull request from a fork (${message})`,
          'denied'
        )
      return { taken: message }
    },
    async finalize(key, version, size) {
      const answer = await call('FinalizeCacheEntryUpload', { key, version, size_bytes: String(size) })
      if (answer.ok !== true)
        throw new TwirpError(
          `the service did not finalize entry "${key}"${typeof answer.message === 'string' ? `: ${answer.message}` : ''}`,
          'failed'
        )
    }
  }
}

/**
 * A failed call as the user's next step: a full cache and rate limits say what to do. `what` completes "Could
 * not ..."; `quotaWhat` says what a full cache stopped, when that is more than the call; `next` is the advice
 * for any other failure.
 */
export function serviceFailure(
  what: string,
  { quotaWhat = what, next = 'Re-run the job; if it persists, check https://www.githubstatus.com.' } = {}
): (error: unknown) => never {
  return (error) => {
    const kind = error instanceof TwirpError ? error.kind : 'failed'
    const reason = errorMessage(error).replace(/\.$/, '')
    if (kind === 'quota')
      throw new HandoffError(
        `Could not ${quotaWhat}: ${reason}. Delete old entries (Actions > Caches, or \`gh cache delete\`), save fewer images, or use backend: artifact.`
      )
    if (kind === 'rate-limit')
      throw new HandoffError(
        `Could not ${what}: ${reason}. GitHub limits how fast a repository creates cache entries; wait a minute and re-run the job.`
      )
    if (kind === 'denied')
      throw new HandoffError(
        `Could not ${what}: ${reason}. Save from a run whose token may write to the cache (a push, or a pull request from this repository), or use backend: artifact.`
      )
    throw new HandoffError(`Could not ${what}: ${reason}. ${next}`)
  }
}
