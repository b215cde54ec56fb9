import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Settings } from '../inputs.js'
import type { Storage } from '../handoff/deps.js'
import { createLocalStore } from './local-store.js'
import { createCacheStore } from './cache-store.js'
import { createArtifactBackend } from './artifact.js'

/**
 * The working directory must be the same path in every job: the cache service hashes the path strings into
 * an entry's version, and hosted runners give every job the same RUNNER_TEMP.
 */
export function workDirectory(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'image-handoff')
}

export function createStorage(settings: Settings, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Storage {
  const workDir = workDirectory(env)
  switch (settings.backend) {
    case 'local':
      return { kind: 'store', store: createLocalStore(settings.path) }
    case 'cache':
      return { kind: 'store', store: createCacheStore({ workDir, log }) }
    case 'artifact':
      return { kind: 'file', backend: createArtifactBackend({ workDir, log, ...settings.artifact }) }
  }
}
