/**
 * The benchmark's report: medians per scenario and method, ratios to the floor measured in the same run, one
 * markdown table to paste into the README, and one line per target of issue 7 saying met or not met.
 */
import { median } from './bench-proc.js'
import type { Scenario } from './bench-images.js'
import type { Method } from './bench-methods.js'
import type { Sample } from './bench-scenarios.js'

export interface Cell {
  scenario: Scenario
  method: Method
  samples: Sample[]
  errors: string[]
}

export interface Summary {
  save: number
  load: number
  total: number
  bytes: number
  previousBytes: number
  cpu: number
  engineCpu: number
  serviceCpu: number
  rss: number
}

const med = (values: number[]): number => (values.length ? median(values) : NaN)

export function summarize(cell: Cell): Summary {
  const s = cell.samples
  return {
    save: med(s.map((x) => x.save.seconds)),
    load: med(s.map((x) => x.load.seconds)),
    total: med(s.map((x) => x.save.seconds + x.load.seconds)),
    bytes: med(s.map((x) => x.bytes)),
    previousBytes: med(s.flatMap((x) => (x.previousBytes === undefined ? [] : [x.previousBytes]))),
    cpu: med(s.map((x) => x.save.cpu + x.load.cpu)),
    engineCpu: med(s.map((x) => x.save.engineCpu + x.load.engineCpu)),
    serviceCpu: med(s.map((x) => x.save.serviceCpu + x.load.serviceCpu)),
    rss: med(s.map((x) => Math.max(x.save.rss, x.load.rss)))
  }
}

const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-')
const times = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-')
const mb = (bytes: number): string => fixed(bytes / 1e6, 0)

function markdown(rows: string[][]): string {
  const line = (r: string[]): string => `| ${r.join(' | ')} |`
  return [line(rows[0]!), line(rows[0]!.map((_, i) => (i < 2 ? '---' : '---:'))), ...rows.slice(1).map(line)].join('\n')
}

/** Looks a cell's summary up by scenario and method id; undefined when not measured or never completed. */
export type Lookup = (scenario: string, method: string) => Summary | undefined

export function lookup(cells: Cell[]): Lookup {
  return (scenario, method) => {
    const cell = cells.find((c) => c.scenario.id === scenario && c.method.id === method)
    return cell && cell.samples.length ? summarize(cell) : undefined
  }
}

export function table(cells: Cell[], find: Lookup): string {
  const header = [
    'scenario',
    'method',
    'save s',
    'load s',
    'total s',
    'save/floor',
    'load/floor',
    'total/floor',
    'uploaded MB',
    '% of 1st save',
    'CPU s',
    'engine CPU s',
    'service CPU s',
    'peak RSS MB',
    'ok'
  ]
  const rows = cells.map((cell) => {
    const r = summarize(cell)
    const f = find(cell.scenario.id, 'floor')
    return [
      cell.scenario.label,
      cell.method.name,
      fixed(r.save, 2),
      fixed(r.load, 2),
      fixed(r.total, 2),
      times(r.save / (f?.save ?? NaN)),
      times(r.load / (f?.load ?? NaN)),
      times(r.total / (f?.total ?? NaN)),
      mb(r.bytes),
      Number.isFinite(r.previousBytes) ? `${fixed((100 * r.bytes) / r.previousBytes, 0)}%` : '',
      fixed(r.cpu),
      fixed(r.engineCpu),
      fixed(r.serviceCpu),
      mb(r.rss),
      `${cell.samples.length}/${cell.samples.length + cell.errors.length}`
    ]
  })
  const failures = cells.flatMap((c) =>
    c.errors.slice(0, 1).map((e) => `- ${c.scenario.label}, ${c.method.name}: ${e}`)
  )
  return markdown([header, ...rows]) + (failures.length ? `\n\nFailures (first per cell):\n${failures.join('\n')}` : '')
}

interface Target {
  what: string
  /** The figure, or undefined when a needed cell was not measured. */
  figure: (find: Lookup) => number | undefined
  met: (figure: number) => boolean
  show: (figure: number) => string
}

const ratio = (a: Summary | undefined, b: Summary | undefined, pick: (s: Summary) => number): number | undefined =>
  a && b ? pick(a) / pick(b) : undefined
