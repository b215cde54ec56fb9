import { describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { HandoffError } from '../../src/errors.js'
import { legacyFiles, makeTar, refusedBySplit, throughStore } from '../support/archive-fixtures.js'

/** Docker's body when an export fails after the first byte (HTTP 200 already sent). */
const engineError =
  '{"errorDetail":{"message":"open /var/lib/docker/x: no such file or directory"},"error":"open /var/lib/docker/x: no such file or directory"}\r\n'

async function legacyTar(): Promise<Buffer> {
  return makeTar(await legacyFiles([{ names: ['app:ci'], layers: ['one', 'two'] }]))
}

describe('archive through the store: inputs that are not whole image archives', () => {
  it('rejects text that is not a tar', async () => {
    const input = Buffer.from('hello world, this is not a tar\n'.repeat(40))
    await expect(throughStore(input)).rejects.toThrow(/not an image archive: the input is not a valid tar/)
  })

  it('says when the input is compressed', async () => {
    await expect(throughStore(gzipSync(await legacyTar()))).rejects.toThrow(/gzip-compressed; decompress it/)
  })

  it('rejects an empty input', async () => {
    await expect(throughStore(Buffer.alloc(0))).rejects.toThrow(/input is empty/)
  })

  it('rejects a tar cut inside a file', async () => {
    const input = await legacyTar()
    await expect(throughStore(input.subarray(0, 1500))).rejects.toThrow(/truncated after 1500 bytes/)
  })

  it('rejects a tar cut between two files (no end-of-archive blocks)', async () => {
    const whole = await legacyTar()
    await expect(throughStore(whole.subarray(0, whole.length - 1024))).rejects.toThrow(
      /truncated .*without its end-of-archive blocks/
    )
  })

  it('rejects a tar with neither manifest.json nor index.json', async () => {
    const input = await makeTar([{ name: 'etc/passwd', body: 'root:x:0:0::/root:/bin/sh\n' }])
    await expect(throughStore(input)).rejects.toThrow(
      /not an image archive: it holds 1 files but no manifest.json or index.json/
    )
  })

  it('rejects an archive missing a layer that manifest.json lists', async () => {
    const files = (await legacyFiles([{ names: ['app:ci'], layers: ['one', 'two'] }])).filter(
      (f, _i, all) => f !== all.find((x) => x.name.endsWith('layer.tar'))
    )
    await expect(throughStore(await makeTar(files))).rejects.toThrow(
      /image app:ci: [0-9a-f]{64}\/layer.tar, which manifest.json lists, is not in the archive/
    )
  })

  it('reports the engine error appended to a cut tar (Docker export failing after HTTP 200)', async () => {
    const whole = await legacyTar()
    const input = Buffer.concat([whole.subarray(0, 3072), Buffer.from(engineError)])
    const error = await throughStore(input).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HandoffError)
    expect((error as Error).message).toMatch(
      /engine failed while it was writing the archive: open \/var\/lib\/docker\/x: no such file or directory/
    )
  })

  it('finds the engine error after a cut tar of many chunks, past the bytes it keeps', async () => {
    const whole = await makeTar(await legacyFiles([{ names: ['app:ci'], layers: ['x'.repeat(300 * 1024)] }]))
    const input = Buffer.concat([whole.subarray(0, 200 * 1024), Buffer.from(engineError)])
    const chunks = Array.from({ length: Math.ceil(input.length / 10000) }, (_, i) =>
      input.subarray(i * 10000, (i + 1) * 10000)
    )
    await expect(throughStore(chunks)).rejects.toThrow(/engine failed while it was writing the archive: open/)
  })

  it('reports the engine error appended after a complete tar', async () => {
    const input = Buffer.concat([await legacyTar(), Buffer.from(engineError)])
    await expect(throughStore(input)).rejects.toThrow(/engine failed while it was writing the archive: open/)
  })

  it('is refused before anything is kept: no chunk and no index stay in the store', async () => {
    const { error, blobs, indexes } = await refusedBySplit((await legacyTar()).subarray(0, 2000))
    expect(error).toBeInstanceOf(HandoffError)
    expect((error as Error).message).toMatch(/tar ended early|truncated|cut/)
    expect(blobs).toEqual([])
    expect(indexes).toEqual([])
  })
})
