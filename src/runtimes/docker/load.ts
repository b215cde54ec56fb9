import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import type Dockerode from 'dockerode'
import { HandoffError } from '../../errors.js'
import type { ImportReport } from '../runtime.js'
import { causeText, engineMessage } from './client.js'
import { engineTakes, meter, stallError, watchProgress } from '../stall.js'
import { jsonObject } from '../../json-object.js'

/**
 * `POST /images/load` answers HTTP 200 before it knows the outcome; the outcome is in the JSON lines of the body
 * (`{"stream":"Loaded image: app:ci\n"}`, or `{"errorDetail":{…},"error":"…"}`). modem.followProgress would call
 * an errorDetail line a success, so every line is read here.
 */

export type LoadEvent =
  | { kind: 'name'; names: string[] }
  | { kind: 'id'; id: string }
  | { kind: 'error'; message: string }
  | { kind: 'progress' }
  | { kind: 'other'; text: string }

const loadedName = /^Loaded image: (.+)$/
const loadedId = /^Loaded image ID: (\S+)$/

/** One line of the daemon's load output. */
export function parseLoadLine(line: string): LoadEvent {
  const message = jsonObject(line) as
    { stream?: unknown; error?: unknown; errorDetail?: { message?: unknown }; status?: unknown } | undefined
  if (message === undefined) return { kind: 'other', text: line }
  const failure = message.errorDetail?.message ?? message.error
  if (failure !== undefined) return { kind: 'error', message: String(failure) }
  if (message.status !== undefined && message.stream === undefined) return { kind: 'progress' }
  if (typeof message.stream !== 'string') return { kind: 'other', text: line }
  const text = message.stream.trim()
  const id = loadedId.exec(text)
  if (id) return { kind: 'id', id: id[1] }
  const name = loadedName.exec(text)
  // podman's compatible API puts every name of an image on one line, comma-separated (names never hold commas).
  if (name)
    return {
      kind: 'name',
      names: name[1]
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
    }
  return { kind: 'other', text }
}

/** Accumulates the load output as it arrives, in chunks cut anywhere (even inside a UTF-8 character). */
export class LoadOutput {
  readonly names: string[] = []
  readonly ids: string[] = []
  readonly errors: string[] = []
  private readonly others: string[] = []
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''

  push(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk)
    const lines = this.pending.split('\n')
    this.pending = lines.pop() ?? ''
    for (const line of lines) this.take(line)
  }

  /** The report, or a HandoffError carrying the daemon's own message. */
  finish(host: string): ImportReport {
    this.take(this.pending + this.decoder.end())
    this.pending = ''
    if (this.errors.length > 0) {
      throw new HandoffError(`the Docker Engine at ${host} failed to load the archive: ${this.errors.join('; ')}`)
    }
    if (this.names.length === 0 && this.ids.length === 0) {
      const said = this.others.length > 0 ? ` (it said: ${this.others.slice(-3).join(' | ')})` : ''
      throw new HandoffError(
        `the Docker Engine at ${host} loaded no image from the archive${said}; check that the archive holds images.`
      )
    }
    return { names: [...this.names], ids: [...this.ids] }
  }

  private take(raw: string): void {
    const line = raw.trim()
    if (line === '') return
    const event = parseLoadLine(line)
    if (event.kind === 'name') this.names.push(...event.names)
    else if (event.kind === 'id') this.ids.push(event.id)
    else if (event.kind === 'error') this.errors.push(event.message)
    else if (event.kind === 'other' && this.others.length < 20) this.others.push(event.text)
  }
}

/**
 * Streams `archive` into the engine and settles on the daemon's verdict. A failing input stream rejects
 * (and aborts the request) instead of leaving the daemon waiting for bytes that never come; an engine that
 * takes no byte and reports nothing for `stallMs` is abandoned. Progress lines (not `quiet`) keep it alive
 * while the engine unpacks layers after the last byte arrived.
 */
export function loadArchive(docker: Dockerode, host: string, archive: Readable, stallMs = 0): Promise<ImportReport> {
  return new Promise<ImportReport>((resolve, reject) => {
    let settled = false
    const abort = new AbortController()
    const toEngine = meter(() => watch.touch())
    const watch = watchProgress(stallMs, engineTakes(toEngine), () => {
      const error = stallError(`loading the archive into the Docker Engine at ${host}`, stallMs)
      settle(error)
    })
    const settle = (error: unknown, report?: ImportReport): void => {
      if (settled) return
      settled = true
      watch.stop()
      archive.off('error', onInputError)
      if (error === undefined && report) return resolve(report)
      // The reason goes with the archive, so whoever produced it reports this failure, not a bare "closed early".
      if (!archive.destroyed) archive.destroy(error instanceof Error ? error : undefined)
      toEngine.destroy()
      abort.abort(error)
      reject(error)
    }
    const onInputError = (error: Error): void =>
      settle(
        new HandoffError(
          `reading the archive failed while loading it into the Docker Engine at ${host}: ${causeText(error)}`
        )
      )
    archive.on('error', onInputError)
    archive.pipe(toEngine)
    docker.modem.dial(
      {
        path: '/images/load?',
        method: 'POST',
        options: { quiet: '0' },
        file: toEngine,
        abortSignal: abort.signal,
        headers: { 'Content-Type': 'application/x-tar' },
        isStream: true,
        statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' }
      },
      (error, response) => {
        if (error) return settle(refused(host, error))
        readVerdict(response as IncomingMessage, host, settle, () => watch.touch())
      }
    )
  })
}

/** The request failed before any verdict: a connection the engine dropped is told as such, with what to do. */
function refused(host: string, error: unknown): HandoffError {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && /^(ECONNRESET|EPIPE|ECONNREFUSED|ENOENT)$/.test(code)) {
    return new HandoffError(
      `the Docker Engine at ${host} went away during the load (${causeText(error)}), as it does when it is killed or restarts; ` +
        'what it had received is discarded. Check that the engine is running (and its log), then run the load again.'
    )
  }
  return new HandoffError(`the Docker Engine at ${host} refused the archive: ${engineMessage(error)}`)
}

function readVerdict(
  response: IncomingMessage,
  host: string,
  settle: (error: unknown, report?: ImportReport) => void,
  progress: () => void
): void {
  const output = new LoadOutput()
  response.on('data', (chunk: Buffer) => {
    progress()
    output.push(chunk)
  })
  const failed = (why: string): void =>
    settle(
      new HandoffError(
        `the Docker Engine at ${host} ${why}, as it does when it is killed or restarts; check that it is running (and its log), then run the load again.`
      )
    )
  response.on('error', (error) => failed(`dropped the connection during the load (${causeText(error)})`))
  // A connection cut before the end of the output is no verdict at all.
  response.on('close', () => failed("closed the connection before reporting the load's outcome"))
  response.on('end', () => {
    try {
      settle(undefined, output.finish(host))
    } catch (error) {
      settle(error)
    }
  })
}
