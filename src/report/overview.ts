import { countChanges } from '../gate/index.js'
import type { Approver, OwnersOutcome } from '../gate/index.js'
import type {
  Analysis,
  ChangeRisks,
  ChangeVerdict,
  CommitReport,
  GatedChange,
  GatedPath,
  GateReason,
  Plan,
  ResourceChange
} from '../model.js'
import {
  addressCode,
  code,
  cut,
  escapeCell,
  escapeText,
  fence,
  htmlCode,
  link,
  thousands,
  plural,
  joinedLength
} from './escape.js'
import { gatedCounts, gatedNoun } from './status.js'
import type { GatedCounts } from './status.js'
import { rememberPerObject } from '../memo.js'
import { addressTree, clipTree, splitModuleAddress } from './tree.js'
import { describeOrigin, sortForReport } from './values.js'

/*
 * What a reviewer reads first, shared by the pull request comment, the job
 * summary and the CLI's Markdown: the verdict for the review's state, one
 * line per plan, the destructive changes with why each is gated and who
 * caused it, and what to do next. Parts that depend on the review's state
 * (the verdict and the next step) are rendered from a `ReviewView` alone,
 * so that an approval run, which reads no plan, can restate a comment.
 */

/** The command a reviewer types to approve, with the digest after a space. */
export const APPROVE_COMMAND = '/approve-destroy'
/** The command that rejects a gated set. */
export const DENY_COMMAND = '/deny-destroy'

/**
 * Where the review stands:
 * - `pass`: nothing is gated;
 * - `blocked`: gated changes wait for an approval of `digest`;
 * - `approved`: an eligible human approved `digest` at this head;
 * - `rejected`: an eligible human denied `digest`;
 * - `incomplete`: a plan cannot be trusted (errored, partial); no approval helps.
 */
export const REVIEW_STATES = [
  'pass',
  'blocked',
  'approved',
  'rejected',
  'incomplete'
] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** Where links in a report point; each is optional (the CLI has none). */
export interface ReviewLinks {
  /** `https://github.com/owner/repo`: commit links. */
  readonly repositoryUrl?: string
  /** The pull request's number: comment and review links. */
  readonly pullNumber?: number
  /** The run that wrote the report: its job summary lists everything. */
  readonly runUrl?: string
}

/** A report for a later head has replaced this one. */
export interface StaleNote {
  /** The pull request's head now. */
  readonly headSha: string
  /** Where the current report is, when known (a newer comment). */
  readonly url?: string
}

/** Everything the state-dependent parts need; no plan. */
export interface ReviewView {
  readonly state: ReviewState
  readonly statusContext: string
  readonly headSha: string
  /** Digest of the gated set; empty when nothing is gated. */
  readonly digest: string
  /** What is gated, by kind. */
  readonly counts: GatedCounts
  /** Destructive changes in the plans, gated or not. */
  readonly destructiveCount: number
  /** Eligible approvals so far (approved, or pending with some). */
  readonly approvedBy?: readonly Approver[]
  readonly deniedBy?: readonly Approver[]
  /** Distinct approvals needed. */
  readonly required?: number
  /** Set when a newer head's report supersedes this one. */
  readonly stale?: StaleNote
  /** Audit lines (approvals, denials, stale approvals), shown as they are. */
  readonly audit?: readonly string[]
  /** With `approvers: [codeowners]`: the groups of gated changes and who can approve each. */
  readonly owners?: OwnersOutcome
  readonly links?: ReviewLinks
}

/**
 * The view of a review outside a pull request (the CLI, push runs): the
 * state follows the decision, and there is no digest to approve.
 */
export function localView(
  analysis: Analysis,
  extra: Partial<Pick<ReviewView, 'statusContext' | 'headSha' | 'links'>> = {}
): ReviewView {
  return {
    state:
      analysis.decision.planProblems.length > 0
        ? 'incomplete'
        : analysis.decision.verdict === 'pass'
          ? 'pass'
          : 'blocked',
    statusContext: extra.statusContext ?? '',
    headSha: extra.headSha ?? '',
    digest: '',
    counts: gatedCounts(analysis),
    destructiveCount: analysis.summary.destructive,
    ...(extra.links === undefined ? {} : { links: extra.links })
  }
}

/** The heading line for a state. */
export function reviewHeadline(view: ReviewView): string {
  const { gated } = view.counts
  const changes = gatedNoun(view.counts, true)
  if (view.stale !== undefined)
    return view.stale.headSha === view.headSha
      ? '## ⏸️ plangate: outdated, see the newer report'
      : '## ⏸️ plangate: outdated, a newer push is under review'
  switch (view.state) {
    case 'pass':
      return view.destructiveCount === 0
        ? '## ✅ plangate: no destructive changes'
        : `## ✅ plangate: ${plural(view.destructiveCount, 'destructive change')}, none needs approval`
    case 'blocked':
      return `## ⛔ plangate: ${changes} need${gated === 1 ? 's' : ''} approval`
    case 'approved':
      return `## ✅ plangate: ${changes} approved`
    case 'rejected':
      return `## ⛔ plangate: ${changes} denied`
    case 'incomplete':
      return '## ⛔ plangate: a plan is incomplete, so nothing can be approved'
  }
}

/**
 * The verdict: the headline and one paragraph on where the review stands,
 * in a GitHub alert coloured for the state (cdk-diff-action's warning
 * callout): caution while blocked, a tip once approved.
 */
export function stateSection(view: ReviewView): string[] {
  const paragraph = stateParagraph(view)
  const kind =
    view.stale !== undefined
      ? 'WARNING'
      : view.state === 'pass'
        ? undefined
        : view.state === 'approved'
          ? 'TIP'
          : 'CAUTION'
  return [
    reviewHeadline(view),
    '',
    ...(kind === undefined ? [paragraph] : [`> [!${kind}]`, `> ${paragraph}`]),
    ''
  ]
}

