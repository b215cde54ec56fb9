/** A fetched chunk as the tests read it: whole once its download ended, or followed as the load follows it. */
import { createHash } from 'node:crypto'
import type { FetchedChunk } from '../../src/store/blob-store.js'
import { readChunk } from '../../src/store/chunk-read.js'

/** The chunk once its download (if one still runs) has ended; rejects with the download's failure. */
export async function whole(chunk: FetchedChunk): Promise<FetchedChunk> {
  const arrival = chunk.arriving
  while (arrival !== undefined && !arrival.complete()) {
    if (arrival.failure() !== undefined) throw arrival.failure()
    await arrival.next()
  }
  return chunk
}

/** The sha256 (hex) of the file's bytes, read right behind the download as the load reads them, not decompressed. */
export async function followedSha256(chunk: FetchedChunk): Promise<string> {
  const hash = createHash('sha256')
  for await (const piece of await readChunk({ ...chunk, compressed: false }, Buffer.alloc(64 * 1024)))
    hash.update(piece as Buffer)
  return hash.digest('hex')
}
