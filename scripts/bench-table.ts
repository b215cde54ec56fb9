/** Text tables for the benchmark: medians, throughput on the uncompressed archive size, ratios to baselines. */
import { median } from './bench-proc.js'
import type { Sample } from './bench-methods.js'

export interface MethodRuns {
  name: string
  samples: Sample[]
  errors: string[]
}

export interface Summary {
  name: string
  save: number
  load: number
  stored: number
  ok: number
  tries: number
  error?: string
}

const mb = (bytes: number): number => bytes / 1e6

export function summarize(runs: MethodRuns): Summary {
  const tries = runs.samples.length + runs.errors.length
  if (runs.samples.length === 0) return { name: runs.name, save: NaN, load: NaN, stored: NaN, ok: 0, tries, error: runs.errors[0] }
  return {
    name: runs.name,
    save: median(runs.samples.map((s) => s.save)),
    load: median(runs.samples.map((s) => s.load)),
    stored: median(runs.samples.map((s) => s.stored)),
    ok: runs.samples.length,
    tries,
    ...(runs.errors[0] ? { error: runs.errors[0] } : {})
  }
}

export function render(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-')
const ratio = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-')

/**
 * One image's table. Throughput is the uncompressed archive size over the step's time; ratios are this
 * method's time over the baseline's time (below 1.00 = faster than the baseline).
 */
export function imageTable(archiveBytes: number, rows: Summary[], floor: Summary, recipe: Summary): string {
  const header = ['method', 'save s', 'save MB/s', 'load s', 'load MB/s', 'stored MB', 'stored %',
    'save/(a)', 'load/(a)', 'total/(a)', 'total/(b)', 'ok']
  const body = rows.map((r) => [
    r.name, fixed(r.save, 2), fixed(mb(archiveBytes) / r.save, 0), fixed(r.load, 2), fixed(mb(archiveBytes) / r.load, 0),
    fixed(mb(r.stored), 0), fixed((100 * r.stored) / archiveBytes, 0),
    ratio(r.save / floor.save), ratio(r.load / floor.load),
    ratio((r.save + r.load) / (floor.save + floor.load)), ratio((r.save + r.load) / (recipe.save + recipe.load)),
    `${r.ok}/${r.tries}`
  ])
  const failures = rows.filter((r) => r.error).map((r) => `  ${r.name}: ${r.error}`)
  return render([header, ...body]) + (failures.length ? `\n failures:\n${failures.join('\n')}` : '')
}
