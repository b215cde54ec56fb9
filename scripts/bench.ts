/**
 * Performance of image-handoff as ratios to baselines measured in the same run on the same private engine,
 * because these machines are shared and noisy: absolute seconds mean little, ratios travel.
 *   (a) the engine's own floor: docker save -o, docker load -i
 *   (b) the field's recipe: docker save | gzip -6 (upload-artifact's zip level), gunzip | docker load
 *   image-handoff (dist/main.js run as the runner runs it), local backend, at several zstd levels
 * plus Node's zstd with and without ZSTD_c_nbWorkers (src/archive/compression.ts sets cores-1).
 * Every measurement runs BENCH_REPEATS times, interleaved, and the median is printed.
 * Env: BENCH_MB (image size, default 300), BENCH_REPEATS (3), BENCH_LEVELS (1,3,9), BENCH_IMAGES
 * (random,libs), BENCH_ZSTD (1; 0 skips the zstd section), BENCH_ZSTD_WORKERS (0,1,2), IMAGE_HANDOFF_ROOT
 * (the directory holding dist/, default the current one; the run uses a private copy of that dist/).
 */
import { access, mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDockerd, type Engine } from '../__tests__/support/engines.js'
import { buildCompressible, buildRandom, type BenchImage } from './bench-images.js'
import { engineFloor, ensurePresent, gzipRecipe, handoff, type Method } from './bench-methods.js'
import { bytesUnder, median, pipe, rerunOnSnapshot } from './bench-proc.js'
import { imageTable, render, summarize, type MethodRuns, type Summary } from './bench-table.js'
import { probe, probeFlag, runProbe, type ProbeMode, type ProbeResult } from './bench-zstd.js'

const env = process.env
const config = {
  megabytes: Number(env.BENCH_MB ?? 300),
  repeats: Number(env.BENCH_REPEATS ?? 3),
  levels: (env.BENCH_LEVELS ?? '1,3,9').split(',').map(Number),
  images: (env.BENCH_IMAGES ?? 'random,libs').split(','),
  zstd: env.BENCH_ZSTD !== '0',
  zstdWorkers: (env.BENCH_ZSTD_WORKERS ?? '0,1,2').split(',').map(Number)
}

const snapshotMarker = 'IH_BENCH_ON_SNAPSHOT'
const say = (text: string): void => console.log(`\n\u001b[1m== ${text}\u001b[0m`)
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!

interface Subject {
  image: BenchImage
  /** `docker save -o` of the image: its uncompressed size, a way back after a failed method, zstd's input. */
  reserve: string
  bytes: number
}

async function prepare(engine: Engine, work: string): Promise<Subject[]> {
  const subjects: Subject[] = []
  for (const kind of config.images) {
    const image = kind === 'random' ? await buildRandom(engine, config.megabytes) : await buildCompressible(engine, config.megabytes)
    const reserve = join(work, `${kind}.reserve.tar`)
    await pipe([['docker', '-H', engine.host, 'save', '-o', reserve, image.tag]])
    const bytes = await bytesUnder(reserve)
    console.log(`   ${image.tag} (${image.label}): archive ${(bytes / 1e6).toFixed(0)} MB, ${image.id.slice(0, 19)}`)
    subjects.push({ image, reserve, bytes })
  }
  return subjects
}

/** Runs every method on every image, `repeats` rounds, interleaved so drift on the machine hits all alike. */
async function measure(engine: Engine, work: string, subjects: Subject[], methods: Method[]): Promise<Map<Subject, MethodRuns[]>> {
  const results = new Map(subjects.map((s) => [s, methods.map((m): MethodRuns => ({ name: m.name, samples: [], errors: [] }))]))
  for (let round = 1; round <= config.repeats; round++) {
    for (const subject of subjects) {
      for (const [i, method] of methods.entries()) {
        const runs = results.get(subject)![i]!
        await ensurePresent(engine, subject.image, subject.reserve)
        try {
          const s = await method.run(engine, subject.image, work)
          runs.samples.push(s)
          console.log(`   [${round}] ${subject.image.tag} ${method.name}: save ${s.save.toFixed(2)} s, load ${s.load.toFixed(2)} s, stored ${(s.stored / 1e6).toFixed(0)} MB`)
        } catch (error) {
          runs.errors.push(message(error))
          console.log(`   [${round}] ${subject.image.tag} ${method.name}: FAILED ${message(error)}`)
        }
      }
    }
  }
  return results
}

/** One line on the default level (3), or the first level measured: the ratios a reader looks for. */
function verdict(rows: Summary[]): string {
  const [floor, recipe, ...ours] = rows as [Summary, Summary, ...Summary[]]
  const pick = ours.find((r) => r.name.endsWith('zstd -3') && r.ok > 0) ?? ours.find((r) => r.ok > 0)
  if (!pick) return ' => image-handoff did not complete a round trip here (see failures).'
  const x = (a: number, b: number): string => `${(a / b).toFixed(2)}x`
  return ` => ${pick.name}: save ${x(pick.save, floor.save)} and load ${x(pick.load, floor.load)} the engine's own time ` +
    `(docker save -o / load -i); round trip ${x(pick.save + pick.load, recipe.save + recipe.load)} the gzip recipe's; ` +
    `stores ${(pick.stored / recipe.stored).toFixed(2)}x the gzip file's bytes.`
}

