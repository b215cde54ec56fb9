/**
 * The conversion a save applies between the engine's export and the split when `compression`, `oci-mediatypes`
 * or `annotations` ask for it: any image archive in, an OCI layout out (index.json, blobs/sha256/, and a
 * manifest.json for Docker's classic store), each layer rewritten in the chosen compression.
 *
 * A layer's new digest and size are known only once it is compressed, and a tar entry needs its size first, so
 * each layer goes to a temp file (in its target compression; an uncompressed target is kept zstd-compressed and
 * expanded as it streams out) and into the output right after, one at a time. Configs keep their bytes; the
 * small JSON documents are held until the end, where the new manifests and name files are written.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough, Readable, Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip, createZstdDecompress } from 'node:zlib'
import tar, { type Header, type Pack } from 'tar-stream'
import { HandoffError } from '../errors.js'
import { trackTemporary } from '../store/temporaries.js'
import { heldBytesBudget, isSpecialEntry, maxEntries, overBudget, specialEntry } from './checks.js'
import { zstdCompress } from './compression.js'
import { InputWatch } from './input-check.js'
import {
  isNameFile,
  looksLikeJson,
  normalizePath,
  resolveFile,
  symlinkTarget,
  blobPath,
  type ArchiveContents
} from './model.js'
import { buildArchive, type ConvertOptions, type ConvertedLayer, type LayerCompression } from './oci-build.js'
import { readModel } from './read-model.js'

export interface ConvertedArchive {
  archive: Readable
  /** The engine's image IDs (manifest or index digests) the conversion replaced: old → new; complete at the end. */
  renamed(): Map<string, string>
}

const jsonLimit = 4 * 1024 * 1024
/** The smallest layer tar is 1 KiB of end blocks; a smaller file is a compressed empty layer or no layer at all. */
const smallLimit = 1024
const layerLevels = { gzip: 6, zstd: 3 }

interface State {
  contents: ArchiveContents
  layers: Map<string, ConvertedLayer>
  small: Map<string, Buffer>
  emitted: Set<string>
  heldBytes: number
  entries: number
  files: number
}

export function convertArchive(input: Readable, options: ConvertOptions, scratch: string): ConvertedArchive {
  const pack = tar.pack()
  const extract = tar.extract()
  const watch = new InputWatch()
  const tap = new PassThrough()
  tap.on('data', (chunk: Buffer) => watch.see(chunk))
  const fed = pipeline(input, tap, extract)
  fed.catch(() => undefined)
  let renamed = new Map<string, string>()
  const state: State = {
    contents: { files: new Map(), json: new Map(), nameFiles: new Map() },
    layers: new Map(),
    small: new Map(),
    emitted: new Set(),
    heldBytes: 0,
    entries: 0,
    files: 0
  }
  const convert = { options, scratch, pack, state }
  void (async () => {
    for await (const entry of extract) await take(convert, entry.header, entry as unknown as AsyncIterable<Buffer>)
    await fed
    if (!watch.endedCleanly()) throw new Error('the tar ended early, without its end-of-archive blocks')
    renamed = await finish(convert)
    pack.finalize()
  })().catch(async (error: unknown) => {
    extract.destroy()
    await fed.catch(() => undefined)
    const failure = (error as NodeJS.ErrnoException | null)?.syscall !== undefined ? error : watch.explain(error)
    pack.destroy(failure instanceof Error ? failure : new Error(String(failure)))
  })
  return { archive: Readable.from(pack as AsyncIterable<Buffer>, { objectMode: false }), renamed: () => renamed }
}

interface Conversion {
  options: ConvertOptions
  scratch: string
  pack: Pack
  state: State
}

async function take(convert: Conversion, header: Header, body: AsyncIterable<Buffer>): Promise<void> {
  const { state } = convert
  const path = normalizePath(header.name)
  if (isSpecialEntry(header.type)) throw specialEntry(path, header.type)
  if (++state.entries > maxEntries) throw overBudget(`more than ${maxEntries} entries`)
  const pieces = body[Symbol.asyncIterator]()
  const isFile = header.type === 'file' || header.type === 'contiguous-file'
  if (!isFile) {
    await drain(pieces)
    const link = header.linkname ?? ''
    if (header.type === 'symlink') state.contents.files.set(path, { size: 0, link: symlinkTarget(path, link) })
    else if (header.type === 'link') state.contents.files.set(path, { size: 0, link: normalizePath(link) })
    else state.contents.files.set(path, { size: 0, type: header.type ?? 'directory' })
    return
  }
  const size = header.size ?? 0
  const first = await pieces.next()
  const head = first.done ? Buffer.alloc(0) : first.value
  if (isNameFile(path) || (size <= jsonLimit && looksLikeJson(head)) || size < smallLimit) {
    const body = await readRest(head, pieces, state)
    if (isNameFile(path)) state.contents.nameFiles.set(path, body)
    else if (looksLikeJson(body)) state.contents.json.set(path, body)
    else state.small.set(path, body)
    if (!isNameFile(path)) state.contents.files.set(path, { size })
    return
  }
  state.contents.files.set(path, { size })
  state.layers.set(path, await convertLayer(convert, Readable.from(prepend(head, pieces))))
}

