import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm, stat, truncate, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import {
  buildBusybox,
  docker,
  docker26Flavours,
  startDockerd,
  type DockerFlavour,
  type Engine
} from '../support/engines.js'
import { readTar } from '../support/archive-fixtures.js'
import { buildMultiPlatform, platformsIn } from '../support/multi-platform.js'
import { createDockerRuntime } from '../../src/runtimes/docker/runtime.js'
import { connectDocker } from '../../src/runtimes/docker/client.js'
import type { Runtime } from '../../src/runtimes/runtime.js'
import { HandoffError } from '../../src/errors.js'
import { parseReference, parseTargetName } from '../../src/archive/reference.js'

const execFileP = promisify(execFile)

interface SavedLayout {
  entries: string[]
  /** The layer files manifest.json names, each once, and whether each is gzip-compressed. */
  layers: string[]
  gzip: boolean[]
  /** Per RepoTag: the config digest (manifest.json) and, in the OCI layout, the digest index.json names it by. */
  digests: Map<string, { config: string; top?: string }>
}

async function layoutOf(file: string): Promise<SavedLayout> {
  const entries = await readTar(await readFile(file))
  const json = <T>(name: string): T | undefined => {
    const entry = entries.find((e) => e.name === name)
    return entry && (JSON.parse(entry.body.toString('utf8')) as T)
  }
  const manifest = json<{ Config: string; RepoTags: string[] | null; Layers: string[] }[]>('manifest.json')!
  const index = json<{ manifests: { digest: string; annotations?: Record<string, string> }[] }>('index.json')
  const layers = [...new Set(manifest.flatMap((m) => m.Layers))]
  const gzip = layers.map((path) =>
    entries
      .find((e) => e.name === path)!
      .body.subarray(0, 2)
      .equals(Buffer.from([0x1f, 0x8b]))
  )
  const digests = new Map<string, { config: string; top?: string }>()
  for (const m of manifest) {
    const config = `sha256:${m.Config.replace(/\.json$/, '')
      .split('/')
      .at(-1)}`
    for (const tag of m.RepoTags ?? []) {
      const full = tag.includes('/') ? tag : `docker.io/library/${tag}`
      const top = index?.manifests.find((d) => d.annotations?.['io.containerd.image.name'] === full)?.digest
      digests.set(tag, { config, ...(top ? { top } : {}) })
    }
  }
  return { entries: entries.map((e) => e.name), layers, gzip, digests }
}

