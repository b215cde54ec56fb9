/** How sizes, durations and transfers read in logs and summaries, the same from every layer. */

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** `export: 1.2 GiB of 2.0 GiB (60%), 85 MB/s`; the total is left out when it is not known. */
export function transferLine(label: string, bytes: number, seconds: number, total?: number): string {
  const of = total !== undefined && total > 0 ? ` of ${formatBytes(total)} (${Math.floor((100 * bytes) / total)}%)` : ''
  return `${label}: ${formatBytes(bytes)}${of}, ${(bytes / 1e6 / Math.max(seconds, 0.001)).toFixed(0)} MB/s`
}
