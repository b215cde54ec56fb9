/**
 * Images of a legacy `docker save` archive (Docker < 25): manifest.json lists each image's config
 * (`<hex>.json`) and its `<id>/layer.tar` files; the names are manifest.json RepoTags.
 */
import { HandoffError } from '../errors.js'
import { droppedNote, namesOf, presentFile } from './checks.js'
import {
  configDigestOfPath,
  diffIdsOf,
  imageLabel,
  missingFile,
  parseJson,
  uniqueNames,
  type ArchiveContents,
  type ArchiveImage,
  type ManifestEntry
} from './model.js'
import { platformOf } from './platform.js'

/** `skipped` receives a note for every image whose RepoTags held names that are not valid references. */
export function legacyImages(
  contents: ArchiveContents,
  entries: ManifestEntry[],
  skipped: string[] = []
): ArchiveImage[] {
  const byConfig = new Map<string, ArchiveImage>()
  for (const entry of entries) {
    const image = legacyImage(contents, entry, skipped)
    const known = byConfig.get(image.configDigest)
    // Docker writes one entry per image; merge anyway so an image is never listed twice.
    if (!known) byConfig.set(image.configDigest, image)
    else {
      known.names = uniqueNames([...known.names, ...image.names])
      const dropped = [...(known.droppedNames ?? []), ...(image.droppedNames ?? [])]
      if (dropped.length > 0) known.droppedNames = [...new Set(dropped)]
    }
  }
  return [...byConfig.values()]
}

function legacyImage(contents: ArchiveContents, entry: ManifestEntry, skipped: string[]): ArchiveImage {
  const configDigest = configDigestOfPath(entry.Config)
  const dropped: string[] = []
  const names = namesOf(entry.RepoTags ?? [], dropped)
  if (configDigest === undefined) {
    throw new HandoffError(
      `not an image archive: manifest.json names ${JSON.stringify(entry.Config)} as a config, which is not a digest-named file; save the image again`
    )
  }
  const label = imageLabel({ names, configDigest })
  if (dropped.length > 0) skipped.push(droppedNote(label, dropped))
  const config = presentFile(contents, entry.Config, `the config of image ${label}`)
  if (config === undefined) throw missingFile(label, entry.Config, 'manifest.json')
  const configJson = parseJson(contents.json.get(config.path), `the config of ${label}`)
  const diffIds = diffIdsOf(configJson)
  const layers = entry.Layers.map((path, index) => {
    const file = presentFile(contents, path, `layer ${index + 1} of image ${label}`)
    if (file === undefined) throw missingFile(label, path, 'manifest.json')
    const diffId = diffIds[index]
    return { path, size: file.size, ...(diffId !== undefined ? { diffId } : {}) }
  })
  const platform = platformOf(configJson)
  return {
    configDigest,
    names,
    layers,
    size: layers.reduce((sum, layer) => sum + layer.size, config.size),
    ...(platform !== undefined ? { platform } : {}),
    ...(dropped.length > 0 ? { droppedNames: dropped } : {})
  }
}
