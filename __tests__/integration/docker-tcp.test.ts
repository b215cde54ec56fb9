/**
 * DOCKER_HOST over tcp and tcp+TLS. The private dockerd listens on a unix socket only; a loopback proxy in
 * this test forwards tcp (plain, or TLS requiring a client certificate) to it, as a remote engine would serve.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createReadStream, createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { mkdtemp, readFile, rm, copyFile, mkdir } from 'node:fs/promises'
import { connect, createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'
import { createDockerRuntime } from '../../src/runtimes/docker/runtime.js'

const execFileP = promisify(execFile)

/** A CA, a server certificate for 127.0.0.1 and a client certificate, as `dockerd --tlsverify` setups use. */
async function makeCertificates(dir: string): Promise<void> {
  const openssl = (args: string[]): Promise<unknown> => execFileP('openssl', args, { cwd: dir })
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=test-ca',
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem'
  ])
  for (const [name, ext] of [
    ['server', 'subjectAltName=IP:127.0.0.1'],
    ['client', 'extendedKeyUsage=clientAuth']
  ] as const) {
    await openssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      `${name}-key.pem`,
      '-out',
      `${name}.csr`
    ])
    await execFileP('sh', ['-c', `printf '%s\\n' '${ext}' > ${name}.ext`], { cwd: dir })
    await openssl([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`
    ])
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

describe('Docker runtime over tcp', () => {
  let engine: Engine
  let dir: string
  let imageId: string
  const servers: Server[] = []
  let plainPort: number
  let tlsPort: number

  beforeAll(async () => {
    engine = await startDockerd()
    dir = await mkdtemp(join(tmpdir(), 'ih-docker-tcp-'))
    await makeCertificates(dir)
    imageId = await buildBusybox(engine, 'remote:1', ['RUN echo r > /r'])
    const forward = (client: Socket): void => {
      const upstream = connect(engine.socket)
      client.pipe(upstream).pipe(client)
      client.on('error', () => upstream.destroy())
      upstream.on('error', () => client.destroy())
    }
    const plain = createNetServer((socket) => forward(socket))
    const secure = createTlsServer(
      {
        key: await readFile(join(dir, 'server-key.pem')),
        cert: await readFile(join(dir, 'server.pem')),
        ca: await readFile(join(dir, 'ca.pem')),
        requestCert: true,
        rejectUnauthorized: true
      },
      (socket) => forward(socket)
    )
    secure.on('tlsClientError', () => undefined)
    servers.push(plain, secure)
    plainPort = await listen(plain)
    tlsPort = await listen(secure)
    // A client directory as `docker context`/`docker-machine` lay it out: ca.pem, cert.pem, key.pem.
    await mkdir(join(dir, 'client'))
    await copyFile(join(dir, 'ca.pem'), join(dir, 'client', 'ca.pem'))
    await copyFile(join(dir, 'client.pem'), join(dir, 'client', 'cert.pem'))
    await copyFile(join(dir, 'client-key.pem'), join(dir, 'client', 'key.pem'))
  })

  afterAll(async () => {
    for (const server of servers) server.close()
    await engine?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('talks plain tcp', async () => {
    const runtime = await createDockerRuntime({ DOCKER_HOST: `tcp://127.0.0.1:${plainPort}` })
    try {
      expect((await runtime.inspect('remote:1'))?.id).toBe(imageId)
    } finally {
      await runtime.close()
    }
  })

  it('talks TLS with verification and a client certificate, streaming an archive both ways', async () => {
    const env = {
      DOCKER_HOST: `tcp://127.0.0.1:${tlsPort}`,
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: join(dir, 'client')
    }
    const runtime = await createDockerRuntime(env)
    try {
      await pipeline(await runtime.exportImages(['remote:1']), createWriteStream(join(dir, 'remote.tar')))
      await docker(engine, ['rmi', 'remote:1'])
      expect(await runtime.importArchive(createReadStream(join(dir, 'remote.tar')))).toEqual({
        names: ['remote:1'],
        ids: []
      })
      expect((await runtime.inspect('remote:1'))?.id).toBe(imageId)
    } finally {
      await runtime.close()
    }
  })

  it('refuses a server whose certificate the CA does not sign', async () => {
    const other = join(dir, 'other')
    await mkdir(other)
    await execFileP('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=other-ca',
      '-keyout',
      join(other, 'ca-key.pem'),
      '-out',
      join(other, 'ca.pem')
    ])
    await copyFile(join(dir, 'client', 'cert.pem'), join(other, 'cert.pem'))
    await copyFile(join(dir, 'client', 'key.pem'), join(other, 'key.pem'))
    await expect(
      createDockerRuntime({
        DOCKER_HOST: `tcp://127.0.0.1:${tlsPort}`,
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: other
      })
    ).rejects.toThrow(
      new RegExp(
        `TLS handshake with the Docker Engine at tcp://127.0.0.1:${tlsPort} failed \\(self-signed certificate in certificate chain\\); check that DOCKER_CERT_PATH`
      )
    )
  })

  it('fails clearly when the engine wants a client certificate and none is there', async () => {
    const caOnly = join(dir, 'ca-only')
    await mkdir(caOnly)
    await copyFile(join(dir, 'ca.pem'), join(caOnly, 'ca.pem'))
    await expect(
      createDockerRuntime({
        DOCKER_HOST: `tcp://127.0.0.1:${tlsPort}`,
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: caOnly
      })
    ).rejects.toThrow(
      new RegExp(
        `TLS handshake with the Docker Engine at tcp://127.0.0.1:${tlsPort} failed \\(tlsv13 alert certificate required\\)`
      )
    )
  })
})
