/**
 * The benchmark of issue 7: handing images from a save job to a load job, every way, in one run on the same
 * two private dockerd (a save engine and a load engine) and fresh in-process stand-in GitHub services per
 * handoff, as ratios to the engine's own `docker save -o` + `docker load -i` measured in the same run
 * (these machines are shared and noisy: absolute seconds mean little, ratios travel).
 * Methods: the floor, the documented recipe (docker save + upload-artifact zip-6 + download + docker load), the
 * cache actions' shape (docker save + @actions/cache + docker load), and image-handoff's dist/main.js with each
 * backend. Scenarios: cold; top layer changed; load engine holds the base; many small images against one big.
 * Rounds are interleaved (round 1 of everything, then round 2, ...) and medians printed.
 * Env: BENCH_MB (app image size, default 300), BENCH_TOP_MB (its top layer, 10), BENCH_MANY (count x MB, 50x10),
 * BENCH_CONTENT (random, the default: layers of random bytes, which do not compress; text: a hex dump of random
 * bytes, which zstd halves),
 * BENCH_REPEATS (3), BENCH_SCENARIOS (cold,top,base,many), BENCH_METHODS (floor,recipe,cache-shape,cache,artifact,
 * local,registry; the floor always runs; registry runs a CNCF distribution registry of its own per handoff;
 * artifact-cross, not run by default, loads the artifact as another run's, through the REST API), BENCH_NET_MBPS (the stand-in's link to the jobs, MB/s each way, shared by all
 * connections as a runner's link is; default unlimited: loopback, which makes every transfer nearly free),
 * BENCH_STEP_LOGS (a directory: every step's output is appended to steps.log there), BENCH_DOCKER (the engines: 20.10, the system's, by default; 26-classic or 26-containerd, Docker 26.1 with either
 * image store, whose export is OCI layout and streams as it goes), BENCH_NODE_OPTIONS (NODE_OPTIONS of every step,
 * e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), IMAGE_HANDOFF_ROOT (the directory holding dist/, default the current one; the
 * run uses a private copy of that dist/).
 */
import { EventEmitter } from 'node:events'
import { access, mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, cpus, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { docker, startDockerd, type DockerFlavour, type Engine } from '../__tests__/support/engines.js'
import { buildScenarios, type Sizes } from './bench-images.js'
import { measuresRss } from './bench-jobs.js'
import { allMethods } from './bench-methods.js'
import { rerunOnSnapshot } from './bench-proc.js'
import { handoff, type Bench } from './bench-scenarios.js'
import { context, lookup, table, verdicts, type Cell } from './bench-table.js'
import { runToolkitStep, toolkitFlag } from './bench-toolkit.js'

const env = process.env
const list = (value: string | undefined, fallback: string): string[] =>
  (value || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
const [manyCount, manyEach] = (env.BENCH_MANY || '50x10').split('x').map(Number)
const config = {
  repeats: Number(env.BENCH_REPEATS || 3),
  scenarios: list(env.BENCH_SCENARIOS, 'cold,top,base,many'),
  methods: list(env.BENCH_METHODS, 'floor,recipe,cache-shape,cache,artifact,local,registry'),
  sizes: {
    megabytes: Number(env.BENCH_MB || 300),
    topMegabytes: Number(env.BENCH_TOP_MB || 10),
    many: { count: manyCount || 50, each: manyEach || 10 },
    content: (env.BENCH_CONTENT || 'random') as Sizes['content']
  } satisfies Sizes
}

if (!['random', 'text'].includes(config.sizes.content))
  throw new Error(`BENCH_CONTENT=${config.sizes.content}: use random or text`)
const flavours: DockerFlavour[] = ['20.10', '26-classic', '26-containerd']
const flavour = (env.BENCH_DOCKER || '20.10') as DockerFlavour
if (!flavours.includes(flavour)) throw new Error(`BENCH_DOCKER=${flavour}: use one of ${flavours.join(', ')}`)

// The stand-in services run in this process and read their link speed from here.
if (env.BENCH_NET_MBPS) env.IH_STANDIN_MBPS = env.BENCH_NET_MBPS

const snapshotMarker = 'IH_BENCH_ON_SNAPSHOT'
const say = (text: string): void => console.log(`\n\u001b[1m== ${text}\u001b[0m`)
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(0)} s`

async function machine(engine: Engine): Promise<string> {
  const server = await docker(engine, ['version', '--format', '{{.Server.Version}}']).catch(() => '?')
  return (
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ` +
    `Linux ${release()}, Docker ${server} (two private dockerd${flavour === '26-containerd' ? ', containerd image store' : ''}), Node ${process.version}; ` +
    `BENCH_MB=${config.sizes.megabytes} BENCH_TOP_MB=${config.sizes.topMegabytes} ` +
    `BENCH_MANY=${config.sizes.many.count}x${config.sizes.many.each} BENCH_CONTENT=${config.sizes.content} BENCH_REPEATS=${config.repeats}, ` +
    `stand-in network ${env.BENCH_NET_MBPS ? `${env.BENCH_NET_MBPS} MB/s each way` : 'unlimited (loopback)'}, medians.`
  )
}

