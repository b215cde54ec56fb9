import { readFile } from 'node:fs/promises'
import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { connect as netConnect, isIP } from 'node:net'
import type { Duplex } from 'node:stream'
import { connect as tlsConnect } from 'node:tls'
import { homedir } from 'node:os'
import { join } from 'node:path'
import Dockerode from 'dockerode'
import { HandoffError, errorMessage } from '../../errors.js'

/**
 * One connection to a Docker Engine, found the way the docker CLI finds it (DOCKER_HOST, DOCKER_TLS_VERIFY,
 * DOCKER_CERT_PATH) and pinned to an API version both sides speak.
 */
export interface DockerConnection {
  /** Every request goes to `/v<apiVersion>/…`. */
  docker: Dockerode
  /** Negotiated, e.g. '1.41'. */
  apiVersion: string
  /** The engine's address, for messages (`unix:///var/run/docker.sock`, `tcp://host:2376`). */
  host: string
  /** A fresh connection of its own to the engine, as the modem's agent would open it (unframed-get.ts). */
  openSocket(): Duplex
  /** Drops idle keep-alive sockets; never throws. */
  close(): void
}

/** The newest Engine API this code was written against (Docker 29). */
export const maxApiVersion = '1.52'

const defaultSocket = '/var/run/docker.sock'
const defaultTcpPort = 2375
const probeTimeoutMs = 15000

export type DockerEndpoint =
  | { kind: 'unix'; socketPath: string; display: string }
  | { kind: 'tcp'; host: string; port: number; tls?: TlsPlan; display: string }

export interface TlsPlan {
  /** Verify the daemon's certificate against `ca.pem` (DOCKER_TLS_VERIFY). */
  verify: boolean
  /** Directory holding ca.pem, cert.pem, key.pem (DOCKER_CERT_PATH, else ~/.docker). */
  certPath: string
}

/** Reads DOCKER_HOST and the TLS variables the way the docker CLI does; throws a HandoffError on a value it cannot use. */
export function parseDockerHost(env: NodeJS.ProcessEnv, home: string): DockerEndpoint {
  const raw = (env.DOCKER_HOST ?? '').trim()
  if (raw === '') return unixEndpoint(defaultSocket)
  const schemeEnd = raw.indexOf('://')
  // The CLI reads a bare `host:port` as tcp.
  const scheme = schemeEnd === -1 ? 'tcp' : raw.slice(0, schemeEnd).toLowerCase()
  const rest = schemeEnd === -1 ? raw : raw.slice(schemeEnd + 3)
  if (scheme === 'unix') return unixEndpoint(rest === '' ? defaultSocket : rest)
  if (scheme === 'tcp' || scheme === 'http' || scheme === 'https')
    return tcpEndpoint(raw, rest, env, home, scheme === 'https')
  throw new HandoffError(
    `DOCKER_HOST=${raw} uses the "${scheme}://" scheme, which this action cannot use; ` +
      'set DOCKER_HOST to unix:///path/to/docker.sock or tcp://host:port (for ssh, forward the socket with `ssh -L` first).'
  )
}

function unixEndpoint(socketPath: string): DockerEndpoint {
  return { kind: 'unix', socketPath, display: `unix://${socketPath}` }
}

function tcpEndpoint(raw: string, rest: string, env: NodeJS.ProcessEnv, home: string, https: boolean): DockerEndpoint {
  let url: URL
  try {
    url = new URL(`tcp://${rest}`)
  } catch {
    throw invalidHost(raw)
  }
  if (url.hostname === '' || (url.pathname !== '' && url.pathname !== '/')) throw invalidHost(raw)
  const port = url.port === '' ? defaultTcpPort : Number(url.port)
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const verify = nonEmpty(env.DOCKER_TLS_VERIFY)
  const certDir = nonEmpty(env.DOCKER_CERT_PATH) ? (env.DOCKER_CERT_PATH ?? '').trim() : join(home, '.docker')
  // As the Go client does, a cert path alone means TLS; only DOCKER_TLS_VERIFY turns verification on.
  const useTls = https || verify || nonEmpty(env.DOCKER_TLS) || nonEmpty(env.DOCKER_CERT_PATH)
  const display = `tcp://${url.host}`
  return { kind: 'tcp', host, port, display, ...(useTls ? { tls: { verify, certPath: certDir } } : {}) }
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== ''
}

