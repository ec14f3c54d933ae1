/**
 * A detection rule (default, extra or generated from a config glob) that
 * cannot be used. The message names the rule and says what was expected
 * and what was found, so the config loader can prefix its key path.
 */
export class RuleError extends Error {
  override readonly name = 'RuleError'
  /** The rule id, or the config entry (`aiIdentities[2]`) the rule came from. */
  readonly ruleId: string
  readonly expected: string
  readonly found: string

  constructor(
    ruleId: string,
    expected: string,
    found: string,
    options?: ErrorOptions
  ) {
    super(`rule ${ruleId}: expected ${expected}, found ${found}`, options)
    this.ruleId = ruleId
    this.expected = expected
    this.found = found
  }
}
