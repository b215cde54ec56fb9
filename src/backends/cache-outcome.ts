/**
 * Reads what @actions/cache logged while it failed. saveCache returns -1 for every failure and restoreCache
 * answers undefined for every failure, so the log lines are the only place the reason is written.
 */
import type { LibraryLine } from './library-output.js'

export type SaveFailure =
  /** Another job reserved or stored the key first: a normal outcome with parallel jobs. */
  | { kind: 'conflict'; reason: string }
  /** Saving is switched off for this run (ACTIONS_CACHE_MODE). */
  | { kind: 'disabled'; reason: string }
  /** The repository's cache storage is full. */
  | { kind: 'quota'; reason: string }
  | { kind: 'failed'; reason: string }

/** The library's own sentence names the quota; the service's body (dumped over several lines) only says "insufficient usage". */
const quotaSentence = /Cache storage quota has been hit[^\n%]*/i
const quotaBody = /insufficient usage/i

export function classifySaveFailure(lines: LibraryLine[]): SaveFailure {
  const all = lines.map((l) => l.text)
  const sentence = all.map((t) => quotaSentence.exec(t)?.[0]).find((m) => m !== undefined)
  if (sentence) return { kind: 'quota', reason: sentence.trim() }
  if (all.some((t) => quotaBody.test(t)))
    return {
      kind: 'quota',
      reason: "the repository's cache storage quota is used up (the service answered: insufficient usage)."
    }
  const disabled = all.find((t) => t.startsWith('Cache save skipped'))
  if (disabled) return { kind: 'disabled', reason: disabled }
  const denied = all.find((t) => /cache write denied/i.test(t))
  if (denied)
    return {
      kind: 'failed',
      reason: `this run's token may not write to the cache, e.g. for a pull request from a fork (${firstLine(denied)})`
    }
  const reservation = lines
    .find((l) => l.text.startsWith('Cache reservation failed:'))
    ?.text.replace('Cache reservation failed: ', '')
  if (all.some((t) => t.includes('another job may be creating this cache')))
    return { kind: 'conflict', reason: reservation ?? 'another job is saving or has saved this key' }
  return { kind: 'failed', reason: problems(lines) }
}

/** Why a restore failed, from the warnings and errors it logged; a generic reason when it logged none. */
export function restoreFailure(lines: LibraryLine[]): string {
  return problems(lines)
}

function problems(lines: LibraryLine[]): string {
  const found = lines.filter((l) => l.level === 'warning' || l.level === 'error').map((l) => firstLine(l.text))
  return found.length > 0 ? [...new Set(found)].join('; ') : 'the cache library reported no reason'
}

/** The archive size saveCache measured (logged at debug level), to report stored rather than payload bytes. */
export function archiveSize(lines: LibraryLine[]): number | undefined {
  const match = lines.map((l) => /^File Size: (\d+)$/.exec(l.text)).find((m) => m !== null)
  return match ? Number(match[1]) : undefined
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}
