/**
 * The bundled action (dist/) run as the GitHub runner runs it, handing images between a private dockerd and a
 * private standalone containerd through the local backend: Docker → containerd (k8s.io, as kubelet resolves
 * names), containerd → Docker, a skopeo-written OCI archive into both, a multi-platform archive with a missing
 * platform, and bad containerd settings that must fail with a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildBusybox, ctr, docker, startContainerd, startDockerd, type Engine } from '../support/engines.js'
import { annotations, newJob, runStep, type StepResult } from '../support/action.js'
import { expectOk } from '../support/expect-step.js'
import { makeTar, ociFiles, withMissingPlatform } from '../support/archive-fixtures.js'
import { storeArchiveFile } from '../support/store-entry.js'

const execFileP = promisify(execFile)

interface Row {
  name: string
  id: string
  size: number
}

let source: Engine
let target: Engine
let containerd: Engine
let store: string
let work: string
const ids: Record<string, string> = {}

const rowsOf = (result: StepResult): Row[] => JSON.parse(result.outputs.images ?? '[]') as Row[]
const step = async (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: source.host, ...env }), 'main', { backend: 'local', path: store, ...inputs })
const intoContainerd = (
  namespace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<StepResult> =>
  step(
    { runtime: 'containerd', 'containerd-address': containerd.socket, 'containerd-namespace': namespace, ...inputs },
    env
  )

/** `ctr images ls` rows of a namespace: name → target digest. */
async function ctrImages(namespace: string): Promise<Map<string, string>> {
  const lines = (await ctr(containerd, namespace, ['images', 'ls'])).split('\n').slice(1).filter(Boolean)
  return new Map(lines.map((line) => line.split(/\s+/)).map(([name, , digest]) => [name!, digest!]))
}

/** The config digest of the manifest a digest names (what Docker's classic store calls the image ID). */
async function configOf(namespace: string, digest: string): Promise<string> {
  const manifest = JSON.parse(await ctr(containerd, namespace, ['content', 'get', digest])) as {
    config: { digest: string }
  }
  return manifest.config.digest
}

const dockerNames = async (engine: Engine): Promise<string[]> =>
  (await docker(engine, ['images', '--format', '{{.Repository}}:{{.Tag}}']))
    .split('\n')
    .filter((l) => l && !l.includes('<none>'))
    .sort()
const idOf = (engine: Engine, ref: string): Promise<string> =>
  docker(engine, ['image', 'inspect', '--format', '{{.Id}}', ref])
const runIn = (engine: Engine, image: string, file: string): Promise<string> =>
  docker(engine, ['run', '--rm', '--network', 'none', image, 'cat', file])

/** Puts an archive another tool wrote into the local store as the entry `key`, as a save stores an export. */
const storeEntry = (key: string, archive: string): Promise<void> => storeArchiveFile(store, key, archive)

/** On failure the diff shows the step's errors and the tail of its stderr (a crash prints no ::error::). */

beforeAll(async () => {
  ;[source, target, containerd] = await Promise.all([startDockerd(), startDockerd(), startContainerd()])
  store = await mkdtemp(join(tmpdir(), 'ih-store-'))
  work = await mkdtemp(join(tmpdir(), 'ih-rt-ctrd-'))
  ids.app = await buildBusybox(source, 'app:ci', ['RUN echo app > /who'])
  await docker(source, ['tag', 'app:ci', 'ghcr.io/org/app:1'])
  ids.orphan = await buildBusybox(source, 'orphan:tmp', ['RUN echo orphan > /who'])
  // Building another image under the same name leaves the first one untagged, known only by ID.
  await buildBusybox(source, 'orphan:tmp', ['RUN echo replaced > /who'])
  await docker(source, ['rmi', 'orphan:tmp'])
  ids.tool = await buildBusybox(source, 'tool:2', ['RUN echo tool > /who'])
})

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop(), containerd?.stop()])
  for (const dir of [store, work]) if (dir) await rm(dir, { recursive: true, force: true })
})

