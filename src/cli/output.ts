import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import type { Stats } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, join, basename, resolve } from 'node:path'
import {
  eachPiece,
  errorCode,
  fileKind,
  readRegularFile,
  writeReportFile,
  writeReportSync
} from '../io/index.js'
import type { ReportText } from '../io/index.js'
import { UsageError } from './args.js'

/**
 * Where `--output` sends the report, decided before the plans are read so
 * that a refusal costs nothing:
 * - `stdout`/`stderr`: the path is this process's own standard output or
 *   error (`/dev/stdout`, `/proc/self/fd/2`, or the file the shell
 *   redirected it to), written through the stream plangate already holds;
 * - `stream`: a character device or a FIFO, written in place (`/dev/null`, a
 *   terminal, a named pipe), never read, never renamed over;
 * - `file`: a regular file (new, empty, or plangate's own report, or any file
 *   with --force), replaced atomically through a temporary file next to it.
 *   A symlink is written through: the file it points at is replaced and the
 *   link stays a link.
 */
export type OutputTarget =
  | { readonly kind: 'stdout' }
  | { readonly kind: 'stderr' }
  | { readonly kind: 'stream'; readonly path: string }
  | { readonly kind: 'file'; readonly path: string }

/** The largest existing file plangate reads to recognise its own JSON report. */
export const MAX_REPORT_CHECK_BYTES = 256 * 1024 * 1024

/** Bytes read from each end of an existing file to recognise a Markdown or text report. */
const SNIFF_BYTES = 4096

/** Decides where the report goes; refuses anything whose contents plangate would lose. */
export function resolveOutput(
  output: string,
  plans: readonly string[],
  force: boolean,
  reports: readonly string[] = []
): OutputTarget {
  let link: Stats
  try {
    link = lstatSync(output)
  } catch {
    // Nothing there yet: where it will be written must be there.
    checkDirectory(output)
    return { kind: 'file', path: output }
  }
  let stat: Stats
  try {
    stat = statSync(output)
  } catch (error) {
    if (link.isSymbolicLink() && errorCode(error) === 'ELOOP')
      throw new UsageError(
        `--output ${output} is a loop of symbolic links; give a file path, or remove the links`
      )
    if (link.isSymbolicLink())
      throw new UsageError(
        `--output ${output} is a symlink to a missing file; give the path it should point at, or remove the link`
      )
    throw cannotWrite(output, error)
  }
  if (isSameFile(stat, fdStat(1))) return { kind: 'stdout' }
  if (isSameFile(stat, fdStat(2))) return { kind: 'stderr' }
  if (stat.isDirectory())
    throw new UsageError(`--output ${output} is a directory; give a file path`)
  if (plans.some((plan) => isSamePath(plan, output, stat)))
    throw new UsageError(
      `--output ${output} is one of the plan files being read; choose another path`
    )
  if (reports.some((report) => isSamePath(report, output, stat)))
    throw new UsageError(
      `--output ${output} is one of the approved reports being read; choose another path`
    )
  if (stat.isCharacterDevice() || stat.isFIFO())
    return { kind: 'stream', path: output }
  if (!stat.isFile())
    throw new UsageError(
      `--output ${output} is ${fileKind(stat)}, which plangate does not write to; give a file path, or leave --output out and redirect standard output`
    )
  const path = link.isSymbolicLink() ? realpathSync(output) : output
  if (!force && stat.size > 0 && !isPlangateReport(path))
    throw new UsageError(
      `--output ${output} exists and is not a plangate report (plangate replaces only its own JSON, Markdown or text reports); choose another path, or pass --force to replace it`
    )
  // The report is written beside it and renamed over it.
  checkDirectory(path)
  return { kind: 'file', path }
}

/**
 * Refuses, before any plan is read, a report file whose directory is
 * missing, is not a directory, or may not be written to (where the
 * temporary file goes): a review of a large plan must not end in "cannot
 * write" after its work is done.
 */
