import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  HandoffError
} from "./chunk-B36MAPR3.js";

// src/store/chunk-read.ts
import { open } from "node:fs/promises";
import { Readable } from "node:stream";

// src/archive/compression.ts
import { constants, createZstdCompress, createZstdDecompress } from "node:zlib";

// src/archive/zstd-frame.ts
var magic = 4247762216;
var magicBytes = [40, 181, 47, 253];
var ZstdFrameScan = class {
  state = "header";
  pending = [];
  skip = 0;
  lastBlock = false;
  hasChecksum = false;
  frames = 0;
  /** Where the first frame ended, once it did, and where the last whole frame ended. */
  firstEnd;
  lastEnd = 0;
  total = 0;
  /** True between frames: everything so far was whole frames. */
  get ended() {
    return this.state === "between";
  }
  /** False when the input is not a frame this scan can follow: the decompressor's own checks then apply. */
  get following() {
    return this.state !== "unknown";
  }
  /** Bytes after the last whole frame once they were refused (0 while there are none). */
  get trailing() {
    return this.state === "refused" ? this.total - this.lastEnd : 0;
  }
  feed(chunk) {
    let at = 0;
    while (at < chunk.length && this.state !== "unknown" && this.state !== "refused") {
      if (this.skip > 0) {
        const step = Math.min(this.skip, chunk.length - at);
        this.skip -= step;
        at += step;
        if (this.skip === 0) this.afterSkip(this.total + at);
        continue;
      }
      if (this.state === "between") this.give("header");
      this.pending.push(chunk[at++]);
      this.parsePending(this.total + at);
    }
    this.total += chunk.length;
  }
  parsePending(position) {
    const bytes = this.pending;
    if (this.state === "header") {
      if (this.frames > 0 && bytes.length <= 4 && bytes[bytes.length - 1] !== magicBytes[bytes.length - 1])
        return this.give("refused");
      if (bytes.length < 5) return;
      if (Buffer.from(bytes.slice(0, 4)).readUInt32LE(0) !== magic)
        return this.give(this.frames === 0 ? "unknown" : "refused");
      const descriptor = bytes[4];
      const singleSegment = descriptor >> 5 & 1;
      const contentSize = [singleSegment ? 1 : 0, 2, 4, 8][descriptor >> 6];
      const dictionary = [0, 1, 2, 4][descriptor & 3];
      this.hasChecksum = (descriptor >> 2 & 1) === 1;
      if (bytes.length < 5 + (singleSegment ? 0 : 1) + dictionary + contentSize) return;
      this.give("block-header");
    } else if (this.state === "block-header" && bytes.length === 3) {
      const header = bytes[0] | bytes[1] << 8 | bytes[2] << 16;
      const type = header >> 1 & 3;
      const size = header >>> 3;
      if (type === 3) return this.give(this.frames === 0 ? "unknown" : "refused");
      if (this.frames > 0 && size > 0) return this.give("refused");
      this.lastBlock = (header & 1) === 1;
      this.skip = type === 1 ? 1 : size;
      this.give("block-body");
      if (this.skip === 0) this.afterSkip(position);
    }
  }
  afterSkip(position) {
    if (this.state === "checksum" || this.state === "block-body" && this.lastBlock && !this.hasChecksum) {
      this.frames++;
      this.firstEnd ??= position;
      this.lastEnd = position;
      return this.give("between");
    }
    if (!this.lastBlock) return this.give("block-header");
    this.skip = 4;
    this.give("checksum");
  }
  give(state) {
    this.state = state;
    this.pending = [];
  }
};

