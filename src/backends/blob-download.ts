/**
 * One download of a signed blob URL (the cache's chunk entries, a same-run artifact's ranges) through the Azure SDK,
 * as the toolkit libraries download from Azure. The SDK checks the body against the length it announced and resumes
 * a body that ends early; a connection that breaks mid-body it reports as aborted, which callers retry whole.
 */
import { stat } from 'node:fs/promises'
import { BlobClient } from '@azure/storage-blob'
import { downloadInto, type DownloadWatch } from '../store/arrival.js'
import { paced } from '../store/gc-pace.js'

/** The body of the blob from `start` (`length` bytes, else to its end) and the length its headers announced. */
export async function openBlob(
  url: string,
  start = 0,
  length?: number,
  signal?: AbortSignal
): Promise<{ body: NodeJS.ReadableStream; announced: number | undefined }> {
  const response = await new BlobClient(url).download(start, length, {
    maxRetryRequests: 5,
    ...(signal ? { abortSignal: signal } : {})
  })
  if (!response.readableStreamBody) throw new Error('the download had no body')
  if (length !== undefined && response.contentLength !== length)
    throw new Error(
      `${response.contentLength ?? 'an unknown number of'} bytes were announced where ${length} were asked for`
    )
  return { body: response.readableStreamBody, announced: response.contentLength }
}

/** The blob (or `length` bytes of it from `start`) into `file`, created or replaced; rejects unless all of it arrived. */
export async function downloadBlob(
  url: string,
  file: string,
  start = 0,
  length?: number,
  watch?: DownloadWatch
): Promise<void> {
  const { body, announced } = await openBlob(url, start, length, watch?.signal)
  // Counted for the collector's pace: parallel downloads run ahead of the load and their socket reads pile up.
  await downloadInto(paced(body as AsyncIterable<string | Buffer>), file, watch)
  const size = (await stat(file)).size
  if (size !== announced)
    throw new Error(`${size} bytes arrived where ${announced ?? 'an unknown number'} were announced`)
}
