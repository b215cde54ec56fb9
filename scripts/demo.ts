/**
 * A demo handoff on the local backend, run the way the GitHub runner runs the action (dist/main.js as a
 * child process, INPUT_* variables, GITHUB_OUTPUT): build two images sharing a base layer, save them,
 * remove them, load them back with a retag, and run a container from the retagged image.
 * Uses the Docker engine at DOCKER_HOST (or the default socket) when one answers, else starts a private one.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildBusybox, docker, startDockerd, type Engine } from '../__tests__/support/engines.js'
import { newJob, runStep, type Job, type StepResult } from '../__tests__/support/action.js'

const execFileP = promisify(execFile)
const say = (text: string): void => console.log(`\n\u001b[1m== ${text}\u001b[0m`)

/** The engine at DOCKER_HOST (or the default socket) when one answers; otherwise why not. */
async function reachableEngine(host: string): Promise<Engine | string> {
  try {
    await execFileP('docker', ['-H', host, 'version', '--format', '{{.Server.Version}}'], { timeout: 5000 })
    return { dir: '', socket: host.replace(/^unix:\/\//, ''), host, pid: 0, log: '', stop: async () => undefined }
  } catch (error) {
    const e = error as { code?: string; stderr?: string }
    if (e.code === 'ENOENT') return 'the docker command is not installed'
    return (e.stderr ?? String(error)).trim().split('\n').pop() ?? 'no answer'
  }
}

/** Runs one step in a fresh job folder and removes the folder afterwards. */
async function inJob(env: Record<string, string>, inputs: Record<string, string>): Promise<StepResult> {
  const job: Job = await newJob(env)
  try {
    return await runStep(job, 'main', inputs)
  } finally {
    await rm(job.dir, { recursive: true, force: true })
  }
}

function show(step: StepResult): void {
  const lines = step.stdout.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('::debug'))
  console.log(lines.map((l) => `   | ${l}`).join('\n'))
  if (step.exitCode !== 0) throw new Error(`the action failed (exit ${step.exitCode}):\n${step.stderr}`)
  console.log(`   outputs: ${JSON.stringify(step.outputs, null, 1).replace(/\n\s*/g, ' ')}`)
  const summary = step.summary.trim()
  console.log(
    summary === ''
      ? '   job summary: (empty)'
      : `   job summary (GITHUB_STEP_SUMMARY, Markdown):\n${summary
          .split('\n')
          .map((l) => `   > ${l}`)
          .join('\n')}`
  )
}

async function main(): Promise<void> {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'
  const found = await reachableEngine(host)
  const uid = process.getuid?.() ?? 0
  // Starting a private dockerd needs root; say so now rather than after waiting for one that cannot start.
  if (typeof found === 'string' && uid !== 0) {
    throw new Error(
      `no Docker engine answers at ${host} (${found}), and starting a private dockerd needs root (this is uid ${uid}). ` +
        'Start Docker and make its socket yours (or set DOCKER_HOST to an engine you can use, e.g. rootless ' +
        `Docker's unix:///run/user/${uid}/docker.sock), or run the demo as root.`
    )
  }
  await execFileP('bash', ['scripts/install-engines.sh']).catch((error: { stderr?: string }) => {
    throw new Error(`engine packages are missing and could not be installed: ${error.stderr ?? String(error)}`)
  })
  let engine: Engine
  if (typeof found !== 'string') {
    engine = found
    say(`Using the Docker engine at ${engine.host}`)
  } else {
    say('No Docker engine answers: starting a private dockerd (own socket and data root)')
    engine = await startDockerd()
    console.log(`   dockerd pid ${engine.pid}, socket ${engine.socket}`)
  }
  const store = await mkdtemp(join(tmpdir(), 'ih-demo-store-'))
  try {
    say('Building demo/app:1 and demo/tool:1 (FROM scratch + busybox, sharing the base layer)')
    const appId = await buildBusybox(engine, 'demo/app:1', ['RUN echo "hello from demo/app" > /msg'])
    await buildBusybox(engine, 'demo/tool:1', ['RUN echo tool > /tool'])
    console.log(`   demo/app:1 is ${appId}`)

    const env = { DOCKER_HOST: engine.host }
    const key = `demo-${Date.now()}`
    say(`Job 1: save demo/* to the local backend (${store}) under key ${key}`)
    show(await inJob(env, { mode: 'save', backend: 'local', path: store, key, images: 'demo/*' }))

    say('Removing both images from the engine')
    await docker(engine, ['rmi', 'demo/app:1', 'demo/tool:1'])
    console.log(
      `   left: ${(await docker(engine, ['images', '--format', '{{.Repository}}:{{.Tag}}'])) || '(no images)'}`
    )

    say('Job 2: load them back, retagging demo/app:1 as registry.example/demo/app:tested')
    show(
      await inJob(env, {
        mode: 'load',
        backend: 'local',
        path: store,
        key,
        tags: 'demo/app:1=registry.example/demo/app:tested'
      })
    )

    say('Running a container from the retagged image')
    const out = await docker(engine, [
      'run',
      '--rm',
      '--network',
      'none',
      'registry.example/demo/app:tested',
      'cat',
      '/msg'
    ])
    console.log(`   container says: ${out}`)
    const id = await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', 'registry.example/demo/app:tested'])
    console.log(
      `   registry.example/demo/app:tested is ${id} (${id === appId ? 'the same image ID as built' : 'A DIFFERENT ID'})`
    )
    if (id !== appId || out !== 'hello from demo/app') throw new Error('the handoff did not round-trip')
    say('Demo done: saved, removed, loaded, retagged and ran.')
  } finally {
    await rm(store, { recursive: true, force: true })
    await engine.stop()
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
