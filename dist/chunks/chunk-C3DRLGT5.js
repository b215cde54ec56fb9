import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  EngineUnreachable,
  Input,
  debugUnexpected,
  defaultEngines,
  escapeHtml,
  formatBytes,
  formatMs,
  loadImages,
  logLine,
  parseInputs,
  saveImages,
  selects,
  withDeps
} from "./chunk-PA54L7G5.js";
import {
  debug,
  getInput,
  getState,
  group,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-XFN6TRWD.js";
import {
  failureMessage
} from "./chunk-B36MAPR3.js";

// src/handoff/core-io.ts
var log = {
  info: (m) => info(logLine(m)),
  warning: (m) => warning(m),
  debug: (m) => debug(m),
  group: (title, body) => group(title, body)
};
var coreIO = {
  log,
  input: (name) => getInput(name),
  output: (name, value) => setOutput(name, value),
  saveState: (name, value) => saveState(name, value),
  getState: (name) => getState(name),
  setSecret: (value) => setSecret(value),
  fail: (message) => setFailed(message),
  summary: async (html) => {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await summary.addRaw(html, true).write();
  }
};

// src/handoff/changes.ts
function changedSelection(now, before, filter) {
  const include = now.filter((image) => !before.has(image.id)).flatMap((image) => image.names.filter((name) => selects(filter, name)));
  return { include: [...new Set(include)], exclude: [] };
}

// src/handoff/summary.ts
function renderSummary(report) {
  const lines = [`<h3>image-handoff: ${escape(report.title)}</h3>`];
  lines.push(
    `<p><strong>Backend:</strong> ${escape(report.backend)} \xB7 <strong>Key:</strong> <code>${escape(report.key)}</code> \xB7 <strong>Outcome:</strong> ${escape(report.outcome)}</p>`
  );
  if (report.rows.length > 0) {
    const header = "<tr><th>Image</th><th>ID</th><th>Size</th></tr>";
    const rows = report.rows.map(
      (r) => `<tr><td>${escape(r.name)}</td><td><code>${escape(r.id.slice(0, 19))}</code></td><td>${formatBytes(r.size)}</td></tr>`
    );
    lines.push(`<table>${header}${rows.join("")}</table>`);
  }
  for (const note of report.notes) lines.push(`<p>${escape(note)}</p>`);
  if (report.phases.length > 0) {
    const total = report.phases.reduce((sum, [, ms]) => sum + ms, 0);
    lines.push(
      `<p><strong>Time:</strong> ${report.phases.map(([name, ms]) => `${escape(name)} ${formatMs(ms)}`).join(" \xB7 ")} (total ${formatMs(total)})</p>`
    );
  }
  return lines.join("\n") + "\n";
}
function escape(text) {
  return escapeHtml(text.replace(/[\r\n]+/g, " ")).replace(/[@`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// src/handoff/summaries.ts
var count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
var imagesIn = (rows) => new Set(rows.map((r) => r.id)).size;
function saveSummary(backend, key, result) {
  const t = result.transfer;
  const notes = [...result.notes ?? []];
  if (t !== void 0)
    notes.push(
      `Exported ${formatBytes(t.archiveBytes)}; stored ${formatBytes(t.storedBytes)} in ${count(t.chunks - t.reusedChunks, "new chunk")}; reused ${formatBytes(t.reusedBytes)} (${count(t.reusedChunks, "chunk")} already stored).`
    );
  return {
    title: result.outcome.saved ? `saved ${count(imagesIn(result.rows), "image")}` : "nothing saved",
    backend,
    key,
    outcome: result.outcome.saved ? "stored" : `not stored: ${result.outcome.reason}`,
    rows: result.rows,
    phases: result.phases,
    notes
  };
}
function loadSummary(backend, key, result) {
  const outcome = result.matchedKey === void 0 ? "miss" : result.hit ? "hit" : `restore-key match "${result.matchedKey}"`;
  const t = result.transfer;
  const notes = t === void 0 ? [] : [
    `Sent ${formatBytes(t.sentBytes)} to the engine` + (t.omittedLayers > 0 ? `; left out ${count(t.omittedLayers, "layer")} (${formatBytes(t.omittedBytes)}) the engine already had or no selected image needs.` : ".")
  ];
  return {
    title: result.matchedKey === void 0 ? "nothing to load" : `loaded ${count(imagesIn(result.rows), "image")}`,
    backend,
    key,
    outcome,
    rows: result.rows,
    phases: result.phases,
    notes
  };
}
function failureSummary(step, backend, key, message) {
  return { title: `${step} failed`, backend, key, outcome: `failed: ${message}`, rows: [], phases: [], notes: [] };
}

// src/handoff/io.ts
var Output = {
  images: "images",
  droppedNames: "dropped-names",
  hit: "hit",
  matchedKey: "matched-key"
};

// src/handoff/run.ts
var State = { snapshot: "image-ids", hit: "hit", mainDone: "main-done" };
function maskSecrets(io) {
  for (const name of [Input.githubToken, Input.registryPassword]) {
    const secret = io.input(name).trim();
    if (secret !== "") io.setSecret(secret);
  }
}
function setImagesOutput(io, rows, dropped = []) {
  io.output(Output.images, JSON.stringify(rows));
  io.output(Output.droppedNames, JSON.stringify(dropped));
}
var writeSummary = (io, report) => io.summary(renderSummary(report));
async function runMain(io, engines = defaultEngines()) {
  let settings;
  try {
    maskSecrets(io);
    settings = parseInputs((name) => io.input(name));
    const chosen = settings;
    for (const warning2 of chosen.warnings) io.log.warning(warning2);
    await withDeps(
      chosen,
      io.log,
      engines,
      (deps) => chosen.mode === "save" ? mainSave(io, deps, chosen) : mainLoad(io, deps, chosen)
    );
  } catch (error) {
    if (settings?.mode === "auto" && error instanceof EngineUnreachable) return engineMiss(io, error);
    debugUnexpected(io.log, error);
    if (settings !== void 0 && settings.mode !== "save") io.output(Output.hit, "false");
    const message = withEntry(failureMessage(error), settings);
    io.fail(message);
    if (settings !== void 0) {
      const step = settings.mode === "save" ? "save" : "load";
      await writeSummary(io, failureSummary(step, settings.backend, settings.key, message)).catch(() => void 0);
    }
  }
}
function withEntry(message, settings) {
  if (settings === void 0 || message.includes(`"${settings.key}"`)) return message;
  return `${message} (entry "${settings.key}", backend: ${settings.backend})`;
}
function engineMiss(io, error) {
  io.log.warning(
    `Could not reach the container engine, continuing as a cache miss (the post step tries again to save what the job builds): ${error.message}`
  );
  io.output(Output.hit, "false");
  io.output(Output.matchedKey, "");
  setImagesOutput(io, []);
  io.saveState(State.snapshot, "[]");
  io.saveState(State.hit, "false");
  io.saveState(State.mainDone, "true");
}
async function mainSave(io, deps, settings) {
  const result = await deps.log.group("Save images", () => saveImages(deps, settings));
  setImagesOutput(io, result.rows, result.dropped);
  await writeSummary(io, saveSummary(settings.backend, settings.key, result));
}
async function mainLoad(io, deps, settings) {
  if (settings.backend === "artifact" && settings.restoreKeys.length > 0) {
    io.log.warning(
      'Input "restore-keys" does not apply to backend: artifact (an artifact is found by its exact name); ignoring it.'
    );
  }
  const result = await deps.log.group(
    "Load images",
    () => loadImages(deps, { ...settings, required: settings.mode === "load" })
  );
  io.output(Output.hit, String(result.hit));
  io.output(Output.matchedKey, result.matchedKey ?? "");
  setImagesOutput(io, result.rows, result.dropped);
  if (settings.mode === "auto") {
    const ids = (await deps.runtime.list()).map((i) => i.id);
    io.saveState(State.snapshot, JSON.stringify(ids));
    io.saveState(State.hit, String(result.hit));
    io.saveState(State.mainDone, "true");
  }
  await writeSummary(io, loadSummary(settings.backend, settings.key, result));
}
async function runPost(io, engines = defaultEngines()) {
  const { log: log2 } = io;
  try {
    maskSecrets(io);
    const settings = parseInputs((name) => io.input(name));
    if (settings.mode !== "auto") return;
    if (io.getState(State.mainDone) !== "true") {
      log2.warning(
        "The main step did not finish, so there is no record of the images present before the job; not saving."
      );
      return;
    }
    if (io.getState(State.hit) === "true") {
      log2.info(`The exact key "${settings.key}" was restored; not saving.`);
      return;
    }
    const before = new Set(JSON.parse(io.getState(State.snapshot) || "[]"));
    await withDeps(settings, io.log, engines, async (deps) => {
      const selection = changedSelection(await deps.runtime.list(), before, settings.images);
      if (selection.include.length === 0) {
        log2.info('No image was created or changed during the job (or none matches "images"); nothing to save.');
        return;
      }
      const result = await deps.log.group(
        "Save changed images",
        () => saveImages(deps, { ...settings, images: selection })
      );
      await writeSummary(io, saveSummary(settings.backend, settings.key, result));
    });
  } catch (error) {
    debugUnexpected(io.log, error);
    log2.warning(`Saving images in the post step failed: ${failureMessage(error)}`);
  }
}

export {
  coreIO,
  runMain,
  runPost
};
