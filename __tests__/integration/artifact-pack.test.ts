/**
 * The pack store over the real artifact backend and the stand-in services: chunks staged as blocks while the save
 * still runs, a committed pack byte for byte the layout pack-format.ts describes, and loads that read only the
 * ranges of the chunks they need; with the faults those transfers meet.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PackBackend } from '../../src/backends/backend.js'
import type { createArtifactBackend as CreateArtifactBackend } from '../../src/backends/artifact.js'
import { packTail, type Table } from '../../src/backends/pack-format.js'
import { createPackStore } from '../../src/backends/pack-store.js'
import { HandoffError } from '../../src/errors.js'
import { enterJob } from '../support/github-env.js'
import { GitHubServices } from '../support/github-services.js'
import { followedSha256, whole } from '../support/fetched.js'

let services: GitHubServices
let root: string
let createArtifactBackend: typeof CreateArtifactBackend
const bodies = Array.from({ length: 5 }, (_, i) => Buffer.alloc(300_000 + i * 7919, i + 1))
const digest = (i: number): string => `sha256:${String(i).repeat(64)}`
const index = Buffer.from(JSON.stringify({ an: 'index', entries: [1, 2, 3] }))

function job(name: string, runId: number, overwrite = false): PackBackend {
  enterJob(services.jobEnv({ job: name, runId, workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  return createArtifactBackend({ overwrite, log: () => undefined })
}

/** The pack of `bodies` put in order and `index`, as pack-format.ts lays it out: the chunks, table, index, footer. */
function expectedPack(): Buffer {
  const table: Table = {}
  let offset = 0
  for (const [i, body] of bodies.entries()) {
    table[digest(i)] = [offset, body.length]
    offset += body.length
  }
  return Buffer.concat([...bodies, packTail(table, index, offset)])
}

