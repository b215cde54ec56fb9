/**
 * A stand-in for GitHub's Actions services on 127.0.0.1, dependency-free: the cache v2 and artifact twirp
 * APIs, Azure-style blobs, and the two REST routes of cross-run artifact downloads. Entries are scoped by
 * repository (cache) and repository/run (artifacts) so tests can emulate several jobs, runs and repositories.
 * Faults are injected on demand to test what the backends do when the service misbehaves.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { BlobStore, azureError, blobId, readText, type DownloadFault } from './github-blobs.js'
import { idsFromToken, jobEnvironment, runBackendId, type JobOptions } from './github-env.js'
import { ArtifactService, CacheService, type RunScope, type TwirpAnswer } from './github-twirp.js'

export { jobEnvironment, enterJob, type JobOptions } from './github-env.js'

/** One request as the stand-in saw it: `route` is a twirp method, `blob:*` or `rest:*`. */
export interface RequestRecord {
  route: string
  status: number
  repository?: string
  runId?: number
  body?: Record<string, unknown>
  /** On `blob:get`: the Range (or x-ms-range) asked for, and the body bytes sent. */
  range?: string
  bytes?: number
}

/**
 * A fault on a route, for the next `times` requests (default 1): an error status with a twirp `msg`,
 * or, on `blob:get`, a bent download.
 */
/** A twirp call answered with an error status, or with a 200 body of the test's choosing; or a blob download cut. */
export type Fault = { route: string; times?: number } & (
  { status: number; msg?: string } | { answer: Record<string, unknown> } | { download: DownloadFault }
)

export class GitHubServices {
  readonly requests: RequestRecord[] = []
  /** TCP connections the services accepted since the start. */
  connections = 0
  readonly cache: CacheService
  readonly artifacts: ArtifactService
  private readonly runs = new Map<string, RunScope>()
  private readonly faults: Fault[] = []
  private server?: Server
  private origin = ''

  private constructor(
    private readonly dir: string,
    private readonly blobs: BlobStore
  ) {
    this.cache = new CacheService(blobs)
    this.artifacts = new ArtifactService(blobs)
  }

  static async start(): Promise<GitHubServices> {
    const dir = await mkdtemp(join(tmpdir(), 'github-services-'))
    const blobs = new BlobStore(join(dir, 'blobs'))
    await blobs.open()
    const services = new GitHubServices(dir, blobs)
    const server = createServer((req, res) => void services.handle(req, res))
    server.on('connection', () => services.connections++)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    services.server = server
    services.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return services
  }

  get url(): string {
    return this.origin
  }

  /** Blob bytes uploaded to the cache and artifact services since the start. */
  get uploadedBytes(): number {
    return this.blobs.uploadedBytes
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    await rm(this.dir, { recursive: true, force: true })
  }

