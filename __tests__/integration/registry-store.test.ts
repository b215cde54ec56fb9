/**
 * The registry store against the real CNCF distribution registry (docker-registry): without auth, behind token
 * auth with a token service the test runs, and behind Basic auth (a proxy in front of it). Chunks as blobs, the
 * index as an artifact manifest under a tag derived from the key, restore keys over the tag list; save → load
 * through a real Docker engine, where a second save of an image sharing base layers uploads only the new layers
 * (counted in the registry's own log); with registry-pullable, the saved images pulled back by `docker pull`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BlobStore } from '../../src/store/blob-store.js'
import { createRegistryStore } from '../../src/backends/registry-store.js'
import { createRegistryClient } from '../../src/backends/registry/client.js'
import { httpTransport, type Transport } from '../../src/backends/registry/transport.js'
import { Readable } from 'node:stream'
import { parseRegistry, tagForKey } from '../../src/backends/registry/reference.js'
import { createDockerRuntime } from '../../src/runtimes/docker/runtime.js'
import { saveImages } from '../../src/handoff/save.js'
import { loadImages } from '../../src/handoff/load.js'
import type { HandoffDeps } from '../../src/handoff/deps.js'
import type { Log } from '../../src/handoff/log.js'
import { sha256File, writeRandomFile } from '../support/github-payloads.js'
import { followedSha256, whole } from '../support/fetched.js'
import { startBasicAuthProxy, startRegistry, type TestRegistry } from '../support/registry.js'
import { buildBusybox, docker, startDockerd, type DockerFlavour, type Engine } from '../support/engines.js'

const user = { username: 'ci-bot', password: 's3cret-pw' }
let root: string
let chunk: { file: string; digest: string }

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ih-registry-store-'))
  const file = join(root, 'chunk')
  await writeRandomFile(file, 3 * 1024 * 1024 + 17)
  chunk = { file, digest: `sha256:${await sha256File(file)}` }
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

function storeAt(
  registry: TestRegistry,
  repository: string,
  credentials?: typeof user,
  clock?: () => number
): BlobStore {
  return createRegistryStore({
    location: parseRegistry(`${registry.host}/${repository}`),
    ...(credentials ? { credentials } : {}),
    ...(clock ? { clock } : {}),
    workDir: join(root, 'work', repository)
  })
}

/** A chunk file as the sink hands it over: in the store's scratch directory, consumed by put. */
async function staged(store: BlobStore, source = chunk.file): Promise<string> {
  await store.prepare()
  await mkdir(store.scratch, { recursive: true })
  const file = join(store.scratch, `staged-${Math.random().toString(36).slice(2)}`)
  await copyFile(source, file)
  return file
}

/** An index document as a save writes it, naming the test chunk. */
function indexNaming(digest: string, size: number, note = ''): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'image-handoff/index',
      version: 2,
      created: new Date().toISOString(),
      chunkBytes: 64 * 1024 * 1024,
      model: { images: [], note },
      entries: [{ path: 'layer.tar', mode: 0o644, type: 'file', size, chunks: [digest] }]
    })
  )
}

