/**
 * The benchmark's images and scenarios, built on the save engine: FROM scratch + busybox-static + layers of
 * random data (nothing to compress, like already-compressed content) or, with BENCH_CONTENT=text, a hex dump of
 * random data (zstd -3 halves it, as it does typical layers of binaries and text). The legacy builder's cache makes images
 * built with the same leading lines share those layers, which is how the app images share the base's layers.
 */
import { buildBusybox, docker, type Engine } from '../__tests__/support/engines.js'
import type { Selection } from './bench-methods.js'

export interface Scenario {
  id: string
  label: string
  images: Selection
  /** The image IDs each ref must come back with. */
  ids: string[]
  /** Images the load engine holds before the load (their layers are present). */
  keep: string[]
  /** Saved under another key first, in the same store: the previous version of `images`. */
  previous?: Selection
  /** Uncompressed size of the images, MB, for the table. */
  megabytes: number
}

export interface Sizes {
  /** Size of the app image of the cold, top and base scenarios. */
  megabytes: number
  /** Its changing top layer. */
  topMegabytes: number
  /** The many-images scenario: `count` images of `each` MB, against one of count × each MB. */
  many: { count: number; each: number }
  content: Content
}

/** What the layers hold: random bytes (nothing to compress) or a hex dump of them (compresses to about half, as typical layers do). */
export type Content = 'random' | 'text'

const filler =
  (content: Content) =>
  (mb: number, file: string, tail = ''): string =>
    content === 'text'
      ? `RUN od -An -tx1 /dev/urandom | head -c ${mb}m > /${file}${tail}`
      : `RUN head -c ${mb}m /dev/urandom > /${file}${tail}`
const one = (ref: string): Selection => ({ refs: [ref], input: ref })

async function layers(engine: Engine, ref: string): Promise<string[]> {
  return JSON.parse(await docker(engine, ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', ref])) as string[]
}

/** bench/base:1 (two big layers), bench/app:1 and :2 (base + a small top layer that differs). */
async function buildApps(engine: Engine, sizes: Sizes): Promise<Record<'base' | 'v1' | 'v2', string>> {
  const baseMb = Math.max(2, sizes.megabytes - sizes.topMegabytes)
  const random = filler(sizes.content)
  const baseLines = [random(Math.ceil(baseMb / 2), 'base1'), random(Math.floor(baseMb / 2), 'base2')]
  const base = await buildBusybox(engine, 'bench/base:1', baseLines)
  const v1 = await buildBusybox(engine, 'bench/app:1', [
    ...baseLines,
    random(sizes.topMegabytes, 'top', ' && echo v1 > /who')
  ])
  const v2 = await buildBusybox(engine, 'bench/app:2', [
    ...baseLines,
    random(sizes.topMegabytes, 'top', ' && echo v2 > /who')
  ])
  const [b, a1, a2] = await Promise.all(['bench/base:1', 'bench/app:1', 'bench/app:2'].map((r) => layers(engine, r)))
  const shares = (app: string[]): boolean => b!.every((layer, i) => app[i] === layer) && app.length === b!.length + 1
  if (!shares(a1!) || !shares(a2!))
    throw new Error('bench/app:1 and :2 do not share bench/base:1 layers: the build cache was not used')
  return { base, v1, v2 }
}

async function buildMany(
  engine: Engine,
  { count, each }: Sizes['many'],
  random: ReturnType<typeof filler>
): Promise<{ refs: string[]; ids: string[] }> {
  const refs = Array.from({ length: count }, (_, i) => `bench/many-${String(i + 1).padStart(2, '0')}:1`)
  const ids: string[] = []
  for (const [i, ref] of refs.entries()) {
    ids.push(await buildBusybox(engine, ref, [random(each, 'data', ` && echo ${i} > /who`)]))
    if ((i + 1) % 10 === 0) console.log(`   built ${i + 1}/${count} images of ${each} MB`)
  }
  return { refs, ids }
}

/** Builds what the chosen scenarios need and describes them, in the order given. */
export async function buildScenarios(engine: Engine, chosen: string[], sizes: Sizes): Promise<Scenario[]> {
  const unknown = chosen.filter((c) => !['cold', 'top', 'base', 'many'].includes(c))
  if (unknown.length)
    throw new Error(`unknown scenario ${unknown.join(', ')} in BENCH_SCENARIOS (cold, top, base, many)`)
  const scenarios: Scenario[] = []
  const mb = sizes.megabytes
  const apps = chosen.some((c) => ['cold', 'top', 'base'].includes(c)) ? await buildApps(engine, sizes) : undefined
  for (const id of chosen) {
    if (id === 'cold' && apps)
      scenarios.push({
        id,
        label: `1. cold, ${mb} MB`,
        images: one('bench/app:1'),
        ids: [apps.v1],
        keep: [],
        megabytes: mb
      })
    else if (id === 'top' && apps)
      scenarios.push({
        id,
        label: `2. top ${sizes.topMegabytes} MB layer changed, ${mb} MB`,
        images: one('bench/app:2'),
        ids: [apps.v2],
        keep: [],
        previous: one('bench/app:1'),
        megabytes: mb
      })
    else if (id === 'base' && apps)
      scenarios.push({
        id,
        label: `3. engine holds the base, ${mb} MB`,
        images: one('bench/app:1'),
        ids: [apps.v1],
        keep: ['bench/base:1'],
        megabytes: mb
      })
    else if (id === 'many') {
      const { count, each } = sizes.many
      const many = await buildMany(engine, sizes.many, filler(sizes.content))
      scenarios.push({
        id: 'many',
        label: `4a. ${count} images x ${each} MB`,
        images: { refs: many.refs, input: 'bench/many-*' },
        ids: many.ids,
        keep: [],
        megabytes: count * each
      })
      const bigId = await buildBusybox(engine, 'bench/one:1', [filler(sizes.content)(count * each, 'data')])
      scenarios.push({
        id: 'one',
        label: `4b. 1 image x ${count * each} MB`,
        images: one('bench/one:1'),
        ids: [bigId],
        keep: [],
        megabytes: count * each
      })
    }
  }
  return scenarios
}
