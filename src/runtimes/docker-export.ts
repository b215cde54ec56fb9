import type { IncomingMessage } from 'node:http'
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream'
import type Dockerode from 'dockerode'
import { HandoffError } from '../errors.js'
import { compareApiVersions, engineMessage, engineStatus } from './docker-client.js'

/** `platform` on `GET /images/get` is honoured from this API version (Docker 28); older daemons ignore it. */
export const platformApiVersion = '1.48'

export interface OciPlatform {
  os: string
  architecture: string
  variant?: string
}

/** `linux/arm64/v8` → the JSON OCI platform the Engine API takes. */
export function parsePlatform(text: string): OciPlatform {
  const parts = text.trim().split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[\w.-]+$/.test(p))) {
    throw new HandoffError(`platform "${text}" is not of the form os/arch or os/arch/variant (e.g. linux/amd64, linux/arm64/v8).`)
  }
  const [os, architecture, variant] = parts as [string, string, string?]
  return { os, architecture, ...(variant ? { variant } : {}) }
}

/** The platform query value to send, or a reason it is not sent. */
export function platformQuery(platform: string | undefined, apiVersion: string): { value?: string; ignored?: string } {
  if (platform === undefined || platform.trim() === '') return {}
  const json = JSON.stringify(parsePlatform(platform))
  if (compareApiVersions(apiVersion, platformApiVersion) >= 0) return { value: json }
  return {
    ignored: `the Docker Engine speaks API ${apiVersion}, which cannot export a single platform (needs ${platformApiVersion}, Docker 28+); ` +
      `platform ${platform} is ignored and the images are exported as the engine stores them.`
  }
}

/**
 * An error met after the first byte cannot change the HTTP status, so the daemon appends it to the tar as a JSON
 * line (`{"errorDetail":…}`). A complete tar ends in two zero blocks; anything else at the end is a failed export.
 */
export class TarEndCheck extends Transform {
  private tail = Buffer.alloc(0)
  private static readonly keep = 4096

  constructor(private readonly describe: string) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.tail = chunk.length >= TarEndCheck.keep
      ? Buffer.from(chunk.subarray(chunk.length - TarEndCheck.keep))
      : Buffer.concat([this.tail, chunk]).subarray(-TarEndCheck.keep)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    callback(tarEndProblem(this.tail, this.describe))
  }
}

/** Why an archive ending in `tail` is not a complete tar, or undefined when it is. Exported for tests. */
export function tarEndProblem(tail: Buffer, describe: string): HandoffError | undefined {
  const end = tail.subarray(-1024)
  if (end.length === 1024 && end.every((byte) => byte === 0)) return undefined
  const text = tail.toString('latin1')
  const at = text.lastIndexOf('{"errorDetail"')
  if (at !== -1) {
    try {
      const line = JSON.parse(text.slice(at).trim()) as { errorDetail?: { message?: string }; error?: string }
      const message = line.errorDetail?.message ?? line.error
      if (message) return new HandoffError(`${describe} failed part-way: ${message}`)
    } catch {
      /* not the daemon's error line after all: report the truncation below */
    }
  }
  return new HandoffError(`${describe} ended before the end of the archive (the engine stopped part-way); run the save again.`)
}

/**
 * One archive for all `refs` (shared layers once), as a stream. Resolves once the daemon accepted the
 * request, so a missing image rejects before any byte; later failures error the stream.
 */
export async function exportArchive(
  docker: Dockerode,
  host: string,
  refs: string[],
  platform: string | undefined
): Promise<Readable> {
  if (refs.length === 0) throw new Error('exportArchive: no images to export')
  const options = { names: refs, ...(platform !== undefined ? { platform } : {}) }
  let response: IncomingMessage
  try {
    response = await new Promise<IncomingMessage>((resolve, reject) =>
      docker.modem.dial(
        {
          path: '/images/get?',
          method: 'GET',
          options,
          isStream: true,
          statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such image', 500: 'server error' }
        },
        (error, result) => (error ? reject(error) : resolve(result as IncomingMessage))
      )
    )
  } catch (error) {
    if (engineStatus(error) === 404) throw await missingImages(docker, host, refs, error)
    throw new HandoffError(`the Docker Engine at ${host} could not export ${refs.join(', ')}: ${engineMessage(error)}`)
  }
  const checked = new TarEndCheck(`exporting ${refs.join(', ')} from the Docker Engine at ${host}`)
  // pipeline carries a broken connection into `checked`, and a consumer that gives up back to the socket.
  pipeline(response, checked, () => undefined)
  return checked
}

/** The daemon's 404 says only "reference does not exist": find which names it meant. */
async function missingImages(docker: Dockerode, host: string, refs: string[], error: unknown): Promise<HandoffError> {
  const missing: string[] = []
  for (const ref of refs) {
    const found = await docker.getImage(ref).inspect().then(() => true, (e: unknown) => engineStatus(e) !== 404)
    if (!found) missing.push(ref)
  }
  const which = missing.length > 0 ? missing.join(', ') : refs.join(', ')
  return new HandoffError(
    `the Docker Engine at ${host} has no image ${which} (${engineMessage(error)}); build or pull it before saving, or fix the name.`
  )
}
