/**
 * What a step loads before it does anything: every job pays it, and a load onto an engine that holds the base
 * layers takes about half a second in all. An ESM import of node:http made Node 24 load its internal undici for
 * the lazy WebSocket, EventSource and fetch exports: about 10 ms of the step's start (50 ms of a script that loads
 * nothing else). The bundle requires node:http(s) instead.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

describe('dist/main.js at start', () => {
  it("does not load Node's internal undici", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ih-start-'))
    try {
      const probe = join(dir, 'probe.mjs')
      await writeFile(
        probe,
        "process.on('exit', () => process.stderr.write(`internal modules: ${JSON.stringify(process.moduleLoadList)}\\n`))\n"
      )
      // No inputs: the step stops at the first one it checks, after every module of the bundle was loaded.
      const run = spawnSync(process.execPath, ['--import', probe, 'dist/main.js'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' }
      })
      expect(run.stdout).toMatch(/::error::Input "key" is required/)
      const loaded = JSON.parse(/internal modules: (.*)/.exec(run.stderr)![1]!) as string[]
      expect(loaded.length).toBeGreaterThan(50)
      expect(loaded.filter((name) => name.includes('undici'))).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
