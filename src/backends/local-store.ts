/**
 * `backend: local`: a content-addressed store in a directory, shared by every key saved into it.
 *   blobs/sha256/<hex>.zst   one zstd frame per chunk, named by the digest of its uncompressed bytes
 *   blobs/sha256/<hex>       a chunk stored raw (it did not compress): a name earlier releases never look up,
 *                            so they cannot take it for a zstd frame
 *   index/<key>.json         the index of each key (format 3), the key encoded reversibly
 *   tmp/                     files being written; linked into place when complete, so no reader sees half a file
 * Chunks are written before the index that names them, so an index never points at a missing chunk unless
 * someone deleted it; such a load is a miss. Old temporaries (a killed job) are swept on the next save.
 */
import { randomBytes } from 'node:crypto'
import { link, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HandoffError } from '../errors.js'
import { newestFirst, type BlobStore, type FoundIndex, type ListedEntry } from '../store/blob-store.js'
import { startsFrame } from '../store/chunk-read.js'
import type { SaveOutcome } from './backend.js'
import { sweepStale, trackTemporary } from '../store/temporaries.js'

const maxFileName = 255
const indexSuffix = '.json'

/** Every byte but [A-Za-z0-9_-] as %XX of its UTF-8: one spelling per key, so decoding and re-encoding agree. */
export function encodeKey(key: string): string {
  return [...Buffer.from(key, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
    )
    .join('')
}

/** The key a file name stands for, or undefined for any name `encodeKey` would not have written. */
export function decodeKey(name: string): string | undefined {
  if (!name.endsWith(indexSuffix)) return undefined
  const encoded = name.slice(0, -indexSuffix.length)
  if (!/^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})+$/.test(encoded)) return undefined
  const bytes = Buffer.from(
    encoded.replace(/%([0-9A-F]{2})|([A-Za-z0-9_-])/g, (_, hex: string | undefined, plain: string | undefined) =>
      hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : (plain ?? '')
    ),
    'latin1'
  )
  const key = bytes.toString('utf8')
  return encodeKey(key) === encoded ? key : undefined
}

/** The index file name of a key; one length rule for every key, checked before anything is written. */
export function indexFileName(key: string): string {
  const name = encodeKey(key) + indexSuffix
  if (Buffer.byteLength(name) > maxFileName) {
    throw new HandoffError(
      `Key "${key.slice(0, 40)}…" is too long for backend: local (${Buffer.byteLength(name)} bytes as a file name, at most ${maxFileName}; ` +
        'characters other than letters, digits, - and _ take 3 bytes each); shorten it.'
    )
  }
  return name
}

export function createLocalStore(directory: string): BlobStore {
  const dirs = {
    blobs: join(directory, 'blobs', 'sha256'),
    index: join(directory, 'index'),
    tmp: join(directory, 'tmp')
  }
  const blobFile = (digest: string, raw = false): string =>
    join(dirs.blobs, `${digest.replace(/^sha256:/, '')}${raw ? '' : '.zst'}`)
  const isFile = (file: string): Promise<boolean> =>
    stat(file).then(
      (s) => s.isFile(),
      () => false
    )
  /** The chunk's file, zstd or raw, or undefined when neither is stored. */
  const storedFile = async (digest: string): Promise<string | undefined> => {
    for (const file of [blobFile(digest), blobFile(digest, true)]) if (await isFile(file)) return file
    return undefined
  }
  let ready: Promise<void> | undefined
  const prepare = (): Promise<void> =>
    (ready ??= (async () => {
      await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })))
      await sweepStale(dirs.tmp)
    })())

  /** Every entry with its file time, newest first (the same time breaks ties by key, for a stable order). */
  const entries = async (): Promise<ListedEntry[]> => {
    const names = await readdir(dirs.index).catch(() => [] as string[])
    const found = await Promise.all(
      names.flatMap((name) => {
        const key = decodeKey(name)
        return key === undefined
          ? []
          : [
              stat(join(dirs.index, name)).then(
                (s) => ({ key, created: s.mtimeMs }),
                () => undefined
              )
            ]
      })
    )
    return found.filter((e) => e !== undefined).sort(newestFirst)
  }

  const newest = async (prefixes: string[]): Promise<string | undefined> => {
    const found = await entries()
    for (const prefix of prefixes) {
      const match = found.find((e) => e.key.startsWith(prefix))
      if (match) return match.key
    }
    return undefined
  }

  return {
    kind: 'local',
    compresses: false,
    scratch: dirs.tmp,
    has: async (digest) => (await storedFile(digest)) !== undefined,
    async put(digest, file) {
      await prepare()
      await link(file, blobFile(digest, !(await startsFrame({ file })))).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
      return (await stat(file)).size
    },
    async get(digest) {
      const file = await storedFile(digest)
      if (file === undefined) {
        throw new HandoffError(
          `chunk ${digest} is missing from ${dirs.blobs}; was the store directory pruned? Save the images again.`
        )
      }
      return { file, compressed: true, dispose: async () => undefined }
    },
    hasIndex: (key) => isFile(join(dirs.index, indexFileName(key))),
    async readIndex(key, restoreKeys): Promise<FoundIndex | undefined> {
      const exact = await readFile(join(dirs.index, indexFileName(key))).catch(() => undefined)
      if (exact !== undefined) return { matchedKey: key, body: exact }
      const matched = restoreKeys.length > 0 ? await newest(restoreKeys) : undefined
      if (matched === undefined) return undefined
      const body = await readFile(join(dirs.index, indexFileName(matched)))
      return { matchedKey: matched, body }
    },
    async writeIndex(key, body): Promise<SaveOutcome> {
      const final = join(dirs.index, indexFileName(key))
      if (
        await stat(final).then(
          () => true,
          () => false
        )
      ) {
        return { saved: false, key, reason: `an entry for key "${key}" already exists in ${directory}` }
      }
      await prepare()
      const partial = join(dirs.tmp, `index-${process.pid}-${randomBytes(6).toString('hex')}`)
      const untrack = trackTemporary(partial)
      try {
        await writeFile(partial, body)
        try {
          await link(partial, final)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
          return { saved: false, key, reason: `another job saved key "${key}" in ${directory} first` }
        }
        return { saved: true, key, bytes: body.length }
      } finally {
        await rm(partial, { force: true })
        untrack()
      }
    },
    async explainMiss(key) {
      const old = join(directory, `${encodeURIComponent(key)}.tar.zst`)
      return (await isFile(old))
        ? `${old} is an entry of image-handoff's first release, which this release does not read; save the images again to store them in the new format`
        : undefined
    },
    list: entries,
    remove: (key) =>
      rm(join(dirs.index, indexFileName(key))).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        }
      ),
    prepare
  }
}
