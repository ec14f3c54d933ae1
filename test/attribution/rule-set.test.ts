import { describe, expect, it } from 'vitest'
import type { Rule } from '../../src/attribution/index.js'
import {
  buildRules,
  classifyCommit,
  DEFAULT_RULES,
  matchGlob,
  RuleError
} from '../../src/attribution/index.js'
import { commit, lines, pullRequest } from './helpers.js'

const COPILOT_CLI = commit({
  message: lines(
    'Tidy variables',
    '',
    'Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>'
  )
})

describe('matchGlob', () => {
  it.each([
    ['claude/*', 'claude/fix-db', true],
    ['claude/*', 'Claude/Fix', true],
    ['claude/*', 'xclaude/fix', false],
    ['* (aider)', 'Ann Lee (aider)', true],
    ['* (aider)', 'Ann Lee', false],
    ['*@agents.acme.dev', 'build@agents.acme.dev', true],
    ['*@agents.acme.dev', 'build@acme.dev', false],
    ['bot-?', 'bot-1', true],
    ['bot-?', 'bot-12', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['my-agent[bot]', 'my-agent[bot]', true],
    ['my-agent[bot]', 'my-agentb', false]
  ])('%j on %j is %j', (pattern, value, expected) => {
    expect(matchGlob(pattern, value)).toBe(expected)
  })

  it('stays fast on a pathological pattern', () => {
    const started = Date.now()
    expect(matchGlob('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5_000))).toBe(false)
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})

describe('buildRules', () => {
  it('with no options is exactly the defaults', () => {
    expect(buildRules(DEFAULT_RULES)).toEqual(DEFAULT_RULES)
  })

  it('disables a default rule by id', () => {
    const rules = buildRules(DEFAULT_RULES, {
      disable: ['copilot.ide.coauthor']
    })
    expect(classifyCommit(COPILOT_CLI, undefined, rules)).toMatchObject({
      verdict: 'human',
      evidence: []
    })
    expect(classifyCommit(COPILOT_CLI, undefined, DEFAULT_RULES).verdict).toBe(
      'ai'
    )
  })

  it('disables a family of rules with a wildcard', () => {
    const rules = buildRules(DEFAULT_RULES, { disable: ['copilot.*'] })
    expect(rules.some((r) => r.id.startsWith('copilot.'))).toBe(false)
    expect(rules.some((r) => r.id.startsWith('claude.'))).toBe(true)
  })

  it('adds extra rules, e.g. an in-house agent’s trailer', () => {
    const extra: Rule = {
      id: 'acme.agent',
      tool: 'acme-agent',
      category: 'ai',
      confidence: 'definite',
      field: 'trailer',
      key: 'x-acme-agent',
      match: { kind: 'regex', source: '^run-\\d+$' }
    }
    const rules = buildRules(DEFAULT_RULES, { extra: [extra] })
    const verdict = classifyCommit(
      commit({ message: lines('Fix', '', 'X-Acme-Agent: run-42') }),
      undefined,
      rules
    )
    expect(verdict).toMatchObject({ verdict: 'ai', tool: 'acme-agent' })
    expect(verdict.evidence[0]?.text).toBe('X-Acme-Agent: run-42')
  })

  it('treats extra AI identity globs as agents: emails, logins and their noreply emails', () => {
    const rules = buildRules(DEFAULT_RULES, {
      aiIdentities: ['*@agents.acme.dev', 'acme-coder[bot]']
    })
    const byEmail = commit({
      author: { name: 'Build agent', email: 'build-7@agents.acme.dev' }
    })
    const byCoauthor = commit({
      message: lines('Fix', '', 'Co-authored-by: Agent <x@agents.acme.dev>')
    })
    const byAppEmail = commit({
      author: {
        name: 'acme-coder[bot]',
        email: '99+acme-coder[bot]@users.noreply.github.com'
      }
    })
    for (const c of [byEmail, byCoauthor, byAppEmail])
      expect(classifyCommit(c, undefined, rules)).toMatchObject({
        verdict: 'ai',
        tool: 'configured-ai-identity',
        confidence: 'definite'
      })
    const byLogin = classifyCommit(
      commit(),
      pullRequest({ authorLogin: 'acme-coder[bot]', authorType: 'Bot' }),
      rules
    )
    expect(byLogin.evidence[0]).toMatchObject({
      ruleId: 'ai-identity.1.pr-author-login',
      field: 'pr-author-login',
      text: 'acme-coder[bot]'
    })
  })

  it('lets a trusted human override an AI identity glob for their own identity', () => {
    const rules = buildRules(DEFAULT_RULES, {
      aiIdentities: ['*@agents.acme.dev'],
      trustedHumans: ['lead@agents.acme.dev']
    })
    const lead = classifyCommit(
      commit({ author: { name: 'Lead', email: 'lead@agents.acme.dev' } }),
      undefined,
      rules
    )
    expect(lead.verdict).toBe('human')
    expect(lead.evidence).toEqual([
      {
        ruleId: 'trusted-human.0.author-email',
        tool: 'trusted-human',
        category: 'human',
        confidence: 'definite',
        field: 'author-email',
        text: 'lead@agents.acme.dev'
      }
    ])
    const other = classifyCommit(
      commit({ author: { name: 'Bot', email: 'bot@agents.acme.dev' } }),
      undefined,
      rules
    )
    expect(other.verdict).toBe('ai')
  })

  it('never lets trust hide what the commit discloses', () => {
    const rules = buildRules(DEFAULT_RULES, {
      trustedHumans: ['ann@example.com']
    })
    const verdict = classifyCommit(
      commit({
        message: lines(
          'Fix',
          '',
          'Co-Authored-By: Claude <noreply@anthropic.com>'
        )
      }),
      undefined,
      rules
    )
    expect(verdict).toMatchObject({ verdict: 'ai', tool: 'claude-code' })
  })

  it('lets a trusted login open a PR that an AI login glob would catch', () => {
    const rules = buildRules(DEFAULT_RULES, {
      aiIdentities: ['acme-*'],
      trustedHumans: ['acme-lead']
    })
    const pr = pullRequest({ authorLogin: 'acme-lead' })
    expect(classifyCommit(commit(), pr, rules).verdict).toBe('human')
    expect(
      classifyCommit(commit(), pullRequest({ authorLogin: 'acme-bot' }), rules)
        .verdict
    ).toBe('ai')
  })
})

describe('buildRules rejects what would silently detect less', () => {
  const rule = (over: Partial<Rule>): Rule =>
    ({
      id: 'acme.rule',
      tool: 'acme',
      category: 'ai',
      confidence: 'definite',
      field: 'author-email',
      match: { kind: 'exact', value: 'agent@acme.dev' },
      ...over
    }) as Rule

  it.each<{ name: string; options: Parameters<typeof buildRules>[1] }>([
    {
      name: 'an unknown id in disable',
      options: { disable: ['claude.emial'] }
    },
    {
      name: 'an extra rule reusing a default id',
      options: { extra: [rule({ id: 'claude.footer' })] }
    },
    {
      name: 'an unanchored regex',
      options: { extra: [rule({ match: { kind: 'regex', source: 'bot@' } })] }
    },
    {
      name: 'a broken regex',
      options: { extra: [rule({ match: { kind: 'regex', source: '^(bot' } })] }
    },
    {
      name: 'an empty exact value',
      options: { extra: [rule({ match: { kind: 'exact', value: ' ' } })] }
    },
    {
      name: 'a match-everything glob',
      options: { extra: [rule({ match: { kind: 'glob', pattern: '*@*' } })] }
    },
    { name: 'a bad id', options: { extra: [rule({ id: 'Acme Rule' })] } },
    {
      name: 'an unknown field',
      options: { extra: [rule({ field: 'author' as never })] }
    },
    {
      name: 'an unknown confidence',
      options: { extra: [rule({ confidence: 'high' as never })] }
    },
    {
      name: 'a bad trailer key',
      options: {
        extra: [rule({ field: 'trailer', key: 'co authored by' })]
      }
    },
    {
      name: 'a human rule on a content field',
      options: { extra: [rule({ category: 'human', field: 'pr-body' })] }
    },
    {
      name: 'an AI identity glob of wildcards',
      options: { aiIdentities: ['*'] }
    },
    {
      name: 'a trusted human with a display name',
      options: { trustedHumans: ['Ann <ann@example.com>'] }
    }
  ])('$name', ({ options }) => {
    expect(() => buildRules(DEFAULT_RULES, options)).toThrow(RuleError)
  })

  it('says which entry failed and what it expected', () => {
    expect(() =>
      buildRules(DEFAULT_RULES, { disable: ['claude.footer', 'claude.emial'] })
    ).toThrowErrorMatchingInlineSnapshot(
      `[RuleError: rule disable[1]: expected the id of a rule (wildcards * and ? allowed), found "claude.emial"]`
    )
    expect(() =>
      buildRules(DEFAULT_RULES, {
        extra: [rule({ match: { kind: 'regex', source: 'bot@' } })]
      })
    ).toThrowErrorMatchingInlineSnapshot(
      `[RuleError: rule acme.rule: expected a regex anchored with ^ (markers match from the start of a line or value), found "bot@"]`
    )
  })
})
