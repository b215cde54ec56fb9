/**
 * The pack's byte layout, shared by its writer and its reader: the zstd chunks one after the other, then a table of
 * where each chunk starts, then the index, then a fixed footer that locates both, so a load reads only what it needs:
 *   [chunk frames…][table JSON][index JSON][footer: "IHPACK02", table offset, table length, index offset, index length]
 */
import { IndexFormatError } from '../store/format.js'

const magic = Buffer.from('IHPACK02')
export const footerBytes = magic.length + 4 * 8

export type Table = Record<string, [offset: number, length: number]>

export interface Footer {
  tableAt: number
  tableLength: number
  indexAt: number
  indexLength: number
}

/** What follows the chunks: the table, the index and the footer, as one piece. */
export function packTail(table: Table, index: Buffer, tableAt: number): Buffer {
  const tableBytes = Buffer.from(JSON.stringify(table))
  const footer = Buffer.alloc(footerBytes)
  magic.copy(footer)
  const indexAt = tableAt + tableBytes.length
  ;[tableAt, tableBytes.length, indexAt, index.length].forEach((n, i) =>
    footer.writeBigUInt64BE(BigInt(n), magic.length + 8 * i)
  )
  return Buffer.concat([tableBytes, index, footer])
}

/** The footer of a pack of `size` bytes whose last `footerBytes` are `footer` (shorter when the pack is). */
export function parseFooter(footer: Buffer, size: number, what: string): Footer {
  if (size < footerBytes || footer.length < footerBytes || !footer.subarray(0, magic.length).equals(magic))
    throw new IndexFormatError(
      `${what} is not an image-handoff pack (an entry of the first release, or of another tool)`
    )
  const [tableAt, tableLength, indexAt, indexLength] = [0, 1, 2, 3].map((i) =>
    Number(footer.readBigUInt64BE(magic.length + 8 * i))
  ) as [number, number, number, number]
  if (tableAt + tableLength > indexAt || indexAt + indexLength > size - footerBytes)
    throw new IndexFormatError(`${what} has a damaged footer`)
  return { tableAt, tableLength, indexAt, indexLength }
}

export function parseTable(body: Buffer, tableAt: number, what: string): Table {
  let table: Table
  try {
    table = JSON.parse(body.toString('utf8')) as Table
  } catch {
    throw new IndexFormatError(`${what} has a damaged chunk table`)
  }
  const valid =
    typeof table === 'object' &&
    table !== null &&
    Object.values(table).every(
      (at) => Array.isArray(at) && at.length === 2 && at.every(Number.isSafeInteger) && at[0] + at[1] <= tableAt
    )
  if (!valid) throw new IndexFormatError(`${what} has a chunk table that points outside its chunks`)
  return table
}
