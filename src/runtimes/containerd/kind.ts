/**
 * A kind cluster: every node is a Docker container running containerd, found by kind's label through the
 * Engine API. Loading does what `kind load` does, streamed: the archive goes, tee'd, into
 * `ctr --namespace=k8s.io images import` on each node, unpacked into the node's own snapshotter, but
 * without `--all-platforms` (kind#3795: it fails when an index names a platform the archive lacks).
 * Everything else runs on the first node: the nodes hold the same images once loaded.
 */
import { PassThrough, type Readable } from 'node:stream'
import type Dockerode from 'dockerode'
import { HandoffError, errorMessage } from '../../errors.js'
import type { Runtime } from '../runtime.js'
import { connectDocker } from '../docker/client.js'
import { execInContainer } from '../docker/container-exec.js'
import { ctrImages, type CtrImportReport, type CtrRunner } from './ctr-images.js'
import { defaultSnapshotter, parseSnapshotter } from './config.js'
import { ociArchitecture } from './ctr-platforms.js'
import { readAll } from '../tool-streams.js'

export interface KindOptions {
  cluster: string
  env?: NodeJS.ProcessEnv
}

interface KindNode {
  id: string
  name: string
}

const clusterLabel = 'io.x-k8s.kind.cluster'
const roleLabel = 'io.x-k8s.kind.role'

export async function createKindRuntime(options: KindOptions): Promise<Runtime> {
  const connection = await connectDocker(options.env ?? process.env)
  try {
    const nodes = await findNodes(connection.docker, options.cluster, connection.host)
    const runners = nodes.map((node) => nodeCtr(connection.docker, node, options.cluster))
    const host = `linux/${ociArchitecture(process.arch)}`
    const perNode = runners.map((runner) => ctrImages(runner, host))
    const first = perNode[0]
    const snapshotters = new Map<string, Promise<string>>()
    const snapshotterOf = (node: KindNode): Promise<string> => {
      const known = snapshotters.get(node.id) ?? nodeSnapshotter(connection.docker, node)
      snapshotters.set(node.id, known)
      return known
    }
    return {
      kind: 'kind',
      list: () => first.list(),
      inspect: (ref) => first.inspect(ref),
      exportImages: (refs, exportOptions) => first.exportImages(refs, exportOptions),
      tag: async (source, target) => {
        // A name must resolve on whichever node kubelet schedules the pod.
        for (const images of perNode) await images.tag(source, target)
      },
      // One archive at a time: each goes to every node's ctr through one stream, and two archives sharing a small
      // layer deadlocked (1 load in 6 here): each node's ctr took the layer's ingest lock from a different archive,
      // and each archive, held back by the node still waiting for that lock, could not finish it on the other.
      parallelImports: 1,
      importArchive: async (archive) => {
        const snapshotterList = await Promise.all(nodes.map(snapshotterOf))
        return importEverywhere(
          archive,
          nodes,
          (i, copy) => perNode[i].importArchive(copy, { snapshotter: snapshotterList[i] }),
          options.cluster
        )
      },
      close: async () => connection.close()
    }
  } catch (error) {
    connection.close()
    throw error
  }
}

async function findNodes(docker: Dockerode, cluster: string, host: string): Promise<KindNode[]> {
  const containers = await docker.listContainers({ filters: { label: [`${clusterLabel}=${cluster}`] } })
  const nodes = containers
    .filter((c) => c.Labels?.[roleLabel] !== 'external-load-balancer')
    .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, '') }))
    .sort((a, b) => a.name.localeCompare(b.name))
  if (nodes.length === 0) {
    throw new HandoffError(
      `kind cluster "${cluster}" has no running node on the Docker Engine at ${host} ` +
        `(no container labelled ${clusterLabel}=${cluster}); check the name with \`kind get clusters\` and that the cluster was created in this job.`
    )
  }
  return nodes
}

/** ctr inside a node, on the node's own containerd, in Kubernetes' namespace. */
function nodeCtr(docker: Dockerode, node: KindNode, cluster: string): CtrRunner {
  const argv = (args: string[]): string[] => ['ctr', '--namespace=k8s.io', ...args]
  const stream = (args: string[], stdin?: Readable): { stdout: Readable; done: Promise<void> } =>
    execInContainer(docker, node, argv(args), stdin)
  return {
    where: `kind node ${node.name} (cluster ${cluster}, namespace k8s.io)`,
    stream,
    run: async (args) => {
      const { stdout, done } = stream(args)
      const [text] = await Promise.all([readAll(stdout), done])
      return text
    }
  }
}

/** As `kind load` finds it: the merged config first, then the file (a dump omits a disabled CRI plugin). */
async function nodeSnapshotter(docker: Dockerode, node: KindNode): Promise<string> {
  for (const argv of [
    ['containerd', 'config', 'dump'],
    ['cat', '/etc/containerd/config.toml']
  ]) {
    const { stdout, done } = execInContainer(docker, node, argv)
    const text = await Promise.all([readAll(stdout), done]).then(
      ([t]) => t,
      () => ''
    )
    const found = parseSnapshotter(text)
    if (found !== undefined) return found
  }
  return defaultSnapshotter
}

type NodeImport = (index: number, copy: Readable) => Promise<CtrImportReport>

/**
 * One PassThrough per node, so a slow node slows the stream instead of buffering it. A node that fails
 * has its copy drained, or it would stall the others.
 */
async function importEverywhere(
  archive: Readable,
  nodes: KindNode[],
  load: NodeImport,
  cluster: string
): Promise<CtrImportReport> {
  const copies = nodes.map(() => new PassThrough())
  archive.on('error', (error) => copies.forEach((copy) => copy.destroy(error)))
  for (const copy of copies) archive.pipe(copy)
  const results = await Promise.allSettled(
    nodes.map((_node, i) =>
      load(i, copies[i]).finally(() => {
        archive.unpipe(copies[i])
        copies[i].resume()
      })
    )
  )
  const failed = results.flatMap((r, i) =>
    r.status === 'rejected' ? [`${nodes[i].name}: ${errorMessage(r.reason)}`] : []
  )
  if (failed.length > 0) throw new HandoffError(`loading into kind cluster "${cluster}" failed on ${failed.join('; ')}`)
  const reports = results.map((r) => (r as PromiseFulfilledResult<CtrImportReport>).value)
  const union = (pick: (r: CtrImportReport) => string[]): string[] => [...new Set(reports.flatMap(pick))]
  return { names: union((r) => r.names), ids: union((r) => r.ids), warnings: union((r) => r.warnings) }
}
