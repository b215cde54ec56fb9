import type { ImportReport } from '../runtimes/runtime.js'
import type { BlobStore, FoundIndex } from '../store/blob-store.js'
import { assembleArchive, ChunkFetchError, failTogether } from '../store/assemble.js'
import { defaultChunkBytes, IndexFormatError, parseIndex, type ChunkDigest, type StoreIndex } from '../store/format.js'
import type { HeldLayers, LoadPlan } from '../store/load-plan.js'
import { planGroups } from '../store/load-groups.js'
import { planStages } from '../store/load-stages.js'
import { streamStaged } from './staged-load.js'
import { droppedNames } from './report.js'
import { formatBytes } from '../units.js'
import type { HandoffDeps } from './deps.js'
import { missed, noneSelected, orMiss, rewriteFor, verifyAndTag, type LoadRequest, type LoadResult } from './load.js'
import { progress } from './progress.js'
import { sentLayerTypes } from './convert.js'
import { HandoffError } from '../errors.js'

/**
 * Chunks downloaded ahead of the one the engine is reading: up to 8 (many small images make small chunks), and up
 * to three full chunks' bytes, which bounds the scratch disk a load uses.
 */
const prefetch = { chunks: 8, bytes: 3 * defaultChunkBytes }
/** Lookups at once when checking that every chunk an index names is still stored. */
const lookups = 16

/**
 * Content-addressed load: the index says what to send; layers the engine holds stay out; every chunk is checked
 * to be stored before the engine sees a byte (an index whose chunks were evicted is a miss, not a broken load);
 * chunks download in parallel while the rebuilt archive streams into the engine.
 */
export async function loadFromStore(deps: HandoffDeps, store: BlobStore, request: LoadRequest): Promise<LoadResult> {
  const { runtime, log, clock } = deps
  const start = clock()
  // Asked while the index downloads (both are round trips); on a miss the answer is dropped, a failure with it.
  const asked: Promise<HeldLayers> = runtime.heldLayers ? runtime.heldLayers() : Promise.resolve({})
  asked.catch(() => undefined)
  const lookup = await orMiss(deps, request, () => readIndex(store, request))
  if (lookup === undefined) return { hit: false, rows: [], phases: [['lookup', clock() - start]] }
  if (!('index' in lookup)) return missed(deps, request, store.kind, clock() - start, lookup.why)
  const { found, index } = lookup
  const hit = found.matchedKey === request.key
  log.info(
    `Found ${hit ? 'key' : 'restore key match'} "${found.matchedKey}" in ${store.kind}; loading into ${runtime.kind}.`
  )
  const held = await asked
  const stored: string[] = []
  const { whole: plan, groups } = planGroups(
    index,
    rewriteFor(request.images, stored),
    held,
    runtime.parallelImports ?? 1
  )
  if (plan.model.images.length === 0) throw noneSelected(stored)
  const unreadable = runtime.unreadableLayers?.(sentLayerTypes(index, plan.omit))
  if (unreadable !== undefined) throw new HandoffError(`Cannot load "${found.matchedKey}": ${unreadable}.`)
  const missing = await orMiss(deps, request, () => missingChunks(store, plan.chunks))
  if (missing === undefined) return { hit: false, rows: [], phases: [['lookup', clock() - start]] }
  if (missing.length > 0) {
    const why = `"${found.matchedKey}" names ${missing.length} chunk(s) no longer in the ${store.kind} store (evicted or pruned)`
    return missed(deps, request, store.kind, clock() - start, why)
  }
  if (plan.omit.size > 0) {
    log.info(
      `Leaving out ${plan.omit.size} layer file(s), ${formatBytes(plan.omittedBytes)}, that ${runtime.kind} already holds or no selected image uses.`
    )
  }
  if (groups.length > 1) {
    log.info(
      `Loading ${plan.model.images.length} images as ${groups.length} archives at once (${runtime.kind} registers the images of one archive one at a time).`
    )
  }
  const { stages, last } =
    groups.length === 1 && runtime.dropStage
      ? planStages(index, plan, rewriteFor(request.images, []), held)
      : { stages: [], last: plan }
  const archives = stages.length > 0 ? [...stages, last] : groups
  if (stages.length > 0) {
    log.info(
      `Loading in ${stages.length + 1} stages: ${runtime.kind} registers the bottom layers while the rest arrives (${stages.map((stage) => formatBytes(stage.sendBytes)).join(', ')}, then ${formatBytes(last.sendBytes)}).`
    )
  }
  const fetchMs = clock() - start
  const loadStart = clock()
  let report: ImportReport
  try {
    report =
      stages.length > 0
        ? await streamStaged(deps, store, index, stages, last, prefetch)
        : await streamIntoRuntime(deps, store, index, groups)
  } catch (error) {
    // Only storage trouble is a miss in mode: auto; the engine's own failure fails the step in every mode.
    if (!(error instanceof ChunkFetchError) || request.required) throw error
    log.warning(
      `Could not restore images, continuing as a cache miss (the post step saves what the job builds): ${error.message}`
    )
    return {
      hit: false,
      rows: [],
      phases: [
        ['lookup', fetchMs],
        ['load', clock() - loadStart]
      ]
    }
  }
  for (const warning of report.warnings ?? []) log.warning(`${runtime.kind}: ${warning}`)
  const done = await verifyAndTag(deps, request, plan.model, { fetchMs, loadStart })
  return {
    hit,
    matchedKey: found.matchedKey,
    ...done,
    dropped: droppedNames(plan.model),
    transfer: {
      sentBytes: sum(archives.map((archive) => archive.sendBytes)),
      omittedBytes: plan.omittedBytes,
      omittedLayers: plan.omit.size
    }
  }
}

