import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalBackend, entryFileName, keyOfFileName, pickEntry } from '../../src/backends/local.js'

describe('local backend', () => {
  it('round-trips keys through file names, ignoring partial files', () => {
    for (const key of ['images-linux-abc', 'a/b c', '..', 'ü']) expect(keyOfFileName(entryFileName(key))).toBe(key)
    expect(keyOfFileName('.partial-123-x.tar.zst')).toBeUndefined()
  })

  it('prefers the exact key, then the newest match of each restore key in order', () => {
    const entries = [{ key: 'img-a', mtimeMs: 1 }, { key: 'img-b', mtimeMs: 3 }, { key: 'other-c', mtimeMs: 9 }]
    expect(pickEntry(entries, 'img-a', ['img-'])?.key).toBe('img-a')
    expect(pickEntry(entries, 'img-z', ['img-'])?.key).toBe('img-b')
    expect(pickEntry(entries, 'img-z', ['nope-', 'other-'])?.key).toBe('other-c')
    expect(pickEntry(entries, 'img-z', ['nope-'])).toBeUndefined()
  })

  it('stores atomically and never overwrites an entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ih-local-'))
    const backend = createLocalBackend(dir)
    const first = await backend.save('k', (file) => writeFile(file, 'one'))
    expect(first).toEqual({ saved: true, key: 'k', bytes: 3 })
    expect(await backend.exists('k')).toBe(true)
    const second = await backend.save('k', (file) => writeFile(file, 'two'))
    expect(second.saved).toBe(false)
    await expect(backend.save('broken', async (file) => {
      await writeFile(file, 'half')
      throw new Error('engine died')
    })).rejects.toThrow('engine died')
    expect(await readdir(dir)).toEqual([entryFileName('k')])
    const entry = await backend.restore('x', ['k'])
    expect(entry?.matchedKey).toBe('k')
    expect(await readFile(entry!.file, 'utf8')).toBe('one')
  })

  it('lets exactly one of two concurrent saves of one key win', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ih-local-'))
    const backend = createLocalBackend(dir)
    const slow = (text: string) => async (file: string) => {
      await new Promise((r) => setTimeout(r, 50))
      await writeFile(file, text)
    }
    const results = await Promise.all([backend.save('k', slow('a')), backend.save('k', slow('b'))])
    expect(results.filter((r) => r.saved)).toHaveLength(1)
    expect(await readdir(dir)).toEqual([entryFileName('k')])
  })
})
