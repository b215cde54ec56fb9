/**
 * The content-addressed store without an engine: archives split into a real local store and rebuilt, chunk
 * sharing between saves, layers left out for an engine that holds them, and damage caught on the way back.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { createLocalStore } from '../../src/backends/local-store.js'
import { readModel } from '../../src/archive/read-model.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { splitArchive } from '../../src/store/split.js'
import { chunkSizes, encodeIndex, isChunked, newIndex, parseIndex, type StoreIndex } from '../../src/store/format.js'
import { planLoad, type HeldLayers } from '../../src/store/load-plan.js'
import { assembleArchive, ChunkFetchError } from '../../src/store/assemble.js'
import type { BlobStore } from '../../src/store/blob-store.js'
import { arrivingChunk, downloadInto } from '../../src/store/arrival.js'
import { layerTar, legacyFiles, makeTar, ociFiles, readTar, sha256 } from '../support/archive-fixtures.js'

const chunkBytes = 64 * 1024
/** Every chunk the index names, once each. */
const chunksOf = (index: StoreIndex): string[] => [
  ...new Set(index.entries.flatMap((e) => (isChunked(e) ? e.chunks : [])))
]
const big = (seed: string, kib: number): string =>
  Array.from({ length: kib * 16 }, (_, i) => `${seed}${i.toString(36).padStart(63, '.')}`).join('')

let dir: string
let store: BlobStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-store-unit-'))
  store = createLocalStore(dir)
  await store.prepare()
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function save(
  archive: Buffer,
  zstdCommandFrom?: number
): Promise<{ index: StoreIndex; stats: Awaited<ReturnType<ReturnType<typeof storeSink>['finish']>> }> {
  const sink = storeSink(store, {
    compressionLevel: 3,
    inFlight: 2,
    inFlightBytes: 1 << 30,
    ...(zstdCommandFrom === undefined ? {} : { zstdCommandFrom })
  })
  const split = await splitArchive(Readable.from([archive]), sink, chunkBytes)
  const stats = await sink.finish()
  const index = newIndex(readModel(split.contents), split.entries, chunkBytes)
  return { index: parseIndex(encodeIndex(index)), stats }
}

async function load(
  index: StoreIndex,
  held: HeldLayers = {},
  window: { prefetch: number; prefetchBytes?: number } = { prefetch: 2 }
): Promise<{ tar: Buffer; omitted: number }> {
  const plan = planLoad(index, {}, held)
  const archive = assembleArchive(index, plan, store, window)
  const parts: Buffer[] = []
  for await (const part of archive.stream) parts.push(part as Buffer)
  return { tar: Buffer.concat(parts), omitted: plan.omit.size }
}

