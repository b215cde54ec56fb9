/**
 * dist/ with `backend: artifact` in emulated workflow runs: matrix jobs racing for one artifact name, replacing
 * with `overwrite: true`, and a download from another run of another repository with a token.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { buildBusybox, type Engine } from '../support/engines.js'
import { imageId, imageNames, outcome, rows, runWho, succeeded, Workflow } from '../support/github-jobs.js'

let wf: Workflow
const matrix: { os: string; engine: Engine; id: string }[] = []

beforeAll(async () => {
  wf = await Workflow.start()
  for (const os of ['alpine', 'debian']) {
    const engine = await wf.engine()
    matrix.push({ os, engine, id: await buildBusybox(engine, `app:${os}`, [`RUN echo ${os} > /who`]) })
  }
})

afterAll(async () => {
  await wf?.stop()
})

/** Both matrix jobs of `runId` save at the same time, each from its own engine and runner paths. */
async function saveInParallel(runId: number, inputs: (os: string) => Record<string, string>) {
  const jobs = await Promise.all(matrix.map((m, i) => wf.job(`build-${m.os}`, m.engine, { runId }, i + 1)))
  return Promise.all(
    jobs.map((job, i) =>
      job.step('main', { mode: 'save', backend: 'artifact', images: 'app:*', ...inputs(matrix[i]!.os) })
    )
  )
}

async function loadFresh(runId: number, inputs: Record<string, string>) {
  const engine = await wf.engine()
  const result = await (
    await wf.job('test', engine, { runId })
  ).step('main', { mode: 'load', backend: 'artifact', ...inputs })
  return { engine, result }
}

describe('matrix jobs saving artifacts', () => {
  it('under one name: exactly one succeeds, the other fails saying to put the matrix values in the key', async () => {
    const results = await saveInParallel(10, () => ({ key: 'images' }))
    const codes = results.map((r) => r.exitCode).sort()
    expect(codes).toEqual([0, 1])
    const loser = results.find((r) => r.exitCode !== 0)!
    expect(outcome(loser).errors.join('\n')).toMatch(
      /An artifact named "images" already exists in this workflow run.*Put the matrix values in "key".*overwrite: true/
    )
    expect(
      wf.services.artifacts.artifacts.filter((a) => a.runId === 10 && a.name === 'images' && a.finalized)
    ).toHaveLength(1)

    const winner = matrix[results.findIndex((r) => r.exitCode === 0)]!
    const { engine, result } = await loadFresh(10, { key: 'images' })
    expect(outcome(result)).toEqual(succeeded)
    expect(await imageNames(engine)).toEqual([`app:${winner.os}`])
    expect(await imageId(engine, `app:${winner.os}`)).toBe(winner.id)
  })

  it('with the matrix values in the key, both store their own artifact', async () => {
    const results = await saveInParallel(11, (os) => ({ key: `images-${os}` }))
    expect(results.map(outcome)).toEqual([succeeded, succeeded])
    for (const m of matrix) {
      const { engine, result } = await loadFresh(11, { key: `images-${m.os}` })
      expect(result.outputs).toMatchObject({ hit: 'true', 'matched-key': `images-${m.os}` })
      expect(await imageNames(engine)).toEqual([`app:${m.os}`])
    }
  })

  it('with overwrite: true both succeed and one intact artifact remains', async () => {
    const results = await saveInParallel(12, () => ({ key: 'images', overwrite: 'true' }))
    expect(results.map(outcome)).toEqual([succeeded, succeeded])
    expect(wf.services.artifacts.artifacts.filter((a) => a.runId === 12 && a.name === 'images')).toHaveLength(1)
    const { engine, result } = await loadFresh(12, { key: 'images' })
    expect(outcome(result)).toEqual(succeeded)
    const [name] = await imageNames(engine)
    const saved = matrix.find((m) => `app:${m.os}` === name)
    expect(saved?.os).toBe(name?.replace(/^app:/, ''))
    expect(rows(result)).toEqual([expect.objectContaining({ name, id: saved!.id })])
    expect(await runWho(engine, name!)).toBe(saved!.os)
  })
})

describe('mode: auto with artifacts', () => {
  it('the first job of a run misses and its post step uploads; a later job hits and its post step uploads nothing', async () => {
    const [first, second] = matrix
    const inputs = { mode: 'auto', backend: 'artifact', key: 'auto-images' }
    const build = await wf.job('build', first!.engine, { runId: 40 })
    const miss = await build.step('main', inputs)
    expect(outcome(miss)).toEqual(succeeded)
    expect(miss.outputs).toMatchObject({ hit: 'false', 'matched-key': '' })
    // app:alpine was on the engine before the main step, so only the image the job creates is saved.
    const builtId = await buildBusybox(first!.engine, 'made:here', ['RUN echo made > /who'])
    const from = wf.services.requests.length
    expect(outcome(await build.step('post', inputs))).toEqual(succeeded)
    expect(wf.services.calls('FinalizeArtifact', from).map((r) => r.status)).toEqual([200])

    const engine = await wf.engine()
    const test = await wf.job('test', engine, { runId: 40 })
    const hit = await test.step('main', inputs)
    expect(outcome(hit)).toEqual(succeeded)
    expect(hit.outputs).toMatchObject({ hit: 'true', 'matched-key': 'auto-images' })
    expect(await imageNames(engine)).toEqual(['made:here'])
    expect(await imageId(engine, 'made:here')).toBe(builtId)
    await buildBusybox(engine, `later:${second!.os}`)
    const after = wf.services.requests.length
    const post = await test.step('post', inputs)
    expect(outcome(post)).toEqual(succeeded)
    expect(wf.services.requests.slice(after)).toEqual([])
  })
})

describe('artifacts from another run', () => {
  it('loads an artifact of another repository and run with github-token, run-id and repository', async () => {
    const [source] = matrix
    const build = await wf.job('release', source!.engine, { repository: 'octo/base', runId: 77 })
    expect(
      outcome(await build.step('main', { mode: 'save', backend: 'artifact', key: 'base-images', images: 'app:alpine' }))
    ).toEqual(succeeded)

    // Without a token the name is looked up in this run only, where it does not exist.
    const here = await loadFresh(30, { key: 'base-images' })
    expect(here.result.exitCode).toBe(1)
    expect(outcome(here.result).errors.join('\n')).toMatch(/No entry found in artifact for "base-images"/)
    expect(here.result.outputs.hit).toBe('false')
    expect(await imageNames(here.engine)).toEqual([])

    const from = wf.services.requests.length
    const { engine, result } = await loadFresh(30, {
      key: 'base-images',
      'github-token': 'ghs_stand-in',
      'run-id': '77',
      repository: 'octo/base'
    })
    expect(outcome(result)).toEqual(succeeded)
    expect(result.outputs).toMatchObject({ hit: 'true', 'matched-key': 'base-images' })
    expect(wf.services.calls('rest:list', from)).toEqual([
      expect.objectContaining({ repository: 'octo/base', runId: 77, status: 200 })
    ])
    expect(wf.services.calls('rest:zip', from).map((r) => r.status)).toEqual([302])
    // Read in ranges from the URL the redirect names, as a same-run load reads: never the whole pack at once.
    const reads = wf.services.calls('blob:get', from)
    expect(reads.length).toBeGreaterThan(2)
    expect(reads.every((r) => r.range !== undefined)).toBe(true)
    expect(await imageId(engine, 'app:alpine')).toBe(source!.id)
    expect(await runWho(engine, 'app:alpine')).toBe('alpine')
  })
})
