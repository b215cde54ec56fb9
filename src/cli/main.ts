/**
 * The CLI's binding of the core: the action's inputs from flags, the same save and load, log lines on stderr
 * (progress rewritten in place on a terminal), the result on stdout with --json, and an exit code per outcome.
 * Nothing here needs @actions/core.
 */
import { HandoffError, failureMessage } from '../errors.js'
import { parseInputs, type Settings } from '../inputs.js'
import { createStore } from '../backends/factory.js'
import type { Log } from '../handoff/log.js'
import { saveImages } from '../handoff/save.js'
import { EntryMissing, loadImages } from '../handoff/load.js'
import { defaultEngines, withDeps } from '../handoff/session.js'
import { terminalLine as neutralise } from '../handoff/safe-text.js'
import { parseArgs, usage, UsageError, type ParsedArgs } from './args.js'
import { entriesToPrune } from './prune.js'

export const ExitCode = { ok: 0, failed: 1, usage: 2, miss: 3 } as const

export interface CliIO {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean }
}

const progressLine = /^(export|load|upload): /

/** Log lines on stderr; on a terminal a progress line is redrawn in place until the next line. */
export function cliLog(stderr: CliIO['stderr'], debug: boolean): Log {
  let open = false
  const line = (text: string, transient = false): void => {
    const clean = neutralise(text)
    if (stderr.isTTY && transient) {
      stderr.write(`\r\x1b[K${clean}`)
      open = true
      return
    }
    stderr.write(`${open ? '\r\x1b[K' : ''}${clean}\n`)
    open = false
  }
  return {
    info: (m) => line(m, progressLine.test(m)),
    warning: (m) => line(`warning: ${m}`),
    debug: (m) => (debug ? line(`debug: ${m}`) : undefined),
    group: async (title, body) => {
      line(title)
      return body()
    }
  }
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIO): Promise<number> {
  let args: ParsedArgs | 'help'
  let settings: Settings
  try {
    args = parseArgs(argv, env)
    if (args === 'help') {
      io.stdout.write(usage)
      return ExitCode.ok
    }
    settings = parseInputs((name) => (args as ParsedArgs).inputs[name] ?? '', env)
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof HandoffError)) throw error
    io.stderr.write(`image-handoff: ${error.message}\n${error instanceof UsageError ? `\n${usage}` : ''}`)
    return ExitCode.usage
  }
  const log = cliLog(io.stderr, env.IMAGE_HANDOFF_DEBUG === '1')
  for (const warning of settings.warnings) log.warning(warning)
  try {
    const result = await run(args, settings, log, env)
    if (args.json) io.stdout.write(`${JSON.stringify(result)}\n`)
    else if (Array.isArray(result))
      for (const entry of result as { key: string; created: string }[])
        io.stdout.write(`${entry.created}  ${neutralise(entry.key)}\n`)
    return ExitCode.ok
  } catch (error) {
    io.stderr.write(`image-handoff: ${neutralise(failureMessage(error))}\n`)
    return error instanceof EntryMissing ? ExitCode.miss : ExitCode.failed
  }
}

async function run(args: ParsedArgs, settings: Settings, log: Log, env: NodeJS.ProcessEnv): Promise<unknown> {
  if (args.command === 'ls') return list(settings, log, env)
  if (args.command === 'rm') return remove(settings, log, env)
  if (args.prune !== undefined) return prune(settings, args.prune, log, env)
  return withDeps(settings, log, defaultEngines(env), async (deps) => {
    if (args.command === 'save') {
      const result = await saveImages(deps, settings)
      return { saved: result.outcome.saved, key: settings.key, images: result.rows }
    }
    const result = await loadImages(deps, { ...settings, required: true })
    return { hit: result.hit, 'matched-key': result.matchedKey ?? '', images: result.rows }
  })
}

async function remove(settings: Settings, log: Log, env: NodeJS.ProcessEnv): Promise<unknown> {
  const store = await createStore(settings, (m) => log.info(m), env)
  if (store.remove === undefined)
    throw new HandoffError(`rm removes entries of the local and registry stores; not of backend: ${settings.backend}.`)
  if (!(await store.remove(settings.key)))
    throw new EntryMissing(`No entry "${settings.key}" in the ${store.kind} store; nothing removed.`)
  return { removed: settings.key }
}

async function prune(
  settings: Settings,
  { prefix, keep }: { prefix: string; keep: number },
  log: Log,
  env: NodeJS.ProcessEnv
): Promise<unknown> {
  const store = await createStore(settings, (m) => log.debug(m), env)
  if (store.list === undefined || store.remove === undefined)
    throw new HandoffError(`prune works on the local and registry stores; not on backend: ${settings.backend}.`)
  const removed: string[] = []
  for (const entry of entriesToPrune(await store.list(), prefix, keep)) {
    if (!(await store.remove(entry.key))) continue
    removed.push(entry.key)
    log.info(`removed "${entry.key}" (saved ${new Date(entry.created).toISOString()})`)
  }
  if (removed.length === 0) log.info(`nothing to remove: at most ${keep} entries start with "${prefix}"`)
  return { removed }
}

async function list(settings: Settings, log: Log, env: NodeJS.ProcessEnv): Promise<unknown> {
  const store = await createStore(settings, (m) => log.debug(m), env)
  if (store.list === undefined)
    throw new HandoffError(`ls lists the local and registry stores; backend: ${settings.backend} has no listing.`)
  const entries = await store.list()
  if (entries.length === 0) log.info('no entries')
  return entries.map((e) => ({ key: e.key, created: new Date(e.created).toISOString() }))
}
