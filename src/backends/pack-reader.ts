/**
 * Reads a pack where it lies, in ranges from the storage (an artifact, of this run or another): the footer, then the
 * table and index; each chunk the load asks for is fetched on demand (pack-store.ts).
 */
import { footerBytes, parseFooter, parseTable, type Table } from './pack-format.js'
import type { RangedEntry } from './backend.js'

export interface PackContents {
  table: Table
  index: Buffer
}

export async function readPackRanged(entry: RangedEntry, what: string): Promise<PackContents> {
  const { size } = entry
  const footer = size >= footerBytes ? await entry.read(size - footerBytes, footerBytes) : Buffer.alloc(0)
  const at = parseFooter(footer, size, what)
  // Table and index lie next to each other: one read for both.
  const both = await entry.read(at.tableAt, at.indexAt + at.indexLength - at.tableAt)
  const table = parseTable(both.subarray(0, at.tableLength), at.tableAt, what)
  return { table, index: both.subarray(at.indexAt - at.tableAt) }
}
