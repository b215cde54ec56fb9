/**
 * Checks an archive from any source must pass before an engine sees it: every file an image needs is a
 * regular file (an engine blocks forever opening a FIFO), every name file has the shape its format says,
 * and a name that is not a valid reference is reported instead of vanishing.
 */
import { HandoffError } from '../errors.js'
import {
  familiarOrUndefined,
  isDigestReference,
  isRecord,
  normalizePath,
  parseJson,
  resolveFile,
  uniqueNames,
  type ArchiveContents,
  type FileFacts
} from './model.js'

/**
 * What reading an archive may hold at once: small documents kept in memory in all (a real archive's configs and
 * manifests take kilobytes) and entries recorded (an engine writes a few per layer). Past either, the archive is
 * refused, not buffered.
 */
export const heldBytesBudget = 64 * 1024 * 1024
export const maxEntries = 200_000

export function overBudget(what: string): HandoffError {
  return new HandoffError(
    `not an image archive: it holds ${what}, far beyond what any engine writes for its images (configs and manifests take kilobytes); ` +
      'it is malformed or hostile and was refused before it could exhaust memory: save the images again with the engine'
  )
}

/** Tar entry types no engine ever writes into an image archive, and that block or fail whoever opens them. */
const specialTypes = new Set(['fifo', 'character-device', 'block-device'])

export function isSpecialEntry(type: string | null | undefined): boolean {
  return type !== undefined && type !== null && specialTypes.has(type)
}

export function specialEntry(path: string, type: string): HandoffError {
  return new HandoffError(
    `not an image archive: ${JSON.stringify(path)} is a ${type}, which no engine writes into an image archive and which would ` +
      'block or break the load; the archive was tampered with or written by a foreign tool: save the image again with the engine'
  )
}

/**
 * The regular file that holds `path`'s bytes, or undefined when nothing of that name is in the archive.
 * A directory, a special file, a dangling link or a loop of links where a file is needed is refused.
 */
export function presentFile(
  contents: ArchiveContents,
  path: string,
  what: string
): (FileFacts & { path: string }) | undefined {
  const file = resolveFile(contents, path)
  if (file === undefined) {
    if (!contents.files.has(normalizePath(path))) return undefined
    throw new HandoffError(
      `${what}: ${JSON.stringify(path)} is a link that leads to no file in the archive (dangling, a loop, or more than 16 links); ` +
        'the archive is malformed: save the image again'
    )
  }
  if (file.type !== undefined) {
    throw new HandoffError(
      `${what}: ${JSON.stringify(path)} is a ${file.type} in the archive, not a regular file; an engine cannot load it: save the image again`
    )
  }
  return file
}

/**
 * Valid names (deduplicated, as uniqueNames), with every candidate that is not a valid reference added to
 * `dropped`. Digest references are not names (ctr's handle for an untagged image) and are not reported.
 */
export function namesOf(candidates: readonly unknown[], dropped: string[]): string[] {
  const valid: string[] = []
  for (const candidate of candidates) {
    if (
      typeof candidate === 'string' &&
      (isDigestReference(candidate) || familiarOrUndefined(candidate) !== undefined)
    ) {
      valid.push(candidate)
    } else {
      dropped.push(typeof candidate === 'string' ? candidate : (JSON.stringify(candidate) ?? String(candidate)))
    }
  }
  return uniqueNames(valid)
}

/** The note the orchestration warns with when an image lost names: each quoted, so newlines stay visible. */
export function droppedNote(label: string, dropped: readonly string[]): string {
  const list = dropped
    .slice(0, 20)
    .map((name) => JSON.stringify(name))
    .join(', ')
  const more = dropped.length > 20 ? ` and ${dropped.length - 20} more` : ''
  return (
    `image ${label} was loaded without the names ${list}${more}: they are not valid image references ` +
    '(lowercase repository[:tag]); rename the image where it is built, or tag it on load with the input "tags"'
  )
}

/** manifest.json entries: Config a string, RepoTags absent, null or a list, Layers a list of strings. */
export function checkManifestEntries(raw: unknown[]): void {
  raw.forEach((entry, index) => {
    const where = `manifest.json (entry ${index + 1})`
    if (!isRecord(entry)) return
    const tags = entry['RepoTags']
    if (tags !== undefined && tags !== null && !Array.isArray(tags)) {
      throw new HandoffError(
        `not an image archive: ${where} gives RepoTags as ${typeof tags === 'string' ? `the string ${JSON.stringify(tags)}` : `a ${typeof tags}`}, ` +
          'not a list of names (["app:ci"]); the tool that wrote the archive is broken: save the image again with docker save'
      )
    }
    const layers = entry['Layers']
    if (Array.isArray(layers) && layers.some((layer) => typeof layer !== 'string')) {
      throw new HandoffError(
        `not an image archive: ${where} lists a layer that is not a path; save the image again with docker save`
      )
    }
  })
}

/** `repositories` (`{repo: {tag: id}}`), refused with a message naming it when it has any other shape. */
export function checkRepositories(contents: ArchiveContents): void {
  const raw = contents.nameFiles.get('repositories')
  if (raw === undefined) return
  const value = parseJson(raw, 'the name file "repositories"')
  const valid =
    isRecord(value) &&
    Object.values(value).every((tags) => isRecord(tags) && Object.values(tags).every((id) => typeof id === 'string'))
  if (!valid) {
    throw new HandoffError(
      `not an image archive: the name file "repositories" is ${value === null ? 'null' : 'not of the form {"repo": {"tag": "layer id"}}'}; ` +
        'the tool that wrote the archive is broken: save the image again with docker save'
    )
  }
}
