/**
 * The archive model: which images an image archive holds, read from its name files and the small JSON
 * documents (configs, manifests) seen while it streamed by. Pure: the store's split collects the facts (see
 * `contentsOf`), this module only interprets them.
 */
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import { HandoffError } from '../errors.js'
import { familiarName, normalizedName, parseReference } from './reference.js'

export interface ArchiveLayer {
  path: string
  size: number
  /** OCI blob digest (absent in legacy archives, whose layer.tar files are addressed by directory). */
  digest?: string
  diffId?: string
}

export interface ArchiveImage {
  /** `sha256:…`, the Docker classic image ID. */
  configDigest: string
  /** OCI layout: the manifest (or index) digest index.json points at. */
  manifestDigest?: string
  /** Familiar names (`app:ci`, `ghcr.io/o/app:1`), never a digest reference; [] when untagged. */
  names: string[]
  layers: ArchiveLayer[]
  /** Bytes of layers + config as stored in the archive. */
  size: number
  /** `linux/amd64` when known. */
  platform?: string
  /** Names the archive gave the image that are not valid references: reported, never given to an engine. */
  droppedNames?: string[]
}

export interface ArchiveModel {
  layout: 'docker' | 'oci'
  images: ArchiveImage[]
  /** Human-readable notes of what was skipped, e.g. platforms whose content is missing. */
  skipped: string[]
}

/** One file of the archive as it streamed by (name files excluded). */
export interface FileFacts {
  size: number
  /** For symlinks and hard links: the archive path they point at. */
  link?: string
  /** The tar entry type when the entry is neither a regular file nor a link (`directory`, ...); absent for files. */
  type?: string
}

/** Everything the model is read from: collected while streaming, then interpreted once the input ended. */
export interface ArchiveContents {
  files: Map<string, FileFacts>
  /** Bodies of small JSON files (configs, manifests, indexes), kept aside while they streamed through. */
  json: Map<string, Buffer>
  /** The top-level name files (manifest.json, index.json, repositories, oci-layout), held back from the output. */
  nameFiles: Map<string, Buffer>
}

export const nameFileNames = ['oci-layout', 'index.json', 'manifest.json', 'repositories'] as const

/** The top-level files that name images: held back, rewritten together and written last. */
export function isNameFile(path: string): boolean {
  return (nameFileNames as readonly string[]).includes(path)
}

/** A body that may be a config, manifest or index: JSON documents start with `{` (or `[`). */
export function looksLikeJson(body: Buffer): boolean {
  return body.length > 0 && (body[0] === 0x7b || body[0] === 0x5b)
}

/** Where a symlink at `path` points, as an archive path (a link out of the archive leads nowhere in it). */
export function symlinkTarget(path: string, linkname: string): string {
  return normalizePath(posix.join(posix.dirname(path), linkname))
}

/** One entry of manifest.json (Docker's own index of an archive). */
export interface ManifestEntry {
  Config: string
  RepoTags?: string[] | null
  Layers: string[]
  [key: string]: unknown
}

/** Archive paths without `./` or a trailing slash, so lookups match however the tool spelled them. */
export function normalizePath(path: string): string {
  const clean = posix
    .normalize(path)
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
  return clean === '.' ? '' : clean
}

/** Follows symlinks and hard links (legacy archives link duplicate layers) to the file that holds the bytes. */
export function resolveFile(contents: ArchiveContents, path: string): (FileFacts & { path: string }) | undefined {
  let current = normalizePath(path)
  for (let hops = 0; hops < 16; hops++) {
    const facts = contents.files.get(current)
    if (facts === undefined) return undefined
    if (facts.link === undefined) return { ...facts, path: current }
    current = facts.link
  }
  return undefined
}

/** `sha256:<hex>` of a document written whole (a config, manifest or index), as OCI names it. */
export function digestOf(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`
}

export function blobPath(digest: string): string {
  const [algorithm, hex] = digest.split(':')
  return `blobs/${algorithm}/${hex}`
}

export function parseJson(buffer: Buffer | undefined, what: string): unknown {
  if (buffer === undefined) return undefined
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown
  } catch {
    throw new HandoffError(`not an image archive: ${what} is not valid JSON; save the image again`)
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The familiar spelling of a name, or undefined when it is not a valid reference. */
export function familiarOrUndefined(name: string): string | undefined {
  try {
    return familiarName(parseReference(name))
  } catch {
    return undefined
  }
}

/**
 * A digest reference (`repo@sha256:…`) pins content, it does not name it: ctr exports an untagged image under
 * its handle `import-DATE@sha256:…`, and such a "name" in RepoTags aborts docker load. The image is untagged.
 */
export function isDigestReference(name: string): boolean {
  return name.includes('@')
}

/** Familiar names without duplicates, however each was spelled; digest references are not names. */
export function uniqueNames(names: Iterable<string>): string[] {
  const seen = new Map<string, string>()
  for (const name of names) {
    const familiar = isDigestReference(name) ? undefined : familiarOrUndefined(name)
    if (familiar === undefined) continue
    const key = normalizedName(parseReference(familiar))
    if (!seen.has(key)) seen.set(key, familiar)
  }
  return [...seen.values()]
}

/** How messages name an image: its first name, else its short ID. */
export function imageLabel(image: Pick<ArchiveImage, 'names' | 'configDigest'>): string {
  return image.names[0] ?? image.configDigest.replace(/^sha256:/, '').slice(0, 12)
}

export function diffIdsOf(config: unknown): string[] {
  const rootfs = isRecord(config) ? config['rootfs'] : undefined
  const ids = isRecord(rootfs) ? rootfs['diff_ids'] : undefined
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
}

export function parseManifestJson(contents: ArchiveContents): ManifestEntry[] | undefined {
  const raw = parseJson(contents.nameFiles.get('manifest.json'), 'manifest.json')
  if (raw === undefined) return undefined
  const valid =
    Array.isArray(raw) && raw.every((e) => isRecord(e) && typeof e['Config'] === 'string' && Array.isArray(e['Layers']))
  if (!valid)
    throw new HandoffError(
      'not an image archive: manifest.json is not a list of {Config, RepoTags, Layers}; save the image again'
    )
  return raw as ManifestEntry[]
}

/** The config digest a manifest.json `Config` path names (`<hex>.json` or `blobs/sha256/<hex>`). */
export function configDigestOfPath(path: string): string | undefined {
  const clean = normalizePath(path)
  const blob = /^blobs\/([a-z0-9]+)\/([0-9a-f]+)$/.exec(clean)
  if (blob) return `${blob[1]}:${blob[2]}`
  const legacy = /^([0-9a-f]{64})\.json$/.exec(clean)
  return legacy ? `sha256:${legacy[1]}` : undefined
}

export function missingFile(label: string, path: string, listedBy: string): HandoffError {
  return new HandoffError(
    `image ${label}: ${path}, which ${listedBy} lists, is not in the archive; the archive is incomplete (was the save interrupted?): save the image again`
  )
}
