/**
 * dist/ run as the runner runs it, handing images from one job to the next through the stand-in's Actions cache
 * and workflow artifacts: job 1 builds and saves on its own dockerd, job 2 loads on a fresh dockerd with no images.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { buildBusybox, docker, type Engine } from '../support/engines.js'
import { imageId, imageNames, outcome, rows, runWho, succeeded, Workflow } from '../support/github-jobs.js'

let wf: Workflow
let builder: Engine
const ids: Record<string, string> = {}

beforeAll(async () => {
  wf = await Workflow.start()
  builder = await wf.engine()
  ids.app = await buildBusybox(builder, 'app:1', ['RUN echo app > /who'])
  await docker(builder, ['tag', 'app:1', 'app:latest'])
  ids.tool = await buildBusybox(builder, 'ghcr.io/org/tool:2', ['RUN echo tool > /who'])
  ids.other = await buildBusybox(builder, 'other:1', ['RUN echo other > /who'])
})

afterAll(async () => {
  await wf?.stop()
})

const save = async (backend: string, key: string, images: string, run = {}) =>
  (await wf.job('build', builder, run)).step('main', { mode: 'save', backend, key, images })

describe.each(['cache', 'artifact'])('two jobs through backend: %s', (backend) => {
  it('job 2 on a fresh engine gets every name and ID job 1 saved, and the images run', async () => {
    const key = `handoff-${backend}`
    const saved = await save(backend, key, 'app:*\nghcr.io/org/*')
    expect(outcome(saved)).toEqual(succeeded)
    expect(
      rows(saved)
        .map((r) => r.name)
        .sort()
    ).toEqual(['app:1', 'app:latest', 'ghcr.io/org/tool:2'])
    if (backend === 'cache')
      expect(wf.services.cache.entries.filter((e) => e.key === key && e.finalized)).toHaveLength(1)
    else expect(wf.services.artifacts.artifacts.filter((a) => a.name === key && a.finalized)).toHaveLength(1)

    const fresh = await wf.engine()
    expect(await imageNames(fresh)).toEqual([])
    const loaded = await (await wf.job('test', fresh)).step('main', { mode: 'load', backend, key })
    expect(outcome(loaded)).toEqual(succeeded)
    expect(loaded.outputs).toMatchObject({ hit: 'true', 'matched-key': key })
    expect(
      rows(loaded)
        .map((r) => [r.name, r.id])
        .sort()
    ).toEqual([
      ['app:1', ids.app],
      ['app:latest', ids.app],
      ['ghcr.io/org/tool:2', ids.tool]
    ])
    expect(await imageNames(fresh)).toEqual(['app:1', 'app:latest', 'ghcr.io/org/tool:2'])
    expect(await imageId(fresh, 'app:latest')).toBe(ids.app)
    expect(await imageId(fresh, 'ghcr.io/org/tool:2')).toBe(ids.tool)
    expect(await runWho(fresh, 'ghcr.io/org/tool:2')).toBe('tool')
    expect(loaded.summary).toContain('<td>ghcr.io/org/tool:2</td>')
  })
})

describe('cache lookups', () => {
  it('falls back on restore keys in order, the newest entry of a prefix first', async () => {
    expect((await save('cache', 'fb-linux-1', 'app:1')).exitCode).toBe(0)
    expect((await save('cache', 'fb-linux-2', 'other:1')).exitCode).toBe(0)
    const restore = async (restoreKeys: string) => {
      const fresh = await wf.engine()
      const result = await (
        await wf.job('test', fresh)
      ).step('main', { mode: 'load', backend: 'cache', key: 'fb-linux-3', 'restore-keys': restoreKeys })
      return { result, names: await imageNames(fresh), fresh }
    }
    const newest = await restore('fb-windows-\nfb-linux-')
    expect(newest.result.exitCode).toBe(0)
    expect(newest.result.outputs).toMatchObject({ hit: 'false', 'matched-key': 'fb-linux-2' })
    expect(newest.names).toEqual(['other:1'])
    expect(await runWho(newest.fresh, 'other:1')).toBe('other')
    // The first restore key that matches wins, even over a newer entry matching a later one.
    const ordered = await restore('fb-linux-1\nfb-')
    expect(ordered.result.outputs).toMatchObject({ hit: 'false', 'matched-key': 'fb-linux-1' })
    expect(ordered.names).toEqual(['app:1'])
  })

  it('a second save under a stored key looks it up and uploads nothing', async () => {
    expect((await save('cache', 'once', 'other:1')).exitCode).toBe(0)
    const from = wf.services.requests.length
    const again = await save('cache', 'once', 'app:1', { runId: 2 })
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toMatch(/already holds an entry under "once"/)
    expect(again.outputs.images).toBe('[]')
    expect(wf.services.calls('GetCacheEntryDownloadURL', from).length).toBeGreaterThan(0)
    expect(wf.services.calls('CreateCacheEntry', from)).toEqual([])
    const uploads = wf.services.requests
      .slice(from)
      .filter((r) => r.route.startsWith('blob:') && r.route !== 'blob:get')
    expect(uploads).toEqual([])
    // The stored entry is still the first one.
    const fresh = await wf.engine()
    const loaded = await (await wf.job('test', fresh)).step('main', { mode: 'load', backend: 'cache', key: 'once' })
    expect(loaded.outputs.hit).toBe('true')
    expect(await imageNames(fresh)).toEqual(['other:1'])
  })
})
