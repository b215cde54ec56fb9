import type { Readable } from 'node:stream'
import type Dockerode from 'dockerode'
import { HandoffError, errorMessage } from '../../errors.js'
import { familiarRepository, parseTargetName } from '../../archive/reference.js'
import type { ExportOptions, FlattenTarget, FlattenedArchive, ImportReport, Runtime, RuntimeImage } from '../runtime.js'
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
    return new DockerRuntime(connection, containerdStore, options.warn ?? (() => undefined), options.stallMs ?? 0)
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

class DockerRuntime implements Runtime {
  readonly kind = 'docker' as const

  constructor(
    private readonly connection: DockerConnection,
    private readonly containerdStore: boolean,
    private readonly warn: (message: string) => void,
    private readonly stallMs: number
  ) {}

  private get docker(): Dockerode {
    return this.connection.docker
  }

  private get host(): string {
    return this.connection.host
  }

  async list(): Promise<RuntimeImage[]> {
    let images: Dockerode.ImageInfo[]
    try {
      images = await this.docker.listImages()
    } catch (error) {
      throw new HandoffError(`listing the images of the Docker Engine at ${this.host} failed: ${engineMessage(error)}`)
    }
    return images.map((image) => this.image(image.Id, image.RepoTags, image.Size))
  }

  async inspect(ref: string): Promise<RuntimeImage | undefined> {
    if (!pathSafe.test(ref)) return undefined
    try {
      const image = await this.docker.getImage(ref).inspect()
      return this.image(image.Id, image.RepoTags, image.Size)
    } catch (error) {
      if (engineStatus(error) === 404) return undefined
      throw new HandoffError(`inspecting ${ref} in the Docker Engine at ${this.host} failed: ${engineMessage(error)}`)
    }
  }

  async exportImages(refs: string[], options: ExportOptions = {}): Promise<Readable> {
    const unsafe = refs.find((ref) => !pathSafe.test(ref))
    if (unsafe !== undefined) throw new HandoffError(`"${unsafe}" is not an image name or ID; fix the images input.`)
    const platform = platformQuery(options.platform, this.connection.apiVersion)
    if (platform.ignored) this.warn(platform.ignored)
    return exportArchive(this.docker, this.host, refs, platform.value, this.stallMs)
  }

  async exportFlattened(
    targets: FlattenTarget[],
    options: ExportOptions & { scratch: string }
  ): Promise<FlattenedArchive> {
    const unsafe = targets.find((target) => !pathSafe.test(target.id))
    if (unsafe !== undefined) throw new HandoffError(`"${unsafe.id}" is not an image ID; fix the images input.`)
    return flattenedArchive(this.docker, this.host, targets, {
      scratch: options.scratch,
      stallMs: this.stallMs,
      ...(options.platform !== undefined ? { platform: options.platform } : {})
    })
  }

  /** Docker reads zstd layers from 23.0 (API 1.42); older engines fail mid-load with "invalid tar header". */
  unreadableLayers(mediaTypes: Set<string>): string | undefined {
    if (compareApiVersions(this.connection.apiVersion, zstdApiVersion) >= 0) return undefined
    if (![...mediaTypes].some((type) => type.endsWith('+zstd') || type.endsWith('.zstd'))) return undefined
    return (
      `the stored images have zstd-compressed layers, which the Docker Engine at ${this.host} (API ${this.connection.apiVersion}, ` +
      'Docker 20.10 or older) cannot read; load them into Docker 23 or newer or into containerd 1.5+, or save them again with compression: gzip'
    )
  }

  importArchive(archive: Readable): Promise<ImportReport> {
    return loadArchive(this.docker, this.host, archive, this.stallMs)
  }

  async tag(source: string, target: string): Promise<void> {
    let repo: string
    let tag: string
    try {
      const ref = parseTargetName(target)
      repo = familiarRepository(ref)
      tag = ref.tag ?? 'latest'
    } catch (error) {
      throw new HandoffError(`cannot tag ${source} as ${target}: ${errorMessage(error)}`)
    }
    if (!pathSafe.test(source)) throw new HandoffError(`cannot tag ${source}: it is not an image name or ID.`)
    try {
      await this.docker.getImage(source).tag({ repo, tag })
    } catch (error) {
      const why = engineStatus(error) === 404 ? `the engine has no image ${source}` : engineMessage(error)
      throw new HandoffError(`cannot tag ${source} as ${target} in the Docker Engine at ${this.host}: ${why}`)
    }
  }

  /**
   * The chain IDs of every layer of every image: Docker's classic store does not read a layer from an archive
   * when it has that chain. The containerd image store resolves layers by compressed blob instead, which the
   * Engine API does not list, so there the archive stays whole.
   */
  async heldLayers(): Promise<HeldLayers> {
    if (this.containerdStore) return {}
    const images = await this.docker.listImages({ all: true })
    const chainIds = new Set<string>()
    for (let at = 0; at < images.length; at += 8) {
      await Promise.all(
        images.slice(at, at + 8).map(async (image) => {
          const info = await this.docker
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

  async close(): Promise<void> {
    try {
      this.connection.close()
    } catch {
      /* closing must never fail a run */
    }
  }

  private image(id: string, repoTags: string[] | null | undefined, size: number): RuntimeImage {
    const names = (repoTags ?? []).filter((name) => !name.startsWith('<none>'))
    return { id, names, size, ...(this.containerdStore ? {} : { configDigest: id }) }
  }
}
