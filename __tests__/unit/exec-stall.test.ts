/**
 * The watchdog on tool streams (ctr, podman), with real processes: a tool that neither reads its input nor
 * writes output is killed after the stall time with a message; a slow reader on our side is no stall.
 */
import { describe, expect, it } from '@jest/globals'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { HandoffError } from '../../src/errors.js'
import { spawnStreaming } from '../../src/runtimes/exec.js'
import { faultTable, outcomeOf } from '../support/fault-table.js'

const record = faultTable('tool-streams')

/** 1 MiB of input, far more than a pipe holds, so a tool that does not read leaves bytes waiting for it. */
const input = (): Readable => Readable.from(Array.from({ length: 16 }, () => Buffer.alloc(64 * 1024, 1)))

describe('no-progress watchdog on tool streams', () => {
  it('kills an import that stops reading its input, saying what stalled', async () => {
    const child = spawnStreaming(['sh', '-c', 'head -c 1000 >/dev/null; exec sleep 60'], input(), undefined, {
      ms: 1000,
      what: 'ctr images import on containerd (test)'
    })
    child.stdout.resume()
    const done = child.done
    record({
      case: 'tool stops reading an import',
      done: 'a tool reads 1000 bytes of the archive and hangs, stall-timeout 1 s',
      outcome: await outcomeOf(done)
    })
    const error = await done.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HandoffError)
    expect((error as Error).message).toMatch(
      /^ctr images import on containerd \(test\) made no progress for 1 s .*raise the input stall-timeout/
    )
  })

  it('kills an export that stops writing, while its reader waits', async () => {
    const child = spawnStreaming(['sh', '-c', 'head -c 5000 /dev/zero; exec sleep 60'], undefined, undefined, {
      ms: 1000,
      what: 'podman save'
    })
    const read = pipeline(
      child.stdout,
      new Writable({
        write(_c, _e, cb) {
          cb()
        }
      })
    ).catch((e: unknown) => e)
    const error = await child.done.catch((e: unknown) => e)
    record({
      case: 'tool stops writing an export',
      done: 'a tool writes 5000 bytes and hangs, stall-timeout 1 s',
      outcome: await outcomeOf(Promise.reject(error))
    })
    expect((error as Error).message).toMatch(/^podman save made no progress for 1 s/)
    await read
  })

  it('is no stall while our side is the slow one', async () => {
    const child = spawnStreaming(['head', '-c', String(4 * 1024 * 1024), '/dev/zero'], undefined, undefined, {
      ms: 500,
      what: 'slow reader'
    })
    let bytes = 0
    // Reads 256 KiB every 300 ms: the tool waits on us for seconds, longer than the stall time.
    await pipeline(
      child.stdout,
      new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _e, cb) {
          bytes += chunk.length
          setTimeout(cb, bytes % (256 * 1024) < chunk.length ? 300 : 0)
        }
      })
    )
    await expect(child.done).resolves.toMatchObject({ exitCode: 0 })
    expect(bytes).toBe(4 * 1024 * 1024)
  })

  it('says why a tool died on a signal without a word', async () => {
    const child = spawnStreaming(['sh', '-c', 'kill -9 $$'], undefined)
    child.stdout.resume()
    await expect(child.done).rejects.toThrow(
      /killed by SIGKILL without an error message \(out of memory, or stopped from outside\)/
    )
  })
})
