/**
 * The cache store through the real @actions/cache speaking HTTP to the stand-in of GitHub's cache service:
 * chunks as entries of their own (looked up before upload), the index under the user's key, and faults.
 * Every "job" gets the same paths, as hosted runners do.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zstdCompressSync } from 'node:zlib'
import type { BlobStore } from '../../src/store/blob-store.js'
import type { createCacheStore as CreateCacheStore } from '../../src/backends/cache-store.js'
import { BlobClient } from '@azure/storage-blob'
import { HandoffError } from '../../src/errors.js'
import { chunkKey, chunkVersion, rawChunkVersion } from '../../src/backends/cache-chunks.js'
import { indexVersion } from '../../src/backends/cache-index.js'
import { cacheServiceFromEnv } from '../../src/backends/cache-service.js'
import { IndexFormatError } from '../../src/store/format.js'
import { enterJob } from '../support/github-env.js'
import { sha256File, writeRandomFile } from '../support/github-payloads.js'
import { followedSha256, whole } from '../support/fetched.js'
import { GitHubServices } from '../support/github-services.js'

let services: GitHubServices
let root: string
let workDir: string
let createCacheStore: typeof CreateCacheStore
let chunk: { file: string; digest: string }

type Transport = 'service' | 'library'

function job(
  name: string,
  options: { repository?: string; runId?: number; workspace?: string; transport?: Transport; mode?: string } = {}
): BlobStore {
  enterJob(
    services.jobEnv({
      job: name,
      workspace: options.workspace ?? join(root, 'ws'),
      runnerTemp: join(root, 'temp'),
      ...options
    })
  )
  if (options.mode !== undefined) process.env.ACTIONS_CACHE_MODE = options.mode
  return createCacheStore({ workDir, ...(options.transport === 'library' ? { transport: 'library' } : {}) })
}

/** A chunk file as the sink hands it over: in the store's scratch directory, consumed by put. */
async function staged(store: BlobStore, source = chunk.file): Promise<string> {
  await store.prepare()
  const file = join(store.scratch, `staged-${Math.random().toString(36).slice(2)}`)
  await copyFile(source, file)
  return file
}

