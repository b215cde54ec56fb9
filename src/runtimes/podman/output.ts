/**
 * Pure readers of podman's output, and the one naming rule podman does not share with Docker: a name
 * without a registry (`app:ci`) is loaded as `localhost/app:ci`, where Docker means `docker.io/library/app:ci`.
 */
import { normalizedName, parseReference, withDefaultTag } from '../../archive/reference.js'
import type { RuntimeImage } from '../runtime.js'

/** `podman images --format json` (one entry per name, so IDs repeat) or `podman image inspect` output. */
export function parseImages(json: string): RuntimeImage[] {
  const entries = JSON.parse(json || '[]') as Array<{
    Id: string
    Names?: string[] | null
    RepoTags?: string[] | null
    Size?: number
  }>
  const byId = new Map<string, RuntimeImage>()
  for (const entry of entries) {
    const id = entry.Id.startsWith('sha256:') ? entry.Id : `sha256:${entry.Id}`
    const image = byId.get(id) ?? { id, names: [], size: entry.Size ?? 0, configDigest: id }
    for (const name of [...(entry.Names ?? []), ...(entry.RepoTags ?? [])])
      if (!image.names.includes(name)) image.names.push(name)
    byId.set(id, image)
  }
  return [...byId.values()]
}

/** `Loaded image: <name>` per name, `Loaded image: sha256:<id>` for an untagged image; older podman joins names with commas. */
export function parseLoadOutput(stdout: string): { names: string[]; ids: string[] } {
  const names: string[] = []
  const ids: string[] = []
  for (const line of stdout.split('\n')) {
    const match = /^Loaded image(?:\(s\))?: (.+)$/.exec(line.trim())
    if (!match) continue
    for (const item of match[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (/^sha256:[0-9a-f]{64}$/.test(item)) ids.push(item)
      else names.push(item)
    }
  }
  return { names, ids }
}

function hasRegistry(name: string): boolean {
  const slash = name.indexOf('/')
  if (slash === -1) return false
  const first = name.slice(0, slash)
  return /[.:]/.test(first) || first === 'localhost'
}

/**
 * For each name the archive gave without a registry, what podman called it (`localhost/app:ci`) and what
 * Docker, containerd and kubelet call it (`docker.io/library/app:ci`).
 */
export function shortNameFixes(archiveNames: string[]): Array<{ from: string; to: string }> {
  const fixes: Array<{ from: string; to: string }> = []
  for (const name of archiveNames) {
    if (hasRegistry(name)) continue
    try {
      const ref = withDefaultTag(parseReference(name))
      const tag = ref.tag !== undefined ? `:${ref.tag}` : ''
      const from = `localhost/${name.replace(/:[\w][\w.-]*$/, '')}${tag}`
      if (!archiveNames.includes(from)) fixes.push({ from, to: normalizedName(ref) })
    } catch {
      // A name podman would reject anyway: it reports that itself.
    }
  }
  return fixes
}

/**
 * The diff IDs of every layer in `podman image inspect` output. podman reuses a layer it stores when an OCI
 * archive names it by its uncompressed digest and leaves the blob out (verified with podman 4.3); a docker-archive
 * must carry every layer file ("Some layer tarfiles are missing in the tarball").
 */
export function heldDiffIds(json: string): Set<string> {
  const images = JSON.parse(json || '[]') as Array<{ RootFS?: { Layers?: string[] | null } | null }>
  return new Set(images.flatMap((image) => image.RootFS?.Layers ?? []))
}
