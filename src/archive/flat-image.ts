/**
 * A flattened image: the config of an image whose filesystem became one layer (pure), and the stream filter its
 * exported filesystem passes through (Docker's init-layer leftovers out, file bytes counted).
 */
import { Transform, type TransformCallback } from 'node:stream'
import { blobPath, digestOf, type ManifestEntry } from './model.js'
import { nameAnnotations } from './oci-build.js'

/** What the Engine API's image inspect gives (the parts a flattened config keeps). */
export interface InspectedImage {
  Id: string
  Created?: string
  Author?: string
  Architecture?: string
  Os?: string
  Variant?: string
  Config?: Record<string, unknown> | null
  RootFS?: { Layers?: string[] }
  Size?: number
}

/**
 * The run settings a flattened image keeps: what `docker export` + `docker import --change` lose unless
 * retyped. Container-only fields of the inspect output (Hostname, AttachStdin, Image…) describe no image.
 */
export const keptConfigFields = [
  'User',
  'ExposedPorts',
  'Env',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'WorkingDir',
  'Labels',
  'StopSignal',
  'Healthcheck',
  'OnBuild',
  'Shell',
  'ArgsEscaped'
] as const

function keptConfig(config: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const field of keptConfigFields) {
    const value = config?.[field]
    if (value !== null && value !== undefined && value !== '') kept[field] = value
  }
  return kept
}

export interface FlatImage {
  /** The config document, as stored. */
  config: Buffer
  configDigest: string
  /** The OCI manifest naming the config and the one uncompressed layer: the containerd store's image ID. */
  manifest: Buffer
  manifestDigest: string
  /** The layer, named by its digest (uncompressed, so its diff ID). */
  diffId: string
}

/** The config of `source` flattened to the one layer whose uncompressed tar (`size` bytes) hashes to `diffId`. */
export function flatImage(source: InspectedImage, layer: { diffId: string; size: number }, label: string): FlatImage {
  const created = source.Created ?? new Date(0).toISOString()
  const layers = source.RootFS?.Layers?.length ?? 0
  const document = {
    architecture: source.Architecture ?? 'amd64',
    os: source.Os ?? 'linux',
    ...(source.Variant ? { variant: source.Variant } : {}),
    created,
    ...(source.Author ? { author: source.Author } : {}),
    config: keptConfig(source.Config),
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    history: [{ created, created_by: `image-handoff flatten: ${layers} layer(s) of ${label} (${source.Id}) as one` }]
  }
  const config = Buffer.from(JSON.stringify(document))
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digestOf(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer.diffId, size: layer.size }]
    })
  )
  return { config, configDigest: digestOf(config), manifest, manifestDigest: digestOf(manifest), diffId: layer.diffId }
}

/**
 * The name files of flattened images, as Docker 25+ writes an archive: index.json (what containerd and Docker's
 * containerd store read; one entry per name) and manifest.json (Docker's classic store), both pointing into
 * blobs/. Two sources that flatten alike are one image under both their names.
 */
export function flatNameFiles(images: { image: FlatImage; names: string[] }[]): Array<{ name: string; body: Buffer }> {
  const byManifest = new Map<string, { image: FlatImage; names: string[] }>()
  for (const { image, names } of images) {
    const known = byManifest.get(image.manifestDigest)
    if (known) known.names = [...new Set([...known.names, ...names])]
    else byManifest.set(image.manifestDigest, { image, names: [...names] })
  }
  const index: unknown[] = []
  const entries: ManifestEntry[] = []
  for (const { image, names } of byManifest.values()) {
    const descriptor = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: image.manifestDigest,
      size: image.manifest.length
    }
    if (names.length === 0) index.push(descriptor)
    for (const name of names) index.push({ ...descriptor, annotations: nameAnnotations(name) })
    entries.push({ Config: blobPath(image.configDigest), RepoTags: names, Layers: [blobPath(image.diffId)] })
  }
  const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value))
  return [
    { name: 'oci-layout', body: json({ imageLayoutVersion: '1.0.0' }) },
    {
      name: 'index.json',
      body: json({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: index })
    },
    { name: 'manifest.json', body: json(entries) }
  ]
}