async function measure(bench: Bench, entry: string): Promise<Cell[]> {
  const known = allMethods(entry)
  const unknown = config.methods.filter((id) => !known.some((m) => m.id === id))
  if (unknown.length)
    throw new Error(`unknown method ${unknown.join(', ')} in BENCH_METHODS (${known.map((m) => m.id).join(', ')})`)
  const methods = known.filter((m) => m.id === 'floor' || config.methods.includes(m.id))
  say(`Building the images of ${config.scenarios.join(', ')} on the save engine`)
  const scenarios = await buildScenarios(bench.saver, config.scenarios, config.sizes)
  const cells: Cell[] = scenarios.flatMap((scenario) =>
    methods.map((method) => ({ scenario, method, samples: [], errors: [] }))
  )
  say(`Handoffs: ${config.repeats} round(s) of ${cells.length}, each a save job then a load job, image IDs checked`)
  let n = 0
  for (let round = 1; round <= config.repeats; round++) {
    for (const cell of inRoundOrder(cells, methods.length, round)) {
      const tag = `[${round}] ${cell.scenario.label} | ${cell.method.name}`
      try {
        const s = await handoff(bench, cell.scenario, cell.method, ++n)
        cell.samples.push(s)
        console.log(
          `   ${tag}: save ${s.save.seconds.toFixed(2)} s, load ${s.load.seconds.toFixed(2)} s, ` +
            `${(s.bytes / 1e6).toFixed(0)} MB${s.previousBytes === undefined ? '' : ` (1st save ${(s.previousBytes / 1e6).toFixed(0)} MB)`}`
        )
      } catch (error) {
        cell.errors.push(message(error))
        console.log(`   ${tag}: FAILED ${message(error)}`)
      }
    }
  }
  return cells
}

/**
 * Each scenario's methods, rotated by one place per round: whichever runs first after a scenario's images are
 * swapped on the load engine pays for what the engine and the kernel still do about the last one (the floor,
 * always first, once took 3.9 s for a cold save where it took 2.0-2.5 s elsewhere in the same run), and every
 * method takes that turn.
 */
function inRoundOrder(cells: Cell[], perScenario: number, round: number): Cell[] {
  const shift = (round - 1) % perScenario
  const order: Cell[] = []
  for (let start = 0; start < cells.length; start += perScenario) {
    const group = cells.slice(start, start + perScenario)
    order.push(...group.slice(shift), ...group.slice(0, shift))
  }
  return order
}

function report(cells: Cell[], machineLine: string): void {
  const find = lookup(cells)
  say('Results (markdown, for the README)')
  console.log(`${machineLine}\n`)
  console.log(table(cells, find))
  console.log(
    '\nSeconds are wall time of the job steps (Node start included). Ratios are to the floor in the same scenario and run.' +
      ' Uploaded MB = blob bytes received by the stand-in services, or bytes written to the store (floor, local, registry: what the registry keeps, uncompressed).' +
      ' CPU s = user+sys of the steps and their children; engine CPU s = the dockerd process trees meanwhile;' +
      " service CPU s = this process meanwhile, mostly the in-process stand-ins of GitHub's services (GitHub's machines on a runner; the registry runs apart and is not counted)." +
      (measuresRss
        ? ' Peak RSS = the largest step process (children included).'
        : ' Peak RSS: /usr/bin/time is absent here.')
  )
  const lines = context(find, [...new Map(cells.map((c) => [c.method.id, c.method])).values()], config.sizes.megabytes)
  if (lines.length) console.log(`\n${lines.join('\n')}`)
  say('Targets of issue 7')
  console.log(verdicts(find).join('\n'))
}

async function main(): Promise<void> {
  if (process.argv[2] === toolkitFlag) return runToolkitStep(process.argv.slice(3))
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
  // The stand-in commits a block list by piping every block into one file stream, a set of listeners per block:
  // Node warns past 10 blocks. Harmless for a run this short; the warnings would only clutter the output.
  EventEmitter.defaultMaxListeners = 1000
  const started = Date.now()
  say('Starting two private dockerd: the save engine and the load engine')
  const engines: Engine[] = []
  // Interrupted, stop the private engines (they are detached and would outlive us), then go.
  const interrupted = (): void => void Promise.all(engines.map((e) => e.stop())).finally(() => process.exit(130))
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted)
  const work = await mkdtemp(join(tmpdir(), 'ih-bench-'))
  try {
    engines.push(await startDockerd(flavour))
    engines.push(await startDockerd(flavour))
    const bench: Bench = { saver: engines[0]!, loader: engines[1]!, work }
    const cells = await measure(bench, entry)
    report(cells, await machine(bench.saver))
    say(`Done in ${seconds(started)}`)
  } finally {
    await rm(work, { recursive: true, force: true })
    await Promise.all(engines.map((e) => e.stop()))
  }
}

// Awaited at the top so a step that never settles ends the run with exit 13, not a silent 0.
await main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  console.error(`bench failed: ${code ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
