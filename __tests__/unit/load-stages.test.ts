import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BlobStore } from '../../src/store/blob-store.js'
import type { StoreIndex } from '../../src/store/format.js'
import { chainIds, planLoad, type HeldLayers } from '../../src/store/load-plan.js'
import { planStages, type Stage } from '../../src/store/load-stages.js'
import {
  assembled,
  intoStore,
  jsonIn,
  legacyFiles,
  makeTar,
  readTar,
  sha256,
  type ImageSpec
} from '../support/archive-fixtures.js'

/** The stages' minimum in these tests: layers of 100 KiB stand in for layers of tens of MB. */
const minBytes = 64 * 1024
const big = (c: string): string => c.repeat(100 * 1024)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-stages-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function stored(images: ImageSpec[]): Promise<{ index: StoreIndex; store: BlobStore }> {
  return intoStore(await makeTar(await legacyFiles(images)), dir)
}

function staged(index: StoreIndex, held: HeldLayers = {}) {
  const whole = planLoad(index, {}, held)
  return { whole, ...planStages(index, whole, {}, held, minBytes) }
}

async function layersIn(index: StoreIndex, archive: Stage | ReturnType<typeof planLoad>, store: BlobStore) {
  const tar = await readTar(await assembled(index, archive, store))
  return tar.filter((entry) => entry.name.endsWith('/layer.tar')).map((entry) => entry.body.toString())
}

interface Manifest {
  Config: string
  RepoTags: string[] | null
  Layers: string[]
}

describe('planStages', () => {
  it('sends the bottom layers first under stand-in images the engine can register, and leaves them out of the last archive', async () => {
    const { index, store } = await stored([{ names: ['app:1'], layers: [big('a'), big('b'), big('c'), 'top'] }])
    const { whole, stages, last } = staged(index)
    const image = whole.model.images[0]!
    expect(stages).toHaveLength(2)
    for (const [at, stage] of stages.entries()) {
      const archive = await assembled(index, stage, store)
      expect(await layersIn(index, stage, store)).toEqual([expect.stringContaining(['a', 'b'][at]!.repeat(1000))])
      const [manifest] = (await jsonIn(archive, 'manifest.json')) as Manifest[]
      // Every layer below the cut is named; those sent before are held by the time the engine reads this.
      expect(manifest).toEqual({
        Config: `image-handoff-stage-${at + 1}.json`,
        RepoTags: null,
        Layers: image.layers.slice(0, at + 1).map((layer) => layer.path)
      })
      const config = (await readTar(archive)).find((entry) => entry.name === manifest!.Config)!.body
      expect(stage.imageId).toBe(sha256(config))
      expect(JSON.parse(config.toString())).toEqual({
        architecture: 'amd64',
        os: 'linux',
        config: { Labels: { 'org.image-handoff.stage': `${at + 1} of ${image.configDigest}` } },
        rootfs: { type: 'layers', diff_ids: image.layers.slice(0, at + 1).map((layer) => layer.diffId) }
      })
    }
    const rest = await layersIn(index, last, store)
    expect(rest).toHaveLength(2)
    expect(rest[0]).toContain('c'.repeat(1000))
    expect(rest[1]).toContain('top')
    expect(((await jsonIn(await assembled(index, last, store), 'manifest.json')) as Manifest[])[0]!.RepoTags).toEqual([
      'app:1'
    ])
    expect(last.model).toEqual(whole.model)
    const sent = [...stages, last].reduce((sum, archive) => sum + archive.sendBytes, 0)
    expect(sent).toBeGreaterThanOrEqual(whole.sendBytes)
    expect(sent).toBeLessThan(whole.sendBytes + 8 * 1024)
  })

  it('counts only the layers the engine lacks: held bottom layers are named in a stage, never sent', async () => {
    const { index, store } = await stored([{ names: ['app:1'], layers: [big('a'), big('b'), big('c'), 'top'] }])
    const layers = planLoad(index, {}, {}).model.images[0]!.layers
    const { stages, last } = staged(index, { chainIds: new Set([chainIds(layers)[0]!]) })
    expect(stages).toHaveLength(1)
    expect(await layersIn(index, stages[0]!, store)).toEqual([expect.stringContaining('b'.repeat(1000))])
    const [manifest] = (await jsonIn(await assembled(index, stages[0]!, store), 'manifest.json')) as Manifest[]
    expect(manifest!.Layers).toEqual(layers.slice(0, 2).map((layer) => layer.path))
    expect((await layersIn(index, last, store)).map((body) => body.includes('a'.repeat(1000)))).toEqual([false, false])
  })

  it('stages the image with the most to send, and only the layers of its own chain leave the last archive', async () => {
    const { index, store } = await stored([
      { names: ['small:1'], layers: ['s-base', 's-top'] },
      { names: ['big:1'], layers: [big('a'), big('b'), 'top'] }
    ])
    const { whole, stages, last } = staged(index)
    expect(stages).toHaveLength(1)
    const big1 = whole.model.images.find((image) => image.names.includes('big:1'))!
    expect(stages[0]!.nameFiles[0]!.body.toString()).toContain(big1.configDigest)
    const rest = await layersIn(index, last, store)
    expect(rest.some((body) => body.includes('a'.repeat(1000)))).toBe(false)
    expect(rest.filter((body) => body.includes('s-'))).toHaveLength(2)
  })

  it('does not stage a load too small to pay, or an image without a platform or diff IDs', async () => {
    const small = await stored([{ names: ['app:1'], layers: ['a', 'b', 'c'] }])
    const plain = staged(small.index)
    expect(plain.stages).toEqual([])
    expect(plain.last).toBe(plain.whole)
    const { index } = await stored([{ names: ['app:1'], layers: [big('a'), big('b'), big('c')] }])
    const whole = planLoad(index, {}, {})
    const noPlatform = {
      ...whole,
      model: { ...whole.model, images: whole.model.images.map(({ platform: _, ...image }) => image) }
    }
    expect(planStages(index, noPlatform, {}, {}, minBytes).stages).toEqual([])
    const noDiffIds = {
      ...whole,
      model: {
        ...whole.model,
        images: whole.model.images.map((image) => ({
          ...image,
          layers: image.layers.map(({ diffId: _, ...layer }) => layer)
        }))
      }
    }
    expect(planStages(index, noDiffIds, {}, {}, minBytes).stages).toEqual([])
  })
})
