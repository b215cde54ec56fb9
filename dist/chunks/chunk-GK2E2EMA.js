import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  EngineUnreachable,
  Input,
  escapeHtml,
  formatBytes,
  formatMs,
  loadImages,
  logLine,
  parseInputs,
  saveImages,
  selects,
  withDeps
} from "./chunk-A3FB56ZZ.js";
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
} from "./chunk-6AWRO27Y.js";
import {
  failureMessage
} from "./chunk-OOPN6O4Y.js";

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
async function writeSummary(report) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(renderSummary(report), true).write();
}
function escape(text) {
  return escapeHtml(text.replace(/[\r\n]+/g, " ")).replace(/[@`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// src/handoff/summaries.ts
var count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
var imagesIn = (rows) => new Set(rows.map((r) => r.id)).size;
function saveSummary(backend, key, result) {
  const t = result.transfer;
  const notes = t === void 0 ? [] : [
    `Exported ${formatBytes(t.archiveBytes)}; stored ${formatBytes(t.storedBytes)} in ${count(t.chunks - t.reusedChunks, "new chunk")}; reused ${formatBytes(t.reusedBytes)} (${count(t.reusedChunks, "chunk")} already stored).`
  ];
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

// src/handoff/run.ts
var State = { snapshot: "image-ids", hit: "hit", mainDone: "main-done" };
var log = {
  info: (m) => info(logLine(m)),
  warning: (m) => warning(m),
  debug: (m) => debug(m),
  group: (title, body) => group(title, body)
};
function maskSecrets() {
  for (const name of [Input.githubToken, Input.registryPassword]) {
    const secret = getInput(name).trim();
    if (secret !== "") setSecret(secret);
  }
}
var withDeps2 = (settings, body) => withDeps(settings, log, body);
function setImagesOutput(rows, dropped = []) {
  setOutput("images", JSON.stringify(rows));
  setOutput("dropped-names", JSON.stringify(dropped));
}
async function runMain() {
  let settings;
  try {
    maskSecrets();
    settings = parseInputs((name) => getInput(name));
    const chosen = settings;
    for (const warning2 of chosen.warnings) log.warning(warning2);
    await withDeps2(chosen, (deps) => chosen.mode === "save" ? mainSave(deps, chosen) : mainLoad(deps, chosen));
  } catch (error) {
    if (settings?.mode === "auto" && error instanceof EngineUnreachable) return engineMiss(error);
    if (settings !== void 0 && settings.mode !== "save") setOutput("hit", "false");
    const message = withEntry(failureMessage(error), settings);
    setFailed(message);
    if (settings !== void 0) {
      const step = settings.mode === "save" ? "save" : "load";
      await writeSummary(failureSummary(step, settings.backend, settings.key, message)).catch(() => void 0);
    }
  }
}
function withEntry(message, settings) {
  if (settings === void 0 || message.includes(`"${settings.key}"`)) return message;
  return `${message} (entry "${settings.key}", backend: ${settings.backend})`;
}
function engineMiss(error) {
  log.warning(
    `Could not reach the container engine, continuing as a cache miss (the post step tries again to save what the job builds): ${error.message}`
  );
  setOutput("hit", "false");
  setOutput("matched-key", "");
  setImagesOutput([]);
  saveState(State.snapshot, "[]");
  saveState(State.hit, "false");
  saveState(State.mainDone, "true");
}
async function mainSave(deps, settings) {
  const result = await deps.log.group("Save images", () => saveImages(deps, settings));
  setImagesOutput(result.rows, result.dropped);
  await writeSummary(saveSummary(settings.backend, settings.key, result));
}
async function mainLoad(deps, settings) {
  if (settings.backend === "artifact" && settings.restoreKeys.length > 0) {
    log.warning(
      'Input "restore-keys" does not apply to backend: artifact (an artifact is found by its exact name); ignoring it.'
    );
  }
  const result = await deps.log.group(
    "Load images",
    () => loadImages(deps, { ...settings, required: settings.mode === "load" })
  );
  setOutput("hit", String(result.hit));
  setOutput("matched-key", result.matchedKey ?? "");
  setImagesOutput(result.rows, result.dropped);
  if (settings.mode === "auto") {
    const ids = (await deps.runtime.list()).map((i) => i.id);
    saveState(State.snapshot, JSON.stringify(ids));
    saveState(State.hit, String(result.hit));
    saveState(State.mainDone, "true");
  }
  await writeSummary(loadSummary(settings.backend, settings.key, result));
}
async function runPost() {
  try {
    maskSecrets();
    const settings = parseInputs((name) => getInput(name));
    if (settings.mode !== "auto") return;
    if (getState(State.mainDone) !== "true") {
      log.warning(
        "The main step did not finish, so there is no record of the images present before the job; not saving."
      );
      return;
    }
    if (getState(State.hit) === "true") {
      log.info(`The exact key "${settings.key}" was restored; not saving.`);
      return;
    }
    const before = new Set(JSON.parse(getState(State.snapshot) || "[]"));
    await withDeps2(settings, async (deps) => {
      const selection = changedSelection(await deps.runtime.list(), before, settings.images);
      if (selection.include.length === 0) {
        log.info('No image was created or changed during the job (or none matches "images"); nothing to save.');
        return;
      }
      const result = await deps.log.group(
        "Save changed images",
        () => saveImages(deps, { ...settings, images: selection })
      );
      await writeSummary(saveSummary(settings.backend, settings.key, result));
    });
  } catch (error) {
    log.warning(`Saving images in the post step failed: ${failureMessage(error)}`);
  }
}

export {
  runMain,
  runPost
};
