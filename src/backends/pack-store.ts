/**
 * A store in one file per key, for storage that keeps whole files only (workflow artifacts: per run, nothing to
 * share across runs). The file is a pack (pack-format.ts) so a load reads only the chunks it needs. Where the
 * storage takes an entry in pieces, the pack is uploaded while the engine exports (pack-writer.ts); where it serves
 * ranges, a load reads the pack where it lies (pack-reader.ts); elsewhere the pack goes through a local file.
 */
import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { HandoffError } from '../errors.js'
import { arrivingChunk } from '../store/arrival.js'
import type { BlobStore, FoundIndex } from '../store/blob-store.js'
import type { Backend, RangedEntry, RestoredEntry } from './backend.js'
import type { Table } from './pack-format.js'
import { readPackFile, readPackRanged } from './pack-reader.js'
import { filePackWriter, uploadPackWriter, type PackWriter } from './pack-writer.js'

export function createPackStore(backend: Backend, workDir: string): BlobStore & { kind: 'artifact' } {
  const scratch = join(workDir, 'pack')
  const packFile = join(scratch, `pack-${process.pid}`)
  let writer: PackWriter | undefined
  let saving: string | undefined
  const reading = {
    entry: undefined as RestoredEntry | undefined,
    ranged: undefined as RangedEntry | undefined,
    table: {} as Table
  }
  let fetched = 0

  const openWriter = (): PackWriter => {
    if (writer === undefined) throw new Error('the pack is written after prepare() and before its index')
    return writer
  }

  return {
    kind: 'artifact',
    compresses: false,
    scratch,
    async prepare(key) {
      await mkdir(scratch, { recursive: true })
      saving = key
      // The entry is created on the first chunk, not here: a save that fails before it leaves nothing behind.
      const openUpload = backend.openUpload?.bind(backend)
      writer ??=
        key !== undefined && openUpload
          ? uploadPackWriter(() => openUpload(key))
          : await filePackWriter(packFile, (saved, write) => backend.save(saved, write), rename)
    },
    // Only this pack: what was appended by this save, or what the loaded pack holds.
    has: async (digest) => (writer?.has(digest) ?? false) || digest in reading.table,
    put: (digest, file) => openWriter().put(digest, file),
    async get(digest) {
      const at = reading.table[digest]
      const { entry, ranged } = reading
      if (at === undefined || (entry === undefined && ranged === undefined))
        throw new HandoffError(`chunk ${digest} is not in the loaded ${backend.kind}; it is damaged`)
      if (entry !== undefined || ranged === undefined)
        return {
          file: entry?.file ?? '',
          compressed: true,
          start: at[0],
          end: at[0] + at[1] - 1,
          dispose: async () => undefined
        }
      // Fetched when asked for: the load's caller asks a few chunks ahead, so ranges download side by side.
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`)
      await mkdir(scratch, { recursive: true })
      return arrivingChunk(file, true, (watch) => ranged.fetch(at[0], at[1], file, watch))
    },
    async hasIndex(key) {
      await backend.checkNew?.(key)
      return false
    },
    async writeIndex(key, body) {
      if (saving !== undefined && saving !== key)
        throw new Error(`the pack was prepared for key "${saving}", not "${key}"`)
      try {
        return await openWriter().finish(key, body)
      } finally {
        writer = undefined
        await rm(packFile, { force: true })
      }
    },
    async readIndex(key, restoreKeys): Promise<FoundIndex | undefined> {
      const ranged = backend.openRanged ? await backend.openRanged(key) : undefined
      if (backend.openRanged) {
        if (ranged === undefined) return undefined
        const { table, index } = await readPackRanged(ranged, `${backend.kind} "${ranged.matchedKey}"`)
        Object.assign(reading, { ranged, table })
        return { matchedKey: ranged.matchedKey, body: index }
      }
      const entry = await backend.restore(key, restoreKeys)
      if (entry === undefined) return undefined
      reading.entry = entry
      const { table, index } = await readPackFile(entry.file, `${backend.kind} "${entry.matchedKey}"`)
      reading.table = table
      return { matchedKey: entry.matchedKey, body: index }
    },
    explainMiss: async () => undefined,
    async release() {
      await writer?.close()
      await rm(packFile, { force: true })
      await reading.entry?.dispose()
    }
  }
}
