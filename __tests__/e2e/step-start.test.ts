/**
 * What a step loads before it does anything: every job pays it, and a load onto an engine that holds the base
 * layers takes about half a second in all. An ESM import of node:http made Node 24 load its internal undici for
 * the lazy WebSocket, EventSource and fetch exports: about 10 ms of the step's start (50 ms of a script that loads
 * nothing else). The bundle requires node:http(s) instead.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/** Every file an entry point imports statically, itself included: what a step reads and compiles at start. */
async function staticImports(entry: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(entry)) return seen
  seen.add(entry)
  const text = await readFile(entry, 'utf8')
  for (const [, path] of text.matchAll(/^(?:import|\} from|export .* from)[^"\n]*"(\.{1,2}\/[^"]+)"/gm))
    await staticImports(resolve(dirname(entry), path!), seen)
  return seen
}

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

  it('reads no undici: @actions/http-client requires it on first use, from a file beside the chunk that asks', async () => {
    // The action's two steps; the artifact backend, imported only when chosen, brings @actions/artifact's own undici.
    for (const entry of ['main', 'post']) {
      const files = await staticImports(resolve('dist', `${entry}.js`))
      expect(files.size).toBeGreaterThan(3)
      for (const file of files) expect(await readFile(file, 'utf8')).not.toMatch(/node_modules\/undici\//)
    }
    const chunks = await readdir('dist/chunks')
    const asking = []
    for (const name of chunks.filter((n) => n.endsWith('.js')))
      if ((await readFile(join('dist/chunks', name), 'utf8')).includes('__require("./undici.cjs")')) asking.push(name)
    expect(asking).toHaveLength(1)
    expect(existsSync('dist/chunks/undici.cjs')).toBe(true)
    const undici = createRequire(resolve('dist/chunks', asking[0]!))('./undici.cjs') as { ProxyAgent: unknown }
    expect(typeof undici.ProxyAgent).toBe('function')
  })
})
