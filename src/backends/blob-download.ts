/**
 * One download of a signed blob URL (the cache's chunk and index entries, a same-run artifact's ranges): a plain
 * GET, as @actions/artifact and @actions/cache's own HTTP download read these URLs, through the proxy-aware agent
 * of @actions/http-client. Not the Azure SDK: compiling it and building its request pipeline cost ~75 ms of every
 * cache load's start (a load onto an engine holding the base is ~0.5 s), and a body that ends early is read again
 * whole by every caller anyway.
 */
import { get as httpGet, type IncomingMessage } from 'node:http'
import { get as httpsGet } from 'node:https'
import { stat } from 'node:fs/promises'
import { HttpClient } from '@actions/http-client'
import { readErrorBody } from '../error-body.js'
import { downloadInto, type DownloadWatch } from '../store/arrival.js'
import { paced } from '../store/gc-pace.js'

/** Bytes of an error answer worth quoting: Azure's are a short XML document. */
const errorBodyBytes = 4096

/** One client per scheme: a client keeps the first agent it made, whichever scheme that was for. */
const clients = new Map<string, HttpClient>()
function agentFor(url: string) {
  const scheme = new URL(url).protocol
  let client = clients.get(scheme)
  if (client === undefined) clients.set(scheme, (client = new HttpClient('image-handoff', [], { keepAlive: true })))
  return client.getAgent(url)
}

/** The body of the blob from `start` (`length` bytes, else to its end) and the length its headers announced. */
export async function openBlob(
  url: string,
  start = 0,
  length?: number,
  signal?: AbortSignal
): Promise<{ body: NodeJS.ReadableStream; announced: number | undefined }> {
  const ranged = start > 0 || length !== undefined
  const range = `bytes=${start}-${length !== undefined ? start + length - 1 : ''}`
  const response = await request(url, ranged ? { range } : {}, signal)
  const status = response.statusCode ?? 0
  if (status !== (ranged ? 206 : 200)) {
    throw new Error(`the download was answered ${status} ${response.statusMessage ?? ''}${await reason(response)}`)
  }
  const header = response.headers['content-length']
  const announced = header === undefined ? undefined : Number(header)
  if (length !== undefined && announced !== length) {
    response.destroy()
    throw new Error(`${announced ?? 'an unknown number of'} bytes were announced where ${length} were asked for`)
  }
  return { body: response, announced }
}

function request(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<IncomingMessage> {
  const get = url.startsWith('https:') ? httpsGet : httpGet
  return new Promise((resolve, reject) => {
    const sent = get(url, { agent: agentFor(url), headers, ...(signal ? { signal } : {}) }, resolve)
    sent.on('error', reject)
  })
}

/** What an error answer says (Azure's error code), read without waiting for more than a short document. */
async function reason(response: IncomingMessage): Promise<string> {
  const code = response.headers['x-ms-error-code']
  const message = /<Message>([^<]*)</.exec(await readErrorBody(response, errorBodyBytes))?.[1]?.split('\n')[0]
  const named = typeof code === 'string' ? code : undefined
  const said = [named, message === named ? undefined : message].filter(Boolean).join(': ')
  return said ? ` (${said})` : ''
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
