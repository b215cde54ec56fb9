import { describe, expect, it } from '@jest/globals'
import type { ArchiveImage, ArchiveModel } from '../../src/archive/model.js'
import { describeImages, imageRows } from '../../src/handoff/report.js'
import { engineIdsOf } from '../../src/handoff/verify.js'

const digest = (c: string): string => `sha256:${c.repeat(64)}`
const image = (
  config: string,
  manifest: string | undefined,
  names: string[],
  platform: string,
  layers: [string, number][]
): ArchiveImage => ({
  configDigest: digest(config),
  ...(manifest ? { manifestDigest: digest(manifest) } : {}),
  names,
  platform,
  layers: layers.map(([path, size]) => ({ path, size })),
  size: layers.reduce((s, [, n]) => s + n, 0) + 100
})

describe("the IDs a save reports are the engine's own", () => {
  const single = image('a', 'b', ['app:ci', 'app:latest'], 'linux/amd64', [['blobs/sha256/l1', 1000]])
  const untagged = image('c', 'd', [], 'linux/amd64', [['blobs/sha256/l2', 500]])
  // Two platforms of one index (digest e): one image on the containerd store, sharing layer l3.
  const amd64 = image('f', 'e', ['multi:1'], 'linux/amd64', [
    ['blobs/sha256/l3', 300],
    ['blobs/sha256/l4', 40]
  ])
  const arm64 = image('9', 'e', ['multi:1'], 'linux/arm64', [
    ['blobs/sha256/l3', 300],
    ['blobs/sha256/l5', 60]
  ])
  const model: ArchiveModel = { layout: 'oci', images: [single, untagged, amd64, arm64], skipped: [] }

  it('gives the config digest where the engine selected images by it (classic store)', () => {
    const ids = engineIdsOf(model, [digest('a'), digest('c')])
    expect(imageRows(model, ids).slice(0, 3)).toEqual([
      { name: 'app:ci', id: digest('a'), size: 1100 },
      { name: 'app:latest', id: digest('a'), size: 1100 },
      { name: digest('c'), id: digest('c'), size: 600 }
    ])
  })

  it('gives the manifest or index digest where the engine knows images by it (containerd store), one row a name', () => {
    const ids = engineIdsOf(model, [digest('b'), digest('d'), digest('e')])
    expect(imageRows(model, ids)).toEqual([
      { name: 'app:ci', id: digest('b'), size: 1100 },
      { name: 'app:latest', id: digest('b'), size: 1100 },
      { name: digest('d'), id: digest('d'), size: 600 },
      { name: 'multi:1', id: digest('e'), size: 300 + 40 + 60 + 200 }
    ])
    expect(describeImages(model, ids)).toBe(
      `app:ci, app:latest (${digest('b').slice(0, 19)}, 1.1 KiB); (${digest('d').slice(0, 19)}, 600 B); multi:1 (${digest('e').slice(0, 19)}, 600 B)`
    )
  })

  it('keeps platforms apart when nothing maps them to one ID', () => {
    expect(imageRows({ ...model, images: [amd64, arm64] }).map((r) => r.id)).toEqual([digest('f'), digest('9')])
  })
})
