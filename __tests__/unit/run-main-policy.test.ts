/**
 * The failure policy of the main step, without an engine: a fake runner (ActionIO), a runtime in memory, a real
 * local store in a temp directory (wrapped where storage should fail) and a stepping clock.
 */
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { HandoffError } from '../../src/errors.js'
import { Output } from '../../src/handoff/io.js'
import { runMain } from '../../src/handoff/run.js'
import { FakeRuntime, faulty, fakeEngines, fakeImages, fakeIO } from '../support/fake-action.js'
import { emptyEngine as emptyIn, inputsFor, policyWorld, saved as savedIn } from '../support/policy-world.js'

const world = policyWorld()
const inputs = inputsFor(world)
const saved = (key?: string): Promise<void> => savedIn(world, key)
const emptyEngine = (): FakeRuntime => emptyIn(world)

describe('main step', () => {
  it('masks the token before anything else, even when the inputs are invalid', async () => {
    const io = fakeIO({ 'github-token': ' ghs_secret ', mode: 'sideways', key: 'k' })
    const engines = fakeEngines(emptyEngine(), world.store)
    await runMain(io, engines)
    expect(io.calls[0]).toBe('secret:ghs_secret')
    expect(io.failed).toEqual(['Input "mode" is "sideways"; use one of: save, load, auto.'])
    // No settings, so no entry to name, no hit output and no summary; nothing was started.
    expect(io.outputs).toEqual({})
    expect(io.summaries).toEqual([])
    expect(engines.made).toEqual({ runtime: 0, store: 0 })
  })

  it('masks nothing when no token is given', async () => {
    const io = fakeIO(inputs('auto'))
    await runMain(io, fakeEngines(emptyEngine(), world.store))
    expect(io.calls.filter((c) => c.startsWith('secret:'))).toEqual([])
  })

  it('saves: images and dropped-names outputs, a summary, no hit output', async () => {
    const both = await fakeImages([{ names: ['app:ci', 'App:CI'], layers: ['x'] }])
    const io = fakeIO(inputs('save', { images: 'app:*' }))
    const runtime = new FakeRuntime(both.images, { bytes: both.archive, images: both.images })
    await runMain(io, fakeEngines(runtime, world.store))
    expect(io.failed).toEqual([])
    expect(JSON.parse(io.outputs[Output.images] ?? '')).toEqual([
      { name: 'app:ci', id: both.images[0]?.id, size: expect.any(Number) }
    ])
    expect(JSON.parse(io.outputs[Output.droppedNames] ?? '')).toEqual([{ image: 'app:ci', names: ['App:CI'] }])
    expect(io.outputs[Output.hit]).toBeUndefined()
    expect(io.summaries.join('')).toContain('image-handoff: saved 1 image')
    expect(runtime.closed).toBe(true)
  })

  it('loads an exact hit: hit=true, the matched key, the rows; auto records what the engine holds after it', async () => {
    await saved()
    const io = fakeIO(inputs('auto'))
    await runMain(io, fakeEngines(emptyEngine(), world.store))
    expect(io.failed).toEqual([])
    expect(io.outputs[Output.hit]).toBe('true')
    expect(io.outputs[Output.matchedKey]).toBe('images-1')
    expect(JSON.parse(io.outputs[Output.images] ?? '').map((r: { name: string }) => r.name)).toEqual(['app:ci'])
    expect(io.outputs[Output.droppedNames]).toBe('[]')
    expect(io.state).toEqual({
      'image-ids': JSON.stringify(world.app.images.map((i) => i.id)),
      hit: 'true',
      'main-done': 'true'
    })
    expect(io.summaries.join('')).toContain('<strong>Outcome:</strong> hit')
    // Phase times come from the stepping clock (a second per reading), not the wall clock.
    expect(io.summaries.join('')).toMatch(/<strong>Time:<\/strong> fetch \d+\.0 s · load\+verify \d+\.0 s/)
  })

  it('takes a restore-key match as no hit and says which key matched', async () => {
    await saved('images-0')
    const io = fakeIO(inputs('auto', { 'restore-keys': 'images-' }))
    await runMain(io, fakeEngines(emptyEngine(), world.store))
    expect(io.outputs[Output.hit]).toBe('false')
    expect(io.outputs[Output.matchedKey]).toBe('images-0')
    expect(io.state.hit).toBe('false')
  })

  it('auto: a miss is normal; load: a miss fails the step naming the key', async () => {
    const auto = fakeIO(inputs('auto'))
    await runMain(auto, fakeEngines(emptyEngine(), world.store))
    expect(auto.failed).toEqual([])
    expect(auto.outputs).toMatchObject({ [Output.hit]: 'false', [Output.matchedKey]: '', [Output.images]: '[]' })
    expect(auto.lines('info')).toContain('No entry found in local for "images-1"; nothing to load.')
    const load = fakeIO(inputs('load'))
    await runMain(load, fakeEngines(emptyEngine(), world.store))
    expect(load.failed).toEqual([
      'No entry found in local for "images-1". Save the images first (mode: save) with the same key, or check the key.'
    ])
    expect(load.outputs[Output.hit]).toBe('false')
  })

  it('auto treats a restore failure as a miss; load fails with hit=false and the entry named', async () => {
    await saved()
    const broken = faulty(world.store, { readIndex: () => Promise.reject(new Error('storage is down')) })
    const auto = fakeIO(inputs('auto'))
    await runMain(auto, fakeEngines(emptyEngine(), broken))
    expect(auto.failed).toEqual([])
    expect(auto.lines('warning')).toEqual([
      'Could not restore images, continuing as a cache miss (the post step saves what the job builds): storage is down'
    ])
    expect(auto.outputs[Output.hit]).toBe('false')
    expect(auto.state['main-done']).toBe('true')
    const load = fakeIO(inputs('load'))
    await runMain(load, fakeEngines(emptyEngine(), broken))
    expect(load.failed).toEqual(['storage is down (entry "images-1", backend: local)'])
    expect(load.outputs[Output.hit]).toBe('false')
    expect(load.summaries.join('')).toContain('load failed')
  })

  it('auto treats a chunk that cannot be fetched, or is no longer stored, as a miss', async () => {
    await saved()
    const unfetchable = fakeIO(inputs('auto'))
    const engine = emptyEngine()
    await runMain(
      unfetchable,
      fakeEngines(engine, faulty(world.store, { get: () => Promise.reject(new Error('503')) }))
    )
    expect(unfetchable.failed).toEqual([])
    expect(unfetchable.lines('warning').join('\n')).toMatch(/continuing as a cache miss .*503/)
    expect(engine.images).toEqual([])
    const evicted = fakeIO(inputs('auto'))
    await runMain(evicted, fakeEngines(emptyEngine(), faulty(world.store, { has: async () => false })))
    expect(evicted.failed).toEqual([])
    expect(evicted.outputs[Output.hit]).toBe('false')
    expect(evicted.lines('info').join('\n')).toMatch(/names \d+ chunk\(s\) no longer in the local store/)
  })

  it('fails in every mode once the engine took the archive and rejected it', async () => {
    await saved()
    const engine = emptyEngine()
    engine.importError = new HandoffError('the engine refused the archive')
    const io = fakeIO(inputs('auto'))
    await runMain(io, fakeEngines(engine, world.store))
    expect(io.failed).toEqual(['the engine refused the archive (entry "images-1", backend: local)'])
    expect(io.outputs[Output.hit]).toBe('false')
  })

  it('auto: an engine it cannot reach is a miss with every output set; load and save fail', async () => {
    const unreachable = new Error('connect ENOENT /var/run/docker.sock')
    const auto = fakeIO(inputs('auto'))
    await runMain(auto, fakeEngines(unreachable, world.store))
    expect(auto.failed).toEqual([])
    expect(auto.lines('warning')).toEqual([
      `Could not reach the container engine, continuing as a cache miss (the post step tries again to save what the job builds): ${unreachable.message}`
    ])
    expect(auto.outputs).toEqual({ hit: 'false', 'matched-key': '', images: '[]', 'dropped-names': '[]' })
    expect(auto.state).toEqual({ 'image-ids': '[]', hit: 'false', 'main-done': 'true' })
    expect(auto.lines('debug')).toEqual([unreachable.stack])
    for (const mode of ['load', 'save']) {
      const io = fakeIO(inputs(mode, { images: 'app:*' }))
      await runMain(io, fakeEngines(unreachable, world.store))
      expect(io.failed).toEqual([`${unreachable.message} (entry "images-1", backend: local)`])
      expect(io.outputs[Output.hit]).toBe(mode === 'load' ? 'false' : undefined)
      expect(io.summaries.join('')).toContain(`${mode} failed`)
    }
  })

  it('sends the stack of an unexpected error to debug, not that of a failure the user can act on', async () => {
    const bug = new TypeError('Cannot read properties of undefined')
    const io = fakeIO(inputs('save', { images: 'app:*' }))
    await runMain(io, fakeEngines(emptyEngine(), bug))
    expect(io.failed).toEqual(['Cannot read properties of undefined (entry "images-1", backend: local)'])
    expect(io.lines('debug')).toEqual([bug.stack])
    const known = fakeIO(inputs('save', { images: 'app:*' }))
    await runMain(known, fakeEngines(emptyEngine(), new HandoffError('the path is a file; choose a directory')))
    expect(known.failed).toEqual(['the path is a file; choose a directory (entry "images-1", backend: local)'])
    expect(known.lines('debug')).toEqual([])
  })

  it('does not name the entry twice when the message already does', async () => {
    const io = fakeIO(inputs('save', { images: 'nothing:*' }))
    await runMain(io, fakeEngines(new FakeRuntime(world.app.images), world.store))
    expect(io.failed).toHaveLength(1)
    expect(io.failed[0]).toMatch(/^Input "images": .*\(entry "images-1", backend: local\)$/)
    await saved()
    const load = fakeIO(inputs('load', { key: 'images-1', images: 'other:*' }))
    await runMain(load, fakeEngines(emptyEngine(), world.store))
    expect(load.failed).toEqual([
      'Input "images" selects none of the stored images (app:ci); fix the patterns. (entry "images-1", backend: local)'
    ])
    const named = fakeIO(inputs('load', { key: 'gone' }))
    await runMain(named, fakeEngines(emptyEngine(), world.store))
    expect(named.failed[0]).not.toContain('(entry ')
  })

  it('saves nothing under a key that is taken: entries are immutable, and that is no failure', async () => {
    await saved()
    const io = fakeIO(inputs('save', { images: 'app:*' }))
    await runMain(
      io,
      fakeEngines(
        new FakeRuntime(world.app.images, { bytes: world.app.archive, images: world.app.images }),
        world.store
      )
    )
    expect(io.failed).toEqual([])
    expect(io.lines('info')).toContain(
      'Not saved: the store already holds an entry under "images-1" (entries are immutable; change the key to store new images).'
    )
    expect(io.outputs[Output.images]).toBe('[]')
    expect(io.summaries.join('')).toContain('image-handoff: nothing saved')
  })

  it('fails a save whose engine archive lacks a selected image, and stores no index', async () => {
    const other = await fakeImages([{ names: ['app:other'], layers: ['o'] }])
    const io = fakeIO(inputs('save', { images: 'app:*' }))
    const runtime = new FakeRuntime([...world.app.images, ...other.images], {
      bytes: world.app.archive,
      images: world.app.images
    })
    await runMain(io, fakeEngines(runtime, world.store))
    expect(io.failed).toHaveLength(1)
    expect(io.failed[0]).toMatch(/^The engine's archive lacks image\(s\) sha256:[0-9a-f]{64}; nothing was stored\./)
    expect(await world.store.hasIndex('images-1')).toBe(false)
  })

  it('takes an entry that is not an index this release reads as a miss in auto, and fails a load on it', async () => {
    await world.store.prepare()
    expect((await world.store.writeIndex('images-1', Buffer.from('{"format":"something else"}'))).saved).toBe(true)
    const auto = fakeIO(inputs('auto'))
    await runMain(auto, fakeEngines(emptyEngine(), world.store))
    expect(auto.failed).toEqual([])
    expect(auto.outputs[Output.hit]).toBe('false')
    expect(auto.lines('info').join('\n')).toMatch(/^No entry found in local for "images-1" \("images-1": /)
    const load = fakeIO(inputs('load'))
    await runMain(load, fakeEngines(emptyEngine(), world.store))
    expect(load.failed[0]).toMatch(/^No entry found in local for "images-1" \("images-1": .*\)\. Save the images first/)
  })

  it('warns that restore-keys do not apply to an artifact, and tells the inputs it ignored', async () => {
    const io = fakeIO({ mode: 'auto', backend: 'artifact', key: 'images-1', 'restore-keys': 'images-' })
    await runMain(io, fakeEngines(emptyEngine(), world.store))
    expect(io.lines('warning')).toContain(
      'Input "restore-keys" does not apply to backend: artifact (an artifact is found by its exact name); ignoring it.'
    )
    const local = fakeIO(inputs('auto', { 'retention-days': '3' }))
    await runMain(local, fakeEngines(emptyEngine(), world.store))
    expect(local.lines('warning')).toEqual([
      'Input "retention-days" applies only to backend: artifact; ignored with backend: local.'
    ])
  })
})

it('names every output action.yml declares, and no other', async () => {
  const declared = Object.keys((parse(await readFile('action.yml', 'utf8')) as { outputs: object }).outputs)
  expect(Object.values(Output).sort()).toEqual(declared.sort())
})
