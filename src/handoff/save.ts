import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { HandoffError, errorMessage } from '../errors.js'
import { resolveSelection, type Selection } from '../archive/select.js'
import { archiveTransform } from '../archive/tar-transform.js'
import type { ArchiveModel } from '../archive/model.js'
import { zstdCompress } from '../archive/compression.js'
import type { Runtime } from '../runtimes/runtime.js'
import type { Backend, SaveOutcome } from '../backends/backend.js'
import { describeImages, formatBytes, formatMs, imageRows, type ImageRow, type Phases } from './report.js'
import { engineIdsOf } from './verify.js'
import type { Clock, Log } from './log.js'

export interface HandoffDeps {
  runtime: Runtime
  backend: Backend
  log: Log
  clock: Clock
}

export interface SaveRequest {
  key: string
  images: Selection
  platform?: string
  compressionLevel: number
}

export interface SaveResult {
  outcome: SaveOutcome
  rows: ImageRow[]
  phases: Phases
}

/** Resolves the selection to export references; an include that matches nothing fails before any byte moves. */
export async function resolveRefs(runtime: Runtime, images: Selection): Promise<{ refs: string[]; ids: string[] }> {
  try {
    return resolveSelection(await runtime.list(), images)
  } catch (error) {
    throw new HandoffError(`Input "images": ${errorMessage(error)}.`)
  }
}

/** runtime export → archive model and checks → zstd (unless the backend compresses) → backend. */
export async function saveImages(deps: HandoffDeps, request: SaveRequest): Promise<SaveResult> {
  const { runtime, backend, log, clock } = deps
  const { refs, ids } = await resolveRefs(runtime, request.images)
  log.info(`Saving ${refs.join(', ')} from ${runtime.kind} under key "${request.key}" (backend: ${backend.kind}).`)
  let model: ArchiveModel | undefined
  let writeMs = 0
  const start = clock()
  const outcome = await backend.save(request.key, async (file) => {
    const archive = await runtime.exportImages(refs, request.platform !== undefined ? { platform: request.platform } : {})
    const transform = archiveTransform()
    const output = createWriteStream(file)
    const written = backend.compresses
      ? pipeline(archive, transform.stream, output)
      : pipeline(archive, transform.stream, zstdCompress(request.compressionLevel), output)
    const [, archived] = await Promise.all([written, transform.model])
    checkComplete(archived, ids)
    model = archived
    writeMs = clock() - start
  })
  const totalMs = clock() - start
  if (!outcome.saved) {
    log.info(`Not saved: ${outcome.reason}.`)
    return { outcome, rows: [], phases: [['lookup', totalMs]] }
  }
  for (const note of model?.skipped ?? []) log.warning(`Skipped while saving: ${note}`)
  const engineIds = model ? engineIdsOf(model, ids) : new Map<string, string>()
  if (model) {
    log.info(`Saved ${describeImages(model, engineIds)}: ${formatBytes(outcome.bytes)} stored in ${formatMs(totalMs)}.`)
  }
  return {
    outcome,
    rows: model ? imageRows(model, engineIds) : [],
    phases: [['export+store', writeMs], ['upload', totalMs - writeMs]]
  }
}

/** Every selected image must be in the archive the engine wrote (an engine may drop one without failing). */
function checkComplete(model: ArchiveModel, ids: string[]): void {
  const present = new Set(model.images.flatMap((i) => [i.configDigest, i.manifestDigest].filter(Boolean)))
  const missing = ids.filter((id) => !present.has(id))
  if (missing.length > 0) {
    throw new HandoffError(`The engine's archive lacks image(s) ${missing.join(', ')}; nothing was stored. Check that the images are complete (docker image inspect) and save again.`)
  }
}
