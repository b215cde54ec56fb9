import { HandoffError } from '../errors.js'

/**
 * Image references, following distribution/reference (the grammar Docker, containerd and podman share):
 * parsing, normalising (`app:ci` → `docker.io/library/app:ci`) and the familiar short form Docker prints.
 */

const component = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*'
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`
const tag = '[\\w][\\w.-]{0,127}'
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
const referencePattern = new RegExp(`^((?:${domain}/)?${component}(?:/${component})*)(?::(${tag}))?(?:@(${digest}))?$`)
const maxNameLength = 255

export const defaultDomain = 'docker.io'
const legacyDomain = 'index.docker.io'
const officialRepoPrefix = 'library/'

export interface Reference {
  /** Registry host, always present after normalisation (`docker.io`). */
  domain: string
  /** Repository path within the registry (`library/app`). */
  path: string
  tag?: string
  digest?: string
}

/** Parses and normalises a reference; throws a message naming the reference and the rule it breaks. */
export function parseReference(input: string): Reference {
  const text = input.trim()
  if (text === '') throw new Error('an image reference is empty')
  const match = referencePattern.exec(text)
  if (!match) {
    const hint = /[A-Z]/.test(text.split('/').pop() ?? '') ? ' (repository names must be lowercase)' : ''
    throw new Error(`"${input}" is not a valid image reference${hint}`)
  }
  const [, name = '', tagPart, digestPart] = match
  if (name.length > maxNameLength) {
    throw new Error(`"${input}" is not a valid image reference (name longer than ${maxNameLength} characters)`)
  }
  const { domain: host, path } = splitDomain(name)
  return { domain: host, path, ...(tagPart ? { tag: tagPart } : {}), ...(digestPart ? { digest: digestPart } : {}) }
}

function splitDomain(name: string): { domain: string; path: string } {
  const slash = name.indexOf('/')
  const first = slash === -1 ? '' : name.slice(0, slash)
  const isDomain = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)
  let host = isDomain ? first : defaultDomain
  let path = isDomain ? name.slice(slash + 1) : name
  if (host === legacyDomain) host = defaultDomain
  if (host === defaultDomain && !path.includes('/')) path = officialRepoPrefix + path
  if (/[A-Z]/.test(path))
    throw new Error(`"${name}" is not a valid image reference (repository names must be lowercase)`)
  return { domain: host, path }
}

/** `docker.io/library/app:ci` — what containerd, kubelet and OCI `io.containerd.image.name` use. */
export function normalizedName(ref: Reference): string {
  return `${ref.domain}/${ref.path}${suffix(ref)}`
}

/** `app:ci` — what Docker prints and writes into manifest.json RepoTags. */
export function familiarName(ref: Reference): string {
  let repo = `${ref.domain}/${ref.path}`
  if (ref.domain === defaultDomain) {
    repo = ref.path.startsWith(officialRepoPrefix) ? ref.path.slice(officialRepoPrefix.length) : ref.path
  }
  return `${repo}${suffix(ref)}`
}

/** Repository without tag or digest, familiar form (`app`, `ghcr.io/org/app`). */
export function familiarRepository(ref: Reference): string {
  return familiarName({ domain: ref.domain, path: ref.path })
}

function suffix(ref: Reference): string {
  return `${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`
}

/** Adds `:latest` when a reference has neither tag nor digest, as every engine does on tag and load. */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref
}

/**
 * Validates a name an image will be given (a retag target, a name written into an archive):
 * a repository with a tag, never a digest, since a digest reference aborts `docker load` half-way.
 */
export function parseTargetName(input: string): Reference {
  const ref = parseReference(input)
  if (ref.digest !== undefined) {
    throw new Error(`"${input}" cannot be a target name: it holds a digest; give a tag (name:tag) instead`)
  }
  return withDefaultTag(ref)
}

/** The one spelling of a name every engine agrees on (`app` → `docker.io/library/app:latest`); undefined when invalid. */
export function canonicalName(text: string): string | undefined {
  try {
    return normalizedName(withDefaultTag(parseReference(text)))
  } catch {
    return undefined
  }
}

/** Same image name, however it is spelled (`app` = `app:latest` = `docker.io/library/app:latest`). */
export function sameName(a: string, b: string): boolean {
  const [left, right] = [canonicalName(a), canonicalName(b)]
  return left !== undefined && right !== undefined ? left === right : a === b
}

const imageIdPattern = /^(sha256:)?([0-9a-f]{12,64})$/

/** True for an image ID or its prefix (`sha256:abc…`, `abc123def456`), which engines accept in place of a name. */
export function isImageId(text: string): boolean {
  return imageIdPattern.test(text.trim())
}

/** True when the image ID `id` starts with the ID or ID prefix `ref`; false when `ref` is no image ID. */
export function idHasPrefix(id: string, ref: string): boolean {
  const hex = imageIdPattern.exec(ref.trim())?.[2]
  return hex !== undefined && id.replace(/^sha256:/, '').startsWith(hex)
}

/** The one item whose ID starts with `ref` (undefined when none, or `ref` is no image ID); several are an error. */
export function oneByIdPrefix<T>(
  items: readonly T[],
  ref: string,
  idOf: (item: T) => string | undefined
): T | undefined {
  const matches = items.filter((item) => {
    const id = idOf(item)
    return id !== undefined && idHasPrefix(id, ref)
  })
  if (matches.length > 1) throw new HandoffError(`"${ref}" matches ${matches.length} images; give more of the ID.`)
  return matches[0]
}
