// One command rebuilds dist/: three entry points (main, post, and the CLI) sharing chunks, ESM for node24, and
// dist/THIRD-PARTY-LICENSES.txt listing every package the bundle contains, read from esbuild's metafile.
import { build } from 'esbuild'
import { rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { thirdPartyLicenses } from './licenses.mjs'

// Code paths of dependencies that the action can never take, replaced by a module that throws if one is taken:
// docker-modem's ssh transport (the action refuses DOCKER_HOST=ssh://) and dockerode's BuildKit session and build
// progress decoder (the action never builds). Together about 1.5 MB of the bundle.
const leftOut = {
  ssh2: 'DOCKER_HOST=ssh:// (forward the socket with `ssh -L` and use unix:// or tcp://)',
  '@grpc/grpc-js': "dockerode's BuildKit session (image builds)",
  '@grpc/proto-loader': "dockerode's BuildKit session (image builds)",
  protobufjs: "dockerode's BuildKit progress decoder (image builds)"
}
const leaveOut = {
  name: 'leave-out',
  setup(b) {
    const filter = new RegExp(
      `^(${Object.keys(leftOut)
        .map((n) => n.replace(/[/.]/g, '\\$&'))
        .join('|')})$`
    )
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'left-out' }))
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      loader: 'js',
      contents: `const message = ${JSON.stringify(`image-handoff does not bundle ${args.path}, which only ${leftOut[args.path]} needs.`)}
const fail = () => { throw new Error(message) }
module.exports = new Proxy(fail, {
  get: (_, property) => (typeof property === 'symbol' || property === '__esModule' ? undefined : fail),
  apply: fail,
  construct: fail
})`
    }))
  }
}

// @actions/http-client imports undici for one class, ProxyAgent, which only its fetch dispatcher for proxies
// constructs (never on our paths: requests go through its http(s) agents). Evaluating undici at import cost every
// step 35 ms of its start (measured: 45 ms eager, 10 ms deferred), and even unevaluated its 0.8 MB in a chunk the
// entry points import took about 10 ms more to read and compile (median of 60 starts: 106 -> 98 ms). So undici is a
// CommonJS file of its own (undiciFile), required on first use from beside the chunk that holds this stand-in.
const undiciFile = 'undici.cjs'
const deferUndici = {
  name: 'defer-undici',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) =>
      /[\\/]@actions[\\/]http-client[\\/]/.test(args.importer) ? { path: 'undici', namespace: 'deferred' } : undefined
    )
    b.onResolve({ filter: new RegExp(`^\\./${undiciFile.replace('.', '\\.')}$`) }, (args) => ({
      path: args.path,
      external: true
    }))
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, () => ({
      loader: 'js',
      resolveDir: process.cwd(),
      contents: `let undici
module.exports = {
  get ProxyAgent() {
    undici ??= require('./${undiciFile}')
    return undici.ProxyAgent
  }
}`
    }))
  }
}

/** What the action's bundle and undici's file share. */
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  // node_modules may be a link (a git worktree sharing another checkout's): keep its paths, so the bundle is the same.
  preserveSymlinks: true
}

/** Bundles the undici that @actions/http-client depends on into `file`, CommonJS, for deferUndici's require. */
function bundleUndici(file) {
  const fromHttpClient = createRequire(resolve('node_modules/@actions/http-client/package.json'))
  return build({ ...shared, entryPoints: [fromHttpClient.resolve('undici')], outfile: file, format: 'cjs' })
}

// An ESM import of node:http or node:https makes Node 24 build the module's ESM facade, which reads every export,
// among them the lazy WebSocket, EventSource and fetch classes: that loads Node's internal undici, about 10 ms of
// every step's start (median of 60; 60 ms for a script that loads nothing else: 0.10 s against 0.04 s). The
// Azure SDK, @actions/http-client and our own modules import them; here they are required (the banner's require).
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?https?$/ }, (args) =>
      args.kind === 'import-statement' || args.kind === 'dynamic-import'
        ? { path: args.path.replace(/^(?!node:)/, 'node:'), namespace: 'required-builtin' }
        : undefined
    )
    b.onLoad({ filter: /.*/, namespace: 'required-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(args.path)})`
    }))
  }
}

rmSync('dist', { recursive: true, force: true })
const result = await build({
  ...shared,
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [leaveOut, deferUndici, builtinsByRequire],
  // Some dependencies are CommonJS and use require, __filename and __dirname; ESM output must define them. The
  // latter two go by names of our own: esbuild does not rename an ESM module's own top-level `__filename`
  // (@azure/storage-common declares one) to avoid a banner's, so a banner `__filename` can collide.
  define: { __filename: '__ih_filename', __dirname: '__ih_dirname' },
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __ih_filename = __fileURLToPath(import.meta.url);',
      'const __ih_dirname = __pathDirname(__ih_filename);'
    ].join(' ')
  }
})
// Beside the output that holds the deferred stand-in: its require is relative to that file.
const holder = Object.entries(result.metafile.outputs).find(([, o]) =>
  Object.keys(o.inputs).includes('deferred:undici')
)
if (!holder) throw new Error('no output holds the deferred undici stand-in: check the defer-undici plugin')
const undici = await bundleUndici(join(dirname(holder[0]), undiciFile))
const outputs = { ...result.metafile.outputs, ...undici.metafile.outputs }
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', thirdPartyLicenses({ outputs }))
