/**
 * The pack store (one file per key, as workflow artifacts keep them) over a stand-in file backend in a
 * directory: chunks appended as they come, the index and footer last, and only the needed ranges read back.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { copyFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { Backend } from '../../src/backends/backend.js'
import { createPackStore } from '../../src/backends/pack-store.js'
import { readModel } from '../../src/archive/read-model.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { splitArchive } from '../../src/store/split.js'
import { encodeIndex, IndexFormatError, newIndex, parseIndex } from '../../src/store/format.js'
import { planLoad } from '../../src/store/load-plan.js'
import { assembleArchive } from '../../src/store/assemble.js'
import { legacyFiles, makeTar, readTar } from '../support/archive-fixtures.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-pack-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Whole files in a directory, one per key: the shape of the artifact backend. */
function fileBackend(root: string): Backend {
  const at = (key: string): string => join(root, `${key}.pack`)
  const exists = (key: string): Promise<boolean> =>
    stat(at(key)).then(
      () => true,
      () => false
    )
  return {
    kind: 'artifact',
    compresses: false,
    exists,
    async save(key, write) {
      const file = join(root, `partial-${key}`)
      await write(file)
      await copyFile(file, at(key))
      await rm(file)
      return { saved: true, key, bytes: (await stat(at(key))).size }
    },
    async restore(key) {
      return (await exists(key)) ? { matchedKey: key, file: at(key), dispose: async () => undefined } : undefined
    }
  }
}

const big = (seed: string, kib: number): string =>
  Array.from({ length: kib * 16 }, (_, i) => `${seed}${i.toString(36).padStart(63, '.')}`).join('')

describe('pack store', () => {
  it('round-trips an archive through one file, reading back only the chunks the load needs', async () => {
    const backend = fileBackend(dir)
    const work = join(dir, 'work')
    const writer = createPackStore(backend, work)
    expect(await writer.hasIndex('k')).toBe(false)
    await writer.prepare()
    const original = await makeTar(await legacyFiles([{ names: ['app:ci'], layers: [big('a', 150), big('b', 90)] }]))
    const sink = storeSink(writer, { compressionLevel: 3, inFlight: 2, inFlightBytes: 1 << 30 })
    const split = await splitArchive(Readable.from([original]), sink, 64 * 1024)
    const stats = await sink.finish()
    expect(stats.chunks).toBeGreaterThanOrEqual(5)
    expect(
      await writer.writeIndex('k', encodeIndex(newIndex(readModel(split.contents), split.entries, 64 * 1024)))
    ).toMatchObject({ saved: true })
    expect(await readdir(join(work, 'pack'))).toEqual([])

    const reader = createPackStore(backend, join(dir, 'work2'))
    const found = await reader.readIndex('k', [])
    const index = parseIndex(found!.body)
    const held = { chainIds: new Set([index.model.images[0]!.layers[0]!.diffId!]) }
    const plan = planLoad(index, {}, held)
    expect(plan.omit.size).toBe(1)
    const parts: Buffer[] = []
    for await (const part of assembleArchive(index, plan, reader, { prefetch: 2 }).stream) parts.push(part as Buffer)
    const rebuilt = await readTar(Buffer.concat(parts))
    const expected = (await readTar(original)).filter((e) => e.name.endsWith('layer.tar'))[1]!
    expect(rebuilt.filter((e) => e.name.endsWith('layer.tar')).map((e) => e.body)).toEqual([expected.body])
    await reader.release?.()
  })

  it('keeps each chunk where the table says when several are stored at once', async () => {
    const backend = fileBackend(dir)
    const writer = createPackStore(backend, join(dir, 'work'))
    await writer.prepare()
    const bodies = Array.from({ length: 6 }, (_, i) => Buffer.alloc(100_000 + i * 7919, i + 1))
    const files = await Promise.all(
      bodies.map(async (body, i) => {
        const file = join(writer.scratch, `c${i}`)
        await writeFile(file, body)
        return file
      })
    )
    await Promise.all(files.map((file, i) => writer.put(`sha256:${String(i).repeat(64)}`, file)))
    await writer.writeIndex('many', Buffer.from('{}'))
    const reader = createPackStore(backend, join(dir, 'work2'))
    await reader.readIndex('many', [])
    for (const [i, body] of bodies.entries()) {
      const chunk = await reader.get(`sha256:${String(i).repeat(64)}`)
      const { readFile } = await import('node:fs/promises')
      expect((await readFile(chunk.file)).subarray(chunk.start!, chunk.end! + 1)).toEqual(body)
    }
    await reader.release?.()
  })

  it('refuses a payload of the first release as not a pack, so a load calls it a miss', async () => {
    await writeFile(join(dir, 'old.pack'), Buffer.alloc(4096, 1))
    const store = createPackStore(fileBackend(dir), join(dir, 'work'))
    await expect(store.readIndex('old', [])).rejects.toThrow(IndexFormatError)
    await expect(store.readIndex('old', [])).rejects.toThrow(/not an image-handoff pack/)
  })
})
