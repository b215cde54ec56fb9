/**
 * Follows the structure of zstd frames (RFC 8878: header, blocks, checksum) as their bytes stream by, so a
 * payload can be refused when it stops inside a frame or carries anything after its first frame. Node's
 * decompressor stops at the end of the first frame and ignores what follows (a second payload would vanish),
 * and reports a cut frame only as "unexpected end of file". Node's own compressor ends a stream with an empty
 * frame, so empty frames after the first are accepted.
 */
const magic = 0xfd2fb528
const magicBytes = [0x28, 0xb5, 0x2f, 0xfd]

type State = 'header' | 'block-header' | 'block-body' | 'checksum' | 'between' | 'unknown' | 'refused'

export class ZstdFrameScan {
  private state: State = 'header'
  private pending: number[] = []
  private skip = 0
  private lastBlock = false
  private hasChecksum = false
  private frames = 0
  /** Where the first frame ended, once it did, and where the last whole frame ended. */
  firstEnd: number | undefined
  private lastEnd = 0
  total = 0

  /** True between frames: everything so far was whole frames. */
  get ended(): boolean {
    return this.state === 'between'
  }

  /** False when the input is not a frame this scan can follow: the decompressor's own checks then apply. */
  get following(): boolean {
    return this.state !== 'unknown'
  }

  /** Bytes after the last whole frame once they were refused (0 while there are none). */
  get trailing(): number {
    return this.state === 'refused' ? this.total - this.lastEnd : 0
  }

  feed(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length && this.state !== 'unknown' && this.state !== 'refused') {
      if (this.skip > 0) {
        const step = Math.min(this.skip, chunk.length - at)
        this.skip -= step
        at += step
        if (this.skip === 0) this.afterSkip(this.total + at)
        continue
      }
      if (this.state === 'between') this.give('header')
      this.pending.push(chunk[at++])
      this.parsePending(this.total + at)
    }
    this.total += chunk.length
  }

  private parsePending(position: number): void {
    const bytes = this.pending
    if (this.state === 'header') {
      // After the first frame, a byte that cannot start a frame is refused at once, not at the end.
      if (this.frames > 0 && bytes.length <= 4 && bytes[bytes.length - 1] !== magicBytes[bytes.length - 1])
        return this.give('refused')
      if (bytes.length < 5) return
      if (Buffer.from(bytes.slice(0, 4)).readUInt32LE(0) !== magic)
        return this.give(this.frames === 0 ? 'unknown' : 'refused')
      const descriptor = bytes[4]
      const singleSegment = (descriptor >> 5) & 1
      const contentSize = [singleSegment ? 1 : 0, 2, 4, 8][descriptor >> 6]
      const dictionary = [0, 1, 2, 4][descriptor & 3]
      this.hasChecksum = ((descriptor >> 2) & 1) === 1
      if (bytes.length < 5 + (singleSegment ? 0 : 1) + dictionary + contentSize) return
      this.give('block-header')
    } else if (this.state === 'block-header' && bytes.length === 3) {
      const header = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16)
      const type = (header >> 1) & 3
      const size = header >>> 3
      if (type === 3) return this.give(this.frames === 0 ? 'unknown' : 'refused')
      // A frame after the first that holds data: Node would drop it silently.
      if (this.frames > 0 && size > 0) return this.give('refused')
      this.lastBlock = (header & 1) === 1
      this.skip = type === 1 ? 1 : size
      this.give('block-body')
      if (this.skip === 0) this.afterSkip(position)
    }
  }

  private afterSkip(position: number): void {
    if (this.state === 'checksum' || (this.state === 'block-body' && this.lastBlock && !this.hasChecksum)) {
      this.frames++
      this.firstEnd ??= position
      this.lastEnd = position
      return this.give('between')
    }
    if (!this.lastBlock) return this.give('block-header')
    this.skip = 4
    this.give('checksum')
  }

  private give(state: State): void {
    this.state = state
    this.pending = []
  }
}
