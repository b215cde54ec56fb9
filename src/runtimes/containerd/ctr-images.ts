import type { Readable } from 'node:stream'
import { HandoffError } from '../../errors.js'
import {
  canonicalName,
  isImageId,
  normalizedName,
  withDefaultTag,
  oneByIdPrefix,
  type Reference
} from '../../archive/reference.js'
import type { ExportOptions, ImportReport, RuntimeImage } from '../runtime.js'
import { parseImageList, parseImportOutput, type CtrImageRow, type CtrImported } from './ctr-output.js'
import { isDigestReference } from '../../archive/model.js'
import { matchesPlatform } from '../../archive/platform.js'
import { absentPlatforms, isIndexMediaType, parseManifestOrIndex } from './ctr-platforms.js'
import { outputUntilExit, readAll } from '../tool-streams.js'

/**
 * Image operations through `ctr`, shared by the containerd runtime (ctr on this machine) and the kind
 * runtime (ctr inside a node container): only how ctr is reached differs, so that is the seam.
 */
export interface CtrRunner {
  /** For messages: `containerd at /run/containerd/containerd.sock (namespace k8s.io)`. */
  readonly where: string
  /** Runs `ctr <address and namespace flags> ...args` to completion; resolves its stdout. */
  run(args: string[]): Promise<string>
  /** The same with `stdin` streamed in and stdout streamed out; `done` rejects with ctr's message. */
  stream(args: string[], stdin?: Readable): { stdout: Readable; done: Promise<void> }
}

export interface CtrImportOptions {
  /** The snapshotter kubelet's CRI uses (kind nodes: from their config); ctr's default otherwise. */
  snapshotter?: string
}

/** An ImportReport plus what the caller should be told: platforms of an index that were not in the archive. */
export interface CtrImportReport extends ImportReport {
  warnings: string[]
}

export interface CtrImages {
  list(): Promise<RuntimeImage[]>
  inspect(ref: string): Promise<RuntimeImage | undefined>
  exportImages(refs: string[], options?: ExportOptions): Promise<Readable>
  importArchive(archive: Readable, options?: CtrImportOptions): Promise<CtrImportReport>
  tag(source: string, target: Reference): Promise<void>
}

/** `hostPlatform` (`linux/amd64`) picks the manifest whose config an index's `configDigest` reports. */
export function ctrImages(ctr: CtrRunner, hostPlatform: string): CtrImages {
  const rows = async (): Promise<CtrImageRow[]> => parseImageList(await ctr.run(['images', 'ls']))
  // ctr 2.x (kind's newer nodes) imports through the transfer service unless `--local`, and then prints
  // no `unpacking` lines to report from; 1.7 has `--local` on by default, 1.6 does not know the flag.
  let local: Promise<string[]> | undefined
  const localFlag = (): Promise<string[]> =>
    (local ??= ctr.run(['images', 'import', '--help']).then(
      (help) => (/--local\b/.test(help) ? ['--local'] : []),
      () => []
    ))

  // Docker's ID of an image is its config digest; verifying an untagged image from a Docker archive asks by it.
  const resolveDigest = async (all: CtrImageRow[], ref: string): Promise<string | undefined> => {
    const direct = findDigest(all, ref)
    if (direct !== undefined || !isImageId(ref)) return direct
    const configs: Array<{ digest: string; config: string | undefined }> = []
    for (const digest of new Set(all.map((r) => r.digest))) {
      configs.push({ digest, config: await configOf(ctr, digest, hostPlatform) })
    }
    return oneByIdPrefix(configs, ref, (c) => c.config)?.digest
  }

  const inspect = async (ref: string): Promise<RuntimeImage | undefined> => {
    const all = await rows()
    const digest = await resolveDigest(all, ref)
    if (digest === undefined) return undefined
    const image = group(all).find((i) => i.id === digest)
    if (image === undefined) return undefined
    const configDigest = await configOf(ctr, digest, hostPlatform)
    return configDigest === undefined ? image : { ...image, configDigest }
  }

  return {
    list: async () => group(await rows()),
    inspect,
    exportImages: async (refs, options = {}) => {
      const all = await rows()
      const names = await Promise.all(
        refs.map(async (ref) => storedName(all, ref, await resolveDigest(all, ref), ctr.where))
      )
      const platform = options.platform !== undefined ? ['--platform', options.platform] : []
      const { stdout, done } = ctr.stream(['images', 'export', ...platform, '-', ...names])
      return outputUntilExit(stdout, done)
    },
    importArchive: async (archive, options = {}) => {
      const flags = ['--digests', '--skip-digest-for-named', ...(await localFlag())]
      if (options.snapshotter !== undefined) flags.push(`--snapshotter=${options.snapshotter}`)
      const { stdout, done } = ctr.stream(['images', 'import', ...flags, '-'], archive)
      const [text] = await Promise.all([readAll(stdout), done])
      const imported = parseImportOutput(text)
      if (imported.digests.length === 0) {
        throw new HandoffError(
          `ctr imported no image into ${ctr.where}: the archive held none it could read (ctr said: ${text.trim() || 'nothing'}).`
        )
      }
      const warnings = await skippedPlatforms(ctr, imported, await rows())
      return { names: imported.names, ids: imported.digests, warnings }
    },
    tag: async (source, target) => {
      // A digest reference is a name containerd accepts (dangling-name-prefix gives untagged images one).
      const destination = normalizedName(withDefaultTag(target))
      const all = await rows()
      const from = storedName(all, source, await resolveDigest(all, source), ctr.where)
      await ctr.run(['images', 'tag', '--force', from, destination])
    }
  }
}

