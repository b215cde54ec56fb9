/**
 * The archive transform: a tar goes in, the same tar comes out with its name files rewritten and moved to
 * the end, and the model of what it held resolves once the input ended cleanly. Blobs stream through
 * while they are hashed; only the small name files are held back (they are rewritten once everything
 * they refer to has been seen, which is why they come last).
 */
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { Duplex } from 'node:stream'
import tar, { type Extract, type Header, type Pack } from 'tar-stream'
import { HandoffError, errorMessage, systemErrorMessage } from '../errors.js'
import { heldBytesBudget, isSpecialEntry, maxEntries, overBudget, specialEntry } from './checks.js'
import { verifyDigests } from './digest.js'
import { InputWatch } from './input-check.js'
import {
  isNameFile,
  looksLikeJson,
  normalizePath,
  symlinkTarget,
  type ArchiveContents,
  type ArchiveModel,
  type FileFacts
} from './model.js'
import { rewriteNameFiles, type RewriteOptions } from './name-files.js'
import { readModel } from './read-model.js'

export type { RewriteOptions } from './name-files.js'

/** One entry of the input tar: its header and a stream of its body. */
type Entry = Extract extends AsyncIterable<infer Source> ? Source : never
type Headers = Partial<Header> & Pick<Header, 'name'>

/** Configs, manifests and indexes are small; anything larger is a layer and is never kept. */
const jsonLimit = 4 * 1024 * 1024
const nameFileLimit = 16 * 1024 * 1024

/** Running totals of what one transform holds in memory. */
interface Held {
  json: number
  entries: number
}

export interface ArchiveTransform {
  /** Write the archive in, read the rewritten archive out; errors (so a pipeline fails) when the model rejects. */
  stream: Duplex
  /** The post-rewrite model; rejects with a HandoffError when the input is not a whole, intact image archive. */
  model: Promise<ArchiveModel>
}

export function archiveTransform(options: RewriteOptions = {}): ArchiveTransform {
  const extract = tar.extract()
  const pack = tar.pack()
  const watch = new InputWatch()
  // Whoever closes the stream early (the engine's side failing) says why; that reason is the model's failure too.
  let destroyedWith: Error | undefined
  const stream = new Duplex({
    write(chunk: Buffer, _encoding, callback) {
      watch.see(chunk)
      if (extract.write(chunk)) callback()
      else extract.once('drain', () => callback())
    },
    final(callback) {
      extract.end(undefined)
      callback()
    },
    read() {
      pack.resume()
    },
    destroy(error, callback) {
      destroyedWith ??= error ?? undefined
      // With a reason, a copy waiting for input or for room in the pack fails instead of waiting forever.
      const reason = error ?? new Error('the archive stream was closed')
      extract.destroy(reason)
      pack.destroy(reason)
      callback(error)
    }
  })
  pack.on('data', (chunk) => {
    if (!stream.push(chunk)) pack.pause()
  })
  pack.on('end', () => stream.push(null))
  // Their errors are the stream's own (destroy above) or surface through the model: reported there, not twice.
  pack.on('error', () => undefined)
  extract.on('error', () => undefined)
  const model = transform(extract, pack, options, watch).catch((error: unknown) => {
    const failure =
      stream.destroyed && !(error instanceof HandoffError) ? closedEarly(destroyedWith) : watch.explain(error)
    stream.destroy(failure)
    throw failure
  })
  // The stream reports the failure too: a caller that only pipes must not crash on an unhandled rejection.
  model.catch(() => undefined)
  return { stream, model }
}

/** The reason a stream closed before its end: the closer's own HandoffError, else what is known. */
function closedEarly(reason: Error | undefined): HandoffError {
  if (reason instanceof HandoffError) return reason
  const system = systemErrorMessage(reason)
  if (system !== undefined) return new HandoffError(system, { cause: reason })
  const why = reason === undefined ? '' : ` (${errorMessage(reason)})`
  return new HandoffError(
    `the archive stream was closed before the archive ended${why}: the engine or the storage stopped taking or giving bytes; check the engine and run the step again`
  )
}

