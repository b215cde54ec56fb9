/**
 * The post step's policy, without an engine: it saves only what the job built, skips on an exact hit, and warns
 * instead of failing the job.
 */
import { describe, expect, it } from '@jest/globals'
import { runMain, runPost } from '../../src/handoff/run.js'
import { FakeRuntime, faulty, fakeEngines, fakeImages, fakeIO } from '../support/fake-action.js'
import { inputsFor, policyWorld } from '../support/policy-world.js'

const world = policyWorld()
const inputs = inputsFor(world)

describe('post step', () => {
  const done = (hit: string, ids: string[] = []): Record<string, string> => ({
    'image-ids': JSON.stringify(ids),
    hit,
    'main-done': 'true'
  })

  it('does nothing outside mode: auto', async () => {
    for (const mode of ['save', 'load']) {
      const io = fakeIO(inputs(mode, { images: 'app:*' }), done('false'))
      const engines = fakeEngines(new FakeRuntime(world.app.images), world.store)
      await runPost(io, engines)
      expect(io.calls).toEqual([])
      expect(engines.made).toEqual({ runtime: 0, store: 0 })
    }
  })

  it('skips on an exact hit, and when the main step did not finish', async () => {
    const hit = fakeIO(inputs('auto'), done('true'))
    const engines = fakeEngines(new FakeRuntime(world.app.images), world.store)
    await runPost(hit, engines)
    expect(hit.lines('info')).toEqual(['The exact key "images-1" was restored; not saving.'])
    const unfinished = fakeIO(inputs('auto'))
    await runPost(unfinished, engines)
    expect(unfinished.lines('warning')).toEqual([
      'The main step did not finish, so there is no record of the images present before the job; not saving.'
    ])
    expect(engines.made).toEqual({ runtime: 0, store: 0 })
  })

  it('saves only the images that appeared during the job', async () => {
    const base = await fakeImages([{ names: ['base:1'], layers: ['b'] }])
    const io = fakeIO(
      inputs('auto'),
      done(
        'false',
        base.images.map((i) => i.id)
      )
    )
    const runtime = new FakeRuntime([...base.images, ...world.app.images], {
      bytes: world.app.archive,
      images: world.app.images
    })
    await runPost(io, fakeEngines(runtime, world.store))
    expect(io.calls.filter((c) => /^(warning|fail)/.test(c))).toEqual([])
    expect(io.lines('info').join('\n')).toContain('Saving app:ci from docker under key "images-1"')
    expect(await world.store.hasIndex('images-1')).toBe(true)
    expect(io.summaries.join('')).toContain('image-handoff: saved 1 image')
    expect(io.outputs).toEqual({})
  })

  it('after an engine it could not reach, counts every image matching "images" as built during the job', async () => {
    const main = fakeIO(inputs('auto', { images: 'app:*' }))
    await runMain(main, fakeEngines(new Error('no socket'), world.store))
    const other = await fakeImages([{ names: ['tool:1'], layers: ['t'] }])
    const io = fakeIO(inputs('auto', { images: 'app:*' }), main.state)
    const runtime = new FakeRuntime([...other.images, ...world.app.images], {
      bytes: world.app.archive,
      images: world.app.images
    })
    await runPost(io, fakeEngines(runtime, world.store))
    expect(io.lines('info').join('\n')).toContain('Saving app:ci from docker under key "images-1"')
    expect(io.lines('info').join('\n')).not.toContain('tool:1')
    expect(await world.store.hasIndex('images-1')).toBe(true)
  })

  it('says so when nothing changed', async () => {
    const io = fakeIO(
      inputs('auto'),
      done(
        'false',
        world.app.images.map((i) => i.id)
      )
    )
    await runPost(io, fakeEngines(new FakeRuntime(world.app.images), world.store))
    expect(io.lines('info')).toEqual([
      'No image was created or changed during the job (or none matches "images"); nothing to save.'
    ])
    expect(await world.store.hasIndex('images-1')).toBe(false)
  })

  it('warns instead of failing: storage, engine or inputs, with the stack of the unexpected in debug', async () => {
    const broken = faulty(world.store, { writeIndex: () => Promise.reject(new RangeError('index too large')) })
    const runtime = new FakeRuntime(world.app.images, { bytes: world.app.archive, images: world.app.images })
    const storage = fakeIO(inputs('auto'), done('false'))
    await runPost(storage, fakeEngines(runtime, broken))
    expect(storage.failed).toEqual([])
    expect(storage.lines('warning')).toEqual(['Saving images in the post step failed: index too large'])
    expect(storage.lines('debug')[0]).toMatch(/^RangeError: index too large\n/)
    const engine = fakeIO(inputs('auto'), done('false'))
    await runPost(engine, fakeEngines(new Error('no socket'), world.store))
    expect(engine.failed).toEqual([])
    expect(engine.lines('warning')).toEqual(['Saving images in the post step failed: no socket'])
    const invalid = fakeIO({ ...inputs('auto'), 'github-token': 't0k', key: '' }, done('false'))
    await runPost(invalid, fakeEngines(runtime, world.store))
    expect(invalid.calls[0]).toBe('secret:t0k')
    expect(invalid.failed).toEqual([])
    expect(invalid.lines('warning')[0]).toMatch(/^Saving images in the post step failed: Input "key" is required/)
  })
})
