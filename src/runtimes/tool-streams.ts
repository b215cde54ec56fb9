import { PassThrough, type Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { errorMessage } from '../errors.js'

/** A tool's short text output (ctr's import lines, podman's load lines), read to the end. */
export async function readAll(stream: Readable): Promise<string> {
  let text = ''
  stream.setEncoding('utf8')
  for await (const chunk of stream) text += chunk as string
  return text
}

/**
 * A tool's stdout as an archive stream that ends only once the tool exited cleanly and is destroyed with
 * its error otherwise, so a consumer never takes a truncated archive for a whole one.
 */
export function outputUntilExit(stdout: Readable, done: Promise<unknown>): Readable {
  const out = new PassThrough()
  stdout.pipe(out, { end: false })
  Promise.all([finished(stdout), done]).then(
    () => out.end(),
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(errorMessage(error)))
  )
  return out
}
