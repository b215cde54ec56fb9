/**
 * What the policy tests share: a real local store in a fresh temp directory per test, the image app:ci as an
 * engine would export it, and the step inputs that point at that store.
 */
import { afterEach, beforeEach, expect } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalStore } from '../../src/backends/local-store.js'
import { runMain } from '../../src/handoff/run.js'
import type { RuntimeImage } from '../../src/runtimes/runtime.js'
import type { BlobStore } from '../../src/store/blob-store.js'
import { FakeRuntime, fakeEngines, fakeImages, fakeIO } from './fake-action.js'

export interface PolicyWorld {
  dir: string
  store: BlobStore
  app: { archive: Buffer; images: RuntimeImage[] }
}

/** Registers the per-test setup; the returned object holds the current test's store and image. */
export function policyWorld(): PolicyWorld {
  const world = {} as PolicyWorld
  beforeEach(async () => {
    world.dir = await mkdtemp(join(tmpdir(), 'ih-policy-'))
    world.store = createLocalStore(world.dir)
    // A layer past the inline limit, so the store keeps it as a chunk.
    world.app ??= await fakeImages([{ names: ['app:ci'], layers: ['base', 'top'.repeat(40_000)] }])
  })
  afterEach(async () => {
    await rm(world.dir, { recursive: true, force: true })
  })
  return world
}

/** The inputs of a step in `mode` on the world's local store under key images-1, plus `extra`. */
export const inputsFor =
  (world: PolicyWorld) =>
  (mode: string, extra: Record<string, string> = {}): Record<string, string> => ({
    mode,
    backend: 'local',
    path: world.dir,
    key: 'images-1',
    ...extra
  })

/** Saves app:ci under `key` through the main step, as a build job would. */
export async function saved(world: PolicyWorld, key = 'images-1'): Promise<void> {
  const io = fakeIO(inputsFor(world)('save', { images: 'app:*', key }))
  const { app } = world
  await runMain(io, fakeEngines(new FakeRuntime(app.images, { bytes: app.archive, images: app.images }), world.store))
  expect(io.failed).toEqual([])
}

/** A runtime without the images, that comes to hold them when it takes the archive. */
export const emptyEngine = (world: PolicyWorld): FakeRuntime =>
  new FakeRuntime([], { bytes: Buffer.alloc(0), images: world.app.images })