describe.each([
  ['without auth', undefined],
  ['behind token auth', user]
])('registry store %s', (_, credentials) => {
  let registry: TestRegistry

  beforeAll(async () => {
    registry = await startRegistry(credentials ? { auth: credentials } : {})
  })
  afterAll(async () => {
    await registry?.stop()
  })

  it('stores a chunk as a blob once and fetches it byte for byte', async () => {
    const store = storeAt(registry, 'org/handoff', credentials)
    expect(await store.has(chunk.digest)).toBe(false)
    expect(await store.put(chunk.digest, await staged(store))).toBe(3 * 1024 * 1024 + 17)
    expect(await store.has(chunk.digest)).toBe(true)
    const fetched = await whole(await storeAt(registry, 'org/handoff', credentials).get(chunk.digest))
    expect(fetched.compressed).toBe(false)
    expect(await sha256File(fetched.file)).toBe(chunk.digest.slice(7))
    await fetched.dispose()
    const uploads = (await registry.requests()).filter((r) => r.method === 'PUT' && r.uri.includes('/blobs/uploads/'))
    expect(uploads.map((r) => r.status)).toEqual([201])
  })

  it('writes an index under a tag once, and finds it exactly or by the newest restore-key match', async () => {
    // The second entry is saved a minute after the first, whatever the machine's speed.
    let now = Date.parse('2026-12-01T12:00:00Z')
    const store = storeAt(registry, 'org/handoff', credentials, () => now)
    const size = 3 * 1024 * 1024 + 17
    expect(await store.writeIndex('deps-1', indexNaming(chunk.digest, size, 'one'))).toMatchObject({ saved: true })
    now += 60_000
    expect(await store.writeIndex('deps/2 main', indexNaming(chunk.digest, size, 'two'))).toMatchObject({
      saved: true
    })
    const again = await store.writeIndex('deps-1', indexNaming(chunk.digest, size, 'three'))
    expect(again).toMatchObject({ saved: false })
    expect(!again.saved && again.reason).toMatch(/already holds an entry/)
    const other = storeAt(registry, 'org/handoff', credentials)
    expect(await other.hasIndex('deps-1')).toBe(true)
    expect(await other.hasIndex('deps/2 main')).toBe(true)
    expect(await other.hasIndex('deps')).toBe(false)
    expect((await other.readIndex('deps-1', []))?.body.toString()).toContain('"one"')
    const fallback = await other.readIndex('deps/9', ['nothing-', 'deps'])
    expect(fallback?.matchedKey).toBe('deps/2 main')
    expect(fallback?.body.toString()).toContain('"two"')
    expect((await other.readIndex('deps/9', ['deps-']))?.matchedKey).toBe('deps-1')
    expect(await other.readIndex('nothing-here', ['nor-this-'])).toBeUndefined()
    // The tag of a key that is no valid tag: readable, and distinct from the tag of a key spelled like it.
    expect(tagForKey('deps/2 main')).toMatch(/^deps_2_main-[0-9a-f]{16}$/)
    expect(tagForKey('deps_2_main')).toBe('deps_2_main')
  })

  it('refuses an index naming a chunk it does not hold, and keeps repositories apart', async () => {
    const store = storeAt(registry, 'org/handoff', credentials)
    const absent = `sha256:${'0'.repeat(64)}`
    await expect(store.writeIndex('broken', indexNaming(absent, 10))).rejects.toThrow(/answered 400/)
    expect(await store.hasIndex('broken')).toBe(false)
    expect(await storeAt(registry, 'org/elsewhere', credentials).readIndex('deps-1', ['deps'])).toBeUndefined()
  })

  it('pushes a pullable image from chunks: a layer of several chunks streamed, one of a single chunk mounted', async () => {
    const store = createRegistryStore({
      location: parseRegistry(`${registry.host}/org/handoff`),
      ...(credentials ? { credentials } : {}),
      workDir: join(root, 'work', 'pullable'),
      pullable: true
    })
    const chunks = await Promise.all(
      ['c1', 'c2', 'c3'].map(async (name) => {
        const file = join(root, name)
        await writeRandomFile(file, 1024 * 1024)
        return { file, digest: `sha256:${await sha256File(file)}`, body: await readFile(file) }
      })
    )
    for (const c of chunks) await store.put(c.digest, await staged(store, c.file))
    const [c1, c2, c3] = chunks as [(typeof chunks)[0], (typeof chunks)[0], (typeof chunks)[0]]
    const layerA = `sha256:${createHash('sha256').update(c1.body).update(c2.body).digest('hex')}`
    const config = Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}')
    const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`
    const index = {
      format: 'image-handoff/index',
      version: 2,
      created: new Date().toISOString(),
      chunkBytes: 1024 * 1024,
      model: {
        layout: 'docker',
        skipped: [],
        images: [
          {
            configDigest,
            names: ['x/app:1'],
            size: config.length + 3 * 1024 * 1024,
            layers: [
              { path: 'a/layer.tar', size: 2 * 1024 * 1024, diffId: layerA },
              { path: 'b/layer.tar', size: 1024 * 1024, diffId: c3.digest }
            ]
          }
        ]
      },
      entries: [
        {
          path: `${configDigest.slice(7)}.json`,
          mode: 0o644,
          type: 'file',
          size: config.length,
          inline: config.toString('base64')
        },
        { path: 'a/layer.tar', mode: 0o644, type: 'file', size: 2 * 1024 * 1024, chunks: [c1.digest, c2.digest] },
        { path: 'b/layer.tar', mode: 0o644, type: 'file', size: 1024 * 1024, chunks: [c3.digest] }
      ]
    }
    expect(await store.writeIndex('pullable', Buffer.from(JSON.stringify(index)))).toMatchObject({ saved: true })
    const image = createRegistryClient({
      location: parseRegistry(`${registry.host}/org/handoff/x/app`),
      ...(credentials ? { credentials } : {})
    })
    const streamed = await image.readBlob(layerA, 4 * 1024 * 1024)
    expect(`sha256:${createHash('sha256').update(streamed).digest('hex')}`).toBe(layerA)
    expect(await image.hasBlob(c3.digest)).toBe(true)
    expect(await image.hasBlob(configDigest)).toBe(true)
    expect(await image.hasManifest('1')).toBe(true)
    // A tag holding an image, not an entry, is no entry: a miss.
    const beside = storeAt(registry, 'org/handoff/x/app', credentials)
    expect(await beside.hasIndex('1')).toBe(false)
    expect(await beside.readIndex('2', [''])).toBeUndefined()
    const requests = await registry.requests()
    expect(
      requests.filter((r) => r.method === 'POST' && r.uri.includes('/x/app/') && r.uri.includes('mount='))
    ).toEqual([expect.objectContaining({ status: 201 })])
    expect(requests.some((r) => r.method === 'PUT' && r.uri.endsWith('/x/app/manifests/1') && r.status === 201)).toBe(
      true
    )
  })

  if (credentials) {
    it('asks the token service once per access for a burst of requests, with the credentials', async () => {
      const before = registry.tokenRequests.length
      const store = storeAt(registry, 'org/burst', credentials)
      const lookups = await Promise.all(Array.from({ length: 12 }, () => store.has(chunk.digest)))
      expect(lookups.every((found) => found === false)).toBe(true)
      const asked = registry.tokenRequests.slice(before)
      expect(asked).toEqual([{ user: 'ci-bot', scope: 'repository:org/burst:pull', granted: true }])
    })

    it('fails with a message naming the credentials when they are refused, or missing', async () => {
      const wrong = storeAt(registry, 'org/handoff', { username: 'ci-bot', password: 'wrong' })
      await expect(wrong.has(chunk.digest)).rejects.toThrow(/credentials were refused.*registry-username/)
      const nobody = storeAt(registry, 'org/handoff')
      await expect(nobody.readIndex('deps-1', [])).rejects.toThrow(/wants credentials.*registry-password/)
    })
  }
})

describe('registry store behind basic auth (a proxy in front of the registry)', () => {
  let registry: TestRegistry
  let proxy: Awaited<ReturnType<typeof startBasicAuthProxy>>
  const basic = { username: 'ops', password: 'basic-pw' }
  const store = (credentials?: typeof basic): BlobStore =>
    createRegistryStore({
      location: parseRegistry(`${proxy.host}/org/basic`),
      ...(credentials ? { credentials } : {}),
      workDir: join(root, 'work', 'basic')
    })

  beforeAll(async () => {
    registry = await startRegistry()
    proxy = await startBasicAuthProxy(registry, basic)
  })
  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
  })

  it('answers the Basic challenge with the credentials, once, and stores and reads through it', async () => {
    const saving = store(basic)
    expect(await saving.has(chunk.digest)).toBe(false)
    await saving.put(chunk.digest, await staged(saving))
    const size = 3 * 1024 * 1024 + 17
    expect(await saving.writeIndex('basic-1', indexNaming(chunk.digest, size, 'b'))).toMatchObject({ saved: true })
    const loading = store(basic)
    expect((await loading.readIndex('basic-2', ['basic-']))?.matchedKey).toBe('basic-1')
    const fetched = await whole(await loading.get(chunk.digest))
    expect(await sha256File(fetched.file)).toBe(chunk.digest.slice(7))
    await fetched.dispose()
    // One refusal per store and access (pull, then push, for the saving one); every other request went through.
    expect(proxy.refused()).toBe(3)
  })

  it('asks for a user name and password when it has none', async () => {
    await expect(store().has(chunk.digest)).rejects.toThrow(/asks for a user name and password.*registry-username/)
  })
})

describe('registry store when the registry is busy or unreachable for a moment', () => {
  let registry: TestRegistry
  beforeAll(async () => {
    registry = await startRegistry()
  })
  afterAll(async () => {
    await registry?.stop()
  })

  /** Fails the first `count` requests that `match` picks: with `status`, or as a dropped connection. */
  const faulty = (match: (method: string, url: string) => boolean, count: number, status?: number) => {
    const faults = { left: count, hit: 0 }
    const transport: Transport = async (url, request) => {
      if (match(request.method, url) && faults.left > 0) {
        faults.left--
        faults.hit++
        if (request.body instanceof Readable) request.body.destroy()
        if (status === undefined) throw new TypeError('fetch failed', { cause: new Error('socket hang up') })
        return new Response('{"errors":[{"code":"UNAVAILABLE"}]}', { status })
      }
      return httpTransport(url, request)
    }
    return { faults, transport }
  }
  const busyStore = (transport: Transport): BlobStore =>
    createRegistryStore({
      location: parseRegistry(`${registry.host}/org/busy`),
      workDir: join(root, 'work', 'busy'),
      transport,
      retryDelays: [10, 10]
    })

  it('tries a lookup and an upload again, the upload from its start, and succeeds', async () => {
    const lookup = faulty((method) => method === 'HEAD', 1)
    expect(await busyStore(lookup.transport).has(chunk.digest)).toBe(false)
    expect(lookup.faults.hit).toBe(1)
    const upload = faulty((method, url) => method === 'PUT' && url.includes('/blobs/uploads/'), 2, 503)
    const store = busyStore(upload.transport)
    expect(await store.put(chunk.digest, await staged(store))).toBe(3 * 1024 * 1024 + 17)
    expect(upload.faults.hit).toBe(2)
    const fetched = await store.get(chunk.digest)
    expect(await followedSha256(fetched)).toBe(chunk.digest.slice(7))
    await fetched.dispose()
  })

  it('gives up after three tries, naming what the registry said', async () => {
    const down = faulty((method) => method === 'GET', 5, 502)
    await expect(busyStore(down.transport).readIndex('k', [])).rejects.toThrow(/answered 502 to a read of the manifest/)
    expect(down.faults.hit).toBe(3)
  })
})

describe('save and load through the registry with Docker', () => {
  let registry: TestRegistry
  let engine: Engine
  const lines: string[] = []
  const log: Log = {
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => undefined,
    group: (_title, body) => body()
  }

  const deps = async (): Promise<HandoffDeps> => ({
    runtime: await createDockerRuntime({ DOCKER_HOST: engine.host }),
    store: storeAt(registry, 'team/images', user),
    log,
    clock: Date.now
  })
  const uploads = async (): Promise<number> =>
    (await registry.requests()).filter((r) => r.method === 'PUT' && /\/blobs\/uploads\//.test(r.uri)).length

  beforeAll(async () => {
    registry = await startRegistry({ auth: user })
    engine = await startDockerd()
  })
  afterAll(async () => {
    await engine?.stop()
    await registry?.stop()
  })

  it('round-trips an image, and a second image on the same base uploads only its new layer', async () => {
    const baseId = await buildBusybox(engine, 'app:one', ['RUN echo one > /who'])
    const first = await deps()
    const saved = await saveImages(first, {
      key: 'app-1',
      images: { include: ['app:one'], exclude: [] },
      compressionLevel: 3
    })
    await first.runtime.close()
    expect(saved.outcome.saved).toBe(true)
    const afterFirst = await uploads()
    // Every chunk of the first save went up: busybox's layer, the RUN layer, and the index.
    expect(afterFirst).toBe((saved.transfer?.chunks ?? 0) - (saved.transfer?.reusedChunks ?? 0) + 1)

    await buildBusybox(engine, 'app:two', ['RUN echo two > /who'])
    const second = await deps()
    const again = await saveImages(second, {
      key: 'app-2',
      images: { include: ['app:two'], exclude: [] },
      compressionLevel: 3
    })
    await second.runtime.close()
    expect(again.outcome.saved).toBe(true)
    // Only the new RUN layer and the new index: busybox's layer was found in the registry.
    expect(again.transfer?.reusedChunks).toBeGreaterThanOrEqual(1)
    expect((await uploads()) - afterFirst).toBe((again.transfer?.chunks ?? 0) - (again.transfer?.reusedChunks ?? 0) + 1)
    expect((again.transfer?.chunks ?? 0) - (again.transfer?.reusedChunks ?? 0)).toBeLessThan(
      again.transfer?.chunks ?? 0
    )

    await docker(engine, ['rmi', '-f', 'app:one', 'app:two'])
    const third = await deps()
    const loaded = await loadImages(third, {
      key: 'app-3',
      restoreKeys: ['app-'],
      images: { include: [], exclude: [] },
      tags: [],
      required: true
    })
    await third.runtime.close()
    expect(loaded.matchedKey).toBe('app-2')
    expect(loaded.rows.map((r) => r.name)).toEqual(['app:two'])
    expect(await docker(engine, ['run', '--rm', 'app:two', 'cat', '/who'])).toBe('two')
    const fourth = await deps()
    const exact = await loadImages(fourth, {
      key: 'app-1',
      restoreKeys: [],
      images: { include: [], exclude: [] },
      tags: [],
      required: true
    })
    await fourth.runtime.close()
    expect(exact).toMatchObject({ hit: true, matchedKey: 'app-1' })
    expect(await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', 'app:one'])).toBe(baseId)
  })
})

describe.each<DockerFlavour>(['20.10', '26-classic', '26-containerd'])('pullable images from Docker %s', (flavour) => {
  let registry: TestRegistry
  let engine: Engine
  const lines: string[] = []
  const log: Log = {
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => undefined,
    group: (_title, body) => body()
  }

  beforeAll(async () => {
    ;[registry, engine] = await Promise.all([startRegistry(), startDockerd(flavour)])
  })
  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop()])
  })

  it('pushes each saved image so that docker pull takes it, under every tag, beside the entry', async () => {
    const id = await buildBusybox(engine, 'web/app:ci', ['RUN echo pulled > /who'])
    await docker(engine, ['tag', 'web/app:ci', 'web/app:latest'])
    const store = createRegistryStore({
      location: parseRegistry(`${registry.host}/team/images`),
      workDir: join(root, 'work', `pull-${flavour}`),
      pullable: true,
      log: (m) => lines.push(m)
    })
    const deps: HandoffDeps = {
      runtime: await createDockerRuntime({ DOCKER_HOST: engine.host }),
      store,
      log,
      clock: Date.now
    }
    try {
      const saved = await saveImages(deps, {
        key: 'web',
        images: { include: ['web/*'], exclude: [] },
        compressionLevel: 3
      })
      expect(saved.outcome.saved).toBe(true)
    } finally {
      await deps.runtime.close()
    }
    expect(lines.join('\n')).toContain(`Pushed a pullable image: ${registry.host}/team/images/web/app:ci, :latest.`)
    await docker(engine, ['rmi', 'web/app:ci', 'web/app:latest'])
    for (const tag of ['ci', 'latest']) {
      await docker(engine, ['pull', `${registry.host}/team/images/web/app:${tag}`])
      expect(
        await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', `${registry.host}/team/images/web/app:${tag}`])
      ).toBe(id)
    }
    expect(await docker(engine, ['run', '--rm', `${registry.host}/team/images/web/app:ci`, 'cat', '/who'])).toBe(
      'pulled'
    )
    // Layers of one chunk were mounted from the store's repository, not sent again.
    const mounts = (await registry.requests()).filter((r) => r.method === 'POST' && r.uri.includes('mount='))
    expect(mounts.length).toBeGreaterThan(0)
    expect(mounts.every((r) => r.status === 201)).toBe(true)
  })
})
