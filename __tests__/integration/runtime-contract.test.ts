/**
 * The contract every runtime keeps, checked the same way on each (Docker 20.10, Docker 26 with either image
 * store, containerd, podman), each time from one private instance to another: list, inspect, export, import,
 * tag, and how each fails. What only one runtime does (kubelet's names in containerd, podman's localhost/ names,
 * Docker's API negotiation) stays in that runtime's own file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { HandoffError } from '../../src/errors.js'
import type { Runtime, RuntimeImage } from '../../src/runtimes/runtime.js'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'
import { runtimesUnderTest, type RuntimePair } from '../support/runtime-fixtures.js'
import { parseTargetName } from '../../src/archive/reference.js'

const execFileP = promisify(execFile)

let seed: Engine
let dir: string
const archives = { tagged: '', untagged: '', truncated: '' }

beforeAll(async () => {
  seed = await startDockerd()
  dir = await mkdtemp(join(tmpdir(), 'ih-contract-'))
  await buildBusybox(seed, 'app:ci', ['RUN echo app > /who'])
  await docker(seed, ['tag', 'app:ci', 'ghcr.io/org/app:1'])
  const twoId = await buildBusybox(seed, 'two:1', ['RUN echo two > /who'])
  Object.assign(archives, {
    tagged: join(dir, 'tagged.tar'),
    untagged: join(dir, 'untagged.tar'),
    truncated: join(dir, 'truncated.tar')
  })
  const save = (file: string, refs: string[]): Promise<unknown> =>
    execFileP('docker', ['-H', seed.host, 'save', '-o', file, ...refs])
  await save(archives.tagged, ['app:ci', 'ghcr.io/org/app:1', 'two:1'])
  await save(archives.untagged, [twoId])
  await save(archives.truncated, ['app:ci'])
  await truncate(archives.truncated, 20 * 1024)
}, 180000)

afterAll(async () => {
  await seed?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const named = (images: RuntimeImage[], name: string): RuntimeImage | undefined =>
  images.find((i) => i.names.includes(name))

async function idOf(runtime: Runtime, ref: string): Promise<string> {
  const image = await runtime.inspect(ref)
  if (image === undefined) throw new Error(`${ref} is not in the runtime`)
  return image.id
}

describe.each(runtimesUnderTest)('the runtime contract on $label', (under) => {
  let pair: RuntimePair
  let loaded: Awaited<ReturnType<Runtime['importArchive']>>

  beforeAll(async () => {
    pair = await under.start()
    loaded = await pair.source.importArchive(createReadStream(archives.tagged))
  }, 180000)

  afterAll(async () => {
    await pair?.stop()
  })

  it('loads an archive and reports the names it loaded, spelled as the runtime spells them', () => {
    const expected = ['app:ci', 'ghcr.io/org/app:1', 'two:1'].map((n) => pair.spelled(n))
    expect([...loaded.names].sort()).toEqual(expect.arrayContaining(expected.sort()))
  })

  it('lists an image once with all its names, and inspects it by each name and by its ID', async () => {
    const app = named(await pair.source.list(), pair.spelled('app:ci'))
    expect(app?.names).toEqual(expect.arrayContaining([pair.spelled('ghcr.io/org/app:1')]))
    expect(app?.id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await idOf(pair.source, 'app:ci')).toBe(app?.id)
    expect(await idOf(pair.source, 'ghcr.io/org/app:1')).toBe(app?.id)
    expect((await pair.source.inspect(app?.id ?? ''))?.names).toEqual(expect.arrayContaining(app?.names ?? []))
  })

  it('answers undefined for an image it does not have', async () => {
    expect(await pair.source.inspect('nothing/here:1')).toBeUndefined()
  })

  it('brings an image exported by ID to the other instance with the same ID', async () => {
    const id = await idOf(pair.source, 'two:1')
    const report = await pair.target.importArchive(await pair.source.exportImages([id]))
    expect(report.names).toEqual(pair.untaggedById ? [] : [pair.spelled('two:1')])
    expect((await pair.target.list()).find((i) => i.id === id)?.id).toBe(id)
    expect(await idOf(pair.target, id)).toBe(id)
  })

  it('exports several images into one archive that loads on the other instance under the same names and IDs', async () => {
    const archive = await pair.source.exportImages(['app:ci', 'ghcr.io/org/app:1', 'two:1'])
    const report = await pair.target.importArchive(archive)
    expect(report.names).toEqual(expect.arrayContaining([pair.spelled('app:ci'), pair.spelled('two:1')]))
    for (const ref of ['app:ci', 'ghcr.io/org/app:1', 'two:1'])
      expect(await idOf(pair.target, ref)).toBe(await idOf(pair.source, ref))
  })

  it('tags by name and by ID, and a tag moves a name from one image to another', async () => {
    const [app, two] = [await idOf(pair.source, 'app:ci'), await idOf(pair.source, 'two:1')]
    await pair.source.tag('app:ci', parseTargetName('moved:1'))
    expect(await idOf(pair.source, 'moved:1')).toBe(app)
    await pair.source.tag(two, parseTargetName('moved:1'))
    expect(await idOf(pair.source, 'moved:1')).toBe(two)
    expect(await idOf(pair.source, 'app:ci')).toBe(app)
  })

  it('rejects an export of an image it does not have, naming it', async () => {
    const failed = pair.source.exportImages(['nothing/here:1']).then(async (stream) => {
      for await (const _ of stream) void _
    })
    await expect(failed).rejects.toThrow(HandoffError)
    await expect(failed).rejects.toThrow(/nothing\/here:1/)
  })

  it("rejects a truncated archive with the runtime's own message, and the other images stay", async () => {
    const failure = pair.target.importArchive(createReadStream(archives.truncated))
    await expect(failure).rejects.toThrow(HandoffError)
    await expect(failure).rejects.toThrow(/EOF|truncated|unexpected end|failed/i)
    expect(await idOf(pair.target, 'two:1')).toBe(await idOf(pair.source, 'two:1'))
  })
})
