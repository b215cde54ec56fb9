import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Backend } from '../../src/backends/backend.js'
import type {
  ArtifactBackendOptions,
  createArtifactBackend as CreateArtifactBackend
} from '../../src/backends/artifact.js'
import { HandoffError } from '../../src/errors.js'
import { enterJob } from '../support/github-env.js'
import { copyFrom, sha256File, writeRandomFile } from '../support/github-payloads.js'
import { GitHubServices } from '../support/github-services.js'

// How the artifact backend behaves when the service or the network misbehaves.
let services: GitHubServices
let root: string
let workDir: string
let payload: string
let createArtifactBackend: typeof CreateArtifactBackend

function job(name: string, runId: number, options: Partial<ArtifactBackendOptions> = {}): Backend {
  enterJob(services.jobEnv({ job: name, runId, workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  return createArtifactBackend({ workDir, overwrite: false, ...options })
}

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'backend-artifact-faults-'))
  workDir = join(root, 'temp', 'image-handoff')
  payload = join(root, 'payload')
  await mkdir(join(root, 'ws'), { recursive: true })
  enterJob(services.jobEnv({ workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  ;({ createArtifactBackend } = await import('../../src/backends/artifact.js'))
  await writeRandomFile(payload, 1024 * 1024 + 3)
})

afterAll(async () => {
  await services?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('artifact backend under faults', () => {
  it('retries a 5xx from the service and then succeeds', async () => {
    services.inject({ route: 'CreateArtifact', status: 502 })
    const from = services.requests.length
    expect(await job('build', 1).save('retried', copyFrom(payload))).toMatchObject({ saved: true })
    expect(services.calls('CreateArtifact', from).map((r) => r.status)).toEqual([502, 200])
    const entry = await job('test', 1).restore('retried', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(payload))
    await entry!.dispose()
  }, 30000)

  it('turns a full artifact storage into a HandoffError and stores nothing', async () => {
    services.inject({ route: 'CreateArtifact', status: 403, msg: 'insufficient usage to create artifact' })
    const failure = job('build', 2).save('over-quota', copyFrom(payload))
    await expect(failure).rejects.toThrow(HandoffError)
    await expect(failure).rejects.toThrow(/Could not upload artifact "over-quota": .*quota/)
    expect(await job('test', 2).exists('over-quota')).toBe(false)
    expect(await readdir(join(workDir, 'artifact'))).toEqual([])
  })

  it('never reports a download whose bytes differ from the upload, and leaves nothing behind', async () => {
    await job('build', 3).save('short', copyFrom(payload))
    services.inject({ route: 'blob:get', download: { kind: 'short' } })
    await expect(job('test', 3).restore('short', [])).rejects.toThrow(
      /did not download intact: its sha256 digest differs/
    )
    expect(await readdir(join(workDir, 'artifact'))).toEqual([])
    const entry = await job('retry', 3).restore('short', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(payload))
    await entry!.dispose()
  })

  // Slow by nature: the library notices a stalled body only after its 30 s chunk timeout, then retries in 5 s.
  it('recovers from a download cut half way through the library retry, with the digest checked', async () => {
    await job('build', 9).save('cut', copyFrom(payload))
    services.inject({ route: 'blob:get', download: { kind: 'cut' } })
    const from = services.requests.length
    const entry = await job('test', 9).restore('cut', [])
    expect(services.calls('blob:get', from)).toHaveLength(2)
    expect(await sha256File(entry!.file)).toBe(await sha256File(payload))
    expect(await readdir(join(entry!.file, '..'))).toEqual(['cut'])
    await entry!.dispose()
  }, 90000)

  it('reports a failed lookup as an error, not as a missing artifact', async () => {
    services.inject({ route: 'ListArtifacts', status: 400, msg: 'bad request' })
    await expect(job('test', 4).restore('whatever', [])).rejects.toThrow(/Could not look up artifact "whatever"/)
  })

  it('fails a cross-run download the token may not make', async () => {
    await job('build', 5).save('private', copyFrom(payload))
    services.inject({ route: 'rest:list', status: 403, msg: 'Resource not accessible by integration', times: 10 })
    const reader = job('test', 6, { crossRun: { token: 'ghs_weak', runId: 5, owner: 'octo', repo: 'app' } })
    const from = services.requests.length
    await expect(reader.restore('private', [])).rejects.toThrow(
      /Could not look up artifact "private" in octo\/app run 5/
    )
    // Measured: @actions/artifact 6.2.1 retries even a 403 here (1 + 5 attempts), without waiting.
    expect(services.calls('rest:list', from).every((r) => r.status === 403)).toBe(true)
    services.clearFaults()
  })
})