describe('content-addressed store', () => {
  it('rebuilds a legacy archive entry for entry, with big layers in chunks and small files inline', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: [big('a', 200), 'small'] }])
    const original = await makeTar(files)
    const { index, stats } = await save(original)
    const chunked = index.entries.filter((e) => e.type === 'file' && 'chunks' in e)
    expect(chunked).toHaveLength(1)
    expect(stats.chunks).toBeGreaterThanOrEqual(4)
    expect(await readdir(join(dir, 'blobs', 'sha256'))).toHaveLength(chunksOf(index).length)
    const { tar } = await load(index)
    const [before, after] = [await readTar(original), await readTar(tar)]
    const byName = (entries: typeof before) => new Map(entries.map((e) => [e.name.replace(/\/$/, ''), e]))
    for (const [name, entry] of byName(before)) expect(byName(after).get(name)?.body).toEqual(entry.body)
    expect(after.at(-1)?.name).toBe('repositories')
  })

  it('stores the same chunks whether the zstd command or Node compresses them', async () => {
    const original = await makeTar(await legacyFiles([{ names: ['app:ci'], layers: [big('z', 200), 'small'] }]))
    const byCommand = await save(original, 0)
    const stored = await readdir(join(dir, 'blobs', 'sha256'))
    store = createLocalStore(join(dir, 'second'))
    await store.prepare()
    const inProcess = await save(original, Number.MAX_SAFE_INTEGER)
    expect(inProcess.stats.chunks).toBe(byCommand.stats.chunks)
    expect(inProcess.index.entries).toEqual(byCommand.index.entries)
    expect((await readdir(join(dir, 'second', 'blobs', 'sha256'))).sort()).toEqual(stored.sort())
    for (const [root, { index }] of [
      [dir, byCommand],
      [join(dir, 'second'), inProcess]
    ] as const) {
      store = createLocalStore(root)
      const [before, after] = [await readTar(original), await readTar((await load(index)).tar)]
      expect(after.map((e) => e.body)).toEqual(before.map((e) => e.body))
    }
  })

  it('stores a chunk once: a second image sharing the base layer uploads only its own layer', async () => {
    const base = big('base', 300)
    const first = await save(await makeTar(await legacyFiles([{ names: ['app:1'], layers: [base, big('top1', 70)] }])))
    const second = await save(await makeTar(await legacyFiles([{ names: ['app:2'], layers: [base, big('top2', 70)] }])))
    expect(first.stats.reusedChunks).toBe(0)
    const baseChunks = Math.ceil((base.length + 2048) / chunkBytes)
    expect(second.stats.reusedChunks).toBeGreaterThanOrEqual(baseChunks - 1)
    expect(second.stats.chunks - second.stats.reusedChunks).toBeLessThanOrEqual(3)
  })

  it('counts the bytes of every stored chunk when uploads overlap', async () => {
    const local = store
    const returned: number[] = []
    // The first upload ends last, so every other upload settles while it is still on its way.
    let uploads = 0
    store = {
      ...local,
      async put(digest, file) {
        const delay = uploads++ === 0 ? 60 : 5
        const bytes = await local.put(digest, file)
        await new Promise((resolve) => setTimeout(resolve, delay))
        returned.push(bytes)
        return bytes
      }
    }
    const { stats } = await save(await makeTar(await legacyFiles([{ names: ['app:1'], layers: [big('a', 300)] }])))
    expect(returned.length).toBeGreaterThan(2)
    expect(stats.storedBytes).toBe(returned.reduce((sum, bytes) => sum + bytes, 0))
  })

  it('leaves out layers the engine holds: by chain ID for Docker, by blob digest for containerd', async () => {
    const layers = [big('l1', 100), big('l2', 100)]
    const legacy = await save(await makeTar(await legacyFiles([{ names: ['app:ci'], layers }])))
    const [image] = legacy.index.model.images
    const chain0 = image!.layers[0]!.diffId!
    const docker = await load(legacy.index, { chainIds: new Set([chain0]) })
    expect(docker.omitted).toBe(1)
    const names = (await readTar(docker.tar)).map((e) => e.name)
    expect(names.filter((n) => n.endsWith('layer.tar'))).toHaveLength(1)
    // A held diff ID with a different chain below it is not the same layer.
    expect((await load(legacy.index, { chainIds: new Set([image!.layers[1]!.diffId!]) })).omitted).toBe(0)

    const oci = await ociFiles([{ names: ['app:ci'], layers }])
    const stored = await save(await makeTar(oci.files))
    const layerDigest = stored.index.model.images[0]!.layers[0]!.digest!
    const ctr = await load(stored.index, { blobs: new Set([layerDigest]) })
    expect(ctr.omitted).toBe(1)
    expect((await readTar(ctr.tar)).map((e) => e.name)).not.toContain(`blobs/sha256/${layerDigest.slice(7)}`)
  })

  it('fetches ahead by bytes: small chunks between big ones do not hold the places of big ones', async () => {
    // Three 70 KiB layers: chunks of 64, 6, 64, 6, 64 and 6 KiB.
    const layers = ['a', 'b', 'c'].map((seed) => big(seed, 70))
    const { index } = await save(await makeTar(await legacyFiles([{ names: ['app:ci'], layers }])))
    const sizes = chunkSizes(index)
    const local = store
    const out = new Map<string, number>()
    let most = { chunks: 0, bytes: 0 }
    store = {
      ...local,
      get: async (digest) => {
        out.set(digest, sizes.get(digest)!)
        const bytes = [...out.values()].reduce((a, b) => a + b, 0)
        most = { chunks: Math.max(most.chunks, out.size), bytes: Math.max(most.bytes, bytes) }
        const fetched = await local.get(digest)
        return { ...fetched, dispose: async () => void out.delete(digest) }
      }
    }
    await load(index, {}, { prefetch: 8, prefetchBytes: 2 * chunkBytes })
    // Ahead: at most two big chunks' bytes; plus the one being copied.
    expect(most.bytes).toBeLessThanOrEqual(3 * chunkBytes)
    expect(most.chunks).toBeGreaterThanOrEqual(4)
  })

  it('leaves out the layers of images a load selection drops', async () => {
    const index = (
      await save(
        await makeTar(
          await legacyFiles([
            { names: ['keep:1'], layers: [big('k', 100)] },
            { names: ['drop:1'], layers: [big('d', 100)] }
          ])
        )
      )
    ).index
    const plan = planLoad(index, { keep: (image) => image.names.includes('keep:1'), names: (image) => image.names }, {})
    expect(plan.model.images.map((i) => i.names)).toEqual([['keep:1']])
    expect(plan.omit.size).toBe(1)
    expect(plan.omittedBytes).toBeGreaterThan(100 * 1024)
  })

  it('stops the archive before its end when a chunk was damaged in storage', async () => {
    const { index } = await save(await makeTar(await legacyFiles([{ names: ['app:ci'], layers: [big('x', 150)] }])))
    const blobs = join(dir, 'blobs', 'sha256')
    const victim = (await readdir(blobs))[1]!
    await truncate(join(blobs, victim), 20)
    await expect(load(index)).rejects.toThrow(/is damaged/)
    await writeFile(join(blobs, victim), Buffer.alloc(0))
    await expect(load(index)).rejects.toThrow(/is damaged/)
  })

  describe('with a store whose chunks arrive while the load reads them', () => {
    /**
     * The local store, but each chunk is copied into a fresh file a bit at a time, as a download writes it;
     * `attempt` gives each try's body (which may break off), up to three tries per chunk.
     */
    const downloading = (attempt: (n: number, source: Buffer) => Readable): BlobStore => {
      let fetched = 0
      const local = store
      return {
        ...local,
        get: async (digest) => {
          const stored = await local.get(digest)
          const file = join(dir, `downloaded-${fetched++}`)
          return arrivingChunk(file, stored.compressed, async (watch) => {
            const source = await readFile(stored.file)
            for (let n = 1; ; n++) {
              try {
                return await downloadInto(attempt(n, source), file, watch)
              } catch (error) {
                if (n === 3) throw error
              }
            }
          })
        }
      }
    }
    /** `source` in 256-byte pieces with a turn of the event loop between them; breaks off after `upTo` bytes. */
    const trickle = (source: Buffer, upTo = source.length): Readable =>
      Readable.from(
        (async function* () {
          for (let at = 0; at < upTo; at += 256) {
            yield source.subarray(at, Math.min(at + 256, upTo))
            await new Promise((resolve) => setImmediate(resolve))
          }
          if (upTo < source.length) throw new Error('socket hang up')
        })()
      )
    const archive = async (): Promise<Buffer> =>
      makeTar(await legacyFiles([{ names: ['app:ci'], layers: [big('s', 200), 'small'] }]))

    it('rebuilds the archive byte for byte, every chunk read as it lands', async () => {
      const original = await archive()
      const { index } = await save(original)
      store = downloading((_, source) => trickle(source))
      const { tar } = await load(index)
      expect((await readTar(tar)).map((e) => e.body)).toEqual((await readTar(original)).map((e) => e.body))
    })

    it('reads on where it stopped when a download starts over', async () => {
      const original = await archive()
      const { index } = await save(original)
      let cut = 0
      store = downloading((n, source) => {
        if (n > 1) return trickle(source)
        cut++
        return trickle(source, Math.floor(source.length / 2))
      })
      const { tar } = await load(index)
      expect(cut).toBeGreaterThan(1)
      expect((await readTar(tar)).map((e) => e.body)).toEqual((await readTar(original)).map((e) => e.body))
    })

    it('calls a download that fails for good storage trouble, not a damaged chunk', async () => {
      const { index } = await save(await archive())
      store = downloading((_, source) => trickle(source, 100))
      const failure = load(index)
      await expect(failure).rejects.toThrow(ChunkFetchError)
      await expect(failure).rejects.toThrow(/fetching chunk sha256:\w+ from the local store failed: socket hang up/)
    })
  })

  it('catches a chunk whose bytes differ from its digest', async () => {
    const { index } = await save(await makeTar(await legacyFiles([{ names: ['app:ci'], layers: [big('y', 100)] }])))
    const digest = chunksOf(index)[0]!
    // Put another chunk's (valid zstd) bytes under this digest.
    const other = (await save(await makeTar(await legacyFiles([{ names: ['b:1'], layers: [big('z', 100)] }])))).index
    const blobs = join(dir, 'blobs', 'sha256')
    await rm(join(blobs, `${digest.slice(7)}.zst`))
    const { copyFile } = await import('node:fs/promises')
    await copyFile(join(blobs, `${chunksOf(other)[0]!.slice(7)}.zst`), join(blobs, `${digest.slice(7)}.zst`))
    await expect(load(index)).rejects.toThrow(/damaged \(its bytes hash to/)
  })

  it('refuses special files in an archive instead of storing them', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])
    const tar = await makeTar(files)
    // Turn the first layer.tar header into a FIFO (type flag '6'), fixing the header checksum.
    const at = tar.indexOf(Buffer.from('layer.tar'))
    const header = Math.floor(at / 512) * 512
    tar[header + 156] = 0x36
    tar.fill(0x20, header + 148, header + 156)
    const sum = [...tar.subarray(header, header + 512)].reduce((a, b) => a + b, 0)
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, header + 148, 'latin1')
    const sink = storeSink(store, { compressionLevel: 3, inFlight: 2, inFlightBytes: 1 << 30 })
    await expect(splitArchive(Readable.from([tar]), sink, chunkBytes)).rejects.toThrow(
      /is a fifo, which no engine writes into an image archive/
    )
    await sink.abort()
  })

  it('names each chunk by the sha256 of its bytes', async () => {
    const layer = await layerTar(big('h', 100))
    const { index } = await save(await makeTar(await legacyFiles([{ names: ['app:ci'], layers: [big('h', 100)] }])))
    const entry = index.entries.find((e) => e.path.endsWith('layer.tar'))
    expect(entry && 'chunks' in entry ? entry.chunks : []).toEqual([
      sha256(layer.subarray(0, chunkBytes)),
      sha256(layer.subarray(chunkBytes))
    ])
  })
})