describe('Docker → containerd → Docker through dist/', () => {
  it('loads a Docker save into k8s.io under the names kubelet resolves, keeps the untagged image, retags', async () => {
    const saved = await step({ mode: 'save', key: 'from-docker', images: `app:ci\nghcr.io/org/app:1\n${ids.orphan!}` })
    expectOk(saved)
    expect(
      rowsOf(saved)
        .map((r) => r.name)
        .sort()
    ).toEqual(['app:ci', 'ghcr.io/org/app:1', ids.orphan!].sort())

    const loaded = await intoContainerd('k8s.io', {
      mode: 'load',
      key: 'from-docker',
      tags: 'app:ci=registry.example/app:test'
    })
    expectOk(loaded)
    expect(loaded.stdout).toContain('Loading 2 images as 2 archives at once')
    expect(loaded.outputs).toMatchObject({ hit: 'true', 'matched-key': 'from-docker' })

    const names = (await ctr(containerd, 'k8s.io', ['images', 'ls', '-q'])).split('\n')
    expect(names).toEqual(
      expect.arrayContaining(['docker.io/library/app:ci', 'ghcr.io/org/app:1', 'registry.example/app:test'])
    )
    const listed = await ctrImages('k8s.io')
    const appDigest = listed.get('docker.io/library/app:ci')!
    expect(listed.get('ghcr.io/org/app:1')).toBe(appDigest)
    expect(listed.get('registry.example/app:test')).toBe(appDigest)
    // containerd's ID is the manifest digest; its config is Docker's image ID.
    expect(await configOf('k8s.io', appDigest)).toBe(ids.app)

    // The untagged image arrived under a digest handle (not dropped, as a plain `ctr import` would do).
    const orphanDigests = [...listed].filter(([name]) => name.includes('@')).map(([, digest]) => digest)
    expect(orphanDigests).toHaveLength(1)
    expect(await configOf('k8s.io', orphanDigests[0]!)).toBe(ids.orphan)

    const rows = rowsOf(loaded)
    expect(rows.map((r) => r.name).sort()).toEqual(
      ['app:ci', 'ghcr.io/org/app:1', orphanDigests[0]!, 'registry.example/app:test'].sort()
    )
    for (const name of ['app:ci', 'ghcr.io/org/app:1', 'registry.example/app:test']) {
      expect(rows.find((r) => r.name === name)?.id).toBe(appDigest)
    }
    expect(rows.find((r) => r.name === orphanDigests[0])?.id).toBe(orphanDigests[0])
  })

  it('saves from containerd (OCI layout) and loads into a fresh dockerd: same names, ID = config digest, runs', async () => {
    const saved = await intoContainerd('k8s.io', {
      mode: 'save',
      key: 'from-containerd',
      images: 'app:ci\nghcr.io/org/*'
    })
    expectOk(saved)
    expect(
      rowsOf(saved)
        .map((r) => r.name)
        .sort()
    ).toEqual(['app:ci', 'ghcr.io/org/app:1'])
    expect(await dockerNames(target)).toEqual([])

    const loaded = await step({ mode: 'load', key: 'from-containerd' }, { DOCKER_HOST: target.host })
    expectOk(loaded)
    expect(await dockerNames(target)).toEqual(['app:ci', 'ghcr.io/org/app:1'])
    expect(await idOf(target, 'app:ci')).toBe(ids.app)
    expect(await idOf(target, 'ghcr.io/org/app:1')).toBe(ids.app)
    expect(rowsOf(loaded).map((r) => r.id)).toEqual([ids.app, ids.app])
    expect(await runIn(target, 'app:ci', '/who')).toBe('app')
  })

  it('loads an OCI-layout entry into a containerd namespace holding its layer blobs without sending them', async () => {
    // from-containerd was saved from k8s.io (OCI layout, layers named by digest); k8s.io still holds every blob.
    await ctr(containerd, 'k8s.io', ['images', 'rm', 'docker.io/library/app:ci', 'ghcr.io/org/app:1'])
    const loaded = await intoContainerd('k8s.io', { mode: 'load', key: 'from-containerd' })
    expectOk(loaded)
    expect(loaded.stdout).toMatch(/Leaving out \d+ layer file\(s\), [\d.]+ MiB, that containerd already holds/)
    expect([...(await ctrImages('k8s.io')).keys()]).toEqual(
      expect.arrayContaining(['docker.io/library/app:ci', 'ghcr.io/org/app:1'])
    )
    expect(
      rowsOf(loaded)
        .map((r) => r.name)
        .sort()
    ).toEqual(['app:ci', 'ghcr.io/org/app:1'])
  })

  // ctr exports an untagged image under its digest handle `import-DATE@sha256:…`: it must arrive as untagged, by ID.
  it('an untagged image saved from containerd arrives in Docker by ID', async () => {
    const handle = [...(await ctrImages('k8s.io')).keys()].find((name) => name.includes('@'))!
    const saved = await intoContainerd('k8s.io', {
      mode: 'save',
      key: 'untagged-from-containerd',
      images: handle.split('@')[1]!
    })
    expectOk(saved)
    const loaded = await step({ mode: 'load', key: 'untagged-from-containerd' }, { DOCKER_HOST: target.host })
    expectOk(loaded)
    expect(await idOf(target, ids.orphan!)).toBe(ids.orphan)
    expect(rowsOf(loaded)).toEqual([expect.objectContaining({ name: ids.orphan, id: ids.orphan })])
  })
})

