/**
 * Jobs of emulated workflow runs for the end-to-end tests against the stand-in GitHub services: each job gets
 * its own private dockerd and the runner's environment, and every job sees the SAME RUNNER_TEMP and
 * GITHUB_WORKSPACE path strings (as hosted runners do; the cache hashes them into an entry's version), emptied
 * before each job so that nothing a job reads can come from disk instead of through the services.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { docker, startDockerd, type Engine } from './engines.js'
import { annotations, newJob, runStep, type StepResult } from './action.js'
import { GitHubServices } from './github-services.js'

export interface Run {
  repository?: string
  runId?: number
}

export interface GitHubJob {
  engine: Engine
  runnerTemp: string
  /** Runs the main or post step of dist/ in this job. */
  step(step: 'main' | 'post', inputs: Record<string, string>): Promise<StepResult>
}

export class Workflow {
  private readonly engines: Engine[] = []

  private constructor(
    readonly services: GitHubServices,
    readonly root: string
  ) {}

  static async start(): Promise<Workflow> {
    return new Workflow(await GitHubServices.start(), await mkdtemp(join(tmpdir(), 'ih-gh-e2e-')))
  }

  async stop(): Promise<void> {
    await Promise.all(this.engines.map((e) => e.stop()))
    await this.services.stop()
    await rm(this.root, { recursive: true, force: true })
  }

  /** A fresh engine with no images. */
  async engine(): Promise<Engine> {
    const engine = await startDockerd()
    this.engines.push(engine)
    return engine
  }

  /**
   * A job of `run` named `name` on `engine`. `slot` picks the runner paths: jobs that run one after the other
   * share slot 0 (same path strings, emptied first); jobs that run at the same time need distinct slots.
   */
  async job(name: string, engine: Engine, run: Run = {}, slot = 0): Promise<GitHubJob> {
    const base = join(this.root, slot === 0 ? 'runner' : `runner-${slot}`)
    const paths = { workspace: join(base, 'work'), runnerTemp: join(base, 'temp') }
    await rm(base, { recursive: true, force: true })
    await Promise.all([mkdir(paths.workspace, { recursive: true }), mkdir(paths.runnerTemp, { recursive: true })])
    const env = { ...this.services.jobEnv({ ...run, job: name, ...paths }), DOCKER_HOST: engine.host }
    const job = await newJob(env)
    return { engine, runnerTemp: paths.runnerTemp, step: (step, inputs) => runStep(job, step, inputs) }
  }
}

/** The tagged images of an engine, `name:tag`, sorted. */
export async function imageNames(engine: Engine): Promise<string[]> {
  const out = await docker(engine, ['images', '--format', '{{.Repository}}:{{.Tag}}'])
  return out
    .split('\n')
    .filter((l) => l !== '' && !l.includes('<none>'))
    .sort()
}

export async function imageId(engine: Engine, ref: string): Promise<string> {
  return docker(engine, ['image', 'inspect', '--format', '{{.Id}}', ref])
}

/** What a container of `ref` prints for `cat /who`: the proof an image loaded runs. */
export async function runWho(engine: Engine, ref: string): Promise<string> {
  return docker(engine, ['run', '--rm', '--network', 'none', ref, 'cat', '/who'])
}

export interface Row {
  name: string
  id: string
  size: number
}

export function rows(result: StepResult): Row[] {
  return JSON.parse(result.outputs.images ?? '[]') as Row[]
}

/** A step's error annotations then exit code, so a failing assertion shows why the step failed. */
export function outcome(result: StepResult): { errors: string[]; exitCode: number } {
  return { errors: annotations(result, 'error'), exitCode: result.exitCode }
}

export const succeeded = { errors: [], exitCode: 0 }
