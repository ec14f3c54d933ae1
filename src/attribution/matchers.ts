import { RuleError } from './errors.js'
import { matchGlob } from './glob.js'
import type { Condition, Matcher, Rule } from './types.js'
import {
  CONFIDENCES,
  IDENTITY_FIELDS,
  RULE_CATEGORIES,
  RULE_FIELDS
} from './types.js'

/** Longest value a rule is tested on; longer lines are cut, which bounds regex time. */
export const MAX_MATCH_CHARS = 2_000

const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/
const TRAILER_KEY = /^[a-z0-9][a-z0-9-]*$/i

/** A matcher ready to test values. */
export type TestValue = (value: string) => boolean

/**
 * The part of a value a matcher matched: a regex's match, or the whole
 * (trimmed) value; undefined when it does not match. Evidence quotes this,
 * never the rest of the line, so text after a marker cannot ride along.
 */
export type ExtractValue = (value: string) => string | undefined

/** A rule with its matchers compiled. */
export interface CompiledRule {
  readonly rule: Rule
  readonly test: TestValue
  readonly extract: ExtractValue
  readonly requires: readonly {
    readonly condition: Condition
    readonly test: TestValue
  }[]
}

const cache = new WeakMap<Rule, CompiledRule>()

/**
 * Checks a rule and compiles its matchers once (rules are immutable data,
 * so the result is cached per rule object). Throws `RuleError` on a rule
 * that could match too much or not at all.
 */
export function compileRule(rule: Rule): CompiledRule {
  const cached = cache.get(rule)
  if (cached !== undefined) return cached
  validateShape(rule)
  const test = compileMatcher(rule.id, rule.match)
  const compiled: CompiledRule = {
    rule,
    test,
    extract: compileExtractor(rule.match, test),
    requires: (rule.requires ?? []).map((condition) => {
      if (
        !(RULE_FIELDS as readonly string[]).includes(condition.field) ||
        condition.field === ('trailer' as string)
      )
        throw new RuleError(
          rule.id,
          'a requires field other than trailer',
          JSON.stringify(condition.field)
        )
      return { condition, test: compileMatcher(rule.id, condition.match) }
    })
  }
  cache.set(rule, compiled)
  return compiled
}

function validateShape(rule: Rule): void {
  if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id))
    throw new RuleError(
      String(rule.id),
      'an id of lowercase letters, digits, ".", "_" and "-"',
      JSON.stringify(rule.id)
    )
  if (typeof rule.tool !== 'string' || rule.tool.trim() === '')
    throw new RuleError(rule.id, 'a non-empty tool', JSON.stringify(rule.tool))
  if (!(RULE_CATEGORIES as readonly string[]).includes(rule.category))
    throw new RuleError(
      rule.id,
      `category ${RULE_CATEGORIES.join('|')}`,
      JSON.stringify(rule.category)
    )
  if (!(CONFIDENCES as readonly string[]).includes(rule.confidence))
    throw new RuleError(
      rule.id,
      `confidence ${CONFIDENCES.join('|')}`,
      JSON.stringify(rule.confidence)
    )
  if (!(RULE_FIELDS as readonly string[]).includes(rule.field))
    throw new RuleError(
      rule.id,
      `field ${RULE_FIELDS.join('|')}`,
      JSON.stringify(rule.field)
    )
  if (rule.field === 'trailer' && !TRAILER_KEY.test(rule.key))
    throw new RuleError(
      rule.id,
      'a trailer key of letters, digits and "-"',
      JSON.stringify(rule.key)
    )
  if (
    rule.category === 'human' &&
    !(IDENTITY_FIELDS as readonly string[]).includes(rule.field)
  )
    throw new RuleError(
      rule.id,
      `a human rule on ${IDENTITY_FIELDS.join('|')}`,
      rule.field
    )
}

/** Compiles one matcher; all comparisons are case-insensitive. */
/** The extractor for a matcher already checked by `compileMatcher`. */
function compileExtractor(matcher: Matcher, test: TestValue): ExtractValue {
  if (matcher.kind === 'regex') {
    const regex = new RegExp(matcher.source, 'i')
    return (value) => regex.exec(value.trim().slice(0, MAX_MATCH_CHARS))?.[0]
  }
  return (value) => (test(value) ? value.trim() : undefined)
}

export function compileMatcher(ruleId: string, matcher: Matcher): TestValue {
  switch (matcher.kind) {
    case 'exact': {
      const want = matcher.value.trim().toLowerCase()
      if (want === '')
        throw new RuleError(ruleId, 'a non-empty exact value', '""')
      return (value) => value.trim().toLowerCase() === want
    }
    case 'glob': {
      const pattern = matcher.pattern.trim()
      if (pattern.replace(/[*?]/g, '').length < 3)
        throw new RuleError(
          ruleId,
          'a glob with at least 3 literal characters',
          JSON.stringify(matcher.pattern)
        )
      return (value) => matchGlob(pattern, value.trim())
    }
    case 'regex': {
      if (!matcher.source.startsWith('^'))
        throw new RuleError(
          ruleId,
          'a regex anchored with ^ (markers match from the start of a line or value)',
          JSON.stringify(matcher.source)
        )
      let regex: RegExp
      try {
        regex = new RegExp(matcher.source, 'i')
      } catch (error) {
        throw new RuleError(
          ruleId,
          'a valid JavaScript regex',
          JSON.stringify(matcher.source),
          { cause: error }
        )
      }
      return (value) => regex.test(value.trim().slice(0, MAX_MATCH_CHARS))
    }
    default: {
      const kind: unknown = (matcher as { kind: unknown }).kind
      throw new RuleError(
        ruleId,
        'a matcher of kind exact|glob|regex',
        JSON.stringify(kind)
      )
    }
  }
}
