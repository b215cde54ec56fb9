import { transferLine } from '../units.js'
import type { Clock, Log } from './log.js'

export interface Progress {
  add(bytes: number): void
  /** Stops the ticker; resolves to the bytes counted. */
  stop(): number
}

/**
 * A line every `everyMs` while a transfer runs (`export: 1.2 GiB of 2.0 GiB (60%), 85 MB/s`), so a long step
 * is never silent; a transfer shorter than that prints nothing.
 */
export function progress(log: Log, clock: Clock, label: string, total?: number, everyMs = 5000): Progress {
  const start = clock()
  let bytes = 0
  const timer = setInterval(() => {
    log.info(transferLine(label, bytes, (clock() - start) / 1000, total))
  }, everyMs)
  timer.unref()
  return {
    add: (n) => {
      bytes += n
    },
    stop: () => {
      clearInterval(timer)
      return bytes
    }
  }
}
