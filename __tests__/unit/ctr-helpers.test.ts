import { describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { parseSnapshotter } from '../../src/runtimes/containerd/config.js'
import { ExecFrames } from '../../src/runtimes/docker/exec-frames.js'
import { namesIn } from '../../src/runtimes/podman/archive-names.js'
import { parseImages, parseLoadOutput, shortNameFixes } from '../../src/runtimes/podman/output.js'

describe('the CRI snapshotter of a kind node', () => {
  it('reads config version 2 (kind with containerd 1.x), after a sed to native', () => {
    const toml = [
      'version = 2',
      '[plugins."io.containerd.grpc.v1.cri"]',
      '  restrict_oom_score_adj = false',
      '[plugins."io.containerd.grpc.v1.cri".containerd]',
      '  discard_unpacked_layers = true',
      '  snapshotter = "native"',
      '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]',
      '  runtime_type = "io.containerd.runc.v2"'
    ].join('\n')
    expect(parseSnapshotter(toml)).toBe('native')
  })
  it('reads config version 3 (containerd 2.x)', () => {
    expect(
      parseSnapshotter("version = 3\n[plugins.'io.containerd.cri.v1.images']\n  snapshotter = 'overlayfs'\n")
    ).toBe('overlayfs')
    expect(
      parseSnapshotter('version = 3\n[plugins."io.containerd.cri.v1.images"]\n  snapshotter = "fuse-overlayfs"\n')
    ).toBe('fuse-overlayfs')
  })
  it('ignores snapshotter keys of other sections and configs without CRI', () => {
    expect(parseSnapshotter('[plugins."io.containerd.transfer.v1.local"]\n  snapshotter = "zfs"\n')).toBeUndefined()
    expect(parseSnapshotter('version = 2\ndisabled_plugins = ["io.containerd.grpc.v1.cri"]\n')).toBeUndefined()
  })
})

function frame(type: number, text: string): Buffer {
  const body = Buffer.from(text)
  const header = Buffer.alloc(8)
  header[0] = type
  header.writeUInt32BE(body.length, 4)
  return Buffer.concat([header, body])
}

describe('exec stream frames', () => {
  it('passes stdout on and keeps stderr, across frames split anywhere', async () => {
    const all = Buffer.concat([frame(1, 'hello '), frame(2, 'oops\n'), frame(1, 'world')])
    const chunks = [all.subarray(0, 3), all.subarray(3, 11), all.subarray(11, 20), all.subarray(20)]
    const frames = new ExecFrames()
    let out = ''
    for await (const chunk of Readable.from(chunks).pipe(frames)) out += String(chunk)
    expect(out).toBe('hello world')
    expect(frames.stderr).toBe('oops\n')
  })
  it('fails a stream cut inside a frame', async () => {
    const frames = new ExecFrames()
    const consume = async (): Promise<void> => {
      for await (const chunk of Readable.from([frame(1, 'hello').subarray(0, 10)]).pipe(frames)) void chunk
    }
    await expect(consume()).rejects.toThrow(/inside a frame/)
  })
})

describe('names in an archive', () => {
  it('reads RepoTags, index annotations and repositories, each once', () => {
    const files = new Map([
      ['manifest.json', JSON.stringify([{ RepoTags: ['app:ci', 'ghcr.io/org/app:1'] }, { RepoTags: null }])],
      [
        'index.json',
        JSON.stringify({
          manifests: [
            {
              annotations: {
                'io.containerd.image.name': 'docker.io/library/app:ci',
                'org.opencontainers.image.ref.name': 'ci'
              }
            }
          ]
        })
      ],
      ['repositories', JSON.stringify({ app: { ci: 'abc' } })]
    ])
    expect(namesIn(files).sort()).toEqual(['app:ci', 'docker.io/library/app:ci', 'ghcr.io/org/app:1'])
  })
  it('gives no names for unreadable files', () => {
    expect(namesIn(new Map([['manifest.json', '{nope']]))).toEqual([])
  })
})

describe('podman output and names', () => {
  it('reads load lines for names and untagged IDs, old comma form included', () => {
    const id = `sha256:${'a'.repeat(64)}`
    expect(parseLoadOutput(`Loaded image: localhost/app:ci\nLoaded image: ${id}\n`)).toEqual({
      names: ['localhost/app:ci'],
      ids: [id]
    })
    expect(parseLoadOutput('Loaded image(s): localhost/a:1,quay.io/b:2\n')).toEqual({
      names: ['localhost/a:1', 'quay.io/b:2'],
      ids: []
    })
  })
  it('merges the one-row-per-name listing into one image per ID', () => {
    const rows = [
      { Id: 'a'.repeat(64), Names: ['localhost/app:ci', 'docker.io/library/app:ci'], Size: 10 },
      { Id: 'a'.repeat(64), Names: ['localhost/app:ci', 'docker.io/library/app:ci'], Size: 10 },
      { Id: 'b'.repeat(64), Names: null, Size: 5 }
    ]
    expect(parseImages(JSON.stringify(rows))).toEqual([
      {
        id: `sha256:${'a'.repeat(64)}`,
        names: ['localhost/app:ci', 'docker.io/library/app:ci'],
        size: 10,
        configDigest: `sha256:${'a'.repeat(64)}`
      },
      { id: `sha256:${'b'.repeat(64)}`, names: [], size: 5, configDigest: `sha256:${'b'.repeat(64)}` }
    ])
  })
  it('maps what podman prefixed with localhost/ to the Docker meaning, and leaves registry names alone', () => {
    expect(
      shortNameFixes(['app:ci', 'org/tool', 'ghcr.io/org/app:1', 'localhost/own:1', 'localhost:5000/x:1'])
    ).toEqual([
      { from: 'localhost/app:ci', to: 'docker.io/library/app:ci' },
      { from: 'localhost/org/tool:latest', to: 'docker.io/org/tool:latest' }
    ])
    expect(shortNameFixes(['app:ci', 'localhost/app:ci'])).toEqual([])
  })
})