  /** The environment of one job of `repository`'s run `runId`; also registers the run with the services. */
  jobEnv(options: JobOptions): Record<string, string> {
    const repository = options.repository ?? 'octo/app'
    const runId = options.runId ?? 1
    this.runs.set(runBackendId(repository, runId), { repository, runId })
    return jobEnvironment(this.origin, options)
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 })
  }

  /** The next cache reservation answers like a repository over its storage quota. */
  quotaExceeded(route = 'CreateCacheEntry'): void {
    this.inject({ route, status: 403, msg: 'Failed to CreateCacheEntry: insufficient usage to create cache entry' })
  }

  clearFaults(): void {
    this.faults.length = 0
  }

  /** Requests to `route` since the start (or since `from`, an index into `requests`). */
  calls(route: string, from = 0): RequestRecord[] {
    return this.requests.slice(from).filter((r) => r.route === route)
  }

  private takeFault(route: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.route === route && (f.times ?? 0) > 0)
    if (index < 0) return undefined
    const fault = this.faults[index]!
    fault.times = (fault.times ?? 1) - 1
    if (fault.times === 0) this.faults.splice(index, 1)
    return fault
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin)
    try {
      if (url.pathname.startsWith('/twirp/')) await this.twirp(url, req, res)
      else if (url.pathname.startsWith('/blob/')) await this.blob(url, req, res)
      else if (url.pathname.startsWith('/repos/')) await this.rest(url, req, res)
      else this.send(res, { route: `unknown:${req.method} ${url.pathname}`, status: 404 }, { message: 'Not Found' })
    } catch (error) {
      if (!res.headersSent) this.send(res, { route: 'error', status: 500 }, { code: 'internal', msg: String(error) })
      else res.destroy()
    }
  }

  private async twirp(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [service, method = ''] = url.pathname.slice('/twirp/'.length).split('/')
    // Clients send proto field names (snake_case); the handlers read the JSON names (lowerCamelCase).
    const body = camelKeys(JSON.parse((await readText(req)) || '{}') as Record<string, unknown>)
    const ids = idsFromToken(req.headers.authorization)
    const scope = ids ? this.runs.get(ids.run) : undefined
    const record: RequestRecord = { route: method, status: 200, body, ...(scope ?? {}) }
    if (!scope)
      return this.send(res, { ...record, status: 401 }, { code: 'unauthenticated', msg: 'unknown runtime token' })
    const fault = this.takeFault(method)
    if (fault && 'status' in fault)
      return this.send(
        res,
        { ...record, status: fault.status },
        { code: 'internal', msg: fault.msg ?? 'injected fault' }
      )
    if (fault && 'answer' in fault) return this.send(res, record, fault.answer)
    let answer: TwirpAnswer
    if (service?.endsWith('.CacheService')) answer = this.cache.call(method, body, scope, this.origin)
    else if (service?.endsWith('.ArtifactService'))
      answer = this.artifacts.call(method, body, scope, this.origin, this.runs)
    else answer = { status: 404, body: { code: 'bad_route', msg: `no service ${service}` } }
    this.send(res, { ...record, status: answer.status }, answer.body)
  }

  private async blob(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = blobId(url.pathname)
    const route = req.method === 'GET' ? 'blob:get' : `blob:${url.searchParams.get('comp') ?? 'put'}`
    const fault = this.takeFault(route)
    if (fault && 'status' in fault) {
      req.resume()
      azureError(res, fault.status, 'InternalError')
      this.requests.push({ route, status: fault.status })
      return
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const range = req.headers['x-ms-range'] ?? req.headers.range
      const record: RequestRecord = { route, status: 200, ...(typeof range === 'string' ? { range } : {}) }
      this.requests.push(record)
      record.bytes = await this.blobs.get(id, req, res, fault && 'download' in fault ? fault.download : undefined)
      return
    }
    const done = await this.blobs.put(id, url.searchParams, req, res)
    this.requests.push({ route: done.startsWith('blob:error') ? route : done, status: res.statusCode })
  }

  private async rest(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const list = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname)
    const zip = /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname)
    const route = list ? 'rest:list' : zip ? 'rest:zip' : `rest:${url.pathname}`
    const match = list ?? zip
    const repository = match ? `${match[1]}/${match[2]}` : undefined
    const record: RequestRecord = { route, status: 200, ...(repository ? { repository } : {}) }
    if (!req.headers.authorization)
      return this.send(res, { ...record, status: 401 }, { message: 'Requires authentication' })
    const fault = this.takeFault(route)
    if (fault && 'status' in fault)
      return this.send(res, { ...record, status: fault.status }, { message: fault.msg ?? 'fault' })
    if (list && repository) {
      const runId = Number(list[3])
      const found = this.artifacts.restList(repository, runId, url.searchParams.get('name') ?? undefined, this.origin)
      return this.send(res, { ...record, runId }, { total_count: found.length, artifacts: found })
    }
    const location = zip && repository ? this.artifacts.downloadUrl(repository, Number(zip[3]), this.origin) : undefined
    if (!location) return this.send(res, { ...record, status: 404 }, { message: 'Not Found' })
    this.requests.push({ ...record, status: 302 })
    res.writeHead(302, { Location: location, 'Content-Length': '0' })
    res.end()
  }

  private send(res: ServerResponse, record: RequestRecord, body: unknown): void {
    this.requests.push(record)
    const text = JSON.stringify(body)
    res.writeHead(record.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  }
}

function camelKeys(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v])
  )
}
