// One command rebuilds dist/: two entry points (main, post) sharing chunks, ESM for node24.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
await build({
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  // docker-modem's ssh2 loads these native add-ons inside try/catch and falls back to plain JS; DOCKER_HOST=ssh:// is refused anyway.
  external: ['cpu-features', '*.node'],
  // Some dependencies are CommonJS and use require, __filename and __dirname; ESM output must define them.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);'
    ].join(' ')
  }
})