function invalidHost(raw: string): HandoffError {
  return new HandoffError(
    `DOCKER_HOST=${raw} is not a valid engine address; use unix:///path/to/docker.sock or tcp://host:port.`
  )
}

export interface DaemonVersion {
  ApiVersion?: string
  MinAPIVersion?: string
  Version?: string
}

/**
 * The API version to speak: the daemon's newest, capped at ours. A daemon whose oldest supported version
 * is newer than ours cannot be served, so that is an error rather than a request that would fail later.
 */
export function chooseApiVersion(daemon: DaemonVersion, ours: string = maxApiVersion): string {
  const newest = daemon.ApiVersion
  if (newest === undefined || !/^\d+\.\d+$/.test(newest)) {
    throw new HandoffError(
      `the engine did not report an API version (got ${JSON.stringify(newest)}); is it a Docker Engine?`
    )
  }
  const chosen = compareApiVersions(newest, ours) <= 0 ? newest : ours
  const oldest = daemon.MinAPIVersion
  if (oldest !== undefined && /^\d+\.\d+$/.test(oldest) && compareApiVersions(chosen, oldest) < 0) {
    throw new HandoffError(
      `the Docker Engine ${daemon.Version ?? ''} needs API ${oldest} or newer, but this action speaks at most ${ours}; ` +
        'use a newer release of this action.'
    )
  }
  return chosen
}

/** Numeric comparison of `major.minor` (1.9 < 1.41). */
export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number)
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number)
  return aMajor - bMajor || aMinor - bMinor
}

type ModemOptions = Dockerode.DockerOptions & { agent: HttpAgent; connectionTimeout?: number }

/** Connects to the engine DOCKER_HOST names (default socket otherwise) and negotiates the API version. */
export async function connectDocker(env: NodeJS.ProcessEnv = process.env): Promise<DockerConnection> {
  const endpoint = parseDockerHost(env, homedir())
  const options = await modemOptions(endpoint)
  const close = (): void => options.agent.destroy()
  try {
    // The probe is unversioned: /version answers every client, whatever API it speaks.
    const probe = new Dockerode({ ...options, connectionTimeout: probeTimeoutMs } as Dockerode.DockerOptions)
    let daemon: DaemonVersion
    try {
      daemon = (await probe.version()) as DaemonVersion
    } catch (error) {
      throw unreachable(endpoint.display, error)
    }
    const apiVersion = chooseApiVersion(daemon)
    const docker = new Dockerode({ ...options, version: `v${apiVersion}` } as Dockerode.DockerOptions)
    return { docker, apiVersion, host: endpoint.display, openSocket: socketOpener(endpoint, options), close }
  } catch (error) {
    close()
    throw error
  }
}

/**
 * Every option docker-modem would otherwise take from process.env is given explicitly, so the `env`
 * argument alone decides where we connect.
 */
async function modemOptions(endpoint: DockerEndpoint): Promise<ModemOptions> {
  if (endpoint.kind === 'unix') {
    const agent = new HttpAgent({ keepAlive: true })
    return { socketPath: endpoint.socketPath, host: undefined, port: undefined, protocol: 'http', agent }
  }
  const base = { socketPath: undefined, host: endpoint.host, port: endpoint.port }
  if (!endpoint.tls) return { ...base, protocol: 'http', agent: new HttpAgent({ keepAlive: true }) }
  const files = await readTlsFiles(endpoint.tls, endpoint.display)
  const agent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: endpoint.tls.verify, ...files })
  return { ...base, protocol: 'https', ...files, agent }
}

