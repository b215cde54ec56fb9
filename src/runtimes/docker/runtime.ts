import type Dockerode from 'dockerode'
import { HandoffError } from '../../errors.js'
import { familiarName, familiarRepository, type Reference } from '../../archive/reference.js'
import type { ExportOptions, FlattenedArchive, Runtime, RuntimeImage } from '../runtime.js'
import { chainIds as layerChains, type HeldLayers } from '../../store/load-plan.js'
import { compareApiVersions, connectDocker, engineMessage, engineStatus, type DockerConnection } from './client.js'
import { exportArchive, platformQuery } from './export.js'
import { loadArchive } from './load.js'
import { flattenedArchive } from './flatten.js'

export interface DockerRuntimeOptions {
  /** Told when a request is served in a degraded way (e.g. `platform` on an engine too old for it). */
  warn?: (message: string) => void
  /** No-progress watchdog on exports and loads, in ms; 0 or absent: none. */
  stallMs?: number
}

/** The Docker runtime, talking to the Engine API only (no docker CLI). */
export async function createDockerRuntime(
  env: NodeJS.ProcessEnv = process.env,
  options: DockerRuntimeOptions = {}
): Promise<Runtime> {
  const connection = await connectDocker(env)
  try {
    const containerdStore = await usesContainerdStore(connection.docker)
    return dockerRuntime({
      connection,
      containerdStore,
      warn: options.warn ?? (() => undefined),
      stallMs: options.stallMs ?? 0
    })
  } catch (error) {
    connection.close()
    throw error
  }
}

/**
 * Docker's containerd image store (the default of fresh Docker 29 installs; tested here on Docker 26) reports the
 * manifest (or index) digest as the image ID, not the config digest; only the classic store lets `configDigest` be the ID.
 */
async function usesContainerdStore(docker: Dockerode): Promise<boolean> {
  const info = (await docker.info()) as { DriverStatus?: unknown }
  const status = Array.isArray(info.DriverStatus) ? (info.DriverStatus as unknown[]) : []
  return status.some(
    (pair) => Array.isArray(pair) && pair[0] === 'driver-type' && String(pair[1]).includes('containerd')
  )
}

/** The Engine API of Docker 23, the first to load zstd layers. */
const zstdApiVersion = '1.42'

/** Names and IDs reach URL paths unencoded (dockerode does not encode them), so only reference characters pass. */
const pathSafe = /^[A-Za-z0-9._\-/:@]+$/

interface DockerEngine {
  connection: DockerConnection
  containerdStore: boolean
  warn: (message: string) => void
  stallMs: number
}

function dockerRuntime(engine: DockerEngine): Runtime {
  const { connection, containerdStore, warn, stallMs } = engine
  const { docker, host } = connection
  const image = (id: string, repoTags: string[] | null | undefined, size: number): RuntimeImage => {
    const names = (repoTags ?? []).filter((name) => !name.startsWith('<none>'))
    return { id, names, size, ...(containerdStore ? {} : { configDigest: id }) }
  }
  return {
    kind: 'docker',
    async list() {
      let images: Dockerode.ImageInfo[]
      try {
        images = await docker.listImages()
      } catch (error) {
        throw new HandoffError(`listing the images of the Docker Engine at ${host} failed: ${engineMessage(error)}`)
      }
      return images.map((i) => image(i.Id, i.RepoTags, i.Size))
    },
    async inspect(ref) {
      if (!pathSafe.test(ref)) return undefined
      try {
        const info = await docker.getImage(ref).inspect()
        return image(info.Id, info.RepoTags, info.Size)
      } catch (error) {
        if (engineStatus(error) === 404) return undefined
        throw new HandoffError(`inspecting ${ref} in the Docker Engine at ${host} failed: ${engineMessage(error)}`)
      }
    },
    async exportImages(refs, options: ExportOptions = {}) {
      const unsafe = refs.find((ref) => !pathSafe.test(ref))
      if (unsafe !== undefined) throw new HandoffError(`"${unsafe}" is not an image name or ID; fix the images input.`)
      const platform = platformQuery(options.platform, connection.apiVersion)
      if (platform.ignored) warn(platform.ignored)
      return exportArchive(connection, refs, platform.value, stallMs)
    },
    async exportFlattened(targets, options): Promise<FlattenedArchive> {
      const unsafe = targets.find((target) => !pathSafe.test(target.id))
      if (unsafe !== undefined) throw new HandoffError(`"${unsafe.id}" is not an image ID; fix the images input.`)
      return flattenedArchive(connection, targets, {
        scratch: options.scratch,
        stallMs,
        ...(options.platform !== undefined ? { platform: options.platform } : {})
      })
    },
    unreadableLayers: (mediaTypes) => zstdUnreadable(connection, mediaTypes),
    importArchive: (archive) => loadArchive(docker, host, archive, stallMs),
    // Two, not more: on two cores four archives at once measured no faster than two (either image store).
    parallelImports: 2,
    tag: (source, target) => tagImage(connection, source, target),
    heldLayers: () => heldChains(docker, containerdStore),
    ...(containerdStore ? {} : { dropStage: (id: string) => dropImage(docker, host, id) }),
    async close() {
      try {
        connection.close()
      } catch {
        /* closing must never fail a run */
      }
    }
  }
}

