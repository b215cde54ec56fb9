/**
 * Registry authentication as Docker does it: a request goes out with what was last granted for its access
 * (pull, or pull and push); a 401 names the scheme. `Bearer realm=…,service=…,scope=…` sends us to the token
 * service (with the credentials as Basic auth when there are any; anonymously otherwise), `Basic` takes the
 * credentials directly; then the request is sent once more. Grants are shared by concurrent requests, so a burst
 * of lookups fetches one token, not one each.
 */
import type { Readable } from 'node:stream'
import { HandoffError, errorMessage } from '../../errors.js'
import { httpTransport, type Transport } from './transport.js'
import { jsonObject } from '../../json-object.js'

export interface Credentials {
  username: string
  password: string
}

export type Access = 'pull' | 'push' | 'delete'

/** The actions a token is asked for: what the access needs (distribution checks `delete` apart from push). */
const actions: Record<Access, string> = { pull: 'pull', push: 'pull,push', delete: 'delete' }

/** The registry could not be reached or was busy (a network error, 429, 5xx): worth another try. */
export class RegistryUnavailable extends HandoffError {}

/** A request body: small ones in memory, large ones streamed (made afresh for each attempt). */
export type RequestBody = Readable | Buffer

export interface Challenge {
  scheme: string
  params: Record<string, string>
}

/** `Bearer realm="https://auth",service="registry",scope="repository:a:pull"` → scheme and parameters. */
export function parseChallenge(header: string | null): Challenge | undefined {
  const match = header === null ? null : /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header)
  if (!match) return undefined
  const params: Record<string, string> = {}
  for (const param of (match[2] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[(param[1] ?? '').toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1')
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params }
}

export interface RegistryRequest {
  method: string
  url: string
  access: Access
  headers?: Record<string, string>
  /** Makes the body afresh for each attempt: a request answered by a challenge is sent again. */
  body?: () => RequestBody
}

export type Send = (request: RegistryRequest) => Promise<Response>

export interface AuthOptions {
  repository: string
  /** Other repositories a token must also let us pull from (the source of a cross-repository mount). */
  alsoPull?: string[]
  credentials?: Credentials
  /** What a failure message calls the registry (`ghcr.io/org/handoff`). */
  label: string
  transport?: Transport
}

export function authorizedSender(options: AuthOptions): Send {
  const transport = options.transport ?? httpTransport
  const grants = new Map<Access, Promise<string>>()
  const basic = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
    : undefined

  const attempt = (request: RegistryRequest, authorization: string | undefined): Promise<Response> =>
    transport(request.url, {
      method: request.method,
      headers: { ...request.headers, ...(authorization !== undefined ? { authorization } : {}) },
      ...(request.body ? { body: request.body() } : {})
    }).catch((error: unknown) => {
      const cause = (error as { cause?: unknown }).cause
      throw new RegistryUnavailable(
        `Could not reach the registry ${options.label} (${request.method} ${new URL(request.url).pathname}): ${errorMessage(cause ?? error)}. Check the "registry" input and that the registry is up.`
      )
    })

  const grant = async (challenge: Challenge | undefined, access: Access): Promise<string> => {
    if (challenge?.scheme === 'basic') {
      if (basic !== undefined) return basic
      throw new HandoffError(
        `The registry ${options.label} asks for a user name and password; give "registry-username" and "registry-password" (or "github-token" for ghcr.io).`
      )
    }
    if (challenge?.scheme !== 'bearer' || !challenge.params['realm']) {
      throw new HandoffError(
        `The registry ${options.label} refused the request (401) without saying how to authenticate; check the "registry" input.`
      )
    }
    return `Bearer ${await fetchToken(challenge.params, access)}`
  }

  const fetchToken = async (params: Record<string, string>, access: Access): Promise<string> => {
    const url = new URL(params['realm'] ?? '')
    if (params['service']) url.searchParams.set('service', params['service'])
    url.searchParams.set('scope', `repository:${options.repository}:${actions[access]}`)
    for (const other of options.alsoPull ?? []) url.searchParams.append('scope', `repository:${other}:pull`)
    const response = await transport(url.toString(), {
      method: 'GET',
      headers: basic !== undefined ? { authorization: basic } : {}
    }).catch((error: unknown) => {
      throw new HandoffError(
        `Could not reach the token service ${url.origin} of the registry ${options.label}: ${errorMessage((error as { cause?: unknown }).cause ?? error)}.`
      )
    })
    const text = await response.text()
    if (!response.ok) {
      const hint =
        response.status === 401 || response.status === 403
          ? basic !== undefined
            ? 'the credentials were refused; check "registry-username"/"registry-password" or "github-token" and its packages permission'
            : 'it wants credentials; give "registry-username" and "registry-password" (or "github-token" for ghcr.io)'
          : 'the token service failed'
      throw new HandoffError(
        `The registry ${options.label} gave no ${access} token (HTTP ${response.status}): ${hint}.`
      )
    }
    const body = jsonObject(text)
    const token = body?.['token'] ?? body?.['access_token']
    if (typeof token !== 'string' || token === '')
      throw new HandoffError(`The token service of the registry ${options.label} answered without a token.`)
    return token
  }

  return async (request) => {
    const used = grants.get(request.access)
    const response = await attempt(request, used === undefined ? undefined : await used.catch(() => undefined))
    if (response.status !== 401) return response
    await response.body?.cancel()
    // The first request to find the grant stale asks for a new one; the others wait for that one.
    if (grants.get(request.access) === used) {
      const fresh = grant(parseChallenge(response.headers.get('www-authenticate')), request.access)
      grants.set(request.access, fresh)
      fresh.catch(() => {
        if (grants.get(request.access) === fresh) grants.delete(request.access)
      })
    }
    const authorization = await grants.get(request.access)
    return attempt(request, authorization)
  }
}
