import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  IndexFormatError
} from "./chunk-UPXBV2X6.js";
import {
  arrivingChunk
} from "./chunk-N5RGHHB3.js";
import {
  pacedFileRead
} from "./chunk-FRI2AGEC.js";
import {
  HandoffError
} from "./chunk-B36MAPR3.js";
import "./chunk-DGQ6QHC6.js";

// src/backends/pack-store.ts
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";

// src/backends/pack-reader.ts
import { open } from "node:fs/promises";

// src/backends/pack-format.ts
var magic = Buffer.from("IHPACK02");
var footerBytes = magic.length + 4 * 8;
function packTail(table, index, tableAt) {
  const tableBytes = Buffer.from(JSON.stringify(table));
  const footer = Buffer.alloc(footerBytes);
  magic.copy(footer);
  const indexAt = tableAt + tableBytes.length;
  [tableAt, tableBytes.length, indexAt, index.length].forEach(
    (n, i) => footer.writeBigUInt64BE(BigInt(n), magic.length + 8 * i)
  );
  return Buffer.concat([tableBytes, index, footer]);
}
function parseFooter(footer, size, what) {
  if (size < footerBytes || footer.length < footerBytes || !footer.subarray(0, magic.length).equals(magic))
    throw new IndexFormatError(
      `${what} is not an image-handoff pack (an entry of the first release, or of another tool)`
    );
  const [tableAt, tableLength, indexAt, indexLength] = [0, 1, 2, 3].map(
    (i) => Number(footer.readBigUInt64BE(magic.length + 8 * i))
  );
  if (tableAt + tableLength > indexAt || indexAt + indexLength > size - footerBytes)
    throw new IndexFormatError(`${what} has a damaged footer`);
  return { tableAt, tableLength, indexAt, indexLength };
}
function parseTable(body, tableAt, what) {
  let table;
  try {
    table = JSON.parse(body.toString("utf8"));
  } catch {
    throw new IndexFormatError(`${what} has a damaged chunk table`);
  }
  const valid = typeof table === "object" && table !== null && Object.values(table).every(
    (at) => Array.isArray(at) && at.length === 2 && at.every(Number.isSafeInteger) && at[0] + at[1] <= tableAt
  );
  if (!valid) throw new IndexFormatError(`${what} has a chunk table that points outside its chunks`);
  return table;
}

// src/backends/pack-reader.ts
async function readContents(size, read, what) {
  const footer = size >= footerBytes ? await read(size - footerBytes, footerBytes) : Buffer.alloc(0);
  const at = parseFooter(footer, size, what);
  const both = await read(at.tableAt, at.indexAt + at.indexLength - at.tableAt);
  const table = parseTable(both.subarray(0, at.tableLength), at.tableAt, what);
  return { table, index: both.subarray(at.indexAt - at.tableAt) };
}
async function readPackFile(file, what) {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    return await readContents(
      size,
      async (at, length) => {
        const data = Buffer.alloc(length);
        const { bytesRead } = await handle.read(data, 0, length, at);
        return data.subarray(0, bytesRead);
      },
      what
    );
  } finally {
    await handle.close();
  }
}
function readPackRanged(entry, what) {
  return readContents(entry.size, (at, length) => entry.read(at, length), what);
}