const total = (s: Summary): number => s.total
const within =
  (limit: number) =>
  (x: number): boolean =>
    x <= limit
const atLeast =
  (limit: number) =>
  (x: number): boolean =>
    x >= limit

const targets: Target[] = [
  {
    what: 'cold, backend cache: total within 1.3x the floor',
    figure: (f) => ratio(f('cold', 'cache'), f('cold', 'floor'), total),
    met: within(1.3),
    show: times
  },
  {
    what: 'cold, backend cache: at least 3x faster than the recipe',
    figure: (f) => ratio(f('cold', 'recipe'), f('cold', 'cache'), total),
    met: atLeast(3),
    show: (x) => `${x.toFixed(2)}x faster`
  },
  {
    what: "cold, backend cache: at least 1.5x faster than the cache actions' shape",
    figure: (f) => ratio(f('cold', 'cache-shape'), f('cold', 'cache'), total),
    met: atLeast(1.5),
    show: (x) => `${x.toFixed(2)}x faster`
  },
  {
    what: 'cold, backend artifact: total within 1.6x the floor',
    figure: (f) => ratio(f('cold', 'artifact'), f('cold', 'floor'), total),
    met: within(1.6),
    show: times
  },
  ...['cache', 'local'].map((backend): Target => ({
    what: `top layer changed, backend ${backend}: 2nd save uploads under 10% of the 1st's bytes`,
    figure: (f) => {
      const s = f('top', backend)
      return s && (100 * s.bytes) / s.previousBytes
    },
    met: (x) => x < 10,
    show: (x) => `${x.toFixed(2)}%`
  })),
  {
    what: "engine holds the base, backend cache: load under 0.5x the floor's load",
    figure: (f) => ratio(f('base', 'cache'), f('base', 'floor'), (s) => s.load),
    met: (x) => x < 0.5,
    show: times
  },
  {
    what: 'engine holds the base, backend cache: handoff total under 0.5x the floor total',
    figure: (f) => ratio(f('base', 'cache'), f('base', 'floor'), total),
    met: (x) => x < 0.5,
    show: times
  },
  ...['cache', 'artifact', 'local'].map((backend): Target => ({
    what: `many images, backend ${backend}: the many images' total within 1.3x the one big image's`,
    figure: (f) => ratio(f('many', backend), f('one', backend), total),
    met: within(1.3),
    show: times
  }))
]

export function verdicts(find: Lookup): string[] {
  return targets.map((t) => {
    const x = t.figure(find)
    if (x === undefined || !Number.isFinite(x)) return `- ${t.what}: not measured`
    // Judged on the figure as printed, so that "1.30x" is never "not met" against 1.3.
    return `- ${t.what}: **${t.met(Math.round(x * 100) / 100) ? 'met' : 'not met'}** (${t.show(x)})`
  })
}

/** Figures to read the targets against: the baselines' many/one ratio, CPU per GB, the largest step. */
export function context(find: Lookup, methods: Method[], coldMegabytes: number): string[] {
  const by = (figure: (m: Method) => string | undefined): string =>
    methods
      .flatMap((m) => {
        const x = figure(m)
        return x === undefined ? [] : [`${m.id} ${x}`]
      })
      .join(', ')
  const many = by((m) => {
    const x = ratio(find('many', m.id), find('one', m.id), total)
    return x === undefined ? undefined : times(x)
  })
  const cpu = by((m) => {
    const s = find('cold', m.id)
    return s && fixed(s.cpu / (coldMegabytes / 1000), 1)
  })
  const rss = by((m) => {
    const s = find('cold', m.id)
    return s && Number.isFinite(s.rss) ? `${mb(s.rss)} MB` : undefined
  })
  return [
    many && `- many/one total ratio by method: ${many}`,
    cpu && `- CPU-seconds per GB of image (cold, save+load steps; engine CPU not included): ${cpu}`,
    rss &&
      `- peak RSS of a step, cold ${coldMegabytes} MB (the target is under 200 MB for a 2 GB image: BENCH_MB=2048 BENCH_SCENARIOS=cold): ${rss}`
  ].filter((line) => line !== '')
}
