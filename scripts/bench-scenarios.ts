/**
 * One handoff of one scenario by one method: a save job on the save engine (which keeps every built image),
 * then a load job on the load engine, prepared first to hold exactly the scenario's kept images (none: every
 * layer absent), then checked: each image must be back with the ID it was built with. Every handoff gets
 * fresh stand-in services and a fresh store, so nothing stored by an earlier handoff can be reused.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { docker, type Engine } from '../__tests__/support/engines.js'
import { GitHubServices } from '../__tests__/support/github-services.js'
import { openJob, type Cost } from './bench-jobs.js'
import type { Method } from './bench-methods.js'
import { bytesUnder, pipe } from './bench-proc.js'
import type { Scenario } from './bench-images.js'

export interface Bench {
  saver: Engine
  loader: Engine
  work: string
}

export interface Sample {
  save: Cost
  load: Cost
  /** Bytes the (last) save uploaded to the services or wrote to the store. */
  bytes: number
  /** Bytes of the save of the previous version, when the scenario has one. */
  previousBytes?: number
}

async function idsOf(engine: Engine, refs: string[]): Promise<(string | undefined)[]> {
  const out = await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', ...refs]).catch(() => undefined)
  // One ref missing fails the whole inspect: ask one by one to say which.
  if (out === undefined)
    return Promise.all(
      refs.map((r) => docker(engine, ['image', 'inspect', '--format', '{{.Id}}', r]).catch(() => undefined))
    )
  return out.split('\n')
}

/** Leaves on the load engine only `keep` (brought over from the save engine, untimed, when missing). */
export async function prepareLoader(bench: Bench, keep: string[]): Promise<void> {
  const keepIds = new Set((await idsOf(bench.loader, keep)).filter((id): id is string => id !== undefined))
  const all = (await docker(bench.loader, ['image', 'ls', '-a', '-q', '--no-trunc'])).split('\n').filter(Boolean)
  const drop = [...new Set(all)].filter((id) => !keepIds.has(id))
  if (drop.length) await docker(bench.loader, ['rmi', '-f', ...drop]).catch(() => undefined)
  const left = (await docker(bench.loader, ['image', 'ls', '-a', '-q', '--no-trunc'])).split('\n').filter(Boolean)
  if (left.some((id) => !keepIds.has(id)))
    throw new Error(`the load engine still holds images it should not: ${left.join(' ')}`)
  if (keep.length && keepIds.size < keep.length)
    await pipe([
      ['docker', '-H', bench.saver.host, 'save', ...keep],
      ['docker', '-H', bench.loader.host, 'load', '-q']
    ])
}

async function expectBack(engine: Engine, scenario: Scenario): Promise<void> {
  const got = await idsOf(engine, scenario.images.refs)
  const wrong = scenario.images.refs.filter((_, i) => got[i] !== scenario.ids[i])
  if (wrong.length) {
    const i = scenario.images.refs.indexOf(wrong[0]!)
    throw new Error(
      `${wrong.length} image(s) did not come back: ${wrong[0]} is ${got[i] ?? 'missing'}, expected ${scenario.ids[i]}`
    )
  }
}

export async function handoff(bench: Bench, scenario: Scenario, method: Method, n: number): Promise<Sample> {
  await prepareLoader(bench, scenario.keep)
  const services = await GitHubServices.start()
  const store = await mkdtemp(join(bench.work, 'store-'))
  const run = { repository: `bench/handoff-${n}`, runId: n }
  const stored = async (): Promise<number> => services.uploadedBytes + (await bytesUnder(store))
  try {
    let previousBytes: number | undefined
    if (scenario.previous) {
      const job = await openJob(services, bench.saver, run, 'build-previous', bench.work)
      await method.save(job, scenario.previous, `${scenario.id}-a`, store)
      previousBytes = await stored()
    }
    const before = await stored()
    const key = `${scenario.id}-b`
    const saveJob = await openJob(services, bench.saver, run, 'build', bench.work)
    await method.save(saveJob, scenario.images, key, store)
    const bytes = (await stored()) - before
    const loadJob = await openJob(services, bench.loader, run, 'test', bench.work)
    await method.load(loadJob, key, store)
    await expectBack(bench.loader, scenario)
    return { save: saveJob.cost, load: loadJob.cost, bytes, ...(previousBytes === undefined ? {} : { previousBytes }) }
  } finally {
    await services.stop()
    await method.finish?.(store)
    await rm(store, { recursive: true, force: true })
  }
}
