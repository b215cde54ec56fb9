import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  HandoffError
} from "./chunk-B36MAPR3.js";

// src/archive/model.ts
import { createHash } from "node:crypto";
import { posix } from "node:path";

// src/archive/reference.ts
var component = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
var domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
var tag = "[\\w][\\w.-]{0,127}";
var digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
var referencePattern = new RegExp(`^((?:${domain}/)?${component}(?:/${component})*)(?::(${tag}))?(?:@(${digest}))?$`);
var maxNameLength = 255;
var defaultDomain = "docker.io";
var legacyDomain = "index.docker.io";
var officialRepoPrefix = "library/";
function parseReference(input) {
  const text = input.trim();
  if (text === "") throw new Error("an image reference is empty");
  const match = referencePattern.exec(text);
  if (!match) {
    const hint = /[A-Z]/.test(text.split("/").pop() ?? "") ? " (repository names must be lowercase)" : "";
    throw new Error(`"${input}" is not a valid image reference${hint}`);
  }
  const [, name = "", tagPart, digestPart] = match;
  if (name.length > maxNameLength) {
    throw new Error(`"${input}" is not a valid image reference (name longer than ${maxNameLength} characters)`);
  }
  const { domain: host, path } = splitDomain(name);
  return { domain: host, path, ...tagPart ? { tag: tagPart } : {}, ...digestPart ? { digest: digestPart } : {} };
}
function splitDomain(name) {
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const isDomain = slash !== -1 && (/[.:]/.test(first) || first === "localhost" || first.toLowerCase() !== first);
  let host = isDomain ? first : defaultDomain;
  let path = isDomain ? name.slice(slash + 1) : name;
  if (host === legacyDomain) host = defaultDomain;
  if (host === defaultDomain && !path.includes("/")) path = officialRepoPrefix + path;
  if (/[A-Z]/.test(path))
    throw new Error(`"${name}" is not a valid image reference (repository names must be lowercase)`);
  return { domain: host, path };
}
function normalizedName(ref) {
  return `${ref.domain}/${ref.path}${suffix(ref)}`;
}
function familiarName(ref) {
  let repo = `${ref.domain}/${ref.path}`;
  if (ref.domain === defaultDomain) {
    repo = ref.path.startsWith(officialRepoPrefix) ? ref.path.slice(officialRepoPrefix.length) : ref.path;
  }
  return `${repo}${suffix(ref)}`;
}
function familiarRepository(ref) {
  return familiarName({ domain: ref.domain, path: ref.path });
}
function suffix(ref) {
  return `${ref.tag !== void 0 ? `:${ref.tag}` : ""}${ref.digest !== void 0 ? `@${ref.digest}` : ""}`;
}
function withDefaultTag(ref) {
  return ref.tag === void 0 && ref.digest === void 0 ? { ...ref, tag: "latest" } : ref;
}
function parseTargetName(input) {
  const ref = parseReference(input);
  if (ref.digest !== void 0) {
    throw new Error(`"${input}" cannot be a target name: it holds a digest; give a tag (name:tag) instead`);
  }
  return withDefaultTag(ref);
}
function canonicalName(text) {
  try {
    return normalizedName(withDefaultTag(parseReference(text)));
  } catch {
    return void 0;
  }
}
function sameName(a, b) {
  const [left, right] = [canonicalName(a), canonicalName(b)];
  return left !== void 0 && right !== void 0 ? left === right : a === b;
}
var imageIdPattern = /^(sha256:)?([0-9a-f]{12,64})$/;
function isImageId(text) {
  return imageIdPattern.test(text.trim());
}
function idHasPrefix(id, ref) {
  const hex = imageIdPattern.exec(ref.trim())?.[2];
  return hex !== void 0 && id.replace(/^sha256:/, "").startsWith(hex);
}
function oneByIdPrefix(items, ref, idOf) {
  const matches = items.filter((item) => {
    const id = idOf(item);
    return id !== void 0 && idHasPrefix(id, ref);
  });
  if (matches.length > 1) throw new HandoffError(`"${ref}" matches ${matches.length} images; give more of the ID.`);
  return matches[0];
}

