import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { gunzipSync, zstdDecompressSync } from 'node:zlib'
import { convertArchive } from '../../src/archive/oci-convert.js'
import type { ConvertOptions } from '../../src/archive/oci-build.js'
import { legacyFiles, makeTar, ociFiles, readTar, throughStore, sha256 } from '../support/archive-fixtures.js'

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
}

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ih-convert-'))
})
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

async function convert(
  input: Buffer,
  options: Partial<ConvertOptions>
): Promise<{ output: Buffer; renamed: Map<string, string> }> {
  const converted = convertArchive(
    Readable.from([input]),
    { compression: 'gzip', ociMediaTypes: true, annotations: {}, ...options },
    scratch
  )
  const parts: Buffer[] = []
  for await (const part of converted.archive) parts.push(part as Buffer)
  return { output: Buffer.concat(parts), renamed: converted.renamed() }
}

const expand = { gzip: gunzipSync, zstd: zstdDecompressSync, uncompressed: (b: Buffer) => b }

/** Every manifest of the archive checked: descriptors name blobs that are there, layers expand to the diff IDs. */
async function checkArchive(output: Buffer, compression: keyof typeof expand, layerType: string) {
  const entries = await readTar(output)
  const blob = (digest: string) => entries.find((e) => e.name === `blobs/${digest.replace(':', '/')}`)?.body
  const index = JSON.parse(String(entries.find((e) => e.name === 'index.json')?.body)) as { manifests: Descriptor[] }
  const manifests = index.manifests.map((d) => {
    const body = blob(d.digest)!
    expect(sha256(body)).toBe(d.digest)
    expect(body.length).toBe(d.size)
    return JSON.parse(String(body)) as {
      mediaType: string
      config: Descriptor
      layers: Descriptor[]
      annotations?: Record<string, string>
    }
  })
  for (const manifest of manifests) {
    const config = JSON.parse(String(blob(manifest.config.digest))) as { rootfs: { diff_ids: string[] } }
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(manifest.layers.map(() => layerType))
    manifest.layers.forEach((layer, at) => {
      const body = blob(layer.digest)!
      expect(sha256(body)).toBe(layer.digest)
      expect(body.length).toBe(layer.size)
      expect(sha256(expand[compression](body))).toBe(config.rootfs.diff_ids[at])
    })
  }
  return { entries, index, manifests }
}

describe('convertArchive', () => {
  it('turns a legacy docker save into an OCI layout with zstd layers, configs and names kept, annotations added', async () => {
    const input = await makeTar(
      await legacyFiles([
        { names: ['app:1', 'app:latest'], layers: ['base', 'app'] },
        { names: ['tool:2'], layers: ['base', 'tool'] }
      ])
    )
    const before = await throughStore(input)
    const { output } = await convert(input, { compression: 'zstd', annotations: { 'org.example.a': '1' } })
    const { index, manifests } = await checkArchive(output, 'zstd', 'application/vnd.oci.image.layer.v1.tar+zstd')
    expect(manifests.every((m) => m.mediaType === 'application/vnd.oci.image.manifest.v1+json')).toBe(true)
    expect(manifests.every((m) => m.annotations?.['org.example.a'] === '1')).toBe(true)
    expect(index.manifests.map((d) => d.annotations?.['io.containerd.image.name'])).toEqual([
      'docker.io/library/app:1',
      'docker.io/library/app:latest',
      'docker.io/library/tool:2'
    ])
    // The archive model (as a load reads it) finds the same images under the same IDs and names.
    const after = await throughStore(output)
    expect(after.model.layout).toBe('oci')
    expect(after.model.images.map((i) => [i.configDigest, i.names])).toEqual(
      before.model.images.map((i) => [i.configDigest, i.names])
    )
    // The shared base layer is one blob, and no temp file is left behind.
    expect(new Set(manifests.map((m) => m.layers[0]!.digest)).size).toBe(1)
    expect(await readdir(scratch)).toEqual([])
  })

  it('keeps layers already in the target compression as they are, and expands them for uncompressed', async () => {
    // One layer large enough (over 1 KiB gzipped) to stream through, one small enough to be held until the end.
    const noise = randomBytes(3000).toString('base64')
    const oci = await ociFiles([{ names: ['app:1'], layers: [noise, 'two'] }])
    const gzipped = (await convert(await makeTar(oci.files), { compression: 'gzip' })).output
    const first = await checkArchive(gzipped, 'gzip', 'application/vnd.oci.image.layer.v1.tar+gzip')

    const again = await convert(gzipped, { compression: 'gzip' })
    const second = await checkArchive(again.output, 'gzip', 'application/vnd.oci.image.layer.v1.tar+gzip')
    expect(second.manifests[0]!.layers).toEqual(first.manifests[0]!.layers)
    expect(again.renamed.get(first.index.manifests[0]!.digest)).toBe(second.index.manifests[0]!.digest)

    const plain = await convert(gzipped, { compression: 'uncompressed', ociMediaTypes: false })
    const third = await checkArchive(plain.output, 'uncompressed', 'application/vnd.docker.image.rootfs.diff.tar')
    expect(third.manifests[0]!.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json')
    // Uncompressed, a layer's digest is its diff ID.
    const config = JSON.parse(
      String(
        (await readTar(plain.output)).find(
          (e) => e.name === `blobs/${third.manifests[0]!.config.digest.replace(':', '/')}`
        )?.body
      )
    ) as { rootfs: { diff_ids: string[] } }
    expect(third.manifests[0]!.layers.map((l) => l.digest)).toEqual(config.rootfs.diff_ids)
  })

  it('refuses a blob kept as it is whose bytes do not match its digest', async () => {
    const noise = randomBytes(3000).toString('base64')
    const oci = await ociFiles([{ names: ['app:1'], layers: [noise] }])
    const gzipped = (await convert(await makeTar(oci.files), { compression: 'gzip' })).output
    const entries = await readTar(gzipped)
    const big = entries.find((e) => e.name.startsWith('blobs/') && e.body.length > 1024 && e.body[0] === 0x1f)!
    big.body[big.body.length - 20] ^= 0xff
    const damaged = await makeTar(entries.map((e) => ({ name: e.name, body: e.body })))
    await expect(convert(damaged, { compression: 'gzip' })).rejects.toThrow(/hashes to sha256:.*corrupt/)
    expect(await readdir(scratch)).toEqual([])
  })

  it('fails on an archive that is not an image archive, and leaves no temp file', async () => {
    const junk = await makeTar([{ name: 'x/layer.tar', body: Buffer.alloc(4096, 7) }])
    await expect(convert(junk, {})).rejects.toThrow(/not an image archive/)
    expect(await readdir(scratch)).toEqual([])
  })
})
