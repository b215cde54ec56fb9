import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  coreIO,
  runPost
} from "./chunks/chunk-C3DRLGT5.js";
import "./chunks/chunk-PA54L7G5.js";
import "./chunks/chunk-U5GEQORK.js";
import "./chunks/chunk-OTW4DL2O.js";
import "./chunks/chunk-J7MNMCMW.js";
import "./chunks/chunk-MGBZMDJL.js";
import "./chunks/chunk-QOJPH54H.js";
import "./chunks/chunk-XFN6TRWD.js";
import "./chunks/chunk-PABUF2JJ.js";
import "./chunks/chunk-XUTTEGAI.js";
import "./chunks/chunk-ZUKT7SUF.js";
import "./chunks/chunk-H6WZBS64.js";
import "./chunks/chunk-ZFAXBUVM.js";
import "./chunks/chunk-B36MAPR3.js";
import "./chunks/chunk-P7VUCEIE.js";
import "./chunks/chunk-IFMEWGSE.js";
import "./chunks/chunk-DGQ6QHC6.js";

// src/post.ts
await runPost(coreIO);
