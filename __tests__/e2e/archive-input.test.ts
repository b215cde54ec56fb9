/**
 * `archive:` through the bundled action (dist/), as the runner runs it: archives written by the real tools here
 * (docker save from Docker 20.10 and from Docker 26 with the containerd image store, buildx --output
 * type=docker|oci,dest= with Docker 26's BuildKit, skopeo docker-archive and oci-archive, podman save in
 * docker-archive, oci-archive and -m, ctr export; gzip and zstd), each stored on the local backend with no engine
 * in the saving step, then loaded into a Docker engine (the image runs, with its ID) and into a standalone
 * containerd (listed under its name, complete, with the ID the load reported).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  buildBusybox,
  ctr,
  docker,
  docker26Dir,
  podmanStoreArgs,
  startContainerd,
  startDockerd,
  unmountUnder,
  type Engine
} from '../support/engines.js'
import { newJob, runStep, type StepResult } from '../support/action.js'
import { expectOk } from '../support/expect-step.js'

const execFileP = promisify(execFile)

interface Row {
  name: string
  id: string
  size: number
}

let source: Engine
let source26: Engine
let target: Engine
let containerd: Engine
let store: string
let work: string
const archives: Record<string, string> = {}
let untaggedId: string

const rowsOf = (result: StepResult): Row[] => JSON.parse(result.outputs.images ?? '[]') as Row[]
const sh = async (file: string, args: string[]): Promise<string> =>
  (await execFileP(file, args, { maxBuffer: 64 * 1024 * 1024 })).stdout.trim()
const podman = (args: string[]): Promise<string> => sh('podman', [...podmanStoreArgs(work, 'podman'), ...args])

/** A step with no engine reachable: DOCKER_HOST points at nothing. */
const saveArchive = async (key: string, archive: string, images = ''): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: `unix://${join(work, 'no-engine.sock')}` }), 'main', {
    backend: 'local',
    path: store,
    mode: 'save',
    key,
    archive,
    images
  })
const loadInto = async (key: string, inputs: Record<string, string> = {}): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: target.host }), 'main', {
    backend: 'local',
    path: store,
    mode: 'load',
    key,
    ...inputs
  })

async function ctrImages(namespace: string): Promise<Map<string, string>> {
  const lines = (await ctr(containerd, namespace, ['images', 'ls'])).split('\n').slice(1).filter(Boolean)
  return new Map(lines.map((line) => line.split(/\s+/)).map(([name, , digest]) => [name!, digest!]))
}

/** buildx with Docker 26's own BuildKit (the docker driver) writing its archive to a file, as in a workflow. */
async function buildx(output: string, dest: string, tag: string): Promise<void> {
  const ctx = join(work, `ctx-${tag.replace(/\W/g, '-')}`)
  await mkdir(join(ctx, 'bin'), { recursive: true })
  await copyFile('/bin/busybox', join(ctx, 'bin', 'busybox'))
  await writeFile(
    join(ctx, 'Dockerfile'),
    'FROM scratch\nCOPY bin/busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nRUN echo bx > /who\n'
  )
  await execFileP(
    join(docker26Dir, 'usr/libexec/docker/cli-plugins/docker-buildx'),
    ['build', '--network', 'none', '--output', `${output},dest=${dest}`, '-t', tag, ctx],
    { env: { ...process.env, DOCKER_HOST: source26.host } }
  )
}