/** One RuntimeImage per digest; digest handles (`import-…@sha256:…`) are not names. */
function group(rows: CtrImageRow[]): RuntimeImage[] {
  const byDigest = new Map<string, RuntimeImage>()
  for (const row of rows) {
    const image = byDigest.get(row.digest) ?? { id: row.digest, names: [], size: row.size }
    if (!isDigestReference(row.name)) image.names.push(row.name)
    byDigest.set(row.digest, image)
  }
  return [...byDigest.values()]
}

function findDigest(rows: CtrImageRow[], ref: string): string | undefined {
  const byId = oneByIdPrefix([...new Set(rows.map((r) => r.digest))], ref, (digest) => digest)
  if (byId !== undefined) return byId
  const full = canonicalName(ref)
  return rows.find((r) => r.name === ref || r.name === full)?.digest
}

/** The name ctr knows `ref` by: the same name normalised, or for an ID any of the image's names. */
function storedName(rows: CtrImageRow[], ref: string, digest: string | undefined, where: string): string {
  const full = canonicalName(ref)
  const named = rows.find((r) => r.name === ref || r.name === full)
  const row = named ?? rows.find((r) => r.digest === digest)
  if (row === undefined)
    throw new HandoffError(`image "${ref}" is not in ${where}; list what is there with \`ctr images ls\`.`)
  return row.name
}

/** The config digest: from the manifest, or from the host platform's manifest of an index. Undefined if unreadable. */
async function configOf(ctr: CtrRunner, digest: string, hostPlatform: string): Promise<string | undefined> {
  try {
    const top = parseManifestOrIndex(await ctr.run(['content', 'get', digest]))
    if (top.config) return top.config.digest
    for (const child of (top.manifests ?? []).filter((m) => matchesPlatform(m.platform, hostPlatform))) {
      const manifest = await ctr.run(['content', 'get', child.digest]).then(parseManifestOrIndex, () => undefined)
      if (manifest?.config) return manifest.config.digest
    }
  } catch {
    // A missing or odd manifest only costs the extra check, never the load itself.
  }
  return undefined
}

/** One warning per imported index that names platforms whose manifests did not arrive. */
async function skippedPlatforms(ctr: CtrRunner, imported: CtrImported, rows: CtrImageRow[]): Promise<string[]> {
  const indexes = imported.digests.filter((d) => rows.some((r) => r.digest === d && isIndexMediaType(r.mediaType)))
  if (indexes.length === 0) return []
  const present = new Set(
    (await ctr.run(['content', 'ls', '-q']))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
  )
  const warnings: string[] = []
  for (const digest of indexes) {
    const absent = absentPlatforms(parseManifestOrIndex(await ctr.run(['content', 'get', digest])), present)
    if (absent.length === 0) continue
    const names = rows.filter((r) => r.digest === digest && !isDigestReference(r.name)).map((r) => r.name)
    warnings.push(
      `${names.join(', ') || digest}: the archive did not hold ${absent.join(', ')}; only the platforms it held were loaded ` +
        '(save with a platform, or all platforms, to carry them).'
    )
  }
  return warnings
}
