/**
 * `dangling-name-prefix` on load: an image that arrives untagged gets a name made of the prefix and its ID, so it
 * can be found and kept (`docker image prune` removes dangling images; containerd shows only an import handle).
 * Docker and podman cannot give an image a `name@digest` name (a digest is not a tag), so there the ID goes into
 * the tag in the form cosign and registries use for digest-derived tags: `prefix:sha256-<hex>`. containerd's image
 * names are free-form, so there it is the real digest reference `prefix@sha256:<hex>`, which resolves to the image
 * it names.
 */
import { HandoffError } from '../errors.js'
import { imageLabel, type ArchiveModel } from '../archive/model.js'
import { familiarName, parseReference } from '../archive/reference.js'
import type { Runtime } from '../runtimes/runtime.js'

/** The name an untagged image with engine ID `id` gets on a runtime. */
export function danglingName(prefix: string, kind: Runtime['kind'], id: string): string {
  const [algorithm = 'sha256', hex = ''] = id.split(':')
  if (kind === 'containerd' || kind === 'kind') return familiarName(parseReference(`${prefix}@${algorithm}:${hex}`))
  return `${prefix}:${algorithm}-${hex}`
}

/** Names every untagged image of the model, checks each name took; returns what was named. */
export async function nameDangling(
  runtime: Runtime,
  prefix: string,
  model: ArchiveModel,
  ids: Map<string, string>
): Promise<Array<{ source: string; target: string; id: string }>> {
  const done: Array<{ source: string; target: string; id: string }> = []
  const seen = new Set<string>()
  for (const image of model.images.filter((i) => i.names.length === 0)) {
    const id = ids.get(image.configDigest) ?? image.configDigest
    if (seen.has(id)) continue
    seen.add(id)
    const target = danglingName(prefix, runtime.kind, id)
    await runtime.tag(id, parseReference(target))
    const found = await runtime.inspect(target)
    if (found?.id !== id) {
      throw new HandoffError(
        `Naming untagged image ${imageLabel(image)} as ${target} did not take: the engine has ${found?.id ?? 'no such image'}, expected ${id}.`
      )
    }
    done.push({ source: id, target, id })
  }
  return done
}
