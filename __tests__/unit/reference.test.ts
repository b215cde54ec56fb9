import { describe, expect, it } from '@jest/globals'
import {
  familiarName,
  idHasPrefix,
  isImageId,
  normalizedName,
  oneByIdPrefix,
  parseReference,
  parseTargetName,
  sameName
} from '../../src/archive/reference.js'

describe('image references', () => {
  it.each([
    ['app', 'docker.io/library/app', 'app'],
    ['app:ci', 'docker.io/library/app:ci', 'app:ci'],
    ['org/app:1', 'docker.io/org/app:1', 'org/app:1'],
    ['docker.io/library/app:1', 'docker.io/library/app:1', 'app:1'],
    ['index.docker.io/library/app:1', 'docker.io/library/app:1', 'app:1'],
    ['ghcr.io/org/app:1', 'ghcr.io/org/app:1', 'ghcr.io/org/app:1'],
    ['localhost/app:1', 'localhost/app:1', 'localhost/app:1'],
    ['localhost:5000/a/b:1', 'localhost:5000/a/b:1', 'localhost:5000/a/b:1'],
    [`app@sha256:${'a'.repeat(64)}`, `docker.io/library/app@sha256:${'a'.repeat(64)}`, `app@sha256:${'a'.repeat(64)}`]
  ])('%s normalises to %s and prints as %s', (input, normal, familiar) => {
    const ref = parseReference(input)
    expect(normalizedName(ref)).toBe(normal)
    expect(familiarName(ref)).toBe(familiar)
  })

  it.each(['App:1', 'app:', ':1', 'a b', 'app:-x', ''])('rejects %j', (input) => {
    expect(() => parseReference(input)).toThrow(/not a valid image reference|empty|lowercase/)
  })

  it('names the lowercase rule for uppercase names', () => {
    expect(() => parseReference('Registry.example/App:1')).toThrow(/lowercase/)
  })

  it('refuses digest targets and defaults the tag', () => {
    expect(() => parseTargetName(`app@sha256:${'b'.repeat(64)}`)).toThrow(/digest/)
    expect(familiarName(parseTargetName('registry.example/app'))).toBe('registry.example/app:latest')
  })

  it('compares names however they are spelled', () => {
    expect(sameName('app', 'docker.io/library/app:latest')).toBe(true)
    expect(sameName('app:1', 'app:2')).toBe(false)
  })

  it('recognises image IDs', () => {
    expect(isImageId(`sha256:${'c'.repeat(64)}`)).toBe(true)
    expect(isImageId('0123456789ab')).toBe(true)
    expect(isImageId('app:1')).toBe(false)
  })
})

describe('images by ID prefix', () => {
  const a = `sha256:abcdef012345${'1'.repeat(52)}`
  const b = `sha256:abcdef012345${'2'.repeat(52)}`
  it('matches an ID or a prefix of it, with or without sha256:, and nothing that is no image ID', () => {
    expect(idHasPrefix(a, 'abcdef012345')).toBe(true)
    expect(idHasPrefix(a, 'sha256:abcdef012345')).toBe(true)
    expect(idHasPrefix(a, a)).toBe(true)
    expect(idHasPrefix(b, 'abcdef0123451')).toBe(false)
    expect(idHasPrefix(a, 'abcdef')).toBe(false)
    expect(idHasPrefix(a, 'app:ci')).toBe(false)
  })
  it('finds the one image a prefix names, none, or refuses a prefix two images share', () => {
    const images = [{ id: a }, { id: b }]
    expect(oneByIdPrefix(images, 'abcdef0123452', (i) => i.id)).toEqual({ id: b })
    expect(oneByIdPrefix(images, '999999999999', (i) => i.id)).toBeUndefined()
    expect(oneByIdPrefix(images, 'app:ci', (i) => i.id)).toBeUndefined()
    expect(oneByIdPrefix([{ id: undefined }], 'abcdef012345', (i) => i.id)).toBeUndefined()
    expect(() => oneByIdPrefix(images, 'abcdef012345', (i) => i.id)).toThrow(
      '"abcdef012345" matches 2 images; give more of the ID.'
    )
  })
})
