/**
 * Property: whatever is done to a real image archive (either layout, nested indexes, hostile names, entry types,
 * bodies, JSON documents, order, truncation), the store's path (split, index, plan, rebuild) ends in a model or a
 * HandoffError, within bounded time, never with another exception and never by hanging. fast-check shrinks any counterexample.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { HandoffError } from '../../src/errors.js'
import { createLocalStore } from '../../src/backends/local-store.js'
import { readModel } from '../../src/archive/read-model.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { splitArchive } from '../../src/store/split.js'
import { encodeIndex, newIndex, parseIndex } from '../../src/store/format.js'
import { planLoad } from '../../src/store/load-plan.js'
import { assembleArchive } from '../../src/store/assemble.js'
import type { RewriteOptions } from '../../src/archive/name-files.js'
import {
  legacyFiles,
  makeTar,
  ociFiles,
  sha256,
  hexOf,
  type ImageSpec,
  type TarFile
} from '../support/archive-fixtures.js'

const hostileNames = [
  'app:ci',
  'ghcr.io/org/app:1',
  '--help',
  'App:CI',
  'a\n::error::x',
  'x; rm -rf /',
  '',
  'a@sha256:1',
  `a@sha256:${'0'.repeat(64)}`,
  'ok/name:v1'
]
const entryTypes = ['fifo', 'character-device', 'block-device', 'directory', 'symlink', 'link'] as const

type Mutation =
  | { kind: 'type'; at: number; type: (typeof entryTypes)[number]; target: number }
  | { kind: 'body'; at: number; body: Uint8Array }
  | { kind: 'json'; at: number; path: number[]; value: unknown }
  | { kind: 'drop' | 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'name-file'; file: string; path: number[]; value: unknown }

/** Values that break code expecting another shape: the usual suspects first, then anything JSON can say. */
const oddValue = fc.oneof(
  { arbitrary: fc.constantFrom(null, 'app:ci', 42, true, [], {}, [null], { manifests: null }), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 }
)

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('name-file' as const),
      file: fc.constantFrom('manifest.json', 'index.json', 'repositories'),
      path: fc.array(fc.nat(), { maxLength: 3 }),
      value: oddValue
    }),
    weight: 4
  },
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.nat(),
    type: fc.constantFrom(...entryTypes),
    target: fc.nat()
  }),
  fc.record({ kind: fc.constant('body' as const), at: fc.nat(), body: fc.uint8Array({ maxLength: 600 }) }),
  fc.record({
    kind: fc.constant('json' as const),
    at: fc.nat(),
    path: fc.array(fc.nat(), { maxLength: 5 }),
    value: oddValue
  }),
  fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() })
)

/** Replaces the value found by following `path` (indexes into keys or items) with `value`. */
function replaceAt(doc: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || doc === null || typeof doc !== 'object') return value
  const [step, ...rest] = path as [number, ...number[]]
  if (Array.isArray(doc)) {
    if (doc.length === 0) return [value]
    const copy = [...doc]
    copy[step % doc.length] = replaceAt(doc[step % doc.length], rest, value)
    return copy
  }
  const keys = Object.keys(doc)
  if (keys.length === 0) return { x: value }
  const key = keys[step % keys.length]!
  return { ...doc, [key]: replaceAt((doc as Record<string, unknown>)[key], rest, value) }
}

function apply(files: TarFile[], change: Mutation): TarFile[] {
  if (files.length === 0) return files
  if (change.kind === 'name-file') {
    const at = files.findIndex((f) => f.name === change.file)
    return at === -1 ? files : apply(files, { kind: 'json', at, path: change.path, value: change.value })
  }
  const at = change.at % files.length
  const file = files[at]!
  const out = [...files]
  switch (change.kind) {
    case 'type': {
      const target = files[change.target % files.length]!.name
      out[at] = {
        name: file.name,
        type: change.type,
        ...(change.type === 'symlink' || change.type === 'link' ? { linkname: target } : {})
      }
      break
    }
    case 'body':
      out[at] = { name: file.name, body: Buffer.from(change.body) }
      break
    case 'json': {
      let doc: unknown
      try {
        doc = JSON.parse(String(file.body ?? ''))
      } catch {
        return files
      }
      out[at] = { name: file.name, body: JSON.stringify(replaceAt(doc, change.path, change.value)) ?? 'null' }
      break
    }
    case 'drop':
      out.splice(at, 1)
      break
    case 'duplicate':
      out.splice(at, 0, file)
      break
    case 'swap': {
      const other = change.with % files.length
      out[at] = files[other]!
      out[other] = file
      break
    }
  }
  return out
}

