import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  tagForKey,
  tagMayMatch
} from "./chunk-U5GEQORK.js";
import {
  newestFirst
} from "./chunk-774EC7X7.js";
import {
  sweepStale,
  trackTemporary
} from "./chunk-OTW4DL2O.js";
import {
  digestOf,
  familiarRepository,
  isChunked,
  isRecord,
  parseIndex,
  parseReference,
  symlinkTarget
} from "./chunk-J7MNMCMW.js";
import {
  arrivingChunk,
  downloadInto
} from "./chunk-N5RGHHB3.js";
import {
  jsonObject
} from "./chunk-ZFAXBUVM.js";
import {
  HandoffError,
  errorMessage
} from "./chunk-B36MAPR3.js";
import {
  require_node_http,
  require_node_https
} from "./chunk-IFMEWGSE.js";
import {
  __toESM
} from "./chunk-DGQ6QHC6.js";

// src/backends/registry-store.ts
import { createReadStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

// src/backends/registry/client.ts
import { Readable as Readable2 } from "node:stream";

// src/backends/registry/transport.ts
var import_node_http = __toESM(require_node_http(), 1);
var import_node_https = __toESM(require_node_https(), 1);
import { Readable } from "node:stream";
var httpTransport = (url, request) => request.body instanceof Readable ? streamed(new URL(url), request.method, request.headers, request.body) : fetch(url, {
  method: request.method,
  headers: request.headers,
  ...request.body !== void 0 ? { body: request.body } : {}
});
function streamed(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? import_node_https.request : import_node_http.request;
    const outgoing = send(url, { method, headers }, (incoming) => resolve(asResponse(incoming, method)));
    outgoing.on("error", (error) => {
      body.destroy();
      reject(new TypeError("fetch failed", { cause: error }));
    });
    body.on("error", (error) => outgoing.destroy(error));
    body.pipe(outgoing);
  });
}
function asResponse(incoming, method) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const status = incoming.statusCode ?? 502;
  const empty = method === "HEAD" || [204, 205, 304].includes(status);
  if (empty) incoming.resume();
  const body = empty ? null : Readable.toWeb(incoming);
  return new Response(body, { status, headers });
}

