/**
 * `backend: registry`: the store in an OCI registry repository. Chunks are blobs under their own digest (the
 * sha256 of their raw bytes, which the registry checks on upload), so they go up uncompressed and are shared by
 * every key, run and repository pushing to it; the index of a key is the config of an artifact manifest under
 * a tag derived from the key (see registry/entry-manifest.ts). Chunks are uploaded before the manifest that names
 * them, and the registry refuses a manifest naming a missing blob, so an entry never points at a missing chunk.
 */
import { createReadStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { HandoffError } from '../errors.js'
import { arrivingChunk } from '../store/arrival.js'
import { newestFirst, type BlobStore, type FoundIndex } from '../store/blob-store.js'
import { parseIndex, type StoreIndex } from '../store/format.js'
import { sweepStale, trackTemporary } from '../store/temporaries.js'
import type { SaveOutcome } from './backend.js'
import type { Credentials, RequestBody } from './registry/auth.js'
import { createRegistryClient, ociManifest, type RegistryClient } from './registry/client.js'
import {
  chunkDescriptors,
  describeBlob,
  entryManifest,
  indexMediaType,
  readEntryManifest,
  type StoredEntry
} from './registry/entry-manifest.js'
import { tagForKey, tagMayMatch, type RegistryLocation } from './registry/reference.js'
import type { Transport } from './registry/transport.js'
import { planPullable } from './registry/pullable.js'
import { pushPullable } from './registry/push-images.js'

export interface RegistryStoreOptions {
  location: RegistryLocation
  credentials?: Credentials
  workDir: string
  /** Also push each saved image as one `docker pull` takes, under the store's repository. */
  pullable?: boolean
  log?: (message: string) => void
  /** Tests put faults in through it. */
  transport?: Transport
  retryDelays?: number[]
  /** When an entry counts as saved (its created annotation, which orders restore-key matches); now by default. */
  clock?: () => number
}

/** Index documents are small (a few hundred bytes per file of the archive); past this it is not one. */
const maxIndexBytes = 64 * 1024 * 1024
/** Manifests read at once while looking for a restore-key match. */
const manifestReads = 8

export function createRegistryStore(options: RegistryStoreOptions): BlobStore {
  const client = createRegistryClient(options)
  const scratch = join(options.workDir, 'registry-scratch')
  const log = options.log ?? (() => undefined)
  let fetched = 0

  /** The entry under the key's tag, if the tag holds this store's entry for exactly that key. */
  const entryOf = async (key: string): Promise<(StoredEntry & { manifest: Buffer }) | undefined> => {
    const body = await client.getManifest(tagForKey(key))
    const entry = body === undefined ? undefined : readEntryManifest(body)
    return entry?.key === key && body !== undefined ? { ...entry, manifest: body } : undefined
  }

  const list = async (): Promise<StoredEntry[]> => {
    const entries = await readEntries(client, await client.listTags())
    return entries.sort(newestFirst)
  }

  return {
    kind: 'registry',
    compresses: true,
    scratch,
    async prepare() {
      await mkdir(scratch, { recursive: true })
      await sweepStale(scratch)
    },
    has: (digest) => client.hasBlob(digest),
    async put(digest, file) {
      try {
        const { size } = await stat(file)
        await client.uploadBlob(digest, size, () => fileBody(file))
        return size
      } finally {
        await rm(file, { force: true })
      }
    },
    async get(digest) {
      await mkdir(scratch, { recursive: true })
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`)
      const untrack = trackTemporary(file)
      return arrivingChunk(file, false, (watch) => client.fetchBlob(digest, file, watch), untrack)
    },
    hasIndex: async (key) => (await entryOf(key)) !== undefined,
    async readIndex(key, restoreKeys): Promise<FoundIndex | undefined> {
      const entry = (await entryOf(key)) ?? (restoreKeys.length > 0 ? await newest(client, restoreKeys) : undefined)
      if (entry === undefined) return undefined
      const body = await client.readBlob(entry.index.digest, maxIndexBytes)
      if (describeBlob(body, indexMediaType).digest !== entry.index.digest)
        throw new HandoffError(`The index of "${entry.key}" in ${client.label} does not match its digest; save again.`)
      log(
        `Found entry "${entry.key}" in ${client.label}${entry.key === key ? '' : ` (restore key match for "${key}")`}.`
      )
      return { matchedKey: entry.key, body }
    },
    async writeIndex(key, body): Promise<SaveOutcome> {
      const tag = tagForKey(key)
      if ((await entryOf(key)) !== undefined) {
        return { saved: false, key, reason: `${client.label} already holds an entry under "${key}" (tag ${tag})` }
      }
      const config = describeBlob(body, indexMediaType)
      if (!(await client.hasBlob(config.digest))) await client.uploadBlob(config.digest, body.length, () => body)
      const index = parseIndex(body)
      if (options.pullable) await pushImages(index, options, client, log)
      const manifest = entryManifest(key, config, chunkDescriptors(index), new Date((options.clock ?? Date.now)()))
      await client.putManifest(tag, manifest)
      log(`Pushed entry "${key}" to ${client.label} as tag ${tag}.`)
      return { saved: true, key, bytes: body.length + manifest.length }
    },
    explainMiss: async () => undefined,
    list,
    async remove(key) {
      const entry = await entryOf(key)
      if (entry === undefined) return false
      await client.deleteManifest(describeBlob(entry.manifest, ociManifest).digest)
      log(`Removed entry "${key}" from ${client.label}; its chunks stay until the registry's garbage collection.`)
      return true
    }
  }
}

/** The images of the entry as pullable images, before the entry itself: a failure stores no entry. */
async function pushImages(
  index: StoreIndex,
  options: RegistryStoreOptions,
  store: RegistryClient,
  log: (message: string) => void
): Promise<void> {
  const { origin, repository } = options.location
  const plan = planPullable(index, repository)
  for (const note of plan.skipped) log(`Not pushed as a pullable image: ${note}.`)
  await pushPullable(plan.images, {
    store,
    storeRepository: repository,
    clientFor: (target) =>
      createRegistryClient({ ...options, location: { origin, repository: target }, alsoPull: [repository] }),
    log
  })
}

function fileBody(file: string): RequestBody {
  return createReadStream(file, { highWaterMark: 1024 * 1024 })
}

/** The manifests under `tags` that are entries of this store, read a few at a time. */
async function readEntries(client: RegistryClient, tags: string[]): Promise<StoredEntry[]> {
  const found: StoredEntry[] = []
  for (let at = 0; at < tags.length; at += manifestReads) {
    const bodies = await Promise.all(tags.slice(at, at + manifestReads).map((tag) => client.getManifest(tag)))
    for (const body of bodies) {
      const entry = body === undefined ? undefined : readEntryManifest(body)
      if (entry !== undefined) found.push(entry)
    }
  }
  return found
}

/** The newest entry whose key starts with the first restore key that matches any (as actions/cache does). */
async function newest(client: RegistryClient, prefixes: string[]): Promise<StoredEntry | undefined> {
  const tags = await client.listTags()
  const candidates = tags.filter((tag) => prefixes.some((prefix) => tagMayMatch(tag, prefix)))
  const entries = await readEntries(client, candidates)
  for (const prefix of prefixes) {
    const match = entries.filter((e) => e.key.startsWith(prefix)).sort(newestFirst)[0]
    if (match) return match
  }
  return undefined
}
