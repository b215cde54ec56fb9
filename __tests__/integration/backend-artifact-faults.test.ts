import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
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

// How the artifact backend behaves when the service or the network misbehaves.
let services: GitHubServices
let root: string
let payload: string
let createArtifactBackend: typeof CreateArtifactBackend

function job(name: string, runId: number, options: Partial<ArtifactBackendOptions> = {}): PackBackend {
  enterJob(services.jobEnv({ job: name, runId, workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  return createArtifactBackend({ overwrite: false, ...options })
}

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'backend-artifact-faults-'))
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
    expect(await uploadPayload(job('build', 1), 'retried', payload)).toMatchObject({ saved: true })
    expect(services.calls('CreateArtifact', from).map((r) => r.status)).toEqual([502, 200])
    const entry = await job('test', 1).openRanged('retried')
    expect(await fetchedSha256(entry!, join(root, 'retried'))).toBe(await sha256File(payload))
  }, 30000)

  it('turns a full artifact storage into a HandoffError and stores nothing', async () => {
    services.inject({ route: 'CreateArtifact', status: 403, msg: 'insufficient usage to create artifact' })
    const failure = uploadPayload(job('build', 2), 'over-quota', payload)
    await expect(failure).rejects.toThrow(HandoffError)
    await expect(failure).rejects.toThrow(/Could not upload artifact "over-quota": .*quota/)
    expect(await job('test', 2).openRanged('over-quota')).toBeUndefined()
  })

  it('never hands over a range shorter than asked for: reads it again, and gives up after three', async () => {
    await uploadPayload(job('build', 3), 'short', payload)
    const entry = await job('test', 3).openRanged('short')
    services.inject({ route: 'blob:get', download: { kind: 'short' } })
    const from = services.requests.length
    expect(await fetchedSha256(entry!, join(root, 'short'))).toBe(await sha256File(payload))
    // The short answer announced half the range: it is dropped, unread (the stand-in may not count its bytes as
    // sent), and the range is read again.
    const served = services.calls('blob:get', from).map((r) => r.bytes)
    expect(served).toHaveLength(2)
    expect([undefined, Math.floor(entry!.size / 2)]).toContain(served[0])
    expect(served[1]).toBe(entry!.size)

    services.inject({ route: 'blob:get', download: { kind: 'short' }, times: 3 })
    await expect(entry!.read(0, 4096)).rejects.toThrow(
      /Artifact "short" \(id \d+\) did not download intact: .*failed \(3 attempts\).*re-run the job/s
    )
    services.clearFaults()
  })

  it('reports a failed lookup as an error, not as a missing artifact', async () => {
    services.inject({ route: 'ListArtifacts', status: 400, msg: 'bad request' })
    await expect(job('test', 4).openRanged('whatever')).rejects.toThrow(/Could not look up artifact "whatever"/)
    // Nor as a name free to take, before a save.
    services.inject({ route: 'ListArtifacts', status: 400, msg: 'bad request' })
    await expect(job('build', 4).checkNew('whatever')).rejects.toThrow(/Could not look up artifact "whatever"/)
  })

  it('fails a cross-run read the token may not make', async () => {
    await uploadPayload(job('build', 5), 'private', payload)
    services.inject({ route: 'rest:list', status: 403, msg: 'Resource not accessible by integration', times: 10 })
    const reader = job('test', 6, { crossRun: { token: 'ghs_weak', runId: 5, owner: 'octo', repo: 'app' } })
    const from = services.requests.length
    await expect(reader.openRanged('private')).rejects.toThrow(
      /Could not look up artifact "private" in octo\/app run 5/
    )
    // Measured: @actions/artifact 6.2.1 retries even a 403 here (1 + 5 attempts), without waiting.
    expect(services.calls('rest:list', from).every((r) => r.status === 403)).toBe(true)
    services.clearFaults()
  })
})
