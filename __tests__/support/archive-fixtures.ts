/**
 * Small, real image archives built in memory with tar-stream, for the archive and store tests: legacy `docker save`
 * layout and OCI layout (+ manifest.json), with correct digests unless a test breaks them on purpose.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import tar from 'tar-stream'
import { createLocalStore } from '../../src/backends/local-store.js'
import type { ArchiveModel } from '../../src/archive/model.js'
import type { RewriteOptions } from '../../src/archive/name-files.js'
import { readModel } from '../../src/archive/read-model.js'
import { assembleArchive } from '../../src/store/assemble.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import type { BlobStore } from '../../src/store/blob-store.js'
import { encodeIndex, newIndex, parseIndex, type StoreIndex } from '../../src/store/format.js'
import { planLoad, type LoadPlan } from '../../src/store/load-plan.js'
import { splitArchive } from '../../src/store/split.js'

export interface TarFile {
  name: string
  body?: Buffer | string
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo' | 'character-device' | 'block-device'
  linkname?: string
}

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

export const hexOf = (digest: string): string => digest.replace(/^sha256:/, '')

/** A tar of `files`, with its end-of-archive blocks. */
export async function makeTar(files: TarFile[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const done = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer)
  })()
  for (const file of files) {
    const type = file.type ?? 'file'
    await new Promise<void>((resolve, reject) => {
      // A fixed time: a layer built twice from the same content is the same blob, as a reproducible build's is.
      const header = {
        name: file.name,
        type,
        mtime: new Date(0),
        ...(file.linkname ? { linkname: file.linkname } : {})
      }
      if (type === 'file') pack.entry(header, Buffer.from(file.body ?? ''), (e) => (e ? reject(e) : resolve()))
      else pack.entry(header, (e) => (e ? reject(e) : resolve())).end(undefined)
    })
  }
  pack.finalize()
  await done
  return Buffer.concat(chunks)
}

/** A layer: a tiny tar holding one file (uncompressed, so its sha256 is its diff ID). */
export async function layerTar(content: string): Promise<Buffer> {
  return makeTar([{ name: 'file.txt', body: content }])
}

export interface ImageSpec {
  names: string[]
  layers: string[]
  arch?: string
}

function configFor(layers: Buffer[], arch = 'amd64'): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: arch,
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: layers.map((l) => sha256(l)) }
    })
  )
}

/** Files of a legacy (Docker < 25) archive holding `images`; name files last unless `nameFilesFirst`. */
export async function legacyFiles(images: ImageSpec[], nameFilesFirst = false): Promise<TarFile[]> {
  const blobs: TarFile[] = []
  const manifest: unknown[] = []
  const repositories: Record<string, Record<string, string>> = {}
  for (const image of images) {
    const layers = await Promise.all(image.layers.map((c) => layerTar(c)))
    const ids = layers.map((l, i) => hexOf(sha256(Buffer.concat([l, Buffer.from(String(i))]))))
    layers.forEach((layer, i) =>
      blobs.push(
        { name: `${ids[i]}/`, type: 'directory' },
        { name: `${ids[i]}/VERSION`, body: '1.0' },
        { name: `${ids[i]}/layer.tar`, body: layer }
      )
    )
    const config = configFor(layers, image.arch)
    blobs.push({ name: `${hexOf(sha256(config))}.json`, body: config })
    manifest.push({
      Config: `${hexOf(sha256(config))}.json`,
      RepoTags: image.names.length ? image.names : null,
      Layers: ids.map((id) => `${id}/layer.tar`)
    })
    for (const name of image.names) {
      const [repo = '', tag = ''] = name.split(/:(?=[^:/]+$)/)
      repositories[repo] = { ...repositories[repo], [tag]: ids.at(-1)! }
    }
  }
  const names: TarFile[] = [{ name: 'manifest.json', body: JSON.stringify(manifest) }]
  if (Object.keys(repositories).length) names.push({ name: 'repositories', body: JSON.stringify(repositories) })
  return nameFilesFirst ? [...names, ...blobs] : [...blobs, ...names]
}

