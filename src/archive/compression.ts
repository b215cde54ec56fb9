import type { Transform } from 'node:stream'
import { constants, createZstdCompress, createZstdDecompress } from 'node:zlib'

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

export function zstdDecompress(): Transform {
  return createZstdDecompress({ chunkSize })
}

const zstdMagic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])

/** True when a payload's first bytes are a zstd frame (the cache backend stores a plain tar and compresses it itself). */
export function isZstd(head: Buffer): boolean {
  return head.subarray(0, 4).equals(zstdMagic)
}
