/**
 * A stand-in for a kind node: containerd + ctr in a container FROM scratch, labelled the way kind labels
 * its nodes, on a private dockerd. Real kind images cannot be pulled here and need --privileged, which this
 * sandbox refuses; containerd with the CRI plugin off and the native snapshotter runs with SYS_ADMIN alone.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { docker, type Engine } from './engines.js'

const files = [
  '/lib/x86_64-linux-gnu/libc.so.6',
  '/lib/x86_64-linux-gnu/libseccomp.so.2',
  '/lib64/ld-linux-x86-64.so.2',
  '/usr/bin/containerd',
  '/usr/bin/containerd-shim-runc-v2',
  '/usr/bin/ctr',
  '/usr/sbin/runc',
  '/bin/busybox'
]

/** Like kind's config: the CRI section names the snapshotter (native: overlay does not nest here). */
const config = [
  'version = 2',
  'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
  '[plugins."io.containerd.grpc.v1.cri".containerd]',
  '  snapshotter = "native"',
  ''
].join('\n')

export const kindNodeImage = 'kind-node-standin:1'

/** Builds the node image on `engine` (about 70 MB, a second or two). */
export async function buildKindNodeImage(engine: Engine): Promise<void> {
  const ctx = await mkdtemp(join(tmpdir(), 'ih-kindnode-'))
  try {
    for (const file of files) {
      await mkdir(join(ctx, 'root', dirname(file)), { recursive: true })
      await copyFile(file, join(ctx, 'root', file))
    }
    await mkdir(join(ctx, 'root', 'etc', 'containerd'), { recursive: true })
    await writeFile(join(ctx, 'root', 'etc', 'containerd', 'config.toml'), config)
    await writeFile(
      join(ctx, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY root/ /',
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        'ENTRYPOINT ["/usr/bin/containerd"]',
        ''
      ].join('\n')
    )
    await docker(engine, ['build', '-q', '--network', 'none', '-t', kindNodeImage, ctx])
  } finally {
    await rm(ctx, { recursive: true, force: true })
  }
}

export interface KindNode {
  name: string
  /** Runs a command inside the node (docker exec), returning its stdout. */
  exec(argv: string[]): Promise<string>
  remove(): Promise<void>
}

/** Starts one node of `cluster` and waits until its containerd answers. */
export async function startKindNode(engine: Engine, cluster: string, role: string): Promise<KindNode> {
  const name = `${cluster}-${role}`
  const data = await mkdtemp(join(tmpdir(), `ih-${name}-`))
  await docker(engine, [
    'run',
    '-d',
    '--name',
    name,
    '--hostname',
    name,
    '--network',
    'none',
    '--cap-add',
    'SYS_ADMIN',
    '--security-opt',
    'seccomp=unconfined',
    '--security-opt',
    'apparmor=unconfined',
    '-v',
    `${data}:/var/lib/containerd`,
    '--label',
    `io.x-k8s.kind.cluster=${cluster}`,
    '--label',
    `io.x-k8s.kind.role=${role}`,
    kindNodeImage
  ])
  const exec = (argv: string[]): Promise<string> => docker(engine, ['exec', name, ...argv])
  const deadline = Date.now() + 30000
  while (
    !(await exec(['ctr', 'version']).then(
      () => true,
      () => false
    ))
  ) {
    if (Date.now() > deadline)
      throw new Error(`kind node stand-in ${name} did not start: ${await docker(engine, ['logs', name]).catch(String)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    name,
    exec,
    remove: async () => {
      await docker(engine, ['rm', '-f', name]).catch(() => undefined)
      await rm(data, { recursive: true, force: true })
    }
  }
}
