/**
 * `compression`, `oci-mediatypes` and `annotations` through the bundled action: an image saved from Docker 20.10
 * (legacy layout, uncompressed layers) is stored as an OCI layout with recompressed layers; containerd loads it
 * keeping the media types and annotations, and runs it; Docker 20.10 (classic store: same image ID) and Docker 26
 * with the containerd image store load and run it too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBusybox, ctr, docker, startContainerd, startDockerd, type Engine } from '../support/engines.js'
import { annotations, newJob, runStep, type StepResult } from '../support/action.js'
import { expectOk } from '../support/expect-step.js'
import { buildMultiPlatform } from '../support/multi-platform.js'

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
}
interface Manifest {
  mediaType: string
  config: Descriptor
  layers: Descriptor[]
  annotations?: Record<string, string>
}

let source: Engine
let target: Engine
let docker26: Engine
let classic26: Engine
let containerd: Engine
let store: string
let appId: string

const step = async (inputs: Record<string, string>, host = source.host): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: host }), 'main', { backend: 'local', path: store, ...inputs })
const intoContainerd = (namespace: string, key: string): Promise<StepResult> =>
  step({
    mode: 'load',
    key,
    runtime: 'containerd',
    'containerd-address': containerd.socket,
    'containerd-namespace': namespace
  })

/** name → [media type of the target, target digest] from `ctr images ls`. */
async function ctrImages(namespace: string): Promise<Map<string, [string, string]>> {
  const lines = (await ctr(containerd, namespace, ['images', 'ls'])).split('\n').slice(1).filter(Boolean)
  return new Map(lines.map((line) => line.split(/\s+/)).map(([name, type, digest]) => [name!, [type!, digest!]]))
}

const content = async <T>(namespace: string, digest: string): Promise<T> =>
  JSON.parse(await ctr(containerd, namespace, ['content', 'get', digest])) as T

beforeAll(async () => {
  ;[source, target, docker26, classic26, containerd] = await Promise.all([
    startDockerd(),
    startDockerd(),
    startDockerd('26-containerd'),
    startDockerd('26-classic'),
    startContainerd()
  ])
  store = await mkdtemp(join(tmpdir(), 'ih-oci-store-'))
  appId = await buildBusybox(source, 'app:ci', ['RUN echo app > /who', 'CMD ["cat", "/who"]'])
})

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop(), docker26?.stop(), classic26?.stop(), containerd?.stop()])
  if (store) await rm(store, { recursive: true, force: true })
})

