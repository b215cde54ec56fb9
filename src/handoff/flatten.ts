import type { Readable } from 'node:stream'
import { HandoffError } from '../errors.js'
import type { FlattenReport, FlattenTarget, Runtime } from '../runtimes/runtime.js'
import { formatBytes } from '../units.js'

/** The selected images as flatten targets: each ID once, with the selected names it goes by. */
export async function flattenTargets(runtime: Runtime, refs: string[], ids: string[]): Promise<FlattenTargets> {
  const listed = await runtime.list()
  // Docker's classic store tells each image's config digest (its ID); the containerd store goes by manifest digest.
  const byManifest = listed.some((image) => ids.includes(image.id) && image.configDigest === undefined)
  const targets = ids.map((id) => ({
    id,
    names: (listed.find((image) => image.id === id)?.names ?? []).filter((n) => refs.includes(n))
  }))
  return { targets, byManifest }
}

export interface FlattenTargets {
  targets: FlattenTarget[]
  /** The engine names images by manifest digest (the containerd store): so do the outputs. */
  byManifest: boolean
}

export interface FlattenSource {
  open(): Promise<Readable>
  reports(): FlattenReport[]
  /** The flattened images' IDs as an engine of the source's kind gives them; complete once the archive was read. */
  ids(): string[]
}

/** The archive a flattening save splits instead of the engine's export. */
export function flattenSource(
  runtime: Runtime,
  { targets, byManifest }: FlattenTargets,
  options: { platform?: string; scratch: string }
): FlattenSource {
  let reports: () => FlattenReport[] = () => []
  return {
    async open() {
      if (runtime.exportFlattened === undefined) {
        throw new HandoffError(
          `Input "flatten" works with runtime: docker only (it uses the Engine API to export a container's filesystem); ` +
            `${runtime.kind} cannot flatten: remove flatten, or save from Docker.`
        )
      }
      const flattened = await runtime.exportFlattened(targets, options)
      reports = flattened.reports
      return flattened.archive
    },
    reports: () => reports(),
    ids: () => reports().map((r) => (byManifest ? r.manifestDigest : r.id))
  }
}

/** `app:ci: 5 layers, 12.0 MiB → 1 layer, 9.1 MiB (24% smaller)`: sizes are the bytes of the files, before and after. */
export function flattenNotes(reports: FlattenReport[], ids: string[]): string[] {
  return reports.map((r, at) => {
    const change = r.bytesBefore > 0 ? Math.round((1 - r.bytesAfter / r.bytesBefore) * 100) : 0
    const trend = change >= 0 ? `${change}% smaller` : `${-change}% larger`
    return (
      `Flattened ${r.names[0] ?? r.sourceId}: ${r.layersBefore} layer(s), ${formatBytes(r.bytesBefore)} → 1 layer, ` +
      `${formatBytes(r.bytesAfter)} (${trend}; ${r.bytesBefore} → ${r.bytesAfter} bytes); new ID ${(ids[at] ?? r.id).slice(0, 19)}.`
    )
  })
}