describe.each<DockerFlavour>(['20.10', ...docker26Flavours])('Docker runtime on a private dockerd %s', (flavour) => {
  // Docker 26 saves the OCI layout; with the containerd image store its layers are gzip blobs and an image's ID
  // is its manifest digest, not its config digest.
  const oci = flavour !== '20.10'
  const containerdStore = flavour === '26-containerd'
  let engine: Engine
  let runtime: Runtime
  let dir: string
  const warnings: string[] = []
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    engine = await startDockerd(flavour)
    dir = await mkdtemp(join(tmpdir(), 'ih-docker-rt-'))
    runtime = await createDockerRuntime({ DOCKER_HOST: engine.host }, { warn: (m) => warnings.push(m) })
    ids.a = await buildBusybox(engine, 'app-a:1', ['RUN echo a > /a'])
    ids.b = await buildBusybox(engine, 'app-b:1', ['RUN echo b > /b'])
    await docker(engine, ['tag', 'app-a:1', 'app-a:extra'])
    await docker(engine, ['tag', 'app-a:1', 'registry.example:5000/team/app-a:2'])
  })

  afterAll(async () => {
    await runtime?.close()
    await engine?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  async function exportTo(file: string, refs: string[], platform?: string): Promise<void> {
    await pipeline(await runtime.exportImages(refs, platform ? { platform } : {}), createWriteStream(join(dir, file)))
  }

  it('negotiates the daemon API version', async () => {
    const connection = await connectDocker({ DOCKER_HOST: engine.host })
    connection.close()
    const daemon = await docker(engine, ['version', '--format', '{{.Server.APIVersion}}'])
    expect(connection.apiVersion).toBe(daemon)
    expect(connection.host).toBe(engine.host)
  })

  it("lists and inspects images with all their names and the engine's ID (the config digest on the classic store)", async () => {
    const listed = await runtime.list()
    const a = listed.find((image) => image.id === ids.a)
    expect(a?.names.sort()).toEqual(['app-a:1', 'app-a:extra', 'registry.example:5000/team/app-a:2'])
    expect(a?.configDigest).toBe(containerdStore ? undefined : ids.a)
    expect(a?.size).toBeGreaterThan(1_000_000)
    const inspected = await runtime.inspect('app-b:1')
    expect(inspected).toEqual({
      id: ids.b,
      names: ['app-b:1'],
      size: expect.any(Number),
      ...(containerdStore ? {} : { configDigest: ids.b })
    })
    expect((await runtime.inspect(ids.b!))?.id).toBe(ids.b)
    expect(await runtime.inspect('not-here:1')).toBeUndefined()
  })

  it('exports several images into one archive with shared layers once, and loads names and IDs back', async () => {
    await exportTo('two.tar', ['app-a:1', 'app-a:extra', 'registry.example:5000/team/app-a:2', 'app-b:1'])
    const { entries, layers, gzip, digests } = await layoutOf(join(dir, 'two.tar'))
    // busybox COPY + RUN --install are shared; each image adds one layer of its own.
    expect(layers).toHaveLength(4)
    expect(
      entries.filter((e) => e.endsWith('/layer.tar') || e.startsWith('blobs/sha256/')).length
    ).toBeGreaterThanOrEqual(4)
    if (oci) {
      expect(entries).toEqual(expect.arrayContaining(['index.json', 'oci-layout', 'manifest.json']))
      expect(layers.every((layer) => layer.startsWith('blobs/sha256/'))).toBe(true)
    } else {
      expect(entries).not.toContain('oci-layout')
      expect(layers.every((layer) => layer.endsWith('/layer.tar'))).toBe(true)
    }
    expect(gzip).toEqual(layers.map(() => containerdStore))
    // The engine's ID is the config digest on the classic store, the manifest digest index.json names on the containerd store.
    const a = digests.get('app-a:1')!
    expect(containerdStore ? a.top : a.config).toBe(ids.a)
    if (containerdStore) expect(a.config).not.toBe(ids.a)
    expect(a.top === undefined).toBe(!oci)

    await docker(engine, ['rmi', 'app-a:1', 'app-a:extra', 'registry.example:5000/team/app-a:2', 'app-b:1'])
    expect(await runtime.inspect('app-a:1')).toBeUndefined()

    const report = await runtime.importArchive(createReadStream(join(dir, 'two.tar')))
    expect(report.names.sort()).toEqual(['app-a:1', 'app-a:extra', 'app-b:1', 'registry.example:5000/team/app-a:2'])
    expect((await runtime.inspect('app-a:extra'))?.id).toBe(ids.a)
    expect((await runtime.inspect('registry.example:5000/team/app-a:2'))?.id).toBe(ids.a)
    expect((await runtime.inspect('app-b:1'))?.id).toBe(ids.b)
    expect(await docker(engine, ['run', '--rm', '--network', 'none', 'app-a:extra', 'cat', '/a'])).toBe('a')
    expect(await docker(engine, ['run', '--rm', '--network', 'none', 'app-b:1', 'cat', '/b'])).toBe('b')
  })

  it('brings an image exported by ID back untagged with the same ID', async () => {
    const id = await buildBusybox(engine, 'untagged:1', ['RUN echo u > /u'])
    await exportTo('id.tar', [id])
    await docker(engine, ['rmi', 'untagged:1'])
    expect(await runtime.inspect(id)).toBeUndefined()
    const report = await runtime.importArchive(createReadStream(join(dir, 'id.tar')))
    expect(report).toEqual({ names: [], ids: [id] })
    expect(await runtime.inspect(id)).toMatchObject({ id, names: [] })
    expect((await runtime.list()).find((image) => image.id === id)?.names).toEqual([])
  })

  it('rejects a truncated archive with the daemon message', async () => {
    await exportTo('cut.tar', ['app-b:1'])
    const size = (await stat(join(dir, 'cut.tar'))).size
    await truncate(join(dir, 'cut.tar'), Math.floor(size / 2))
    const failure = runtime.importArchive(createReadStream(join(dir, 'cut.tar')))
    await expect(failure).rejects.toThrow(HandoffError)
    await expect(failure).rejects.toThrow(/failed to load the archive: .+/)
  })

  it('rejects a non-archive with the daemon message', async () => {
    await expect(
      runtime.importArchive(Readable.from([Buffer.from('this is not a tar archive\n'.repeat(100))]))
    ).rejects.toThrow(/Docker Engine at unix:.* failed to load the archive: .*(repositories|manifest|tar|EOF)/)
  })

  it('rejects, not hangs, when the input stream breaks', async () => {
    await copyFile(join(dir, 'two.tar'), join(dir, 'broken-src.tar'))
    const source = createReadStream(join(dir, 'broken-src.tar'), { end: 300_000 })
    const broken = new Readable({ read() {} })
    source.on('data', (chunk) => broken.push(chunk))
    source.on('end', () => broken.destroy(new Error('disk vanished')))
    await expect(runtime.importArchive(broken)).rejects.toThrow(/reading the archive failed.*disk vanished/)
  })

  it('rejects exporting an unknown image, naming it, before any byte', async () => {
    await expect(runtime.exportImages(['app-a:1', 'nope:9'])).rejects.toThrow(/has no image nope:9 /)
    await expect(runtime.exportImages(['nope:9'])).rejects.toThrow(HandoffError)
  })

  it('ignores a platform the engine cannot honour, with a warning, and still exports', async () => {
    await exportTo('platform.tar', ['app-b:1'], 'linux/amd64')
    const entries = (await execFileP('tar', ['tf', join(dir, 'platform.tar')])).stdout
    expect(entries).toContain('manifest.json')
    expect(warnings.join('\n')).toMatch(/platform linux\/amd64 is ignored/)
    expect(warnings.join('\n')).toMatch(oci ? /speaks API 1\.45,/ : /speaks API 1\.41,/)
  })

  // Only the containerd store keeps more than one platform of an image (the classic store keeps the host's).
  ;(containerdStore ? it : it.skip)(
    'exports a multi-platform image whole and loads it back under its index digest',
    async () => {
      const index = await buildMultiPlatform(engine, 'multi:1', ['linux/amd64', 'linux/arm64'])
      expect((await runtime.inspect('multi:1'))?.id).toBe(index)
      await exportTo('multi.tar', ['multi:1'], 'linux/arm64')
      // API 1.45 cannot pick a platform: the warning says so and the export holds both.
      expect(warnings.at(-1)).toMatch(/speaks API 1\.45, .*platform linux\/arm64 is ignored/)
      expect(await platformsIn(await readFile(join(dir, 'multi.tar')))).toEqual({
        index,
        platforms: ['linux/amd64', 'linux/arm64'],
        complete: true
      })
      await docker(engine, ['rmi', 'multi:1'])
      const report = await runtime.importArchive(createReadStream(join(dir, 'multi.tar')))
      expect(report.names).toEqual(['multi:1'])
      expect(await runtime.inspect('multi:1')).toMatchObject({ id: index, names: ['multi:1'] })
      expect(await docker(engine, ['run', '--rm', '--network', 'none', 'multi:1'])).toBe('amd64')
      expect(
        await docker(engine, [
          'run',
          '--rm',
          '--network',
          'none',
          '--platform',
          'linux/arm64',
          'multi:1',
          '/bin/busybox',
          'cat',
          '/arch'
        ])
      ).toBe('arm64')
    }
  )

  it('tags by name or ID, and a tag moves a name from one image to another', async () => {
    await runtime.tag('app-a:1', parseTargetName('moving'))
    expect((await runtime.inspect('moving:latest'))?.id).toBe(ids.a)
    await runtime.tag(ids.b!, parseTargetName('registry.example:5000/team/moving:latest'))
    await runtime.tag('app-b:1', parseTargetName('docker.io/library/moving'))
    expect((await runtime.inspect('moving'))?.id).toBe(ids.b)
    expect((await runtime.inspect(ids.b!))?.names).toEqual(
      expect.arrayContaining(['moving:latest', 'registry.example:5000/team/moving:latest'])
    )
    expect((await runtime.inspect('app-a:1'))?.names).not.toContain('moving:latest')
    await expect(runtime.tag('app-a:1', parseReference('x@sha256:' + 'a'.repeat(64)))).rejects.toThrow(/digest/)
    await expect(runtime.tag('absent:1', parseTargetName('y:1'))).rejects.toThrow(
      /has no image absent:1|no image absent:1/
    )
  })

  it('rejects an unreachable DOCKER_HOST clearly', async () => {
    await expect(createDockerRuntime({ DOCKER_HOST: `unix://${dir}/no.sock` })).rejects.toThrow(
      new RegExp(`cannot reach the Docker Engine at unix://${dir}/no.sock .*start Docker.*DOCKER_HOST`)
    )
    await expect(createDockerRuntime({ DOCKER_HOST: 'tcp://127.0.0.1:1' })).rejects.toThrow(
      /cannot reach the Docker Engine at tcp:\/\/127.0.0.1:1 \(.*ECONNREFUSED.*\)/
    )
  })
})
