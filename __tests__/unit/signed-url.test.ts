/** The signed URL a ranged artifact read uses: kept while young, asked again when old, refused or failed. */
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { signedUrl } from '../../src/backends/artifact-blobs.js'

afterEach(() => {
  jest.restoreAllMocks()
})

describe('signedUrl', () => {
  it('asks once while the URL is young, again once it is old or a read wants a fresh one', async () => {
    let now = 1_000
    jest.spyOn(Date, 'now').mockImplementation(() => now)
    let asked = 0
    const url = signedUrl(async () => `https://blob/${++asked}`, 45_000)
    expect(await url(false)).toBe('https://blob/1')
    now += 44_000
    expect(await url(false)).toBe('https://blob/1')
    expect(await url(true)).toBe('https://blob/2')
    now += 46_000
    expect(await url(false)).toBe('https://blob/3')
  })

  it('does not keep a failed answer: the next read asks again', async () => {
    const answers = [Promise.reject(new Error('503')), Promise.resolve('https://blob/ok')]
    answers[0]!.catch(() => undefined)
    const url = signedUrl(() => answers.shift()!)
    await expect(url(false)).rejects.toThrow('503')
    expect(await url(false)).toBe('https://blob/ok')
  })
})
