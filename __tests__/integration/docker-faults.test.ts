/**
 * Faults on a real private dockerd: an archive with a FIFO where a layer belongs (the engine blocks opening it
 * forever), the watchdog that ends such a stall, and an engine killed in the middle of a save or a load.
 * Every case must end, with a message that says what happened and what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { HandoffError } from '../../src/errors.js'
import { createLocalStore } from '../../src/backends/local-store.js'
import { readModel } from '../../src/archive/read-model.js'
import { assembleArchive } from '../../src/store/assemble.js'
import type { BlobStore } from '../../src/store/blob-store.js'
import { storeSink } from '../../src/store/chunk-sink.js'
import { encodeIndex, newIndex, parseIndex, type StoreIndex } from '../../src/store/format.js'
import { planLoad, type LoadPlan } from '../../src/store/load-plan.js'
import { splitArchive } from '../../src/store/split.js'
import { createDockerRuntime } from '../../src/runtimes/docker/runtime.js'
import type { Runtime } from '../../src/runtimes/runtime.js'
import { buildBusybox, docker, startDockerd, unmountUnder, type Engine } from '../support/engines.js'
import { legacyFiles, makeTar, refusedBySplit } from '../support/archive-fixtures.js'
import { faultTable, outcomeOf } from '../support/fault-table.js'

const record = faultTable('docker-engine')
const engines: Engine[] = []

async function engineWith(stallMs: number): Promise<{ engine: Engine; runtime: Runtime }> {
  const engine = await startDockerd()
  engines.push(engine)
  return { engine, runtime: await createDockerRuntime({ DOCKER_HOST: engine.host }, { stallMs }) }
}

afterAll(async () => {
  for (const engine of engines) {
    await engine.stop()
    // stop() leaves the directory of an engine a test killed itself: unmount and remove it here.
    await unmountUnder(engine.dir)
    await rm(engine.dir, { recursive: true, force: true }).catch(() => undefined)
  }
})

/** `archive` saved into a local store in a temp directory, and the plan a load of all of it follows. */
async function storeOf(archive: Buffer): Promise<{ dir: string; store: BlobStore; index: StoreIndex; plan: LoadPlan }> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-faults-store-'))
  const store = createLocalStore(dir)
  await store.prepare()
  const sink = storeSink(store, { compressionLevel: 1, inFlight: 4, inFlightBytes: 1 << 30 })
  const chunkBytes = 8 * 1024 * 1024
  const split = await splitArchive(Readable.from([archive]), sink, chunkBytes)
  await sink.finish()
  const index = parseIndex(encodeIndex(newIndex(readModel(split.contents), split.entries, chunkBytes)))
  return { dir, store, index, plan: planLoad(index, {}, {}) }
}

/** A legacy archive whose first layer.tar is a FIFO. */
async function fifoArchive(): Promise<Buffer> {
  const files = await legacyFiles([{ names: ['fifo:test'], layers: ['one', 'two'] }])
  const layer = files.find((f) => f.name.endsWith('layer.tar'))!
  return makeTar(files.map((f) => (f === layer ? { name: f.name, type: 'fifo' as const } : f)))
}

