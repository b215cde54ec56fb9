import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { createLocalStore } from '../../src/backends/local-store.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { splitArchive } from '../../src/store/split.js'
import { makeTar } from '../support/archive-fixtures.js'

/** `data` in 64 KiB chunks, then an error, as a decompressor fails on a truncated payload. */
function failingSource(data: Buffer): Readable {
  return Readable.from(
    (async function* () {
      for (let at = 0; at < data.length; at += 65536) yield data.subarray(at, at + 65536)
      throw new Error('unexpected end of file')
    })()
  )
}

describe('the split of an archive whose source fails', () => {
  // A source that fails mid-way (an engine's export cut short) must settle the split while chunks are still on
  // their way to the store, or a save waits on it forever and Node exits with "unsettled top-level await".
  it('rejects with the source failure while chunks are being stored, and the store keeps none of them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ih-split-fails-'))
    try {
      const store = createLocalStore(dir)
      await store.prepare()
      const sink = storeSink(store, { compressionLevel: 1, inFlight: 1, inFlightBytes: 1 << 20 })
      const input = await makeTar([{ name: 'blobs/sha256/big', body: Buffer.alloc(4 * 1024 * 1024, 7) }])
      let timer: NodeJS.Timeout | undefined
      const outcome = await Promise.race([
        splitArchive(failingSource(input.subarray(0, 3 * 1024 * 1024)), sink, 256 * 1024).then(
          () => 'resolved',
          (error: unknown) => error
        ),
        new Promise((r) => (timer = setTimeout(() => r('still pending after 5 s'), 5000)))
      ])
      clearTimeout(timer)
      expect(String(outcome)).toMatch(/unexpected end of file/)
      await sink.abort()
      expect(await readdir(join(dir, 'index'))).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
