/**
 * Runs the real CLI bundle (`node dist/cli.js`) as users run it: a fresh
 * process whose environment holds only PATH and what the test adds, and an
 * empty standard input unless one is given.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The bundle under test. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface CliRunOptions {
  readonly input?: string
  /** More variables (PATH is always there). */
  readonly env?: Readonly<Record<string, string>>
  readonly cwd?: string
  /** Kill the run after this long (its code is then null). */
  readonly timeoutMs?: number
}

export function runCli(
  args: readonly string[],
  options: CliRunOptions = {}
): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd })
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
