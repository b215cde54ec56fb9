/**
 * Flattening through the Engine API: a container is created (never started) from each image, its filesystem
 * exported (GET /containers/{id}/export) and written, hashed as it passes, to a zstd temp file; the image's
 * config is kept with that one layer. The result streams out as an image archive (OCI layout + manifest.json, as
 * Docker 25+ saves) for the save's split, so the engine's own images are never changed and nothing is loaded.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type Dockerode from 'dockerode'
import tar, { type Pack } from 'tar-stream'
import { HandoffError } from '../../errors.js'
import { zstdCompress, zstdDecompress } from '../../archive/compression.js'
import {
  FlatLayerFilter,
  flatImage,
  flatNameFiles,
  type FlatImage,
  type InspectedImage
} from '../../archive/flat-image.js'
import { blobPath } from '../../archive/model.js'
import { trackTemporary } from '../../store/temporaries.js'
import { engineMessage, type DockerConnection } from './client.js'
import { TarEndCheck } from './export.js'
import { answerError, getUnframed } from './unframed-get.js'
import { stallError, watchProgress } from '../stall.js'
import type { FlattenReport, FlattenTarget, FlattenedArchive } from '../runtime.js'

/** The temp copy only has to be smaller than the layer and quick to write: the store recompresses anyway. */
const tempLevel = 1

interface ExportedLayer {
  file: string
  diffId: string
  size: number
  fileBytes: number
}

/** What flattening needs of the connection: dockerode for the calls, a socket of its own for each export. */
type FlattenConnection = Pick<DockerConnection, 'docker' | 'host' | 'apiVersion' | 'openSocket'>

export function flattenedArchive(
  connection: FlattenConnection,
  targets: FlattenTarget[],
  options: { platform?: string; scratch: string; stallMs: number }
): FlattenedArchive {
  const pack = tar.pack()
  const reports: FlattenReport[] = []
  const written = new Set<string>()
  const flat: { image: FlatImage; names: string[] }[] = []
  const { docker, host } = connection
  void (async () => {
    await sweepLeftovers(docker)
    for (const [at, target] of targets.entries()) {
      const label = target.names[0] ?? target.id
      const source = await inspect(docker, host, target.id)
      const file = join(options.scratch, `flatten-${process.pid}-${at}.tar.zst`)
      const untrack = trackTemporary(file)
      try {
        const layer = await exportLayer(connection, { id: target.id, label, file }, options)
        const image = flatImage(source, layer, label)
        if (!written.has(image.diffId)) await writeLayer(pack, blobPath(image.diffId), layer)
        for (const [digest, body] of [
          [image.configDigest, image.config],
          [image.manifestDigest, image.manifest]
        ] as const) {
          if (!written.has(digest)) await writeBody(pack, blobPath(digest), body)
        }
        written.add(image.diffId).add(image.configDigest).add(image.manifestDigest)
        flat.push({ image, names: target.names })
        reports.push({
          names: target.names,
          sourceId: target.id,
          id: image.configDigest,
          manifestDigest: image.manifestDigest,
          layersBefore: source.RootFS?.Layers?.length ?? 0,
          bytesBefore: await unpackedSize(docker, target.id, source.Size ?? 0),
          bytesAfter: layer.fileBytes
        })
      } finally {
        await rm(file, { force: true })
        untrack()
      }
    }
    for (const file of flatNameFiles(flat)) await writeBody(pack, file.name, file.body)
    pack.finalize()
  })().catch((error: unknown) => pack.destroy(error instanceof Error ? error : new Error(String(error))))
  return { archive: Readable.from(pack as AsyncIterable<Buffer>, { objectMode: false }), reports: () => reports }
}

const containerLabel = 'image-handoff.flatten'
/** An hour is far longer than any export takes: an older container of ours was left by a killed step. */
const staleSeconds = 60 * 60

/** Removes flatten containers a killed step left behind (a cancelled job cannot make API calls on its way out). */
async function sweepLeftovers(docker: Dockerode): Promise<void> {
  const now = Date.now() / 1000
  const left = await docker.listContainers({ all: true, filters: { label: [containerLabel] } }).catch(() => [])
  for (const container of left) {
    if (now - container.Created < staleSeconds) continue
    await docker
      .getContainer(container.Id)
      .remove({ force: true, v: true })
      .catch(() => undefined)
  }
}

