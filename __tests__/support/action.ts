/**
 * Runs the bundled action the way the GitHub runner does: `node dist/main.js` (then `dist/post.js`) in a child
 * process, inputs as INPUT_<NAME> variables, outputs and state through the GITHUB_OUTPUT / GITHUB_STATE files,
 * the job summary in GITHUB_STEP_SUMMARY, and state handed to the post step as STATE_<name> variables.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface StepResult {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
}

export interface Job {
  /** Directory holding the runner files of this job (RUNNER_TEMP lives elsewhere if given in env). */
  dir: string
  env: Record<string, string>
  state: Record<string, string>
}

// npm scripts and jest run from the project root; the demo's bundled copy of this file lives elsewhere.
const root = process.env.IMAGE_HANDOFF_ROOT ?? process.cwd()

export async function newJob(env: Record<string, string> = {}): Promise<Job> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-job-'))
  const runnerTemp = env.RUNNER_TEMP ?? join(dir, 'runner-temp')
  await mkdir(runnerTemp, { recursive: true })
  return { dir, env: { RUNNER_TEMP: runnerTemp, ...env }, state: {} }
}

/** Parses the runner's file command format: `name=value` lines and `name<<DELIM` … `DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const body: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i]!)
      result[name!] = body.join('\n')
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return result
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]))
}

/** Runs one step ('main' or 'post') of the bundled action in `job`, with the given inputs. */
export async function runStep(job: Job, step: 'main' | 'post', inputs: Record<string, string>): Promise<StepResult> {
  const files = {
    output: join(job.dir, `${step}-output`),
    state: join(job.dir, `${step}-state`),
    summary: join(job.dir, `${step}-summary`)
  }
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')))
  const stateEnv = Object.fromEntries(Object.entries(job.state).map(([k, v]) => [`STATE_${k}`, v]))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    ...job.env,
    ...stateEnv,
    ...inputEnv(inputs)
  }
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>(
    (done) => {
      execFile(
        process.execPath,
        [join(root, 'dist', `${step}.js`)],
        { env, cwd: job.env.GITHUB_WORKSPACE ?? job.dir, maxBuffer: 32 * 1024 * 1024 },
        (error, out, err) =>
          done({ exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out, stderr: err })
      )
    }
  )
  const state = parseFileCommands(await readFile(files.state, 'utf8'))
  Object.assign(job.state, state)
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(files.output, 'utf8')),
    state,
    summary: await readFile(files.summary, 'utf8')
  }
}

/** The `::error::` / `::warning::` lines a step printed, for assertions on messages. */
export function annotations(result: StepResult, kind: 'error' | 'warning'): string[] {
  return result.stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind}`))
    .map((l) => l.replace(/^::[a-z]+[^:]*::/, ''))
}
