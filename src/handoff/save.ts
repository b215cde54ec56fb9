import { HandoffError, errorMessage } from '../errors.js'
import { resolveSelection, type Resolved, type Selection } from '../archive/select.js'
import type { ArchiveModel } from '../archive/model.js'
import type { ConvertOptions } from '../archive/oci-build.js'
import type { Runtime } from '../runtimes/runtime.js'
import type { SaveOutcome } from '../backends/backend.js'
import type { DroppedNames, ImageRow, Phases } from './report.js'
import type { HandoffDeps } from './deps.js'
import { saveToStore } from './save-store.js'

export type { HandoffDeps } from './deps.js'

export interface SaveRequest {
  key: string
  images: Selection
  platform?: string
  compressionLevel: number
  /** A file another tool wrote, stored instead of an engine's export; `images` selects inside it. */
  archive?: string
  /** One layer per image, its config kept (Docker only). */
  flatten?: boolean
  /** OCI layout with these media types, layer compression and annotations. */
  convert?: ConvertOptions
}

export interface SaveResult {
  outcome: SaveOutcome
  rows: ImageRow[]
  /** Images saved without some of the names the engine's archive gave them (invalid references). */
  dropped?: DroppedNames[]
  phases: Phases
  /** Lines for the log and summary about what the save changed (flattening). */
  notes?: string[]
  /** What the save sent and what it found already stored (content-addressed stores only). */
  transfer?: { archiveBytes: number; storedBytes: number; reusedBytes: number; chunks: number; reusedChunks: number }
}

/** runtime export → chunks and an index → storage. */
export function saveImages(deps: HandoffDeps, request: SaveRequest): Promise<SaveResult> {
  return saveToStore(deps, deps.store, request)
}

/** Resolves the selection to export references; an include that matches nothing fails before any byte moves. */
export async function resolveRefs(runtime: Runtime, images: Selection): Promise<Resolved> {
  try {
    return resolveSelection(await runtime.list(), images, { shortNames: runtime.kind === 'podman' })
  } catch (error) {
    throw new HandoffError(`Input "images": ${errorMessage(error)}.`)
  }
}

/** Every selected image must be in the archive the engine wrote (an engine may drop one without failing). */
export function checkComplete(model: ArchiveModel, ids: string[]): void {
  const present = new Set(model.images.flatMap((i) => [i.configDigest, i.manifestDigest].filter(Boolean)))
  const missing = ids.filter((id) => !present.has(id))
  if (missing.length > 0) {
    throw new HandoffError(
      `The engine's archive lacks image(s) ${missing.join(', ')}; nothing was stored. Check that the images are complete (docker image inspect) and save again.`
    )
  }
}
