import { selects, type Selection } from '../archive/select.js'
import type { RuntimeImage } from '../runtimes/runtime.js'

/**
 * The images created or changed during a job, as an exact-name selection: detected by image ID, so a rebuilt
 * `app:latest` counts, filtered by the user's `images` patterns. Untagged images (build leftovers) are not saved.
 */
export function changedSelection(now: RuntimeImage[], before: Set<string>, filter: Selection): Selection {
  const include = now
    .filter((image) => !before.has(image.id))
    .flatMap((image) => image.names.filter((name) => selects(filter, name)))
  return { include: [...new Set(include)], exclude: [] }
}
