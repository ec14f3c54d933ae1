import { isatty } from 'node:tty'
import { GitSourceError, readFdBytes } from './io/index.js'
import { PlanParseError } from './plan/index.js'
import { PolicyError } from './policy/index.js'
import { UsageError } from './cli/args.js'
import { runCli } from './cli/run.js'
import { escapeTerminal } from './report/escape.js'

// Maps errors to exit codes: bad input 2, internal error 3, never a bare stack.
// Messages can quote plan data or file names: escaped for the terminal, one
// line each (a stack keeps its lines, each escaped).
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    // Reports arrive in pieces (eachPiece): no write is larger than a chunk.
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // Into a plan buffer as it comes, waited on when non-blocking. Never
    // process.stdin: opening it makes fd 0 non-blocking.
    readStdin: () => {
      if (isatty(0))
        process.stderr.write(
          'plangate: reading from the terminal until end of input (Ctrl-D); pipe a plan in instead: terraform show -json plan.tfplan | plangate review -\n'
        )
      return readFdBytes(0)
    },
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env
  })
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