export interface OciBuild {
  files: TarFile[]
  manifestDigests: string[]
  configDigests: string[]
}

/** Files of an OCI-layout archive as `ctr images export` writes it (ref.name = tag only), plus manifest.json. */
export async function ociFiles(images: ImageSpec[]): Promise<OciBuild> {
  const blobs = new Map<string, Buffer>()
  const add = (data: Buffer): string => {
    blobs.set(sha256(data), data)
    return sha256(data)
  }
  const index: unknown[] = []
  const manifestJson: unknown[] = []
  const build: OciBuild = { files: [], manifestDigests: [], configDigests: [] }
  for (const image of images) {
    const layers = await Promise.all(image.layers.map((c) => layerTar(c)))
    const config = configFor(layers, image.arch)
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: add(config), size: config.length },
        layers: layers.map((l) => ({
          mediaType: 'application/vnd.oci.image.layer.v1.tar',
          digest: add(l),
          size: l.length
        }))
      })
    )
    const digest = add(manifest)
    build.manifestDigests.push(digest)
    build.configDigests.push(sha256(config))
    const descriptor = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: manifest.length }
    if (image.names.length === 0) index.push(descriptor)
    for (const name of image.names) {
      const full = name.includes('/') ? `${name.includes('.') ? '' : 'docker.io/'}${name}` : `docker.io/library/${name}`
      index.push({
        ...descriptor,
        annotations: { 'io.containerd.image.name': full, 'org.opencontainers.image.ref.name': name.split(':').at(-1) }
      })
    }
    manifestJson.push({
      Config: `blobs/${sha256(config).replace(':', '/')}`,
      RepoTags: image.names.length ? image.names : null,
      Layers: layers.map((l) => `blobs/${sha256(l).replace(':', '/')}`)
    })
  }
  build.files = [
    { name: 'blobs/', type: 'directory' },
    { name: 'blobs/sha256/', type: 'directory' },
    ...[...blobs].map(([digest, body]) => ({ name: `blobs/${digest.replace(':', '/')}`, body })),
    { name: 'index.json', body: JSON.stringify({ schemaVersion: 2, manifests: index }) },
    { name: 'manifest.json', body: JSON.stringify(manifestJson) },
    { name: 'oci-layout', body: '{"imageLayoutVersion":"1.0.0"}' }
  ]
  return build
}

export interface StoreRun {
  /** The model of the images a load sends, with their final names. */
  model: ArchiveModel
  /** The archive rebuilt from the store, as the engine would receive it. */
  output: Buffer
}

/**
 * `input` through the store as a save and a load take it: split into a local store in a temp directory, the model
 * read as the save reads it, then planned with `options` and rebuilt as a load streams it; rejects where they do.
 */