async function inspect(docker: Dockerode, host: string, id: string): Promise<InspectedImage> {
  try {
    return (await docker.getImage(id).inspect()) as unknown as InspectedImage
  } catch (error) {
    throw new HandoffError(
      `inspecting ${id} to flatten it in the Docker Engine at ${host} failed: ${engineMessage(error)}`
    )
  }
}

/**
 * The image's layers as the engine counts them (file bytes on the classic store, disk use on the containerd
 * store): the history's sizes. The image's own Size is compressed content on the containerd store.
 */
async function unpackedSize(docker: Dockerode, id: string, fallback: number): Promise<number> {
  try {
    const history = (await docker.getImage(id).history()) as { Size?: unknown }[]
    const sizes = history.map((step) => (typeof step.Size === 'number' ? step.Size : 0))
    return sizes.reduce((sum, size) => sum + size, 0) || fallback
  } catch {
    return fallback
  }
}

/** The container's filesystem to `file` (zstd), with its diff ID and sizes; the container is removed whatever happens. */
async function exportLayer(
  connection: FlattenConnection,
  image: { id: string; label: string; file: string },
  options: { platform?: string; stallMs: number }
): Promise<ExportedLayer> {
  const { docker, host } = connection
  const describe = `exporting the filesystem of ${image.label} from the Docker Engine at ${host}`
  let container: Dockerode.Container
  try {
    container = await docker.createContainer(
      createOptions(image.id, options.platform) as Dockerode.ContainerCreateOptions
    )
  } catch (error) {
    throw new HandoffError(
      `creating a container from ${image.label} to flatten it failed in the Docker Engine at ${host}: ${engineMessage(error)}`
    )
  }
  let stalled: HandoffError | undefined
  let exported: Readable | undefined
  const abort = new AbortController()
  const watch = watchProgress(
    options.stallMs,
    () => true,
    () => {
      stalled = stallError(describe, options.stallMs)
      abort.abort(stalled)
      exported?.destroy(stalled)
    }
  )
  try {
    const hash = createHash('sha256')
    const filter = new FlatLayerFilter()
    let size = 0
    // Hashed after the filter: the diff ID names the layer as stored.
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        watch.touch()
        hash.update(chunk)
        size += chunk.length
        callback(null, chunk)
      }
    })
    // Read as HTTP/1.0, like the image export (unframed-get.ts says why): the same 32 KiB chunks otherwise.
    const path = `/v${connection.apiVersion}/containers/${encodeURIComponent(container.id)}/export`
    const answer = await getUnframed(() => connection.openSocket(), path, abort.signal)
    if (answer.status !== 200) throw await answerError(answer)
    exported = answer.body
    await pipeline(
      exported,
      new TarEndCheck(describe),
      filter,
      tap,
      zstdCompress(tempLevel),
      createWriteStream(image.file, { highWaterMark: 1024 * 1024 })
    )
    return { file: image.file, diffId: `sha256:${hash.digest('hex')}`, size, fileBytes: filter.fileBytes }
  } catch (error) {
    if (stalled !== undefined) throw stalled
    if (error instanceof HandoffError) throw error
    throw new HandoffError(`${describe} failed: ${engineMessage(error)}`)
  } finally {
    watch.stop()
    exported?.destroy()
    await container.remove({ force: true, v: true }).catch(() => undefined)
  }
}

/**
 * The container is never started: any command does, and one is needed, since an image without CMD or ENTRYPOINT
 * cannot be created from. No network; a label says who made it, should a killed step leave it behind.
 */
function createOptions(id: string, platform: string | undefined): Record<string, unknown> {
  return {
    ...(platform !== undefined ? { _query: { platform } } : { _query: {} }),
    _body: {
      Image: id,
      Entrypoint: ['/image-handoff-flatten'],
      Cmd: [],
      NetworkDisabled: true,
      Labels: { [containerLabel]: 'temporary' }
    }
  }
}

async function writeLayer(pack: Pack, name: string, layer: ExportedLayer): Promise<void> {
  const entry = new Promise<void>((resolve, reject) => {
    const sink = pack.entry({ name, size: layer.size, ...fixed }, (error) => (error ? reject(error) : resolve()))
    pipeline(createReadStream(layer.file, { highWaterMark: 1024 * 1024 }), zstdDecompress(), sink).catch(reject)
  })
  await entry
}

const fixed = { mode: 0o644, type: 'file' as const, mtime: new Date(0), uid: 0, gid: 0 }

function writeBody(pack: Pack, name: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: body.length, ...fixed }, body, (error) => (error ? reject(error) : resolve()))
  })
}
