/**
 * The OCI distribution API, the part a store needs and nothing more: blobs (HEAD, a POST-then-PUT upload
 * streamed from a file, a cross-repository mount, GET streamed to a file), manifests by tag (PUT, GET) and the
 * tag list. An operation the registry drops or answers with 429/5xx is tried again, an upload from its start.
 */
import { downloadInto, type DownloadWatch } from '../../store/arrival.js'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { HandoffError } from '../../errors.js'
import { authorizedSender, RegistryUnavailable, type Credentials, type RequestBody, type Send } from './auth.js'
import type { RegistryLocation } from './reference.js'
import type { Transport } from './transport.js'

export const ociManifest = 'application/vnd.oci.image.manifest.v1+json'
/**
 * Every manifest type a tag may hold: a registry answers 400 rather than 404 when a tag's manifest is of a type
 * the request does not accept, and a tag holding someone's image is a miss, not a failure.
 */
const anyManifest = [
  ociManifest,
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
].join(', ')
/** A manifest is a few kilobytes; anything past this is not one of ours. */
const maxManifestBytes = 4 * 1024 * 1024

export interface RegistryClient {
  readonly label: string
  hasBlob(digest: string): Promise<boolean>
  /** Sends `size` bytes up as the blob `digest` (the registry checks the digest); `body` makes them afresh per attempt. */
  uploadBlob(digest: string, size: number, body: () => RequestBody): Promise<void>
  /** Streams the blob into `file`, followed by `watch` (the load reading behind it). */
  fetchBlob(digest: string, file: string, watch?: DownloadWatch): Promise<void>
  /** A small blob (an index) into memory; larger than `maxBytes` is refused. */
  readBlob(digest: string, maxBytes: number): Promise<Buffer>
  putManifest(tag: string, body: Buffer, mediaType?: string): Promise<void>
  /** Links a blob of another repository of the registry into this one without sending it; false when refused. */
  mountBlob(digest: string, from: string): Promise<boolean>
  /** The blob's bytes as they arrive. */
  openBlob(digest: string): Promise<AsyncIterable<Uint8Array>>
  /** The manifest under `tag`, or undefined when there is none. */
  getManifest(tag: string): Promise<Buffer | undefined>
  hasManifest(tag: string): Promise<boolean>
  /** Deletes the manifest `digest` (and so every tag on it). */
  deleteManifest(digest: string): Promise<void>
  listTags(): Promise<string[]>
}

export interface ClientOptions {
  location: RegistryLocation
  credentials?: Credentials
  /** Repositories blobs are mounted from: the token must allow pulling from them too. */
  alsoPull?: string[]
  transport?: Transport
  /** Pauses before each new try of an operation the registry was unavailable for (ms); default 1 s, then 4 s. */
  retryDelays?: number[]
}

