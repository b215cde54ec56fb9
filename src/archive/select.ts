import picomatch from 'picomatch'
import {
  canonicalName,
  familiarName,
  idHasPrefix,
  normalizedName,
  parseReference,
  type Reference
} from './reference.js'

/**
 * Image selection by references and globs, with `!` excludes. A pattern matches a name in its familiar
 * form (`app:ci`) or its normalised form (`docker.io/library/app:ci`), so users write what `docker images` shows.
 * Inside a pattern `*` stops at `/` and `**` crosses it; a pattern that is only `*` or `**` means every name, so
 * "everything" needs no thought about registries and namespaces. A pattern without a tag or glob (`app`) matches
 * every tag of `app`.
 */
export interface Selection {
  include: string[]
  exclude: string[]
}

export function parseSelection(lines: string[]): Selection {
  const include: string[] = []
  const exclude: string[] = []
  for (const line of lines) {
    const text = line.trim()
    if (text === '' || text.startsWith('#')) continue
    if (text.startsWith('!')) exclude.push(text.slice(1).trim())
    else include.push(text)
  }
  return { include, exclude }
}

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob
}

/** The spellings a stored or engine name can be matched by. */
export function nameForms(name: string): string[] {
  try {
    const ref = parseReference(name)
    return [...new Set([familiarName(ref), normalizedName(ref), name])]
  } catch {
    return [name]
  }
}

/** `*` or `**` alone: every image (with an engine, every named one). */
export function isEverything(pattern: string): boolean {
  return pattern === '*' || pattern === '**'
}

export interface MatchOptions {
  /**
   * podman names an image tagged with a short name `localhost/<name>` and resolves a short name there first: an
   * unqualified pattern (`pmapp:1`, `pmapp:*`) then matches `localhost/pmapp:1` too.
   */
  shortNames?: boolean
}

/** A pattern that names no registry (`app:1`, `org/app`): one podman resolves under `localhost/` as well. */
function unqualified(pattern: string): boolean {
  const first = pattern.split('/')[0] ?? ''
  return !pattern.includes('/') || !(first.includes('.') || first.includes(':') || first === 'localhost')
}

/** A matcher for one pattern over image names. A bare repository matches all of its tags. */
export function patternMatcher(pattern: string, options: MatchOptions = {}): (name: string) => boolean {
  const match = plainMatcher(pattern)
  if (options.shortNames !== true || !unqualified(pattern)) return match
  return (name) => match(name) || (name.startsWith('localhost/') && match(name.slice('localhost/'.length)))
}

function plainMatcher(pattern: string): (name: string) => boolean {
  if (isEverything(pattern)) return () => true
  if (isGlob(pattern)) {
    const match = picomatch(pattern, { dot: true })
    return (name) => nameForms(name).some((form) => match(form))
  }
  let ref
  try {
    ref = parseReference(pattern)
  } catch {
    return (name) => name === pattern
  }
  if (ref.tag === undefined && ref.digest === undefined) {
    const repo = `${ref.domain}/${ref.path}`
    return (name) => {
      const other = safeParse(name)
      return other !== undefined && `${other.domain}/${other.path}` === repo
    }
  }
  const wanted = canonicalName(pattern)
  return (name) => canonicalName(name) === wanted
}

function safeParse(name: string): Reference | undefined {
  try {
    return parseReference(name)
  } catch {
    return undefined
  }
}

/** True when `name` is selected: it matches an include (or there are none) and no exclude. */
export function selects(selection: Selection, name: string, options: MatchOptions = {}): boolean {
  const included = selection.include.length === 0 || selection.include.some((p) => patternMatcher(p, options)(name))
  return included && !selection.exclude.some((p) => patternMatcher(p, options)(name))
}

export interface Listed {
  id: string
  names: string[]
}

export interface Resolved {
  /** What to export: the selected names, and IDs for images asked for by ID (saved by ID they keep no name). */
  refs: string[]
  /** Image IDs selected, each once. */
  ids: string[]
  /** Names the runtime holds that the selection left out (logged, so a glob that stops short is noticed). */
  leftOut: string[]
}

const idPattern = /^(sha256:)?[0-9a-f]{12,64}$/

/** A pattern that names an image by (a prefix of at least 12 hex digits of) its ID. */
export function isIdPattern(pattern: string): boolean {
  return idPattern.test(pattern)
}

export function idMatches(id: string, pattern: string): boolean {
  return idHasPrefix(id, pattern)
}

/**
 * Resolves a selection against a runtime's image list. Every include must match something: a pattern
 * that matches nothing is an error naming it, so a typo never saves an empty archive.
 */
export function resolveSelection(images: Listed[], selection: Selection, options: MatchOptions = {}): Resolved {
  const excluded = (name: string): boolean => selection.exclude.some((p) => patternMatcher(p, options)(name))
  const refs = new Set<string>()
  const ids = new Set<string>()
  const missing: string[] = []
  for (const pattern of selection.include) {
    if (idPattern.test(pattern)) {
      const image = images.find((i) => idMatches(i.id, pattern))
      if (!image || selection.exclude.some((p) => idPattern.test(p) && idMatches(image.id, p))) {
        if (!image) missing.push(pattern)
        continue
      }
      refs.add(image.id)
      ids.add(image.id)
      continue
    }
    const match = patternMatcher(pattern, options)
    let found = false
    for (const image of images) {
      for (const name of image.names.filter(match)) {
        found = true
        if (excluded(name)) continue
        refs.add(name)
        ids.add(image.id)
      }
    }
    if (!found) missing.push(pattern)
  }
  if (missing.length > 0) {
    const what = missing.map((m) => `"${m}"`).join(', ')
    throw new Error(
      `${what} matched no image in the runtime; check the name (docker images lists them) or build the image first`
    )
  }
  const leftOut = [...new Set(images.flatMap((image) => image.names.filter((name) => !refs.has(name))))]
  return { refs: [...refs], ids: [...ids], leftOut }
}
