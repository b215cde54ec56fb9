/**
 * `backend: artifact`: one workflow artifact per handoff, the payload itself (no zip), named after the key.
 * Uploads bypass @actions/artifact (artifact-upload.ts): its uploadArtifact takes only a finished file, so nothing
 * of the upload could overlap the export. Same-run loads read the artifact in ranges from its signed URL
 * (openRanged), so a load starts at once and fetches only the chunks it needs; another run's artifact likewise,
 * from the signed URL the REST API redirects to (artifact-rest.ts). Lookups and deletes stay with the library.
 */
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DefaultArtifactClient, type Artifact, type FindOptions } from '@actions/artifact'
import { HandoffError, errorMessage } from '../errors.js'
import { rangeReader, signedUrl, type SignedUrl } from './artifact-blobs.js'
import { artifactBlobUrl, restUrlMaxAgeMs } from './artifact-rest.js'
import { artifactServiceFromEnv, type ArtifactService } from './artifact-service.js'
import { openArtifactUpload, uploadFile } from './artifact-upload.js'
import type { Backend, PieceUpload, RangedEntry, RestoredEntry, SaveOutcome } from './backend.js'
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
  /** The job's environment (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, GITHUB_RETENTION_DAYS); read when created. */
  env?: NodeJS.ProcessEnv
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

  const env = { ...(options.env ?? process.env) }
  let service: ArtifactService | undefined
  const twirp = (): ArtifactService => (service ??= artifactServiceFromEnv(env))

  async function openUpload(key: string): Promise<PieceUpload> {
    const maxRetentionDays = Number.parseInt(env.GITHUB_RETENTION_DAYS ?? '', 10)
    return openArtifactUpload({
      service: twirp(),
      key,
      name: artifactName(key),
      overwrite: options.overwrite,
      log,
      retryDelays: options.retryDelays ?? [1000, 2000, 4000, 8000],
      removeExisting,
      collision,
      ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
      ...(Number.isNaN(maxRetentionDays) ? {} : { maxRetentionDays })
    })
  }

  /** Where an artifact's bytes are read from: this run's through the artifact service, another's through REST. */
  function urlOf(artifact: Artifact): SignedUrl {
    const from = options.crossRun
    if (!from) return signedUrl(() => twirp().signedUrl(artifact.name))
    const apiUrl = env.GITHUB_API_URL ?? 'https://api.github.com'
    return signedUrl(() => artifactBlobUrl({ apiUrl, ...from, id: artifact.id }), restUrlMaxAgeMs)
  }

  /** The artifact under `key` (this run's, or the cross-run source's), read in ranges from its signed URL. */
  async function openRanged(key: string): Promise<RangedEntry | undefined> {
    const name = artifactName(key)
    const artifact = await find(name, findBy)
    if (!artifact) return undefined
    const url = urlOf(artifact)
    try {
      await url(false)
    } catch (error) {
      throw new HandoffError(
        `Could not get a download URL for artifact "${name}"${where}: ${errorMessage(error).replace(/\.$/, '')}${options.crossRun ? '' : '; re-run the job'}.`
      )
    }
    const reader = rangeReader(url)
    const failed = (error: unknown): never => {
      throw new HandoffError(
        `Artifact "${name}" (id ${artifact.id}) did not download intact: ${errorMessage(error).replace(/\.$/, '')}. Nothing was loaded; re-run the job.`
      )
    }
    log(
      `Reading artifact "${name}"${where} (id ${artifact.id}, ${artifact.size} bytes) in ranges, only the chunks the load needs.`
    )
    return {
      matchedKey: key,
      size: artifact.size,
      read: (start, length) => reader.read(start, length).catch(failed),
      fetch: (start, length, file, watch) => reader.fetch(start, length, file, watch).catch(failed)
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
      return await uploadFile(await openUpload(key), file)
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
    openUpload,
    openRanged,
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
