/**
 * A save that changes the images on the way (flatten, OCI conversion): the source's archive replaced by the
 * flattened one and/or rewritten, and the IDs the stored images will have once it was read.
 */
import type { Readable } from 'node:stream'
import { HandoffError } from '../errors.js'
import type { SplitSelection } from '../store/split.js'
import type { HandoffDeps } from './deps.js'
import { flattenNotes, flattenSource, flattenTargets } from './flatten.js'
import { convertNote, convertSource } from './convert.js'
import type { SaveRequest } from './save.js'
import type { SaveSource } from './save-source.js'

export interface Reshaped {
  open(): Promise<Readable>
  selection?: SplitSelection
  /** The stored images' IDs as an engine will give them (undefined: every image the archive holds). */
  ids(): string[] | undefined
  /** What the change did (sizes before and after, media types), for the log and the summary. */
  notes(): string[]
}

export async function reshape(
  deps: HandoffDeps,
  source: SaveSource,
  request: SaveRequest,
  scratch: string
): Promise<Reshaped> {
  if (request.convert !== undefined && source.selection !== undefined) {
    throw new HandoffError(
      'Inputs "compression", "oci-mediatypes" and "annotations" rewrite a whole archive, and "images" selects part of the file given as "archive"; store the whole archive (leave "images" empty) or write it converted with the tool that made it.'
    )
  }
  const platform = request.platform !== undefined ? { platform: request.platform } : {}
  const flat = request.flatten
    ? flattenSource(deps.runtime, await flattenTargets(deps.runtime, source.refs ?? [], source.ids ?? []), {
        ...platform,
        scratch
      })
    : undefined
  const exported = flat?.open ?? source.open
  const converted = request.convert ? convertSource(exported, request.convert, scratch) : undefined
  return {
    open: converted?.open ?? exported,
    ...(source.selection !== undefined ? { selection: source.selection } : {}),
    // A flattened image is a new image; a conversion writes new manifests, so manifest-digest IDs change with it.
    ids: () => (flat ? flat.ids() : source.ids)?.map((id) => converted?.renamed().get(id) ?? id),
    notes: () => [
      ...(flat ? flattenNotes(flat.reports(), flat.ids()) : []),
      ...(request.convert ? [convertNote(request.convert)] : [])
    ]
  }
}
