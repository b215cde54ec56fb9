import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  IndexFormatError
} from "./chunk-IFMM4ZD5.js";
import {
  HandoffError
} from "./chunk-OOPN6O4Y.js";

// src/backends/pack-store.ts
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
var magic = Buffer.from("IHPACK02");
var footerBytes = magic.length + 4 * 8;
function createPackStore(backend, workDir) {
  const scratch = join(workDir, "pack");
  const packFile = join(scratch, `pack-${process.pid}`);
  const writing = {
    handle: void 0,
    offset: 0,
    table: {},
    tail: Promise.resolve()
  };
  const reading = { entry: void 0, table: {} };
  const openPack = () => {
    if (writing.handle === void 0) throw new Error("the pack is written after prepare() and before its close");
    return writing.handle;
  };
  const append = (data) => {
    const run = writing.tail.then(async () => {
      await openPack().write(data, 0, data.length, writing.offset);
      writing.offset += data.length;
    });
    writing.tail = run.catch(() => void 0);
    return run;
  };
  return {
    kind: "artifact",
    compresses: false,
    scratch,
    async prepare() {
      await mkdir(scratch, { recursive: true });
      writing.handle ??= await open(packFile, "w");
    },
    // Only this pack: what was appended by this save, or what the downloaded pack holds.
    has: async (digest) => digest in writing.table || digest in reading.table,
    async put(digest, file) {
      const run = writing.tail.then(async () => {
        const start = writing.offset;
        for await (const data of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
          await openPack().write(data, 0, data.length, writing.offset);
          writing.offset += data.length;
        }
        writing.table[digest] = [start, writing.offset - start];
      });
      writing.tail = run.catch(() => void 0);
      await run;
      return writing.table[digest][1];
    },
    async get(digest) {
      const at = reading.table[digest];
      if (reading.entry === void 0 || at === void 0)
        throw new HandoffError(`chunk ${digest} is not in the downloaded ${backend.kind}; it is damaged`);
      return {
        file: reading.entry.file,
        compressed: true,
        start: at[0],
        end: at[0] + at[1] - 1,
        dispose: async () => void 0
      };
    },
    async hasIndex(key) {
      await backend.checkNew?.(key);
      return false;
    },
    async writeIndex(key, body) {
      const table = Buffer.from(JSON.stringify(writing.table));
      const tableAt = writing.offset;
      await append(table);
      const indexAt = writing.offset;
      await append(body);
      const footer = Buffer.alloc(footerBytes);
      magic.copy(footer);
      [tableAt, table.length, indexAt, body.length].forEach(
        (n, i) => footer.writeBigUInt64BE(BigInt(n), magic.length + 8 * i)
      );
      await append(footer);
      await openPack().close();
      writing.handle = void 0;
      try {
        return await backend.save(key, (file) => rename(packFile, file));
      } finally {
        await rm(packFile, { force: true });
      }
    },
    async readIndex(key, restoreKeys) {
      const entry = await backend.restore(key, restoreKeys);
      if (entry === void 0) return void 0;
      reading.entry = entry;
      const { table, index } = await readPack(entry.file, `${backend.kind} "${entry.matchedKey}"`);
      reading.table = table;
      return { matchedKey: entry.matchedKey, body: index };
    },
    explainMiss: async () => void 0,
    async release() {
      await writing.handle?.close().catch(() => void 0);
      await rm(packFile, { force: true });
      await reading.entry?.dispose();
    }
  };
}
async function readPack(file, what) {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const footer = Buffer.alloc(footerBytes);
    if (size >= footerBytes) await handle.read(footer, 0, footerBytes, size - footerBytes);
    if (size < footerBytes || !footer.subarray(0, magic.length).equals(magic)) {
      throw new IndexFormatError(
        `${what} is not an image-handoff pack (an entry of the first release, or of another tool)`
      );
    }
    const [tableAt, tableLength, indexAt, indexLength] = [0, 1, 2, 3].map(
      (i) => Number(footer.readBigUInt64BE(magic.length + 8 * i))
    );
    if (tableAt + tableLength > indexAt || indexAt + indexLength > size - footerBytes)
      throw new IndexFormatError(`${what} has a damaged footer`);
    const read = async (at, length) => {
      const data = Buffer.alloc(length);
      await handle.read(data, 0, length, at);
      return data;
    };
    let table;
    try {
      table = JSON.parse((await read(tableAt, tableLength)).toString("utf8"));
    } catch {
      throw new IndexFormatError(`${what} has a damaged chunk table`);
    }
    const valid = Object.values(table).every(
      (at) => Array.isArray(at) && at.length === 2 && at.every(Number.isSafeInteger) && at[0] + at[1] <= tableAt
    );
    if (!valid) throw new IndexFormatError(`${what} has a chunk table that points outside its chunks`);
    return { table, index: await read(indexAt, indexLength) };
  } finally {
    await handle.close();
  }
}
export {
  createPackStore
};
