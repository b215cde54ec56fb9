import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'
import { buildKindNodeImage, startKindNode, type KindNode } from '../support/kind-node.js'
import { createKindRuntime } from '../../src/runtimes/containerd/kind.js'
import type { Runtime } from '../../src/runtimes/runtime.js'
import { parseTargetName } from '../../src/archive/reference.js'

const execFileP = promisify(execFile)

async function tarNames(stream: Readable): Promise<string[]> {
  const { default: tar } = await import('tar-stream')
  const names: string[] = []
  const extract = tar.extract()
  extract.on('entry', (header, body, next) => {
    names.push(header.name)
    body.on('end', next).resume()
  })
  const { pipeline } = await import('node:stream/promises')
  await pipeline(stream, extract)
  return names
}

describe('kind runtime against node stand-ins', () => {
  let engine: Engine
  let dir: string
  let appId: string
  let untaggedId: string
  let nodes: KindNode[] = []
  let runtime: Runtime | undefined

  beforeAll(async () => {
    engine = await startDockerd()
    dir = await mkdtemp(join(tmpdir(), 'ih-kind-test-'))
    appId = await buildBusybox(engine, 'app:ci', ['RUN echo hi > /hi'])
    untaggedId = await buildBusybox(engine, 'gone:1', ['RUN echo gone > /gone'])
    await execFileP('docker', ['-H', engine.host, 'save', '-o', join(dir, 'app.tar'), 'app:ci', untaggedId])
    await buildKindNodeImage(engine)
    nodes = [await startKindNode(engine, 'ci', 'control-plane'), await startKindNode(engine, 'ci', 'worker')]
    runtime = await createKindRuntime({ cluster: 'ci', env: { DOCKER_HOST: engine.host } })
  })
  afterAll(async () => {
    await runtime?.close()
    for (const node of nodes) await node.remove()
    await engine?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it("loads one streamed archive into every node, unpacked into the node's snapshotter", async () => {
    const report = await runtime!.importArchive(createReadStream(join(dir, 'app.tar')))
    expect(report.names).toEqual(['docker.io/library/app:ci'])
    expect(report.ids).toHaveLength(2)
    for (const node of nodes) {
      const names = (await node.exec(['ctr', '-n', 'k8s.io', 'images', 'ls', '-q'])).split('\n')
      expect(names).toContain('docker.io/library/app:ci')
      expect(names.filter((n) => n.includes('@sha256:'))).toHaveLength(1)
      expect(await node.exec(['ctr', '-n', 'k8s.io', 'snapshots', '--snapshotter', 'native', 'ls'])).toMatch(
        /Committed/
      )
    }
  })

  it('lists, inspects, tags on every node and exports from the first', async () => {
    const images = await runtime!.list()
    expect(images.map((i) => i.names).sort()).toEqual([[], ['docker.io/library/app:ci']])
    expect((await runtime!.inspect('app:ci'))?.configDigest).toBe(appId)
    const untagged = images.find((i) => i.names.length === 0)!
    expect((await runtime!.inspect(untagged.id))?.configDigest).toBe(untaggedId)
    await runtime!.tag('app:ci', parseTargetName('registry.example/app:test'))
    for (const node of nodes) {
      expect(await node.exec(['ctr', '-n', 'k8s.io', 'images', 'ls', '-q'])).toMatch(/^registry\.example\/app:test$/m)
    }
    const files = await tarNames(await runtime!.exportImages(['registry.example/app:test']))
    expect(files).toEqual(expect.arrayContaining(['index.json', 'manifest.json', `blobs/sha256/${appId.slice(7)}`]))
  })

  it('reports a failing node by name and drains its copy so the others finish', async () => {
    await docker(engine, ['exec', nodes[1]!.name, 'mv', '/usr/bin/ctr', '/usr/bin/ctr.off'])
    try {
      await expect(runtime!.importArchive(createReadStream(join(dir, 'app.tar')))).rejects.toThrow(
        /kind cluster "ci" failed on ci-worker: /
      )
    } finally {
      await docker(engine, ['exec', nodes[1]!.name, 'mv', '/usr/bin/ctr.off', '/usr/bin/ctr'])
    }
  })

  it('names the cluster and `kind get clusters` when no node carries its label', async () => {
    await expect(createKindRuntime({ cluster: 'absent', env: { DOCKER_HOST: engine.host } })).rejects.toThrow(
      /kind cluster "absent" has no running node .*io\.x-k8s\.kind\.cluster=absent.*kind get clusters/
    )
  })
})
