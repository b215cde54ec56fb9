import type { Backend } from '../backends/backend.js'
import type { BlobStore } from '../store/blob-store.js'
import type { Runtime } from '../runtimes/runtime.js'
import type { Clock, Log } from './log.js'

/**
 * Where images go: a content-addressed store (cache, local: chunks by digest plus an index per key), or a
 * single streamed payload per key (artifact: per run, so nothing to share across keys).
 */
export type Storage = { kind: 'store'; store: BlobStore } | { kind: 'file'; backend: Backend }

export interface HandoffDeps {
  runtime: Runtime
  storage: Storage
  log: Log
  clock: Clock
}

export function storageName(storage: Storage): string {
  return storage.kind === 'store' ? storage.store.kind : storage.backend.kind
}
