import { describe, expect, it } from '@jest/globals'
import { parseSelection, resolveSelection, selects } from '../../src/archive/select.js'

const images = [
  { id: 'sha256:' + '1'.repeat(64), names: ['app:ci', 'app:latest'] },
  { id: 'sha256:' + '2'.repeat(64), names: ['ghcr.io/org/tool:1', 'ghcr.io/org/tool:2'] },
  { id: 'sha256:' + '3'.repeat(64), names: [] },
  { id: 'sha256:' + '4'.repeat(64), names: ['base:1'] }
]

describe('selection', () => {
  it('splits includes, excludes and comments', () => {
    expect(parseSelection(['app:*', ' !app:latest ', '# note', ''])).toEqual({
      include: ['app:*'],
      exclude: ['app:latest']
    })
  })

  it('matches globs on the familiar and the normalised form', () => {
    const sel = parseSelection(['docker.io/library/app:*'])
    expect(selects(sel, 'app:ci')).toBe(true)
    expect(selects(parseSelection(['ghcr.io/org/*']), 'ghcr.io/org/tool:1')).toBe(true)
    expect(selects(parseSelection(['ghcr.io/*']), 'ghcr.io/org/tool:1')).toBe(false)
    expect(selects(parseSelection(['ghcr.io/**']), 'ghcr.io/org/tool:1')).toBe(true)
  })

  it('treats a bare repository as all of its tags', () => {
    expect(resolveSelection(images, parseSelection(['ghcr.io/org/tool'])).refs).toEqual([
      'ghcr.io/org/tool:1',
      'ghcr.io/org/tool:2'
    ])
    expect(selects(parseSelection(['app']), 'docker.io/library/app:ci')).toBe(true)
  })

  it('resolves globs with excludes to names, and IDs to IDs', () => {
    const resolved = resolveSelection(images, parseSelection(['app:*', '!app:latest', '3333333333333']))
    expect(resolved.refs).toEqual(['app:ci', 'sha256:' + '3'.repeat(64)])
    expect(resolved.ids).toEqual(['sha256:' + '1'.repeat(64), 'sha256:' + '3'.repeat(64)])
  })

  it('names every pattern that matched nothing', () => {
    expect(() => resolveSelection(images, parseSelection(['nope:*', 'app:ci', 'other']))).toThrow(
      /"nope:\*", "other" matched no image/
    )
  })

  it('treats * or ** alone as every name, across registries, and reports what a glob left out', () => {
    const all = resolveSelection(images, parseSelection(['*']))
    expect(all.refs).toEqual(['app:ci', 'app:latest', 'ghcr.io/org/tool:1', 'ghcr.io/org/tool:2', 'base:1'])
    expect(all.leftOut).toEqual([])
    expect(resolveSelection(images, parseSelection(['**', '!base:*'])).leftOut).toEqual(['base:1'])
    expect(resolveSelection(images, parseSelection(['*:*'])).leftOut).toEqual([
      'ghcr.io/org/tool:1',
      'ghcr.io/org/tool:2'
    ])
  })

  it("matches a short name to podman's localhost/ name only when asked, and never a qualified one", () => {
    const podman = [{ id: 'sha256:' + '5'.repeat(64), names: ['localhost/pmapp:1', 'quay.io/x/pmapp:1'] }]
    expect(() => resolveSelection(podman, parseSelection(['pmapp:1']))).toThrow(/matched no image/)
    expect(resolveSelection(podman, parseSelection(['pmapp:1']), { shortNames: true }).refs).toEqual([
      'localhost/pmapp:1'
    ])
    expect(resolveSelection(podman, parseSelection(['pmapp:*']), { shortNames: true }).refs).toEqual([
      'localhost/pmapp:1'
    ])
    expect(selects(parseSelection(['docker.io/library/pmapp:1']), 'localhost/pmapp:1', { shortNames: true })).toBe(
      false
    )
    expect(selects(parseSelection(['!pmapp:1']), 'localhost/pmapp:1', { shortNames: true })).toBe(false)
  })
})
