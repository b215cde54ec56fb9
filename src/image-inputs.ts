/**
 * Inputs that change what a save stores or how a load names images: archive, flatten, compression,
 * oci-mediatypes, annotations, dangling-name-prefix.
 */
import { accessSync, constants, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { HandoffError, errorMessage } from './errors.js'
import { familiarRepository, parseReference } from './archive/reference.js'
import type { ConvertOptions } from './archive/oci-build.js'
import { Input } from './input-names.js'
import { boolean, lines, oneOf } from './input-values.js'
import type { Mode, RuntimeKind, Settings } from './inputs.js'

/**
 * `archive` stores a file now: `mode: auto` (the default) saves it in the main step, as `mode: save` does (there is
 * nothing to load and no job to watch); `mode: load` contradicts it.
 */
export function archiveMode(mode: Mode, archive: string | undefined): Mode {
  if (archive === undefined) return mode
  if (mode === 'load') {
    throw new HandoffError(
      'Input "archive" stores an archive file, which mode: load cannot do; remove "archive" to load, or use mode: save.'
    )
  }
  return 'save'
}

/** An archive file that exists and can be read, as an absolute path (relative to the workspace, the step's directory). */
export function parseArchive(value: string, platform: string): string | undefined {
  if (value === '') return undefined
  if (platform !== '') {
    throw new HandoffError(
      'Input "platform" does not apply with "archive": the archive is stored with the platforms it holds; write it for one platform (e.g. docker buildx --platform) or remove "platform".'
    )
  }
  const path = resolve(value)
  try {
    if (!statSync(path).isFile()) throw new Error('it is not a regular file')
    accessSync(path, constants.R_OK)
  } catch (error) {
    throw new HandoffError(
      `Input "archive" is "${value}", which cannot be read (${errorMessage(error)}); give the path of a tar written by docker save, docker buildx --output type=docker|oci,dest=, skopeo, podman save or ctr export.`
    )
  }
  return path
}

/** A repository name without tag or digest (`untagged`, `ghcr.io/org/untagged`); it applies to loads only. */
export function danglingPrefix(value: string, mode: Mode, warnings: string[]): { danglingNamePrefix?: string } {
  if (value === '') return {}
  if (mode === 'save') {
    warnings.push('Input "dangling-name-prefix" applies when images are loaded; ignored with mode: save.')
    return {}
  }
  let ref
  try {
    ref = parseReference(value)
  } catch (error) {
    throw new HandoffError(
      `Input "dangling-name-prefix": ${errorMessage(error)}; give a lowercase repository name such as untagged.`
    )
  }
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new HandoffError(
      `Input "dangling-name-prefix" is "${value}"; give a repository name without tag or digest (the image ID is added to it).`
    )
  }
  return { danglingNamePrefix: familiarRepository(ref) }
}

/** Save-side image transforms, checked against the runtime here so a save never starts that would refuse them. */
const transformInputs = [Input.flatten, Input.compression, Input.ociMediaTypes, Input.annotations] as const

export function parseTransforms(
  get: (name: string) => string,
  context: { mode: Mode; runtime: RuntimeKind; kindCluster: string; archive: boolean },
  warnings: string[]
): Pick<Settings, 'flatten' | 'convert'> {
  const flatten = boolean(Input.flatten, get(Input.flatten))
  const convert = parseConvert(get)
  if (context.mode === 'load') {
    const given = transformInputs.filter((name) => get(name) !== '' && !/^false$/i.test(get(name)))
    if (given.length > 0)
      warnings.push(`Input(s) ${given.map((n) => `"${n}"`).join(', ')} apply to saves only; ignored with mode: load.`)
    return { flatten: false }
  }
  if (flatten && context.archive) {
    throw new HandoffError(
      'Input "flatten" needs the images in Docker (it exports a container\'s filesystem), and "archive" stores a file without an engine; load the archive into Docker and save from there, or remove flatten.'
    )
  }
  if (flatten && (context.runtime !== 'docker' || context.kindCluster !== '')) {
    const what = context.kindCluster !== '' ? 'kind-cluster' : `runtime: ${context.runtime}`
    throw new HandoffError(
      `Input "flatten" works with runtime: docker only (it exports a container's filesystem through the Engine API), not with ${what}; remove flatten or save from Docker.`
    )
  }
  return { flatten, ...(convert !== undefined ? { convert } : {}) }
}

/** buildx's exporter parameters; undefined when none is given (the archive is stored as the engine wrote it). */
export function parseConvert(get: (name: string) => string): ConvertOptions | undefined {
  const text = get(Input.compression)
  const compression =
    text === '' ? undefined : oneOf(Input.compression, text, ['gzip', 'zstd', 'uncompressed'] as const)
  const ociMediaTypes = boolean(Input.ociMediaTypes, get(Input.ociMediaTypes))
  const annotations = parseAnnotations(get(Input.annotations))
  const annotated = Object.keys(annotations).length > 0
  if (compression === undefined && !ociMediaTypes && !annotated) return undefined
  if (!ociMediaTypes && (compression === 'zstd' || annotated)) {
    const [input, lacks] = annotated ? ['"annotations"', 'annotations'] : ['"compression: zstd"', 'zstd layer type']
    throw new HandoffError(
      `Input ${input} needs oci-mediatypes: true (Docker's media types have no ${lacks}); add oci-mediatypes: true.`
    )
  }
  return { compression: compression ?? 'gzip', ociMediaTypes, annotations }
}

/** `KEY=VALUE` lines; keys as OCI writes them (org.opencontainers.image.source), each once. */
export function parseAnnotations(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const line of lines(text)) {
    const eq = line.indexOf('=')
    const key = eq > 0 ? line.slice(0, eq).trim() : ''
    if (!/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,255}$/.test(key)) {
      throw new HandoffError(
        `Input "annotations": "${line}" is not KEY=VALUE with a key of letters, digits, . _ - and / (e.g. org.opencontainers.image.source=https://github.com/o/r).`
      )
    }
    if (key in result) throw new HandoffError(`Input "annotations" sets "${key}" twice; give each key once.`)
    result[key] = line.slice(eq + 1).trim()
  }
  return result
}

/** Artifact-only inputs given with another backend: the step does what it can and says what it ignored. */
