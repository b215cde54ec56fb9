import { describe, expect, it } from '@jest/globals'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { makeTar } from '../support/archive-fixtures.js'
import { archiveTransform } from '../../src/archive/tar-transform.js'

/** `data` in 64 KiB chunks, then an error, as a decompressor fails on a truncated payload. */
function failingSource(data: Buffer): Readable {
  return Readable.from(
    (async function* () {
      for (let at = 0; at < data.length; at += 65536) yield data.subarray(at, at + 65536)
      throw new Error('unexpected end of file')
    })()
  )
}

/** A reader that takes a chunk every few milliseconds, as an engine does while it stores layers. */
function slowReader(): Writable {
  return new Writable({ highWaterMark: 16384, write: (_chunk, _encoding, callback) => void setTimeout(callback, 5) })
}

describe('archive transform in a pipeline whose source fails', () => {
  // A pipeline destroys every stage when one fails (a truncated zstd payload): the model must settle then,
  // or a load waits on it forever and Node exits with "unsettled top-level await".
  it('rejects the model while its output is still being read', async () => {
    const input = await makeTar([{ name: 'blobs/sha256/big', body: Buffer.alloc(4 * 1024 * 1024, 7) }])
    const transform = archiveTransform()
    const reading = pipeline(transform.stream, slowReader()).catch((e: unknown) => e)
    const fed = await pipeline(failingSource(input.subarray(0, 3 * 1024 * 1024)), transform.stream).catch(
      (e: unknown) => e
    )
    expect(String(fed)).toMatch(/unexpected end of file/)
    let timer: NodeJS.Timeout | undefined
    const model = await Promise.race([
      transform.model.then(
        () => 'resolved',
        (error: unknown) => error
      ),
      new Promise((r) => (timer = setTimeout(() => r('still pending after 5 s'), 5000)))
    ])
    clearTimeout(timer)
    expect(String(model)).toMatch(/closed before the archive ended/)
    await reading
  })
})