beforeAll(async () => {
  ;[source, source26, target, containerd] = await Promise.all([
    startDockerd(),
    startDockerd('26-containerd'),
    startDockerd(),
    startContainerd()
  ])
  store = await mkdtemp(join(tmpdir(), 'ih-store-'))
  work = await mkdtemp(join(tmpdir(), 'ih-archive-e2e-'))
  const at = (name: string): string => (archives[name] = join(work, name))

  const d20 = await buildBusybox(source, 'd20:1', ['RUN echo d20 > /who'])
  const two = await buildBusybox(source, 'two:1', ['RUN echo two > /who'])
  untaggedId = await buildBusybox(source, 'loose:1', ['RUN echo loose > /who'])
  await docker(source, ['save', '-o', at('untagged.tar'), untaggedId])
  await docker(source, ['save', '-o', at('docker20.tar'), 'd20:1'])
  await sh('sh', ['-c', `gzip -c ${archives['docker20.tar']} > ${at('docker20.tar.gz')}`])
  await sh('zstd', ['-q', '-o', at('docker20.tar.zst'), archives['docker20.tar']!])

  await buildBusybox(source26, 'd26:1', ['RUN echo d26 > /who'])
  await docker(source26, ['save', '-o', at('docker26-oci.tar'), 'd26:1'])
  await buildx('type=docker', at('buildx-docker.tar'), 'bx-docker:1')
  await buildx('type=oci', at('buildx-oci.tar'), 'bx-oci:1')

  await sh('skopeo', [
    'copy',
    '-q',
    `docker-archive:${archives['docker20.tar']}`,
    `docker-archive:${at('skopeo-docker.tar')}:sk-docker:1`
  ])
  await sh('skopeo', [
    'copy',
    '-q',
    `docker-archive:${archives['docker20.tar']}`,
    `oci-archive:${at('skopeo-oci.tar')}:sk-oci:1`
  ])

  await docker(source, ['save', '-o', join(work, 'two.tar'), 'two:1'])
  await podman(['load', '-q', '-i', archives['docker20.tar']!])
  await podman(['load', '-q', '-i', join(work, 'two.tar')])
  await podman(['tag', d20.slice(7), 'pm-docker:1', 'pm-oci:1', 'pm-m1:1'])
  await podman(['tag', two.slice(7), 'pm-m2:1'])
  await podman(['save', '-q', '--format', 'docker-archive', '-o', at('podman-docker.tar'), 'pm-docker:1'])
  await podman(['save', '-q', '--format', 'oci-archive', '-o', at('podman-oci.tar'), 'pm-oci:1'])
  await podman(['save', '-q', '-m', '--format', 'docker-archive', '-o', at('podman-multi.tar'), 'pm-m1:1', 'pm-m2:1'])

  await ctr(containerd, 'src', ['images', 'import', archives['docker20.tar']!])
  await ctr(containerd, 'src', ['images', 'tag', 'docker.io/library/d20:1', 'docker.io/library/ctr-x:1'])
  await ctr(containerd, 'src', ['images', 'export', at('ctr.tar'), 'docker.io/library/ctr-x:1'])
}, 300_000)

afterAll(async () => {
  await Promise.all([source?.stop(), source26?.stop(), target?.stop(), containerd?.stop()])
  if (work) {
    await unmountUnder(work)
  }
  for (const dir of [store, work]) if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 })
})

// Podman names an image it loaded or tagged with a short name `localhost/…`; skopeo takes the name as given.
const cases: Array<[key: string, file: string, name: string, who: string]> = [
  ['docker20', 'docker20.tar', 'd20:1', 'd20'],
  ['docker20-gzip', 'docker20.tar.gz', 'd20:1', 'd20'],
  ['docker20-zstd', 'docker20.tar.zst', 'd20:1', 'd20'],
  ['docker26-oci', 'docker26-oci.tar', 'd26:1', 'd26'],
  ['buildx-docker', 'buildx-docker.tar', 'bx-docker:1', 'bx'],
  ['buildx-oci', 'buildx-oci.tar', 'bx-oci:1', 'bx'],
  ['skopeo-docker', 'skopeo-docker.tar', 'sk-docker:1', 'd20'],
  ['skopeo-oci', 'skopeo-oci.tar', 'sk-oci:1', 'd20'],
  ['podman-docker', 'podman-docker.tar', 'localhost/pm-docker:1', 'd20'],
  ['podman-oci', 'podman-oci.tar', 'localhost/pm-oci:1', 'd20'],
  ['ctr', 'ctr.tar', 'ctr-x:1', 'd20']
]

