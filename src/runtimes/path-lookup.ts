import { access, constants } from 'node:fs/promises'
import { delimiter, join } from 'node:path'

/** True when `command` is an executable file in one of PATH's directories (checked before a tool is run, for a clear message). */
export async function isOnPath(command: string, path: string = process.env.PATH ?? ''): Promise<boolean> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    if (
      await access(join(dir, command), constants.X_OK).then(
        () => true,
        () => false
      )
    )
      return true
  }
  return false
}
