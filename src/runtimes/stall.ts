/**
 * The no-progress watchdog on engine streams: an engine that stops moving bytes and says nothing (blocked on
 * a FIFO, a hung disk, a wedged daemon) would otherwise hold the step until the job's timeout, hours later.
 * Time counts only while the engine is the one awaited: a slow reader or writer on the other side pauses it.
 */
import { Transform, type TransformCallback } from 'node:stream'
import { HandoffError } from '../errors.js'

export interface ProgressWatch {
  /** Something moved: restart the count. */
  touch(): void
  stop(): void
}

/**
 * Calls `onStall` once when `ms` pass without a touch while `awaitingEngine()` holds; `ms` 0 watches nothing.
 * The timer never keeps the process alive on its own.
 */
export function watchProgress(ms: number, awaitingEngine: () => boolean, onStall: () => void): ProgressWatch {
  if (ms <= 0) return { touch: () => undefined, stop: () => undefined }
  let last = Date.now()
  let timer: NodeJS.Timeout | undefined
  const arm = (delay: number): void => {
    timer = setTimeout(check, Math.max(delay, 10))
    timer.unref()
  }
  const check = (): void => {
    const idle = Date.now() - last
    if (!awaitingEngine()) last = Date.now()
    else if (idle >= ms) return onStall()
    arm(ms - (Date.now() - last))
  }
  arm(ms)
  return {
    touch: () => {
      last = Date.now()
    },
    stop: () => clearTimeout(timer)
  }
}

/** What the user reads when an engine stalled: what, for how long, the likely causes and the input to raise. */
export function stallError(what: string, ms: number): HandoffError {
  const seconds = Math.round(ms / 1000)
  return new HandoffError(
    `${what} made no progress for ${seconds} s (no byte moved and the engine reported nothing), so it was stopped. ` +
      "The engine is stuck or overloaded (an archive entry it cannot read, a full or hung disk, a daemon that stopped answering): check the engine's log. " +
      `If it is only slow, raise the input stall-timeout (now ${seconds} s; 0 turns the watchdog off).`
  )
}

/** A pass-through that reports every chunk going by. */
export function meter(touch: () => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      touch()
      callback(null, chunk)
    }
  })
}

/** Toward the engine, the engine is awaited while bytes wait for it to take them, or once all were sent. */
export function engineTakes(toEngine: Transform): () => boolean {
  return () => toEngine.readableLength > 0 || toEngine.writableLength > 0 || toEngine.writableFinished
}

/** From the engine, the engine is awaited while the reader would take more than is buffered. */
export function engineGives(fromEngine: Transform): () => boolean {
  return () => !fromEngine.readableEnded && fromEngine.readableLength < fromEngine.readableHighWaterMark
}
