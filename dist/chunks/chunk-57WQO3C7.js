import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  downloadInto
} from "./chunk-N5RGHHB3.js";
import {
  readErrorBody
} from "./chunk-ZUKT7SUF.js";
import {
  paced
} from "./chunk-H6WZBS64.js";
import {
  jsonObject
} from "./chunk-ZFAXBUVM.js";
import {
  HandoffError
} from "./chunk-B36MAPR3.js";
import {
  BearerCredentialHandler,
  HttpClient
} from "./chunk-P7VUCEIE.js";
import {
  require_node_http,
  require_node_https
} from "./chunk-IFMEWGSE.js";
import {
  __toESM
} from "./chunk-DGQ6QHC6.js";

// src/backends/service-names.ts
function checkCacheKeys(key, restoreKeys = []) {
  if (key === "") throw new HandoffError('The cache key is empty; set input "key".');
  for (const k of [key, ...restoreKeys]) {
    if (k.length > 512)
      throw new HandoffError(
        `Cache key "${k.slice(0, 40)}\u2026" is ${k.length} characters long; the cache accepts at most 512.`
      );
    if (k.includes(","))
      throw new HandoffError(
        `Cache key "${k}" contains a comma, which the cache does not accept; use another separator.`
      );
  }
  if (restoreKeys.length + 1 > 10)
    throw new HandoffError(
      `The cache accepts at most 10 keys (key and restore-keys together); ${restoreKeys.length + 1} were given.`
    );
}
var forbidden = [
  ['"', "double quote"],
  [":", "colon"],
  ["<", "less-than sign"],
  [">", "greater-than sign"],
  ["|", "vertical bar"],
  ["*", "asterisk"],
  ["?", "question mark"],
  ["\r", "carriage return"],
  ["\n", "line feed"],
  ["\\", "backslash"],
  ["/", "slash"]
];
function artifactName(key) {
  if (key === "") throw new HandoffError('The artifact name is empty; set input "key".');
  const bad = forbidden.find(([c]) => key.includes(c));
  if (bad)
    throw new HandoffError(
      `Key "${key}" is used as the artifact name, which may not contain a ${bad[1]} (nor any of " : < > | * ? \\ / or line breaks); replace it, e.g. with "-".`
    );
  if (key === "." || key === ".." || key.trim() !== key)
    throw new HandoffError(
      `Key "${key}" is not usable as an artifact name; use letters, digits, "-", "_" or "." without surrounding spaces.`
    );
  if (key.toLowerCase().endsWith(".zip"))
    throw new HandoffError(
      `Key "${key}" ends in ".zip", which would make downloads unzip the stored images; choose a key without it.`
    );
  if (Buffer.byteLength(key) > 255)
    throw new HandoffError(`Key "${key.slice(0, 40)}\u2026" is longer than 255 bytes, too long for an artifact name.`);
  return key;
}

