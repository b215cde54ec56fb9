/**
 * The Actions toolkit libraries report some failures only as log lines (saveCache and restoreCache swallow
 * errors and return -1 or undefined). This reads those lines as they are written, so a backend can tell
 * a conflict from a quota error from a broken download. Output still reaches the job log unchanged.
 */
export type LineLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error'

export interface LibraryLine {
  level: LineLevel
  text: string
}

type Listener = (chunk: string) => void

const listeners = new Set<Listener>()
let original: typeof process.stdout.write | undefined

function install(): void {
  if (original) return
  const write = process.stdout.write
  original = write
  process.stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : ''
    for (const listener of listeners) listener(text)
    return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest)
  } as typeof process.stdout.write
}

function uninstall(): void {
  if (!original || listeners.size > 0) return
  process.stdout.write = original
  original = undefined
}

/** Runs `task` and returns what it resolved to with the lines written meanwhile (concurrent writers included). */
export async function withLibraryOutput<T>(task: () => Promise<T>): Promise<{ value: T; lines: LibraryLine[] }> {
  let buffered = ''
  const listener: Listener = (chunk) => {
    buffered += chunk
  }
  listeners.add(listener)
  install()
  try {
    const value = await task()
    return { value, lines: parseLines(buffered) }
  } finally {
    listeners.delete(listener)
    uninstall()
  }
}

const commandLevels: Record<string, LineLevel> = {
  debug: 'debug',
  notice: 'notice',
  warning: 'warning',
  error: 'error'
}

/** Workflow commands (`::warning::text`, with %-escaped newlines) become levelled lines; other text is info. */
export function parseLines(output: string): LibraryLine[] {
  return output
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => {
      const command = /^::(\w+)(?: [^:]*)?::(.*)$/.exec(line)
      const level = command ? commandLevels[command[1]] : undefined
      if (!command || !level) return { level: 'info', text: line }
      return { level, text: unescapeCommand(command[2]) }
    })
}

function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
