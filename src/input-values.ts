/** How an input's text becomes a value: pure, with a message that names the input. */
import { HandoffError } from './errors.js'

export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new HandoffError(`Input "${name}" is "${value}"; use one of: ${allowed.join(', ')}.`)
}

export function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new HandoffError(`Input "${name}" is "${value}"; give a whole number from ${min} to ${max}.`)
  }
  return n
}

export function boolean(name: string, value: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true
  if (/^(false|no|0|)$/i.test(value)) return false
  throw new HandoffError(`Input "${name}" is "${value}"; use true or false.`)
}

/** Inputs given with a backend they do not apply to: the step does what it can and says what it ignored. */
export function warnInapplicable(given: string[], only: string, backend: string, warnings: string[]): void {
  if (given.length === 0) return
  const names = given.map((name) => `"${name}"`).join(', ')
  warnings.push(
    `Input${given.length > 1 ? 's' : ''} ${names} appl${given.length > 1 ? 'y' : 'ies'} only to ${only}; ignored with backend: ${backend}.`
  )
}
