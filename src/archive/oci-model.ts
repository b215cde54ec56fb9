/**
 * Images of an OCI-layout archive (Docker 25+, `ctr images export`, skopeo): index.json points at manifests
 * or image indexes in blobs/; names live in descriptor annotations and in manifest.json RepoTags.
 */
import { HandoffError } from '../errors.js'
import { droppedNote, namesOf, presentFile } from './checks.js'
import { legacyImages } from './legacy-model.js'
import {
  blobPath,
  configDigestOfPath,
  diffIdsOf,
  imageLabel,
  isDigestReference,
  isRecord,
  missingFile,
  parseJson,
  resolveFile,
  uniqueNames,
  type ArchiveContents,
  type ArchiveImage,
  type ManifestEntry
} from './model.js'
import { platformOf } from './platform.js'

export const containerdNameKey = 'io.containerd.image.name'
export const ociRefNameKey = 'org.opencontainers.image.ref.name'

export interface Descriptor {
  mediaType?: string
  digest: string
  size?: number
  platform?: unknown
  annotations?: Record<string, string>
  [key: string]: unknown
}

export interface OciIndex {
  manifests: Descriptor[]
  [key: string]: unknown
}

export function parseIndexJson(contents: ArchiveContents): OciIndex | undefined {
  const raw = parseJson(contents.nameFiles.get('index.json'), 'index.json')
  if (raw === undefined) return undefined
  if (!isIndex(raw))
    throw new HandoffError('not an image archive: index.json holds no list of manifests; save the image again')
  return raw
}

/**
 * Names a descriptor carries: `io.containerd.image.name`, or a ref.name that is a full reference (skopeo, podman).
 * A digest reference (ctr's handle `import-DATE@sha256:…` for an untagged image) is no name.
 */
export function descriptorNames(descriptor: Descriptor): string[] {
  const annotations: Record<string, unknown> = isRecord(descriptor.annotations) ? descriptor.annotations : {}
  const full = annotations[containerdNameKey]
  const ref = annotations[ociRefNameKey]
  const names = full !== undefined ? [full as string] : []
  // A bare ref.name (`ci`) is only a tag, as docker and ctr write it; it names nothing on its own.
  if (typeof ref === 'string' && /[/:@]/.test(ref)) names.push(ref)
  return names.filter((name) => typeof name !== 'string' || !isDigestReference(name))
}

export interface OciImages {
  images: ArchiveImage[]
  skipped: string[]
}

/**
 * Engines write an index two levels deep at most (index.json → image index → manifests); a few levels more
 * are tolerated, and every descriptor counts against one budget, so a hostile archive costs bounded work.
 */
const maxIndexDepth = 8
const maxDescriptors = 10_000

interface Walk {
  visited: number
  skipped: string[]
}

export function ociImages(contents: ArchiveContents, index: OciIndex, entries: ManifestEntry[] = []): OciImages {
  const result: OciImages = { images: [], skipped: [] }
  const walk: Walk = { visited: 0, skipped: result.skipped }
  const groups = new Map<string, { descriptor: Descriptor; names: unknown[] }>()
  for (const descriptor of index.manifests) {
    count(walk, 'index.json')
    const group = groups.get(descriptor.digest) ?? { descriptor, names: [] }
    group.names.push(...descriptorNames(descriptor))
    groups.set(descriptor.digest, group)
  }
  for (const { descriptor, names } of groups.values()) {
    const dropped: string[] = []
    const valid = namesOf(names, dropped)
    const found = imagesOf(contents, descriptor, valid, walk)
    if (dropped.length > 0) {
      result.skipped.push(
        droppedNote(imageLabel(found[0] ?? { names: valid, configDigest: descriptor.digest }), dropped)
      )
      for (const image of found) image.droppedNames = [...(image.droppedNames ?? []), ...dropped]
    }
    result.images.push(...found)
  }
  const unmatched = addManifestJsonNames(contents, result.images, entries, result.skipped)
  result.images.push(...legacyImages(contents, unmatched, result.skipped))
  return result
}

function count(walk: Walk, where: string): void {
  if (++walk.visited > maxDescriptors) {
    throw new HandoffError(
      `not an image archive: ${where} and the indexes under it name more than ${maxDescriptors} manifests; ` +
        'no engine writes that many: the archive is malformed or hostile: save the images again'
    )
  }
}

/** The images one index.json descriptor stands for: one, or one per platform whose content is present. */
function imagesOf(contents: ArchiveContents, top: Descriptor, names: string[], walk: Walk): ArchiveImage[] {
  const label = names[0] ?? top.digest.replace(/^sha256:/, '').slice(0, 12)
  const doc = blobJson(contents, top.digest)
  if (doc === undefined) throw missingFile(label, blobPath(top.digest), 'index.json')
  if (!isIndex(doc)) {
    const image = manifestImage(contents, doc, {
      names,
      manifestDigest: top.digest,
      platform: platformOf(top.platform)
    })
    if (typeof image === 'string') throw missingFile(label, image, `the manifest of ${label}`)
    return [image]
  }
  const images: ArchiveImage[] = []
  platformImages(contents, doc, { names, manifestDigest: top.digest, label }, walk, {
    depth: 1,
    seen: new Set([top.digest]),
    images
  })
  if (images.length === 0) {
    throw new HandoffError(
      `image ${label}: no platform of it has its content in the archive; save it with a platform the engine holds (docker save --platform os/arch)`
    )
  }
  return images
}

