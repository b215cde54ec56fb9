/**
 * The ways of handing images from a save job to a load job that the benchmark compares. Each method is two
 * job bodies; the scenario around them (bench-scenarios.ts) provides the jobs, engines, keys and stores.
 */
import { join } from 'node:path'
import { startRegistry, type TestRegistry } from '../__tests__/support/registry.js'
import type { Job } from './bench-jobs.js'
import { toolkitStep, type ToolkitOp } from './bench-toolkit.js'

/** The images one save carries: `refs` for the CLI (no globs there), `input` for the action's `images:`. */
export interface Selection {
  refs: string[]
  input: string
}

export interface Method {
  id: string
  name: string
  /** Saves `images` under `key`; `store` is this handoff's directory outside the runner (local backend, floor). */
  save(job: Job, images: Selection, key: string, store: string): Promise<void>
  load(job: Job, key: string, store: string): Promise<void>
  /** Stops what the method started for this handoff's store (the registry). */
  finish?(store: string): Promise<void>
}

const floor: Method = {
  id: 'floor',
  name: 'docker save -o / load -i (floor)',
  save: (job, images, key, store) =>
    job.run('docker save', ['docker', 'save', '-o', join(store, `${key}.tar`), ...images.refs]),
  load: (job, key, store) => job.run('docker load', ['docker', 'load', '-i', join(store, `${key}.tar`)])
}

/** docker save to a tar in RUNNER_TEMP that a toolkit step stores; a toolkit step fetches it back, docker load. */
function tarThrough(id: string, name: string, [put, get]: [ToolkitOp, ToolkitOp]): Method {
  const tarIn = (job: Job): string => join(job.temp, 'image.tar')
  return {
    id,
    name,
    async save(job, images, key) {
      await job.run('docker save', ['docker', 'save', '-o', tarIn(job), ...images.refs])
      await job.run(put, toolkitStep(put, key, tarIn(job)))
    },
    async load(job, key) {
      await job.run(get, toolkitStep(get, key, tarIn(job)))
      await job.run('docker load', ['docker', 'load', '-i', tarIn(job)])
    }
  }
}

/** The documented recipe: upload-artifact zips the tar at level 6; download-artifact unzips it. */
const recipe = tarThrough('recipe', 'save + artifact zip-6 + load (recipe)', ['artifact-upload', 'artifact-download'])

/** What the cache actions do: @actions/cache tars and zstds the tar file, and restores it at the same path. */
const cacheShape = tarThrough('cache-shape', 'save + @actions/cache + load (cache actions)', [
  'cache-save',
  'cache-restore'
])

/** image-handoff's dist/main.js (`entry`), mode save then mode load, with `backend`. */
function handoff(backend: 'cache' | 'artifact' | 'local', entry: string): Method {
  const where = (store: string): Record<string, string> => (backend === 'local' ? { path: join(store, 'local') } : {})
  const step = [process.execPath, entry]
  return {
    id: backend,
    name: `image-handoff, backend ${backend}`,
    save: (job, images, key, store) =>
      job.run('image-handoff save', step, { mode: 'save', backend, key, images: images.input, ...where(store) }),
    load: (job, key, store) => job.run('image-handoff load', step, { mode: 'load', backend, key, ...where(store) })
  }
}

/**
 * backend: artifact, the load asking for it as another run's (github-token + run-id), as a later workflow would:
 * the REST API's lookup and download redirect instead of this run's artifact service.
 */
function crossRunArtifact(entry: string): Method {
  const step = [process.execPath, entry]
  return {
    ...handoff('artifact', entry),
    id: 'artifact-cross',
    name: "image-handoff, backend artifact, loaded as another run's",
    load: (job, key) =>
      job.run('image-handoff load', step, {
        mode: 'load',
        backend: 'artifact',
        key,
        'github-token': 'ghs_bench',
        'run-id': job.scope.runId,
        repository: job.scope.repository
      })
  }
}

/**
 * image-handoff with backend: registry: a CNCF distribution registry of its own per handoff, its storage inside
 * the handoff's store directory (so the bytes it keeps are counted), started at the handoff's first save.
 */
function registryHandoff(entry: string): Method {
  const registries = new Map<string, Promise<TestRegistry>>()
  const registryOf = (store: string): Promise<TestRegistry> => {
    let started = registries.get(store)
    if (started === undefined) {
      started = startRegistry({ parent: store })
      registries.set(store, started)
    }
    return started
  }
  const inputs = async (store: string): Promise<Record<string, string>> => ({
    backend: 'registry',
    registry: `${(await registryOf(store)).host}/bench/handoff`
  })
  const step = [process.execPath, entry]
  return {
    id: 'registry',
    name: 'image-handoff, backend registry',
    save: async (job, images, key, store) =>
      job.run('image-handoff save', step, { mode: 'save', key, images: images.input, ...(await inputs(store)) }),
    load: async (job, key, store) =>
      job.run('image-handoff load', step, { mode: 'load', key, ...(await inputs(store)) }),
    async finish(store) {
      const started = registries.get(store)
      registries.delete(store)
      await (await started?.catch(() => undefined))?.stop()
    }
  }
}

/** Every method, in table order; the floor first (all ratios are to it). */
export function allMethods(entry: string): Method[] {
  return [
    floor,
    recipe,
    cacheShape,
    handoff('cache', entry),
    handoff('artifact', entry),
    handoff('local', entry),
    registryHandoff(entry),
    crossRunArtifact(entry)
  ]
}
