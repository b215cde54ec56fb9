import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BlobStore } from '../../src/store/blob-store.js'
import type { StoreIndex } from '../../src/store/format.js'
import { planGroups, sharedLayerBytes } from '../../src/store/load-groups.js'
import type { HeldLayers, LoadPlan } from '../../src/store/load-plan.js'
import {
  assembled,
  intoStore,
  jsonIn,
  legacyFiles,
  makeTar,
  readTar,
  type ImageSpec,
  type TarFile
} from '../support/archive-fixtures.js'

const bigBase = 'b'.repeat(sharedLayerBytes + 1024)
const smallBase = 's'.repeat(64 * 1024)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-groups-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A legacy archive of `images`; a layer two images share is written once, as `docker save` does. */
async function stored(images: ImageSpec[]): Promise<{ index: StoreIndex; store: BlobStore }> {
  const seen = new Set<string>()
  const files = (await legacyFiles(images)).filter((file: TarFile) => !seen.has(file.name) && seen.add(file.name))
  return intoStore(await makeTar(files), dir)
}

const namesOf = (plan: LoadPlan): string[][] => plan.model.images.map((image) => image.names)

describe('planGroups', () => {
  it('splits images with nothing large in common into balanced archives that each name only their images', async () => {
    const { index, store } = await stored(
      ['a', 'b', 'c', 'd'].map((n) => ({ names: [`${n}:1`], layers: [smallBase, `${n}-top`] }))
    )
    const { whole, groups } = planGroups(index, {}, {}, 2)
    expect(groups).toHaveLength(2)
    expect(groups.map((group) => group.model.images.length)).toEqual([2, 2])
    expect(groups.flatMap(namesOf).sort()).toEqual(namesOf(whole).sort())
    for (const group of groups) {
      const tar = await readTar(await assembled(index, group, store))
      // Every archive carries the small layer its images share; the engine keeps one copy.
      const layers = tar.filter((entry) => entry.name.endsWith('/layer.tar')).map((entry) => entry.body.toString())
      expect(layers.filter((body) => body.includes(smallBase))).toHaveLength(1)
      expect(layers).toHaveLength(3)
      const manifest = (await jsonIn(await assembled(index, group, store), 'manifest.json')) as { RepoTags: string[] }[]
      expect(manifest.map((entry) => entry.RepoTags)).toEqual(namesOf(group))
      expect(tar.at(-1)?.name).toBe('repositories')
    }
  })

  it('keeps the images that need one large layer in one archive, so it is sent once', async () => {
    const { index } = await stored([
      { names: ['a:1'], layers: [bigBase, 'a-top'] },
      { names: ['b:1'], layers: [bigBase, 'b-top'] },
      { names: ['c:1'], layers: [smallBase, 'c-top'] }
    ])
    const { groups } = planGroups(index, {}, {}, 3)
    expect(groups.map(namesOf).sort()).toEqual([[['a:1'], ['b:1']], [['c:1']]])
    const [withBase] = groups.filter((group) => group.model.images.length === 2)
    expect(withBase!.sendBytes).toBeGreaterThan(sharedLayerBytes)
    expect(groups.reduce((sum, group) => sum + group.sendBytes, 0)).toBeLessThan(2 * sharedLayerBytes)
  })

  it('splits images whose large shared layer the engine already holds', async () => {
    const images = [
      { names: ['a:1'], layers: [bigBase, 'a-top'] },
      { names: ['b:1'], layers: [bigBase, 'b-top'] }
    ]
    const { index } = await stored(images)
    const base = planGroups(index, {}, {}, 1).whole.model.images[0]!.layers[0]!.diffId!
    const held: HeldLayers = { chainIds: new Set([base]) }
    const { groups } = planGroups(index, {}, held, 2)
    expect(groups.map(namesOf)).toEqual([[['a:1']], [['b:1']]])
    for (const group of groups) expect(group.sendBytes).toBeLessThan(64 * 1024)
  })

  it('sends one archive for one image, for one way, and keeps a load selection in every archive', async () => {
    const { index } = await stored(['a', 'b', 'c'].map((n) => ({ names: [`${n}:1`], layers: [`${n}-top`] })))
    const one = planGroups(index, { keep: (image) => image.names.includes('a:1') }, {}, 4)
    expect(one.groups).toEqual([one.whole])
    const single = planGroups(index, {}, {}, 1)
    expect(single.groups).toEqual([single.whole])
    const picked = planGroups(index, { keep: (image) => !image.names.includes('b:1') }, {}, 4)
    expect(picked.groups.map(namesOf).sort()).toEqual([[['a:1']], [['c:1']]])
  })
})
