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
