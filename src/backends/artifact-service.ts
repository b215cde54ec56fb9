/**
 * The calls of the Actions artifact service (v4, twirp) that the streamed upload and the ranged load make
 * themselves: create, finalize, and the signed URL of a finished artifact. @actions/artifact makes the same calls,
 * but uploads only a finished file, so nothing of the upload overlapped the export (issue 7: the artifact save
 * took 2.4x the floor). Lookups (in this run and in others) and deletes stay with the library (artifact.ts).
 */
import { HandoffError } from '../errors.js'
import { TwirpError, field, libraryRetry, twirpClient, type RetryPolicy, type TwirpCall } from './twirp.js'

const service = 'github.actions.results.api.v1.ArtifactService'

export interface ArtifactService {
  /** A signed upload URL for a new artifact; rejects with a TwirpError of status 409 when the name is taken. */
  create(name: string, expiresAt?: Date): Promise<string>
  finalize(name: string, size: number, sha256: string): Promise<string>
  /** The signed download URL of the finished artifact `name` of this run. */
  signedUrl(name: string): Promise<string>
}

/** The run's and job's backend ids, read from the runtime token's `scp` claim as @actions/artifact reads them. */
export function backendIds(token: string): { run: string; job: string } {
  const payload = token.split('.')[1] ?? ''
  let scp = ''
  try {
    scp = String((JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: unknown }).scp ?? '')
  } catch {
    // Reported below with the rest.
  }
  const scope = scp.split(' ').find((s) => s.startsWith('Actions.Results:'))
  const [, run, job] = scope?.split(':') ?? []
  if (!run || !job)
    throw new HandoffError(
      'The runtime token (ACTIONS_RUNTIME_TOKEN) names no workflow run to store artifacts in. backend: artifact works only inside a GitHub Actions job on github.com or GHE.com; use backend: cache or local elsewhere.'
    )
  return { run, job }
}

export function artifactServiceFromEnv(env: NodeJS.ProcessEnv, retry: RetryPolicy = libraryRetry): ArtifactService {
  const base = env.ACTIONS_RESULTS_URL
  const token = env.ACTIONS_RUNTIME_TOKEN
  if (!base || !token)
    throw new HandoffError(
      'ACTIONS_RESULTS_URL or ACTIONS_RUNTIME_TOKEN is not set: backend: artifact works only inside a GitHub Actions job. Use backend: cache or local elsewhere.'
    )
  const ids = backendIds(token)
  const call: TwirpCall = twirpClient({
    base,
    token,
    service,
    retry,
    quotaMessage: "the repository's artifact storage quota is used up",
    label: 'the artifact service'
  })
  const scoped = (body: Record<string, unknown>): Record<string, unknown> => ({
    workflow_run_backend_id: ids.run,
    workflow_job_run_backend_id: ids.job,
    ...body
  })
  return {
    async create(name, expiresAt) {
      const answer = await call(
        'CreateArtifact',
        scoped({
          name,
          version: 7,
          mime_type: 'application/octet-stream',
          ...(expiresAt ? { expires_at: expiresAt.toISOString() } : {})
        })
      )
      const url = field(answer, 'signed_upload_url')
      if (answer.ok !== true || typeof url !== 'string' || url === '')
        throw new TwirpError(`the artifact service did not create artifact "${name}"`, 'failed')
      return url
    },
    async finalize(name, size, sha256) {
      const answer = await call('FinalizeArtifact', scoped({ name, size: String(size), hash: `sha256:${sha256}` }))
      const id = field(answer, 'artifact_id')
      if (answer.ok !== true) throw new TwirpError(`the artifact service did not finalize "${name}"`, 'failed')
      return String(id)
    },
    async signedUrl(name) {
      const answer = await call('GetSignedArtifactURL', scoped({ name }))
      const url = field(answer, 'signed_url')
      if (typeof url !== 'string' || url === '')
        throw new TwirpError(`the artifact service gave no download URL for "${name}"`, 'failed')
      return url
    }
  }
}