function stateParagraph(view: ReviewView): string {
  const out: string[] = []
  const at = view.headSha === '' ? 'this head' : code(view.headSha.slice(0, 12))
  if (view.stale !== undefined) {
    const now = code(view.stale.headSha.slice(0, 12))
    out.push(
      `${view.stale.headSha === view.headSha ? `plangate reviewed ${at} again.` : `This report is for ${at}; the pull request is now at ${now}.`} ${
        view.stale.url === undefined
          ? 'plangate replaces this report when it has reviewed the new head.'
          : `${link('The report for the new head', view.stale.url)} is the one that counts.`
      } Approvals of this report no longer count.`
    )
    return out.join(' ')
  }
  switch (view.state) {
    case 'pass':
      out.push(
        view.destructiveCount === 0
          ? 'Nothing here destroys or replaces existing infrastructure.'
          : 'The destroys and replacements below were caused by people (or the policy does not gate them): nothing needs approval. Read them anyway.'
      )
      break
    case 'blocked': {
      if (view.digest === '') {
        out.push(
          `**Blocked:** ${gatedPhrase(view)} need${view.counts.gated === 1 ? 's' : ''} a person's approval. On a pull request, plangate blocks the merge and posts the command that approves exactly ${view.counts.gated === 1 ? 'it' : 'them'}.`
        )
        break
      }
      const so = (view.approvedBy ?? []).length
      out.push(
        `**Merging is blocked** until a person with write access who did not write this pull request's commits approves exactly ${gatedPhrase(view)}${view.headSha === '' ? '' : ` at ${at}`}.${
          so > 0
            ? ` ${so} of ${view.required ?? so + 1} approvals so far: ${people(view.approvedBy ?? [], view.links)}.`
            : ''
        }`
      )
      break
    }
    case 'approved':
      out.push(
        `**Approved** by ${people(view.approvedBy ?? [], view.links, true)} for digest ${code(view.digest)} at ${at}. plangate no longer blocks the merge. A new push or a changed plan needs a new approval.`
      )
      break
    case 'rejected':
      out.push(
        `**Denied** by ${people(view.deniedBy ?? [], view.links, true)} for digest ${code(view.digest)} at ${at}. An approval cannot outvote a denial. To go on, push a change that removes these destroys and replacements or makes them differently (the new plan gets a new digest and needs a new approval), or the person who denied deletes the ${code(DENY_COMMAND)} comment (or dismisses the review).`
      )
      break
    case 'incomplete':
      out.push(
        '**Merging is blocked** because a plan is incomplete (see below): it may not show every change, so no approval can unblock it. Fix the plan and run plangate again.'
      )
      break
  }
  return out.join(' ')
}

/**
 * The next step, after the lists: the exact command to copy while blocked,
 * nothing to copy once approved or denied; then the audit trail.
 */
export function actionSection(view: ReviewView): string[] {
  const out: string[] = []
  if (
    view.stale === undefined &&
    view.state === 'blocked' &&
    view.digest !== ''
  ) {
    out.push(
      `**To approve** exactly ${gatedPhrase(view)} at ${code(view.headSha.slice(0, 12))}, comment with this as the first line:`,
      '',
      fence(`${APPROVE_COMMAND} ${view.digest}`, 'text'),
      '',
      `To deny ${view.counts.gated === 1 ? 'it' : 'them'}: ${code(`${DENY_COMMAND} ${view.digest}`)}. A new push or a changed plan needs a new approval.`,
      ''
    )
  }
  if (
    view.stale === undefined &&
    view.owners !== undefined &&
    (view.state === 'blocked' || view.state === 'approved')
  )
    out.push(...ownersSection(view.owners))
  const audit = view.audit ?? []
  if (audit.length > 0) {
    out.push(
      '<details><summary>Approval history</summary>',
      '',
      ...audit.map((line) => `- ${linkAudit(escapeText(line), view.links)}`),
      '',
      '</details>',
      ''
    )
  }
  return out
}

/** Most groups the comment lists; the rest are counted. */
const MAX_OWNER_GROUPS = 20

/**
 * Who can approve each group of gated changes (code owners): every group
 * needs an approval from one of the people or teams named for it.
 */
function ownersSection(owners: OwnersOutcome): string[] {
  const out = [
    '**Who can approve** (code owners of the files that declare each change; every group needs one of them):',
    ''
  ]
  if (owners.groups.length === 0) out.push(`- ${escapeText(owners.note)}`)
  for (const group of owners.groups.slice(0, MAX_OWNER_GROUPS)) {
    const [first = ''] = group.changes
    const more =
      group.changes.length > 1 ? ` and ${group.changes.length - 1} more` : ''
    const who =
      group.owners.length === 0
        ? `no code owner, fallback ${group.fallback ?? 'approvers'}: ${group.canApprove.join(', ')}`
        : group.canApprove.join(', ')
    const done =
      group.approvedBy.length > 0
        ? ` (approved by ${group.approvedBy.map((login) => `@${login}`).join(', ')})`
        : ''
    out.push(
      `- ${code(first)}${escapeText(more)}: ${escapeText(`${who}${done}`)}`
    )
  }
  if (owners.groups.length > MAX_OWNER_GROUPS)
    out.push(
      `- ${owners.groups.length - MAX_OWNER_GROUPS} more groups: see the status`
    )
  if (owners.note !== '' && owners.groups.length > 0)
    out.push('', escapeText(owners.note))
  out.push('')
  return out
}

function gatedPhrase(view: ReviewView): string {
  const { gated: count, paths, safeguards, actions } = view.counts
  const what =
    paths === 0 && actions === 0 && safeguards < count
      ? 'change'
      : paths === count
        ? 'protected-path change'
        : actions === count
          ? 'Terraform action'
          : 'gated item'
  return count === 1 ? `this ${what}` : `these ${thousands(count)} ${what}s`
}

