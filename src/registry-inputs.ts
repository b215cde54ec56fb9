/** The inputs of `backend: registry`: where the registry is and who to be there. */
import { HandoffError } from './errors.js'
import { parseRegistry } from './backends/registry/reference.js'
import { Input } from './input-names.js'
import { boolean, warnInapplicable } from './input-values.js'
import type { BackendKind, RegistrySettings } from './inputs.js'

const registryOnly = [Input.registry, Input.registryUsername, Input.registryPassword, Input.registryPullable] as const

/**
 * The registry and who to be there: `registry-username`/`registry-password`, else `github-token` as the
 * workflow's actor (what ghcr.io takes), else nobody.
 */
export function parseRegistrySettings(
  get: (name: string) => string,
  backend: BackendKind,
  env: NodeJS.ProcessEnv,
  warnings: string[]
): RegistrySettings | undefined {
  if (backend !== 'registry') {
    warnInapplicable(
      registryOnly.filter(
        (name) => get(name) !== '' && !(name === Input.registryPullable && /^false$/i.test(get(name)))
      ),
      'backend: registry',
      backend,
      warnings
    )
    return undefined
  }
  const address = get(Input.registry)
  if (address === '')
    throw new HandoffError(
      'Input "registry" is required with backend: registry; give host[:port]/repository, e.g. ghcr.io/org/handoff.'
    )
  const where = {
    location: parseRegistry(address),
    pullable: boolean(Input.registryPullable, get(Input.registryPullable))
  }
  const username = get(Input.registryUsername)
  const password = get(Input.registryPassword)
  if ((username === '') !== (password === ''))
    throw new HandoffError(
      'Inputs "registry-username" and "registry-password" go together; give both, or neither (and "github-token" for ghcr.io).'
    )
  if (username !== '') return { ...where, credentials: { username, password } }
  const token = get(Input.githubToken)
  if (token !== '') return { ...where, credentials: { username: env.GITHUB_ACTOR || 'image-handoff', password: token } }
  return where
}
