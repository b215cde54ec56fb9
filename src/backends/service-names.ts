/**
 * What the Actions services accept as cache keys and artifact names, checked before any transfer so a bad
 * key fails with advice instead of a library error halfway through.
 */
import { HandoffError } from '../errors.js'

/** Cache keys: at most 512 characters, no commas; key and restore keys at most 10 together. */
export function checkCacheKeys(key: string, restoreKeys: string[] = []): void {
  if (key === '') throw new HandoffError('The cache key is empty; set input "key".')
  for (const k of [key, ...restoreKeys]) {
    if (k.length > 512)
      throw new HandoffError(
        `Cache key "${k.slice(0, 40)}…" is ${k.length} characters long; the cache accepts at most 512.`
      )
    if (k.includes(','))
      throw new HandoffError(
        `Cache key "${k}" contains a comma, which the cache does not accept; use another separator.`
      )
  }
  if (restoreKeys.length + 1 > 10)
    throw new HandoffError(
      `The cache accepts at most 10 keys (key and restore-keys together); ${restoreKeys.length + 1} were given.`
    )
}

const forbidden: ReadonlyArray<[string, string]> = [
  ['"', 'double quote'],
  [':', 'colon'],
  ['<', 'less-than sign'],
  ['>', 'greater-than sign'],
  ['|', 'vertical bar'],
  ['*', 'asterisk'],
  ['?', 'question mark'],
  ['\r', 'carriage return'],
  ['\n', 'line feed'],
  ['\\', 'backslash'],
  ['/', 'slash']
]

/**
 * The artifact name for `key`, which is the key itself: a key that is not a valid name is rejected rather
 * than rewritten, so the name another workflow (or a person in the UI) looks for is exactly the key.
 * The payload file is named after the artifact (skipArchive names artifacts by file basename), hence the
 * file-name limits; a `.zip` suffix would make downloads try to unzip the payload.
 */
export function artifactName(key: string): string {
  if (key === '') throw new HandoffError('The artifact name is empty; set input "key".')
  const bad = forbidden.find(([c]) => key.includes(c))
  if (bad)
    throw new HandoffError(
      `Key "${key}" is used as the artifact name, which may not contain a ${bad[1]} (nor any of " : < > | * ? \\ / or line breaks); replace it, e.g. with "-".`
    )
  if (key === '.' || key === '..' || key.trim() !== key)
    throw new HandoffError(
      `Key "${key}" is not usable as an artifact name; use letters, digits, "-", "_" or "." without surrounding spaces.`
    )
  if (key.toLowerCase().endsWith('.zip'))
    throw new HandoffError(
      `Key "${key}" ends in ".zip", which would make downloads unzip the stored images; choose a key without it.`
    )
  if (Buffer.byteLength(key) > 255)
    throw new HandoffError(`Key "${key.slice(0, 40)}…" is longer than 255 bytes, too long for an artifact name.`)
  return key
}
