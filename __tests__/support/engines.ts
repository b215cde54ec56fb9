/**
 * Private engines for tests: each gets its own socket and data root under a temp dir, is started by the
 * test that needs it and stopped by pid, so tests never touch or depend on anything else on the machine.
 */
import { spawn, execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile, readFile, mkdir, copyFile, access } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const execFileP = promisify(execFile)

export interface Engine {
  dir: string
  socket: string
  /** `unix://…`, for DOCKER_HOST. */
  host: string
  pid: number
  log: string
  /** Docker engines only: which Docker and image store. */
  flavour?: DockerFlavour
  stop(): Promise<void>
}

async function waitFor(check: () => Promise<boolean>, what: string, log: string, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  const tail = await readFile(log, 'utf8').catch(() => '')
  throw new Error(`${what} did not become ready in ${timeoutMs} ms; log tail:\n${tail.slice(-2000)}`)
}

function startProcess(argv: string[], log: string, env?: NodeJS.ProcessEnv): Promise<number> {
  return (async () => {
    const { openSync } = await import('node:fs')
    const fd = openSync(log, 'a')
    const [file, ...args] = argv
    const child = spawn(file!, args, { stdio: ['ignore', fd, fd], detached: true, env: env ?? process.env })
    child.unref()
    if (child.pid === undefined) throw new Error(`could not start ${file}`)
    return child.pid
  })()
}

/** Ends `pid`; then those of `children` (which it should have ended itself) still running with `dir` in their argv. */
async function stopPid(pid: number, dir: string, children: number[] = []): Promise<void> {
  await endProcess(pid)
  for (const child of children) {
    const argv = await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '')
    if (argv.includes(dir)) await endProcess(child)
  }
  await unmountUnder(dir)
  await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)
}

/** Overlay mounts an engine (or podman) left under `dir`, deepest first: they must go before the folder can. */
export async function unmountUnder(dir: string): Promise<void> {
  await execFileP('sh', ['-c', `grep -o " ${dir}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`]).catch(
    () => undefined
  )
}

/** SIGTERM, then SIGKILL after 20 s. */
async function endProcess(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + 20000
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    /* already gone */
  }
}

/**
 * Which Docker runs: Debian bookworm's 20.10 (the default), or Debian trixie's 26.1 unpacked by
 * scripts/install-engines.sh, with the classic image store or with the containerd image store (the default of
 * Docker 29 on fresh installs, so what GitHub's runners move to).
 */
export type DockerFlavour = '20.10' | '26-classic' | '26-containerd'

/** The Docker 26 flavours, for `describe.each` over the suites that must pass on both image stores. */
export const docker26Flavours: DockerFlavour[] = ['26-classic', '26-containerd']

/** Where scripts/install-engines.sh unpacks trixie's docker.io and containerd 1.7. */
export const docker26Dir = process.env.IH_DOCKER26_DIR ?? '/opt/image-handoff-engines/docker26'

/**
 * Docker 26's binaries come first on PATH: dockerd starts the containerd (1.7) and shim it finds there. runc
 * stays the system's (trixie's needs a newer libc), found further down PATH.
 */
async function dockerdCommand(
  flavour: DockerFlavour,
  dir: string
): Promise<{ dockerd: string; env: NodeJS.ProcessEnv; extra: string[] }> {
  if (flavour === '20.10') return { dockerd: 'dockerd', env: process.env, extra: [] }
  const dockerd = join(docker26Dir, 'usr/sbin/dockerd')
  if (
    !(await access(dockerd).then(
      () => true,
      () => false
    ))
  ) {
    throw new Error(
      `Docker 26 is not unpacked at ${docker26Dir}; run \`npm run setup\` as root (scripts/install-engines.sh)`
    )
  }
  const env = {
    ...process.env,
    PATH: `${docker26Dir}/usr/bin:${docker26Dir}/usr/sbin:${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin`
  }
  const config = join(dir, 'daemon.json')
  await writeFile(config, JSON.stringify({ features: { 'containerd-snapshotter': flavour === '26-containerd' } }))
  return { dockerd, env, extra: ['--config-file', config] }
}

/**
 * A private dockerd, no bridge or iptables: containers run with network none. dockerd starts its own containerd
 * with state under its exec root and data under its data root, and stops it when it stops; `stop` also ends that
 * containerd by the pid it wrote, should dockerd not have.
 */
