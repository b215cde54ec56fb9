import { describe, expect, it } from '@jest/globals'
import { legacyImages } from '../../src/archive/legacy-model.js'
import type { ArchiveContents, ManifestEntry } from '../../src/archive/model.js'

const hex = 'c'.repeat(64)
const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { diff_ids: [] } }))
const contents: ArchiveContents = {
  files: new Map([[`${hex}.json`, { size: config.length, digest: `sha256:${hex}` }]]),
  json: new Map([[`${hex}.json`, config]]),
  nameFiles: new Map()
}

describe('legacy manifest.json entries of one config', () => {
  it('become one image carrying the names and the dropped names of every entry', () => {
    const entries: ManifestEntry[] = [
      { Config: `${hex}.json`, RepoTags: ['app:1', 'Bad Name:1'], Layers: [] },
      { Config: `${hex}.json`, RepoTags: ['app:2', 'Worse Name:2', 'Bad Name:1'], Layers: [] }
    ]
    const skipped: string[] = []
    const images = legacyImages(contents, entries, skipped)
    expect(images).toHaveLength(1)
    expect(images[0]?.names).toEqual(['app:1', 'app:2'])
    expect(images[0]?.droppedNames).toEqual(['Bad Name:1', 'Worse Name:2'])
    expect(skipped).toHaveLength(2)
  })
})
