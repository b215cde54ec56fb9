import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  EntryMissing,
  Input,
  createStore,
  defaultEngines,
  loadImages,
  parseInputs,
  saveImages,
  terminalLine,
  withDeps
} from "./chunk-PA54L7G5.js";
import "./chunk-U5GEQORK.js";
import "./chunk-OTW4DL2O.js";
import "./chunk-J7MNMCMW.js";
import "./chunk-MGBZMDJL.js";
import "./chunk-QOJPH54H.js";
import "./chunk-PABUF2JJ.js";
import "./chunk-XUTTEGAI.js";
import "./chunk-ZUKT7SUF.js";
import "./chunk-H6WZBS64.js";
import "./chunk-ZFAXBUVM.js";
import {
  HandoffError,
  failureMessage
} from "./chunk-B36MAPR3.js";
import "./chunk-IFMEWGSE.js";
import "./chunk-DGQ6QHC6.js";

// src/cli/args.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var listInputs = /* @__PURE__ */ new Set([Input.images, Input.restoreKeys, Input.tags]);
var flagInputs = new Set(Object.values(Input).filter((name) => name !== Input.mode));
var switchInputs = /* @__PURE__ */ new Set([Input.overwrite, Input.registryPullable]);
var envName = (input) => `IMAGE_HANDOFF_${input.replace(/-/g, "_").toUpperCase()}`;
function parseArgs(argv, env = {}) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "help" || command === "--help" || command === "-h") return "help";
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}"; use ${commands.join(", ")}`);
  const given = /* @__PURE__ */ new Map();
  const own = /* @__PURE__ */ new Map();
  let json = false;
  for (let at = 0; at < rest.length; at++) {
    const arg = rest[at] ?? "";
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--json") {
      json = true;
      continue;
    }
    const flag = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!flag) throw new UsageError(`unexpected argument "${arg}"; flags are --name value or --name=value`);
    const name = flag[1] ?? "";
    if (command === "prune" && pruneFlags.includes(name)) {
      const value2 = flag[2] ?? rest[++at];
      if (value2 === void 0) throw new UsageError(`flag --${name} needs a value`);
      own.set(name, value2);
      continue;
    }
    if (!flagInputs.has(name)) throw new UsageError(`unknown flag --${name}`);
    let value = flag[2];
    if (value === void 0) {
      const next = rest[at + 1];
      if (switchInputs.has(name) && (next === void 0 || next.startsWith("--"))) value = "true";
      else if (next === void 0) throw new UsageError(`flag --${name} needs a value`);
      else {
        value = next;
        at++;
      }
    }
    if (given.has(name) && !listInputs.has(name)) throw new UsageError(`flag --${name} is given twice`);
    given.set(name, [...given.get(name) ?? [], value]);
  }
  const inputs = {};
  for (const name of flagInputs) inputs[name] = given.get(name)?.join("\n") ?? env[envName(name)] ?? "";
  inputs[Input.mode] = command === "save" ? "save" : "load";
  if (inputs[Input.backend] === "") inputs[Input.backend] = defaultBackend(inputs);
  if ((command === "ls" || command === "prune") && inputs[Input.key] === "") inputs[Input.key] = "-";
  return { command, inputs, json, ...command === "prune" ? { prune: pruneArgs(own) } : {} };
}
var commands = ["save", "load", "ls", "rm", "prune"];
var isCommand = (text) => commands.includes(text);
var pruneFlags = ["prefix", "keep"];
function pruneArgs(own) {
  const prefix = own.get("prefix") ?? "";
  if (prefix === "") throw new UsageError("prune needs --prefix: the start of the keys whose older entries go");
  const keepText = own.get("keep") ?? "";
  if (!/^\d+$/.test(keepText)) throw new UsageError(`prune needs --keep N, how many of the newest entries stay`);
  return { prefix, keep: Number(keepText) };
}
function defaultBackend(inputs) {
  if (inputs[Input.registry] !== "") return "registry";
  if (inputs[Input.path] !== "") return "local";
  throw new UsageError("say where the images are stored: --registry host/repository, or --path DIRECTORY");
}
var usage = `Usage: image-handoff <command> [flags]

Commands:
  save   export images from the engine into the store under --key
  load   load the images stored under --key (or the newest --restore-keys match) into the engine
  ls     list the entries in the store, newest first
  rm     remove the entry under --key (its chunks stay: other entries may use them)
  prune  remove the entries whose key starts with --prefix, all but the newest --keep N

Where (one of):
  --registry HOST[:PORT]/REPOSITORY   an OCI registry (--registry-username, --registry-password)
  --path DIRECTORY                    a directory
  --backend cache|artifact            the GitHub stores, inside a GitHub Actions job

Flags are the action's inputs: --key, --images (repeatable), --restore-keys (repeatable), --tags (repeatable),
--runtime docker|containerd|podman, --containerd-address, --containerd-namespace, --platform,
--compression-level, --stall-timeout, --kind-cluster, ... Any input may come from IMAGE_HANDOFF_<NAME>
(IMAGE_HANDOFF_REGISTRY_PASSWORD). --json prints the result as JSON on stdout.

Exit codes: 0 done (a save whose key is already stored stores nothing and exits 0), 1 failed,
2 bad command line or input, 3 load (or rm) found no entry under the key or a restore key.
prune exits 0 when there was nothing to remove.
`;

