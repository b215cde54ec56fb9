import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  IndexFormatError
} from "./chunk-J7MNMCMW.js";
import {
  startsFrame
} from "./chunk-MGBZMDJL.js";
import {
  TwirpError,
  checkCacheKeys,
  downloadBlob,
  field,
  libraryRetry,
  openBlob,
  twirpClient
} from "./chunk-57WQO3C7.js";
import {
  arrivingChunk
} from "./chunk-N5RGHHB3.js";
import "./chunk-ZUKT7SUF.js";
import {
  pacedFileRead
} from "./chunk-H6WZBS64.js";
import "./chunk-ZFAXBUVM.js";
import {
  HandoffError,
  errorMessage
} from "./chunk-B36MAPR3.js";
import "./chunk-P7VUCEIE.js";
import "./chunk-IFMEWGSE.js";
import "./chunk-DGQ6QHC6.js";

// src/backends/cache-store.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/backends/cache-chunks.ts
import { createHash } from "node:crypto";
import { rename, rm as rm2, stat as stat2 } from "node:fs/promises";
import { join } from "node:path";

// src/backends/cache-library.ts
import { stat, rm } from "node:fs/promises";

// src/backends/cache-outcome.ts
var quotaSentence = /Cache storage quota has been hit[^\n%]*/i;
var quotaBody = /insufficient usage/i;
function classifySaveFailure(lines) {
  const all = lines.map((l) => l.text);
  const sentence = all.map((t) => quotaSentence.exec(t)?.[0]).find((m) => m !== void 0);
  if (sentence) return { kind: "quota", reason: sentence.trim() };
  if (all.some((t) => quotaBody.test(t)))
    return {
      kind: "quota",
      reason: "the repository's cache storage quota is used up (the service answered: insufficient usage)."
    };
  const disabled = all.find((t) => t.startsWith("Cache save skipped"));
  if (disabled) return { kind: "disabled", reason: disabled };
  const denied = all.find((t) => /cache write denied/i.test(t));
  if (denied)
    return {
      kind: "failed",
      reason: `this run's token may not write to the cache, e.g. for a pull request from a fork (${firstLine(denied)})`
    };
  const reservation = lines.find((l) => l.text.startsWith("Cache reservation failed:"))?.text.replace("Cache reservation failed: ", "");
  if (all.some((t) => t.includes("another job may be creating this cache")))
    return { kind: "conflict", reason: reservation ?? "another job is saving or has saved this key" };
  return { kind: "failed", reason: problems(lines) };
}
function restoreFailure(lines) {
  return problems(lines);
}
function problems(lines) {
  const found = lines.filter((l) => l.level === "warning" || l.level === "error").map((l) => firstLine(l.text));
  return found.length > 0 ? [...new Set(found)].join("; ") : "the cache library reported no reason";
}
function archiveSize(lines) {
  const match = lines.map((l) => /^File Size: (\d+)$/.exec(l.text)).find((m) => m !== null);
  return match ? Number(match[1]) : void 0;
}
function firstLine(text) {
  return text.split("\n")[0].trim();
}