/** "@alice ([comment](…), 2026-12-06 19:02 UTC)", joined. */
function people(
  approvers: readonly Approver[],
  links: ReviewLinks | undefined,
  withWhen = false
): string {
  if (approvers.length === 0) return 'nobody'
  return approvers
    .map((person) => {
      const first = person.candidates[0]
      const login = escapeText(`@${person.login}`)
      if (!withWhen || first === undefined) return login
      const where = itemUrl(first.kind, first.id, links)
      const label = first.kind === 'comment' ? 'comment' : 'review'
      const when = first.at === '' ? '' : `, ${formatTime(first.at)}`
      return `${login} (${where === undefined ? label : link(label, where)}${when})`
    })
    .join(', ')
}

/** A comment's or review's URL on the pull request, when links are known. */
export function itemUrl(
  kind: 'comment' | 'review',
  id: number,
  links: ReviewLinks | undefined
): string | undefined {
  if (links?.repositoryUrl === undefined || links.pullNumber === undefined)
    return undefined
  const anchor =
    kind === 'comment' ? `issuecomment-${id}` : `pullrequestreview-${id}`
  return `${links.repositoryUrl}/pull/${links.pullNumber}#${anchor}`
}

/** "(comment 123)" in plangate's own audit lines becomes a link. */
function linkAudit(line: string, links: ReviewLinks | undefined): string {
  return line.replace(/\((comment|review) (\d+)\)/g, (whole, kind, id) => {
    const url = itemUrl(kind as 'comment' | 'review', Number(id), links)
    return url === undefined ? whole : `(${link(`${kind} ${id}`, url)})`
  })
}

/** `2026-12-06T19:02:11Z` → `2026-12-06 19:02 UTC`; anything else as it is. */
function formatTime(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at)
  return match === null ? escapeText(at) : `${match[1]} ${match[2]} UTC`
}

// ---------------------------------------------------------------------------
// Plans

/** Plans listed one per line above the fold; the rest are counted. */
const PLAN_LINES_MAX = 25

/**
 * One line per plan: its name, tool, counts, and when it is incomplete the
 * reason and the fix. Plans with something to say come first; past
 * PLAN_LINES_MAX the quiet ones are counted.
 */
export function planSection(analysis: Analysis): string[] {
  const { plans } = analysis
  if (plans.length === 0) return ['**No plan was given.**', '']
  const ranked = [...plans].sort(
    (a, b) => planRank(b) - planRank(a) || compare(a.source, b.source)
  )
  const shown = ranked.slice(0, PLAN_LINES_MAX)
  const out: string[] = []
  for (const plan of plans.filter((p) => shown.includes(p))) {
    const counts = countChanges([plan])
    out.push(
      `- ${code(plan.source)} · ${escapeText(describeOrigin(plan))} · ${planCounts(counts, plan.actions?.length ?? 0)}`
    )
    for (const note of plan.incomplete?.notes ?? [])
      out.push(`  - ⛔ **Incomplete:** ${escapeText(note)}`)
  }
  const rest = ranked.slice(PLAN_LINES_MAX)
  if (rest.length > 0) {
    const counts = countChanges(rest)
    const actions = rest.reduce((n, p) => n + (p.actions?.length ?? 0), 0)
    out.push(
      `- and ${plural(rest.length, 'more plan')}: ${planCounts(counts, actions)}`
    )
  }
  out.push('')
  return out
}

function planRank(plan: Plan): number {
  if (plan.incomplete !== undefined) return 2
  return plan.changes.some((c) => c.destructive) ? 1 : 0
}

/** "**2 to destroy, 1 to replace**, 3 to update" without unchanged or reads. */
function planCounts(
  counts: ReturnType<typeof countChanges>,
  actions = 0
): string {
  const n = thousands
  const bold: string[] = []
  const rest: string[] = []
  if (counts.destroy > 0) bold.push(`${n(counts.destroy)} to destroy`)
  if (counts.replace > 0) bold.push(`${n(counts.replace)} to replace`)
  if (counts.forget > 0) rest.push(`${n(counts.forget)} to forget`)
  if (counts.update > 0) rest.push(`${n(counts.update)} to update`)
  if (counts.create > 0) rest.push(`${n(counts.create)} to create`)
  if (counts.moved > 0) rest.push(`${n(counts.moved)} moved`)
  if (counts.imported > 0) rest.push(`${n(counts.imported)} imported`)
  const parts = [
    ...(bold.length > 0 ? [`**${bold.join(', ')}**`] : []),
    ...rest
  ]
  if (actions > 0)
    parts.push(`${n(actions)} ${actions === 1 ? 'action' : 'actions'} to run`)
  return parts.length === 0 ? 'no changes' : parts.join(', ')
}

// ---------------------------------------------------------------------------
// Destructive changes

// ---------------------------------------------------------------------------
// Protected paths

/** Rows of the protected-path table in the comment; the job summary shows more. */
export const PATH_ROWS_MAX = 50

/**
 * The gated changes of protected paths (workflows, the config, CODEOWNERS):
 * each path (both sides of a rename), how it changed, the commit and why it
 * is gated. Paths are attacker-controlled: each is an HTML code element, so
 * nothing in a file name is read as Markdown or HTML.
 */