export async function throughStore(input: Buffer | Buffer[], options: RewriteOptions = {}): Promise<StoreRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-fixture-store-'))
  try {
    const { index, store } = await intoStore(input, dir)
    const plan = planLoad(index, options, {})
    return { model: plan.model, output: await assembled(index, plan, store) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** `input` split into a local store in `dir` as a save does, with the index a load reads back. */
export async function intoStore(
  input: Buffer | Buffer[],
  dir: string
): Promise<{ index: StoreIndex; store: BlobStore }> {
  const store = createLocalStore(dir)
  await store.prepare()
  const sink = storeSink(store, { compressionLevel: 1, inFlight: 2, inFlightBytes: 1 << 30 })
  const chunkBytes = 64 * 1024
  let saved
  try {
    const split = await splitArchive(Readable.from(Array.isArray(input) ? input : [input]), sink, chunkBytes)
    saved = newIndex(readModel(split.contents), split.entries, chunkBytes)
  } catch (error) {
    await sink.abort()
    throw error
  }
  await sink.finish()
  return { index: parseIndex(encodeIndex(saved)), store }
}

/** The archive a load streams for `plan`, whole. */
export async function assembled(
  index: StoreIndex,
  plan: Pick<LoadPlan, 'omit' | 'nameFiles' | 'chunks'>,
  store: BlobStore
): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of assembleArchive(index, plan, store, { prefetch: 2 }).stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Splits `input` into a fresh local store as a save does, expecting a refusal: why, and what the store holds after. */
export async function refusedBySplit(input: Buffer): Promise<{ error: unknown; blobs: string[]; indexes: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-fixture-store-'))
  try {
    const store = createLocalStore(dir)
    await store.prepare()
    const sink = storeSink(store, { compressionLevel: 1, inFlight: 2, inFlightBytes: 1 << 30 })
    const error = await splitArchive(Readable.from([input]), sink, 64 * 1024).then(
      () => undefined,
      (e: unknown) => e
    )
    // The save stops the chunks already on their way and writes no index.
    await sink.abort()
    const list = (sub: string): Promise<string[]> => readdir(join(dir, sub)).catch(() => [])
    return { error, blobs: await list('blobs/sha256'), indexes: await list('index') }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Every entry of a tar, in order, with its body. */
export async function readTar(data: Buffer): Promise<Array<{ name: string; type: string; body: Buffer }>> {
  const extract = tar.extract()
  const entries: Array<{ name: string; type: string; body: Buffer }> = []
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = []
      for await (const chunk of entry) chunks.push(chunk as Buffer)
      entries.push({ name: entry.header.name, type: entry.header.type, body: Buffer.concat(chunks) })
    }
  })()
  extract.end(data)
  await reading
  return entries
}

export async function jsonIn(data: Buffer, name: string): Promise<unknown> {
  const entry = (await readTar(data)).find((e) => e.name === name)
  return entry === undefined ? undefined : JSON.parse(entry.body.toString('utf8'))
}

/**
 * Turns a single-manifest OCI archive into a multi-platform one as Docker's containerd store exports it:
 * index.json points at an image index listing the present manifest, an arm64 manifest whose content is
 * absent, and an attestation manifest (unknown/unknown), all with correct digests.
 */
export function withMissingPlatform(files: TarFile[]): { files: TarFile[]; indexDigest: string } {
  const indexFile = files.find((f) => f.name === 'index.json')!
  const top = JSON.parse(String(indexFile.body)) as {
    manifests: Array<{ digest: string; size: number; annotations?: Record<string, string> }>
  }
  const present = top.manifests[0]!
  const absentManifest = JSON.stringify({
    schemaVersion: 2,
    config: { digest: sha256('absent config'), size: 13 },
    layers: []
  })
  const attestation = JSON.stringify({
    schemaVersion: 2,
    config: { digest: sha256('attestation'), size: 11 },
    layers: []
  })
  const imageIndex = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: present.digest,
          size: present.size,
          platform: { os: 'linux', architecture: 'amd64' }
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha256(absentManifest),
          size: absentManifest.length,
          platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha256(attestation),
          size: attestation.length,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: {
            'vnd.docker.reference.digest': present.digest,
            'vnd.docker.reference.type': 'attestation-manifest'
          }
        }
      ]
    })
  )
  const indexDigest = sha256(imageIndex)
  const manifests = top.manifests.map((d) => ({
    ...d,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    digest: indexDigest,
    size: imageIndex.length
  }))
  const rest = files.filter((f) => f !== indexFile)
  const at = rest.findIndex((f) => f.name.startsWith('blobs/sha256/') && f.type !== 'directory')
  rest.splice(at, 0, { name: `blobs/sha256/${hexOf(indexDigest)}`, body: imageIndex })
  return { files: [...rest, { name: 'index.json', body: JSON.stringify({ ...top, manifests }) }], indexDigest }
}
