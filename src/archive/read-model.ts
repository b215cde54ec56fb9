/** Reads the archive model from collected contents, whichever layout the archive has. */
import { HandoffError } from '../errors.js'
import { checkManifestEntries, checkRepositories } from './checks.js'
import { legacyImages } from './legacy-model.js'
import { parseManifestJson, type ArchiveContents, type ArchiveModel } from './model.js'
import { ociImages, parseIndexJson } from './oci-model.js'

export function readModel(contents: ArchiveContents): ArchiveModel {
  const entries = parseManifestJson(contents)
  if (entries !== undefined) checkManifestEntries(entries)
  checkRepositories(contents)
  const index = parseIndexJson(contents)
  if (index !== undefined) return { layout: 'oci', ...ociImages(contents, index, entries) }
  if (entries !== undefined) {
    const skipped: string[] = []
    return { layout: 'docker', images: legacyImages(contents, entries, skipped), skipped }
  }
  const what =
    contents.files.size === 0
      ? 'it holds no files'
      : `it holds ${contents.files.size} files but no manifest.json or index.json`
  throw new HandoffError(
    `not an image archive: ${what}; give a tar written by docker save, ctr images export or skopeo`
  )
}