export function protectedPathSection(
  analysis: Analysis,
  links: ReviewLinks | undefined,
  rowsMax = PATH_ROWS_MAX
): string[] {
  const paths = analysis.decision.gatedPaths
  if (paths.length === 0) return []
  const commits = commitIndex(analysis)
  const out = [
    `### Protected paths (${thousands(paths.length)})`,
    '',
    'These files decide what plangate sees (the workflows that make the plans, its config, CODEOWNERS): a change to them needs the same approval as a destroy, whatever the plans say.',
    '',
    '| Path | Change | Commit | Protected by |',
    '| --- | --- | --- | --- |'
  ]
  for (const g of paths.slice(0, rowsMax)) {
    const where =
      g.path === undefined
        ? '_any: the diff was not read_'
        : g.previousPath === undefined
          ? htmlCode(g.path)
          : `${htmlCode(g.previousPath)} → ${htmlCode(g.path)}`
    const commit = commits.get(g.sha)
    const subject =
      commit === undefined ? '' : ` ${escapeCell(commit.subject.trim(), 60)}`
    out.push(
      `| ${where} | ${g.status} | ${shaLink(g.sha, links)}${subject} ${who(commit)} | ${protectedBy(g)} |`
    )
  }
  if (paths.length > rowsMax)
    out.push(
      '',
      `and ${plural(paths.length - rowsMax, 'more protected-path change')}: ${links?.runUrl === undefined ? "the run's job summary" : link("the run's job summary", links.runUrl)} and the JSON report (\`report-path\`) list every one.`
    )
  out.push('')
  return out
}

/** The pattern that protects a path and the rule that gates its commit; the reason for an unread diff. */
function protectedBy(g: GatedPath): string {
  if (g.pattern === undefined) return escapeCell(g.why)
  return `${code(g.pattern, true)}${g.rule === 'any' ? ' (`gate-on: any`)' : ''}`
}

/**
 * Terraform actions (1.14+) that applying runs, every plan's, with whether
 * the gate holds each: those run on a destroy and those invoked without a
 * resource change need the same approval as a destroy.
 */
export function actionInvocationSection(
  analysis: Analysis,
  rowsMax = PATH_ROWS_MAX
): string[] {
  const rows = analysis.plans.flatMap((plan) =>
    (plan.actions ?? []).map((action) => ({ plan, action }))
  )
  if (rows.length === 0) return []
  const held = new Set(
    analysis.decision.gatedActions.map((g) =>
      [g.source, g.address, g.triggeringResource].join('\u0000')
    )
  )
  const multi = analysis.plans.length > 1
  const out = [
    `### Actions that will run (${thousands(rows.length)})`,
    '',
    'Terraform actions run provider operations on apply, outside any resource diff. Those that run on a destroy, or are invoked without a resource change (`-invoke`), need the same approval as a destroy.',
    '',
    '| Action | When it runs | Gated |',
    '| --- | --- | --- |'
  ]
  for (const { plan, action } of rows.slice(0, rowsMax)) {
    const gated = held.has(
      [plan.source, action.address, action.triggeringResource ?? ''].join(
        '\u0000'
      )
    )
    out.push(
      `| ${htmlCode(action.address)}${multi ? ` in ${htmlCode(plan.source)}` : ''} | ${escapeCell(action.explanation, 400)} | ${gated ? '⛔ yes' : 'no'} |`
    )
  }
  if (rows.length > rowsMax)
    out.push(
      '',
      `and ${plural(rows.length - rowsMax, 'more action')}: the job summary and the JSON report list every one.`
    )
  out.push('')
  return out
}

/** A destructive change with its plan and what the gate said about it. */
export interface DestructiveEntry {
  readonly plan: Plan
  readonly change: ResourceChange
  readonly gated?: GatedChange
  readonly verdict?: ChangeVerdict
}

/**
 * Destructive changes in report order, split into gated and not gated.
 * Worked out once per analysis: the comment and the job summary both list
 * them.
 */
export const destructiveEntries: (analysis: Analysis) => DestructiveLists =
  rememberPerObject((analysis) => listDestructive(analysis))

/** The gated and the other destructive changes of an analysis, in report order. */
export interface DestructiveLists {
  readonly gated: readonly DestructiveEntry[]
  readonly free: readonly DestructiveEntry[]
}

function listDestructive(analysis: Analysis): DestructiveLists {
  // Plan source → address → its gated item: no key is built per change.
  const gatedBy = new Map<string, Map<string, GatedChange>>()
  for (const g of analysis.decision.gated) {
    const here = gatedBy.get(g.source) ?? new Map<string, GatedChange>()
    here.set(g.address, g)
    gatedBy.set(g.source, here)
  }
  const gated: DestructiveEntry[] = []
  const free: DestructiveEntry[] = []
  for (const plan of analysis.plans) {
    const here = gatedBy.get(plan.source)
    const gatedHere = (change: ResourceChange): GatedChange | undefined =>
      here?.get(change.address)
    // An update is listed only when the gate holds it (a lowered safeguard).
    const listed = plan.changes.filter((change) => {
      if (change.destructive) return true
      const verdict = analysis.verdicts?.get(change)
      return verdict === undefined
        ? gatedHere(change) !== undefined
        : verdict.gated
    })
    for (const change of sortForReport(listed)) {
      const g = gatedHere(change)
      const verdict = analysis.verdicts?.get(change)
      const entry: DestructiveEntry = {
        plan,
        change,
        ...(g === undefined ? {} : { gated: g }),
        ...(verdict === undefined ? {} : { verdict })
      }
      // A verdict, when there is one, is the truth for this very object (deposed copies share an address).
      const isGated = verdict === undefined ? g !== undefined : verdict.gated
      ;(isGated ? gated : free).push(entry)
    }
  }
  // Frozen: shared by every list drawn from them (addressTree remembers them).
  return { gated: Object.freeze(gated), free: Object.freeze(free) }
}

/** How much a list of destructive changes shows, from most to least. */
export const LIST_TIERS = ['rows', 'tree', 'folded', 'modules'] as const
export type ListTier = (typeof LIST_TIERS)[number]

/** A table with one row per change is used up to this many changes. */
export const TABLE_ROWS_MAX = 50

