import { describe, expect, it } from '@jest/globals'
import {
  jsonIn,
  makeTar,
  ociFiles,
  throughStore,
  withMissingPlatform,
  type TarFile
} from '../support/archive-fixtures.js'

describe('archive through the store: multi-platform OCI archives', () => {
  it('models the platforms whose content is present, notes the missing ones and ignores attestations', async () => {
    const build = await ociFiles([{ names: ['app:ci'], layers: ['l1', 'l2'] }])
    const { files, indexDigest } = withMissingPlatform(build.files)
    const { model } = await throughStore(await makeTar(files))
    expect(model.images).toEqual([
      expect.objectContaining({
        configDigest: build.configDigests[0],
        manifestDigest: indexDigest,
        names: ['app:ci'],
        platform: 'linux/amd64'
      })
    ])
    expect(model.images[0]!.layers).toHaveLength(2)
    expect(model.skipped).toEqual(['linux/arm64/v8 of app:ci: content not in archive'])
  })

  it('renames the index descriptor in index.json and the present platform in manifest.json', async () => {
    const build = await ociFiles([{ names: ['app:ci'], layers: ['l1'] }])
    const { files, indexDigest } = withMissingPlatform(build.files)
    const { model, output } = await throughStore(await makeTar(files), { names: () => ['app:next'] })
    expect(model.images.map((i) => i.names)).toEqual([['app:next']])
    const index = (await jsonIn(output, 'index.json')) as {
      manifests: Array<{ digest: string; mediaType: string; annotations: Record<string, string> }>
    }
    expect(index.manifests).toEqual([
      expect.objectContaining({
        digest: indexDigest,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        annotations: {
          'io.containerd.image.name': 'docker.io/library/app:next',
          'org.opencontainers.image.ref.name': 'next'
        }
      })
    ])
    expect(await jsonIn(output, 'manifest.json')).toEqual([expect.objectContaining({ RepoTags: ['app:next'] })])
  })

  it('fails when no platform of an image has its content in the archive', async () => {
    const build = await ociFiles([{ names: ['app:ci'], layers: ['l1'] }])
    const { files } = withMissingPlatform(build.files)
    const manifest = build.manifestDigests[0]!.slice(7)
    const stripped = files.filter((f: TarFile) => !f.name.endsWith(manifest) && f.name !== 'manifest.json')
    await expect(throughStore(await makeTar(stripped))).rejects.toThrow(
      /image app:ci: no platform of it has its content in the archive/
    )
  })

  it('fails when index.json points at a manifest the archive lacks', async () => {
    const build = await ociFiles([{ names: ['app:ci'], layers: ['l1'] }])
    const manifest = build.manifestDigests[0]!.slice(7)
    const stripped = build.files.filter((f) => !f.name.endsWith(manifest))
    await expect(throughStore(await makeTar(stripped))).rejects.toThrow(
      new RegExp(`image app:ci: blobs/sha256/${manifest}, which index.json lists, is not in the archive`)
    )
  })
})
