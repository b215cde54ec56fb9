import { describe, expect, it } from '@jest/globals'
import { matchesPlatform, parsePlatform, platformOf } from '../../src/archive/platform.js'

describe('platforms', () => {
  it('parses os/arch[/variant] into the OCI platform object', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(parsePlatform(' linux/arm64/v8 ')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' })
    expect(parsePlatform('linux/x86_64')).toEqual({ os: 'linux', architecture: 'x86_64' })
  })

  it('refuses every other spelling', () => {
    for (const bad of ['linux', 'linux/', 'a/b/c/d', 'linux/am d64', 'Linux/amd64', 'linux/amd64/', '/amd64'])
      expect(parsePlatform(bad)).toBeUndefined()
  })

  it('spells a platform object or an image config as os/arch[/variant]', () => {
    expect(platformOf({ os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe('linux/arm64/v8')
    expect(platformOf({ OS: 'linux', Architecture: 'amd64', Variant: '' })).toBe('linux/amd64')
    expect(platformOf({ os: 'linux' })).toBeUndefined()
    expect(platformOf('linux/amd64')).toBeUndefined()
  })

  it('matches a platform exactly, any variant unless one is given', () => {
    const arm64 = { os: 'linux', architecture: 'arm64', variant: 'v8' }
    expect(matchesPlatform(arm64, 'linux/arm64')).toBe(true)
    expect(matchesPlatform(arm64, 'linux/arm64/v8')).toBe(true)
    expect(matchesPlatform(arm64, 'linux/arm64/v7')).toBe(false)
    expect(matchesPlatform(arm64, 'linux/arm')).toBe(false)
    expect(matchesPlatform({ os: 'linux', architecture: 'amd64' }, 'linux/arm64')).toBe(false)
    expect(matchesPlatform(undefined, 'linux/amd64')).toBe(false)
  })
})
