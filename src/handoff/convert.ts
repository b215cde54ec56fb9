import type { Readable } from 'node:stream'
import { convertArchive } from '../archive/oci-convert.js'
import type { ConvertOptions } from '../archive/oci-build.js'
import { blobPath, isRecord } from '../archive/model.js'
import { contentsOf, type StoreIndex } from '../store/format.js'

export interface ConvertSource {
  open(): Promise<Readable>
  /** Engine IDs (manifest or index digests) the conversion replaced, old → new; complete once the archive was read. */
  renamed(): Map<string, string>
}

/** The engine's archive (or the flattened one) rewritten as the options ask, on its way to the split. */
export function convertSource(
  source: () => Promise<Readable>,
  options: ConvertOptions,
  scratch: string
): ConvertSource {
  let renamed = (): Map<string, string> => new Map()
  return {
    async open() {
      const converted = convertArchive(await source(), options, scratch)
      renamed = converted.renamed
      return converted.archive
    },
    renamed: () => renamed()
  }
}

export function convertNote(options: ConvertOptions): string {
  const types = options.ociMediaTypes ? 'OCI media types' : "Docker's media types"
  const count = Object.keys(options.annotations).length
  const annotations = count > 0 ? `, ${count} annotation(s) on every manifest and index` : ''
  return `Stored as an OCI layout with ${types}, ${options.compression} layers${annotations}.`
}

/** The media types of the layers a load sends (those the manifests in the entry name, less the ones left out). */
export function sentLayerTypes(index: StoreIndex, omit: Set<string>): Set<string> {
  const types = new Set<string>()
  for (const body of contentsOf(index.entries).json.values()) {
    let doc: unknown
    try {
      doc = JSON.parse(body.toString('utf8'))
    } catch {
      continue
    }
    const layers = isRecord(doc) && Array.isArray(doc['layers']) ? (doc['layers'] as unknown[]) : []
    for (const layer of layers) {
      if (!isRecord(layer) || typeof layer['mediaType'] !== 'string' || typeof layer['digest'] !== 'string') continue
      if (!omit.has(blobPath(layer['digest']))) types.add(layer['mediaType'])
    }
  }
  return types
}