/** Opens connections as the modem's agent does: the same socket, host and port, TLS files and verification. */
function socketOpener(endpoint: DockerEndpoint, options: ModemOptions): () => Duplex {
  if (endpoint.kind === 'unix') return () => netConnect({ path: endpoint.socketPath })
  const { host, port } = endpoint
  if (!endpoint.tls) return () => netConnect({ host, port })
  const { ca, cert, key } = options
  const tls = { host, port, rejectUnauthorized: endpoint.tls.verify, ca, cert, key }
  return () => tlsConnect(isIP(host) === 0 ? { ...tls, servername: host } : tls)
}

async function readTlsFiles(tls: TlsPlan, display: string): Promise<{ ca?: Buffer; cert?: Buffer; key?: Buffer }> {
  const read = async (name: string, required: boolean): Promise<Buffer | undefined> => {
    const path = join(tls.certPath, name)
    try {
      return await readFile(path)
    } catch (error) {
      if (!required) return undefined
      throw new HandoffError(
        `cannot read ${path} to verify the Docker Engine at ${display} (${errorMessage(error)}); ` +
          'set DOCKER_CERT_PATH to the directory holding ca.pem, cert.pem and key.pem, or unset DOCKER_TLS_VERIFY.'
      )
    }
  }
  const ca = await read('ca.pem', tls.verify)
  const cert = await read('cert.pem', false)
  const key = await read('key.pem', false)
  return { ...(ca ? { ca } : {}), ...(cert && key ? { cert, key } : {}) }
}

function unreachable(display: string, error: unknown): HandoffError {
  const status = engineStatus(error)
  if (status !== undefined) {
    return new HandoffError(
      `the server at ${display} answered HTTP ${status} to GET /version, so it is not a Docker Engine; ` +
        'set DOCKER_HOST to the address of a Docker Engine.'
    )
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const text = causeText(error)
  if (isTlsFailure(code, text)) {
    return new HandoffError(
      `the TLS handshake with the Docker Engine at ${display} failed (${tlsReason(text)}); check that DOCKER_CERT_PATH ` +
        'holds the ca.pem that signed the engine certificate and the client cert.pem and key.pem it accepts.'
    )
  }
  const why = code === 'ENOENT' ? 'no socket there' : code === 'EACCES' ? 'permission denied on the socket' : text
  return new HandoffError(
    `cannot reach the Docker Engine at ${display} (${why}); start Docker on this runner, ` +
      'or set DOCKER_HOST to the address of a running engine (unix:///path/to/docker.sock or tcp://host:port).'
  )
}

function isTlsFailure(code: string | undefined, text: string): boolean {
  const tlsCodes = /^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|HOSTNAME_MISMATCH)/
  return tlsCodes.test(code ?? '') || /SSL routines|certificate/i.test(text)
}

/** OpenSSL's `…:SSL routines:…:tlsv13 alert certificate required:…` says the useful part in the middle. */
function tlsReason(text: string): string {
  const alert = /:([^:]*alert [^:]+):/.exec(text)
  return alert ? alert[1].trim() : text.split('\n')[0].trim()
}

/** Node's socket errors may come from another realm (jest's VM), so read `message` rather than test `instanceof`. */
export function causeText(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message
  return typeof message === 'string' && message !== '' ? message : errorMessage(error)
}

/** The daemon's own words from a docker-modem error (`{"message":…}`), without the modem's `(HTTP code 404) …` prefix. */
export function engineMessage(error: unknown): string {
  const json = (error as { json?: unknown } | undefined)?.json
  if (json !== null && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message
  }
  return causeText(error)
    .replace(/^\(HTTP code \d+\) [^-]*- /, '')
    .trim()
}

/** The HTTP status of a docker-modem error, when the daemon answered at all. */
export function engineStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode
  return typeof status === 'number' ? status : undefined
}
