import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { planPullable } from '../../src/backends/registry/pullable.js'
import { parseInputs } from '../../src/inputs.js'
import { parseRegistry, tagForKey, tagMayMatch } from '../../src/backends/registry/reference.js'
import { parseChallenge } from '../../src/backends/registry/auth.js'
import {
  chunkDescriptors,
  describeBlob,
  entryManifest,
  indexMediaType,
  readEntryManifest
} from '../../src/backends/registry/entry-manifest.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''
const digest = (c: string) => `sha256:${c.repeat(64)}`

describe('registry reference', () => {
  it('reads host and repository, HTTPS unless the host is loopback or a scheme says otherwise', () => {
    expect(parseRegistry('ghcr.io/org/handoff')).toEqual({ origin: 'https://ghcr.io', repository: 'org/handoff' })
    expect(parseRegistry('127.0.0.1:5000/org/handoff')).toEqual({
      origin: 'http://127.0.0.1:5000',
      repository: 'org/handoff'
    })
    expect(parseRegistry('localhost:5000/h').origin).toBe('http://localhost:5000')
    expect(parseRegistry('ghcr.io/Octo-Org/handoff').repository).toBe('octo-org/handoff')
    expect(parseRegistry('http://registry.lan:5000/handoff/').origin).toBe('http://registry.lan:5000')
    expect(parseRegistry('https://127.0.0.1:5443/h').origin).toBe('https://127.0.0.1:5443')
    expect(parseRegistry('docker.io/org/handoff')).toEqual({
      origin: 'https://registry-1.docker.io',
      repository: 'org/handoff'
    })
  })

  it.each([
    ['ghcr.io', /names no repository/],
    ['ghcr.io/org/hand off', /not a repository name/],
    ['ghcr.io/org//x', /not a repository name/],
    ['bad_host!/org', /not a host name/],
    ['/org/handoff', /names no repository/]
  ])('refuses %s', (text, why) => {
    expect(() => parseRegistry(text)).toThrow(why)
  })

  it('uses a valid key as its tag, and a readable spelling plus a hash of any other key', () => {
    expect(tagForKey('images-linux-abc123')).toBe('images-linux-abc123')
    const tag = tagForKey('images/linux main')
    expect(tag).toMatch(/^images_linux_main-[0-9a-f]{16}$/)
    expect(tagForKey('images_linux_main')).not.toBe(tag)
    expect(tagForKey('.hidden')).toMatch(/^_\.hidden-[0-9a-f]{16}$/)
    const long = tagForKey('x'.repeat(300))
    expect(long.length).toBeLessThanOrEqual(128)
    expect(long).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/)
    expect(tagForKey('x'.repeat(300))).not.toBe(tagForKey('x'.repeat(299)))
  })

  it('finds the tags that may hold a key starting with a prefix', () => {
    expect(tagMayMatch(tagForKey('deps/2 main'), 'deps/')).toBe(true)
    expect(tagMayMatch(tagForKey('deps-1'), 'deps-')).toBe(true)
    expect(tagMayMatch(tagForKey('other-1'), 'deps-')).toBe(false)
    expect(tagMayMatch(tagForKey('y'.repeat(200)), 'y'.repeat(150))).toBe(true)
  })
})

describe('registry auth challenge', () => {
  it('reads the scheme and quoted or bare parameters', () => {
    expect(
      parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"')
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull' }
    })
    expect(parseChallenge('Basic realm=Registry')).toEqual({ scheme: 'basic', params: { realm: 'Registry' } })
    expect(parseChallenge(null)).toBeUndefined()
  })
})

describe('registry entry manifest', () => {
  it('names the index as config, every chunk once with its size as layers, and the key and time', () => {
    const index = {
      chunkBytes: 10,
      entries: [
        { path: 'a', mode: 0o644, type: 'file' as const, size: 25, chunks: [digest('a'), digest('b'), digest('c')] },
        { path: 'b', mode: 0o644, type: 'file' as const, size: 10, chunks: [digest('a')] },
        { path: 'c', mode: 0o644, type: 'file' as const, size: 2, inline: 'AAA=' }
      ]
    }
    expect(chunkDescriptors(index).map((d) => [d.digest, d.size])).toEqual([
      [digest('a'), 10],
      [digest('b'), 10],
      [digest('c'), 5]
    ])
    const config = describeBlob(Buffer.from('{}'), indexMediaType)
    const body = entryManifest('my key', config, chunkDescriptors(index), new Date('2026-01-02T03:04:05Z'))
    const parsed = JSON.parse(body.toString()) as Record<string, unknown>
    expect(parsed).toMatchObject({ schemaVersion: 2, artifactType: indexMediaType, config })
    expect(readEntryManifest(body)).toEqual({
      key: 'my key',
      created: Date.parse('2026-01-02T03:04:05Z'),
      index: config
    })
  })

  it('takes any other manifest for none of its entries', () => {
    expect(readEntryManifest(Buffer.from('not json'))).toBeUndefined()
    const image = { schemaVersion: 2, config: { mediaType: 'application/vnd.oci.image.config.v1+json' }, layers: [] }
    expect(readEntryManifest(Buffer.from(JSON.stringify(image)))).toBeUndefined()
  })
})

