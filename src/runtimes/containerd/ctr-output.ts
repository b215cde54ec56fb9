/**
 * Pure readers of what `ctr` (containerd 1.6/1.7) prints. ctr has no machine-readable output, so these
 * parsers hold the format knowledge in one place, each checked against real output in the unit tests.
 */
import { isDigestReference } from '../../archive/model.js'

/** One row of `ctr images ls`. */
export interface CtrImageRow {
  name: string
  mediaType: string
  /** The target digest: containerd's image ID. */
  digest: string
  /** Content size, from ctr's rounded human form (`2.0 MiB`). */
  size: number
  platforms: string[]
}

const units: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, PiB: 2 ** 50 }

/** `2.0 MiB` → 2097152; ctr prints one decimal, so the result is approximate. */
export function parseHumanSize(value: string, unit: string): number {
  const factor = units[unit]
  const number = Number(value)
  if (factor === undefined || !Number.isFinite(number)) return 0
  return Math.round(number * factor)
}

/**
 * `ctr images ls`: `REF TYPE DIGEST SIZE PLATFORMS LABELS`, space-aligned. No field holds a space except
 * SIZE (`2.0 MiB`), so the row splits on whitespace.
 */
export function parseImageList(stdout: string): CtrImageRow[] {
  const rows: CtrImageRow[] = []
  for (const line of stdout.split('\n')) {
    const fields = line.trim().split(/\s+/)
    const [name, mediaType, digest, value, unit, platforms] = fields
    if (name === undefined || name === 'REF' || digest === undefined || !digest.startsWith('sha256:')) continue
    rows.push({
      name,
      mediaType: mediaType ?? '',
      digest,
      size: parseHumanSize(value ?? '', unit ?? ''),
      platforms: platforms === undefined || platforms === '-' ? [] : platforms.split(',')
    })
  }
  return rows
}

/** What `ctr images import` said it imported. */
export interface CtrImported {
  /** Every name, as containerd stored it (fully normalised for docker tars). */
  names: string[]
  /** Target digests, once each. */
  digests: string[]
}

const unpackLine = /^unpacking (\S+) \((sha256:[0-9a-f]{64})\)/

/** ctr 1.6/1.7 print `unpacking <name> (<digest>)...done` once per imported name. */
export function parseImportOutput(stdout: string): CtrImported {
  const names: string[] = []
  const digests: string[] = []
  for (const line of stdout.split('\n')) {
    const match = unpackLine.exec(line.trim())
    if (!match) continue
    const [, name = '', digest = ''] = match
    if (!isDigestReference(name) && !names.includes(name)) names.push(name)
    if (!digests.includes(digest)) digests.push(digest)
  }
  return { names, digests }
}

/** containerd's namespace rule (`identifiers.Validate`), checked before any call so the message is ours. */
export function namespaceProblem(namespace: string): string | undefined {
  if (namespace === '') return 'it is empty'
  if (namespace.length > 76) return 'it is longer than 76 characters'
  if (!/^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/.test(namespace)) {
    return 'only letters, digits and single ".", "_" or "-" between them are allowed'
  }
  return undefined
}
