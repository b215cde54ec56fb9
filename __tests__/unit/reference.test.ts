import { describe, expect, it } from '@jest/globals'
import {
  familiarName,
  isImageId,
  normalizedName,
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
