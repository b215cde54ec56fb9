import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  runMain
} from "./chunks/chunk-74Q4QTMU.js";
import "./chunks/chunk-UPTZXHVF.js";
import "./chunks/chunk-2MDZGHZX.js";
import "./chunks/chunk-R525C4LB.js";
import "./chunks/chunk-OTW4DL2O.js";
import "./chunks/chunk-4R7AXG6S.js";
import "./chunks/chunk-OOPN6O4Y.js";

// src/main.ts
await runMain();
