import type { Transform } from 'node:stream'
import { constants, createZstdCompress, createZstdDecompress } from 'node:zlib'
import { availableParallelism } from 'node:os'

/**
 * zstd, from Node's own zlib (Node 22.15+/24): measured at several hundred MB/s, well above what engines save
 * and load at, where gzip costs more than the engine itself. A checksum in every frame makes a corrupt or
 * truncated payload fail on load instead of reaching the engine.
 */
export function zstdCompress(level: number): Transform {
  return createZstdCompress({
    params: {
      [constants.ZSTD_c_compressionLevel]: level,
      [constants.ZSTD_c_checksumFlag]: 1,
      [constants.ZSTD_c_nbWorkers]: Math.max(0, availableParallelism() - 1)
    }
  })
}

export function zstdDecompress(): Transform {
  return createZstdDecompress()
}

const zstdMagic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd])

/** True when a payload's first bytes are a zstd frame (the cache backend stores a plain tar and compresses it itself). */
export function isZstd(head: Buffer): boolean {
  return head.subarray(0, 4).equals(zstdMagic)
}
