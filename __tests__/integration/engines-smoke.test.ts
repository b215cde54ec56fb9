import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { buildBusybox, docker, startDockerd, type Engine } from '../support/engines.js'

describe('private dockerd', () => {
  let engine: Engine
  beforeAll(async () => {
    engine = await startDockerd()
  })
  afterAll(async () => {
    await engine?.stop()
  })
  it('builds and runs a busybox image', async () => {
    const id = await buildBusybox(engine, 'smoke:1', ['RUN echo hi > /hi'])
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await docker(engine, ['run', '--rm', '--network', 'none', 'smoke:1', 'cat', '/hi'])).toBe('hi')
  })
})
