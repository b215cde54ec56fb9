import { HandoffError } from './errors.js'
import { parseTargetName, type Reference } from './archive/reference.js'
import { parseSelection, type Selection } from './archive/select.js'
import { parsePlatform } from './archive/platform.js'
import { namespaceProblem } from './runtimes/containerd/ctr-output.js'
import type { ConvertOptions } from './archive/oci-build.js'
import { Input } from './input-names.js'
import { boolean, integer, lines, oneOf, warnInapplicable } from './input-values.js'
import { archiveMode, danglingPrefix, parseArchive, parseTransforms } from './image-inputs.js'
import { parseRegistrySettings } from './registry-inputs.js'
import type { RegistryLocation } from './backends/registry/reference.js'

export { Input } from './input-names.js'

export type Mode = 'save' | 'load' | 'auto'
export type BackendKind = 'cache' | 'artifact' | 'local' | 'registry'
export type RuntimeKind = 'docker' | 'containerd' | 'podman'

export interface TagRule {
  /** A stored name or a glob over stored names. */
  source: string
  /** The target as written, for messages and outputs. */
  target: string
  /** The target parsed once: a repository with a tag (`:latest` when none was written). */
  targetRef: Reference
}

export interface ArtifactSettings {
  retentionDays?: number
  overwrite: boolean
  /** Present only for a download from another run or repository. */
  crossRun?: { token: string; runId: number; owner: string; repo: string }
}

export interface RegistrySettings {
  location: RegistryLocation
  /** Absent: anonymous (a registry without auth, or public pulls). */
  credentials?: { username: string; password: string }
  /** Also push each saved image so that `docker pull <registry>/<name>:<tag>` takes it. */
  pullable: boolean
}

export interface Settings {
  mode: Mode
  images: Selection
  backend: BackendKind
  key: string
  restoreKeys: string[]
  path: string
  runtime: RuntimeKind
  containerd: { address: string; namespace: string }
  tags: TagRule[]
  platform?: string
  compressionLevel: number
  artifact: ArtifactSettings
  /** Present with backend: registry. */
  registry?: RegistrySettings
  kindCluster?: string
  /** Seconds an engine stream may make no progress before it is abandoned; 0 turns the watchdog off. */
  stallTimeout: number
  /** An image archive another tool wrote (absolute path): stored instead of an engine's export. */
  archive?: string
  /** On load: untagged images are named under this repository (familiar form, no tag). */
  danglingNamePrefix?: string
  /** Inputs given that do not apply to this configuration: ignored, to be told as warnings. */
  warnings: string[]
  /** Save: one layer per image, config kept (Docker only). */
  flatten: boolean
  /** Save: rewrite the archive as an OCI layout with these media types, layer compression and annotations. */
  convert?: ConvertOptions
}

/** Reads one input by its action.yml name ('' when unset), like core.getInput. */
export type InputReader = (name: string) => string

export function parseTags(text: string): TagRule[] {
  return lines(text).map((line) => {
    const eq = line.indexOf('=')
    if (eq <= 0 || eq === line.length - 1) {
      throw new HandoffError(
        `Input "tags": "${line}" is not SOURCE=TARGET; write one pair a line, e.g. app:ci=registry.example/app:test.`
      )
    }
    const source = line.slice(0, eq).trim()
    const targetText = line.slice(eq + 1).trim()
    try {
      return { source, target: targetText, targetRef: parseTargetName(targetText) }
    } catch (error) {
      throw new HandoffError(
        `Input "tags": ${(error as Error).message}. Targets must be lowercase repository:tag names.`
      )
    }
  })
}