function report(results: Map<Subject, MethodRuns[]>): void {
  for (const [subject, runs] of results) {
    const rows = runs.map(summarize)
    say(`${subject.image.label}: archive ${(subject.bytes / 1e6).toFixed(0)} MB, medians of ${config.repeats}`)
    console.log(imageTable(subject.bytes, rows, rows[0]!, rows[1]!))
    console.log(verdict(rows))
  }
  console.log('\n   MB/s = uncompressed archive MB / seconds. x-ratios = seconds / baseline seconds (below 1.00 = faster):')
  console.log('   (a) = docker save -o / load -i, (b) = save | gzip -6, gunzip | load. image-handoff times include Node start.')
}

const zstdPlan: { mode: ProbeMode; levels: number[] }[] = [
  { mode: 'node stream', levels: [1, 3] },
  { mode: 'node one-shot', levels: [3] },
  { mode: 'zstd CLI', levels: [1, 3] }
]

/** One table row: medians over the probes that finished, and how many crashed. */
async function probeRow(subject: Subject, mode: ProbeMode, level: number, workers: number, single: number): Promise<{ row: string[]; seconds: number }> {
  const tries: ProbeResult[] = []
  for (let i = 0; i < config.repeats; i++) tries.push(await probe(mode, workers, level, subject.reserve))
  const ok = tries.filter((t) => t.seconds !== undefined)
  const failed = tries.filter((t) => t.error)
  const seconds = ok.length ? median(ok.map((t) => t.seconds!)) : NaN
  const cores = ok.filter((t) => t.cores !== undefined).map((t) => t.cores!)
  const speed = ok.length ? (subject.bytes / 1e6 / seconds).toFixed(0) : '-'
  const base = workers === config.zstdWorkers[0] ? seconds : single
  return {
    seconds,
    row: [subject.image.label, mode, String(level), String(workers), speed,
      cores.length ? median(cores).toFixed(2) : '-',
      ok.length ? ((100 * ok[0]!.outBytes!) / subject.bytes).toFixed(1) : '-',
      ok.length && Number.isFinite(base) ? `${(base / seconds).toFixed(2)}x` : '-',
      failed.length ? `${failed.length}/${tries.length} ${failed[0]!.error}` : '']
  }
}

async function zstdSection(subjects: Subject[]): Promise<void> {
  say(`zstd compression of the saved archives, nbWorkers ${config.zstdWorkers.join('/')} (this machine: ${availableParallelism()} cores, Node ${process.version} zstd ${process.versions.zstd ?? '?'})`)
  const rows = [['archive', 'compressor', 'level', 'workers', 'MB/s', 'cores busy', 'out %', `speed/(${config.zstdWorkers[0]} workers)`, 'failures']]
  for (const subject of subjects) {
    for (const { mode, levels } of zstdPlan) {
      for (const level of levels) {
        let single = NaN
        for (const workers of config.zstdWorkers) {
          const { row, seconds } = await probeRow(subject, mode, level, workers, single)
          if (workers === config.zstdWorkers[0]) single = seconds
          rows.push(row)
        }
      }
    }
  }
  console.log(render(rows))
  console.log('   cores busy = process CPU seconds / wall seconds (Node probes only). MB/s is the median of the probes that finished;')
  console.log('   "crashed" = the child process died (ERR_STREAM_PUSH_AFTER_EOF is nodejs/node#59899: streaming zstd with nbWorkers >= 1).')
}

async function main(): Promise<void> {
  if (process.argv[2] === probeFlag) return runProbe(process.argv.slice(3))
  const root = env.IMAGE_HANDOFF_ROOT ?? process.cwd()
  const entry = join(root, 'dist', 'main.js')
  await access(entry).catch(() => {
    throw new Error(`${entry} is missing: run \`npm run bundle\` first (the benchmark runs the bundled action)`)
  })
  if (env[snapshotMarker] !== '1') {
    console.log(`Benchmarking ${entry}, built ${(await stat(entry)).mtime.toISOString()} (a private copy of its dist/)`)
    process.exitCode = await rerunOnSnapshot(root, snapshotMarker)
    return
  }
  console.log(`Node ${process.version}; ` +
    `BENCH_MB=${config.megabytes} BENCH_REPEATS=${config.repeats} BENCH_LEVELS=${config.levels.join(',')} BENCH_IMAGES=${config.images.join(',')}`)
  const started = Date.now()
  say('Starting a private dockerd and building the images')
  const engine = await startDockerd()
  // Interrupted, stop the private engine (it is detached and would outlive us), then go.
  const interrupted = (): void => void engine.stop().finally(() => process.exit(130))
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted)
  const work = await mkdtemp(join(tmpdir(), 'ih-bench-'))
  try {
    const subjects = await prepare(engine, work)
    say(`Round trips: ${config.repeats} rounds, each save -> rmi -> load (layers absent) -> image ID checked`)
    const methods = [engineFloor, gzipRecipe, ...config.levels.map(handoff)]
    report(await measure(engine, work, subjects, methods))
    if (config.zstd) await zstdSection(subjects)
    say(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    await rm(work, { recursive: true, force: true })
    await engine.stop()
  }
}

// Awaited at the top so a step that never settles ends the run with exit 13, not a silent 0.
await main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  console.error(`bench failed: ${code ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
