import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  coreIO,
  runPost
} from "./chunks/chunk-LGBLSFKH.js";
import "./chunks/chunk-SNCYQDNL.js";
import "./chunks/chunk-XUXHGHRQ.js";
import "./chunks/chunk-L5HZ3JBE.js";
import "./chunks/chunk-53D3W5QR.js";
import "./chunks/chunk-FRI2AGEC.js";
import "./chunks/chunk-ROT7L2KW.js";
import "./chunks/chunk-OTW4DL2O.js";
import "./chunks/chunk-IFMM4ZD5.js";
import "./chunks/chunk-OOPN6O4Y.js";

// src/post.ts
await runPost(coreIO);