interface Owner {
  names: string[]
  manifestDigest: string
  label: string
}

/** Where one image's walk stands: a child listed twice (or under two indexes) is read once. */
interface Visit {
  depth: number
  seen: Set<string>
  images: ArchiveImage[]
}

function platformImages(contents: ArchiveContents, index: OciIndex, owner: Owner, walk: Walk, visit: Visit): void {
  if (visit.depth > maxIndexDepth) {
    throw new HandoffError(
      `image ${owner.label}: its image indexes nest more than ${maxIndexDepth} levels deep (engines write 2); the archive is malformed: save the image again`
    )
  }
  for (const child of index.manifests) {
    count(walk, `the index of ${owner.label}`)
    if (isAttestation(child) || visit.seen.has(child.digest)) continue
    visit.seen.add(child.digest)
    const platform = platformOf(child.platform)
    const doc = blobJson(contents, child.digest)
    if (doc !== undefined && isIndex(doc)) {
      platformImages(contents, doc, owner, walk, { ...visit, depth: visit.depth + 1 })
      continue
    }
    const image = doc === undefined ? blobPath(child.digest) : manifestImage(contents, doc, { ...owner, platform })
    if (typeof image === 'string')
      walk.skipped.push(`${platform ?? child.digest} of ${owner.label}: content not in archive`)
    else visit.images.push(image)
  }
}

/** An image from its manifest, or the path of the first blob it needs that the archive lacks. */
function manifestImage(
  contents: ArchiveContents,
  manifest: unknown,
  owner: { names: string[]; manifestDigest: string; platform: string | undefined }
): ArchiveImage | string {
  const config = isRecord(manifest) && isRecord(manifest['config']) ? manifest['config'] : undefined
  const layers = isRecord(manifest) && Array.isArray(manifest['layers']) ? manifest['layers'] : undefined
  if (config === undefined || typeof config['digest'] !== 'string' || layers === undefined) {
    throw new HandoffError(
      `not an image archive: ${owner.manifestDigest} is neither an image manifest nor an index; save the image again`
    )
  }
  const configDigest = config['digest']
  const label = owner.names[0] ?? owner.manifestDigest
  const configFile = presentFile(contents, blobPath(configDigest), `the config of image ${label}`)
  if (configFile === undefined) return blobPath(configDigest)
  const configJson = parseJson(contents.json.get(configFile.path), `config ${configDigest}`)
  const diffIds = diffIdsOf(configJson)
  const result: ArchiveImage['layers'] = []
  for (const [index, layer] of layers.entries()) {
    const digest = isRecord(layer) && typeof layer['digest'] === 'string' ? layer['digest'] : ''
    const file = presentFile(contents, blobPath(digest), `layer ${index + 1} of image ${label}`)
    if (file === undefined) return blobPath(digest)
    const diffId = diffIds[index]
    result.push({ path: blobPath(digest), size: file.size, digest, ...(diffId !== undefined ? { diffId } : {}) })
  }
  const platform = platformOf(configJson) ?? owner.platform
  return {
    configDigest,
    manifestDigest: owner.manifestDigest,
    names: owner.names,
    layers: result,
    size: result.reduce((sum, layer) => sum + layer.size, configFile.size),
    ...(platform !== undefined ? { platform } : {})
  }
}

/**
 * manifest.json RepoTags name the same images as index.json (Docker 25+ writes both): add them to every image
 * sharing the matched image's descriptor. Returns the entries that match no image, to be read the legacy way.
 */
function addManifestJsonNames(
  contents: ArchiveContents,
  images: ArchiveImage[],
  entries: ManifestEntry[],
  skipped: string[]
): ManifestEntry[] {
  const unmatched: ManifestEntry[] = []
  for (const entry of entries) {
    const match = images.find((image) => image.configDigest === configDigestOfPath(entry.Config))
    if (match === undefined) {
      unmatched.push(entry)
      continue
    }
    const dropped: string[] = []
    const names = namesOf(entry.RepoTags ?? [], dropped)
    if (dropped.length > 0) skipped.push(droppedNote(imageLabel(match), dropped))
    for (const image of images.filter((i) => i.manifestDigest === match.manifestDigest)) {
      if (dropped.length > 0) image.droppedNames = [...(image.droppedNames ?? []), ...dropped]
      image.names = uniqueNames([...image.names, ...names])
    }
    for (const path of [entry.Config, ...entry.Layers]) {
      if (presentFile(contents, path, `image ${imageLabel(match)}`) === undefined)
        throw missingFile(imageLabel(match), path, 'manifest.json')
    }
  }
  return unmatched
}

function blobJson(contents: ArchiveContents, digest: string): unknown {
  const file = resolveFile(contents, blobPath(digest))
  return file === undefined ? undefined : parseJson(contents.json.get(file.path), `blob ${digest}`)
}

function isIndex(value: unknown): value is OciIndex {
  return (
    isRecord(value) &&
    Array.isArray(value['manifests']) &&
    value['manifests'].every((d) => isRecord(d) && typeof d['digest'] === 'string')
  )
}

/** BuildKit's provenance/SBOM manifests: platform unknown/unknown, never an image to run. */
function isAttestation(descriptor: Descriptor): boolean {
  const platform = isRecord(descriptor.platform) ? descriptor.platform : {}
  return (
    descriptor.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (platform['os'] === 'unknown' && platform['architecture'] === 'unknown')
  )
}
