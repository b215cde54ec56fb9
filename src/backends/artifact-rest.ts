/**
 * Another run's artifact as the REST API serves it: `GET /repos/{owner}/{repo}/actions/artifacts/{id}/zip`
 * answers 302 with a signed blob URL, good for about a minute; for an artifact uploaded unzipped, as this
 * action's are, the blob is the pack itself, so a load reads it in ranges as it reads this run's artifact.
 */
import { HttpClient } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'

export interface ArtifactLocation {
  /** The REST API's base (GITHUB_API_URL), e.g. https://api.github.com. */
  apiUrl: string
  token: string
  owner: string
  repo: string
  id: number
}

/** The REST URLs expire after a minute: asked again before that, so a long load never reads with a stale one. */
export const restUrlMaxAgeMs = 45_000

export async function artifactBlobUrl(where: ArtifactLocation): Promise<string> {
  const http = new HttpClient('image-handoff', [new BearerCredentialHandler(where.token)], { allowRedirects: false })
  const url = `${where.apiUrl.replace(/\/+$/, '')}/repos/${where.owner}/${where.repo}/actions/artifacts/${where.id}/zip`
  const response = await http.get(url, { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' })
  await response.readBody()
  const status = response.message.statusCode ?? 0
  const location = response.message.headers.location
  if (status === 302 && typeof location === 'string' && location !== '') return location
  throw new Error(`the REST API answered ${status} to ${url}${refusal(status)}`)
}

function refusal(status: number): string {
  if (status === 401 || status === 403) return ': the github-token needs actions: read on that repository'
  if (status === 404) return ': the artifact expired or was deleted, or the token cannot see the repository'
  return '; re-run the job'
}
