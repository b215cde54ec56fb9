import { HandoffError, errorMessage } from '../errors.js'
import { selects, type Selection } from '../archive/select.js'
import type { RewriteOptions } from '../archive/name-files.js'
import type { ArchiveImage, ArchiveModel } from '../archive/model.js'
import type { TagRule } from '../inputs.js'
import { describeImages, imageRows, withTargets, type DroppedNames, type ImageRow, type Phases } from './report.js'
import { planTags, applyTags } from './retag.js'
import { formatMs } from '../units.js'
import { verifyLoaded } from './verify.js'
import type { HandoffDeps } from './deps.js'
import { loadFromStore } from './load-store.js'
import { nameDangling } from './dangling.js'

export interface LoadRequest {
  key: string
  restoreKeys: string[]
  images: Selection
  tags: TagRule[]
  /** mode: load fails on a miss; mode: auto treats it as normal. */
  required: boolean
  /** Untagged images get a name under this repository (see dangling.ts for its form per engine). */
  danglingNamePrefix?: string
}

export interface LoadResult {
  hit: boolean
  matchedKey?: string
  rows: ImageRow[]
  /** Images loaded without some of the names their archive gave them (invalid references, never loaded). */
  dropped?: DroppedNames[]
  phases: Phases
  /** Bytes fetched from storage, and layer bytes left out because the engine held them (stores only). */
  transfer?: { sentBytes: number; omittedBytes: number; omittedLayers: number }
}

/** storage → archive rebuilt from the index and its chunks → runtime; then verify and retag. */
export function loadImages(deps: HandoffDeps, request: LoadRequest): Promise<LoadResult> {
  return loadFromStore(deps, deps.store, request)
}

/** Nothing is stored under the key or a restore key (mode: load): the CLI tells it apart by its exit code. */
export class EntryMissing extends HandoffError {}

/** The outcome of a lookup that found nothing: a failure in mode: load, a logged miss otherwise. */
export function missed(
  deps: HandoffDeps,
  request: LoadRequest,
  where: string,
  elapsedMs: number,
  why?: string
): LoadResult {
  const tried = [request.key, ...request.restoreKeys.map((k) => `${k}*`)].map((k) => `"${k}"`).join(', ')
  const because = why !== undefined ? ` (${why})` : ''
  if (request.required) {
    throw new EntryMissing(
      `No entry found in ${where} for ${tried}${because}. Save the images first (mode: save) with the same key, or check the key.`
    )
  }
  deps.log.info(`No entry found in ${where} for ${tried}${because}; nothing to load.`)
  return { hit: false, rows: [], phases: [['lookup', elapsedMs]] }
}

/**
 * In `mode: auto` the stored images only save build time, so storage that cannot be reached or a download
 * that fails its checks is a warning and a miss, as with actions/cache: the job builds the images and the post
 * step stores them afresh. Once the engine has taken an archive, a load that fails (the engine rejects it, an
 * image is not there afterwards, a tag does not apply) fails the step in every mode: the images did not arrive intact.
 */
export async function orMiss<T>(
  deps: HandoffDeps,
  request: LoadRequest,
  fetch: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await fetch()
  } catch (error) {
    if (request.required) throw error
    deps.log.warning(
      `Could not restore images, continuing as a cache miss (the post step saves what the job builds): ${errorMessage(error)}`
    )
    return undefined
  }
}

/**
 * On load, `images` keeps the selected names only; an untagged image is kept when there is no include list.
 * The name files are always rewritten together, so an archive from any tool (skopeo writes only
 * `ref.name`, Docker only RepoTags) names its images the same way in whichever file the target reads.
 */
export function rewriteFor(selection: Selection, stored: string[]): RewriteOptions {
  if (selection.include.length === 0 && selection.exclude.length === 0) return { names: (image) => image.names }
  // Stored `localhost/…` names come from podman: a short name matches them as podman resolves it.
  const selectedNames = (image: ArchiveImage): string[] =>
    image.names.filter((n) => selects(selection, n, { shortNames: true }))
  return {
    keep: (image) => {
      stored.push(...(image.names.length > 0 ? image.names : [image.configDigest]))
      return image.names.length === 0 ? selection.include.length === 0 : selectedNames(image).length > 0
    },
    names: selectedNames
  }
}

export function noneSelected(stored: string[]): HandoffError {
  return new HandoffError(
    `Input "images" selects none of the stored images (${stored.join(', ') || 'none'}); fix the patterns.`
  )
}

/** After the engine took the archive: every image verified under every name, then the retags. */
export async function verifyAndTag(
  deps: HandoffDeps,
  request: LoadRequest,
  model: ArchiveModel,
  timing: { fetchMs: number; loadStart: number }
): Promise<{ rows: ImageRow[]; phases: Phases }> {
  const { runtime, log, clock } = deps
  for (const note of model.skipped) log.warning(`Skipped while loading: ${note}`)
  const tagPlan = planTags(request.tags, model)
  const ids = await verifyLoaded(runtime, model)
  const loadMs = clock() - timing.loadStart
  log.info(`Loaded and verified in ${formatMs(loadMs)}: ${describeImages(model, ids)}.`)
  const tagged = await applyTags(runtime, tagPlan, ids)
  for (const t of tagged) log.info(`Tagged ${t.source} as ${t.target}.`)
  const prefix = request.danglingNamePrefix
  const named = prefix !== undefined ? await nameDangling(runtime, prefix, model, ids) : []
  for (const n of named) log.info(`Named untagged image ${n.id}: ${n.target}.`)
  // A named image is listed under its new name instead of its ID.
  const rows = imageRows(model, ids).map((row) => {
    const name = named.find((n) => n.id === row.id && row.name === row.id)?.target
    return name !== undefined ? { ...row, name } : row
  })
  return {
    rows: withTargets(rows, tagged),
    phases: [
      ['fetch', timing.fetchMs],
      ['load+verify', loadMs],
      ['tag', clock() - timing.loadStart - loadMs]
    ]
  }
}
