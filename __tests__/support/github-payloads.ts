/** Payload files for backend tests: random (incompressible) content, written and hashed as streams. */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

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

/** A `write` callback for Backend.save that copies `source` into place, and remembers it was called. */
export function copyFrom(source: string): ((file: string) => Promise<void>) & { calls: number } {
  const write = Object.assign(
    async (file: string): Promise<void> => {
      write.calls++
      await copyFile(source, file)
    },
    { calls: 0 }
  )
  return write
}