/** Runs `operation` again after each delay while the registry is unavailable; any other failure at once. */
async function retried<T>(operation: () => Promise<T>, delays: number[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      const delay = delays[attempt]
      if (!(error instanceof RegistryUnavailable) || delay === undefined) throw error
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

/** The client with every operation tried again while the registry is unavailable (an upload from its start). */
function withRetries(client: RegistryClient, delays: number[]): RegistryClient {
  const wrapped: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(client)) {
    wrapped[name] =
      typeof member === 'function'
        ? (...args: unknown[]) => retried(() => (member as (...a: unknown[]) => Promise<unknown>)(...args), delays)
        : member
  }
  return wrapped as unknown as RegistryClient
}

export function createRegistryClient(options: ClientOptions): RegistryClient {
  const { location } = options
  const label = `${location.origin.replace(/^https?:\/\//, '')}/${location.repository}`
  const send: Send = authorizedSender({
    repository: location.repository,
    label,
    ...(options.alsoPull ? { alsoPull: options.alsoPull } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.transport ? { transport: options.transport } : {})
  })
  const base = `${location.origin}/v2/${location.repository}`

  /** A status nobody expected: what the registry said, in a sentence that names the request. */
  const unexpected = async (response: Response, what: string): Promise<HandoffError> => {
    const text = (await response.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ').trim()
    const hint =
      response.status === 401 || response.status === 403
        ? ' Check the credentials ("registry-username"/"registry-password" or "github-token") and that they may push to and pull from this repository.'
        : ''
    const busy = response.status === 429 || response.status >= 500
    return new (busy ? RegistryUnavailable : HandoffError)(
      `The registry ${label} answered ${response.status} to ${what}${text ? `: ${text}` : ''}.${hint}`
    )
  }

  const exists = async (url: string, what: string, headers: Record<string, string> = {}): Promise<boolean> => {
    const response = await send({ method: 'HEAD', url, access: 'pull', headers })
    await response.body?.cancel()
    if (response.ok) return true
    if (response.status === 404) return false
    throw await unexpected(response, what)
  }

  return withRetries(
    {
      label,
      hasBlob: (digest) => exists(`${base}/blobs/${digest}`, `a lookup of blob ${digest}`),
      async uploadBlob(digest, size, body) {
        const started = await send({ method: 'POST', url: `${base}/blobs/uploads/`, access: 'push' })
        if (started.status !== 202) throw await unexpected(started, `the start of an upload of ${digest}`)
        await started.body?.cancel()
        const location = started.headers.get('location')
        if (!location)
          throw new HandoffError(`The registry ${label} started an upload without saying where to send it.`)
        // Location may be absolute or relative to the registry.
        const url = new URL(location, base)
        url.searchParams.set('digest', digest)
        const done = await send({
          method: 'PUT',
          url: url.toString(),
          access: 'push',
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
          body
        })
        if (done.status !== 201) throw await unexpected(done, `the upload of ${digest}`)
        await done.body?.cancel()
      },
      async fetchBlob(digest, file, watch) {
        const response = await send({ method: 'GET', url: `${base}/blobs/${digest}`, access: 'pull' })
        if (!response.ok || response.body === null) throw await unexpected(response, `a download of blob ${digest}`)
        await downloadInto(Readable.fromWeb(response.body as WebReadableStream), file, watch)
      },
      async mountBlob(digest, from) {
        const url = `${base}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`
        const response = await send({ method: 'POST', url, access: 'push' })
        await response.body?.cancel()
        if (response.status === 201) return true
        if (response.status !== 202) throw await unexpected(response, `a mount of blob ${digest} from ${from}`)
        // The registry opened an upload instead: close it, the caller uploads.
        const location = response.headers.get('location')
        if (location) {
          const closed = await send({ method: 'DELETE', url: new URL(location, base).toString(), access: 'push' })
          await closed.body?.cancel()
        }
        return false
      },
      async openBlob(digest) {
        const response = await send({ method: 'GET', url: `${base}/blobs/${digest}`, access: 'pull' })
        if (!response.ok || response.body === null) throw await unexpected(response, `a download of blob ${digest}`)
        return Readable.fromWeb(response.body as WebReadableStream)
      },
      async readBlob(digest, maxBytes) {
        const response = await send({ method: 'GET', url: `${base}/blobs/${digest}`, access: 'pull' })
        if (!response.ok) throw await unexpected(response, `a download of blob ${digest}`)
        if (Number(response.headers.get('content-length') ?? '0') > maxBytes) {
          await response.body?.cancel()
          throw new HandoffError(`Blob ${digest} in ${label} is larger than ${maxBytes} bytes; it is not an index.`)
        }
        return Buffer.from(await response.arrayBuffer())
      },
      async putManifest(tag, body, mediaType = ociManifest) {
        const response = await send({
          method: 'PUT',
          url: `${base}/manifests/${tag}`,
          access: 'push',
          headers: { 'content-type': mediaType },
          body: () => body
        })
        if (response.status !== 201) throw await unexpected(response, `storing the manifest of tag ${tag}`)
        await response.body?.cancel()
      },
      async getManifest(tag) {
        const response = await send({
          method: 'GET',
          url: `${base}/manifests/${tag}`,
          access: 'pull',
          headers: { accept: anyManifest }
        })
        if (response.status === 404) {
          await response.body?.cancel()
          return undefined
        }
        if (!response.ok) throw await unexpected(response, `a read of the manifest of tag ${tag}`)
        const length = Number(response.headers.get('content-length') ?? '0')
        if (length > maxManifestBytes) {
          await response.body?.cancel()
          throw new HandoffError(
            `The manifest under tag ${tag} in ${label} is ${length} bytes; not an image-handoff entry.`
          )
        }
        return Buffer.from(await response.arrayBuffer())
      },
      async deleteManifest(digest) {
        const response = await send({ method: 'DELETE', url: `${base}/manifests/${digest}`, access: 'delete' })
        if (response.status === 405) {
          await response.body?.cancel()
          throw new HandoffError(
            `The registry ${label} does not allow deleting manifests (distribution: set storage.delete.enabled; ghcr.io: delete the package version on GitHub).`
          )
        }
        if (response.status !== 202 && response.status !== 200)
          throw await unexpected(response, `deleting manifest ${digest}`)
        await response.body?.cancel()
      },
      hasManifest: (tag) => exists(`${base}/manifests/${tag}`, `a lookup of tag ${tag}`, { accept: anyManifest }),
      async listTags() {
        const tags: string[] = []
        let url: string | undefined = `${base}/tags/list?n=1000`
        while (url !== undefined) {
          const response = await send({ method: 'GET', url, access: 'pull' })
          // A repository nothing was pushed to yet has no tags.
          if (response.status === 404) {
            await response.body?.cancel()
            return tags
          }
          if (!response.ok) throw await unexpected(response, 'a listing of the tags')
          const body = (await response.json()) as { tags?: unknown }
          if (Array.isArray(body.tags)) tags.push(...body.tags.filter((t): t is string => typeof t === 'string'))
          url = nextPage(response.headers.get('link'), base)
        }
        return tags
      }
    },
    options.retryDelays ?? [1000, 4000]
  )
}

/** `</v2/a/tags/list?last=x&n=1000>; rel="next"` → the absolute URL of the next page. */
function nextPage(link: string | null, base: string): string | undefined {
  const match = link === null ? null : /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)
  return match?.[1] !== undefined ? new URL(match[1], base).toString() : undefined
}
