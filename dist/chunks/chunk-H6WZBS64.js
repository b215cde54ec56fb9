import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/store/gc-pace.ts
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var minorEvery = 8 * 1024 * 1024;
var externalMargin = 32 * 1024 * 1024;
var found;
function collector() {
  if (found !== void 0) return found;
  const own = globalThis.gc;
  if (typeof own === "function") return found = own;
  try {
    setFlagsFromString("--expose-gc");
    const fetched = runInNewContext("gc");
    found = typeof fetched === "function" ? fetched : null;
  } catch {
    found = null;
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
  return found;
}
var minor = 0;
var ceiling = externalMargin;
var triggersSet = false;
function setMarkingTriggers() {
  triggersSet = true;
  try {
    setFlagsFromString("--incremental-marking-soft-trigger=50");
    setFlagsFromString("--incremental-marking-hard-trigger=90");
  } catch {
  }
}
function paceGc(bytes) {
  if (!triggersSet) setMarkingTriggers();
  minor += bytes;
  if (minor < minorEvery) return;
  minor = 0;
  const collect = collector();
  if (collect === null) return;
  collect({ type: "minor" });
  const external = getHeapStatistics().external_memory;
  if (ceiling === void 0) ceiling = external + externalMargin;
  if (external <= ceiling) return;
  collect({ type: "major" });
  ceiling = void 0;
}
async function* paced(source) {
  for await (const data of source) {
    paceGc(data.length);
    yield data;
  }
}
function pacedFileRead(file, range = {}) {
  const reads = createReadStream(file, { highWaterMark: 1024 * 1024, ...range });
  return Readable.from(paced(reads), { objectMode: false });
}

export {
  paceGc,
  paced,
  pacedFileRead
};
