import { RuleError } from './errors.js'
import { matchGlob } from './glob.js'
import { compileMatcher, compileRule } from './matchers.js'
import type { Matcher, Rule, RuleCategory } from './types.js'

/** The rules a run uses: defaults, minus disabled ones, plus configured ones. */
export type RuleSet = readonly Rule[]

/** What a repository's config can change about detection. */
export interface RuleOptions {
  /** Rule ids to switch off; `*` and `?` wildcards allowed (`copilot.ide.*`). Each must match a rule. */
  readonly disable?: readonly string[]
  /** Extra rules, checked like the defaults; their ids must be new. */
  readonly extra?: readonly Rule[]
  /**
   * Globs (`*`, `?`) over emails (with `@`) or GitHub logins (without) of
   * accounts that are AI agents: self-hosted agents, internal bots. A login
   * also covers its `users.noreply.github.com` commit emails.
   */
  readonly aiIdentities?: readonly string[]
  /**
   * Globs over emails or logins of people whose *identity* must never be
   * read as AI (e.g. a person an `aiIdentities` glob would catch). Trust
   * never hides what a commit's content discloses (trailers, footers, notes)
   * and never stops a pull request's AI evidence from reaching a commit:
   * agents often commit under their human's identity.
   */
  readonly trustedHumans?: readonly string[]
}

const IDENTITY_GLOB = /^[^\s<>]+$/
const NOREPLY = '@users.noreply.github.com'

/**
 * Builds the rule set the detector runs, so the config loader only has to
 * parse YAML and hand its lists over. Throws `RuleError` (with the config
 * entry, e.g. `disable[1]`, as rule id) on anything that would silently
 * detect less than the user asked for.
 */
export function buildRules(
  defaults: readonly Rule[],
  options: RuleOptions = {}
): RuleSet {
  const extra = options.extra ?? []
  const candidates = [...defaults, ...extra]
  const seen = new Set<string>()
  for (const rule of candidates) {
    compileRule(rule)
    if (seen.has(rule.id))
      throw new RuleError(
        rule.id,
        'a rule id used once',
        'a second rule with this id'
      )
    seen.add(rule.id)
  }

  const disabled = new Set<string>()
  ;(options.disable ?? []).forEach((pattern, i) => {
    const hits = candidates.filter((rule) => matchGlob(pattern, rule.id))
    if (hits.length === 0)
      throw new RuleError(
        `disable[${i}]`,
        'the id of a rule (wildcards * and ? allowed)',
        JSON.stringify(pattern)
      )
    for (const rule of hits) disabled.add(rule.id)
  })

  const generated = [
    ...identityRules(
      'aiIdentities',
      'ai-identity',
      'ai',
      options.aiIdentities ?? []
    ),
    ...identityRules(
      'trustedHumans',
      'trusted-human',
      'human',
      options.trustedHumans ?? []
    )
  ]
  for (const rule of generated) compileRule(rule)
  return [...candidates.filter((rule) => !disabled.has(rule.id)), ...generated]
}

/** Turns identity globs into rules on every field that holds that identity. */
function identityRules(
  option: string,
  prefix: string,
  category: Exclude<RuleCategory, 'automation'>,
  patterns: readonly string[]
): Rule[] {
  return patterns.flatMap((raw, i): Rule[] => {
    const where = `${option}[${i}]`
    const pattern = raw.trim()
    if (!IDENTITY_GLOB.test(pattern))
      throw new RuleError(
        where,
        'an email or login glob without spaces or <>',
        JSON.stringify(raw)
      )
    compileMatcher(where, { kind: 'glob', pattern })
    const common = {
      tool: category === 'ai' ? 'configured-ai-identity' : 'trusted-human',
      category,
      confidence: 'definite'
    } as const
    const id = (suffix: string): string => `${prefix}.${i}.${suffix}`
    const emails: Matcher[] = pattern.includes('@')
      ? [{ kind: 'glob', pattern }]
      : [
          { kind: 'glob', pattern: `${pattern}${NOREPLY}` },
          { kind: 'glob', pattern: `*+${pattern}${NOREPLY}` }
        ]
    const rules: Rule[] = emails.flatMap((match, j): Rule[] => {
      const n = emails.length > 1 ? `.${j}` : ''
      const byEmail: Rule[] = [
        { ...common, id: id(`author-email${n}`), field: 'author-email', match },
        {
          ...common,
          id: id(`committer-email${n}`),
          field: 'committer-email',
          match
        }
      ]
      if (category === 'ai')
        byEmail.push({
          ...common,
          id: id(`coauthor${n}`),
          field: 'trailer',
          key: 'co-authored-by',
          part: 'email',
          match
        })
      return byEmail
    })
    if (!pattern.includes('@'))
      rules.push({
        ...common,
        id: id('pr-author-login'),
        field: 'pr-author-login',
        match: { kind: 'glob', pattern }
      })
    return rules
  })
}
