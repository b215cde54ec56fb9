import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  newestFirst
} from "./chunk-774EC7X7.js";
import {
  sweepStale,
  trackTemporary
} from "./chunk-OTW4DL2O.js";
import {
  startsFrame
} from "./chunk-MGBZMDJL.js";
import {
  HandoffError
} from "./chunk-B36MAPR3.js";
import "./chunk-DGQ6QHC6.js";

// src/backends/local-store.ts
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
var maxFileName = 255;
var indexSuffix = ".json";
function encodeKey(key) {
  return [...Buffer.from(key, "utf8")].map(
    (byte) => /[A-Za-z0-9_-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`
  ).join("");
}
function decodeKey(name) {
  if (!name.endsWith(indexSuffix)) return void 0;
  const encoded = name.slice(0, -indexSuffix.length);
  if (!/^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})+$/.test(encoded)) return void 0;
  const bytes = Buffer.from(
    encoded.replace(
      /%([0-9A-F]{2})|([A-Za-z0-9_-])/g,
      (_, hex, plain) => hex !== void 0 ? String.fromCharCode(parseInt(hex, 16)) : plain ?? ""
    ),
    "latin1"
  );
  const key = bytes.toString("utf8");
  return encodeKey(key) === encoded ? key : void 0;
}
function indexFileName(key) {
  const name = encodeKey(key) + indexSuffix;
  if (Buffer.byteLength(name) > maxFileName) {
    throw new HandoffError(
      `Key "${key.slice(0, 40)}\u2026" is too long for backend: local (${Buffer.byteLength(name)} bytes as a file name, at most ${maxFileName}; characters other than letters, digits, - and _ take 3 bytes each); shorten it.`
    );
  }
  return name;
}
function createLocalStore(directory) {
  const dirs = {
    blobs: join(directory, "blobs", "sha256"),
    index: join(directory, "index"),
    tmp: join(directory, "tmp")
  };
  const blobFile = (digest, raw = false) => join(dirs.blobs, `${digest.replace(/^sha256:/, "")}${raw ? "" : ".zst"}`);
  const isFile = (file) => stat(file).then(
    (s) => s.isFile(),
    () => false
  );
  const storedFile = async (digest) => {
    for (const file of [blobFile(digest), blobFile(digest, true)]) if (await isFile(file)) return file;
    return void 0;
  };
  let ready;
  const prepare = () => ready ??= (async () => {
    await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
    await sweepStale(dirs.tmp);
  })();
  const entries = async () => {
    const names = await readdir(dirs.index).catch(() => []);
    const found = await Promise.all(
      names.flatMap((name) => {
        const key = decodeKey(name);
        return key === void 0 ? [] : [
          stat(join(dirs.index, name)).then(
            (s) => ({ key, created: s.mtimeMs }),
            () => void 0
          )
        ];
      })
    );
    return found.filter((e) => e !== void 0).sort(newestFirst);
  };
  const newest = async (prefixes) => {
    const found = await entries();
    for (const prefix of prefixes) {
      const match = found.find((e) => e.key.startsWith(prefix));
      if (match) return match.key;
    }
    return void 0;
  };
  return {
    kind: "local",
    compresses: false,
    scratch: dirs.tmp,
    has: async (digest) => await storedFile(digest) !== void 0,
    async put(digest, file) {
      await prepare();
      await link(file, blobFile(digest, !await startsFrame({ file }))).catch((error) => {
        if (error.code !== "EEXIST") throw error;
      });
      return (await stat(file)).size;
    },
    async get(digest) {
      const file = await storedFile(digest);
      if (file === void 0) {
        throw new HandoffError(
          `chunk ${digest} is missing from ${dirs.blobs}; was the store directory pruned? Save the images again.`
        );
      }
      return { file, compressed: true, dispose: async () => void 0 };
    },
    hasIndex: (key) => isFile(join(dirs.index, indexFileName(key))),
    async readIndex(key, restoreKeys) {
      const exact = await readFile(join(dirs.index, indexFileName(key))).catch(() => void 0);
      if (exact !== void 0) return { matchedKey: key, body: exact };
      const matched = restoreKeys.length > 0 ? await newest(restoreKeys) : void 0;
      if (matched === void 0) return void 0;
      const body = await readFile(join(dirs.index, indexFileName(matched)));
      return { matchedKey: matched, body };
    },
    async writeIndex(key, body) {
      const final = join(dirs.index, indexFileName(key));
      if (await stat(final).then(
        () => true,
        () => false
      )) {
        return { saved: false, key, reason: `an entry for key "${key}" already exists in ${directory}` };
      }
      await prepare();
      const partial = join(dirs.tmp, `index-${process.pid}-${randomBytes(6).toString("hex")}`);
      const untrack = trackTemporary(partial);
      try {
        await writeFile(partial, body);
        try {
          await link(partial, final);
        } catch (error) {
          if (error.code !== "EEXIST") throw error;
          return { saved: false, key, reason: `another job saved key "${key}" in ${directory} first` };
        }
        return { saved: true, key, bytes: body.length };
      } finally {
        await rm(partial, { force: true });
        untrack();
      }
    },
    async explainMiss(key) {
      const old = join(directory, `${encodeURIComponent(key)}.tar.zst`);
      return await isFile(old) ? `${old} is an entry of image-handoff's first release, which this release does not read; save the images again to store them in the new format` : void 0;
    },
    list: entries,
    remove: (key) => rm(join(dirs.index, indexFileName(key))).then(
      () => true,
      (error) => {
        if (error.code === "ENOENT") return false;
        throw error;
      }
    ),
    prepare
  };
}
export {
  createLocalStore,
  decodeKey,
  encodeKey,
  indexFileName
};
