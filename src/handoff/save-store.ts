import { readModel } from '../archive/read-model.js'
import type { BlobStore } from '../store/blob-store.js'
import { storeSink, type StoreSink, type TransferStats } from '../store/chunk-sink.js'
import { defaultChunkBytes, encodeIndex, newIndex } from '../store/format.js'
import { splitArchive, type SplitResult } from '../store/split.js'
import { describeImages, droppedNames, imageRows } from './report.js'
import { formatBytes, formatMs } from '../units.js'
import type { HandoffDeps } from './deps.js'
import { progress } from './progress.js'
import { engineIdsOf } from './verify.js'
import { checkComplete, type SaveRequest, type SaveResult } from './save.js'
import { saveSource } from './save-source.js'
import { reshape, type Reshaped } from './reshape.js'

/** Chunks on their way to the store at once: enough to keep uploads busy while the engine exports, on bounded disk. */
const inFlight = { chunks: 8, bytes: 3 * 64 * 1024 * 1024 }

/**
 * Content-addressed save: the engine's archive is split as it streams; each chunk is looked up and uploaded
 * while the next one is exported; the index is written last, so it never names a chunk that is not stored.
 */
export async function saveToStore(deps: HandoffDeps, store: BlobStore, request: SaveRequest): Promise<SaveResult> {
  const { log, clock } = deps
  const source = await saveSource(deps, request)
  log.info(`Saving ${source.what} under key "${request.key}" (backend: ${store.kind}).`)
  const start = clock()
  if (await store.hasIndex(request.key)) {
    const reason = `${store.kind === 'cache' ? 'the cache' : 'the store'} already holds an entry under "${request.key}" (entries are immutable; change the key to store new images)`
    log.info(`Not saved: ${reason}.`)
    return { outcome: { saved: false, key: request.key, reason }, rows: [], phases: [['lookup', clock() - start]] }
  }
  await store.prepare(request.key)
  const shaped = await reshape(deps, source, request, store.scratch)
  const split = await exportAndSplit(deps, store, shaped, request)
  let model
  try {
    model = readModel(split.result.contents)
    checkComplete(model, shaped.ids() ?? [])
  } catch (error) {
    // Nothing will name the chunks already on their way: stop them, and write no index.
    await split.sink.abort()
    throw error
  }
  const exportMs = clock() - start
  const stats = await whileStoring(deps, split.sink)
  const uploadMs = clock() - start - exportMs
  const index = newIndex(model, split.result.entries, defaultChunkBytes)
  const outcome = await store.writeIndex(request.key, encodeIndex(index))
  const phases: SaveResult['phases'] = [
    ['export', exportMs],
    ['upload (after export)', uploadMs],
    ['index', clock() - start - exportMs - uploadMs]
  ]
  if (!outcome.saved) {
    log.info(`Not saved: ${outcome.reason}.`)
    return { outcome, rows: [], phases }
  }
  for (const note of model.skipped) log.warning(`Skipped while saving: ${note}`)
  const notes = shaped.notes()
  for (const note of notes) log.info(note)
  // The engine's own ID of each image (the manifest digest on a containerd store), as the load will report it;
  // a tool's archive has no engine yet: its images go by config digest, Docker's classic ID.
  const engineIds = engineIdsOf(model, shaped.ids() ?? model.images.map((image) => image.configDigest))
  log.info(
    `Saved ${describeImages(model, engineIds)} in ${formatMs(clock() - start)}: ${stats.chunks - stats.reusedChunks} new chunk(s), ` +
      `${formatBytes(stats.storedBytes)} stored${stats.rawChunks > 0 ? ` (${stats.rawChunks} chunk(s) uncompressed: they did not compress)` : ''}; ${stats.reusedChunks} chunk(s) (${formatBytes(stats.reusedBytes)}) were already in the ${store.kind} store.`
  )
  const transfer = {
    archiveBytes: split.result.archiveBytes,
    storedBytes: stats.storedBytes + outcome.bytes,
    reusedBytes: stats.reusedBytes,
    chunks: stats.chunks,
    reusedChunks: stats.reusedChunks
  }
  return {
    outcome: { ...outcome, bytes: transfer.storedBytes },
    rows: imageRows(model, engineIds),
    dropped: droppedNames(model),
    phases,
    ...(notes.length > 0 ? { notes } : {}),
    transfer
  }
}

async function exportAndSplit(
  deps: HandoffDeps,
  store: BlobStore,
  source: Reshaped,
  request: SaveRequest
): Promise<{ result: SplitResult; sink: StoreSink }> {
  const sink = storeSink(store, {
    compressionLevel: request.compressionLevel,
    inFlight: inFlight.chunks,
    inFlightBytes: inFlight.bytes
  })
  const ticker = progress(deps.log, deps.clock, 'export')
  try {
    const archive = await source.open()
    const result = await splitArchive(archive, sink, defaultChunkBytes, (n) => ticker.add(n), source.selection)
    return { result, sink }
  } catch (error) {
    await sink.abort()
    throw error
  } finally {
    ticker.stop()
  }
}

/** The uploads still running once the export ended, with a line every few seconds so the wait is never silent. */
async function whileStoring(deps: HandoffDeps, sink: StoreSink): Promise<TransferStats> {
  const timer = setInterval(() => {
    const { chunks, settled } = sink.progress()
    deps.log.info(`upload: ${settled} of ${chunks} chunk(s) stored or found already stored`)
  }, 5000)
  timer.unref()
  try {
    return await sink.finish()
  } finally {
    clearInterval(timer)
  }
}
