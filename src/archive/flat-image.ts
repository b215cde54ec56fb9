/**
 * A flattened image, as pure data: the config of an image whose filesystem became one layer, and a count of the
 * file bytes in a tar as it streams by (what "how much smaller" compares with the engine's own size).
 */
import { createHash } from 'node:crypto'
import type { ManifestEntry } from './model.js'

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
  layerPath: string
}

/** The config of `source` flattened to the one layer whose uncompressed tar hashes to `diffId`. */
export function flatImage(source: InspectedImage, diffId: string, label: string): FlatImage {
  const created = source.Created ?? new Date(0).toISOString()
  const layers = source.RootFS?.Layers?.length ?? 0
  const document = {
    architecture: source.Architecture ?? 'amd64',
    os: source.Os ?? 'linux',
    ...(source.Variant ? { variant: source.Variant } : {}),
    created,
    ...(source.Author ? { author: source.Author } : {}),
    config: keptConfig(source.Config),
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created, created_by: `image-handoff flatten: ${layers} layer(s) of ${label} (${source.Id}) as one` }]
  }
  const config = Buffer.from(JSON.stringify(document))
  const hex = createHash('sha256').update(config).digest('hex')
  return { config, configDigest: `sha256:${hex}`, layerPath: `${diffId.replace(/^sha256:/, '')}/layer.tar` }
}

/** manifest.json of flattened images: one entry per config, names merged (two sources may flatten alike). */
export function flatManifest(images: { image: FlatImage; names: string[] }[]): ManifestEntry[] {
  const entries = new Map<string, ManifestEntry>()
  for (const { image, names } of images) {
    const path = `${image.configDigest.replace(/^sha256:/, '')}.json`
    const known = entries.get(path)
    if (known) known.RepoTags = [...new Set([...(known.RepoTags ?? []), ...names])]
    else entries.set(path, { Config: path, RepoTags: names, Layers: [image.layerPath] })
  }
  return [...entries.values()]
}

/**
 * Counts the bytes of regular files in a tar from its headers alone, as it streams by (bodies are skipped, never
 * copied): the flattened filesystem's size in the engine's own measure (the sum of its files).
 */
export class TarFileBytes {
  private header = Buffer.alloc(0)
  private skip = 0
  total = 0

  feed(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length) {
      if (this.skip > 0) {
        const step = Math.min(this.skip, chunk.length - at)
        this.skip -= step
        at += step
        continue
      }
      const want = 512 - this.header.length
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + want)])
      at += Math.min(want, chunk.length - at)
      if (this.header.length === 512) this.readHeader(this.header)
    }
  }

  private readHeader(block: Buffer): void {
    this.header = Buffer.alloc(0)
    if (block.every((byte) => byte === 0)) return
    const size = tarSize(block.subarray(124, 136))
    const type = String.fromCharCode(block[156] ?? 0)
    if (type === '0' || type === '\0' || type === '7') this.total += size
    this.skip = Math.ceil(size / 512) * 512
  }
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
