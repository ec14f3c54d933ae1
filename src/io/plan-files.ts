import { statSync } from 'node:fs'
import { PlanParseError } from '../plan/index.js'
import type { InputFormat, PlanBatches, PlanInput } from '../plan/index.js'
import type { PlanFileRef } from './plan-inputs.js'
import type { ReadStdin } from './read-plan.js'
import { readPlanBytes, readPlanData } from './plan-stream.js'

/**
 * The plans of a review, read one file at a time. Every secret is known
 * after the first pass, before anything is normalised; the plans
 * themselves are kept only up to a budget, and the files past it are read
 * again when normalised, so memory does not grow with the sum of the files.
 */
export interface PlanFiles extends PlanBatches {
  /** The source of every plan, in order (a terragrunt file gives `FILE#1`, `FILE#2`, ...). */
  readonly sources: readonly string[]
  /** Files read twice: they did not fit the budget. */
  readonly reread: number
}

/** Options of readPlanFiles; tests lower the budget. */
export interface PlanFilesOptions {
  /**
   * Bytes of plan files (decompressed) whose plans are kept between the
   * two passes. Standard input is always kept (it cannot be read twice),
   * and so is the last file.
   */
  readonly keepBytes: number
}

/** Plan bytes whose plans are kept between the passes (parsed, up to about twice this in memory). */
const KEEP_BYTES = 128 * 1024 * 1024

/**
 * The options of readPlanFiles for a run: the budget, unless the test
 * suite lowers it (`PLANGATE_TEST_KEEP_BYTES`, so that the bundle's tests
 * reach the second pass with small plans).
 */
export function planFilesOptions(
  env: Readonly<Record<string, string | undefined>>
): PlanFilesOptions {
  const text = env.PLANGATE_TEST_KEEP_BYTES
  const bytes = text === undefined || text === '' ? NaN : Number(text)
  return {
    keepBytes: Number.isInteger(bytes) && bytes >= 0 ? bytes : KEEP_BYTES
  }
}

/** One file of the first pass: its plans if kept, else what to check when it is read again. */
interface FirstPass {
  readonly ref: PlanFileRef
  inputs: PlanInput[] | undefined
  readonly sources: readonly string[]
  readonly stamp: string
}

/**
 * Reads every plan file once, collecting secrets and sources and keeping
 * the plans of the first files up to `keepBytes`; the result's batches
 * give each file's plans in order, reading a file that was not kept again
 * (and refusing it if it changed in between: its secrets might not all be
 * known).
 */
export function readPlanFiles(
  refs: readonly PlanFileRef[],
  format: InputFormat,
  readStdin: ReadStdin,
  options: PlanFilesOptions = { keepBytes: KEEP_BYTES }
): PlanFiles {
  const secrets = new Set<string>()
  const sources: string[] = []
  const files: FirstPass[] = []
  let kept = 0
  let reread = 0
  for (const [k, ref] of refs.entries()) {
    const stamp = stampOf(ref.path)
    const data = readPlanBytes(ref.path, readStdin)
    // The last file is kept whatever its size: nothing is read after it, and
    // reading one large plan twice would hold its bytes twice until a GC.
    const keep =
      ref.path === '-' ||
      k === refs.length - 1 ||
      kept + data.length <= options.keepBytes ||
      // A pipe past one buffer can be read only once.
      (!Buffer.isBuffer(data) && !data.rereadable)
    if (keep) kept += data.length
    else reread++
    // A file read again later is read now only for its secrets: the changes they mark.
    const inputs = readPlanData(data, ref, format, { secretsOnly: !keep })
    for (const input of inputs) {
      sources.push(input.source)
      for (const secret of input.secrets) secrets.add(secret)
    }
    files.push({
      ref,
      inputs: keep ? inputs : undefined,
      sources: inputs.map((input) => input.source),
      stamp
    })
  }
  return {
    secrets,
    sources,
    reread,
    batches: once(secondPass(files, format, readStdin, secrets))
  }
}

/**
 * The batches can be walked once (kept plans are released as they are
 * handed over): a second walk throws rather than yield no plan, which
 * would read as a review of nothing.
 */
function once<T>(items: Iterator<T> & Iterable<T>): Iterable<T> {
  let walked = false
  return {
    [Symbol.iterator]: () => {
      if (walked)
        throw new Error('plan files are normalised once; read them again')
      walked = true
      return items
    }
  }
}

/** What to tell the user when some files are read twice; undefined when none is. */
export function rereadNote(files: PlanFiles): string | undefined {
  if (files.reread === 0) return undefined
  return `reading ${files.reread} plan ${files.reread === 1 ? 'file' : 'files'} twice (secrets first, then one file at a time): the plans are larger together than what plangate holds at once`
}

function* secondPass(
  files: FirstPass[],
  format: InputFormat,
  readStdin: ReadStdin,
  secrets: ReadonlySet<string>
): Generator<readonly PlanInput[]> {
  for (const file of files) {
    const kept = file.inputs
    if (kept !== undefined) {
      // Released as it is handed over: normalised plans are far smaller.
      file.inputs = undefined
      yield kept
      continue
    }
    yield readAgain(file, format, readStdin, secrets)
  }
}

function readAgain(
  file: FirstPass,
  format: InputFormat,
  readStdin: ReadStdin,
  secrets: ReadonlySet<string>
): PlanInput[] {
  const changed = (): PlanParseError =>
    new PlanParseError(
      file.ref.path,
      'the same plan when plangate reads it a second time (it reads large sets of plans twice, to hold one at a time)',
      'a file that changed in between',
      'do not write the plans while plangate reads them'
    )
  if (stampOf(file.ref.path) !== file.stamp) throw changed()
  const inputs = readPlanData(
    readPlanBytes(file.ref.path, readStdin),
    file.ref,
    format
  )
  const same =
    inputs.length === file.sources.length &&
    inputs.every(
      (input, k) =>
        input.source === file.sources[k] &&
        [...input.secrets].every((secret) => secrets.has(secret))
    )
  if (!same) throw changed()
  return inputs
}

/** Size, modification time and inode: a file rewritten or replaced between the passes shows in one of them. */
function stampOf(path: string): string {
  if (path === '-') return '-'
  try {
    const stat = statSync(path)
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`
  } catch {
    return 'unreadable'
  }
}

/** The plan files followed by inputs already in memory (template pairs, say). */
export function withInputs(
  files: PlanFiles,
  more: readonly PlanInput[]
): PlanFiles {
  if (more.length === 0) return files
  const secrets = new Set(files.secrets)
  for (const input of more)
    for (const secret of input.secrets) secrets.add(secret)
  return {
    secrets,
    sources: [...files.sources, ...more.map((input) => input.source)],
    reread: files.reread,
    batches: once(
      (function* () {
        yield* files.batches
        yield more
      })()
    )
  }
}
