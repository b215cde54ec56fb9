/**
 * Archives built to hurt: entries that are not files where layers belong, JSON that would fill memory, nested
 * indexes that multiply, and names or name files of the wrong shape. Each ends in a model or a HandoffError
 * that names the problem, and the rows land in the fault table (docs/faults.md).
 */
import { describe, expect, it } from '@jest/globals'
import { HandoffError } from '../../src/errors.js'
import type { ArchiveModel } from '../../src/archive/model.js'
import {
  legacyFiles,
  makeTar,
  ociFiles,
  refusedBySplit,
  throughStore,
  sha256,
  hexOf,
  type TarFile
} from '../support/archive-fixtures.js'
import { faultTable, outcomeOf } from '../support/fault-table.js'

const record = faultTable('archive-model')

async function attempt(files: TarFile[] | Buffer): Promise<{ model?: ArchiveModel; error?: unknown }> {
  try {
    const input = Buffer.isBuffer(files) ? files : await makeTar(files)
    return { model: (await throughStore(input)).model }
  } catch (error) {
    return { error }
  }
}

/** Runs the case, records its row, and returns the HandoffError it must end in. */
async function refused(name: string, done: string, files: TarFile[] | Buffer): Promise<HandoffError> {
  const input = Buffer.isBuffer(files) ? files : await makeTar(files)
  record({ case: name, done, outcome: await outcomeOf(throughStore(input), () => 'accepted') })
  const { error } = await attempt(input)
  expect(error).toBeInstanceOf(HandoffError)
  return error as HandoffError
}

const firstLayer = (files: TarFile[]): TarFile =>
  files.find(
    (f) =>
      f.name.endsWith('layer.tar') ||
      (f.name.startsWith('blobs/sha256/') && f.body !== undefined && !String(f.body).startsWith('{'))
  )!

describe('entries that are not regular files where a layer is expected', () => {
  it.each(['fifo', 'character-device', 'block-device'] as const)(
    'refuses a %s, before any name file reaches the output',
    async (type) => {
      const files = await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])
      const layer = firstLayer(files)
      const hostile = files.map((f) => (f === layer ? { name: f.name, type } : f))
      const error = await refused(
        `a ${type} as a legacy layer.tar`,
        `replaced a layer.tar of docker save's layout by a ${type} entry`,
        hostile
      )
      expect(error.message).toMatch(new RegExp(`layer.tar" is a ${type}, which no engine writes`))
    }
  )

  it('refuses a directory where an OCI layer blob should be', async () => {
    const { files } = await ociFiles([{ names: ['app:ci'], layers: ['one'] }])
    const layer = firstLayer(files)
    const hostile = files.map((f) => (f === layer ? { name: f.name, type: 'directory' as const } : f))
    const error = await refused(
      'a directory as an OCI layer blob',
      'replaced a layer blob by a directory entry',
      hostile
    )
    expect(error.message).toMatch(
      /layer 1 of image app:ci: "blobs\/sha256\/[0-9a-f]{64}" is a directory in the archive, not a regular file/
    )
  })

  it('refuses a loop of symlinks and a dangling symlink as layers', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])
    const layer = firstLayer(files)
    const dir = layer.name.split('/')[0]!
    const loop = files.flatMap((f) =>
      f === layer
        ? [
            { name: f.name, type: 'symlink' as const, linkname: 'other.tar' },
            { name: `${dir}/other.tar`, type: 'symlink' as const, linkname: 'layer.tar' }
          ]
        : [f]
    )
    const error = await refused('a loop of symlinks as a layer', 'layer.tar → other.tar → layer.tar', loop)
    expect(error.message).toMatch(
      /layer 1 of image app:ci: ".*layer.tar" is a link that leads to no file in the archive/
    )
    const dangling = files.map((f) =>
      f === layer ? { name: f.name, type: 'symlink' as const, linkname: '../../../etc/passwd' } : f
    )
    const danglingError = await refused(
      'a symlink out of the archive as a layer',
      'layer.tar → ../../../etc/passwd',
      dangling
    )
    expect(danglingError.message).toMatch(/is a link that leads to no file in the archive/)
  })
})

