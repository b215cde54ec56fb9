/**
 * Puts an archive written by any tool into a local store as the entry `key`, exactly as a save stores an
 * engine's export: split into chunks, with an index naming them. For tests of archives no engine here writes.
 */
import { createReadStream } from 'node:fs'
import { createLocalStore } from '../../src/backends/local-store.js'
import { readModel } from '../../src/archive/read-model.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { defaultChunkBytes, encodeIndex, newIndex } from '../../src/store/format.js'
import { splitArchive } from '../../src/store/split.js'

export async function storeArchiveFile(storeDir: string, key: string, archive: string): Promise<void> {
  const store = createLocalStore(storeDir)
  await store.prepare()
  const sink = storeSink(store, { compressionLevel: 3, inFlight: 2, inFlightBytes: 1 << 30 })
  const split = await splitArchive(createReadStream(archive), sink, defaultChunkBytes)
  await sink.finish()
  const index = newIndex(readModel(split.contents), split.entries, defaultChunkBytes)
  const outcome = await store.writeIndex(key, encodeIndex(index))
  if (!outcome.saved) throw new Error(`could not store ${archive} as ${key}: ${outcome.reason}`)
}
