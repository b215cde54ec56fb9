import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'
import { getExecOutput } from '@actions/exec'
import { HandoffError } from '../errors.js'

/**
 * The one way this action runs an external tool (ctr, podman): argv only, never a shell string.
 * Captured commands go through @actions/exec; archives stream through node's spawn, because
 * @actions/exec takes stdin only as a Buffer and would hold a whole image in memory.
 */

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  /** Resolve with a non-zero exit instead of throwing. */
  allowFailure?: boolean
  env?: Record<string, string>
}

/** Runs `argv` to completion with captured output; throws the tool's last stderr line on failure. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<ExecResult> {
  const [file, ...args] = argv
  if (file === undefined) throw new Error('run: empty argv')
  let result: ExecResult
  try {
    result = await getExecOutput(file, args, {
      silent: true,
      ignoreReturnCode: true,
      ...(options.env ? { env: { ...processEnv(), ...options.env } } : {})
    })
  } catch (error) {
    throw notFound(file, error)
  }
  if (result.exitCode !== 0 && !options.allowFailure) throw failed(argv, result)
  return result
}

export interface StreamingProcess {
  /** The tool's stdout, when asked for. */
  stdout: Readable
  /** Settles when the tool exited: rejects on a non-zero exit with its last stderr line. */
  done: Promise<ExecResult>
}

/** Starts `argv` with `stdin` piped in (when given) and stdout as a stream; stderr is collected for errors. */
export function spawnStreaming(argv: readonly string[], stdin?: Readable, env?: Record<string, string>): StreamingProcess {
  const [file, ...args] = argv
  if (file === undefined) throw new Error('spawnStreaming: empty argv')
  const child = spawn(file, args, {
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    ...(env ? { env: { ...processEnv(), ...env } } : {})
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-64 * 1024)
  })
  if (stdin && child.stdin) {
    // A tool that exits early closes its stdin: that is reported through its exit status, not as EPIPE.
    child.stdin.on('error', () => undefined)
    stdin.on('error', (error) => {
      stderr += `\ninput failed: ${String(error)}`
      child.kill('SIGTERM')
    })
    stdin.pipe(child.stdin)
  }
  const done = new Promise<ExecResult>((resolve, reject) => {
    child.on('error', (error) => reject(notFound(file, error)))
    child.on('close', (code, signal) => {
      const result = { exitCode: code ?? 128, stdout: '', stderr }
      if (code === 0) resolve(result)
      else reject(failed(argv, { ...result, stderr: stderr || `killed by ${signal ?? 'a signal'}` }))
    })
  })
  return { stdout: child.stdout!, done }
}

function processEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined))
}

function notFound(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const message = (error as Error | undefined)?.message ?? String(error)
  if (code === 'ENOENT' || /Unable to locate executable|ENOENT/.test(message)) {
    return new HandoffError(`"${file}" was not found on PATH; install it on the runner (or put it on PATH) and run again.`)
  }
  return error instanceof Error ? error : new Error(message)
}

function failed(argv: readonly string[], result: ExecResult): HandoffError {
  const last = result.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.exitCode}`
  return new HandoffError(`${argv.slice(0, 3).join(' ')} … failed: ${last}`)
}
