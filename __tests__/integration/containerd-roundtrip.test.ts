import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import tar from 'tar-stream'
import { buildBusybox, ctr, docker, startContainerd, startDockerd, type Engine } from '../support/engines.js'
import { createContainerdRuntime } from '../../src/runtimes/containerd/runtime.js'
import { createRuntime } from '../../src/runtimes/factory.js'
import { parseInputs } from '../../src/inputs.js'
import type { Runtime } from '../../src/runtimes/runtime.js'
import type { CtrImportReport } from '../../src/runtimes/containerd/ctr-images.js'
import { parseTargetName } from '../../src/archive/reference.js'

const execFileP = promisify(execFile)

async function dockerSave(engine: Engine, file: string, refs: string[]): Promise<string> {
  await execFileP('docker', ['-H', engine.host, 'save', '-o', file, ...refs])
  return file
}

/** `docker load` from a stream (the test's consumer; the action itself uses the Engine API). */
function dockerLoad(engine: Engine, archive: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['-H', engine.host, 'load'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr.on('data', (b: Buffer) => (out += b.toString()))
    archive.on('error', reject).pipe(child.stdin)
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`docker load: ${out}`))))
  })
}

async function entries(archive: Readable): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  const extract = tar.extract()
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = []
    stream.on('data', (c: unknown) => void chunks.push(c as Buffer))
    stream.on('end', () => {
      if (header.type === 'file') files.set(header.name, Buffer.concat(chunks))
      next()
    })
  })
  await pipeline(archive, extract)
  return files
}

/**
 * A real OCI export turned into a two-platform index whose linux/arm64 manifest is absent: what a
 * `docker save` of a pulled multi-platform image looks like when only the host platform was pulled.
 */
async function partialMultiPlatform(oci: Map<string, Buffer>, file: string): Promise<string> {
  const index = JSON.parse(oci.get('index.json')!.toString()) as { manifests: Array<Record<string, unknown>> }
  const [top] = index.manifests
  const amd64 = {
    mediaType: top!.mediaType,
    digest: top!.digest,
    size: top!.size,
    platform: { os: 'linux', architecture: 'amd64' }
  }
  const arm64 = { ...amd64, digest: `sha256:${'ab'.repeat(32)}`, platform: { os: 'linux', architecture: 'arm64' } }
  const list = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [amd64, arm64]
    })
  )
  const digest = createHash('sha256').update(list).digest('hex')
  index.manifests = [
    {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: `sha256:${digest}`,
      size: list.length,
      annotations: top!.annotations
    }
  ]
  const pack = tar.pack()
  for (const [name, body] of oci) if (name !== 'index.json') pack.entry({ name }, body)
  pack.entry({ name: `blobs/sha256/${digest}` }, list)
  pack.entry({ name: 'index.json' }, Buffer.from(JSON.stringify(index)))
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack) chunks.push(chunk as Buffer)
  await writeFile(file, Buffer.concat(chunks))
  return file
}

