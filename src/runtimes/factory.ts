import type { Settings } from '../inputs.js'
import type { Runtime } from './runtime.js'
import { createDockerRuntime } from './docker.js'
import { createContainerdRuntime } from './containerd.js'
import { createPodmanRuntime } from './podman.js'
import { createKindRuntime } from './kind.js'

/** The runtime the settings name; a kind cluster is reached through Docker and loads into every node. */
export async function createRuntime(
  settings: Settings,
  warn: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env
): Promise<Runtime> {
  if (settings.kindCluster !== undefined) return createKindRuntime({ cluster: settings.kindCluster, env })
  const stallMs = settings.stallTimeout * 1000
  switch (settings.runtime) {
    case 'docker':
      return createDockerRuntime(env, { warn, stallMs })
    case 'containerd':
      return createContainerdRuntime({ ...settings.containerd, stallMs })
    case 'podman':
      return createPodmanRuntime({ warn, stallMs })
  }
}
