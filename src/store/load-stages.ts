/**
 * Splits a one-archive load into stages the engine registers while the rest still arrives. Docker's classic store
 * unpacks a whole archive to a temporary directory before it registers the first layer (about 2.2 s for 300 MB
 * here, after the bytes): a stage is an archive of the bottom layers of the heaviest image under a stand-in image
 * (a config naming just those layers), which the engine registers while the next stage streams in; each later
 * stage names the layers below it, which the engine then holds and skips, and the last is the load as planned,
 * with the staged layers left out. The stand-in images are removed once the load is over, keeping the layers the
 * loaded images use. Pure.
 */
import { createHash } from 'node:crypto'
import type { ArchiveContents, ArchiveImage, ArchiveLayer } from '../archive/model.js'
import { readModel } from '../archive/read-model.js'
import type { RewriteOptions } from '../archive/name-files.js'
import { contentsOf, type ChunkDigest, type StoreIndex } from './format.js'
import { chainIds, neededLayerFiles, planLoad, resolved, sentOf, type HeldLayers, type LoadPlan } from './load-plan.js'

/** An archive of layers under a stand-in image, registered before the next stage is let in. */
export interface Stage {
  /** The stand-in image's ID (its config digest), removed after the load. */
  imageId: string
  nameFiles: Array<{ name: string; body: Buffer }>
  omit: Set<string>
  chunks: ChunkDigest[]
  sendBytes: number
}

/** Stages carry at least this many bytes each: every archive costs the engine a round of its own. */
export const minStageBytes = 32 * 1024 * 1024
/** A quarter of the load per stage: the engine registers about as fast as two stages stream in. */
const stageShare = 0.25
const maxStages = 3

/** The stages to send before `whole` (none where staging would not pay) and the last archive. */
export function planStages(
  index: StoreIndex,
  whole: LoadPlan,
  rewrite: RewriteOptions,
  held: HeldLayers,
  minBytes = minStageBytes
): { stages: Stage[]; last: LoadPlan } {
  const needing = neededLayerFiles(index, held)
  const image = heaviest(whole.model.images, needing)
  if (image === undefined) return { stages: [], last: whole }
  const contents = contentsOf(index.entries)
  const path = (layer: ArchiveLayer): string => resolved(contents, layer.path)
  const needed = needing(image)
  const cuts = cutsOf(image, (layer) => needed.get(path(layer)) ?? 0, minBytes)
  if (cuts.length === 0) return { stages: [], last: whole }
  const chains = chainIds(image.layers)
  const layerFiles = new Set(readModel(contents).images.flatMap((one) => one.layers.map(path)))
  const stages = cuts.map((cut, at) => {
    const sent = new Set(
      image.layers
        .slice(cuts[at - 1] ?? 0, cut)
        .map(path)
        .filter((file) => needed.has(file))
    )
    return stageOf(index, contents, image, at, cut, new Set([...layerFiles].filter((file) => !sent.has(file))))
  })
  const staged = new Set(chains.slice(0, cuts.at(-1)).filter((chain) => chain !== undefined))
  const last = planLoad(index, rewrite, { ...held, chainIds: new Set([...(held.chainIds ?? []), ...staged]) })
  return { stages, last }
}

function heaviest(
  images: ArchiveImage[],
  needed: (image: ArchiveImage) => Map<string, number>
): ArchiveImage | undefined {
  let best: { image: ArchiveImage; bytes: number } | undefined
  for (const image of images) {
    const bytes = [...needed(image).values()].reduce((sum, size) => sum + size, 0)
    if (best === undefined || bytes > best.bytes) best = { image, bytes }
  }
  return best?.image
}

/**
 * Layer counts after which a stage ends: once a stage holds its share, where enough is left after it to stream
 * while it registers. Needs every layer's diff ID up to the cut (the stand-in config names them) and the platform.
 */
function cutsOf(image: ArchiveImage, neededBytes: (layer: ArchiveLayer) => number, minBytes: number): number[] {
  if (image.platform === undefined) return []
  const total = image.layers.reduce((sum, layer) => sum + neededBytes(layer), 0)
  const share = Math.max(minBytes, total * stageShare)
  const cuts: number[] = []
  let inStage = 0
  let left = total
  for (const [at, layer] of image.layers.entries()) {
    if (layer.diffId === undefined) break
    inStage += neededBytes(layer)
    left -= neededBytes(layer)
    if (inStage < share || left < share / 2) continue
    cuts.push(at + 1)
    inStage = 0
    if (cuts.length === maxStages) break
  }
  return cuts
}

function stageOf(
  index: StoreIndex,
  contents: ArchiveContents,
  image: ArchiveImage,
  at: number,
  cut: number,
  omit: Set<string>
): Stage {
  const layers = image.layers.slice(0, cut)
  const diffIds = layers.map((layer) => layer.diffId ?? '')
  const config = Buffer.from(JSON.stringify(standInConfig(image, diffIds, at)))
  const configName = `image-handoff-stage-${at + 1}.json`
  const manifest = [{ Config: configName, RepoTags: null, Layers: layers.map((layer) => layer.path) }]
  const nameFiles = [
    { name: configName, body: config },
    { name: 'manifest.json', body: Buffer.from(JSON.stringify(manifest)) }
  ]
  const { chunks, sendBytes } = sentOf(index, contents, omit, nameFiles)
  const imageId = `sha256:${createHash('sha256').update(config).digest('hex')}`
  return { imageId, nameFiles, omit, chunks, sendBytes }
}

/** The least config the engine takes: the platform, the layers, and a label saying whose stage it is. */
function standInConfig(image: ArchiveImage, diffIds: string[], at: number): object {
  const [os, architecture, variant] = (image.platform ?? '').split('/')
  return {
    architecture,
    os,
    ...(variant ? { variant } : {}),
    config: { Labels: { 'org.image-handoff.stage': `${at + 1} of ${image.configDigest}` } },
    rootfs: { type: 'layers', diff_ids: diffIds }
  }
}
