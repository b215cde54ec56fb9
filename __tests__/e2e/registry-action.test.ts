/**
 * The bundled action (dist/) with backend: registry, run as the runner runs it, against the CNCF distribution
 * registry behind token auth (github-token as ghcr.io takes it: the actor and the token) and a private dockerd:
 * save → remove → load, a restore-key match, `mode: auto` with its post step, the token masked, and clear
 * failures for refused credentials and a missing registry input.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'
import { annotations, newJob, runStep } from '../support/action.js'
import { freePort, startRegistry, type TestRegistry } from '../support/registry.js'

const actor = { username: 'octocat', password: 'ghs_fakeTokenForTheTestRegistry' }

describe('backend: registry through dist/', () => {
  let engine: Engine
  let registry: TestRegistry
  let appId: string

  const step = async (
    inputs: Record<string, string>,
    stepName: 'main' | 'post' = 'main',
    job?: Awaited<ReturnType<typeof newJob>>
  ) =>
    runStep(job ?? (await newJob({ DOCKER_HOST: engine.host, GITHUB_ACTOR: actor.username })), stepName, {
      backend: 'registry',
      registry: `${registry.host}/org/handoff`,
      'github-token': actor.password,
      ...inputs
    })

  beforeAll(async () => {
    ;[engine, registry] = await Promise.all([startDockerd(), startRegistry({ auth: actor })])
    appId = await buildBusybox(engine, 'app:ci', ['RUN echo app > /who'])
  })
  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop()])
  })

  it('saves, and loads into an engine that lost the image, exactly and by a restore key', async () => {
    const saved = await step({ mode: 'save', key: 'app-1', images: 'app:ci' })
    expect(annotations(saved, 'error')).toEqual([])
    expect(saved.exitCode).toBe(0)
    expect(JSON.parse(saved.outputs.images ?? '[]')).toEqual([{ name: 'app:ci', id: appId, size: expect.any(Number) }])
    // The runner masks what add-mask names; the token appears nowhere else.
    expect(saved.stdout).toContain(`::add-mask::${actor.password}`)
    expect(saved.stdout.replace(`::add-mask::${actor.password}`, '')).not.toContain(actor.password)
    expect(registry.tokenRequests.every((r) => r.user === 'octocat' && r.granted)).toBe(true)
    expect(saved.summary).toContain('registry')

    await docker(engine, ['rmi', 'app:ci'])
    const loaded = await step({ mode: 'load', key: 'app-1' })
    expect(loaded.exitCode).toBe(0)
    expect(loaded.outputs).toMatchObject({ hit: 'true', 'matched-key': 'app-1' })
    expect(await docker(engine, ['run', '--rm', 'app:ci', 'cat', '/who'])).toBe('app')

    const fallback = await step({ mode: 'load', key: 'app-2', 'restore-keys': 'app-' })
    expect(fallback.outputs).toMatchObject({ hit: 'false', 'matched-key': 'app-1' })
  })

  it('mode: auto misses, the post step saves what the job built, and the next job hits', async () => {
    const job = await newJob({ DOCKER_HOST: engine.host, GITHUB_ACTOR: actor.username })
    const first = await step({ mode: 'auto', key: 'auto-1', images: 'built:*' }, 'main', job)
    expect(first.outputs).toMatchObject({ hit: 'false' })
    const builtId = await buildBusybox(engine, 'built:1', ['RUN echo built > /who'])
    const post = await step({ mode: 'auto', key: 'auto-1', images: 'built:*' }, 'post', job)
    expect(annotations(post, 'warning')).toEqual([])
    expect(post.stdout).toMatch(/Saved built:1/)
    await docker(engine, ['rmi', 'built:1'])
    const next = await step({ mode: 'auto', key: 'auto-1', images: 'built:*' })
    expect(next.outputs).toMatchObject({ hit: 'true' })
    expect(await docker(engine, ['image', 'inspect', '--format', '{{.Id}}', 'built:1'])).toBe(builtId)
  })

  it('mode: auto with the registry down warns and misses instead of failing the job', async () => {
    const port = await freePort()
    const down = await step({ mode: 'auto', key: 'down-1', images: 'app:*', registry: `127.0.0.1:${port}/org/handoff` })
    expect(down.exitCode).toBe(0)
    expect(down.outputs).toMatchObject({ hit: 'false' })
    expect(annotations(down, 'warning').join('\n')).toMatch(
      /continuing as a cache miss.*Could not reach the registry.*ECONNREFUSED/s
    )
  })

  it('fails clearly on refused credentials and on a missing registry input, storing nothing', async () => {
    const refused = await step({ mode: 'save', key: 'refused', images: 'app:ci', 'github-token': 'wrong' })
    expect(refused.exitCode).not.toBe(0)
    expect(annotations(refused, 'error').join('\n')).toMatch(/credentials were refused/)
    const pushed = (await registry.requests()).filter((r) => r.method === 'PUT' && r.uri.includes('/manifests/refused'))
    expect(pushed).toEqual([])
    const missing = await step({ mode: 'load', key: 'x', registry: '' })
    expect(annotations(missing, 'error').join('\n')).toMatch(/"registry" is required with backend: registry/)
  })
})
