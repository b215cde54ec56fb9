import * as core from '@actions/core'
import type { ActionIO } from './io.js'
import type { Log } from './log.js'
import { logLine } from './safe-text.js'

/**
 * The only module that talks to @actions/core. Plain log lines are neutralised (the runner would execute a line
 * starting with `::`); annotations, debug lines and group titles are workflow commands the toolkit escapes itself.
 */
const log: Log = {
  info: (m) => core.info(logLine(m)),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (title, body) => core.group(title, body)
}

export const coreIO: ActionIO = {
  log,
  input: (name) => core.getInput(name),
  output: (name, value) => core.setOutput(name, value),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  setSecret: (value) => core.setSecret(value),
  fail: (message) => core.setFailed(message),
  summary: async (html) => {
    if (!process.env.GITHUB_STEP_SUMMARY) return
    await core.summary.addRaw(html, true).write()
  }
}