describe('containerd runtime on a private containerd', () => {
  let dockerd: Engine
  let containerd: Engine
  let dir: string
  let appId: string
  let twoId: string
  const runtimes: Runtime[] = []
  const open = async (namespace: string): Promise<Runtime> => {
    const runtime = await createContainerdRuntime({ address: containerd.socket, namespace })
    runtimes.push(runtime)
    return runtime
  }

  beforeAll(async () => {
    ;[dockerd, containerd] = await Promise.all([startDockerd(), startContainerd()])
    dir = await mkdtemp(join(tmpdir(), 'ih-ctrd-test-'))
    appId = await buildBusybox(dockerd, 'app:ci', ['RUN echo hi > /hi'])
    await docker(dockerd, ['tag', 'app:ci', 'ghcr.io/org/app:1'])
    twoId = await buildBusybox(dockerd, 'two:1', ['RUN echo two > /two'])
  })
  afterAll(async () => {
    await Promise.all(runtimes.map((r) => r.close()))
    await Promise.all([dockerd?.stop(), containerd?.stop()])
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('loads a docker save into k8s.io under fully normalised names, as kubelet looks them up', async () => {
    const runtime = await open('k8s.io')
    const archive = await dockerSave(dockerd, join(dir, 'app.tar'), ['app:ci', 'ghcr.io/org/app:1'])
    const report = await runtime.importArchive(createReadStream(archive))
    expect(report.names.sort()).toEqual(['docker.io/library/app:ci', 'ghcr.io/org/app:1'])
    expect(report.ids).toHaveLength(1)
    expect(report.ids[0]).toMatch(/^sha256:[0-9a-f]{64}$/)
    const listed = (await ctr(containerd, 'k8s.io', ['images', 'ls', '-q'])).split('\n')
    expect(listed).toEqual(expect.arrayContaining(['docker.io/library/app:ci', 'ghcr.io/org/app:1']))
    expect(listed.some((n) => n.includes('@'))).toBe(false)
    const image = await runtime.inspect('app:ci')
    expect(image).toMatchObject({ id: report.ids[0], configDigest: appId })
    expect(image!.names.sort()).toEqual(['docker.io/library/app:ci', 'ghcr.io/org/app:1'])
    expect(image!.size).toBeGreaterThan(1_000_000)
    expect(await runtime.inspect(report.ids[0]!.slice(7, 19))).toMatchObject({ id: report.ids[0] })
    expect(await runtime.inspect('missing:1')).toBeUndefined()
  })

  it('keeps an untagged image (RepoTags null) instead of importing nothing', async () => {
    const runtime = await open('untagged')
    const archive = await dockerSave(dockerd, join(dir, 'untagged.tar'), [twoId])
    const report = await runtime.importArchive(createReadStream(archive))
    expect(report.names).toEqual([])
    expect(report.ids).toHaveLength(1)
    const listed = await ctr(containerd, 'untagged', ['images', 'ls', '-q'])
    expect(listed).toMatch(new RegExp(`@${report.ids[0]}$`))
    const images = await runtime.list()
    expect(images).toEqual([expect.objectContaining({ id: report.ids[0], names: [] })])
    expect((await runtime.inspect(report.ids[0]!))?.configDigest).toBe(twoId)
  })

  it('loads the present platform of an index whose other platform is missing, and says what it skipped', async () => {
    const source = await open('k8s.io')
    const oci = await entries(await source.exportImages(['app:ci']))
    expect(oci.has('index.json') && oci.has('manifest.json')).toBe(true)
    const archive = await partialMultiPlatform(oci, join(dir, 'partial.tar'))
    const runtime = await open('partial')
    const report = (await runtime.importArchive(createReadStream(archive))) as CtrImportReport
    expect(report.names).toEqual(['docker.io/library/app:ci'])
    expect(report.warnings).toHaveLength(1)
    expect(report.warnings[0]).toMatch(/docker\.io\/library\/app:ci: the archive did not hold linux\/arm64/)
    const [row] = (await ctr(containerd, 'partial', ['images', 'ls'])).split('\n').slice(1)
    expect(row).toMatch(/^docker\.io\/library\/app:ci .*index.*linux\/amd64,linux\/arm64/)
    expect(await ctr(containerd, 'partial', ['images', 'check'])).toMatch(/complete/)
    expect((await runtime.inspect('app:ci'))?.configDigest).toBe(appId)
  })

  it('exports from containerd into Docker with a new name that runs there', async () => {
    const runtime = await open('k8s.io')
    await runtime.tag('app:ci', parseTargetName('registry.example/app:test'))
    expect(await ctr(containerd, 'k8s.io', ['images', 'ls', '-q'])).toMatch(/^registry\.example\/app:test$/m)
    const fresh = await startDockerd()
    try {
      const said = await dockerLoad(fresh, await runtime.exportImages(['registry.example/app:test']))
      expect(said).toMatch(/Loaded image: registry\.example\/app:test/)
      expect(await docker(fresh, ['image', 'inspect', '--format', '{{.Id}}', 'registry.example/app:test'])).toBe(appId)
      expect(await docker(fresh, ['run', '--rm', '--network', 'none', 'registry.example/app:test', 'cat', '/hi'])).toBe(
        'hi'
      )
    } finally {
      await fresh.stop()
    }
  })

  it('moves an existing name on tag, like Docker, and exports by ID', async () => {
    const k8s = await open('k8s.io')
    const two = await k8s.importArchive(createReadStream(join(dir, 'untagged.tar')))
    await k8s.tag('app:ci', parseTargetName('moved:1'))
    expect((await k8s.inspect('docker.io/library/moved:1'))?.configDigest).toBe(appId)
    await k8s.tag(two.ids[0]!, parseTargetName('moved:1'))
    expect((await k8s.inspect('moved:1'))?.id).toBe(two.ids[0])
    expect((await k8s.inspect('app:ci'))?.configDigest).toBe(appId)
    const files = await entries(await k8s.exportImages([two.ids[0]!.slice(7, 19)]))
    expect(JSON.parse(files.get('manifest.json')!.toString())[0].Config).toBe(`blobs/sha256/${twoId.slice(7)}`)
  })

  it("fails an export of a platform the store lacks with ctr's message", async () => {
    const runtime = await open('partial')
    const started = Date.now()
    const stream = await runtime.exportImages(['app:ci'], { platform: 'linux/arm64' })
    await expect(entries(stream)).rejects.toThrow(/ctr images export .*failed: .*not found/)
    expect(Date.now() - started).toBeLessThan(10000)
  })

  it('takes a unix:// address from the input or from CONTAINERD_ADDRESS, and refuses other schemes', async () => {
    const inputs = (values: Record<string, string>) => (name: string) =>
      ({ key: 'k', runtime: 'containerd', 'containerd-namespace': 'k8s.io', ...values })[name] ?? ''
    const fromInput = parseInputs(inputs({ 'containerd-address': `unix://${containerd.socket}` }), {})
    const fromEnv = parseInputs(inputs({}), { CONTAINERD_ADDRESS: `unix://${containerd.socket}` })
    for (const settings of [fromInput, fromEnv]) {
      const runtime = await createRuntime(settings, () => undefined)
      runtimes.push(runtime)
      expect((await runtime.inspect('app:ci'))?.configDigest).toBe(appId)
      const files = await entries(await runtime.exportImages(['app:ci']))
      expect(files.has('index.json')).toBe(true)
    }
    await expect(createContainerdRuntime({ address: 'tcp://127.0.0.1:1', namespace: 'k8s.io' })).rejects.toThrow(
      /"tcp:\/\/127\.0\.0\.1:1" is a tcp:\/\/ address, .*unix socket/
    )
    await expect(
      createContainerdRuntime({ address: `unix://${join(dir, 'nope.sock')}`, namespace: 'k8s.io' })
    ).rejects.toThrow(/no containerd socket at .*\/nope\.sock\. /)
  })

  it('explains a wrong socket, a missing ctr and an invalid namespace', async () => {
    await expect(createContainerdRuntime({ address: join(dir, 'nope.sock'), namespace: 'k8s.io' })).rejects.toThrow(
      /no containerd socket at .*nope\.sock.*\/run\/k3s\/containerd\/containerd\.sock/
    )
    await expect(createContainerdRuntime({ address: join(dir, 'app.tar'), namespace: 'k8s.io' })).rejects.toThrow(
      /is not a socket/
    )
    await expect(createContainerdRuntime({ address: containerd.socket, namespace: 'Bad NS!' })).rejects.toThrow(
      /containerd-namespace "Bad NS!" is not a valid namespace.*k8s\.io/
    )
    await expect(
      createContainerdRuntime({ address: containerd.socket, namespace: 'k8s.io', env: { PATH: '/nonexistent' } })
    ).rejects.toThrow(/needs the `ctr` command, which is not on PATH.*apt-get install containerd/)
  })
})
