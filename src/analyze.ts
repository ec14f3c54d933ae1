import { attributeChanges } from './attribution/attribute.js'
import type { FileVersions } from './attribution/attribute.js'
import type { SourceCommit } from './attribution/port.js'
import type { CommitVerdict } from './attribution/types.js'
import { countChanges, judgeChanges } from './gate/index.js'
import type { GateHistory, GatePolicy } from './gate/index.js'
import type { Analysis, CommitReport } from './model.js'
import { normalizePlans } from './plan/index.js'
import type { NormalizeOptions, PlanBatches, PlanInput } from './plan/index.js'

/** The commits of the reviewed range, gathered by the shell. */
export interface History {
  /** Oldest first, with their diffs. */
  readonly commits: readonly SourceCommit[]
  /** The detector's verdict on each commit. */
  readonly verdicts: readonly CommitVerdict[]
  /** File versions around each commit, keyed by `versionKey(sha, path)`. */
  readonly versions: ReadonlyMap<string, FileVersions>
  /** Plan source → repository-relative directory of its root module. */
  readonly rootDirs: ReadonlyMap<string, string>
}

export interface AnalyzeOptions extends NormalizeOptions {
  /** What the gate blocks; without one, every destructive change. */
  readonly policy?: GatePolicy
  /** The commits that led to the plans; without them nothing can be attributed. */
  readonly history?: History
  /** Stack name → repository directory of its source, for stacks' fallback attribution. */
  readonly stackDirs?: Readonly<Record<string, string>>
}

/** Files whose change counts as a change of infrastructure code. */
const INFRA_FILE =
  /\.(tf|tfvars|tf\.json|hcl)$|(^|\/)(cdk\.json|Pulumi[^/]*\.ya?ml)$/

/**
 * The one pure pipeline shared by the Action and the CLI: normalise every
 * plan with one redactor over all their secrets, attribute destructive
 * changes to the commits that caused them, count and decide. Inputs are
 * plans in memory or batches read one file at a time (`readPlanFiles`:
 * all secrets first, then each file normalised and freed in turn).
 * "Blocked" is a result, not an error.
 */
export function analyze(
  inputs: readonly PlanInput[] | PlanBatches,
  options: AnalyzeOptions = {}
): Analysis {
  const { plans } = normalizePlans(inputs, options)
  const { history } = options
  let gateHistory: GateHistory | undefined
  let commits: CommitReport[] | undefined
  if (history !== undefined) {
    const bySha = new Map(
      history.verdicts.map((verdict) => [verdict.sha, verdict])
    )
    commits = history.commits.map((commit) =>
      commitReport(commit, bySha.get(commit.sha))
    )
    const reports = new Map(commits.map((report) => [report.sha, report]))
    gateHistory = {
      commits: reports,
      attribution: attributeChanges({
        plans,
        ...history,
        stackDirs: options.stackDirs ?? {}
      }),
      aiTouchedInfra: aiTouchedInfra(plans, history.commits, reports),
      aiUnread: history.commits
        .filter(
          (commit) =>
            commit.filesUnknown === true &&
            reports.get(commit.sha)?.verdict === 'ai'
        )
        .map((commit) => commit.sha),
      files: history.commits
    }
  }
  const { decision, verdicts, risks } = judgeChanges(
    plans,
    options.policy,
    gateHistory
  )
  return {
    plans,
    summary: countChanges(plans),
    decision,
    // Several plans can carry the same caveat (every template diff does): say it once.
    warnings: [...new Set(plans.flatMap((plan) => plan.warnings))],
    risks,
    ...(commits === undefined ? {} : { commits, verdicts })
  }
}

/**
 * Whether an AI commit of the range changed infrastructure code. For CDK,
 * CloudFormation and Pulumi plans the code is ordinary source (a CDK app
 * in TypeScript, say), which plangate cannot tell from application code:
 * there any AI commit counts.
 */
function aiTouchedInfra(
  plans: Analysis['plans'],
  commits: readonly SourceCommit[],
  reports: ReadonlyMap<string, CommitReport>
): boolean {
  const ai = commits.filter(
    (commit) => reports.get(commit.sha)?.verdict === 'ai'
  )
  if (ai.length === 0) return false
  if (plans.some((plan) => plan.sourceMap === undefined)) return true
  // A commit whose diff could not be read may have changed anything.
  return ai.some(
    (commit) =>
      commit.filesUnknown === true ||
      commit.files.some((file) => INFRA_FILE.test(file.path))
  )
}

function commitReport(
  commit: SourceCommit,
  verdict: CommitVerdict | undefined
): CommitReport {
  const report: CommitReport = {
    sha: commit.sha,
    subject: commit.subject,
    verdict: verdict?.verdict ?? 'human',
    // Two rules can quote the same line: show it once, under the first rule.
    evidence: (verdict?.evidence ?? [])
      .filter(
        (evidence, i, all) =>
          all.findIndex(
            (other) =>
              other.field === evidence.field && other.text === evidence.text
          ) === i
      )
      .map((evidence) => ({
        ruleId: evidence.ruleId,
        field: evidence.field,
        text: evidence.text
      }))
  }
  return {
    ...report,
    ...(verdict?.tool === undefined ? {} : { tool: verdict.tool }),
    ...(verdict?.confidence === undefined
      ? {}
      : { confidence: verdict.confidence })
  }
}
