/**
 * Paces V8's garbage collector to the bytes a step streams. Every piece of a save or load passes through Buffers
 * (socket reads, zlib output) that die within milliseconds, but V8 collects them only once tens of MB of external
 * memory have piled up, and the allocator keeps those pages: a 2 GB load peaked at 213 MB RSS where the live data
 * is a few MB. A scavenge every few MB frees the young Buffers for well under a millisecond each, and a full
 * collection now and then frees the few that lived long enough to be promoted; both are cheaper than the
 * collections the pile-up triggered (measured: lower peak RSS and fewer CPU-seconds per load). An Action step
 * cannot start Node with `--expose-gc`, so the collector is fetched from a fresh context with the flag set only
 * meanwhile; where that fails the pacer does nothing and V8 keeps its own pace.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

type Collect = (options?: { type: 'minor' | 'major' }) => void

const minorEvery = 8 * 1024 * 1024
/** External memory (Buffers) above what the last full collection left that calls for the next one. */
const externalMargin = 32 * 1024 * 1024

let found: Collect | null | undefined

function collector(): Collect | null {
  if (found !== undefined) return found
  const own: unknown = (globalThis as { gc?: unknown }).gc
  if (typeof own === 'function') return (found = own as Collect)
  try {
    setFlagsFromString('--expose-gc')
    const fetched: unknown = runInNewContext('gc')
    found = typeof fetched === 'function' ? (fetched as Collect) : null
  } catch {
    found = null
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
  return found
}

let minor = 0
let ceiling = externalMargin

/**
 * Counts bytes streamed anywhere in the process (export, chunk copies, downloads, uploads), since every path's
 * garbage adds up in the one heap: every few MB a scavenge, and a full collection only once Buffers promoted past
 * it (those a queue held a while) exceed what the last one left by the margin. Full collections by the byte cost
 * 12 ms each, more than V8's own, and made a 300 MB save slower.
 */
export function paceGc(bytes: number): void {
  minor += bytes
  if (minor < minorEvery) return
  minor = 0
  const collect = collector()
  if (collect === null) return
  collect({ type: 'minor' })
  if (getHeapStatistics().external_memory <= ceiling) return
  collect({ type: 'major' })
  ceiling = getHeapStatistics().external_memory + externalMargin
}

/** A stream's pieces as they pass, counted for the pace. */
export async function* paced<T extends { length: number }>(source: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const data of source) {
    paceGc(data.length)
    yield data
  }
}

/** A file (or its bytes `start` to `end`) read 1 MiB at a time for an upload, counted for the pace. */
export function pacedFileRead(file: string, range: { start?: number; end?: number } = {}): Readable {
  const reads = createReadStream(file, { highWaterMark: 1024 * 1024, ...range }) as AsyncIterable<Buffer>
  return Readable.from(paced(reads), { objectMode: false })
}
