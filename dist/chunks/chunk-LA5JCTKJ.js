import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/store/compressibility.ts
import { open } from "node:fs/promises";
import { constants, zstdCompressSync } from "node:zlib";
var sampleEvery = 2 * 1024 * 1024;
var sampleBytes = 64 * 1024;
var smallestSample = 4 * 1024;
var worthRatio = 0.9;
var magic = Buffer.from([40, 181, 47, 253]);
function isZstdFrame(head) {
  return head.length >= magic.length && head.subarray(0, magic.length).equals(magic);
}
async function startsFrame(file) {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(magic.length), 0, magic.length, 0);
    return isZstdFrame(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
var CompressionProbe = class {
  written = 0;
  nextSample = 0;
  sampled = 0;
  shrunk = 0;
  head = Buffer.alloc(magic.length);
  headBytes = 0;
  /** Called with every piece of the chunk, in order. */
  feed(data) {
    if (this.headBytes < magic.length) this.headBytes += data.copy(this.head, this.headBytes, 0);
    if (this.written >= this.nextSample && data.length >= smallestSample) {
      const sample = data.subarray(0, sampleBytes);
      this.sampled += sample.length;
      this.shrunk += zstdCompressSync(sample, { params: { [constants.ZSTD_c_compressionLevel]: 1 } }).length;
      this.nextSample = this.written + sampleEvery;
    }
    this.written += data.length;
  }
  /** True unless the samples show the chunk does not compress (or there were none: small chunks are compressed). */
  get worthCompressing() {
    if (this.sampled === 0) return true;
    if (isZstdFrame(this.head.subarray(0, this.headBytes))) return true;
    return this.shrunk <= this.sampled * worthRatio;
  }
};

export {
  isZstdFrame,
  startsFrame,
  CompressionProbe
};
