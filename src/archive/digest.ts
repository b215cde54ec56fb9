/**
 * Content verification after the archive streamed by: every digest-named file must hash to its name, and
 * every legacy layer.tar (uncompressed, so its sha256 is its diff ID) to the config's rootfs.diff_ids.
 */
import { HandoffError } from '../errors.js'
import {
  configDigestOfPath,
  imageLabel,
  resolveFile,
  type ArchiveContents,
  type ArchiveImage,
  type ArchiveModel
} from './model.js'

export function verifyDigests(contents: ArchiveContents, model: ArchiveModel): void {
  for (const [path, facts] of contents.files) {
    const expected = configDigestOfPath(path)
    if (expected === undefined || facts.digest === undefined || !sameAlgorithm(expected, facts.digest)) continue
    if (facts.digest !== expected) throw corrupt(describe(model, path, expected), expected, facts.digest)
  }
  for (const image of model.images) {
    if (image.layers.every((layer) => layer.digest !== undefined)) continue
    verifyDiffIds(contents, image)
  }
}

function verifyDiffIds(contents: ArchiveContents, image: ArchiveImage): void {
  image.layers.forEach((layer, index) => {
    // A layer under blobs/ is checked by its name; only legacy <id>/layer.tar files need the diff ID.
    if (configDigestOfPath(layer.path) !== undefined) return
    const what = `layer ${index + 1} of ${imageLabel(image)} (${layer.path})`
    if (layer.diffId === undefined) {
      throw new HandoffError(
        `${what} has no diff ID in the image config: the config and manifest.json disagree; save the image again`
      )
    }
    const actual = resolveFile(contents, layer.path)?.digest
    if (actual !== undefined && actual !== layer.diffId) throw corrupt(what, layer.diffId, actual)
  })
}

/** The role a digest-named file plays, for the message: a layer, a config or a manifest of some image. */
function describe(model: ArchiveModel, path: string, digest: string): string {
  for (const image of model.images) {
    const index = image.layers.findIndex((layer) => layer.path === path || layer.digest === digest)
    if (index !== -1) return `layer ${index + 1} of ${imageLabel(image)} (${path})`
    if (image.configDigest === digest) return `the config of ${imageLabel(image)} (${path})`
    if (image.manifestDigest === digest) return `the manifest of ${imageLabel(image)} (${path})`
  }
  return path
}

function corrupt(what: string, expected: string, actual: string): HandoffError {
  return new HandoffError(
    `${what} is corrupt: its content hashes to ${actual}, not ${expected}; the archive was damaged in storage or transit: save the image again`
  )
}

function sameAlgorithm(a: string, b: string): boolean {
  return a.split(':')[0] === b.split(':')[0]
}