// src/archive/model.ts
var nameFileNames = ["oci-layout", "index.json", "manifest.json", "repositories"];
function isNameFile(path) {
  return nameFileNames.includes(path);
}
function looksLikeJson(body) {
  return body.length > 0 && (body[0] === 123 || body[0] === 91);
}
function symlinkTarget(path, linkname) {
  return normalizePath(posix.join(posix.dirname(path), linkname));
}
function normalizePath(path) {
  const clean = posix.normalize(path).replace(/^(\.\/)+/, "").replace(/\/+$/, "");
  return clean === "." ? "" : clean;
}
function resolveFile(contents, path) {
  let current = normalizePath(path);
  for (let hops = 0; hops < 16; hops++) {
    const facts = contents.files.get(current);
    if (facts === void 0) return void 0;
    if (facts.link === void 0) return { ...facts, path: current };
    current = facts.link;
  }
  return void 0;
}
function digestOf(body) {
  return `sha256:${createHash("sha256").update(body).digest("hex")}`;
}
function blobPath(digest2) {
  const [algorithm, hex] = digest2.split(":");
  return `blobs/${algorithm}/${hex}`;
}
function parseJson(buffer, what) {
  if (buffer === void 0) return void 0;
  try {
    return JSON.parse(buffer.toString("utf8"));
  } catch {
    throw new HandoffError(`not an image archive: ${what} is not valid JSON; save the image again`);
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function familiarOrUndefined(name) {
  try {
    return familiarName(parseReference(name));
  } catch {
    return void 0;
  }
}
function isDigestReference(name) {
  return name.includes("@");
}
function uniqueNames(names) {
  const seen = /* @__PURE__ */ new Map();
  for (const name of names) {
    const familiar = isDigestReference(name) ? void 0 : familiarOrUndefined(name);
    if (familiar === void 0) continue;
    const key = normalizedName(parseReference(familiar));
    if (!seen.has(key)) seen.set(key, familiar);
  }
  return [...seen.values()];
}
function imageLabel(image) {
  return image.names[0] ?? image.configDigest.replace(/^sha256:/, "").slice(0, 12);
}
function diffIdsOf(config) {
  const rootfs = isRecord(config) ? config["rootfs"] : void 0;
  const ids = isRecord(rootfs) ? rootfs["diff_ids"] : void 0;
  return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
}
function parseManifestJson(contents) {
  const raw = parseJson(contents.nameFiles.get("manifest.json"), "manifest.json");
  if (raw === void 0) return void 0;
  const valid = Array.isArray(raw) && raw.every((e) => isRecord(e) && typeof e["Config"] === "string" && Array.isArray(e["Layers"]));
  if (!valid)
    throw new HandoffError(
      "not an image archive: manifest.json is not a list of {Config, RepoTags, Layers}; save the image again"
    );
  return raw;
}
function configDigestOfPath(path) {
  const clean = normalizePath(path);
  const blob = /^blobs\/([a-z0-9]+)\/([0-9a-f]+)$/.exec(clean);
  if (blob) return `${blob[1]}:${blob[2]}`;
  const legacy = /^([0-9a-f]{64})\.json$/.exec(clean);
  return legacy ? `sha256:${legacy[1]}` : void 0;
}
function missingFile(label, path, listedBy) {
  return new HandoffError(
    `image ${label}: ${path}, which ${listedBy} lists, is not in the archive; the archive is incomplete (was the save interrupted?): save the image again`
  );
}

// src/store/format.ts
var indexFormat = "image-handoff/index";
var indexVersion = 3;
var readableVersions = [2, indexVersion];
var defaultChunkBytes = 64 * 1024 * 1024;
function newIndex(model, entries, chunkBytes, created = /* @__PURE__ */ new Date()) {
  return { format: indexFormat, version: indexVersion, created: created.toISOString(), chunkBytes, model, entries };
}
function isChunked(entry) {
  return entry.type === "file" && "chunks" in entry;
}
function chunkSizes(index) {
  const sizes = /* @__PURE__ */ new Map();
  for (const entry of index.entries) {
    if (!isChunked(entry)) continue;
    entry.chunks.forEach(
      (digest2, at) => sizes.set(digest2, Math.min(index.chunkBytes, entry.size - at * index.chunkBytes))
    );
  }
  return sizes;
}
function contentsOf(entries) {
  const contents = { files: /* @__PURE__ */ new Map(), json: /* @__PURE__ */ new Map(), nameFiles: /* @__PURE__ */ new Map() };
  for (const entry of entries) {
    if (entry.type === "directory") {
      contents.files.set(entry.path, { size: 0, type: "directory" });
      continue;
    }
    if (entry.type !== "file") {
      contents.files.set(entry.path, {
        size: 0,
        link: entry.type === "link" ? entry.linkname : symlinkTarget(entry.path, entry.linkname)
      });
      continue;
    }
    const body = "inline" in entry ? Buffer.from(entry.inline, "base64") : void 0;
    if (body !== void 0 && isNameFile(entry.path)) {
      contents.nameFiles.set(entry.path, body);
      continue;
    }
    contents.files.set(entry.path, { size: entry.size });
    if (body !== void 0 && looksLikeJson(body)) contents.json.set(entry.path, body);
  }
  return contents;
}
function encodeIndex(index) {
  return Buffer.from(JSON.stringify(index));
}
var IndexFormatError = class extends HandoffError {
};
var digestPattern = /^sha256:[0-9a-f]{64}$/;
var pathPattern = /^[A-Za-z0-9._+\-/]{1,512}$/;
function parseIndex(body) {
  let raw;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    throw new IndexFormatError(
      "the stored entry is not an image-handoff index (not JSON); it was written by another tool or release"
    );
  }
  if (!isRecord(raw) || raw["format"] !== indexFormat) {
    throw new IndexFormatError(
      "the stored entry is not an image-handoff index; it was written by another tool or release"
    );
  }
  if (!readableVersions.includes(raw["version"])) {
    throw new IndexFormatError(
      `the stored entry has index version ${String(raw["version"])}; this release reads versions ${readableVersions.join(" and ")}`
    );
  }
  const entries = raw["entries"];
  const model = raw["model"];
  if (!Array.isArray(entries) || !isRecord(model) || !Array.isArray(model["images"])) {
    throw new IndexFormatError("the stored index lacks its entries or images; it is damaged");
  }
  const size = raw["chunkBytes"];
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 1)
    throw new IndexFormatError("the stored index has no valid chunk size; it is damaged");
  entries.forEach((entry, at) => checkEntry(entry, at, size));
  return raw;
}
function checkEntry(entry, at, chunkSize) {
  const bad = (why) => {
    throw new IndexFormatError(`entry ${at + 1} of the stored index ${why}; the index is damaged`);
  };
  if (!isRecord(entry)) return bad("is not an object");
  const path = entry["path"];
  if (typeof path !== "string" || !pathPattern.test(path) || path.split("/").includes(".."))
    return bad("has an unsafe path");
  if (typeof entry["mode"] !== "number") return bad("has no mode");
  switch (entry["type"]) {
    case "directory":
      return;
    case "symlink":
    case "link":
      if (typeof entry["linkname"] !== "string" || !pathPattern.test(entry["linkname"]))
        bad("has an unsafe link target");
      return;
    case "file":
      return checkFile(entry, chunkSize, bad);
    default:
      bad(`has an unknown type ${JSON.stringify(entry["type"])}`);
  }
}
function checkFile(entry, chunkSize, bad) {
  const size = entry["size"];
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) bad("has an invalid size");
  if (typeof entry["inline"] === "string") {
    if (Buffer.byteLength(entry["inline"], "base64") !== size) bad("holds a body whose length differs from its size");
    return;
  }
  const chunks = entry["chunks"];
  if (!Array.isArray(chunks) || !chunks.every((c) => typeof c === "string" && digestPattern.test(c)))
    bad("lists invalid chunk digests");
  const expected = Math.ceil(size / chunkSize);
  if (chunks.length !== expected)
    bad(`lists ${chunks.length} chunks for ${String(size)} bytes`);
}

export {
  parseReference,
  normalizedName,
  familiarName,
  familiarRepository,
  withDefaultTag,
  parseTargetName,
  canonicalName,
  sameName,
  isImageId,
  idHasPrefix,
  oneByIdPrefix,
  nameFileNames,
  isNameFile,
  looksLikeJson,
  symlinkTarget,
  normalizePath,
  resolveFile,
  digestOf,
  blobPath,
  parseJson,
  isRecord,
  familiarOrUndefined,
  isDigestReference,
  uniqueNames,
  imageLabel,
  diffIdsOf,
  parseManifestJson,
  configDigestOfPath,
  missingFile,
  defaultChunkBytes,
  newIndex,
  isChunked,
  chunkSizes,
  contentsOf,
  encodeIndex,
  IndexFormatError,
  parseIndex
};