function checkDirectory(path: string): void {
  const dir = dirname(resolve(path))
  let stat: Stats
  try {
    stat = statSync(dir)
  } catch {
    throw new UsageError(
      `--output ${path}: the directory ${dir} does not exist; create it first`
    )
  }
  if (!stat.isDirectory())
    throw new UsageError(`--output ${path}: ${dir} is not a directory`)
  try {
    accessSync(dir, constants.W_OK)
  } catch (error) {
    throw new UsageError(
      `--output ${path}: plangate may not write in ${dir}: ${writeProblem(error)}`
    )
  }
}

/** Writes the report where {@link resolveOutput} decided. */
export function writeOutput(
  target: OutputTarget,
  report: ReportText,
  io: {
    readonly stdout: (text: string) => void
    readonly stderr: (text: string) => void
  }
): void {
  switch (target.kind) {
    case 'stdout':
      eachPiece(report, io.stdout)
      return
    case 'stderr':
      eachPiece(report, io.stderr)
      return
    case 'stream':
      writeStream(target.path, report)
      return
    case 'file':
      writeAtomically(target.path, report)
      return
  }
}

/** A device or a FIFO: opened for writing only (a FIFO waits for its reader), never created. */
function writeStream(path: string, content: ReportText): void {
  let fd: number
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY)
  } catch (error) {
    throw cannotWrite(path, error)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isCharacterDevice() && !stat.isFIFO())
      throw new UsageError(
        `--output ${path} changed while plangate ran (now ${fileKind(stat)}); run again`
      )
    writeReportSync(fd, content)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw cannotWrite(path, error)
  } finally {
    closeSync(fd)
  }
}

/**
 * A regular file: a temporary file beside it, renamed over it, with the old
 * file's mode. Its name holds the process ID and random bytes: a container
 * gives plangate the same PID on every run, and a name left by a run that
 * was killed must not make the next one fail.
 */
function writeAtomically(path: string, content: ReportText): void {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.plangate-${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  )
  holdStopSignals()
  try {
    let mode: number | undefined
    try {
      mode = statSync(path).mode & 0o777
    } catch {
      mode = undefined
    }
    writeReportFile(temporary, content, 'wx', mode)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw cannotWrite(path, error)
  }
}

/** The signals that stop a run from the terminal or a CI job's cancellation. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * From the first write of a report file on, a stop signal (Ctrl-C, a
 * cancelled CI job) no longer kills plangate half-way through the write,
 * which left the temporary file behind: the write, synchronous, finishes
 * and renames the file into place, and then plangate stops as the signal
 * asks (raised again with its default action, so the shell sees it) once
 * the process shell calls actOnStopSignals. Before the write, a signal
 * stops plangate at once, as always.
 */
function holdStopSignals(): void {
  if (process.listenerCount('SIGINT') > 0) return
  const stop = (signal: NodeJS.Signals): void => {
    for (const name of STOP_SIGNALS) process.removeAllListeners(name)
    process.kill(process.pid, signal)
  }
  for (const name of STOP_SIGNALS) process.on(name, stop)
  signalsHeld = true
}

/** True once holdStopSignals has put its handlers in place. */
let signalsHeld = false

/**
 * Lets a stop signal that came during the report file's write stop
 * plangate. Node hands signals to their handlers from its event loop, and
 * a run that ended straight after the write exited with the decision's
 * code, 0 for a pass: `plangate review -o r.json plan.json && terraform
 * apply` went on to apply after Ctrl-C. A turn of the loop delivers a
 * signal already received (its handler raises it again, and the process
 * ends by it); nothing happens when none came, or none was held.
 */
export async function actOnStopSignals(): Promise<void> {
  if (!signalsHeld) return
  // Node 20 hands a pending signal over only after a timer's turn, not an immediate's.
  await new Promise<void>((resolve) => setTimeout(resolve, 0))
  await new Promise<void>((resolve) => setImmediate(resolve))
}

