import { randomBytes } from 'node:crypto'
import { link, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { HandoffError } from '../errors.js'
import type { Backend, RestoredEntry, SaveOutcome } from './backend.js'

/**
 * Entries are single files in one directory, named after their key. A save writes a hidden partial file
 * and links it into place, so a crash mid-write never leaves a file that looks like a complete entry, and of
 * two jobs saving one key at once exactly one wins (link fails when the name exists; rename would replace it).
 */
const suffix = '.tar.zst'
const partialPrefix = '.partial-'
const maxFileName = 240

export function entryFileName(key: string): string {
  const name = encodeURIComponent(key) + suffix
  if (Buffer.byteLength(name) > maxFileName) {
    throw new HandoffError(`Key "${key.slice(0, 40)}…" is too long for backend: local (${Buffer.byteLength(name)} bytes as a file name, at most ${maxFileName}); shorten it.`)
  }
  return name
}

export function keyOfFileName(name: string): string | undefined {
  if (name.startsWith(partialPrefix) || !name.endsWith(suffix)) return undefined
  try {
    return decodeURIComponent(name.slice(0, -suffix.length))
  } catch {
    return undefined
  }
}

export interface LocalEntry {
  key: string
  mtimeMs: number
}

/** The entry a restore picks: the exact key, else for each restore key in order the newest key with that prefix. */
export function pickEntry(entries: LocalEntry[], key: string, restoreKeys: string[]): LocalEntry | undefined {
  const exact = entries.find((e) => e.key === key)
  if (exact) return exact
  for (const prefix of restoreKeys) {
    const newest = entries
      .filter((e) => e.key.startsWith(prefix))
      .sort((a, b) => b.mtimeMs - a.mtimeMs || (a.key < b.key ? 1 : -1))[0]
    if (newest) return newest
  }
  return undefined
}

export function createLocalBackend(directory: string): Backend {
  const fileOf = (key: string): string => join(directory, entryFileName(key))

  const exists = async (key: string): Promise<boolean> =>
    stat(fileOf(key)).then((s) => s.isFile(), () => false)

  const listEntries = async (): Promise<LocalEntry[]> => {
    const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    const entries: LocalEntry[] = []
    for (const name of names) {
      const key = keyOfFileName(name)
      if (key === undefined) continue
      const info = await stat(join(directory, name)).catch(() => undefined)
      if (info?.isFile()) entries.push({ key, mtimeMs: info.mtimeMs })
    }
    return entries
  }

  return {
    kind: 'local',
    compresses: false,
    exists,
    async save(key: string, write: (file: string) => Promise<void>): Promise<SaveOutcome> {
      const final = fileOf(key)
      if (await exists(key)) return { saved: false, key, reason: `an entry for key "${key}" already exists in ${directory}` }
      await mkdir(directory, { recursive: true })
      const partial = join(directory, `${partialPrefix}${randomBytes(6).toString('hex')}-${entryFileName(key)}`)
      try {
        await write(partial)
        const { size } = await stat(partial)
        try {
          await link(partial, final)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
          return { saved: false, key, reason: `another job saved key "${key}" in ${directory} first` }
        }
        return { saved: true, key, bytes: size }
      } finally {
        await rm(partial, { force: true })
      }
    },
    async restore(key: string, restoreKeys: string[]): Promise<RestoredEntry | undefined> {
      const entry = pickEntry(await listEntries(), key, restoreKeys)
      if (!entry) return undefined
      return { matchedKey: entry.key, file: fileOf(entry.key), dispose: async () => undefined }
    }
  }
}
