/**
 * Reads a pack where it lies: from a downloaded file, or in ranges from storage that serves them (a same-run
 * artifact), where the footer, then the table and index, then each chunk the load asks for are fetched on demand.
 */
import { open } from 'node:fs/promises'
import { footerBytes, parseFooter, parseTable, type Table } from './pack-format.js'
import type { RangedEntry } from './backend.js'

export interface PackContents {
  table: Table
  index: Buffer
}

/** Reads ranges of a pack of `size` bytes. */
type ReadRange = (at: number, length: number) => Promise<Buffer>

async function readContents(size: number, read: ReadRange, what: string): Promise<PackContents> {
  const footer = size >= footerBytes ? await read(size - footerBytes, footerBytes) : Buffer.alloc(0)
  const at = parseFooter(footer, size, what)
  // Table and index lie next to each other: one read for both.
  const both = await read(at.tableAt, at.indexAt + at.indexLength - at.tableAt)
  const table = parseTable(both.subarray(0, at.tableLength), at.tableAt, what)
  return { table, index: both.subarray(at.indexAt - at.tableAt) }
}

export async function readPackFile(file: string, what: string): Promise<PackContents> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    return await readContents(
      size,
      async (at, length) => {
        const data = Buffer.alloc(length)
        const { bytesRead } = await handle.read(data, 0, length, at)
        return data.subarray(0, bytesRead)
      },
      what
    )
  } finally {
    await handle.close()
  }
}

export function readPackRanged(entry: RangedEntry, what: string): Promise<PackContents> {
  return readContents(entry.size, (at, length) => entry.read(at, length), what)
}
