import { HandoffError } from '../errors.js'
import type { ArchiveImage, ArchiveModel } from '../archive/model.js'
import type { Runtime, RuntimeImage } from '../runtimes/runtime.js'

/** The IDs an engine may give a loaded image: the config digest (classic store) or the manifest/index digest (containerd). */
function acceptableIds(image: ArchiveImage): string[] {
  return [image.configDigest, image.manifestDigest].filter((d): d is string => d !== undefined)
}

/**
 * Config digest → the ID the engine gave each saved image, from the IDs the selection resolved to: the archive
 * model names images by config digest, while the containerd store knows them by manifest (or index) digest.
 */
export function engineIdsOf(model: ArchiveModel, selectedIds: string[]): Map<string, string> {
  const ids = new Map<string, string>()
  for (const image of model.images) {
    const id = acceptableIds(image).find((candidate) => selectedIds.includes(candidate))
    if (id !== undefined) ids.set(image.configDigest, id)
  }
  return ids
}

function matches(image: ArchiveImage, found: RuntimeImage): boolean {
  const ids = acceptableIds(image)
  return ids.includes(found.id) || (found.configDigest !== undefined && ids.includes(found.configDigest))
}

/**
 * After a load, every image the archive holds must be in the engine under every stored name, with the
 * expected ID. Returns config digest → the engine's ID for the outputs. HTTP 200 from a load proves nothing.
 */
export async function verifyLoaded(runtime: Runtime, model: ArchiveModel): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const problems: string[] = []
  for (const image of model.images) {
    const lookups = image.names.length > 0 ? image.names : [await untaggedRef(runtime, image)]
    for (const ref of lookups) {
      const found = await runtime.inspect(ref)
      if (!found) {
        problems.push(`${ref}: not in ${runtime.kind} after the load`)
      } else if (!matches(image, found)) {
        problems.push(`${ref}: ${runtime.kind} has ${found.id}, the archive holds ${acceptableIds(image).join(' or ')}`)
      } else {
        ids.set(image.configDigest, found.id)
      }
    }
  }
  if (problems.length > 0) {
    throw new HandoffError(
      `The load did not arrive intact: ${problems.join('; ')}. The stored entry may be damaged or the engine rejected part of it; save it again.`
    )
  }
  return ids
}

/** containerd knows an untagged image by its manifest digest, Docker's classic store only by its config digest. */
async function untaggedRef(runtime: Runtime, image: ArchiveImage): Promise<string> {
  for (const id of [image.manifestDigest, image.configDigest]) {
    if (id !== undefined && (await runtime.inspect(id)) !== undefined) return id
  }
  return image.manifestDigest ?? image.configDigest
}