describe('memory: the JSON kept aside is bounded in total', () => {
  it('refuses many small JSON-looking files past the budget instead of holding them', async () => {
    const body = Buffer.alloc(1024 * 1024, 0x20)
    body[0] = 0x7b
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])
    const many: TarFile[] = Array.from({ length: 80 }, (_, i) => ({ name: `junk/${i}.json`, body }))
    const error = await refused('80 MiB of 1 MiB JSON-looking files', 'added 80 files of 1 MiB that start with "{"', [
      ...many,
      ...files
    ])
    expect(error.message).toMatch(/more than 64 MiB of small files .*refused before it could exhaust memory/)
  })
})

/** An OCI archive whose index.json points at `depth` nested image indexes, each listing its child `width` times. */
async function nestedIndexes(depth: number, width: number): Promise<TarFile[]> {
  const build = await ociFiles([{ names: ['app:ci'], layers: ['one'] }])
  const manifest = build.manifestDigests[0]!
  const manifestBody = build.files.find((f) => f.name === `blobs/sha256/${hexOf(manifest)}`)!.body!
  let child = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: manifest,
    size: Buffer.byteLength(manifestBody),
    platform: { os: 'linux', architecture: 'amd64' }
  }
  const extra: TarFile[] = []
  for (let level = 0; level < depth; level++) {
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: Array.from({ length: width }, () => child)
    })
    extra.push({ name: `blobs/sha256/${hexOf(sha256(index))}`, body: index })
    child = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: sha256(index),
      size: index.length,
      platform: { os: 'linux', architecture: 'amd64' }
    }
  }
  const top = {
    ...child,
    annotations: { 'io.containerd.image.name': 'docker.io/library/app:ci', 'org.opencontainers.image.ref.name': 'ci' }
  }
  return [
    ...build.files.filter((f) => f.name !== 'index.json' && f.name !== 'manifest.json'),
    ...extra,
    {
      name: 'index.json',
      body: JSON.stringify({ schemaVersion: 2, manifests: Array.from({ length: width }, () => top) })
    }
  ]
}

describe('nested OCI indexes: repeated children once, depth and work bounded', () => {
  it.each([
    [4, 8],
    [8, 8]
  ])('depth %i, each child listed %i times: one image', async (depth, width) => {
    const files = await nestedIndexes(depth, width)
    const { model, error } = await attempt(files)
    record({
      case: `nested indexes, depth ${depth}`,
      done: `index.json → ${depth} image indexes, each listing its child ${width} times`,
      outcome: model ? `model: ${model.images.length} image` : String(error)
    })
    expect(error).toBeUndefined()
    expect(model!.images).toHaveLength(1)
    expect(model!.images[0]!.names).toEqual(['app:ci'])
  })

  it.each([
    [10, 8],
    [40, 8],
    [400, 2]
  ])(
    'depth %i (width %i) is refused with a message',
    async (depth, width) => {
      const error = await refused(
        `nested indexes, depth ${depth}`,
        `index.json → ${depth} image indexes, each listing its child ${width} times`,
        await nestedIndexes(depth, width)
      )
      expect(error.message).toMatch(/image app:ci: its image indexes nest more than 8 levels deep/)
    },
    20000
  )

  it('refuses an index listing more descriptors than any engine writes', async () => {
    const files = await nestedIndexes(1, 12000)
    const error = await refused('a very wide index', 'an image index listing one manifest 12000 times', files)
    expect(error.message).toMatch(/name more than 10000 manifests/)
  })
})

