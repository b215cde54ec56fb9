import type { Settings } from '../inputs.js'
import type { Runtime } from './runtime.js'
import { createDockerRuntime } from './docker/runtime.js'
import { createContainerdRuntime } from './containerd/runtime.js'
import { createPodmanRuntime } from './podman/runtime.js'
import { createKindRuntime } from './containerd/kind.js'
import { HandoffError } from '../errors.js'

/** The runtime the settings name; a kind cluster is reached through Docker and loads into every node. */
export async function createRuntime(
  settings: Settings,
  warn: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env
): Promise<Runtime> {
  if (settings.archive !== undefined) return noEngine
  if (settings.kindCluster !== undefined) return createKindRuntime({ cluster: settings.kindCluster, env })
  const stallMs = settings.stallTimeout * 1000
  switch (settings.runtime) {
    case 'docker':
      return createDockerRuntime(env, { warn, stallMs })
    case 'containerd':
      return createContainerdRuntime({ ...settings.containerd, stallMs, env })
    case 'podman':
      return createPodmanRuntime({ warn, stallMs, env: podmanEnv(env) })
  }
}

/** `archive:` stores a file another tool wrote: no engine is reached, so a save works where none runs. */
const noEngine: Runtime = {
  kind: 'none',
  list: () => Promise.resolve([]),
  inspect: () => Promise.resolve(undefined),
  exportImages: () => Promise.reject(unused()),
  importArchive: () => Promise.reject(unused()),
  tag: () => Promise.reject(unused()),
  close: () => Promise.resolve()
}

function unused(): HandoffError {
  return new HandoffError('no container engine is used when "archive" is given')
}

/** podman runs with the process's environment plus these; only what decides where podman is found is passed. */
function podmanEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return env.PATH !== undefined ? { PATH: env.PATH } : {}
}
