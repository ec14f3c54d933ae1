#!/usr/bin/env node
/**
 * Whole-process benchmark of `plangate review --format json` on large plans.
 *
 *   npm run bench                          # 20,000 and 100,000 resources, 7 rounds
 *   BENCH_SIZES=20000 BENCH_RUNS=3 npm run bench
 *
 * For each plan size it generates (once, cached under .bench/) a synthetic
 * plan with scripts/make-big-plan.js, then runs N interleaved rounds of three
 * commands, each a fresh process with standard output sent to /dev/null:
 *
 *   plangate  node dist/cli.js review --format json PLAN
 *   floor     node -e "JSON.parse(require('fs').readFileSync(process.argv[1]))" PLAN
 *   jq        jq -r '.resource_changes[] | select(.change.actions | index("delete")) | .address' PLAN
 *
 * Wall time is measured around each child process; peak RSS is the child's
 * maximum resident set size reported by GNU time (`/usr/bin/time -f %M`).
 * The order of the three commands rotates every round so that none always
 * runs first. One unmeasured warm-up round per size fills the page cache.
 * plangate runs from a copy of dist/ taken at start (.bench/dist-snapshot/),
 * so rebuilding during a run cannot mix two builds.
 *
 * Goals (from the project issue): plangate time <= 1.0x the floor, peak RSS
 * <= 1.0x the floor, and jq time >= 2x plangate's.
 *
 * Two more commands in the same rounds time the starts, for a line that
 * says where the time ratio comes from (not a goal): `node` (`node -e 0`,
 * the start the floor pays too) and `start` (`node dist/cli.js --version`,
 * Node's start plus loading plangate). Without them, plangate's work on the
 * plan (its time minus `start`) is set against the floor's (minus `node`).
 *
 * Then attribution: scripts/make-attribution-repo.js builds (once, cached
 * under .bench/ until the generator changes) a git repository of 2,001 `.tf`
 * files and 1,000 commits after the tag `base`, and the plan of its head
 * with 500 destructive changes; N interleaved rounds time
 *
 *   review        node dist/cli.js review --format json PLAN
 *   attribution   node dist/cli.js review --format json PLAN --repo REPO --base base
 *
 * With BENCH_HUGE=1, the plan past V8's longest string: 100,000 resource
 * changes, each resource with an unchanged policy document in every section
 * that holds its values (about 726 MiB, generated once under .bench/), timed
 * against a plain byte-count pass over the file (`bytes`); the goals are
 * time <= 1.3x that pass and peak RSS <= 1.5 GB. The same plan gzipped
 * (`plangate gzip`, how large plans travel as artifacts; generated once
 * too) and the plan through a pipe (`plangate stdin`: `cat plan | plangate
 * review -`) are held to the same memory budget.
 *
 * With BENCH_HUGE=2, also a plan past 2 GiB (the same 100,000 changes with
 * policy documents four times as long, about 2.2 GiB; its gzip and the pipe
 * too), held to the same memory budget: past V8's longest string a plan
 * is read through a window, so memory follows the changes, not the file.
 * The run prints the peak RSS per resource change of both plans.
 *
 * With BENCH_MONOREPO=1, the matrix fan-in of a monorepo: 200 plans of 1-5
 * MB in one review, against 50 of them (time should grow about linearly:
 * at most 5x for the 4x files; peak RSS at most 2x) and against JSON.parse
 * of each of the 200 files in one process (`floor`); and the same 200 plans
 * in one 611 MB file, one after another, as `terragrunt run-all show -json`
 * writes them (past 512 MiB: read through the window).
 *
 * The last lines tally every goal the run checked (the sizes' table, the
 * huge plan's time and memory, the monorepo's growth) and name each one
 * missed; results.json holds them as `goals`.
 *
 * Environment: BENCH_SIZES (comma-separated resource counts, default
 * "20000,100000"), BENCH_RUNS (rounds, default 7), BENCH_ATTRIBUTION (0 skips
 * the attribution section), BENCH_HUGE and BENCH_MONOREPO (1 adds those
 * sections, at most 3 rounds each; BENCH_HUGE=2 the plan past 2 GiB too), BENCH_NODE (the Node binary that runs
 * plangate and the floors, default the one running this script: compare
 * Node 20 with the Node 24 the Action runs on), BENCH_OUT (where to write
 * the raw results as JSON, default .bench/results.json).
 *
 * The measured commands run without NODE_EXTRA_CA_CERTS: Node 20 reads those
 * certificates at every start (about 50 ms on a machine that sets it), which
 * none of the commands needs and which would be counted in every sample.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createGzip } from 'node:zlib'
import { makeAttributionRepo } from './make-attribution-repo.js'
import { makeBigPlan } from './make-big-plan.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const GENERATOR = join(ROOT, 'scripts', 'make-big-plan.js')
const CACHE = join(ROOT, '.bench')
const ATTRIBUTION_GENERATOR = join(ROOT, 'scripts', 'make-attribution-repo.js')
const ATTRIBUTION_REPO = join(CACHE, 'attribution-repo')
const ATTRIBUTION_PLAN = join(CACHE, 'attribution-plan.json')
/** Holds the generator's fingerprint once the repository and plan are complete. */
const ATTRIBUTION_STAMP = join(CACHE, 'attribution-repo.stamp')
/** dist/ is copied here at start, so a rebuild during the run cannot mix two builds. */
const SNAPSHOT = join(CACHE, 'dist-snapshot')
const TIME = '/usr/bin/time'
const JQ_FILTER =
  '.resource_changes[] | select(.change.actions | index("delete")) | .address'
