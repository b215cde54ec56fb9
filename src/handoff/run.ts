import { failureMessage } from '../errors.js'
import { Input, parseInputs, type Settings } from '../inputs.js'
import { loadImages } from './load.js'
import { saveImages, type HandoffDeps } from './save.js'
import { changedSelection } from './changes.js'
import { renderSummary, type SummaryReport } from './summary.js'
import { failureSummary, loadSummary, saveSummary } from './summaries.js'
import type { DroppedNames, ImageRow } from './report.js'
import { Output, type ActionIO, type Engines } from './io.js'
import { EngineUnreachable, debugUnexpected, defaultEngines, withDeps } from './session.js'

/** The orchestration of a step: inputs, outputs, state, summary and the failure policy, all through `ActionIO`. */

const State = { snapshot: 'image-ids', hit: 'hit', mainDone: 'main-done' } as const

/** The runner masks a secret in every later log line; done before anything could print it. */
function maskSecrets(io: ActionIO): void {
  for (const name of [Input.githubToken, Input.registryPassword]) {
    const secret = io.input(name).trim()
    if (secret !== '') io.setSecret(secret)
  }
}

function setImagesOutput(io: ActionIO, rows: ImageRow[], dropped: DroppedNames[] = []): void {
  io.output(Output.images, JSON.stringify(rows))
  io.output(Output.droppedNames, JSON.stringify(dropped))
}

const writeSummary = (io: ActionIO, report: SummaryReport): Promise<void> => io.summary(renderSummary(report))

export async function runMain(io: ActionIO, engines: Engines = defaultEngines()): Promise<void> {
  let settings: Settings | undefined
  try {
    maskSecrets(io)
    settings = parseInputs((name) => io.input(name))
    const chosen = settings
    for (const warning of chosen.warnings) io.log.warning(warning)
    await withDeps(chosen, io.log, engines, (deps) =>
      chosen.mode === 'save' ? mainSave(io, deps, chosen) : mainLoad(io, deps, chosen)
    )
  } catch (error) {
    if (settings?.mode === 'auto' && error instanceof EngineUnreachable) return engineMiss(io, error)
    debugUnexpected(io.log, error)
    // A failed load loaded nothing usable: say so, so `if: steps.x.outputs.hit != 'true'` rebuilds.
    if (settings !== undefined && settings.mode !== 'save') io.output(Output.hit, 'false')
    const message = withEntry(failureMessage(error), settings)
    io.fail(message)
    if (settings !== undefined) {
      const step = settings.mode === 'save' ? 'save' : 'load'
      await writeSummary(io, failureSummary(step, settings.backend, settings.key, message)).catch(() => undefined)
    }
  }
}

/** A failure names the entry it concerns, so a log read later says which one to save again. */
function withEntry(message: string, settings: Settings | undefined): string {
  if (settings === undefined || message.includes(`"${settings.key}"`)) return message
  return `${message} (entry "${settings.key}", backend: ${settings.backend})`
}

/**
 * mode: auto treats an engine it cannot reach like storage it cannot reach: a warning and a miss, so the job
 * builds its images. The post step tries the engine again; with no snapshot of what was there before, it
 * counts every image it then finds (matching "images") as built during the job.
 */
function engineMiss(io: ActionIO, error: EngineUnreachable): void {
  io.log.warning(
    `Could not reach the container engine, continuing as a cache miss (the post step tries again to save what the job builds): ${error.message}`
  )
  io.output(Output.hit, 'false')
  io.output(Output.matchedKey, '')
  setImagesOutput(io, [])
  io.saveState(State.snapshot, '[]')
  io.saveState(State.hit, 'false')
  io.saveState(State.mainDone, 'true')
}

async function mainSave(io: ActionIO, deps: HandoffDeps, settings: Settings): Promise<void> {
  const result = await deps.log.group('Save images', () => saveImages(deps, settings))
  setImagesOutput(io, result.rows, result.dropped)
  await writeSummary(io, saveSummary(settings.backend, settings.key, result))
}

async function mainLoad(io: ActionIO, deps: HandoffDeps, settings: Settings): Promise<void> {
  if (settings.backend === 'artifact' && settings.restoreKeys.length > 0) {
    io.log.warning(
      'Input "restore-keys" does not apply to backend: artifact (an artifact is found by its exact name); ignoring it.'
    )
  }
  const result = await deps.log.group('Load images', () =>
    loadImages(deps, { ...settings, required: settings.mode === 'load' })
  )
  io.output(Output.hit, String(result.hit))
  io.output(Output.matchedKey, result.matchedKey ?? '')
  setImagesOutput(io, result.rows, result.dropped)
  if (settings.mode === 'auto') {
    // Images present now (including those just loaded) are not "changed during the job".
    const ids = (await deps.runtime.list()).map((i) => i.id)
    io.saveState(State.snapshot, JSON.stringify(ids))
    io.saveState(State.hit, String(result.hit))
    io.saveState(State.mainDone, 'true')
  }
  await writeSummary(io, loadSummary(settings.backend, settings.key, result))
}

/** The post step saves what changed in `mode: auto`; it warns instead of failing the job. */
export async function runPost(io: ActionIO, engines: Engines = defaultEngines()): Promise<void> {
  const { log } = io
  try {
    maskSecrets(io)
    const settings = parseInputs((name) => io.input(name))
    if (settings.mode !== 'auto') return
    if (io.getState(State.mainDone) !== 'true') {
      log.warning(
        'The main step did not finish, so there is no record of the images present before the job; not saving.'
      )
      return
    }
    if (io.getState(State.hit) === 'true') {
      log.info(`The exact key "${settings.key}" was restored; not saving.`)
      return
    }
    const before = new Set<string>(JSON.parse(io.getState(State.snapshot) || '[]') as string[])
    await withDeps(settings, io.log, engines, async (deps) => {
      const selection = changedSelection(await deps.runtime.list(), before, settings.images)
      if (selection.include.length === 0) {
        log.info('No image was created or changed during the job (or none matches "images"); nothing to save.')
        return
      }
      const result = await deps.log.group('Save changed images', () =>
        saveImages(deps, { ...settings, images: selection })
      )
      await writeSummary(io, saveSummary(settings.backend, settings.key, result))
    })
  } catch (error) {
    debugUnexpected(io.log, error)
    log.warning(`Saving images in the post step failed: ${failureMessage(error)}`)
  }
}
