import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  runMain
} from "./chunks/chunk-GK2E2EMA.js";
import "./chunks/chunk-A3FB56ZZ.js";
import "./chunks/chunk-76IPVGEP.js";
import "./chunks/chunk-6AWRO27Y.js";
import "./chunks/chunk-53D3W5QR.js";
import "./chunks/chunk-ROT7L2KW.js";
import "./chunks/chunk-OTW4DL2O.js";
import "./chunks/chunk-SOHFF4QD.js";
import "./chunks/chunk-OOPN6O4Y.js";

// src/main.ts
await runMain();
