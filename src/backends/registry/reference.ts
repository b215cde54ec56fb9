/**
 * Where a registry store lives and what its tags are called. Pure: parsing and naming only.
 *   `ghcr.io/org/handoff`             https
 *   `127.0.0.1:5000/org/handoff`      http (a loopback host, as Docker treats it)
 *   `http://registry.lan:5000/handoff` an explicit scheme wins
 *   `docker.io/org/handoff`           Docker Hub, whose API is at registry-1.docker.io
 */
import { createHash } from 'node:crypto'
import { HandoffError } from '../../errors.js'

export interface RegistryLocation {
  /** `https://ghcr.io`: scheme, host and port, no path. */
  origin: string
  /** `org/handoff`: the repository every blob, manifest and tag of the store belongs to. */
  repository: string
}

/** The distribution spec's repository name grammar. */
const repositoryPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/
const hostPattern =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '')
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name)
}

export function parseRegistry(text: string): RegistryLocation {
  const explained = (why: string): HandoffError =>
    new HandoffError(
      `Input "registry" is "${text}"; ${why}. Write host[:port]/repository, e.g. ghcr.io/org/handoff or 127.0.0.1:5000/handoff.`
    )
  const scheme = /^(https?):\/\//.exec(text)
  const rest = scheme ? text.slice(scheme[0].length) : text
  const slash = rest.indexOf('/')
  if (slash <= 0) throw explained('it names no repository after the host')
  const host = rest.slice(0, slash)
  // Registries name repositories in lowercase; `${{ github.repository_owner }}` may not be.
  const repository = rest
    .slice(slash + 1)
    .replace(/\/+$/, '')
    .toLowerCase()
  if (!hostPattern.test(host)) throw explained(`"${host}" is not a host name`)
  if (repository.length > 255 || !repositoryPattern.test(repository)) {
    throw explained(`"${repository}" is not a repository name (lowercase letters, digits, and . _ - / between them)`)
  }
  const protocol = scheme?.[1] ?? (isLoopback(host) ? 'http' : 'https')
  // Docker Hub's names are docker.io/…; its registry API answers at registry-1.docker.io.
  const apiHost = host === 'docker.io' || host === 'index.docker.io' ? 'registry-1.docker.io' : host
  return { origin: `${protocol}://${apiHost}`, repository }
}

const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
/** Room left for `-<16 hex>` after a readable part, within the 128 characters a tag may have. */
const readableRoom = 128 - 17

/** The key with every character a tag may not hold as `_`, and never starting with `.` or `-`. */
function readable(key: string): string {
  const plain = key.replace(/[^A-Za-z0-9_.-]/g, '_')
  return /^[.-]/.test(plain) ? `_${plain}` : plain
}

/**
 * The tag an entry is stored under: the key itself when it is a valid tag, else its readable spelling and a hash
 * of the exact key (so `a/b` and `a_b` differ). The manifest also records the key, which a read checks: a tag
 * holding another key is a miss, not a wrong load.
 */
export function tagForKey(key: string): string {
  if (tagPattern.test(key)) return key
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)
  return `${readable(key).slice(0, readableRoom) || '_'}-${hash}`
}

/** True when a tag may hold an entry whose key starts with `prefix` (cheap filter before reading manifests). */
export function tagMayMatch(tag: string, prefix: string): boolean {
  return tag.startsWith(readable(prefix).slice(0, readableRoom))
}