/** An entry written with the service's own calls, as another tool (or a damaged save) could leave one. */
async function storeEntry(key: string, version: string, body: Buffer): Promise<void> {
  const service = cacheServiceFromEnv(process.env)!
  const reserved = await service.create(key, version)
  if ('taken' in reserved) throw new Error(reserved.taken)
  await new BlobClient(reserved.uploadUrl).getBlockBlobClient().upload(body, body.length)
  await service.finalize(key, version, body.length)
}

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'ih-cache-store-'))
  workDir = join(root, 'temp', 'image-handoff')
  await mkdir(join(root, 'ws'), { recursive: true })
  await mkdir(join(root, 'src'))
  enterJob(services.jobEnv({ workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  ;({ createCacheStore } = await import('../../src/backends/cache-store.js'))
  const file = join(root, 'src', 'chunk')
  await writeRandomFile(file, 3 * 1024 * 1024 + 17)
  chunk = { file, digest: `sha256:${await sha256File(file)}` }
})

afterAll(async () => {
  await services?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

describe.each<[string, Transport]>([
  ['straight to the cache service', 'service'],
  ['through @actions/cache (the route of the legacy protocol)', 'library']
])('cache store chunks %s', (_, transport) => {
  const runs = transport === 'service' ? 100 : 200

  it('stores a chunk as its own entry once, and fetches it byte for byte in another job', async () => {
    const build = job('build', { transport, runId: runs })
    expect(await build.has(chunk.digest)).toBe(false)
    const from = services.requests.length
    expect(await build.put(chunk.digest, await staged(build))).toBeGreaterThan(3 * 1024 * 1024)
    expect(services.calls('CreateCacheEntry', from)).toHaveLength(1)
    const test = job('test', { transport, runId: runs + 1 })
    expect(await test.has(chunk.digest)).toBe(true)
    const fetched = await whole(await test.get(chunk.digest))
    // Through the service the chunk is stored as the sink hands it over (a zstd frame); the library unpacks its own.
    expect(fetched.compressed).toBe(transport === 'service')
    expect(await sha256File(fetched.file)).toBe(chunk.digest.slice(7))
    await fetched.dispose()
    await expect(stat(fetched.file)).rejects.toThrow()
  })

  it('turns a full cache into a HandoffError that says what to do', async () => {
    const store = job('build', { transport, runId: runs + 2 })
    services.quotaExceeded()
    const other = join(root, 'src', `other-${transport}`)
    await writeRandomFile(other, 1024 * 1024)
    const failure = store.put(`sha256:${await sha256File(other)}`, await staged(store, other))
    await expect(failure).rejects.toThrow(HandoffError)
    await expect(failure).rejects.toThrow(/quota.*Delete old entries/s)
  })

  it('follows ACTIONS_CACHE_MODE: no uploads where writes are off, no hits where reads are off', async () => {
    const other = join(root, 'src', `mode-${transport}`)
    await writeRandomFile(other, 1024)
    const digest = `sha256:${await sha256File(other)}`
    const reader = job('build', { transport, runId: runs + 3, mode: 'read' })
    const from = services.requests.length
    const started = Date.now()
    expect(await reader.put(digest, await staged(reader, other))).toBe(0)
    expect(services.calls('CreateCacheEntry', from)).toHaveLength(0)
    // Not the wait for another job storing the chunk (30 s): nothing is stored, so nothing is awaited.
    expect(Date.now() - started).toBeLessThan(5000)
    expect(await job('test', { transport, runId: runs + 1, mode: 'write-only' }).has(chunk.digest)).toBe(false)
    delete process.env.ACTIONS_CACHE_MODE
  })
})

describe('cache store chunks straight to the service', () => {
  it('downloads a chunk again when the connection breaks half way, in place for the reader behind it', async () => {
    services.inject({ route: 'blob:get', download: { kind: 'cut' } })
    const store = job('test', { runId: 101 })
    const from = services.requests.length
    const fetched = await store.get(chunk.digest)
    expect(fetched.arriving).toBeDefined()
    expect(await followedSha256(fetched)).toBe(chunk.digest.slice(7))
    expect(await sha256File(fetched.file)).toBe(chunk.digest.slice(7))
    expect(services.calls('blob:get', from).length).toBeGreaterThanOrEqual(2)
    await fetched.dispose()
  })

  it('gives up on a chunk whose downloads keep breaking, saying so', async () => {
    services.inject({ route: 'blob:get', download: { kind: 'cut' }, times: 3 })
    const fetched = await job('test', { runId: 104 }).get(chunk.digest)
    await expect(whole(fetched)).rejects.toThrow(/was found but not downloaded \(3 attempts\).*re-run the job/)
    await fetched.dispose()
    await expect(stat(fetched.file)).rejects.toThrow()
  })

  it('stops a download when the load disposes of its chunk early, and removes the file', async () => {
    services.inject({ route: 'blob:get', download: { kind: 'slow', delayMs: 10000 } })
    const fetched = await job('test', { runId: 106 }).get(chunk.digest)
    const started = Date.now()
    await fetched.dispose()
    // Not the 10 s the stand-in holds the answer: the request was aborted, not waited for.
    expect(Date.now() - started).toBeLessThan(5000)
    expect(fetched.arriving?.failure()).toBeDefined()
    await expect(stat(fetched.file)).rejects.toThrow()
    // The abort can come before the request reaches the stand-in: its slow answer must not wait for the next test.
    services.clearFaults()
  })

  it('keeps chunks stored raw under a version of their own, found with the zstd ones in one lookup round', async () => {
    const [raw, frame] = [join(root, 'src', 'raw'), join(root, 'src', 'framed')]
    await writeRandomFile(raw, 256 * 1024)
    await writeFile(frame, zstdCompressSync(Buffer.alloc(256 * 1024, 'z')))
    const build = job('build', { runId: 108 })
    const test = job('test', { runId: 109 })
    const service = cacheServiceFromEnv(process.env)!
    for (const [file, version, other] of [
      [raw, rawChunkVersion, chunkVersion],
      [frame, chunkVersion, rawChunkVersion]
    ] as const) {
      const digest = `sha256:${await sha256File(file)}`
      const from = services.requests.length
      await build.put(digest, await staged(build, file))
      expect(services.calls('CreateCacheEntry', from).map((r) => r.body?.['version'])).toEqual([version])
      // A release that knows only zstd chunks asks for chunkVersion: it never finds a raw one to name.
      expect(await service.find(chunkKey(digest), other)).toBeUndefined()
      const fetched = await whole(await test.get(digest))
      expect(await sha256File(fetched.file)).toBe(digest.slice(7))
      await fetched.dispose()
    }
  })

  it('needs no particular workspace: chunk entries carry no paths', async () => {
    const fetched = await whole(await job('test', { workspace: join(root, 'other', 'deeper', 'ws') }).get(chunk.digest))
    expect(await sha256File(fetched.file)).toBe(chunk.digest.slice(7))
    await fetched.dispose()
  })

  it('makes every service call of a step over one kept-alive connection', async () => {
    const store = job('build', { runId: 103 })
    const before = services.connections
    const from = services.requests.length
    for (let i = 0; i < 5; i++) expect(await store.has(`sha256:${String(i).repeat(64)}`)).toBe(false)
    // One lookup per chunk version (zstd, raw), side by side: a connection each, kept for all five chunks.
    expect(services.calls('GetCacheEntryDownloadURL', from)).toHaveLength(10)
    expect(services.connections - before).toBeLessThanOrEqual(2)
  })

  it('retries a 5xx from the service', async () => {
    const store = job('build', { runId: 102 })
    const other = join(root, 'src', 'retried')
    await writeRandomFile(other, 64 * 1024)
    services.inject({ route: 'CreateCacheEntry', status: 503 })
    const from = services.requests.length
    expect(await store.put(`sha256:${await sha256File(other)}`, await staged(store, other))).toBe(64 * 1024)
    expect(services.calls('CreateCacheEntry', from).map((r) => r.status)).toEqual([503, 200])
  }, 30000)

  it('waits for a chunk another job is storing (the service answers 409) instead of failing or storing it twice', async () => {
    const other = join(root, 'src', 'raced')
    await writeRandomFile(other, 256 * 1024)
    const digest = `sha256:${await sha256File(other)}`
    const store = job('build', { runId: 104 })
    const service = cacheServiceFromEnv(process.env)!
    // The staged file holds random bytes, not a zstd frame: the version of raw chunks.
    const first = await service.create(chunkKey(digest), rawChunkVersion)
    if ('taken' in first) throw new Error(first.taken)
    const from = services.requests.length
    const second = store.put(digest, await staged(store, other))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const body = await readFile(other)
    await new BlobClient(first.uploadUrl).getBlockBlobClient().upload(body, body.length)
    await service.finalize(chunkKey(digest), rawChunkVersion, body.length)
    expect(await second).toBe(0)
    expect(services.calls('CreateCacheEntry', from).map((r) => r.status)).toEqual([409])
  }, 20000)

  it('refuses at once, saying why, when the token may not write to the cache', async () => {
    const store = job('build', { runId: 105 })
    const other = join(root, 'src', 'denied')
    await writeRandomFile(other, 1024)
    services.inject({
      route: 'CreateCacheEntry',
      answer: { ok: false, message: 'cache write denied: pull requests from forks may not write' }
    })
    await expect(store.put(`sha256:${await sha256File(other)}`, await staged(store, other))).rejects.toThrow(
      /may not write to the cache, e.g. for a pull request from a fork.*Save from a run whose token may write/s
    )
  })

  it('says to wait when GitHub rate-limits entry creation', async () => {
    const store = job('build', { runId: 103 })
    const other = join(root, 'src', 'limited')
    await writeRandomFile(other, 1024)
    services.inject({ route: 'CreateCacheEntry', status: 429, msg: 'too many cache entries' })
    await expect(store.put(`sha256:${await sha256File(other)}`, await staged(store, other))).rejects.toThrow(
      /rate-limited CreateCacheEntry.*wait a minute and re-run/s
    )
  })
})

describe.each<[string, Transport]>([
  ['on the cache service', 'service'],
  ['through @actions/cache (the legacy protocol)', 'library']
])('cache store index %s', (_, transport) => {
  const on = (name: string, runId: number): BlobStore => job(name, { runId, transport })
  it('writes an index under the key once, and finds it exactly or by the newest restore-key match', async () => {
    const prefix = `${transport}-deps-`
    const build = on('build', 3)
    expect(await build.writeIndex(`${prefix}1`, Buffer.from('one'))).toMatchObject({ saved: true })
    expect(await build.writeIndex(`${prefix}2`, Buffer.from('two'))).toMatchObject({ saved: true })
    const from = services.requests.length
    const again = await build.writeIndex(`${prefix}2`, Buffer.from('three'))
    expect(again).toMatchObject({ saved: false })
    expect(!again.saved && again.reason).toMatch(/already holds an entry/)
    expect(services.calls('CreateCacheEntry', from)).toHaveLength(0)
    const test = on('test', 4)
    expect(await test.hasIndex(`${prefix}1`)).toBe(true)
    expect((await test.readIndex(`${prefix}1`, []))?.body.toString()).toBe('one')
    const fallback = await test.readIndex(`${prefix}9`, ['nothing-', prefix])
    expect(fallback).toMatchObject({ matchedKey: `${prefix}2` })
    expect(fallback?.body.toString()).toBe('two')
    expect(await test.readIndex('nothing-here', ['nor-this-'])).toBeUndefined()
  })
})

describe('cache store index on the cache service', () => {
  it('is one zstd frame under a fixed version: no paths, no tar', async () => {
    await job('build', { runId: 12 }).writeIndex('frame', Buffer.from('{"a":1}'))
    const entry = services.cache.entries.find((e) => e.key === 'frame')!
    expect(entry.version).toBe(indexVersion)
    const elsewhere = join(root, 'another', 'ws')
    expect((await job('test', { runId: 13, workspace: elsewhere }).readIndex('frame', []))?.body.toString()).toBe(
      '{"a":1}'
    )
  })

  it('leaves a key another job is saving to that job (the service answers 409)', async () => {
    job('build', { runId: 17 })
    const reserved = await cacheServiceFromEnv(process.env)!.create('racing', indexVersion)
    expect('uploadUrl' in reserved).toBe(true)
    const outcome = await job('build', { runId: 18 }).writeIndex('racing', Buffer.from('{}'))
    expect(outcome).toMatchObject({ saved: false, key: 'racing' })
    expect(!outcome.saved && outcome.reason).toMatch(/409.*already exists/)
  })

  it('takes an entry under its version that is not a zstd frame as an index it cannot read', async () => {
    job('build', { runId: 14 })
    await storeEntry('garbage', indexVersion, Buffer.from('not zstd'))
    await expect(job('test', { runId: 14 }).readIndex('garbage', [])).rejects.toThrow(IndexFormatError)
  })

  it('follows ACTIONS_CACHE_MODE: no index saved where writes are off, no hit where reads are off', async () => {
    await job('build', { runId: 15 }).writeIndex('moded', Buffer.from('m'))
    const reader = job('build', { runId: 15, mode: 'read' })
    const from = services.requests.length
    const outcome = await reader.writeIndex('moded-2', Buffer.from('m'))
    expect(!outcome.saved && outcome.reason).toMatch(/ACTIONS_CACHE_MODE "read" does not permit writes/)
    expect(services.calls('CreateCacheEntry', from)).toHaveLength(0)
    expect(await job('test', { runId: 16, mode: 'write-only' }).readIndex('moded', [])).toBeUndefined()
    delete process.env.ACTIONS_CACHE_MODE
  })
})

describe('cache store', () => {
  it('keeps repositories apart', async () => {
    const first = job('build', { repository: 'octo/first' })
    await first.writeIndex('scoped', Buffer.from('x'))
    expect(await job('build', { repository: 'octo/second' }).readIndex('scoped', [])).toBeUndefined()
  })

  it('explains a miss on a key the first release stored', async () => {
    const store = job('old', { runId: 5 })
    const legacy = join(workDir, 'cache', 'images.tar')
    await mkdir(join(workDir, 'cache'), { recursive: true })
    await copyFile(chunk.file, legacy)
    const { saveCache } = await import('@actions/cache')
    expect(await saveCache([legacy], 'first-release')).toBeGreaterThan(0)
    await rm(legacy)
    expect(await store.readIndex('first-release', [])).toBeUndefined()
    expect(await store.explainMiss('first-release')).toMatch(/first release/)
  })

  it('misses an index whose chunks went through @actions/cache, says why, and leaves the key free to save again', async () => {
    await job('old', { runId: 10, transport: 'library' }).writeIndex('upgraded', Buffer.from('old'))
    const store = job('new', { runId: 11 })
    expect(await store.readIndex('upgraded', [])).toBeUndefined()
    expect(await store.explainMiss('upgraded')).toMatch(
      /earlier release of image-handoff \(chunks through @actions\/cache\)/
    )
    expect(await store.writeIndex('upgraded', Buffer.from('new'))).toMatchObject({ saved: true })
    expect((await job('test', { runId: 11 }).readIndex('upgraded', []))?.body.toString()).toBe('new')
  })

  it('misses an index an earlier release saved through @actions/cache, and says why', async () => {
    job('old', { runId: 16 })
    const earlier = join(workDir, 'index', 'zstd-chunks.json')
    await mkdir(join(workDir, 'index'), { recursive: true })
    await writeFile(earlier, '{}')
    const { saveCache } = await import('@actions/cache')
    expect(await saveCache([earlier], 'zstd-index')).toBeGreaterThan(0)
    await rm(earlier)
    const now = job('new', { runId: 16 })
    expect(await now.readIndex('zstd-index', [])).toBeUndefined()
    expect(await now.explainMiss('zstd-index')).toMatch(
      /earlier release of image-handoff \(the index through @actions\/cache\)/
    )
  })

  it('rejects keys the cache does not accept before any transfer', async () => {
    const store = job('build')
    const from = services.requests.length
    await expect(store.writeIndex('a,b', Buffer.from('x'))).rejects.toThrow(/comma/)
    await expect(store.readIndex('x'.repeat(513), [])).rejects.toThrow(/at most 512/)
    expect(services.requests.length).toBe(from)
  })
})

describe('cache store under faults', () => {
  it('retries a 5xx from the service and then succeeds', async () => {
    const store = job('build', { runId: 6 })
    services.inject({ route: 'CreateCacheEntry', status: 500 })
    const from = services.requests.length
    expect(await store.writeIndex('retried', Buffer.from('r'))).toMatchObject({ saved: true })
    expect(services.calls('CreateCacheEntry', from).map((r) => r.status)).toEqual([500, 200])
  }, 30000)

  it('fails a chunk download cut half way through @actions/cache, and the next attempt gets it whole', async () => {
    services.inject({ route: 'blob:get', download: { kind: 'cut' } })
    const store = job('test', { runId: 8, transport: 'library' })
    await expect(store.get(chunk.digest)).rejects.toThrow(/was found but not restored/)
    const fetched = await store.get(chunk.digest)
    expect(await sha256File(fetched.file)).toBe(chunk.digest.slice(7))
    await fetched.dispose()
  })

  it('reports an entry unpacked under another workspace as not restored', async () => {
    const elsewhere = join(root, 'other', 'deeper', 'ws')
    await expect(job('test', { workspace: elsewhere, transport: 'library' }).get(chunk.digest)).rejects.toThrow(
      /another GITHUB_WORKSPACE/
    )
  })

  it('fails a lookup the service cannot answer instead of calling it a miss', async () => {
    services.inject({ route: 'GetCacheEntryDownloadURL', status: 400, msg: 'bad request' })
    await expect(job('test').readIndex('anything', [])).rejects.toThrow(/Could not look up cache key "anything"/)
  })

  it('reads back what it wrote', async () => {
    const store = job('echo', { runId: 9 })
    await store.writeIndex('echo', Buffer.from('{"a":1}'))
    expect(JSON.parse((await job('echo2', { runId: 9 }).readIndex('echo', []))!.body.toString())).toEqual({ a: 1 })
    await expect(readFile(join(workDir, 'index', 'index.json'))).rejects.toThrow()
  })
})
