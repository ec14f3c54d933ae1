import { RecordError, parseRecord, recordIntact } from '../gate/record.js'
import type { ReviewRecord } from '../gate/record.js'
import type { ReviewedPull } from '../gate/verify.js'
import { PlanParseError } from '../plan/index.js'
import { parseJsonText } from '../plan/json-text.js'
import { readPlanFile, type ReadStdin } from './read-plan.js'

const STATES = ['pass', 'blocked', 'approved', 'rejected', 'incomplete']

/**
 * Reads the JSON report of an approved review (`--approved REPORT.json`)
 * as the review `verify` checks a plan against. The report must carry a
 * `review` whose digest its items still give: an edited report is refused.
 * Offline, the file is trusted as given; the Action reads the review from
 * GitHub instead.
 */
export function readApprovedReport(
  path: string,
  readStdin: ReadStdin
): ReviewedPull & { readonly record: ReviewRecord } {
  const value = parseJsonText(readPlanFile(path, readStdin), path)
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PlanParseError(path, 'a plangate JSON report', 'other JSON')
  const report = value as Record<string, unknown>
  if (
    typeof report.tool !== 'object' ||
    report.tool === null ||
    (report.tool as Record<string, unknown>).name !== 'plangate'
  )
    throw new PlanParseError(
      path,
      "a plangate JSON report (`plangate review -f json`, or the Action's report-path)",
      'JSON without `"tool": {"name": "plangate"}`'
    )
  if (report.review === undefined)
    throw new PlanParseError(
      path,
      'a report with a `review` (written by plangate 0.2 or later)',
      'a report without one'
    )
  let record
  try {
    record = parseRecord(report.review, 'review')
  } catch (error) {
    if (error instanceof RecordError)
      throw new PlanParseError(path, 'a readable review', error.message)
    throw error
  }
  if (!recordIntact(record))
    throw new PlanParseError(
      path,
      'a review whose digest its scope and items give',
      `digest ${JSON.stringify(record.digest)} that does not match them: the report was edited after plangate wrote it`
    )
  const review = report.review as Record<string, unknown>
  const state = review.state
  if (typeof state !== 'string' || !STATES.includes(state))
    throw new PlanParseError(
      path,
      `review.state: one of ${STATES.join(', ')}`,
      JSON.stringify(state) ?? 'nothing'
    )
  const logins = (key: 'approvedBy' | 'deniedBy'): string[] => {
    const list = review[key]
    if (
      !Array.isArray(list) ||
      !list.every((login): login is string => typeof login === 'string')
    )
      throw new PlanParseError(
        path,
        `review.${key}: a list of logins`,
        list === undefined ? 'nothing' : 'something else'
      )
    return list
  }
  const approvedBy = logins('approvedBy')
  logins('deniedBy')
  return {
    number: record.scope.pullNumber,
    outcome:
      state === 'pass' || state === 'approved' || state === 'blocked'
        ? state
        : state === 'rejected'
          ? 'rejected'
          : 'undecided',
    approvedBy,
    record,
    source: path
  }
}
