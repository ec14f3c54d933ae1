import { describe, expect, it } from 'vitest'
import { DEFAULT_APPROVAL_POLICY } from '../../src/gate/index.js'
import {
  buildPolicyRules,
  DEFAULT_POLICY,
  parsePolicyConfig,
  PolicyError
} from '../../src/policy/index.js'

const SOURCE = '.github/plangate.yml'

function errorFor(text: string): string {
  try {
    buildPolicyRules(parsePolicyConfig(text, SOURCE), SOURCE)
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError)
    return (error as PolicyError).message
  }
  throw new Error('the config was accepted')
}

describe('parsePolicyConfig', () => {
  it('gives the defaults for an empty file', () => {
    expect(parsePolicyConfig('', SOURCE)).toEqual(DEFAULT_POLICY)
    expect(parsePolicyConfig('# only a comment\n', SOURCE)).toEqual(
      DEFAULT_POLICY
    )
  })

  it('reads every key', () => {
    const config = parsePolicyConfig(
      `version: 1
gate-on: destructive
unattributed: gate
stack-dirs:
  OrdersServiceStack: services/orders
automation:
  treat-as: human
ai-identities: ["platform-agent[bot]", "*@agents.example.com"]
trusted-humans: ["claude.dupont@example.com"]
rules:
  disable: [claude-code.co-author]
  extra:
    - id: acme.agent-trailer
      tool: acme-agent
      confidence: definite
      field: trailer
      key: X-Acme-Agent
      match: { regex: "^.+$" }
    - id: acme.branch
      tool: acme-agent
      confidence: weak
      field: head-branch
      match: { glob: "acme-agent/*" }
`,
      SOURCE
    )
    expect(config).toMatchObject({
      gateOn: 'destructive',
      unattributed: 'gate',
      automationAs: 'human',
      aiIdentities: ['platform-agent[bot]', '*@agents.example.com'],
      trustedHumans: ['claude.dupont@example.com'],
      disableRules: ['claude-code.co-author'],
      stackDirs: { OrdersServiceStack: 'services/orders' }
    })
    expect(config.extraRules).toEqual([
      {
        id: 'acme.agent-trailer',
        tool: 'acme-agent',
        confidence: 'definite',
        category: 'ai',
        field: 'trailer',
        key: 'X-Acme-Agent',
        match: { kind: 'regex', source: '^.+$' }
      },
      {
        id: 'acme.branch',
        tool: 'acme-agent',
        confidence: 'weak',
        category: 'ai',
        field: 'head-branch',
        match: { kind: 'glob', pattern: 'acme-agent/*' }
      }
    ])
  })

  it('rejects a stack directory that is not a string', () => {
    expect(errorFor('stack-dirs:\n  Orders: 3')).toBe(
      '.github/plangate.yml: stack-dirs.Orders: must be a non-empty string, got number 3'
    )
  })

  it.each([
    [
      'gate-on: sometimes',
      '.github/plangate.yml: gate-on: must be one of ai-destructive|destructive|none, got "sometimes"'
    ],
    [
      'gate_on: none',
      '.github/plangate.yml: gate_on: unknown key; expected one of version, gate-on, rules, ai-identities, trusted-humans, automation, unattributed, stack-dirs, approval, protected-paths, always-gate, allow, churn'
    ],
    ['version: 2', '.github/plangate.yml: version: must be 1, got number 2'],
    [
      'ai-identities: bot',
      '.github/plangate.yml: ai-identities: must be a list, got "bot"'
    ],
    [
      'ai-identities: ["", "x"]',
      '.github/plangate.yml: ai-identities[0]: must be a non-empty string, got ""'
    ],
    [
      'rules:\n  disabled: [x]',
      '.github/plangate.yml: rules.disabled: unknown key; expected disable or extra'
    ],
    [
      'rules:\n  extra:\n    - id: a\n      tool: t\n      field: trailer\n      match: {exact: x}',
      '.github/plangate.yml: rules.extra[0].key: must be a non-empty string, got nothing'
    ],
    [
      'rules:\n  extra:\n    - id: a\n      tool: t\n      field: author-email\n      confidence: high\n      match: {exact: x}',
      '.github/plangate.yml: rules.extra[0].confidence: must be one of definite|likely|weak, got "high"'
    ],
    [
      'rules:\n  extra:\n    - id: a\n      tool: t\n      field: author-email\n      match: {exact: x, glob: y}',
      '.github/plangate.yml: rules.extra[0].match: must have exactly one of exact, glob or regex, got exact, glob'
    ],
    [
      'automation:\n  treat-as: robot',
      '.github/plangate.yml: automation.treat-as: must be one of automation|ai|human, got "robot"'
    ],
    [
      'gate-on: [a',
      '.github/plangate.yml: expected YAML, found a syntax error at line 1, column 12 (BAD_INDENT)'
    ],
    [
      'gate-on: none\ngate-on: destructive',
      '.github/plangate.yml: expected YAML, found a syntax error at line 2, column 1 (DUPLICATE_KEY)'
    ],
    ['- a list', '.github/plangate.yml: must be a mapping, got a list'],
    [
      // A "billion laughs": nine levels of nine aliases each (was an internal error).
      'version: 1\na: &a [x, x, x, x, x, x, x, x, x]\n' +
        'bcdefghi'
          .split('')
          .map(
            (name, i) =>
              `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`
          )
          .join('\n'),
      '.github/plangate.yml: expected YAML whose aliases expand to at most 100 values, found aliases that expand past that'
    ]
  ])('%j', (text, message) => {
    expect(errorFor(text)).toBe(message)
  })

  it('reports rule problems at the config key they came from', () => {
    expect(errorFor('rules:\n  disable: [no-such-rule]')).toMatch(
      /^\.github\/plangate\.yml: rules\.disable\[0\]: expected /
    )
    expect(
      errorFor(
        'rules:\n  extra:\n    - id: bad\n      tool: t\n      field: message-line\n      match: {regex: "unanchored"}'
      )
    ).toMatch(/^\.github\/plangate\.yml: rules\.extra\[0\]: expected /)
  })

  it('builds the default rules plus the extra ones', () => {
    const config = parsePolicyConfig(
      'rules:\n  extra:\n    - id: acme.author\n      tool: acme\n      field: author-email\n      match: {exact: agent@acme.example}',
      SOURCE
    )
    const rules = buildPolicyRules(config, SOURCE)
    expect(rules.some((rule) => rule.id === 'acme.author')).toBe(true)
    expect(rules.length).toBeGreaterThan(20)
  })
})

