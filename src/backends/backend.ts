import type { DownloadWatch } from '../store/arrival.js'

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
 * What the pack store (pack-store.ts) takes of a storage that keeps one entry per key (workflow artifacts): a check
 * before the export that the key may be written, an upload in pieces while the pack is written, and ranged reads of
 * a stored pack, so neither a save nor a load puts the whole pack on disk.
 */
export interface PackBackend {
  readonly kind: 'artifact'
  /** Throws when `key` may not be written (an artifact of that name exists in this run): checked before any export. */
  checkNew(key: string): Promise<void>
  /** Starts the entry under `key`, uploaded piece by piece while it is written; it is visible only once committed. */
  openUpload(key: string): Promise<PieceUpload>
  /** The entry under exactly `key`, to read in ranges; undefined on a miss. */
  openRanged(key: string): Promise<RangedEntry | undefined>
}