/**
 * What a container's export holds that its image did not: Docker's init layer creates these, empty, where the
 * image lacks them (engines bind-mount over the /etc ones at run; `/.dockerenv` tells programs they run in
 * Docker, which a flattened image run by containerd or Kubernetes does not).
 */
const initLeftovers = new Set(['.dockerenv', 'etc/hostname', 'etc/hosts', 'etc/resolv.conf', 'dev/console'])

/**
 * The export's tar with the init layer's empty leftovers left out, walked header by header (bodies pass through
 * by reference, never copied), counting the bytes of regular files: the flattened filesystem's size in the
 * engine's own measure. A PAX or GNU header is held until the entry it describes is kept or left out.
 */
export class FlatLayerFilter extends Transform {
  fileBytes = 0
  readonly dropped: string[] = []
  private header: Buffer = Buffer.alloc(0)
  /** Body bytes of the current entry still to come, and whether they belong to a held extended header. */
  private body = 0
  private holdingBody = false
  private held: Buffer[] = []
  /** The bodies of held PAX or GNU long-name headers, where a long or PAX-written name is. */
  private heldBodies: Buffer[] = []
  private heldKind = ''
  private ended = false

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let at = 0
    while (at < chunk.length) {
      if (this.ended) {
        this.push(chunk.subarray(at))
        break
      }
      if (this.body > 0) {
        const piece = chunk.subarray(at, at + this.body)
        if (this.holdingBody) {
          this.held.push(piece)
          this.heldBodies.push(piece)
        } else this.push(piece)
        this.body -= piece.length
        at += piece.length
        continue
      }
      const piece = chunk.subarray(at, at + 512 - this.header.length)
      this.header = this.header.length === 0 ? piece : Buffer.concat([this.header, piece])
      at += piece.length
      if (this.header.length === 512) this.entry(this.header)
    }
    callback()
  }

  override _flush(callback: TransformCallback): void {
    for (const piece of [...this.held, this.header]) if (piece.length > 0) this.push(piece)
    callback()
  }

  private entry(block: Buffer): void {
    this.header = Buffer.alloc(0)
    if (block.every((byte) => byte === 0)) {
      this.release()
      this.push(block)
      this.ended = true
      return
    }
    const size = tarSize(block.subarray(124, 136))
    const type = String.fromCharCode(block[156] ?? 0)
    this.body = Math.ceil(size / 512) * 512
    this.holdingBody = type === 'x' || type === 'L' || type === 'K'
    if (this.holdingBody) {
      this.held.push(block)
      if (type !== 'K') this.heldKind = type
      return
    }
    const regular = type === '0' || type === '\0' || type === '7'
    const name = extendedName(this.heldKind, Buffer.concat(this.heldBodies)) ?? tarName(block)
    if (regular && size === 0 && initLeftovers.has(name)) {
      this.dropped.push(name)
      this.held = []
      this.heldBodies = []
      this.heldKind = ''
      return
    }
    if (regular) this.fileBytes += size
    this.release()
    this.push(block)
  }

  private release(): void {
    for (const piece of this.held) this.push(piece)
    this.held = []
    this.heldBodies = []
    this.heldKind = ''
  }
}

/** The name a PAX `path` record or a GNU long-name body gives the next entry. */
function extendedName(kind: string, bodies: Buffer): string | undefined {
  if (bodies.length === 0) return undefined
  const text = bodies.toString('utf8')
  const name = kind === 'L' ? text.replace(/\0.*$/s, '') : /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1]
  return name?.replace(/^(\.\/|\/)+/, '')
}

/** The ustar name (prefix/name), without `./` or a leading slash. */
function tarName(block: Buffer): string {
  const field = (from: number, to: number): string => block.subarray(from, to).toString('utf8').replace(/\0.*$/s, '')
  const prefix = field(345, 500)
  const name = prefix === '' ? field(0, 100) : `${prefix}/${field(0, 100)}`
  return name.replace(/^(\.\/|\/)+/, '')
}

/** A tar size field: octal text, or base-256 (high bit set) for sizes past 8 GiB. */
function tarSize(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0)
    return value
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim()
  return text === '' ? 0 : parseInt(text, 8)
}
