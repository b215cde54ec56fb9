/**
 * The bundled action (dist/) handing images from a private dockerd to podman and back, through the local
 * backend. The action has no input for podman's store: like podman itself, it honours CONTAINERS_STORAGE_CONF,
 * which the job env points at a private store here (what a workflow would set with `env:`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildBusybox, docker, startDockerd, unmountUnder, type Engine } from '../support/engines.js'
import { newJob, runStep, type StepResult } from '../support/action.js'
import { expectOk } from '../support/expect-step.js'

const execFileP = promisify(execFile)

interface Row {
  name: string
  id: string
}

let engine: Engine
let store: string
let dir: string
let podmanEnv: Record<string, string>
const ids: Record<string, string> = {}

const rowsOf = (result: StepResult): Row[] => JSON.parse(result.outputs.images ?? '[]') as Row[]
const step = async (inputs: Record<string, string>): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: engine.host, ...podmanEnv }), 'main', {
    backend: 'local',
    path: store,
    ...inputs
  })
const podman = async (args: string[]): Promise<string> =>
  (
    await execFileP('podman', args, { env: { ...process.env, ...podmanEnv }, maxBuffer: 16 * 1024 * 1024 })
  ).stdout.trim()
const podmanNames = async (): Promise<string[]> =>
  (await podman(['images', '--format', '{{.Repository}}:{{.Tag}}']))
    .split('\n')
    .filter((l) => l && !l.includes('<none>'))
    .sort()
const dockerNames = async (): Promise<string[]> =>
  (await docker(engine, ['images', '--format', '{{.Repository}}:{{.Tag}}']))
    .split('\n')
    .filter((l) => l && !l.includes('<none>'))
    .sort()

beforeAll(async () => {
  engine = await startDockerd()
  store = await mkdtemp(join(tmpdir(), 'ih-store-'))
  dir = await mkdtemp(join(tmpdir(), 'ih-rt-podman-'))
  // vfs: no overlay mounts to clean up, and small images copy quickly.
  const conf = join(dir, 'storage.conf')
  await writeFile(conf, `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/run"\n`)
  podmanEnv = { CONTAINERS_STORAGE_CONF: conf }
  ids.app = await buildBusybox(engine, 'app:ci', ['RUN echo app > /who'])
  await docker(engine, ['tag', 'app:ci', 'ghcr.io/org/app:1'])
  ids.tool = await buildBusybox(engine, 'tool:1', ['RUN echo tool > /who'])
})

afterAll(async () => {
  await engine?.stop()
  if (dir) {
    await unmountUnder(dir)
    await rm(dir, { recursive: true, force: true, maxRetries: 3 })
  }
  if (store) await rm(store, { recursive: true, force: true })
})

describe('Docker → podman → Docker through dist/', () => {
  it('loads a Docker save into podman under docker.io names (not localhost/), retags, and it runs', async () => {
    expectOk(await step({ mode: 'save', key: 'from-docker', images: 'app:ci\nghcr.io/org/app:1\ntool:1' }))
    expect(await podmanNames()).toEqual([])

    const loaded = await step({
      mode: 'load',
      key: 'from-docker',
      runtime: 'podman',
      tags: 'app:ci=registry.example/app:test'
    })
    expectOk(loaded)
    expect(loaded.stdout).toContain('Loading 2 images as 2 archives at once')
    expect(await podmanNames()).toEqual([
      'docker.io/library/app:ci',
      'docker.io/library/tool:1',
      'ghcr.io/org/app:1',
      'registry.example/app:test'
    ])
    expect(await podman(['image', 'inspect', '--format', '{{.Id}}', 'docker.io/library/app:ci'])).toBe(
      ids.app!.slice(7)
    )
    expect(await podman(['image', 'inspect', '--format', '{{.Id}}', 'registry.example/app:test'])).toBe(
      ids.app!.slice(7)
    )
    const rows = rowsOf(loaded)
    expect(rows.map((r) => r.name).sort()).toEqual([
      'app:ci',
      'ghcr.io/org/app:1',
      'registry.example/app:test',
      'tool:1'
    ])
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([ids.app, ids.tool]))
    expect(await podman(['image', 'inspect', '--format', '{{.Id}}', 'docker.io/library/tool:1'])).toBe(
      ids.tool!.slice(7)
    )
    // This sandbox refuses podman's default rlimits; these are what any runner allows.
    const out = await podman([
      'run',
      '--rm',
      '--network',
      'none',
      '--ulimit',
      'nofile=1024:1024',
      '--ulimit',
      'nproc=1024:1024',
      'app:ci',
      'cat',
      '/who'
    ])
    expect(out).toBe('app')
  })

  it('saves from podman and loads back into Docker under the familiar names, same ID', async () => {
    const saved = await step({
      mode: 'save',
      key: 'from-podman',
      runtime: 'podman',
      images: 'app:ci\nregistry.example/*'
    })
    expectOk(saved)
    await docker(engine, ['rmi', '-f', ids.app!, ids.tool!])
    expect(await dockerNames()).toEqual([])

    const loaded = await step({ mode: 'load', key: 'from-podman' })
    expectOk(loaded)
    expect(await dockerNames()).toEqual(['app:ci', 'registry.example/app:test'])
    expect(await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', 'registry.example/app:test'])).toBe(ids.app)
    expect(await docker(engine, ['run', '--rm', '--network', 'none', 'app:ci', 'cat', '/who'])).toBe('app')
  })
})

describe('podman short names (podman stores `pmapp:1` as `localhost/pmapp:1`)', () => {
  it('saves images: pmapp:1 from podman, and loads it back by the short name into Docker and podman', async () => {
    await podman(['tag', 'docker.io/library/app:ci', 'pmapp:1'])
    expect(await podmanNames()).toContain('localhost/pmapp:1')

    const saved = await step({ mode: 'save', key: 'short', runtime: 'podman', images: 'pmapp:1' })
    expectOk(saved)
    expect(rowsOf(saved).map((r) => [r.name, r.id])).toEqual([['localhost/pmapp:1', ids.app]])

    const loaded = await step({ mode: 'load', key: 'short', images: 'pmapp:1' })
    expectOk(loaded)
    expect(rowsOf(loaded).map((r) => r.name)).toEqual(['localhost/pmapp:1'])
    expect(await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', 'localhost/pmapp:1'])).toBe(ids.app)

    await podman(['untag', 'localhost/pmapp:1'])
    const back = await step({ mode: 'load', key: 'short', runtime: 'podman', images: 'pmapp:*' })
    expectOk(back)
    expect(await podmanNames()).toContain('localhost/pmapp:1')
  })

  it('does not take a qualified name for a localhost/ one', async () => {
    const saved = await step({ mode: 'save', key: 'qualified', runtime: 'podman', images: 'docker.io/library/pmapp:1' })
    expect(saved.exitCode).not.toBe(0)
    expect(saved.stdout).toMatch(/"docker.io\/library\/pmapp:1" matched no image/)
  })
})

describe('dangling-name-prefix in podman', () => {
  it('names an untagged image PREFIX:sha256-<hex>', async () => {
    // Building another image under the same name leaves the first one untagged.
    const loose = await buildBusybox(engine, 'loose:1', ['RUN echo loose > /who'])
    await buildBusybox(engine, 'loose:1', ['RUN echo replaced > /who'])
    expectOk(await step({ mode: 'save', key: 'loose', images: loose }))
    const loaded = await step({ mode: 'load', key: 'loose', runtime: 'podman', 'dangling-name-prefix': 'ci/untagged' })
    expectOk(loaded)
    const name = `ci/untagged:sha256-${loose.slice(7)}`
    expect(rowsOf(loaded)).toEqual([expect.objectContaining({ name, id: loose })])
    expect(await podman(['image', 'inspect', '--format', '{{.Id}}', `docker.io/${name}`])).toBe(loose.slice(7))
  })
})
