import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  IndexFormatError
} from "./chunk-J7MNMCMW.js";
import {
  arrivingChunk
} from "./chunk-N5RGHHB3.js";
import {
  pacedFileRead
} from "./chunk-H6WZBS64.js";
import {
  HandoffError
} from "./chunk-B36MAPR3.js";
import "./chunk-DGQ6QHC6.js";

// src/backends/pack-store.ts
import { mkdir } from "node:fs/promises";
import { join } from "node:path";

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
async function readPackRanged(entry, what) {
  const { size } = entry;
  const footer = size >= footerBytes ? await entry.read(size - footerBytes, footerBytes) : Buffer.alloc(0);
  const at = parseFooter(footer, size, what);
  const both = await entry.read(at.tableAt, at.indexAt + at.indexLength - at.tableAt);
  const table = parseTable(both.subarray(0, at.tableLength), at.tableAt, what);
  return { table, index: both.subarray(at.indexAt - at.tableAt) };
}

// src/backends/pack-writer.ts
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
async function hashFile(file, hash, buffer) {
  const handle = await open(file, "r");
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
    async finish(index) {
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
    }
  };
}

// src/backends/pack-store.ts
function createPackStore(backend, workDir) {
  const scratch = join(workDir, "pack");
  let writer;
  let saving;
  const reading = { ranged: void 0, table: {} };
  let fetched = 0;
  const openWriter = () => {
    if (writer === void 0) throw new Error("the pack is written after prepare(key) and before its index");
    return writer;
  };
  return {
    kind: "artifact",
    compresses: false,
    scratch,
    async prepare(key) {
      if (key === void 0) throw new Error("the pack store is prepared for the key it will save");
      await mkdir(scratch, { recursive: true });
      saving = key;
      writer ??= uploadPackWriter(() => backend.openUpload(key));
    },
    // Only this pack: what was appended by this save, or what the loaded pack holds.
    has: async (digest) => (writer?.has(digest) ?? false) || digest in reading.table,
    put: (digest, file) => openWriter().put(digest, file),
    async get(digest) {
      const at = reading.table[digest];
      const { ranged } = reading;
      if (at === void 0 || ranged === void 0)
        throw new HandoffError(`chunk ${digest} is not in the loaded ${backend.kind}; it is damaged`);
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`);
      await mkdir(scratch, { recursive: true });
      return arrivingChunk(file, true, (watch) => ranged.fetch(at[0], at[1], file, watch));
    },
    async hasIndex(key) {
      await backend.checkNew(key);
      return false;
    },
    async writeIndex(key, body) {
      if (saving !== void 0 && saving !== key)
        throw new Error(`the pack was prepared for key "${saving}", not "${key}"`);
      try {
        return await openWriter().finish(body);
      } finally {
        writer = void 0;
      }
    },
    // Restore keys do not apply: entries (artifact names) are looked up exactly.
    async readIndex(key) {
      const ranged = await backend.openRanged(key);
      if (ranged === void 0) return void 0;
      const { table, index } = await readPackRanged(ranged, `${backend.kind} "${ranged.matchedKey}"`);
      Object.assign(reading, { ranged, table });
      return { matchedKey: ranged.matchedKey, body: index };
    },
    explainMiss: async () => void 0
  };
}
export {
  createPackStore
};
