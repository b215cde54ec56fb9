/**
 * The bundled action (dist/) against hostile text and broken surroundings, on a real private dockerd:
 * keys, inputs and archive names carrying workflow commands, a token that must never show, inputs that do not
 * apply, an engine that cannot be reached in mode: auto, and a store path that is a file or a full disk.
 * Every log line, output, state and summary is searched for what must not be there.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { storeArchiveFile } from '../support/store-entry.js'
import { annotations, newJob, runStep, type StepResult } from '../support/action.js'
import { legacyFiles, makeTar } from '../support/archive-fixtures.js'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'
import { faultTable } from '../support/fault-table.js'

const record = faultTable('action')
const execFileP = promisify(execFile)
const token = 'ghs_HostileTestToken0123456789abcdef'
const injections = [
  '::error title=pwned::injected',
  '::set-output name=hit::injected',
  '::add-mask::injected',
  '::stop-commands::injected',
  '##[error]injected'
]
// The local store keeps keys as file names: what fits, the rest of the attack goes through other inputs.
const hostileKey =
  'k1\n::error title=pwned::injected\n::add-mask::injected\n##[error]injected\n<script>x</script>*b*@octocat'

let engine: Engine
let store: string

beforeAll(async () => {
  engine = await startDockerd()
  store = await mkdtemp(join(tmpdir(), 'ih-store-'))
  await buildBusybox(engine, 'app:ci', ['RUN echo app > /who'])
})

afterAll(async () => {
  await engine?.stop()
  await rm(store, { recursive: true, force: true })
})

const step = async (
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  which: 'main' | 'post' = 'main'
): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: engine.host, ...env }), which, { backend: 'local', path: store, ...inputs })

/** Every workflow command a step printed: a line whose start (after blanks) is `::`, or any line holding `##[`. */
function commands(result: StepResult): string[] {
  return [...result.stdout.split('\n'), ...result.stderr.split('\n')].filter(
    (l) => /^\s*::/.test(l) || l.includes('##[')
  )
}

