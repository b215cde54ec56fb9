/**
 * Rewrites the three files that name images in an archive (manifest.json, index.json, repositories)
 * together, so every engine reads the same names: Docker's classic store reads manifest.json, containerd
 * and Docker's containerd store read index.json, very old loaders read repositories. Blobs stay untouched.
 * An OCI archive without manifest.json gets one, or Docker's classic store could not load it at all.
 */
import { posix } from 'node:path'
import { HandoffError, errorMessage } from '../errors.js'
import {
  familiarName,
  familiarRepository,
  normalizedName,
  parseReference,
  parseTargetName,
  sameName,
  type Reference
} from './reference.js'
import {
  blobPath,
  configDigestOfPath,
  imageLabel,
  isRecord,
  nameFileNames,
  type ArchiveImage,
  type ArchiveModel,
  type ManifestEntry
} from './model.js'
import { containerdNameKey, ociRefNameKey, type Descriptor, type OciIndex } from './oci-model.js'

export interface RewriteOptions {
  /** Drops images from the name files (a load filter); default: keep all. */
  keep?: (image: ArchiveImage) => boolean
  /** The final names of an image (familiar form); default: unchanged. */
  names?: (image: ArchiveImage) => string[]
}

export interface RewriteResult {
  model: ArchiveModel
  /** The name files to emit, in order. */
  files: Array<{ name: string; body: Buffer }>
}

export function rewriteNameFiles(
  nameFiles: Map<string, Buffer>,
  model: ArchiveModel,
  options: RewriteOptions
): RewriteResult {
  const original = nameFileNames.flatMap((name): RewriteResult['files'] => {
    const body = nameFiles.get(name)
    return body === undefined ? [] : [{ name, body }]
  })
  if (options.keep === undefined && options.names === undefined) return { model, files: original }
  const kept = model.images.filter((image) => options.keep?.(image) ?? true)
  const names = finalNames(kept, options.names)
  const next: ArchiveModel = {
    ...model,
    images: kept.map((image) => ({ ...image, names: names.get(keyOf(image)) ?? [] }))
  }
  const files = original.flatMap(({ name, body }): RewriteResult['files'] => {
    if (name === 'index.json')
      return [{ name, body: json(rewriteIndex(JSON.parse(body.toString('utf8')) as OciIndex, next)) }]
    if (name === 'manifest.json')
      return [{ name, body: json(rewriteManifest(JSON.parse(body.toString('utf8')) as unknown[], model, next)) }]
    if (name === 'repositories') return []
    return [{ name, body }]
  })
  if (nameFiles.has('index.json') && !nameFiles.has('manifest.json')) {
    const at = files.findIndex((file) => file.name === 'index.json') + 1
    files.splice(at, 0, { name: 'manifest.json', body: json(synthesizedManifest(next)) })
  }
  const repositories = rewriteRepositories(nameFiles.get('repositories'), model, next)
  if (repositories !== undefined) files.push({ name: 'repositories', body: json(repositories) })
  return { model: next, files }
}

/**
 * manifest.json for an OCI archive that has none (skopeo, podman, buildx): Docker's classic store (Docker < 25)
 * reads only that file. One entry per image present, its config and layers named by their blob paths.
 */
function synthesizedManifest(next: ArchiveModel): ManifestEntry[] {
  return next.images.map((image) => {
    const tags = repoTags(image)
    return {
      Config: blobPath(image.configDigest),
      RepoTags: tags.length > 0 ? tags : null,
      Layers: image.layers.map((layer) => layer.path)
    }
  })
}

/** RepoTags take tags only: a digest reference there aborts docker load half-way. */
function repoTags(image: ArchiveImage): string[] {
  return image.names.filter((name) => {
    const ref = parseReference(name)
    return ref.tag !== undefined && ref.digest === undefined
  })
}

/** Images that share one index.json descriptor (platforms of one index) share their names. */
function keyOf(image: ArchiveImage): string {
  return image.manifestDigest ?? image.configDigest
}

