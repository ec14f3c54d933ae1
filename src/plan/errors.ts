import type { Redactor } from '../redact/index.js'

/**
 * A plan file that plangate cannot read. The message is one line naming the
 * file, what was expected and what was found, plus a hint when one helps.
 * It never quotes file content beyond a short, known-safe description.
 */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError'
  readonly source: string
  readonly expected: string
  readonly found: string
  readonly hint: string | undefined

  constructor(
    source: string,
    expected: string,
    found: string,
    hint?: string,
    options?: ErrorOptions
  ) {
    super(
      `${source}: expected ${expected}, found ${found}${hint === undefined ? '' : `; ${hint}`}`,
      options
    )
    this.source = source
    this.expected = expected
    this.found = found
    this.hint = hint
  }
}

/**
 * The error with every secret of the run masked in what it says. Errors
 * raised while normalising quote addresses (`aws_x.k["<key>"]`), and a
 * map key can be a secret; the Action copies the message into the commit
 * status, so it is masked as the report is. The original is not kept as
 * the cause: it holds the clear text.
 */
export function redactError(error: unknown, redactor: Redactor): unknown {
  if (!redactor.active || !(error instanceof Error)) return error
  if (error instanceof PlanParseError) {
    const hint = error.hint === undefined ? [] : [redactor.text(error.hint)]
    return new PlanParseError(
      redactor.text(error.source),
      redactor.text(error.expected),
      redactor.text(error.found),
      ...hint
    )
  }
  const message = redactor.text(error.message)
  if (message === error.message) return error
  const stack = error.stack
  error.message = message
  if (stack !== undefined) error.stack = redactor.text(stack)
  return error
}

/** The command that produces what plangate reads, for hints. */
export const SHOW_JSON_HINT =
  'run `terraform show -json PLANFILE > plan.json` (or `tofu show -json PLANFILE`) and pass that file'

/**
 * What to do about Terragrunt's log in place of the plans: since 0.67 it
 * logs what Terraform writes (a time, a level, the unit, `terraform:`)
 * instead of passing it on, unless told to forward it.
 */
export const TERRAGRUNT_LOG_HINT =
  'run Terragrunt with `--tf-forward-stdout` (`--terragrunt-forward-tf-stdout` in releases before the flags lost their prefix) and without `--log-format json`, or `terraform show -json PLANFILE` in each module'