const FLOOR_SCRIPT = "JSON.parse(require('fs').readFileSync(process.argv[1]))"

/** The Node binary of every measured Node command (BENCH_NODE, else this one). */
const NODE = process.env.BENCH_NODE?.trim()
  ? resolve(process.env.BENCH_NODE.trim())
  : process.execPath

/** Variables removed from the measured commands' environment, and why. */
const DROPPED_ENV = {
  NODE_EXTRA_CA_CERTS:
    'Node 20 reads those certificates at every start; no measured command uses TLS'
}

/** The environment of every measured command: this one's, minus DROPPED_ENV. */
const CHILD_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !(name in DROPPED_ENV))
)

/**
 * Short fingerprint of a bundle, to tell runs (and rebuilds) apart.
 * @param {string} path
 */
function fingerprint(path) {
  return createHash('sha256')
    .update(readFileSync(path))
    .digest('hex')
    .slice(0, 12)
}

/** Goals from the issue. */
const GOALS = { timeVsFloor: 1.0, rssVsFloor: 1.0, jqVsPlangate: 2 }
/** The huge plan's time goal: this many times a byte-count pass over the file. */
const HUGE_TIME_VS_BYTES = 1.3
/**
 * The monorepo's goals, "time roughly linear, memory not growing with the
 * sum of the files": 200 plans (4x the files of 50) within a quarter of 4x
 * the time, and at most half of 4x the peak RSS.
 */
const MONOREPO_TIME_GROWTH = 5
const MONOREPO_RSS_GROWTH = 2

/**
 * Stops with a one-line message and no stack.
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(2)
}

/**
 * @param {string} name
 * @param {string} fallback
 */
function envList(name, fallback) {
  const text = process.env[name]?.trim() || fallback
  return text.split(/[\s,]+/).filter((s) => s.length > 0)
}

/**
 * @param {string} name
 * @param {number} fallback
 */
function envInt(name, fallback) {
  const text = process.env[name]?.trim()
  if (text === undefined || text === '') return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1)
    fail(`${name} must be a positive integer, got "${text}"`)
  return n
}

/**
 * True when `command --version` runs.
 * @param {string} command
 */
function available(command) {
  const result = spawnSync(command, ['--version'], { stdio: 'ignore' })
  return result.error === undefined && result.status === 0
}

/**
 * @typedef {{ name: string, argv: string[], okCodes: number[] }} Command
 * @typedef {{ seconds: number, rssKb: number }} Sample
 * @typedef {{ section: string, label: string, value: string, goal: string, ok: boolean }} Goal
 */

/**
 * Runs one command as a child of GNU time: wall time measured here,
 * peak RSS read from time's output file.
 * @param {Command} command
 * @returns {Sample}
 */
function measure(command) {
  const report = join(CACHE, `time-${process.pid}.txt`)
  const started = process.hrtime.bigint()
  const result = spawnSync(
    TIME,
    ['-f', '%e %M', '-o', report, ...command.argv],
    {
      env: CHILD_ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024
    }
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.error !== undefined)
    fail(`cannot run ${command.name}: ${result.error.message}`)
  const status = result.status ?? -1
  if (!command.okCodes.includes(status)) {
    const stderr = result.stderr.toString('utf8').trim().split('\n')
    fail(
      `${command.name} exited with ${status} (expected ${command.okCodes.join(' or ')}):\n  ${stderr.slice(-5).join('\n  ')}`
    )
  }
  const fields = readFileSync(report, 'utf8').trim().split('\n').pop() ?? ''
  rmSync(report, { force: true })
  const rssKb = Number(fields.split(' ')[1])
  if (!Number.isFinite(rssKb))
    fail(`could not read peak RSS from ${TIME} output "${fields}"`)
  return { seconds, rssKb }
}

/**
 * The median over rounds of one command's time over another's in the same
 * round: on a machine whose speed drifts (a shared one), steadier than the
 * ratio of the two medians, which can come from different rounds.
 * @param {Record<string, Sample[]>} samples
 * @param {string} top
 * @param {string} bottom
 */
function perRound(samples, top, bottom) {
  const a = samples[top] ?? []
  const b = samples[bottom] ?? []
  return median(
    a.slice(0, b.length).map((s, k) => s.seconds / (b[k]?.seconds ?? NaN))
  )
}

/** @param {number[]} values */
function median(values) {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1
    ? /** @type {number} */ (s[mid])
    : /** @type {number} */ (s[mid - 1] + /** @type {number} */ (s[mid])) / 2
}

