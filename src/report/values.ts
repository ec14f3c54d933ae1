import type {
  Analysis,
  CommitReport,
  ChangeAction,
  Plan,
  PlanFormat,
  ResourceChange
} from '../model.js'
import { rememberPerObject } from '../memo.js'
import { plural, thousands } from './escape.js'

export { formatValue } from './diff.js'

/** The tool a plan came from, for headings. */
export function toolName(format: PlanFormat): string {
  switch (format) {
    case 'terraform':
      return 'Terraform'
    case 'opentofu':
      return 'OpenTofu'
    case 'cloudformation':
      return 'CloudFormation'
    case 'cloudformation-template':
      return 'CloudFormation template diff'
    case 'pulumi':
      return 'Pulumi'
  }
}

/** "Terraform 1.11.4, format 1.2, destroy plan": where a plan came from, for headings. */
export function describeOrigin(plan: Plan): string {
  const parts = [
    plan.toolVersion === 'unknown'
      ? toolName(plan.format)
      : `${toolName(plan.format)} ${plan.toolVersion}`
  ]
  if (plan.format === 'terraform' || plan.format === 'opentofu')
    parts.push(`format ${plan.formatVersion}`)
  if (plan.format === 'pulumi' && plan.stack !== undefined)
    parts.push(`project/stack ${plan.stack}`)
  if (plan.mode !== 'normal') parts.push(`${plan.mode} plan`)
  if (plan.targeted) parts.push('targeted (-target)')
  return parts.join(', ')
}

/** Terraform's own marker for each kind of change. */
export function markerFor(change: ResourceChange): string {
  switch (change.action) {
    case 'create':
      return '+'
    case 'update':
      return '~'
    case 'replace':
      return change.replaceOrder === 'create-first' ? '+/-' : '-/+'
    case 'destroy':
      return '-'
    case 'forget':
      return '.'
    case 'read':
      return '<='
    case 'no-op':
      return change.movedFrom !== undefined
        ? '->'
        : change.imported
          ? '<-'
          : ' '
  }
}

/** A short label: "[construct path] replace (create first)", "destroy (deposed object)". */
export function labelFor(change: ResourceChange): string {
  // A pure move or import changes nothing else: say what it does instead of "no-op".
  const quiet =
    change.action === 'no-op' &&
    (change.movedFrom !== undefined || change.imported)
  const parts: string[] = quiet ? [] : [change.action]
  if (change.label !== undefined) parts.unshift(`[${change.label}]`)
  if (change.action === 'replace') {
    if (change.conditional === true) parts.push('(may replace)')
    parts.push(
      change.replaceOrder === 'create-first'
        ? '(create first)'
        : '(delete first)'
    )
    if (change.keepsOld === true) parts.push('(old object kept)')
  }
  if (change.snapshot === true) parts.push('(old object snapshotted)')
  if (change.protected === true) parts.push('(protected: the tool will refuse)')
  if (change.deposed !== undefined)
    parts.push(
      `(deposed object ${change.deposed}${change.identity === undefined ? '' : `, identity ${change.identity}`})`
    )
  const wrap = (text: string): string => (quiet ? text : `(${text})`)
  if (change.movedFrom !== undefined)
    parts.push(wrap(`moved from ${change.movedFrom}`))
  if (change.imported)
    parts.push(
      wrap(
        change.importId !== undefined
          ? `import id ${JSON.stringify(change.importId)}`
          : change.importIdentity !== undefined
            ? `import by identity ${change.importIdentity}`
            : 'import'
      )
    )
  return parts.join(' ')
}

/** Order in which actions are presented: the most dangerous first. */
export const ACTION_ORDER: readonly ChangeAction[] = [
  'destroy',
  'replace',
  'forget',
  'update',
  'create',
  'read',
  'no-op'
]

/** Sorts changes destructive first, then by action, then by address. */
export function sortForReport(
  changes: readonly ResourceChange[]
): ResourceChange[] {
  return [...changes].sort(
    (a, b) =>
      Number(b.destructive) - Number(a.destructive) ||
      ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) ||
      (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)
  )
}

/**
 * A plan's changes worth listing, in report order (sortForReport), worked
 * out once per plan: the Markdown report is drawn in several size tiers,
 * and the comment and the job summary each draw it again.
 */
export const listedInOrder: (plan: Plan) => readonly ResourceChange[] =
  rememberPerObject((plan) =>
    Object.freeze(sortForReport(plan.changes.filter(isListed)))
  )

/** True when a change is worth listing (not a plain no-op). */
export function isListed(change: ResourceChange): boolean {
  return (
    change.action !== 'no-op' ||
    change.movedFrom !== undefined ||
    change.imported
  )
}

/** "3 to create, 1 to replace, 1,200 unchanged", skipping zero counts. */
export function countsLine(
  counts: Readonly<Record<ChangeAction, number>>
): string {
  const words: Record<ChangeAction, string> = {
    create: 'to create',
    update: 'to update',
    replace: 'to replace',
    destroy: 'to destroy',
    forget: 'to forget',
    read: 'to read',
    'no-op': 'unchanged'
  }
  const parts = ACTION_ORDER.filter((a) => counts[a] > 0).map(
    (a) => `${thousands(counts[a])} ${words[a]}`
  )
  return parts.length === 0 ? 'no changes' : parts.join(', ')
}

