/**
 * A GET of a long stream from the Engine API (an image export, a container's filesystem export) asked as HTTP/1.0,
 * on a connection of its own. Over HTTP/1.1 the engine flushes its 32 KiB copy buffer as one chunk of chunked
 * transfer encoding each time, and Node's HTTP client turns every chunk into a parser callback, a Buffer and a
 * stream event: about 14,000 per 300 MB, which cost 0.65 CPU-s against 0.25 for the same bytes read off the socket
 * (measured on Docker 20.10, two cores, where every CPU-second the step spends is one the engine's export waits
 * for). An HTTP/1.0 client gets the archive unframed, ended by the engine closing the connection; the tar-end check
 * tells a complete archive from a cut one, as it does for the chunked stream. Every other call goes through
 * dockerode.
 */
import type { Duplex } from 'node:stream'
import { readErrorBody } from '../../error-body.js'
import { jsonObject } from '../../json-object.js'

/** What the engine answered: the status, and the connection itself, positioned at the first byte of the body. */
export interface UnframedAnswer {
  status: number
  body: Duplex
}

/** Bytes of headers the engine may send before the body; its answers carry well under 1 KiB. */
const maxHeadBytes = 64 * 1024
/** Bytes of an error answer worth reading: the engine's is a short JSON document. */
const maxErrorBytes = 64 * 1024

/**
 * Sends `GET path` on a connection from `open` and resolves once the status line and headers are in. Rejects on
 * a connection that fails or closes first, and destroys the connection when `signal` aborts.
 */
export function getUnframed(open: () => Duplex, path: string, signal?: AbortSignal): Promise<UnframedAnswer> {
  const socket = open()
  const onAbort = (): void => {
    socket.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
  }
  if (signal?.aborted) onAbort()
  signal?.addEventListener('abort', onAbort, { once: true })
  return new Promise<UnframedAnswer>((resolve, reject) => {
    let head: Buffer = Buffer.alloc(0)
    const fail = (error: Error): void => {
      detach()
      socket.destroy()
      reject(error)
    }
    const ended = (): void => fail(new Error('the engine closed the connection before it answered'))
    const read = (data: Buffer): void => {
      head = head.length === 0 ? data : Buffer.concat([head, data])
      const end = head.indexOf('\r\n\r\n')
      if (end === -1) {
        if (head.length > maxHeadBytes)
          fail(new Error(`the engine's answer had no end of headers in ${maxHeadBytes} bytes`))
        return
      }
      const status = statusOf(head.subarray(0, end).toString('latin1'))
      if (status === undefined)
        return fail(new Error(`the engine answered "${head.subarray(0, 40).toString('latin1')}", not HTTP`))
      detach()
      socket.pause()
      const rest = head.subarray(end + 4)
      if (rest.length > 0) socket.unshift(rest)
      resolve({ status, body: socket })
    }
    const detach = (): void => {
      socket.off('data', read)
      socket.off('error', fail)
      socket.off('end', ended)
    }
    socket.on('data', read)
    socket.on('error', fail)
    socket.on('end', ended)
    socket.once('close', () => signal?.removeEventListener('abort', onAbort))
    socket.write(`GET ${path} HTTP/1.0\r\nHost: docker\r\nUser-Agent: image-handoff\r\n\r\n`)
  })
}

function statusOf(head: string): number | undefined {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
  return match ? Number(match[1]) : undefined
}

/**
 * An answer other than 200 as docker-modem reports one (`statusCode`, the engine's JSON as `json`), so callers read
 * it with the same helpers as every other engine error.
 */
export async function answerError(answer: UnframedAnswer): Promise<Error> {
  const text = (await readErrorBody(answer.body, maxErrorBytes)).trim()
  const json = jsonObject(text)
  const message = json?.message
  return Object.assign(
    new Error(`(HTTP code ${answer.status}) - ${typeof message === 'string' ? message : text || 'no message'}`),
    { statusCode: answer.status, json }
  )
}
