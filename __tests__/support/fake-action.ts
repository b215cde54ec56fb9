/**
 * The runner, the engine and the clock as fakes, so the orchestration's failure policy runs without an engine:
 * an ActionIO that records every call in order, a runtime that holds images in memory and takes any archive it
 * is given, and a real local store in a temp directory (wrapped by a test where storage should fail).
 */
import { Readable } from 'node:stream'
import { familiarName, type Reference } from '../../src/archive/reference.js'
import type { ActionIO, Engines } from '../../src/handoff/io.js'
import type { ExportOptions, ImportReport, Runtime, RuntimeImage } from '../../src/runtimes/runtime.js'
import type { BlobStore } from '../../src/store/blob-store.js'
import { hexOf, legacyFiles, makeTar, sha256, type ImageSpec } from './archive-fixtures.js'

export interface FakeIO extends ActionIO {
  /** Every call in order: `secret:…`, `info:…`, `warning:…`, `debug:…`, `output:name=value`, `state:name=value`, `fail:…`. */
  calls: string[]
  outputs: Record<string, string>
  state: Record<string, string>
  failed: string[]
  summaries: string[]
  lines(kind: 'info' | 'warning' | 'debug'): string[]
}

export function fakeIO(inputs: Record<string, string>, state: Record<string, string> = {}): FakeIO {
  const io: FakeIO = {
    calls: [],
    outputs: {},
    state: { ...state },
    failed: [],
    summaries: [],
    lines: (kind) => io.calls.filter((c) => c.startsWith(`${kind}:`)).map((c) => c.slice(kind.length + 1)),
    log: {
      info: (m) => void io.calls.push(`info:${m}`),
      warning: (m) => void io.calls.push(`warning:${m}`),
      debug: (m) => void io.calls.push(`debug:${m}`),
      group: async (title, body) => {
        io.calls.push(`group:${title}`)
        return body()
      }
    },
    input: (name) => inputs[name] ?? '',
    output: (name, value) => {
      io.calls.push(`output:${name}=${value}`)
      io.outputs[name] = value
    },
    saveState: (name, value) => {
      io.calls.push(`state:${name}=${value}`)
      io.state[name] = value
    },
    getState: (name) => io.state[name] ?? '',
    setSecret: (value) => void io.calls.push(`secret:${value}`),
    fail: (message) => {
      io.calls.push(`fail:${message}`)
      io.failed.push(message)
    },
    summary: async (html) => void io.summaries.push(html)
  }
  return io
}

/** An archive of `specs` and the images an engine holding them lists (Docker's classic store: ID = config digest). */
export async function fakeImages(specs: ImageSpec[]): Promise<{ archive: Buffer; images: RuntimeImage[] }> {
  const images: RuntimeImage[] = []
  for (const spec of specs) {
    const files = await legacyFiles([spec])
    const config = files.find((f) => /^[0-9a-f]{64}\.json$/.test(f.name))
    if (config?.body === undefined) throw new Error('fixture without a config')
    const id = sha256(config.body)
    if (hexOf(id) !== config.name.replace(/\.json$/, '')) throw new Error('fixture config digest mismatch')
    images.push({ id, names: spec.names.filter((n) => !/[A-Z]/.test(n)), size: 1000, configDigest: id })
  }
  return { archive: await makeTar(await legacyFiles(specs)), images }
}

/** A runtime in memory: exports its archive, and on import comes to hold the images that archive carries. */
export class FakeRuntime implements Runtime {
  readonly kind = 'docker' as const
  images: RuntimeImage[]
  imported = 0
  closed = false
  importError: Error | undefined

  constructor(
    images: RuntimeImage[],
    private readonly archive: { bytes: Buffer; images: RuntimeImage[] } = { bytes: Buffer.alloc(0), images: [] }
  ) {
    this.images = images.map((i) => ({ ...i, names: [...i.names] }))
  }

  async list(): Promise<RuntimeImage[]> {
    return this.images.map((i) => ({ ...i, names: [...i.names] }))
  }

  async inspect(ref: string): Promise<RuntimeImage | undefined> {
    return this.images.find((i) => i.id === ref || i.names.includes(ref))
  }

  async exportImages(_refs: string[], _options?: ExportOptions): Promise<Readable> {
    return Readable.from([this.archive.bytes])
  }

  async importArchive(archive: Readable): Promise<ImportReport> {
    for await (const part of archive) this.imported += (part as Buffer).length
    if (this.importError) throw this.importError
    for (const image of this.archive.images) {
      if (!this.images.some((i) => i.id === image.id)) this.images.push({ ...image, names: [...image.names] })
    }
    return { names: this.archive.images.flatMap((i) => i.names), ids: this.archive.images.map((i) => i.id) }
  }

  async tag(source: string, targetRef: Reference): Promise<void> {
    const target = familiarName(targetRef)
    const image = await this.inspect(source)
    if (!image) throw new Error(`no such image: ${source}`)
    for (const other of this.images) other.names = other.names.filter((n) => n !== target)
    image.names.push(target)
  }

  async close(): Promise<void> {
    this.closed = true
  }
}

/** Engines that hand out `runtime` (or fail to reach it) and `store`, on a clock that advances a second per reading. */
export function fakeEngines(
  runtime: Runtime | Error,
  store: BlobStore | Error
): Engines & { made: { runtime: number; store: number } } {
  let now = 0
  const made = { runtime: 0, store: 0 }
  return {
    made,
    runtime: async () => {
      made.runtime++
      if (runtime instanceof Error) throw runtime
      return runtime
    },
    store: async () => {
      made.store++
      if (store instanceof Error) throw store
      return store
    },
    clock: () => (now += 1000)
  }
}

/** `store` with some of its methods replaced: storage that fails in a chosen way. */
export function faulty(store: BlobStore, overrides: Partial<BlobStore>): BlobStore {
  return Object.assign(Object.create(null) as BlobStore, store, overrides)
}
