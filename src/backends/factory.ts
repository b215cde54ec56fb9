import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Settings } from '../inputs.js'
import type { BlobStore } from '../store/blob-store.js'
import { createLocalStore } from './local-store.js'
import { createCacheStore } from './cache-store.js'
import { createArtifactBackend } from './artifact.js'
import { createPackStore } from './pack-store.js'

/**
 * The working directory must be the same path in every job: the cache service hashes the path strings into
 * an entry's version, and hosted runners give every job the same RUNNER_TEMP.
 */
export function workDirectory(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'image-handoff')
}

export function createStore(settings: Settings, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): BlobStore {
  const workDir = workDirectory(env)
  switch (settings.backend) {
    case 'local':
      return createLocalStore(settings.path)
    case 'cache':
      return createCacheStore({ workDir, log })
    case 'artifact':
      return createPackStore(createArtifactBackend({ workDir, log, ...settings.artifact }), workDir)
  }
}