/** @param {Sample[]} samples */
function summarize(samples) {
  const t = samples.map((s) => s.seconds)
  const m = samples.map((s) => s.rssKb / 1024)
  return {
    seconds: { median: median(t), min: Math.min(...t), max: Math.max(...t) },
    rssMb: { median: median(m), min: Math.min(...m), max: Math.max(...m) }
  }
}

/**
 * Generates the plan for `size` resources unless a cached one is newer than
 * the generator.
 * @param {number} size
 */
async function planFor(size) {
  const path = join(CACHE, `plan-${size}.json`)
  const fresh =
    existsSync(path) && statSync(path).mtimeMs >= statSync(GENERATOR).mtimeMs
  if (!fresh) {
    process.stdout.write(`generating ${relative(ROOT, path)} ... `)
    const started = performance.now()
    const { counts } = await makeBigPlan(size, `${path}.tmp`)
    // Rename only a complete file: an interrupted run never leaves a truncated plan.
    renameSync(`${path}.tmp`, path)
    process.stdout.write(
      `${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(
        counts
      )
        .map(([a, n]) => `${a} ${n}`)
        .join(', ')})\n`
    )
  }
  return { path, bytes: statSync(path).size }
}

/**
 * Builds the attribution repository and plan unless both exist and were made
 * by the current generator (its sha256 is kept in a stamp file written last).
 */
function attributionFixture() {
  const want = fingerprint(ATTRIBUTION_GENERATOR)
  const fresh =
    existsSync(ATTRIBUTION_STAMP) &&
    readFileSync(ATTRIBUTION_STAMP, 'utf8').trim() === want &&
    existsSync(ATTRIBUTION_REPO) &&
    existsSync(ATTRIBUTION_PLAN)
  if (!fresh) {
    process.stdout.write(
      `generating ${relative(ROOT, ATTRIBUTION_REPO)}/ and ${relative(ROOT, ATTRIBUTION_PLAN)} ... `
    )
    const started = performance.now()
    rmSync(ATTRIBUTION_STAMP, { force: true })
    // Build beside the cache and rename: an interrupted run leaves no half repository.
    const made = makeAttributionRepo(
      `${ATTRIBUTION_REPO}.tmp`,
      `${ATTRIBUTION_PLAN}.tmp`
    )
    rmSync(ATTRIBUTION_REPO, { recursive: true, force: true })
    renameSync(`${ATTRIBUTION_REPO}.tmp`, ATTRIBUTION_REPO)
    renameSync(`${ATTRIBUTION_PLAN}.tmp`, ATTRIBUTION_PLAN)
    writeFileSync(ATTRIBUTION_STAMP, `${want}\n`)
    process.stdout.write(
      `${((performance.now() - started) / 1000).toFixed(1)} s (${made.files} .tf files, ${made.commits} commits, ${made.aiCommits} with AI trailers; ${Object.entries(
        made.counts
      )
        .map(([a, n]) => `${a} ${n}`)
        .join(', ')})\n`
    )
  }
  return {
    repo: ATTRIBUTION_REPO,
    plan: ATTRIBUTION_PLAN,
    bytes: statSync(ATTRIBUTION_PLAN).size
  }
}

/**
 * One unmeasured attribution run whose report is read back, to show that the
 * timed runs really attribute: commits read, destructive changes pinned to a
 * commit, changes gated.
 * @param {string[]} argv
 */
