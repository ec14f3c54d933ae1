import { describe, expect, it } from 'vitest'
import {
  buildRules,
  classifyCommit,
  compileRule,
  DEFAULT_RULES,
  RULES_VERIFIED_ON
} from '../../src/attribution/index.js'
import { commit, lines, pullRequest } from './helpers.js'

const AI = DEFAULT_RULES.filter((r) => r.category === 'ai')

describe('DEFAULT_RULES', () => {
  it('covers 20+ AI tools and the common automation bots', () => {
    const tools = new Set(AI.map((r) => r.tool))
    expect(tools.size).toBeGreaterThanOrEqual(20)
    const bots = new Set(
      DEFAULT_RULES.filter((r) => r.category === 'automation').map(
        (r) => r.tool
      )
    )
    expect([...bots]).toEqual(
      expect.arrayContaining([
        'dependabot',
        'renovate',
        'github-actions',
        'ci-bot'
      ])
    )
  })

  it('has unique ids and only valid, anchored matchers', () => {
    expect(() => buildRules(DEFAULT_RULES)).not.toThrow()
    for (const rule of DEFAULT_RULES)
      expect(() => compileRule(rule)).not.toThrow()
  })

  it('is dated, so that someone re-checks it', () => {
    expect(RULES_VERIFIED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('never matches an email by its domain alone', () => {
    for (const rule of DEFAULT_RULES) {
      if (rule.match.kind === 'glob')
        expect(rule.match.pattern).not.toMatch(/^\*@/)
      if (rule.match.kind === 'exact' && rule.field.endsWith('email'))
        expect(rule.match.value).toMatch(/^[^@]+@/)
    }
  })

  it('matches names only for bot handles (sweep-ai[bot]) and aider’s suffix', () => {
    for (const rule of DEFAULT_RULES.filter((r) => r.field.endsWith('name'))) {
      const m = rule.match
      const text =
        m.kind === 'exact' ? m.value : m.kind === 'glob' ? m.pattern : m.source
      expect(text, rule.id).toMatch(/\[bot\]|\(aider\)|-ai\b/)
    }
  })
})

/** Vendor staff, namesakes and vendor domains that must never look like agents. */
const PEOPLE = [
  'Claude <claude@example.com>',
  'Claude Dupont <claude.dupont@gmail.com>',
  'Claude <81847+claude@users.noreply.github.com>',
  'Boris Cherny <boris@anthropic.com>',
  'Sam <sam@openai.com>',
  'Codex Test <codex@example.com>',
  'Paul Gauthier <paul@aider.chat>',
  'Saoud <saoud@cline.bot>',
  'Jane <jane@cursor.com>',
  'Ana <ana@google.com>',
  'Devin Smith <devin@example.com>',
  'Jules Verne <jules@example.com>',
  'Cody <cody@sourcegraph.com>',
  'Amp <amp@example.com>',
  'Copilot Fan <copilot@example.com>',
  'GitHub <noreply@github.com>',
  'Kiro <kiro@amazon.com>'
]

describe('DEFAULT_RULES on people', () => {
  it.each(PEOPLE)('%s is human as author, committer and co-author', (who) => {
    const [, name = '', email = ''] = /^(.*) <(.*)>$/.exec(who) ?? []
    const person = { name, email }
    const verdict = classifyCommit(
      commit({
        author: person,
        committer: person,
        message: lines('Fix', '', `Co-authored-by: ${who}`)
      }),
      pullRequest({
        authorLogin: name.split(' ')[0] ?? '',
        authorType: 'User'
      }),
      DEFAULT_RULES
    )
    expect(verdict).toMatchObject({ verdict: 'human', evidence: [] })
  })
})