/** The index and where it was found; or, on a miss, why there is nothing this release can load. */
async function readIndex(
  store: BlobStore,
  request: LoadRequest
): Promise<{ found: FoundIndex; index: StoreIndex } | { why?: string }> {
  try {
    const found = await store.readIndex(request.key, request.restoreKeys)
    if (!found) {
      const why = await store.explainMiss(request.key).catch(() => undefined)
      return why === undefined ? {} : { why }
    }
    try {
      return { found, index: parseIndex(found.body) }
    } catch (error) {
      if (error instanceof IndexFormatError) throw new IndexFormatError(`"${found.matchedKey}": ${error.message}`)
      throw error
    }
  } catch (error) {
    if (error instanceof IndexFormatError) return { why: error.message }
    throw error
  }
}

/**
 * Streams the rebuilt archives into the runtime, side by side, sharing the prefetch window. A chunk that cannot be
 * fetched rejects with a ChunkFetchError (storage trouble, which `mode: auto` takes as a miss); every other failure
 * is the load's own. When one archive fails, the others are cut, so the step never ends with a load still running.
 */
async function streamIntoRuntime(
  deps: HandoffDeps,
  store: BlobStore,
  index: StoreIndex,
  plans: LoadPlan[]
): Promise<ImportReport> {
  const ticker = progress(deps.log, deps.clock, 'load', sum(plans.map((plan) => plan.sendBytes)))
  const layersSent = plans.length > 1 ? meeting(plans.length) : undefined
  const archives = plans.map((plan) =>
    assembleArchive(index, plan, store, {
      prefetch: Math.max(1, Math.floor(prefetch.chunks / plans.length)),
      prefetchBytes: prefetch.bytes / plans.length,
      onBytes: (n) => ticker.add(n),
      ...(layersSent ? { beforeNameFiles: layersSent.arrive } : {})
    })
  )
  const failures = failTogether(
    () => archives,
    (cut) => layersSent?.fail(cut)
  )
  try {
    const reports = await Promise.allSettled(
      archives.map(async (archive) => {
        try {
          return await deps.runtime.importArchive(archive.stream)
        } catch (error) {
          failures.fail(archive, error)
          throw error
        }
      })
    )
    const first = failures.cause()
    if (first !== undefined) throw first.cause
    return mergedReports(reports.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])))
  } finally {
    ticker.stop()
  }
}

/** Resolves every arrival once `count` have arrived; `fail` rejects the waiting and later ones. */
function meeting(count: number): { arrive: () => Promise<void>; fail: (error: Error) => void } {
  let arrived = 0
  let open: () => void = () => undefined
  let fail: (error: Error) => void = () => undefined
  const all = new Promise<void>((resolve, reject) => {
    open = resolve
    fail = reject
  })
  all.catch(() => undefined)
  return {
    arrive: () => {
      if (++arrived === count) open()
      return all
    },
    fail: (error) => fail(error)
  }
}

function mergedReports(reports: ImportReport[]): ImportReport {
  const warnings = reports.flatMap((report) => report.warnings ?? [])
  return {
    names: reports.flatMap((report) => report.names),
    ids: reports.flatMap((report) => report.ids),
    ...(warnings.length > 0 ? { warnings } : {})
  }
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0)

async function missingChunks(store: BlobStore, chunks: ChunkDigest[]): Promise<ChunkDigest[]> {
  const unique = [...new Set(chunks)]
  const missing: ChunkDigest[] = []
  for (let at = 0; at < unique.length; at += lookups) {
    const batch = unique.slice(at, at + lookups)
    const present = await Promise.all(batch.map((digest) => store.has(digest)))
    batch.forEach((digest, i) => {
      if (!present[i]) missing.push(digest)
    })
  }
  return missing
}