function attributionCheck(argv) {
  const [command, ...args] = argv
  const result = spawnSync(/** @type {string} */ (command), args, {
    env: CHILD_ENV,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (result.status !== 0 && result.status !== 1)
    fail(
      `attribution exited with ${result.status}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`
    )
  /** @type {{ commits: { verdict: string }[], decision: { gated: unknown[] }, plans: { changes: { causedBy?: string[] }[] }[] }} */
  const report = JSON.parse(result.stdout)
  const attributed = report.plans
    .flatMap((p) => p.changes)
    .filter((c) => c.causedBy !== undefined)
  return {
    commits: report.commits.length,
    aiCommits: report.commits.filter((c) => c.verdict === 'ai').length,
    destructive: attributed.length,
    pinned: attributed.filter((c) => (c.causedBy ?? []).length > 0).length,
    gated: report.decision.gated.length
  }
}

/** @param {number} n @param {number} digits */
const fixed = (n, digits) => n.toFixed(digits)

/**
 * @param {string[][]} rows
 * @param {('l'|'r')[]} align
 */
function table(rows, align) {
  const widths = rows[0]?.map((_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').length))
  )
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          align[i] === 'r'
            ? cell.padStart(widths?.[i] ?? 0)
            : cell.padEnd(widths?.[i] ?? 0)
        )
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

async function main() {
  if (!existsSync(CLI))
    fail(`${relative(ROOT, CLI)} is missing: run \`npm run build\` first`)
  if (!existsSync(TIME))
    fail(
      `${TIME} (GNU time) is missing: it measures peak RSS. Install it (Debian/Ubuntu: \`apt-get install time\`)`
    )
  const nodeVersion = spawnSync(NODE, ['--version'], { encoding: 'utf8' })
  if (nodeVersion.error !== undefined || nodeVersion.status !== 0)
    fail(
      `BENCH_NODE: cannot run ${NODE} --version (${nodeVersion.error?.message ?? `exit ${nodeVersion.status}`})`
    )
  const hasJq = available('jq')
  const sizes = envList('BENCH_SIZES', '20000,100000').map((s) => {
    const n = Number(s)
    if (!Number.isInteger(n) || n < 1)
      fail(`BENCH_SIZES must list positive integers, got "${s}"`)
    return n
  })
  const runs = envInt('BENCH_RUNS', 7)
  const withAttribution = process.env.BENCH_ATTRIBUTION?.trim() !== '0'
  const out = resolve(
    ROOT,
    process.env.BENCH_OUT?.trim() || join('.bench', 'results.json')
  )
  mkdirSync(CACHE, { recursive: true })

  const jqVersion = hasJq
    ? spawnSync('jq', ['--version'], { encoding: 'utf8' }).stdout.trim()
    : 'jq missing'
  // Measure a copy of dist/ (the bundle is self-contained; the copy resolves
  // node_modules and package.json "type" exactly as dist/ does).
  rmSync(SNAPSHOT, { recursive: true, force: true })
  cpSync(dirname(CLI), SNAPSHOT, { recursive: true })
  const cliUnderTest = join(SNAPSHOT, 'cli.js')
  const bundle = fingerprint(cliUnderTest)
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: nodeVersion.stdout.trim(),
    jq: jqVersion,
    platform: `${process.platform} ${process.arch}`
  }
  process.stdout.write(
    `plangate benchmark: ${runs} round${runs === 1 ? '' : 's'} per size, sizes ${sizes.join(', ')}\n` +
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; node ${machine.node}; ${machine.jq}\n` +
      `bundle: dist/cli.js sha256 ${bundle} (measured from a copy in ${relative(ROOT, SNAPSHOT)}/)\n`
  )
  if (NODE !== process.execPath)
    process.stdout.write(`node under test: ${NODE} (BENCH_NODE)\n`)
  for (const [name, why] of Object.entries(DROPPED_ENV))
    if (process.env[name] !== undefined)
      process.stdout.write(
        `note: ${name} is set here and removed for the measured commands (${why})\n`
      )
  if (!hasJq)
    process.stdout.write(
      'note: jq is not on PATH; the jq column and the jq goal are skipped\n'
    )

  const results = []
  /** @type {Goal[]} The goals of the sizes' table, then those of the sections after it. */
  const goals = []
  /** @type {Goal[]} */
  const sectionGoals = []
  for (const size of sizes) {
    const plan = await planFor(size)
    /** @type {Command[]} */
    const commands = [
      {
        name: 'plangate',
        argv: [NODE, cliUnderTest, 'review', '--format', 'json', plan.path],
        okCodes: [0, 1] // 1 = blocked, expected: the plan has destroys
      },
      {
        name: 'floor',
        argv: [NODE, '-e', FLOOR_SCRIPT, plan.path],
        okCodes: [0]
      },
      {
        name: 'start',
        argv: [NODE, cliUnderTest, '--version'],
        okCodes: [0]
      },
      { name: 'node', argv: [NODE, '-e', '0'], okCodes: [0] }
    ]
    if (hasJq)
      commands.push({
        name: 'jq',
        argv: ['jq', '-r', JQ_FILTER, plan.path],
        okCodes: [0]
      })
    process.stdout.write(
      `\n${size} resources: ${relative(ROOT, plan.path)}, ${fixed(plan.bytes / 1e6, 1)} MB\n  warm-up`
    )
    const { samples, stats } = interleavedRounds(commands, runs)
    process.stdout.write('\n')
    results.push({ size, bytes: plan.bytes, runs, stats, samples })
  }

  let attribution
  if (withAttribution && !available('git'))
    process.stdout.write(
      '\nnote: git is not on PATH; the attribution section is skipped\n'
    )
  else if (withAttribution) {
    const fixture = attributionFixture()
    const review = [
      NODE,
      cliUnderTest,
      'review',
      '--format',
      'json',
      fixture.plan
    ]
    /** @type {Command[]} */
    const commands = [
      { name: 'review', argv: review, okCodes: [0, 1] },
      {
        name: 'attribution',
        argv: [...review, '--repo', fixture.repo, '--base', 'base'],
        okCodes: [0, 1] // 1 = blocked: AI commits caused some of the destroys
      }
    ]
    process.stdout.write(
      `\nattribution: ${relative(ROOT, fixture.repo)}/, ${relative(ROOT, fixture.plan)} ${fixed(fixture.bytes / 1e6, 1)} MB\n  warm-up`
    )
    const check = attributionCheck(/** @type {Command} */ (commands[1]).argv)
    for (const command of commands) measure(command)
    /** @type {Record<string, Sample[]>} */
    const samples = { review: [], attribution: [] }
    for (let round = 0; round < runs; round++) {
      process.stdout.write(` ${round + 1}`)
      for (let k = 0; k < commands.length; k++) {
        const command = /** @type {Command} */ (
          commands[(round + k) % commands.length]
        )
        samples[command.name]?.push(measure(command))
      }
    }
    process.stdout.write('\n')
    attribution = {
      bytes: fixture.bytes,
      runs,
      check,
      stats: {
        review: summarize(samples.review ?? []),
        attribution: summarize(samples.attribution ?? [])
      },
      samples
    }
  }

  /** @type {Record<string, unknown>} */
  const extra = {}
  const hugeLevel = process.env.BENCH_HUGE?.trim()
  if (hugeLevel === '1' || hugeLevel === '2') {
    const huge = await hugeSection(cliUnderTest, Math.min(runs, 3), HUGE)
    extra.huge = huge
    sectionGoals.push(...huge.goals)
  }
  if (hugeLevel === '2') {
    const past = await hugeSection(cliUnderTest, Math.min(runs, 3), PAST_2_GIB)
    extra.past2GiB = past
    sectionGoals.push(...past.goals)
  }
  if (process.env.BENCH_MONOREPO?.trim() === '1') {
    const monorepo = await monorepoSection(cliUnderTest, Math.min(runs, 3))
    extra.monorepo = monorepo
    sectionGoals.push(...monorepo.goals)
  }

  const bundleAfter = fingerprint(CLI)
  if (bundleAfter !== bundle)
    process.stdout.write(
      `\nnote: dist/cli.js was rebuilt during the run (now ${bundleAfter}); these numbers are for ${bundle}\n`
    )

  // Report.
  const rows = [
    [
      'resources',
      'MB',
      'command',
      'time median s',
      'min',
      'max',
      'peak RSS median MB',
      'min',
      'max'
    ]
  ]
  for (const r of results) {
    for (const [name, s] of Object.entries(r.stats)) {
      rows.push([
        String(r.size),
        fixed(r.bytes / 1e6, 1),
        name,
        fixed(s.seconds.median, 2),
        fixed(s.seconds.min, 2),
        fixed(s.seconds.max, 2),
        fixed(s.rssMb.median, 0),
        fixed(s.rssMb.min, 0),
        fixed(s.rssMb.max, 0)
      ])
    }
  }
  process.stdout.write(
    `\n${table(rows, ['r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r'])}\n`
  )

  const goalRows = [['resources', 'ratio', 'value', 'goal', '']]
  for (const r of results) {
    const p = r.stats.plangate
    const f = r.stats.floor
    const j = r.stats.jq
    if (p === undefined || f === undefined) continue
    const checks = [
      [
        `plangate/floor time (per round ${fixed(perRound(r.samples, 'plangate', 'floor'), 2)}x)`,
        p.seconds.median / f.seconds.median,
        `<= ${GOALS.timeVsFloor}x`,
        p.seconds.median / f.seconds.median <= GOALS.timeVsFloor
      ],
      [
        'plangate/floor peak RSS',
        p.rssMb.median / f.rssMb.median,
        `<= ${GOALS.rssVsFloor}x`,
        p.rssMb.median / f.rssMb.median <= GOALS.rssVsFloor
      ]
    ]
    if (j !== undefined)
      checks.push([
        'jq/plangate time',
        j.seconds.median / p.seconds.median,
        `>= ${GOALS.jqVsPlangate}x`,
        j.seconds.median / p.seconds.median >= GOALS.jqVsPlangate
      ])
    for (const [label, value, goal, ok] of checks) {
      goals.push({
        section: `${r.size} resources`,
        label: String(label).replace(/ \(per round .*\)$/, ''),
        value: `${fixed(Number(value), 2)}x`,
        goal: String(goal),
        ok: Boolean(ok)
      })
      goalRows.push([
        String(r.size),
        String(label),
        `${fixed(Number(value), 2)}x`,
        String(goal),
        verdict(Boolean(ok))
      ])
    }
    if (j === undefined)
      goalRows.push([
        String(r.size),
        'jq/plangate time',
        '-',
        '>= 2x',
        'SKIPPED (no jq)'
      ])
  }
  process.stdout.write(
    `\nGoals (medians of ${runs} whole-process runs):\n${table(goalRows, ['r', 'l', 'r', 'l', 'l'])}\n`
  )
  for (const r of results) {
    const line = withoutStarts(r.stats)
    if (line !== undefined)
      process.stdout.write(`${r.size} resources, without the starts: ${line}\n`)
  }
  if (attribution !== undefined) {
    const { review, attribution: attr } = attribution.stats
    const c = attribution.check
    const attributionRows = [
      [
        'command',
        'time median s',
        'min',
        'max',
        'peak RSS median MB',
        'min',
        'max'
      ],
      ...[
        ['review', review],
        ['review --repo --base', attr]
      ].map(([name, st]) => {
        const s = /** @type {ReturnType<typeof summarize>} */ (st)
        return [
          String(name),
          fixed(s.seconds.median, 2),
          fixed(s.seconds.min, 2),
          fixed(s.seconds.max, 2),
          fixed(s.rssMb.median, 0),
          fixed(s.rssMb.min, 0),
          fixed(s.rssMb.max, 0)
        ]
      })
    ]
    process.stdout.write(
      `\nAttribution (medians of ${runs} whole-process runs): ${c.commits} commits (${c.aiCommits} AI), ` +
        `${c.pinned} of ${c.destructive} destructive changes pinned to a commit, ${c.gated} gated\n` +
        `${table(attributionRows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'])}\n` +
        `attribution/review time ${fixed(attr.seconds.median / review.seconds.median, 2)}x ` +
        `(+${fixed(attr.seconds.median - review.seconds.median, 2)} s), ` +
        `peak RSS ${fixed(attr.rssMb.median / review.rssMb.median, 2)}x\n`
    )
  }
  goals.push(...sectionGoals)
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        results,
        attribution,
        ...extra,
        goals
      },
      null,
      2
    ) + '\n'
  )
  const missed = goals.filter((g) => !g.ok)
  process.stdout.write(
    `\n${
      missed.length === 0
        ? `all ${goals.length} goals met`
        : `${missed.length} of ${goals.length} goals missed:\n${missed
            .map(
              (g) => `  ${g.section}: ${g.label} ${g.value} (goal ${g.goal})`
            )
            .join('\n')}`
    }\nraw results in ${relative(ROOT, out)}\n`
  )
}

