/**
 * The state and twirp methods of the stand-in's cache v2 and artifact services. Requests arrive with
 * default-valued fields omitted; answers use the protobuf JSON names (lowerCamelCase, int64 as strings).
 */
import type { BlobStore } from './github-blobs.js'

export interface RunScope {
  repository: string
  runId: number
}

export interface TwirpAnswer {
  status: number
  body: Record<string, unknown>
}

const ok = (body: Record<string, unknown>): TwirpAnswer => ({ status: 200, body })
const twirpError = (status: number, code: string, msg: string): TwirpAnswer => ({ status, body: { code, msg } })
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

export interface CacheEntry {
  repository: string
  key: string
  version: string
  url: string
  id: number
  finalized: boolean
  size: number
}

export class CacheService {
  readonly entries: CacheEntry[] = []
  private nextId = 1

  constructor(private readonly blobs: BlobStore) {}

  call(method: string, body: Record<string, unknown>, scope: RunScope, origin: string): TwirpAnswer {
    const key = text(body.key)
    const version = text(body.version)
    const same = (e: CacheEntry): boolean => e.repository === scope.repository && e.key === key && e.version === version
    switch (method) {
      case 'CreateCacheEntry': {
        // As github.com answers it (actions/cache#1541: "Failed request: (409) Conflict: cache entry with …").
        if (this.entries.some(same))
          return twirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists')
        const url = origin + this.blobs.create('cache', 'cache.tzst')
        this.entries.push({
          repository: scope.repository,
          key,
          version,
          url,
          id: this.nextId++,
          finalized: false,
          size: 0
        })
        return ok({ ok: true, signedUploadUrl: url })
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = this.entries.find((e) => same(e) && !e.finalized)
        if (!entry)
          return ok({ ok: false, entryId: '0', message: 'no cache entry is being uploaded under this key and version' })
        const size = this.blobs.committedSize(entry.url)
        if (size === undefined || String(size) !== text(body.sizeBytes))
          return ok({
            ok: false,
            entryId: '0',
            message: `uploaded size ${size ?? 'none'} differs from ${text(body.sizeBytes)}`
          })
        entry.finalized = true
        entry.size = size
        return ok({ ok: true, entryId: String(entry.id) })
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(body.restoreKeys) ? body.restoreKeys.map(text) : []
        const entry = this.lookup(scope.repository, version, key, restoreKeys)
        if (!entry) return ok({ ok: false, signedDownloadUrl: '', matchedKey: '' })
        return ok({ ok: true, signedDownloadUrl: entry.url, matchedKey: entry.key })
      }
      default:
        return twirpError(404, 'bad_route', `no method ${method}`)
    }
  }

  /** Exact key first, then, prefix by prefix (the key itself first), the newest entry whose key starts with it. */
  private lookup(repository: string, version: string, key: string, restoreKeys: string[]): CacheEntry | undefined {
    const visible = this.entries.filter((e) => e.repository === repository && e.version === version && e.finalized)
    const exact = visible.find((e) => e.key === key)
    if (exact) return exact
    for (const prefix of [key, ...restoreKeys]) {
      const newest = visible.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.id - a.id)[0]
      if (newest) return newest
    }
    return undefined
  }
}

export interface StoredArtifact extends RunScope {
  id: number
  runBackendId: string
  jobBackendId: string
  name: string
  url: string
  finalized: boolean
  size: number
  digest?: string
  mimeType?: string
  expiresAt?: string
  createdAt: string
}

export class ArtifactService {
  readonly artifacts: StoredArtifact[] = []
  private nextId = 1

  constructor(private readonly blobs: BlobStore) {}

