import { describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { HandoffError } from '../../src/errors.js'
import { archiveTransform } from '../../src/archive/tar-transform.js'
import { legacyFiles, makeTar, ociFiles, runTransform, sha256, type TarFile } from '../support/archive-fixtures.js'

/** Docker's body when an export fails after the first byte (HTTP 200 already sent). */
const engineError =
  '{"errorDetail":{"message":"open /var/lib/docker/x: no such file or directory"},"error":"open /var/lib/docker/x: no such file or directory"}\r\n'

async function legacyTar(): Promise<Buffer> {
  return makeTar(await legacyFiles([{ names: ['app:ci'], layers: ['one', 'two'] }]))
}

describe('archive transform: inputs that are not whole image archives', () => {
  it('rejects text that is not a tar', async () => {
    const input = Buffer.from('hello world, this is not a tar\n'.repeat(40))
    await expect(runTransform(input)).rejects.toThrow(/not an image archive: the input is not a valid tar/)
  })

  it('says when the input is compressed', async () => {
    await expect(runTransform(gzipSync(await legacyTar()))).rejects.toThrow(/gzip-compressed; decompress it/)
  })

  it('rejects an empty input', async () => {
    await expect(runTransform(Buffer.alloc(0))).rejects.toThrow(/input is empty/)
  })

  it('rejects a tar cut inside a file', async () => {
    const input = await legacyTar()
    await expect(runTransform(input.subarray(0, 1500))).rejects.toThrow(/truncated after 1500 bytes/)
  })

  it('rejects a tar cut between two files (no end-of-archive blocks)', async () => {
    const whole = await legacyTar()
    await expect(runTransform(whole.subarray(0, whole.length - 1024))).rejects.toThrow(
      /truncated .*without its end-of-archive blocks/
    )
  })

  it('rejects a tar with neither manifest.json nor index.json', async () => {
    const input = await makeTar([{ name: 'etc/passwd', body: 'root:x:0:0::/root:/bin/sh\n' }])
    await expect(runTransform(input)).rejects.toThrow(
      /not an image archive: it holds 1 files but no manifest.json or index.json/
    )
  })

  it('rejects an archive missing a layer that manifest.json lists', async () => {
    const files = (await legacyFiles([{ names: ['app:ci'], layers: ['one', 'two'] }])).filter(
      (f, _i, all) => f !== all.find((x) => x.name.endsWith('layer.tar'))
    )
    await expect(runTransform(await makeTar(files))).rejects.toThrow(
      /image app:ci: [0-9a-f]{64}\/layer.tar, which manifest.json lists, is not in the archive/
    )
  })

  it('reports the engine error appended to a cut tar (Docker export failing after HTTP 200)', async () => {
    const whole = await legacyTar()
    const input = Buffer.concat([whole.subarray(0, 3072), Buffer.from(engineError)])
    const error = await runTransform(input).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HandoffError)
    expect((error as Error).message).toMatch(
      /engine failed while it was writing the archive: open \/var\/lib\/docker\/x: no such file or directory/
    )
  })

  it('reports the engine error appended after a complete tar', async () => {
    const input = Buffer.concat([await legacyTar(), Buffer.from(engineError)])
    await expect(runTransform(input)).rejects.toThrow(/engine failed while it was writing the archive: open/)
  })

  it('errors the stream too, so a pipeline fails, and emits no name files', async () => {
    const transform = archiveTransform()
    const out: Buffer[] = []
    transform.stream.on('data', (c: Buffer) => out.push(c))
    const streamError = new Promise((resolve) => transform.stream.on('error', resolve))
    transform.stream.end((await legacyTar()).subarray(0, 2000))
    const [error] = await Promise.all([streamError, transform.model.catch((e: unknown) => e)])
    expect(error).toBeInstanceOf(HandoffError)
    expect(Buffer.concat(out).includes('manifest.json')).toBe(false)
  })
})

describe('archive transform: digest verification', () => {
  it('rejects a legacy layer.tar that does not match its diff ID, naming image and layer', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['one', 'two'] }])
    const layers = files.filter((f) => f.name.endsWith('layer.tar'))
    const second = layers[1]!
    const broken = Buffer.from(second.body!)
    broken[100] = (broken[100]! + 1) % 256
    const tampered = files.map((f): TarFile => (f === second ? { ...f, body: broken } : f))
    await expect(runTransform(await makeTar(tampered))).rejects.toThrow(
      new RegExp(
        `layer 2 of app:ci \\(${second.name}\\) is corrupt: its content hashes to ${sha256(broken)}, not ${sha256(second.body!)}`
      )
    )
  })

  it('rejects an OCI blob that does not hash to its name', async () => {
    const build = await ociFiles([{ names: ['app:ci'], layers: ['one'] }])
    const files = build.files.map((f): TarFile => {
      if (
        !f.name.startsWith('blobs/sha256/') ||
        !Buffer.from(f.body ?? '')
          .subarray(0, 8)
          .toString()
          .startsWith('file')
      )
        return f
      return {
        ...f,
        body: Buffer.concat([
          Buffer.from(f.body!).subarray(0, 600),
          Buffer.from('x'),
          Buffer.from(f.body!).subarray(601)
        ])
      }
    })
    await expect(runTransform(await makeTar(files))).rejects.toThrow(
      /layer 1 of app:ci \(blobs\/sha256\/[0-9a-f]{64}\) is corrupt/
    )
  })

  it('rejects a legacy config whose content does not match its file name', async () => {
    const files = (await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])).map((f): TarFile =>
      /^[0-9a-f]{64}\.json$/.test(f.name) ? { ...f, body: String(f.body).replace('amd64', 'arm64') } : f
    )
    await expect(runTransform(await makeTar(files))).rejects.toThrow(
      /the config of app:ci \([0-9a-f]{64}\.json\) is corrupt/
    )
  })
})
