/**
 * The CNCF distribution registry (Debian's docker-registry) for tests: started on 127.0.0.1 on a free port with
 * its storage in a temp dir, stopped by pid. Optionally behind token auth, with a small token service run here:
 * it checks a user name and password (Basic) and signs an ES256 JWT with a key whose self-signed certificate is
 * the registry's rootcertbundle (the certificate travels in the token's x5c header, as distribution 2.8 reads it).
 * The registry's request log tells what it was asked: tests count uploads from it.
 */
import { execFile, spawn } from 'node:child_process'
import { createPrivateKey, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto'
import { openSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const execFileP = promisify(execFile)

export interface RegistryRequest {
  method: string
  uri: string
  status: number
}

export interface TestRegistry {
  /** `127.0.0.1:PORT`, to put in front of a repository name. */
  host: string
  dir: string
  /** The requests the registry answered so far, from its log. */
  requests(): Promise<RegistryRequest[]>
  /** Token requests (auth mode only): who asked for which scope, and whether a token was given. */
  tokenRequests: { user?: string; scope: string; granted: boolean }[]
  stop(): Promise<void>
}

export interface RegistryOptions {
  /** Token auth with this user and password; absent: no auth. */
  auth?: { username: string; password: string }
  /** Where its directory (storage, config, log) is made; default the temp dir. */
  parent?: string
}

export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  const dir = await mkdtemp(join(options.parent ?? tmpdir(), 'ih-registry-'))
  const port = await freePort()
  const tokenRequests: TestRegistry['tokenRequests'] = []
  let tokens: Server | undefined
  const config = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  formatter: text',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`
  ]
  if (options.auth) {
    const service = await startTokenService(dir, options.auth, tokenRequests)
    tokens = service.server
    config.push(
      'auth:',
      '  token:',
      `    realm: http://127.0.0.1:${service.port}/token`,
      '    service: ih-test-registry',
      '    issuer: ih-test-issuer',
      `    rootcertbundle: ${service.certFile}`
    )
  }
  await writeFile(join(dir, 'config.yml'), config.join('\n') + '\n')
  const log = join(dir, 'registry.log')
  const fd = openSync(log, 'a')
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', fd, fd],
    detached: true
  })
  child.unref()
  const pid = child.pid
  if (pid === undefined) throw new Error('could not start docker-registry (install it: npm run setup)')
  const stop = async (): Promise<void> => {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0)
      } catch {
        break
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    if (tokens) await new Promise((resolve) => tokens?.close(resolve))
    await rm(dir, { recursive: true, force: true })
  }
  const host = `127.0.0.1:${port}`
  const deadline = Date.now() + 30000
  for (;;) {
    const status = await fetch(`http://${host}/v2/`).then(
      (r) => r.status,
      () => 0
    )
    if (status === 200 || status === 401) break
    if (Date.now() > deadline) {
      const tail = await readFile(log, 'utf8').catch(() => '')
      await stop()
      throw new Error(`docker-registry did not start; log tail:\n${tail.slice(-2000)}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { host, dir, tokenRequests, requests: () => readRequests(log), stop }
}

/** distribution's text log: one `response completed` line per request, with method, URI and status. */
async function readRequests(log: string): Promise<RegistryRequest[]> {
  const text = await readFile(log, 'utf8')
  return (
    text
      .split('\n')
      // Failed requests are logged as `response completed with error`; a value is quoted only when it needs to be.
      .filter((line) => line.includes('msg="response completed'))
      .map((line) => ({
        method: /http\.request\.method=(\S+)/.exec(line)?.[1] ?? '',
        uri:
          /http\.request\.uri=(?:"([^"]*)"|(\S+))/
            .exec(line)
            ?.slice(1)
            .find((v) => v !== undefined) ?? '',
        status: Number(/http\.response\.status=(\d+)/.exec(line)?.[1] ?? '0')
      }))
  )
}

async function startTokenService(
  dir: string,
  auth: { username: string; password: string },
  requests: TestRegistry['tokenRequests']
): Promise<{ server: Server; port: number; certFile: string }> {
  const keyFile = join(dir, 'token.key')
  const certFile = join(dir, 'token.crt')
  // node:crypto signs but cannot issue certificates; openssl makes the self-signed one (a fixture only).
  await execFileP('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=ih-test-token'
  ])
  const key = createPrivateKey(await readFile(keyFile))
  const certDer = new X509Certificate(await readFile(certFile)).raw.toString('base64')
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token')
    const scope = url.searchParams.getAll('scope').join(' ')
    const header = req.headers.authorization ?? ''
    const [user, password] = header.startsWith('Basic ')
      ? Buffer.from(header.slice(6), 'base64').toString().split(':')
      : []
    const granted = user === auth.username && password === auth.password
    requests.push({ ...(user !== undefined ? { user } : {}), scope, granted })
    if (!granted) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}')
      return
    }
    const token = jwt(key, certDer, user ?? '', url.searchParams.get('service') ?? '', scope)
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, expires_in: 300 }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port, certFile }
}

function jwt(key: KeyObject, certDer: string, subject: string, audience: string, scope: string): string {
  const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const access = scope
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const [type, ...rest] = s.split(':')
      const actions = rest.pop() ?? ''
      return { type, name: rest.join(':'), actions: actions.split(',') }
    })
  const header = b64({ typ: 'JWT', alg: 'ES256', x5c: [certDer] })
  const claims = b64({
    iss: 'ih-test-issuer',
    sub: subject,
    aud: audience,
    exp: now + 300,
    nbf: now - 10,
    iat: now,
    jti: randomBytes(8).toString('hex'),
    access
  })
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' })
  return `${header}.${claims}.${signature.toString('base64url')}`
}

/**
 * Basic auth in front of a registry, as a reverse proxy (nginx with auth_basic) deploys it: a request without the
 * user and password gets `401` with `WWW-Authenticate: Basic`; others go through to the registry unchanged (the
 * Host header too, so the upload locations the registry writes lead back through the proxy).
 */
export async function startBasicAuthProxy(
  target: TestRegistry,
  auth: { username: string; password: string }
): Promise<{ host: string; refused: () => number; stop(): Promise<void> }> {
  const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
  const [targetHost, targetPort] = target.host.split(':')
  let refused = 0
  const server = createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      refused++
      req.resume()
      res.writeHead(401, { 'www-authenticate': 'Basic realm="registry"', 'content-type': 'application/json' })
      res.end('{"errors":[{"code":"UNAUTHORIZED"}]}')
      return
    }
    const headers = { ...req.headers }
    delete headers.authorization
    const upstream = request(
      { host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    refused: () => refused,
    stop: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
