/**
 * Which saved images can also be pushed as ordinary images that `docker pull` takes, and how: a Docker image
 * manifest (schema 2) per image, its config and layers as blobs, in a repository under the store's
 * (`org/handoff` + `app:ci` → `org/handoff/app:ci`). Pure: the plan only; registry-store.ts carries it out.
 *
 * A layer's blob must be named by the digest of its bytes: the uncompressed layer tars of a Docker save (its
 * diff ID; Docker 25+ writes them as OCI blobs named so) qualify; compressed layers (a containerd image store's)
 * would need their media type from the archive's manifests and are left out, with a note.
 */
import { familiarRepository, parseReference } from '../../archive/reference.js'
import { symlinkTarget, type ArchiveImage } from '../../archive/model.js'
import { isChunked, type StoreIndex, type StoredEntry } from '../../store/format.js'

export const dockerManifest = 'application/vnd.docker.distribution.manifest.v2+json'
const dockerConfig = 'application/vnd.docker.container.image.v1+json'
const uncompressedLayer = 'application/vnd.docker.image.rootfs.diff.tar'

/** Where a blob's bytes are in the store: inline in the index, or its chunks in the store's repository. */
export type BlobSource = { inline: Buffer } | { chunks: string[] }

export interface PlannedBlob {
  digest: string
  size: number
  source: BlobSource
}

export interface PlannedImage {
  /** The repository under the store's: `org/handoff/app`. */
  repository: string
  tags: string[]
  manifest: Buffer
  blobs: PlannedBlob[]
}

const componentPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/

export function planPullable(
  index: Pick<StoreIndex, 'entries' | 'model'>,
  base: string
): { images: PlannedImage[]; skipped: string[] } {
  const files = new Map(index.entries.map((e) => [e.path, e]))
  const images: PlannedImage[] = []
  const skipped: string[] = []
  for (const image of index.model.images) {
    const label = image.names[0] ?? image.configDigest
    if (image.names.length === 0) continue
    const planned = planImage(image, files)
    if (typeof planned === 'string') {
      skipped.push(`${label}: ${planned}`)
      continue
    }
    for (const [repository, tags] of targets(image.names, base)) images.push({ repository, tags, ...planned })
  }
  return { images, skipped }
}

function planImage(
  image: ArchiveImage,
  files: Map<string, StoredEntry>
): { manifest: Buffer; blobs: PlannedBlob[] } | string {
  const hex = image.configDigest.replace(/^sha256:/, '')
  const config = source(files, `${hex}.json`) ?? source(files, `blobs/sha256/${hex}`)
  if (config === undefined) return 'its config is not in the entry'
  const blobs: PlannedBlob[] = [{ digest: image.configDigest, ...config }]
  for (const layer of image.layers) {
    const digest = layer.digest ?? layer.diffId
    if (layer.diffId === undefined || digest !== layer.diffId)
      return 'its layers are compressed (a containerd image store); only uncompressed layers are pushed as pullable'
    const found = source(files, layer.path)
    if (found === undefined) return `layer ${layer.path} is not in the entry`
    blobs.push({ digest, ...found })
  }
  const [configBlob, ...layers] = blobs as [PlannedBlob, ...PlannedBlob[]]
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: dockerManifest,
      config: { mediaType: dockerConfig, size: configBlob.size, digest: configBlob.digest },
      layers: layers.map((l) => ({ mediaType: uncompressedLayer, size: l.size, digest: l.digest }))
    })
  )
  return { manifest, blobs }
}

/** The file at `path`, links followed (Docker's save links a layer shared by two images). */
function source(files: Map<string, StoredEntry>, path: string): { source: BlobSource; size: number } | undefined {
  let entry = files.get(path)
  for (let hops = 0; entry !== undefined && entry.type !== 'file' && hops < 8; hops++) {
    if (entry.type === 'directory') return undefined
    entry = files.get(entry.type === 'symlink' ? symlinkTarget(entry.path, entry.linkname) : entry.linkname)
  }
  if (entry?.type !== 'file') return undefined
  return {
    size: entry.size,
    source: isChunked(entry) ? { chunks: entry.chunks } : { inline: Buffer.from(entry.inline, 'base64') }
  }
}

/** `app:ci`, `app:latest` → `org/handoff/app` with both tags; a name no repository can hold is left out. */
function targets(names: string[], base: string): Map<string, string[]> {
  const byRepository = new Map<string, string[]>()
  for (const name of names) {
    const ref = parseReference(name)
    const path = familiarRepository(ref)
    if (ref.tag === undefined || !path.split('/').every((c) => componentPattern.test(c))) continue
    const repository = `${base}/${path}`
    if (repository.length > 255) continue
    byRepository.set(repository, [...(byRepository.get(repository) ?? []), ref.tag])
  }
  return byRepository
}