/** Wraps an OCI archive's first manifest in `depth` image indexes, each listing its child `width` times. */
function nest(files: TarFile[], depth: number, width: number): TarFile[] {
  if (depth === 0) return files
  const indexFile = files.find((f) => f.name === 'index.json')!
  const top = JSON.parse(String(indexFile.body)) as { manifests: Array<Record<string, unknown>> }
  let child: Record<string, unknown> = { ...top.manifests[0]!, annotations: undefined }
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
      annotations: undefined
    }
  }
  const manifests = top.manifests.map((d, i) => (i === 0 ? { ...child, annotations: d['annotations'] } : d))
  return [
    ...files.filter((f) => f !== indexFile),
    ...extra,
    { name: 'index.json', body: JSON.stringify({ ...top, manifests }) }
  ]
}

const image = fc.record({
  names: fc.array(fc.constantFrom(...hostileNames), { maxLength: 3 }),
  layers: fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 3 })
})

const archive = fc.record({
  layout: fc.constantFrom('docker' as const, 'oci' as const),
  images: fc.array(image, { minLength: 1, maxLength: 3 }),
  depth: fc.nat({ max: 12 }),
  width: fc.integer({ min: 1, max: 4 }),
  mutations: fc.array(mutation, { maxLength: 4 }),
  // As a save streams it (no rewrite), as a load rewrites the names, or renamed to another (maybe invalid) name.
  rewrite: fc.constantFrom('none', 'names', 'rename'),
  target: fc.constantFrom(...hostileNames),
  cut: fc.option(fc.nat(), { nil: undefined }),
  tail: fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 }), { nil: undefined })
})

/** A JavaScript fault (a bug), as opposed to an error about the input, even when a HandoffError wraps it. */
function isFault(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return (
    typeof name === 'string' &&
    ['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'InternalError'].includes(name)
  )
}

type ArchiveSpec = typeof archive extends fc.Arbitrary<infer T> ? T : never

/** Fails the run instead of hanging: a transform that does not settle in time is a finding. */
function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

/** What a save and a load do with an archive through the store: split it, index it, plan the load, rebuild it. */
async function storeRoundTrip(input: Buffer, rewrite: RewriteOptions): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-prop-'))
  try {
    const store = createLocalStore(dir)
    await store.prepare()
    const sink = storeSink(store, { compressionLevel: 1, inFlight: 2, inFlightBytes: 1 << 30 })
    let split
    try {
      split = await splitArchive(Readable.from([input]), sink, 256)
      await sink.finish()
    } catch (error) {
      await sink.abort()
      throw error
    }
    const index = parseIndex(encodeIndex(newIndex(readModel(split.contents), split.entries, 256)))
    const plan = planLoad(index, rewrite, {})
    for await (const _ of assembleArchive(index, plan, store, { prefetch: 2 }).stream) void _
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('property: mutated real archives end in a model or a HandoffError', () => {
  it('holds for both layouts, nested indexes, names, entry types, bodies, order and truncation', async () => {
    const rssBefore = process.memoryUsage().rss
    await fc.assert(
      fc.asyncProperty(archive, async (spec: ArchiveSpec) => {
        let files =
          spec.layout === 'docker'
            ? await legacyFiles(spec.images.map((i: ImageSpec) => ({ ...i, names: [...new Set(i.names)] })))
            : nest(
                (await ociFiles(spec.images.map((i: ImageSpec) => ({ ...i, names: [...new Set(i.names)] })))).files,
                spec.depth,
                spec.width
              )
        for (const change of spec.mutations) files = apply(files, change)
        let input: Buffer
        try {
          input = await makeTar(files)
        } catch {
          return // tar-stream cannot write this entry at all: nothing to feed
        }
        if (spec.cut !== undefined) input = input.subarray(0, spec.cut % (input.length + 1))
        if (spec.tail !== undefined) input = Buffer.concat([input, Buffer.from(spec.tail)])
        const options: RewriteOptions | undefined =
          spec.rewrite === 'none'
            ? undefined
            : { names: (found) => (spec.rewrite === 'names' ? found.names : [spec.target]) }
        // The store's own path, with chunks of 256 bytes so every body spans several: split, index, plan, rebuild.
        const outcome = await withinTime(
          storeRoundTrip(input, options ?? {}).then(
            () => undefined,
            (error: unknown) => error
          ),
          10000
        )
        if (outcome !== undefined && (!(outcome instanceof HandoffError) || isFault(outcome.cause))) {
          const fault = outcome instanceof HandoffError ? outcome.cause : outcome
          throw new Error(`not a HandoffError of its own: ${(fault as Error)?.stack ?? String(fault)}`)
        }
      }),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 300),
        ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {})
      }
    )
    // Inputs are kilobytes: growth of hundreds of MB would mean something is held or multiplied.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 * 1024)
  }, 600000)
})
