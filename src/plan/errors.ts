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

/** The command that produces what plangate reads, for hints. */
export const SHOW_JSON_HINT =
  'run `terraform show -json PLANFILE > plan.json` (or `tofu show -json PLANFILE`) and pass that file'
