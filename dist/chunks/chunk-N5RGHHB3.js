import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/store/arrival.ts
import { once } from "node:events";
import { open, rm } from "node:fs/promises";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
async function arrivingChunk(file, compressed, download, cleanup = () => void 0) {
  await open(file, "w").then(
    (created) => created.close(),
    (error) => {
      cleanup();
      throw error;
    }
  );
  const arrival = new Arrival();
  const stop = new AbortController();
  const settled = download({ arrival, signal: stop.signal }).then(
    () => arrival.finish(),
    (error) => arrival.finish(error ?? new Error("the download failed"))
  );
  return {
    file,
    compressed,
    arriving: arrival,
    async dispose() {
      stop.abort();
      await settled;
      await rm(file, { force: true }).catch(() => void 0);
      cleanup();
    }
  };
}
var Arrival = class {
  bytes = 0;
  settled = false;
  error;
  wake = [];
  /** Bytes the current attempt has put in the file: a reader stays below. */
  written() {
    return this.bytes;
  }
  /** True once every byte is in the file. */
  complete() {
    return this.settled && this.error === void 0;
  }
  /** Why the download failed for good, once it did. */
  failure() {
    return this.error;
  }
  /** Resolves at the next write, retry or end, so a reader that caught up looks again. */
  async next() {
    if (this.settled) return;
    await new Promise((resolve) => this.wake.push(resolve));
  }
  /** An attempt starts over from the file's first byte. */
  restart() {
    this.bytes = 0;
  }
  advance(total) {
    this.bytes = total;
    this.notify();
  }
  finish(error) {
    if (this.settled) return;
    this.settled = true;
    this.error = error ?? void 0;
    this.notify();
  }
  notify() {
    for (const resolve of this.wake.splice(0)) resolve();
  }
};
async function downloadInto(source, file, watch) {
  const writer = arrivalWriter(file, watch?.arrival);
  try {
    await pipeline(source, writer, watch ? { signal: watch.signal } : {});
  } finally {
    if (!writer.closed) await once(writer, "close").catch(() => void 0);
  }
}
function arrivalWriter(file, arrival) {
  let handle;
  let total = 0;
  arrival?.restart();
  const put = async (buffers) => {
    if (handle === void 0) throw new Error(`${file} is not open`);
    const { bytesWritten } = await handle.writev(buffers);
    const expected = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    if (bytesWritten !== expected) throw new Error(`${file}: ${bytesWritten} of ${expected} bytes written`);
    total += bytesWritten;
    arrival?.advance(total);
  };
  return new Writable({
    highWaterMark: 1024 * 1024,
    construct(callback) {
      open(file, "w").then((opened) => {
        handle = opened;
        callback();
      }, callback);
    },
    write(chunk, _encoding, callback) {
      put([chunk]).then(() => callback(), callback);
    },
    writev(chunks, callback) {
      put(chunks.map(({ chunk }) => chunk)).then(() => callback(), callback);
    },
    destroy(error, callback) {
      const closing = handle?.close() ?? Promise.resolve();
      closing.then(
        () => callback(error),
        () => callback(error)
      );
    }
  });
}

export {
  arrivingChunk,
  downloadInto
};
