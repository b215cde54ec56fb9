import { describe, expect, it } from '@jest/globals'
import { danglingName } from '../../src/handoff/dangling.js'
import { parseInputs } from '../../src/inputs.js'

const id = 'sha256:' + 'ab'.repeat(32)

describe('dangling-name-prefix', () => {
  it('names an untagged image by a tag on Docker and podman, by a digest reference on containerd', () => {
    expect(danglingName('untagged', 'docker', id)).toBe(`untagged:sha256-${'ab'.repeat(32)}`)
    expect(danglingName('ghcr.io/org/untagged', 'podman', id)).toBe(`ghcr.io/org/untagged:sha256-${'ab'.repeat(32)}`)
    expect(danglingName('untagged', 'containerd', id)).toBe(`untagged@${id}`)
    expect(danglingName('ghcr.io/org/untagged', 'kind', id)).toBe(`ghcr.io/org/untagged@${id}`)
  })

  it('takes a repository name only, on load; is ignored with a warning on save', () => {
    const parse = (inputs: Record<string, string>) => parseInputs((name) => inputs[name] ?? '', {})
    expect(parse({ key: 'k', mode: 'load', 'dangling-name-prefix': 'docker.io/library/untagged' })).toMatchObject({
      danglingNamePrefix: 'untagged'
    })
    expect(() => parse({ key: 'k', mode: 'load', 'dangling-name-prefix': 'untagged:1' })).toThrow(
      /without tag or digest/
    )
    expect(() => parse({ key: 'k', mode: 'load', 'dangling-name-prefix': 'Untagged' })).toThrow(
      /dangling-name-prefix.*lowercase/
    )
    const saved = parse({ key: 'k', mode: 'save', images: 'a', 'dangling-name-prefix': 'untagged' })
    expect(saved.danglingNamePrefix).toBeUndefined()
    expect(saved.warnings).toEqual([expect.stringMatching(/dangling-name-prefix.*ignored with mode: save/)])
  })
})