// src/backends/library-output.ts
var listeners = /* @__PURE__ */ new Set();
var original;
function install() {
  if (original) return;
  const write = process.stdout.write;
  original = write;
  process.stdout.write = function(chunk, ...rest) {
    const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : "";
    for (const listener of listeners) listener(text);
    return write.call(process.stdout, chunk, ...rest);
  };
}
function uninstall() {
  if (!original || listeners.size > 0) return;
  process.stdout.write = original;
  original = void 0;
}
async function withLibraryOutput(task) {
  let buffered = "";
  const listener = (chunk) => {
    buffered += chunk;
  };
  listeners.add(listener);
  install();
  try {
    const value = await task();
    return { value, lines: parseLines(buffered) };
  } finally {
    listeners.delete(listener);
    uninstall();
  }
}
var commandLevels = {
  debug: "debug",
  notice: "notice",
  warning: "warning",
  error: "error"
};
function parseLines(output) {
  return output.split(/\r?\n/).filter((line) => line !== "").map((line) => {
    const command = /^::(\w+)(?: [^:]*)?::(.*)$/.exec(line);
    const level = command ? commandLevels[command[1]] : void 0;
    if (!command || !level) return { level: "info", text: line };
    return { level, text: unescapeCommand(command[2]) };
  });
}
function unescapeCommand(text) {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

// src/backends/cache-library.ts
var library = () => import("./cache-MSAWSO7G.js");
async function lookup(file, key, restoreKeys) {
  checkCacheKeys(key, restoreKeys);
  const { value, lines } = await withLibraryOutput(
    () => libraryCall(async () => (await library()).restoreCache([file], key, restoreKeys, { lookupOnly: true }))
  );
  if (value === void 0 && lines.some((l) => l.text.startsWith("Failed to restore"))) {
    throw new HandoffError(
      `Could not look up cache key "${key}": ${restoreFailure(lines)}. Re-run the job; if it persists, check https://www.githubstatus.com.`
    );
  }
  return value;
}
async function save(file, key, what) {
  const { value: id, lines } = await withLibraryOutput(
    () => libraryCall(async () => (await library()).saveCache([file], key))
  );
  if (id !== -1) return { saved: true, key, bytes: archiveSize(lines) ?? (await stat(file)).size };
  const failure2 = classifySaveFailure(lines);
  switch (failure2.kind) {
    case "conflict":
    case "disabled":
      return { saved: false, key, reason: failure2.reason };
    case "quota":
      throw new HandoffError(
        `Could not save ${what}: ${failure2.reason} Delete old entries (Actions > Caches, or \`gh cache delete\`), save fewer images, or use backend: artifact.`
      );
    case "failed":
      throw new HandoffError(
        `Could not save ${what}: ${failure2.reason.replace(/\.$/, "")}. Nothing was stored under this key; re-run the job.`
      );
  }
}
async function restore(file, key, what) {
  await rm(file, { force: true });
  const { value, lines } = await withLibraryOutput(
    () => libraryCall(async () => (await library()).restoreCache([file], key, []))
  );
  if (value === key && await stat(file).then(
    (s) => s.isFile(),
    () => false
  ))
    return;
  await rm(file, { force: true });
  const reason = value === key ? `it did not unpack to ${file} (was it saved with another GITHUB_WORKSPACE?)` : restoreFailure(lines);
  throw new HandoffError(
    `Cache ${what} was found but not restored: ${reason}. Nothing was loaded; re-run the job, or change the key to store a fresh entry.`
  );
}
async function libraryCall(call) {
  try {
    return await call();
  } catch (error) {
    throw new HandoffError(`The cache rejected the request: ${errorMessage(error)}`);
  }
}

// src/backends/cache-service.ts
var service = "github.actions.results.api.v1.CacheService";
var writeDenied = "cache write denied:";
function cacheMode(env) {
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  const known = ["none", "read", "write", "write-only"].includes(mode);
  return {
    mode,
    readable: !known || mode === "read" || mode === "write",
    writable: !known || mode === "write" || mode === "write-only"
  };
}
function cacheServiceFromEnv(env, retry = libraryRetry) {
  const host = new URL(env.GITHUB_SERVER_URL || "https://github.com").hostname.toUpperCase();
  const ghes = host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
  const base = env.ACTIONS_RESULTS_URL;
  const token = env.ACTIONS_RUNTIME_TOKEN;
  if (ghes || !env.ACTIONS_CACHE_SERVICE_V2 || !base || !token) return void 0;
  return twirpCacheService(base, token, retry);
}
function twirpCacheService(base, token, retry) {
  const call = twirpClient({
    base,
    token,
    service,
    retry,
    quotaMessage: "the repository's cache storage quota is used up",
    label: "the cache service"
  });
  return {
    async find(key, version, restoreKeys = []) {
      const answer = await call("GetCacheEntryDownloadURL", {
        key,
        version,
        ...restoreKeys.length > 0 ? { restore_keys: restoreKeys } : {}
      });
      const url = field(answer, "signed_download_url");
      if (answer.ok !== true || typeof url !== "string" || url === "") return void 0;
      const matched = field(answer, "matched_key");
      return { url, matchedKey: typeof matched === "string" && matched !== "" ? matched : key };
    },
    async create(key, version) {
      let answer;
      try {
        answer = await call("CreateCacheEntry", { key, version });
      } catch (error) {
        if (error instanceof TwirpError && error.status === 409) return { taken: error.message };
        throw error;
      }
      const url = field(answer, "signed_upload_url");
      if (answer.ok === true && typeof url === "string" && url !== "") return { uploadUrl: url };
      const message = typeof answer.message === "string" && answer.message !== "" ? answer.message : "not reserved";
      if (message.startsWith(writeDenied))
        throw new TwirpError(
          `this run's token may not write to the cache, e.g. for a pull request from a fork (${message})`,
          "denied"
        );
      return { taken: message };
    },
    async finalize(key, version, size) {
      const answer = await call("FinalizeCacheEntryUpload", { key, version, size_bytes: String(size) });
      if (answer.ok !== true)
        throw new TwirpError(
          `the service did not finalize entry "${key}"${typeof answer.message === "string" ? `: ${answer.message}` : ""}`,
          "failed"
        );
    }
  };
}
function serviceFailure(what, { quotaWhat = what, next = "Re-run the job; if it persists, check https://www.githubstatus.com." } = {}) {
  return (error) => {
    const kind = error instanceof TwirpError ? error.kind : "failed";
    const reason = errorMessage(error).replace(/\.$/, "");
    if (kind === "quota")
      throw new HandoffError(
        `Could not ${quotaWhat}: ${reason}. Delete old entries (Actions > Caches, or \`gh cache delete\`), save fewer images, or use backend: artifact.`
      );
    if (kind === "rate-limit")
      throw new HandoffError(
        `Could not ${what}: ${reason}. GitHub limits how fast a repository creates cache entries; wait a minute and re-run the job.`
      );
    if (kind === "denied")
      throw new HandoffError(
        `Could not ${what}: ${reason}. Save from a run whose token may write to the cache (a push, or a pull request from this repository), or use backend: artifact.`
      );
    throw new HandoffError(`Could not ${what}: ${reason}. ${next}`);
  };
}

// src/backends/blob-upload.ts
async function putBlob(url, body, size) {
  const { BlobClient } = await import("./esm-2TA2YKUD.js");
  await new BlobClient(url).getBlockBlobClient().upload(body, size);
}

// src/backends/cache-chunks.ts
var chunkKey = (digest) => `image-handoff-chunk-${digest.replace(/^sha256:/, "")}`;
var waitsForOtherJob = [1e3, 2e3, 4e3, 8e3, 15e3];
var chunkVersion = createHash("sha256").update("image-handoff|chunk|zstd-frame|1").digest("hex");
var rawChunkVersion = createHash("sha256").update("image-handoff|chunk|raw|1").digest("hex");
var downloadAttempts = 3;
function serviceChunks(service2, scratch, env) {
  const { mode, readable, writable } = cacheMode(env);
  const urls = /* @__PURE__ */ new Map();
  let fetched = 0;
  const find = async (digest) => {
    if (!readable) return void 0;
    const found = await Promise.all(
      [chunkVersion, rawChunkVersion].map(
        (version) => service2.find(chunkKey(digest), version).catch(failure("look up", digest))
      )
    );
    const url = found.find((entry) => entry !== void 0)?.url;
    if (url !== void 0) urls.set(digest, url);
    return url;
  };
  const located = async (digest) => {
    const url = urls.get(digest) ?? await find(digest);
    if (url !== void 0) return url;
    throw new HandoffError(
      `Cache chunk ${digest} is not in the cache${readable ? "" : ` (ACTIONS_CACHE_MODE "${mode}" does not permit reads)`}. Nothing was loaded; re-run the save job.`
    );
  };
  return {
    via: "cache service",
    compresses: false,
    has: async (digest) => await find(digest) !== void 0,
    async put(digest, file) {
      try {
        if (!writable) return 0;
        const size = (await stat2(file)).size;
        const version = await startsFrame({ file }) ? chunkVersion : rawChunkVersion;
        const reserved = await service2.create(chunkKey(digest), version).catch(failure("reserve", digest));
        if ("taken" in reserved) return await awaitOtherJob(digest, reserved.taken, find);
        await putBlob(reserved.uploadUrl, () => pacedFileRead(file), size).catch(failure("upload", digest));
        await service2.finalize(chunkKey(digest), version, size).catch(failure("finalize", digest));
        return size;
      } finally {
        await rm2(file, { force: true });
      }
    },
    async get(digest) {
      const url = await located(digest);
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`);
      return arrivingChunk(file, true, async (watch) => {
        for (let attempt = 1; ; attempt++) {
          try {
            await downloadBlob(attempt === 1 ? url : await find(digest) ?? url, file, 0, void 0, watch);
            return;
          } catch (error) {
            if (attempt < downloadAttempts && !watch.signal.aborted) continue;
            urls.delete(digest);
            throw new HandoffError(
              `Cache chunk ${digest} was found but not downloaded (${attempt} attempts): ${errorMessage(error).replace(/\.$/, "")}. Nothing was loaded; re-run the job.`
            );
          }
        }
      });
    }
  };
}
async function awaitOtherJob(digest, reason, find) {
  for (const delay of waitsForOtherJob) {
    if (await find(digest) !== void 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new HandoffError(
    `Could not store chunk ${digest} in the cache: ${reason}. Nothing was saved under the key; re-run the job.`
  );
}
function failure(what, digest) {
  return serviceFailure(`${what} cache chunk ${digest}`, { quotaWhat: `save chunk ${digest} of the images` });
}
function libraryChunks(chunksDir, scratch, env) {
  const { writable } = cacheMode(env);
  const chunkFile = (digest) => join(chunksDir, digest.replace(/^sha256:/, ""));
  let fetched = 0;
  const turns = /* @__PURE__ */ new Map();
  const inTurn = (digest, task) => {
    const run = (turns.get(digest) ?? Promise.resolve()).then(task, task);
    turns.set(
      digest,
      run.catch(() => void 0)
    );
    return run;
  };
  const find = async (digest) => await lookup(chunkFile(digest), chunkKey(digest), []) === chunkKey(digest) ? digest : void 0;
  return {
    via: "@actions/cache",
    compresses: true,
    has: async (digest) => await find(digest) !== void 0,
    put: (digest, file) => inTurn(digest, async () => {
      if (!writable) {
        await rm2(file, { force: true });
        return 0;
      }
      const target = chunkFile(digest);
      await rename(file, target);
      try {
        const saved = await save(target, chunkKey(digest), `chunk ${digest} of the images`);
        return saved.saved ? saved.bytes : await awaitOtherJob(digest, saved.reason, find);
      } finally {
        await rm2(target, { force: true });
      }
    }),
    get: (digest) => inTurn(digest, async () => {
      await restore(chunkFile(digest), chunkKey(digest), `chunk ${digest}`);
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`);
      await rename(chunkFile(digest), file);
      return { file, compressed: false, dispose: () => rm2(file, { force: true }).catch(() => void 0) };
    })
  };
}

