/**
 * A JSON twirp client for the Actions result services (cache v2, artifacts) with the retries of the toolkit's own
 * clients (`cacheTwirpClient.js` in @actions/cache 6.3, `artifact-twirp-client.js` in @actions/artifact 6.2):
 * five attempts 3 s apart growing 1.5x on 5xx, network errors and bodies that are not JSON; no retry on 429 or a
 * used-up quota, which the caller turns into the user's next step.
 */
import { HttpClient } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'
import { jsonObject } from '../json-object.js'

/** `denied`: the run's token may not write there (a pull request from a fork); re-running does not help. */
export type TwirpFailure = 'quota' | 'rate-limit' | 'denied' | 'failed'

export class TwirpError extends Error {
  override readonly name = 'TwirpError'
  constructor(
    message: string,
    readonly kind: TwirpFailure,
    /** The HTTP status of the last answer, when there was one (409: the name is taken). */
    readonly status?: number
  ) {
    super(message)
  }
}

export interface RetryPolicy {
  attempts: number
  firstDelayMs: number
  factor: number
}

export const libraryRetry: RetryPolicy = { attempts: 5, firstDelayMs: 3000, factor: 1.5 }

export interface TwirpOptions {
  base: string
  token: string
  /** The fully qualified service, e.g. `github.actions.results.api.v1.CacheService`. */
  service: string
  retry: RetryPolicy
  /** What a used-up quota means to the user, e.g. "the repository's cache storage quota is used up". */
  quotaMessage: string
  /** The service as messages name it, e.g. "the cache service". */
  label: string
}

export type TwirpCall = (method: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>

const retriedStatuses = new Set([500, 502, 503, 504])
const networkCodes = new Set(['ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH'])

export function twirpClient(options: TwirpOptions): TwirpCall {
  // One connection for all of a step's calls: a save makes three calls per chunk, and without keep-alive each
  // would open its own (a TLS handshake each against github.com). Idle sockets are unref'd and never hold the step.
  const http = new HttpClient('image-handoff', [new BearerCredentialHandler(options.token)], { keepAlive: true })
  return (method, body) =>
    withRetries(method, options, async () => {
      const url = new URL(`/twirp/${options.service}/${method}`, options.base).href
      const response = await http.post(url, JSON.stringify(body), { 'Content-Type': 'application/json' })
      return { status: response.message.statusCode ?? 0, body: await response.readBody() }
    })
}

/** Responses may use proto (snake_case) or JSON (lowerCamelCase) names. */
export function field(body: Record<string, unknown>, snake: string): unknown {
  return body[snake] ?? body[snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())]
}

async function withRetries(
  method: string,
  options: TwirpOptions,
  request: () => Promise<{ status: number; body: string }>
): Promise<Record<string, unknown>> {
  const { retry } = options
  const fail = (message: string, kind: TwirpFailure, status?: number): TwirpError =>
    new TwirpError(message, kind, status)
  let reason = ''
  let status: number | undefined
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delayBefore(attempt, retry)))
    let answer: { status: number; body: string }
    try {
      answer = await request()
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      reason = `${method}: ${String((error as { message?: unknown } | null)?.message ?? error)}`
      if (typeof code === 'string' && !networkCodes.has(code)) throw fail(reason, 'failed')
      continue
    }
    status = answer.status
    const body = jsonObject(answer.body)
    const msg = typeof body?.msg === 'string' ? body.msg : ''
    if (answer.status >= 200 && answer.status < 300 && body !== undefined) return body
    if (msg.includes('insufficient usage')) throw fail(options.quotaMessage, 'quota', answer.status)
    if (answer.status === 429)
      throw fail(
        `${options.label} rate-limited ${method} (HTTP 429${msg ? `: ${msg}` : ''})`,
        'rate-limit',
        answer.status
      )
    reason = `${method} answered HTTP ${answer.status}${msg ? `: ${msg}` : body === undefined ? ' with a body that is not JSON' : ''}`
    if (body !== undefined && !retriedStatuses.has(answer.status)) throw fail(reason, 'failed', answer.status)
  }
  throw fail(`${reason} (after ${retry.attempts} attempts)`, 'failed', status)
}

function delayBefore(attempt: number, retry: RetryPolicy): number {
  if (attempt === 1) return retry.firstDelayMs
  const least = retry.firstDelayMs * retry.factor ** (attempt - 1)
  return least + Math.random() * least * (retry.factor - 1)
}