/** Final familiar names per image key; every new name validated, no name given to two images. */
function finalNames(images: ArchiveImage[], rename: RewriteOptions['names']): Map<string, string[]> {
  const byKey = new Map<string, string[]>()
  const owners = new Map<string, ArchiveImage>()
  for (const image of images) {
    const list = byKey.get(keyOf(image)) ?? []
    byKey.set(keyOf(image), list)
    for (const wanted of rename ? rename(image) : image.names) {
      const ref = checkName(wanted, image)
      const owner = owners.get(normalizedName(ref))
      if (owner !== undefined && keyOf(owner) !== keyOf(image)) {
        throw new HandoffError(
          `"${familiarName(ref)}" would name two images (${imageLabel(owner)} and ${imageLabel(image)}); give each its own name`
        )
      }
      owners.set(normalizedName(ref), image)
      if (!list.some((name) => sameName(name, familiarName(ref)))) list.push(familiarName(ref))
    }
  }
  return byKey
}

/** Names the image already had are kept as they are; a new name must be a valid target (a tag, never a digest). */
function checkName(name: string, image: ArchiveImage): Reference {
  try {
    return image.names.some((old) => old === name) ? parseReference(name) : parseTargetName(name)
  } catch (error) {
    throw new HandoffError(`cannot name image ${imageLabel(image)} "${name}": ${errorMessage(error)}`)
  }
}

function rewriteIndex(index: OciIndex, next: ArchiveModel): OciIndex {
  const fullRefNames = index.manifests.some((d) => /[/:@]/.test(d.annotations?.[ociRefNameKey] ?? ''))
  const seen = new Set<string>()
  const manifests: Descriptor[] = []
  for (const descriptor of index.manifests) {
    if (seen.has(descriptor.digest)) continue
    seen.add(descriptor.digest)
    const image = next.images.find((i) => i.manifestDigest === descriptor.digest)
    if (image === undefined) continue
    const { [containerdNameKey]: _name, [ociRefNameKey]: _ref, ...rest } = descriptor.annotations ?? {}
    const base = { ...descriptor }
    delete base.annotations
    if (image.names.length === 0) manifests.push(Object.keys(rest).length > 0 ? { ...base, annotations: rest } : base)
    for (const name of image.names) {
      const ref = parseReference(name)
      const refName = fullRefNames || ref.tag === undefined ? normalizedName(ref) : ref.tag
      manifests.push({
        ...base,
        annotations: { ...rest, [containerdNameKey]: normalizedName(ref), [ociRefNameKey]: refName }
      })
    }
  }
  return { ...index, manifests }
}

function rewriteManifest(entries: unknown[], before: ArchiveModel, next: ArchiveModel): unknown[] {
  return entries.flatMap((entry) => {
    const configDigest =
      isRecord(entry) && typeof entry['Config'] === 'string' ? configDigestOfPath(entry['Config']) : undefined
    const image = next.images.find((i) => i.configDigest === configDigest)
    if (image === undefined) return before.images.some((i) => i.configDigest === configDigest) ? [] : [entry]
    const tags = repoTags(image)
    return [{ ...(entry as object), RepoTags: tags.length > 0 ? tags : null }]
  })
}

type Repositories = Record<string, Record<string, string>>

/** `{repo: {tag: top layer id}}`; written when the source had one, or for a legacy archive that now has names. */
function rewriteRepositories(
  raw: Buffer | undefined,
  before: ArchiveModel,
  next: ArchiveModel
): Repositories | undefined {
  const original = raw === undefined ? {} : (JSON.parse(raw.toString('utf8')) as Repositories)
  const result: Repositories = {}
  for (const image of next.images) {
    const id = topLayerId(original, before.images.find((i) => i.configDigest === image.configDigest) ?? image)
    for (const name of image.names) {
      const ref = parseReference(name)
      if (ref.tag === undefined || ref.digest !== undefined || id === undefined) continue
      const repo = familiarRepository(ref)
      result[repo] = { ...result[repo], [ref.tag]: id }
    }
  }
  const wanted = raw !== undefined || (next.layout === 'docker' && Object.keys(result).length > 0)
  return wanted ? result : undefined
}

function topLayerId(original: Repositories, image: ArchiveImage): string | undefined {
  for (const name of image.names) {
    const ref = parseReference(name)
    const id = ref.tag === undefined ? undefined : original[familiarRepository(ref)]?.[ref.tag]
    if (id !== undefined) return id
  }
  const top = image.layers.at(-1)
  if (top === undefined) return undefined
  return top.digest !== undefined ? top.digest.replace(/^[a-z0-9]+:/, '') : posix.basename(posix.dirname(top.path))
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value))
}
