import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'
import { getExecOutput } from '@actions/exec'
import { HandoffError } from '../errors.js'
import { engineGives, engineTakes, meter, stallError, watchProgress } from './stall.js'

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

/** The no-progress watchdog of a streaming tool: `ms` 0 turns it off; `what` names the work in the message. */
export interface StallOptions {
  ms: number
  what: string
}

/**
 * Starts `argv` with `stdin` piped in (when given) and stdout as a stream; stderr is collected for errors.
 * With `stall`, a tool that moves no byte and prints nothing for that long is killed and `done` says why.
 */
export function spawnStreaming(
  argv: readonly string[],
  stdin?: Readable,
  env?: Record<string, string>,
  stall?: StallOptions
): StreamingProcess {
  const [file, ...args] = argv
  if (file === undefined) throw new Error('spawnStreaming: empty argv')
  const child = spawn(file, args, {
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    ...(env ? { env: { ...processEnv(), ...env } } : {})
  })
  const { stdout: childOut, stderr: childErr } = child
  if (childOut === null || childErr === null) throw new Error('spawnStreaming: stdout and stderr are not pipes')
  const toTool = meter(() => watch.touch())
  const fromTool = meter(() => watch.touch())
  let stalled: HandoffError | undefined
  let giveUp: (error: HandoffError) => void = () => undefined
  // An import waits on the tool while it holds bytes the tool has not taken; an export while its reader waits.
  const watch = watchProgress(stall?.ms ?? 0, stdin ? engineTakes(toTool) : engineGives(fromTool), () => {
    stalled = stallError(stall?.what ?? argv.slice(0, 3).join(' '), stall?.ms ?? 0)
    child.kill('SIGKILL')
    // Not waiting for the pipes to close (a process the tool started may hold them open): `done` says why.
    giveUp(stalled)
    fromTool.destroy()
    toTool.destroy()
  })
  let stderr = ''
  childErr.setEncoding('utf8').on('data', (chunk: string) => {
    watch.touch()
    stderr = (stderr + chunk).slice(-64 * 1024)
  })
  if (stdin && child.stdin) {
    // A tool that exits early closes its stdin: that is reported through its exit status, not as EPIPE.
    child.stdin.on('error', () => undefined)
    stdin.on('error', (error) => {
      stderr += `\ninput failed: ${String(error)}`
      child.kill('SIGTERM')
    })
    stdin.pipe(toTool).pipe(child.stdin)
  }
  childOut.pipe(fromTool)
  const done = new Promise<ExecResult>((resolve, reject) => {
    giveUp = reject
    child.on('error', (error) => reject(notFound(file, error)))
    child.on('close', (code, signal) => {
      watch.stop()
      const result = { exitCode: code ?? 128, stdout: '', stderr }
      if (stalled !== undefined) reject(stalled)
      else if (code === 0) resolve(result)
      else reject(failed(argv, { ...result, stderr: stderr || killedBy(signal) }))
    })
  })
  return { stdout: fromTool, done }
}

/** A tool that died on a signal without a word: the likely reasons, and what to do. */
function killedBy(signal: NodeJS.Signals | null): string {
  return `it was killed by ${signal ?? 'a signal'} without an error message (out of memory, or stopped from outside); check the runner's memory and run again`
}

function processEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined))
}

function notFound(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const message = (error as Error | undefined)?.message ?? String(error)
  if (code === 'ENOENT' || /Unable to locate executable|ENOENT/.test(message)) {
    return new HandoffError(
      `"${file}" was not found on PATH; install it on the runner (or put it on PATH) and run again.`
    )
  }
  return error instanceof Error ? error : new Error(message)
}

function failed(argv: readonly string[], result: ExecResult): HandoffError {
  const last = result.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.exitCode}`
  return new HandoffError(`${argv.slice(0, 3).join(' ')} … failed: ${last}`)
}
