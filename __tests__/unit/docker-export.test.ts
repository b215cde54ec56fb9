import { describe, it, expect } from '@jest/globals'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import { platformQuery, tarEndProblem, TarEndCheck } from '../../src/runtimes/docker/export.js'

describe('platform query', () => {
  it('rejects shapes other than os/arch[/variant]', () => {
    for (const bad of ['linux', 'linux/', 'a/b/c/d', 'linux/am d64'])
      expect(() => platformQuery(bad, '1.48')).toThrow(/os\/arch/)
  })
})

describe('platformQuery', () => {
  it('sends JSON from API 1.48 and ignores the platform with a reason below', () => {
    expect(platformQuery('linux/arm64/v8', '1.48')).toEqual({
      value: '{"os":"linux","architecture":"arm64","variant":"v8"}'
    })
    expect(platformQuery('linux/amd64', '1.52').value).toBe('{"os":"linux","architecture":"amd64"}')
    expect(platformQuery('linux/amd64', '1.41')).toEqual({
      ignored: expect.stringMatching(/API 1.41.*platform linux\/amd64 is ignored/)
    })
    expect(platformQuery(undefined, '1.41')).toEqual({})
    expect(platformQuery('', '1.52')).toEqual({})
  })
})

const block = (fill: number): Buffer => Buffer.alloc(512, fill)
const completeTar = Buffer.concat([block(7), block(9), Buffer.alloc(1024)])
// What the daemon appends after a partial tar when the export fails after the first byte (HTTP already 200).
const failedTar = Buffer.concat([
  block(7),
  Buffer.from(
    '{"errorDetail":{"message":"content digest sha256:abc not found"},"error":"content digest sha256:abc not found"}\r\n'
  )
])

describe('tarEndProblem', () => {
  it('accepts an archive that ends in two zero blocks', () => {
    expect(tarEndProblem(completeTar, 'x')).toBeUndefined()
  })
  it('reports the error line the daemon appended', () => {
    expect(tarEndProblem(failedTar, 'exporting a:1')?.message).toBe(
      'exporting a:1 failed part-way: content digest sha256:abc not found'
    )
  })
  it('reports a cut archive', () => {
    expect(tarEndProblem(completeTar.subarray(0, 900), 'exporting a:1')?.message).toMatch(
      /ended before the end of the archive/
    )
    expect(tarEndProblem(Buffer.alloc(0), 'x')?.message).toBe(
      'x ended before the end of the archive (the engine stopped part-way); run the save again.'
    )
  })
})

describe('TarEndCheck', () => {
  async function through(data: Buffer, chunk: number): Promise<Buffer> {
    const parts: Buffer[] = []
    const pieces = [] as Buffer[]
    for (let i = 0; i < data.length; i += chunk) pieces.push(data.subarray(i, i + chunk))
    await pipeline(
      Readable.from(pieces),
      new TarEndCheck('exporting a:1'),
      new Writable({
        write(c: Buffer, _e, cb) {
          parts.push(c)
          cb()
        }
      })
    )
    return Buffer.concat(parts)
  }
  it('passes a complete archive through unchanged, whatever the chunking', async () => {
    const big = Buffer.concat([Buffer.alloc(10000, 1), completeTar])
    for (const size of [1, 100, 5000, 20000]) expect((await through(big, size)).equals(big)).toBe(true)
  })
  it('errors the stream when the archive failed part-way', async () => {
    await expect(through(failedTar, 33)).rejects.toThrow(/failed part-way: content digest sha256:abc not found/)
  })
})
