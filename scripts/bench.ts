/**
 * Performance of image-handoff as ratios to baselines measured in the same run on the same private engine,
 * because these machines are shared and noisy: absolute seconds mean little, ratios travel.
 *   (a) the engine's own floor: docker save -o, docker load -i
 *   (b) the field's recipe: docker save | gzip -6 (upload-artifact's zip level), gunzip | docker load
 *   image-handoff (dist/main.js run as the runner runs it), local backend, at several zstd levels
 * plus Node's zstd with and without ZSTD_c_nbWorkers (src/archive/compression.ts sets cores-1).
 * Every measurement runs BENCH_REPEATS times, interleaved, and the median is printed.
 * Env: BENCH_MB (image size, default 300), BENCH_REPEATS (3), BENCH_LEVELS (1,3,9), BENCH_IMAGES
 * (random,libs), BENCH_ZSTD (1; 0 skips the zstd section), BENCH_ZSTD_WORKERS (0,1,2).
 */
import { access, mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDockerd, type Engine } from '../__tests__/support/engines.js'
import { buildCompressible, buildRandom, type BenchImage } from './bench-images.js'
import { engineFloor, ensurePresent, gzipRecipe, handoff, type Method } from './bench-methods.js'
import { bytesUnder, median, pipe } from './bench-proc.js'
import { imageTable, render, summarize, type MethodRuns } from './bench-table.js'
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

function report(results: Map<Subject, MethodRuns[]>): void {
  for (const [subject, runs] of results) {
    const rows = runs.map(summarize)
    say(`${subject.image.label}: archive ${(subject.bytes / 1e6).toFixed(0)} MB, medians of ${config.repeats}`)
    console.log(imageTable(subject.bytes, rows, rows[0]!, rows[1]!))
  }
  console.log('\n   MB/s = uncompressed archive MB / seconds. x-ratios = seconds / baseline seconds (below 1.00 = faster):')
  console.log('   (a) = docker save -o / load -i, (b) = save | gzip -6, gunzip | load. image-handoff times include Node start.')
}

const zstdPlan: { mode: ProbeMode; levels: number[] }[] = [
  { mode: 'node stream', levels: [1, 3] },
  { mode: 'node one-shot', levels: [3] },
  { mode: 'zstd CLI', levels: [1, 3] }
]

async function zstdSection(subjects: Subject[]): Promise<void> {
  say(`zstd compression of the saved archives, nbWorkers ${config.zstdWorkers.join('/')} (this machine: ${availableParallelism()} cores, Node ${process.version} zstd ${process.versions.zstd ?? '?'})`)
  const rows = [['archive', 'compressor', 'level', 'workers', 'MB/s', 'cores busy', 'out %', 'speed/(0 workers)']]
  for (const subject of subjects) {
    for (const { mode, levels } of zstdPlan) {
      for (const level of levels) {
        let single = NaN
        for (const workers of config.zstdWorkers) {
          const tries: ProbeResult[] = []
          for (let i = 0; i < config.repeats; i++) tries.push(await probe(mode, workers, level, subject.reserve))
          const ok = tries.filter((t) => t.seconds !== undefined)
          const seconds = ok.length ? median(ok.map((t) => t.seconds!)) : NaN
          if (workers === 0) single = seconds
          const failed = tries.find((t) => t.error)?.error
          rows.push([subject.image.label, mode, String(level), String(workers),
            ok.length ? (subject.bytes / 1e6 / seconds).toFixed(0) : (failed ?? '-'),
            ok[0]?.cores !== undefined ? median(ok.map((t) => t.cores!)).toFixed(2) : '-',
            ok.length ? ((100 * ok[0]!.outBytes!) / subject.bytes).toFixed(1) : '-',
            ok.length && Number.isFinite(single) ? `${(single / seconds).toFixed(2)}x` : '-'])
        }
      }
    }
  }
  console.log(render(rows))
  console.log('   cores busy = process CPU seconds / wall seconds (Node probes only). "crashed" = the child died on an uncaught error.')
}

async function main(): Promise<void> {
  if (process.argv[2] === probeFlag) return runProbe(process.argv.slice(3))
  const root = env.IMAGE_HANDOFF_ROOT ?? process.cwd()
  await access(join(root, 'dist', 'main.js')).catch(() => {
    throw new Error(`${join(root, 'dist', 'main.js')} is missing: run \`npm run bundle\` first (the benchmark runs the bundled action)`)
  })
  console.log(`dist/main.js built ${(await stat(join(root, 'dist', 'main.js'))).mtime.toISOString()}; ` +
    `BENCH_MB=${config.megabytes} BENCH_REPEATS=${config.repeats} BENCH_LEVELS=${config.levels.join(',')} BENCH_IMAGES=${config.images.join(',')}`)
  const started = Date.now()
  say('Starting a private dockerd and building the images')
  const engine = await startDockerd()
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
