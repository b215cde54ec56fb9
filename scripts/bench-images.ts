/**
 * The benchmark's two images, built on the private engine: one layer of random bytes (nothing to compress)
 * and one layer of shared libraries copied from this machine (compresses to about a third).
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBusybox, docker, type Engine } from '../__tests__/support/engines.js'

export interface BenchImage {
  label: string
  tag: string
  id: string
}

const libraryDirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib', '/usr/bin', '/usr/sbin']

/** Copies regular files from `dirs` (depth first, sorted) into `into` until `limit` bytes are reached. */
async function copyUpTo(dirs: string[], into: string, limit: number): Promise<number> {
  let total = 0
  let n = 0
  const seen = new Set<string>()
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (total >= limit) return
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile() && !seen.has(path)) {
        seen.add(path)
        const size = (await stat(path)).size
        if (size === 0) continue
        await copyFile(path, join(into, `${n++}-${entry.name}`))
        total += size
      }
    }
  }
  for (const dir of dirs) await walk(dir)
  return total
}

export async function buildRandom(engine: Engine, megabytes: number): Promise<BenchImage> {
  const tag = 'bench/random:1'
  const id = await buildBusybox(engine, tag, [`RUN head -c ${megabytes}m /dev/urandom > /r`])
  return { label: `random ${megabytes} MB`, tag, id }
}

export async function buildCompressible(engine: Engine, megabytes: number): Promise<BenchImage> {
  const tag = 'bench/libs:1'
  const ctx = await mkdtemp(join(tmpdir(), 'ih-bench-ctx-'))
  try {
    await mkdir(join(ctx, 'data'))
    const copied = await copyUpTo(libraryDirs, join(ctx, 'data'), megabytes * 1024 * 1024)
    await writeFile(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY data /data\n')
    await docker(engine, ['build', '-q', '--network', 'none', '-t', tag, ctx])
    const id = await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', tag])
    return { label: `libraries ${Math.round(copied / 1024 / 1024)} MB`, tag, id }
  } finally {
    await rm(ctx, { recursive: true, force: true })
  }
}
