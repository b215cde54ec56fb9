/**
 * Reads a fetched chunk back for the load: raw bytes as they are, a zstd chunk through the decompressor (a chunk
 * the orchestrator stored is either: its first bytes tell); a chunk still downloading is followed as it lands
 * (arrival.ts). The compressed bytes go through one buffer the caller reuses for every chunk, refilled only once
 * the decompressor has taken the last fill, where a file stream allocates a fresh 1 MiB Buffer per read for the
 * collector to find later.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { Readable, type Transform } from 'node:stream'
import { isZstd, zstdDecompress } from '../archive/compression.js'
import type { Arrival } from './arrival.js'
import type { FetchedChunk } from './blob-store.js'

const pieceBytes = 1024 * 1024

export async function readChunk(chunk: FetchedChunk, buffer: Buffer): Promise<Readable> {
  if (!chunk.compressed || !(await startsFrame(chunk)))
    return Readable.from(
      pieces(chunk, () => Buffer.allocUnsafe(pieceBytes)),
      { objectMode: false }
    )
  const output = zstdDecompress()
  feed(chunk, buffer, output).catch((error: unknown) => output.destroy(error as Error))
  return output
}

async function feed(chunk: FetchedChunk, buffer: Buffer, output: Transform): Promise<void> {
  for await (const piece of pieces(chunk, () => buffer)) {
    // The callback comes once zlib has consumed the whole piece: only then may the buffer be refilled.
    await new Promise<void>((resolve, reject) =>
      output.write(piece, (error?: Error | null) => (error ? reject(error) : resolve()))
    )
  }
  output.end()
}

/** Where a chunk's bytes are: a file (or a range of it), perhaps still arriving. */
type ChunkBytes = Pick<FetchedChunk, 'file' | 'start' | 'end' | 'arriving'>

/**
 * True when the chunk's first bytes are a zstd frame's magic number (a chunk under four bytes is raw): how a load
 * reads a chunk, and how a store that keeps the two apart (by name or cache version) files one.
 */
export async function startsFrame(chunk: ChunkBytes): Promise<boolean> {
  const head = Buffer.alloc(4)
  let length = 0
  for await (const piece of pieces(chunk, () => head.subarray(length))) {
    length += piece.length
    if (length === head.length) break
  }
  return isZstd(head.subarray(0, length))
}

/**
 * The chunk's bytes, read into `into()` (the shared buffer, or a fresh one where the reader keeps the pieces);
 * behind a download, never past what it has written, until it ended.
 */
async function* pieces(chunk: ChunkBytes, into: () => Buffer): AsyncGenerator<Buffer> {
  const handle = await open(chunk.file)
  try {
    const end = chunk.end ?? Infinity
    for (let position = chunk.start ?? 0; position <= end;) {
      const target = into()
      const bytesRead = await readSome(handle, target, position, end, chunk.arriving)
      if (bytesRead === 0) break
      position += bytesRead
      yield target.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}

/** Bytes at `position`, waiting for a download to write them; 0 at the end of the chunk. */
async function readSome(
  handle: FileHandle,
  target: Buffer,
  position: number,
  end: number,
  arrival: Arrival | undefined
): Promise<number> {
  for (;;) {
    const whole = arrival === undefined || arrival.complete()
    const limit = whole ? end + 1 : Math.min(end + 1, arrival.written())
    if (position < limit) {
      const length = Math.min(target.length, limit - position)
      const { bytesRead } = await handle.read(target, 0, length, position)
      // Nothing read behind a running download: a retry truncated the file meanwhile; wait for it to pass again.
      if (bytesRead > 0 || whole) return bytesRead
    } else if (whole) return 0
    if (arrival.failure() !== undefined) throw arrival.failure()
    await arrival.next()
  }
}
