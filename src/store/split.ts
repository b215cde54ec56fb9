/**
 * Save side of the store: reads the engine's archive once and splits it, without re-packing it, into the index's
 * entries (small files inline) and content-addressed chunks handed to a sink as they fill. Each byte is hashed
 * once, for its chunk's name; the load checks every chunk against that name.
 */
import { createHash, type Hash } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { Transform, type Readable } from 'node:stream'
import tar, { type Header } from 'tar-stream'
import { HandoffError } from '../errors.js'
import { InputWatch } from '../archive/input-check.js'
import { heldBytesBudget, isSpecialEntry, maxEntries, overBudget, specialEntry } from '../archive/checks.js'
import { isNameFile, looksLikeJson, normalizePath, type ArchiveContents } from '../archive/model.js'
import { paceGc } from './gc-pace.js'
import { contentsOf, type ChunkDigest, type StoredEntry } from './format.js'

/** Where chunks go: `begin` waits while too many are in flight, so disk use stays bounded. */
export interface ChunkSink {
  begin(): Promise<ChunkTarget>
}

export interface ChunkTarget {
  write(data: Buffer): Promise<void>
  /** Every byte written: the sink stores the chunk under `digest` (in the background). */
  end(digest: ChunkDigest, size: number): Promise<void>
  /** The split failed: drop what was written. */
  abort(): Promise<void>
}

export interface SplitResult {
  entries: StoredEntry[]
  /** The facts the archive model is read from, derived from the entries (see `contentsOf`). */
  contents: ArchiveContents
  /** Bytes of the archive as the engine wrote it. */
  archiveBytes: number
}

/**
 * A selection inside the archive (`archive:` with `images`): layer files no selected image uses stay out, and the
 * name files are replaced by ones naming the selected images only.
 */
export interface SplitSelection {
  omit: Set<string>
  nameFiles: Array<{ name: string; body: Buffer }>
}

/** Files at most this size travel inside the index; JSON documents (configs, manifests) up to `jsonInline`. */
const tinyInline = 64 * 1024
const jsonInline = 4 * 1024 * 1024

export async function splitArchive(
  archive: Readable,
  sink: ChunkSink,
  chunkBytes: number,
  onBytes: (n: number) => void = () => undefined,
  selection?: SplitSelection
): Promise<SplitResult> {
  const watch = new InputWatch()
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      watch.see(chunk)
      paceGc(chunk.length)
      onBytes(chunk.length)
      callback(null, chunk)
    }
  })
  const extract = tar.extract()
  const fed = pipeline(archive, tap, extract).catch((error: unknown) => {
    throw watch.explain(error)
  })
  fed.catch(() => undefined)
  const state = { entries: [] as StoredEntry[], inlineBytes: 0 }
  try {
    for await (const entry of extract) {
      if (selection !== undefined && leftOut(entry.header, selection)) {
        await drain((entry as unknown as Body)[Symbol.asyncIterator]())
        continue
      }
      const stored = await storeEntry(entry.header, entry as unknown as Body, sink, chunkBytes, state)
      if (stored === undefined) continue
      // The index holds every entry: their number is bounded as the inline bytes are.
      if (state.entries.push(stored) > maxEntries) throw overBudget(`more than ${maxEntries} entries`)
    }
    await fed
  } catch (error) {
    extract.destroy()
    await fed.catch(() => undefined)
    // Writing a chunk can fail on its own (a full disk): that is no fault of the archive.
    throw (error as NodeJS.ErrnoException | null)?.syscall !== undefined ? error : watch.explain(error)
  }
  if (!watch.endedCleanly()) throw watch.explain(new Error('the tar ended early, without its end-of-archive blocks'))
  for (const file of selection?.nameFiles ?? []) {
    const inline = file.body.toString('base64')
    state.entries.push({ path: file.name, mode: 0o644, type: 'file', size: file.body.length, inline })
  }
  return { entries: state.entries, contents: contentsOf(state.entries), archiveBytes: watch.bytes }
}

/** A regular file the selection leaves out: an unused layer, or a name file that is replaced. */
function leftOut(header: Header, selection: SplitSelection): boolean {
  if (header.type !== 'file' && header.type !== 'contiguous-file') return false
  const path = normalizePath(header.name)
  return selection.omit.has(path) || isNameFile(path)
}

type Body = AsyncIterable<Buffer>
/** One reader per entry body, shared by the inline check and the chunk writer (a second iteration would end it). */
type Pieces = AsyncIterator<Buffer>