// src/backends/cache-index.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir, readFile, rm as rm3, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { zstdCompressSync, zstdDecompressSync } from "node:zlib";
var indexVersion = createHash2("sha256").update("image-handoff|index|zstd-frame|1").digest("hex");
var maxIndexBytes = 64 * 1024 * 1024;
var taken = (key) => `the cache already holds an entry under "${key}" (entries are immutable; change the key to store new images)`;
function serviceIndex(service2, env) {
  const { mode, readable, writable } = cacheMode(env);
  const find = async (key, restoreKeys) => {
    checkCacheKeys(key, restoreKeys);
    if (!readable) return void 0;
    return service2.find(key, indexVersion, restoreKeys).catch(serviceFailure(`look up cache key "${key}"`));
  };
  return {
    find: async (key, restoreKeys) => (await find(key, restoreKeys))?.matchedKey,
    async read(key, restoreKeys) {
      const found = await find(key, restoreKeys);
      if (found === void 0) return void 0;
      const frame = await download(found.url).catch((error) => {
        throw new HandoffError(
          `Cache entry "${found.matchedKey}" was found but not restored: ${errorMessage(error).replace(/\.$/, "")}. Nothing was loaded; re-run the job, or change the key to store a fresh entry.`
        );
      });
      return { matchedKey: found.matchedKey, body: unpack(frame, found.matchedKey) };
    },
    async write(key, body) {
      checkCacheKeys(key, []);
      if (!writable)
        return { saved: false, key, reason: `ACTIONS_CACHE_MODE "${mode}" does not permit writes to the cache` };
      if ((await find(key, []))?.matchedKey === key) return { saved: false, key, reason: taken(key) };
      const failed = serviceFailure(`save cache entry "${key}"`, {
        next: "Nothing was stored under this key; re-run the job."
      });
      const reserved = await service2.create(key, indexVersion).catch(failed);
      if ("taken" in reserved) return { saved: false, key, reason: reserved.taken };
      const frame = zstdCompressSync(body);
      await putBlob(reserved.uploadUrl, frame, frame.length).catch(failed);
      await service2.finalize(key, indexVersion, frame.length).catch(failed);
      return { saved: true, key, bytes: frame.length };
    }
  };
}
async function download(url) {
  const { body, announced } = await openBlob(url);
  if (announced !== void 0 && announced > maxIndexBytes)
    throw new Error(`the entry holds ${announced} bytes, more than an index ever does`);
  const parts = [];
  for await (const part of body) parts.push(part);
  const frame = Buffer.concat(parts);
  if (announced !== void 0 && frame.length !== announced)
    throw new Error(`${frame.length} bytes arrived where ${announced} were announced`);
  return frame;
}
function unpack(frame, key) {
  try {
    return zstdDecompressSync(frame, { maxOutputLength: maxIndexBytes });
  } catch (error) {
    throw new IndexFormatError(`"${key}" is not a zstd frame of an index (${errorMessage(error)})`);
  }
}
function libraryIndex(file) {
  return {
    find: (key, restoreKeys) => lookup(file, key, restoreKeys),
    async read(key, restoreKeys) {
      const matched = await lookup(file, key, restoreKeys);
      if (matched === void 0) return void 0;
      await mkdir(dirname(file), { recursive: true });
      try {
        await restore(file, matched, `entry "${matched}"`);
        return { matchedKey: matched, body: await readFile(file) };
      } finally {
        await rm3(file, { force: true });
      }
    },
    async write(key, body) {
      if (await lookup(file, key, []) === key) return { saved: false, key, reason: taken(key) };
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body);
      try {
        return await save(file, key, `cache entry "${key}"`);
      } finally {
        await rm3(file, { force: true });
      }
    }
  };
}