describe.each(cases)('archive %s (%s)', (key, file, name, who) => {
  let savedId: string

  it('is stored without an engine, named as the tool named it', async () => {
    const saved = await saveArchive(key, archives[file]!)
    expectOk(saved)
    const rows = rowsOf(saved)
    expect(rows.map((r) => r.name)).toEqual([name])
    savedId = rows[0]!.id
    // The same layers in another file (or compressed) are not stored again.
    if (key === 'docker20-gzip') expect(saved.stdout).toMatch(/: 0 new chunk\(s\)/)
    expect(savedId).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('loads into Docker with its ID, and runs', async () => {
    const loaded = await loadInto(key)
    expectOk(loaded)
    expect(rowsOf(loaded)).toEqual([expect.objectContaining({ name, id: savedId })])
    expect(await docker(target, ['image', 'inspect', '--format', '{{.Id}}', name])).toBe(savedId)
    expect(await docker(target, ['run', '--rm', '--network', 'none', name, 'cat', '/who'])).toBe(who)
  })

  it('loads into containerd, complete, under the ID the load reports', async () => {
    const namespace = `arc-${key}`
    const loaded = await loadInto(key, {
      runtime: 'containerd',
      'containerd-address': containerd.socket,
      'containerd-namespace': namespace
    })
    expectOk(loaded)
    const full = name.includes('/') ? name : `docker.io/library/${name}`
    const listed = await ctrImages(namespace)
    expect([...listed.keys()]).toEqual([full])
    expect(rowsOf(loaded)).toEqual([expect.objectContaining({ name, id: listed.get(full) })])
    expect(await ctr(containerd, namespace, ['images', 'check'])).toMatch(/complete/)
  })
})

describe('dangling-name-prefix: an untagged image gets a name on load', () => {
  it('is stored by ID from an archive that names it nowhere', async () => {
    const saved = await saveArchive('untagged', archives['untagged.tar']!)
    expectOk(saved)
    expect(rowsOf(saved).map((r) => [r.name, r.id])).toEqual([[untaggedId, untaggedId]])
  })

  it('is tagged prefix:sha256-<hex> in Docker (a tag cannot hold a digest), and runs under it', async () => {
    const loaded = await loadInto('untagged', { 'dangling-name-prefix': 'ci/untagged' })
    expectOk(loaded)
    const name = `ci/untagged:sha256-${untaggedId.slice(7)}`
    expect(rowsOf(loaded)).toEqual([expect.objectContaining({ name, id: untaggedId })])
    expect(await docker(target, ['image', 'inspect', '--format', '{{.Id}}', name])).toBe(untaggedId)
    expect(await docker(target, ['run', '--rm', '--network', 'none', name, 'cat', '/who'])).toBe('loose')
  })

  it('is named prefix@sha256:<manifest digest> in containerd, a digest reference to itself', async () => {
    const loaded = await loadInto('untagged', {
      runtime: 'containerd',
      'containerd-address': containerd.socket,
      'containerd-namespace': 'dangling',
      'dangling-name-prefix': 'ci/untagged'
    })
    expectOk(loaded)
    const [row] = rowsOf(loaded)
    expect(row!.name).toBe(`ci/untagged@${row!.id}`)
    const listed = await ctrImages('dangling')
    expect(listed.get(`docker.io/ci/untagged@${row!.id}`)).toBe(row!.id)
  })
})

describe('images over a whole containerd namespace', () => {
  const fromSrc = async (key: string, images: string): Promise<StepResult> =>
    runStep(await newJob(), 'main', {
      backend: 'local',
      path: store,
      mode: 'save',
      key,
      images,
      runtime: 'containerd',
      'containerd-address': containerd.socket,
      'containerd-namespace': 'src'
    })

  it('saves every named image with *, across registries and namespaces', async () => {
    await ctr(containerd, 'src', ['images', 'tag', 'docker.io/library/d20:1', 'ghcr.io/org/deep/tool:1'])
    const saved = await fromSrc('everything', '*')
    expectOk(saved)
    expect(
      rowsOf(saved)
        .map((r) => r.name)
        .sort()
    ).toEqual(['ctr-x:1', 'd20:1', 'ghcr.io/org/deep/tool:1'])
    expect(saved.stdout).not.toMatch(/left out/)
  })

  it('logs the names a glob left out', async () => {
    const saved = await fromSrc('some', 'd*')
    expectOk(saved)
    expect(rowsOf(saved).map((r) => r.name)).toEqual(['d20:1'])
    expect(saved.stdout).toMatch(
      /Not selected by "images" \(left out\) in containerd: docker.io\/library\/ctr-x:1, ghcr.io\/org\/deep\/tool:1\./
    )
  })
})

describe('images selects inside a tool archive', () => {
  it('stores only the selected image of a podman -m archive, and logs the one left out', async () => {
    const saved = await saveArchive('podman-multi', archives['podman-multi.tar']!, 'localhost/pm-m2:*')
    expectOk(saved)
    expect(rowsOf(saved).map((r) => r.name)).toEqual(['localhost/pm-m2:1'])
    expect(saved.stdout).toMatch(/left out\) in the archive: localhost\/pm-m1:1/)
    const loaded = await loadInto('podman-multi')
    expectOk(loaded)
    expect(await docker(target, ['run', '--rm', '--network', 'none', 'localhost/pm-m2:1', 'cat', '/who'])).toBe('two')
  })

  it('fails clearly when the archive is missing or the mode is load', async () => {
    const missing = await saveArchive('none', join(work, 'nope.tar'))
    expect(missing.exitCode).not.toBe(0)
    expect(missing.stdout).toMatch(/Input "archive" is ".*nope.tar", which cannot be read/)
    const load = await runStep(await newJob(), 'main', {
      backend: 'local',
      path: store,
      mode: 'load',
      key: 'x',
      archive: archives['ctr.tar']!
    })
    expect(load.exitCode).not.toBe(0)
    expect(load.stdout).toMatch(/mode: load cannot do/)
  })
})
