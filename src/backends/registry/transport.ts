/**
 * One HTTP exchange with a registry. Bodiless and small requests go through fetch; a streamed body (a chunk
 * file, a layer) goes through node:http(s), piped as fast as the socket takes it. Both wait for the socket, but
 * fetch copies every piece of a stream body on its way: eight 64 MiB chunks uploaded at once over loopback peaked
 * at 640 MB of memory through fetch and at 117 MB through node:http.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

export interface TransportRequest {
  method: string
  headers: Record<string, string>
  body?: Readable | Buffer
}

export type Transport = (url: string, request: TransportRequest) => Promise<Response>

export const httpTransport: Transport = (url, request) =>
  request.body instanceof Readable
    ? streamed(new URL(url), request.method, request.headers, request.body)
    : fetch(url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {})
      })

function streamed(url: URL, method: string, headers: Record<string, string>, body: Readable): Promise<Response> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const outgoing = send(url, { method, headers }, (incoming) => resolve(asResponse(incoming, method)))
    outgoing.on('error', (error) => {
      body.destroy()
      reject(new TypeError('fetch failed', { cause: error }))
    })
    body.on('error', (error) => outgoing.destroy(error))
    body.pipe(outgoing)
  })
}

/** The answer as fetch would give it, so callers handle both alike. */
function asResponse(incoming: IncomingMessage, method: string): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one)
  }
  const status = incoming.statusCode ?? 502
  const empty = method === 'HEAD' || [204, 205, 304].includes(status)
  if (empty) incoming.resume()
  const body = empty ? null : (Readable.toWeb(incoming) as unknown as WebReadableStream<Uint8Array>)
  return new Response(body as ConstructorParameters<typeof Response>[0], { status, headers })
}