/**
 * A goal of a section: prints nothing, returns the record for the tally.
 * @param {string} section
 * @param {string} label
 * @param {string} value
 * @param {string} goal
 * @param {boolean} ok
 * @returns {Goal}
 */
function goalOf(section, label, value, goal, ok) {
  return { section, label, value, goal, ok }
}

/** @param {boolean} ok */
function verdict(ok) {
  return ok ? 'PASS' : 'MISS'
}

/**
 * @typedef {{ title: string, file: string, resources: number, policyBytes: number, timeGoal: boolean }} HugePlan
 */

/** @type {HugePlan} The plan past V8's longest string: resources and policy size. */
const HUGE = {
  title: 'huge plan',
  file: 'plan-huge.json',
  resources: 100000,
  policyBytes: 1120,
  timeGoal: true
}

/** @type {HugePlan} The plan past 2 GiB (BENCH_HUGE=2): the same changes, longer policies. */
const PAST_2_GIB = {
  title: 'past 2 GiB',
  file: 'plan-past-2gib.json',
  resources: 100000,
  policyBytes: 4800,
  timeGoal: false
}
const HUGE_RSS_BUDGET_MB = 1500
const BYTES_SCRIPT =
  "let n=0;const s=require('fs').createReadStream(process.argv[1],{highWaterMark:1<<20});s.on('data',(c)=>{n+=c.length});s.on('end',()=>console.log(n))"

