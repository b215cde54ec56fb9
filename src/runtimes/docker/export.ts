import { Transform, type Duplex, type Readable, type TransformCallback } from 'node:stream'
import type Dockerode from 'dockerode'
import { HandoffError } from '../../errors.js'
import { parsePlatform } from '../../archive/platform.js'
import { appendedEngineError, endsWithTarEnd } from '../../archive/input-check.js'
import { causeText, compareApiVersions, engineMessage, engineStatus, type DockerConnection } from './client.js'
import { answerError, getUnframed } from './unframed-get.js'
import { engineGives, stallError, watchProgress } from '../stall.js'

/** `platform` on `GET /images/get` is honoured from this API version (Docker 28); older daemons ignore it. */
export const platformApiVersion = '1.48'

/** The platform query value to send (the JSON OCI platform the Engine API takes), or a reason it is not sent. */
export function platformQuery(platform: string | undefined, apiVersion: string): { value?: string; ignored?: string } {
  if (platform === undefined || platform.trim() === '') return {}
  const parsed = parsePlatform(platform)
  if (parsed === undefined) {
    throw new HandoffError(
      `platform "${platform}" is not of the form os/arch or os/arch/variant (e.g. linux/amd64, linux/arm64/v8).`
    )
  }
  const json = JSON.stringify(parsed)
  if (compareApiVersions(apiVersion, platformApiVersion) >= 0) return { value: json }
  return {
    ignored:
      `the Docker Engine speaks API ${apiVersion}, which cannot export a single platform (needs ${platformApiVersion}, Docker 28+); ` +
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

  constructor(
    private readonly describe: string,
    private readonly progress: () => void = () => undefined
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.progress()
    this.tail =
      chunk.length >= TarEndCheck.keep
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
  if (endsWithTarEnd(tail)) return undefined
  const message = appendedEngineError(tail)
  if (message) return new HandoffError(`${describe} failed part-way: ${message}`)
  return new HandoffError(
    `${describe} ended before the end of the archive (the engine stopped part-way); run the save again.`
  )
}

/**
 * One archive for all `refs` (shared layers once), as a stream. Resolves once the daemon accepted the
 * request, so a missing image rejects before any byte; later failures error the stream.
 */
export async function exportArchive(
  connection: Pick<DockerConnection, 'docker' | 'apiVersion' | 'host' | 'openSocket'>,
  refs: string[],
  platform: string | undefined,
  stallMs: number
): Promise<Readable> {
  if (refs.length === 0) throw new Error('exportArchive: no images to export')
  const { docker, host } = connection
  const query = new URLSearchParams(refs.map((ref): [string, string] => ['names', ref]))
  if (platform !== undefined) query.append('platform', platform)
  const describe = `exporting ${refs.join(', ')} from the Docker Engine at ${host}`
  const abort = new AbortController()
  let stalled: HandoffError | undefined
  let checked: TarEndCheck | undefined
  // Until the first byte the engine is awaited; after it, only while the reader would take more.
  const watch = watchProgress(
    stallMs,
    () => checked === undefined || engineGives(checked)(),
    () => {
      stalled = stallError(describe, stallMs)
      abort.abort(stalled)
      checked?.destroy(stalled)
    }
  )
  let body: Duplex
  try {
    const path = `/v${connection.apiVersion}/images/get?${query.toString()}`
    const answer = await getUnframed(() => connection.openSocket(), path, abort.signal)
    if (answer.status !== 200) throw await answerError(answer)
    body = answer.body
  } catch (error) {
    watch.stop()
    if (stalled !== undefined) throw stalled
    if (engineStatus(error) === 404) throw await missingImages(docker, host, refs, error)
    throw new HandoffError(`the Docker Engine at ${host} could not export ${refs.join(', ')}: ${engineMessage(error)}`)
  }
  const output = new TarEndCheck(describe, () => watch.touch())
  checked = output
  // A broken connection fails the archive with what happened; a reader that gives up closes the connection. The
  // body ends where the engine closes the connection: the tar-end check tells whether the archive was whole.
  body.on('error', (error) => output.destroy(stalled ?? droppedExport(describe, error)))
  output.on('close', () => {
    watch.stop()
    body.destroy()
  })
  body.pipe(output)
  return output
}

/** The engine went away mid-export (killed, restarted, out of memory): the archive is partial and unusable. */
function droppedExport(describe: string, error: unknown): HandoffError {
  return new HandoffError(
    `${describe} broke off part-way: the engine closed the connection (${causeText(error)}), as it does when it is killed, restarts or runs out of memory; ` +
      'the partial archive is discarded. Check that the engine is running (and its log), then run the save again.'
  )
}

/** The daemon's 404 says only "reference does not exist": find which names it meant. */
async function missingImages(docker: Dockerode, host: string, refs: string[], error: unknown): Promise<HandoffError> {
  const missing: string[] = []
  for (const ref of refs) {
    const found = await docker
      .getImage(ref)
      .inspect()
      .then(
        () => true,
        (e: unknown) => engineStatus(e) !== 404
      )
    if (!found) missing.push(ref)
  }
  const which = missing.length > 0 ? missing.join(', ') : refs.join(', ')
  return new HandoffError(
    `the Docker Engine at ${host} has no image ${which} (${engineMessage(error)}); build or pull it before saving, or fix the name.`
  )
}
