/**
 * The index of a stored handoff (format 3): the small document saved under `key`. It lists the engine's archive
 * entry by entry, in order, so the archive can be rebuilt byte for byte: small files (name files, configs,
 * manifests, tiny layers) travel inside it, larger files are sequences of content-addressed chunks kept once
 * in the store however many keys, images or runs refer to them. Pure: building, encoding and checking only.
 *
 * A reader refuses any other `format`/`version` (an entry of the first release, or of a newer one) as a miss,
 * so an index never makes a load fail for a reason the user cannot act on.
 */
import { HandoffError } from '../errors.js'
import {
  isNameFile,
  isRecord,
  looksLikeJson,
  symlinkTarget,
  type ArchiveContents,
  type ArchiveModel
} from '../archive/model.js'

export const indexFormat = 'image-handoff/index'
export const indexVersion = 3
/**
 * Versions a load reads. Version 3 added raw chunks (stored uncompressed where they did not compress): a release
 * reading only version 2 would take them for damaged zstd frames, so it sees version 3 as a miss; every chunk
 * a version 2 index names is a zstd frame, which this release reads as before.
 */
const readableVersions: unknown[] = [2, indexVersion]

/** Chunks are at most this many bytes of a file, so one upload overlaps the export of the next and disk stays bounded. */
export const defaultChunkBytes = 64 * 1024 * 1024

/** `sha256:<64 hex>` of a chunk's uncompressed bytes: its name in every store. */
export type ChunkDigest = string

interface EntryBase {
  path: string
  mode: number
}

export type StoredEntry =
  | (EntryBase & { type: 'directory' })
  | (EntryBase & { type: 'symlink' | 'link'; linkname: string })
  | (EntryBase & { type: 'file'; size: number; inline: string })
  | (EntryBase & { type: 'file'; size: number; chunks: ChunkDigest[] })

export interface StoreIndex {
  format: typeof indexFormat
  version: typeof indexVersion
  /** ISO time of the save, for people reading an entry. */
  created: string
  /** The most bytes of a file one chunk holds (the last chunk of a file may hold fewer). */
  chunkBytes: number
  /** What the archive held, as read when it was saved (names, IDs, platforms, layers). */
  model: ArchiveModel
  entries: StoredEntry[]
}

export function newIndex(
  model: ArchiveModel,
  entries: StoredEntry[],
  chunkBytes: number,
  created = new Date()
): StoreIndex {
  return { format: indexFormat, version: indexVersion, created: created.toISOString(), chunkBytes, model, entries }
}

export function isChunked(
  entry: StoredEntry
): entry is EntryBase & { type: 'file'; size: number; chunks: ChunkDigest[] } {
  return entry.type === 'file' && 'chunks' in entry
}

/** The bytes of each chunk an index names, as split: every chunk of a file is `chunkBytes` long but its last. */
export function chunkSizes(index: StoreIndex): Map<ChunkDigest, number> {
  const sizes = new Map<ChunkDigest, number>()
  for (const entry of index.entries) {
    if (!isChunked(entry)) continue
    entry.chunks.forEach((digest, at) =>
      sizes.set(digest, Math.min(index.chunkBytes, entry.size - at * index.chunkBytes))
    )
  }
  return sizes
}

/**
 * The facts the archive model is read from, as the index records them (links resolved, directories marked): a
 * save reads the model from them as the split ends and a load as it plans, so both read one model.
 */
export function contentsOf(entries: StoredEntry[]): ArchiveContents {
  const contents: ArchiveContents = { files: new Map(), json: new Map(), nameFiles: new Map() }
  for (const entry of entries) {
    if (entry.type === 'directory') {
      contents.files.set(entry.path, { size: 0, type: 'directory' })
      continue
    }
    if (entry.type !== 'file') {
      contents.files.set(entry.path, {
        size: 0,
        link: entry.type === 'link' ? entry.linkname : symlinkTarget(entry.path, entry.linkname)
      })
      continue
    }
    const body = 'inline' in entry ? Buffer.from(entry.inline, 'base64') : undefined
    if (body !== undefined && isNameFile(entry.path)) {
      contents.nameFiles.set(entry.path, body)
      continue
    }
    contents.files.set(entry.path, { size: entry.size })
    if (body !== undefined && looksLikeJson(body)) contents.json.set(entry.path, body)
  }
  return contents
}

export function encodeIndex(index: StoreIndex): Buffer {
  return Buffer.from(JSON.stringify(index))
}

/** Why a stored document is not an index this release can load; the caller turns it into a miss. */
export class IndexFormatError extends HandoffError {}

const digestPattern = /^sha256:[0-9a-f]{64}$/
const pathPattern = /^[A-Za-z0-9._+\-/]{1,512}$/

/** Parses and checks an index: anything a later step would trust (paths, sizes, digests) is validated here. */
export function parseIndex(body: Buffer): StoreIndex {
  let raw: unknown
  try {
    raw = JSON.parse(body.toString('utf8'))
  } catch {
    throw new IndexFormatError(
      'the stored entry is not an image-handoff index (not JSON); it was written by another tool or release'
    )
  }
  if (!isRecord(raw) || raw['format'] !== indexFormat) {
    throw new IndexFormatError(
      'the stored entry is not an image-handoff index; it was written by another tool or release'
    )
  }
  if (!readableVersions.includes(raw['version'])) {
    throw new IndexFormatError(
      `the stored entry has index version ${String(raw['version'])}; this release reads versions ${readableVersions.join(' and ')}`
    )
  }
  const entries = raw['entries']
  const model = raw['model']
  if (!Array.isArray(entries) || !isRecord(model) || !Array.isArray(model['images'])) {
    throw new IndexFormatError('the stored index lacks its entries or images; it is damaged')
  }
  const size = raw['chunkBytes']
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1)
    throw new IndexFormatError('the stored index has no valid chunk size; it is damaged')
  entries.forEach((entry, at) => checkEntry(entry, at, size))
  return raw as unknown as StoreIndex
}

function checkEntry(entry: unknown, at: number, chunkSize: number): void {
  const bad = (why: string): never => {
    throw new IndexFormatError(`entry ${at + 1} of the stored index ${why}; the index is damaged`)
  }
  if (!isRecord(entry)) return bad('is not an object')
  const path = entry['path']
  if (typeof path !== 'string' || !pathPattern.test(path) || path.split('/').includes('..'))
    return bad('has an unsafe path')
  if (typeof entry['mode'] !== 'number') return bad('has no mode')
  switch (entry['type']) {
    case 'directory':
      return
    case 'symlink':
    case 'link':
      if (typeof entry['linkname'] !== 'string' || !pathPattern.test(entry['linkname']))
        bad('has an unsafe link target')
      return
    case 'file':
      return checkFile(entry, chunkSize, bad)
    default:
      bad(`has an unknown type ${JSON.stringify(entry['type'])}`)
  }
}

function checkFile(entry: Record<string, unknown>, chunkSize: number, bad: (why: string) => never): void {
  const size = entry['size']
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) bad('has an invalid size')
  if (typeof entry['inline'] === 'string') {
    if (Buffer.byteLength(entry['inline'], 'base64') !== size) bad('holds a body whose length differs from its size')
    return
  }
  const chunks = entry['chunks']
  if (!Array.isArray(chunks) || !chunks.every((c) => typeof c === 'string' && digestPattern.test(c)))
    bad('lists invalid chunk digests')
  const expected = Math.ceil((size as number) / chunkSize)
  if ((chunks as unknown[]).length !== expected)
    bad(`lists ${(chunks as unknown[]).length} chunks for ${String(size)} bytes`)
}
