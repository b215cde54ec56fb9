/**
 * Paces V8's garbage collector to the bytes a step streams. Every piece of a save or load passes through Buffers
 * (socket reads, zlib output) that die within milliseconds, but V8 collects them only once tens of MB of external
 * memory have piled up, and the allocator keeps those pages: a 2 GB load peaked at 213 MB RSS where the live data
 * is a few MB. A scavenge every few MB frees the young Buffers for well under a millisecond each, and a full
 * collection now and then frees the few that lived long enough to be promoted; both are cheaper than the
 * collections the pile-up triggered (measured: lower peak RSS and fewer CPU-seconds per load). An Action step
 * cannot start Node with `--expose-gc`, so the collector is fetched from a fresh context with the flag set only
 * meanwhile; where that fails the pacer does nothing and V8 keeps its own pace. It also sets when V8 starts marking
 * (setMarkingTriggers), which matters more than either.
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
/** Undefined from a full collection until the next scavenge reads what it left. */
let ceiling: number | undefined = externalMargin
let triggersSet = false

/**
 * By default V8 starts marking the old generation as soon as its headroom (limit minus size) is no larger than the
 * young generation. A step's heap is small (about 15 MB, its limit 16 MB above that, the young generation 16 MB), so
 * while a stream promotes anything that condition always holds and V8 marked the whole heap back to back: 40-60
 * full collections per 300 MB, and about 1.5 CPU-s of concurrent marking threads in a 3 CPU-s save (measured with
 * perf and --trace-gc). With these triggers marking starts once half the headroom since the last full collection is
 * used (at once from 90%): 3-8 full collections, and a cold 300 MB save and load through the cache took 3.1-3.2
 * CPU-s instead of 5.0-5.6.
 */
function setMarkingTriggers(): void {
  triggersSet = true
  try {
    setFlagsFromString('--incremental-marking-soft-trigger=50')
    setFlagsFromString('--incremental-marking-hard-trigger=90')
  } catch {
    // V8 keeps its own triggers.
  }
}

/**
 * Counts bytes streamed anywhere in the process (export, chunk copies, downloads, uploads), since every path's
 * garbage adds up in the one heap: every few MB a scavenge, and a full collection only once Buffers promoted past
 * it (those a queue held a while) exceed what the last one left by the margin. Full collections by the byte cost
 * 12 ms each, more than V8's own, and made a 300 MB save slower. What a full collection left is read at the next
 * scavenge, not right after it: V8 frees the dead Buffers' memory on a background thread, and read at once it
 * overstated what was left by up to 25 MB, so the next collection came that much later (2 GB at 100 MB/s: peak RSS
 * 208 -> 193 MB for an artifact save, 197 -> 179 MB for the cache).
 */
export function paceGc(bytes: number): void {
  if (!triggersSet) setMarkingTriggers()
  minor += bytes
  if (minor < minorEvery) return
  minor = 0
  const collect = collector()
  if (collect === null) return
  collect({ type: 'minor' })
  const external = getHeapStatistics().external_memory
  if (ceiling === undefined) ceiling = external + externalMargin
  if (external <= ceiling) return
  collect({ type: 'major' })
  ceiling = undefined
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
