/**
 * A store in one entry per key, for storage that keeps whole entries only (workflow artifacts: per run, nothing to
 * share across runs). The entry is a pack (pack-format.ts) uploaded piece by piece while the engine exports
 * (pack-writer.ts), and a load reads it where it lies, in ranges (pack-reader.ts): only the chunks it needs.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { HandoffError } from '../errors.js'
import { arrivingChunk } from '../store/arrival.js'
import type { BlobStore, FoundIndex } from '../store/blob-store.js'
import type { PackBackend, RangedEntry } from './backend.js'
import type { Table } from './pack-format.js'
import { readPackRanged } from './pack-reader.js'
import { uploadPackWriter, type PackWriter } from './pack-writer.js'

export function createPackStore(backend: PackBackend, workDir: string): BlobStore & { kind: 'artifact' } {
  const scratch = join(workDir, 'pack')
  let writer: PackWriter | undefined
  let saving: string | undefined
  const reading = { ranged: undefined as RangedEntry | undefined, table: {} as Table }
  let fetched = 0

  const openWriter = (): PackWriter => {
    if (writer === undefined) throw new Error('the pack is written after prepare(key) and before its index')
    return writer
  }

  return {
    kind: 'artifact',
    compresses: false,
    scratch,
    async prepare(key) {
      if (key === undefined) throw new Error('the pack store is prepared for the key it will save')
      await mkdir(scratch, { recursive: true })
      saving = key
      // The entry is created on the first chunk, not here: a save that fails before it leaves nothing behind.
      writer ??= uploadPackWriter(() => backend.openUpload(key))
    },
    // Only this pack: what was appended by this save, or what the loaded pack holds.
    has: async (digest) => (writer?.has(digest) ?? false) || digest in reading.table,
    put: (digest, file) => openWriter().put(digest, file),
    async get(digest) {
      const at = reading.table[digest]
      const { ranged } = reading
      if (at === undefined || ranged === undefined)
        throw new HandoffError(`chunk ${digest} is not in the loaded ${backend.kind}; it is damaged`)
      // Fetched when asked for: the load's caller asks a few chunks ahead, so ranges download side by side.
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`)
      await mkdir(scratch, { recursive: true })
      return arrivingChunk(file, true, (watch) => ranged.fetch(at[0], at[1], file, watch))
    },
    async hasIndex(key) {
      await backend.checkNew(key)
      return false
    },
    async writeIndex(key, body) {
      if (saving !== undefined && saving !== key)
        throw new Error(`the pack was prepared for key "${saving}", not "${key}"`)
      try {
        return await openWriter().finish(body)
      } finally {
        writer = undefined
      }
    },
    // Restore keys do not apply: entries (artifact names) are looked up exactly.
    async readIndex(key): Promise<FoundIndex | undefined> {
      const ranged = await backend.openRanged(key)
      if (ranged === undefined) return undefined
      const { table, index } = await readPackRanged(ranged, `${backend.kind} "${ranged.matchedKey}"`)
      Object.assign(reading, { ranged, table })
      return { matchedKey: ranged.matchedKey, body: index }
    },
    explainMiss: async () => undefined
  }
}
