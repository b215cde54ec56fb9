import { describe, expect, it } from '@jest/globals'
import { isDigestReference } from '../../src/archive/model.js'
import {
  namespaceProblem,
  parseHumanSize,
  parseImageList,
  parseImportOutput
} from '../../src/runtimes/containerd/ctr-output.js'
import {
  absentPlatforms,
  isIndexMediaType,
  ociArchitecture,
  parseManifestOrIndex,
  platformText
} from '../../src/runtimes/containerd/ctr-platforms.js'

const digest = (c: string): string => `sha256:${c.repeat(64)}`

// Verbatim from ctr 1.6.20 (`ctr -n k8s.io images ls`), column padding included.
const listing = [
  'REF                                                                                       TYPE                                                 DIGEST                                                                  SIZE    PLATFORMS   LABELS ',
  `docker.io/library/app:ci                                                                  application/vnd.docker.distribution.manifest.v2+json ${digest('d')} 2.0 MiB linux/amd64 -      `,
  `import-2026-11-26@${digest('d')} application/vnd.docker.distribution.manifest.v2+json ${digest('d')} 2.0 MiB linux/amd64 -      `,
  `docker.io/library/multi:1 application/vnd.oci.image.index.v1+json ${digest('e')} 737.0 B linux/amd64,linux/arm64 io.cri-containerd.image=managed`,
  ''
].join('\n')

describe('ctr images ls', () => {
  it('reads name, type, digest, size and platforms from each row', () => {
    expect(parseImageList(listing)).toEqual([
      {
        name: 'docker.io/library/app:ci',
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest: digest('d'),
        size: 2097152,
        platforms: ['linux/amd64']
      },
      {
        name: `import-2026-11-26@${digest('d')}`,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest: digest('d'),
        size: 2097152,
        platforms: ['linux/amd64']
      },
      {
        name: 'docker.io/library/multi:1',
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: digest('e'),
        size: 737,
        platforms: ['linux/amd64', 'linux/arm64']
      }
    ])
  })
  it('gives nothing for an empty store (header only) or -q output', () => {
    expect(parseImageList(listing.split('\n')[0]!)).toEqual([])
    expect(parseImageList('docker.io/library/app:ci\n')).toEqual([])
  })
  it.each([
    ['737.0', 'B', 737],
    ['1.5', 'KiB', 1536],
    ['2.0', 'MiB', 2097152],
    ['1.2', 'GiB', Math.round(1.2 * 2 ** 30)],
    ['x', 'MiB', 0],
    ['1', 'parsecs', 0]
  ])('%s %s is %d bytes', (value, unit, bytes) => {
    expect(parseHumanSize(value, unit)).toBe(bytes)
  })
})

describe('ctr images import output', () => {
  it('reports tagged names and every digest once; digest handles count as IDs only', () => {
    const out = [
      `unpacking docker.io/library/app:ci (${digest('a')})...done`,
      `unpacking ghcr.io/org/app:1 (${digest('a')})...done`,
      `unpacking import-2026-11-26@${digest('b')} (${digest('b')})...done`,
      ''
    ].join('\n')
    expect(parseImportOutput(out)).toEqual({
      names: ['docker.io/library/app:ci', 'ghcr.io/org/app:1'],
      digests: [digest('a'), digest('b')]
    })
  })
  it('reads nothing from an import that printed nothing (RepoTags null without --digests)', () => {
    expect(parseImportOutput('')).toEqual({ names: [], digests: [] })
  })
  it('tells digest handles from names', () => {
    expect(isDigestReference(`import-2026-11-26@${digest('b')}`)).toBe(true)
    expect(isDigestReference('docker.io/library/app:ci')).toBe(false)
  })
})

describe('namespaces', () => {
  it.each(['k8s.io', 'default', 'moby', 'a_b-c.d', 'X1'])('accepts %s', (ns) =>
    expect(namespaceProblem(ns)).toBeUndefined()
  )
  it.each([
    ['', /empty/],
    ['Bad NS!', /only letters/],
    ['a..b', /only letters/],
    ['-a', /only letters/],
    ['a'.repeat(77), /76/]
  ])('rejects "%s"', (ns, why) => expect(namespaceProblem(ns)).toMatch(why))
})

describe('manifests and indexes', () => {
  const index = {
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { digest: digest('1'), platform: { os: 'linux', architecture: 'amd64' } },
      { digest: digest('2'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { digest: digest('3'), platform: { os: 'unknown', architecture: 'unknown' } }
    ]
  }
  it('names the platforms whose manifests are absent, attestations aside', () => {
    expect(absentPlatforms(index, new Set([digest('1')]))).toEqual(['linux/arm64/v8'])
    expect(absentPlatforms(index, new Set([digest('1'), digest('2')]))).toEqual([])
  })
  it('parses manifests and indexes, and refuses other JSON', () => {
    expect(parseManifestOrIndex(JSON.stringify({ config: { digest: digest('c') } })).config?.digest).toBe(digest('c'))
    expect(parseManifestOrIndex(JSON.stringify(index)).manifests).toHaveLength(3)
    expect(() => parseManifestOrIndex('{"hello":1}')).toThrow(/not an image manifest or index/)
  })
  it('spells platforms and architectures the OCI way', () => {
    expect(platformText({ digest: 'x' })).toBe('unknown/unknown')
    expect(ociArchitecture('x64')).toBe('amd64')
    expect(ociArchitecture('arm64')).toBe('arm64')
    expect(isIndexMediaType('application/vnd.docker.distribution.manifest.list.v2+json')).toBe(true)
    expect(isIndexMediaType('application/vnd.oci.image.manifest.v1+json')).toBe(false)
  })
})
