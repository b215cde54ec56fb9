/**
 * Process and file helpers for the benchmark: CLI pipelines (docker save | docker load) wired child to child
 * with argv arrays, so no shell parses anything; medians; sizes on disk; the run on a private copy of dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { cp, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

export interface PipeOptions {
  /** File fed to the first command's stdin. */
  from?: string
  /** File the last command's stdout goes to (else discarded). */
  to?: string
}

function finished(child: ChildProcess, argv: string[], stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${argv.join(' ')} exited ${code ?? signal}: ${stderr().trim().slice(-500)}`))
    })
  })
}

/** Runs `a | b | …`, each stage's stdout straight into the next one's stdin (an OS pipe, no copy through Node). */
export async function pipe(stages: string[][], options: PipeOptions = {}): Promise<void> {
  const inFd = options.from ? openSync(options.from, 'r') : 'ignore'
  const outFd = options.to ? openSync(options.to, 'w') : 'ignore'
  const done: Promise<void>[] = []
  try {
    let previous: ChildProcess | undefined
    stages.forEach((argv, i) => {
      const last = i === stages.length - 1
      const stdin = previous?.stdout ?? inFd
      const child = spawn(argv[0]!, argv.slice(1), { stdio: [stdin, last ? outFd : 'pipe', 'pipe'] })
      let err = ''
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString()
      })
      done.push(finished(child, argv, () => err))
      // The next stage holds its own copy of this pipe; ours would keep the writer from seeing EOF/close.
      previous?.stdout?.destroy()
      previous = child
    })
    await Promise.all(done)
  } finally {
    if (typeof inFd === 'number') closeSync(inFd)
    if (typeof outFd === 'number') closeSync(outFd)
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Total bytes of the regular files under `path` (a file or a directory). */
export async function bytesUnder(path: string): Promise<number> {
  const info = await stat(path)
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isDirectory() || entry.isFile()) total += await bytesUnder(join(path, entry.name))
  }
  return total
}

/**
 * Re-runs this script on a private copy of `<root>/dist` (and of the script itself), so another engineer
 * rebuilding dist/ in the shared tree mid-run cannot break or change what is measured. Resolves to the
 * child's exit code.
 */
export async function rerunOnSnapshot(root: string, marker: string): Promise<number> {
  const copy = await mkdtemp(join(tmpdir(), 'ih-bench-dist-'))
  try {
    await cp(join(root, 'dist'), join(copy, 'dist'), { recursive: true })
    await writeFile(join(copy, 'package.json'), '{ "type": "module" }\n')
    await symlink(join(root, 'node_modules'), join(copy, 'node_modules'))
    const script = join(copy, basename(process.argv[1]!))
    await cp(process.argv[1]!, script)
    const child = spawn(process.execPath, [script, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, IMAGE_HANDOFF_ROOT: copy, [marker]: '1' }
    })
    // Ctrl-C reaches the child too: let it stop its engine, and wait for it here.
    const ignore = (): void => undefined
    process.on('SIGINT', ignore)
    return await new Promise<number>((resolve) =>
      child.on('close', (code) => {
        process.off('SIGINT', ignore)
        resolve(code ?? 1)
      })
    )
  } finally {
    await rm(copy, { recursive: true, force: true })
  }
}