export interface ListOptions {
  readonly analysis: Analysis
  readonly links?: ReviewLinks
  /** Characters this section may take. */
  readonly budget: number
  /** Whether the rows explain why each change is gated (false: why not). */
  readonly gated: boolean
  /** Largest number of table rows (default TABLE_ROWS_MAX). */
  readonly rowsMax?: number
  /** Tiers to try, in order (default: all). */
  readonly tiers?: readonly ListTier[]
  /**
   * Trees and full module tables go into a `<details>` block after a table
   * of causes and the top modules, so that what follows the list (the
   * command to copy) stays on the first screen.
   */
  readonly collapse?: boolean
}

export interface RenderedList {
  readonly lines: string[]
  /**
   * With `collapse`: the long part (a tree, every module's counts) in a
   * `<details>` block, for the caller to place after the command.
   */
  readonly folded: string[]
  readonly tier: ListTier
  /** Addresses the section does not name (all of them for counts per module). */
  readonly hidden: number
  /** Whether every address (or, counting per module, every module) is covered. */
  readonly complete: boolean
}

/**
 * A list of destructive changes in the fullest tier that fits the budget:
 * a table (action, why destructive, why gated, caused by) up to
 * `rowsMax` rows; a module tree with one line per address; the tree with
 * instances folded; counts per module. Tree and counts tiers start with a
 * table of causes, so that the reviewer still sees who caused what.
 */
export function renderList(
  entries: readonly DestructiveEntry[],
  options: ListOptions
): RenderedList {
  const tiers = options.tiers ?? LIST_TIERS
  const rowsMax = options.rowsMax ?? TABLE_ROWS_MAX
  const fits = (r: RenderedList): boolean =>
    joinedLength(r.lines) + joinedLength(r.folded) <= options.budget
  // The tables every tier after `rows` starts with, made once for all of them.
  const multi = options.analysis.plans.length > 1
  let causes: readonly string[] | undefined
  let modules: readonly string[] | undefined
  const heads: TierHeads = {
    causes: () => (causes ??= causeTable(entries, options)),
    modules: () => (modules ??= topModules(entries, multi))
  }
  for (const tier of tiers) {
    if (tier === 'rows' && entries.length > rowsMax) continue
    const rendered = renderTier(entries, tier, options, heads)
    if (fits(rendered) && rendered.complete) return rendered
  }
  // Nothing covers every address or module: the folded tree names the most.
  const last = tiers.includes('folded') ? 'folded' : (tiers.at(-1) ?? 'folded')
  return renderTier(entries, last, options, heads, true)
}

/** The tables a list's tiers share, each made on first use. */
interface TierHeads {
  readonly causes: () => readonly string[]
  readonly modules: () => readonly string[]
}

function renderTier(
  entries: readonly DestructiveEntry[],
  tier: ListTier,
  options: ListOptions,
  heads: TierHeads,
  clip = false
): RenderedList {
  const multi = options.analysis.plans.length > 1
  switch (tier) {
    case 'rows':
      return {
        lines: tableRows(entries, options, multi),
        folded: [],
        tier,
        hidden: 0,
        complete: true
      }
    case 'tree':
    case 'folded': {
      const head = [
        ...heads.causes(),
        ...(options.collapse === true ? heads.modules() : [])
      ]
      const tree = addressTree(entries, { multi, fold: tier === 'folded' })
      const budget = Math.max(
        0,
        options.budget - joinedLength(head) - 400 // the fence, the summary line and the note
      )
      const { lines, hidden } = clipTree(tree, budget)
      const out = [...head]
      const folded: string[] = []
      if (lines.length > 0) {
        const block = fence(lines.join('\n'), 'text')
        if (options.collapse === true)
          folded.push(
            `<details><summary>${options.gated ? 'Every gated address' : 'Every address'}${hidden > 0 ? ' that fits' : ''}, as a module tree</summary>`,
            '',
            block,
            '',
            '</details>',
            ''
          )
        else out.push(block, '')
      }
      return { lines: out, folded, tier, hidden, complete: hidden === 0 }
    }
    case 'modules': {
      const head = heads.causes()
      const { lines, complete } = moduleCounts(
        entries,
        multi,
        clip ? Math.max(0, options.budget - joinedLength(head) - 300) : Infinity
      )
      if (options.collapse !== true)
        return {
          lines: [...head, ...lines],
          folded: [],
          tier,
          hidden: entries.length,
          complete
        }
      return {
        lines: [...head, ...heads.modules()],
        folded: [
          '<details><summary>Counts for every module</summary>',
          '',
          ...lines,
          '</details>',
          ''
        ],
        tier,
        hidden: entries.length,
        complete
      }
    }
  }
}

/** Rows of the at-a-glance tables of long lists. */
const TOP_ROWS = 10

/** Destructive changes counted by what happens to the old object. */
interface Tally {
  destroy: number
  deleteFirst: number
  createFirst: number
}

/** Entries grouped by a key, in first-seen order, each group with its tally. */
function tallyBy(
  entries: readonly DestructiveEntry[],
  keyOf: (entry: DestructiveEntry) => string
): Map<string, { readonly first: DestructiveEntry; readonly tally: Tally }> {
  const groups = new Map<string, { first: DestructiveEntry; tally: Tally }>()
  for (const entry of entries) {
    const key = keyOf(entry)
    const group = groups.get(key) ?? {
      first: entry,
      tally: { destroy: 0, deleteFirst: 0, createFirst: 0 }
    }
    const { change } = entry
    // A gated update (a lowered safeguard) is neither a destroy nor a replace.
    if (!change.destructive) {
      groups.set(key, group)
      continue
    }
    if (change.action === 'destroy') group.tally.destroy++
    else if (change.replaceOrder === 'create-first') group.tally.createFirst++
    else group.tally.deleteFirst++
    groups.set(key, group)
  }
  return groups
}

