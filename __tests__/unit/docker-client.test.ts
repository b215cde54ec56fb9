import { describe, it, expect } from '@jest/globals'
import {
  chooseApiVersion,
  compareApiVersions,
  connectDocker,
  parseDockerHost
} from '../../src/runtimes/docker/client.js'
import { HandoffError } from '../../src/errors.js'

const home = '/home/runner'

describe('parseDockerHost', () => {
  it('uses the default socket when DOCKER_HOST is unset, empty or unix:// alone', () => {
    for (const value of [undefined, '', '  ', 'unix://']) {
      expect(parseDockerHost({ DOCKER_HOST: value }, home)).toEqual({
        kind: 'unix',
        socketPath: '/var/run/docker.sock',
        display: 'unix:///var/run/docker.sock'
      })
    }
  })

  it('takes a unix socket path', () => {
    expect(parseDockerHost({ DOCKER_HOST: 'unix:///tmp/x/docker.sock' }, home)).toEqual({
      kind: 'unix',
      socketPath: '/tmp/x/docker.sock',
      display: 'unix:///tmp/x/docker.sock'
    })
  })

  it('takes tcp with and without a port, and a bare host:port as tcp', () => {
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://10.0.0.5:2376' }, home)).toEqual({
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2376,
      display: 'tcp://10.0.0.5:2376'
    })
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://docker' }, home)).toMatchObject({ host: 'docker', port: 2375 })
    expect(parseDockerHost({ DOCKER_HOST: 'localhost:1234' }, home)).toMatchObject({
      kind: 'tcp',
      host: 'localhost',
      port: 1234
    })
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://[::1]:2375' }, home)).toMatchObject({ host: '::1', port: 2375 })
  })

  it('turns TLS on with verification from DOCKER_TLS_VERIFY, certs from DOCKER_CERT_PATH or ~/.docker', () => {
    expect(
      parseDockerHost({ DOCKER_HOST: 'tcp://d:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, home)
    ).toMatchObject({ tls: { verify: true, certPath: '/certs' } })
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://d:2376', DOCKER_TLS_VERIFY: '1' }, home)).toMatchObject({
      tls: { verify: true, certPath: '/home/runner/.docker' }
    })
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://d:2376', DOCKER_CERT_PATH: '/certs' }, home)).toMatchObject({
      tls: { verify: false, certPath: '/certs' }
    })
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://d:2376', DOCKER_TLS_VERIFY: '' }, home)).not.toHaveProperty('tls')
  })

  it('ignores TLS variables for unix sockets', () => {
    expect(parseDockerHost({ DOCKER_HOST: 'unix:///s', DOCKER_TLS_VERIFY: '1' }, home)).not.toHaveProperty('tls')
  })

  it('rejects schemes it cannot serve and malformed addresses, naming the value', () => {
    expect(() => parseDockerHost({ DOCKER_HOST: 'ssh://me@box' }, home)).toThrow(
      /DOCKER_HOST=ssh:\/\/me@box.*"ssh:\/\/"/
    )
    expect(() => parseDockerHost({ DOCKER_HOST: 'npipe:////./pipe/docker_engine' }, home)).toThrow(HandoffError)
    expect(() => parseDockerHost({ DOCKER_HOST: 'tcp://host:notaport' }, home)).toThrow(/not a valid engine address/)
    expect(() => parseDockerHost({ DOCKER_HOST: 'tcp://' }, home)).toThrow(/not a valid engine address/)
  })
})

describe('chooseApiVersion', () => {
  it('speaks the daemon API when it is older than ours (Docker 20.10)', () => {
    expect(chooseApiVersion({ ApiVersion: '1.41', MinAPIVersion: '1.12' })).toBe('1.41')
  })

  it('caps at our maximum for a newer daemon', () => {
    expect(chooseApiVersion({ ApiVersion: '1.53', MinAPIVersion: '1.40' }, '1.52')).toBe('1.52')
    expect(chooseApiVersion({ ApiVersion: '1.52', MinAPIVersion: '1.44' })).toBe('1.52')
  })

  it('compares numerically, not as text', () => {
    expect(chooseApiVersion({ ApiVersion: '1.100' }, '1.52')).toBe('1.52')
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0)
    expect(compareApiVersions('1.41', '1.41')).toBe(0)
  })

  it('fails clearly when the daemon no longer speaks our newest version', () => {
    expect(() => chooseApiVersion({ ApiVersion: '1.60', MinAPIVersion: '1.55', Version: '35.0' }, '1.52')).toThrow(
      /needs API 1.55 or newer.*at most 1.52/
    )
  })

  it('rejects an answer without an API version', () => {
    expect(() => chooseApiVersion({})).toThrow(/did not report an API version/)
  })
})

describe('connectDocker', () => {
  it('names the host and what to do when nothing listens there', async () => {
    await expect(connectDocker({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' })).rejects.toThrow(
      /cannot reach the Docker Engine at unix:\/\/\/nonexistent\/docker.sock.*start Docker.*DOCKER_HOST/
    )
  })

  it('reports a missing CA file when verification is asked for', async () => {
    await expect(
      connectDocker({ DOCKER_HOST: 'tcp://127.0.0.1:1', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent' })
    ).rejects.toThrow(/cannot read \/nonexistent\/ca.pem/)
  })
})
