import { Transform, type TransformCallback } from 'node:stream'

/**
 * Splits the Engine API's multiplexed exec stream (8-byte header: stream type, 3 zero bytes, big-endian
 * length) into stdout, which flows on with backpressure, and stderr, kept (its tail) for error messages.
 * docker-modem's demuxStream ignores backpressure, which would buffer a whole image export in memory.
 */
export class ExecFrames extends Transform {
  private pending: Buffer = Buffer.alloc(0)
  private stderrTail = ''

  get stderr(): string {
    return this.stderrTail
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4)
      if (this.pending.length < 8 + size) break
      const body = this.pending.subarray(8, 8 + size)
      if (this.pending[0] === 2) this.stderrTail = (this.stderrTail + body.toString('utf8')).slice(-64 * 1024)
      else this.push(body)
      this.pending = this.pending.subarray(8 + size)
    }
    callback()
  }

  override _flush(callback: TransformCallback): void {
    callback(this.pending.length > 0 ? new Error('the exec stream ended inside a frame') : null)
  }
}