export async function startDockerd(flavour: DockerFlavour = '20.10'): Promise<Engine> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-dockerd-'))
  const socket = join(dir, 'docker.sock')
  const log = join(dir, 'dockerd.log')
  const ns = `ih${process.pid}${Math.floor(Math.random() * 1e6)}`
  const { dockerd, env, extra } = await dockerdCommand(flavour, dir)
  const pid = await startProcess(
    [
      dockerd,
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      join(dir, 'docker.pid'),
      '-H',
      `unix://${socket}`,
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--containerd-namespace',
      ns,
      '--containerd-plugins-namespace',
      `${ns}p`,
      ...extra
    ],
    log,
    env
  )
  const host = `unix://${socket}`
  const stop = async (): Promise<void> => {
    const containerdPid = Number(
      await readFile(join(dir, 'exec', 'containerd', 'containerd.pid'), 'utf8').catch(() => '')
    )
    await stopPid(pid, dir, containerdPid > 0 ? [containerdPid] : [])
  }
  try {
    await waitFor(
      async () =>
        (await execFileP('docker', ['-H', host, 'version', '--format', '{{.Server.Version}}'])).stdout.trim() !== '',
      'dockerd',
      log
    )
  } catch (error) {
    await stop()
    throw error
  }
  return { dir, socket, host, pid, log, flavour, stop }
}

/** A standalone containerd with the CRI plugin off, its own root, state and socket. */
export async function startContainerd(): Promise<Engine> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-ctrd-'))
  const socket = join(dir, 'containerd.sock')
  const log = join(dir, 'containerd.log')
  const config = join(dir, 'config.toml')
  await writeFile(
    config,
    [
      'version = 2',
      `root = "${dir}/root"`,
      `state = "${dir}/state"`,
      'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
      '[grpc]',
      `  address = "${socket}"`,
      '[ttrpc]',
      `  address = "${socket}.ttrpc"`,
      ''
    ].join('\n')
  )
  const pid = await startProcess(['containerd', '--config', config], log)
  await waitFor(
    async () => (await execFileP('ctr', ['-a', socket, 'version'])).stdout.includes('Server'),
    'containerd',
    log
  )
  return { dir, socket, host: `unix://${socket}`, pid, log, stop: () => stopPid(pid, dir) }
}

/** Runs the docker CLI against a private engine: for building test fixtures only (the action uses the Engine API). */
export async function docker(engine: Engine, args: string[], input?: string): Promise<string> {
  const child = execFileP('docker', ['-H', engine.host, ...args], {
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    maxBuffer: 64 * 1024 * 1024
  })
  if (input !== undefined) child.child.stdin?.end(input)
  return (await child).stdout.trim()
}

export async function ctr(engine: Engine, namespace: string, args: string[]): Promise<string> {
  return (
    await execFileP('ctr', ['-a', engine.socket, '-n', namespace, ...args], { maxBuffer: 64 * 1024 * 1024 })
  ).stdout.trim()
}

/**
 * Builds a runnable image without a registry: FROM scratch + busybox-static, then `extra` Dockerfile lines.
 * Images built from the same `base` context share their first layers.
 */
export async function buildBusybox(engine: Engine, tag: string, extra: string[] = []): Promise<string> {
  const ctx = await mkdtemp(join(tmpdir(), 'ih-ctx-'))
  try {
    await mkdir(join(ctx, 'bin'))
    await copyFile(await busyboxPath(), join(ctx, 'bin', 'busybox'))
    await writeFile(
      join(ctx, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY bin/busybox /bin/busybox',
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        ...extra,
        ''
      ].join('\n')
    )
    await docker(engine, ['build', '-q', '--network', 'none', '-t', tag, ctx])
    return docker(engine, ['image', 'inspect', '--format', '{{.Id}}', tag])
  } finally {
    await rm(ctx, { recursive: true, force: true })
  }
}

async function busyboxPath(): Promise<string> {
  for (const p of ['/bin/busybox', '/usr/bin/busybox']) {
    if (
      await access(p).then(
        () => true,
        () => false
      )
    )
      return p
  }
  throw new Error('busybox-static is not installed (apt-get install busybox-static)')
}

/** Flags that give podman a store of its own under `dir` (podman refuses a runroot path over 50 characters). */
export function podmanStoreArgs(dir: string, name: string): string[] {
  return ['--root', join(dir, name, 'root'), '--runroot', join(dir, name, 'run')]
}
