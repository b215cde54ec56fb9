/**
 * Archives as other tools write them: `ctr images export` of an untagged image (its digest handle in both name
 * files) and OCI archives without manifest.json (skopeo, podman, buildx), which Docker's classic store cannot load.
 */
import { describe, expect, it } from '@jest/globals'
import { descriptorNames } from '../../src/archive/oci-model.js'
import {
  hexOf,
  jsonIn,
  layerTar,
  legacyFiles,
  makeTar,
  ociFiles,
  readTar,
  throughStore,
  sha256,
  withMissingPlatform,
  type ImageSpec,
  type TarFile
} from '../support/archive-fixtures.js'

interface IndexJson {
  schemaVersion: number
  manifests: Array<{
    digest: string
    mediaType?: string
    size?: number
    annotations?: Record<string, string>
    platform?: object
  }>
}
interface ManifestJson {
  Config: string
  RepoTags: string[] | null
  Layers: string[]
}

const indexOf = (files: TarFile[]): IndexJson =>
  JSON.parse(String(files.find((f) => f.name === 'index.json')!.body)) as IndexJson
const withIndex = (files: TarFile[], index: IndexJson): TarFile[] =>
  files.map((f) => (f.name === 'index.json' ? { ...f, body: JSON.stringify(index) } : f))
const withoutManifestJson = (files: TarFile[]): TarFile[] => files.filter((f) => f.name !== 'manifest.json')
const blob = (digest: string): string => `blobs/sha256/${hexOf(digest)}`

/** What `ctr images export` writes for an image imported untagged: its handle in index.json and RepoTags. */
async function ctrUntagged(): Promise<{ files: TarFile[]; configDigest: string }> {
  const build = await ociFiles([{ names: [], layers: ['u1', 'u2'] }])
  const handle = `import-2026-11-26@${build.manifestDigests[0]!}`
  const index = indexOf(build.files)
  index.manifests = index.manifests.map((m) => ({
    ...m,
    annotations: { 'io.containerd.image.name': handle, 'org.opencontainers.image.ref.name': handle }
  }))
  const files = withIndex(build.files, index).map((f) => {
    if (f.name !== 'manifest.json') return f
    const entries = (JSON.parse(String(f.body)) as ManifestJson[]).map((e) => ({ ...e, RepoTags: [handle] }))
    return { ...f, body: JSON.stringify(entries) }
  })
  return { files, configDigest: build.configDigests[0]! }
}

/** What `skopeo copy … oci-archive:out.tar:name:tag` writes: ref.name as given, no containerd name, no manifest.json. */
async function skopeoFiles(
  images: ImageSpec[]
): Promise<{ files: TarFile[]; configDigests: string[]; layerDigests: string[][] }> {
  const build = await ociFiles(images)
  const index = indexOf(build.files)
  index.manifests = index.manifests.map((m) => {
    const name = m.annotations?.['io.containerd.image.name']?.replace(/^docker\.io\/(library\/)?/, '')
    return name === undefined ? m : { ...m, annotations: { 'org.opencontainers.image.ref.name': name } }
  })
  const layerDigests = await Promise.all(
    images.map((image) => Promise.all(image.layers.map(async (c) => sha256(await layerTar(c)))))
  )
  return { files: withoutManifestJson(withIndex(build.files, index)), configDigests: build.configDigests, layerDigests }
}

describe('digest references are not names (ctr exports an untagged image under its handle)', () => {
  it('descriptorNames ignores a digest handle in either annotation, keeps real names', () => {
    const digest = sha256('m')
    expect(
      descriptorNames({
        digest,
        annotations: {
          'io.containerd.image.name': `import-2026-11-26@${digest}`,
          'org.opencontainers.image.ref.name': `import-2026-11-26@${digest}`
        }
      })
    ).toEqual([])
    expect(
      descriptorNames({ digest, annotations: { 'org.opencontainers.image.ref.name': `localhost/app@${digest}` } })
    ).toEqual([])
    expect(
      descriptorNames({
        digest,
        annotations: {
          'io.containerd.image.name': 'docker.io/library/app:ci',
          'org.opencontainers.image.ref.name': 'ci'
        }
      })
    ).toEqual(['docker.io/library/app:ci'])
  })

  it('reads a ctr export of an untagged image as untagged, and rewrites it without the handle in any name file', async () => {
    const { files, configDigest } = await ctrUntagged()
    expect((await throughStore(await makeTar(files))).model.images.map((i) => [i.configDigest, i.names])).toEqual([
      [configDigest, []]
    ])

    const { model, output } = await throughStore(await makeTar(files), { names: (image) => image.names })
    expect(model.images.map((i) => i.names)).toEqual([[]])
    const index = (await jsonIn(output, 'index.json')) as IndexJson
    expect(index.manifests).toHaveLength(1)
    expect(index.manifests[0]!.annotations).toBeUndefined()
    expect(await jsonIn(output, 'manifest.json')).toEqual([
      expect.objectContaining({ Config: blob(configDigest), RepoTags: null })
    ])
  })

  it('ignores a digest reference among the RepoTags of a legacy archive', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['a'] }])
    const manifest = JSON.parse(String(files.find((f) => f.name === 'manifest.json')!.body)) as ManifestJson[]
    manifest[0]!.RepoTags = [`app@${sha256('x')}`, 'app:ci', `import-2026-11-26@${sha256('y')}`]
    const edited = files.map((f) => (f.name === 'manifest.json' ? { ...f, body: JSON.stringify(manifest) } : f))
    const { model, output } = await throughStore(await makeTar(edited), { names: (image) => image.names })
    expect(model.images.map((i) => i.names)).toEqual([['app:ci']])
    expect(await jsonIn(output, 'manifest.json')).toEqual([expect.objectContaining({ RepoTags: ['app:ci'] })])
  })
})

