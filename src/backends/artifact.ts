/**
 * `backend: artifact`: one workflow artifact per handoff through @actions/artifact, uploaded as the payload
 * file itself (no zip), named after the key. The orchestrator compresses the payload beforehand.
 */
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DefaultArtifactClient, type Artifact, type FindOptions } from '@actions/artifact'
import { HandoffError, errorMessage } from '../errors.js'
import type { Backend, RestoredEntry, SaveOutcome } from './backend.js'
import { artifactName } from './service-names.js'
import { transferLine } from '../units.js'

export interface ArtifactBackendOptions {
  workDir: string
  retentionDays?: number
  /** Replace an artifact of the same name in this run instead of failing. */
  overwrite: boolean
  /** Download from another run (or repository) with a token that has `actions: read` there. */
  crossRun?: { token: string; runId: number; owner: string; repo: string }
  log?: (message: string) => void
  /** Waits between upload attempts when an artifact being replaced is still in flight (ms). */
  retryDelays?: number[]
}

type FindBy = NonNullable<FindOptions['findBy']>

export function createArtifactBackend(options: ArtifactBackendOptions): Backend {
  const client = new DefaultArtifactClient()
  const log = options.log ?? (() => undefined)
  const findBy: FindBy | undefined = options.crossRun && {
    token: options.crossRun.token,
    workflowRunId: options.crossRun.runId,
    repositoryOwner: options.crossRun.owner,
    repositoryName: options.crossRun.repo
  }
  const where = options.crossRun
    ? ` in ${options.crossRun.owner}/${options.crossRun.repo} run ${options.crossRun.runId}`
    : ''

  /** The newest artifact called `name` in this run, or in the cross-run source when `from` is given. */
  async function find(name: string, from?: FindBy): Promise<Artifact | undefined> {
    try {
      return (await client.getArtifact(name, from ? { findBy: from } : undefined)).artifact
    } catch (error) {
      if (error instanceof Error && error.name === 'ArtifactNotFoundError') return undefined
      throw new HandoffError(`Could not look up artifact "${name}"${from ? where : ''}: ${errorMessage(error)}`)
    }
  }

  function collision(name: string): HandoffError {
    return new HandoffError(
      `An artifact named "${name}" already exists in this workflow run (another job, e.g. of a matrix, or an earlier attempt saved it). ` +
        'Put the matrix values in "key" (e.g. key: images-${{ matrix.os }}) so each job stores its own artifact, or set overwrite: true to replace it.'
    )
  }

  async function upload(name: string, file: string, dir: string): Promise<number> {
    const delays = options.retryDelays ?? [1000, 2000, 4000, 8000]
    for (let attempt = 0; ; attempt++) {
      if (options.overwrite) await removeExisting(name)
      try {
        const result = await client.uploadArtifact(name, [file], dir, {
          skipArchive: true,
          ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {})
        })
        log(
          `Uploaded artifact "${name}" (id ${result.id}, ${result.size ?? 0} bytes, ${result.digest ? `sha256:${result.digest}` : 'no digest'}).`
        )
        return result.size ?? (await stat(file)).size
      } catch (error) {
        if (!/\(409\)/.test(errorMessage(error)))
          throw new HandoffError(`Could not upload artifact "${name}": ${errorMessage(error)}. Re-run the job.`)
        // 409: the name is taken. With overwrite, another job's upload may still be in flight: wait, delete it, retry.
        if (!options.overwrite) throw collision(name)
        const delay = delays[attempt]
        if (delay === undefined)
          throw new HandoffError(
            `Could not replace artifact "${name}": another job kept re-creating it. Give each job its own key.`
          )
        log(`Artifact "${name}" is being written by another job; replacing it after ${delay} ms.`)
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  async function removeExisting(name: string): Promise<void> {
    if (!(await find(name))) return
    try {
      await client.deleteArtifact(name)
      log(`Deleted the existing artifact "${name}" (overwrite: true).`)
    } catch (error) {
      // Gone already (another job replaced it first) is fine; the upload that follows tells the rest.
      if (!(error instanceof Error && error.name === 'ArtifactNotFoundError') && !/\(404\)/.test(errorMessage(error)))
        throw new HandoffError(`Could not delete artifact "${name}" to replace it: ${errorMessage(error)}`)
    }
  }

  async function save(key: string, write: (file: string) => Promise<void>): Promise<SaveOutcome> {
    const name = artifactName(key)
    if (!options.overwrite && (await find(name))) throw collision(name)
    const dir = await scratch(options.workDir, 'upload-')
    try {
      const file = join(dir, name)
      await write(file)
      return { saved: true, key, bytes: await upload(name, file, dir) }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  async function restore(key: string): Promise<RestoredEntry | undefined> {
    const name = artifactName(key)
    const artifact = await find(name, findBy)
    if (!artifact) return undefined
    const dir = await scratch(options.workDir, 'download-')
    try {
      const file = await download(artifact, dir)
      log(`Downloaded artifact "${name}"${where} (id ${artifact.id}, ${artifact.size} bytes).`)
      return { matchedKey: key, file, dispose: () => rm(dir, { recursive: true, force: true }).catch(() => undefined) }
    } catch (error) {
      await rm(dir, { recursive: true, force: true })
      throw error
    }
  }

  async function download(artifact: Artifact, dir: string): Promise<string> {
    const failed = (why: string): HandoffError =>
      new HandoffError(
        `Artifact "${artifact.name}"${where} did not download intact: ${why}. Nothing was loaded; re-run the job.`
      )
    let mismatch: boolean | undefined
    // The library reports nothing while it downloads: say how far it got every few seconds.
    const started = Date.now()
    const timer = setInterval(() => void reportDownload(dir, artifact, started, log), 5000)
    timer.unref()
    try {
      ;({ digestMismatch: mismatch } = await client.downloadArtifact(artifact.id, {
        path: dir,
        ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
        ...(findBy ? { findBy } : {})
      }))
    } catch (error) {
      throw failed(errorMessage(error))
    } finally {
      clearInterval(timer)
    }
    if (mismatch) throw failed(`its sha256 digest differs from the one recorded at upload (${artifact.digest})`)
    const files = await readdir(dir)
    if (files.length !== 1) throw failed(`expected one file, found ${files.length}`)
    const file = join(dir, files[0])
    const size = (await stat(file)).size
    if (size !== artifact.size) throw failed(`${size} bytes arrived, ${artifact.size} were uploaded`)
    return file
  }

  return {
    kind: 'artifact',
    compresses: false,
    async checkNew(key) {
      const name = artifactName(key)
      if (!options.overwrite && (await find(name))) throw collision(name)
    },
    exists: async (key) => (await find(artifactName(key), findBy)) !== undefined,
    save,
    // Restore keys do not apply to artifacts: names are looked up exactly.
    restore: (key) => restore(key)
  }
}

async function reportDownload(
  dir: string,
  artifact: Artifact,
  started: number,
  log: (message: string) => void
): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  const sizes = await Promise.all(
    names.map((name) =>
      stat(join(dir, name)).then(
        (s) => s.size,
        () => 0
      )
    )
  )
  const bytes = sizes.reduce((sum, n) => sum + n, 0)
  log(transferLine('download', bytes, (Date.now() - started) / 1000, artifact.size))
}

async function scratch(workDir: string, prefix: string): Promise<string> {
  const parent = join(workDir, 'artifact')
  await mkdir(parent, { recursive: true })
  return mkdtemp(join(parent, prefix))
}