const totalOf = (t: Tally): number => t.destroy + t.deleteFirst + t.createFirst

/** The three count cells of a table row; several tallies are summed. */
function tallyCells(...tallies: readonly Tally[]): string[] {
  const sum = (f: (t: Tally) => number): string =>
    thousands(tallies.reduce((n, t) => n + f(t), 0))
  return [
    sum((t) => t.destroy),
    sum((t) => t.deleteFirst),
    sum((t) => t.createFirst)
  ]
}

const TALLY_HEADER = 'Destroy | Replace, delete first | Replace, create first |'
const TALLY_ALIGN = '--:|--:|--:|'

/**
 * What is at risk in a long list, at a glance: the resource types with the
 * most destructive changes (by action), then the top-level modules they
 * sit in.
 */
function topModules(
  entries: readonly DestructiveEntry[],
  multi: boolean
): string[] {
  const types = [...tallyBy(entries, (e) => e.change.type)].sort(
    ([a, x], [b, y]) => totalOf(y.tally) - totalOf(x.tally) || compare(a, b)
  )
  const modules = new Map<string, number>()
  for (const { plan, change } of entries) {
    const top = splitModuleAddress(change.module)?.[0] ?? ''
    const key = multi ? `${plan.source}\u0000${top}` : top
    modules.set(key, (modules.get(key) ?? 0) + 1)
  }
  const out = [`| Resource type | ${TALLY_HEADER}`, `|---|${TALLY_ALIGN}`]
  for (const [type, { tally }] of types.slice(0, TOP_ROWS))
    out.push(`| ${[code(type, true), ...tallyCells(tally)].join(' | ')} |`)
  const rest = types.slice(TOP_ROWS)
  if (rest.length > 0)
    out.push(
      `| ${[`and ${plural(rest.length, 'more type')}`, ...tallyCells(...rest.map(([, g]) => g.tally))].join(' | ')} |`
    )
  out.push('')
  if (modules.size > 1) {
    const top = [...modules]
      .sort(([a, x], [b, y]) => y - x || compare(a, b))
      .slice(0, TOP_ROWS)
      .map(([key, n]) => {
        const [source, module] = multi
          ? [
              key.slice(0, key.indexOf('\u0000')),
              key.slice(key.indexOf('\u0000') + 1)
            ]
          : ['', key]
        const where = module === '' ? 'the root module' : addressCode(module)
        return `${where}${multi ? ` of ${code(source)}` : ''} (${thousands(n)})`
      })
    out.push(
      `In ${top.join(', ')}${modules.size > TOP_ROWS ? `, and ${plural(modules.size - TOP_ROWS, 'more module')}` : ''}.`,
      ''
    )
  }
  return out
}

/** One row per change, grouped under a plan heading when there are several plans. */
function tableRows(
  entries: readonly DestructiveEntry[],
  options: ListOptions,
  multi: boolean
): string[] {
  const out: string[] = []
  const commits = commitIndex(options.analysis)
  const withCauses = options.analysis.commits !== undefined
  // One reason for every row is said once, above the table.
  const reasons = new Set(
    entries.map((e) => whyGatedAll(e.gated, commits, options.links))
  )
  const [onlyReason] = reasons
  const reasonColumn = options.gated && reasons.size > 1
  if (options.gated && onlyReason !== undefined && reasons.size === 1)
    out.push(
      `${entries.length === 1 ? 'Gated' : 'All gated'} because ${onlyReason}.`,
      ''
    )
  const columns = [
    'Resource',
    'What happens',
    ...(reasonColumn ? ['Why gated'] : []),
    ...(withCauses ? ['Caused by'] : [])
  ]
  const header = [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---|').join('')}`
  ]
  // A few changes read best as a list on a phone; more, as a table to scan.
  const asList = entries.length <= LIST_ITEMS_MAX
  let source: string | undefined
  for (const entry of entries) {
    const first = source === undefined
    if ((multi && entry.plan.source !== source) || first) {
      if (!first) out.push('')
      source = entry.plan.source
      if (multi) out.push(`**${code(entry.plan.source)}**`, '')
      if (!asList) out.push(...header)
    }
    const why = reasonColumn
      ? whyGatedAll(entry.gated, commits, options.links)
      : undefined
    const cause = withCauses
      ? causedBy(entry, commits, options.links)
      : undefined
    const radius = dependentsPhrase(entry.change)
    if (asList) {
      const details = [
        ...(why === undefined ? [] : [`gated because ${why}`]),
        ...(radius === undefined ? [] : [radius]),
        ...(cause === undefined || cause === ''
          ? []
          : [`caused by ${cause.replace(/<br>/g, ', ')}`])
      ]
      out.push(
        `- ${resourceCell(entry.change)} ${whatHappens(entry.change, options.analysis.risks?.get(entry.change))}${details.length === 0 ? '' : `<br>${details.join('; ')}`}`
      )
      continue
    }
    const cells = [
      resourceCell(entry.change),
      whatHappens(entry.change, options.analysis.risks?.get(entry.change)) +
        (radius === undefined ? '' : `<br>${radius}`)
    ]
    if (why !== undefined) cells.push(why)
    if (cause !== undefined) cells.push(cause)
    out.push(`| ${cells.join(' | ')} |`)
  }
  out.push('')
  return out
}

/** Dependents named per destructive change in the overview; the full report lists more. */
const OVERVIEW_DEPENDENTS = 3

