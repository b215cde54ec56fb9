import { describe, expect, it } from '@jest/globals'
import { artifactName, checkCacheKeys } from '../../src/backends/service-names.js'
import { HandoffError } from '../../src/errors.js'

describe('artifactName', () => {
  it('uses a valid key as the name unchanged', () => {
    for (const key of ['images', 'images-linux-amd64', 'app_ci.tar.zst', 'Images 1', 'ü-ñ'])
      expect(artifactName(key)).toBe(key)
  })

  it.each([
    ['images/linux', 'slash'],
    ['images\\linux', 'backslash'],
    ['app:ci', 'colon'],
    ['a"b', 'double quote'],
    ['a<b', 'less-than'],
    ['a>b', 'greater-than'],
    ['a|b', 'vertical bar'],
    ['a*', 'asterisk'],
    ['a?', 'question mark'],
    ['a\nb', 'line feed'],
    ['a\rb', 'carriage return']
  ])('rejects %j, naming the %s', (key, what) => {
    expect(() => artifactName(key)).toThrow(HandoffError)
    expect(() => artifactName(key)).toThrow(new RegExp(`may not contain a ${what}.*replace it`))
  })

  it('rejects names a download would mangle or that no file can carry', () => {
    expect(() => artifactName('')).toThrow(/empty/)
    expect(() => artifactName('..')).toThrow(/not usable/)
    expect(() => artifactName(' padded ')).toThrow(/surrounding spaces/)
    expect(() => artifactName('images.ZIP')).toThrow(/unzip/)
    expect(() => artifactName('é'.repeat(128))).toThrow(/255 bytes/)
    expect(artifactName('x'.repeat(255))).toHaveLength(255)
  })
})

describe('checkCacheKeys', () => {
  it('accepts keys the cache accepts', () => {
    expect(() =>
      checkCacheKeys(
        'k'.repeat(512),
        Array.from({ length: 9 }, (_, i) => `r${i}`)
      )
    ).not.toThrow()
  })

  it('rejects what the cache would reject, with the rule', () => {
    expect(() => checkCacheKeys('')).toThrow(/empty/)
    expect(() => checkCacheKeys('k'.repeat(513))).toThrow(/513 characters long; the cache accepts at most 512/)
    expect(() => checkCacheKeys('ok', ['a,b'])).toThrow(/"a,b" contains a comma/)
    expect(() =>
      checkCacheKeys(
        'ok',
        Array.from({ length: 10 }, (_, i) => `r${i}`)
      )
    ).toThrow(/at most 10 keys.*11 were given/)
  })
})
