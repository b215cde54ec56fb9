/**
 * Jobs of the benchmark's emulated workflow runs. Every job sees the same runner path strings (RUNNER_TEMP,
 * GITHUB_WORKSPACE), emptied first, as hosted runners do (the cache hashes paths into an entry's version).
 * Each step is a child process like the runner's: wall seconds on the monotonic clock, CPU (user+sys of the
 * step and its waited children) and peak RSS from /usr/bin/time when present (else CPU from this process's
 * reaped-children counters and RSS unknown), plus the CPU the engine's process tree spent meanwhile, since
 * `docker save`/`load` do their work in dockerd, not in the CLI, and the CPU of this process (the stand-in
 * services, which share the machine's cores with the steps here but run on GitHub's machines for a runner).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inputEnv } from '../__tests__/support/action.js'
import type { Engine } from '../__tests__/support/engines.js'
import type { GitHubServices } from '../__tests__/support/github-services.js'

/** What a job (or a step) cost; `rss` in bytes; NaN where this machine cannot tell. */
export interface Cost {
  seconds: number
  cpu: number
  engineCpu: number
  /** CPU of this process meanwhile: the in-process stand-in services (GitHub's own machines, on a runner). */
  serviceCpu: number
  rss: number
}

export const noCost = (): Cost => ({ seconds: 0, cpu: 0, engineCpu: 0, serviceCpu: 0, rss: 0 })

const timeBin = '/usr/bin/time'
const hasTime = existsSync(timeBin)
const ticksPerSecond = 100

/** utime+stime+cutime+cstime of `pid` in clock ticks (only the reaped children's with `children`); 0 once gone. */
async function ownTicks(pid: number | 'self', children = false): Promise<number> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  if (text === '') return 0
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return (children ? [13, 14] : [11, 12, 13, 14]).reduce((sum, i) => sum + Number(fields[i] ?? 0), 0)
}

/** CPU ticks of a process tree: dockerd, its containerd and the layer appliers it re-execs. */
async function treeTicks(pid: number): Promise<number> {
  let ticks = await ownTicks(pid)
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const kids = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')
    for (const kid of kids.split(' ').filter(Boolean)) ticks += await treeTicks(Number(kid))
  }
  return ticks
}

/**
 * Writes back what earlier steps left in the page cache before a step starts. Otherwise the kernel flushes the
 * last load's 300 MB of layers during whichever step comes next: the floor, first in every round, once took 5.5 s
 * for a load that took 2.5-3.4 s in the same round's other scenarios.
 */
async function flushDirtyPages(): Promise<void> {
  await new Promise<void>((resolve) => execFile('sync', () => resolve()))
}

interface StepOutcome {
  exitCode: number
  stdout: string
  stderr: string
  cost: Cost
}

