/**
 * The bundled action (dist/) run as the GitHub runner runs it, against a real private dockerd, with the local
 * backend: save → remove → load round trips, retagging, and bad input that must fail clearly and change nothing;
 * on Docker 20.10 and on Docker 26 with the classic and with the containerd image store.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, writeFile, truncate, utimes } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  buildBusybox,
  docker,
  docker26Flavours,
  startDockerd,
  type DockerFlavour,
  type Engine
} from '../support/engines.js'
import { annotations, newJob, runStep } from '../support/action.js'
import { buildMultiPlatform } from '../support/multi-platform.js'
import { indexFileName } from '../../src/backends/local-store.js'

describe.each<DockerFlavour>(['20.10', ...docker26Flavours])('Docker %s', (flavour) => {
  let engine: Engine
  let store: string
  const ids: Record<string, string> = {}

  const images = async (): Promise<string[]> =>
    (await docker(engine, ['images', '--format', '{{.Repository}}:{{.Tag}}']))
      .split('\n')
      .filter((l) => l && !l.includes('<none>'))
      .sort()
  const idOf = (ref: string) => docker(engine, ['image', 'inspect', '--format', '{{.Id}}', ref])
  const step = async (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runStep(await newJob({ DOCKER_HOST: engine.host, ...env }), 'main', { backend: 'local', path: store, ...inputs })

  beforeAll(async () => {
    engine = await startDockerd(flavour)
    store = await mkdtemp(join(tmpdir(), 'ih-store-'))
    ids.app = await buildBusybox(engine, 'app:ci', ['RUN echo app > /who'])
    await docker(engine, ['tag', 'app:ci', 'app:latest'])
    ids.tool = await buildBusybox(engine, 'ghcr.io/org/tool:1', ['RUN echo tool > /who'])
    ids.orphan = await buildBusybox(engine, 'orphan:tmp', ['RUN echo orphan > /who'])
    // Building another image under the same name leaves the first one dangling: untagged, known only by ID.
    await buildBusybox(engine, 'orphan:tmp', ['RUN echo replaced > /who'])
    await docker(engine, ['rmi', 'orphan:tmp'])
    await docker(engine, ['tag', ids.app!, 'keep:me']) // an unrelated name that must survive every load
  })

  afterAll(async () => {
    await engine?.stop()
    if (store) await rm(store, { recursive: true, force: true })
  })

  describe('save → remove → load through dist/', () => {
    it('round-trips several images sharing layers, every tag, and an untagged image by ID', async () => {
      const saved = await step({ mode: 'save', key: 'round', images: 'app\nghcr.io/org/*\n' + ids.orphan })
      expect(saved.stdout).not.toContain('::error::')
      expect(saved.exitCode).toBe(0)
      const rows = JSON.parse(saved.outputs.images!) as { name: string; id: string; size: number }[]
      expect(rows.map((r) => r.name).sort()).toEqual(['app:ci', 'app:latest', 'ghcr.io/org/tool:1', ids.orphan].sort())
      // One image, one ID: the engine's own (the manifest digest on the containerd store), in save and load alike.
      expect(rows.map((r) => [r.name, r.id]).sort()).toEqual(
        [
          ['app:ci', ids.app],
          ['app:latest', ids.app],
          ['ghcr.io/org/tool:1', ids.tool],
          [ids.orphan, ids.orphan]
        ].sort()
      )
      expect(saved.summary).toContain('<td>app:ci</td>')

      await docker(engine, ['rmi', '-f', ids.app!, ids.tool!, ids.orphan!])
      expect(await images()).toEqual([])

      const loaded = await step({ mode: 'load', key: 'round' })
      expect(loaded.exitCode).toBe(0)
      expect(loaded.stdout).toContain('Loading 3 images as 2 archives at once')
      expect(loaded.outputs).toMatchObject({ hit: 'true', 'matched-key': 'round' })
      expect(
        (JSON.parse(loaded.outputs.images!) as { name: string; id: string }[]).map((r) => [r.name, r.id]).sort()
      ).toEqual(rows.map((r) => [r.name, r.id]).sort())
      expect(await images()).toEqual(['app:ci', 'app:latest', 'ghcr.io/org/tool:1'])
      expect(await idOf('app:ci')).toBe(ids.app)
      expect(await idOf('ghcr.io/org/tool:1')).toBe(ids.tool)
      expect(await idOf(ids.orphan!)).toBe(ids.orphan)
      expect(await docker(engine, ['run', '--rm', '--network', 'none', 'ghcr.io/org/tool:1', 'cat', '/who'])).toBe(
        'tool'
      )
      await docker(engine, ['tag', ids.app!, 'keep:me'])
    })

    it('retags with a glob source and loads only the selected images', async () => {
      await step({ mode: 'save', key: 'retag', images: 'app:*\nghcr.io/org/tool:1' })
      await docker(engine, ['rmi', '-f', ids.tool!])
      const loaded = await step({
        mode: 'load',
        key: 'retag',
        images: 'ghcr.io/**',
        tags: 'ghcr.io/org/*=registry.example/tool:test'
      })
      expect(loaded.exitCode).toBe(0)
      expect(await idOf('registry.example/tool:test')).toBe(ids.tool)
      expect(await idOf('ghcr.io/org/tool:1')).toBe(ids.tool)
      const rows = JSON.parse(loaded.outputs.images!) as { name: string }[]
      expect(rows.map((r) => r.name).sort()).toEqual(['ghcr.io/org/tool:1', 'registry.example/tool:test'])
      expect(
        await docker(engine, ['run', '--rm', '--network', 'none', 'registry.example/tool:test', 'cat', '/who'])
      ).toBe('tool')
    })

    it('names an untagged image PREFIX:sha256-<hex of its ID> with dangling-name-prefix', async () => {
      await step({ mode: 'save', key: 'dangling', images: ids.orphan! })
      await docker(engine, ['rmi', '-f', ids.orphan!])
      const loaded = await step({ mode: 'load', key: 'dangling', 'dangling-name-prefix': 'ci/untagged' })
      expect(loaded.exitCode).toBe(0)
      // The engine's own ID (the manifest digest on the containerd store) goes into the tag.
      const name = `ci/untagged:sha256-${ids.orphan!.slice(7)}`
      expect(JSON.parse(loaded.outputs.images!)).toEqual([expect.objectContaining({ name, id: ids.orphan })])
      expect(await idOf(name)).toBe(ids.orphan)
      await docker(engine, ['rmi', name])
    })

    it('falls back on a restore key, newest entry first', async () => {
      await step({ mode: 'save', key: 'fallback-old', images: 'app:ci' })
      await step({ mode: 'save', key: 'fallback-new', images: 'ghcr.io/org/tool:1' })
      // Which entry is newer is set, not left to the clock: "old" would also win a tie on the key's order.
      const index = (key: string): string => join(store, 'index', indexFileName(key))
      await utimes(index('fallback-old'), new Date(Date.now() - 60000), new Date(Date.now() - 60000))
      await utimes(index('fallback-new'), new Date(), new Date())
      const loaded = await step({ mode: 'load', key: 'fallback-missing', 'restore-keys': 'fallback-' })
      expect(loaded.exitCode).toBe(0)
      expect(loaded.outputs).toMatchObject({ hit: 'false', 'matched-key': 'fallback-new' })
    })
  })

  describe('bad input fails clearly and changes nothing', () => {
    const unchanged = async (run: () => Promise<{ exitCode: number; stdout: string }>, message: RegExp) => {
      const before = { images: await images(), entries: await readdir(store) }
      const result = await run()
      expect(result.exitCode).not.toBe(0)
      expect(annotations(result as never, 'error').join('\n')).toMatch(message)
      expect(await images()).toEqual(before.images)
      expect(await readdir(store)).toEqual(before.entries)
    }

    it('an unknown image or a glob that matches nothing', async () => {
      await unchanged(() => step({ mode: 'save', key: 'bad1', images: 'nope:1' }), /"nope:1" matched no image/)
      await unchanged(() => step({ mode: 'save', key: 'bad2', images: 'app:ci\nzzz/*' }), /"zzz\/\*" matched no image/)
    })

    it('an invalid retag target', async () => {
      await unchanged(() => step({ mode: 'load', key: 'round', tags: 'app:ci=Registry.example/App:1' }), /lowercase/)
      await unchanged(() => step({ mode: 'load', key: 'round', tags: `app:ci=app@sha256:${'a'.repeat(64)}` }), /digest/)
    })

    it('a missing key in mode: load', async () => {
      await unchanged(() => step({ mode: 'load', key: 'never-saved' }), /No entry found in local for "never-saved"/)
    })

    it('an unreachable engine', async () => {
      await unchanged(
        () => step({ mode: 'save', key: 'bad3', images: 'app:ci' }, { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
        /nonexistent\/docker.sock/
      )
    })

    it('a chunk damaged in the store: the load stops before the archive ends and changes nothing', async () => {
      await buildBusybox(engine, 'damage:1', ['RUN head -c 1000000 /dev/urandom > /data'])
      await step({ mode: 'save', key: 'to-damage', images: 'damage:1' })
      await docker(engine, ['rmi', 'damage:1'])
      const index = JSON.parse(await readFile(join(store, 'index', indexFileName('to-damage')), 'utf8')) as {
        entries: { chunks?: string[] }[]
      }
      // Every chunk the entry names is cut in half; the layers this engine still holds are not read at all.
      // A chunk is a zstd frame (<hex>.zst) or, where it did not compress (the random layer), raw (<hex>).
      const stored = (digest: string): string => {
        const zstd = join(store, 'blobs', 'sha256', `${digest.slice(7)}.zst`)
        return existsSync(zstd) ? zstd : zstd.slice(0, -'.zst'.length)
      }
      const blobs = index.entries.flatMap((e) => e.chunks ?? []).map(stored)
      expect(blobs.some((blob) => !blob.endsWith('.zst'))).toBe(true)
      const originals = await Promise.all(blobs.map((blob) => readFile(blob)))
      await Promise.all(blobs.map((blob, i) => truncate(blob, Math.floor(originals[i]!.length / 2))))
      try {
        const before = await images()
        const result = await step({ mode: 'load', key: 'to-damage' })
        expect(result.exitCode).not.toBe(0)
        expect(annotations(result, 'error').join('\n')).toMatch(/stored chunk sha256:[0-9a-f]{64} is damaged/)
        expect(await images()).toEqual(before)
      } finally {
        await Promise.all(blobs.map((blob, i) => writeFile(blob, originals[i]!)))
      }
    })

    it('a damaged chunk in one of two archives loaded at once: neither image is loaded', async () => {
      await buildBusybox(engine, 'broken:1', ['RUN head -c 300000 /dev/urandom > /data'])
      await buildBusybox(engine, 'intact:1', ['RUN echo intact > /who'])
      await step({ mode: 'save', key: 'half-damaged', images: 'broken:1\nintact:1' })
      await docker(engine, ['rmi', 'broken:1', 'intact:1'])
      const index = JSON.parse(await readFile(join(store, 'index', indexFileName('half-damaged')), 'utf8')) as {
        entries: { size?: number; chunks?: string[] }[]
      }
      // The layer of /data (a tar of a bit over 300000 bytes) does not compress: its chunks are raw.
      const isData = (size = 0): boolean => size > 300000 && size < 310000
      const broken = index.entries.filter((e) => isData(e.size)).flatMap((e) => e.chunks ?? [])
      expect(broken.length).toBeGreaterThan(0)
      const blobs = broken.map((digest) => join(store, 'blobs', 'sha256', digest.slice(7)))
      const originals = await Promise.all(blobs.map((blob) => readFile(blob)))
      await Promise.all(blobs.map((blob) => truncate(blob, 1000)))
      try {
        const before = await images()
        const result = await step({ mode: 'load', key: 'half-damaged' })
        expect(result.stdout).toContain('Loading 2 images as 2 archives at once')
        expect(result.exitCode).not.toBe(0)
        expect(annotations(result, 'error').join('\n')).toMatch(/stored chunk sha256:[0-9a-f]{64} is damaged/)
        expect(await images()).toEqual(before)
      } finally {
        await Promise.all(blobs.map((blob, i) => writeFile(blob, originals[i]!)))
      }
    })

    it('an index that is not one, or of another release: a miss that says why', async () => {
      await writeFile(join(store, 'index', indexFileName('not-an-index')), 'hello, I am not an index\n')
      await writeFile(join(store, `${encodeURIComponent('first-release')}.tar.zst`), 'an entry of 0.1.0')
      const load = await step({ mode: 'load', key: 'not-an-index' })
      expect(load.exitCode).toBe(1)
      expect(annotations(load, 'error').join('\n')).toMatch(
        /No entry found in local for "not-an-index" \(.*not an image-handoff index/
      )
      const auto = await step({ mode: 'auto', key: 'first-release' })
      expect(auto.exitCode).toBe(0)
      expect(auto.outputs.hit).toBe('false')
      expect(auto.stdout).toMatch(/first release, which this release does not read/)
    })
  })

  describe('the content-addressed store', () => {
    it('stores only the new layer when an image with a changed top layer is saved again', async () => {
      const v1 = await buildBusybox(engine, 'layered:1', [
        'RUN head -c 3000000 /dev/urandom > /big',
        'RUN echo one > /top'
      ])
      const first = await step({ mode: 'save', key: 'layered-1', images: 'layered:1' })
      expect(first.exitCode).toBe(0)
      const v2 = await buildBusybox(engine, 'layered:2', [
        'RUN head -c 3000000 /dev/urandom > /big',
        'RUN echo two > /top'
      ])
      expect(v2).not.toBe(v1)
      const blobs = async (): Promise<number> => (await readdir(join(store, 'blobs', 'sha256'))).length
      const before = await blobs()
      // The build cache keeps the big layer: only the small top layer is new, and it travels inside the index.
      const second = await step({ mode: 'save', key: 'layered-2', images: 'layered:2' })
      expect(second.exitCode).toBe(0)
      expect(second.stdout).toMatch(
        /0 new chunk\(s\), 0 B stored; [1-9]\d* chunk\(s\) \([\d.]+ MiB\) were already in the local store/
      )
      expect(await blobs()).toBe(before)
      await docker(engine, ['rmi', 'layered:1', 'layered:2'])
      expect((await step({ mode: 'load', key: 'layered-2' })).exitCode).toBe(0)
      expect(await docker(engine, ['run', '--rm', '--network', 'none', 'layered:2', 'cat', '/top'])).toBe('two')
    })

    it('leaves out the layers the engine already holds, and the image still runs', async () => {
      const base = await buildBusybox(engine, 'based/base:1', ['RUN head -c 2000000 /dev/urandom > /base'])
      const ctx = await mkdtemp(join(tmpdir(), 'ih-ctx-'))
      await writeFile(join(ctx, 'Dockerfile'), 'FROM based/base:1\nRUN echo on-top > /top\n')
      await docker(engine, ['build', '-q', '--network', 'none', '-t', 'based/app:1', ctx])
      const app = await idOf('based/app:1')
      expect((await step({ mode: 'save', key: 'based', images: 'based/app:1' })).exitCode).toBe(0)
      await docker(engine, ['rmi', 'based/app:1'])
      expect(await idOf('based/base:1')).toBe(base)
      const loaded = await step({ mode: 'load', key: 'based' })
      expect(loaded.exitCode).toBe(0)
      // Docker's classic store skips a layer whose chain it has; the containerd store is sent the whole archive.
      if (flavour === '26-containerd') expect(loaded.stdout).not.toMatch(/Leaving out/)
      else expect(loaded.stdout).toMatch(/Leaving out \d+ layer file\(s\), [\d.]+ MiB, that docker already holds/)
      expect(await idOf('based/app:1')).toBe(app)
      expect(await docker(engine, ['run', '--rm', '--network', 'none', 'based/app:1', 'cat', '/top'])).toBe('on-top')
    })
  })

  describe('a staged load', () => {
    const standIns = async (): Promise<string> =>
      docker(engine, ['images', '-a', '-q', '--filter', 'label=org.image-handoff.stage'])
    const allIds = async (): Promise<string[]> =>
      (await docker(engine, ['images', '-a', '-q', '--no-trunc'])).split('\n').filter(Boolean).sort()

    beforeAll(async () => {
      ids.staged = await buildBusybox(engine, 'staged:1', [
        'RUN head -c 36000000 /dev/urandom > /one',
        'RUN head -c 36000000 /dev/urandom > /two',
        'RUN echo staged > /top'
      ])
      expect((await step({ mode: 'save', key: 'staged', images: 'staged:1' })).exitCode).toBe(0)
      await docker(engine, ['rmi', 'staged:1'])
    })

    it('registers the bottom layers while the rest arrives, and leaves no stand-in image behind', async () => {
      const loaded = await step({ mode: 'load', key: 'staged' })
      expect(loaded.exitCode).toBe(0)
      // Only Docker's classic store unpacks an archive whole before it registers a layer.
      if (flavour === '26-containerd') expect(loaded.stdout).not.toMatch(/Loading in/)
      else
        expect(loaded.stdout).toMatch(/Loading in 2 stages: docker registers the bottom layers while the rest arrives/)
      expect(await idOf('staged:1')).toBe(ids.staged)
      expect(await docker(engine, ['run', '--rm', '--network', 'none', 'staged:1', 'cat', '/top'])).toBe('staged')
      expect(await standIns()).toBe('')
      await docker(engine, ['rmi', 'staged:1'])
    })

    it('a damaged chunk in the last stage: the stand-in loaded before it is removed, and nothing is loaded', async () => {
      const index = JSON.parse(await readFile(join(store, 'index', indexFileName('staged')), 'utf8')) as {
        entries: { path: string; inline?: string; chunks?: string[] }[]
      }
      const inline = index.entries.find((e) => e.path === 'manifest.json')!.inline!
      const [manifest] = JSON.parse(Buffer.from(inline, 'base64').toString()) as { Layers: string[] }[]
      // Layers: busybox, /one (the first stage ends there), /two, /top.
      const two = index.entries.find((e) => e.path === manifest!.Layers[2])!.chunks!
      const blobs = two.map((digest) => join(store, 'blobs', 'sha256', digest.slice(7)))
      const originals = await Promise.all(blobs.map((blob) => readFile(blob)))
      await Promise.all(blobs.map((blob) => truncate(blob, 1000)))
      try {
        const before = await allIds()
        const result = await step({ mode: 'load', key: 'staged' })
        expect(result.exitCode).not.toBe(0)
        expect(annotations(result, 'error').join('\n')).toMatch(/stored chunk sha256:[0-9a-f]{64} is damaged/)
        expect(await allIds()).toEqual(before)
        expect(await standIns()).toBe('')
      } finally {
        await Promise.all(blobs.map((blob, i) => writeFile(blob, originals[i]!)))
      }
    })

    // V8 marked a step's small heap back to back while a stream promoted anything (gc-pace.ts). Counted with
    // --trace-gc, which a step takes from an --import file (NODE_OPTIONS refuses V8 flags); one engine suffices.
    ;(flavour === '20.10' ? it : it.skip)('streams 72 MB in and out with a few full garbage collections', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ih-trace-gc-'))
      const file = join(dir, 'trace-gc.mjs')
      await writeFile(file, "import { setFlagsFromString } from 'node:v8'\nsetFlagsFromString('--trace-gc')\n")
      const traced = { NODE_OPTIONS: `--import=${pathToFileURL(file).href}` }
      const fullCollections = (stdout: string) => stdout.split('\n').filter((l) => l.includes('Mark-Compact')).length
      try {
        const loaded = await step({ mode: 'load', key: 'staged' }, traced)
        expect(loaded.exitCode).toBe(0)
        const saved = await step({ mode: 'save', key: 'staged-traced', images: 'staged:1' }, traced)
        expect(saved.exitCode).toBe(0)
        await docker(engine, ['rmi', 'staged:1'])
        expect(loaded.stdout).toContain('Scavenge') // the trace reached the step
        // With V8's own triggers the save took 8 (and the load 1); with the step's, 1 each.
        expect(fullCollections(saved.stdout)).toBeLessThanOrEqual(3)
        expect(fullCollections(loaded.stdout)).toBeLessThanOrEqual(3)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })
  })

  describe('load selection', () => {
    it('fails naming the stored images when `images` selects none of them', async () => {
      const result = await step({ mode: 'load', key: 'retag', images: 'nothing-like-it:*' })
      expect(result.exitCode).toBe(1)
      expect(annotations(result, 'error').join('\n')).toMatch(/selects none of the stored images \(.*app:ci.*\)/)
    })
  })

  // The containerd store keeps every platform of an image and knows it by its index digest.
  ;(flavour === '26-containerd' ? describe : describe.skip)('a multi-platform image', () => {
    it('round-trips whole under its index digest; platform on save is ignored with a warning (API 1.45)', async () => {
      const index = await buildMultiPlatform(engine, 'multi:1', ['linux/amd64', 'linux/arm64'])
      const saved = await step({ mode: 'save', key: 'multi', images: 'multi:1', platform: 'linux/arm64' })
      expect(saved.exitCode).toBe(0)
      expect(annotations(saved, 'warning').join('\n')).toMatch(/API 1\.45.*platform linux\/arm64 is ignored/)
      expect(JSON.parse(saved.outputs.images!)).toEqual([{ name: 'multi:1', id: index, size: expect.any(Number) }])
      await docker(engine, ['rmi', 'multi:1'])
      const loaded = await step({ mode: 'load', key: 'multi' })
      expect(loaded.exitCode).toBe(0)
      expect(JSON.parse(loaded.outputs.images!)).toEqual([{ name: 'multi:1', id: index, size: expect.any(Number) }])
      expect(await idOf('multi:1')).toBe(index)
      expect(
        await docker(engine, [
          'run',
          '--rm',
          '--network',
          'none',
          '--platform',
          'linux/arm64',
          'multi:1',
          '/bin/busybox',
          'cat',
          '/arch'
        ])
      ).toBe('arm64')
    })
  })
})
