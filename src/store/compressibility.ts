/**
 * Whether a chunk is worth compressing, judged from samples taken as it is written. Layers of already-compressed
 * content (archives, media, model weights; gzip layers as the containerd image store exports them) do not shrink,
 * and compressing them cost a save a zstd pass and a second copy of every chunk on disk and the load the
 * decompression (measured, alternating rounds of the bench's cold 300 MB handoff: 6.2-7.7 CPU-s with every chunk
 * compressed, 4.7-5.8 with such chunks raw; backend cache). Such chunks are stored raw; a load tells the two
 * apart by the first four bytes (`isZstd`), so a raw chunk that happens to begin with zstd's magic number is
 * compressed whatever the samples say. A sample is the first 64 KiB of every 2 MiB, gathered across pieces: taken
 * from a single piece, a 1 MB layer of noise came out compressed when its first socket read was a 4 KiB piece that
 * held the tar header, so the choice depended on how the stream was cut.
 */
import { constants, zstdCompressSync } from 'node:zlib'
import { isZstd } from '../archive/compression.js'

/** One sample every this many bytes of a chunk (32 of a 64 MiB chunk: a few ms of CPU in all). */
const sampleEvery = 2 * 1024 * 1024
const sampleBytes = 64 * 1024
/** Samples this small say little: zstd's frame overhead and its short window make them look incompressible. */
const smallestSample = 4 * 1024
/** Compressed when the samples shrink to at most this share of their size (a tenth saved or more). */
const worthRatio = 0.9

/** zstd's magic number is four bytes. */
const magicBytes = 4

export class CompressionProbe {
  private written = 0
  private sampled = 0
  private shrunk = 0
  /** The sample being gathered: the first `sampleBytes` of every `sampleEvery`, whatever the pieces' sizes. */
  private readonly sample = Buffer.alloc(sampleBytes)
  private readonly head = Buffer.alloc(magicBytes)
  private headBytes = 0

  /** Called with every piece of the chunk, in order. */
  feed(data: Buffer): void {
    if (this.headBytes < magicBytes) this.headBytes += data.copy(this.head, this.headBytes, 0)
    let at = 0
    while (at < data.length) {
      const offset = (this.written + at) % sampleEvery
      if (offset >= sampleBytes) {
        at += sampleEvery - offset
        continue
      }
      const take = Math.min(sampleBytes - offset, data.length - at)
      data.copy(this.sample, offset, at, at + take)
      at += take
      if (offset + take === sampleBytes) {
        this.sampled += sampleBytes
        this.shrunk += compressedSize(this.sample)
      }
    }
    this.written += data.length
  }

  /** True unless the samples show the chunk does not compress (or there were none: small chunks are compressed). */
  get worthCompressing(): boolean {
    // A chunk that ends inside a sample window still counts that window's bytes, when there are enough to judge.
    const pending = this.written % sampleEvery
    const last = pending > 0 && pending < sampleBytes && pending >= smallestSample ? pending : 0
    const sampled = this.sampled + last
    if (sampled === 0) return true
    if (isZstd(this.head.subarray(0, this.headBytes))) return true
    const shrunk = this.shrunk + (last ? compressedSize(this.sample.subarray(0, last)) : 0)
    return shrunk <= sampled * worthRatio
  }
}

function compressedSize(sample: Buffer): number {
  return zstdCompressSync(sample, { params: { [constants.ZSTD_c_compressionLevel]: 1 } }).length
}
