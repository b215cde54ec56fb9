/**
 * Chunks that do not compress are stored raw: the sink's samples decide, the local store names them apart from
 * zstd frames, and a load tells the two apart by their first bytes.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes, createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zstdCompressSync } from 'node:zlib'
import { createLocalStore } from '../../src/backends/local-store.js'
import type { BlobStore } from '../../src/store/blob-store.js'
import { readChunk } from '../../src/store/chunk-read.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { CompressionProbe } from '../../src/store/compressibility.js'
import { encodeIndex, newIndex, parseIndex } from '../../src/store/format.js'

const zstdMagic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])
const text = (bytes: number): Buffer =>
  Buffer.from(Array.from({ length: bytes / 16 }, (_, i) => `line ${String(i).padStart(10)}\n`).join(''))
const digestOf = (body: Buffer): string => `sha256:${createHash('sha256').update(body).digest('hex')}`

let dir: string
let store: BlobStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-raw-'))
  store = createLocalStore(dir)
  await store.prepare()
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Stores each body as one chunk, written in 64 KiB pieces as the split writes them. */
async function save(...bodies: Buffer[]): Promise<{ rawChunks: number; storedBytes: number }> {
  const sink = storeSink(store, { compressionLevel: 3, inFlight: 2, inFlightBytes: 1 << 30 })
  for (const body of bodies) {
    const target = await sink.begin()
    for (let at = 0; at < body.length; at += 64 * 1024) await target.write(body.subarray(at, at + 64 * 1024))
    await target.end(digestOf(body), body.length)
  }
  return sink.finish()
}

async function loaded(body: Buffer): Promise<Buffer> {
  const chunk = await store.get(digestOf(body))
  const parts: Buffer[] = []
  for await (const part of await readChunk(chunk, Buffer.alloc(64 * 1024))) parts.push(Buffer.from(part as Buffer))
  await chunk.dispose()
  return Buffer.concat(parts)
}

describe('raw chunks', () => {
  it('stores a chunk that does not compress as it is, one that does as a zstd frame, and loads both', async () => {
    const [noise, lines] = [randomBytes(3 * 1024 * 1024), text(3 * 1024 * 1024)]
    const stats = await save(noise, lines)
    expect(stats.rawChunks).toBe(1)
    const names = await readdir(join(dir, 'blobs', 'sha256'))
    expect(names.sort()).toEqual([digestOf(noise).slice(7), `${digestOf(lines).slice(7)}.zst`].sort())
    expect((await stat(join(dir, 'blobs', 'sha256', digestOf(noise).slice(7)))).size).toBe(noise.length)
    expect(stats.storedBytes).toBeLessThan(noise.length + lines.length / 4)
    expect((await loaded(noise)).equals(noise)).toBe(true)
    expect((await loaded(lines)).equals(lines)).toBe(true)
    // A second save finds both, under either name.
    const again = await save(noise, lines)
    expect(again).toMatchObject({ storedBytes: 0, rawChunks: 0 })
  })

  it('compresses a chunk that starts like a zstd frame, so a load cannot mistake its raw bytes for one', async () => {
    const lookalike = Buffer.concat([zstdMagic, randomBytes(1024 * 1024)])
    expect((await save(lookalike)).rawChunks).toBe(0)
    const stored = await readFile(join(dir, 'blobs', 'sha256', `${digestOf(lookalike).slice(7)}.zst`))
    expect(stored.length).toBeGreaterThan(lookalike.length)
    expect((await loaded(lookalike)).equals(lookalike)).toBe(true)
  })

  it('reads a raw chunk shorter than the magic number, and a raw piece behind a zstd one', async () => {
    const file = join(dir, 'short')
    await writeFile(file, Buffer.from([0x28, 0xb5, 0x2f]))
    const parts: Buffer[] = []
    for await (const part of await readChunk(
      { file, compressed: true, dispose: async () => undefined },
      Buffer.alloc(16)
    ))
      parts.push(part as Buffer)
    expect(Buffer.concat(parts)).toEqual(Buffer.from([0x28, 0xb5, 0x2f]))
    // In a pack a chunk lies at an offset: the first bytes are looked for there, not at the file's start.
    const frame = zstdCompressSync(text(64 * 1024))
    await writeFile(file, Buffer.concat([frame, Buffer.from('raw bytes')]))
    const tail: Buffer[] = []
    for await (const part of await readChunk(
      { file, compressed: true, start: frame.length, end: frame.length + 8, dispose: async () => undefined },
      Buffer.alloc(16)
    ))
      tail.push(Buffer.from(part as Buffer))
    expect(Buffer.concat(tail).toString()).toBe('raw bytes')
  })
})

describe('compression probe', () => {
  const probe = (...pieces: Buffer[]): boolean => {
    const p = new CompressionProbe()
    for (const piece of pieces) p.feed(piece)
    return p.worthCompressing
  }

  it('judges by samples across the chunk, not its first piece alone', () => {
    const noise = randomBytes(64 * 1024)
    expect(probe(noise)).toBe(false)
    expect(probe(text(64 * 1024))).toBe(true)
    // Noise first, then text past the next sample point (2 MiB on): the text sample outweighs it.
    expect(probe(noise, ...Array.from({ length: 40 }, () => text(64 * 1024)))).toBe(true)
    expect(probe(noise, ...Array.from({ length: 40 }, () => randomBytes(64 * 1024)))).toBe(false)
  })

  it('judges the bytes, not how they were cut: a small first piece holding a tar header does not decide', () => {
    // A 1 MB layer of noise behind a tar header, as a socket may deliver it: a 4 KiB read first, then the rest.
    const header = Buffer.concat([Buffer.alloc(1024), randomBytes(3 * 1024)])
    const rest = randomBytes(1_000_000 - header.length)
    expect(probe(header, rest)).toBe(false)
    expect(probe(Buffer.concat([header, rest]))).toBe(false)
    const cuts = [header, ...Array.from({ length: 10 }, (_, i) => rest.subarray(i * 99_600, (i + 1) * 99_600))]
    expect(probe(...cuts)).toBe(false)
    // A chunk that ends inside a sample window is judged by what the window holds.
    expect(probe(text(16 * 1024))).toBe(true)
    expect(probe(randomBytes(16 * 1024))).toBe(false)
  })

  it('compresses what it could not sample (pieces too small to say)', () => {
    expect(probe(randomBytes(1000), randomBytes(1000))).toBe(true)
  })
})

describe('index versions', () => {
  const model = { layout: 'docker' as const, images: [], skipped: [] }

  it('writes version 3 and reads version 2 (every chunk of it a zstd frame)', () => {
    const index = newIndex(model as never, [], 1024)
    expect(index.version).toBe(3)
    const older = JSON.parse(encodeIndex(index).toString()) as Record<string, unknown>
    expect(parseIndex(Buffer.from(JSON.stringify({ ...older, version: 2 }))).version).toBe(2)
    expect(() => parseIndex(Buffer.from(JSON.stringify({ ...older, version: 4 })))).toThrow(
      /index version 4; this release reads versions 2 and 3/
    )
  })
})
