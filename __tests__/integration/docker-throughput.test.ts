/**
 * A measurement, not a check: export → import of a ~200 MB image between two private engines, through the
 * runtime and through `docker save | docker load`. Runs only with IH_BENCH=1 (it takes a minute or two).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'
import { createDockerRuntime } from '../../src/runtimes/docker/runtime.js'
import type { Runtime } from '../../src/runtimes/runtime.js'

const bench = process.env.IH_BENCH === '1' ? describe : describe.skip
const runs = Number(process.env.IH_BENCH_RUNS ?? 3)

bench('Docker export → import throughput', () => {
  let from: Engine
  let to: Engine
  let source: Runtime
  let target: Runtime
  let bytes = 0

  beforeAll(async () => {
    ;[from, to] = await Promise.all([startDockerd(), startDockerd()])
    source = await createDockerRuntime({ DOCKER_HOST: from.host })
    target = await createDockerRuntime({ DOCKER_HOST: to.host })
    await buildBusybox(from, 'big:1', ['RUN head -c 200m /dev/urandom > /r'])
    bytes = Number(await docker(from, ['image', 'inspect', '--format', '{{.Size}}', 'big:1']))
  }, 600000)

  afterAll(async () => {
    await source?.close()
    await target?.close()
    await Promise.all([from?.stop(), to?.stop()])
  })

  /** Runs `step` with big:1 absent from the target engine each time; a loading step must leave it there. */
  async function timed(label: string, step: () => Promise<void>, loads = true): Promise<number> {
    const seconds: number[] = []
    for (let i = 0; i < runs; i++) {
      await docker(to, ['rmi', '-f', 'big:1']).catch(() => '')
      const start = process.hrtime.bigint()
      await step()
      seconds.push(Number(process.hrtime.bigint() - start) / 1e9)
      if (loads) expect(await docker(to, ['image', 'inspect', '--format', '{{.Size}}', 'big:1'])).toBe(String(bytes))
    }
    const median = seconds.sort((a, b) => a - b)[Math.floor(runs / 2)]!
    console.log(
      `${label}: median ${median.toFixed(2)} s, ${(bytes / 1e6 / median).toFixed(0)} MB/s (runs: ${seconds.map((s) => s.toFixed(2)).join(', ')})`
    )
    return median
  }

  it('measures the runtime against the CLI', async () => {
    await timed(
      'runtime exportImages → discard',
      async () => {
        await pipeline(await source.exportImages(['big:1']), new Writable({ write: (_c, _e, cb) => cb() }))
      },
      false
    )
    await timed(
      'docker save > /dev/null',
      () =>
        new Promise((resolve, reject) => {
          spawn('docker', ['-H', from.host, 'save', 'big:1'], { stdio: ['ignore', 'ignore', 'inherit'] }).on(
            'close',
            (code) => (code === 0 ? resolve() : reject(new Error(`docker save exited ${code}`)))
          )
        }),
      false
    )
    await timed('runtime exportImages → importArchive', async () => {
      await target.importArchive(await source.exportImages(['big:1']))
    })
    await timed('docker save | docker load', cliHandoff)
    // Again, so that the order of the two does not decide the comparison.
    await timed('runtime exportImages → importArchive (again)', async () => {
      await target.importArchive(await source.exportImages(['big:1']))
    })
  }, 900000)

  function cliHandoff(): Promise<void> {
    return new Promise((resolve, reject) => {
      const save = spawn('docker', ['-H', from.host, 'save', 'big:1'], { stdio: ['ignore', 'pipe', 'inherit'] })
      const load = spawn('docker', ['-H', to.host, 'load', '-q'], { stdio: ['pipe', 'ignore', 'inherit'] })
      save.stdout.pipe(load.stdin)
      load.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker load exited ${code}`))))
      save.on('close', (code) => (code === 0 ? undefined : reject(new Error(`docker save exited ${code}`))))
    })
  }
})
