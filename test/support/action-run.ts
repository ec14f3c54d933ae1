/**
 * Runs the real action bundle (`node dist/index.js`) as the runner does:
 * inputs as `INPUT_*` variables, the event as a JSON file, outputs and the
 * job summary in files, and the API at a fake GitHub on 127.0.0.1. Async
 * on purpose: the fake server answers from this process's event loop.
 *
 * Like the runner, it refuses a job summary over 1 MiB: the runner logs an
 * error and drops the whole summary, so a run that writes one throws here
 * and the test that caused it fails.
 */
import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ACTION = fileURLToPath(
  new URL('../../dist/index.js', import.meta.url)
)

/**
 * The Node binary that runs the Action's bundle: `PLANGATE_TEST_NODE` when
 * set (`npm run test:node24`: the runtime action.yml declares), else this
 * process's Node (the lowest `engines` version in CI).
 */
export const ACTION_NODE =
  process.env.PLANGATE_TEST_NODE !== undefined &&
  process.env.PLANGATE_TEST_NODE !== ''
    ? resolve(process.env.PLANGATE_TEST_NODE)
    : process.execPath

export const TOKEN = 'ghs_plangateTestToken0123456789abcdef'

/** The runner's limit on one step's job summary, in bytes (1024k). */
export const MAX_SUMMARY_BYTES = 1_048_576

export interface ActionRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  /** The report file the run wrote (`report-path`), read before the run's directory is removed. */
  readonly report: string | undefined
  /** The step log without debug lines. */
  readonly log: string
}

/** Parses the `name<<DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern))
    outputs[match[1] ?? ''] = match[3] ?? ''
  return outputs
}

/** The workflow commands plangate issues through @actions/core. */
const ISSUED_COMMANDS = new Set([
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'add-mask'
])

/**
 * Like the runner, reads the step log for workflow commands, and throws on
 * one plangate never issues: a line of data that the runner would run (a
 * `::set-output` at a line's start, or the older `##[...]` form anywhere in
 * a line that is not itself a `::` command, which the runner tries second).
 */
export function checkWorkflowCommands(stdout: string): void {
  // The runner reads lines as .NET does: CR, LF or both end one.
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const command = /^\s*::([A-Za-z-]+)/.exec(line)?.[1]
    if (command === undefined) {
      if (line.includes('##['))
        throw new Error(
          `the step log holds "##[" in a plain line, which the runner would run as a command: ${JSON.stringify(line)}`
        )
      continue
    }
    if (!ISSUED_COMMANDS.has(command.toLowerCase()))
      throw new Error(
        `the step log holds a workflow command plangate does not issue: ${JSON.stringify(line)}`
      )
  }
}

export async function runAction(options: {
  /** The workspace (the checkout); the action starts there. */
  readonly cwd: string
  readonly eventName: string
  readonly payload: unknown
  readonly inputs: Readonly<Record<string, string>>
  /** Fake GitHub root URL; omit for runs without an API. */
  readonly apiUrl?: string
  readonly repository?: string
  /** The script to run instead of the bundle (for tests of this helper). */
  readonly entry?: string
  /** More runner variables (`GITHUB_SHA`, `GITHUB_REF`). */
  readonly env?: Readonly<Record<string, string>>
  /**
   * Keep GitHub's pacing of writes (1 s, 3 s between comments); by default
   * the loopback runs pace writes 10 ms apart.
   */
  readonly realPacing?: boolean
}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'plangate-run-'))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md')
  }
  writeFileSync(files.event, JSON.stringify(options.payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    NO_PROXY: '127.0.0.1,localhost',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: options.repository ?? 'octo-org/infra',
    GITHUB_WORKSPACE: options.cwd,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    RUNNER_DEBUG: '1',
    'INPUT_GITHUB-TOKEN': TOKEN
  }
  if (options.realPacing !== true) env.PLANGATE_TEST_API_PACING_MS = '10'
  if (options.apiUrl !== undefined) {
    env.GITHUB_API_URL = options.apiUrl
    env.GITHUB_GRAPHQL_URL = `${options.apiUrl}/graphql`
  }
  for (const [name, value] of Object.entries(options.inputs))
    env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(env, options.env)
  const { code, stdout, stderr } = await new Promise<{
    code: number
    stdout: string
    stderr: string
  }>((resolve) => {
    execFile(
      ACTION_NODE,
      [options.entry ?? ACTION],
      { cwd: options.cwd, env, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        const status =
          error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code: status, stdout, stderr })
      }
    )
  })
  try {
    checkWorkflowCommands(stdout)
    const summaryBytes = statSync(files.summary).size
    if (summaryBytes > MAX_SUMMARY_BYTES)
      throw new Error(
        `the run wrote a job summary of ${summaryBytes} bytes, over the runner's limit of ${MAX_SUMMARY_BYTES}: ` +
          `the runner would log "$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${MAX_SUMMARY_BYTES / 1024}k, got ${Math.floor(summaryBytes / 1024)}k" and drop the summary`
      )
    const outputs = parseOutputs(readFileSync(files.output, 'utf8'))
    const reportPath = outputs['report-path']
    return {
      code,
      stdout,
      stderr,
      outputs,
      report:
        reportPath !== undefined && existsSync(reportPath)
          ? readFileSync(reportPath, 'utf8')
          : undefined,
      summary: readFileSync(files.summary, 'utf8'),
      log: stdout
        .split('\n')
        .filter((line) => !line.startsWith('::debug::'))
        .join('\n')
    }
  } finally {
    // The run's home, temp directory and files: one per run, thousands per suite.
    rmSync(dir, { recursive: true, force: true })
  }
}
