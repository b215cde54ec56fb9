import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { promisify } from 'node:util'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Backend } from '../../src/backends/backend.js'
import type { createCacheBackend as CreateCacheBackend } from '../../src/backends/cache.js'
import { enterJob } from '../support/github-env.js'
import { copyFrom, sha256File, writeRandomFile } from '../support/github-payloads.js'
import { GitHubServices } from '../support/github-services.js'

// Real @actions/cache over HTTP to the stand-in. Every "job" gets the same paths, as hosted runners do.
let services: GitHubServices
let root: string
let workDir: string
let createCacheBackend: typeof CreateCacheBackend
const small: Record<string, string> = {}

function job(name: string, options: { repository?: string; runId?: number; workspace?: string } = {}): Backend {
  enterJob(services.jobEnv({ job: name, workspace: options.workspace ?? join(root, 'ws'), runnerTemp: join(root, 'temp'), ...options }))
  return createCacheBackend({ workDir })
}

beforeAll(async () => {
  services = await GitHubServices.start()
  root = await mkdtemp(join(tmpdir(), 'backend-cache-'))
  workDir = join(root, 'temp', 'image-handoff')
  await mkdir(join(root, 'ws'), { recursive: true })
  await mkdir(join(root, 'src'))
  enterJob(services.jobEnv({ workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }))
  ;({ createCacheBackend } = await import('../../src/backends/cache.js'))
  for (const name of ['a', 'b', 'c']) {
    small[name] = join(root, 'src', name)
    await writeRandomFile(small[name]!, 3 * 1024 * 1024 + 17)
  }
})

afterAll(async () => {
  await services?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('cache backend', () => {
  it('stores a payload in one job and restores it byte for byte in another', async () => {
    const from = services.requests.length
    const saved = await job('build').save('images-linux-1', copyFrom(small.a!))
    expect(saved).toMatchObject({ saved: true, key: 'images-linux-1' })
    expect(saved.saved && saved.bytes).toBeGreaterThan(3 * 1024 * 1024)
    expect(services.calls('blob:put', from)).toHaveLength(1)
    expect(services.calls('FinalizeCacheEntryUpload', from)[0]!.status).toBe(200)
    // The payload file is gone after the save: nothing local can fake the restore below.
    await expect(stat(join(workDir, 'cache', 'images.tar'))).rejects.toThrow()

    const test = job('test')
    expect(await test.exists('images-linux-1')).toBe(true)
    expect(await test.exists('images-linux')).toBe(false)
    const entry = await test.restore('images-linux-1', [])
    expect(entry?.matchedKey).toBe('images-linux-1')
    expect(entry?.file).toBe(join(workDir, 'cache', 'images.tar'))
    expect(await sha256File(entry!.file)).toBe(await sha256File(small.a!))
    await entry!.dispose()
    await expect(stat(entry!.file)).rejects.toThrow()
  })

  it('misses cleanly and falls back to the newest entry matching a restore key', async () => {
    const build = job('build', { runId: 2 })
    await build.save('deps-1', copyFrom(small.a!))
    await build.save('deps-2', copyFrom(small.b!))
    await build.save('other-3', copyFrom(small.c!))
    const test = job('test', { runId: 3 })
    expect(await test.restore('nothing-here', ['nor-this-'])).toBeUndefined()
    const entry = await test.restore('deps-3', ['nothing-', 'deps-'])
    expect(entry?.matchedKey).toBe('deps-2')
    expect(await sha256File(entry!.file)).toBe(await sha256File(small.b!))
    await entry!.dispose()
  })

  it('keeps repositories apart', async () => {
    await job('build', { repository: 'octo/first' }).save('scoped', copyFrom(small.a!))
    expect(await job('build', { repository: 'octo/second' }).restore('scoped', [])).toBeUndefined()
  })

  it('looks up before saving: a second save of a key uploads nothing and does not run write', async () => {
    await job('build', { runId: 4 }).save('twice', copyFrom(small.a!))
    const from = services.requests.length
    const write = copyFrom(small.b!)
    const again = await job('build', { runId: 5 }).save('twice', write)
    expect(again).toMatchObject({ saved: false, key: 'twice' })
    expect(!again.saved && again.reason).toMatch(/already holds an entry/)
    expect(write.calls).toBe(0)
    expect(services.calls('CreateCacheEntry', from)).toHaveLength(0)
    expect(services.calls('blob:put', from)).toHaveLength(0)
  })

  it('reports a lost reservation race as not saved, with the reason', async () => {
    // Job A looks up (miss) and, while it writes, job B saves the same key first.
    const a = job('matrix-a', { runId: 6 })
    const b = createCacheBackend({ workDir })
    const raced = await a.save('raced', async (file) => {
      const first = await b.save('raced', copyFrom(small.b!))
      expect(first.saved).toBe(true)
      await copyFrom(small.a!)(file)
    })
    expect(raced).toMatchObject({ saved: false, key: 'raced' })
    expect(!raced.saved && raced.reason).toMatch(/already exists/)
    const entry = await job('test', { runId: 7 }).restore('raced', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(small.b!))
    await entry!.dispose()
  })

  it('serves a job run as a child process with only jobEnv() for configuration', async () => {
    // As the runner starts the action: a fresh process, environment only. Use async spawning: the stand-in
    // lives in this process and cannot answer while a synchronous spawn blocks it.
    const file = join(workDir, 'cache', 'images.tar')
    await mkdir(join(workDir, 'cache'), { recursive: true })
    await copyFile(small.c!, file)
    const script = `import { saveCache } from '@actions/cache'; process.exitCode = (await saveCache([${JSON.stringify(file)}], 'from-child')) > 0 ? 0 : 1`
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...services.jobEnv({ job: 'child', workspace: join(root, 'ws'), runnerTemp: join(root, 'temp') }) }
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env, cwd: process.cwd() })
    await rm(file)
    const entry = await job('test').restore('from-child', [])
    expect(await sha256File(entry!.file)).toBe(await sha256File(small.c!))
    await entry!.dispose()
  })

  it('rejects keys the cache does not accept before any transfer', async () => {
    const backend = job('build')
    const write = copyFrom(small.a!)
    await expect(backend.save('a,b', write)).rejects.toThrow(/comma/)
    await expect(backend.restore('x'.repeat(513), [])).rejects.toThrow(/at most 512/)
    await expect(backend.restore('k', Array.from({ length: 10 }, (_, i) => `r${i}`))).rejects.toThrow(/at most 10 keys/)
    expect(write.calls).toBe(0)
  })
})
