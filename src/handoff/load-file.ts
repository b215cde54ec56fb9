import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { Backend } from '../backends/backend.js'
import type { Selection } from '../archive/select.js'
import { archiveTransform } from '../archive/tar-transform.js'
import type { ArchiveModel } from '../archive/model.js'
import { isZstd, zstdDecompress } from '../archive/compression.js'
import type { HandoffDeps } from './deps.js'
import { firstCause, missed, noneSelected, orMiss, rewriteFor, verifyAndTag, type LoadRequest, type LoadResult } from './load.js'
import { meter, progress } from './progress.js'

/** One payload per key (artifact): download → zstd → archive filter, checks and model → runtime. */
export async function loadFromFile(deps: HandoffDeps, backend: Backend, request: LoadRequest): Promise<LoadResult> {
  const { runtime, log, clock } = deps
  const start = clock()
  const entry = await orMiss(deps, request, () => backend.restore(request.key, request.restoreKeys))
  const fetchMs = clock() - start
  if (!entry) return missed(deps, request, backend.kind, fetchMs)
  try {
    const hit = entry.matchedKey === request.key
    log.info(`Found ${hit ? 'key' : 'restore key match'} "${entry.matchedKey}" in ${backend.kind}; loading into ${runtime.kind}.`)
    const loadStart = clock()
    const model = await streamIntoRuntime(deps, entry.file, request.images)
    const done = await verifyAndTag(deps, request, model, { fetchMs, loadStart })
    return { hit, matchedKey: entry.matchedKey, ...done }
  } finally {
    await entry.dispose()
  }
}

async function streamIntoRuntime(deps: HandoffDeps, file: string, selection: Selection): Promise<ArchiveModel> {
  const stored: string[] = []
  const transform = archiveTransform(rewriteFor(selection, stored))
  const ticker = progress(deps.log, deps.clock, 'load')
  const compressed = isZstd(await readHead(file))
  const feed = compressed
    ? pipeline(createReadStream(file), zstdDecompress(), meter(ticker), transform.stream)
    : pipeline(createReadStream(file), meter(ticker), transform.stream)
  // The transform's readable side goes to the runtime; pipeline() above drives only its writable side.
  const [model, report, fed] = await Promise.allSettled([transform.model, deps.runtime.importArchive(transform.stream), feed])
  ticker.stop()
  // An archive whose every image was filtered out makes the engine load nothing: say why, not what the engine said.
  if (model.status === 'fulfilled' && model.value.images.length === 0) throw noneSelected(stored)
  if (model.status === 'rejected' || report.status === 'rejected' || fed.status === 'rejected') {
    throw firstCause([fed, model, report])
  }
  for (const warning of report.value.warnings ?? []) deps.log.warning(`${deps.runtime.kind}: ${warning}`)
  return model.value
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
