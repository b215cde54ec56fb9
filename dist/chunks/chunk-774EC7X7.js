import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/store/blob-store.ts
function newestFirst(a, b) {
  return b.created - a.created || (a.key < b.key ? 1 : -1);
}

export {
  newestFirst
};
