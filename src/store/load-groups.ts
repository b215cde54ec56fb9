/**
 * Splits a load of several images into archives the engine takes side by side. Docker and ctr register the
 * images of one archive one after another, and each costs a round of small synced writes (layer metadata, image
 * config, tags) whatever its size: 50 images of 10 MB loaded in 6.7-7.1 s as one archive and in 4.3-5.5 s as
 * two loaded at once (Docker 20.10, this machine; the runtimes say how many they take). Images that need the same large layer stay in one archive,
 * so no large layer is sent (or fetched) twice; small shared layers go with every image that needs them, and
 * the engine keeps one copy. Pure.
 */
import type { ArchiveImage } from '../archive/model.js'
import type { RewriteOptions } from '../archive/name-files.js'
import type { StoreIndex } from './format.js'
import { neededLayerFiles, planLoad, type HeldLayers, type LoadPlan } from './load-plan.js'

/** A shared layer at least this big keeps the images that need it in one archive. */
export const sharedLayerBytes = 4 * 1024 * 1024
/** What one image costs the engine beyond its bytes, in bytes loaded meanwhile (about 90 ms at 100 MB/s). */
const perImageBytes = 8 * 1024 * 1024

/**
 * The whole load's plan, then one plan per archive to send at once (a single one where the images cannot be
 * split: one image, or images bound together by large shared layers).
 */
export function planGroups(
  index: StoreIndex,
  rewrite: RewriteOptions,
  held: HeldLayers,
  ways: number
): { whole: LoadPlan; groups: LoadPlan[] } {
  const whole = planLoad(index, rewrite, held)
  if (ways < 2 || whole.model.images.length < 2) return { whole, groups: [whole] }
  const bins = binsOf(components(whole.model.images, neededLayerFiles(index, held)), ways)
  if (bins.length < 2) return { whole, groups: [whole] }
  // The bins hold only images the whole plan kept, so their own filter replaces the selection's.
  const groups = bins.map((bin) => planLoad(index, { ...rewrite, keep: (image) => bin.has(unitOf(image)) }, held))
  return { whole, groups }
}

/** Images one archive must carry together: the platforms of one OCI index share its entry in index.json. */
function unitOf(image: ArchiveImage): string {
  return image.manifestDigest ?? image.configDigest
}

interface Component {
  units: Set<string>
  /** The bytes of the layers the units need, and the engine's cost per image in bytes. */
  weight: number
}

/** Units joined by the large layers they need (union-find over layer files), each group weighed. */
function components(images: ArchiveImage[], needed: (image: ArchiveImage) => Map<string, number>): Component[] {
  const parent = new Map<string, string>()
  const root = (unit: string): string => {
    let at = unit
    while (parent.get(at) !== at) at = parent.get(at) ?? at
    parent.set(unit, at)
    return at
  }
  const owner = new Map<string, string>()
  const files = new Map<string, Map<string, number>>()
  for (const image of images) {
    const unit = unitOf(image)
    if (!parent.has(unit)) parent.set(unit, unit)
    const layers = files.get(unit) ?? new Map<string, number>()
    for (const [path, size] of needed(image)) {
      layers.set(path, size)
      if (size < sharedLayerBytes) continue
      const first = owner.get(path)
      if (first === undefined) owner.set(path, unit)
      else parent.set(root(unit), root(first))
    }
    files.set(unit, layers)
  }
  const joined = new Map<string, { units: Set<string>; layers: Map<string, number> }>()
  for (const [unit, layers] of files) {
    const group = joined.get(root(unit)) ?? { units: new Set<string>(), layers: new Map<string, number>() }
    group.units.add(unit)
    for (const [path, size] of layers) group.layers.set(path, size)
    joined.set(root(unit), group)
  }
  return [...joined.values()].map(({ units, layers }) => ({
    units,
    weight: [...layers.values()].reduce((sum, size) => sum + size, units.size * perImageBytes)
  }))
}

/** Heaviest first into the lightest of `ways` bins (no more bins than parts, so none stays empty). */
function binsOf(parts: Component[], ways: number): Array<Set<string>> {
  const bins = Array.from({ length: Math.min(ways, parts.length) }, () => ({ units: new Set<string>(), weight: 0 }))
  for (const part of [...parts].sort((a, b) => b.weight - a.weight)) {
    const lightest = bins.reduce((best, bin) => (bin.weight < best.weight ? bin : best))
    for (const unit of part.units) lightest.units.add(unit)
    lightest.weight += part.weight
  }
  return bins.map((bin) => bin.units)
}
