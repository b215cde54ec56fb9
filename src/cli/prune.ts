/** Which entries `image-handoff prune` removes: pure, so the rule is tested without a store. */
import type { ListedEntry } from '../store/blob-store.js'

/**
 * The entries under `prefix` beyond the newest `keep`, from a store's listing (newest first): what a save with a
 * new key per commit leaves behind (`app-<sha>`), while restore-keys `app-` only ever read the newest.
 */
export function entriesToPrune(listing: ListedEntry[], prefix: string, keep: number): ListedEntry[] {
  return listing.filter((entry) => entry.key.startsWith(prefix)).slice(keep)
}
