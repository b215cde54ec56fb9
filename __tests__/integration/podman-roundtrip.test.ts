import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { buildBusybox, docker, podmanStoreArgs, startDockerd, unmountUnder, type Engine } from '../support/engines.js'
import { createPodmanRuntime } from '../../src/runtimes/podman/runtime.js'
import type { Runtime } from '../../src/runtimes/runtime.js'
import { parseTargetName } from '../../src/archive/reference.js'
import { createLocalStore } from '../../src/backends/local-store.js'
import { assembleArchive } from '../../src/store/assemble.js'
import { parseIndex } from '../../src/store/format.js'
import { planLoad } from '../../src/store/load-plan.js'
import { legacyFiles, makeTar, ociFiles } from '../support/archive-fixtures.js'
import { storeArchiveFile } from '../support/store-entry.js'

const execFileP = promisify(execFile)

/** A podman store of its own, so tests never share state with each other or the machine. */
async function privatePodman(
  dir: string,
  name: string
): Promise<{ args: string[]; podman(args: string[]): Promise<string> }> {
  const args = podmanStoreArgs(dir, name)
  return {
    args,
    podman: async (more) =>
      (await execFileP('podman', [...args, ...more], { maxBuffer: 16 * 1024 * 1024 })).stdout.trim()
  }
}

async function dockerLoadFromStream(engine: Engine, archive: Readable): Promise<string> {
  const child = execFileP('docker', ['-H', engine.host, 'load'])
  await pipeline(archive, child.child.stdin!)
  return (await child).stdout
}

