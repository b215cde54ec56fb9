/**
 * dist/ when the stand-in GitHub services misbehave: retried 5xx, a full cache, failed lookups and bent downloads.
 * `mode: save` and `mode: load` fail the step with a clear message; in `mode: auto` (main restore, post save)
 * a service failure is a warning and the job goes on. A failed load never reports a hit nor leaves images.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { buildBusybox, type Engine } from '../support/engines.js'
import { annotations } from '../support/action.js'
import { imageId, imageNames, outcome, runWho, succeeded, Workflow } from '../support/github-jobs.js'

let wf: Workflow
let builder: Engine
let appId: string

beforeAll(async () => {
  wf = await Workflow.start()
  builder = await wf.engine()
  appId = await buildBusybox(builder, 'app:1', ['RUN echo app > /who'])
})

afterAll(async () => {
  await wf?.stop()
})

const save = async (backend: string, key: string) =>
  (await wf.job('build', builder)).step('main', { mode: 'save', backend, key, images: 'app:1' })

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false
  )

describe('cache service faults', () => {
  it('a 5xx on a lookup is retried and the load succeeds', async () => {
    expect(outcome(await save('cache', 'retry-me'))).toEqual(succeeded)
    const engine = await wf.engine()
    wf.services.inject({ route: 'GetCacheEntryDownloadURL', status: 503 })
    const from = wf.services.requests.length
    const loaded = await (await wf.job('test', engine)).step('main', { mode: 'load', key: 'retry-me' })
    expect(outcome(loaded)).toEqual(succeeded)
    expect(loaded.outputs).toMatchObject({ hit: 'true', 'matched-key': 'retry-me' })
    expect(
      wf.services
        .calls('GetCacheEntryDownloadURL', from)
        .map((r) => r.status)
        .slice(0, 2)
    ).toEqual([503, 200])
    expect(await imageId(engine, 'app:1')).toBe(appId)
  })

  it('a lookup the service refuses fails mode: load but is a warning and a miss in mode: auto', async () => {
    const engine = await wf.engine()
    const job = await wf.job('test', engine)
    wf.services.inject({ route: 'GetCacheEntryDownloadURL', status: 400, msg: 'bad request' })
    const load = await job.step('main', { mode: 'load', key: 'retry-me' })
    expect(load.exitCode).toBe(1)
    expect(outcome(load).errors.join('\n')).toMatch(/Could not look up cache key "retry-me"/)
    expect(load.outputs.hit).toBe('false')

    wf.services.inject({ route: 'GetCacheEntryDownloadURL', status: 400, msg: 'bad request' })
    const auto = await job.step('main', { mode: 'auto', key: 'retry-me' })
    expect(outcome(auto)).toEqual(succeeded)
    expect(annotations(auto, 'warning').join('\n')).toMatch(
      /Could not restore images, continuing as a cache miss.*Could not look up cache key/
    )
    expect(auto.outputs).toMatchObject({ hit: 'false', 'matched-key': '' })
    expect(auto.state).toMatchObject({ hit: 'false', 'main-done': 'true' })
    expect(await imageNames(engine)).toEqual([])
  })

  // Slow by nature (~25 s): the cache client tries 5 times, 3 s apart and growing, before giving up.
  it('a lookup that keeps failing with 5xx is a warning and a miss in mode: auto, and the post step still saves', async () => {
    const engine = await wf.engine()
    const job = await wf.job('build', engine)
    const inputs = { mode: 'auto', key: 'outage' }
    wf.services.inject({ route: 'GetCacheEntryDownloadURL', status: 502, times: 5 })
    const from = wf.services.requests.length
    const main = await job.step('main', inputs)
    expect(outcome(main)).toEqual(succeeded)
    expect(wf.services.calls('GetCacheEntryDownloadURL', from).map((r) => r.status)).toEqual([502, 502, 502, 502, 502])
    expect(annotations(main, 'warning')).toContainEqual(
      expect.stringMatching(
        /^Could not restore images, continuing as a cache miss .*: Could not look up cache key "outage": .*HTTP 502/
      )
    )
    expect(main.outputs).toMatchObject({ hit: 'false', 'matched-key': '' })

    const builtId = await buildBusybox(engine, 'built:2', ['RUN echo built > /who'])
    const post = await job.step('post', inputs)
    expect(outcome(post)).toEqual(succeeded)
    expect(wf.services.cache.entries.filter((e) => e.key === 'outage' && e.finalized)).toHaveLength(1)
    const fresh = await wf.engine()
    const loaded = await (await wf.job('test', fresh)).step('main', { mode: 'load', key: 'outage' })
    expect(outcome(loaded)).toEqual(succeeded)
    expect(await imageNames(fresh)).toEqual(['built:2'])
    expect(await imageId(fresh, 'built:2')).toBe(builtId)
  }, 60000)

  let quotaErrors = ''
  it('a full cache fails mode: save clearly and stores nothing', async () => {
    wf.services.quotaExceeded()
    const saved = await save('cache', 'full')
    expect(saved.exitCode).toBe(1)
    quotaErrors = outcome(saved).errors.join('\n')
    expect(quotaErrors).toMatch(/^Could not save cache entry "full": .*Delete old entries \(Actions > Caches/)
    expect(wf.services.cache.entries.filter((e) => e.key === 'full' && e.finalized)).toEqual([])
  })

  // The service answers a full cache with 403 "insufficient usage"; the message names the quota, not the status.
  it('a full cache names the quota as the reason', () => {
    expect(quotaErrors).toMatch(/Could not save cache entry "full": the repository's cache storage quota is used up/)
  })

  it('a full cache in the auto post step is a warning and the job goes on', async () => {
    const engine = await wf.engine()
    const job = await wf.job('build', engine)
    const inputs = { mode: 'auto', key: 'auto-full' }
    expect(outcome(await job.step('main', inputs))).toEqual(succeeded)
    await buildBusybox(engine, 'built:1', ['RUN echo built > /who'])
    wf.services.quotaExceeded()
    const post = await job.step('post', inputs)
    expect(outcome(post)).toEqual(succeeded)
    expect(annotations(post, 'warning')).toContainEqual(
      expect.stringMatching(
        /^Saving images in the post step failed: Could not save (cache entry "auto-full"|chunk sha256:[0-9a-f]{64} of the images): .*Delete old entries/
      )
    )
    expect(wf.services.cache.entries.filter((e) => e.key === 'auto-full' && e.finalized)).toEqual([])
  })

  it('an upload the service does not finalize fails mode: save and leaves no entry a restore would accept', async () => {
    wf.services.inject({ route: 'FinalizeCacheEntryUpload', status: 400, msg: 'upload incomplete' })
    const saved = await save('cache', 'unfinished')
    expect(saved.exitCode).toBe(1)
    expect(outcome(saved).errors.join('\n')).toMatch(
      /Could not save cache entry "unfinished": .*Nothing was stored under this key/
    )
    const engine = await wf.engine()
    const load = await (
      await wf.job('test', engine)
    ).step('main', { mode: 'load', key: 'unfinished', 'restore-keys': 'unfin' })
    expect(load.exitCode).toBe(1)
    expect(outcome(load).errors.join('\n')).toMatch(/No entry found in cache for "unfinished", "unfin\*"/)
    expect(load.outputs.hit).toBe('false')
    expect(await imageNames(engine)).toEqual([])
  })

  it('a download cut half way fails mode: load, loads nothing, keeps nothing, and a clean retry works', async () => {
    expect(outcome(await save('cache', 'cut-me'))).toEqual(succeeded)
    const engine = await wf.engine()
    const job = await wf.job('test', engine)
    wf.services.inject({ route: 'blob:get', download: { kind: 'cut' } })
    const cut = await job.step('main', { mode: 'load', key: 'cut-me' })
    expect(cut.exitCode).toBe(1)
    expect(outcome(cut).errors.join('\n')).toMatch(
      /Cache entry "cut-me" was found but not restored.*Nothing was loaded/
    )
    expect(cut.outputs.hit).toBe('false')
    expect(cut.outputs.images).toBeUndefined()
    expect(await imageNames(engine)).toEqual([])
    expect(await exists(join(job.runnerTemp, 'image-handoff', 'cache', 'images.tar'))).toBe(false)

    const retry = await job.step('main', { mode: 'load', key: 'cut-me' })
    expect(outcome(retry)).toEqual(succeeded)
    expect(retry.outputs).toMatchObject({ hit: 'true', 'matched-key': 'cut-me' })
    expect(await runWho(engine, 'app:1')).toBe('app')
  })
})

describe('artifact download faults', () => {
  // A same-run load reads the artifact in ranges: a short range is asked for again (three attempts in all).
  it('a short body is read again; one that stays short fails mode: load, and in mode: auto is a warning and a miss', async () => {
    expect(outcome(await save('artifact', 'short-me'))).toEqual(succeeded)
    wf.services.inject({ route: 'blob:get', download: { kind: 'short' } })
    const retried = await (
      await wf.job('test', await wf.engine())
    ).step('main', {
      mode: 'load',
      backend: 'artifact',
      key: 'short-me'
    })
    expect(outcome(retried)).toEqual(succeeded)
    expect(retried.outputs.hit).toBe('true')

    const engine = await wf.engine()
    const job = await wf.job('test', engine)

    wf.services.inject({ route: 'blob:get', download: { kind: 'short' }, times: 3 })
    const load = await job.step('main', { mode: 'load', backend: 'artifact', key: 'short-me' })
    expect(load.exitCode).toBe(1)
    expect(outcome(load).errors.join('\n')).toMatch(
      /Artifact "short-me" \(id \d+\) did not download intact: .*failed \(3 attempts\)/
    )
    expect(load.outputs.hit).toBe('false')
    expect(await imageNames(engine)).toEqual([])

    const inputs = { mode: 'auto', backend: 'artifact', key: 'short-me-auto' }
    expect(outcome(await save('artifact', 'short-me-auto'))).toEqual(succeeded)
    wf.services.inject({ route: 'blob:get', download: { kind: 'short' }, times: 3 })
    const auto = await job.step('main', inputs)
    expect(outcome(auto)).toEqual(succeeded)
    expect(annotations(auto, 'warning').join('\n')).toMatch(/continuing as a cache miss.*did not download intact/)
    expect(auto.outputs.hit).toBe('false')
    expect(await imageNames(engine)).toEqual([])
  })
})