describe.each(['gzip', 'zstd', 'uncompressed'])('oci-mediatypes with %s layers', (compression) => {
  const key = `oci-${compression}`

  it('containerd keeps the OCI media types, the compression and the annotations, and runs the image', async () => {
    const saved = await step({
      mode: 'save',
      key,
      images: 'app:ci',
      'oci-mediatypes': 'true',
      compression,
      annotations: 'org.opencontainers.image.source=https://example.com/app\norg.example.build=42'
    })
    expectOk(saved)
    expect(saved.stdout).toContain(`OCI media types, ${compression} layers, 2 annotation(s)`)
    // Docker's classic store names the image by its config digest, which the conversion keeps.
    expect(JSON.parse(saved.outputs.images!)).toEqual([expect.objectContaining({ name: 'app:ci', id: appId })])

    const ns = `oci-${compression}`
    expectOk(await intoContainerd(ns, key))
    const [type, digest] = (await ctrImages(ns)).get('docker.io/library/app:ci')!
    expect(type).toBe('application/vnd.oci.image.manifest.v1+json')
    const manifest = await content<Manifest>(ns, digest)
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(manifest.config).toMatchObject({ mediaType: 'application/vnd.oci.image.config.v1+json', digest: appId })
    expect(manifest.layers.length).toBeGreaterThan(0)
    for (const layer of manifest.layers)
      expect(layer.mediaType).toBe(
        `application/vnd.oci.image.layer.v1.tar${compression === 'uncompressed' ? '' : `+${compression}`}`
      )
    expect(manifest.annotations).toEqual({
      'org.opencontainers.image.source': 'https://example.com/app',
      'org.example.build': '42'
    })
    // The layer blobs are what the descriptors say: containerd checked their digests on import.
    const magic = { gzip: /^1f8b/, zstd: /^28b52ffd/, uncompressed: /^(?!1f8b|28b52ffd)/ }[compression]
    expect(await firstBytes(ns, manifest.layers[0]!.digest)).toMatch(magic!)
    expect(await ctr(containerd, ns, ['images', 'check'])).toMatch(/app:ci.*complete/)
    expect(await runInContainerd(ns, 'docker.io/library/app:ci')).toBe('app')
  })

  // Docker 20.10 reads no index.json, but the manifest.json the conversion writes (with layer paths into blobs/),
  // and decompresses gzip layers (zstd only from Docker 23); the classic store keeps the config digest as the image ID.
  it(
    compression === 'zstd'
      ? 'is refused by Docker 20.10, which reads no zstd layer, before it loads anything'
      : 'loads into Docker 20.10 under the same ID, and runs',
    async () => {
      if (compression === 'zstd') {
        const refused = await step({ mode: 'load', key }, target.host)
        expect(refused.exitCode).toBe(1)
        expect(annotations(refused, 'error').join('\n')).toMatch(
          /zstd-compressed layers, which the Docker Engine .* \(API 1\.41, Docker 20\.10 or older\) cannot read; .*compression: gzip/
        )
        expect(await docker(target, ['images', '-q'])).toBe('')
        return
      }
      expectOk(await step({ mode: 'load', key }, target.host))
      expect(await docker(target, ['image', 'inspect', '--format', '{{.Id}}', 'app:ci'])).toBe(appId)
      expect(await docker(target, ['run', '--rm', '--network', 'none', 'app:ci'])).toBe('app')
      await docker(target, ['rmi', 'app:ci'])
    }
  )

  // The containerd image store reads index.json: the image's ID is the new manifest's digest.
  it('loads into Docker 26 with the containerd image store, and runs', async () => {
    const loaded = await step({ mode: 'load', key }, docker26.host)
    expectOk(loaded)
    const id = await docker(docker26, ['image', 'inspect', '--format', '{{.Id}}', 'app:ci'])
    expect(JSON.parse(loaded.outputs.images!)).toEqual([expect.objectContaining({ name: 'app:ci', id })])
    expect(await docker(docker26, ['run', '--rm', '--network', 'none', 'app:ci'])).toBe('app')
    await docker(docker26, ['rmi', 'app:ci'])
  })
})

describe('Docker 26 with the classic store', () => {
  it('loads zstd layers (it reads zstd from Docker 23) under the same ID, and runs', async () => {
    expectOk(await step({ mode: 'load', key: 'oci-zstd' }, classic26.host))
    expect(await docker(classic26, ['image', 'inspect', '--format', '{{.Id}}', 'app:ci'])).toBe(appId)
    expect(await docker(classic26, ['run', '--rm', '--network', 'none', 'app:ci'])).toBe('app')
  })

  it('saves its own OCI export (uncompressed layers) as gzip OCI, and loads it back under the same ID', async () => {
    const id = await buildBusybox(classic26, 'own:1', ['RUN echo own > /who', 'CMD ["cat", "/who"]'])
    const saved = await step(
      { mode: 'save', key: 'c26-gzip', images: 'own:1', 'oci-mediatypes': 'true' },
      classic26.host
    )
    expectOk(saved)
    expect(JSON.parse(saved.outputs.images!)).toEqual([expect.objectContaining({ name: 'own:1', id })])
    await docker(classic26, ['rmi', 'own:1'])
    expectOk(await step({ mode: 'load', key: 'c26-gzip' }, classic26.host))
    expect(await docker(classic26, ['image', 'inspect', '--format', '{{.Id}}', 'own:1'])).toBe(id)
    expect(await docker(classic26, ['run', '--rm', '--network', 'none', 'own:1'])).toBe('own')
  })
})

