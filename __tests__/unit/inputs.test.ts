import { describe, expect, it } from '@jest/globals'
import { parseInputs } from '../../src/inputs.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('inputs', () => {
  it('applies the documented defaults', () => {
    const s = parseInputs(reader({ key: 'k' }), {})
    expect(s).toMatchObject({
      mode: 'auto',
      backend: 'cache',
      runtime: 'docker',
      compressionLevel: 3,
      restoreKeys: [],
      tags: []
    })
    expect(s.containerd).toEqual({ address: '/run/containerd/containerd.sock', namespace: 'default' })
  })

  it("leaves key rules to each store: the cache's comma rule does not hold a directory's keys back", () => {
    const s = parseInputs(reader({ key: 'app,v1', backend: 'local', path: '/tmp/x', 'restore-keys': 'app,' }), {})
    expect(s).toMatchObject({ key: 'app,v1', restoreKeys: ['app,'] })
  })

  it('takes containerd defaults from the environment', () => {
    const s = parseInputs(reader({ key: 'k' }), {
      CONTAINERD_ADDRESS: '/run/k3s/containerd/containerd.sock',
      CONTAINERD_NAMESPACE: 'k8s.io'
    })
    expect(s.containerd).toEqual({ address: '/run/k3s/containerd/containerd.sock', namespace: 'k8s.io' })
  })

  it('parses lists and tags', () => {
    const s = parseInputs(
      reader({
        key: 'k',
        images: 'app:*\n!app:old',
        'restore-keys': 'a-\nb-',
        tags: 'app:*=registry.example/app:test'
      }),
      {}
    )
    expect(s.images).toEqual({ include: ['app:*'], exclude: ['app:old'] })
    expect(s.restoreKeys).toEqual(['a-', 'b-'])
    expect(s.tags).toEqual([
      {
        source: 'app:*',
        target: 'registry.example/app:test',
        targetRef: { domain: 'registry.example', path: 'app', tag: 'test' }
      }
    ])
  })

  it.each([
    [{ key: '' }, /"key" is required/],
    [{ key: 'k', mode: 'push' }, /"mode" is "push"; use one of: save, load, auto/],
    [{ key: 'k', mode: 'save' }, /"images" is required with mode: save/],
    [{ key: 'k', backend: 'local' }, /"path" is required/],
    [{ key: 'k', tags: 'app:ci=Registry/App:1' }, /lowercase/],
    [{ key: 'k', tags: `app:ci=app@sha256:${'a'.repeat(64)}` }, /digest/],
    [{ key: 'k', tags: 'app:ci' }, /SOURCE=TARGET/],
    [{ key: 'k', 'compression-level': '30' }, /1 to 19/],
    [{ key: 'k', platform: 'amd64' }, /os\/arch/],
    [{ key: 'k', 'containerd-namespace': 'k8s..io' }, /namespace/],
    [{ key: 'k', backend: 'artifact', 'run-id': '5' }, /both "github-token" and "run-id"/],
    [
      { key: 'k', backend: 'artifact', 'retention-days': '0' },
      /"retention-days" is "0"; give a whole number from 1 to 90/
    ],
    [{ key: 'k', 'stall-timeout': '-1' }, /"stall-timeout" is "-1"; give a whole number from 0 to 86400/]
  ])('rejects %j', (values, message) => {
    expect(() => parseInputs(reader(values), {})).toThrow(message)
  })

  it.each(['cache', 'local'])('ignores artifact-only inputs with backend: %s, with a warning', (backend) => {
    const s = parseInputs(
      reader({
        key: 'k',
        backend,
        path: '/tmp/x',
        'retention-days': '0',
        overwrite: 'yes',
        'github-token': 't',
        'run-id': 'x'
      }),
      {}
    )
    expect(s.artifact).toEqual({ overwrite: false })
    expect(s.warnings).toEqual([
      `Inputs "retention-days", "overwrite", "github-token", "run-id" apply only to backend: artifact; ignored with backend: ${backend}.`
    ])
    expect(parseInputs(reader({ key: 'k', overwrite: 'false' }), {}).warnings).toEqual([])
  })

  it('reads stall-timeout in seconds, 300 by default', () => {
    expect(parseInputs(reader({ key: 'k' }), {}).stallTimeout).toBe(300)
    expect(parseInputs(reader({ key: 'k', 'stall-timeout': '0' }), {}).stallTimeout).toBe(0)
  })

  it('reads a cross-run artifact download', () => {
    const s = parseInputs(
      reader({ key: 'k', backend: 'artifact', 'github-token': 't', 'run-id': '42', repository: 'o/r' }),
      {}
    )
    expect(s.artifact.crossRun).toEqual({ token: 't', runId: 42, owner: 'o', repo: 'r' })
  })
})