// src/backends/pack-writer.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open as open2 } from "node:fs/promises";
var readChunk = (file) => createReadStream(file, { highWaterMark: 1024 * 1024 });
async function hashFile(file, hash, buffer) {
  const handle = await open2(file, "r");
  try {
    let length = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, length);
      if (bytesRead === 0) return length;
      hash.update(buffer.subarray(0, bytesRead));
      length += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
function turns() {
  let tail = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => void 0);
    return run;
  };
}
async function filePackWriter(packFile, save, move) {
  const handle = await open2(packFile, "w");
  const inTurn = turns();
  const table = {};
  let offset = 0;
  let closed = false;
  const write = async (data) => {
    await handle.write(data, 0, data.length, offset);
    offset += data.length;
  };
  return {
    has: (digest) => digest in table,
    put: (digest, file) => inTurn(async () => {
      const start = offset;
      for await (const data of readChunk(file)) await write(data);
      table[digest] = [start, offset - start];
      return offset - start;
    }),
    async finish(key, index) {
      await inTurn(() => write(packTail(table, index, offset)));
      closed = true;
      await handle.close();
      return save(key, (file) => move(packFile, file));
    },
    async close() {
      if (!closed) await handle.close().catch(() => void 0);
      closed = true;
    }
  };
}
function uploadPackWriter(openUpload) {
  const inTurn = turns();
  const table = {};
  const hash = createHash("sha256");
  const staged = [];
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  let upload;
  let offset = 0;
  let pieces = 0;
  const opened = () => upload ??= openUpload();
  return {
    has: (digest) => digest in table,
    async put(digest, file) {
      const target = await opened();
      const { n, length } = await inTurn(async () => {
        const length2 = await hashFile(file, hash, buffer);
        table[digest] = [offset, length2];
        offset += length2;
        return { n: pieces++, length: length2 };
      });
      const stage = target.stage(n, () => pacedFileRead(file), length);
      staged.push(stage.catch(() => void 0));
      await stage;
      return length;
    },
    async finish(_key, index) {
      const target = await opened();
      const { n, tail } = await inTurn(async () => {
        const tail2 = packTail(table, index, offset);
        hash.update(tail2);
        offset += tail2.length;
        return { n: pieces++, tail: tail2 };
      });
      await Promise.all(staged);
      await target.stage(n, tail, tail.length);
      return target.commit(pieces, offset, hash.digest("hex"));
    },
    close: async () => void 0
  };
}

// src/backends/pack-store.ts
function createPackStore(backend, workDir) {
  const scratch = join(workDir, "pack");
  const packFile = join(scratch, `pack-${process.pid}`);
  let writer;
  let saving;
  const reading = {
    entry: void 0,
    ranged: void 0,
    table: {}
  };
  let fetched = 0;
  const openWriter = () => {
    if (writer === void 0) throw new Error("the pack is written after prepare() and before its index");
    return writer;
  };
  return {
    kind: "artifact",
    compresses: false,
    scratch,
    async prepare(key) {
      await mkdir(scratch, { recursive: true });
      saving = key;
      const openUpload = backend.openUpload?.bind(backend);
      writer ??= key !== void 0 && openUpload ? uploadPackWriter(() => openUpload(key)) : await filePackWriter(packFile, (saved, write) => backend.save(saved, write), rename);
    },
    // Only this pack: what was appended by this save, or what the loaded pack holds.
    has: async (digest) => (writer?.has(digest) ?? false) || digest in reading.table,
    put: (digest, file) => openWriter().put(digest, file),
    async get(digest) {
      const at = reading.table[digest];
      const { entry, ranged } = reading;
      if (at === void 0 || entry === void 0 && ranged === void 0)
        throw new HandoffError(`chunk ${digest} is not in the loaded ${backend.kind}; it is damaged`);
      if (entry !== void 0 || ranged === void 0)
        return {
          file: entry?.file ?? "",
          compressed: true,
          start: at[0],
          end: at[0] + at[1] - 1,
          dispose: async () => void 0
        };
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`);
      await mkdir(scratch, { recursive: true });
      return arrivingChunk(file, true, (watch) => ranged.fetch(at[0], at[1], file, watch));
    },
    async hasIndex(key) {
      await backend.checkNew?.(key);
      return false;
    },
    async writeIndex(key, body) {
      if (saving !== void 0 && saving !== key)
        throw new Error(`the pack was prepared for key "${saving}", not "${key}"`);
      try {
        return await openWriter().finish(key, body);
      } finally {
        writer = void 0;
        await rm(packFile, { force: true });
      }
    },
    async readIndex(key, restoreKeys) {
      const ranged = backend.openRanged ? await backend.openRanged(key) : void 0;
      if (backend.openRanged) {
        if (ranged === void 0) return void 0;
        const { table: table2, index: index2 } = await readPackRanged(ranged, `${backend.kind} "${ranged.matchedKey}"`);
        Object.assign(reading, { ranged, table: table2 });
        return { matchedKey: ranged.matchedKey, body: index2 };
      }
      const entry = await backend.restore(key, restoreKeys);
      if (entry === void 0) return void 0;
      reading.entry = entry;
      const { table, index } = await readPackFile(entry.file, `${backend.kind} "${entry.matchedKey}"`);
      reading.table = table;
      return { matchedKey: entry.matchedKey, body: index };
    },
    explainMiss: async () => void 0,
    async release() {
      await writer?.close();
      await rm(packFile, { force: true });
      await reading.entry?.dispose();
    }
  };
}
export {
  createPackStore
};