/**
 * One unmeasured warm-up run of each command, then `runs` rounds of all of
 * them in an order that rotates every round (printing each round's number).
 * @param {Command[]} commands
 * @param {number} runs
 */
function interleavedRounds(commands, runs) {
  for (const command of commands) measure(command)
  /** @type {Record<string, Sample[]>} */
  const samples = Object.fromEntries(commands.map((c) => [c.name, []]))
  for (let round = 0; round < runs; round++) {
    process.stdout.write(` ${round + 1}`)
    for (let k = 0; k < commands.length; k++) {
      const command = /** @type {Command} */ (
        commands[(round + k) % commands.length]
      )
      samples[command.name]?.push(measure(command))
    }
  }
  const stats = Object.fromEntries(
    commands.map((c) => [c.name, summarize(samples[c.name] ?? [])])
  )
  return { samples, stats }
}

/**
 * Runs interleaved rounds of some commands and prints their medians.
 * @param {string} title
 * @param {Command[]} commands
 * @param {number} runs
 */
function timeCommands(title, commands, runs) {
  process.stdout.write(`\n${title}\n  warm-up`)
  const { samples, stats } = interleavedRounds(commands, runs)
  const rows = [
    ['command', 'time median s', 'min', 'max', 'peak RSS median MB']
  ]
  for (const [name, st] of Object.entries(stats))
    rows.push([
      name,
      fixed(st.seconds.median, 2),
      fixed(st.seconds.min, 2),
      fixed(st.seconds.max, 2),
      fixed(st.rssMb.median, 0)
    ])
  process.stdout.write(`\n${table(rows, ['l', 'r', 'r', 'r', 'r'])}\n`)
  return { stats, samples }
}

/**
 * Where the time ratio comes from, in words: Node's start (which the floor
 * pays too), loading plangate, and the work on the plan of each without
 * its start. Undefined when a command is missing.
 * @param {Record<string, ReturnType<typeof summarize>>} stats
 */
function withoutStarts(stats) {
  const { plangate, floor, start, node } = stats
  if (!plangate || !floor || !start || !node) return undefined
  const own = plangate.seconds.median - start.seconds.median
  const floorOwn = floor.seconds.median - node.seconds.median
  return (
    `Node starts in ${fixed(node.seconds.median, 3)} s and loading plangate adds ` +
    `${fixed(start.seconds.median - node.seconds.median, 3)} s; after that, plangate's work ` +
    `(reading, judging, writing the report) takes ${fixed(own, 2)} s against the floor's ` +
    `JSON.parse ${fixed(floorOwn, 2)} s (${fixed(own / floorOwn, 2)}x; informational, not a goal)`
  )
}