describe('an OCI archive without manifest.json gets one when its name files are rewritten', () => {
  it('leaves the archive as it is when nothing is rewritten (save)', async () => {
    const { files } = await skopeoFiles([{ names: ['tool:2'], layers: ['t1'] }])
    const { model, output } = await throughStore(await makeTar(files))
    expect(model.images.map((i) => i.names)).toEqual([['tool:2']])
    expect((await readTar(output)).map((e) => e.name).filter((n) => !/^blobs(\/|$)/.test(n))).toEqual([
      'oci-layout',
      'index.json'
    ])
  })

  it('writes one entry: the config and layers by blob path, in order, RepoTags the familiar names', async () => {
    const { files, configDigests, layerDigests } = await skopeoFiles([
      { names: ['tool:2'], layers: ['t1', 't2', 't3'] }
    ])
    const { output } = await throughStore(await makeTar(files), {
      names: (image) => [...image.names, 'ghcr.io/o/tool:3']
    })
    const out = await readTar(output)
    expect(out.slice(-3).map((e) => e.name)).toEqual(['oci-layout', 'index.json', 'manifest.json'])
    const manifest = (await jsonIn(output, 'manifest.json')) as ManifestJson[]
    expect(manifest).toEqual([
      { Config: blob(configDigests[0]!), RepoTags: ['tool:2', 'ghcr.io/o/tool:3'], Layers: layerDigests[0]!.map(blob) }
    ])
    // Every path it names is a file of the archive.
    const names = new Set(out.filter((e) => e.type === 'file').map((e) => e.name))
    for (const path of [manifest[0]!.Config, ...manifest[0]!.Layers]) expect(names.has(path)).toBe(true)
  })

  it('gives an untagged image RepoTags null, and leaves out the images the keep filter drops', async () => {
    const { files, configDigests } = await skopeoFiles([
      { names: [], layers: ['u'] },
      { names: ['b:1'], layers: ['b'] },
      { names: ['c:1'], layers: ['c'] }
    ])
    const { output } = await throughStore(await makeTar(files), { keep: (image) => !image.names.includes('b:1') })
    const manifest = (await jsonIn(output, 'manifest.json')) as ManifestJson[]
    expect(manifest.map((m) => [m.Config, m.RepoTags])).toEqual([
      [blob(configDigests[0]!), null],
      [blob(configDigests[2]!), ['c:1']]
    ])
  })

  it('lists only the platform present of a multi-platform image', async () => {
    const { files, configDigests, layerDigests } = await skopeoFiles([{ names: ['multi:1'], layers: ['p1', 'p2'] }])
    const multi = withMissingPlatform(files)
    const { model, output } = await throughStore(await makeTar(multi.files), { names: (image) => image.names })
    expect(model.skipped).toEqual(['linux/arm64/v8 of multi:1: content not in archive'])
    expect(await jsonIn(output, 'manifest.json')).toEqual([
      { Config: blob(configDigests[0]!), RepoTags: ['multi:1'], Layers: layerDigests[0]!.map(blob) }
    ])
  })

  it('lists every platform present of a multi-platform image, one entry each', async () => {
    const { files, configDigests } = await skopeoFiles([
      { names: ['multi:2'], layers: ['amd'] },
      { names: [], layers: ['arm'], arch: 'arm64' }
    ])
    const index = indexOf(files)
    const imageIndex = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: index.manifests.map((m, i) => ({
          mediaType: m.mediaType,
          digest: m.digest,
          size: m.size,
          platform: { os: 'linux', architecture: i === 0 ? 'amd64' : 'arm64' }
        }))
      })
    )
    const top = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: sha256(imageIndex),
      size: imageIndex.length,
      ...(index.manifests[0]?.annotations !== undefined ? { annotations: index.manifests[0].annotations } : {})
    }
    const multi = [
      ...withIndex(files, { ...index, manifests: [top] }),
      { name: blob(sha256(imageIndex)), body: imageIndex }
    ]
    const { model, output } = await throughStore(await makeTar(multi), { names: () => ['multi:2'] })
    expect(model.images.map((i) => [i.platform, i.names])).toEqual([
      ['linux/amd64', ['multi:2']],
      ['linux/arm64', ['multi:2']]
    ])
    const manifest = (await jsonIn(output, 'manifest.json')) as ManifestJson[]
    expect(manifest.map((m) => [m.Config, m.RepoTags])).toEqual([
      [blob(configDigests[0]!), ['multi:2']],
      [blob(configDigests[1]!), ['multi:2']]
    ])
  })
})
