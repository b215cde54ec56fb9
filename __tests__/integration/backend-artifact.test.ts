import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Backend } from '../../src/backends/backend.js'
import type {
  ArtifactBackendOptions,
  createArtifactBackend as CreateArtifactBackend
} from '../../src/backends/artifact.js'
import { HandoffError } from '../../src/errors.js'
import { enterJob } from '../support/github-env.js'
import { copyFrom, sha256File, writeRandomFile } from '../support/github-payloads.js'
import { GitHubServices } from '../support/github-services.js'

// Real @actions/artifact over HTTP to the stand-in; GITHUB_API_URL is read when the library is imported,
// so the backend is imported only after the first job's environment is in place.
let services: GitHubServices
let root: string
let workDir: string
let createArtifactBackend: typeof CreateArtifactBackend
const payload: Record<string, string> = {}

type Job = { repository?: string; runId?: number }
function job(name: string, where: Job, options: Partial<ArtifactBackendOptions> = {}): Backend {
  enterJob(services.jobEnv({ job: name, workspace: join(root, 'ws'), runnerTemp: join(root, 'temp'), ...where }))
  return createArtifactBackend({ workDir, overwrite: false, retryDelays: [200, 400, 800], ...options })
}

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'backend-artifact-'))
  workDir = join(root, 'temp', 'image-handoff')
  await mkdir(join(root, 'ws'), { recursive: true })
  enterJob(services.jobEnv({ workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  ;({ createArtifactBackend } = await import('../../src/backends/artifact.js'))
  for (const name of ['a', 'b']) {
    payload[name] = join(root, name)
    await writeRandomFile(payload[name]!, 2 * 1024 * 1024 + 5)
  }
})

afterAll(async () => {
  await services?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('artifact backend', () => {
  it('uploads the payload as is, named after the key, and downloads it in another job of the run', async () => {
    const run = { runId: 100 }
    const from = services.requests.length
    const saved = await job('build', run).save('images-linux.tar.zst', copyFrom(payload.a!))
    expect(saved).toEqual({ saved: true, key: 'images-linux.tar.zst', bytes: 2 * 1024 * 1024 + 5 })
    const stored = services.artifacts.artifacts.find((a) => a.runId === 100)!
    expect(stored).toMatchObject({
      name: 'images-linux.tar.zst',
      size: 2 * 1024 * 1024 + 5,
      mimeType: 'application/octet-stream'
    })
    expect(stored.digest).toBe(`sha256:${await sha256File(payload.a!)}`)
    expect(services.calls('blob:blocklist', from)).toHaveLength(1)
    // Nothing of the upload is left on disk.
    expect(await readdir(join(workDir, 'artifact'))).toEqual([])

    const test = job('test', run)
    expect(await test.exists('images-linux.tar.zst')).toBe(true)
    expect(await test.exists('images-windows.tar.zst')).toBe(false)
    expect(await test.restore('images-windows.tar.zst', ['images-'])).toBeUndefined()
    const entry = await test.restore('images-linux.tar.zst', ['ignored-'])
    expect(entry?.matchedKey).toBe('images-linux.tar.zst')
    expect(basename(entry!.file)).toBe('images-linux.tar.zst')
    expect(await sha256File(entry!.file)).toBe(await sha256File(payload.a!))
    await entry!.dispose()
    await expect(stat(entry!.file)).rejects.toThrow()
  })

  it('does not see artifacts of other runs without a token for them', async () => {
    await job('build', { runId: 101 }).save('run-local', copyFrom(payload.a!))
    expect(await job('test', { runId: 102 }).restore('run-local', [])).toBeUndefined()
  })

  it('downloads from another run and from another repository with crossRun', async () => {
    await job('build', { runId: 110 }).save('nightly', copyFrom(payload.a!))
    await job('build', { repository: 'octo/base', runId: 7 }).save('nightly', copyFrom(payload.b!))
    const crossRun = { token: 'ghs_reader', runId: 110, owner: 'octo', repo: 'app' }
    const sameRepo = job('test', { runId: 111 }, { crossRun })
    expect(await sameRepo.exists('nightly')).toBe(true)
    const entry = await sameRepo.restore('nightly', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(payload.a!))
    await entry!.dispose()

    const from = services.requests.length
    const otherRepo = job(
      'test',
      { runId: 112 },
      { crossRun: { token: 'ghs_reader', runId: 7, owner: 'octo', repo: 'base' } }
    )
    const other = await otherRepo.restore('nightly', [])
    expect(await sha256File(other!.file)).toBe(await sha256File(payload.b!))
    await other!.dispose()
    expect(services.calls('rest:list', from)[0]).toMatchObject({ repository: 'octo/base', runId: 7 })
    expect(services.calls('rest:zip', from)[0]).toMatchObject({ repository: 'octo/base', status: 302 })
    expect(await otherRepo.restore('absent', [])).toBeUndefined()
  })

  it('fails the second of two matrix jobs saving one name, saying how to fix it', async () => {
    const run = { runId: 120 }
    const results = await Promise.allSettled([
      job('matrix-1', run).save('images', copyFrom(payload.a!)),
      job('matrix-2', run).save('images', copyFrom(payload.b!))
    ])
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(fulfilled).toHaveLength(1)
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.reason).toBeInstanceOf(HandoffError)
    expect(String(rejected[0]!.reason.message)).toMatch(
      /already exists in this workflow run.*matrix values in "key".*overwrite: true/s
    )
    // A later job of the run fails before writing anything.
    const write = copyFrom(payload.a!)
    await expect(job('rerun', run).save('images', write)).rejects.toThrow(/already exists/)
    expect(write.calls).toBe(0)
  })

  it('with overwrite, both matrix jobs succeed and the last upload wins', async () => {
    const run = { runId: 130 }
    const results = await Promise.all([
      job('matrix-1', run, { overwrite: true }).save('shared', copyFrom(payload.a!)),
      job('matrix-2', run, { overwrite: true }).save('shared', copyFrom(payload.b!))
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
    const entry = await job('test', run).restore('shared', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(lastPayload))
    await entry!.dispose()
    expect(services.artifacts.artifacts.filter((a) => a.runId === 130 && a.name === 'shared')).toHaveLength(1)
  })

  it('passes retention days on', async () => {
    const from = services.requests.length
    await job('build', { runId: 140 }, { retentionDays: 3 }).save('kept-3-days', copyFrom(payload.a!))
    const expires = Date.parse(String(services.calls('CreateArtifact', from)[0]!.body?.expiresAt))
    expect(Math.abs(expires - (Date.now() + 3 * 86400000))).toBeLessThan(60000)
  })

  it('rejects keys that are not valid artifact names before writing anything', async () => {
    const write = copyFrom(payload.a!)
    const backend = job('build', { runId: 150 })
    await expect(backend.save('images/linux', write)).rejects.toThrow(/may not contain a slash/)
    await expect(backend.save('app:ci', write)).rejects.toThrow(/colon/)
    await expect(backend.restore('images.zip', [])).rejects.toThrow(/\.zip/)
    expect(write.calls).toBe(0)
  })
})
