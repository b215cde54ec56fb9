/**
 * What a load sends to the engine, decided from the index before any chunk is fetched: the images and their
 * final names (the name files rewritten together, as for any archive), and which layer files can stay out of
 * the archive because the engine already holds them or no image being loaded uses them. Pure.
 */
import { createHash } from 'node:crypto'
import { resolveFile, type ArchiveContents, type ArchiveImage, type ArchiveModel } from '../archive/model.js'
import { rewriteNameFiles, type RewriteOptions } from '../archive/name-files.js'
import { readModel } from '../archive/read-model.js'
import { contentsOf, isChunked, type ChunkDigest, type StoreIndex } from './format.js'

/** Layers an engine already holds, in the terms it can answer in. */
export interface HeldLayers {
  /** Docker's classic store: it skips a layer whose chain ID it has (the layer and every layer below it). */
  chainIds?: Set<string>
  /** containerd: blobs in its content store, by digest; usable for OCI-layout archives, which name layers by digest. */
  blobs?: Set<string>
}

export interface LoadPlan {
  /** The images that will be loaded, with their final names. */
  model: ArchiveModel
  /** The rewritten name files, written last. */
  nameFiles: Array<{ name: string; body: Buffer }>
  /** Archive paths of layer files left out. */
  omit: Set<string>
  omittedBytes: number
  /** The chunks to fetch, in the order the archive needs them. */
  chunks: ChunkDigest[]
  /** Uncompressed bytes of the archive that will be sent. */
  sendBytes: number
}

export function planLoad(index: StoreIndex, rewrite: RewriteOptions, held: HeldLayers): LoadPlan {
  const contents = contentsOf(index.entries)
  const all = readModel(contents)
  const { model, files } = rewriteNameFiles(contents.nameFiles, all, rewrite)
  const layerFiles = new Set(all.images.flatMap((image) => image.layers.map((layer) => resolved(contents, layer.path))))
  const needed = new Set(model.images.flatMap((image) => neededLayers(contents, image, held)))
  const omit = new Set([...layerFiles].filter((path) => !needed.has(path)))
  return { model, nameFiles: files, omit, ...sentOf(index, contents, omit, files) }
}

/**
 * What an archive rebuilt from `index` sends, its stored name files replaced by `nameFiles` and the `omit` files left
 * out: the chunks to fetch in the order the archive needs them, its bytes, and the bytes left out.
 */
export function sentOf(
  index: StoreIndex,
  contents: ArchiveContents,
  omit: Set<string>,
  nameFiles: Array<{ body: Buffer }>
): { chunks: ChunkDigest[]; sendBytes: number; omittedBytes: number } {
  let omittedBytes = 0
  let sendBytes = nameFiles.reduce((sum, file) => sum + file.body.length, 0)
  const chunks: ChunkDigest[] = []
  for (const entry of index.entries) {
    if (entry.type !== 'file' || contents.nameFiles.has(entry.path)) continue
    if (omit.has(entry.path)) {
      omittedBytes += entry.size
      continue
    }
    sendBytes += entry.size
    if (isChunked(entry)) chunks.push(...entry.chunks)
  }
  return { chunks, sendBytes, omittedBytes }
}

/** Per image: the layer files it needs that the engine does not hold, with their sizes. */
export function neededLayerFiles(index: StoreIndex, held: HeldLayers): (image: ArchiveImage) => Map<string, number> {
  const contents = contentsOf(index.entries)
  return (image) =>
    new Map(neededLayers(contents, image, held).map((path) => [path, resolveFile(contents, path)?.size ?? 0] as const))
}

/** The files of an image's layers that the engine does not hold. */
function neededLayers(contents: ArchiveContents, image: ArchiveImage, held: HeldLayers): string[] {
  const chains = chainIds(image.layers)
  return image.layers.flatMap((layer, at) => {
    const chain = chains[at]
    const heldChain = chain !== undefined && held.chainIds?.has(chain) === true
    const heldBlob = layer.digest !== undefined && held.blobs?.has(layer.digest) === true
    return heldChain || heldBlob ? [] : [resolved(contents, layer.path)]
  })
}

/** Chain IDs of an image's layers (the OCI image spec's ChainID); undefined from the first layer without a diff ID. */
export function chainIds(layers: Array<{ diffId?: string }>): Array<string | undefined> {
  const result: Array<string | undefined> = []
  let chain: string | undefined
  for (const [at, layer] of layers.entries()) {
    if (layer.diffId === undefined || (at > 0 && chain === undefined)) chain = undefined
    else
      chain =
        at === 0 ? layer.diffId : `sha256:${createHash('sha256').update(`${chain} ${layer.diffId}`).digest('hex')}`
    result.push(chain)
  }
  return result
}

/** The file a layer path names, following the links of the archive. */
export function resolved(contents: ArchiveContents, path: string): string {
  return resolveFile(contents, path)?.path ?? path
}
