/**
 * `archive:` on save without an engine: a tool's archive file (plain, gzip or zstd) stored through the same save
 * as an engine's export, `images` selecting inside it (untagged images by ID or by `*`), the unselected images'
 * layers left out of the store, and the entry rebuilt for a load holding exactly the selected images.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { createLocalStore } from '../../src/backends/local-store.js'
import { createRuntime } from '../../src/runtimes/factory.js'
import { parseInputs, type Settings } from '../../src/inputs.js'
import { saveImages } from '../../src/handoff/save.js'
import { parseIndex, type StoreIndex } from '../../src/store/format.js'
import { planLoad } from '../../src/store/load-plan.js'
import { assembleArchive } from '../../src/store/assemble.js'
import { readModel } from '../../src/archive/read-model.js'
import { contentsOf } from '../../src/store/format.js'
import type { BlobStore } from '../../src/store/blob-store.js'
import { legacyFiles, makeTar, ociFiles, readTar, type TarFile } from '../support/archive-fixtures.js'

let dir: string
let store: BlobStore
const lines: string[] = []
const log = {
  info: (m: string) => void lines.push(m),
  warning: (m: string) => void lines.push(`warning: ${m}`),
  debug: () => undefined,
  group: <T>(_t: string, body: () => Promise<T>) => body()
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ih-archive-input-'))
  store = createLocalStore(join(dir, 'store'))
  lines.length = 0
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function settings(archive: string, images = '', extra: Record<string, string> = {}): Settings {
  const inputs: Record<string, string> = {
    key: 'k',
    backend: 'local',
    path: join(dir, 'store'),
    archive,
    images,
    ...extra
  }
  return parseInputs((name) => inputs[name] ?? '', {})
}

async function saveFile(files: TarFile[], images = '', compress: (b: Buffer) => Buffer = (b) => b) {
  const file = join(dir, 'images.tar')
  await writeFile(file, compress(await makeTar(files)))
  const chosen = settings(file, images)
  const runtime = await createRuntime(chosen, () => undefined)
  const result = await saveImages({ runtime, store, log, clock: Date.now }, chosen)
  const found = await store.readIndex('k', [])
  return { result, index: parseIndex(found!.body) }
}

async function rebuilt(index: StoreIndex): Promise<Buffer> {
  const archive = assembleArchive(index, planLoad(index, {}, {}), store, { prefetch: 2 })
  const parts: Buffer[] = []
  for await (const part of archive.stream) parts.push(part as Buffer)
  return Buffer.concat(parts)
}

const three = () => [
  { names: ['app:ci', 'app:latest'], layers: ['base', 'app'] },
  { names: ['ghcr.io/org/tool:1'], layers: ['base', 'tool'] },
  { names: [], layers: ['orphan'] }
]

describe('archive: a file another tool wrote, stored without an engine', () => {
  it.each([
    ['uncompressed', (b: Buffer) => b],
    ['gzip', (b: Buffer) => gzipSync(b)],
    ['zstd', (b: Buffer) => zstdCompressSync(b)]
  ])(
    'stores every image of a %s OCI archive, untagged ones included, when images is empty',
    async (_what, compress) => {
      const build = await ociFiles(three())
      const { result, index } = await saveFile(build.files, '', compress)
      expect(result.outcome.saved).toBe(true)
      expect(index.model.images.map((i) => [i.configDigest, i.names])).toEqual([
        [build.configDigests[0], ['app:ci', 'app:latest']],
        [build.configDigests[1], ['ghcr.io/org/tool:1']],
        [build.configDigests[2], []]
      ])
      expect(result.rows.map((r) => r.name)).toContain(build.configDigests[2])
      expect(readModel(contentsOf(parseIndex(Buffer.from(JSON.stringify(index))).entries)).images).toHaveLength(3)
    }
  )

  it('selects inside the archive: globs keep their names, an ID keeps its image, other layers stay out', async () => {
    const build = await ociFiles(three())
    const orphanId = build.configDigests[2]!.slice(7, 7 + 12)
    const { index } = await saveFile(build.files, `app:ci\n${orphanId}`)
    expect(index.model.images.map((i) => [i.configDigest, i.names])).toEqual([
      [build.configDigests[0], ['app:ci']],
      [build.configDigests[2], []]
    ])
    expect(lines.some((l) => l.includes('left out') && l.includes('ghcr.io/org/tool:1'))).toBe(true)
    const archive = await readTar(await rebuilt(index))
    const bodies = archive.map((e) => e.body.toString())
    expect(bodies.some((b) => b.includes('tool'))).toBe(false)
    expect(JSON.parse(archive.find((e) => e.name === 'manifest.json')!.body.toString())).toEqual([
      expect.objectContaining({ RepoTags: ['app:ci'] }),
      expect.objectContaining({ RepoTags: null })
    ])
  })

  it('treats * as every image of a legacy archive, across registries, and excludes by name', async () => {
    const files = await legacyFiles(three())
    const { index } = await saveFile(files, '*\n!app:latest')
    expect(index.model.images.map((i) => i.names)).toEqual([['app:ci'], ['ghcr.io/org/tool:1'], []])
  })

  it('fails naming what the archive holds when a pattern matches nothing, and stores nothing', async () => {
    const build = await ociFiles(three())
    await expect(saveFile(build.files, 'nope:*')).rejects.toThrow(
      /"nope:\*" matched no image in the archive, which holds app:ci, app:latest; ghcr.io\/org\/tool:1; sha256:/
    )
    expect(await readdir(join(dir, 'store')).catch(() => [])).not.toContain('k')
  })

  it('refuses a file that is not an image archive, saying so', async () => {
    await expect(saveFile([{ name: 'hello.txt', body: 'hi' }])).rejects.toThrow(
      /not an image archive: it holds 1 files/
    )
  })
})

describe('archive input validation', () => {
  it('needs a readable file, and saves in mode auto; mode load and platform are refused', async () => {
    const file = join(dir, 'a.tar')
    await writeFile(file, 'x')
    expect(settings(file)).toMatchObject({ mode: 'save', archive: file })
    expect(settings(file, '', { mode: 'auto' }).mode).toBe('save')
    expect(() => settings(file, '', { mode: 'load' })).toThrow(/mode: load cannot do/)
    expect(() => settings(file, '', { platform: 'linux/amd64' })).toThrow(/"platform" does not apply with "archive"/)
    expect(() => settings(join(dir, 'missing.tar'))).toThrow(
      /Input "archive" is ".*missing.tar", which cannot be read \(.*no such file/i
    )
    expect(() => settings(dir)).toThrow(/not a regular file/)
  })
})
