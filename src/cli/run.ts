import { analyze } from '../analyze.js'
import {
  buildRecord,
  reviewedItems,
  verifyAgainstReviews
} from '../gate/index.js'
import type { Analysis } from '../model.js'
import { readApprovedReport } from '../io/approved-report.js'
import {
  eachPiece,
  expandPlanPaths,
  loadPolicy,
  readHistory,
  readConstructLabels,
  readTemplateDependencies,
  planFilesOptions,
  readPlanFiles,
  readTemplatePairs,
  rereadNote,
  withInputs
} from '../io/index.js'
import type { PlanFiles, ReadStdin, ReportText } from '../io/index.js'
import { prepareTemplateDiff, readTemplatePair } from '../plan/index.js'
import type { PlanInput } from '../plan/index.js'
import {
  localView,
  writeJsonReport,
  renderSummary,
  writeTextReport,
  renderVerifyJson,
  renderVerifyMarkdown,
  renderVerifyText,
  verifyVerdictLine
} from '../report/index.js'
import type { ReportReview } from '../report/index.js'
import { escapeTerminal } from '../report/escape.js'
import { VERSION } from '../version.js'
import { HELP, parseCommand } from './args.js'
import type { CliCommand } from './args.js'
import { resolveHead } from './head.js'
import { resolveOutput, writeOutput } from './output.js'
import type { OutputTarget } from './output.js'

/** The CLI's connection to the world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readStdin: ReadStdin
  readonly stdoutIsTty: boolean
  readonly env: Readonly<Record<string, string | undefined>>
}

/** Runs one CLI invocation and returns the exit code (0 pass or verified, 1 blocked). */
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
    case 'verify':
      return verify(command, io)
  }
}

type PlanCommand = Extract<CliCommand, { kind: 'review' | 'verify' }>

/**
 * Reads the plans (and template pairs) of a command, one file at a time:
 * their secrets now, their changes again when normalised if they are many.
 */
async function readInputs(command: PlanCommand, io: CliIo): Promise<PlanFiles> {
  const files = readPlanFiles(
    expandPlanPaths(command.plans, (path, first) =>
      io.stderr(
        `plangate: ${escapeTerminal(path)} is the same file as ${escapeTerminal(first)}: read once\n`
      )
    ),
    command.inputFormat,
    io.readStdin,
    planFilesOptions(io.env)
  )
  const pairs: PlanInput[] = []
  if (command.templates !== undefined) {
    const { before, after } = command.templates
    for (const pair of readTemplatePairs(before, after, io.readStdin)) {
      pairs.push(
        await prepareTemplateDiff(
          readTemplatePair(pair.before, pair.after, pair.stackName)
        )
      )
    }
  }
  const note = rereadNote(files)
  if (note !== undefined) io.stderr(`plangate: ${note}\n`)
  return withInputs(files, pairs)
}

/** Where `--output` sends the report, decided before anything is read. */
function outputOf(
  command: PlanCommand,
  reports: readonly string[] = []
): { path: string; target: OutputTarget } | undefined {
  return command.output === undefined
    ? undefined
    : {
        path: command.output,
        target: resolveOutput(
          command.output,
          command.plans,
          command.force,
          reports
        )
      }
}

function emit(
  output: { path: string; target: OutputTarget } | undefined,
  format: string,
  report: ReportText,
  io: CliIo
): void {
  if (output === undefined) {
    eachPiece(report, io.stdout)
  } else {
    writeOutput(output.target, report, io)
    io.stderr(
      `plangate: wrote the ${format} report to ${escapeTerminal(output.path)}\n`
    )
  }
}

/**
 * \`plangate verify\`: the plans about to be applied against the JSON reports
 * of the approved reviews. No history: what matters is what the plans do
 * and what the reviews showed, not who wrote the code.
 */
async function verify(
  command: Extract<CliCommand, { kind: 'verify' }>,
  io: CliIo
): Promise<number> {
  const output = outputOf(command, command.approved)
  // The reports first: a wrong report is found before a large plan is read.
  const reviews = command.approved.map((path) =>
    readApprovedReport(path, io.readStdin)
  )
  const inputs = await readInputs(command, io)
  const labels = readConstructLabels(command.labelTemplates)
  const templates = readTemplateDependencies(command.labelTemplates)
  const analysis = analyze(inputs, {
    ...(labels === undefined ? {} : { labels }),
    ...(templates === undefined ? {} : { templates })
  })
  const result = verifyAgainstReviews(analysis, reviews)
  let report: string
  switch (command.format) {
    case 'json':
      report = renderVerifyJson(result, { name: 'plangate', version: VERSION })
      break
    case 'markdown':
      report = renderVerifyMarkdown(result)
      break
    case 'text':
      report = renderVerifyText(result)
      break
  }
  emit(output, command.format, report, io)
  if (command.output !== undefined || command.format !== 'text') {
    for (const warning of analysis.warnings)
      io.stderr(`warning: ${escapeTerminal(warning)}\n`)
    io.stderr(`plangate: ${verifyVerdictLine(result)}\n`)
  }
  return result.verdict === 'verified' ? 0 : 1
}

async function review(
  command: Extract<CliCommand, { kind: 'review' }>,
  io: CliIo
): Promise<number> {
  // Decided before the plans are read: a refusal costs nothing.
  const output = outputOf(command)
  const inputs = await readInputs(command, io)
  const labels = readConstructLabels(command.labelTemplates)
  const templates = readTemplateDependencies(command.labelTemplates)
  const policy = loadPolicy(command.config, command.history?.repo)
  const history =
    command.history === undefined
      ? undefined
      : readHistory({
          ...command.history,
          planSources: inputs.sources,
          rules: policy.rules
        })
  const analysis = analyze(inputs, {
    ...(labels === undefined ? {} : { labels }),
    ...(templates === undefined ? {} : { templates }),
    policy: policy.config,
    stackDirs: policy.config.stackDirs,
    ...(history === undefined ? {} : { history })
  })
  const report = render(analysis, command, io, reviewOf(analysis, command))
  emit(output, command.format, report, io)
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

/**
 * The JSON report's \`review\`: the record a later \`plangate verify\` checks
 * the apply plan against. Locally there is no pull request (repository ''
 * and number 0); the head is the commit reviewed, when a repository is
 * given. No approval happens locally: the state is the gate's verdict.
 */
function reviewOf(
  analysis: Analysis,
  command: Extract<CliCommand, { kind: 'review' }>
): ReportReview | undefined {
  if (command.format !== 'json') return undefined
  const { history } = command
  const record = buildRecord(
    {
      repository: '',
      pullNumber: 0,
      baseRef: history?.base ?? '',
      headSha:
        history === undefined ? '' : resolveHead(history.repo, history.head)
    },
    reviewedItems(analysis)
  )
  return {
    record,
    state:
      analysis.decision.planProblems.length > 0
        ? 'incomplete'
        : analysis.decision.verdict,
    approvedBy: [],
    deniedBy: []
  }
}

function render(
  analysis: Analysis,
  command: Extract<CliCommand, { kind: 'review' }>,
  io: CliIo,
  review: ReportReview | undefined
): ReportText {
  switch (command.format) {
    case 'json':
      // Written as it is serialised: the report of a large review is never one string.
      return (write) =>
        writeJsonReport(
          analysis,
          { name: 'plangate', version: VERSION },
          review,
          write
        )
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
      // Written in pieces, like the JSON report: a review of hundreds of plans runs to tens of MB.
      return (write) => writeTextReport(analysis, { color }, write)
    }
  }
}
