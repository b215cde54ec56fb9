/**
 * A chunk file that a download is still writing, read right behind the writer: the load hands the engine each
 * chunk's bytes as they land instead of once the whole chunk is there, while later chunks download side by side
 * into files of their own. A retry rewrites the same file from its start (the same inode: a reader's open handle
 * stays valid), and the reader waits until the new attempt has passed where it stopped; the bytes are the same
 * content-addressed chunk, so what it already read stands.
 */
import { once } from 'node:events'
import { open, rm, type FileHandle } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FetchedChunk } from './blob-store.js'

/** Who follows a download (the load reading behind it), and what stops it (the load ending first). */
export interface DownloadWatch {
  arrival: Arrival
  signal: AbortSignal
}

/**
 * A chunk handed to the load as soon as its download starts: `download` writes `file` (with retries of its own)
 * and the load reads behind it. The file exists before this resolves, so the reader never opens it too early.
 */
export async function arrivingChunk(
  file: string,
  compressed: boolean,
  download: (watch: DownloadWatch) => Promise<void>,
  cleanup: () => void = () => undefined
): Promise<FetchedChunk> {
  await open(file, 'w').then(
    (created) => created.close(),
    (error: unknown) => {
      cleanup()
      throw error
    }
  )
  const arrival = new Arrival()
  const stop = new AbortController()
  const settled = download({ arrival, signal: stop.signal }).then(
    () => arrival.finish(),
    (error: unknown) => arrival.finish(error ?? new Error('the download failed'))
  )
  return {
    file,
    compressed,
    arriving: arrival,
    async dispose() {
      stop.abort()
      await settled
      await rm(file, { force: true }).catch(() => undefined)
      cleanup()
    }
  }
}

export class Arrival {
  private bytes = 0
  private settled = false
  private error: unknown
  private wake: Array<() => void> = []

  /** Bytes the current attempt has put in the file: a reader stays below. */
  written(): number {
    return this.bytes
  }

  /** True once every byte is in the file. */
  complete(): boolean {
    return this.settled && this.error === undefined
  }

  /** Why the download failed for good, once it did. */
  failure(): unknown {
    return this.error
  }

  /** Resolves at the next write, retry or end, so a reader that caught up looks again. */
  async next(): Promise<void> {
    if (this.settled) return
    await new Promise<void>((resolve) => this.wake.push(resolve))
  }

  /** An attempt starts over from the file's first byte. */
  restart(): void {
    this.bytes = 0
  }

  advance(total: number): void {
    this.bytes = total
    this.notify()
  }

  finish(error?: unknown): void {
    if (this.settled) return
    this.settled = true
    this.error = error ?? undefined
    this.notify()
  }

  private notify(): void {
    for (const resolve of this.wake.splice(0)) resolve()
  }
}

/**
 * One attempt of a download: `source` into `file`, for the reader behind it. Settles only once the file is closed,
 * so a retry never truncates the file while a write of this attempt is still on its way.
 */
export async function downloadInto(
  source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  file: string,
  watch?: DownloadWatch
): Promise<void> {
  const writer = arrivalWriter(file, watch?.arrival)
  try {
    await pipeline(source, writer, watch ? { signal: watch.signal } : {})
  } finally {
    if (!writer.closed) await once(writer, 'close').catch(() => undefined)
  }
}

/**
 * A file replaced by what is written to it, telling `arrival` as each write reaches the file (a plain file stream
 * tells nothing until it closes). Writes are batched up to 1 MiB, so the download goes on while earlier bytes are
 * written (a 4 MiB buffer measured +30 MB peak RSS per load).
 */
export function arrivalWriter(file: string, arrival?: Arrival): Writable {
  let handle: FileHandle | undefined
  let total = 0
  arrival?.restart()
  const put = async (buffers: Buffer[]): Promise<void> => {
    if (handle === undefined) throw new Error(`${file} is not open`)
    const { bytesWritten } = await handle.writev(buffers)
    const expected = buffers.reduce((sum, buffer) => sum + buffer.length, 0)
    if (bytesWritten !== expected) throw new Error(`${file}: ${bytesWritten} of ${expected} bytes written`)
    total += bytesWritten
    arrival?.advance(total)
  }
  return new Writable({
    highWaterMark: 1024 * 1024,
    construct(callback) {
      // Truncated, not replaced: a reader of an earlier attempt holds this inode open.
      open(file, 'w').then((opened) => {
        handle = opened
        callback()
      }, callback)
    },
    write(chunk: Buffer, _encoding, callback) {
      put([chunk]).then(() => callback(), callback)
    },
    writev(chunks, callback) {
      put(chunks.map(({ chunk }) => chunk as Buffer)).then(() => callback(), callback)
    },
    destroy(error, callback) {
      const closing = handle?.close() ?? Promise.resolve()
      closing.then(
        () => callback(error),
        () => callback(error)
      )
    }
  })
}
