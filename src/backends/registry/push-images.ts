/**
 * Carries out the plan of pullable images (pullable.ts): each image's blobs into its repository (mounted from the
 * store's repository when a layer is one chunk there, which sends no bytes; else uploaded, a layer of several
 * chunks streamed chunk after chunk from the store), then its manifest under each of its tags.
 */
import { Readable } from 'node:stream'
import type { RequestBody } from './auth.js'
import type { RegistryClient } from './client.js'
import type { PlannedBlob, PlannedImage } from './pullable.js'

export interface PushTargets {
  /** The store's own repository, where the chunks are. */
  store: RegistryClient
  storeRepository: string
  /** A client for a repository under the store's. */
  clientFor(repository: string): RegistryClient
  log(message: string): void
}

export async function pushPullable(images: PlannedImage[], targets: PushTargets): Promise<void> {
  for (const image of images) {
    const client = targets.clientFor(image.repository)
    for (const blob of image.blobs) await pushBlob(client, blob, targets)
    for (const tag of image.tags) await client.putManifest(tag, image.manifest, image.mediaType)
    targets.log(`Pushed a pullable image: ${client.label}:${image.tags.join(', :')}.`)
  }
}

async function pushBlob(client: RegistryClient, blob: PlannedBlob, targets: PushTargets): Promise<void> {
  if (await client.hasBlob(blob.digest)) return
  const { source } = blob
  if ('inline' in source) return client.uploadBlob(blob.digest, blob.size, () => source.inline)
  if (source.chunks.length === 1 && source.chunks[0] === blob.digest) {
    if (await client.mountBlob(blob.digest, targets.storeRepository)) return
  }
  await client.uploadBlob(blob.digest, blob.size, () => chained(targets.store, source.chunks))
}

/** The chunks' bytes one after the other, each fetched when the previous one has been sent. */
function chained(store: RegistryClient, chunks: string[]): RequestBody {
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (const chunk of chunks) yield* await store.openBlob(chunk)
  }
  return Readable.from(bytes())
}
