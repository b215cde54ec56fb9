/**
 * The toolkit steps of the baselines, each run as its own child process with the job's environment, as
 * upload-artifact, download-artifact and actions/cache run: the bench bundle re-run with `--toolkit-step`.
 * Libraries are imported on demand so the bench process itself never loads them.
 */
import { dirname } from 'node:path'

export const toolkitFlag = '--toolkit-step'

export type ToolkitOp = 'artifact-upload' | 'artifact-download' | 'cache-save' | 'cache-restore'

/** The argv of one toolkit step: `name` is the artifact name or cache key, `path` the file stored or fetched. */
export function toolkitStep(op: ToolkitOp, name: string, path: string): string[] {
  return [process.execPath, process.argv[1]!, toolkitFlag, op, name, path]
}

/** The child's side. Throws (exit 1) on anything but a complete upload or an exact hit. */
export async function runToolkitStep([op, name, path]: string[]): Promise<void> {
  if (!name || !path) throw new Error(`usage: ${toolkitFlag} <op> <name> <path>`)
  if (op === 'artifact-upload' || op === 'artifact-download') {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    if (op === 'artifact-upload') {
      // Default options: zipped at level 6, as upload-artifact does without `compression-level`/`archive: false`.
      const { id, size } = await client.uploadArtifact(name, [path], dirname(path))
      console.log(`artifact ${name}: id ${id}, ${size} bytes`)
      return
    }
    const { artifact } = await client.getArtifact(name)
    await client.downloadArtifact(artifact.id, { path: dirname(path) })
    return
  }
  const cache = await import('@actions/cache')
  if (op === 'cache-save') {
    const id = await cache.saveCache([path], name)
    if (id === -1) throw new Error(`saveCache did not save ${name} (see its warnings)`)
    return
  }
  if (op === 'cache-restore') {
    const hit = await cache.restoreCache([path], name)
    if (hit !== name) throw new Error(`restoreCache missed ${name} (got ${hit ?? 'nothing'})`)
    return
  }
  throw new Error(`unknown toolkit step ${op}`)
}
