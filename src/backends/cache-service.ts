/**
 * The three calls of the Actions cache service (v2, twirp) that chunk entries need: look up, reserve, finalize.
 * @actions/cache makes the same calls, but wraps every entry in a `tar` + `zstdmt` pass after a `zstd --version`
 * probe, which cost 0.5-0.6 s per 64 MiB chunk on loopback (issue 7); chunks are zstd frames already. The user's
 * index entry still goes through @actions/cache. Requests and retries follow the library's own twirp client
 * (`internal/shared/cacheTwirpClient.js` in @actions/cache 6.3): proto field names, five attempts 3 s apart
 * growing 1.5x on 5xx and network errors, no retry on 429 or a full cache.
 */
import { HttpClient } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'

export type CacheServiceFailure = 'quota' | 'rate-limit' | 'failed'

export class CacheServiceError extends Error {
  override readonly name = 'CacheServiceError'
  constructor(
    message: string,
    readonly kind: CacheServiceFailure
  ) {
    super(message)
  }
}

export interface CacheService {
  /** The signed download URL of the finalized entry under exactly `key` and `version`; undefined on a miss. */
  find(key: string, version: string): Promise<string | undefined>
  /** A signed upload URL for a new entry, or the service's reason when the key is taken (another job has it). */
  create(key: string, version: string): Promise<{ uploadUrl: string } | { taken: string }>
  /** Makes an uploaded entry visible; rejects when the service does not accept it. */
  finalize(key: string, version: string, size: number): Promise<void>
}

export interface RetryPolicy {
  attempts: number
  firstDelayMs: number
  factor: number
}

const libraryRetry: RetryPolicy = { attempts: 5, firstDelayMs: 3000, factor: 1.5 }
const retriedStatuses = new Set([500, 502, 503, 504])
const networkCodes = new Set(['ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH'])
const service = 'github.actions.results.api.v1.CacheService'

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
  const http = new HttpClient('image-handoff', [new BearerCredentialHandler(token)])
  const call = (method: string, body: Record<string, unknown>): Promise<Record<string, unknown>> =>
    withRetries(method, retry, async () => {
      const url = new URL(`/twirp/${service}/${method}`, base).href
      const response = await http.post(url, JSON.stringify(body), { 'Content-Type': 'application/json' })
      return { status: response.message.statusCode ?? 0, body: await response.readBody() }
    })
  return {
    async find(key, version) {
      const answer = await call('GetCacheEntryDownloadURL', { key, version })
      const url = field(answer, 'signed_download_url')
      return answer.ok === true && typeof url === 'string' && url !== '' ? url : undefined
    },
    async create(key, version) {
      const answer = await call('CreateCacheEntry', { key, version })
      const url = field(answer, 'signed_upload_url')
      if (answer.ok === true && typeof url === 'string' && url !== '') return { uploadUrl: url }
      return { taken: typeof answer.message === 'string' && answer.message !== '' ? answer.message : 'not reserved' }
    },
    async finalize(key, version, size) {
      const answer = await call('FinalizeCacheEntryUpload', { key, version, size_bytes: String(size) })
      if (answer.ok !== true)
        throw new CacheServiceError(
          `the service did not finalize entry "${key}"${typeof answer.message === 'string' ? `: ${answer.message}` : ''}`,
          'failed'
        )
    }
  }
}

/** Responses may use proto (snake_case) or JSON (lowerCamelCase) names. */
function field(body: Record<string, unknown>, snake: string): unknown {
  return body[snake] ?? body[snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())]
}

async function withRetries(
  method: string,
  retry: RetryPolicy,
  request: () => Promise<{ status: number; body: string }>
): Promise<Record<string, unknown>> {
  let reason = ''
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delayBefore(attempt, retry)))
    let answer: { status: number; body: string }
    try {
      answer = await request()
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      reason = `${method}: ${String((error as { message?: unknown } | null)?.message ?? error)}`
      if (typeof code === 'string' && !networkCodes.has(code)) throw new CacheServiceError(reason, 'failed')
      continue
    }
    const body = parseJson(answer.body)
    const msg = typeof body?.msg === 'string' ? body.msg : ''
    if (answer.status >= 200 && answer.status < 300 && body !== undefined) return body
    if (msg.includes('insufficient usage'))
      throw new CacheServiceError("the repository's cache storage quota is used up", 'quota')
    if (answer.status === 429)
      throw new CacheServiceError(
        `the cache service rate-limited ${method} (HTTP 429${msg ? `: ${msg}` : ''})`,
        'rate-limit'
      )
    reason = `${method} answered HTTP ${answer.status}${msg ? `: ${msg}` : body === undefined ? ' with a body that is not JSON' : ''}`
    if (body !== undefined && !retriedStatuses.has(answer.status)) throw new CacheServiceError(reason, 'failed')
  }
  throw new CacheServiceError(`${reason} (after ${retry.attempts} attempts)`, 'failed')
}

function delayBefore(attempt: number, retry: RetryPolicy): number {
  if (attempt === 1) return retry.firstDelayMs
  const least = retry.firstDelayMs * retry.factor ** (attempt - 1)
  return least + Math.random() * least * (retry.factor - 1)
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
