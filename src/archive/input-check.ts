/**
 * Watches the raw bytes of an archive as they stream in, to explain a failure: compressed input, an engine's
 * error JSON appended after the tar data (Docker answers HTTP 200 and writes the error into the body), or
 * an archive that stopped before its end-of-archive blocks.
 */
import { HandoffError, errorMessage } from '../errors.js'

const tailSize = 64 * 1024

export class InputWatch {
  private head: Buffer = Buffer.alloc(0)
  /** The latest chunks, kept by reference (never copied while streaming), covering at least `tailSize` bytes. */
  private recent: Buffer[] = []
  private recentBytes = 0
  private total = 0

  /** Bytes seen so far. */
  get bytes(): number {
    return this.total
  }

  see(chunk: Buffer): void {
    this.total += chunk.length
    if (this.head.length < 8) this.head = Buffer.concat([this.head, chunk.subarray(0, 8)])
    this.recent.push(chunk)
    this.recentBytes += chunk.length
    while (this.recent.length > 1 && this.recentBytes - this.recent[0].length >= tailSize) {
      this.recentBytes -= this.recent[0].length
      this.recent.shift()
    }
  }

  /** The last bytes seen, joined only when a verdict needs them. */
  private get tail(): Buffer {
    if (this.recent.length > 1) this.recent = [Buffer.concat(this.recent)]
    return (this.recent[0] ?? Buffer.alloc(0)).subarray(-tailSize)
  }

  /** A tar ends with two zero blocks; without them the data stopped early, even if it stopped between files. */
  endedCleanly(): boolean {
    return endsWithTarEnd(this.tail)
  }

  /** Turns a tar parser failure (or an unclean end) into a message that says what the input really was. */
  explain(error: unknown): HandoffError {
    if (error instanceof HandoffError) return error
    const engineError = appendedEngineError(this.tail)
    if (engineError !== undefined) {
      return new HandoffError(
        `the engine failed while it was writing the archive: ${engineError}; fix the cause and save again`
      )
    }
    const compressed = this.compression()
    if (compressed !== undefined) {
      return new HandoffError(
        `not an image archive: the input is ${compressed}-compressed; decompress it before reading it as a tar`
      )
    }
    if (this.total === 0) return new HandoffError('not an image archive: the input is empty (did the save fail?)')
    const detail = errorMessage(error)
    if (/unexpected end|ended early/i.test(detail)) {
      return new HandoffError(
        `the image archive is truncated after ${this.total} bytes (${detail}); the save or transfer was interrupted: save it again`,
        { cause: error }
      )
    }
    // The cause stays attached: a JavaScript fault (TypeError…) must be told apart from a bad tar by tests.
    return new HandoffError(`not an image archive: the input is not a valid tar (${detail})`, { cause: error })
  }

  private compression(): string | undefined {
    const [a, b, c, d] = this.head
    if (a === 0x1f && b === 0x8b) return 'gzip'
    if (a === 0x28 && b === 0xb5 && c === 0x2f && d === 0xfd) return 'zstd'
    if (a === 0x42 && b === 0x5a && c === 0x68) return 'bzip2'
    if (a === 0xfd && b === 0x37 && c === 0x7a && d === 0x58) return 'xz'
    return undefined
  }
}

/** A tar ends with two zero blocks: `tail` (the last bytes of a stream) ends a whole tar. */
export function endsWithTarEnd(tail: Buffer): boolean {
  const end = tail.subarray(-1024)
  return end.length === 1024 && end.every((byte) => byte === 0)
}

/**
 * The engine's error body at the very end of `tail`: Docker answers HTTP 200 and, failing after the first byte,
 * appends `{"errorDetail":{"message":…},"error":…}` (or a bare `{"message":…}`) to the tar data.
 */
export function appendedEngineError(tail: Buffer): string | undefined {
  const text = tail.toString('latin1')
  for (const marker of ['{"errorDetail"', '{"error"', '{"message"']) {
    const start = text.lastIndexOf(marker)
    if (start === -1) continue
    try {
      const body = JSON.parse(text.slice(start).trim()) as {
        errorDetail?: { message?: unknown }
        error?: unknown
        message?: unknown
      }
      const message = body.errorDetail?.message ?? body.error ?? body.message
      if (typeof message === 'string') return message
    } catch {
      // not the last thing in the input: tar data, not an error body
    }
  }
  return undefined
}
