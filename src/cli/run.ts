import {
  renameSync,
  statSync,
  writeFileSync,
  openSync,
  readSync,
  closeSync,
  rmSync
} from 'node:fs'
import { resolve } from 'node:path'
import { analyze } from '../analyze.js'
import type { Analysis } from '../model.js'
import {
  expandPlanPaths,
  loadPolicy,
  readHistory,
  readConstructLabels,
  readPlanFile,
  readTemplatePairs
} from '../io/index.js'
import {
  prepareTemplateDiff,
  readPlan,
  readTemplatePair
} from '../plan/index.js'
import type { PlanInput } from '../plan/index.js'
import {
  localView,
  renderJson,
  renderSummary,
  renderText
} from '../report/index.js'
import { VERSION } from '../version.js'
import { HELP, parseCommand, UsageError } from './args.js'
import type { CliCommand } from './args.js'

/** The CLI's connection to the world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readStdin: () => Buffer
  readonly stdoutIsTty: boolean
  readonly env: Readonly<Record<string, string | undefined>>
}

/** Runs one CLI invocation and returns the exit code (0 pass, 1 blocked, 2 input error). */
export async function runCli(
  argv: readonly string[],
  io: CliIo
): Promise<number> {
  const command = parseCommand(argv)
  switch (command.kind) {
    case 'help':
      io.stdout(HELP)
      return 0
    case 'version':
      io.stdout(`plangate ${VERSION}\n`)
      return 0
    case 'review':
      return review(command, io)
  }
}

async function review(
  command: Extract<CliCommand, { kind: 'review' }>,
  io: CliIo
): Promise<number> {
  if (command.output !== undefined)
    checkOutputTarget(command.output, command.plans, command.force)
  const inputs: PlanInput[] = []
  for (const ref of expandPlanPaths(command.plans)) {
    // One file at a time: each text can be freed once parsed.
    inputs.push(
      readPlan(
        { source: ref.source, text: readPlanFile(ref.path, io.readStdin) },
        command.inputFormat
      )
    )
  }
  if (command.templates !== undefined) {
    const { before, after } = command.templates
    for (const pair of readTemplatePairs(before, after, io.readStdin)) {
      inputs.push(
        await prepareTemplateDiff(
          readTemplatePair(pair.before, pair.after, pair.stackName)
        )
      )
    }
  }
  const labels = readConstructLabels(command.labelTemplates)
  const policy = loadPolicy(command.config, command.history?.repo)
  const history =
    command.history === undefined
      ? undefined
      : readHistory({
          ...command.history,
          planSources: inputs.map((input) => input.source),
          rules: policy.rules
        })
  const analysis = analyze(inputs, {
    ...(labels === undefined ? {} : { labels }),
    policy: policy.config,
    stackDirs: policy.config.stackDirs,
    ...(history === undefined ? {} : { history })
  })
  const report = render(analysis, command, io)
  if (command.output === undefined) {
    io.stdout(report)
  } else {
    writeAtomically(command.output, report)
    io.stderr(
      `plangate: wrote the ${command.format} report to ${command.output}\n`
    )
  }
  if (command.output !== undefined || command.format !== 'text') {
    for (const warning of analysis.warnings) io.stderr(`warning: ${warning}\n`)
    io.stderr(
      `plangate: ${analysis.decision.verdict === 'pass' ? 'PASS' : 'BLOCKED'}: ${analysis.decision.summary}\n`
    )
  }
  return analysis.decision.verdict === 'pass' ? 0 : 1
}

function render(
  analysis: Analysis,
  command: Extract<CliCommand, { kind: 'review' }>,
  io: CliIo
): string {
  switch (command.format) {
    case 'json':
      return renderJson(analysis, { name: 'plangate', version: VERSION })
    case 'markdown':
      return renderSummary(analysis, localView(analysis))
    case 'text': {
      // NO_COLOR wins over everything (https://no-color.org).
      const noColor = (io.env.NO_COLOR ?? '') !== ''
      const color =
        !noColor &&
        (command.color === 'always' ||
          (command.color === 'auto' &&
            command.output === undefined &&
            io.stdoutIsTty))
      return renderText(analysis, { color })
    }
  }
}

/** Refuses to overwrite an input plan, or a file plangate did not write, unless forced. */
function checkOutputTarget(
  output: string,
  plans: readonly string[],
  force: boolean
): void {
  const target = resolve(output)
  if (plans.some((plan) => plan !== '-' && resolve(plan) === target)) {
    throw new UsageError(
      `--output ${output} is one of the plan files being read; choose another path`
    )
  }
  let head: string
  try {
    const stat = statSync(output)
    if (stat.isDirectory())
      throw new UsageError(
        `--output ${output} is a directory; give a file path`
      )
    const fd = openSync(output, 'r')
    try {
      const buffer = Buffer.alloc(512)
      const read = readSync(fd, buffer, 0, buffer.length, 0)
      head = buffer.subarray(0, read).toString('utf8')
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    if (error instanceof UsageError) throw error
    return // nothing there yet
  }
  if (!force && head.length > 0 && !head.includes('plangate')) {
    throw new UsageError(
      `--output ${output} exists and is not a plangate report; remove it or pass --force to replace it`
    )
  }
}

function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.plangate-${process.pid}.tmp`
  try {
    writeFileSync(temporary, content)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw new UsageError(
      `cannot write --output ${path}: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