describe('names lost or misread', () => {
  it('reports names that are not valid references instead of dropping them silently', async () => {
    const hostile = ['--help', 'App:CI', 'app:ci\n::error::injected', 'x; rm -rf /', 'app:ok']
    const files = await legacyFiles([{ names: ['app:ok'], layers: ['one'] }])
    const manifest = files.find((f) => f.name === 'manifest.json')!
    const entries = JSON.parse(String(manifest.body)) as Array<{ RepoTags: string[] }>
    entries[0]!.RepoTags = hostile
    const withNames = files.map((f) => (f === manifest ? { name: f.name, body: JSON.stringify(entries) } : f))
    const { model } = await throughStore(await makeTar(withNames))
    record({
      case: 'invalid names in RepoTags',
      done: hostile.map((n) => JSON.stringify(n)).join(', '),
      outcome: `model; warning: ${model.skipped.join(' ')}`
    })
    expect(model.images[0]!.names).toEqual(['app:ok'])
    expect(model.skipped).toHaveLength(1)
    expect(model.skipped[0]).toContain(
      'image app:ok was loaded without the names "--help", "App:CI", "app:ci\\n::error::injected", "x; rm -rf /"'
    )
  })

  it('reports invalid names in OCI annotations, and ignores annotations that are not strings', async () => {
    const { files } = await ociFiles([{ names: ['app:ci'], layers: ['one'] }])
    const indexFile = files.find((f) => f.name === 'index.json')!
    const index = JSON.parse(String(indexFile.body)) as { manifests: Array<{ annotations?: Record<string, unknown> }> }
    index.manifests.push({ ...index.manifests[0]!, annotations: { 'io.containerd.image.name': 'Bad Name:1' } })
    index.manifests.push({
      ...index.manifests[0]!,
      annotations: { 'io.containerd.image.name': 42, 'org.opencontainers.image.ref.name': { x: 1 } }
    })
    const hostile = files
      .filter((f) => f.name !== 'manifest.json')
      .map((f) => (f === indexFile ? { name: f.name, body: JSON.stringify(index) } : f))
    const { model } = await throughStore(await makeTar(hostile))
    expect(model.images[0]!.names).toEqual(['app:ci'])
    expect(model.skipped.join('\n')).toContain('without the names "Bad Name:1", "42"')
  })

  it('refuses RepoTags given as a string, naming manifest.json', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])
    const manifest = files.find((f) => f.name === 'manifest.json')!
    const entries = JSON.parse(String(manifest.body)) as Array<{ RepoTags: unknown }>
    entries[0]!.RepoTags = 'app:ci'
    const error = await refused(
      'RepoTags as a string',
      'manifest.json: "RepoTags": "app:ci"',
      files.map((f) => (f === manifest ? { name: f.name, body: JSON.stringify(entries) } : f))
    )
    expect(error.message).toMatch(
      /manifest.json \(entry 1\) gives RepoTags as the string "app:ci", not a list of names/
    )
  })

  it.each([
    ['null', 'is null'],
    ['{"app": ', 'is not valid JSON'],
    ['{"app": {"ci": 7}}', 'is not of the form']
  ])('refuses a repositories file holding %s, naming it', async (body, said) => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])
    const repositories = files.find((f) => f.name === 'repositories')!
    const error = await refused(
      `repositories holding ${body}`,
      `replaced the repositories name file by ${body}`,
      files.map((f) => (f === repositories ? { name: f.name, body } : f))
    )
    expect(error.message).toContain('the name file "repositories"')
    expect(error.message).toContain(said)
    expect(error.message).not.toMatch(/Cannot read|Unexpected token|JSON at position/)
  })
})

describe('a refused archive never reaches an engine whole', () => {
  it('keeps no chunk and writes no index once an entry was refused', async () => {
    const files = await legacyFiles([{ names: ['app:ci'], layers: ['one'] }])
    const layer = firstLayer(files)
    const input = await makeTar(files.map((f) => (f === layer ? { name: f.name, type: 'fifo' as const } : f)))
    const { error, blobs, indexes } = await refusedBySplit(input)
    expect((error as Error).message).toMatch(/is a fifo/)
    expect(blobs).toEqual([])
    expect(indexes).toEqual([])
  })
})
