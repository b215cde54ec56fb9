import { describe, expect, it } from '@jest/globals'
import { planTags } from '../../src/handoff/retag.js'
import { changedSelection } from '../../src/handoff/changes.js'
import { parseSelection } from '../../src/archive/select.js'
import type { ArchiveModel } from '../../src/archive/model.js'
import { parseTargetName } from '../../src/archive/reference.js'
import type { TagRule } from '../../src/inputs.js'

const rule = (source: string, target: string): TagRule => ({ source, target, targetRef: parseTargetName(target) })

const digest = (c: string) => `sha256:${c.repeat(64)}`
const model: ArchiveModel = {
  layout: 'docker',
  skipped: [],
  images: [
    { configDigest: digest('a'), names: ['app:ci', 'app:latest'], layers: [], size: 10 },
    { configDigest: digest('b'), names: ['tool:1'], layers: [], size: 20 },
    { configDigest: digest('c'), names: [], layers: [], size: 30 }
  ]
}

describe('retag plan', () => {
  it('resolves names, globs over one image and IDs of untagged images', () => {
    expect(
      planTags(
        [
          rule('app:*', 'registry.example/app:test'),
          rule('docker.io/library/tool:1', 'tool:renamed'),
          rule('cccccccccccc', 'orphan:1')
        ],
        model
      )
    ).toEqual([
      { ...rule('app:ci', 'registry.example/app:test'), configDigest: digest('a') },
      { ...rule('tool:1', 'tool:renamed'), configDigest: digest('b') },
      { ...rule(digest('c'), 'orphan:1'), configDigest: digest('c') }
    ])
  })

  it('refuses a source that matches nothing, several images, or a target claimed twice', () => {
    expect(() => planTags([rule('nope:*', 'x:1')], model)).toThrow(/matches none of the loaded images \(app:ci, tool:1/)
    expect(() => planTags([rule('*', 'x:1')], model)).toThrow(/matches 2 images/)
    expect(() => planTags([rule('app:ci', 'x:1'), rule('tool:1', 'x:1')], model)).toThrow(
      /TARGET of two different images/
    )
  })
})

describe('changed images', () => {
  const now = [
    { id: 'old', names: ['base:1'], size: 1 },
    { id: 'rebuilt', names: ['app:latest'], size: 1 },
    { id: 'new', names: ['tool:1', 'tool:2'], size: 1 },
    { id: 'dangling', names: [], size: 1 }
  ]
  it('selects images by ID that were not there before, named ones only', () => {
    expect(changedSelection(now, new Set(['old', 'previous-app-latest']), parseSelection([]))).toEqual({
      include: ['app:latest', 'tool:1', 'tool:2'],
      exclude: []
    })
  })
  it('applies the images filter', () => {
    expect(changedSelection(now, new Set(['old']), parseSelection(['tool:*', '!tool:2'])).include).toEqual(['tool:1'])
  })
})