/** The contract: only the action's own commands, each whole on its line, the token nowhere but in add-mask. */
function expectNeutralised(result: StepResult): void {
  for (const line of commands(result)) {
    const name = /^\s*::([a-z-]+)/.exec(line)?.[1]
    expect(['error', 'warning', 'debug', 'group', 'endgroup', 'add-mask']).toContain(name)
    if (name === 'add-mask') expect(line).toBe(`::add-mask::${token}`)
    else expect(line).not.toContain('injected\n')
  }
  expect(
    commands(result).filter((l) => /^\s*::(set-output|stop-commands|add-mask::injected|error title=pwned)/.test(l))
  ).toEqual([])
  const everywhere = [
    result.stdout.replace(`::add-mask::${token}`, ''),
    result.stderr,
    JSON.stringify(result.outputs),
    JSON.stringify(result.state),
    result.summary
  ]
  for (const text of everywhere) expect(text).not.toContain(token)
  expect(Object.keys(result.outputs).every((k) => ['hit', 'matched-key', 'images', 'dropped-names'].includes(k))).toBe(
    true
  )
  expect(result.summary).not.toMatch(/<script|<\/?(b|a|img)\b|\[link\]\(/)
}

describe('hostile text reaches no runner command, the token no log', () => {
  it('a key carrying workflow commands, with a token given: saved and loaded, nothing injected', async () => {
    const saved = await step({ mode: 'save', key: hostileKey, images: 'app:ci', 'github-token': token })
    record({
      case: 'workflow commands in the key',
      done: 'key with newlines followed by ::error, ::add-mask, ##[error], HTML, Markdown and a mention; restore-keys and images with ::set-output, ::stop-commands…; a github-token given',
      outcome: `exit ${saved.exitCode}; ${commands(saved).length} command lines, all the action's own; token only in add-mask ${annotations(saved, 'error').join(' ')}`
    })
    expect(saved.exitCode).toBe(0)
    expectNeutralised(saved)
    expect(saved.stdout).toContain(
      'under key "k1%0A::error title=pwned::injected%0A::add-mask::injected%0A##%5Berror]injected'
    )
    expect(annotations(saved, 'warning').join('\n')).toContain('"github-token" applies only to backend: artifact')
    expect(saved.summary).toContain('&lt;script&gt;')

    const loaded = await step({ mode: 'load', key: hostileKey, 'github-token': token, tags: `app:ci=app:loaded` })
    expect(annotations(loaded, 'error')).toEqual([])
    expect(loaded.exitCode).toBe(0)
    expect(loaded.outputs['hit']).toBe('true')
    expectNeutralised(loaded)

    // Restore keys and image patterns are echoed back too, on a miss and in a failure.
    const missed = await step({
      mode: 'auto',
      key: 'nothing-here',
      'restore-keys': injections.map((i) => `x\n${i}`).join('\n'),
      'github-token': token
    })
    expectNeutralised(missed)
    const failed = await step({
      mode: 'save',
      key: 'unmatched',
      images: `nomatch:1\n${injections.join('\n')}`,
      'github-token': token
    })
    expect(failed.exitCode).not.toBe(0)
    expectNeutralised(failed)
  })

  it('names inside an archive carrying workflow commands: reported in a warning, never executed', async () => {
    const files = await legacyFiles([{ names: ['good:1'], layers: ['one'] }])
    const manifest = files.find((f) => f.name === 'manifest.json')!
    const entries = JSON.parse(String(manifest.body)) as Array<{ RepoTags: string[] }>
    entries[0]!.RepoTags = ['good:1', ...injections.map((i) => `bad:1\n${i}`)]
    const tar = await makeTar(files.map((f) => (f === manifest ? { name: f.name, body: JSON.stringify(entries) } : f)))
    // Stored as a save stores an engine's export, in whatever format the store keeps.
    const archive = join(store, 'archive-names.tar')
    await writeFile(archive, tar)
    await storeArchiveFile(store, 'archive-names', archive)
    await rm(archive)
    const loaded = await step({ mode: 'load', key: 'archive-names', 'github-token': token })
    const warned = annotations(loaded, 'warning').join('\n')
    record({
      case: 'workflow commands in archive names',
      done: 'RepoTags "bad:1\\n::error…", "bad:1\\n::set-output…" … in a stored archive',
      outcome: `exit ${loaded.exitCode}; warning: ${warned.slice(0, 300)}`
    })
    expectNeutralised(loaded)
    expect(loaded.exitCode).toBe(0)
    expect(warned).toContain('image good:1 was loaded without the names "bad:1\\n::error title=pwned::injected"')
    // …and in the dropped-names output, for a later step to act on.
    const dropped = JSON.parse(loaded.outputs['dropped-names'] ?? '[]') as Array<{ image: string; names: string[] }>
    expect(dropped).toEqual([{ image: 'good:1', names: injections.map((i) => `bad:1\n${i}`) }])
    expect(await docker(engine, ['images', '-q', 'good:1'])).not.toBe('')
  })
})

describe('inputs that do not apply, and an engine out of reach', () => {
  it('retention-days: 0 and overwrite with backend: local are ignored with a warning', async () => {
    const saved = await step({
      mode: 'save',
      key: 'retention',
      images: 'app:ci',
      'retention-days': '0',
      overwrite: 'true'
    })
    record({
      case: 'artifact inputs with backend: local',
      done: 'retention-days: 0, overwrite: true on a local save',
      outcome: `exit ${saved.exitCode}; warning: ${annotations(saved, 'warning').join(' ')}`
    })
    expect(saved.exitCode).toBe(0)
    expect(annotations(saved, 'warning')).toContain(
      'Inputs "retention-days", "overwrite" apply only to backend: artifact; ignored with backend: local.'
    )
  })

  it('mode: auto without a reachable engine warns and misses; the post step tries again', async () => {
    const job = await newJob({ DOCKER_HOST: `unix://${join(store, 'no-such.sock')}` })
    const main = await runStep(job, 'main', { mode: 'auto', backend: 'local', path: store, key: 'auto-key' })
    record({
      case: 'engine unreachable in mode: auto',
      done: 'DOCKER_HOST pointing at a socket that does not exist',
      outcome: `exit ${main.exitCode}; hit=${main.outputs['hit']}; warning: ${annotations(main, 'warning').join(' ')}`
    })
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({ hit: 'false', 'matched-key': '', images: '[]' })
    expect(annotations(main, 'warning').join('\n')).toMatch(
      /Could not reach the container engine, continuing as a cache miss/
    )
    const post = await runStep(job, 'post', { mode: 'auto', backend: 'local', path: store, key: 'auto-key' })
    expect(post.exitCode).toBe(0)
    expect(annotations(post, 'warning').join('\n')).toMatch(/Saving images in the post step failed: .*docker/i)
  })
})

describe('storage paths that cannot hold an entry', () => {
  it('a path below a file says so in words (ENOTDIR)', async () => {
    const file = join(store, 'plain-file')
    await writeFile(file, 'x')
    const saved = await step({ mode: 'save', key: 'notdir', images: 'app:ci', path: join(file, 'sub') })
    const said = annotations(saved, 'error').join(' ')
    record({
      case: 'store path below a file',
      done: 'path: <a regular file>/sub',
      outcome: `exit ${saved.exitCode}; ${said}`
    })
    expect(saved.exitCode).not.toBe(0)
    expect(said).toMatch(/a part of that path is a file, not a directory; point "path" at a directory .*\(ENOTDIR/)
  })

  it('a full disk says so in words (ENOSPC)', async () => {
    const small = await mkdtemp(join(tmpdir(), 'ih-full-'))
    await execFileP('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small])
    try {
      await buildBusybox(engine, 'big:1', ['RUN head -c 8m /dev/urandom > /r'])
      const saved = await step({ mode: 'save', key: 'full', images: 'big:1', path: join(small, 'store') })
      const said = annotations(saved, 'error').join(' ')
      record({
        case: 'disk full while saving',
        done: 'path on a 1 MiB tmpfs, an 8 MiB incompressible image',
        outcome: `exit ${saved.exitCode}; ${said}`
      })
      expect(saved.exitCode).not.toBe(0)
      expect(said).toMatch(/the disk is full: no space left on the device while writing .*free disk space .*\(ENOSPC/)
    } finally {
      await execFileP('umount', ['-l', small]).catch(() => undefined)
      await rm(small, { recursive: true, force: true })
      await mkdir(small).catch(() => undefined)
      await rm(small, { recursive: true, force: true })
    }
  })
})
