/**
 * Two instances of every runtime the action drives, each over private state: what the runtime contract suite
 * runs against. "Two" because a handoff is always from one store to another: two dockerd, two containerd
 * namespaces, two podman stores.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContainerdRuntime } from '../../src/runtimes/containerd/runtime.js'
import { createDockerRuntime } from '../../src/runtimes/docker/runtime.js'
import { createPodmanRuntime } from '../../src/runtimes/podman/runtime.js'
import type { Runtime } from '../../src/runtimes/runtime.js'
import { podmanStoreArgs, startContainerd, startDockerd, unmountUnder, type DockerFlavour } from './engines.js'

export interface RuntimePair {
  source: Runtime
  target: Runtime
  /** The name a runtime gives `app:ci` after loading it from a Docker archive. */
  spelled(name: string): string
  /** Whether an image exported by ID arrives without a name (Docker, podman), or keeps its record's (containerd). */
  untaggedById: boolean
  stop(): Promise<void>
}

export interface RuntimeUnderTest {
  label: string
  start(): Promise<RuntimePair>
}

/** Docker normalises nothing it lists; containerd and podman list the full reference. */
const fullName = (name: string): string => {
  const withDomain = /^[^/]+[.:][^/]*\//.test(name) || name.startsWith('localhost/') ? name : `docker.io/${name}`
  return withDomain.startsWith('docker.io/') && !withDomain.slice('docker.io/'.length).includes('/')
    ? `docker.io/library/${withDomain.slice('docker.io/'.length)}`
    : withDomain
}

function docker(flavour: DockerFlavour): RuntimeUnderTest {
  return {
    label: `docker ${flavour}`,
    async start() {
      const engines = await Promise.all([startDockerd(flavour), startDockerd(flavour)])
      const [source, target] = await Promise.all(engines.map((e) => createDockerRuntime({ DOCKER_HOST: e.host })))
      return {
        source: source!,
        target: target!,
        spelled: (name) => name,
        untaggedById: true,
        stop: async () => {
          await Promise.all([source?.close(), target?.close()])
          await Promise.all(engines.map((e) => e.stop()))
        }
      }
    }
  }
}

const containerd: RuntimeUnderTest = {
  label: 'containerd',
  async start() {
    const engine = await startContainerd()
    const open = (namespace: string): Promise<Runtime> => createContainerdRuntime({ address: engine.socket, namespace })
    const [source, target] = await Promise.all([open('source'), open('target')])
    return {
      source: source!,
      target: target!,
      spelled: fullName,
      untaggedById: false,
      stop: async () => {
        await Promise.all([source?.close(), target?.close()])
        await engine.stop()
      }
    }
  }
}

const podman: RuntimeUnderTest = {
  label: 'podman',
  async start() {
    // podman refuses a runroot path longer than 50 characters.
    const dir = await mkdtemp(join(tmpdir(), 'ih-pc-'))
    const open = (name: string): Promise<Runtime> => createPodmanRuntime({ extraArgs: podmanStoreArgs(dir, name) })
    const [source, target] = await Promise.all([open('s'), open('t')])
    return {
      source: source!,
      target: target!,
      spelled: fullName,
      untaggedById: true,
      stop: async () => {
        await Promise.all([source?.close(), target?.close()])
        await unmountUnder(dir)
        await rm(dir, { recursive: true, force: true, maxRetries: 3 })
      }
    }
  }
}

export const runtimesUnderTest: RuntimeUnderTest[] = [
  docker('20.10'),
  docker('26-classic'),
  docker('26-containerd'),
  containerd,
  podman
]
