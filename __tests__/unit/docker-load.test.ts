import { describe, it, expect } from '@jest/globals'
import { LoadOutput, parseLoadLine } from '../../src/runtimes/docker/load.js'
import { HandoffError } from '../../src/errors.js'

// Lines captured from Docker 20.10 (POST /v1.41/images/load, quiet=1 and quiet=0), byte for byte.
const tagged = '{"stream":"Loaded image: bb:1\\n"}\r\n{"stream":"Loaded image: ghcr.io/org/bb:2\\n"}\r\n'
const untagged =
  '{"stream":"Loaded image ID: sha256:4ba89f50cd2b029e491a382eceb2371a5048a549666ce9be5e4d5c02025815fd\\n"}\r\n'
const progress =
  '{"status":"Loading layer","progressDetail":{"current":32768,"total":1984512},"progress":"[\\u003e   ]  32.77kB/1.985MB","id":"32c8e56a5f6d"}\r\n'
const missingRepositories =
  '{"errorDetail":{"message":"open /var/lib/docker/tmp/docker-import-4261120243/repositories: no such file or directory"},' +
  '"error":"open /var/lib/docker/tmp/docker-import-4261120243/repositories: no such file or directory"}\r\n'
const truncated =
  '{"errorDetail":{"message":"Error processing tar file(exit status 1): unexpected EOF"},"error":"Error processing tar file(exit status 1): unexpected EOF"}\r\n'

describe('parseLoadLine', () => {
  it('reads names, IDs, errors and progress', () => {
    expect(parseLoadLine('{"stream":"Loaded image: ghcr.io/org/bb:2\\n"}')).toEqual({
      kind: 'name',
      names: ['ghcr.io/org/bb:2']
    })
    // podman 4.3's Docker-compatible API, captured: all names of one image on one line.
    expect(parseLoadLine('{"stream":"Loaded image: localhost/bb:1,ghcr.io/org/bb:2"}')).toEqual({
      kind: 'name',
      names: ['localhost/bb:1', 'ghcr.io/org/bb:2']
    })
    expect(parseLoadLine(untagged.trim())).toEqual({
      kind: 'id',
      id: 'sha256:4ba89f50cd2b029e491a382eceb2371a5048a549666ce9be5e4d5c02025815fd'
    })
    expect(parseLoadLine(truncated.trim())).toEqual({
      kind: 'error',
      message: 'Error processing tar file(exit status 1): unexpected EOF'
    })
    expect(parseLoadLine('{"error":"only the short form"}')).toEqual({ kind: 'error', message: 'only the short form' })
    expect(parseLoadLine(progress.trim()).kind).toBe('progress')
    expect(parseLoadLine('not json')).toEqual({ kind: 'other', text: 'not json' })
    expect(parseLoadLine('null').kind).toBe('other')
  })
})

describe('LoadOutput', () => {
  it('collects every name of a tagged load', () => {
    const output = new LoadOutput()
    output.push(Buffer.from(progress + tagged))
    expect(output.finish('unix:///s')).toEqual({ names: ['bb:1', 'ghcr.io/org/bb:2'], ids: [] })
  })

  it('collects the ID of an untagged load', () => {
    const output = new LoadOutput()
    output.push(untagged)
    expect(output.finish('unix:///s').ids).toEqual([
      'sha256:4ba89f50cd2b029e491a382eceb2371a5048a549666ce9be5e4d5c02025815fd'
    ])
  })

  it('reassembles lines cut anywhere, even inside a multi-byte character, and a last line without newline', () => {
    const text = Buffer.from('{"stream":"Loaded image: café/x:1\\n"}\r\n' + tagged.trimEnd())
    const output = new LoadOutput()
    for (let i = 0; i < text.length; i += 3) output.push(text.subarray(i, i + 3))
    expect(output.finish('h').names).toEqual(['café/x:1', 'bb:1', 'ghcr.io/org/bb:2'])
  })

  it('fails with the daemon message when any line carries errorDetail, even after names', () => {
    const output = new LoadOutput()
    output.push(tagged + missingRepositories)
    expect(() => output.finish('unix:///s')).toThrow(HandoffError)
    expect(() => output.finish('unix:///s')).toThrow(
      /Docker Engine at unix:\/\/\/s failed to load the archive: open .*repositories: no such file or directory/
    )
  })

  it('fails when the engine reports nothing loaded, quoting what it said', () => {
    const output = new LoadOutput()
    output.push(progress + '{"stream":"something else\\n"}\n')
    expect(() => output.finish('h')).toThrow(/loaded no image from the archive \(it said: .*something else\)/)
    expect(() => new LoadOutput().finish('h')).toThrow(/loaded no image/)
  })
})
