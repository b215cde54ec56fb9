/**
 * A store in one file per key, for storage that keeps whole files only (workflow artifacts: per run, nothing to
 * share across runs). The file is a pack: the zstd chunks one after the other, then a table of where each chunk
 * starts, then the index, then a fixed footer that locates both, so a load reads only the chunks it needs:
 *   [chunk frames…][table JSON][index JSON][footer: "IHPACK02", table offset, table length, index offset, index length]
 * Chunks are appended as the engine exports; the file is handed to the storage once the index is written.
 */
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { HandoffError } from '../errors.js'
import type { BlobStore, FoundIndex } from '../store/blob-store.js'
import { IndexFormatError } from '../store/format.js'
import type { Backend, RestoredEntry, SaveOutcome } from './backend.js'

const magic = Buffer.from('IHPACK02')
const footerBytes = magic.length + 4 * 8

type Table = Record<string, [offset: number, length: number]>

export function createPackStore(backend: Backend, workDir: string): BlobStore & { kind: 'artifact' } {
  const scratch = join(workDir, 'pack')
  const packFile = join(scratch, `pack-${process.pid}`)
  const writing = {
    handle: undefined as FileHandle | undefined,
    offset: 0,
    table: {} as Table,
    tail: Promise.resolve()
  }
  const reading = { entry: undefined as RestoredEntry | undefined, table: {} as Table }

  const openPack = (): FileHandle => {
    if (writing.handle === undefined) throw new Error('the pack is written after prepare() and before its close')
    return writing.handle
  }
  const append = (data: Buffer): Promise<void> => {
    const run = writing.tail.then(async () => {
      await openPack().write(data, 0, data.length, writing.offset)
      writing.offset += data.length
    })
    writing.tail = run.catch(() => undefined)
    return run
  }

  return {
    kind: 'artifact',
    compresses: false,
    scratch,
    async prepare() {
      await mkdir(scratch, { recursive: true })
      writing.handle ??= await open(packFile, 'w')
    },
    // Only this pack: what was appended by this save, or what the downloaded pack holds.
    has: async (digest) => digest in writing.table || digest in reading.table,
    async put(digest, file) {
      // Appends take turns, so a chunk's bytes are contiguous however many chunks finish at once; its offset is
      // known only when its turn comes.
      const run = writing.tail.then(async () => {
        const start = writing.offset
        for await (const data of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
          await openPack().write(data, 0, data.length, writing.offset)
          writing.offset += data.length
        }
        writing.table[digest] = [start, writing.offset - start]
      })
      writing.tail = run.catch(() => undefined)
      await run
      return writing.table[digest][1]
    },
    async get(digest) {
      const at = reading.table[digest]
      if (reading.entry === undefined || at === undefined)
        throw new HandoffError(`chunk ${digest} is not in the downloaded ${backend.kind}; it is damaged`)
      return {
        file: reading.entry.file,
        compressed: true,
        start: at[0],
        end: at[0] + at[1] - 1,
        dispose: async () => undefined
      }
    },
    async hasIndex(key) {
      await backend.checkNew?.(key)
      return false
    },
    async writeIndex(key, body): Promise<SaveOutcome> {
      const table = Buffer.from(JSON.stringify(writing.table))
      const tableAt = writing.offset
      await append(table)
      const indexAt = writing.offset
      await append(body)
      const footer = Buffer.alloc(footerBytes)
      magic.copy(footer)
      ;[tableAt, table.length, indexAt, body.length].forEach((n, i) =>
        footer.writeBigUInt64BE(BigInt(n), magic.length + 8 * i)
      )
      await append(footer)
      await openPack().close()
      writing.handle = undefined
      try {
        return await backend.save(key, (file) => rename(packFile, file))
      } finally {
        await rm(packFile, { force: true })
      }
    },
    async readIndex(key, restoreKeys): Promise<FoundIndex | undefined> {
      const entry = await backend.restore(key, restoreKeys)
      if (entry === undefined) return undefined
      reading.entry = entry
      const { table, index } = await readPack(entry.file, `${backend.kind} "${entry.matchedKey}"`)
      reading.table = table
      return { matchedKey: entry.matchedKey, body: index }
    },
    explainMiss: async () => undefined,
    async release() {
      await writing.handle?.close().catch(() => undefined)
      await rm(packFile, { force: true })
      await reading.entry?.dispose()
    }
  }
}

async function readPack(file: string, what: string): Promise<{ table: Table; index: Buffer }> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const footer = Buffer.alloc(footerBytes)
    if (size >= footerBytes) await handle.read(footer, 0, footerBytes, size - footerBytes)
    if (size < footerBytes || !footer.subarray(0, magic.length).equals(magic)) {
      throw new IndexFormatError(
        `${what} is not an image-handoff pack (an entry of the first release, or of another tool)`
      )
    }
    const [tableAt, tableLength, indexAt, indexLength] = [0, 1, 2, 3].map((i) =>
      Number(footer.readBigUInt64BE(magic.length + 8 * i))
    ) as [number, number, number, number]
    if (tableAt + tableLength > indexAt || indexAt + indexLength > size - footerBytes)
      throw new IndexFormatError(`${what} has a damaged footer`)
    const read = async (at: number, length: number): Promise<Buffer> => {
      const data = Buffer.alloc(length)
      await handle.read(data, 0, length, at)
      return data
    }
    let table: Table
    try {
      table = JSON.parse((await read(tableAt, tableLength)).toString('utf8')) as Table
    } catch {
      throw new IndexFormatError(`${what} has a damaged chunk table`)
    }
    const valid = Object.values(table).every(
      (at) => Array.isArray(at) && at.length === 2 && at.every(Number.isSafeInteger) && at[0] + at[1] <= tableAt
    )
    if (!valid) throw new IndexFormatError(`${what} has a chunk table that points outside its chunks`)
    return { table, index: await read(indexAt, indexLength) }
  } finally {
    await handle.close()
  }
}