describe('from Docker 26 with the containerd image store (gzip layers, an index per image)', () => {
  it('flattened and stored with zstd layers: containerd keeps one zstd layer and the annotations, and runs it', async () => {
    await buildBusybox(docker26, 'svc:1', [
      'RUN echo svc > /who',
      'ENV MODE=prod',
      'CMD ["sh", "-c", "echo $MODE $(cat /who)"]'
    ])
    const saved = await step(
      {
        mode: 'save',
        key: 'd26-flat-zstd',
        images: 'svc:1',
        flatten: 'true',
        'oci-mediatypes': 'true',
        compression: 'zstd',
        annotations: 'org.example.flat=yes'
      },
      docker26.host
    )
    expectOk(saved)
    expect(saved.stdout).toMatch(/Flattened svc:1: \d+ layer\(s\)/)
    expectOk(await intoContainerd('d26', 'd26-flat-zstd'))
    const [type, digest] = (await ctrImages('d26')).get('docker.io/library/svc:1')!
    expect(type).toBe('application/vnd.oci.image.manifest.v1+json')
    const manifest = await content<Manifest>('d26', digest)
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(['application/vnd.oci.image.layer.v1.tar+zstd'])
    expect(manifest.annotations).toEqual({ 'org.example.flat': 'yes' })
    // Saved from a containerd store, the image is named by its manifest digest: the one containerd now holds.
    expect(JSON.parse(saved.outputs.images!)).toEqual([expect.objectContaining({ name: 'svc:1', id: digest })])
    expect(await runInContainerd('d26', 'docker.io/library/svc:1')).toBe('prod svc')
  })

  it('stored with OCI media types (gzip by default), it loads back under the ID the save reported (the new manifest digest)', async () => {
    const saved = await step(
      { mode: 'save', key: 'd26-gzip', images: 'svc:1', 'oci-mediatypes': 'true' },
      docker26.host
    )
    expectOk(saved)
    const [row] = JSON.parse(saved.outputs.images!) as { id: string }[]
    await docker(docker26, ['rmi', 'svc:1'])
    const loaded = await step({ mode: 'load', key: 'd26-gzip' }, docker26.host)
    expectOk(loaded)
    // The save reported the ID the engine gives the image it loads: the new manifest's digest.
    expect(await docker(docker26, ['image', 'inspect', '--format', '{{.Id}}', 'svc:1'])).toBe(row!.id)
    expect(await docker(docker26, ['run', '--rm', '--network', 'none', 'svc:1'])).toBe('prod svc')
  })
})

describe('a multi-platform image, and a containerd export', () => {
  it('keeps the platforms under a new OCI index carrying the annotations, as containerd loads it', async () => {
    await buildMultiPlatform(docker26, 'mp:1', ['linux/amd64', 'linux/arm64'])
    const saved = await step(
      { mode: 'save', key: 'mp-oci', images: 'mp:1', 'oci-mediatypes': 'true', annotations: 'org.example.mp=2' },
      docker26.host
    )
    expectOk(saved)
    expectOk(await intoContainerd('mp', 'mp-oci'))
    const [type, digest] = (await ctrImages('mp')).get('docker.io/library/mp:1')!
    expect(type).toBe('application/vnd.oci.image.index.v1+json')
    const index = await content<{
      manifests: (Descriptor & { platform: { architecture: string } })[]
      annotations?: Record<string, string>
    }>('mp', digest)
    expect(index.annotations).toEqual({ 'org.example.mp': '2' })
    expect(index.manifests.map((m) => m.platform.architecture).sort()).toEqual(['amd64', 'arm64'])
    // ctr imports the host's platform only: its manifest carries the annotations too.
    const host = index.manifests.find((m) => m.platform.architecture === 'amd64')!
    const manifest = await content<Manifest>('mp', host.digest)
    expect(manifest.annotations).toEqual({ 'org.example.mp': '2' })
    expect(manifest.layers.every((l) => l.mediaType === 'application/vnd.oci.image.layer.v1.tar+gzip')).toBe(true)
    expect(await ctr(containerd, 'mp', ['images', 'check'])).toMatch(/mp:1.*complete/)
  })

  it('a containerd save rewritten with zstd layers loads into Docker 26 and runs', async () => {
    const saved = await step({
      mode: 'save',
      key: 'ctrd-zstd',
      images: 'app:ci',
      runtime: 'containerd',
      'containerd-address': containerd.socket,
      'containerd-namespace': 'oci-gzip',
      'oci-mediatypes': 'true',
      compression: 'zstd'
    })
    expectOk(saved)
    expectOk(await step({ mode: 'load', key: 'ctrd-zstd' }, docker26.host))
    expect(await docker(docker26, ['run', '--rm', '--network', 'none', 'app:ci'])).toBe('app')
    await docker(docker26, ['rmi', 'app:ci'])
  })
})

async function firstBytes(namespace: string, digest: string): Promise<string> {
  const { execFile } = await import('node:child_process')
  return new Promise((resolve, reject) => {
    const child = execFile(
      'sh',
      [
        '-c',
        `ctr -a "$1" -n "$2" content get "$3" | head -c 4 | od -An -tx1 | tr -d ' \\n'`,
        'sh',
        containerd.socket,
        namespace,
        digest
      ],
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim()))
    )
    child.stdin?.end()
  })
}

async function runInContainerd(namespace: string, image: string): Promise<string> {
  return ctr(containerd, namespace, ['run', '--rm', '--net-host', '--snapshotter', 'native', image, `t-${namespace}`])
}
