/**
 * How an entry is kept in a registry: an OCI image manifest of the artifact kind (OCI 1.1's artifactType, which
 * registries of the 1.0 spec store as any image manifest): the config is the store's index document, the layers
 * are the chunks it names (so the registry keeps them as long as the entry, and refuses an entry whose chunks
 * are missing), the annotations record the exact key and when it was saved. Pure: building and reading only.
 */
import { digestOf, isRecord } from '../../archive/model.js'
import { isChunked, type StoreIndex } from '../../store/format.js'
import { ociManifest } from './client.js'
import { jsonObject } from '../../json-object.js'

export const indexMediaType = 'application/vnd.image-handoff.index.v2+json'
export const chunkMediaType = 'application/vnd.image-handoff.chunk.v1'
export const keyAnnotation = 'io.github.image-handoff.key'
export const createdAnnotation = 'org.opencontainers.image.created'

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
}

export function describeBlob(body: Buffer, mediaType: string): Descriptor {
  return { mediaType, digest: digestOf(body), size: body.length }
}

/** Every chunk of the index once, with its size: all of a file's chunks are full but its last. */
export function chunkDescriptors(index: Pick<StoreIndex, 'entries' | 'chunkBytes'>): Descriptor[] {
  const seen = new Map<string, Descriptor>()
  for (const entry of index.entries) {
    if (!isChunked(entry)) continue
    entry.chunks.forEach((digest, at) => {
      const size = Math.min(index.chunkBytes, entry.size - at * index.chunkBytes)
      if (!seen.has(digest)) seen.set(digest, { mediaType: chunkMediaType, digest, size })
    })
  }
  return [...seen.values()]
}

export function entryManifest(key: string, config: Descriptor, chunks: Descriptor[], created: Date): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: ociManifest,
      artifactType: indexMediaType,
      config,
      layers: chunks,
      annotations: { [keyAnnotation]: key, [createdAnnotation]: created.toISOString() }
    })
  )
}

export interface StoredEntry {
  key: string
  created: number
  index: Descriptor
}

/** The key, time and index of a manifest this store wrote; undefined for anything else under a tag. */
export function readEntryManifest(body: Buffer): StoredEntry | undefined {
  const raw = jsonObject(body.toString('utf8'))
  if (raw === undefined || !isRecord(raw['config']) || !isRecord(raw['annotations'])) return undefined
  const { config, annotations } = raw as { config: Record<string, unknown>; annotations: Record<string, unknown> }
  const key = annotations[keyAnnotation]
  const created = Date.parse(String(annotations[createdAnnotation]))
  const digest = config['digest']
  const size = config['size']
  if (config['mediaType'] !== indexMediaType || typeof key !== 'string') return undefined
  if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined
  return { key, created: Number.isNaN(created) ? 0 : created, index: { mediaType: indexMediaType, digest, size } }
}