// src/archive/compression.ts
var chunkSize = 1024 * 1024;
function zstdCompress(level) {
  return createZstdCompress({
    chunkSize,
    params: {
      [constants.ZSTD_c_compressionLevel]: level,
      [constants.ZSTD_c_checksumFlag]: 1
    }
  });
}
function zstdDecompress() {
  const stream = createZstdDecompress({ chunkSize });
  const hooks = stream;
  const scan = new ZstdFrameScan();
  const transform = hooks._transform.bind(stream);
  const flush = hooks._flush.bind(stream);
  const destroy = hooks._destroy.bind(stream);
  hooks._transform = (chunk, encoding, callback) => {
    const start = scan.total;
    scan.feed(chunk);
    if (scan.trailing > 0) return callback(trailingBytes(scan, scan.trailing));
    const end = scan.firstEnd === void 0 ? chunk.length : Math.max(0, scan.firstEnd - start);
    if (end === 0) return callback();
    transform(end < chunk.length ? chunk.subarray(0, end) : chunk, encoding, callback);
  };
  hooks._flush = (callback) => {
    if (scan.following && !scan.ended) return callback(truncated(scan));
    flush(callback);
  };
  hooks._destroy = (error, callback) => destroy(error === null ? null : explained(error, scan), callback);
  return stream;
}
function explained(error, scan) {
  if (error instanceof HandoffError || error.code === "ERR_STREAM_PREMATURE_CLOSE") return error;
  if (scan.following && !scan.ended && /unexpected end/i.test(error.message)) return truncated(scan);
  if (!/^(Z_|ZSTD_)/.test(String(error.code))) return error;
  return new HandoffError(
    `the stored payload is corrupt: zstd could not decompress it (${error.message}) after ${scan.total} bytes; the entry was damaged in storage or transit: save the images again under this key (or a new one)`
  );
}
function truncated(scan) {
  return new HandoffError(
    `the stored payload is truncated: it ends after ${scan.total} bytes, inside its zstd frame (the save or the download was cut short); the entry is damaged: save the images again under this key (or a new one)`
  );
}
function trailingBytes(scan, extra) {
  return new HandoffError(
    `the stored payload carries bytes after the end of its zstd frame (at least ${extra} extra bytes of ${scan.total}); it was altered or two payloads were joined: it is refused, save the images again under this key (or a new one)`
  );
}
var zstdMagic = Buffer.from([40, 181, 47, 253]);
function isZstd(head) {
  return head.subarray(0, 4).equals(zstdMagic);
}

// src/store/chunk-read.ts
var pieceBytes = 1024 * 1024;
async function readChunk(chunk, buffer) {
  if (!chunk.compressed || !await startsFrame(chunk))
    return Readable.from(
      pieces(chunk, () => Buffer.allocUnsafe(pieceBytes)),
      { objectMode: false }
    );
  const output = zstdDecompress();
  feed(chunk, buffer, output).catch((error) => output.destroy(error));
  return output;
}
async function feed(chunk, buffer, output) {
  for await (const piece of pieces(chunk, () => buffer)) {
    await new Promise(
      (resolve, reject) => output.write(piece, (error) => error ? reject(error) : resolve())
    );
  }
  output.end();
}
async function startsFrame(chunk) {
  const head = Buffer.alloc(4);
  let length = 0;
  for await (const piece of pieces(chunk, () => head.subarray(length))) {
    length += piece.length;
    if (length === head.length) break;
  }
  return isZstd(head.subarray(0, length));
}
async function* pieces(chunk, into) {
  const handle = await open(chunk.file);
  try {
    const end = chunk.end ?? Infinity;
    for (let position = chunk.start ?? 0; position <= end; ) {
      const target = into();
      const bytesRead = await readSome(handle, target, position, end, chunk.arriving);
      if (bytesRead === 0) break;
      position += bytesRead;
      yield target.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
async function readSome(handle, target, position, end, arrival) {
  for (; ; ) {
    const whole = arrival === void 0 || arrival.complete();
    const limit = whole ? end + 1 : Math.min(end + 1, arrival.written());
    if (position < limit) {
      const length = Math.min(target.length, limit - position);
      const { bytesRead } = await handle.read(target, 0, length, position);
      if (bytesRead > 0 || whole) return bytesRead;
    } else if (whole) return 0;
    if (arrival.failure() !== void 0) throw arrival.failure();
    await arrival.next();
  }
}

export {
  zstdCompress,
  zstdDecompress,
  isZstd,
  readChunk,
  startsFrame
};