async function spawnStep(
  argv: string[],
  env: Record<string, string>,
  cwd: string,
  timeFile: string,
  engine: Engine
): Promise<StepOutcome> {
  const full = hasTime ? [timeBin, '-f', '%U %S %M', '-o', timeFile, ...argv] : argv
  const [childrenBefore, engineBefore] = [await ownTicks('self', true), await treeTicks(engine.pid)]
  const serviceBefore = process.cpuUsage()
  const start = process.hrtime.bigint()
  const done = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
    execFile(full[0]!, full.slice(1), { env, cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    )
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const service = process.cpuUsage(serviceBefore)
  const serviceCpu = (service.user + service.system) / 1e6
  const engineCpu = ((await treeTicks(engine.pid)) - engineBefore) / ticksPerSecond
  let cpu = ((await ownTicks('self', true)) - childrenBefore) / ticksPerSecond
  let rss = NaN
  if (hasTime) {
    // GNU time writes "Command exited with non-zero status N" before its format line when the step fails.
    const last = (await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').pop() ?? ''
    const [user, sys, kb] = last.split(' ').map(Number)
    cpu = (user ?? NaN) + (sys ?? NaN)
    rss = (kb ?? NaN) * 1024
  }
  return { ...done, cost: { seconds, cpu, engineCpu, serviceCpu, rss } }
}

/** The step's own words on why it failed: its ::error:: annotation, else the last error-looking line. */
function failure(what: string, step: StepOutcome): Error {
  const annotation = step.stdout
    .split('\n')
    .find((l) => l.startsWith('::error'))
    ?.replace(/^::error[^:]*::/, '')
  const lines = `${step.stderr}\n${step.stdout}`.trim().split('\n')
  const last = lines.filter((l) => /error|fail|denied|not found/i.test(l)).pop() ?? lines.pop()
  return new Error(
    `${what} failed (exit ${step.exitCode}): ${(annotation ?? last ?? 'no message').trim().slice(0, 160)}`
  )
}

export class Job {
  /** What the job's steps cost so far: seconds, CPU and engine CPU add up, RSS is the largest step's. */
  readonly cost = noCost()
  private steps = 0

  constructor(
    readonly engine: Engine,
    readonly temp: string,
    private readonly env: Record<string, string>,
    private readonly files: string
  ) {}

  /** The run this job belongs to, as its steps see it. */
  get scope(): { repository: string; runId: string } {
    return { repository: this.env.GITHUB_REPOSITORY ?? '', runId: this.env.GITHUB_RUN_ID ?? '' }
  }

  /** Runs one step; throws with the step's error when it exits non-zero. */
  async run(what: string, argv: string[], inputs: Record<string, string> = {}): Promise<void> {
    const n = ++this.steps
    const commands = { GITHUB_OUTPUT: `output-${n}`, GITHUB_STATE: `state-${n}`, GITHUB_STEP_SUMMARY: `summary-${n}` }
    const paths = Object.fromEntries(Object.entries(commands).map(([k, f]) => [k, join(this.files, f)]))
    await Promise.all(Object.values(paths).map((p) => writeFile(p, '')))
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      GITHUB_ACTIONS: 'true',
      // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile every step
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      ...paths,
      ...this.env,
      ...inputEnv(inputs)
    }
    await flushDirtyPages()
    const step = await spawnStep(argv, env, this.env.GITHUB_WORKSPACE!, join(this.files, `time-${n}`), this.engine)
    const logDir = process.env.BENCH_STEP_LOGS
    if (logDir) {
      const { seconds, cpu, rss } = step.cost
      const cost = `${seconds.toFixed(2)} s, ${cpu.toFixed(1)} CPU-s, peak RSS ${(rss / 1e6).toFixed(0)} MB`
      // The summary's phase times (export, upload, download, load) say where a step's seconds went.
      const phases = /<strong>Time:<\/strong>([^<]*)/.exec(await readFile(paths.GITHUB_STEP_SUMMARY!, 'utf8'))?.[1]
      const timed = phases ? `phases:${phases}\n` : ''
      await appendFile(join(logDir, 'steps.log'), `== ${what} (${cost})\n${step.stdout}${step.stderr}${timed}\n`)
    }
    if (step.exitCode !== 0) throw failure(what, step)
    this.cost.seconds += step.cost.seconds
    this.cost.cpu += step.cost.cpu
    this.cost.engineCpu += step.cost.engineCpu
    this.cost.serviceCpu += step.cost.serviceCpu
    this.cost.rss = Math.max(this.cost.rss, step.cost.rss)
  }
}

export interface RunScope {
  repository: string
  runId: number
}

/** A job named `name` of `run` on `engine`, its runner directories under `root` emptied first. */
export async function openJob(
  services: GitHubServices,
  engine: Engine,
  run: RunScope,
  name: string,
  root: string
): Promise<Job> {
  const base = join(root, 'runner')
  const paths = { workspace: join(base, 'work'), runnerTemp: join(base, 'temp') }
  const files = join(root, 'runner-files')
  await Promise.all([rm(base, { recursive: true, force: true }), rm(files, { recursive: true, force: true })])
  await Promise.all([paths.workspace, paths.runnerTemp, files].map((d) => mkdir(d, { recursive: true })))
  const env = { ...services.jobEnv({ ...run, job: name, ...paths }), DOCKER_HOST: engine.host }
  return new Job(engine, paths.runnerTemp, env, files)
}

export const measuresRss = hasTime