describe('parsePolicyConfig approval', () => {
  const approval = (text: string) => parsePolicyConfig(text, SOURCE).approval

  it('gives the default approval policy when the section is absent or empty', () => {
    expect(DEFAULT_POLICY.approval).toEqual(DEFAULT_APPROVAL_POLICY)
    expect(approval('gate-on: destructive')).toEqual(DEFAULT_APPROVAL_POLICY)
    expect(approval('approval:')).toEqual(DEFAULT_APPROVAL_POLICY)
    expect(DEFAULT_APPROVAL_POLICY).toEqual({
      minApprovals: 1,
      minPermission: 'write',
      allowContributors: false,
      allowPrAuthor: false,
      aiLogins: [],
      approvers: [],
      codeownersFallback: 'approvers'
    })
  })

  it('reads every key', () => {
    expect(
      approval(`approval:
  min-approvals: 2
  min-permission: maintain
  allow-contributors: true
  allow-pr-author: true
  ai-logins: [acme-agent, "ci-bot-*", "platform-agent[bot]"]
  approvers: [alice, "@Bob", acme/platform-team]
`)
    ).toEqual({
      minApprovals: 2,
      minPermission: 'maintain',
      allowContributors: true,
      allowPrAuthor: true,
      aiLogins: ['acme-agent', 'ci-bot-*', 'platform-agent[bot]'],
      approvers: ['alice', 'Bob', 'acme/platform-team'],
      codeownersFallback: 'approvers'
    })
  })

  it('reads codeowners among the approvers, with its fallback', () => {
    expect(
      approval(`approval:
  approvers: [codeowners, acme/dba]
  codeowners-fallback: block
`)
    ).toMatchObject({
      approvers: ['codeowners', 'acme/dba'],
      codeownersFallback: 'block'
    })
    expect(approval('approval:\n  approvers: [codeowners]')).toMatchObject({
      codeownersFallback: 'approvers'
    })
  })

  it.each(['read', 'triage', 'write', 'maintain', 'admin'] as const)(
    'accepts min-permission %s',
    (level) => {
      expect(approval(`approval:\n  min-permission: ${level}`)).toMatchObject({
        minPermission: level
      })
    }
  )

  it('makes the login patterns of ai-identities ineligible too (not the emails)', () => {
    expect(
      approval(`ai-identities: ["acme-agent", " *@agents.example.com", "ops-bot-?"]
approval:
  ai-logins: [acme-agent, other-agent]
`).aiLogins
    ).toEqual(['acme-agent', 'other-agent', 'ops-bot-?'])
    expect(approval('ai-identities: [claude-runner]').aiLogins).toEqual([
      'claude-runner'
    ])
  })

  it.each([
    [
      'approval: yes',
      '.github/plangate.yml: approval: must be a mapping, got "yes"'
    ],
    [
      'approval:\n  min_approvals: 2',
      '.github/plangate.yml: approval.min_approvals: unknown key; expected one of min-approvals, min-permission, allow-contributors, allow-pr-author, ai-logins, approvers, codeowners-fallback'
    ],
    [
      'approval:\n  min-approvals: 0',
      '.github/plangate.yml: approval.min-approvals: must be an integer of at least 1, got number 0'
    ],
    [
      'approval:\n  min-approvals: -1',
      '.github/plangate.yml: approval.min-approvals: must be an integer of at least 1, got number -1'
    ],
    [
      'approval:\n  min-approvals: 1.5',
      '.github/plangate.yml: approval.min-approvals: must be an integer of at least 1, got number 1.5'
    ],
    [
      'approval:\n  min-approvals: "2"',
      '.github/plangate.yml: approval.min-approvals: must be an integer of at least 1, got "2"'
    ],
    [
      'approval:\n  min-permission: none',
      '.github/plangate.yml: approval.min-permission: must be one of read|triage|write|maintain|admin, got "none"'
    ],
    [
      'approval:\n  min-permission: Write',
      '.github/plangate.yml: approval.min-permission: must be one of read|triage|write|maintain|admin, got "Write"'
    ],
    [
      'approval:\n  allow-contributors: yes',
      '.github/plangate.yml: approval.allow-contributors: must be true or false, got "yes"'
    ],
    [
      'approval:\n  allow-pr-author: 1',
      '.github/plangate.yml: approval.allow-pr-author: must be true or false, got number 1'
    ],
    [
      'approval:\n  ai-logins: acme-agent',
      '.github/plangate.yml: approval.ai-logins: must be a list, got "acme-agent"'
    ],
    [
      'approval:\n  ai-logins: [""]',
      '.github/plangate.yml: approval.ai-logins[0]: must be a non-empty string, got ""'
    ],
    [
      'approval:\n  ai-logins: [ok, "agent@example.com"]',
      '.github/plangate.yml: approval.ai-logins[1]: must be a login glob (letters, digits, -, * and ?), got "agent@example.com"'
    ],
    [
      'approval:\n  ai-logins: ["two words"]',
      '.github/plangate.yml: approval.ai-logins[0]: must be a login glob (letters, digits, -, * and ?), got "two words"'
    ],
    [
      'approval:\n  approvers: alice',
      '.github/plangate.yml: approval.approvers: must be a list, got "alice"'
    ],
    [
      'approval:\n  approvers: [3]',
      '.github/plangate.yml: approval.approvers[0]: must be a non-empty string, got number 3'
    ],
    [
      'approval:\n  approvers: ["acme/platform/ops"]',
      '.github/plangate.yml: approval.approvers[0]: must be a login or org/team, got "acme/platform/ops"'
    ],
    [
      'approval:\n  approvers: ["ali*"]',
      '.github/plangate.yml: approval.approvers[0]: must be a login or org/team, got "ali*"'
    ],
    [
      'approval:\n  approvers: [codeowners]\n  codeowners-fallback: owners',
      '.github/plangate.yml: approval.codeowners-fallback: must be one of approvers|anyone|block, got "owners"'
    ],
    [
      'approval:\n  approvers: [codeowners]\n  codeowners-fallback: true',
      '.github/plangate.yml: approval.codeowners-fallback: must be one of approvers|anyone|block, got boolean true'
    ],
    [
      'approval:\n  approvers: [alice]\n  codeowners-fallback: anyone',
      '.github/plangate.yml: approval.codeowners-fallback: applies only with codeowners in approval.approvers, got approvers ["alice"]'
    ],
    [
      'approval:\n  codeowners-fallback: anyone',
      '.github/plangate.yml: approval.codeowners-fallback: applies only with codeowners in approval.approvers, got approvers (none)'
    ],
    [
      'approval:\n  approvers: ["renovate[bot]"]',
      '.github/plangate.yml: approval.approvers[0]: must be a login or org/team, got "renovate[bot]"'
    ]
  ])('%j', (text, message) => {
    expect(errorFor(text)).toBe(message)
  })
})