describe('a FIFO where a layer belongs', () => {
  let engine: Engine
  let runtime: Runtime
  beforeAll(async () => {
    ;({ engine, runtime } = await engineWith(0))
  })
  afterAll(async () => {
    await runtime.close()
  })

  it('is refused by the split before anything is stored, so no load can send it (no watchdog needed)', async () => {
    const { error, blobs, indexes } = await refusedBySplit(await fifoArchive())
    const reason = String((error as Error | undefined)?.message)
    record({
      case: 'FIFO as a layer, full load path',
      done: 'a docker save archive whose layer.tar is a FIFO, saved to a store for dockerd 20.10',
      outcome: `HandoffError: ${reason}`
    })
    expect(error).toBeInstanceOf(HandoffError)
    expect(reason).toMatch(/layer.tar" is a fifo, which no engine writes into an image archive/)
    expect([blobs, indexes]).toEqual([[], []])
    expect(await docker(engine, ['images', '-q', 'fifo:test'])).toBe('')
  })
})

describe('the no-progress watchdog', () => {
  it('ends a load the engine blocks on, saying what stalled and what to do', async () => {
    const { runtime } = await engineWith(3000)
    try {
      // Straight to the engine, past the archive model: only the watchdog stands between dockerd and a hang.
      const started = Date.now()
      const error = await runtime.importArchive(Readable.from([await fifoArchive()])).catch((e: unknown) => e)
      record({
        case: 'engine blocked on a FIFO',
        done: 'the FIFO archive sent straight to dockerd, stall-timeout 3 s',
        outcome: await outcomeOf(Promise.reject(error))
      })
      expect(error).toBeInstanceOf(HandoffError)
      expect((error as Error).message).toMatch(
        /loading the archive into the Docker Engine at unix:.* made no progress for 3 s .*raise the input stall-timeout/
      )
      expect(Date.now() - started).toBeLessThan(60000)
    } finally {
      await runtime.close()
    }
  }, 90000)
})

describe('the watchdog does not fire on a healthy engine', () => {
  it('exports and loads 96 MiB with stall-timeout 5 s, while the reader is slower than the engine', async () => {
    const { engine, runtime } = await engineWith(5000)
    try {
      await buildBusybox(engine, 'healthy:1', ['RUN head -c 96m /dev/urandom > /r'])
      const saved: Buffer[] = []
      // A reader that pauses 6 s (longer than the stall time) is the slow side, not the engine.
      let paused = false
      await pipeline(
        await runtime.exportImages(['healthy:1']),
        new Writable({
          write(c: Buffer, _e, cb) {
            saved.push(c)
            if (paused) return cb()
            paused = true
            setTimeout(cb, 6000)
          }
        })
      )
      await docker(engine, ['rmi', 'healthy:1'])
      const report = await runtime.importArchive(Readable.from([Buffer.concat(saved)]))
      expect(report.names).toEqual(['healthy:1'])
    } finally {
      await runtime.close()
    }
  }, 180000)
})

describe('an engine killed mid-way', () => {
  it('mid-save: says the engine broke off the export, and what to do', async () => {
    const { engine, runtime } = await engineWith(0)
    await buildBusybox(engine, 'big:1', ['RUN head -c 96m /dev/urandom > /r'])
    const archive = await runtime.exportImages(['big:1'])
    let received = 0
    let killed = false
    const sink = new Writable({
      write(chunk: Buffer, _e, callback) {
        received += chunk.length
        if (!killed && received > 1024 * 1024) {
          killed = true
          process.kill(engine.pid, 'SIGKILL')
          setTimeout(callback, 500)
        } else callback()
      }
    })
    const error = await pipeline(archive, sink).catch((e: unknown) => e)
    record({
      case: 'engine killed mid-save',
      done: 'SIGKILL to dockerd after 1 MiB of a 96 MiB export',
      outcome: await outcomeOf(Promise.reject(error))
    })
    expect(error).toBeInstanceOf(HandoffError)
    expect((error as Error).message).toMatch(
      /exporting big:1 from the Docker Engine at .* (broke off part-way: the engine closed the connection|ended before the end of the archive).*run the save again/
    )
    await runtime.close()
  }, 180000)

  it('mid-load: the engine going away is the reason given, by the load and by the archive stream', async () => {
    const { engine, runtime } = await engineWith(0)
    await buildBusybox(engine, 'big:2', ['RUN head -c 96m /dev/urandom > /r'])
    const saved: Buffer[] = []
    await pipeline(
      await runtime.exportImages(['big:2']),
      new Writable({
        write(c: Buffer, _e, cb) {
          saved.push(c)
          cb()
        }
      })
    )
    await docker(engine, ['rmi', 'big:2'])
    const store = await storeOf(Buffer.concat(saved))
    // The archive is rebuilt from the store as a load does; the engine is killed once a quarter of it went in.
    let sent = 0
    const archive = assembleArchive(store.index, store.plan, store.store, {
      prefetch: 2,
      onBytes: (n) => {
        if (sent < store.plan.sendBytes / 4 && (sent += n) >= store.plan.sendBytes / 4)
          process.kill(engine.pid, 'SIGKILL')
      }
    })
    const load = await Promise.allSettled([runtime.importArchive(archive.stream)]).then(([r]) => r!)
    const loadError = load.status === 'rejected' ? (load.reason as Error) : undefined
    record({
      case: 'engine killed mid-load',
      done: 'SIGKILL to dockerd after a quarter of a 96 MiB archive went in',
      outcome: await outcomeOf(Promise.reject(loadError))
    })
    expect(loadError).toBeInstanceOf(HandoffError)
    expect(loadError!.message).toMatch(
      /the Docker Engine at .* (went away during the load|dropped the connection|closed the connection).*killed or restarts.*run the load again/
    )
    // The reason the load reports is the archive's failure if it has one, else the engine's: either way, the engine's.
    const reported = (archive.failure() as Error | undefined) ?? loadError
    expect(reported?.message).toBe(loadError!.message)
    await runtime.close()
    await rm(store.dir, { recursive: true, force: true })
  }, 180000)
})
