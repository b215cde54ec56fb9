/**
 * One Put Blob to a signed URL through the Azure SDK, as the toolkit uploads cache entries. Loaded on first
 * upload: a load step never uploads, and compiling the SDK cost ~45 ms of its start.
 */
import type { Readable } from 'node:stream'

export async function putBlob(url: string, body: Buffer | (() => Readable), size: number): Promise<void> {
  const { BlobClient } = await import('@azure/storage-blob')
  await new BlobClient(url).getBlockBlobClient().upload(body, size)
}
