/**
 * Platforms, one rule each: how the action spells one (`os/arch[/variant]`), how a platform object or image config
 * reads as that spelling, and which descriptor a spelling picks. Pure.
 */
import { isRecord } from './model.js'

/** An OCI platform object, as the Engine API takes it. */
export interface Platform {
  os: string
  architecture: string
  variant?: string
}

/** `os/arch[/variant]`: lowercase letters and digits, `_` in the architecture (x86_64), as OCI spells them. */
const spelling = /^([a-z0-9]+)\/([a-z0-9_]+)(?:\/([a-z0-9]+))?$/

/** `linux/arm64/v8` → the platform object; undefined when the text is not of that form. */
export function parsePlatform(text: string): Platform | undefined {
  const match = spelling.exec(text.trim())
  if (match === null) return undefined
  const [, os = '', architecture = '', variant] = match
  return { os, architecture, ...(variant !== undefined ? { variant } : {}) }
}

/** `os/arch[/variant]` from an image config or an OCI platform object (either case of key), else undefined. */
export function platformOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined
  const os = value['os'] ?? value['OS']
  const arch = value['architecture'] ?? value['Architecture']
  const variant = value['variant'] ?? value['Variant']
  if (typeof os !== 'string' || typeof arch !== 'string' || os === '' || arch === '') return undefined
  return typeof variant === 'string' && variant !== '' ? `${os}/${arch}/${variant}` : `${os}/${arch}`
}

/** True when a platform object is `wanted` (`os/arch[/variant]`; any variant when none is given). */
export function matchesPlatform(platform: unknown, wanted: string): boolean {
  const want = parsePlatform(wanted)
  if (want === undefined || !isRecord(platform)) return false
  return (
    platform['os'] === want.os &&
    platform['architecture'] === want.architecture &&
    (want.variant === undefined || platform['variant'] === want.variant)
  )
}
