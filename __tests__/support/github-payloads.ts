/** Payload files for backend tests: random (incompressible) content, written, hashed, uploaded and read as streams. */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PackBackend, RangedEntry, SaveOutcome } from '../../src/backends/backend.js'

export async function writeRandomFile(path: string, bytes: number): Promise<void> {
  const chunk = 1024 * 1024
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let left = bytes; left > 0; left -= chunk) yield randomBytes(Math.min(chunk, left))
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path))
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/**
 * Uploads `file` as the entry under `key` as the pack writer does: pieces (1 MiB, the last shorter) staged side by
 * side, each from a stream of its range, then committed in order with the size and sha256 of the whole.
 */
export async function uploadPayload(backend: PackBackend, key: string, file: string): Promise<SaveOutcome> {
  const upload = await backend.openUpload(key)
  const { size } = await stat(file)
  const piece = 1024 * 1024
  const count = Math.ceil(size / piece)
  await Promise.all(
    Array.from({ length: count }, (_, n) => {
      const start = n * piece
      const end = Math.min(size, start + piece) - 1
      return upload.stage(n, () => createReadStream(file, { start, end }), end - start + 1)
    })
  )
  return upload.commit(count, size, await sha256File(file))
}

/** The sha256 (hex) of a whole entry, fetched into `file` in one range as a load fetches a chunk. */
export async function fetchedSha256(entry: RangedEntry, file: string): Promise<string> {
  await entry.fetch(0, entry.size, file)
  return sha256File(file)
}
