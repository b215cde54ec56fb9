import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { HandoffError, errorMessage } from '../errors.js'
import type { RestoredEntry } from '../backends/backend.js'
import { selects, type Selection } from '../archive/select.js'
import { archiveTransform, type RewriteOptions } from '../archive/tar-transform.js'
import type { ArchiveImage, ArchiveModel } from '../archive/model.js'
import { isZstd, zstdDecompress } from '../archive/compression.js'
import type { TagRule } from '../inputs.js'
import { describeImages, formatMs, imageRows, withTargets, type ImageRow, type Phases } from './report.js'
import { planTags, applyTags } from './retag.js'
import { verifyLoaded } from './verify.js'
import type { HandoffDeps } from './save.js'

export interface LoadRequest {
  key: string
  restoreKeys: string[]
  images: Selection
  tags: TagRule[]
  /** mode: load fails on a miss; mode: auto treats it as normal. */
  required: boolean
}

export interface LoadResult {
  hit: boolean
  matchedKey?: string
  rows: ImageRow[]
  phases: Phases
}

/** backend → (zstd) → archive filter, checks and model → runtime; then verify and retag. */
export async function loadImages(deps: HandoffDeps, request: LoadRequest): Promise<LoadResult> {
  const { runtime, backend, log, clock } = deps
  const start = clock()
  const entry = await fetchEntry(deps, request)
  const fetchMs = clock() - start
  if (!entry) {
    const tried = [request.key, ...request.restoreKeys.map((k) => `${k}*`)].map((k) => `"${k}"`).join(', ')
    if (request.required) {
      throw new HandoffError(`No entry found in ${backend.kind} for ${tried}. Save the images first (mode: save) with the same key, or check the key.`)
    }
    log.info(`No entry found in ${backend.kind} for ${tried}; nothing to load.`)
    return { hit: false, rows: [], phases: [['lookup', fetchMs]] }
  }
  try {
    const hit = entry.matchedKey === request.key
    log.info(`Found ${hit ? 'key' : 'restore key match'} "${entry.matchedKey}" in ${backend.kind}; loading into ${runtime.kind}.`)
    const loadStart = clock()
    const model = await streamIntoRuntime(deps, entry.file, request.images)
    for (const note of model.skipped) log.warning(`Skipped while loading: ${note}`)
    const tagPlan = planTags(request.tags, model)
    const ids = await verifyLoaded(runtime, model)
    const loadMs = clock() - loadStart
    log.info(`Loaded and verified in ${formatMs(loadMs)}: ${describeImages(model, ids)}.`)
    const tagged = await applyTags(runtime, tagPlan, ids)
    for (const t of tagged) log.info(`Tagged ${t.source} as ${t.target}.`)
    return {
      hit,
      matchedKey: entry.matchedKey,
      rows: withTargets(imageRows(model, ids), tagged),
      phases: [['fetch', fetchMs], ['load+verify', loadMs], ['tag', clock() - loadStart - loadMs]]
    }
  } finally {
    await entry.dispose()
  }
}

/**
 * In `mode: auto` the stored images only save build time, so storage that cannot be reached or a download
 * that fails its checks is a warning and a miss, as with actions/cache: the job builds the images and the post
 * step stores them afresh. Once an entry has arrived, a load that fails (the engine rejects it, an image is not
 * there afterwards, a tag does not apply) fails the step in every mode: the images did not arrive intact.
 */
async function fetchEntry(deps: HandoffDeps, request: LoadRequest): Promise<RestoredEntry | undefined> {
  try {
    return await deps.backend.restore(request.key, request.restoreKeys)
  } catch (error) {
    if (request.required) throw error
    deps.log.warning(`Could not restore images, continuing as a cache miss (the post step saves what the job builds): ${errorMessage(error)}`)
    return undefined
  }
}

/**
 * On load, `images` keeps the selected names only; an untagged image is kept when there is no include list.
 * The name files are always rewritten together, so an archive from any tool (skopeo writes only
 * `ref.name`, Docker only RepoTags) names its images the same way in whichever file the target reads.
 */
function rewriteFor(selection: Selection, stored: string[]): RewriteOptions {
  if (selection.include.length === 0 && selection.exclude.length === 0) return { names: (image) => image.names }
  const selectedNames = (image: ArchiveImage): string[] => image.names.filter((n) => selects(selection, n))
  return {
    keep: (image) => {
      stored.push(...(image.names.length > 0 ? image.names : [image.configDigest]))
      return image.names.length === 0 ? selection.include.length === 0 : selectedNames(image).length > 0
    },
    names: selectedNames
  }
}

async function streamIntoRuntime(deps: HandoffDeps, file: string, selection: Selection): Promise<ArchiveModel> {
  const stored: string[] = []
  const transform = archiveTransform(rewriteFor(selection, stored))
  const compressed = isZstd(await readHead(file))
  const feed = compressed
    ? pipeline(createReadStream(file), zstdDecompress(), transform.stream)
    : pipeline(createReadStream(file), transform.stream)
  // The transform's readable side goes to the runtime; pipeline() above drives only its writable side.
  const [model, report, fed] = await Promise.allSettled([transform.model, deps.runtime.importArchive(transform.stream), feed])
  // An archive whose every image was filtered out makes the engine load nothing: say why, not what the engine said.
  if (model.status === 'fulfilled' && model.value.images.length === 0) {
    throw new HandoffError(`Input "images" selects none of the stored images (${stored.join(', ') || 'none'}); fix the patterns.`)
  }
  if (model.status === 'rejected' || report.status === 'rejected' || fed.status === 'rejected') {
    throw firstCause([fed, model, report])
  }
  for (const warning of report.value.warnings ?? []) deps.log.warning(`${deps.runtime.kind}: ${warning}`)
  return model.value
}

/**
 * The error that explains a failed load: reading the payload first (a truncated download), then the archive's
 * own checks, then the engine. A "premature close" only echoes another stage's failure, so it comes last.
 */
function firstCause(results: PromiseSettledResult<unknown>[]): unknown {
  const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
  const echo = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE'
  return reasons.find((e) => !echo(e)) ?? reasons[0]
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
