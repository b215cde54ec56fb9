import * as core from '@actions/core'
import { failureMessage } from '../errors.js'
import { Input, parseInputs, type Settings } from '../inputs.js'
import { loadImages } from './load.js'
import { saveImages, type HandoffDeps } from './save.js'
import { changedSelection } from './changes.js'
import { writeSummary } from './summary.js'
import { failureSummary, loadSummary, saveSummary } from './summaries.js'
import type { Log } from './log.js'
import type { DroppedNames, ImageRow } from './report.js'
import { logLine } from './safe-text.js'
import { EngineUnreachable, withDeps as openDeps } from './session.js'

/** The only module that talks to @actions/core: inputs, outputs, state, logs, summary and the failure policy. */

const State = { snapshot: 'image-ids', hit: 'hit', mainDone: 'main-done' } as const

/**
 * Every message reaches the log through here. Plain lines are neutralised (the runner would execute a line
 * starting with `::`); annotations, debug lines and group titles are workflow commands the toolkit escapes itself.
 */
const log: Log = {
  info: (m) => core.info(logLine(m)),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (title, body) => core.group(title, body)
}

/** The runner masks a secret in every later log line; done before anything could print it. */
function maskSecrets(): void {
  for (const name of [Input.githubToken, Input.registryPassword]) {
    const secret = core.getInput(name).trim()
    if (secret !== '') core.setSecret(secret)
  }
}

const withDeps = <T>(settings: Settings, body: (deps: HandoffDeps) => Promise<T>): Promise<T> =>
  openDeps(settings, log, body)

function setImagesOutput(rows: ImageRow[], dropped: DroppedNames[] = []): void {
  core.setOutput('images', JSON.stringify(rows))
  core.setOutput('dropped-names', JSON.stringify(dropped))
}

export async function runMain(): Promise<void> {
  let settings: Settings | undefined
  try {
    maskSecrets()
    settings = parseInputs((name) => core.getInput(name))
    const chosen = settings
    for (const warning of chosen.warnings) log.warning(warning)
    await withDeps(chosen, (deps) => (chosen.mode === 'save' ? mainSave(deps, chosen) : mainLoad(deps, chosen)))
  } catch (error) {
    if (settings?.mode === 'auto' && error instanceof EngineUnreachable) return engineMiss(error)
    // A failed load loaded nothing usable: say so, so `if: steps.x.outputs.hit != 'true'` rebuilds.
    if (settings !== undefined && settings.mode !== 'save') core.setOutput('hit', 'false')
    const message = withEntry(failureMessage(error), settings)
    core.setFailed(message)
    if (settings !== undefined) {
      const step = settings.mode === 'save' ? 'save' : 'load'
      await writeSummary(failureSummary(step, settings.backend, settings.key, message)).catch(() => undefined)
    }
  }
}

/**
 * mode: auto treats an engine it cannot reach like storage it cannot reach: a warning and a miss, so the job
 * builds its images. The post step tries the engine again; with no snapshot of what was there before, it
 * counts every image it then finds (matching "images") as built during the job.
 */
/** A failure names the entry it concerns, so a log read later says which one to save again. */
function withEntry(message: string, settings: Settings | undefined): string {
  if (settings === undefined || message.includes(`"${settings.key}"`)) return message
  return `${message} (entry "${settings.key}", backend: ${settings.backend})`
}

function engineMiss(error: EngineUnreachable): void {
  log.warning(
    `Could not reach the container engine, continuing as a cache miss (the post step tries again to save what the job builds): ${error.message}`
  )
  core.setOutput('hit', 'false')
  core.setOutput('matched-key', '')
  setImagesOutput([])
  core.saveState(State.snapshot, '[]')
  core.saveState(State.hit, 'false')
  core.saveState(State.mainDone, 'true')
}

async function mainSave(deps: HandoffDeps, settings: Settings): Promise<void> {
  const result = await deps.log.group('Save images', () => saveImages(deps, settings))
  setImagesOutput(result.rows, result.dropped)
  await writeSummary(saveSummary(settings.backend, settings.key, result))
}

async function mainLoad(deps: HandoffDeps, settings: Settings): Promise<void> {
  if (settings.backend === 'artifact' && settings.restoreKeys.length > 0) {
    log.warning(
      'Input "restore-keys" does not apply to backend: artifact (an artifact is found by its exact name); ignoring it.'
    )
  }
  const result = await deps.log.group('Load images', () =>
    loadImages(deps, { ...settings, required: settings.mode === 'load' })
  )
  core.setOutput('hit', String(result.hit))
  core.setOutput('matched-key', result.matchedKey ?? '')
  setImagesOutput(result.rows, result.dropped)
  if (settings.mode === 'auto') {
    // Images present now (including those just loaded) are not "changed during the job".
    const ids = (await deps.runtime.list()).map((i) => i.id)
    core.saveState(State.snapshot, JSON.stringify(ids))
    core.saveState(State.hit, String(result.hit))
    core.saveState(State.mainDone, 'true')
  }
  await writeSummary(loadSummary(settings.backend, settings.key, result))
}

/** The post step saves what changed in `mode: auto`; it warns instead of failing the job. */
export async function runPost(): Promise<void> {
  try {
    maskSecrets()
    const settings = parseInputs((name) => core.getInput(name))
    if (settings.mode !== 'auto') return
    if (core.getState(State.mainDone) !== 'true') {
      log.warning(
        'The main step did not finish, so there is no record of the images present before the job; not saving.'
      )
      return
    }
    if (core.getState(State.hit) === 'true') {
      log.info(`The exact key "${settings.key}" was restored; not saving.`)
      return
    }
    const before = new Set<string>(JSON.parse(core.getState(State.snapshot) || '[]') as string[])
    await withDeps(settings, async (deps) => {
      const selection = changedSelection(await deps.runtime.list(), before, settings.images)
      if (selection.include.length === 0) {
        log.info('No image was created or changed during the job (or none matches "images"); nothing to save.')
        return
      }
      const result = await deps.log.group('Save changed images', () =>
        saveImages(deps, { ...settings, images: selection })
      )
      await writeSummary(saveSummary(settings.backend, settings.key, result))
    })
  } catch (error) {
    log.warning(`Saving images in the post step failed: ${failureMessage(error)}`)
  }
}
