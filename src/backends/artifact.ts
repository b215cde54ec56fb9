/**
 * `backend: artifact`: one workflow artifact per handoff, the payload itself (no zip), named after the key.
 * Uploads bypass @actions/artifact (artifact-upload.ts): its uploadArtifact takes only a finished file, so nothing
 * of the upload could overlap the export. Same-run loads read the artifact in ranges from its signed URL
 * (openRanged), so a load starts at once and fetches only the chunks it needs; another run's artifact likewise,
 * from the signed URL the REST API redirects to (artifact-rest.ts). Lookups and deletes stay with the library.
 */
import { DefaultArtifactClient, type Artifact, type FindOptions } from '@actions/artifact'
import { HandoffError, errorMessage } from '../errors.js'
import { rangeReader, signedUrl, type SignedUrl } from './artifact-blobs.js'
import { artifactBlobUrl, restUrlMaxAgeMs } from './artifact-rest.js'
import { artifactServiceFromEnv, type ArtifactService } from './artifact-service.js'
import { openArtifactUpload } from './artifact-upload.js'
import type { PackBackend, PieceUpload, RangedEntry } from './backend.js'
import { artifactName } from './service-names.js'

export interface ArtifactBackendOptions {
  retentionDays?: number
  /** Replace an artifact of the same name in this run instead of failing. */
  overwrite: boolean
  /** Read from another run (or repository) with a token that has `actions: read` there. */
  crossRun?: { token: string; runId: number; owner: string; repo: string }
  log?: (message: string) => void
  /** Waits between upload attempts when an artifact being replaced is still in flight (ms). */
  retryDelays?: number[]
  /** The job's environment (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, GITHUB_RETENTION_DAYS); read when created. */
  env?: NodeJS.ProcessEnv
}

type FindBy = NonNullable<FindOptions['findBy']>

export function createArtifactBackend(options: ArtifactBackendOptions): PackBackend {
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

  return {
    kind: 'artifact',
    async checkNew(key) {
      const name = artifactName(key)
      if (!options.overwrite && (await find(name))) throw collision(name)
    },
    openUpload,
    openRanged
  }
}
