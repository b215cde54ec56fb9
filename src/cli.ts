#!/usr/bin/env node
// Checked before the core is imported: it uses Node 24's zstd, and an older Node would fail with a syntax error.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  process.stderr.write(`image-handoff needs Node.js 24 or later; this is ${process.version}.\n`)
  process.exit(1)
}
const { runCli } = await import('./cli/main.js')
process.exitCode = await runCli(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr })
