import type { Settings } from '../inputs.js'
import type { Runtime } from '../runtimes/runtime.js'
import type { BlobStore } from '../store/blob-store.js'
import type { Clock, Log } from './log.js'

/** Output names, exactly as action.yml declares them. */
export const Output = {
  images: 'images',
  droppedNames: 'dropped-names',
  hit: 'hit',
  matchedKey: 'matched-key'
} as const

export type OutputName = (typeof Output)[keyof typeof Output]

/**
 * Everything the orchestration reads from or tells the runner, as actions/cache keeps its state behind a provider:
 * core-io.ts binds it to @actions/core for the entry points, tests to arrays.
 */
export interface ActionIO {
  readonly log: Log
  /** One input by its action.yml name, '' when unset. */
  input(name: string): string
  output(name: OutputName, value: string): void
  /** State the main step leaves for the post step. */
  saveState(name: string, value: string): void
  getState(name: string): string
  /** Masks `value` in every later log line. */
  setSecret(value: string): void
  /** Marks the step failed with `message`. */
  fail(message: string): void
  /** Appends HTML to the job summary; does nothing where the runner keeps none. */
  summary(html: string): Promise<void>
}

/** Where the orchestration gets its engine, its store and the time: the factories, or fakes in tests. */
export interface Engines {
  runtime(settings: Settings, warn: (message: string) => void): Promise<Runtime>
  store(settings: Settings, log: (message: string) => void): Promise<BlobStore>
  clock: Clock
}
