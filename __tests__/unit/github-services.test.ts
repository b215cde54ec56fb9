import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GitHubServices } from '../support/github-services.js'

// The stand-in's own protocol, spoken by hand: what the libraries rely on and tests cannot see directly.
let services: GitHubServices
let env: Record<string, string>

const twirp = (
  service: 'CacheService' | 'ArtifactService',
  method: string,
  body: unknown,
  token = env.ACTIONS_RUNTIME_TOKEN
) =>
  fetch(`${services.url}/twirp/github.actions.results.api.v1.${service}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })

beforeAll(async () => {
  services = await GitHubServices.start()
  env = services.jobEnv({ workspace: '/tmp/ws', runnerTemp: '/tmp/rt' })
})

afterAll(async () => {
  await services?.stop()
})

describe('github services stand-in', () => {
  it('gives a job what the libraries read', () => {
    expect(env).toMatchObject({
      ACTIONS_CACHE_SERVICE_V2: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: services.url
    })
    const payload = JSON.parse(Buffer.from(env.ACTIONS_RUNTIME_TOKEN!.split('.')[1]!, 'base64url').toString()) as {
      scp: string
    }
    expect(payload.scp).toMatch(/Actions\.Results:[0-9a-f-]{36}:[0-9a-f-]{36}$/)
  })

  it('refuses twirp calls without a known runtime token', async () => {
    const res = await twirp('CacheService', 'GetCacheEntryDownloadURL', { key: 'k', version: 'v' }, '')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'unauthenticated' })
  })

  it('stores a blob, commits the entry and serves byte ranges with the download headers', async () => {
    const created = (await (await twirp('CacheService', 'CreateCacheEntry', { key: 'k', version: 'v' })).json()) as {
      signedUploadUrl: string
    }
    const put = await fetch(created.signedUploadUrl, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: '0123456789'
    })
    expect(put.status).toBe(201)
    expect(put.headers.get('x-ms-request-id')).toBeTruthy()
    const miss = await (await twirp('CacheService', 'GetCacheEntryDownloadURL', { key: 'k', version: 'v' })).json()
    expect(miss).toMatchObject({ ok: false })
    expect(
      await (
        await twirp('CacheService', 'FinalizeCacheEntryUpload', { key: 'k', version: 'v', size_bytes: '10' })
      ).json()
    ).toMatchObject({ ok: true })
    const hit = (await (
      await twirp('CacheService', 'GetCacheEntryDownloadURL', { key: 'x', restore_keys: ['k'], version: 'v' })
    ).json()) as {
      signedDownloadUrl: string
      matchedKey: string
    }
    expect(hit.matchedKey).toBe('k')
    const ranged = await fetch(hit.signedDownloadUrl, { headers: { Range: 'bytes=2-5' } })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toBe('bytes 2-5/10')
    expect(await ranged.text()).toBe('2345')
    const whole = await fetch(hit.signedDownloadUrl)
    expect(whole.headers.get('content-length')).toBe('10')
    expect(whole.headers.get('content-disposition')).toContain('filename="cache.tzst"')
  })

  it('answers 409 to a second artifact of one name in a run, and a fault as often as asked', async () => {
    const ids = JSON.parse(Buffer.from(env.ACTIONS_RUNTIME_TOKEN!.split('.')[1]!, 'base64url').toString())
      .scp.split(' ')[1]
      .split(':')
    const request = { workflow_run_backend_id: ids[1], workflow_job_run_backend_id: ids[2], name: 'same', version: 7 }
    expect((await twirp('ArtifactService', 'CreateArtifact', request)).status).toBe(200)
    const again = await twirp('ArtifactService', 'CreateArtifact', request)
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'already_exists' })
    services.inject({ route: 'ListArtifacts', status: 503, times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await twirp('ArtifactService', 'ListArtifacts', request)).status)
    expect(statuses).toEqual([503, 503, 200])
  })
})
