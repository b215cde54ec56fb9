import { PassThrough, type Readable } from 'node:stream'
import type Dockerode from 'dockerode'
import { HandoffError, errorMessage } from '../../errors.js'
import { engineMessage } from './client.js'
import { ExecFrames } from './exec-frames.js'

/**
 * Runs a command inside a container through the Engine API (what `docker exec -i` does), streaming
 * `stdin` into it over the hijacked connection and its stdout out, with backpressure both ways.
 */
export function execInContainer(
  docker: Dockerode,
  container: { id: string; name: string },
  argv: string[],
  stdin?: Readable
): { stdout: Readable; done: Promise<void> } {
  const stdout = new PassThrough()
  const frames = new ExecFrames()
  const done = (async () => {
    const exec = await docker.getContainer(container.id).exec({
      Cmd: argv,
      AttachStdin: stdin !== undefined,
      AttachStdout: true,
      AttachStderr: true
    })
    const socket = (await exec.start({ hijack: true, stdin: stdin !== undefined })) as NodeJS.ReadWriteStream & Readable
    const ended = new Promise<void>((resolve, reject) => {
      socket.on('error', reject)
      frames.on('error', reject)
      frames.on('end', resolve)
    })
    socket.pipe(frames).pipe(stdout, { end: false })
    if (stdin) {
      // Ending stdin half-closes the connection, which the daemon passes on as EOF to the command.
      stdin.on('error', (error) => socket.destroy(error))
      stdin.pipe(socket)
    }
    await ended
    const { ExitCode } = await exec.inspect()
    if (ExitCode !== 0) {
      const said = frames.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${String(ExitCode)}`
      throw new HandoffError(`${argv.slice(0, 3).join(' ')} … in ${container.name} failed: ${said}`)
    }
  })().then(
    () => void stdout.end(),
    (error: unknown) => {
      const failure =
        error instanceof HandoffError
          ? error
          : new HandoffError(`exec in ${container.name} failed: ${engineMessage(error) || errorMessage(error)}`)
      stdout.destroy(failure)
      throw failure
    }
  )
  // The caller awaits `done`; this only keeps an early failure from counting as unhandled meanwhile.
  done.catch(() => undefined)
  // stdout errors reach the caller through `done`; the stream itself must not throw unhandled.
  stdout.on('error', () => undefined)
  return { stdout, done }
}