/** "2 resources depend on it: `a`, `b`", the first few as addresses, the count always; cell-safe. */
function dependentsPhrase(change: ResourceChange): string | undefined {
  const dependents = change.dependents ?? []
  if (dependents.length === 0) return undefined
  const capped = change.dependentsCapped === true
  const count = `${thousands(dependents.length)}${capped ? '+' : ''}`
  const noun =
    dependents.length === 1 && !capped ? 'resource depends' : 'resources depend'
  const named = dependents
    .slice(0, OVERVIEW_DEPENDENTS)
    .map((dependent) => addressCode(dependent.address))
  const rest = dependents.length - named.length
  return `${count} ${noun} on it: ${named.join(', ')}${rest > 0 || capped ? ', …' : ''}`
}

/** Up to this many changes are a list (phone-friendly); more are a table. */
const LIST_ITEMS_MAX = 8

/** The address, wrapping between segments, and the CDK construct path under it. */
function resourceCell(change: ResourceChange): string {
  const label =
    change.label === undefined
      ? ''
      : `<br><sub>${escapeCell(change.label)}</sub>`
  const deposed =
    change.deposed === undefined
      ? ''
      : `<br><sub>deposed object ${escapeCell(change.deposed)}</sub>`
  return `${addressCode(change.address)}${label}${deposed}`
}

/**
 * "**replace, delete first**: `ami` changed and cannot be updated in
 * place", then what is at stake (data lost, a safeguard lowered, an
 * `allow` glob that lifts the gate).
 */
export function whatHappens(
  change: ResourceChange,
  risks?: ChangeRisks
): string {
  const verb = actionPhrase(change)
  const because = change.explanation?.replace(
    /^(may be )?(destroyed|replaced|deleted|removed)( \([^)]*\))? because /i,
    'because '
  )
  const head =
    because === undefined ? `**${verb}**` : `**${verb}** ${escapeCell(because)}`
  return head + riskCellLines(risks)
}

/**
 * The risks that say what happens (data lost, safeguard lowered), one line
 * each, and `allow`, as lines inside a table cell (values.ts's riskLines
 * says the same for the text report and the full Markdown report).
 */
function riskCellLines(risks: ChangeRisks | undefined): string {
  if (risks === undefined) return ''
  const lines: string[] = []
  for (const risk of risks.risks) {
    switch (risk.kind) {
      case 'data-loss':
        lines.push(`💾 **data loss**: ${escapeCell(risk.detail)}`)
        break
      case 'protection-lowered':
        lines.push(`🔓 **safeguard lowered**: ${escapeCell(risk.detail)}`)
        break
      case 'protected':
      case 'churn':
        // Said in "why gated", which names the glob or the count.
        break
    }
  }
  if (risks.allowedBy !== undefined)
    lines.push(
      `allowed by ${code(risks.allowedBy, true)} (\`allow\`)${risks.risks.some((r) => r.kind === 'protected') ? ', which cannot lift `always-gate.protected`' : ''}`
    )
  return lines.map((line) => `<br>${line}`).join('')
}

/** The action in words, with the replacement order spelled out. */
export function actionPhrase(change: ResourceChange): string {
  const extra: string[] = []
  if (change.snapshot === true) extra.push('snapshot first')
  if (change.protected === true) extra.push('protected')
  switch (change.action) {
    case 'replace': {
      const verb = change.conditional === true ? 'may replace' : 'replace'
      const order =
        change.replaceOrder === 'create-first' ? 'create first' : 'delete first'
      if (change.keepsOld === true) extra.push('old object kept')
      return [`${verb}, ${order}`, ...extra].join(', ')
    }
    case 'destroy':
      return ['destroy', ...extra].join(', ')
    case 'create':
    case 'update':
    case 'forget':
    case 'read':
    case 'no-op':
      return [change.action, ...extra].join(', ')
  }
}

/** Every reason the gate holds a change, short, joined. */
export function whyGatedAll(
  gated: GatedChange | undefined,
  commits: ReadonlyMap<string, CommitReport>,
  links: ReviewLinks | undefined
): string {
  if (gated === undefined) return ''
  return [gated.gatedBy, ...(gated.also ?? [])]
    .map((reason) => whyGated(reason, commits, links))
    .join('; ')
}

/** Why the gate holds a change, short. */
export function whyGated(
  reason: GateReason | undefined,
  commits: ReadonlyMap<string, CommitReport>,
  links: ReviewLinks | undefined
): string {
  if (reason === undefined) return ''
  switch (reason.kind) {
    case 'ai-commit': {
      const commit = commits.get(reason.sha)
      const tool = reason.tool ?? commit?.tool ?? 'an AI agent'
      const evidence = commit?.evidence[0]?.text
      return `🤖 an AI commit caused it (${escapeCell(tool)}${reason.confidence === undefined ? '' : `, ${reason.confidence}`}${evidence === undefined ? '' : `: ${code(cut(evidence.trim(), 80), true)}`})`
    }
    case 'ai-unread':
      return `🤖 the diff of AI commit ${shaLink(reason.sha, links)} could not be read, so it may have caused it`
    case 'unattributed-ai-infra':
      return 'no commit could be tied to it, and an AI agent changed infrastructure code in this pull request'
    case 'unattributed':
      return 'no commit could be tied to it (`unattributed: gate`)'
    case 'policy':
      return 'the policy gates every destructive change (`gate-on: destructive`)'
    case 'no-history':
      return 'no commit history was given, so nobody can say no AI agent caused it'
    case 'data-loss':
      return '💾 it loses stored data, whoever caused it (`always-gate.data-loss`)'
    case 'protection-lowered':
      return '🔓 it lowers a safeguard against deletion, whoever caused it (`always-gate.protection-lowered`)'
    case 'protected':
      return `🛡️ it matches ${code(reason.pattern, true)} (\`always-gate.protected\`)`
    case 'churn':
      return `${thousands(reason.count)} destructive changes in this pull request, more than \`churn.max-destructive: ${reason.max}\``
  }
}

