import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import tar from 'tar-stream'
import { parseInputs } from '../../src/inputs.js'
import { FlatLayerFilter, flatImage, flatNameFiles } from '../../src/archive/flat-image.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

async function tarOf(
  files: { name: string; body?: string; type?: 'directory' | 'symlink'; pax?: Record<string, string> }[]
): Promise<Buffer> {
  const pack = tar.pack()
  for (const file of files) {
    if (file.type === 'directory') pack.entry({ name: file.name, type: 'directory' })
    else if (file.type === 'symlink') pack.entry({ name: file.name, type: 'symlink', linkname: 'x' })
    else pack.entry({ name: file.name, ...(file.pax ? { pax: file.pax } : {}) }, file.body ?? '')
  }
  pack.finalize()
  const parts: Buffer[] = []
  for await (const part of pack as AsyncIterable<Buffer>) parts.push(part)
  return Buffer.concat(parts)
}

describe('flatten input', () => {
  it('is off by default and on with true', () => {
    expect(parseInputs(reader({ key: 'k' }), {}).flatten).toBe(false)
    expect(parseInputs(reader({ key: 'k', mode: 'save', images: 'a', flatten: 'true' }), {}).flatten).toBe(true)
  })

  it('refuses a runtime other than Docker, and a value that is not a boolean', () => {
    const containerd = reader({ key: 'k', mode: 'save', images: 'a', flatten: 'true', runtime: 'containerd' })
    expect(() => parseInputs(containerd, {})).toThrow(/"flatten" works with runtime: docker only.*runtime: containerd/)
    const kind = reader({ key: 'k', mode: 'save', images: 'a', flatten: 'true', 'kind-cluster': 'ci' })
    expect(() => parseInputs(kind, {})).toThrow(/not with kind-cluster/)
    expect(() => parseInputs(reader({ key: 'k', flatten: 'maybe' }), {})).toThrow(
      /"flatten" is "maybe"; use true or false/
    )
  })

  it('is ignored, with a warning, on a load', () => {
    const s = parseInputs(reader({ key: 'k', mode: 'load', flatten: 'true' }), {})
    expect(s.flatten).toBe(false)
    expect(s.warnings.join('\n')).toMatch(/Input\(s\) "flatten" apply to saves only/)
  })
})

describe('compression, oci-mediatypes and annotations inputs', () => {
  const save = { key: 'k', mode: 'save', images: 'a' }

  it('convert nothing unless asked; OCI media types default to gzip layers', () => {
    expect(parseInputs(reader(save), {}).convert).toBeUndefined()
    expect(parseInputs(reader({ ...save, 'oci-mediatypes': 'false' }), {}).convert).toBeUndefined()
    expect(parseInputs(reader({ ...save, 'oci-mediatypes': 'true' }), {}).convert).toEqual({
      compression: 'gzip',
      ociMediaTypes: true,
      annotations: {}
    })
    expect(parseInputs(reader({ ...save, compression: 'uncompressed' }), {}).convert).toEqual({
      compression: 'uncompressed',
      ociMediaTypes: false,
      annotations: {}
    })
  })

  it('reads annotations as KEY=VALUE lines (values may hold =)', () => {
    const s = parseInputs(
      reader({ ...save, 'oci-mediatypes': 'true', compression: 'zstd', annotations: 'a.b/c=x=y\n# note\nd= e ' }),
      {}
    )
    expect(s.convert).toEqual({ compression: 'zstd', ociMediaTypes: true, annotations: { 'a.b/c': 'x=y', d: 'e' } })
  })

  it.each([
    [{ compression: 'lz4' }, /"compression" is "lz4"; use one of: gzip, zstd, uncompressed/],
    [{ compression: 'zstd' }, /"compression: zstd" needs oci-mediatypes: true/],
    [{ annotations: 'a=1' }, /"annotations" needs oci-mediatypes: true/],
    [{ 'oci-mediatypes': 'true', annotations: 'no equals' }, /"no equals" is not KEY=VALUE/],
    [{ 'oci-mediatypes': 'true', annotations: '=v' }, /is not KEY=VALUE/],
    [{ 'oci-mediatypes': 'true', annotations: 'a=1\na=2' }, /sets "a" twice/],
    [{ 'oci-mediatypes': 'sometimes' }, /"oci-mediatypes" is "sometimes"; use true or false/]
  ])('rejects %j', (values, message) => {
    expect(() => parseInputs(reader({ ...save, ...values }), {})).toThrow(message)
  })

  it('are ignored, with a warning naming them, on a load', () => {
    const s = parseInputs(reader({ key: 'k', mode: 'load', compression: 'gzip', 'oci-mediatypes': 'true' }), {})
    expect(s.convert).toBeUndefined()
    expect(s.warnings.join('\n')).toMatch(/Input\(s\) "compression", "oci-mediatypes" apply to saves only/)
  })
})

