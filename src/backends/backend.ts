/** A stored entry fetched to a local file, ready to stream from. */
export interface RestoredEntry {
  /** The key that was found: the exact key, or the newest key matching a restore-key prefix. */
  matchedKey: string
  /** Path of the payload on local disk. */
  file: string
  /** Removes the downloaded payload; never throws. */
  dispose(): Promise<void>
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
  /** Fetches `key`, else the newest entry whose key starts with a restore key (in order); undefined on a miss. */
  restore(key: string, restoreKeys: string[]): Promise<RestoredEntry | undefined>
}
