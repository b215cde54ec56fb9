import type { Reference } from '../archive/reference.js'
import type { Readable } from 'node:stream'
import type { HeldLayers } from '../store/load-plan.js'

/** An image as a runtime reports it. */
export interface RuntimeImage {
  /** The runtime's own image ID: Docker's classic store uses the config digest, containerd the target (manifest or index) digest. */
  id: string
  /** Every name the runtime knows the image by, spelled as the runtime spells them (`app:ci`, `docker.io/library/app:ci`). */
  names: string[]
  /** Bytes as the runtime reports them (unpacked size for Docker, content size for containerd). */
  size: number
  /** The config digest when the runtime can tell it cheaply; equals `id` on Docker's classic store. */
  configDigest?: string
}

/** What the runtime said it loaded (names and IDs exactly as it printed them). */
export interface ImportReport {
  names: string[]
  ids: string[]
  /** What the runtime skipped without failing, e.g. platforms an index names whose content the archive lacks. */
  warnings?: string[]
}

export interface ExportOptions {
  /** `os/arch[/variant]`: save only this platform of multi-platform images. */
  platform?: string
}

/** One image to flatten: its ID and the names the flattened image takes (the selected ones). */
export interface FlattenTarget {
  id: string
  names: string[]
}

/** What flattening one image did, for the log and the summary. */
export interface FlattenReport {
  names: string[]
  /** The source image's ID and the flattened image's (its config digest, the classic store's image ID). */
  sourceId: string
  id: string
  /** The flattened image's manifest digest: its ID on a containerd store. */
  manifestDigest: string
  layersBefore: number
  /** The source image's layers as the engine counts them (its history's sizes), and the bytes of files in the flattened filesystem. */
  bytesBefore: number
  bytesAfter: number
}

/** A docker-archive of flattened images; `reports` is complete once the archive has been read to its end. */
export interface FlattenedArchive {
  archive: Readable
  reports(): FlattenReport[]
}

/**
 * One small seam per container runtime. Streams only: an archive never sits in memory or on disk here.
 * Archives are what `docker save` writes (legacy layout or OCI layout + manifest.json).
 */
export interface Runtime {
  readonly kind: 'docker' | 'containerd' | 'podman' | 'kind' | 'none'
  /** Every image with its names; untagged images have `names: []`. */
  list(): Promise<RuntimeImage[]>
  /** One image by name or ID; undefined when the runtime does not have it. */
  inspect(ref: string): Promise<RuntimeImage | undefined>
  /** One archive holding all `refs` (shared layers once). The stream errors if the runtime fails mid-way. */
  exportImages(refs: string[], options?: ExportOptions): Promise<Readable>
  /** Consumes the archive; rejects with the runtime's own message when the load failed. */
  importArchive(archive: Readable): Promise<ImportReport>
  /**
   * Makes `target` another name of the image `source` names (`source` may be an ID). The target was parsed where it
   * was given (the tags input, the dangling-name prefix); each runtime spells it its own way.
   */
  tag(source: string, target: Reference): Promise<void>
  /**
   * Layers the runtime already holds, so a load can leave them out of the archive; absent where the runtime's
   * import needs every layer in the archive (podman, kind nodes, Docker's containerd image store).
   */
  heldLayers?(): Promise<HeldLayers>
  /**
   * One archive of `targets` each flattened to a single layer with its config kept, built without changing the
   * engine's images (Docker only). `scratch` holds one compressed layer at a time.
   */
  exportFlattened?(targets: FlattenTarget[], options: ExportOptions & { scratch: string }): Promise<FlattenedArchive>
  /** Why the runtime cannot load layers of these media types (an engine too old for zstd), or undefined. */
  unreadableLayers?(mediaTypes: Set<string>): string | undefined
  /**
   * Archives to load side by side when a load has several images: the runtime registers the images of one archive
   * one after another, each at a fixed cost. Absent: 1.
   */
  readonly parallelImports?: number
  /**
   * Removes a stand-in image of a staged load (store/load-stages.ts) by ID, keeping the layers loaded images use;
   * absent where the runtime does not register an archive's layers only after all of it arrived (Docker's classic
   * store does).
   */
  dropStage?(id: string): Promise<void>
  /** Releases clients and sockets; never throws. */
  close(): Promise<void>
}