/**
 * The counts line of plans with their Terraform actions: an action changes
 * real infrastructure, so a plan whose only effect is one is not "no changes".
 */
export function planCountsLine(
  counts: Readonly<Record<ChangeAction, number>>,
  plans: readonly Plan[]
): string {
  const line = countsLine(counts)
  const actions = plans.reduce((n, plan) => n + (plan.actions?.length ?? 0), 0)
  if (actions === 0) return line
  const run = `${plural(actions, 'action')} to run`
  return line === 'no changes' ? run : `${line}, ${run}`
}

/** One line per reviewed commit: short SHA, verdict (tool, confidence), subject. */
export function commitLines(analysis: Analysis): string[] {
  return (analysis.commits ?? []).map(
    (commit) =>
      `${commit.sha.slice(0, 7)} (${describeAuthor(commit)}) ${JSON.stringify(commit.subject)}`
  )
}

/** "AI: claude-code, definite", "automation: dependabot" or "human". */
function describeAuthor(commit: CommitReport): string {
  switch (commit.verdict) {
    case 'ai':
      return `AI: ${commit.tool ?? 'agent'}${commit.confidence === undefined ? '' : `, ${commit.confidence}`}`
    case 'automation':
      return `automation${commit.tool === undefined ? '' : `: ${commit.tool}`}`
    case 'human':
      return 'human'
  }
}

/** Words for each risk kind, in the text and Markdown reports. */
export const RISK_TITLES = {
  'data-loss': 'data loss',
  'protection-lowered': 'safeguard lowered',
  protected: 'protected',
  churn: 'churn'
} as const

/**
 * What is at stake in a change, one line per risk ("data loss: …"), and
 * the `allow` glob that matched: for the text and Markdown reports.
 */
export function riskLines(
  analysis: Analysis,
  change: ResourceChange
): string[] {
  const assessed = analysis.risks?.get(change)
  if (assessed === undefined) return []
  const lines = assessed.risks.map(
    (risk) => `${RISK_TITLES[risk.kind]}: ${risk.detail}`
  )
  if (assessed.allowedBy !== undefined)
    lines.push(
      assessed.risks.some((risk) => risk.kind === 'protected')
        ? `allow glob ${JSON.stringify(assessed.allowedBy)} matches, but cannot lift always-gate.protected`
        : `allowed by allow glob ${JSON.stringify(assessed.allowedBy)}: not gated`
    )
  return lines
}

/**
 * The blast radius of a destroy or replace in words, for the reports: the
 * count, then at most `limit` addresses (each with what it depends on when
 * that is not the change itself). Empty when there are none.
 */
export function dependentLines(
  change: ResourceChange,
  limit: number
):
  | {
      readonly title: string
      /** `via`: what it depends on directly, when that is not the change itself. */
      readonly items: readonly { address: string; via?: string }[]
    }
  | undefined {
  const dependents = change.dependents ?? []
  if (dependents.length === 0) return undefined
  const capped = change.dependentsCapped === true
  const count = `${thousands(dependents.length)}${capped ? '+' : ''}`
  const noun =
    dependents.length === 1 && !capped ? 'resource depends' : 'resources depend'
  const items = dependents
    .slice(0, limit)
    .map((dependent) =>
      dependent.via === change.address
        ? { address: dependent.address }
        : { address: dependent.address, via: dependent.via }
    )
  const hidden = dependents.length - items.length
  const more = [
    ...(hidden > 0 ? [`${thousands(hidden)} more`] : []),
    ...(capped ? ['the search stopped at its cap'] : [])
  ]
  return {
    title: `${count} ${noun} on it${more.length > 0 ? ` (${more.join('; ')})` : ''}`,
    items
  }
}

/**
 * The commits behind a destructive change, for the reports: who caused it,
 * how, the evidence of AI authorship, and the gate's verdict. Empty when no
 * commit history was given.
 */
export function attributionLines(
  analysis: Analysis,
  change: ResourceChange
): string[] {
  const verdict = analysis.verdicts?.get(change)
  if (verdict === undefined) return []
  const commits = new Map((analysis.commits ?? []).map((c) => [c.sha, c]))
  const lines: string[] = []
  for (const cause of verdict.causedBy) {
    const commit = commits.get(cause.sha)
    const who = commit === undefined ? 'unknown' : describeAuthor(commit)
    lines.push(
      `caused by ${cause.sha.slice(0, 7)} ${JSON.stringify(commit?.subject ?? '')} (${who}): ${cause.how}`
    )
    const evidence = commit?.verdict === 'ai' ? commit.evidence[0] : undefined
    if (evidence !== undefined) lines.push(`  evidence: ${evidence.text}`)
  }
  // Only destructive changes are attributed; a gated update is held whoever made it.
  if (!verdict.pinned && change.destructive)
    lines.push('no commit of the range could be tied to it')
  lines.push(
    verdict.gated ? "gated: merging needs a person's approval" : 'not gated'
  )
  return lines
}