describe('flattened image', () => {
  const source = {
    Id: 'sha256:' + 'a'.repeat(64),
    Created: '2026-01-02T03:04:05Z',
    Architecture: 'arm64',
    Os: 'linux',
    Variant: 'v8',
    RootFS: { Layers: ['sha256:1', 'sha256:2', 'sha256:3'] },
    Config: {
      Hostname: 'abc',
      AttachStdin: false,
      Env: ['A=1'],
      Cmd: ['run'],
      Entrypoint: null,
      WorkingDir: '/w',
      User: '',
      Labels: { l: 'v' },
      ExposedPorts: { '80/tcp': {} },
      Volumes: { '/data': {} }
    }
  }
  const diffId = 'sha256:' + 'b'.repeat(64)
  const layer = { diffId, size: 4096 }

  it('keeps the run settings, drops container-only fields, and names one layer by its diff ID', () => {
    const image = flatImage(source, layer, 'app:1')
    const config = JSON.parse(image.config.toString()) as Record<string, unknown>
    expect(config).toMatchObject({
      architecture: 'arm64',
      os: 'linux',
      variant: 'v8',
      created: '2026-01-02T03:04:05Z',
      config: {
        Env: ['A=1'],
        Cmd: ['run'],
        WorkingDir: '/w',
        Labels: { l: 'v' },
        ExposedPorts: { '80/tcp': {} },
        Volumes: { '/data': {} }
      },
      rootfs: { type: 'layers', diff_ids: [diffId] }
    })
    expect(Object.keys(config.config as object).sort()).toEqual([
      'Cmd',
      'Env',
      'ExposedPorts',
      'Labels',
      'Volumes',
      'WorkingDir'
    ])
    expect(image.configDigest).toBe('sha256:' + createHash('sha256').update(image.config).digest('hex'))
    expect(image.manifestDigest).toBe('sha256:' + createHash('sha256').update(image.manifest).digest('hex'))
    expect(JSON.parse(image.manifest.toString())).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: image.configDigest,
        size: image.config.length
      },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: diffId, size: 4096 }]
    })
  })

  it('names each image in index.json and manifest.json once, names merged, as the archive model reads them', async () => {
    const image = flatImage(source, layer, 'app:1')
    const files = flatNameFiles([
      { image, names: ['app:1'] },
      { image, names: ['app:2', 'app:1'] }
    ])
    expect(files.map((f) => f.name)).toEqual(['oci-layout', 'index.json', 'manifest.json'])
    const [, index, manifest] = files.map((f) => JSON.parse(f.body.toString()) as unknown)
    expect(manifest).toEqual([
      {
        Config: `blobs/sha256/${image.configDigest.slice(7)}`,
        RepoTags: ['app:1', 'app:2'],
        Layers: [`blobs/sha256/${'b'.repeat(64)}`]
      }
    ])
    expect((index as { manifests: { digest: string; annotations: Record<string, string> }[] }).manifests).toEqual([
      expect.objectContaining({
        digest: image.manifestDigest,
        annotations: { 'io.containerd.image.name': 'docker.io/library/app:1', 'org.opencontainers.image.ref.name': '1' }
      }),
      expect.objectContaining({
        digest: image.manifestDigest,
        annotations: { 'io.containerd.image.name': 'docker.io/library/app:2', 'org.opencontainers.image.ref.name': '2' }
      })
    ])
  })
})

describe('FlatLayerFilter', () => {
  const files = [
    { name: 'd', type: 'directory' as const },
    { name: 'd/a', body: 'x'.repeat(1000) },
    { name: '.dockerenv', body: '', pax: { comment: 'held, then left out with its entry' } },
    { name: 'etc/hosts', body: '' },
    { name: 'etc/hostname', body: 'kept: the image had one' },
    { name: 'l', type: 'symlink' as const },
    { name: `long/${'n'.repeat(120)}`, body: 'y'.repeat(513) },
    { name: 'e', body: '' }
  ]

  it("leaves out the init layer's empty leftovers and counts file bytes, however the tar is cut", async () => {
    const archive = await tarOf(files)
    for (const size of [1, 7, 512, 1000, archive.length]) {
      const filter = new FlatLayerFilter()
      const out: Buffer[] = []
      filter.on('data', (chunk: Buffer) => out.push(chunk))
      for (let at = 0; at < archive.length; at += size) filter.write(archive.subarray(at, at + size))
      filter.end()
      await new Promise((resolve) => filter.on('end', resolve))
      expect(filter.dropped).toEqual(['.dockerenv', 'etc/hosts'])
      expect(filter.fileBytes).toBe(1000 + 23 + 513)
      const names: string[] = []
      const extract = tar.extract()
      const listed = (async () => {
        for await (const entry of extract) {
          names.push(entry.header.name)
          entry.resume()
        }
      })()
      extract.end(Buffer.concat(out))
      await listed
      expect(names).toEqual(['d', 'd/a', 'etc/hostname', 'l', `long/${'n'.repeat(120)}`, 'e'])
    }
  })
})
