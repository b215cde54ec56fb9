/**
 * podman through its CLI (`podman load` / `podman save` streamed over stdin/stdout via exec.ts), not its
 * Docker-compatible API: on GitHub's runners podman is installed but no API service runs, and starting
 * `podman system service` would leave a process for the action to manage. The CLI needs nothing running.
 *
 * podman names a registry-less name `localhost/…`; a handed-off `app:ci` from Docker must resolve as
 * `docker.io/library/app:ci` (what Docker, kubelet and the next save mean), so imports read the archive's
 * name files on a tee'd copy and rename what podman prefixed.
 */
import { PassThrough, type Readable } from 'node:stream'
import { HandoffError, errorMessage } from '../../errors.js'
import { canonicalName, normalizedName, oneByIdPrefix, withDefaultTag } from '../../archive/reference.js'
import { run, spawnStreaming } from '../exec.js'
import type { ImportReport, Runtime, RuntimeImage } from '../runtime.js'
import { heldDiffIds, parseImages, parseLoadOutput, shortNameFixes } from './output.js'
import { archiveNames } from './archive-names.js'
import { isOnPath } from '../path-lookup.js'
import { outputUntilExit, readAll } from '../tool-streams.js'

export interface PodmanOptions {
  /** Global flags before every subcommand, e.g. `['--root', dir, '--runroot', dir2]`. */
  extraArgs?: string[]
  /** Added to the environment of every podman call (e.g. CONTAINERS_STORAGE_CONF). */
  env?: Record<string, string>
  /** Told about inputs podman cannot honour (a platform on save). */
  warn?: (message: string) => void
  /** No-progress watchdog on load and save, in ms; 0 or absent: none. */
  stallMs?: number
}

export async function createPodmanRuntime(options: PodmanOptions = {}): Promise<Runtime> {
  if (!(await isOnPath('podman', options.env?.PATH ?? process.env.PATH ?? ''))) {
    throw new HandoffError(
      'runtime: podman needs the `podman` command, which is not on PATH; install podman (`sudo apt-get install podman`) and run again.'
    )
  }
  const argv = (args: string[]): string[] => ['podman', ...(options.extraArgs ?? []), ...args]
  const podman = (args: string[]): Promise<string> =>
    run(argv(args), options.env ? { env: options.env } : {}).then(
      (r) => r.stdout,
      (error: unknown) => {
        throw podmanFailed(args, error)
      }
    )
  const streaming = (args: string[], stdin?: Readable): { stdout: Readable; done: Promise<unknown> } => {
    const child = spawnStreaming(argv(args), stdin, options.env, {
      ms: options.stallMs ?? 0,
      what: `podman ${args[0] ?? ''}`
    })
    const done = child.done.catch((error: unknown) => {
      throw podmanFailed(args, error)
    })
    done.catch(() => undefined)
    return { stdout: child.stdout, done }
  }
  await podman(['version', '--format', '{{.Client.Version}}'])

  const list = async (): Promise<RuntimeImage[]> => parseImages(await podman(['images', '--format', 'json']))
  const resolve = async (ref: string): Promise<RuntimeImage | undefined> => findImage(await list(), ref)

  return {
    kind: 'podman',
    list,
    inspect: resolve,
    exportImages: async (refs, exportOptions) => {
      if (exportOptions?.platform !== undefined) {
        options.warn?.(
          `platform ${exportOptions.platform} is ignored by runtime: podman (podman save has no platform choice; it saves the platform it stored).`
        )
      }
      const images = await list()
      const names = refs.map((ref) => storedRef(images, ref))
      const child = streaming(['save', '--format', 'docker-archive', '--multi-image-archive', ...names])
      return outputUntilExit(child.stdout, child.done)
    },
    // `podman load` stores the images of one archive one at a time: 50 of 10 MB took 13.3 s as one load and
    // 10.4 s as two at once (means of six rounds, podman 4.3, overlay).
    parallelImports: 2,
    importArchive: async (archive) => {
      const toPodman = new PassThrough()
      const toReader = new PassThrough()
      archive.on('error', (error) => [toPodman, toReader].forEach((s) => s.destroy(error)))
      archive.pipe(toPodman)
      archive.pipe(toReader)
      const child = streaming(['load'], toPodman)
      // If the reader fails (not a tar podman would take either), it must still drain, or podman stalls.
      const named = archiveNames(toReader).catch(() => (toReader.resume(), [] as string[]))
      const [output, , names] = await Promise.all([readAll(child.stdout), child.done, named])
      return renameShortNames(podman, parseLoadOutput(output), names)
    },
    // By blob digest: the plan leaves out only OCI-layout layers, and only those stored uncompressed match a diff ID.
    heldLayers: async () => {
      const ids = (await list()).map((image) => image.id)
      return { blobs: ids.length === 0 ? new Set() : heldDiffIds(await podman(['image', 'inspect', ...ids])) }
    },
    tag: async (source, target) => {
      const image = await resolve(source)
      if (!image)
        throw new HandoffError(`cannot tag "${source}": podman has no such image; list them with \`podman images\`.`)
      await podman(['tag', storedRef([image], source), normalizedName(withDefaultTag(target))])
    },
    close: async () => undefined
  }
}

function podmanFailed(args: string[], error: unknown): HandoffError {
  const said = errorMessage(error).replace(/^.*? … failed: /, '')
  return new HandoffError(`podman ${args[0] ?? ''} failed: ${said}`)
}

/** Docker's reading of a name first (`app:ci` = docker.io/library/app:ci), then podman's (`localhost/app:ci`), then an ID. */
function findImage(images: RuntimeImage[], ref: string): RuntimeImage | undefined {
  const full = canonicalName(ref)
  const local = canonicalName(`localhost/${ref}`)
  const byName = (name: string | undefined): RuntimeImage | undefined =>
    name === undefined ? undefined : images.find((i) => i.names.includes(name))
  const named = byName(full) ?? byName(ref) ?? byName(local)
  return named ?? oneByIdPrefix(images, ref, (i) => i.id)
}

/** The spelling podman stores `ref` under, so its own short-name rules never pick another image. */
function storedRef(images: RuntimeImage[], ref: string): string {
  const image = findImage(images, ref)
  if (!image) throw new HandoffError(`image "${ref}" is not in podman's store; list them with \`podman images\`.`)
  return (
    [canonicalName(ref), ref, canonicalName(`localhost/${ref}`)].find(
      (n) => n !== undefined && image.names.includes(n)
    ) ?? image.id.slice(7)
  )
}

async function renameShortNames(
  podman: (args: string[]) => Promise<string>,
  loaded: { names: string[]; ids: string[] },
  archiveNames: string[]
): Promise<ImportReport> {
  const names = [...loaded.names]
  for (const { from, to } of shortNameFixes(archiveNames)) {
    const at = names.indexOf(from)
    if (at === -1) continue
    await podman(['tag', from, to])
    // With no name after the image, untag would remove every name the image has.
    await podman(['untag', to, from])
    names[at] = to
  }
  return { names, ids: loaded.ids }
}