/**
 * A plan past V8's longest string, against a byte-count pass.
 * @param {string} cli
 * @param {number} runs
 * @param {HugePlan} plan
 */
async function hugeSection(cli, runs, plan) {
  const path = join(CACHE, plan.file)
  const fresh =
    existsSync(path) && statSync(path).mtimeMs >= statSync(GENERATOR).mtimeMs
  if (!fresh) {
    process.stdout.write(`\ngenerating ${relative(ROOT, path)} ... `)
    await makeBigPlan(plan.resources, `${path}.tmp`, undefined, {
      policyBytes: plan.policyBytes
    })
    renameSync(`${path}.tmp`, path)
    process.stdout.write('done\n')
  }
  const gzipped = `${path}.gz`
  if (
    !existsSync(gzipped) ||
    statSync(gzipped).mtimeMs < statSync(path).mtimeMs
  ) {
    process.stdout.write(`\ngzipping ${relative(ROOT, gzipped)} ... `)
    await pipeline(
      createReadStream(path),
      createGzip(),
      createWriteStream(`${gzipped}.tmp`)
    )
    renameSync(`${gzipped}.tmp`, gzipped)
    process.stdout.write('done\n')
  }
  const bytes = statSync(path).size
  const { stats, samples } = timeCommands(
    `${plan.title}: ${relative(ROOT, path)}, ${fixed(bytes / 2 ** 20, 0)} MiB, ${plan.resources} resource changes`,
    [
      {
        name: 'plangate',
        argv: [NODE, cli, 'review', '--format', 'json', path],
        okCodes: [0, 1]
      },
      {
        name: 'plangate gzip',
        argv: [NODE, cli, 'review', '--format', 'json', gzipped],
        okCodes: [0, 1]
      },
      {
        // `terraform show -json plan | plangate review -`
        name: 'plangate stdin',
        argv: [
          'sh',
          '-c',
          'cat "$2" | "$0" "$1" review --format json -',
          NODE,
          cli,
          path
        ],
        okCodes: [0, 1]
      },
      {
        name: 'bytes',
        argv: [NODE, '-e', BYTES_SCRIPT, path],
        okCodes: [0]
      }
    ],
    runs
  )
  const p = /** @type {ReturnType<typeof summarize>} */ (stats.plangate)
  const piped = /** @type {ReturnType<typeof summarize>} */ (
    stats['plangate stdin']
  )
  const g = /** @type {ReturnType<typeof summarize>} */ (stats['plangate gzip'])
  const b = /** @type {ReturnType<typeof summarize>} */ (stats.bytes)
  const ratio = p.seconds.median / b.seconds.median
  const section = plan.title
  const goals = [
    ...(plan.timeGoal
      ? [
          goalOf(
            section,
            'plangate/bytes time',
            `${fixed(ratio, 2)}x`,
            `<= ${HUGE_TIME_VS_BYTES}x`,
            ratio <= HUGE_TIME_VS_BYTES
          )
        ]
      : []),
    ...[
      ['plangate', p],
      ['plangate gzip', g],
      ['plangate stdin', piped]
    ].map(([name, st]) => {
      const mb = /** @type {ReturnType<typeof summarize>} */ (st).rssMb.median
      return goalOf(
        section,
        `${name} peak RSS`,
        `${fixed(mb, 0)} MB`,
        `<= ${HUGE_RSS_BUDGET_MB} MB`,
        mb <= HUGE_RSS_BUDGET_MB
      )
    })
  ]
  const budget = (/** @type {number} */ mb) =>
    `${fixed(mb, 0)} MB (goal <= ${HUGE_RSS_BUDGET_MB} MB: ${verdict(mb <= HUGE_RSS_BUDGET_MB)})`
  const timeGoal = plan.timeGoal
    ? `; goal <= ${HUGE_TIME_VS_BYTES}x: ${verdict(ratio <= HUGE_TIME_VS_BYTES)}`
    : ''
  process.stdout.write(
    `plangate/bytes time ${fixed(ratio, 2)}x (per round ${fixed(perRound(samples, 'plangate', 'bytes'), 2)}x${timeGoal}); ` +
      `peak RSS ${budget(p.rssMb.median)}, ${fixed((p.rssMb.median * 1e6) / plan.resources / 1000, 1)} KB per resource change ` +
      `(the file: ${fixed(bytes / plan.resources / 1000, 1)} KB per change)\n` +
      `gzip (${fixed(statSync(gzipped).size / 2 ** 20, 0)} MiB): ${fixed(g.seconds.median, 2)} s, ` +
      `${fixed(g.seconds.median / p.seconds.median, 2)}x the plain file; peak RSS ${budget(g.rssMb.median)}\n` +
      `through a pipe: ${fixed(piped.seconds.median, 2)} s, ` +
      `${fixed(piped.seconds.median / p.seconds.median, 2)}x the plain file; peak RSS ${budget(piped.rssMb.median)}\n`
  )
  return { bytes, stats, samples, goals }
}

