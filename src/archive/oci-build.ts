/**
 * The name files and manifests of a converted archive (OCI layout, chosen media types and layer compression,
 * annotations), from the model of the archive the engine wrote and the layers as they were rewritten. Pure.
 * Configs keep their bytes, so their digests (and so diff IDs and Docker's classic image IDs) do not change;
 * layer descriptors take the rewritten blobs' digests and sizes; manifests and indexes are new documents.
 */
import { normalizedName, parseReference } from './reference.js'
import { blobPath, digestOf, type ArchiveImage, type ArchiveModel, type ManifestEntry } from './model.js'
import { containerdNameKey, ociRefNameKey, type Descriptor } from './oci-model.js'

export type LayerCompression = 'gzip' | 'zstd' | 'uncompressed'

export interface ConvertOptions {
  /** Layers rewritten in this compression. */
  compression: LayerCompression
  /** OCI media types (else Docker's schema 2 types, which have no zstd layer). */
  ociMediaTypes: boolean
  /** Added to every image manifest and image index. */
  annotations: Record<string, string>
}

/** A layer as it is in the converted archive. */
export interface ConvertedLayer {
  digest: string
  size: number
}

const types = {
  oci: {
    manifest: 'application/vnd.oci.image.manifest.v1+json',
    index: 'application/vnd.oci.image.index.v1+json',
    config: 'application/vnd.oci.image.config.v1+json',
    layer: {
      gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
      zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
      uncompressed: 'application/vnd.oci.image.layer.v1.tar'
    }
  },
  docker: {
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    index: 'application/vnd.docker.distribution.manifest.list.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    layer: {
      gzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
      zstd: undefined,
      uncompressed: 'application/vnd.docker.image.rootfs.diff.tar'
    }
  }
} as const

export function layerMediaType(options: ConvertOptions): string {
  const type = types[options.ociMediaTypes ? 'oci' : 'docker'].layer[options.compression]
  if (type === undefined) throw new Error('zstd layers need OCI media types')
  return type
}

export interface BuiltArchive {
  /** New manifests and indexes, to be written as blobs. */
  blobs: Array<{ digest: string; body: Buffer }>
  /** index.json, manifest.json and oci-layout. */
  nameFiles: Array<{ name: string; body: Buffer }>
  /** The engine's ID (manifest or index digest) of each image before → after, for IDs the conversion changed. */
  renamed: Map<string, string>
}

/**
 * One index.json entry per image (per name): a manifest, or for the platforms of one multi-platform image a new
 * image index over their manifests. `layerOf` gives each layer as converted, by its path in the input.
 */
export function buildArchive(
  model: ArchiveModel,
  configSizes: Map<string, number>,
  layerOf: (path: string) => ConvertedLayer,
  options: ConvertOptions
): BuiltArchive {
  const kind = types[options.ociMediaTypes ? 'oci' : 'docker']
  const built: BuiltArchive = { blobs: [], nameFiles: [], renamed: new Map() }
  const annotations = Object.keys(options.annotations).length > 0 ? { annotations: options.annotations } : {}
  const manifestOf = (image: ArchiveImage): Descriptor => {
    const config = {
      mediaType: kind.config,
      digest: image.configDigest,
      size: configSizes.get(image.configDigest) ?? 0
    }
    const layers = image.layers.map((layer) => ({ mediaType: layerMediaType(options), ...layerOf(layer.path) }))
    const body = { schemaVersion: 2, mediaType: kind.manifest, config, layers, ...annotations }
    return { mediaType: kind.manifest, ...blob(built, body) }
  }
  const top: Descriptor[] = []
  const entries: ManifestEntry[] = []
  for (const group of groups(model.images)) {
    const manifests = group.map((image) => ({ image, descriptor: manifestOf(image) }))
    const only = manifests.length === 1 ? manifests[0] : undefined
    let descriptor: Descriptor
    if (only !== undefined) descriptor = only.descriptor
    else {
      const children = manifests.map(({ image, descriptor: d }) => ({ ...d, ...platformOf(image.platform) }))
      const body = { schemaVersion: 2, mediaType: kind.index, manifests: children, ...annotations }
      descriptor = { mediaType: kind.index, ...blob(built, body) }
    }
    const first = group[0] as ArchiveImage
    if (first.manifestDigest !== undefined) built.renamed.set(first.manifestDigest, descriptor.digest)
    if (first.names.length === 0) top.push(descriptor)
    for (const name of first.names) top.push({ ...descriptor, annotations: nameAnnotations(name) })
    for (const image of group) {
      entries.push({
        Config: blobPath(image.configDigest),
        RepoTags: image.names.filter((name) => parseReference(name).tag !== undefined),
        Layers: image.layers.map((layer) => blobPath(layerOf(layer.path).digest))
      })
    }
  }
  const index = { schemaVersion: 2, mediaType: types.oci.index, manifests: top }
  built.nameFiles.push(
    { name: 'oci-layout', body: json({ imageLayoutVersion: '1.0.0' }) },
    { name: 'index.json', body: json(index) },
    { name: 'manifest.json', body: json(entries) }
  )
  return built
}

/** Images that shared one index.json descriptor (the platforms of one image) stay together, under a new index. */
function groups(images: ArchiveImage[]): ArchiveImage[][] {
  const byKey = new Map<string, ArchiveImage[]>()
  for (const image of images) {
    const key = image.manifestDigest ?? image.configDigest
    byKey.set(key, [...(byKey.get(key) ?? []), image])
  }
  return [...byKey.values()]
}

function platformOf(platform: string | undefined): { platform?: Record<string, string> } {
  if (platform === undefined) return {}
  const [os = '', architecture = '', variant] = platform.split('/')
  return { platform: { architecture, os, ...(variant ? { variant } : {}) } }
}

/** As docker and ctr write them: the full name for containerd, the tag as the OCI ref name. */
export function nameAnnotations(name: string): Record<string, string> {
  const ref = parseReference(name)
  return { [containerdNameKey]: normalizedName(ref), ...(ref.tag ? { [ociRefNameKey]: ref.tag } : {}) }
}

function blob(built: BuiltArchive, document: unknown): { digest: string; size: number } {
  const body = json(document)
  const digest = digestOf(body)
  if (!built.blobs.some((b) => b.digest === digest)) built.blobs.push({ digest, body })
  return { digest, size: body.length }
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value))
}
