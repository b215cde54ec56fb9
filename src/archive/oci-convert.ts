/**
 * The conversion a save applies between the engine's export and the split when `compression`, `oci-mediatypes`
 * or `annotations` ask for it: any image archive in, an OCI layout out (index.json, blobs/sha256/, and a
 * manifest.json for Docker's classic store), each layer rewritten in the chosen compression.
 *
 * Layers are rewritten one at a time as they stream by (layer-rewrite.ts); configs keep their bytes; the small
 * JSON documents are held until the end, where the new manifests and name files are written.
 */
import { PassThrough, Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import tar, { type Header, type Pack } from 'tar-stream'
import { HandoffError } from '../errors.js'
import { heldBytesBudget, isSpecialEntry, maxEntries, overBudget, specialEntry } from './checks.js'
import { compressionOf, convertLayer, keepLayer, prepend, writeBody, type LayerOutput } from './layer-rewrite.js'
import { InputWatch } from './input-check.js'
import {
  isNameFile,
  looksLikeJson,
  normalizePath,
  resolveFile,
  symlinkTarget,
  blobPath,
  configDigestOfPath,
  type ArchiveContents
} from './model.js'
import { buildArchive, type ConvertOptions, type ConvertedLayer } from './oci-build.js'
import { readModel } from './read-model.js'

export interface ConvertedArchive {
  archive: Readable
  /** The engine's image IDs (manifest or index digests) the conversion replaced: old → new; complete at the end. */
  renamed(): Map<string, string>
}

const jsonLimit = 4 * 1024 * 1024
/** The smallest layer tar is 1 KiB of end blocks; a smaller file is a compressed empty layer or no layer at all. */
const smallLimit = 1024

interface State {
  contents: ArchiveContents
  layers: Map<string, ConvertedLayer>
  small: Map<string, Buffer>
  heldBytes: number
  entries: number
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
    heldBytes: 0,
    entries: 0
  }
  const out: LayerOutput = { pack, scratch, compression: options.compression, emitted: new Set(), files: 0 }
  const convert = { options, pack, state, out }
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
  pack: Pack
  state: State
  out: LayerOutput
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
    const whole = await readRest(head, pieces, state)
    if (isNameFile(path)) state.contents.nameFiles.set(path, whole)
    else if (looksLikeJson(whole)) state.contents.json.set(path, whole)
    else state.small.set(path, whole)
    if (!isNameFile(path)) state.contents.files.set(path, { size })
    return
  }
  state.contents.files.set(path, { size })
  const digest = configDigestOfPath(path)
  const stream = Readable.from(prepend(head, pieces))
  const kept =
    digest !== undefined && path.startsWith('blobs/sha256/') && compressionOf(head) === convert.options.compression
  state.layers.set(
    path,
    kept ? await keepLayer(convert.out, { digest, size }, stream) : await convertLayer(convert.out, stream)
  )
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
        state.layers.set(path, await convertLayer(convert.out, Readable.from([small])))
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
  if (convert.out.emitted.has(digest)) return
  convert.out.emitted.add(digest)
  await writeBody(convert.pack, blobPath(digest), body)
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
