import type { VerifiedChange, VerifyResult } from '../gate/verify.js'
import {
  addressCode,
  code,
  escapeCell,
  escapeTerminal,
  escapeText,
  link,
  plural
} from './escape.js'
import type { ToolInfo } from './json.js'

/*
 * The reports of `verify`: what the apply job is about to do that nobody
 * reviewed or approved, and where it should have been reviewed. Problems
 * first, then the changes that block, then (folded) the ones that passed.
 */

/** Rows of each table in the job summary; the rest is counted. */
const MAX_ROWS = 500

export interface VerifyLinks {
  /** `https://github.com/owner/name`, to link pull requests. */
  readonly repositoryUrl?: string
}

const STATE_WORDS: Readonly<Record<VerifiedChange['state'], string>> = {
  approved: 'approved',
  reviewed: 'reviewed, not gated',
  unapproved: 'never approved',
  unreviewed: 'never reviewed'
}

function blocking(change: VerifiedChange): boolean {
  return change.state === 'unapproved' || change.state === 'unreviewed'
}

/** The job summary (and `plangate verify -f markdown`). */
export function renderVerifyMarkdown(
  result: VerifyResult,
  links: VerifyLinks = {}
): string {
  const pull = (n: number | undefined): string =>
    n === undefined
      ? '—'
      : links.repositoryUrl === undefined
        ? `#${n}`
        : link(`#${n}`, `${links.repositoryUrl}/pull/${n}`)
  const lines: string[] = []
  const verified = result.verdict === 'verified'
  lines.push(
    `## ${verified ? '✅' : '⛔'} plangate verify: ${verified ? 'verified' : 'blocked'}`,
    '',
    verified
      ? `> [!TIP]\n> ${escapeText(result.summary)}. The apply step may run.`
      : `> [!CAUTION]\n> ${escapeText(result.summary)}. **Do not apply this plan**: the step failed so that the apply step does not run.`,
    ''
  )
  if (result.problems.length > 0) {
    lines.push('### Why', '')
    for (const problem of result.problems)
      lines.push(`- ${escapeText(problem)}`)
    lines.push('')
  }
  const bad = result.changes.filter(blocking)
  const good = result.changes.filter((c) => !blocking(c))
  const table = (changes: readonly VerifiedChange[]): string[] => {
    const rows = changes
      .slice(0, MAX_ROWS)
      .map(
        (c) =>
          `| ${addressCode(c.address)} | ${c.action} | ${code(c.type, true)} | ${escapeCell(c.stack === '' ? c.source : `${c.stack} (${c.source})`)} | ${STATE_WORDS[c.state]} | ${pull(c.pull)} | ${escapeCell(c.detail)} |`
      )
    const more = changes.length - rows.length
    return [
      '| Address | Action | Type | Plan | State | Pull request | Detail |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      ...(more > 0 ? ['', `…and ${plural(more, 'more change')}.`] : [])
    ]
  }
  if (bad.length > 0)
    lines.push(
      `### ${plural(bad.length, 'destructive change')} not approved`,
      '',
      ...table(bad),
      ''
    )
  if (good.length > 0)
    lines.push(
      '<details>',
      `<summary>${plural(good.length, 'destructive change')} reviewed${good.some((c) => c.state === 'approved') ? ' and approved' : ''}</summary>`,
      '',
      ...table(good),
      '',
      '</details>',
      ''
    )
  return lines.join('\n')
}

/**
 * The verdict line of a terminal: `VERIFIED: 3 destructive changes, ...`.
 * The summary starts with the verdict in small letters (`verified: 3 ...`,
 * the Action's `summary` output): said once, not `VERIFIED: verified: 3`.
 */
export function verifyVerdictLine(result: VerifyResult): string {
  const prefix = `${result.verdict}: `
  const rest = result.summary.startsWith(prefix)
    ? result.summary.slice(prefix.length)
    : result.summary
  return `${result.verdict.toUpperCase()}: ${escapeTerminal(rest)}`
}

/**
 * The terminal report of `plangate verify`: problems, then the changes
 * that block, then those that pass. Changes that share their state and
 * detail (9,815 changes "never approved" in one blocked review) are listed
 * under it once, in plan order, instead of repeating it on every line.
 */
export function renderVerifyText(result: VerifyResult): string {
  const lines = [`plangate verify: ${verifyVerdictLine(result)}`]
  for (const problem of result.problems)
    lines.push(`  problem: ${escapeTerminal(problem)}`)
  const groups = new Map<string, VerifiedChange[]>()
  for (const change of result.changes) {
    const key = `${change.state}\u0000${change.detail}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [change])
    else group.push(change)
  }
  const ordered = [...groups.values()]
  for (const group of [
    ...ordered.filter((g) => blocking(g[0] as VerifiedChange)),
    ...ordered.filter((g) => !blocking(g[0] as VerifiedChange))
  ]) {
    const first = group[0] as VerifiedChange
    const mark = blocking(first) ? '✗' : '✓'
    const why = `${STATE_WORDS[first.state]}: ${escapeTerminal(first.detail)}`
    if (group.length === 1) {
      lines.push(`  ${mark} ${changeWords(first)}: ${why}`)
      continue
    }
    // Counted as the verdict line counts (`9,815 destructive changes`).
    lines.push(`  ${mark} ${why} (${plural(group.length, 'change')}):`)
    for (const change of group) lines.push(`      ${changeWords(change)}`)
  }
  return lines.join('\n') + '\n'
}

/** `aws_db_instance.main (replace, aws_db_instance)`, with its stack when it has one. */
function changeWords(change: VerifiedChange): string {
  return `${escapeTerminal(change.address)} (${change.action}, ${escapeTerminal(change.type)}${change.stack === '' ? '' : `, stack ${escapeTerminal(change.stack)}`})`
}

/** The JSON report of `plangate verify -f json`. */
export function renderVerifyJson(result: VerifyResult, tool: ToolInfo): string {
  return (
    JSON.stringify({
      schemaVersion: 1,
      tool,
      verify: {
        verdict: result.verdict,
        summary: result.summary,
        problems: result.problems,
        changes: result.changes
      }
    }) + '\n'
  )
}