async function storeEntry(
  header: Header,
  body: Body,
  sink: ChunkSink,
  chunkBytes: number,
  state: { inlineBytes: number }
): Promise<StoredEntry | undefined> {
  const path = normalizePath(header.name)
  const mode = header.mode ?? 0o644
  // Refused before anything is stored: a FIFO where a layer should be blocks the engine forever.
  if (isSpecialEntry(header.type)) throw specialEntry(path, header.type)
  const pieces = body[Symbol.asyncIterator]()
  switch (header.type) {
    case 'directory':
      await drain(pieces)
      return path === '' ? undefined : { path, mode, type: 'directory' }
    case 'symlink':
    case 'link': {
      await drain(pieces)
      return { path, mode, type: header.type, linkname: normalizePath(header.linkname ?? '') }
    }
    case 'file':
    case 'contiguous-file':
      return storeFile({ path, mode, size: header.size ?? 0 }, pieces, sink, chunkBytes, state)
    default:
      throw new HandoffError(
        `not an image archive: ${path} is a ${header.type ?? 'special'} entry, which no image archive holds; save the image again`
      )
  }
}

async function drain(pieces: Pieces): Promise<void> {
  while (!(await pieces.next()).done) {
    /* an entry's body must be read to reach the next entry */
  }
}

async function storeFile(
  file: { path: string; mode: number; size: number },
  pieces: Pieces,
  sink: ChunkSink,
  chunkBytes: number,
  state: { inlineBytes: number }
): Promise<StoredEntry> {
  const { path, mode, size } = file
  const nameFile = isNameFile(path)
  let first: Buffer | undefined
  if (nameFile || size <= jsonInline) {
    const inline = await readInline(file, pieces, nameFile, state)
    if (Buffer.isBuffer(inline)) return { path, mode, type: 'file', size, inline: inline.toString('base64') }
    first = inline.first
  }
  return { path, mode, type: 'file', size, chunks: await writeChunks(first, pieces, sink, chunkBytes) }
}

/**
 * The body when it belongs inline: name files and small files always, JSON documents up to `jsonInline`.
 * A larger file that turns out not to be JSON is left to the chunks, with the piece already read.
 */
async function readInline(
  file: { path: string; size: number },
  pieces: Pieces,
  nameFile: boolean,
  state: { inlineBytes: number }
): Promise<Buffer | { first: Buffer | undefined }> {
  if (nameFile && file.size > jsonInline) {
    throw new HandoffError(
      `not an image archive: ${file.path} is ${file.size} bytes, far larger than any name file; save the image again`
    )
  }
  const parts: Buffer[] = []
  let seen = 0
  for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
    const data = next.value
    if (seen === 0 && !nameFile && file.size > tinyInline && !looksLikeJson(data)) return { first: data }
    parts.push(data)
    seen += data.length
  }
  state.inlineBytes += seen
  if (state.inlineBytes > heldBytesBudget)
    throw overBudget(`more than ${heldBytesBudget >> 20} MiB of small files (configs, manifests)`)
  return Buffer.concat(parts, seen)
}

async function writeChunks(
  first: Buffer | undefined,
  pieces: Pieces,
  sink: ChunkSink,
  chunkBytes: number
): Promise<ChunkDigest[]> {
  const digests: ChunkDigest[] = []
  let target: ChunkTarget | undefined
  let hash: Hash = createHash('sha256')
  let filled = 0
  const close = async (): Promise<void> => {
    const digest = `sha256:${hash.digest('hex')}`
    digests.push(digest)
    const done = target
    if (done === undefined) throw new Error('a chunk was closed before any byte was written to it')
    target = undefined
    hash = createHash('sha256')
    await done.end(digest, filled)
    filled = 0
  }
  try {
    let data = first
    for (;;) {
      if (data === undefined) {
        const next = await pieces.next()
        if (next.done) break
        data = next.value
      }
      while (data.length > 0) {
        target ??= await sink.begin()
        const piece = data.length > chunkBytes - filled ? data.subarray(0, chunkBytes - filled) : data
        hash.update(piece)
        filled += piece.length
        await target.write(piece)
        data = data.subarray(piece.length)
        if (filled === chunkBytes) await close()
      }
      data = undefined
    }
    if (target !== undefined) await close()
  } catch (error) {
    await target?.abort()
    throw error
  }
  return digests
}
