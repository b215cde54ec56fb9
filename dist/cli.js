#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/cli.ts
var major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(`image-handoff needs Node.js 24 or later; this is ${process.version}.
`);
  process.exit(1);
}
var { runCli } = await import("./chunks/main-MSSQDJ4V.js");
process.exitCode = await runCli(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr });
