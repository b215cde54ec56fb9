import type { ArchiveModel } from '../archive/model.js'

/** One row of the `images` output: a name per tag; untagged images by ID. */
export interface ImageRow {
  name: string
  id: string
  size: number
}

export function imageRows(model: ArchiveModel, ids: Map<string, string> = new Map()): ImageRow[] {
  return model.images.flatMap((image) => {
    const id = ids.get(image.configDigest) ?? image.configDigest
    return image.names.length > 0
      ? image.names.map((name) => ({ name, id, size: image.size }))
      : [{ name: id, id, size: image.size }]
  })
}

/** Adds TARGET names given on load to the rows of the image they name. */
export function withTargets(rows: ImageRow[], targets: { target: string; id: string }[]): ImageRow[] {
  const extra = targets
    .filter((t) => !rows.some((r) => r.name === t.target))
    .map((t) => ({ name: t.target, id: t.id, size: rows.find((r) => r.id === t.id)?.size ?? 0 }))
  return [...rows, ...extra]
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** Phase timings in the order they ran, e.g. `export+compress 3.1 s, upload 0.8 s`. */
export type Phases = [string, number][]

export function formatPhases(phases: Phases): string {
  return phases.map(([name, ms]) => `${name} ${formatMs(ms)}`).join(', ')
}

/** `app:ci, app:latest (sha256:1a2b3c4d5e6f, 12.3 MiB); sha256:…` for logs. */
export function describeImages(model: ArchiveModel, ids: Map<string, string> = new Map()): string {
  return model.images
    .map((image) => {
      const id = (ids.get(image.configDigest) ?? image.configDigest).slice(0, 19)
      const names = image.names.length > 0 ? `${image.names.join(', ')} ` : ''
      return `${names}(${id}, ${formatBytes(image.size)})`
    })
    .join('; ')
}
