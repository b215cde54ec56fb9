/**
 * `images` applied inside an archive another tool wrote (`archive:` on save), the way a save applies it to an
 * engine's images: a name pattern keeps the names it matches, an ID keeps the image (without names, as an engine
 * saves an image asked for by ID), an image nobody selected stays out with its layers. Untagged images, common in
 * tool archives (ctr export of an import, buildx without a name), are selected by ID or by "everything" (`*`, `**`,
 * or no `images` at all). Pure: the caller streams the archive.
 */
import { HandoffError } from '../errors.js'
import { imageLabel, resolveFile, type ArchiveContents, type ArchiveImage, type ArchiveModel } from './model.js'
import { rewriteNameFiles } from './name-files.js'
import { idMatches, isEverything, isIdPattern, patternMatcher, type Selection } from './select.js'

export interface ArchivePick {
  /** The selected images as they will be stored (with the names kept). */
  model: ArchiveModel
  /** Layer files no selected image uses: left out of the store. */
  omit: Set<string>
  /** The rewritten name files, or undefined when every image is kept as it is (the archive is stored unchanged). */
  nameFiles?: Array<{ name: string; body: Buffer }>
  /** Images left out, by their first name or short ID. */
  leftOut: string[]
}

/** The IDs an archive image answers to: its config digest and, in an OCI layout, its manifest (or index) digest. */
function idsOf(image: ArchiveImage): string[] {
  return [image.configDigest, image.manifestDigest].filter((d): d is string => d !== undefined)
}

/** Tool archives from podman name images `localhost/…`: short names match them as podman resolves them. */
const shortNames = { shortNames: true }

/** Images that share one index.json descriptor (platforms of one index) are selected together. */
const keyOf = (image: ArchiveImage): string => image.manifestDigest ?? image.configDigest

export function pickFromArchive(contents: ArchiveContents, model: ArchiveModel, selection: Selection): ArchivePick {
  const all = selection.include.length === 0 || selection.include.some(isEverything)
  const excluded = (name: string): boolean =>
    selection.exclude.some((p) => !isIdPattern(p) && patternMatcher(p, shortNames)(name))
  const excludedId = (image: ArchiveImage): boolean =>
    selection.exclude.some((p) => isIdPattern(p) && idsOf(image).some((id) => idMatches(id, p)))
  const names = new Map<string, Set<string>>()
  const keep = (image: ArchiveImage, kept: string[]): void => {
    const set = names.get(keyOf(image)) ?? new Set<string>()
    kept.forEach((n) => set.add(n))
    names.set(keyOf(image), set)
  }
  const missing: string[] = []
  for (const pattern of all ? ['**'] : selection.include) {
    let found = false
    for (const image of model.images) {
      if (excludedId(image)) continue
      if (isIdPattern(pattern)) {
        if (!idsOf(image).some((id) => idMatches(id, pattern))) continue
        found = true
        keep(image, [])
        continue
      }
      const matched = all ? image.names : image.names.filter(patternMatcher(pattern, shortNames))
      if (matched.length === 0 && !(all && image.names.length === 0)) continue
      found = true
      const kept = matched.filter((n) => !excluded(n))
      if (kept.length > 0 || matched.length === 0) keep(image, kept)
    }
    if (!found && !all) missing.push(pattern)
  }
  if (missing.length > 0) throw noMatch(missing, model)
  const selected = model.images.filter((image) => names.has(keyOf(image)))
  if (selected.length === 0) throw noMatch(selection.include, model)
  const unchanged = selected.length === model.images.length && selected.every((i) => sameNames(i, names))
  const leftOut = [...new Set(model.images.filter((i) => !names.has(keyOf(i))).map(imageLabel))]
  if (unchanged) return { model, omit: new Set(), leftOut }
  const rewritten = rewriteNameFiles(contents.nameFiles, model, {
    keep: (image) => names.has(keyOf(image)),
    names: (image) => [...(names.get(keyOf(image)) ?? [])]
  })
  const used = new Set(rewritten.model.images.flatMap((image) => layerFiles(contents, image)))
  const omit = new Set(model.images.flatMap((image) => layerFiles(contents, image)).filter((p) => !used.has(p)))
  return { model: rewritten.model, omit, nameFiles: rewritten.files, leftOut }
}

function sameNames(image: ArchiveImage, names: Map<string, Set<string>>): boolean {
  const kept = names.get(keyOf(image))
  return kept !== undefined && kept.size === image.names.length && image.names.every((n) => kept.has(n))
}

function layerFiles(contents: ArchiveContents, image: ArchiveImage): string[] {
  return image.layers.map((layer) => resolveFile(contents, layer.path)?.path ?? layer.path)
}

function noMatch(patterns: string[], model: ArchiveModel): HandoffError {
  const held = [...new Set(model.images.map((i) => (i.names.length > 0 ? i.names.join(', ') : i.configDigest)))]
  return new HandoffError(
    `Input "images": ${patterns.map((p) => `"${p}"`).join(', ')} matched no image in the archive, which holds ${held.join('; ') || 'no image'}; fix the patterns (untagged images are selected by ID or by *)`
  )
}
