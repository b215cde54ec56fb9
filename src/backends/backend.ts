import type { DownloadWatch } from '../store/arrival.js'
/** A stored entry fetched to a local file, ready to stream from. */
export interface RestoredEntry {
  /** The key that was found: the exact key, or the newest key matching a restore-key prefix. */
  matchedKey: string
  /** Path of the payload on local disk. */
  file: string
  /** Removes the downloaded payload; never throws. */
  dispose(): Promise<void>
}

/** A piece's bytes: a small buffer, or a way to open its file (again, for a retry). */
export type PieceBody = Buffer | (() => NodeJS.ReadableStream)

/** An entry uploaded piece by piece while it is still being written (artifacts: staged blocks). */
export interface PieceUpload {
  /** Uploads piece `n` (0-based; pieces may arrive in any order) from `body` (a stream factory is called again on a retry). */
  stage(n: number, body: PieceBody, length: number): Promise<void>
  /** Makes pieces 0..count-1, in that order, the entry: `size` bytes whose sha256 (hex) is `sha256`. */
  commit(count: number, size: number, sha256: string): Promise<SaveOutcome>
}

/** A stored entry read where it lies, range by range, nothing downloaded ahead. */
export interface RangedEntry {
  matchedKey: string
  size: number
  /** A small range (a footer, an index) in memory. */
  read(start: number, length: number): Promise<Buffer>
  /** A range into `file`, followed by `watch` (the load reading behind it). */
  fetch(start: number, length: number, file: string, watch?: DownloadWatch): Promise<void>
}

export type SaveOutcome = { saved: true; key: string; bytes: number } | { saved: false; key: string; reason: string }

/**
 * One small seam per storage. A payload is one file: an image archive, compressed with zstd by the
 * orchestrator unless the backend compresses it itself (`compresses`), so nothing is compressed twice.
 */
export interface Backend {
  readonly kind: 'cache' | 'artifact' | 'local'
  /** True when the storage applies its own compression (the Actions cache runs zstd). */
  readonly compresses: boolean
  /** True when an entry under exactly `key` exists (a lookup only, nothing downloaded). */
  exists(key: string): Promise<boolean>
  /**
   * Stores one entry. `write` streams the payload into the file path it is given; the entry becomes
   * visible only after `write` resolved and the upload completed, so a failure leaves no entry behind.
   * Skips (saved: false) when `key` already exists, so parallel jobs do not fight over it.
   */
  save(key: string, write: (file: string) => Promise<void>): Promise<SaveOutcome>
  /** Throws when `key` may not be written (an artifact of that name exists in this run): checked before any export. */
  checkNew?(key: string): Promise<void>
  /** Starts the entry under `key` to be uploaded while it is written, where the storage can take it in pieces. */
  openUpload?(key: string): Promise<PieceUpload>
  /** The entry under exactly `key` to read in ranges, where the storage serves ranges; undefined on a miss. */
  openRanged?(key: string): Promise<RangedEntry | undefined>
  /** Fetches `key`, else the newest entry whose key starts with a restore key (in order); undefined on a miss. */
  restore(key: string, restoreKeys: string[]): Promise<RestoredEntry | undefined>
}