// src/backends/cache-store.ts
function createCacheStore(options) {
  const env = options.env ?? process.env;
  const service2 = options.transport === "library" ? void 0 : cacheServiceFromEnv(env);
  const libraryFile = join2(options.workDir, "index", "index.json");
  const paths = {
    chunks: join2(options.workDir, "chunks"),
    scratch: join2(options.workDir, "scratch"),
    // Where earlier releases kept what this one does not read: only looked up, to explain a miss.
    earlier: [
      { file: join2(options.workDir, "cache", "images.tar"), release: "image-handoff's first release" },
      ...service2 ? [
        { file: libraryFile, release: "an earlier release of image-handoff (chunks through @actions/cache)" },
        {
          file: join2(options.workDir, "index", "zstd-chunks.json"),
          release: "an earlier release of image-handoff (the index through @actions/cache)"
        }
      ] : []
    ]
  };
  const log = options.log ?? (() => void 0);
  const chunks = service2 ? serviceChunks(service2, paths.scratch, env) : libraryChunks(paths.chunks, paths.scratch, env);
  const indexes = service2 ? serviceIndex(service2, env) : libraryIndex(libraryFile);
  let announced = false;
  return {
    kind: "cache",
    compresses: chunks.compresses,
    scratch: paths.scratch,
    async prepare() {
      await Promise.all([paths.chunks, paths.scratch].map((dir) => mkdir2(dir, { recursive: true })));
    },
    has: (digest) => chunks.has(digest),
    put(digest, file) {
      if (!announced) log(`Chunks go to the cache through ${chunks.via}.`);
      announced = true;
      return chunks.put(digest, file);
    },
    async get(digest) {
      await Promise.all([paths.chunks, paths.scratch].map((dir) => mkdir2(dir, { recursive: true })));
      return chunks.get(digest);
    },
    hasIndex: async (key) => await indexes.find(key, []) === key,
    async readIndex(key, restoreKeys) {
      const found = await indexes.read(key, restoreKeys);
      if (found)
        log(
          `Restored cache entry "${found.matchedKey}"${found.matchedKey === key ? "" : ` (restore key match for "${key}")`}.`
        );
      return found;
    },
    async writeIndex(key, body) {
      const outcome = await indexes.write(key, body);
      if (outcome.saved)
        log(`Saved cache entry "${key}" (the index of ${body.length} bytes; the chunks are entries of their own).`);
      return outcome;
    },
    async explainMiss(key) {
      for (const { file, release } of paths.earlier) {
        if (await lookup(file, key, []).catch(() => void 0) === key)
          return `the cache holds an entry under "${key}" written by ${release}, which this release does not read; change the key (or let the post step save) to store the images in the new format`;
      }
      return void 0;
    }
  };
}
export {
  createCacheStore
};
