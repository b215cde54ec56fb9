import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import tar from 'tar-stream'

/** Name files are small; a larger one is not an image archive's and is skipped rather than buffered. */
const maxNameFile = 4 * 1024 * 1024

/**
 * Every image name an archive's top-level name files give (manifest.json RepoTags, index.json annotations,
 * repositories), spelled as written. Reads a copy of the stream alongside the real consumer and drains
 * everything else, so it never holds more than one name file.
 */
export async function archiveNames(archive: Readable): Promise<string[]> {
  const files = new Map<string, string>()
  const extract = tar.extract()
  extract.on('entry', (header, body, next) => {
    const name = header.name.replace(/^\.\//, '')
    const wanted = ['manifest.json', 'index.json', 'repositories'].includes(name) && (header.size ?? 0) <= maxNameFile
    const chunks: Buffer[] = []
    // A cut archive fails the entry too; the pipeline below reports it once.
    body.on('error', () => undefined)
    if (wanted) body.on('data', (chunk: unknown) => void chunks.push(chunk as Buffer))
    body.on('end', () => {
      if (wanted) files.set(name, Buffer.concat(chunks).toString('utf8'))
      next()
    })
    body.resume()
  })
  await pipeline(archive, extract)
  return namesIn(files)
}

/** Pure: the names in already-read name files; unreadable JSON gives no names rather than an error. */
export function namesIn(files: ReadonlyMap<string, string>): string[] {
  const names = new Set<string>()
  const json = (file: string): unknown => {
    try {
      return JSON.parse(files.get(file) ?? 'null') as unknown
    } catch {
      return null
    }
  }
  const manifest = json('manifest.json')
  if (Array.isArray(manifest)) {
    for (const entry of manifest as Array<{ RepoTags?: unknown }>) {
      if (Array.isArray(entry?.RepoTags)) for (const tag of entry.RepoTags) if (typeof tag === 'string') names.add(tag)
    }
  }
  const index = json('index.json') as { manifests?: Array<{ annotations?: Record<string, string> }> } | null
  for (const descriptor of index?.manifests ?? []) {
    const name = descriptor.annotations?.['io.containerd.image.name']
    if (name) names.add(name)
  }
  const repositories = json('repositories') as Record<string, Record<string, string>> | null
  if (repositories !== null && typeof repositories === 'object') {
    for (const [repo, tags] of Object.entries(repositories))
      for (const tag of Object.keys(tags ?? {})) names.add(`${repo}:${tag}`)
  }
  return [...names]
}
