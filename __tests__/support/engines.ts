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

async function stopPid(pid: number, dir: string): Promise<void> {
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
      break
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    /* already gone */
  }
  // Overlay mounts under the data root must go before the directory can be removed.
  await execFileP('sh', ['-c', `grep -o " ${dir}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`]).catch(() => undefined)
  await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)
}

/** A private dockerd (Debian's docker.io), no bridge or iptables: containers run with network none. */
export async function startDockerd(): Promise<Engine> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-dockerd-'))
  const socket = join(dir, 'docker.sock')
  const log = join(dir, 'dockerd.log')
  const ns = `ih${process.pid}${Math.floor(Math.random() * 1e6)}`
  const pid = await startProcess(
    ['dockerd', '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'docker.pid'),
      '-H', `unix://${socket}`, '--bridge=none', '--iptables=false', '--ip6tables=false',
      '--containerd-namespace', ns, '--containerd-plugins-namespace', `${ns}p`],
    log
  )
  const host = `unix://${socket}`
  await waitFor(async () => (await execFileP('docker', ['-H', host, 'version', '--format', '{{.Server.Version}}'])).stdout.trim() !== '', 'dockerd', log)
  return { dir, socket, host, pid, log, stop: () => stopPid(pid, dir) }
}

/** A standalone containerd with the CRI plugin off, its own root, state and socket. */
export async function startContainerd(): Promise<Engine> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-ctrd-'))
  const socket = join(dir, 'containerd.sock')
  const log = join(dir, 'containerd.log')
  const config = join(dir, 'config.toml')
  await writeFile(config, [
    'version = 2',
    `root = "${dir}/root"`,
    `state = "${dir}/state"`,
    'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
    '[grpc]',
    `  address = "${socket}"`,
    '[ttrpc]',
    `  address = "${socket}.ttrpc"`,
    ''
  ].join('\n'))
  const pid = await startProcess(['containerd', '--config', config], log)
  await waitFor(async () => (await execFileP('ctr', ['-a', socket, 'version'])).stdout.includes('Server'), 'containerd', log)
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
  return (await execFileP('ctr', ['-a', engine.socket, '-n', namespace, ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout.trim()
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
    await writeFile(join(ctx, 'Dockerfile'), [
      'FROM scratch',
      'COPY bin/busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      ...extra,
      ''
    ].join('\n'))
    await docker(engine, ['build', '-q', '--network', 'none', '-t', tag, ctx])
    return docker(engine, ['image', 'inspect', '--format', '{{.Id}}', tag])
  } finally {
    await rm(ctx, { recursive: true, force: true })
  }
}

async function busyboxPath(): Promise<string> {
  for (const p of ['/bin/busybox', '/usr/bin/busybox']) {
    if (await access(p).then(() => true, () => false)) return p
  }
  throw new Error('busybox-static is not installed (apt-get install busybox-static)')
}
