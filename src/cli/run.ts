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
import { escapeTerminal } from '../report/escape.js'
import { VERSION } from '../version.js'
import { HELP, parseCommand } from './args.js'
import type { CliCommand } from './args.js'
import { resolveOutput, writeOutput } from './output.js'

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
  // Decided before the plans are read: a refusal costs nothing.
  const output =
    command.output === undefined
      ? undefined
      : {
          path: command.output,
          target: resolveOutput(command.output, command.plans, command.force)
        }
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
  if (output === undefined) {
    io.stdout(report)
  } else {
    writeOutput(output.target, report, io)
    io.stderr(
      `plangate: wrote the ${command.format} report to ${escapeTerminal(output.path)}\n`
    )
  }
  // Plan data on standard error is escaped like the text report's.
  if (command.output !== undefined || command.format !== 'text') {
    for (const warning of analysis.warnings)
      io.stderr(`warning: ${escapeTerminal(warning)}\n`)
    io.stderr(
      `plangate: ${analysis.decision.verdict === 'pass' ? 'PASS' : 'BLOCKED'}: ${escapeTerminal(analysis.decision.summary)}\n`
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
