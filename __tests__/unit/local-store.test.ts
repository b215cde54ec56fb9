import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalStore, decodeKey, encodeKey, indexFileName } from '../../src/backends/local-store.js'
import { sweepStale } from '../../src/store/temporaries.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-local-store-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('local store keys', () => {
  it('encodes every key one way and decodes only what it would have written', () => {
    for (const key of ['images-linux-abc', 'a/b c', '..', '.tmp-x', 'ü', '%41', 'a.b*c', '\n::error::x']) {
      expect(decodeKey(indexFileName(key))).toBe(key)
    }
    expect(encodeKey('a.b')).toBe('a%2Eb')
    // Other spellings of the same bytes are not this store's files.
    expect(decodeKey('%61.json')).toBeUndefined()
    expect(decodeKey('a%2eb.json')).toBeUndefined()
    expect(decodeKey('a.b.json')).toBeUndefined()
    expect(decodeKey('readme.txt')).toBeUndefined()
  })

  it('applies one length rule to every key, before anything is written', async () => {
    expect(() => indexFileName('k'.repeat(250))).not.toThrow()
    expect(() => indexFileName('k'.repeat(251))).toThrow(/too long for backend: local \(256 bytes/)
    expect(() => indexFileName('ü'.repeat(42))).toThrow(/too long/)
    const store = createLocalStore(dir)
    await expect(store.writeIndex('k'.repeat(300), Buffer.from('{}'))).rejects.toThrow(/shorten it/)
    expect(await readdir(dir)).toEqual([])
  })
})

describe('local store indexes', () => {
  it('writes an index once: a second write of the key and the loser of a race are not saved', async () => {
    const store = createLocalStore(dir)
    expect(await store.writeIndex('k', Buffer.from('one'))).toEqual({ saved: true, key: 'k', bytes: 3 })
    expect(await store.hasIndex('k')).toBe(true)
    expect((await store.writeIndex('k', Buffer.from('two'))).saved).toBe(false)
    const race = await Promise.all([store.writeIndex('r', Buffer.from('a')), store.writeIndex('r', Buffer.from('b'))])
    expect(race.filter((r) => r.saved)).toHaveLength(1)
    expect((await store.readIndex('k', []))?.body.toString()).toBe('one')
    expect(await readdir(join(dir, 'tmp'))).toEqual([])
  })

  it('falls back on restore keys in order, newest entry of a prefix first', async () => {
    const store = createLocalStore(dir)
    for (const key of ['img-a', 'img-b', 'other-c']) await store.writeIndex(key, Buffer.from(key))
    const at = (key: string, seconds: number) => utimes(join(dir, 'index', indexFileName(key)), seconds, seconds)
    await Promise.all([at('img-a', 1000), at('img-b', 3000), at('other-c', 9000)])
    expect((await store.readIndex('img-a', ['img-']))?.matchedKey).toBe('img-a')
    expect((await store.readIndex('img-z', ['img-']))?.matchedKey).toBe('img-b')
    expect((await store.readIndex('img-z', ['nope-', 'other-']))?.matchedKey).toBe('other-c')
    expect(await store.readIndex('img-z', ['nope-'])).toBeUndefined()
  })

  it('explains a miss on a key the first release stored', async () => {
    const store = createLocalStore(dir)
    await writeFile(join(dir, `${encodeURIComponent('old key')}.tar.zst`), 'x')
    expect(await store.explainMiss('old key')).toMatch(/first release.*save the images again/)
    expect(await store.explainMiss('other')).toBeUndefined()
  })
})

describe('temporaries', () => {
  it('sweeps files a killed save left, and only old ones', async () => {
    const tmp = join(dir, 'tmp')
    await mkdir(tmp)
    await writeFile(join(tmp, 'chunk-1-0'), 'old')
    await writeFile(join(tmp, 'chunk-2-0'), 'new')
    const now = Date.now()
    await utimes(join(tmp, 'chunk-1-0'), (now - 2 * 3600_000) / 1000, (now - 2 * 3600_000) / 1000)
    expect(await sweepStale(tmp, now)).toBe(1)
    expect(await readdir(tmp)).toEqual(['chunk-2-0'])
  })
})