async function transform(
  extract: Extract,
  pack: Pack,
  options: RewriteOptions,
  watch: InputWatch
): Promise<ArchiveModel> {
  const contents: ArchiveContents = { files: new Map(), json: new Map(), nameFiles: new Map() }
  const held: Held = { json: 0, entries: 0 }
  for await (const entry of extract) await copyEntry(entry, pack, contents, held)
  if (!watch.endedCleanly()) throw new Error('the tar ended early, without its end-of-archive blocks')
  const found = readModel(contents)
  verifyDigests(contents, found)
  const { model, files } = rewriteNameFiles(contents.nameFiles, found, options)
  for (const file of files) await writeEntry(pack, nameFileHeader(file.name, file.body.length), [file.body])
  pack.finalize()
  return model
}

async function copyEntry(entry: Entry, pack: Pack, contents: ArchiveContents, held: Held): Promise<void> {
  const { header } = entry
  const path = normalizePath(header.name)
  // Refused before the engine sees the entry: a FIFO where a layer should be blocks the engine forever.
  if (isSpecialEntry(header.type)) throw specialEntry(path, header.type)
  if (++held.entries > maxEntries) throw overBudget(`more than ${maxEntries} entries`)
  if (isNameFile(path)) {
    contents.nameFiles.set(path, await readAll(entry, path))
    return
  }
  const isFile = header.type === 'file' || header.type === 'contiguous-file'
  const hash = isFile ? createHash(algorithmOf(path)) : undefined
  const size = header.size ?? 0
  const kept: Buffer[] | undefined = isFile && size <= jsonLimit ? [] : undefined
  await writeEntry(pack, header, entry, (chunk) => {
    hash?.update(chunk)
    kept?.push(chunk)
  })
  contents.files.set(path, factsOf(path, header, hash?.digest('hex')))
  const body = kept === undefined ? undefined : Buffer.concat(kept)
  if (body !== undefined && looksLikeJson(body)) {
    held.json += body.length
    if (held.json > heldBytesBudget)
      throw overBudget(`more than ${heldBytesBudget / 1024 / 1024} MiB of small JSON documents`)
    contents.json.set(path, body)
  }
}

/** Writes one entry into the pack, waiting for the reader whenever the pack is full. */
async function writeEntry(
  pack: Pack,
  header: Headers,
  body: AsyncIterable<unknown> | Buffer[],
  see?: (chunk: Buffer) => void
): Promise<void> {
  let settle: (error?: Error | null) => void = () => undefined
  const written = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve())
  })
  // When the input fails mid-entry the pack is torn down with the whole stream: these errors are reported there.
  written.catch(() => undefined)
  const sink = pack.entry({ ...header }, (error) => settle(error))
  sink.on('error', () => undefined)
  for await (const data of body) {
    const chunk = data as Buffer
    see?.(chunk)
    if (!sink.write(chunk)) await orClosed(pack, once(sink, 'drain'))
  }
  sink.end(undefined)
  await orClosed(pack, written)
}

/** Waits for `promise` unless the pack is torn down first (the stream was destroyed): a drain would never come. */
async function orClosed<T>(pack: Pack, promise: Promise<T>): Promise<T> {
  const closedError = (): Error => new Error('the archive stream was closed while an entry was being written')
  if (pack.destroyed) throw closedError()
  const stop = new AbortController()
  const closing = once(pack, 'close', { signal: stop.signal }).then(() => {
    throw closedError()
  })
  closing.catch(() => undefined)
  try {
    return await Promise.race([promise, closing])
  } finally {
    stop.abort()
  }
}

async function readAll(entry: Entry, path: string): Promise<Buffer> {
  if ((entry.header.size ?? 0) > nameFileLimit) {
    throw new HandoffError(`not an image archive: ${path} is ${entry.header.size} bytes, far larger than any name file`)
  }
  const chunks: Buffer[] = []
  for await (const chunk of entry) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function factsOf(path: string, header: Headers, hex: string | undefined): FileFacts {
  if (header.type === 'symlink' && header.linkname) {
    return { size: 0, link: symlinkTarget(path, header.linkname) }
  }
  if (header.type === 'link' && header.linkname) return { size: 0, link: normalizePath(header.linkname) }
  if (hex === undefined) return { size: 0, type: header.type ?? 'entry of unknown type' }
  return { size: header.size ?? 0, digest: `${algorithmOf(path)}:${hex}` }
}

/** Blobs under blobs/sha512/ are named by sha512; everything else is compared with sha256. */
function algorithmOf(path: string): 'sha256' | 'sha512' {
  return path.startsWith('blobs/sha512/') ? 'sha512' : 'sha256'
}

function nameFileHeader(name: string, size: number): Headers {
  return { name, size, mode: 0o644, type: 'file', mtime: new Date(0), uid: 0, gid: 0 }
}
