/**
 * Does Node's zstd get faster with ZSTD_c_nbWorkers? Each probe compresses one file in a child process (the
 * bench bundle re-run with `--zstd-probe`), because a probe may crash its process: Node's streaming zstd with
 * workers pushes output after EOF (nodejs/node#59899), an uncaught error no caller can catch. The zstd CLI at
 * the same levels and worker counts shows what the library itself reaches on this machine.
 */
import { execFile, spawn } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { constants, createZstdCompress, zstdCompressSync } from 'node:zlib'
import { timed } from './bench-proc.js'

export const probeFlag = '--zstd-probe'

export type ProbeMode = 'node stream' | 'node one-shot' | 'zstd CLI'

export interface ProbeResult {
  seconds?: number
  outBytes?: number
  /** CPU seconds of the whole process over wall seconds: above 1 means more than one core worked. */
  cores?: number
  error?: string
}

function params(level: number, workers: number): Record<number, number> {
  return { [constants.ZSTD_c_compressionLevel]: level, [constants.ZSTD_c_nbWorkers]: workers }
}

/** The child's side: compress `file` once and print a ProbeResult as JSON. */
export async function runProbe(args: string[]): Promise<void> {
  const [mode, workers, level, file] = [args[0] as ProbeMode, Number(args[1]), Number(args[2]), args[3]!]
  const input = mode === 'node one-shot' ? await readFile(file) : undefined
  let outBytes = 0
  const cpu = process.cpuUsage()
  const seconds = await timed(async () => {
    if (input) {
      outBytes = zstdCompressSync(input, { params: params(level, workers) }).length
      return
    }
    const sink = new Writable({ write(chunk: Buffer, _enc, next) { outBytes += chunk.length; next() } })
    await pipeline(createReadStream(file), createZstdCompress({ params: params(level, workers) }), sink)
  })
  const used = process.cpuUsage(cpu)
  const result: ProbeResult = { seconds, outBytes, cores: (used.user + used.system) / 1e6 / seconds }
  console.log(JSON.stringify(result))
}

function errorOf(stderr: string, fallback: string): string {
  const code = /\b(ERR_[A-Z_]+)\b/.exec(stderr)?.[1]
  return code ?? (stderr.trim().split('\n').find((l) => /error|failed/i.test(l)) ?? fallback).slice(0, 60)
}

/** The parent's side: one probe in a fresh child, so a crash only loses that probe. */
export function probe(mode: ProbeMode, workers: number, level: number, file: string): Promise<ProbeResult> {
  if (mode === 'zstd CLI') return cliProbe(workers, level, file)
  return new Promise((resolve) => {
    execFile(process.execPath, [process.argv[1]!, probeFlag, mode, String(workers), String(level), file],
      { maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) resolve({ error: `crashed: ${errorOf(stderr, error.message)}` })
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as ProbeResult)
      })
  })
}

/** `zstd --single-thread` is nbWorkers 0, `-T<n>` is nbWorkers n; the output is only counted. */
async function cliProbe(workers: number, level: number, file: string): Promise<ProbeResult> {
  const threads = workers === 0 ? '--single-thread' : `-T${workers}`
  let outBytes = 0
  try {
    const seconds = await timed(() => new Promise<void>((resolve, reject) => {
      const child = spawn('zstd', ['-q', `-${level}`, threads, '-c', file], { stdio: ['ignore', 'pipe', 'inherit'] })
      child.stdout.on('data', (chunk: Buffer) => { outBytes += chunk.length })
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`zstd exited ${code}`))))
    }))
    return { seconds, outBytes }
  } catch (error) {
    return { error: `failed: ${error instanceof Error ? error.message.slice(0, 80) : String(error)}` }
  }
}
