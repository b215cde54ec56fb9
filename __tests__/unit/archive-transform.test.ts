import { describe, expect, it } from '@jest/globals'
import { jsonIn, legacyFiles, makeTar, ociFiles, readTar, throughStore, sha256 } from '../support/archive-fixtures.js'

describe('archive through the store: legacy docker save layout', () => {
  it('reads names, config digest, layers and platform, and passes every other entry through unchanged', async () => {
    const files = await legacyFiles([{ names: ['app:ci', 'ghcr.io/o/app:1'], layers: ['one', 'two'] }], true)
    const input = await makeTar(files)
    const { model, output } = await throughStore(input)
    expect(model.layout).toBe('docker')
    expect(model.skipped).toEqual([])
    expect(model.images).toHaveLength(1)
    const [image] = model.images
    const config = files.find((f) => /^[0-9a-f]{64}\.json$/.test(f.name))!
    expect(image!.configDigest).toBe(sha256(config.body!))
    expect(image!.names).toEqual(['app:ci', 'ghcr.io/o/app:1'])
    expect(image!.platform).toBe('linux/amd64')
    const layerFiles = files.filter((f) => f.name.endsWith('layer.tar'))
    expect(image!.layers.map((l) => l.size)).toEqual(layerFiles.map((f) => f.body!.length))
    expect(image!.layers.map((l) => l.diffId)).toEqual(layerFiles.map((f) => sha256(f.body!)))
    expect(image!.size).toBe(layerFiles.reduce((s, f) => s + f.body!.length, 0) + config.body!.length)

    const out = await readTar(output)
    // Name files move to the end; everything else keeps its order and bytes (directories lose their trailing slash).
    expect(out.slice(-2).map((e) => e.name)).toEqual(['manifest.json', 'repositories'])
    const inEntries = (await readTar(input))
      .filter((e) => !['manifest.json', 'repositories'].includes(e.name))
      .map((e) => ({ ...e, name: e.name.replace(/\/$/, '') }))
    expect(out.slice(0, -2)).toEqual(inEntries)
    expect(out.at(-2)!.body).toEqual(Buffer.from(files[0]!.body!))
  })

  it('follows a symlinked layer.tar (Docker links duplicate layers) for sizes and diff IDs', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['same'] }])
    const layer = files.find((f) => f.name.endsWith('layer.tar'))!
    const config = JSON.parse(files.find((f) => /^[0-9a-f]{64}\.json$/.test(f.name))!.body as string) as {
      rootfs: { diff_ids: string[] }
    }
    config.rootfs.diff_ids.push(sha256(layer.body!))
    const configBody = JSON.stringify(config)
    const configName = `${sha256(configBody).slice(7)}.json`
    const linked = [
      ...files.filter((f) => !/\.json$|repositories/.test(f.name)),
      { name: 'dup/', type: 'directory' as const },
      { name: 'dup/layer.tar', type: 'symlink' as const, linkname: `../${layer.name}` },
      { name: configName, body: configBody },
      {
        name: 'manifest.json',
        body: JSON.stringify([{ Config: configName, RepoTags: ['app:ci'], Layers: [layer.name, 'dup/layer.tar'] }])
      }
    ]
    const { model } = await throughStore(await makeTar(linked))
    expect(model.images[0]!.layers.map((l) => l.size)).toEqual([layer.body!.length, layer.body!.length])
  })

  it('keeps untagged images nameless: RepoTags stay null and no repositories entry is invented', async () => {
    const input = await makeTar(await legacyFiles([{ names: [], layers: ['x'] }]))
    const { model, output } = await throughStore(input, { names: (image) => image.names })
    expect(model.images[0]!.names).toEqual([])
    expect(await jsonIn(output, 'manifest.json')).toEqual([expect.objectContaining({ RepoTags: null })])
    expect(await jsonIn(output, 'repositories')).toBeUndefined()
  })

  it('names an untagged image when asked to, in manifest.json and a new repositories file', async () => {
    const input = await makeTar(await legacyFiles([{ names: [], layers: ['x'] }]))
    const { model, output } = await throughStore(input, { names: () => ['named:1'] })
    expect(model.images[0]!.names).toEqual(['named:1'])
    expect(await jsonIn(output, 'manifest.json')).toEqual([expect.objectContaining({ RepoTags: ['named:1'] })])
    expect(Object.keys((await jsonIn(output, 'repositories')) as object)).toEqual(['named'])
  })

  it('renames consistently in manifest.json and repositories', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['a', 'b'] }])
    const top = files
      .filter((f) => f.name.endsWith('/layer.tar'))
      .at(-1)!
      .name.split('/')[0]
    const { model, output } = await throughStore(await makeTar(files), {
      names: () => ['registry.example/team/app:test', 'app:ci', 'other']
    })
    expect(model.images[0]!.names).toEqual(['registry.example/team/app:test', 'app:ci', 'other:latest'])
    const manifest = (await jsonIn(output, 'manifest.json')) as Array<{ RepoTags: string[] }>
    expect(manifest[0]!.RepoTags).toEqual(['registry.example/team/app:test', 'app:ci', 'other:latest'])
    expect(await jsonIn(output, 'repositories')).toEqual({
      'registry.example/team/app': { test: top },
      app: { ci: top },
      other: { latest: top }
    })
  })

  it('drops images the keep filter rejects from every name file', async () => {
    const input = await makeTar(
      await legacyFiles([
        { names: ['a:1'], layers: ['a'] },
        { names: ['b:1'], layers: ['b'] }
      ])
    )
    const { model, output } = await throughStore(input, { keep: (image) => image.names.includes('b:1') })
    expect(model.images.map((i) => i.names)).toEqual([['b:1']])
    const manifest = (await jsonIn(output, 'manifest.json')) as Array<{ RepoTags: string[] }>
    expect(manifest.map((m) => m.RepoTags)).toEqual([['b:1']])
    expect(Object.keys((await jsonIn(output, 'repositories')) as object)).toEqual(['b'])
  })
})

