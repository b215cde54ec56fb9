/**
 * containerd through `ctr` (containerd has no API a Node client can use without gRPC stubs, and ctr is
 * installed wherever containerd is). Archives stream through ctr's stdin/stdout (`-`), never a temp file.
 * Imports pass `--digests --skip-digest-for-named` so untagged images are kept (without it ctr drops them,
 * exit 0) and never `--all-platforms`, which fails when an index names a platform the archive lacks.
 */
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { HandoffError, errorMessage } from '../../errors.js'
import { run, spawnStreaming } from '../exec.js'
import type { Runtime } from '../runtime.js'
import { namespaceProblem } from './ctr-output.js'
import { ociArchitecture } from './ctr-platforms.js'
import { ctrImages, type CtrRunner } from './ctr-images.js'
import { isOnPath } from '../path-lookup.js'

export interface ContainerdOptions {
  /** The socket: a path or `unix:///path`. */
  address: string
  namespace: string
  /** No-progress watchdog on imports and exports, in ms; 0 or absent: none. */
  stallMs?: number
  /** Where `ctr` is looked for (PATH); the process's environment by default. */
  env?: NodeJS.ProcessEnv
}

const k3sSocket = '/run/k3s/containerd/containerd.sock'

/**
 * The socket path ctr takes: ctr prefixes `unix://` itself, so `unix:///run/x.sock` would reach it as
 * `unix://unix:///run/x.sock`. containerd listens on a unix socket only (no tcp://), so other schemes are refused.
 */
export function socketPath(address: string): string {
  const trimmed = address.trim()
  if (trimmed.startsWith('unix://')) return trimmed.slice('unix://'.length)
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(trimmed)
  if (scheme) {
    throw new HandoffError(
      `containerd-address (or CONTAINERD_ADDRESS) "${address}" is a ${scheme[1]}:// address, but containerd is reached ` +
        'only through its unix socket: give its path, e.g. /run/containerd/containerd.sock or unix:///run/containerd/containerd.sock.'
    )
  }
  return trimmed
}

export async function createContainerdRuntime(given: ContainerdOptions): Promise<Runtime> {
  // Normalised once here: every ctr call and every message below uses the plain path.
  const options = { ...given, address: socketPath(given.address) }
  const problem = namespaceProblem(options.namespace)
  if (problem !== undefined) {
    throw new HandoffError(
      `containerd-namespace "${options.namespace}" is not a valid namespace: ${problem}. ` +
        'Kubernetes (kubelet, k3s, kind) uses "k8s.io"; ctr uses "default".'
    )
  }
  await requireCtr(options.env ?? process.env)
  const runner = localCtr(options)
  await probe(runner, options.address)
  const images = ctrImages(runner, `linux/${ociArchitecture(process.arch)}`)
  return {
    kind: 'containerd',
    list: () => images.list(),
    inspect: (ref) => images.inspect(ref),
    exportImages: (refs, exportOptions) => images.exportImages(refs, exportOptions),
    importArchive: (archive) => images.importArchive(archive),
    // ctr imports the images of one archive one at a time: 50 of 10 MB took 12.0 s as one import, 8.9 s as two
    // (medians, containerd 1.6). Two imports writing one blob make containerd log a `locked` error; ctr retries.
    parallelImports: 2,
    tag: (source, target) => images.tag(source, target),
    // OCI-layout archives name layers by digest, and ctr's import takes a layer blob its content store has.
    heldLayers: async () => ({
      blobs: new Set(
        (await runner.run(['content', 'ls', '-q']))
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      )
    }),
    close: async () => undefined
  }
}

/** ctr on this machine, through exec.ts, with the address and namespace on every call. */
export function localCtr(options: ContainerdOptions): CtrRunner {
  const where = `containerd at ${options.address} (namespace ${options.namespace})`
  const argv = (args: string[]): string[] => ['ctr', '-a', options.address, '-n', options.namespace, ...args]
  return {
    where,
    run: async (args) => {
      try {
        return (await run(argv(args))).stdout
      } catch (error) {
        throw ctrFailed(args, where, error)
      }
    },
    stream: (args: string[], stdin?: Readable) => {
      const child = spawnStreaming(argv(args), stdin, undefined, {
        ms: options.stallMs ?? 0,
        what: `ctr ${args.slice(0, 2).join(' ')} on ${where}`
      })
      const done = child.done.then(
        () => undefined,
        (error: unknown) => {
          throw ctrFailed(args, where, error)
        }
      )
      // `done` is also awaited by the caller; this keeps an early failure from counting as unhandled.
      done.catch(() => undefined)
      return { stdout: child.stdout, done }
    }
  }
}

function ctrFailed(args: string[], where: string, error: unknown): HandoffError {
  const said = errorMessage(error).replace(/^.*? … failed: /, '')
  return new HandoffError(`ctr ${args.slice(0, 2).join(' ')} on ${where} failed: ${said}`)
}

async function requireCtr(env: NodeJS.ProcessEnv): Promise<void> {
  if (await isOnPath('ctr', env.PATH ?? '')) return
  throw new HandoffError(
    'runtime: containerd needs the `ctr` command, which is not on PATH. Install containerd ' +
      '(`sudo apt-get install containerd`, or the ctr binary from a containerd release) and run again.'
  )
}

/** `ctr version` answers only when the daemon does: a missing socket would otherwise hang for 10 s per call. */
async function probe(runner: CtrRunner, address: string): Promise<void> {
  const info = await stat(address).catch(() => undefined)
  const hint =
    `Set containerd-address (or CONTAINERD_ADDRESS) to the socket of a running containerd; ` +
    `k3s listens on ${k3sSocket}, a default install on /run/containerd/containerd.sock.`
  if (info === undefined) throw new HandoffError(`no containerd socket at ${address}. ${hint}`)
  if (!info.isSocket()) throw new HandoffError(`${address} is not a socket. ${hint}`)
  try {
    // A socket that is not containerd's (Docker's, say) would keep ctr retrying for its default 10 s.
    await runner.run(['--connect-timeout', '3s', 'version'])
  } catch (error) {
    const said = errorMessage(error)
    const access = /permission denied/i.test(said)
      ? ' The socket is not open to this user: run the job as root, or `sudo chmod a+rw` the socket in an earlier step.'
      : ''
    throw new HandoffError(`containerd at ${address} did not answer: ${said}.${access} ${hint}`)
  }
}
