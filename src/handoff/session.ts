import { HandoffError, failureMessage } from '../errors.js'
import type { Settings } from '../inputs.js'
import { createRuntime } from '../runtimes/factory.js'
import { createStore } from '../backends/factory.js'
import type { Runtime } from '../runtimes/runtime.js'
import type { HandoffDeps } from './deps.js'
import type { Log } from './log.js'

/**
 * The store and the runtime the settings name, opened for one step and closed after it: shared by the action
 * (run.ts) and the CLI (cli/), which differ only in how they log and report.
 */

/** The engine could not be reached at all (no daemon, no socket, no tool): nothing was loaded or changed. */
export class EngineUnreachable extends HandoffError {}

export async function withDeps<T>(
  settings: Settings,
  log: Log,
  body: (deps: HandoffDeps) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env
): Promise<T> {
  const store = await createStore(settings, (m) => log.info(m), env)
  let runtime: Runtime
  try {
    runtime = await createRuntime(settings, (m) => log.warning(m), env)
  } catch (error) {
    throw new EngineUnreachable(failureMessage(error))
  }
  try {
    return await body({ runtime, store, log, clock: Date.now })
  } finally {
    await store.release?.()
    await runtime.close()
  }
}
