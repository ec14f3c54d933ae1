/** What every flow of the Action shares: its dependencies, its log and its outputs. */
import type { GitHubPort } from '../github/port.js'
import type { ActionContext } from './context.js'
import type { ActionInputs } from './inputs.js'

/** What a run reports back as step outputs. */
export interface ActionOutputs {
  readonly decision:
    'pass' | 'blocked' | 'approved' | 'skipped' | 'error' | 'verified'
  readonly digest: string
  readonly counts: Readonly<Record<string, number>>
  readonly gatedCount: number
  readonly reportPath: string
  readonly commentId: string
  /** Why the decision is `error`, for the step log. */
  readonly error?: string
  /** One line for the step's failure message (verify). */
  readonly summary?: string
}

/** Where a run writes for people: the step log, annotations and the job summary. */
export interface ActionLog {
  info(message: string): void
  debug(message: string): void
  notice(message: string, title?: string): void
  warning(message: string, title?: string): void
  error(message: string, title?: string): void
  summary(markdown: string): Promise<void>
}

export interface RunDeps {
  readonly inputs: ActionInputs
  readonly context: ActionContext
  /** Undefined when no token was given: only report-only runs can work. */
  readonly port: GitHubPort | undefined
  readonly log: ActionLog
}
