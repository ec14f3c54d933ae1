import { isatty } from 'node:tty'
import { GitSourceError, readFdPlan } from './io/index.js'
import { PlanParseError } from './plan/index.js'
import { PolicyError } from './policy/index.js'
import { UsageError } from './cli/args.js'
import { actOnStopSignals } from './cli/output.js'
import { runCli } from './cli/run.js'
import { escapeTerminal } from './report/escape.js'

/** Set once the reader of standard output or error went away (`| head`). */
const gone = { stdout: false, stderr: false }

/**
 * A reader that stops early (`plangate review plan.json | head`) is not a
 * failure: the rest is not written and the decision's exit code stands.
 * Any other failed write (a full disk: `> /dev/full`) leaves a report cut
 * short, which nobody may take for a whole one: exit 2, said on standard
 * error when that still works. Either way, no stack trace.
 */
function onWriteError(stream: 'stdout' | 'stderr') {
  return (error: NodeJS.ErrnoException): void => {
    gone[stream] = true
    if (error.code === 'EPIPE') return
    process.exitCode = Math.max(Number(process.exitCode ?? 0), 2)
    if (stream === 'stdout' && !gone.stderr)
      process.stderr.write(
        `plangate: error: could not write to standard output (${escapeTerminal(error.code ?? error.message)}): the report is incomplete\n`
      )
  }
}
process.stdout.on('error', onWriteError('stdout'))
process.stderr.on('error', onWriteError('stderr'))

// Maps errors to exit codes: bad input 2, internal error 3, never a bare stack.
// Messages can quote plan data or file names: escaped for the terminal, one
// line each (a stack keeps its lines, each escaped).
try {
  const code = await runCli(process.argv.slice(2), {
    // Reports arrive in pieces (eachPiece): no write is larger than a chunk.
    stdout: (text) => {
      if (!gone.stdout) process.stdout.write(text)
    },
    stderr: (text) => {
      if (!gone.stderr) process.stderr.write(text)
    },
    // Into a plan buffer as it comes, waited on when non-blocking. Never
    // process.stdin: opening it makes fd 0 non-blocking.
    readStdin: (checkHead) => {
      if (isatty(0))
        process.stderr.write(
          'plangate: reading from the terminal until end of input (Ctrl-D); pipe a plan in instead: terraform show -json plan.tfplan | plangate review -\n'
        )
      return readFdPlan(0, { checkHead })
    },
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env
  })
  // Ctrl-C during the report file's write: stopped by it now, never exit 0.
  await actOnStopSignals()
  // A failed write may already have set a higher code.
  process.exitCode = Math.max(Number(process.exitCode ?? 0), code)
} catch (error) {
  if (
    error instanceof UsageError ||
    error instanceof PlanParseError ||
    error instanceof PolicyError ||
    error instanceof GitSourceError
  ) {
    process.stderr.write(`plangate: error: ${escapeTerminal(error.message)}\n`)
    process.exitCode = 2
  } else {
    const detail =
      error instanceof Error
        ? process.env.PLANGATE_DEBUG
          ? (error.stack ?? error.message)
              .split('\n')
              .map(escapeTerminal)
              .join('\n')
          : escapeTerminal(error.message)
        : escapeTerminal(String(error))
    process.stderr.write(
      `plangate: internal error: ${detail}\nThis is a bug in plangate; please open an issue with this message (set PLANGATE_DEBUG=1 for the stack).\n`
    )
    process.exitCode = 3
  }
}
