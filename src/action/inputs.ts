import * as core from '@actions/core'

export const COMMENT_MODES = ['update', 'new', 'off'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

/** Everything the action reads from its `with:` block (see action.yml). */
export interface ActionInputs {
  /** Plan paths or globs, one per line; empty on approval and merge-queue runs. */
  readonly plans: readonly string[]
  /**
   * Directory globs, relative to the workspace and normalised (no `./`, no
   * trailing `/`, `.` for the workspace itself): every matching directory
   * with infrastructure code must have a plan among `plans`. Empty: no check.
   */
  readonly requirePlans: readonly string[]
  /** API token; empty when none was given (report-only runs still work). */
  readonly token: string
  /** Repository path of the config file, read from the base branch on pull requests. */
  readonly config: string
  /** Whether `config` was left at its default (a missing default file means the defaults). */
  readonly configIsDefault: boolean
  readonly comment: CommentMode
  /** Status context; empty means `plangate/<base branch>`. */
  readonly statusContext: string
  readonly labels: boolean
  readonly failOnError: boolean
  readonly failOnBlocked: boolean
  /** Check the plan against the merged pull requests' approvals (the apply workflow); the step fails unless verified. */
  readonly verify: boolean
  /**
   * With `verify`: JSON reports of the reviews (artifacts of their runs),
   * for reviews whose record did not fit in plangate's comment. Trusted only
   * when their digest is the one plangate's own status names.
   */
  readonly approvedReports: readonly string[]
  /** Per-request timeout of API calls, in milliseconds. */
  readonly apiTimeoutMs: number
}

export const DEFAULT_CONFIG_INPUT = '.github/plangate.yml'

/** The only place that calls core.getInput. */
export function getInputs(): ActionInputs {
  const plans = core
    .getMultilineInput('plan')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
  const config = core.getInput('config').trim() || DEFAULT_CONFIG_INPUT
  const inputs: ActionInputs = {
    plans,
    requirePlans: requirePlans(core.getMultilineInput('require-plans')),
    token: core.getInput('github-token').trim(),
    config,
    configIsDefault: config === DEFAULT_CONFIG_INPUT,
    comment: oneOf('comment', COMMENT_MODES, 'update'),
    statusContext: statusContext(core.getInput('status-context')),
    labels: onOff('labels', true),
    failOnError: onOff('fail-on-error', true),
    failOnBlocked: onOff('fail-on-blocked', false),
    verify: onOff('verify', false),
    approvedReports: core
      .getMultilineInput('approved-report')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('#')),
    apiTimeoutMs: seconds('api-timeout', 30) * 1000
  }
  if (inputs.token !== '') core.setSecret(inputs.token)
  core.debug(
    `inputs: ${JSON.stringify({ ...inputs, token: inputs.token === '' ? '' : '***' })}`
  )
  return inputs
}

/**
 * The two inputs needed to report a failed run on the pull request, read
 * without validating the others: when `getInputs` refuses a bad value, the
 * run can still set an `error` status that says why.
 */
export function getFallbackInputs(): { token: string; statusContext: string } {
  const statusContext = core.getInput('status-context').trim()
  return {
    token: core.getInput('github-token').trim(),
    statusContext:
      statusContext.length <= 100 && !/[\r\n]/.test(statusContext)
        ? statusContext
        : ''
  }
}

function oneOf<T extends string>(
  name: string,
  values: readonly T[],
  fallback: T
): T {
  const raw = core.getInput(name).trim()
  if (raw === '') return fallback
  const value = values.find((v) => v === raw.toLowerCase())
  if (value === undefined)
    throw new InputError(
      `input "${name}" must be one of ${values.join('|')}, got ${JSON.stringify(raw)}`
    )
  return value
}

/** Booleans as YAML 1.2 core spells them, plus `on`/`off` (this action's documented words). */
function onOff(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (['true', 'on', 'yes'].includes(raw)) return true
  if (['false', 'off', 'no'].includes(raw)) return false
  throw new InputError(
    `input "${name}" must be on|off (or true|false), got ${JSON.stringify(core.getInput(name))}`
  )
}

function seconds(name: string, fallback: number): number {
  const raw = core.getInput(name).trim()
  if (raw === '') return fallback
  const value = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > 600)
    throw new InputError(
      `input "${name}" must be a number of seconds between 0 and 600, got ${JSON.stringify(raw)}`
    )
  return value
}

/**
 * `require-plans` lines: globs never split on commas (`{a,b}` is one glob),
 * `#` lines are comments. Only paths inside the workspace: no absolute path,
 * no `..`, no negation (a `!` line would match almost everything).
 */
function requirePlans(lines: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const refuse = (why: string): InputError =>
      new InputError(
        `input "require-plans" must list directory globs relative to the workspace, one per line (e.g. stacks/*); ${why}, got ${JSON.stringify(line)}`
      )
    if (line.startsWith('!')) throw refuse('negated globs are not supported')
    if (line.startsWith('/') || /^[A-Za-z]:/.test(line) || line.includes('\\'))
      throw refuse('absolute paths and backslashes are not allowed')
    const path = line.replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.'
    const parts = path.split('/')
    if (path !== '.' && parts.some((p) => p === '' || p === '.' || p === '..'))
      throw refuse('empty, "." and ".." segments are not allowed')
    out.push(path)
  }
  return [...new Set(out)]
}

function statusContext(raw: string): string {
  const value = raw.trim()
  if (value.length > 100 || /[\r\n]/.test(value))
    throw new InputError(
      `input "status-context" must be one line of at most 100 characters, got ${value.length} characters`
    )
  return value
}

/** A `with:` value the action cannot use. */
export class InputError extends Error {
  override readonly name = 'InputError'
}
