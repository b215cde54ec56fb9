/**
 * Streams a staged load (store/load-stages.ts) into the engine: each archive starts once the one before has sent
 * its layers, and sends its own name files only once the one before is registered, so the engine registers a
 * stage while the next streams in and every stage finds the layers below it held. The stand-in images go once the
 * load is over, loaded or not: a failed staged load leaves the engine as it found it.
 */
import type { ImportReport } from '../runtimes/runtime.js'
import type { BlobStore } from '../store/blob-store.js'
import { assembleArchive, failTogether, type Assembled } from '../store/assemble.js'
import type { StoreIndex } from '../store/format.js'
import type { LoadPlan } from '../store/load-plan.js'
import type { Stage } from '../store/load-stages.js'
import { errorMessage } from '../errors.js'
import type { HandoffDeps } from './deps.js'
import { progress } from './progress.js'

export async function streamStaged(
  deps: HandoffDeps,
  store: BlobStore,
  index: StoreIndex,
  stages: Stage[],
  last: LoadPlan,
  window: { chunks: number; bytes: number }
): Promise<ImportReport> {
  const { runtime } = deps
  const archives = [...stages, last]
  const ticker = progress(
    deps.log,
    deps.clock,
    'load',
    archives.reduce((sum, plan) => sum + plan.sendBytes, 0)
  )
  const started: Array<{ archive: Assembled; imported: Promise<ImportReport> }> = []
  const failures = failTogether(() => started.map((one) => one.archive))
  try {
    let registered: Promise<unknown> = Promise.resolve()
    for (const plan of archives) {
      if (failures.cause() !== undefined) break
      const below = registered
      let layersSent: () => void = () => undefined
      const sent = new Promise<void>((resolve) => (layersSent = resolve))
      const archive = assembleArchive(index, plan, store, {
        prefetch: window.chunks,
        prefetchBytes: window.bytes,
        onBytes: (n) => ticker.add(n),
        beforeNameFiles: async () => {
          layersSent()
          await below
        }
      })
      const imported = runtime.importArchive(archive.stream)
      imported.catch((error: unknown) => failures.fail(archive, error))
      started.push({ archive, imported })
      registered = imported
      // The next archive streams while this one waits for the one below, or once this one has ended.
      await Promise.race([sent, imported.then(noop, noop)])
    }
    const reports = await Promise.allSettled(started.map((one) => one.imported))
    const first = failures.cause()
    if (first !== undefined) throw first.cause
    const lastReport = reports.at(-1)
    if (lastReport?.status !== 'fulfilled') throw new Error('the last stage of the load did not run')
    return lastReport.value
  } finally {
    ticker.stop()
    await Promise.allSettled(started.map((one) => one.imported))
    await dropStages(deps, stages)
  }
}

async function dropStages(deps: HandoffDeps, stages: Stage[]): Promise<void> {
  for (const stage of [...stages].reverse()) {
    await deps.runtime.dropStage?.(stage.imageId).catch((error: unknown) => {
      deps.log.warning(
        `Could not remove ${stage.imageId}, an image standing in for a stage of the load (its label org.image-handoff.stage says whose): ${errorMessage(error)}. Remove it with docker rmi.`
      )
    })
  }
}

const noop = (): void => undefined
