import { createHash, randomBytes } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeBigPlan } from '../../scripts/make-big-plan.js'

const GENERATOR = fileURLToPath(
  new URL('../../scripts/make-big-plan.js', import.meta.url)
)

/**
 * Where generated plans are kept between runs: beside the other tools'
 * caches, inside the project (a fresh install starts without it).
 */
const CACHE = fileURLToPath(
  new URL('../../node_modules/.cache/plangate-test-plans/', import.meta.url)
)

export interface BigPlanOptions {
  readonly destructiveShare?: number
}

/**
 * Writes the synthetic plan `makeBigPlan(total, …, options)` of
 * scripts/make-big-plan.js to `out`. The generator is deterministic, so
 * each plan is generated once per version of the generator (its source's
 * hash is part of the name) and copied from the cache after that: the
 * large plans of the end-to-end tests took seconds of CPU on every run.
 */
export async function bigPlan(
  out: string,
  total: number,
  options: BigPlanOptions = {}
): Promise<void> {
  copyFileSync(await cachedPlan(total, options), out)
}

/**
 * Something worked out from a generated plan (`compute` reads its text),
 * kept beside it as JSON until the plan or `compute` changes: reading a
 * 50 MB plan back costs as much as making it.
 */
export async function bigPlanFact<T>(
  total: number,
  options: BigPlanOptions,
  name: string,
  compute: (planText: string) => T
): Promise<T> {
  const plan = await cachedPlan(total, options)
  // The function's own text is part of the name: a changed one computes again.
  const version = createHash('sha256')
    .update(compute.toString())
    .digest('hex')
    .slice(0, 12)
  const path = `${plan}.${name}-${version}.json`
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T
  const fact = compute(readFileSync(plan, 'utf8'))
  try {
    await intoPlace(path, (temporary) =>
      writeFileSync(temporary, JSON.stringify(fact))
    )
  } catch {
    // Kept only when it can be: the fact is right either way.
  }
  return fact
}

async function cachedPlan(
  total: number,
  options: BigPlanOptions
): Promise<string> {
  const key = createHash('sha256')
    .update(readFileSync(GENERATOR))
    .update(JSON.stringify([total, options.destructiveShare ?? null]))
    .digest('hex')
    .slice(0, 24)
  let dir = CACHE
  const path = join(dir, `${key}.json`)
  if (existsSync(path)) return path
  try {
    mkdirSync(dir, { recursive: true })
  } catch {
    // A read-only install: made for this process alone, and removed with it.
    dir = processDir()
  }
  return intoPlace(join(dir, `${key}.json`), (temporary) =>
    makeBigPlan(total, temporary, undefined, options)
  )
}

let ownDir: string | undefined

function processDir(): string {
  if (ownDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'plangate-test-plans-'))
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
    ownDir = dir
  }
  return ownDir
}

/**
 * Writes `path` through a temporary file renamed over it: another worker
 * may make the same file at the same time, and each renames its own.
 */
async function intoPlace(
  path: string,
  write: (temporary: string) => unknown
): Promise<string> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    await write(temporary)
    renameSync(temporary, path)
  } finally {
    rmSync(temporary, { force: true })
  }
  return path
}