  call(
    method: string,
    body: Record<string, unknown>,
    scope: RunScope,
    origin: string,
    runs: Map<string, RunScope>
  ): TwirpAnswer {
    const run = text(body.workflowRunBackendId)
    if (!runs.has(run)) return twirpError(404, 'not_found', `no workflow run ${run}`)
    const name = text(body.name)
    const inRun = this.artifacts.filter((a) => a.runBackendId === run)
    switch (method) {
      case 'CreateArtifact': {
        if (inRun.some((a) => a.name === name))
          return twirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run')
        const url = origin + this.blobs.create('artifacts', name)
        this.artifacts.push({
          ...scope,
          id: this.nextId++,
          runBackendId: run,
          jobBackendId: text(body.workflowJobRunBackendId),
          name,
          url,
          finalized: false,
          size: 0,
          createdAt: new Date().toISOString(),
          ...(typeof body.mimeType === 'string' ? { mimeType: body.mimeType } : {}),
          ...(typeof body.expiresAt === 'string' ? { expiresAt: body.expiresAt } : {})
        })
        return ok({ ok: true, signedUploadUrl: url })
      }
      case 'FinalizeArtifact': {
        const artifact = inRun.find((a) => a.name === name && !a.finalized)
        if (!artifact) return twirpError(404, 'not_found', `no artifact ${name} is being uploaded`)
        const size = this.blobs.committedSize(artifact.url)
        if (size === undefined || String(size) !== text(body.size))
          return twirpError(400, 'invalid_argument', `uploaded size ${size ?? 'none'} differs from ${text(body.size)}`)
        Object.assign(artifact, {
          finalized: true,
          size,
          ...(typeof body.hash === 'string' ? { digest: body.hash } : {})
        })
        return ok({ ok: true, artifactId: String(artifact.id) })
      }
      case 'ListArtifacts': {
        const found = inRun.filter(
          (a) =>
            a.finalized &&
            (body.nameFilter === undefined || a.name === body.nameFilter) &&
            (body.idFilter === undefined || String(a.id) === String(body.idFilter))
        )
        return ok({ artifacts: found.map((a) => this.twirpView(a)) })
      }
      case 'GetSignedArtifactURL': {
        const artifact = inRun.find((a) => a.name === name && a.finalized)
        return artifact ? ok({ signedUrl: artifact.url }) : twirpError(404, 'not_found', `no artifact ${name}`)
      }
      case 'DeleteArtifact': {
        const artifact = inRun.find((a) => a.name === name && a.finalized)
        if (!artifact) return twirpError(404, 'not_found', `no artifact ${name}`)
        this.artifacts.splice(this.artifacts.indexOf(artifact), 1)
        this.blobs.delete(artifact.url)
        return ok({ ok: true, artifactId: String(artifact.id) })
      }
      default:
        return twirpError(404, 'bad_route', `no method ${method}`)
    }
  }

  /** `GET /repos/{o}/{r}/actions/runs/{run}/artifacts?name=`, in the REST API's shape. */
  restList(repository: string, runId: number, name: string | undefined, origin: string): Record<string, unknown>[] {
    return this.artifacts
      .filter(
        (a) =>
          a.finalized && a.repository === repository && a.runId === runId && (name === undefined || a.name === name)
      )
      .map((a) => ({
        id: a.id,
        node_id: `A_${a.id}`,
        name: a.name,
        size_in_bytes: a.size,
        url: `${origin}/repos/${repository}/actions/artifacts/${a.id}`,
        archive_download_url: `${origin}/repos/${repository}/actions/artifacts/${a.id}/zip`,
        expired: false,
        created_at: a.createdAt,
        updated_at: a.createdAt,
        expires_at: a.expiresAt ?? null,
        digest: a.digest ?? null,
        workflow_run: { id: a.runId }
      }))
  }

  downloadUrl(repository: string, id: number, _origin: string): string | undefined {
    return this.artifacts.find((a) => a.finalized && a.repository === repository && a.id === id)?.url
  }

  private twirpView(a: StoredArtifact): Record<string, unknown> {
    return {
      workflowRunBackendId: a.runBackendId,
      workflowJobRunBackendId: a.jobBackendId,
      databaseId: String(a.id),
      name: a.name,
      size: String(a.size),
      createdAt: a.createdAt,
      ...(a.digest ? { digest: a.digest } : {})
    }
  }
}