/**
 * 200 plans of 1-5 MB in one review, against 50 of them and a parse floor,
 * and the same plans in one file, one after another (terragrunt's
 * `run-all show -json`), read as 200 plans.
 * @param {string} cli
 * @param {number} runs
 */
async function monorepoSection(cli, runs) {
  const dir = join(CACHE, 'monorepo')
  mkdirSync(dir, { recursive: true })
  const paths = []
  let total = 0
  for (let i = 0; i < 200; i++) {
    const path = join(dir, `plan-${String(i).padStart(3, '0')}.json`)
    // 1-5 MB: about 2,700 bytes per resource.
    const resources = 370 + ((i * 7919) % 1460)
    if (
      !existsSync(path) ||
      statSync(path).mtimeMs < statSync(GENERATOR).mtimeMs
    ) {
      await makeBigPlan(resources, `${path}.tmp`, 1000 + i)
      renameSync(`${path}.tmp`, path)
    }
    paths.push(path)
    total += statSync(path).size
  }
  // The same plans in one file, one after another, as `terragrunt run-all show -json` writes them.
  const concatenated = join(dir, 'terragrunt-200.json')
  if (
    !existsSync(concatenated) ||
    paths.some(
      (path) => statSync(path).mtimeMs > statSync(concatenated).mtimeMs
    )
  ) {
    const out = openSync(`${concatenated}.tmp`, 'w')
    for (const path of paths) {
      writeSync(out, readFileSync(path))
      writeSync(out, '\n')
    }
    closeSync(out)
    renameSync(`${concatenated}.tmp`, concatenated)
  }
  const review = [NODE, cli, 'review', '--format', 'json']
  const floorScript =
    "for (const f of process.argv.slice(1)) JSON.parse(require('fs').readFileSync(f))"
  const { stats, samples } = timeCommands(
    `monorepo: 200 plans, ${fixed(total / 1e6, 0)} MB in all`,
    [
      { name: 'plangate 200', argv: [...review, ...paths], okCodes: [0, 1] },
      {
        name: 'plangate 50',
        argv: [...review, ...paths.slice(0, 50)],
        okCodes: [0, 1]
      },
      {
        name: 'floor 200',
        argv: [NODE, '-e', floorScript, ...paths],
        okCodes: [0]
      },
      {
        name: 'terragrunt 200',
        argv: [...review, concatenated],
        okCodes: [0, 1]
      }
    ],
    runs
  )
  const all = /** @type {ReturnType<typeof summarize>} */ (
    stats['plangate 200']
  )
  const part = /** @type {ReturnType<typeof summarize>} */ (
    stats['plangate 50']
  )
  const floor = /** @type {ReturnType<typeof summarize>} */ (stats['floor 200'])
  const terragrunt = /** @type {ReturnType<typeof summarize>} */ (
    stats['terragrunt 200']
  )
  const timeGrowth = all.seconds.median / part.seconds.median
  const rssGrowth = all.rssMb.median / part.rssMb.median
  const section = 'monorepo'
  const goals = [
    goalOf(
      section,
      '200/50 plans time',
      `${fixed(timeGrowth, 2)}x`,
      `<= ${MONOREPO_TIME_GROWTH}x`,
      timeGrowth <= MONOREPO_TIME_GROWTH
    ),
    goalOf(
      section,
      '200/50 plans peak RSS',
      `${fixed(rssGrowth, 2)}x`,
      `<= ${MONOREPO_RSS_GROWTH}x`,
      rssGrowth <= MONOREPO_RSS_GROWTH
    )
  ]
  process.stdout.write(
    `200/50 plans time ${fixed(timeGrowth, 2)}x (goal <= ${MONOREPO_TIME_GROWTH}x, linear is 4x: ${verdict(timeGrowth <= MONOREPO_TIME_GROWTH)}), ` +
      `peak RSS ${fixed(rssGrowth, 2)}x (goal <= ${MONOREPO_RSS_GROWTH}x, the files are 4x: ${verdict(rssGrowth <= MONOREPO_RSS_GROWTH)}); ` +
      `plangate/floor (200) time ${fixed(all.seconds.median / floor.seconds.median, 2)}x, peak RSS ${fixed(all.rssMb.median / floor.rssMb.median, 2)}x\n` +
      `the same 200 plans in one file (terragrunt run-all show -json, ${fixed(statSync(concatenated).size / 1e6, 0)} MB): ` +
      `${fixed(terragrunt.seconds.median, 2)} s, ${fixed(terragrunt.rssMb.median, 0)} MB (${fixed(terragrunt.seconds.median / all.seconds.median, 2)}x the time and ${fixed(terragrunt.rssMb.median / all.rssMb.median, 2)}x the peak RSS of 200 files)\n`
  )
  return { bytes: total, stats, samples, goals }
}

main().catch((error) => {
  fail(error instanceof Error ? error.message : String(error))
})