// src/backends/registry/auth.ts
var actions = { pull: "pull", push: "pull,push", delete: "delete" };
var RegistryUnavailable = class extends HandoffError {
};
function parseChallenge(header) {
  const match = header === null ? null : /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!match) return void 0;
  const params = {};
  for (const param of (match[2] ?? "").matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[(param[1] ?? "").toLowerCase()] = (param[2] ?? param[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}
function authorizedSender(options) {
  const transport = options.transport ?? httpTransport;
  const grants = /* @__PURE__ */ new Map();
  const basic = options.credentials ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString("base64")}` : void 0;
  const attempt = (request, authorization) => transport(request.url, {
    method: request.method,
    headers: { ...request.headers, ...authorization !== void 0 ? { authorization } : {} },
    ...request.body ? { body: request.body() } : {}
  }).catch((error) => {
    const cause = error.cause;
    throw new RegistryUnavailable(
      `Could not reach the registry ${options.label} (${request.method} ${new URL(request.url).pathname}): ${errorMessage(cause ?? error)}. Check the "registry" input and that the registry is up.`
    );
  });
  const grant = async (challenge, access) => {
    if (challenge?.scheme === "basic") {
      if (basic !== void 0) return basic;
      throw new HandoffError(
        `The registry ${options.label} asks for a user name and password; give "registry-username" and "registry-password" (or "github-token" for ghcr.io).`
      );
    }
    if (challenge?.scheme !== "bearer" || !challenge.params["realm"]) {
      throw new HandoffError(
        `The registry ${options.label} refused the request (401) without saying how to authenticate; check the "registry" input.`
      );
    }
    return `Bearer ${await fetchToken(challenge.params, access)}`;
  };
  const fetchToken = async (params, access) => {
    const url = new URL(params["realm"] ?? "");
    if (params["service"]) url.searchParams.set("service", params["service"]);
    url.searchParams.set("scope", `repository:${options.repository}:${actions[access]}`);
    for (const other of options.alsoPull ?? []) url.searchParams.append("scope", `repository:${other}:pull`);
    const response = await transport(url.toString(), {
      method: "GET",
      headers: basic !== void 0 ? { authorization: basic } : {}
    }).catch((error) => {
      throw new HandoffError(
        `Could not reach the token service ${url.origin} of the registry ${options.label}: ${errorMessage(error.cause ?? error)}.`
      );
    });
    const text = await response.text();
    if (!response.ok) {
      const hint = response.status === 401 || response.status === 403 ? basic !== void 0 ? 'the credentials were refused; check "registry-username"/"registry-password" or "github-token" and its packages permission' : 'it wants credentials; give "registry-username" and "registry-password" (or "github-token" for ghcr.io)' : "the token service failed";
      throw new HandoffError(
        `The registry ${options.label} gave no ${access} token (HTTP ${response.status}): ${hint}.`
      );
    }
    const body = jsonObject(text);
    const token = body?.["token"] ?? body?.["access_token"];
    if (typeof token !== "string" || token === "")
      throw new HandoffError(`The token service of the registry ${options.label} answered without a token.`);
    return token;
  };
  return async (request) => {
    const used = grants.get(request.access);
    const response = await attempt(request, used === void 0 ? void 0 : await used.catch(() => void 0));
    if (response.status !== 401) return response;
    await response.body?.cancel();
    if (grants.get(request.access) === used) {
      const fresh = grant(parseChallenge(response.headers.get("www-authenticate")), request.access);
      grants.set(request.access, fresh);
      fresh.catch(() => {
        if (grants.get(request.access) === fresh) grants.delete(request.access);
      });
    }
    const authorization = await grants.get(request.access);
    return attempt(request, authorization);
  };
}

// src/backends/registry/client.ts
var ociManifest = "application/vnd.oci.image.manifest.v1+json";
var anyManifest = [
  ociManifest,
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
].join(", ");
var maxManifestBytes = 4 * 1024 * 1024;
async function retried(operation, delays) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const delay = delays[attempt];
      if (!(error instanceof RegistryUnavailable) || delay === void 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
function withRetries(client, delays) {
  const wrapped = {};
  for (const [name, member] of Object.entries(client)) {
    wrapped[name] = typeof member === "function" ? (...args) => retried(() => member(...args), delays) : member;
  }
  return wrapped;
}
function createRegistryClient(options) {
  const { location } = options;
  const label = `${location.origin.replace(/^https?:\/\//, "")}/${location.repository}`;
  const send = authorizedSender({
    repository: location.repository,
    label,
    ...options.alsoPull ? { alsoPull: options.alsoPull } : {},
    ...options.credentials ? { credentials: options.credentials } : {},
    ...options.transport ? { transport: options.transport } : {}
  });
  const base = `${location.origin}/v2/${location.repository}`;
  const unexpected = async (response, what) => {
    const text = (await response.text().catch(() => "")).slice(0, 300).replace(/\s+/g, " ").trim();
    const hint = response.status === 401 || response.status === 403 ? ' Check the credentials ("registry-username"/"registry-password" or "github-token") and that they may push to and pull from this repository.' : "";
    const busy = response.status === 429 || response.status >= 500;
    return new (busy ? RegistryUnavailable : HandoffError)(
      `The registry ${label} answered ${response.status} to ${what}${text ? `: ${text}` : ""}.${hint}`
    );
  };
  const exists = async (url, what, headers = {}) => {
    const response = await send({ method: "HEAD", url, access: "pull", headers });
    await response.body?.cancel();
    if (response.ok) return true;
    if (response.status === 404) return false;
    throw await unexpected(response, what);
  };
  return withRetries(
    {
      label,
      hasBlob: (digest) => exists(`${base}/blobs/${digest}`, `a lookup of blob ${digest}`),
      async uploadBlob(digest, size, body) {
        const started = await send({ method: "POST", url: `${base}/blobs/uploads/`, access: "push" });
        if (started.status !== 202) throw await unexpected(started, `the start of an upload of ${digest}`);
        await started.body?.cancel();
        const location2 = started.headers.get("location");
        if (!location2)
          throw new HandoffError(`The registry ${label} started an upload without saying where to send it.`);
        const url = new URL(location2, base);
        url.searchParams.set("digest", digest);
        const done = await send({
          method: "PUT",
          url: url.toString(),
          access: "push",
          headers: { "content-type": "application/octet-stream", "content-length": String(size) },
          body
        });
        if (done.status !== 201) throw await unexpected(done, `the upload of ${digest}`);
        await done.body?.cancel();
      },
      async fetchBlob(digest, file, watch) {
        const response = await send({ method: "GET", url: `${base}/blobs/${digest}`, access: "pull" });
        if (!response.ok || response.body === null) throw await unexpected(response, `a download of blob ${digest}`);
        await downloadInto(Readable2.fromWeb(response.body), file, watch);
      },
      async mountBlob(digest, from) {
        const url = `${base}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
        const response = await send({ method: "POST", url, access: "push" });
        await response.body?.cancel();
        if (response.status === 201) return true;
        if (response.status !== 202) throw await unexpected(response, `a mount of blob ${digest} from ${from}`);
        const location2 = response.headers.get("location");
        if (location2) {
          const closed = await send({ method: "DELETE", url: new URL(location2, base).toString(), access: "push" });
          await closed.body?.cancel();
        }
        return false;
      },
      async openBlob(digest) {
        const response = await send({ method: "GET", url: `${base}/blobs/${digest}`, access: "pull" });
        if (!response.ok || response.body === null) throw await unexpected(response, `a download of blob ${digest}`);
        return Readable2.fromWeb(response.body);
      },
      async readBlob(digest, maxBytes) {
        const response = await send({ method: "GET", url: `${base}/blobs/${digest}`, access: "pull" });
        if (!response.ok) throw await unexpected(response, `a download of blob ${digest}`);
        if (Number(response.headers.get("content-length") ?? "0") > maxBytes) {
          await response.body?.cancel();
          throw new HandoffError(`Blob ${digest} in ${label} is larger than ${maxBytes} bytes; it is not an index.`);
        }
        return Buffer.from(await response.arrayBuffer());
      },
      async putManifest(tag, body, mediaType = ociManifest) {
        const response = await send({
          method: "PUT",
          url: `${base}/manifests/${tag}`,
          access: "push",
          headers: { "content-type": mediaType },
          body: () => body
        });
        if (response.status !== 201) throw await unexpected(response, `storing the manifest of tag ${tag}`);
        await response.body?.cancel();
      },
      async getManifest(tag) {
        const response = await send({
          method: "GET",
          url: `${base}/manifests/${tag}`,
          access: "pull",
          headers: { accept: anyManifest }
        });
        if (response.status === 404) {
          await response.body?.cancel();
          return void 0;
        }
        if (!response.ok) throw await unexpected(response, `a read of the manifest of tag ${tag}`);
        const length = Number(response.headers.get("content-length") ?? "0");
        if (length > maxManifestBytes) {
          await response.body?.cancel();
          throw new HandoffError(
            `The manifest under tag ${tag} in ${label} is ${length} bytes; not an image-handoff entry.`
          );
        }
        return Buffer.from(await response.arrayBuffer());
      },
      async deleteManifest(digest) {
        const response = await send({ method: "DELETE", url: `${base}/manifests/${digest}`, access: "delete" });
        if (response.status === 405) {
          await response.body?.cancel();
          throw new HandoffError(
            `The registry ${label} does not allow deleting manifests (distribution: set storage.delete.enabled; ghcr.io: delete the package version on GitHub).`
          );
        }
        if (response.status !== 202 && response.status !== 200)
          throw await unexpected(response, `deleting manifest ${digest}`);
        await response.body?.cancel();
      },
      hasManifest: (tag) => exists(`${base}/manifests/${tag}`, `a lookup of tag ${tag}`, { accept: anyManifest }),
      async listTags() {
        const tags = [];
        let url = `${base}/tags/list?n=1000`;
        while (url !== void 0) {
          const response = await send({ method: "GET", url, access: "pull" });
          if (response.status === 404) {
            await response.body?.cancel();
            return tags;
          }
          if (!response.ok) throw await unexpected(response, "a listing of the tags");
          const body = await response.json();
          if (Array.isArray(body.tags)) tags.push(...body.tags.filter((t) => typeof t === "string"));
          url = nextPage(response.headers.get("link"), base);
        }
        return tags;
      }
    },
    options.retryDelays ?? [1e3, 4e3]
  );
}
function nextPage(link, base) {
  const match = link === null ? null : /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  return match?.[1] !== void 0 ? new URL(match[1], base).toString() : void 0;
}

// src/backends/registry/entry-manifest.ts
var indexMediaType = "application/vnd.image-handoff.index.v2+json";
var chunkMediaType = "application/vnd.image-handoff.chunk.v1";
var keyAnnotation = "io.github.image-handoff.key";
var createdAnnotation = "org.opencontainers.image.created";
function describeBlob(body, mediaType) {
  return { mediaType, digest: digestOf(body), size: body.length };
}
function chunkDescriptors(index) {
  const seen = /* @__PURE__ */ new Map();
  for (const entry of index.entries) {
    if (!isChunked(entry)) continue;
    entry.chunks.forEach((digest, at) => {
      const size = Math.min(index.chunkBytes, entry.size - at * index.chunkBytes);
      if (!seen.has(digest)) seen.set(digest, { mediaType: chunkMediaType, digest, size });
    });
  }
  return [...seen.values()];
}
function entryManifest(key, config, chunks, created) {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: ociManifest,
      artifactType: indexMediaType,
      config,
      layers: chunks,
      annotations: { [keyAnnotation]: key, [createdAnnotation]: created.toISOString() }
    })
  );
}
function readEntryManifest(body) {
  const raw = jsonObject(body.toString("utf8"));
  if (raw === void 0 || !isRecord(raw["config"]) || !isRecord(raw["annotations"])) return void 0;
  const { config, annotations } = raw;
  const key = annotations[keyAnnotation];
  const created = Date.parse(String(annotations[createdAnnotation]));
  const digest = config["digest"];
  const size = config["size"];
  if (config["mediaType"] !== indexMediaType || typeof key !== "string") return void 0;
  if (typeof digest !== "string" || !/^sha256:[0-9a-f]{64}$/.test(digest)) return void 0;
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) return void 0;
  return { key, created: Number.isNaN(created) ? 0 : created, index: { mediaType: indexMediaType, digest, size } };
}

// src/backends/registry/pullable.ts
var dockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
var dockerConfig = "application/vnd.docker.container.image.v1+json";
var uncompressedLayer = "application/vnd.docker.image.rootfs.diff.tar";
var ociManifest2 = "application/vnd.oci.image.manifest.v1+json";
var maxIndexDepth = 2;
var componentPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
function planPullable(index, base) {
  const files = new Map(index.entries.map((e) => [e.path, e]));
  const images = [];
  const skipped = [];
  for (const image of index.model.images) {
    const label = image.names[0] ?? image.configDigest;
    if (image.names.length === 0) continue;
    const planned = image.manifestDigest !== void 0 ? planOci(image, files) : planLegacy(image, files);
    if (typeof planned === "string") {
      skipped.push(`${label}: ${planned}`);
      continue;
    }
    for (const [repository, tags] of targets(image.names, base)) images.push({ repository, tags, ...planned });
  }
  return { images, skipped };
}
function planOci(image, files) {
  const found = manifestOf(files, image.manifestDigest ?? "", image.configDigest, 0);
  if (found === void 0) return "its manifest is not in the entry";
  const { body, doc } = found;
  const descriptors = [doc["config"], ...Array.isArray(doc["layers"]) ? doc["layers"] : []];
  const blobs = [];
  for (const descriptor of descriptors) {
    const digest = isRecord(descriptor) ? descriptor["digest"] : void 0;
    const blob = typeof digest === "string" ? source(files, blobPath(digest)) : void 0;
    if (typeof digest !== "string" || blob === void 0) return `blob ${String(digest)} is not in the entry`;
    blobs.push({ digest, ...blob });
  }
  const mediaType = typeof doc["mediaType"] === "string" ? doc["mediaType"] : ociManifest2;
  return { manifest: body, mediaType, blobs };
}
function manifestOf(files, digest, config, depth) {
  const found = source(files, blobPath(digest));
  if (found === void 0 || !("inline" in found.source)) return void 0;
  const body = found.source.inline;
  const doc = jsonObject(body.toString("utf8"));
  if (doc === void 0) return void 0;
  if (isRecord(doc["config"])) return doc["config"]["digest"] === config ? { body, doc } : void 0;
  if (!Array.isArray(doc["manifests"]) || depth >= maxIndexDepth) return void 0;
  for (const child of doc["manifests"]) {
    const childDigest = isRecord(child) ? child["digest"] : void 0;
    const match = typeof childDigest === "string" ? manifestOf(files, childDigest, config, depth + 1) : void 0;
    if (match !== void 0) return match;
  }
  return void 0;
}
var blobPath = (digest) => `blobs/${digest.replace(":", "/")}`;
function planLegacy(image, files) {
  const hex = image.configDigest.replace(/^sha256:/, "");
  const config = source(files, `${hex}.json`) ?? source(files, `blobs/sha256/${hex}`);
  if (config === void 0) return "its config is not in the entry";
  const blobs = [{ digest: image.configDigest, ...config }];
  for (const layer of image.layers) {
    const digest = layer.digest ?? layer.diffId;
    if (layer.diffId === void 0 || digest !== layer.diffId) return "a layer is not named by its diff ID";
    const found = source(files, layer.path);
    if (found === void 0) return `layer ${layer.path} is not in the entry`;
    blobs.push({ digest, ...found });
  }
  const [configBlob, ...layers] = blobs;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: dockerManifest,
      config: { mediaType: dockerConfig, size: configBlob.size, digest: configBlob.digest },
      layers: layers.map((l) => ({ mediaType: uncompressedLayer, size: l.size, digest: l.digest }))
    })
  );
  return { manifest, mediaType: dockerManifest, blobs };
}
function source(files, path) {
  let entry = files.get(path);
  for (let hops = 0; entry !== void 0 && entry.type !== "file" && hops < 8; hops++) {
    if (entry.type === "directory") return void 0;
    entry = files.get(entry.type === "symlink" ? symlinkTarget(entry.path, entry.linkname) : entry.linkname);
  }
  if (entry?.type !== "file") return void 0;
  return {
    size: entry.size,
    source: isChunked(entry) ? { chunks: entry.chunks } : { inline: Buffer.from(entry.inline, "base64") }
  };
}
function targets(names, base) {
  const byRepository = /* @__PURE__ */ new Map();
  for (const name of names) {
    const ref = parseReference(name);
    const path = familiarRepository(ref);
    if (ref.tag === void 0 || !path.split("/").every((c) => componentPattern.test(c))) continue;
    const repository = `${base}/${path}`;
    if (repository.length > 255) continue;
    byRepository.set(repository, [...byRepository.get(repository) ?? [], ref.tag]);
  }
  return byRepository;
}

// src/backends/registry/push-images.ts
import { Readable as Readable3 } from "node:stream";
async function pushPullable(images, targets2) {
  for (const image of images) {
    const client = targets2.clientFor(image.repository);
    for (const blob of image.blobs) await pushBlob(client, blob, targets2);
    for (const tag of image.tags) await client.putManifest(tag, image.manifest, image.mediaType);
    targets2.log(`Pushed a pullable image: ${client.label}:${image.tags.join(", :")}.`);
  }
}
async function pushBlob(client, blob, targets2) {
  if (await client.hasBlob(blob.digest)) return;
  const { source: source2 } = blob;
  if ("inline" in source2) return client.uploadBlob(blob.digest, blob.size, () => source2.inline);
  if (source2.chunks.length === 1 && source2.chunks[0] === blob.digest) {
    if (await client.mountBlob(blob.digest, targets2.storeRepository)) return;
  }
  await client.uploadBlob(blob.digest, blob.size, () => chained(targets2.store, source2.chunks));
}
function chained(store, chunks) {
  async function* bytes() {
    for (const chunk of chunks) yield* await store.openBlob(chunk);
  }
  return Readable3.from(bytes());
}

// src/backends/registry-store.ts
var maxIndexBytes = 64 * 1024 * 1024;
var manifestReads = 8;
function createRegistryStore(options) {
  const client = createRegistryClient(options);
  const scratch = join(options.workDir, "registry-scratch");
  const log = options.log ?? (() => void 0);
  let fetched = 0;
  const entryOf = async (key) => {
    const body = await client.getManifest(tagForKey(key));
    const entry = body === void 0 ? void 0 : readEntryManifest(body);
    return entry?.key === key && body !== void 0 ? { ...entry, manifest: body } : void 0;
  };
  const list = async () => {
    const entries = await readEntries(client, await client.listTags());
    return entries.sort(newestFirst);
  };
  return {
    kind: "registry",
    compresses: true,
    scratch,
    async prepare() {
      await mkdir(scratch, { recursive: true });
      await sweepStale(scratch);
    },
    has: (digest) => client.hasBlob(digest),
    async put(digest, file) {
      try {
        const { size } = await stat(file);
        await client.uploadBlob(digest, size, () => fileBody(file));
        return size;
      } finally {
        await rm(file, { force: true });
      }
    },
    async get(digest) {
      await mkdir(scratch, { recursive: true });
      const file = join(scratch, `fetched-${process.pid}-${fetched++}`);
      const untrack = trackTemporary(file);
      return arrivingChunk(file, false, (watch) => client.fetchBlob(digest, file, watch), untrack);
    },
    hasIndex: async (key) => await entryOf(key) !== void 0,
    async readIndex(key, restoreKeys) {
      const entry = await entryOf(key) ?? (restoreKeys.length > 0 ? await newest(client, restoreKeys) : void 0);
      if (entry === void 0) return void 0;
      const body = await client.readBlob(entry.index.digest, maxIndexBytes);
      if (describeBlob(body, indexMediaType).digest !== entry.index.digest)
        throw new HandoffError(`The index of "${entry.key}" in ${client.label} does not match its digest; save again.`);
      log(
        `Found entry "${entry.key}" in ${client.label}${entry.key === key ? "" : ` (restore key match for "${key}")`}.`
      );
      return { matchedKey: entry.key, body };
    },
    async writeIndex(key, body) {
      const tag = tagForKey(key);
      if (await entryOf(key) !== void 0) {
        return { saved: false, key, reason: `${client.label} already holds an entry under "${key}" (tag ${tag})` };
      }
      const config = describeBlob(body, indexMediaType);
      if (!await client.hasBlob(config.digest)) await client.uploadBlob(config.digest, body.length, () => body);
      const index = parseIndex(body);
      if (options.pullable) await pushImages(index, options, client, log);
      const manifest = entryManifest(key, config, chunkDescriptors(index), new Date((options.clock ?? Date.now)()));
      await client.putManifest(tag, manifest);
      log(`Pushed entry "${key}" to ${client.label} as tag ${tag}.`);
      return { saved: true, key, bytes: body.length + manifest.length };
    },
    explainMiss: async () => void 0,
    list,
    async remove(key) {
      const entry = await entryOf(key);
      if (entry === void 0) return false;
      await client.deleteManifest(describeBlob(entry.manifest, ociManifest).digest);
      log(`Removed entry "${key}" from ${client.label}; its chunks stay until the registry's garbage collection.`);
      return true;
    }
  };
}
async function pushImages(index, options, store, log) {
  const { origin, repository } = options.location;
  const plan = planPullable(index, repository);
  for (const note of plan.skipped) log(`Not pushed as a pullable image: ${note}.`);
  await pushPullable(plan.images, {
    store,
    storeRepository: repository,
    clientFor: (target) => createRegistryClient({ ...options, location: { origin, repository: target }, alsoPull: [repository] }),
    log
  });
}
function fileBody(file) {
  return createReadStream(file, { highWaterMark: 1024 * 1024 });
}
async function readEntries(client, tags) {
  const found = [];
  for (let at = 0; at < tags.length; at += manifestReads) {
    const bodies = await Promise.all(tags.slice(at, at + manifestReads).map((tag) => client.getManifest(tag)));
    for (const body of bodies) {
      const entry = body === void 0 ? void 0 : readEntryManifest(body);
      if (entry !== void 0) found.push(entry);
    }
  }
  return found;
}
async function newest(client, prefixes) {
  const tags = await client.listTags();
  const candidates = tags.filter((tag) => prefixes.some((prefix) => tagMayMatch(tag, prefix)));
  const entries = await readEntries(client, candidates);
  for (const prefix of prefixes) {
    const match = entries.filter((e) => e.key.startsWith(prefix)).sort(newestFirst)[0];
    if (match) return match;
  }
  return void 0;
}
export {
  createRegistryStore
};
