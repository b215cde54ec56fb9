import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import { buildBusybox, docker, docker26Dir, startDockerd, type DockerFlavour, type Engine } from '../support/engines.js'

/** Pids of processes whose argv mentions `dir`: an engine's daemon, its containerd and shims. */
async function processesUnder(dir: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p))
  const found: number[] = []
  for (const pid of pids) {
    const argv = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (argv.includes(dir)) found.push(Number(pid))
  }
  return found
}

describe.each<[DockerFlavour, string, string]>([
  ['20.10', '20.10', 'overlay2'],
  ['26-classic', '26.1', 'overlay2'],
  ['26-containerd', '26.1', 'overlayfs']
])('private dockerd %s', (flavour, version, driver) => {
  let engine: Engine
  beforeAll(async () => {
    engine = await startDockerd(flavour)
  })
  afterAll(async () => {
    await engine?.stop()
  })

  it('runs the chosen Docker with the chosen image store, and its own containerd under its temp dir', async () => {
    expect(await docker(engine, ['version', '--format', '{{.Server.Version}}'])).toMatch(
      new RegExp(`^${version.replace('.', '\\.')}`)
    )
    expect(await docker(engine, ['info', '--format', '{{.Driver}}'])).toBe(driver)
    const containerdPid = Number(await readFile(join(engine.dir, 'exec', 'containerd', 'containerd.pid'), 'utf8'))
    const containerd = await readFile(`/proc/${containerdPid}/cmdline`, 'utf8')
    expect(containerd).toContain(engine.dir)
    if (flavour !== '20.10')
      expect(await readlink(`/proc/${containerdPid}/exe`)).toBe(join(docker26Dir, 'usr/bin/containerd'))
  })

  it('builds and runs a busybox image', async () => {
    const id = await buildBusybox(engine, 'smoke:1', ['RUN echo hi > /hi'])
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await docker(engine, ['run', '--rm', '--network', 'none', 'smoke:1', 'cat', '/hi'])).toBe('hi')
  })

  it('leaves no process behind when stopped', async () => {
    const dir = engine.dir
    expect((await processesUnder(dir)).length).toBeGreaterThanOrEqual(2)
    await engine.stop()
    expect(await processesUnder(dir)).toEqual([])
  })
})
