import { HandoffError, failureMessage } from '../errors.js'
import type { Settings } from '../inputs.js'
import { createRuntime } from '../runtimes/factory.js'
import { createStore } from '../backends/factory.js'
import type { BlobStore } from '../store/blob-store.js'
import type { HandoffDeps } from './deps.js'
import type { Engines } from './io.js'
import type { Log } from './log.js'

/**
 * The store and the runtime the settings name, opened for one step and closed after it: shared by the action
 * (run.ts) and the CLI (cli/), which differ only in how they log and report.
 */

/** The engine could not be reached at all (no daemon, no socket, no tool): nothing was loaded or changed. */
export class EngineUnreachable extends HandoffError {}

/** The real factories, reading `env` (the action's process, or the CLI's). */
export function defaultEngines(env: NodeJS.ProcessEnv = process.env): Engines {
  return {
    runtime: (settings, warn) => createRuntime(settings, warn, env),
    store: (settings, log) => createStore(settings, log, env),
    clock: Date.now
  }
}

/** A failure that is not the user's to fix is a bug or an environment fault: its stack goes to the debug log. */
export function debugUnexpected(log: Log, error: unknown): void {
  if (error instanceof HandoffError) return
  const stack = (error as { stack?: unknown } | null)?.stack
  if (typeof stack === 'string') log.debug(stack)
}

export async function withDeps<T>(
  settings: Settings,
  log: Log,
  engines: Engines,
  body: (deps: HandoffDeps) => Promise<T>
): Promise<T> {
  // Opened side by side: the store's module compiles while the engine answers its first request.
  const opening = engines
    .runtime(settings, (m) => log.warning(m))
    .catch((error: unknown) => {
      debugUnexpected(log, error)
      throw new EngineUnreachable(failureMessage(error))
    })
  opening.catch(() => undefined)
  let store: BlobStore
  try {
    store = await engines.store(settings, (m) => log.info(m))
  } catch (error) {
    await (await opening.catch(() => undefined))?.close()
    throw error
  }
  const runtime = await opening
  try {
    return await body({ runtime, store, log, clock: engines.clock })
  } finally {
    await runtime.close()
  }
}
