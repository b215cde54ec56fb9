/**
 * `mode: auto` across workflow runs through the stand-in's Actions cache: the main step restores (exact key or a
 * restore-key match), the job builds, and the post step saves only the images created or changed during the job,
 * unless the exact key was restored. Every run's job has a fresh dockerd.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { buildBusybox, type Engine } from '../support/engines.js'
import { annotations } from '../support/action.js'
import {
  imageId,
  imageNames,
  outcome,
  rows,
  runWho,
  succeeded,
  Workflow,
  type GitHubJob
} from '../support/github-jobs.js'

let wf: Workflow
const ids: Record<string, string> = {}
const inputs = (key: string) => ({ mode: 'auto', backend: 'cache', key, 'restore-keys': 'images-' })

/** What a post step stored: the index entries it reserved, and whether every reservation (chunks too) was finalized. */
function uploadsSince(from: number): { reserved: string[]; allFinalized: boolean } {
  const keys = wf.services.calls('CreateCacheEntry', from).map((r) => String(r.body?.key))
  const finalized = wf.services.calls('FinalizeCacheEntryUpload', from).filter((r) => r.status === 200).length
  return {
    reserved: keys.filter((k) => !k.startsWith('image-handoff-chunk-')),
    allFinalized: finalized === keys.length
  }
}

beforeAll(async () => {
  wf = await Workflow.start()
})

afterAll(async () => {
  await wf?.stop()
})

describe('mode: auto across runs', () => {
  let run2: { job: GitHubJob; engine: Engine }

  it('run 1: a miss, the job builds, the post step saves what it built', async () => {
    const engine = await wf.engine()
    const job = await wf.job('build', engine, { runId: 1 })
    const main = await job.step('main', inputs('images-run1'))
    expect(outcome(main)).toEqual(succeeded)
    expect(main.outputs).toMatchObject({ hit: 'false', 'matched-key': '', images: '[]' })

    ids.app1 = await buildBusybox(engine, 'app:1', ['RUN echo app-v1 > /who'])
    ids.tool = await buildBusybox(engine, 'tool:1', ['RUN echo tool > /who'])
    const from = wf.services.requests.length
    const post = await job.step('post', inputs('images-run1'))
    expect(outcome(post)).toEqual(succeeded)
    expect(annotations(post, 'warning')).toEqual([])
    expect(uploadsSince(from)).toEqual({ reserved: ['images-run1'], allFinalized: true })
    expect(post.summary).toContain('<td>app:1</td>')
    expect(post.summary).toContain('<td>tool:1</td>')
  })

  it('run 2: restores run 1 by prefix, rebuilds one image, the post step saves only that one', async () => {
    const engine = await wf.engine()
    const job = await wf.job('build', engine, { runId: 2 })
    run2 = { job, engine }
    const main = await job.step('main', inputs('images-run2'))
    expect(outcome(main)).toEqual(succeeded)
    expect(main.outputs).toMatchObject({ hit: 'false', 'matched-key': 'images-run1' })
    expect(
      rows(main)
        .map((r) => [r.name, r.id])
        .sort()
    ).toEqual([
      ['app:1', ids.app1],
      ['tool:1', ids.tool]
    ])
    expect(await imageNames(engine)).toEqual(['app:1', 'tool:1'])

    ids.app2 = await buildBusybox(engine, 'app:1', ['RUN echo app-v2 > /who'])
    expect(ids.app2).not.toBe(ids.app1)
    const from = wf.services.requests.length
    const post = await job.step('post', inputs('images-run2'))
    expect(outcome(post)).toEqual(succeeded)
    expect(uploadsSince(from)).toEqual({ reserved: ['images-run2'], allFinalized: true })
    expect(post.stdout).toMatch(/Saving app:1 from docker/)
    expect(post.summary).toContain('<td>app:1</td>')
    expect(post.summary).not.toContain('tool:1')
  })

  it('what run 2 stored is the changed image alone: a fresh engine restoring the exact key gets only it', async () => {
    expect(run2).toBeDefined()
    const engine = await wf.engine()
    const job = await wf.job('build', engine, { runId: 3 })
    const main = await job.step('main', inputs('images-run2'))
    expect(outcome(main)).toEqual(succeeded)
    expect(main.outputs).toMatchObject({ hit: 'true', 'matched-key': 'images-run2' })
    expect(rows(main).map((r) => [r.name, r.id])).toEqual([['app:1', ids.app2]])
    expect(await imageNames(engine)).toEqual(['app:1'])
    expect(await imageId(engine, 'app:1')).toBe(ids.app2)
    expect(await runWho(engine, 'app:1')).toBe('app-v2')

    // An exact hit means the stored images are current: the post step saves nothing, even what the job built.
    await buildBusybox(engine, 'extra:1', ['RUN echo extra > /who'])
    const from = wf.services.requests.length
    const post = await job.step('post', inputs('images-run2'))
    expect(outcome(post)).toEqual(succeeded)
    expect(post.stdout).toContain('The exact key "images-run2" was restored; not saving.')
    expect(wf.services.requests.slice(from)).toEqual([])
  })

  it('a job that changes no image saves nothing', async () => {
    const engine = await wf.engine()
    const job = await wf.job('build', engine, { runId: 4 })
    const main = await job.step('main', inputs('images-run4'))
    expect(main.outputs).toMatchObject({ hit: 'false', 'matched-key': 'images-run2' })
    const from = wf.services.requests.length
    const post = await job.step('post', inputs('images-run4'))
    expect(outcome(post)).toEqual(succeeded)
    expect(post.stdout).toMatch(/No image was created or changed during the job/)
    expect(wf.services.calls('CreateCacheEntry', from)).toEqual([])
  })
})
