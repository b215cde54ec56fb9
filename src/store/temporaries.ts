/**
 * Temporary files of a save: removed when the job is cancelled (the runner sends SIGINT, then SIGTERM) and,
 * for a save that was killed outright, swept by the next save once they are old enough to be nobody's.
 */
import { rmSync } from 'node:fs'
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

const live = new Set<string>()
const signals = ['SIGINT', 'SIGTERM'] as const
let installed = false

function onSignal(signal: NodeJS.Signals): void {
  for (const path of live) rmSync(path, { force: true })
  live.clear()
  for (const s of signals) process.removeListener(s, onSignal)
  // Die of the same signal, as the runner expects of a cancelled step.
  process.kill(process.pid, signal)
}

/** Registers a file for removal on cancellation; the returned function unregisters it. */
export function trackTemporary(path: string): () => void {
  live.add(path)
  if (!installed) {
    installed = true
    for (const s of signals) process.on(s, onSignal)
  }
  return () => {
    live.delete(path)
  }
}

/** An hour is far longer than any chunk or index takes to write. */
const staleMs = 60 * 60 * 1000

/** Removes files in `dir` untouched for an hour: what a killed save left behind. */
export async function sweepStale(dir: string, now: number = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    const path = join(dir, name)
    const info = await stat(path).catch(() => undefined)
    if (info === undefined || now - info.mtimeMs < staleMs) continue
    await rm(path, { recursive: true, force: true })
    removed++
  }
  return removed
}