// src/cli/prune.ts
function entriesToPrune(listing, prefix, keep) {
  return listing.filter((entry) => entry.key.startsWith(prefix)).slice(keep);
}

// src/cli/main.ts
var ExitCode = { ok: 0, failed: 1, usage: 2, miss: 3 };
var progressLine = /^(export|load|upload): /;
function cliLog(stderr, debug) {
  let open = false;
  const line = (text, transient = false) => {
    const clean = terminalLine(text);
    if (stderr.isTTY && transient) {
      stderr.write(`\r\x1B[K${clean}`);
      open = true;
      return;
    }
    stderr.write(`${open ? "\r\x1B[K" : ""}${clean}
`);
    open = false;
  };
  return {
    info: (m) => line(m, progressLine.test(m)),
    warning: (m) => line(`warning: ${m}`),
    debug: (m) => debug ? line(`debug: ${m}`) : void 0,
    group: async (title, body) => {
      line(title);
      return body();
    }
  };
}
async function runCli(argv, env, io) {
  let args;
  let settings;
  try {
    args = parseArgs(argv, env);
    if (args === "help") {
      io.stdout.write(usage);
      return ExitCode.ok;
    }
    settings = parseInputs((name) => args.inputs[name] ?? "", env);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof HandoffError)) throw error;
    io.stderr.write(`image-handoff: ${error.message}
${error instanceof UsageError ? `
${usage}` : ""}`);
    return ExitCode.usage;
  }
  const log = cliLog(io.stderr, env.IMAGE_HANDOFF_DEBUG === "1");
  for (const warning of settings.warnings) log.warning(warning);
  try {
    const result = await run(args, settings, log, env);
    if (args.json) io.stdout.write(`${JSON.stringify(result)}
`);
    else if (Array.isArray(result))
      for (const entry of result)
        io.stdout.write(`${entry.created}  ${terminalLine(entry.key)}
`);
    return ExitCode.ok;
  } catch (error) {
    io.stderr.write(`image-handoff: ${terminalLine(failureMessage(error))}
`);
    return error instanceof EntryMissing ? ExitCode.miss : ExitCode.failed;
  }
}
async function run(args, settings, log, env) {
  if (args.command === "ls") return list(settings, log, env);
  if (args.command === "rm") return remove(settings, log, env);
  if (args.prune !== void 0) return prune(settings, args.prune, log, env);
  return withDeps(settings, log, defaultEngines(env), async (deps) => {
    if (args.command === "save") {
      const result2 = await saveImages(deps, settings);
      return { saved: result2.outcome.saved, key: settings.key, images: result2.rows };
    }
    const result = await loadImages(deps, { ...settings, required: true });
    return { hit: result.hit, "matched-key": result.matchedKey ?? "", images: result.rows };
  });
}
async function remove(settings, log, env) {
  const store = await createStore(settings, (m) => log.info(m), env);
  if (store.remove === void 0)
    throw new HandoffError(`rm removes entries of the local and registry stores; not of backend: ${settings.backend}.`);
  if (!await store.remove(settings.key))
    throw new EntryMissing(`No entry "${settings.key}" in the ${store.kind} store; nothing removed.`);
  return { removed: settings.key };
}
async function prune(settings, { prefix, keep }, log, env) {
  const store = await createStore(settings, (m) => log.debug(m), env);
  if (store.list === void 0 || store.remove === void 0)
    throw new HandoffError(`prune works on the local and registry stores; not on backend: ${settings.backend}.`);
  const removed = [];
  for (const entry of entriesToPrune(await store.list(), prefix, keep)) {
    if (!await store.remove(entry.key)) continue;
    removed.push(entry.key);
    log.info(`removed "${entry.key}" (saved ${new Date(entry.created).toISOString()})`);
  }
  if (removed.length === 0) log.info(`nothing to remove: at most ${keep} entries start with "${prefix}"`);
  return { removed };
}
async function list(settings, log, env) {
  const store = await createStore(settings, (m) => log.debug(m), env);
  if (store.list === void 0)
    throw new HandoffError(`ls lists the local and registry stores; backend: ${settings.backend} has no listing.`);
  const entries = await store.list();
  if (entries.length === 0) log.info("no entries");
  return entries.map((e) => ({ key: e.key, created: new Date(e.created).toISOString() }));
}
export {
  ExitCode,
  cliLog,
  runCli
};
