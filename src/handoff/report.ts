import type { ArchiveImage, ArchiveModel } from '../archive/model.js'
import { formatBytes } from '../units.js'

/** One row of the `images` output: a name per tag; untagged images by ID. */
export interface ImageRow {
  name: string
  id: string
  size: number
}

interface EngineImage {
  id: string
  names: string[]
  size: number
}

/**
 * The model's images as the engine knows them: the platforms of a multi-platform image are one image under its
 * index digest on the containerd store (`ids` maps each config digest to it), so they make one entry, not one per
 * platform; its size counts a layer the platforms share once.
 */
function engineImages(model: ArchiveModel, ids: Map<string, string>): EngineImage[] {
  const groups = new Map<string, ArchiveImage[]>()
  for (const image of model.images) {
    const id = ids.get(image.configDigest) ?? image.configDigest
    groups.set(id, [...(groups.get(id) ?? []), image])
  }
  return [...groups].map(([id, images]) => ({
    id,
    names: [...new Set(images.flatMap((i) => i.names))],
    size: storedSize(images)
  }))
}

function storedSize(images: ArchiveImage[]): number {
  const layers = new Map(images.flatMap((i) => i.layers.map((l) => [l.path, l.size] as const)))
  const configs = images.reduce((sum, i) => sum + i.size - i.layers.reduce((s, l) => s + l.size, 0), 0)
  return configs + [...layers.values()].reduce((a, b) => a + b, 0)
}

/** An image that arrived without some of the names its archive gave it (invalid references). */
export interface DroppedNames {
  image: string
  names: string[]
}

export function droppedNames(model: ArchiveModel): DroppedNames[] {
  const seen = new Set<string>()
  return model.images.flatMap((image) => {
    const key = image.manifestDigest ?? image.configDigest
    if (image.droppedNames === undefined || seen.has(key)) return []
    seen.add(key)
    return [{ image: image.names[0] ?? image.configDigest, names: image.droppedNames }]
  })
}

export function imageRows(model: ArchiveModel, ids: Map<string, string> = new Map()): ImageRow[] {
  return engineImages(model, ids).flatMap((image) =>
    image.names.length > 0
      ? image.names.map((name) => ({ name, id: image.id, size: image.size }))
      : [{ name: image.id, id: image.id, size: image.size }]
  )
}

/** Adds TARGET names given on load to the rows of the image they name. */
export function withTargets(rows: ImageRow[], targets: { target: string; id: string }[]): ImageRow[] {
  const extra = targets
    .filter((t) => !rows.some((r) => r.name === t.target))
    .map((t) => ({ name: t.target, id: t.id, size: rows.find((r) => r.id === t.id)?.size ?? 0 }))
  return [...rows, ...extra]
}

/** Phase timings in the order they ran, e.g. `export+compress 3.1 s, upload 0.8 s`. */
export type Phases = [string, number][]

/** `app:ci, app:latest (sha256:1a2b3c4d5e6f, 12.3 MiB); sha256:…` for logs. */
export function describeImages(model: ArchiveModel, ids: Map<string, string> = new Map()): string {
  return engineImages(model, ids)
    .map((image) => {
      const names = image.names.length > 0 ? `${image.names.join(', ')} ` : ''
      return `${names}(${image.id.slice(0, 19)}, ${formatBytes(image.size)})`
    })
    .join('; ')
}
