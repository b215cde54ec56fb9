/**
 * `flatten: true` through the bundled action: an image of several layers (one of them deleting what an earlier
 * one wrote) is saved flattened from Docker 20.10 and Docker 26 (classic and containerd store), loaded into
 * another engine, and runs there with its original CMD, ENV and WORKDIR from one layer; the source engine's
 * image is unchanged and no container is left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  buildBusybox,
  docker,
  docker26Flavours,
  startDockerd,
  type DockerFlavour,
  type Engine
} from '../support/engines.js'
import { annotations, newJob, runStep, type StepResult } from '../support/action.js'
import { expectOk } from '../support/expect-step.js'

const execFileP = promisify(execFile)

let target: Engine
let store: string

const inspect = async (engine: Engine, ref: string, format: string): Promise<string> =>
  docker(engine, ['image', 'inspect', '--format', format, ref])
const step = async (engine: Engine, inputs: Record<string, string>): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: engine.host }), 'main', { backend: 'local', path: store, ...inputs })

/** The paths in an image's only layer, read from `docker save` output. */
async function layerFiles(engine: Engine, ref: string): Promise<string[]> {
  const dir = await mkdtemp(join(store, 'saved-'))
  await docker(engine, ['save', '-o', join(dir, 'image.tar'), ref])
  await execFileP('tar', ['-xf', join(dir, 'image.tar'), '-C', dir])
  const [entry] = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[]
  expect(entry!.Layers).toHaveLength(1)
  const { stdout } = await execFileP('tar', ['-tf', join(dir, entry!.Layers[0]!)], { maxBuffer: 16 * 1024 * 1024 })
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^\.\//, ''))
}

beforeAll(async () => {
  target = await startDockerd('20.10')
  store = await mkdtemp(join(tmpdir(), 'ih-flat-store-'))
})

afterAll(async () => {
  await target?.stop()
  if (store) await rm(store, { recursive: true, force: true })
})

describe.each<DockerFlavour>(['20.10', ...docker26Flavours])('flatten on Docker %s', (flavour) => {
  let source: Engine
  let sourceId: string
  const tag = `flat-${flavour.replace('.', '')}:1`

  beforeAll(async () => {
    source = await startDockerd(flavour)
    sourceId = await buildBusybox(source, tag, [
      // 2 MB written, then deleted: layered, the image carries it; flattened, it is gone.
      'RUN head -c 2000000 /dev/urandom > /big',
      'RUN rm /big',
      'ENV GREETING=hello',
      'WORKDIR /work',
      'LABEL org.example.kept=yes',
      'CMD ["sh", "-c", "echo $GREETING from $(pwd)"]'
    ])
  })

  afterAll(async () => {
    await source?.stop()
  })

  it('saves one layer with the config kept; it loads into another engine and runs with its CMD, ENV and WORKDIR', async () => {
    const layersBefore = Number(await inspect(source, tag, '{{len .RootFS.Layers}}'))
    expect(layersBefore).toBeGreaterThan(2)
    const saved = await step(source, { mode: 'save', key: `flat-${flavour}`, images: tag, flatten: 'true' })
    expectOk(saved)
    expect(saved.stdout).toMatch(new RegExp(`Flattened ${tag}: ${layersBefore} layer\\(s\\), .* → 1 layer, .*smaller`))
    expect(saved.summary).toContain('Flattened')
    // The 2 MB written and deleted again is about half of the layers' bytes: the flattened image lacks it.
    const smaller = Number(/(\d+)% smaller/.exec(saved.stdout)?.[1])
    expect(smaller).toBeGreaterThanOrEqual(40)
    const rows = JSON.parse(saved.outputs.images ?? '[]') as { name: string; id: string }[]
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ name: tag })
    expect(rows[0]!.id).not.toBe(sourceId)

    // The engine's own image is untouched and the temporary container is gone.
    expect(await inspect(source, tag, '{{.Id}}')).toBe(sourceId)
    expect(await docker(source, ['ps', '-a', '-q'])).toBe('')

    const loaded = await step(target, { mode: 'load', key: `flat-${flavour}` })
    expectOk(loaded)
    // Docker 20.10 names the image by its config digest, which the save reports unless it saved from a containerd store.
    const configId = await inspect(target, tag, '{{.Id}}')
    if (flavour !== '26-containerd') expect(configId).toBe(rows[0]!.id)
    expect(await inspect(target, tag, '{{len .RootFS.Layers}}')).toBe('1')
    expect(await inspect(target, tag, '{{json .Config.Cmd}}')).toBe('["sh","-c","echo $GREETING from $(pwd)"]')
    expect(await inspect(target, tag, '{{.Config.WorkingDir}}')).toBe('/work')
    expect(await inspect(target, tag, '{{index .Config.Labels "org.example.kept"}}')).toBe('yes')
    expect(await docker(target, ['run', '--rm', '--network', 'none', tag])).toBe('hello from /work')
    // The deleted file is not in the flattened filesystem, and the image's own files are.
    expect(
      await docker(target, ['run', '--rm', '--network', 'none', tag, 'sh', '-c', 'ls /big || echo gone'])
    ).toContain('gone')
    // What Docker's init layer adds to a container's filesystem is not in the image.
    const files = await layerFiles(target, tag)
    expect(files).toEqual(expect.arrayContaining(['bin/busybox', 'work/']))
    expect(files.filter((f) => ['.dockerenv', 'etc/hosts', 'etc/hostname', 'etc/resolv.conf'].includes(f))).toEqual([])

    // Loaded into the engine it came from, it has the ID the save reported (the manifest digest on the containerd store).
    const back = await step(source, { mode: 'load', key: `flat-${flavour}` })
    expectOk(back)
    expect(await inspect(source, tag, '{{.Id}}')).toBe(rows[0]!.id)
    expect(JSON.parse(back.outputs.images!)).toEqual([expect.objectContaining({ name: tag, id: rows[0]!.id })])
    expect(await docker(source, ['run', '--rm', '--network', 'none', tag])).toBe('hello from /work')
  })
})

describe('containers of another flattening save', () => {
  it('are left alone while they are young (another job may be exporting from them)', async () => {
    await buildBusybox(target, 'young:1', ['CMD ["true"]'])
    const other = await docker(target, ['create', '--label', 'image-handoff.flatten=temporary', 'young:1'])
    const saved = await step(target, { mode: 'save', key: 'young', images: 'young:1', flatten: 'true' })
    expectOk(saved)
    expect(await docker(target, ['ps', '-a', '-q', '--no-trunc'])).toBe(other)
    await docker(target, ['rm', other])
  })
})

describe('flatten with another runtime', () => {
  it('fails before anything is saved, saying it needs Docker', async () => {
    const result = await step(target, {
      mode: 'save',
      key: 'flat-ctrd',
      images: 'x:1',
      flatten: 'true',
      runtime: 'containerd'
    })
    expect(result.exitCode).toBe(1)
    expect(annotations(result, 'error').join('\n')).toMatch(/"flatten" works with runtime: docker only/)
  })
})
