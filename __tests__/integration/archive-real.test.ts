/**
 * Real archives through the store (split as a save does, rebuilt as a load does): legacy from a private dockerd (`docker save`), OCI from a private
 * containerd (`ctr images export`) and skopeo; rewritten archives must load into both engines with the new names,
 * and a skopeo archive (no manifest.json) into Docker's classic store once the rewrite wrote one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { RewriteOptions } from '../../src/archive/name-files.js'
import type { ArchiveModel } from '../../src/archive/model.js'
import { buildBusybox, ctr, docker, startContainerd, startDockerd, type Engine } from '../support/engines.js'
import { makeTar, readTar, throughStore, withMissingPlatform, type TarFile } from '../support/archive-fixtures.js'

const execFileP = promisify(execFile)

async function transformFile(input: string, output: string, options?: RewriteOptions): Promise<ArchiveModel> {
  const { model, output: rebuilt } = await throughStore(await readFile(input), options)
  await writeFile(output, rebuilt)
  return model
}

interface Inspected {
  Id: string
  RootFS: { Layers: string[] }
}

describe('real archives through the store', () => {
  let dockerd: Engine
  let containerd: Engine
  let dir: string
  let app: Inspected
  let other: Inspected
  const file = (name: string): string => join(dir, name)
  const inspect = async (name: string): Promise<Inspected> =>
    (JSON.parse(await docker(dockerd, ['image', 'inspect', name])) as Inspected[])[0]!
  const ctrNames = async (namespace: string): Promise<string[]> =>
    (await ctr(containerd, namespace, ['images', 'ls', '-q'])).split('\n').filter(Boolean).sort()

  beforeAll(async () => {
    ;[dockerd, containerd] = await Promise.all([startDockerd(), startContainerd()])
    dir = await mkdtemp(join(tmpdir(), 'ih-archive-'))
    await buildBusybox(dockerd, 'app:ci', ['RUN echo hi > /hi'])
    await buildBusybox(dockerd, 'other:1', ['RUN echo other > /other'])
    await docker(dockerd, ['tag', 'app:ci', 'ghcr.io/o/app:1'])
    ;[app, other] = await Promise.all([inspect('app:ci'), inspect('other:1')])
    await docker(dockerd, ['save', '-o', file('legacy.tar'), 'app:ci', 'ghcr.io/o/app:1', 'other:1'])
    await ctr(containerd, 'k8s.io', ['images', 'import', file('legacy.tar')])
    await ctr(containerd, 'k8s.io', [
      'images',
      'export',
      file('oci.tar'),
      'docker.io/library/app:ci',
      'ghcr.io/o/app:1',
      'docker.io/library/other:1'
    ])
    // The images leave the daemon, so loading the rewritten archives has to bring every layer back.
    await docker(dockerd, ['rmi', 'app:ci', 'ghcr.io/o/app:1', 'other:1'])
  })

  afterAll(async () => {
    await Promise.all([dockerd?.stop(), containerd?.stop()])
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  function expectModel(model: ArchiveModel, layout: 'docker' | 'oci'): void {
    expect(model.layout).toBe(layout)
    expect(model.skipped).toEqual([])
    const byId = new Map(model.images.map((image) => [image.configDigest, image]))
    expect([...byId.keys()].sort()).toEqual([app.Id, other.Id].sort())
    expect(byId.get(app.Id)!.names.sort()).toEqual(['app:ci', 'ghcr.io/o/app:1'])
    expect(byId.get(other.Id)!.names).toEqual(['other:1'])
    for (const [image, inspected] of [
      [byId.get(app.Id)!, app],
      [byId.get(other.Id)!, other]
    ] as const) {
      expect(image.platform).toBe('linux/amd64')
      expect(image.layers.map((layer) => layer.diffId)).toEqual(inspected.RootFS.Layers)
      expect(image.layers.every((layer) => layer.size > 0)).toBe(true)
    }
  }

  async function entrySizes(path: string): Promise<Map<string, number>> {
    return new Map((await readTar(await readFile(path))).map((entry) => [entry.name, entry.body.length]))
  }

  it('models a legacy docker save archive: names, IDs, layers and sizes as the engine reports them', async () => {
    const model = await transformFile(file('legacy.tar'), file('legacy-copy.tar'))
    expectModel(model, 'docker')
    const sizes = await entrySizes(file('legacy.tar'))
    const image = model.images.find((i) => i.configDigest === app.Id)!
    // The busybox layer is shared, and stored once: a symlink or a file, its size is the real file's.
    expect(image.layers[0]!.size).toBeGreaterThan(1_000_000)
    expect(image.size).toBe(image.layers.reduce((s, l) => s + l.size, sizes.get(`${app.Id.slice(7)}.json`)!))
  })

  it('models a ctr images export archive (OCI layout + manifest.json)', async () => {
    const model = await transformFile(file('oci.tar'), file('oci-copy.tar'))
    expectModel(model, 'oci')
    const listed = await ctr(containerd, 'k8s.io', ['images', 'ls'])
    const digest = /docker\.io\/library\/app:ci\s+\S+\s+(sha256:[0-9a-f]{64})/.exec(listed)?.[1]
    expect(model.images.find((i) => i.configDigest === app.Id)!.manifestDigest).toBe(digest)
    const sizes = await entrySizes(file('oci.tar'))
    for (const layer of model.images.flatMap((i) => i.layers)) expect(layer.size).toBe(sizes.get(layer.path))
  })

  it('models a skopeo oci-archive (full ref.name, no manifest.json)', async () => {
    await execFileP('skopeo', [
      'copy',
      `docker-archive:${file('legacy.tar')}:app:ci`,
      `oci-archive:${file('skopeo.tar')}:app:ci`
    ])
    const model = await transformFile(file('skopeo.tar'), file('skopeo-copy.tar'))
    expect(model.layout).toBe('oci')
    expect(model.images.map((i) => [i.names, i.layers.length])).toEqual([[['app:ci'], app.RootFS.Layers.length]])
  })

  it("gives a skopeo oci-archive a manifest.json, so Docker's classic store loads it under its name, and it runs", async () => {
    await execFileP('skopeo', [
      'copy',
      '-q',
      `docker-archive:${file('legacy.tar')}:app:ci`,
      `oci-archive:${file('skopeo-tool.tar')}:tool:2`
    ])
    const entries = await readTar(await readFile(file('skopeo-tool.tar')))
    expect(entries.map((e) => e.name)).not.toContain('manifest.json')
    const model = await transformFile(file('skopeo-tool.tar'), file('skopeo-tool-named.tar'), {
      names: (image) => image.names
    })
    expect(model.images.map((i) => i.names)).toEqual([['tool:2']])
    // skopeo gzips the layers; Docker's classic store decompresses them on load.
    const layers = model.images[0]!.layers.map((layer) =>
      entries
        .find((e) => e.name === layer.path)!
        .body.subarray(0, 2)
        .toString('hex')
    )
    expect(layers).toEqual(app.RootFS.Layers.map(() => '1f8b'))

    expect(await docker(dockerd, ['load', '-i', file('skopeo-tool-named.tar')])).toBe('Loaded image: tool:2')
    // skopeo rewrote the config as an OCI config: the ID is its digest, the layers are the image's own.
    const loaded = await inspect('tool:2')
    expect(loaded.Id).toBe(model.images[0]!.configDigest)
    expect(loaded.RootFS.Layers).toEqual(app.RootFS.Layers)
    expect(await docker(dockerd, ['run', '--rm', '--network', 'none', 'tool:2', 'cat', '/hi'])).toBe('hi')
    await docker(dockerd, ['rmi', 'tool:2'])
  })

  const rename: RewriteOptions = {
    keep: (image) => image.names.includes('app:ci'),
    names: () => ['loaded:renamed', 'registry.example/team/app:test']
  }

  for (const source of ['legacy', 'oci'] as const) {
    it(`renames and filters a ${source} archive so that docker load and ctr import both see the new names`, async () => {
      const model = await transformFile(file(`${source}.tar`), file(`${source}-renamed.tar`), rename)
      expect(model.images.map((i) => [i.configDigest, i.names])).toEqual([
        [app.Id, ['loaded:renamed', 'registry.example/team/app:test']]
      ])

      const loaded = await docker(dockerd, ['load', '-i', file(`${source}-renamed.tar`)])
      expect(loaded.split('\n').sort()).toEqual([
        'Loaded image: loaded:renamed',
        'Loaded image: registry.example/team/app:test'
      ])
      expect((await inspect('registry.example/team/app:test')).Id).toBe(app.Id)
      expect(await docker(dockerd, ['run', '--rm', '--network', 'none', 'loaded:renamed', 'cat', '/hi'])).toBe('hi')
      const tags = await docker(dockerd, ['images', '--format', '{{.Repository}}:{{.Tag}}'])
      expect(tags.split('\n').sort()).toEqual(['loaded:renamed', 'registry.example/team/app:test'])
      await docker(dockerd, ['rmi', 'loaded:renamed', 'registry.example/team/app:test'])

      await ctr(containerd, source, ['images', 'import', file(`${source}-renamed.tar`)])
      expect(await ctrNames(source)).toEqual(['docker.io/library/loaded:renamed', 'registry.example/team/app:test'])
    })
  }

  it('reads a multi-platform export with a missing platform, and ctr imports the rewritten archive', async () => {
    const entries = await readTar(await readFile(file('oci.tar')))
    const single = entries.map((e): TarFile =>
      e.type === 'directory' ? { name: e.name, type: 'directory' } : { name: e.name, body: e.body }
    )
    const index = JSON.parse(String(single.find((f) => f.name === 'index.json')!.body)) as {
      manifests: Array<{ annotations: Record<string, string> }>
    }
    index.manifests = index.manifests.filter(
      (m) => m.annotations['io.containerd.image.name'] === 'docker.io/library/app:ci'
    )
    const manifestJson = (
      JSON.parse(String(single.find((f) => f.name === 'manifest.json')!.body)) as Array<{ Config: string }>
    ).filter((m) => m.Config.endsWith(app.Id.slice(7)))
    const files = single.map((f) =>
      f.name === 'index.json'
        ? { ...f, body: JSON.stringify(index) }
        : f.name === 'manifest.json'
          ? { ...f, body: JSON.stringify(manifestJson) }
          : f
    )
    const multi = withMissingPlatform(files)
    await writeFile(file('multi.tar'), await makeTar(multi.files))

    const model = await transformFile(file('multi.tar'), file('multi-renamed.tar'), { names: () => ['multi:1'] })
    expect(model.images.map((i) => [i.configDigest, i.manifestDigest, i.platform, i.names])).toEqual([
      [app.Id, multi.indexDigest, 'linux/amd64', ['multi:1']]
    ])
    expect(model.skipped).toEqual(['linux/arm64/v8 of app:ci: content not in archive'])

    await ctr(containerd, 'multi', ['images', 'import', file('multi-renamed.tar')])
    expect(await ctrNames('multi')).toEqual(['docker.io/library/multi:1'])
    const loaded = await docker(dockerd, ['load', '-i', file('multi-renamed.tar')])
    expect(loaded).toBe('Loaded image: multi:1')
  })
})
