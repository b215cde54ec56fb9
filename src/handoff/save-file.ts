import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { archiveTransform } from '../archive/tar-transform.js'
import type { ArchiveModel } from '../archive/model.js'
import { zstdCompress } from '../archive/compression.js'
import type { Backend } from '../backends/backend.js'
import { describeImages, formatBytes, formatMs, imageRows } from './report.js'
import type { HandoffDeps } from './deps.js'
import { checkComplete, resolveRefs, type SaveRequest, type SaveResult } from './save.js'
import { meter, progress } from './progress.js'

/** One payload per key (artifact): runtime export → archive model and checks → zstd → file → backend. */
export async function saveToFile(deps: HandoffDeps, backend: Backend, request: SaveRequest): Promise<SaveResult> {
  const { runtime, log, clock } = deps
  const { refs, ids } = await resolveRefs(runtime, request.images)
  log.info(`Saving ${refs.join(', ')} from ${runtime.kind} under key "${request.key}" (backend: ${backend.kind}).`)
  let model: ArchiveModel | undefined
  let writeMs = 0
  const start = clock()
  const outcome = await backend.save(request.key, async (file) => {
    const archive = await runtime.exportImages(refs, request.platform !== undefined ? { platform: request.platform } : {})
    const ticker = progress(log, clock, 'export')
    const transform = archiveTransform()
    const output = createWriteStream(file)
    try {
      const written = backend.compresses
        ? pipeline(archive, meter(ticker), transform.stream, output)
        : pipeline(archive, meter(ticker), transform.stream, zstdCompress(request.compressionLevel), output)
      const [, archived] = await Promise.all([written, transform.model])
      checkComplete(archived, ids)
      model = archived
    } finally {
      ticker.stop()
    }
    writeMs = clock() - start
  })
  const totalMs = clock() - start
  if (!outcome.saved) {
    log.info(`Not saved: ${outcome.reason}.`)
    return { outcome, rows: [], phases: [['lookup', totalMs]] }
  }
  for (const note of model?.skipped ?? []) log.warning(`Skipped while saving: ${note}`)
  if (model) log.info(`Saved ${describeImages(model)}: ${formatBytes(outcome.bytes)} stored in ${formatMs(totalMs)}.`)
  return {
    outcome,
    rows: model ? imageRows(model) : [],
    phases: [['export+compress', writeMs], ['upload', totalMs - writeMs]]
  }
}
