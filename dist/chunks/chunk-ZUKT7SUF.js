import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/error-body.ts
async function readErrorBody(body, maxBytes) {
  const parts = [];
  let bytes = 0;
  try {
    for await (const part of body) {
      parts.push(part);
      if ((bytes += part.length) >= maxBytes) break;
    }
  } catch {
  } finally {
    body.destroy();
  }
  return Buffer.concat(parts).toString("utf8");
}

export {
  readErrorBody
};
