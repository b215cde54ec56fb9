/**
 * The pack store (one entry per key, as workflow artifacts keep them) over a stand-in backend in a directory:
 * chunks staged as pieces while they come, the table, index and footer last, and only the needed ranges read back.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { appendFile, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PackBackend } from '../../src/backends/backend.js'
import { createPackStore } from '../../src/backends/pack-store.js'
import { readModel } from '../../src/archive/read-model.js'
import { downloadInto } from '../../src/store/arrival.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { splitArchive } from '../../src/store/split.js'
import { encodeIndex, IndexFormatError, newIndex, parseIndex } from '../../src/store/format.js'
import { planLoad } from '../../src/store/load-plan.js'
import { assembleArchive } from '../../src/store/assemble.js'
import { legacyFiles, makeTar, readTar } from '../support/archive-fixtures.js'
import { whole } from '../support/fetched.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-pack-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/**
 * One file per key in a directory, the shape of the artifact backend: staged pieces (in any order) are appended in
 * their order on commit, which checks the size and sha256 as FinalizeArtifact records them; reads are ranges.
 */
function fileBackend(root: string): PackBackend {
  const at = (key: string): string => join(root, `${key}.pack`)
  const sizeOf = (file: string): Promise<number | undefined> =>
    stat(file).then(
      (s) => s.size,
      () => undefined
    )
  return {
    kind: 'artifact',
    async checkNew(key) {
      if ((await sizeOf(at(key))) !== undefined) throw new Error(`"${key}" exists`)
    },
    async openUpload(key) {
      const piece = (n: number): string => join(root, `${key}.piece-${n}`)
      return {
        async stage(n, body, length) {
          await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body(), createWriteStream(piece(n)))
          if ((await sizeOf(piece(n))) !== length) throw new Error(`piece ${n} is not ${length} bytes`)
        },
        async commit(count, size, sha256) {
          const partial = join(root, `${key}.partial`)
          await writeFile(partial, '')
          for (let n = 0; n < count; n++) await appendFile(partial, await readFile(piece(n)))
          const pack = await readFile(partial)
          if (pack.length !== size || createHash('sha256').update(pack).digest('hex') !== sha256)
            throw new Error(`the pieces of "${key}" are not the ${size} bytes of sha256 ${sha256}`)
          await rename(partial, at(key))
          for (let n = 0; n < count; n++) await rm(piece(n))
          return { saved: true, key, bytes: size }
        }
      }
    },
    async openRanged(key) {
      const file = at(key)
      const size = await sizeOf(file)
      if (size === undefined) return undefined
      const range = (start: number, length: number): NodeJS.ReadableStream =>
        createReadStream(file, { start, end: start + length - 1 })
      return {
        matchedKey: key,
        size,
        async read(start, length) {
          const parts: Buffer[] = []
          for await (const part of range(start, length)) parts.push(part as Buffer)
          return Buffer.concat(parts)
        },
        fetch: (start, length, into, watch) => downloadInto(range(start, length), into, watch)
      }
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
    await expect(writer.prepare()).rejects.toThrow(/prepared for the key/)
    await writer.prepare('k')
    const original = await makeTar(await legacyFiles([{ names: ['app:ci'], layers: [big('a', 150), big('b', 90)] }]))
    const sink = storeSink(writer, { compressionLevel: 3, inFlight: 2, inFlightBytes: 1 << 30 })
    const split = await splitArchive(Readable.from([original]), sink, 64 * 1024)
    const stats = await sink.finish()
    expect(stats.chunks).toBeGreaterThanOrEqual(5)
    expect(
      await writer.writeIndex('k', encodeIndex(newIndex(readModel(split.contents), split.entries, 64 * 1024)))
    ).toMatchObject({ saved: true })
    expect(await readdir(join(work, 'pack'))).toEqual([])
    expect((await readdir(dir)).filter((name) => name.startsWith('k.'))).toEqual(['k.pack'])

    const reader = createPackStore(backend, join(dir, 'work2'))
    await expect(reader.hasIndex('k')).rejects.toThrow(/"k" exists/)
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
    expect(await readdir(reader.scratch)).toEqual([])
  })

  it('keeps each chunk where the table says when several are stored at once', async () => {
    const backend = fileBackend(dir)
    const writer = createPackStore(backend, join(dir, 'work'))
    await writer.prepare('many')
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
    expect(await reader.readIndex('many', [])).toEqual({ matchedKey: 'many', body: Buffer.from('{}') })
    for (const [i, body] of bodies.entries()) {
      const chunk = await whole(await reader.get(`sha256:${String(i).repeat(64)}`))
      expect((await readFile(chunk.file)).equals(body)).toBe(true)
      await chunk.dispose()
    }
    await expect(reader.get(`sha256:${'9'.repeat(64)}`)).rejects.toThrow(/not in the loaded artifact/)
  })

  it('refuses a payload of the first release as not a pack, so a load calls it a miss', async () => {
    await writeFile(join(dir, 'old.pack'), Buffer.alloc(4096, 1))
    const store = createPackStore(fileBackend(dir), join(dir, 'work'))
    await expect(store.readIndex('old', [])).rejects.toThrow(IndexFormatError)
    await expect(store.readIndex('old', [])).rejects.toThrow(/not an image-handoff pack/)
  })
})
