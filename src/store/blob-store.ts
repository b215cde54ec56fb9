import type { SaveOutcome } from '../backends/backend.js'
import type { Arrival } from './arrival.js'
import type { ChunkDigest } from './format.js'

/** A chunk fetched to local disk, to be read once and disposed of. */
export interface FetchedChunk {
  file: string
  /** Where in `file` the chunk lies (inclusive byte offsets), when it shares the file with others. */
  start?: number
  end?: number
  /**
   * True when the chunk is as the orchestrator stored it: a zstd frame, or its raw bytes where it did not compress
   * (told apart by the first four bytes); false when it holds the raw bytes (a store that compresses itself).
   */
  compressed: boolean
  /**
   * Set while a download still writes `file`: the load reads behind it, so the engine gets each chunk as it lands.
   * A download that fails for good says why here; the reader then stops with that reason.
   */
  arriving?: Arrival
  /** Stops a download still running and removes a downloaded copy (a no-op for a chunk read in place); never throws. */
  dispose(): Promise<void>
}

/** An index found under a key (or a restore-key match). */
export interface FoundIndex {
  matchedKey: string
  body: Buffer
}

/** An entry as a listing shows it. */
export interface ListedEntry {
  key: string
  /** When it was saved (ms since the epoch; the file time for a directory store). */
  created: number
}

/** The order of `list()` and of restore-key matches: newest first, ties by key, so every store answers alike. */
export function newestFirst(a: ListedEntry, b: ListedEntry): number {
  return b.created - a.created || (a.key < b.key ? 1 : -1)
}

/**
 * A content-addressed store: chunks by digest, written once and shared by every key; and small index documents
 * by key. The seam between orchestration and a storage service: a new store (a registry) is one module.
 */
export interface BlobStore {
  readonly kind: 'cache' | 'local' | 'artifact' | 'registry'
  /** True when the storage compresses what it is given (@actions/cache on GHES runs zstd): chunks then go in raw. */
  readonly compresses: boolean
  /** A directory for chunk files on their way in or out, on the same filesystem as the store where it has one. */
  readonly scratch: string
  /**
   * Creates what a save writes into (directories) and sweeps what killed saves left; called before a save of `key`
   * (which a store that names its entry before the first chunk, the artifact pack, needs).
   */
  prepare(key?: string): Promise<void>
  has(digest: ChunkDigest): Promise<boolean>
  /** Stores the chunk file under its digest and consumes the file (moved or removed); resolves to the bytes stored. */
  put(digest: ChunkDigest, file: string): Promise<number>
  /**
   * Fetches a chunk; rejects when it is not there. A store that downloads may resolve as soon as the download has
   * started, with `arriving` set.
   */
  get(digest: ChunkDigest): Promise<FetchedChunk>
  /**
   * The index under `key`, else the newest one whose key starts with a restore key (in order); undefined on a miss.
   * Rejects with an IndexFormatError when what is stored there is not an index this release reads.
   */
  readIndex(key: string, restoreKeys: string[]): Promise<FoundIndex | undefined>
  /** True when an index is stored under exactly `key` (a lookup, nothing downloaded). */
  hasIndex(key: string): Promise<boolean>
  /** Writes an index under `key` unless one exists (entries are immutable); the index becomes visible last. */
  writeIndex(key: string, body: Buffer): Promise<SaveOutcome>
  /** Every entry, newest first (the local and registry stores; what `image-handoff ls` shows). */
  list?(): Promise<ListedEntry[]>
  /** Removes the entry under exactly `key` (its chunks stay: other entries may name them); false when absent. */
  remove?(key: string): Promise<boolean>
  /** Why `key` missed although something is stored under it (an entry of the first release), or undefined. */
  explainMiss(key: string): Promise<string | undefined>
}
