import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PackBackend } from '../../src/backends/backend.js'
import type {
  ArtifactBackendOptions,
  createArtifactBackend as CreateArtifactBackend
} from '../../src/backends/artifact.js'
import { HandoffError } from '../../src/errors.js'
import { enterJob } from '../support/github-env.js'
import { fetchedSha256, sha256File, uploadPayload, writeRandomFile } from '../support/github-payloads.js'
import { GitHubServices } from '../support/github-services.js'

// Real @actions/artifact (lookups, deletes) over HTTP to the stand-in; GITHUB_API_URL is read when the library is
// imported, so the backend is imported only after the first job's environment is in place.
let services: GitHubServices
let root: string
let createArtifactBackend: typeof CreateArtifactBackend
const payload: Record<string, string> = {}
const size = 2 * 1024 * 1024 + 5

type Job = { repository?: string; runId?: number }
function job(name: string, where: Job, options: Partial<ArtifactBackendOptions> = {}): PackBackend {
  enterJob(services.jobEnv({ job: name, workspace: join(root, 'ws'), runnerTemp: join(root, 'temp'), ...where }))
  return createArtifactBackend({ overwrite: false, retryDelays: [200, 400, 800], ...options })
}

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'backend-artifact-'))
  await mkdir(join(root, 'ws'), { recursive: true })
  await mkdir(join(root, 'fetched'), { recursive: true })
  enterJob(services.jobEnv({ workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  ;({ createArtifactBackend } = await import('../../src/backends/artifact.js'))
  for (const name of ['a', 'b']) {
    payload[name] = join(root, name)
    await writeRandomFile(payload[name]!, size)
  }
})

afterAll(async () => {
  await services?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('artifact backend', () => {
  it('uploads the pieces as one artifact named after the key, which another job of the run reads in ranges', async () => {
    const run = { runId: 100 }
    const from = services.requests.length
    const saved = await uploadPayload(job('build', run), 'images-linux.tar.zst', payload.a!)
    expect(saved).toEqual({ saved: true, key: 'images-linux.tar.zst', bytes: size })
    const stored = services.artifacts.artifacts.find((a) => a.runId === 100)!
    expect(stored).toMatchObject({ name: 'images-linux.tar.zst', size, mimeType: 'application/octet-stream' })
    expect(stored.digest).toBe(`sha256:${await sha256File(payload.a!)}`)
    expect(services.calls('blob:block', from)).toHaveLength(3)
    expect(services.calls('blob:blocklist', from)).toHaveLength(1)

    const test = job('test', run)
    await expect(test.checkNew('images-linux.tar.zst')).rejects.toThrow(/already exists in this workflow run/)
    await expect(test.checkNew('images-windows.tar.zst')).resolves.toBeUndefined()
    expect(await test.openRanged('images-windows.tar.zst')).toBeUndefined()
    const entry = await test.openRanged('images-linux.tar.zst')
    expect(entry).toMatchObject({ matchedKey: 'images-linux.tar.zst', size })
    // A range across the first block's end, in memory; then the whole, into a file.
    const across = (await readFile(payload.a!)).subarray(1024 * 1024 - 3, 1024 * 1024 + 4)
    expect((await entry!.read(1024 * 1024 - 3, 7)).equals(across)).toBe(true)
    expect(await fetchedSha256(entry!, join(root, 'fetched', 'linux'))).toBe(await sha256File(payload.a!))
  })

  it('does not see artifacts of other runs without a token for them', async () => {
    await uploadPayload(job('build', { runId: 101 }), 'run-local', payload.a!)
    const other = job('test', { runId: 102 })
    expect(await other.openRanged('run-local')).toBeUndefined()
    await expect(other.checkNew('run-local')).resolves.toBeUndefined()
  })

  it('reads from another run and from another repository with crossRun', async () => {
    await uploadPayload(job('build', { runId: 110 }), 'nightly', payload.a!)
    await uploadPayload(job('build', { repository: 'octo/base', runId: 7 }), 'nightly', payload.b!)
    const crossRun = { token: 'ghs_reader', runId: 110, owner: 'octo', repo: 'app' }
    const sameRepo = await job('test', { runId: 111 }, { crossRun }).openRanged('nightly')
    expect(await fetchedSha256(sameRepo!, join(root, 'fetched', 'same-repo'))).toBe(await sha256File(payload.a!))

    const from = services.requests.length
    const otherRepo = job(
      'test',
      { runId: 112 },
      { crossRun: { token: 'ghs_reader', runId: 7, owner: 'octo', repo: 'base' } }
    )
    const other = await otherRepo.openRanged('nightly')
    expect(await fetchedSha256(other!, join(root, 'fetched', 'other-repo'))).toBe(await sha256File(payload.b!))
    expect(services.calls('rest:list', from)[0]).toMatchObject({ repository: 'octo/base', runId: 7 })
    expect(services.calls('rest:zip', from)[0]).toMatchObject({ repository: 'octo/base', status: 302 })
    expect(await otherRepo.openRanged('absent')).toBeUndefined()
  })

  it('fails the second of two matrix jobs saving one name, saying how to fix it', async () => {
    const run = { runId: 120 }
    const results = await Promise.allSettled([
      uploadPayload(job('matrix-1', run), 'images', payload.a!),
      uploadPayload(job('matrix-2', run), 'images', payload.b!)
    ])
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(fulfilled).toHaveLength(1)
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.reason).toBeInstanceOf(HandoffError)
    expect(String(rejected[0]!.reason.message)).toMatch(
      /already exists in this workflow run.*matrix values in "key".*overwrite: true/s
    )
    // A later job of the run fails at the check before its export, asking the service for nothing but the lookup;
    // an upload that skipped the check would be refused as well.
    const from = services.requests.length
    const rerun = job('rerun', run)
    await expect(rerun.checkNew('images')).rejects.toThrow(/already exists/)
    expect(services.calls('CreateArtifact', from)).toHaveLength(0)
    await expect(rerun.openUpload('images')).rejects.toThrow(/already exists/)
    expect(services.calls('CreateArtifact', from).map((r) => r.status)).toEqual([409])
  })

  it('with overwrite, both matrix jobs succeed and the last upload wins', async () => {
    const run = { runId: 130 }
    const results = await Promise.all([
      uploadPayload(job('matrix-1', run, { overwrite: true }), 'shared', payload.a!),
      uploadPayload(job('matrix-2', run, { overwrite: true }), 'shared', payload.b!)
    ])
    expect(results.map((r) => r.saved)).toEqual([true, true])
    // Whichever came second deleted the first one's artifact, after a 409 if the two uploads overlapped.
    const creates = services
      .calls('CreateArtifact')
      .filter((r) => r.runId === 130)
      .map((r) => r.status)
    expect(creates.filter((s) => s === 200)).toHaveLength(2)
    expect(creates.every((s) => s === 200 || s === 409)).toBe(true)
    expect(
      services
        .calls('DeleteArtifact')
        .filter((r) => r.runId === 130)
        .map((r) => r.status)
    ).toEqual([200])
    const last = services
      .calls('FinalizeArtifact')
      .filter((r) => r.runId === 130)
      .at(-1)!
    const lastPayload = String(last.body?.hash) === `sha256:${await sha256File(payload.a!)}` ? payload.a! : payload.b!
    const entry = await job('test', run).openRanged('shared')
    expect(await fetchedSha256(entry!, join(root, 'fetched', 'shared'))).toBe(await sha256File(lastPayload))
    expect(services.artifacts.artifacts.filter((a) => a.runId === 130 && a.name === 'shared')).toHaveLength(1)
    // overwrite: true also lets the check before the export pass over an existing artifact.
    await expect(job('again', run, { overwrite: true }).checkNew('shared')).resolves.toBeUndefined()
  })

  it('passes retention days on', async () => {
    const from = services.requests.length
    await uploadPayload(job('build', { runId: 140 }, { retentionDays: 3 }), 'kept-3-days', payload.a!)
    const expires = Date.parse(String(services.calls('CreateArtifact', from)[0]!.body?.expiresAt))
    expect(Math.abs(expires - (Date.now() + 3 * 86400000))).toBeLessThan(60000)
  })

  it('rejects keys that are not valid artifact names before asking the service anything', async () => {
    const backend = job('build', { runId: 150 })
    const from = services.requests.length
    await expect(backend.openUpload('images/linux')).rejects.toThrow(/may not contain a slash/)
    await expect(backend.checkNew('app:ci')).rejects.toThrow(/colon/)
    await expect(backend.openRanged('images.zip')).rejects.toThrow(/\.zip/)
    expect(services.requests.slice(from)).toEqual([])
  })
})
