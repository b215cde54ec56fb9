import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { zstdCompress, zstdDecompress } from '../../src/archive/compression.js'

/** 48 MiB of half-compressible data in 1 MiB chunks, generated as it streams. */
function source(): Readable {
  let i = 0
  return new Readable({
    read() {
      if (i === 48) return void this.push(null)
      const chunk = Buffer.alloc(1024 * 1024, i % 7)
      chunk.set(createHash('sha512').update(String(i)).digest(), 0)
      i++
      this.push(chunk)
    }
  })
}

describe('zstd streams', () => {
  // Guards the regression where multithreaded streaming zstd died with ERR_STREAM_PUSH_AFTER_EOF past a few MB.
  it('round-trips a large stream intact, marked by the zstd magic number', async () => {
    const compressed: Buffer[] = []
    await pipeline(source(), zstdCompress(3), async function (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) compressed.push(c)
    })
    const payload = Buffer.concat(compressed)
    expect(payload.subarray(0, 4)).toEqual(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))
    expect(payload.length).toBeLessThan((48 * 1024 * 1024) / 10)
    const hashIn = createHash('sha256')
    await pipeline(source(), async function (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) hashIn.update(c)
    })
    const hashOut = createHash('sha256')
    await pipeline(Readable.from([payload]), zstdDecompress(), async function (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) hashOut.update(c)
    })
    expect(hashOut.digest('hex')).toBe(hashIn.digest('hex'))
  })

  it('fails on a truncated payload', async () => {
    const compressed: Buffer[] = []
    await pipeline(source(), zstdCompress(1), async function (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) compressed.push(c)
    })
    const cut = Buffer.concat(compressed).subarray(0, 5000)
    await expect(
      pipeline(Readable.from([cut]), zstdDecompress(), async function (chunks: AsyncIterable<Buffer>) {
        for await (const c of chunks) void c
      })
    ).rejects.toThrow()
  })
})
