/**
 * Reads a fetched chunk back for the load: raw bytes as they are, a zstd chunk through the decompressor. The
 * compressed bytes go through one buffer the caller reuses for every chunk, refilled only once the decompressor has
 * taken the last fill, where a file stream allocates a fresh 1 MiB Buffer per read for the collector to find later.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable, type Transform } from 'node:stream'
import { zstdDecompress } from '../archive/compression.js'
import type { FetchedChunk, StreamedChunk } from './blob-store.js'

export function readChunk(chunk: FetchedChunk | StreamedChunk, buffer: Buffer): Readable {
  if ('body' in chunk) return readStreamed(chunk)
  if (!chunk.compressed) {
    const range = chunk.start !== undefined ? { start: chunk.start, end: chunk.end } : {}
    return createReadStream(chunk.file, { highWaterMark: 1024 * 1024, ...range })
  }
  const output = zstdDecompress()
  feed(chunk, buffer, output).catch((error: unknown) => output.destroy(error as Error))
  return output
}

async function feed(chunk: FetchedChunk, buffer: Buffer, output: Transform): Promise<void> {
  const handle = await open(chunk.file)
  try {
    const end = chunk.end ?? Infinity
    for (let position = chunk.start ?? 0; position <= end;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - position + 1), position)
      if (bytesRead === 0) break
      position += bytesRead
      // The callback comes once zlib has consumed the whole piece: only then may the buffer be refilled.
      await new Promise<void>((resolve, reject) =>
        output.write(buffer.subarray(0, bytesRead), (error?: Error | null) => (error ? reject(error) : resolve()))
      )
    }
    output.end()
  } finally {
    await handle.close()
  }
}

function readStreamed(chunk: StreamedChunk): Readable {
  // Piped as it is where it is a stream already: Readable.from would add a promise per piece.
  const body = chunk.body instanceof Readable ? chunk.body : Readable.from(chunk.body, { objectMode: false })
  if (!chunk.compressed) return body
  const output = zstdDecompress()
  body.once('error', (error) => output.destroy(error))
  return body.pipe(output)
}
