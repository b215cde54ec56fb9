/**
 * An image archive another tool wrote to a file (`archive:` on save): docker save, buildx `--output
 * type=docker|oci,dest=`, skopeo docker-archive/oci-archive, podman save, ctr export, nerdctl save. Read as a
 * stream, gzip or zstd decompressed on the fly when the file starts with their magic (never to a temporary copy).
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { createGunzip, createZstdDecompress } from 'node:zlib'
import { isZstd } from './compression.js'

export type FileCompression = 'gzip' | 'zstd' | 'none'

export async function compressionOf(path: string): Promise<FileCompression> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
    return bytesRead === 4 && isZstd(head) ? 'zstd' : 'none'
  } finally {
    await handle.close()
  }
}

/** The tar inside the file. A damaged or cut compressed stream fails the split, which says so (truncated, not a tar). */
export async function openArchiveFile(path: string): Promise<Readable> {
  const compression = await compressionOf(path)
  const raw = createReadStream(path, { highWaterMark: 1024 * 1024 })
  if (compression === 'none') return raw
  // zstd as the zstd tool writes it: one or several frames (pzstd and zstd -T may write several).
  const inflate = compression === 'gzip' ? createGunzip() : createZstdDecompress()
  raw.once('error', (error) => inflate.destroy(error))
  inflate.once('close', () => raw.destroy())
  return raw.pipe(inflate)
}
