/**
 * A cancelled job: the runner sends SIGINT/SIGTERM to a step in the middle of a save. The bundled action must
 * leave no temporary file in the store and no index a later load could take.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBusybox, startDockerd, type Engine } from '../support/engines.js'
import { inputEnv } from '../support/action.js'

let engine: Engine

beforeAll(async () => {
  engine = await startDockerd()
  await buildBusybox(engine, 'big:1', ['RUN head -c 400m /dev/urandom > /data'])
}, 300000)

afterAll(async () => {
  await engine?.stop()
})

const listing = (dir: string): Promise<string[]> => readdir(dir).catch(() => [] as string[])

describe('a save cancelled part-way', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s leaves no temporary file and no index',
    async (signal) => {
      const store = await mkdtemp(join(tmpdir(), 'ih-cancel-'))
      const runnerTemp = await mkdtemp(join(tmpdir(), 'ih-cancel-rt-'))
      const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'main.js')], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/root',
          RUNNER_TEMP: runnerTemp,
          DOCKER_HOST: engine.host,
          ...inputEnv({ mode: 'save', backend: 'local', path: store, key: 'cancelled', images: 'big:1' })
        },
        stdio: 'ignore'
      })
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, got) => resolve(got)))
      // Wait until the save is writing chunks, then cancel it as the runner does.
      const deadline = Date.now() + 120000
      while ((await listing(join(store, 'tmp'))).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20))
      expect(await listing(join(store, 'tmp'))).not.toEqual([])
      child.kill(signal)
      expect(await exited).toBe(signal)
      expect(await listing(join(store, 'tmp'))).toEqual([])
      expect(await listing(join(store, 'index'))).toEqual([])
    },
    180000
  )
})
