/**
 * One round trip of an image per method, each timed as save → (rmi, untimed) → load with the image's layers
 * absent, and checked: the image must come back with the ID it was built with.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { docker, type Engine } from '../__tests__/support/engines.js'
import { newJob, runStep, type StepResult } from '../__tests__/support/action.js'
import type { BenchImage } from './bench-images.js'
import { bytesUnder, pipe, timed } from './bench-proc.js'

export interface Sample {
  save: number
  load: number
  stored: number
}

export interface Method {
  name: string
  run(engine: Engine, image: BenchImage, work: string): Promise<Sample>
}

async function imageId(engine: Engine, tag: string): Promise<string | undefined> {
  return docker(engine, ['image', 'inspect', '--format', '{{.Id}}', tag]).catch(() => undefined)
}

async function expectBack(engine: Engine, image: BenchImage): Promise<void> {
  const id = await imageId(engine, image.tag)
  if (id !== image.id) throw new Error(`${image.tag} came back as ${id ?? 'nothing'}, expected ${image.id}`)
}

/** Puts the image back from its reserve archive when a failed method left it removed. */
export async function ensurePresent(engine: Engine, image: BenchImage, reserve: string): Promise<void> {
  if ((await imageId(engine, image.tag)) === image.id) return
  await pipe([['docker', '-H', engine.host, 'load', '-i', reserve]])
  await expectBack(engine, image)
}

async function roundTrip(engine: Engine, image: BenchImage, save: () => Promise<unknown>, load: () => Promise<unknown>,
  stored: () => Promise<number>): Promise<Sample> {
  const saveSeconds = await timed(save)
  const bytes = await stored()
  await docker(engine, ['rmi', image.tag])
  const loadSeconds = await timed(load)
  await expectBack(engine, image)
  return { save: saveSeconds, load: loadSeconds, stored: bytes }
}

/** (a) The engine alone: `docker save -o`, `docker load -i`. */
export const engineFloor: Method = {
  name: 'docker save -o / load -i',
  async run(engine, image, work) {
    const file = join(work, 'floor.tar')
    const cli = ['docker', '-H', engine.host]
    try {
      return await roundTrip(engine, image, () => pipe([[...cli, 'save', '-o', file, image.tag]]),
        () => pipe([[...cli, 'load', '-i', file]]), () => bytesUnder(file))
    } finally {
      await rm(file, { force: true })
    }
  }
}

/** (b) The field's recipe: the archive gzipped at level 6 (upload-artifact's zip default), gunzipped into load. */
export const gzipRecipe: Method = {
  name: 'save | gzip -6, gunzip | load',
  async run(engine, image, work) {
    const file = join(work, 'recipe.tar.gz')
    const cli = ['docker', '-H', engine.host]
    try {
      return await roundTrip(engine, image, () => pipe([[...cli, 'save', image.tag], ['gzip', '-6']], { to: file }),
        () => pipe([['gzip', '-dc', file], [...cli, 'load']]), () => bytesUnder(file))
    } finally {
      await rm(file, { force: true })
    }
  }
}

function failure(step: StepResult, what: string): Error {
  const annotation = step.stdout.split('\n').find((l) => l.startsWith('::error'))?.replace(/^::error[^:]*::/, '')
  const code = /\b(ERR_[A-Z_]+)\b/.exec(step.stderr)?.[1]
  const last = step.stderr.trim().split('\n').find((l) => /error/i.test(l))
  return new Error(`${what} failed (exit ${step.exitCode}): ${(annotation ?? code ?? last ?? 'no message').slice(0, 100)}`)
}

/** Where dist/main.js is: the benchmark's private copy when it runs on one (see rerunOnSnapshot). */

/** image-handoff itself, run as the runner runs it: mode save to the local backend, then mode load. */
export function handoff(level: number): Method {
  return {
    name: `image-handoff, zstd -${level}`,
    async run(engine, image, work) {
      const store = await mkdtemp(join(work, 'store-'))
      const key = `bench-${level}`
      const step = async (inputs: Record<string, string>): Promise<void> => {
        const result = await runStep(await newJob({ DOCKER_HOST: engine.host }), 'main', { backend: 'local', path: store, key, ...inputs })
        if (result.exitCode !== 0) throw failure(result, `mode ${inputs.mode}`)
      }
      try {
        return await roundTrip(engine, image,
          () => step({ mode: 'save', images: image.tag, 'compression-level': String(level) }),
          () => step({ mode: 'load' }), () => bytesUnder(store))
      } finally {
        await rm(store, { recursive: true, force: true })
      }
    }
  }
}
