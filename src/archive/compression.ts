import type { Transform, TransformCallback } from 'node:stream'
import { constants, createZstdCompress, createZstdDecompress } from 'node:zlib'
import { HandoffError } from '../errors.js'
import { ZstdFrameScan } from './zstd-frame.js'

/**
 * zstd, from Node's own zlib (Node 22.15+/24): measured at 140-250 MB/s single-threaded, above what engines
 * save and load at, where gzip costs more than the engine itself. A checksum in every frame makes a corrupt or
 * truncated payload fail on load instead of reaching the engine.
 *
 * No ZSTD_c_nbWorkers: with workers, Node 24's streaming zstd dies with ERR_STREAM_PUSH_AFTER_EOF on inputs
 * over a few MB (nodejs/node#59899; measured by `npm run bench`), and it was no faster as a stream anyway.
 * 1 MiB chunks instead of zlib's 16 KiB measured about 10% faster.
 */
const chunkSize = 1024 * 1024

export function zstdCompress(level: number): Transform {
  return createZstdCompress({
    chunkSize,
    params: {
      [constants.ZSTD_c_compressionLevel]: level,
      [constants.ZSTD_c_checksumFlag]: 1
    }
  })
}

type TransformHooks = {
  _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void
  _flush(callback: TransformCallback): void
  _destroy(error: Error | null, callback: (error?: Error | null) => void): void
}

/**
 * A decompressor that takes exactly one whole zstd frame: a payload that stops inside it (a cut download) or
 * carries bytes after it (two payloads glued together, junk appended) fails with a message saying which.
 */
export function zstdDecompress(): Transform {
  const stream = createZstdDecompress({ chunkSize })
  const hooks = stream as unknown as TransformHooks
  const scan = new ZstdFrameScan()
  const transform = hooks._transform.bind(stream)
  const flush = hooks._flush.bind(stream)
  const destroy = hooks._destroy.bind(stream)
  hooks._transform = (chunk, encoding, callback) => {
    const start = scan.total
    scan.feed(chunk)
    if (scan.trailing > 0) return callback(trailingBytes(scan, scan.trailing))
    // Only the first frame goes to zlib: it fails on a frame that starts in a later write ("Unknown frame
    // descriptor"), even the empty one its own compressor ends with. Later empty frames were checked above.
    const end = scan.firstEnd === undefined ? chunk.length : Math.max(0, scan.firstEnd - start)
    if (end === 0) return callback()
    transform(end < chunk.length ? chunk.subarray(0, end) : chunk, encoding, callback)
  }
  hooks._flush = (callback) => {
    if (scan.following && !scan.ended) return callback(truncated(scan))
    flush(callback)
  }
  // zlib reports its own failures by destroying the stream; they are told in the user's terms here.
  hooks._destroy = (error, callback) => destroy(error === null ? null : explained(error, scan), callback)
  return stream
}

function explained(error: Error, scan: ZstdFrameScan): Error {
  if (error instanceof HandoffError || (error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE') return error
  if (scan.following && !scan.ended && /unexpected end/i.test(error.message)) return truncated(scan)
  if (!/^(Z_|ZSTD_)/.test(String((error as { code?: unknown }).code))) return error
  return new HandoffError(
    `the stored payload is corrupt: zstd could not decompress it (${error.message}) after ${scan.total} bytes; ` +
      'the entry was damaged in storage or transit: save the images again under this key (or a new one)'
  )
}

function truncated(scan: ZstdFrameScan): HandoffError {
  return new HandoffError(
    `the stored payload is truncated: it ends after ${scan.total} bytes, inside its zstd frame (the save or the download was cut short); ` +
      'the entry is damaged: save the images again under this key (or a new one)'
  )
}

function trailingBytes(scan: ZstdFrameScan, extra: number): HandoffError {
  return new HandoffError(
    `the stored payload carries bytes after the end of its zstd frame (at least ${extra} extra bytes of ${scan.total}); ` +
      'it was altered or two payloads were joined: it is refused, save the images again under this key (or a new one)'
  )
}

const zstdMagic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])

/**
 * True when the first bytes given start a zstd frame (fewer than four never do): an archive a tool compressed,
 * given to `archive:`, or a stored chunk that was compressed rather than kept raw.
 */
export function isZstd(head: Buffer): boolean {
  return head.subarray(0, 4).equals(zstdMagic)
}
