/**
 * The bundled CLI (dist/cli.js) run as a user runs it, outside GitHub Actions: save from a private dockerd into
 * the CNCF distribution registry behind token auth (the password from IMAGE_HANDOFF_REGISTRY_PASSWORD), list,
 * load into a standalone containerd by a restore key; the same through a directory; rm; and its exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBusybox, ctr, docker, startContainerd, startDockerd, type Engine } from '../support/engines.js'
import { startRegistry, type TestRegistry } from '../support/registry.js'

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/cli.js', ...args],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      }
    )
  })
}

const user = { username: 'laptop', password: 'pa55-word' }

describe('image-handoff CLI', () => {
  let source: Engine
  let target: Engine
  let registry: TestRegistry
  let dir: string
  let appId: string
  const namespace = 'cli-test'
  const registryFlags = () => ['--registry', `${registry.host}/team/cli`, '--registry-username', user.username]
  const secret = { IMAGE_HANDOFF_REGISTRY_PASSWORD: user.password }

  beforeAll(async () => {
    ;[source, target, registry] = await Promise.all([startDockerd(), startContainerd(), startRegistry({ auth: user })])
    dir = await mkdtemp(join(tmpdir(), 'ih-cli-'))
    appId = await buildBusybox(source, 'cli/app:1', ['RUN echo cli > /who'])
  })

  afterAll(async () => {
    await Promise.all([source?.stop(), target?.stop(), registry?.stop()])
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('saves from Docker into a registry, lists it, and loads it into containerd by a restore key', async () => {
    const saved = await cli(['save', '--key', 'cli-1', '--images', 'cli/*', '--json', ...registryFlags()], {
      DOCKER_HOST: source.host,
      ...secret
    })
    expect(saved.stderr).toContain('Saved cli/app:1')
    expect(saved.code).toBe(0)
    expect(JSON.parse(saved.stdout)).toEqual({
      saved: true,
      key: 'cli-1',
      images: [{ name: 'cli/app:1', id: appId, size: expect.any(Number) }]
    })
    expect(saved.stderr).not.toContain(user.password)

    const listed = await cli(['ls', ...registryFlags()], secret)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/^\d{4}-\d\d-\d\dT\S+ {2}cli-1\n$/)

    const loaded = await cli(
      [
        'load',
        '--key',
        'cli-2',
        '--restore-keys',
        'cli-',
        '--runtime',
        'containerd',
        '--containerd-address',
        target.socket,
        '--containerd-namespace',
        namespace,
        '--tags',
        'cli/app:1=cli/app:loaded',
        '--json',
        ...registryFlags()
      ],
      secret
    )
    expect(loaded.stderr).toContain('restore key match')
    expect(loaded.code).toBe(0)
    expect(JSON.parse(loaded.stdout)).toMatchObject({ hit: false, 'matched-key': 'cli-1' })
    const names = await ctr(target, namespace, ['images', 'ls', '-q'])
    expect(names.split('\n')).toEqual(expect.arrayContaining(['docker.io/cli/app:1', 'docker.io/cli/app:loaded']))
  })

  it('round-trips through a directory, back into Docker', async () => {
    const saved = await cli(['save', '--path', dir, '--key', 'dir-1', '--images', 'cli/app:1'], {
      DOCKER_HOST: source.host
    })
    expect(saved.code).toBe(0)
    await docker(source, ['rmi', 'cli/app:1'])
    const loaded = await cli(['load', '--path', dir, '--key', 'dir-1'], { DOCKER_HOST: source.host })
    expect(loaded.code).toBe(0)
    expect(await docker(source, ['image', 'inspect', '--format', '{{.Id}}', 'cli/app:1'])).toBe(appId)
    expect(await docker(source, ['run', '--rm', 'cli/app:1', 'cat', '/who'])).toBe('cli')
  })

  it('removes an entry from the registry and from a directory, and exits 3 when there is none', async () => {
    const removed = await cli(['rm', '--key', 'cli-1', ...registryFlags()], secret)
    expect(removed.code).toBe(0)
    expect(removed.stderr).toContain('Removed entry "cli-1"')
    expect((await cli(['ls', ...registryFlags()], secret)).stdout).toBe('')
    expect((await cli(['rm', '--key', 'cli-1', ...registryFlags()], secret)).code).toBe(3)
    expect((await cli(['rm', '--path', dir, '--key', 'dir-1'])).code).toBe(0)
    const gone = await cli(['load', '--path', dir, '--key', 'dir-1'], { DOCKER_HOST: source.host })
    expect(gone.code).toBe(3)
  })

  it('prunes all but the newest entries under a prefix, in a registry and in a directory', async () => {
    const engine = { DOCKER_HOST: source.host, ...secret }
    for (const key of ['old-1', 'old-2', 'old-3', 'other-1'])
      expect((await cli(['save', '--key', key, '--images', 'cli/app:1', ...registryFlags()], engine)).code).toBe(0)
    const pruned = await cli(['prune', '--prefix', 'old-', '--keep', '1', '--json', ...registryFlags()], secret)
    expect(pruned.code).toBe(0)
    expect(JSON.parse(pruned.stdout)).toEqual({ removed: ['old-2', 'old-1'] })
    const left = (await cli(['ls', ...registryFlags()], secret)).stdout.split('\n').filter(Boolean)
    expect(left.map((line) => line.split('  ')[1]).sort()).toEqual(['old-3', 'other-1'])

    for (const key of ['d-1', 'd-2', 'd-3'])
      expect((await cli(['save', '--path', dir, '--key', key, '--images', 'cli/app:1'], engine)).code).toBe(0)
    const again = await cli(['prune', '--path', dir, '--prefix', 'd-', '--keep', '2'])
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('removed "d-1"')
    expect((await cli(['load', '--path', dir, '--key', 'd-1'], { DOCKER_HOST: source.host })).code).toBe(3)
    expect((await cli(['prune', '--path', dir, '--prefix', 'd-', '--keep', '2'])).stderr).toContain('nothing to remove')
  })

  it('exits 3 on a missing key, 2 on a bad command line, 1 on refused credentials', async () => {
    const miss = await cli(['load', '--path', dir, '--key', 'never-saved'], { DOCKER_HOST: source.host })
    expect(miss.code).toBe(3)
    expect(miss.stderr).toMatch(/No entry found/)
    const unknown = await cli(['load', '--path', dir, '--key', 'k', '--colour', 'blue'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown flag --colour/)
    const invalid = await cli(['save', '--path', dir, '--key', 'k'])
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toMatch(/"images" is required/)
    const refused = await cli(['ls', ...registryFlags()], { IMAGE_HANDOFF_REGISTRY_PASSWORD: 'wrong' })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/credentials were refused/)
  })
})
