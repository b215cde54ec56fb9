/**
 * Where a save's archive comes from: the engine's export of the selected images, or a file another tool wrote
 * (`archive:`), in which `images` selects. Either way the same split, checks and store follow (save-store.ts).
 */
import type { Readable } from 'node:stream'
import { openArchiveFile } from '../archive/archive-file.js'
import { pickFromArchive } from '../archive/archive-select.js'
import { readModel } from '../archive/read-model.js'
import { isEverything, isGlob, type Selection } from '../archive/select.js'
import { defaultChunkBytes } from '../store/format.js'
import { splitArchive, type ChunkSink, type SplitSelection } from '../store/split.js'
import type { HandoffDeps } from './deps.js'
import { resolveRefs, type SaveRequest } from './save.js'

export interface SaveSource {
  /** How the log names what is saved: the references, or the archive file and its images. */
  what: string
  open(): Promise<Readable>
  /** IDs that must be in the archive once it is read; undefined when the whole archive is stored, as it is. */
  ids?: string[]
  /** The references the engine exports (an engine's source only). */
  refs?: string[]
  /** The part of a tool's archive to store, when `images` leaves some of it out. */
  selection?: SplitSelection
}

export async function saveSource(deps: HandoffDeps, request: SaveRequest): Promise<SaveSource> {
  return request.archive !== undefined ? fileSource(deps, request.archive, request.images) : engineSource(deps, request)
}

async function engineSource(deps: HandoffDeps, request: SaveRequest): Promise<SaveSource> {
  const { runtime } = deps
  const { refs, ids, leftOut } = await resolveRefs(runtime, request.images)
  // A glob that stops short (`*` at a `/`) is noticed here, not when a later job misses an image.
  if (request.images.include.some(isGlob)) logLeftOut(deps, leftOut, `in ${runtime.kind}`)
  const options = request.platform !== undefined ? { platform: request.platform } : {}
  return { what: `${refs.join(', ')} from ${runtime.kind}`, open: () => runtime.exportImages(refs, options), ids, refs }
}

/**
 * The whole file when `images` asks for everything (read once); otherwise its names and small documents are read
 * first (nothing stored), to know what `images` selects in it.
 */
async function fileSource(deps: HandoffDeps, path: string, images: Selection): Promise<SaveSource> {
  const everything = images.exclude.length === 0 && (images.include.length === 0 || images.include.some(isEverything))
  if (everything) return { what: `every image in archive ${path}`, open: () => openArchiveFile(path) }
  deps.log.info(`Reading ${path} once to find the images "images" selects in it.`)
  const scan = await splitArchive(await openArchiveFile(path), discard, defaultChunkBytes)
  const model = readModel(scan.contents)
  const pick = pickFromArchive(scan.contents, model, images)
  logLeftOut(deps, pick.leftOut, 'in the archive')
  const labels = [...new Set(pick.model.images.flatMap((i) => (i.names.length > 0 ? i.names : [i.configDigest])))]
  return {
    what: `${labels.join(', ')} from archive ${path}`,
    open: () => openArchiveFile(path),
    ids: [...new Set(pick.model.images.map((i) => i.configDigest))],
    ...(pick.nameFiles !== undefined ? { selection: { omit: pick.omit, nameFiles: pick.nameFiles } } : {})
  }
}

/** A sink that keeps nothing: the scan only needs the archive's facts. */
const discard: ChunkSink = {
  begin: () =>
    Promise.resolve({
      write: () => Promise.resolve(),
      end: () => Promise.resolve(),
      abort: () => Promise.resolve()
    })
}

const shownNames = 20

function logLeftOut(deps: HandoffDeps, names: string[], where: string): void {
  if (names.length === 0) return
  const shown = names.slice(0, shownNames).join(', ')
  const more = names.length > shownNames ? ` and ${names.length - shownNames} more` : ''
  deps.log.info(`Not selected by "images" (left out) ${where}: ${shown}${more}.`)
}
