/**
 * Uploads an artifact in pieces as they are written: CreateArtifact, one staged block per piece, the block list,
 * FinalizeArtifact with the size and sha256 the writer computed. @actions/artifact's uploadArtifact takes only a
 * finished file, so with it nothing of the upload overlapped the export (issue 7: the artifact save took 2.4x the
 * floor, save 7.3 s of a 300 MB handoff). Name collisions and overwrite: true behave as they did with the library.
 */
import { HandoffError, errorMessage } from '../errors.js'
import { blockUpload } from './artifact-blobs.js'
import type { ArtifactService } from './artifact-service.js'
import type { PieceUpload, SaveOutcome } from './backend.js'
import { TwirpError } from './twirp.js'

export interface UploadOptions {
  service: ArtifactService
  key: string
  name: string
  retentionDays?: number
  /** The repository's longest retention (GITHUB_RETENTION_DAYS), which the service would refuse to exceed. */
  maxRetentionDays?: number
  overwrite: boolean
  log: (message: string) => void
  /** Waits between attempts when an artifact being replaced is still in flight (ms). */
  retryDelays: number[]
  /** Deletes a finished artifact of the name (overwrite: true). */
  removeExisting(name: string): Promise<void>
  collision(name: string): HandoffError
}

export async function openArtifactUpload(options: UploadOptions): Promise<PieceUpload> {
  const { service, name, log } = options
  const expiresAt = expiry(options)
  let url: string
  for (let attempt = 0; ; attempt++) {
    if (options.overwrite) await options.removeExisting(name)
    try {
      url = await service.create(name, expiresAt)
      break
    } catch (error) {
      if (!(error instanceof TwirpError && error.status === 409)) throw uploadFailure(name, error)
      // 409: the name is taken. With overwrite, another job's upload may still be in flight: wait, delete it, retry.
      if (!options.overwrite) throw options.collision(name)
      const delay = options.retryDelays[attempt]
      if (delay === undefined)
        throw new HandoffError(
          `Could not replace artifact "${name}": another job kept re-creating it. Give each job its own key.`
        )
      log(`Artifact "${name}" is being written by another job; replacing it after ${delay} ms.`)
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
  const blocks = blockUpload(url)
  return {
    stage: (n, body, length) =>
      blocks.stage(n, body, length).catch((error: unknown) => Promise.reject(uploadFailure(name, error))),
    async commit(count, size, sha256): Promise<SaveOutcome> {
      try {
        await blocks.commit(count)
        const id = await service.finalize(name, size, sha256)
        log(`Uploaded artifact "${name}" (id ${id}, ${size} bytes, sha256:${sha256}).`)
        return { saved: true, key: options.key, bytes: size }
      } catch (error) {
        throw uploadFailure(name, error)
      }
    }
  }
}

function expiry(options: UploadOptions): Date | undefined {
  let days = options.retentionDays
  if (days === undefined) return undefined
  if (options.maxRetentionDays !== undefined && options.maxRetentionDays < days) {
    options.log(
      `retention-days ${days} is more than this repository allows; keeping the artifact ${options.maxRetentionDays} days.`
    )
    days = options.maxRetentionDays
  }
  return new Date(Date.now() + days * 86400000)
}

/** A failed upload as the user's next step: a full storage and rate limits say what to do. */
function uploadFailure(name: string, error: unknown): HandoffError {
  if (error instanceof HandoffError) return error
  const reason = errorMessage(error).replace(/\.$/, '')
  const kind = error instanceof TwirpError ? error.kind : 'failed'
  const status = error instanceof TwirpError ? error.status : undefined
  if (kind === 'quota')
    return new HandoffError(
      `Could not upload artifact "${name}": ${reason}. Delete old artifacts (the run page's Artifacts section, or \`gh api -X DELETE repos/OWNER/REPO/actions/artifacts/ID\`), lower retention-days, or use backend: cache.`
    )
  if (kind === 'rate-limit')
    return new HandoffError(
      `Could not upload artifact "${name}": ${reason}. GitHub limits how fast a run creates artifacts; wait a minute and re-run the job.`
    )
  if (status === 401 || status === 403)
    return new HandoffError(
      `Could not upload artifact "${name}": the artifact service refused this job (${reason}). The job's token may not write artifacts here (a pull request from a fork, or a restricted GITHUB_TOKEN); use backend: cache, or run the save where the job may upload artifacts.`
    )
  return new HandoffError(
    `Could not upload artifact "${name}": ${reason}. Re-run the job; if it persists, check https://www.githubstatus.com.`
  )
}
