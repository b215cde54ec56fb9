/**
 * What a job needs in its environment to talk to the stand-in services, and the runtime token the
 * libraries read: an unsigned JWT, since @actions/artifact only decodes it and @actions/cache never does.
 */
import { createHash } from 'node:crypto'

export interface JobOptions {
  /** owner/name; default `octo/app`. */
  repository?: string
  /** The workflow run id; default 1. */
  runId?: number
  /** The job's name inside the run; default `build`. */
  job?: string
  workspace: string
  runnerTemp: string
}

/** The run's backend id as the services know it: stable for one repository and run. */
export function runBackendId(repository: string, runId: number): string {
  return uuidFrom(`run:${repository}/${runId}`)
}

export function jobBackendId(repository: string, runId: number, job: string): string {
  return uuidFrom(`job:${repository}/${runId}/${job}`)
}

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

export function runtimeToken(runId: string, jobId: string): string {
  const payload = {
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runId}:${jobId}`,
    ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 6 * 3600
  }
  return `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(payload)}.stand-in`
}

/** Reads the `Actions.Results:<run>:<job>` scope back out of a bearer token; undefined when absent. */
export function idsFromToken(authorization: string | undefined): { run: string; job: string } | undefined {
  const token = authorization?.replace(/^Bearer\s+/i, '') ?? ''
  const payload = token.split('.')[1]
  if (!payload) return undefined
  try {
    const scp = String((JSON.parse(Buffer.from(payload, 'base64url').toString()) as { scp?: string }).scp ?? '')
    const scope = scp.split(' ').find((s) => s.startsWith('Actions.Results:'))
    const [, run, job] = scope?.split(':') ?? []
    return run && job ? { run, job } : undefined
  } catch {
    return undefined
  }
}

/** The environment of one job against the stand-in at `origin`. */
export function jobEnvironment(origin: string, options: JobOptions): Record<string, string> {
  const repository = options.repository ?? 'octo/app'
  const runId = options.runId ?? 1
  const job = options.job ?? 'build'
  return {
    ACTIONS_RUNTIME_TOKEN: runtimeToken(runBackendId(repository, runId), jobBackendId(repository, runId, job)),
    ACTIONS_RESULTS_URL: `${origin}/`,
    ACTIONS_CACHE_SERVICE_V2: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: origin,
    GITHUB_REPOSITORY: repository,
    GITHUB_RUN_ID: String(runId),
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: options.runnerTemp,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost'
  }
}

/** Variables a job on a real runner could have that would send the libraries elsewhere: unset them in tests. */
export const foreignVariables = [
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_MODE',
  'GITHUB_RETENTION_DAYS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'http_proxy',
  'https_proxy',
  'RUNNER_DEBUG'
]

/** Makes this process one job: sets its variables and removes the foreign ones. */
export function enterJob(env: Record<string, string>): void {
  for (const name of foreignVariables) Reflect.deleteProperty(process.env, name)
  Object.assign(process.env, env)
  dropLibraryOutput()
}

const filtered = Symbol.for('image-handoff.test.library-output-filter')

/**
 * The toolkit libraries log straight to stdout (`::debug::` HTTP headers, progress, "Cache restored successfully"),
 * which in a test process fills the output around jest's report, written to stderr. Once a test enters a job, this
 * drops what reaches stdout unless IH_TEST_DEBUG=1, except a chunk that starts with `{` (jest --json's report).
 * It sits below src/backends/library-output.ts's reader, installed later, which still sees every line.
 */
function dropLibraryOutput(): void {
  const stdout = process.stdout as NodeJS.WriteStream & { [filtered]?: true }
  if (process.env.IH_TEST_DEBUG === '1' || stdout[filtered]) return
  stdout[filtered] = true
  const write = stdout.write
  stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '{'
    if (text.startsWith('{')) return (write as (...args: unknown[]) => boolean).call(stdout, chunk, ...rest)
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
    if (callback) process.nextTick(callback)
    return true
  } as typeof stdout.write
}