describe('always-gate, allow and churn', () => {
  it('defaults to gating data loss and lowered safeguards, nothing protected, nothing allowed, churn off', () => {
    expect(parsePolicyConfig('', SOURCE).risk).toEqual({
      alwaysGate: { dataLoss: true, protectionLowered: true, protected: [] },
      allow: [],
      churn: { maxDestructive: 0 }
    })
  })

  it('reads every key', () => {
    const config = parsePolicyConfig(
      [
        'always-gate:',
        '  data-loss: false',
        '  protection-lowered: false',
        '  protected: ["module.database.*", "aws_kms_key", "tag:data=critical"]',
        'allow: ["random_id", " aws_api_gateway_deployment.* "]',
        'churn:',
        '  max-destructive: 20'
      ].join('\n'),
      SOURCE
    )
    expect(config.risk).toEqual({
      alwaysGate: {
        dataLoss: false,
        protectionLowered: false,
        protected: ['module.database.*', 'aws_kms_key', 'tag:data=critical']
      },
      allow: ['random_id', 'aws_api_gateway_deployment.*'],
      churn: { maxDestructive: 20 }
    })
  })

  it.each([
    [
      'always-gate:\n  data-loss: yes please',
      '.github/plangate.yml: always-gate.data-loss: must be true or false, got "yes please"'
    ],
    [
      'always-gate:\n  protect: ["x"]',
      '.github/plangate.yml: always-gate.protect: unknown key; expected one of data-loss, protection-lowered, protected'
    ],
    [
      'always-gate: true',
      '.github/plangate.yml: always-gate: must be a mapping, got boolean true'
    ],
    [
      'always-gate:\n  protected: "aws_db_instance.*"',
      '.github/plangate.yml: always-gate.protected: must be a list, got "aws_db_instance.*"'
    ],
    [
      'always-gate:\n  protected: ["tag:data"]',
      '.github/plangate.yml: always-gate.protected[0]: expected an address, type or tag:KEY=VALUE glob (e.g. "module.database.*", "aws_kms_key.*", "random_id"), found a tag glob without "=" (write tag:KEY=VALUE, e.g. "tag:data=critical" or "tag:backup=*"): "tag:data"'
    ],
    [
      'allow: ["*"]',
      '.github/plangate.yml: allow[0]: expected an address, type or tag:KEY=VALUE glob (e.g. "module.database.*", "aws_kms_key.*", "random_id"), found a glob that matches every change (to turn the gate off, use gate-on: none): "*"'
    ],
    [
      'allow: ["!random_id"]',
      '.github/plangate.yml: allow[0]: expected an address, type or tag:KEY=VALUE glob (e.g. "module.database.*", "aws_kms_key.*", "random_id"), found a negated glob (globs only add; there is no exclusion): "!random_id"'
    ],
    [
      'churn:\n  max-destructive: -1',
      '.github/plangate.yml: churn.max-destructive: must be a whole number (0 turns it off), got number -1'
    ],
    [
      'churn:\n  max-destructive: "10"',
      '.github/plangate.yml: churn.max-destructive: must be a whole number (0 turns it off), got "10"'
    ],
    [
      'churn:\n  max: 10',
      '.github/plangate.yml: churn.max: unknown key; expected one of max-destructive'
    ]
  ])('%j', (text, message) => {
    expect(errorFor(text)).toBe(message)
  })
})
