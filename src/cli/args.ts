/**
 * The CLI's command line: `image-handoff <save|load|ls|rm|prune> [--input value]…`, the flags named like the action's
 * inputs. Pure: it turns argv (and IMAGE_HANDOFF_* variables) into the values the action would read as inputs,
 * so the same parseInputs validates both.
 */
import { Input } from '../inputs.js'

export type Command = 'save' | 'load' | 'ls' | 'rm' | 'prune'

export interface ParsedArgs {
  command: Command
  /** Input name → value, as core.getInput would return it ('' when not given). */
  inputs: Record<string, string>
  /** Print the result as JSON on stdout. */
  json: boolean
  /** prune: the key prefix whose older entries go, and how many of the newest stay. */
  prune?: { prefix: string; keep: number }
}

/** A command line the CLI cannot run: exit code 2, with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Inputs that take a list: the flag may be repeated, each value one line. */
const listInputs = new Set<string>([Input.images, Input.restoreKeys, Input.tags])
/** Inputs the CLI takes as flags: every input but `mode`, which the command sets. */
const flagInputs = new Set<string>(Object.values(Input).filter((name) => name !== Input.mode))
/** A flag without a value means true. */
const switchInputs = new Set<string>([Input.overwrite, Input.registryPullable])

/** `registry-password` → `IMAGE_HANDOFF_REGISTRY_PASSWORD`: secrets need not be on the command line. */
export const envName = (input: string): string => `IMAGE_HANDOFF_${input.replace(/-/g, '_').toUpperCase()}`

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = {}): ParsedArgs | 'help' {
  const [command, ...rest] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return 'help'
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}"; use ${commands.join(', ')}`)
  const given = new Map<string, string[]>()
  const own = new Map<string, string>()
  let json = false
  for (let at = 0; at < rest.length; at++) {
    const arg = rest[at] ?? ''
    if (arg === '--help' || arg === '-h') return 'help'
    if (arg === '--json') {
      json = true
      continue
    }
    const flag = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg)
    if (!flag) throw new UsageError(`unexpected argument "${arg}"; flags are --name value or --name=value`)
    const name = flag[1] ?? ''
    if (command === 'prune' && pruneFlags.includes(name)) {
      const value = flag[2] ?? rest[++at]
      if (value === undefined) throw new UsageError(`flag --${name} needs a value`)
      own.set(name, value)
      continue
    }
    if (!flagInputs.has(name)) throw new UsageError(`unknown flag --${name}`)
    let value = flag[2]
    if (value === undefined) {
      const next = rest[at + 1]
      if (switchInputs.has(name) && (next === undefined || next.startsWith('--'))) value = 'true'
      else if (next === undefined) throw new UsageError(`flag --${name} needs a value`)
      else {
        value = next
        at++
      }
    }
    if (given.has(name) && !listInputs.has(name)) throw new UsageError(`flag --${name} is given twice`)
    given.set(name, [...(given.get(name) ?? []), value])
  }
  const inputs: Record<string, string> = {}
  for (const name of flagInputs) inputs[name] = given.get(name)?.join('\n') ?? env[envName(name)] ?? ''
  inputs[Input.mode] = command === 'save' ? 'save' : 'load'
  if (inputs[Input.backend] === '') inputs[Input.backend] = defaultBackend(inputs)
  // ls and prune need no key; the action's parser wants one.
  if ((command === 'ls' || command === 'prune') && inputs[Input.key] === '') inputs[Input.key] = '-'
  return { command, inputs, json, ...(command === 'prune' ? { prune: pruneArgs(own) } : {}) }
}

const commands: Command[] = ['save', 'load', 'ls', 'rm', 'prune']
const isCommand = (text: string): text is Command => (commands as string[]).includes(text)
const pruneFlags = ['prefix', 'keep']

function pruneArgs(own: Map<string, string>): { prefix: string; keep: number } {
  const prefix = own.get('prefix') ?? ''
  if (prefix === '') throw new UsageError('prune needs --prefix: the start of the keys whose older entries go')
  const keepText = own.get('keep') ?? ''
  if (!/^\d+$/.test(keepText)) throw new UsageError(`prune needs --keep N, how many of the newest entries stay`)
  return { prefix, keep: Number(keepText) }
}

/** Off GitHub there is no Actions cache: the store is the registry or the directory given. */
function defaultBackend(inputs: Record<string, string>): string {
  if (inputs[Input.registry] !== '') return 'registry'
  if (inputs[Input.path] !== '') return 'local'
  throw new UsageError('say where the images are stored: --registry host/repository, or --path DIRECTORY')
}

export const usage = `Usage: image-handoff <command> [flags]

Commands:
  save   export images from the engine into the store under --key
  load   load the images stored under --key (or the newest --restore-keys match) into the engine
  ls     list the entries in the store, newest first
  rm     remove the entry under --key (its chunks stay: other entries may use them)
  prune  remove the entries whose key starts with --prefix, all but the newest --keep N

Where (one of):
  --registry HOST[:PORT]/REPOSITORY   an OCI registry (--registry-username, --registry-password)
  --path DIRECTORY                    a directory
  --backend cache|artifact            the GitHub stores, inside a GitHub Actions job

Flags are the action's inputs: --key, --images (repeatable), --restore-keys (repeatable), --tags (repeatable),
--runtime docker|containerd|podman, --containerd-address, --containerd-namespace, --platform,
--compression-level, --stall-timeout, --kind-cluster, ... Any input may come from IMAGE_HANDOFF_<NAME>
(IMAGE_HANDOFF_REGISTRY_PASSWORD). --json prints the result as JSON on stdout.

Exit codes: 0 done (a save whose key is already stored stores nothing and exits 0), 1 failed,
2 bad command line or input, 3 load (or rm) found no entry under the key or a restore key.
prune exits 0 when there was nothing to remove.
`
