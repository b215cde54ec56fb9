/** A stored zstd payload is one whole frame: cut short or with anything after it, it is refused with a message. */
import { describe, expect, it } from '@jest/globals'
import { randomFillSync } from 'node:crypto'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { zstdCompressSync } from 'node:zlib'
import { HandoffError } from '../../src/errors.js'
import { zstdCompress, zstdDecompress } from '../../src/archive/compression.js'
import { faultTable, outcomeOf } from '../support/fault-table.js'

const record = faultTable('zstd-payload')

/** As a save writes it: many writes of varied sizes (after which Node's compressor appends an empty frame). */
async function compress(data: Buffer): Promise<Buffer> {
  const pieces: Buffer[] = []
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = 512 + ((i * 7919) % 70000)
    pieces.push(data.subarray(at, at + size))
    at += size
  }
  const out: Buffer[] = []
  await pipeline(
    Readable.from(pieces),
    zstdCompress(3),
    new Writable({
      write(c: Buffer, _e, cb) {
        out.push(c)
        cb()
      }
    })
  )
  return Buffer.concat(out)
}

/** Decompresses `payload` fed in chunks of `size` bytes; resolves with the byte count. */
async function decompress(payload: Buffer, size: number): Promise<number> {
  const chunks: Buffer[] = []
  for (let at = 0; at < payload.length; at += size) chunks.push(payload.subarray(at, at + size))
  let bytes = 0
  await pipeline(
    Readable.from(chunks),
    zstdDecompress(),
    new Writable({
      write(c: Buffer, _e, cb) {
        bytes += c.length
        cb()
      }
    })
  )
  return bytes
}

const data = Buffer.alloc(1024 * 1024, 'layer bytes ')
for (let at = 0; at < data.length; at += 4096) randomFillSync(data, at, 1024)

describe('zstd payloads: one whole frame, nothing after it', () => {
  it.each([64, 4096, 1 << 20])('takes a whole payload fed in chunks of %i bytes', async (size) => {
    expect(await decompress(await compress(data), size)).toBe(data.length)
  })

  it("takes the empty frame Node's compressor ends a stream with, and refuses a frame with data after the first", async () => {
    const payload = await compress(data)
    const magic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])
    expect(payload.lastIndexOf(magic)).toBeGreaterThan(0) // the empty frame this test is about
    expect(await decompress(Buffer.concat([payload, zstdCompressSync(Buffer.alloc(0))]), 4096)).toBe(data.length)
  })

  const cases: Array<[string, string, (p: Buffer) => Buffer, RegExp]> = [
    [
      'truncated payload',
      'cut the last 5 bytes',
      (p) => p.subarray(0, p.length - 5),
      /truncated: it ends after \d+ bytes, inside its zstd frame/
    ],
    ['truncated in the header', 'kept only the first 3 bytes', (p) => p.subarray(0, 3), /truncated/],
    [
      'one byte appended',
      'appended one 0x00 byte',
      (p) => Buffer.concat([p, Buffer.alloc(1)]),
      /bytes after the end of its zstd frame/
    ],
    [
      'junk appended',
      'appended 12 bytes of text',
      (p) => Buffer.concat([p, Buffer.from('garbage here')]),
      /bytes after the end of its zstd frame/
    ],
    [
      'two payloads joined',
      'appended a second zstd frame',
      (p) => Buffer.concat([p, zstdCompressSync(Buffer.from('second'))]),
      /bytes after the end of its zstd frame/
    ]
  ]
  it.each(cases)('refuses a %s', async (name, done, change, message) => {
    const payload = change(await compress(data))
    record({ case: name, done, outcome: await outcomeOf(decompress(payload, 65536), () => 'accepted') })
    for (const size of [64, 1000, 1 << 20]) {
      const error = await decompress(payload, size).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(HandoffError)
      expect((error as Error).message).toMatch(message)
    }
  })
})