/** After the input: small layers, configs, new manifests and name files. Returns the IDs that changed. */
async function finish(convert: Conversion): Promise<Map<string, string>> {
  const { state } = convert
  const model = readModel(state.contents)
  const resolved = (path: string): string => resolveFile(state.contents, path)?.path ?? path
  for (const image of model.images) {
    for (const layer of image.layers) {
      const path = resolved(layer.path)
      const small = state.small.get(path)
      if (!state.layers.has(path) && small !== undefined)
        state.layers.set(path, await convertLayer(convert, Readable.from([small])))
    }
  }
  const configSizes = new Map<string, number>()
  for (const image of model.images) {
    const path = resolved(configPathOf(state, image.configDigest))
    const body = state.contents.json.get(path)
    if (body === undefined) throw new HandoffError(`the config of ${image.configDigest} is missing from the archive`)
    configSizes.set(image.configDigest, body.length)
    await emit(convert, image.configDigest, body)
  }
  const layerOf = (path: string): ConvertedLayer => {
    const layer = state.layers.get(resolved(path))
    if (layer === undefined) throw new HandoffError(`layer ${path} is missing from the archive; save the image again`)
    return layer
  }
  const built = buildArchive(model, configSizes, layerOf, convert.options)
  for (const blob of built.blobs) await emit(convert, blob.digest, blob.body)
  for (const file of built.nameFiles) await writeBody(convert.pack, file.name, file.body)
  return built.renamed
}

/** Where the archive holds a config: `blobs/sha256/<hex>` (OCI) or `<hex>.json` (legacy). */
function configPathOf(state: State, digest: string): string {
  const legacy = `${digest.replace(/^sha256:/, '')}.json`
  return state.contents.files.has(legacy) ? legacy : blobPath(digest)
}

async function emit(convert: Conversion, digest: string, body: Buffer): Promise<void> {
  if (convert.state.emitted.has(digest)) return
  convert.state.emitted.add(digest)
  await writeBody(convert.pack, blobPath(digest), body)
}

/** What compression a blob is in, from its first bytes. */
function compressionOf(head: Buffer): LayerCompression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) return 'zstd'
  return 'uncompressed'
}

/**
 * One layer to a temp file in the target compression (recompressed only when it is in another one), then into
 * the output under its new digest; the temp file is gone before the next layer starts.
 */
async function convertLayer(convert: Conversion, body: Readable): Promise<ConvertedLayer> {
  const file = join(convert.scratch, `convert-${process.pid}-${convert.state.files++}`)
  const untrack = trackTemporary(file)
  try {
    const head = await peek(body)
    const source = compressionOf(head.first)
    const target = convert.options.compression
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
    await pipeline([head.stream, ...stages, createWriteStream(file)] as unknown as NodeJS.ReadWriteStream[])
    const layer = { digest: `sha256:${hash.digest('hex')}`, size }
    if (!convert.state.emitted.has(layer.digest)) {
      convert.state.emitted.add(layer.digest)
      const out = createReadStream(file, { highWaterMark: 1024 * 1024 })
      await writeStream(
        convert.pack,
        blobPath(layer.digest),
        size,
        target === 'uncompressed' ? out.pipe(createZstdDecompress()) : out
      )
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

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}

async function readRest(head: Buffer, pieces: AsyncIterator<Buffer>, state: State): Promise<Buffer> {
  const parts = [head]
  let seen = head.length
  for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
    parts.push(next.value)
    seen += next.value.length
  }
  state.heldBytes += seen
  if (state.heldBytes > heldBytesBudget)
    throw overBudget(`more than ${heldBytesBudget >> 20} MiB of small files (configs, manifests)`)
  return Buffer.concat(parts, seen)
}

async function drain(pieces: AsyncIterator<Buffer>): Promise<void> {
  while (!(await pieces.next()).done) {
    /* an entry's body must be read to reach the next entry */
  }
}

const fixed = { mode: 0o644, type: 'file' as const, mtime: new Date(0), uid: 0, gid: 0 }

function writeBody(pack: Pack, name: string, body: Buffer): Promise<void> {
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