/** Chunk files for one save, in the store's scratch directory (put leaves them for the caller to remove). */
async function chunkFiles(scratch: string): Promise<string[]> {
  await mkdir(scratch, { recursive: true })
  return Promise.all(
    bodies.map(async (body, i) => {
      const file = join(scratch, `chunk-${i}`)
      await writeFile(file, body)
      return file
    })
  )
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

async function committedBlob(name: string, runId: number): Promise<Buffer> {
  const stored = services.artifacts.artifacts.find((a) => a.name === name && a.runId === runId && a.finalized)
  return Buffer.from(await (await fetch(stored!.url)).arrayBuffer())
}

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'artifact-pack-'))
  await mkdir(join(root, 'ws'), { recursive: true })
  enterJob(services.jobEnv({ workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  ;({ createArtifactBackend } = await import('../../src/backends/artifact.js'))
})

afterAll(async () => {
  await services?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('artifact pack', () => {
  it('stages each chunk as a block while the save runs, and commits the pack in its layout', async () => {
    const store = createPackStore(job('build', 1), join(root, 'temp', 'build'))
    expect(await store.hasIndex('images')).toBe(false)
    await store.prepare('images')
    const files = await chunkFiles(store.scratch)
    const from = services.requests.length
    for (const [i, file] of files.entries()) {
      expect(await store.put(digest(i), file)).toBe(bodies[i]!.length)
      // Uploaded already, before the next chunk is handed over, and nothing committed yet.
      expect(services.calls('blob:block', from)).toHaveLength(i + 1)
      expect(services.calls('blob:blocklist', from)).toHaveLength(0)
    }
    expect(services.calls('CreateArtifact', from)).toHaveLength(1)
    expect(services.calls('FinalizeArtifact', from)).toHaveLength(0)
    const saved = await store.writeIndex('images', index)
    // The table, index and footer are the last block.
    expect(services.calls('blob:block', from)).toHaveLength(bodies.length + 1)
    expect(services.calls('blob:blocklist', from)).toHaveLength(1)

    const expected = expectedPack()
    const blob = await committedBlob('images', 1)
    expect(blob.equals(expected)).toBe(true)
    expect(saved).toEqual({ saved: true, key: 'images', bytes: expected.length })
    const finalize = services.calls('FinalizeArtifact', from)[0]!
    expect(finalize.body).toMatchObject({ size: String(blob.length), hash: `sha256:${sha256(blob)}` })
  })

  it('loads in the same run with range reads: footer, table and index, then only the chunks asked for', async () => {
    const writer = createPackStore(job('build', 2), join(root, 'temp', 'build'))
    await writer.prepare('ranged')
    for (const [i, file] of (await chunkFiles(writer.scratch)).entries()) await writer.put(digest(i), file)
    await writer.writeIndex('ranged', index)

    const reader = createPackStore(job('test', 2), join(root, 'temp', 'test'))
    const from = services.requests.length
    const found = await reader.readIndex('ranged', [])
    expect(found).toEqual({ matchedKey: 'ranged', body: index })
    const lookups = services.calls('blob:get', from)
    expect(lookups).toHaveLength(2)
    expect(lookups.every((r) => r.range !== undefined)).toBe(true)
    expect(lookups.reduce((n, r) => n + (r.bytes ?? 0), 0)).toBeLessThan(2000)

    const afterIndex = services.requests.length
    for (const i of [1, 3]) {
      const chunk = await whole(await reader.get(digest(i)))
      expect(chunk.compressed).toBe(true)
      expect((await readFile(chunk.file)).equals(bodies[i]!)).toBe(true)
      await chunk.dispose()
      await expect(stat(chunk.file)).rejects.toThrow()
    }
    const gets = services.calls('blob:get', afterIndex)
    expect(gets.map((r) => r.bytes)).toEqual([bodies[1]!.length, bodies[3]!.length])
    expect(await readdir(reader.scratch)).toEqual([])
    // A miss is a miss, with nothing downloaded.
    expect(await reader.readIndex('absent', [])).toBeUndefined()
  })

  it("loads another run's artifact in ranges from the REST API's redirect, with a new URL after a refused read", async () => {
    const writer = createPackStore(job('build', 20), join(root, 'temp', 'build'))
    await writer.prepare('elsewhere')
    for (const [i, file] of (await chunkFiles(writer.scratch)).entries()) await writer.put(digest(i), file)
    await writer.writeIndex('elsewhere', index)

    enterJob(
      services.jobEnv({ job: 'nightly', runId: 21, workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') })
    )
    const workDir = join(root, 'temp', 'nightly')
    const crossRun = { token: 'ghs_reader', runId: 20, owner: 'octo', repo: 'app' }
    const logged: string[] = []
    const backend = createArtifactBackend({ overwrite: false, crossRun, log: (line) => logged.push(line) })
    const reader = createPackStore(backend, workDir)
    const from = services.requests.length
    expect(await reader.readIndex('elsewhere', [])).toEqual({ matchedKey: 'elsewhere', body: index })
    expect(services.calls('rest:zip', from)).toHaveLength(1)
    const lookups = services.calls('blob:get', from)
    expect(lookups).toHaveLength(2)
    expect(lookups.every((r) => r.range !== undefined)).toBe(true)
    expect(logged.join('\n')).toMatch(/Reading artifact "elsewhere" in octo\/app run 20 .* in ranges/)

    // The blob refuses the first read (an expired URL does): the second attempt asks the REST API again.
    services.inject({ route: 'blob:get', status: 403 })
    const afterIndex = services.requests.length
    const chunk = await whole(await reader.get(digest(3)))
    expect((await readFile(chunk.file)).equals(bodies[3]!)).toBe(true)
    await chunk.dispose()
    expect(services.calls('rest:zip', afterIndex)).toHaveLength(1)
    const reads = services.calls('blob:get', afterIndex)
    expect(reads.map((r) => r.status)).toEqual([403, 200])
    expect(reads[1]!.bytes).toBe(bodies[3]!.length)

    services.inject({ route: 'rest:zip', status: 403, times: 3 })
    await expect(createPackStore(backend, workDir).readIndex('elsewhere', [])).rejects.toThrow(
      /Could not get a download URL for artifact "elsewhere" in octo\/app run 20: .*answered 403.*needs actions: read/
    )
    services.clearFaults()
  })

  it('fetches a chunk again when its download is cut half way', async () => {
    const writer = createPackStore(job('build', 3), join(root, 'temp', 'build'))
    await writer.prepare('cut')
    for (const [i, file] of (await chunkFiles(writer.scratch)).entries()) await writer.put(digest(i), file)
    await writer.writeIndex('cut', index)
    const reader = createPackStore(job('test', 3), join(root, 'temp', 'test'))
    await reader.readIndex('cut', [])
    services.inject({ route: 'blob:get', download: { kind: 'cut' } })
    const from = services.requests.length
    const chunk = await reader.get(digest(2))
    // Read right behind the download, as a load reads it, across the retry that rewrites the file in place.
    expect(await followedSha256(chunk)).toBe(createHash('sha256').update(bodies[2]!).digest('hex'))
    expect((await readFile(chunk.file)).equals(bodies[2]!)).toBe(true)
    expect(services.calls('blob:get', from).length).toBeGreaterThanOrEqual(2)
    await chunk.dispose()

    services.inject({ route: 'blob:get', download: { kind: 'cut' }, times: 20 })
    const failing = await reader.get(digest(4))
    await expect(whole(failing)).rejects.toThrow(
      /Artifact "cut" .*did not download intact.*failed \(3 attempts\).*re-run the job/s
    )
    await failing.dispose()
    services.clearFaults()
  }, 60000)

  it('leaves a 5xx on Put Block to the SDK, which retries it', async () => {
    const store = createPackStore(job('build', 4), join(root, 'temp', 'build'))
    await store.prepare('retried')
    const files = await chunkFiles(store.scratch)
    services.inject({ route: 'blob:block', status: 503 })
    const from = services.requests.length
    await store.put(digest(0), files[0]!)
    expect(services.calls('blob:block', from).map((r) => r.status)).toEqual([503, 201])
    for (const [i, file] of files.entries()) if (i > 0) await store.put(digest(i), file)
    await store.writeIndex('retried', index)
    const blob = await committedBlob('retried', 4)
    expect(blob.subarray(0, bodies[0]!.length).equals(bodies[0]!)).toBe(true)
  }, 60000)

  it('says what to do when the artifact storage is full or refuses the job', async () => {
    const full = createPackStore(job('build', 5), join(root, 'temp', 'build'))
    await full.prepare('full')
    const [file] = await chunkFiles(full.scratch)
    services.inject({ route: 'CreateArtifact', status: 403, msg: 'insufficient usage to create artifact' })
    const quota = full.put(digest(0), file!)
    await expect(quota).rejects.toThrow(HandoffError)
    await expect(quota).rejects.toThrow(/Could not upload artifact "full": .*quota.*Delete old artifacts/)

    const denied = createPackStore(job('build', 6), join(root, 'temp', 'build'))
    await denied.prepare('denied')
    const [other] = await chunkFiles(denied.scratch)
    services.inject({ route: 'CreateArtifact', status: 403, msg: 'permission denied' })
    await expect(denied.put(digest(0), other!)).rejects.toThrow(/refused this job.*backend: cache/s)
    expect(services.artifacts.artifacts.filter((a) => a.runId === 5 || a.runId === 6)).toEqual([])
  })

  it('keeps overwrite: true and the name-taken error', async () => {
    const first = createPackStore(job('build', 7), join(root, 'temp', 'build'))
    await first.prepare('taken')
    for (const [i, file] of (await chunkFiles(first.scratch)).entries()) await first.put(digest(i), file)
    await first.writeIndex('taken', index)
    const second = createPackStore(job('again', 7), join(root, 'temp', 'again'))
    await expect(second.hasIndex('taken')).rejects.toThrow(/already exists in this workflow run/)
    const replacing = createPackStore(job('again', 7, true), join(root, 'temp', 'again'))
    await replacing.prepare('taken')
    const [file] = await chunkFiles(replacing.scratch)
    await copyFile(file!, `${file!}.copy`)
    await replacing.put(digest(0), `${file!}.copy`)
    expect(await replacing.writeIndex('taken', index)).toMatchObject({ saved: true })
    const blob = await committedBlob('taken', 7)
    expect(blob.subarray(0, bodies[0]!.length).equals(bodies[0]!)).toBe(true)
    expect(services.artifacts.artifacts.filter((a) => a.runId === 7)).toHaveLength(1)
  })
})