/** The commits behind a change, as links with their subject and author kind. */
function causedBy(
  entry: DestructiveEntry,
  commits: ReadonlyMap<string, CommitReport>,
  links: ReviewLinks | undefined
): string {
  const causes = entry.verdict?.causedBy ?? []
  // Only destructive changes are traced to commits; a gated update is held whoever made it.
  if (causes.length === 0)
    return entry.verdict === undefined || !entry.change.destructive
      ? ''
      : 'no commit could be tied to it'
  const shown = causes.slice(0, 3).map((cause) => {
    const commit = commits.get(cause.sha)
    const subject =
      commit === undefined ? '' : ` ${escapeCell(commit.subject.trim(), 60)}`
    return `${shaLink(cause.sha, links)}${subject} ${who(commit)}`
  })
  if (causes.length > 3) shown.push(`and ${causes.length - 3} more`)
  return shown.join('<br>')
}

/** 🤖 tool, ⚙️ bot or 👤 person. */
function who(commit: CommitReport | undefined): string {
  if (commit === undefined) return ''
  switch (commit.verdict) {
    case 'ai':
      return `🤖 ${escapeCell(commit.tool ?? 'AI agent')}`
    case 'automation':
      return `⚙️ ${escapeCell(commit.tool ?? 'automation')}`
    case 'human':
      return '👤 person'
  }
}

/** A short SHA that GitHub links: a Markdown link when the repository is known. */
export function shaLink(sha: string, links: ReviewLinks | undefined): string {
  const short = sha.slice(0, 7)
  if (links?.repositoryUrl === undefined || !/^[0-9a-f]{7,64}$/.test(sha))
    return code(short, true)
  return link(short, `${links.repositoryUrl}/commit/${sha}`)
}

function commitIndex(analysis: Analysis): Map<string, CommitReport> {
  return new Map((analysis.commits ?? []).map((c) => [c.sha, c]))
}

/** Causes with their counts: who caused what, whatever the tier. */
const CAUSE_ROWS_MAX = 10

function causeTable(
  entries: readonly DestructiveEntry[],
  options: ListOptions
): string[] {
  const commits = commitIndex(options.analysis)
  const withCause = options.analysis.commits !== undefined
  const causeOf = (entry: DestructiveEntry): string => {
    if (!withCause) return ''
    const shas = (entry.verdict?.causedBy ?? []).map((c) => c.sha)
    if (shas.length === 0)
      return entry.change.destructive
        ? 'no commit could be tied to them'
        : 'not traced (updates are gated whoever made them)'
    return (
      shas
        .slice(0, 2)
        .map((sha) => `${shaLink(sha, options.links)} ${who(commits.get(sha))}`)
        .join('<br>') + (shas.length > 2 ? ` and ${shas.length - 2} more` : '')
    )
  }
  const whyOf = (entry: DestructiveEntry): string =>
    options.gated ? whyGatedAll(entry.gated, commits, options.links) : ''
  const rows = [
    ...tallyBy(entries, (e) => `${causeOf(e)}\u0000${whyOf(e)}`).values()
  ].sort((a, b) => totalOf(b.tally) - totalOf(a.tally))
  const [only] = rows
  // One reason and no commits to tell apart: a sentence says it all.
  if (!withCause && rows.length === 1 && only !== undefined)
    return options.gated ? [`All gated because ${whyOf(only.first)}.`, ''] : []
  const out = [
    `| ${withCause ? 'Caused by | ' : ''}${options.gated ? 'Why gated | ' : ''}${TALLY_HEADER}`,
    `|${withCause ? '---|' : ''}${options.gated ? '---|' : ''}${TALLY_ALIGN}`
  ]
  for (const row of rows.slice(0, CAUSE_ROWS_MAX)) {
    const cells = [
      ...(withCause ? [causeOf(row.first)] : []),
      ...(options.gated ? [whyOf(row.first)] : []),
      ...tallyCells(row.tally)
    ]
    out.push(`| ${cells.join(' | ')} |`)
  }
  const rest = rows.slice(CAUSE_ROWS_MAX)
  if (rest.length > 0) {
    const cells = [
      ...(withCause ? [`${thousands(rest.length)} more causes`] : []),
      ...(options.gated ? [''] : []),
      ...tallyCells(...rest.map((r) => r.tally))
    ]
    out.push(`| ${cells.join(' | ')} |`)
  }
  out.push('')
  return out
}

/** Counts per module instance, for lists too long for even the folded tree. */
function moduleCounts(
  entries: readonly DestructiveEntry[],
  multi: boolean,
  budget: number
): { lines: string[]; complete: boolean } {
  const groups = [
    ...tallyBy(
      entries,
      (e) => `${e.plan.source}\u0000${e.change.module}`
    ).values()
  ].sort(
    (a, b) =>
      compare(a.first.plan.source, b.first.plan.source) ||
      compare(a.first.change.module, b.first.change.module)
  )
  const out = [
    `| ${multi ? 'Plan | ' : ''}Module | ${TALLY_HEADER}`,
    `|${multi ? '---|' : ''}---|${TALLY_ALIGN}`
  ]
  let used = out.join('\n').length
  let hiddenModules = 0
  for (const { first, tally } of groups) {
    const module = first.change.module
    const cells = [
      ...(multi ? [code(first.plan.source, true)] : []),
      module === '' ? '(root)' : addressCode(module),
      ...tallyCells(tally)
    ]
    const row = `| ${cells.join(' | ')} |`
    if (hiddenModules > 0 || used + row.length + 1 > budget) {
      hiddenModules++
      continue
    }
    out.push(row)
    used += row.length + 1
  }
  if (hiddenModules > 0)
    out.push(
      `| ${multi ? '| ' : ''}and ${plural(hiddenModules, 'more module')} | … | … | … |`
    )
  out.push('')
  return { lines: out, complete: hiddenModules === 0 }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