// src/backends/twirp.ts
var TwirpError = class extends Error {
  constructor(message, kind, status) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
  kind;
  status;
  name = "TwirpError";
};
var libraryRetry = { attempts: 5, firstDelayMs: 3e3, factor: 1.5 };
var retriedStatuses = /* @__PURE__ */ new Set([500, 502, 503, 504]);
var networkCodes = /* @__PURE__ */ new Set(["ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH"]);
function twirpClient(options) {
  const http = new HttpClient("image-handoff", [new BearerCredentialHandler(options.token)], { keepAlive: true });
  return (method, body) => withRetries(method, options, async () => {
    const url = new URL(`/twirp/${options.service}/${method}`, options.base).href;
    const response = await http.post(url, JSON.stringify(body), { "Content-Type": "application/json" });
    return { status: response.message.statusCode ?? 0, body: await response.readBody() };
  });
}
function field(body, snake) {
  return body[snake] ?? body[snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase())];
}
async function withRetries(method, options, request2) {
  const { retry } = options;
  const fail = (message, kind, status2) => new TwirpError(message, kind, status2);
  let reason2 = "";
  let status;
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delayBefore(attempt, retry)));
    let answer;
    try {
      answer = await request2();
    } catch (error) {
      const code = error?.code;
      reason2 = `${method}: ${String(error?.message ?? error)}`;
      if (typeof code === "string" && !networkCodes.has(code)) throw fail(reason2, "failed");
      continue;
    }
    status = answer.status;
    const body = jsonObject(answer.body);
    const msg = typeof body?.msg === "string" ? body.msg : "";
    if (answer.status >= 200 && answer.status < 300 && body !== void 0) return body;
    if (msg.includes("insufficient usage")) throw fail(options.quotaMessage, "quota", answer.status);
    if (answer.status === 429)
      throw fail(
        `${options.label} rate-limited ${method} (HTTP 429${msg ? `: ${msg}` : ""})`,
        "rate-limit",
        answer.status
      );
    reason2 = `${method} answered HTTP ${answer.status}${msg ? `: ${msg}` : body === void 0 ? " with a body that is not JSON" : ""}`;
    if (body !== void 0 && !retriedStatuses.has(answer.status)) throw fail(reason2, "failed", answer.status);
  }
  throw fail(`${reason2} (after ${retry.attempts} attempts)`, "failed", status);
}
function delayBefore(attempt, retry) {
  if (attempt === 1) return retry.firstDelayMs;
  const least = retry.firstDelayMs * retry.factor ** (attempt - 1);
  return least + Math.random() * least * (retry.factor - 1);
}

// src/backends/blob-download.ts
var import_node_http = __toESM(require_node_http(), 1);
var import_node_https = __toESM(require_node_https(), 1);
import { stat } from "node:fs/promises";
var errorBodyBytes = 4096;
var clients = /* @__PURE__ */ new Map();
function agentFor(url) {
  const scheme = new URL(url).protocol;
  let client = clients.get(scheme);
  if (client === void 0) clients.set(scheme, client = new HttpClient("image-handoff", [], { keepAlive: true }));
  return client.getAgent(url);
}
async function openBlob(url, start = 0, length, signal) {
  const ranged = start > 0 || length !== void 0;
  const range = `bytes=${start}-${length !== void 0 ? start + length - 1 : ""}`;
  const response = await request(url, ranged ? { range } : {}, signal);
  const status = response.statusCode ?? 0;
  if (status !== (ranged ? 206 : 200)) {
    throw new Error(`the download was answered ${status} ${response.statusMessage ?? ""}${await reason(response)}`);
  }
  const header = response.headers["content-length"];
  const announced = header === void 0 ? void 0 : Number(header);
  if (length !== void 0 && announced !== length) {
    response.destroy();
    throw new Error(`${announced ?? "an unknown number of"} bytes were announced where ${length} were asked for`);
  }
  return { body: response, announced };
}
function request(url, headers, signal) {
  const get = url.startsWith("https:") ? import_node_https.get : import_node_http.get;
  return new Promise((resolve, reject) => {
    const sent = get(url, { agent: agentFor(url), headers, ...signal ? { signal } : {} }, resolve);
    sent.on("error", reject);
  });
}
async function reason(response) {
  const code = response.headers["x-ms-error-code"];
  const message = /<Message>([^<]*)</.exec(await readErrorBody(response, errorBodyBytes))?.[1]?.split("\n")[0];
  const named = typeof code === "string" ? code : void 0;
  const said = [named, message === named ? void 0 : message].filter(Boolean).join(": ");
  return said ? ` (${said})` : "";
}
async function downloadBlob(url, file, start = 0, length, watch) {
  const { body, announced } = await openBlob(url, start, length, watch?.signal);
  await downloadInto(paced(body), file, watch);
  const size = (await stat(file)).size;
  if (size !== announced)
    throw new Error(`${size} bytes arrived where ${announced ?? "an unknown number"} were announced`);
}

export {
  checkCacheKeys,
  artifactName,
  TwirpError,
  libraryRetry,
  twirpClient,
  field,
  openBlob,
  downloadBlob
};
