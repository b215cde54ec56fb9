import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Settings } from '../inputs.js'
import type { Backend } from './backend.js'
import { createLocalBackend } from './local.js'
import { createCacheBackend } from './cache.js'
import { createArtifactBackend } from './artifact.js'

/**
 * The working directory must be the same path in every job: the cache service hashes the path strings into
 * an entry's version, and hosted runners give every job the same RUNNER_TEMP.
 */
export function workDirectory(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'image-handoff')
}

export function createBackend(settings: Settings, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Backend {
  const workDir = workDirectory(env)
  switch (settings.backend) {
    case 'local':
      return createLocalBackend(settings.path)
    case 'cache':
      return createCacheBackend({ workDir, log })
    case 'artifact':
      return createArtifactBackend({ workDir, log, ...settings.artifact })
  }
}
