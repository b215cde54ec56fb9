/**
 * One download of a signed blob URL (the cache's chunk entries, a same-run artifact's ranges) through the Azure SDK,
 * as the toolkit libraries download from Azure. The SDK checks the body against the length it announced and resumes
 * a body that ends early; a connection that breaks mid-body it reports as aborted, which callers retry whole.
 */
import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { BlobClient } from '@azure/storage-blob'
import { paced } from '../store/gc-pace.js'

/** The body of the blob from `start` (`length` bytes, else to its end) and the length its headers announced. */
export async function openBlob(
  url: string,
  start = 0,
  length?: number
): Promise<{ body: NodeJS.ReadableStream; announced: number | undefined }> {
  const response = await new BlobClient(url).download(start, length, { maxRetryRequests: 5 })
  if (!response.readableStreamBody) throw new Error('the download had no body')
  if (length !== undefined && response.contentLength !== length)
    throw new Error(
      `${response.contentLength ?? 'an unknown number of'} bytes were announced where ${length} were asked for`
    )
  return { body: response.readableStreamBody, announced: response.contentLength }
}

/** The blob (or `length` bytes of it from `start`) into `file`, created or replaced; rejects unless all of it arrived. */
export async function downloadBlob(url: string, file: string, start = 0, length?: number): Promise<void> {
  const { body, announced } = await openBlob(url, start, length)
  // 1 MiB: the download goes on while earlier bytes are written (a 4 MiB buffer measured +30 MB peak RSS per load).
  // Counted for the collector's pace: parallel downloads run ahead of the load and their socket reads pile up.
  await pipeline(body, paced<string | Buffer>, createWriteStream(file, { highWaterMark: 1024 * 1024 }))
  const size = (await stat(file)).size
  if (size !== announced)
    throw new Error(`${size} bytes arrived where ${announced ?? 'an unknown number'} were announced`)
}