describe('archive through the store: OCI layout', () => {
  it('reads images from index.json and names from its annotations and manifest.json', async () => {
    const build = await ociFiles([{ names: ['app:ci', 'ghcr.io/o/app:1'], layers: ['l1', 'l2'] }])
    const { model, output } = await throughStore(await makeTar(build.files))
    expect(model.layout).toBe('oci')
    expect(model.images).toEqual([
      expect.objectContaining({
        configDigest: build.configDigests[0],
        manifestDigest: build.manifestDigests[0],
        names: ['app:ci', 'ghcr.io/o/app:1'],
        platform: 'linux/amd64'
      })
    ])
    expect(model.images[0]!.layers.every((l) => l.digest?.startsWith('sha256:') && l.diffId === l.digest)).toBe(true)
    expect((await readTar(output)).slice(-3).map((e) => e.name)).toEqual(['oci-layout', 'index.json', 'manifest.json'])
  })

  it('renames consistently in index.json (both annotations, tag-only ref.name) and manifest.json', async () => {
    const build = await ociFiles([{ names: ['app:ci'], layers: ['l1'] }])
    const { model, output } = await throughStore(await makeTar(build.files), {
      names: () => ['ghcr.io/o/app:2', 'app:ci']
    })
    expect(model.images[0]!.names).toEqual(['ghcr.io/o/app:2', 'app:ci'])
    const index = (await jsonIn(output, 'index.json')) as {
      manifests: Array<{ digest: string; annotations: Record<string, string> }>
    }
    expect(index.manifests.map((m) => [m.digest, m.annotations])).toEqual([
      [
        build.manifestDigests[0],
        { 'io.containerd.image.name': 'ghcr.io/o/app:2', 'org.opencontainers.image.ref.name': '2' }
      ],
      [
        build.manifestDigests[0],
        { 'io.containerd.image.name': 'docker.io/library/app:ci', 'org.opencontainers.image.ref.name': 'ci' }
      ]
    ])
    expect(await jsonIn(output, 'manifest.json')).toEqual([
      expect.objectContaining({ RepoTags: ['ghcr.io/o/app:2', 'app:ci'] })
    ])
  })

  it('keeps a full ref.name where the source wrote one (skopeo, podman)', async () => {
    const build = await ociFiles([{ names: [], layers: ['l1'] }])
    const files = build.files.map((f) =>
      f.name !== 'index.json'
        ? f
        : {
            ...f,
            body: JSON.stringify({
              schemaVersion: 2,
              manifests: [
                {
                  ...(JSON.parse(f.body as string) as { manifests: object[] }).manifests[0],
                  annotations: { 'org.opencontainers.image.ref.name': 'localhost/app:ci' }
                }
              ]
            })
          }
    )
    const { model, output } = await throughStore(await makeTar(files), { names: () => ['app:next'] })
    expect(model.images[0]!.names).toEqual(['app:next'])
    const index = (await jsonIn(output, 'index.json')) as { manifests: Array<{ annotations: Record<string, string> }> }
    expect(index.manifests[0]!.annotations).toEqual({
      'io.containerd.image.name': 'docker.io/library/app:next',
      'org.opencontainers.image.ref.name': 'docker.io/library/app:next'
    })
  })

  it('keeps untagged images without name annotations and drops filtered images', async () => {
    const build = await ociFiles([
      { names: [], layers: ['u'] },
      { names: ['b:1'], layers: ['b'] }
    ])
    const { model, output } = await throughStore(await makeTar(build.files), {
      keep: (image) => image.names.length === 0
    })
    expect(model.images.map((i) => [i.manifestDigest, i.names])).toEqual([[build.manifestDigests[0], []]])
    const index = (await jsonIn(output, 'index.json')) as { manifests: Array<Record<string, unknown>> }
    expect(index.manifests).toEqual([
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: build.manifestDigests[0],
        size: expect.any(Number)
      }
    ])
    expect(await jsonIn(output, 'manifest.json')).toEqual([expect.objectContaining({ RepoTags: null })])
  })
})

describe('archive through the store: names are validated before anything is written', () => {
  it('rejects a digest as a new name, and the stream fails too', async () => {
    const input = await makeTar(await legacyFiles([{ names: ['app:ci'], layers: ['a'] }]))
    const digest = `app@${sha256('x')}`
    await expect(throughStore(input, { names: () => [digest] })).rejects.toThrow(
      /cannot name image app:ci .*holds a digest/
    )
  })

  it('rejects an invalid reference', async () => {
    const input = await makeTar(await legacyFiles([{ names: ['app:ci'], layers: ['a'] }]))
    await expect(throughStore(input, { names: () => ['App:CI'] })).rejects.toThrow(/not a valid image reference/)
  })

  it('rejects one name given to two images', async () => {
    const input = await makeTar(
      await legacyFiles([
        { names: ['a:1'], layers: ['a'] },
        { names: ['b:1'], layers: ['b'] }
      ])
    )
    await expect(throughStore(input, { names: () => ['same:1'] })).rejects.toThrow(
      /"same:1" would name two images \(a:1 and b:1\)/
    )
  })
})
