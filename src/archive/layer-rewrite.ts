/**
 * Layers on their way into a converted archive: rewritten in the target compression through a temp file (its new
 * digest and size are known only at its end, and a tar entry needs its size first), or passed through under
 * their own digest when already in it. Each blob is written once, however many images share it.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough, Readable, Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip, createZstdDecompress } from 'node:zlib'
import type { Pack } from 'tar-stream'
import { HandoffError } from '../errors.js'
import { trackTemporary } from '../store/temporaries.js'
import { zstdCompress } from './compression.js'
import { blobPath } from './model.js'
import type { ConvertedLayer, LayerCompression } from './oci-build.js'

/** Where converted layers go, and what was written already. */
export interface LayerOutput {
  pack: Pack
  scratch: string
  compression: LayerCompression
  emitted: Set<string>
  /** Temp files made so far, for their names. */
  files: number
}

const layerLevels = { gzip: 6, zstd: 3 }

/**
 * A blob already in the target compression streams straight through under its own digest, no temp file; its
 * bytes are checked against that digest on the way (a mismatch fails the save).
 */
export async function keepLayer(out: LayerOutput, layer: ConvertedLayer, body: Readable): Promise<ConvertedLayer> {
  const hash = createHash('sha256')
  const check = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      callback(null, chunk)
    },
    flush(callback) {
      const actual = `sha256:${hash.digest('hex')}`
      callback(
        actual === layer.digest
          ? null
          : new HandoffError(
              `blob ${layer.digest} of the archive hashes to ${actual}: it is corrupt; save the image again`
            )
      )
    }
  })
  if (out.emitted.has(layer.digest)) await pipeline(body, check, new PassThrough().resume())
  else {
    out.emitted.add(layer.digest)
    body.once('error', (error) => check.destroy(error))
    await writeStream(out.pack, blobPath(layer.digest), layer.size, body.pipe(check))
  }
  return layer
}

/** What compression a blob is in, from its first bytes. */
export function compressionOf(head: Buffer): LayerCompression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) return 'zstd'
  return 'uncompressed'
}

/**
 * One layer to a temp file in the target compression (recompressed only when it is in another one), then into
 * the output under its new digest; the temp file is gone before the next layer starts.
 */
export async function convertLayer(out: LayerOutput, body: Readable): Promise<ConvertedLayer> {
  const file = join(out.scratch, `convert-${process.pid}-${out.files++}`)
  const untrack = trackTemporary(file)
  try {
    const head = await peek(body)
    const source = compressionOf(head.first)
    const target = out.compression
    const hash = createHash('sha256')
    let size = 0
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk)
        size += chunk.length
        callback(null, chunk)
      }
    })
    const stages: Array<Transform | Writable> = []
    if (source !== target) {
      if (source !== 'uncompressed') stages.push(decompressor(source))
      if (target !== 'uncompressed')
        stages.push(target === 'gzip' ? createGzip({ level: layerLevels.gzip }) : zstdCompress(layerLevels.zstd))
    }
    stages.push(count)
    // An uncompressed layer waits on disk compressed; it is expanded again on its way out.
    if (target === 'uncompressed') stages.push(zstdCompress(1))
    await pipeline([
      head.stream,
      ...stages,
      createWriteStream(file, { highWaterMark: 1024 * 1024 })
    ] as unknown as NodeJS.ReadWriteStream[])
    const layer = { digest: `sha256:${hash.digest('hex')}`, size }
    if (!out.emitted.has(layer.digest)) {
      out.emitted.add(layer.digest)
      const stored = createReadStream(file, { highWaterMark: 1024 * 1024 })
      const body = target === 'uncompressed' ? stored.pipe(createZstdDecompress()) : stored
      if (body !== stored) stored.once('error', (error) => body.destroy(error))
      await writeStream(out.pack, blobPath(layer.digest), size, body)
    }
    return layer
  } finally {
    await rm(file, { force: true })
    untrack()
  }
}

function decompressor(source: LayerCompression): Transform {
  return source === 'gzip' ? createGunzip() : createZstdDecompress()
}

async function peek(body: Readable): Promise<{ first: Buffer; stream: Readable }> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const first = await iterator.next()
  const head = first.done ? Buffer.alloc(0) : first.value
  return { first: head, stream: Readable.from(prepend(head, iterator)) }
}

export async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}

const fixed = { mode: 0o644, type: 'file' as const, mtime: new Date(0), uid: 0, gid: 0 }

export function writeBody(pack: Pack, name: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: body.length, ...fixed }, body, (error) => (error ? reject(error) : resolve()))
  })
}

function writeStream(pack: Pack, name: string, size: number, body: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const sink = pack.entry({ name, size, ...fixed }, (error) => (error ? reject(error) : resolve()))
    pipeline(body, sink).catch(reject)
  })
}
