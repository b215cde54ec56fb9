import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Backend } from '../../src/backends/backend.js'
import type { createCacheBackend as CreateCacheBackend } from '../../src/backends/cache.js'
import { HandoffError } from '../../src/errors.js'
import { enterJob } from '../support/github-env.js'
import { copyFrom, sha256File, writeRandomFile } from '../support/github-payloads.js'
import { GitHubServices } from '../support/github-services.js'

// How the cache backend behaves when the service or the network misbehaves, and with big payloads.
let services: GitHubServices
let root: string
let workDir: string
let payload: string
let createCacheBackend: typeof CreateCacheBackend

function job(name: string, workspace = join(root, 'ws')): Backend {
  enterJob(services.jobEnv({ job: name, workspace, runnerTemp: join(root, 'temp') }))
  return createCacheBackend({ workDir })
}

const payloadFile = (): string => join(workDir, 'cache', 'images.tar')

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'backend-cache-faults-'))
  workDir = join(root, 'temp', 'image-handoff')
  payload = join(root, 'payload')
  await mkdir(join(root, 'ws'), { recursive: true })
  enterJob(services.jobEnv({ workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  ;({ createCacheBackend } = await import('../../src/backends/cache.js'))
  await writeRandomFile(payload, 2 * 1024 * 1024)
})

afterAll(async () => {
  await services?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('cache backend under faults', () => {
  it('retries a 5xx from the service and then succeeds', async () => {
    services.inject({ route: 'CreateCacheEntry', status: 500 })
    const from = services.requests.length
    expect(await job('build').save('retried', copyFrom(payload))).toMatchObject({ saved: true })
    expect(services.calls('CreateCacheEntry', from).map((r) => r.status)).toEqual([500, 200])
    services.inject({ route: 'GetCacheEntryDownloadURL', status: 503 })
    const entry = await job('test').restore('retried', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(payload))
    await entry!.dispose()
  }, 30000)

  it('turns a full cache into a HandoffError that says what to do, and stores nothing', async () => {
    services.quotaExceeded()
    const failure = job('build').save('over-quota', copyFrom(payload))
    await expect(failure).rejects.toThrow(HandoffError)
    await expect(failure).rejects.toThrow(/quota.*Delete old entries/s)
    expect(await job('test').exists('over-quota')).toBe(false)
    await expect(stat(payloadFile())).rejects.toThrow()
  })

  it('never reports a hit for a download cut half way, and leaves no payload behind', async () => {
    await job('build').save('cut', copyFrom(payload))
    services.inject({ route: 'blob:get', download: { kind: 'cut' } })
    await expect(job('test').restore('cut', [])).rejects.toThrow(/Cache entry "cut" was found but not restored/)
    await expect(stat(payloadFile())).rejects.toThrow()
    // The entry itself is fine: the next attempt restores it.
    const entry = await job('retry').restore('cut', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(payload))
    await entry!.dispose()
  })

  it('never reports a hit for a short but self-consistent body (a corrupt archive)', async () => {
    await job('build').save('short', copyFrom(payload))
    services.inject({ route: 'blob:get', download: { kind: 'short' } })
    await expect(job('test').restore('short', [])).rejects.toThrow(/not restored: .*(unzstd|tar)/)
    await expect(stat(payloadFile())).rejects.toThrow()
  })

  it('waits out a slow download', async () => {
    await job('build').save('slow', copyFrom(payload))
    services.inject({ route: 'blob:get', download: { kind: 'slow', delayMs: 1500 } })
    const entry = await job('test').restore('slow', [])
    expect(entry?.matchedKey).toBe('slow')
    await entry!.dispose()
  })

  it('fails a lookup the service cannot answer instead of calling it a miss', async () => {
    services.inject({ route: 'GetCacheEntryDownloadURL', status: 400, msg: 'bad request' })
    await expect(job('test').restore('anything', [])).rejects.toThrow(/Could not look up cache key "anything"/)
  })

  it('reports an entry unpacked under another workspace as not restored', async () => {
    await job('build').save('moved', copyFrom(payload))
    const elsewhere = join(root, 'other', 'deeper', 'ws')
    await expect(job('test', elsewhere).restore('moved', [])).rejects.toThrow(/another GITHUB_WORKSPACE/)
  })

  it('uploads a payload over 128 MiB in blocks and restores it intact', async () => {
    const big = join(root, 'big')
    await writeRandomFile(big, 130 * 1024 * 1024)
    const from = services.requests.length
    expect(await job('build').save('big', copyFrom(big))).toMatchObject({ saved: true })
    expect(services.calls('blob:put', from)).toHaveLength(0)
    expect(services.calls('blob:block', from).length).toBeGreaterThanOrEqual(2)
    expect(services.calls('blob:blocklist', from)).toHaveLength(1)
    const entry = await job('test').restore('big', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(big))
    await entry!.dispose()
    await rm(big)
  }, 120000)
})
