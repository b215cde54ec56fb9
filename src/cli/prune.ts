/** Which entries `image-handoff prune` removes: pure, so the rule is tested without a store. */
import type { ListedEntry } from '../store/blob-store.js'

/**
 * The entries under `prefix` beyond the newest `keep`, newest first: what a save with a new key per commit
 * leaves behind (`app-<sha>`), while restore-keys `app-` only ever read the newest.
 */
export function entriesToPrune(entries: ListedEntry[], prefix: string, keep: number): ListedEntry[] {
  return entries
    .filter((entry) => entry.key.startsWith(prefix))
    .sort((a, b) => b.created - a.created || a.key.localeCompare(b.key))
    .slice(keep)
}