/** Docker reads zstd layers from 23.0 (API 1.42); older engines fail mid-load with "invalid tar header". */
function zstdUnreadable(connection: DockerConnection, mediaTypes: Set<string>): string | undefined {
  if (compareApiVersions(connection.apiVersion, zstdApiVersion) >= 0) return undefined
  if (![...mediaTypes].some((type) => type.endsWith('+zstd') || type.endsWith('.zstd'))) return undefined
  return (
    `the stored images have zstd-compressed layers, which the Docker Engine at ${connection.host} (API ${connection.apiVersion}, ` +
    'Docker 20.10 or older) cannot read; load them into Docker 23 or newer or into containerd 1.5+, or save them again with compression: gzip'
  )
}

async function dropImage(docker: Dockerode, host: string, id: string): Promise<void> {
  try {
    await docker.getImage(id).remove()
  } catch (error) {
    if (engineStatus(error) === 404) return
    throw new HandoffError(`removing image ${id} from the Docker Engine at ${host} failed: ${engineMessage(error)}`)
  }
}

async function tagImage(connection: DockerConnection, source: string, target: Reference): Promise<void> {
  const name = familiarName(target)
  // A Docker tag cannot hold a digest (a digest reference is a containerd name).
  if (target.digest !== undefined)
    throw new HandoffError(`cannot tag ${source} as ${name}: Docker tags cannot hold a digest.`)
  if (!pathSafe.test(source)) throw new HandoffError(`cannot tag ${source}: it is not an image name or ID.`)
  try {
    await connection.docker.getImage(source).tag({ repo: familiarRepository(target), tag: target.tag ?? 'latest' })
  } catch (error) {
    const why = engineStatus(error) === 404 ? `the engine has no image ${source}` : engineMessage(error)
    throw new HandoffError(`cannot tag ${source} as ${name} in the Docker Engine at ${connection.host}: ${why}`)
  }
}

/**
 * The chain IDs of every layer of every image: Docker's classic store does not read a layer from an archive
 * when it has that chain. The containerd image store resolves layers by compressed blob instead, which the
 * Engine API does not list, so there the archive stays whole.
 */
async function heldChains(docker: Dockerode, containerdStore: boolean): Promise<HeldLayers> {
  if (containerdStore) return {}
  const images = await docker.listImages({ all: true })
  const chainIds = new Set<string>()
  for (let at = 0; at < images.length; at += 8) {
    await Promise.all(
      images.slice(at, at + 8).map(async (image) => {
        const info = await docker
          .getImage(image.Id)
          .inspect()
          .catch(() => undefined)
        const layers = (info?.RootFS?.Layers ?? []).map((diffId) => ({ diffId }))
        for (const chain of layerChains(layers)) if (chain !== undefined) chainIds.add(chain)
      })
    )
  }
  return { chainIds }
}
