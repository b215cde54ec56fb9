import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  HandoffError
} from "./chunk-B36MAPR3.js";

// src/backends/registry/reference.ts
import { createHash } from "node:crypto";
var repositoryPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
var hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;
function isLoopback(host) {
  const name = host.replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(name);
}
function parseRegistry(text) {
  const explained = (why) => new HandoffError(
    `Input "registry" is "${text}"; ${why}. Write host[:port]/repository, e.g. ghcr.io/org/handoff or 127.0.0.1:5000/handoff.`
  );
  const scheme = /^(https?):\/\//.exec(text);
  const rest = scheme ? text.slice(scheme[0].length) : text;
  const slash = rest.indexOf("/");
  if (slash <= 0) throw explained("it names no repository after the host");
  const host = rest.slice(0, slash);
  const repository = rest.slice(slash + 1).replace(/\/+$/, "").toLowerCase();
  if (!hostPattern.test(host)) throw explained(`"${host}" is not a host name`);
  if (repository.length > 255 || !repositoryPattern.test(repository)) {
    throw explained(`"${repository}" is not a repository name (lowercase letters, digits, and . _ - / between them)`);
  }
  const protocol = scheme?.[1] ?? (isLoopback(host) ? "http" : "https");
  const apiHost = host === "docker.io" || host === "index.docker.io" ? "registry-1.docker.io" : host;
  return { origin: `${protocol}://${apiHost}`, repository };
}
var tagPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
var readableRoom = 128 - 17;
function readable(key) {
  const plain = key.replace(/[^A-Za-z0-9_.-]/g, "_");
  return /^[.-]/.test(plain) ? `_${plain}` : plain;
}
function tagForKey(key) {
  if (tagPattern.test(key)) return key;
  const hash = createHash("sha256").update(key, "utf8").digest("hex").slice(0, 16);
  return `${readable(key).slice(0, readableRoom) || "_"}-${hash}`;
}
function tagMayMatch(tag, prefix) {
  return tag.startsWith(readable(prefix).slice(0, readableRoom));
}

export {
  parseRegistry,
  tagForKey,
  tagMayMatch
};
