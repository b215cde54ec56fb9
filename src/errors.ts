/**
 * A failure the user can act on: its message says what was wrong and what to do.
 * Anything else reaching the top is a bug or an environment fault and is reported with its cause.
 */
export class HandoffError extends Error {
  override readonly name = 'HandoffError'
}

/** One place that turns whatever was thrown into a message, so callers never test `instanceof Error`. */
export function errorMessage(error: unknown): string {
  // Checked by shape, not instanceof: errors made in another realm (Node's socket errors under jest's VM) fail instanceof.
  const message = (error as { message?: unknown } | null)?.message
  if (typeof message === 'string') return message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}

/** What an operating-system error means for the user and what to do, by its errno code. */
const systemErrors: Record<string, (where: string) => string> = {
  ENOSPC: (where) =>
    `the disk is full: no space left on the device while writing ${where}; free disk space (or point "path" at a larger disk) and run again`,
  EDQUOT: (where) =>
    `the disk quota is exhausted while writing ${where}; free space or raise the quota, then run again`,
  ENOTDIR: (where) =>
    `${where} cannot be used: a part of that path is a file, not a directory; point "path" at a directory (or remove the file) and run again`,
  EISDIR: (where) => `${where} is a directory where a file was expected; remove or rename it and run again`,
  EACCES: (where) =>
    `permission denied on ${where}; give the job's user access (or choose another directory) and run again`,
  EPERM: (where) =>
    `the operation on ${where} is not permitted; give the job's user access (or choose another directory) and run again`,
  EROFS: (where) => `${where} is on a read-only file system; point "path" at a writable directory and run again`,
  ENAMETOOLONG: (where) =>
    `the file name ${where} is too long for the file system; use a shorter key or path and run again`,
  EMFILE: (where) =>
    `too many open files while opening ${where}; raise the runner's open-file limit (ulimit -n) and run again`,
  ENOENT: (where) => `${where} does not exist; check the path and run again`
}

/** A sentence for an errno error (`ENOSPC`, `ENOTDIR`, …) naming the path it hit, or undefined for other errors. */
export function systemErrorMessage(error: unknown): string | undefined {
  const { code, path, syscall } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown }
  const describe = typeof code === 'string' && !(error instanceof HandoffError) ? systemErrors[code] : undefined
  if (describe === undefined) return undefined
  const where = typeof path === 'string' ? `"${path}"` : 'a file'
  return `${describe(where)} (${code}${typeof syscall === 'string' ? ` in ${syscall}` : ''})`
}

/** The message a failed step ends with: an errno error in words, anything else as it said itself. */
export function failureMessage(error: unknown): string {
  return systemErrorMessage(error) ?? errorMessage(error)
}
