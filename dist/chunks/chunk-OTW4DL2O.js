import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/store/temporaries.ts
import { rmSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
var live = /* @__PURE__ */ new Set();
var signals = ["SIGINT", "SIGTERM"];
var installed = false;
function onSignal(signal) {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
  for (const s of signals) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}
function trackTemporary(path) {
  live.add(path);
  if (!installed) {
    installed = true;
    for (const s of signals) process.on(s, onSignal);
  }
  return () => {
    live.delete(path);
  };
}
var staleMs = 60 * 60 * 1e3;
async function sweepStale(dir, now = Date.now()) {
  const names = await readdir(dir).catch(() => []);
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => void 0);
    if (info === void 0 || now - info.mtimeMs < staleMs) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

export {
  trackTemporary,
  sweepStale
};
