import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  runPost
} from "./chunks/chunk-2DW5SPT7.js";
import "./chunks/chunk-OTW4DL2O.js";
import "./chunks/chunk-RD7ND5Z6.js";
import "./chunks/chunk-35PJGBOB.js";
import "./chunks/chunk-TVM6DHRK.js";
import "./chunks/chunk-TW2DPVTV.js";

// src/post.ts
await runPost();