export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const get = (name: string): string => read(name).trim()
  const archive = parseArchive(get(Input.archive), get(Input.platform))
  const mode = archiveMode(oneOf(Input.mode, get(Input.mode) || 'auto', ['save', 'load', 'auto'] as const), archive)
  const backend = oneOf(Input.backend, get(Input.backend) || 'cache', [
    'cache',
    'artifact',
    'local',
    'registry'
  ] as const)
  const runtime = oneOf(Input.runtime, get(Input.runtime) || 'docker', ['docker', 'containerd', 'podman'] as const)
  const key = get(Input.key)
  if (key === '')
    throw new HandoffError(
      'Input "key" is required: the cache key, artifact name, or entry name in the directory or registry.'
    )
  // Each store checks the keys against its own rules (backends/factory.ts).
  const restoreKeys = lines(read(Input.restoreKeys))
  const images = parseSelection(lines(read(Input.images)))
  if (mode === 'save' && images.include.length === 0 && archive === undefined) {
    throw new HandoffError(
      'Input "images" is required with mode: save; list the references or globs to save (e.g. app:*).'
    )
  }
  const path = get(Input.path)
  if (backend === 'local' && path === '')
    throw new HandoffError('Input "path" is required with backend: local; give the directory to store images in.')
  const platform = get(Input.platform)
  if (platform !== '' && parsePlatform(platform) === undefined) {
    throw new HandoffError(`Input "platform" is "${platform}"; write os/arch[/variant], e.g. linux/amd64.`)
  }
  const namespace = get(Input.containerdNamespace) || env.CONTAINERD_NAMESPACE || 'default'
  if (namespaceProblem(namespace) !== undefined) {
    throw new HandoffError(
      `Input "containerd-namespace" is "${namespace}"; a namespace is letters and digits separated by single . _ or - (e.g. k8s.io).`
    )
  }
  const kindCluster = get(Input.kindCluster)
  if (kindCluster !== '' && !/^[a-z0-9][a-z0-9.-]*$/.test(kindCluster)) {
    throw new HandoffError(
      `Input "kind-cluster" is "${kindCluster}"; kind cluster names are lowercase letters, digits, . and -.`
    )
  }
  const warnings: string[] = []
  const registry = parseRegistrySettings(get, backend, env, warnings)
  return {
    mode,
    images,
    backend,
    key,
    restoreKeys,
    path,
    runtime,
    containerd: {
      address: get(Input.containerdAddress) || env.CONTAINERD_ADDRESS || '/run/containerd/containerd.sock',
      namespace
    },
    tags: parseTags(read(Input.tags)),
    ...(platform !== '' ? { platform } : {}),
    compressionLevel: integer(Input.compressionLevel, get(Input.compressionLevel) || '3', 1, 19),
    artifact: parseArtifact(get, backend, env, warnings),
    ...(registry !== undefined ? { registry } : {}),
    ...(kindCluster !== '' ? { kindCluster } : {}),
    stallTimeout: integer(Input.stallTimeout, get(Input.stallTimeout) || '300', 0, 86400),
    ...(archive !== undefined ? { archive } : {}),
    ...danglingPrefix(get(Input.danglingNamePrefix), mode, warnings),
    warnings,
    ...parseTransforms(get, { mode, runtime, kindCluster, archive: archive !== undefined }, warnings)
  }
}

/** Artifact-only inputs given with another backend (github-token also serves backend: registry). */
const artifactOnly = [Input.retentionDays, Input.overwrite, Input.githubToken, Input.runId, Input.repository] as const

function parseArtifact(
  get: (name: string) => string,
  backend: BackendKind,
  env: NodeJS.ProcessEnv,
  warnings: string[]
): ArtifactSettings {
  if (backend !== 'artifact') {
    // overwrite's declared default is "false": only another value counts as given.
    const given = artifactOnly.filter(
      (name) =>
        get(name) !== '' &&
        !(name === Input.overwrite && /^false$/i.test(get(name))) &&
        !(name === Input.githubToken && backend === 'registry')
    )
    warnInapplicable(given, 'backend: artifact', backend, warnings)
    return { overwrite: false }
  }
  const retention = get(Input.retentionDays)
  const token = get(Input.githubToken)
  const runId = get(Input.runId)
  const repository = get(Input.repository) || env.GITHUB_REPOSITORY || ''
  const settings: ArtifactSettings = {
    overwrite: boolean(Input.overwrite, get(Input.overwrite)),
    ...(retention !== '' ? { retentionDays: integer(Input.retentionDays, retention, 1, 90) } : {})
  }
  if (runId === '' && token === '') return settings
  if (token === '' || runId === '')
    throw new HandoffError(
      'A download from another run needs both "github-token" and "run-id"; give both, or neither for this run.'
    )
  const [owner, repo, ...rest] = repository.split('/')
  if (!owner || !repo || rest.length > 0)
    throw new HandoffError(`Input "repository" is "${repository}"; write owner/name.`)
  return {
    ...settings,
    crossRun: { token, runId: integer(Input.runId, runId, 1, Number.MAX_SAFE_INTEGER), owner, repo }
  }
}
