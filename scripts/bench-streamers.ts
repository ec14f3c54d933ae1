/**
 * The evaluation behind the sectioned reader (docs/benchmarks.md): how the
 * field's streaming JSON parsers compare with plangate's reader and with a
 * whole `JSON.parse`, on the one task all of them can do, building every
 * element of `resource_changes` as an object.
 *
 *   npm install --prefix /tmp/streamers stream-json @streamparser/json
 *   npx tsx scripts/bench-streamers.ts /tmp/streamers [PLAN] [ROUNDS]
 *
 * The parsers are not dependencies of plangate (this is the evidence for
 * not using them), so they are loaded from the directory given. PLAN
 * defaults to the benchmark's 20,000-resource plan (run `npm run bench`
 * once to generate it). Each measurement is a fresh process (this script
 * with `--one`); rounds are interleaved; the medians are printed with the
 * peak RSS the process saw. plangate's reader builds what the review needs:
 * a no-op change whose masks mark nothing without its values.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const READERS = ['floor', 'plangate', 'streamparser', 'stream-json'] as const
type Reader = (typeof READERS)[number]

interface Change {
  readonly change?: { readonly actions?: readonly string[] }
}

/** Builds every change with `reader`; returns how many there were and how many delete. */
async function readChanges(
  reader: Reader,
  plan: string,
  dir: string
): Promise<{ count: number; deletes: number }> {
  let count = 0
  let deletes = 0
  const seen = (value: unknown): void => {
    count++
    if ((value as Change).change?.actions?.includes('delete') === true)
      deletes++
  }
  const from = (path: string): string =>
    pathToFileURL(join(dir, 'node_modules', path)).href
  if (reader === 'floor') {
    const doc = JSON.parse(readFileSync(plan, 'utf8')) as {
      resource_changes: unknown[]
    }
    for (const change of doc.resource_changes) seen(change)
  } else if (reader === 'plangate') {
    const { readPlanBytes, readPlanData } =
      await import('../src/io/plan-stream.js')
    const data = readPlanBytes(plan, () => Buffer.alloc(0))
    const [input] = readPlanData(data, { source: plan, path: plan }, 'auto')
    if (input?.kind !== 'terraform' || input.changes === undefined)
      throw new Error(`${plan}: not read as a Terraform plan`)
    input.changes.forEach(seen)
  } else if (reader === 'streamparser') {
    const { JSONParser } = (await import(
      from('@streamparser/json/dist/mjs/index.js')
    )) as {
      JSONParser: new (options: object) => {
        onValue: (info: { value: unknown }) => void
        write: (chunk: Buffer) => void
      }
    }
    const parser = new JSONParser({
      paths: ['$.resource_changes.*'],
      keepStack: false
    })
    parser.onValue = ({ value }) => seen(value)
    await new Promise<void>((done, fail) => {
      createReadStream(plan)
        .on('data', (chunk) => parser.write(chunk as Buffer))
        .on('end', done)
        .on('error', fail)
    })
  } else {
    const { default: chain } = (await import(
      from('stream-chain/src/index.js')
    )) as { default: (stages: unknown[]) => NodeJS.ReadableStream }
    const { parser } = (await import(from('stream-json/src/index.js'))) as {
      parser: () => unknown
    }
    const { pick } = (await import(
      from('stream-json/src/filters/pick.js')
    )) as { pick: (options: object) => unknown }
    const { streamArray } = (await import(
      from('stream-json/src/streamers/stream-array.js')
    )) as { streamArray: () => unknown }
    await new Promise<void>((done, fail) => {
      chain([
        createReadStream(plan),
        parser(),
        pick({ filter: 'resource_changes' }),
        streamArray()
      ])
        .on('data', ({ value }: { value: unknown }) => seen(value))
        .on('end', done)
        .on('error', fail)
    })
  }
  return { count, deletes }
}

async function one(reader: Reader, plan: string, dir: string): Promise<void> {
  const start = performance.now()
  const result = await readChanges(reader, plan, dir)
  const ms = performance.now() - start
  const rss = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ ...result, ms, rss })}\n`)
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function main(): void {
  const [dir, planArg, roundsArg] = process.argv.slice(2)
  if (dir === undefined) {
    process.stderr.write(
      'usage: npx tsx scripts/bench-streamers.ts DIR [PLAN] [ROUNDS]\n' +
        '  DIR holds the parsers: npm install --prefix DIR stream-json @streamparser/json\n'
    )
    process.exit(2)
  }
  const root = fileURLToPath(new URL('..', import.meta.url))
  const plan = resolve(planArg ?? join(root, '.bench', 'plan-20000.json'))
  const rounds = Number(roundsArg ?? '3')
  const samples = new Map<Reader, { ms: number; rss: number }[]>()
  for (let round = 0; round < rounds; round++) {
    for (const reader of READERS) {
      const run = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          fileURLToPath(import.meta.url),
          '--one',
          reader,
          plan,
          resolve(dir)
        ],
        { encoding: 'utf8' }
      )
      if (run.status !== 0)
        throw new Error(`${reader}: exit ${run.status}\n${run.stderr}`)
      const sample = JSON.parse(run.stdout) as { ms: number; rss: number }
      samples.set(reader, [...(samples.get(reader) ?? []), sample])
    }
  }
  process.stdout.write(
    `${plan}, ${rounds} interleaved rounds, medians (time after the process's imports):\n`
  )
  const floor = median((samples.get('floor') ?? []).map((s) => s.ms))
  for (const [reader, list] of samples) {
    const ms = median(list.map((s) => s.ms))
    const rss = median(list.map((s) => s.rss))
    process.stdout.write(
      `  ${reader.padEnd(13)} ${(ms / 1000).toFixed(2)} s  ${(ms / floor).toFixed(2)}x the floor  peak RSS ${Math.round(rss)} MB\n`
    )
  }
}

if (process.argv[2] === '--one') {
  const [, , , reader, plan, dir] = process.argv
  await one(reader as Reader, plan as string, dir as string)
} else main()