describe('podman runtime with a private store', () => {
  let engine: Engine
  let dir: string
  let appId: string
  let twoId: string
  let store: Awaited<ReturnType<typeof privatePodman>>
  let runtime: Runtime

  beforeAll(async () => {
    engine = await startDockerd()
    dir = await mkdtemp(join(tmpdir(), 'ih-podman-test-'))
    appId = await buildBusybox(engine, 'app:ci', ['RUN echo hi > /hi'])
    await docker(engine, ['tag', 'app:ci', 'ghcr.io/org/app:1'])
    twoId = await buildBusybox(engine, 'two:1', ['RUN echo two > /two'])
    await execFileP('docker', ['-H', engine.host, 'save', '-o', join(dir, 'app.tar'), 'app:ci', 'ghcr.io/org/app:1'])
    await execFileP('docker', ['-H', engine.host, 'save', '-o', join(dir, 'two.tar'), twoId])
    store = await privatePodman(dir, 'a')
    runtime = await createPodmanRuntime({ extraArgs: store.args })
  })
  afterAll(async () => {
    await runtime?.close()
    await engine?.stop()
    if (dir) {
      await unmountUnder(dir)
      await rm(dir, { recursive: true, force: true, maxRetries: 3 })
    }
  })

  it('loads a Docker archive so that app:ci is docker.io/library/app:ci in podman, and it runs', async () => {
    const report = await runtime.importArchive(createReadStream(join(dir, 'app.tar')))
    expect(report.names.sort()).toEqual(['docker.io/library/app:ci', 'ghcr.io/org/app:1'])
    const names = (await store.podman(['images', '--format', '{{.Repository}}:{{.Tag}}'])).split('\n').sort()
    expect(names).toEqual(['docker.io/library/app:ci', 'ghcr.io/org/app:1'])
    expect((await runtime.inspect('app:ci'))?.configDigest).toBe(appId)
    // This sandbox refuses podman's default rlimits; the limits below are what any runner allows.
    const out = await store.podman([
      'run',
      '--rm',
      '--network',
      'none',
      '--ulimit',
      'nofile=1024:1024',
      '--ulimit',
      'nproc=1024:1024',
      'docker.io/library/app:ci',
      'cat',
      '/hi'
    ])
    expect(out).toBe('hi')
  })

  it('keeps an untagged image and reports its ID', async () => {
    const report = await runtime.importArchive(createReadStream(join(dir, 'two.tar')))
    expect(report).toEqual({ names: [], ids: [twoId] })
    expect((await runtime.list()).find((i) => i.id === twoId)?.names).toEqual([])
    expect((await runtime.inspect(twoId.slice(7, 19)))?.id).toBe(twoId)
  })

  it('exports to Docker under the tag it was given, and keeps a podman-local name local', async () => {
    await runtime.tag('app:ci', parseTargetName('registry.example/app:test'))
    await store.podman(['tag', 'docker.io/library/app:ci', 'localhost/own:1'])
    const said = await dockerLoadFromStream(
      engine,
      await runtime.exportImages(['registry.example/app:test', 'localhost/own:1'])
    )
    expect(said).toMatch(/Loaded image: registry\.example\/app:test/)
    expect(await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', 'registry.example/app:test'])).toBe(appId)
    const other = await privatePodman(dir, 'b')
    const second = await createPodmanRuntime({ extraArgs: other.args })
    const report = await second.importArchive(await runtime.exportImages(['localhost/own:1', 'app:ci']))
    expect(report.names.sort()).toEqual(['docker.io/library/app:ci', 'localhost/own:1'])
  })

  /** Stores `files` as an entry, then loads it as a load would: leaving out what podman says it holds. */
  async function loadThroughStore(files: Parameters<typeof makeTar>[0], key: string) {
    const archive = join(dir, `${key}.tar`)
    await writeFile(archive, await makeTar(files))
    await storeArchiveFile(join(dir, 'store'), key, archive)
    const store = createLocalStore(join(dir, 'store'))
    const index = parseIndex((await store.readIndex(key, []))!.body)
    const plan = planLoad(index, {}, await runtime.heldLayers!())
    const report = await runtime.importArchive(assembleArchive(index, plan, store, { prefetch: 2 }).stream)
    return { omitted: plan.omit.size, report }
  }

  it('leaves out of an OCI-layout load the layers podman holds, and the image arrives whole', async () => {
    const base = 'podman base layer '.repeat(4000)
    expect(
      (await loadThroughStore((await ociFiles([{ names: ['pmbase:1'], layers: [base] }])).files, 'pmbase')).omitted
    ).toBe(0)
    const app = await ociFiles([{ names: ['pmapp:2'], layers: [base, 'podman top layer'] }])
    const { omitted, report } = await loadThroughStore(app.files, 'pmapp')
    expect(omitted).toBe(1)
    expect(report.names).toEqual(['docker.io/library/pmapp:2'])
    const layers = JSON.parse(
      await store.podman(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', 'pmapp:2'])
    )
    expect(layers).toHaveLength(2)
    expect((await runtime.inspect('pmapp:2'))?.configDigest).toBe(
      `sha256:${app.configDigests[0]!.replace(/^sha256:/, '')}`
    )
  })

  it('sends every layer of a docker-archive entry, which podman refuses without them', async () => {
    const base = 'podman legacy base '.repeat(4000)
    await loadThroughStore(await legacyFiles([{ names: ['pmlegacy:1'], layers: [base] }]), 'pmlegacy-base')
    const { omitted, report } = await loadThroughStore(
      await legacyFiles([{ names: ['pmlegacy:2'], layers: [base, 'legacy top'] }]),
      'pmlegacy-app'
    )
    expect(omitted).toBe(0)
    expect(report.names).toEqual(['docker.io/library/pmlegacy:2'])
  })

  it("fails a load of something that is not an image archive with podman's message", async () => {
    await expect(runtime.importArchive(Readable.from([Buffer.from('not a tar')]))).rejects.toThrow(
      /podman load failed: /
    )
  })

  it('says what to install when podman is missing', async () => {
    await expect(createPodmanRuntime({ env: { PATH: '/nonexistent' } })).rejects.toThrow(
      /needs the `podman` command, which is not on PATH.*apt-get install podman/
    )
  })
})