describe('registry inputs', () => {
  it('requires the registry, and takes credentials from the user and password, else from github-token', () => {
    expect(() => parseInputs(reader({ key: 'k', backend: 'registry' }), {})).toThrow(/"registry" is required/)
    const anonymous = parseInputs(reader({ key: 'k', backend: 'registry', registry: 'ghcr.io/o/h' }), {})
    expect(anonymous.registry).toEqual({ location: { origin: 'https://ghcr.io', repository: 'o/h' }, pullable: false })
    const given = parseInputs(
      reader({
        key: 'k',
        backend: 'registry',
        registry: 'ghcr.io/o/h',
        'registry-username': 'u',
        'registry-password': 'p',
        'github-token': 't'
      }),
      {}
    )
    expect(given.registry?.credentials).toEqual({ username: 'u', password: 'p' })
    const token = parseInputs(reader({ key: 'k', backend: 'registry', registry: 'ghcr.io/o/h', 'github-token': 't' }), {
      GITHUB_ACTOR: 'octocat'
    })
    expect(token.registry?.credentials).toEqual({ username: 'octocat', password: 't' })
    expect(token.warnings).toEqual([])
  })

  it('wants both the user and the password, and warns about registry inputs with another backend', () => {
    expect(() =>
      parseInputs(reader({ key: 'k', backend: 'registry', registry: 'ghcr.io/o/h', 'registry-username': 'u' }), {})
    ).toThrow(/go together/)
    const local = parseInputs(reader({ key: 'k', backend: 'local', path: '/tmp/x', registry: 'ghcr.io/o/h' }), {})
    expect(local.warnings).toEqual(['Input "registry" applies only to backend: registry; ignored with backend: local.'])
    expect(local.registry).toBeUndefined()
  })
})

describe('pullable images plan', () => {
  const config = Buffer.from('{"os":"linux"}')
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`
  const entries = [
    {
      path: `${configDigest.slice(7)}.json`,
      mode: 0o644,
      type: 'file' as const,
      size: config.length,
      inline: config.toString('base64')
    },
    { path: 'one/layer.tar', mode: 0o644, type: 'file' as const, size: 10, chunks: [digest('a')] },
    { path: 'two/layer.tar', mode: 0o777, type: 'symlink' as const, linkname: '../one/layer.tar' }
  ]
  const image = (overrides: object) => ({
    configDigest,
    names: ['app:ci', 'app:latest', 'ghcr.io/org/tool:1'],
    size: 10,
    layers: [{ path: 'two/layer.tar', size: 10, diffId: digest('a') }],
    ...overrides
  })

  it('plans a Docker manifest per repository with its tags, following links to the layer', () => {
    const plan = planPullable({ entries, model: { layout: 'docker', skipped: [], images: [image({})] } }, 'org/h')
    expect(plan.skipped).toEqual([])
    expect(plan.images.map((i) => [i.repository, i.tags])).toEqual([
      ['org/h/app', ['ci', 'latest']],
      ['org/h/ghcr.io/org/tool', ['1']]
    ])
    const [first] = plan.images
    expect(first?.blobs).toEqual([
      { digest: configDigest, size: config.length, source: { inline: config } },
      { digest: digest('a'), size: 10, source: { chunks: [digest('a')] } }
    ])
    expect(JSON.parse(first?.manifest.toString() ?? '{}')).toMatchObject({
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar', digest: digest('a'), size: 10 }]
    })
  })

  it('leaves out untagged images, and images it cannot rebuild, saying why', () => {
    const renamed = image({ layers: [{ path: 'one/layer.tar', size: 10, digest: digest('b'), diffId: digest('a') }] })
    const noManifest = image({ manifestDigest: digest('f') })
    const untagged = image({ names: [] })
    const plan = planPullable(
      { entries, model: { layout: 'oci', skipped: [], images: [renamed, noManifest, untagged] } },
      'o'
    )
    expect(plan.images).toEqual([])
    expect(plan.skipped).toEqual([
      'app:ci: a layer is not named by its diff ID',
      'app:ci: its manifest is not in the entry'
    ])
  })

  it("pushes an OCI archive's own manifest, under an index the one of the saved platform, byte for byte", () => {
    const layerDigest = digest('c')
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: 7 }]
      })
    )
    const other = Buffer.from(JSON.stringify({ schemaVersion: 2, config: { digest: digest('e') }, layers: [] }))
    const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
    const index = Buffer.from(
      JSON.stringify({ schemaVersion: 2, manifests: [{ digest: sha(other) }, { digest: sha(manifest) }] })
    )
    const inline = (path: string, body: Buffer) => ({
      path,
      mode: 0o644,
      type: 'file' as const,
      size: body.length,
      inline: body.toString('base64')
    })
    const ociEntries = [
      inline(`blobs/sha256/${configDigest.slice(7)}`, config),
      inline(`blobs/sha256/${sha(manifest).slice(7)}`, manifest),
      inline(`blobs/sha256/${sha(other).slice(7)}`, other),
      inline(`blobs/sha256/${sha(index).slice(7)}`, index),
      {
        path: `blobs/sha256/${layerDigest.slice(7)}`,
        mode: 0o644,
        type: 'file' as const,
        size: 7,
        chunks: [layerDigest]
      }
    ]
    const oci = image({
      names: ['app:ci'],
      manifestDigest: sha(index),
      layers: [{ path: `blobs/sha256/${layerDigest.slice(7)}`, size: 7, digest: layerDigest, diffId: digest('d') }]
    })
    const plan = planPullable({ entries: ociEntries, model: { layout: 'oci', skipped: [], images: [oci] } }, 'o')
    expect(plan.skipped).toEqual([])
    expect(plan.images).toEqual([
      {
        repository: 'o/app',
        tags: ['ci'],
        manifest,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        blobs: [
          { digest: configDigest, size: config.length, source: { inline: config } },
          { digest: layerDigest, size: 7, source: { chunks: [layerDigest] } }
        ]
      }
    ])
  })
})