/**
 * True for plangate's own reports, recognised by their shape: JSON with a
 * numeric `schemaVersion` and `tool.name` "plangate"; Markdown whose first
 * line is the headline plangate writes (`## ✅ plangate: …`, `## ⛔ plangate:
 * …`, `## ⏸️ plangate: …`, see reviewHeadline) followed by a blank line;
 * text that starts with `Plan ` (or `Total: `) and ends with the
 * `Verdict: PASS|BLOCKED: …` line. A file that merely mentions plangate is
 * not one.
 */
export function isPlangateReport(path: string): boolean {
  // readRegularFile opens without blocking: a FIFO swapped in since the check must not hang the read.
  return (
    readRegularFile(path, (fd, size) => {
      const head = readAt(fd, 0, Math.min(SNIFF_BYTES, size))
      if (/^\s*\{/.test(head))
        return (
          size <= MAX_REPORT_CHECK_BYTES && isJsonReport(readAt(fd, 0, size))
        )
      if (MARKDOWN_HEADLINE.test(head) || VERIFY_HEADLINE.test(head))
        return true
      if (VERIFY_TEXT_HEAD.test(head)) return true
      const tailStart = Math.max(0, size - SNIFF_BYTES)
      return (
        TEXT_HEAD.test(head) &&
        TEXT_TAIL.test(readAt(fd, tailStart, size - tailStart))
      )
    }) ?? false
  )
}

/** The first line of the Markdown report (reviewHeadline), then a blank line. */
const MARKDOWN_HEADLINE = /^## (?:✅|⛔|⏸️) plangate: [^\n]+\n\n/u

/** The first line of the Markdown report of `plangate verify`. */
const VERIFY_HEADLINE =
  /^## (?:✅|⛔) plangate verify: (?:verified|blocked)\n\n/u

/** The first line of the text report of `plangate verify`. */
const VERIFY_TEXT_HEAD = /^plangate verify: (?:VERIFIED|BLOCKED): /

/** SGR colour codes, which a `--color always` text report holds. */
const SGR = '(?:\\u001b\\[[0-9;]*m)*'

/** The first line of the text report: its first plan, or the totals. */
const TEXT_HEAD = new RegExp(`^${SGR}(?:Plan |Total: )`)

/** The last line of the text report. */
const TEXT_TAIL = new RegExp(
  `(?:^|\\n)Verdict: ${SGR}(?:PASS|BLOCKED)${SGR}: [^\\n]*\\n$`
)

function isJsonReport(text: string): boolean {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return false
  }
  if (!isRecord(value) || typeof value.schemaVersion !== 'number') return false
  return isRecord(value.tool) && value.tool.name === 'plangate'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readAt(fd: number, position: number, length: number): string {
  const buffer = Buffer.alloc(length)
  let read = 0
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read)
    if (n === 0) break
    read += n
  }
  return buffer.subarray(0, read).toString('utf8')
}

function fdStat(fd: number): Stats | undefined {
  try {
    return fstatSync(fd)
  } catch {
    return undefined
  }
}

function isSameFile(a: Stats, b: Stats | undefined): boolean {
  return b !== undefined && a.dev === b.dev && a.ino === b.ino
}

/** True when a plan argument names the output: the same path, or the same file through a link. */
function isSamePath(plan: string, output: string, stat: Stats): boolean {
  if (plan === '-') return false
  if (resolve(plan) === resolve(output)) return true
  try {
    return isSameFile(statSync(plan), stat)
  } catch {
    return false
  }
}

function cannotWrite(path: string, error: unknown): UsageError {
  return new UsageError(`cannot write --output ${path}: ${writeProblem(error)}`)
}

/** Why a write failed, in words (not the temporary file's name a system message holds). */
function writeProblem(error: unknown): string {
  const code = errorCode(error)
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)'
    case 'EDQUOT':
      return 'the disk quota is used up (EDQUOT)'
    case 'EROFS':
      return 'the file system is read-only (EROFS)'
    case 'ENOENT':
      return 'the path no longer exists (ENOENT)'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
