import type { BlobStore } from '../store/blob-store.js'
import type { Runtime } from '../runtimes/runtime.js'
import type { Clock, Log } from './log.js'

export interface HandoffDeps {
  runtime: Runtime
  /** Where images go: chunks by digest plus an index per key (cache, local), or a pack file per key (artifact). */
  store: BlobStore
  log: Log
  clock: Clock
}
