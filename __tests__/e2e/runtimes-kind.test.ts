/**
 * The bundled action (dist/) loading into a kind cluster: two node stand-ins (containerd in a container,
 * labelled as kind labels its nodes) on a private dockerd, found through `kind-cluster`. Every node must
 * resolve the images in k8s.io the way kubelet does; a cluster with no nodes must fail clearly.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'
import { buildKindNodeImage, startKindNode, type KindNode } from '../support/kind-node.js'
import { annotations, newJob, runStep, type StepResult } from '../support/action.js'
import { expectOk } from '../support/expect-step.js'

interface Row {
  name: string
  id: string
}

let engine: Engine
let store: string
let nodes: KindNode[] = []
const ids: Record<string, string> = {}

const rowsOf = (result: StepResult): Row[] => JSON.parse(result.outputs.images ?? '[]') as Row[]
const step = async (inputs: Record<string, string>): Promise<StepResult> =>
  runStep(await newJob({ DOCKER_HOST: engine.host }), 'main', { backend: 'local', path: store, ...inputs })

/** `ctr -n k8s.io images ls` inside a node: name → target digest. */
async function nodeImages(node: KindNode): Promise<Map<string, string>> {
  const lines = (await node.exec(['ctr', '-n', 'k8s.io', 'images', 'ls'])).split('\n').slice(1).filter(Boolean)
  return new Map(lines.map((line) => line.split(/\s+/)).map(([name, , digest]) => [name!, digest!]))
}

beforeAll(async () => {
  engine = await startDockerd()
  store = await mkdtemp(join(tmpdir(), 'ih-store-'))
  ids.app = await buildBusybox(engine, 'app:ci', ['RUN echo app > /who'])
  await docker(engine, ['tag', 'app:ci', 'ghcr.io/org/app:1'])
  ids.tool = await buildBusybox(engine, 'tool:1', ['RUN echo tool > /who'])
  await buildKindNodeImage(engine)
  nodes = await Promise.all([startKindNode(engine, 'e2e', 'control-plane'), startKindNode(engine, 'e2e', 'worker')])
})

afterAll(async () => {
  for (const node of nodes) await node.remove()
  await engine?.stop()
  if (store) await rm(store, { recursive: true, force: true })
})

describe('kind-cluster through dist/', () => {
  it('loads into k8s.io on every node under the names kubelet resolves, and retags on every node', async () => {
    expectOk(await step({ mode: 'save', key: 'for-kind', images: 'app:ci\nghcr.io/org/app:1\ntool:1' }))

    const loaded = await step({
      mode: 'load',
      key: 'for-kind',
      'kind-cluster': 'e2e',
      tags: 'app:ci=registry.example/app:test'
    })
    expectOk(loaded)
    // One archive for every node: two at once can deadlock on a layer they share (kind.ts).
    expect(loaded.stdout).not.toContain('archives at once')
    const perNode = await Promise.all(nodes.map(nodeImages))
    for (const listed of perNode) {
      expect([...listed.keys()].sort()).toEqual([
        'docker.io/library/app:ci',
        'docker.io/library/tool:1',
        'ghcr.io/org/app:1',
        'registry.example/app:test'
      ])
      const digest = listed.get('docker.io/library/app:ci')
      expect(listed.get('ghcr.io/org/app:1')).toBe(digest)
      expect(listed.get('registry.example/app:test')).toBe(digest)
    }
    // Both nodes hold the same manifest, and it is the one the outputs report.
    const digest = perNode[0]!.get('docker.io/library/app:ci')!
    expect(perNode[1]!.get('docker.io/library/app:ci')).toBe(digest)
    const toolDigest = perNode[0]!.get('docker.io/library/tool:1')!
    expect(perNode[1]!.get('docker.io/library/tool:1')).toBe(toolDigest)
    expect(new Set(rowsOf(loaded).map((r) => r.id))).toEqual(new Set([digest, toolDigest]))
    const manifest = JSON.parse(await nodes[1]!.exec(['ctr', '-n', 'k8s.io', 'content', 'get', digest])) as {
      config: { digest: string }
    }
    expect(manifest.config.digest).toBe(ids.app)
    // Unpacked into the node's snapshotter, as kubelet needs it to start a container.
    for (const node of nodes) {
      expect(await node.exec(['ctr', '-n', 'k8s.io', 'images', 'check'])).toMatch(
        /docker\.io\/library\/app:ci\s.*complete/
      )
      const snapshots = (await node.exec(['ctr', '-n', 'k8s.io', 'snapshots', '--snapshotter', 'native', 'ls']))
        .split('\n')
        .slice(1)
      expect(snapshots.filter((l) => /Committed/.test(l)).length).toBeGreaterThanOrEqual(3)
    }
  })

  it('a cluster with no nodes fails with a clear error', async () => {
    const result = await step({ mode: 'load', key: 'for-kind', 'kind-cluster': 'absent' })
    const seen = { exitCode: result.exitCode, errors: annotations(result, 'error').join('\n') }
    expect(seen).toEqual({
      exitCode: 1,
      errors: expect.stringMatching(/kind cluster "absent" has no running node.*kind get clusters/)
    })
  })
})
