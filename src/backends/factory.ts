import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Settings } from '../inputs.js'
import type { BlobStore } from '../store/blob-store.js'

/**
 * The working directory must be the same path in every job: the cache service hashes the path strings into
 * an entry's version, and hosted runners give every job the same RUNNER_TEMP.
 */
export function workDirectory(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'image-handoff')
}

/**
 * The store the settings name. Each is imported when chosen: the toolkit libraries behind the cache and artifact
 * stores are most of the bundle, and a step should not spend its start-up compiling the ones it does not use.
 */
export async function createStore(
  settings: Settings,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env
): Promise<BlobStore> {
  const workDir = workDirectory(env)
  switch (settings.backend) {
    case 'local':
      return (await import('./local-store.js')).createLocalStore(settings.path)
    case 'cache':
      return (await import('./cache-store.js')).createCacheStore({ workDir, log })
    case 'artifact': {
      const [{ createArtifactBackend }, { createPackStore }] = await Promise.all([
        import('./artifact.js'),
        import('./pack-store.js')
      ])
      return createPackStore(createArtifactBackend({ log, ...settings.artifact }), workDir)
    }
    case 'registry': {
      if (settings.registry === undefined) throw new Error('backend: registry without registry settings')
      const { createRegistryStore } = await import('./registry-store.js')
      return createRegistryStore({ ...settings.registry, workDir, log })
    }
  }
}
