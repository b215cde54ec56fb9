/**
 * Which saved images can also be pushed as ordinary images that `docker pull` takes, and how: an image manifest
 * per image, its config and layers as blobs, in a repository under the store's (`org/handoff` + `app:ci` →
 * `org/handoff/app:ci`). Pure: the plan only; registry-store.ts carries it out.
 *
 * An OCI-layout archive (Docker 25+, containerd) holds each image's manifest: it is pushed byte for byte (so the
 * image keeps its digest), for a multi-platform image the manifest of the saved platform. A legacy archive has
 * none: a Docker manifest (schema 2) is written over its uncompressed layer tars, named by their diff IDs.
 */
import { familiarRepository, parseReference } from '../../archive/reference.js'
import { isRecord, symlinkTarget, type ArchiveImage } from '../../archive/model.js'
import { isChunked, type StoreIndex, type StoredEntry } from '../../store/format.js'
import { jsonObject } from '../../json-object.js'

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
  mediaType: string
  blobs: PlannedBlob[]
}

type Planned = Omit<PlannedImage, 'repository' | 'tags'>

const ociManifest = 'application/vnd.oci.image.manifest.v1+json'
/** How deep image indexes nest in what engines write (an index of indexes at most). */
const maxIndexDepth = 2

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
    const planned = image.manifestDigest !== undefined ? planOci(image, files) : planLegacy(image, files)
    if (typeof planned === 'string') {
      skipped.push(`${label}: ${planned}`)
      continue
    }
    for (const [repository, tags] of targets(image.names, base)) images.push({ repository, tags, ...planned })
  }
  return { images, skipped }
}

/** The archive's own manifest of the image and the blobs it names. */
function planOci(image: ArchiveImage, files: Map<string, StoredEntry>): Planned | string {
  const found = manifestOf(files, image.manifestDigest ?? '', image.configDigest, 0)
  if (found === undefined) return 'its manifest is not in the entry'
  const { body, doc } = found
  const descriptors = [doc['config'], ...(Array.isArray(doc['layers']) ? doc['layers'] : [])]
  const blobs: PlannedBlob[] = []
  for (const descriptor of descriptors) {
    const digest = isRecord(descriptor) ? descriptor['digest'] : undefined
    const blob = typeof digest === 'string' ? source(files, blobPath(digest)) : undefined
    if (typeof digest !== 'string' || blob === undefined) return `blob ${String(digest)} is not in the entry`
    blobs.push({ digest, ...blob })
  }
  const mediaType = typeof doc['mediaType'] === 'string' ? doc['mediaType'] : ociManifest
  return { manifest: body, mediaType, blobs }
}

/** The manifest at `digest`, or under the index there the one whose config is `config`. */
function manifestOf(
  files: Map<string, StoredEntry>,
  digest: string,
  config: string,
  depth: number
): { body: Buffer; doc: Record<string, unknown> } | undefined {
  const found = source(files, blobPath(digest))
  if (found === undefined || !('inline' in found.source)) return undefined
  const body = found.source.inline
  const doc = jsonObject(body.toString('utf8'))
  if (doc === undefined) return undefined
  if (isRecord(doc['config'])) return doc['config']['digest'] === config ? { body, doc } : undefined
  if (!Array.isArray(doc['manifests']) || depth >= maxIndexDepth) return undefined
  for (const child of doc['manifests']) {
    const childDigest = isRecord(child) ? child['digest'] : undefined
    const match = typeof childDigest === 'string' ? manifestOf(files, childDigest, config, depth + 1) : undefined
    if (match !== undefined) return match
  }
  return undefined
}

const blobPath = (digest: string): string => `blobs/${digest.replace(':', '/')}`

/** A Docker manifest over a legacy archive's config and uncompressed layer tars. */
function planLegacy(image: ArchiveImage, files: Map<string, StoredEntry>): Planned | string {
  const hex = image.configDigest.replace(/^sha256:/, '')
  const config = source(files, `${hex}.json`) ?? source(files, `blobs/sha256/${hex}`)
  if (config === undefined) return 'its config is not in the entry'
  const blobs: PlannedBlob[] = [{ digest: image.configDigest, ...config }]
  for (const layer of image.layers) {
    const digest = layer.digest ?? layer.diffId
    if (layer.diffId === undefined || digest !== layer.diffId) return 'a layer is not named by its diff ID'
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
  return { manifest, mediaType: dockerManifest, blobs }
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