describe('a skopeo-written OCI archive (index.json only, no manifest.json)', () => {
  let config: string

  beforeAll(async () => {
    const dockerArchive = join(work, 'tool.tar')
    const ociArchive = join(work, 'tool-oci.tar')
    await docker(source, ['save', '-o', dockerArchive, 'tool:2'])
    await execFileP('skopeo', ['copy', '-q', `docker-archive:${dockerArchive}`, `oci-archive:${ociArchive}:tool:2`])
    await storeEntry('skopeo', ociArchive)
  })

  it('loads into containerd under normalised names', async () => {
    const loaded = await intoContainerd('skopeo', { mode: 'load', key: 'skopeo' })
    expectOk(loaded)
    const listed = await ctrImages('skopeo')
    expect([...listed.keys()]).toEqual(['docker.io/library/tool:2'])
    expect(rowsOf(loaded)).toEqual([
      expect.objectContaining({ name: 'tool:2', id: listed.get('docker.io/library/tool:2') })
    ])
    // skopeo rewrites the config as an OCI config, so the image's config digest is no longer Docker's ID.
    config = await configOf('skopeo', listed.get('docker.io/library/tool:2')!)
    expect(config).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  // Docker's classic store (Docker < 25) reads only manifest.json, which skopeo, podman and buildx OCI archives lack:
  // the load rewrite writes one.
  it('loads into Docker under the same name, and runs', async () => {
    const loaded = await step({ mode: 'load', key: 'skopeo' }, { DOCKER_HOST: target.host })
    expectOk(loaded)
    expect(await dockerNames(target)).toContain('tool:2')
    expect(await idOf(target, 'tool:2')).toBe(config)
    expect(rowsOf(loaded)).toEqual([expect.objectContaining({ name: 'tool:2', id: config })])
    expect(await runIn(target, 'tool:2', '/who')).toBe('tool')
  })
})

describe('a multi-platform archive with one platform missing', () => {
  it('loads the present platform into containerd and logs what was skipped', async () => {
    const oci = await ociFiles([{ names: ['multi:1'], layers: ['present platform'] }])
    const { files, indexDigest } = withMissingPlatform(oci.files)
    const archive = join(work, 'partial.tar')
    await writeFile(archive, await makeTar(files))
    await storeEntry('partial', archive)

    const loaded = await intoContainerd('partial', { mode: 'load', key: 'partial' })
    expectOk(loaded)
    const listed = await ctrImages('partial')
    expect(listed.get('docker.io/library/multi:1')).toBe(indexDigest)
    expect(await ctr(containerd, 'partial', ['images', 'check'])).toMatch(/multi:1.*complete/)
    const warnings = annotations(loaded, 'warning').join('\n')
    expect(warnings).toMatch(/multi:1/)
    expect(warnings).toMatch(/linux\/arm64/)
    expect(rowsOf(loaded)).toEqual([expect.objectContaining({ name: 'multi:1', id: indexDigest })])
  })
})

describe('bad containerd settings fail with a clear error', () => {
  const fails = async (result: StepResult, message: RegExp): Promise<void> => {
    const seen = {
      exitCode: result.exitCode,
      errors: annotations(result, 'error').join('\n'),
      stderr: result.stderr.slice(-1500)
    }
    expect(seen).toEqual({ exitCode: 1, errors: expect.stringMatching(message), stderr: expect.any(String) })
  }

  it('a socket that does not exist, or a path that is not a socket', async () => {
    await fails(
      await step({
        mode: 'load',
        key: 'from-docker',
        runtime: 'containerd',
        'containerd-address': '/nonexistent/containerd.sock'
      }),
      /no containerd socket at \/nonexistent\/containerd\.sock.*containerd-address/
    )
    const notSocket = join(work, 'not-a-socket')
    await writeFile(notSocket, '')
    await fails(
      await step({ mode: 'load', key: 'from-docker', runtime: 'containerd', 'containerd-address': notSocket }),
      /is not a socket.*containerd-address/
    )
  })

  it("a socket that is not containerd (Docker's, a common slip)", async () => {
    await fails(
      await step({ mode: 'load', key: 'from-docker', runtime: 'containerd', 'containerd-address': source.socket }),
      /containerd at .*docker\.sock did not answer.*containerd-address/
    )
  })

  it('no ctr on PATH', async () => {
    const bin = await mkdtemp(join(work, 'bin-'))
    await symlink(process.execPath, join(bin, 'node'))
    const before = await ctrImages('k8s.io')
    await fails(
      await intoContainerd('k8s.io', { mode: 'load', key: 'from-docker' }, { PATH: bin }),
      /needs the `ctr` command, which is not on PATH/
    )
    expect(await ctrImages('k8s.io')).toEqual(before)
  })

  it('an invalid namespace', async () => {
    await fails(await intoContainerd('bad ns', { mode: 'load', key: 'from-docker' }), /containerd-namespace.*"bad ns"/)
  })
})
