import { parseDocument } from 'yaml'
import {
  buildRules,
  CONFIDENCES,
  DEFAULT_RULES,
  RULE_FIELDS,
  RuleError,
  TRAILER_PARTS
} from '../attribution/index.js'
import {
  CODEOWNERS_APPROVER,
  CODEOWNERS_FALLBACKS,
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_PROTECTED_PATHS,
  DEFAULT_PROTECTED_PATHS_POLICY,
  MIN_PERMISSIONS,
  PROTECTED_GATE_ON
} from '../gate/index.js'
import type { ApprovalPolicy, ProtectedPathsPolicy } from '../gate/index.js'
import { DEFAULT_RISK_POLICY } from '../risk/index.js'
import type { RiskPolicy } from '../risk/index.js'
import type {
  Confidence,
  Matcher,
  Rule,
  RuleField,
  RuleSet
} from '../attribution/index.js'

/** Where the config lives unless the user says otherwise. */
export const DEFAULT_CONFIG_PATH = '.github/plangate.yml'

/** What the gate blocks. */
export const GATE_ON = ['ai-destructive', 'destructive', 'none'] as const
export type GateOn = (typeof GATE_ON)[number]

/** What happens to a destructive change no commit can be pinned to. */
export const UNATTRIBUTED = [
  'gate-if-ai-touched-infra',
  'gate',
  'pass'
] as const
export type Unattributed = (typeof UNATTRIBUTED)[number]

/** How commits of automation (Dependabot, Renovate, github-actions) count. */
export const AUTOMATION_AS = ['automation', 'ai', 'human'] as const
export type AutomationAs = (typeof AUTOMATION_AS)[number]

/** The validated contents of `.github/plangate.yml`. */
export interface PolicyConfig {
  /** `ai-destructive` (default): destroy/replace caused by AI commits; `destructive`: every one; `none`: report only. */
  readonly gateOn: GateOn
  /** Default rule ids to switch off. */
  readonly disableRules: readonly string[]
  /** Rules added to the defaults. */
  readonly extraRules: readonly Rule[]
  /** Logins or emails (`*`/`?` globs) that are AI agents. */
  readonly aiIdentities: readonly string[]
  /** Logins or emails (`*`/`?` globs) of people whose identity is never read as an agent. */
  readonly trustedHumans: readonly string[]
  /** How automation commits count for the gate. */
  readonly automationAs: AutomationAs
  /** Destructive changes that no commit can be pinned to. */
  readonly unattributed: Unattributed
  /** CloudFormation/CDK stack name → the repository directory of its source, for attribution. */
  readonly stackDirs: Readonly<Record<string, string>>
  /**
   * Who may approve destructive changes. `aiLogins` holds `approval.ai-logins`
   * plus every login pattern (no `@`) of `ai-identities`: an account that is
   * an AI agent for attribution never approves.
   */
  readonly approval: ApprovalPolicy
  /**
   * Trust-critical files (workflows, this config, CODEOWNERS) whose change
   * is gated: the defaults plus `protected-paths.paths`, unless
   * `defaults: false`.
   */
  readonly protectedPaths: ProtectedPathsPolicy
  /**
   * What is gated whoever caused it (`always-gate`: data loss, lowered
   * safeguards, protected globs), what is never gated (`allow`, except
   * protected) and the churn threshold (`churn.max-destructive`).
   */
  readonly risk: RiskPolicy
}

export const DEFAULT_POLICY: PolicyConfig = {
  gateOn: 'ai-destructive',
  disableRules: [],
  extraRules: [],
  aiIdentities: [],
  trustedHumans: [],
  automationAs: 'automation',
  unattributed: 'gate-if-ai-touched-infra',
  stackDirs: {},
  approval: DEFAULT_APPROVAL_POLICY,
  protectedPaths: DEFAULT_PROTECTED_PATHS_POLICY,
  risk: DEFAULT_RISK_POLICY
}

/** A config file plangate cannot use: names the file and the key path. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError'
  readonly source: string
  readonly path: string

  constructor(source: string, path: string, message: string) {
    super(`${source}: ${path === '' ? '' : `${path}: `}${message}`)
    this.source = source
    this.path = path
  }
}

const KNOWN_KEYS = [
  'version',
  'gate-on',
  'rules',
  'ai-identities',
  'trusted-humans',
  'automation',
  'unattributed',
  'stack-dirs',
  'approval',
  'protected-paths',
  'always-gate',
  'allow',
  'churn'
] as const

const ALWAYS_GATE_KEYS = [
  'data-loss',
  'protection-lowered',
  'protected'
] as const
const CHURN_KEYS = ['max-destructive'] as const

const PROTECTED_PATHS_KEYS = ['paths', 'defaults', 'gate-on'] as const

const APPROVAL_KEYS = [
  'min-approvals',
  'min-permission',
  'allow-contributors',
  'allow-pr-author',
  'ai-logins',
  'approvers',
  'codeowners-fallback'
] as const

/**
 * Parses and validates the YAML text of a plangate config. Unknown keys are
 * errors (a typo must not silently weaken the gate), and every message
 * names the key path, what was expected and what was found.
 */
export function parsePolicyConfig(text: string, source: string): PolicyConfig {
  const document = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true
  })
  const [first] = document.errors
  if (first !== undefined) {
    const offset = first.pos[0]
    const before = text.slice(0, offset).split('\n')
    const line = before.length
    const column = (before[before.length - 1]?.length ?? 0) + 1
    throw new PolicyError(
      source,
      '',
      `expected YAML, found a syntax error at line ${line}, column ${column} (${first.code})`
    )
  }
  let doc: unknown
  try {
    doc = document.toJS()
  } catch (error) {
    // yaml stops a document whose aliases expand past 100 values (a
    // "billion laughs"): bad input, not a bug of plangate.
    throw new PolicyError(
      source,
      '',
      /alias count/i.test(error instanceof Error ? error.message : '')
        ? 'expected YAML whose aliases expand to at most 100 values, found aliases that expand past that'
        : `expected YAML that reads as data, found ${error instanceof Error ? error.message : String(error)}`
    )
  }
  if (doc === null || doc === undefined) return DEFAULT_POLICY
  const root = record(doc, source, '')
  for (const key of Object.keys(root)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      throw new PolicyError(
        source,
        key,
        `unknown key; expected one of ${KNOWN_KEYS.join(', ')}`
      )
    }
  }
  if (root.version !== undefined && root.version !== 1) {
    throw new PolicyError(
      source,
      'version',
      `must be 1, got ${show(root.version)}`
    )
  }
  const rules =
    root.rules === undefined ? {} : record(root.rules, source, 'rules')
  for (const key of Object.keys(rules)) {
    if (key !== 'disable' && key !== 'extra')
      throw new PolicyError(
        source,
        `rules.${key}`,
        'unknown key; expected disable or extra'
      )
  }
  const automation =
    root.automation === undefined
      ? {}
      : record(root.automation, source, 'automation')
  for (const key of Object.keys(automation)) {
    if (key !== 'treat-as')
      throw new PolicyError(
        source,
        `automation.${key}`,
        'unknown key; expected treat-as'
      )
  }
  const aiIdentities = strings(root['ai-identities'], source, 'ai-identities')
  return {
    gateOn:
      oneOf(root['gate-on'], GATE_ON, source, 'gate-on') ??
      DEFAULT_POLICY.gateOn,
    disableRules: strings(rules.disable, source, 'rules.disable'),
    extraRules: list(rules.extra, source, 'rules.extra').map((rule, i) =>
      parseRule(rule, source, `rules.extra[${i}]`)
    ),
    aiIdentities,
    trustedHumans: strings(root['trusted-humans'], source, 'trusted-humans'),
    automationAs:
      oneOf(
        automation['treat-as'],
        AUTOMATION_AS,
        source,
        'automation.treat-as'
      ) ?? DEFAULT_POLICY.automationAs,
    unattributed:
      oneOf(root.unattributed, UNATTRIBUTED, source, 'unattributed') ??
      DEFAULT_POLICY.unattributed,
    stackDirs: stringMap(root['stack-dirs'], source, 'stack-dirs'),
    approval: parseApproval(root.approval, aiIdentities, source),
    protectedPaths: parseProtectedPaths(root['protected-paths'], source),
    risk: parseRisk(root, source)
  }
}

/**
 * `always-gate:` (`data-loss`, `protection-lowered`: booleans;
 * `protected`: globs), `allow:` (globs) and `churn:` (`max-destructive`:
 * a whole number, 0 = off).
 */
function parseRisk(root: Record<string, unknown>, source: string): RiskPolicy {
  const defaults = DEFAULT_RISK_POLICY
  const always =
    root['always-gate'] === undefined || root['always-gate'] === null
      ? {}
      : record(root['always-gate'], source, 'always-gate')
  for (const key of Object.keys(always)) {
    if (!(ALWAYS_GATE_KEYS as readonly string[]).includes(key))
      throw new PolicyError(
        source,
        `always-gate.${key}`,
        `unknown key; expected one of ${ALWAYS_GATE_KEYS.join(', ')}`
      )
  }
  const churn =
    root.churn === undefined || root.churn === null
      ? {}
      : record(root.churn, source, 'churn')
  for (const key of Object.keys(churn)) {
    if (!(CHURN_KEYS as readonly string[]).includes(key))
      throw new PolicyError(
        source,
        `churn.${key}`,
        `unknown key; expected one of ${CHURN_KEYS.join(', ')}`
      )
  }
  const max = churn['max-destructive']
  if (
    max !== undefined &&
    max !== null &&
    (typeof max !== 'number' || !Number.isInteger(max) || max < 0)
  )
    throw new PolicyError(
      source,
      'churn.max-destructive',
      `must be a whole number (0 turns it off), got ${show(max)}`
    )
  return {
    alwaysGate: {
      dataLoss:
        flag(always['data-loss'], source, 'always-gate.data-loss') ??
        defaults.alwaysGate.dataLoss,
      protectionLowered:
        flag(
          always['protection-lowered'],
          source,
          'always-gate.protection-lowered'
        ) ?? defaults.alwaysGate.protectionLowered,
      protected: strings(always.protected, source, 'always-gate.protected').map(
        (glob, i) => resourceGlob(glob, source, `always-gate.protected[${i}]`)
      )
    },
    allow: strings(root.allow, source, 'allow').map((glob, i) =>
      resourceGlob(glob, source, `allow[${i}]`)
    ),
    churn: {
      maxDestructive:
        typeof max === 'number' ? max : defaults.churn.maxDestructive
    }
  }
}

/**
 * An address, type or `tag:KEY=VALUE` glob (`*` any run of characters,
 * `?` one, case-insensitive). A glob that would match everything lifts
 * or gates every change: `allow: ["*"]` is refused, since `gate-on: none`
 * says that plainly.
 */
function resourceGlob(glob: string, source: string, path: string): string {
  const trimmed = glob.trim()
  const problem = /^[*?]*$/.test(trimmed)
    ? path.startsWith('allow')
      ? 'a glob that matches every change (to turn the gate off, use gate-on: none)'
      : undefined
    : trimmed.startsWith('!')
      ? 'a negated glob (globs only add; there is no exclusion)'
      : trimmed.startsWith('tag:') && !/^tag:[^=]+=/.test(trimmed)
        ? 'a tag glob without "=" (write tag:KEY=VALUE, e.g. "tag:data=critical" or "tag:backup=*")'
        : undefined
  if (problem !== undefined)
    throw new PolicyError(
      source,
      path,
      `expected an address, type or tag:KEY=VALUE glob (e.g. "module.database.*", "aws_kms_key.*", "random_id"), found ${problem}: ${show(glob)}`
    )
  return trimmed
}

/**
 * `protected-paths:` either a list of globs (added to the defaults) or a
 * mapping: `paths` (added to the defaults), `defaults: false` (drop the
 * defaults), `gate-on: ai|any`.
 */
function parseProtectedPaths(
  value: unknown,
  source: string
): ProtectedPathsPolicy {
  if (value === undefined || value === null)
    return DEFAULT_PROTECTED_PATHS_POLICY
  if (typeof value !== 'object')
    throw new PolicyError(
      source,
      'protected-paths',
      `must be a list of globs or a mapping with ${PROTECTED_PATHS_KEYS.join(', ')}, got ${show(value)}`
    )
  const section: Record<string, unknown> = Array.isArray(value)
    ? { paths: value }
    : (value as Record<string, unknown>)
  for (const key of Object.keys(section)) {
    if (!(PROTECTED_PATHS_KEYS as readonly string[]).includes(key))
      throw new PolicyError(
        source,
        `protected-paths.${key}`,
        `unknown key; expected one of ${PROTECTED_PATHS_KEYS.join(', ')}`
      )
  }
  const path = Array.isArray(value)
    ? 'protected-paths'
    : 'protected-paths.paths'
  const added = strings(section.paths, source, path).map((glob, i) =>
    protectedGlob(glob, source, `${path}[${i}]`)
  )
  const defaults =
    flag(section.defaults, source, 'protected-paths.defaults') ?? true
  return {
    paths: [
      ...new Set([...(defaults ? DEFAULT_PROTECTED_PATHS : []), ...added])
    ],
    gateOn:
      oneOf(
        section['gate-on'],
        PROTECTED_GATE_ON,
        source,
        'protected-paths.gate-on'
      ) ?? DEFAULT_PROTECTED_PATHS_POLICY.gateOn
  }
}

/**
 * A protected-path glob as commits name files: repository-relative, `/`
 * separators. A glob that could never match (a leading `/` or `./`, a
 * backslash) or that would invert (`!`) is an error, not a silent hole.
 */
function protectedGlob(glob: string, source: string, path: string): string {
  const trimmed = glob.trim()
  const problem = trimmed.startsWith('!')
    ? 'a negated glob (protected paths can only be added; use defaults: false to start from none)'
    : trimmed.startsWith('/') || trimmed.startsWith('./')
      ? 'a path with a leading / or ./ (paths are relative to the repository root, e.g. "Makefile")'
      : trimmed.includes('\\')
        ? 'a backslash (use / between directories)'
        : undefined
  if (problem !== undefined)
    throw new PolicyError(
      source,
      path,
      `expected a repository-relative glob (minimatch, e.g. "scripts/plan/**"), found ${problem}: ${show(glob)}`
    )
  return trimmed
}

const LOGIN_GLOB = /^[A-Za-z0-9*?][A-Za-z0-9*?-]*(\[bot\])?$/
const APPROVER =
  /^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/

/**
 * The `approval:` section. The login patterns of `ai-identities` join
 * `ai-logins`, so an account configured as an AI agent can never approve.
 */
function parseApproval(
  value: unknown,
  aiIdentities: readonly string[],
  source: string
): ApprovalPolicy {
  const section =
    value === undefined || value === null
      ? {}
      : record(value, source, 'approval')
  for (const key of Object.keys(section)) {
    if (!(APPROVAL_KEYS as readonly string[]).includes(key))
      throw new PolicyError(
        source,
        `approval.${key}`,
        `unknown key; expected one of ${APPROVAL_KEYS.join(', ')}`
      )
  }
  const defaults = DEFAULT_APPROVAL_POLICY
  const aiLogins = strings(
    section['ai-logins'],
    source,
    'approval.ai-logins'
  ).map((pattern, i) => {
    const trimmed = pattern.trim()
    if (!LOGIN_GLOB.test(trimmed))
      throw new PolicyError(
        source,
        `approval.ai-logins[${i}]`,
        `must be a login glob (letters, digits, -, * and ?), got ${show(pattern)}`
      )
    return trimmed
  })
  const identityLogins = aiIdentities
    .map((pattern) => pattern.trim())
    .filter((pattern) => !pattern.includes('@'))
  const approvers = strings(
    section.approvers,
    source,
    'approval.approvers'
  ).map((entry, i) => {
    const trimmed = entry.trim()
    if (!APPROVER.test(trimmed))
      throw new PolicyError(
        source,
        `approval.approvers[${i}]`,
        `must be a login or org/team, got ${show(entry)}`
      )
    return trimmed.replace(/^@/, '')
  })
  const codeowners = approvers.some(
    (entry) => entry.toLowerCase() === CODEOWNERS_APPROVER
  )
  const fallback = oneOf(
    section['codeowners-fallback'],
    CODEOWNERS_FALLBACKS,
    source,
    'approval.codeowners-fallback'
  )
  if (fallback !== undefined && !codeowners)
    throw new PolicyError(
      source,
      'approval.codeowners-fallback',
      `applies only with ${CODEOWNERS_APPROVER} in approval.approvers, got approvers ${approvers.length === 0 ? '(none)' : JSON.stringify(approvers)}`
    )
  return {
    minApprovals: minApprovals(section['min-approvals'], source),
    minPermission:
      oneOf(
        section['min-permission'],
        MIN_PERMISSIONS,
        source,
        'approval.min-permission'
      ) ?? defaults.minPermission,
    allowContributors:
      flag(
        section['allow-contributors'],
        source,
        'approval.allow-contributors'
      ) ?? defaults.allowContributors,
    allowPrAuthor:
      flag(section['allow-pr-author'], source, 'approval.allow-pr-author') ??
      defaults.allowPrAuthor,
    aiLogins: [...new Set([...aiLogins, ...identityLogins])],
    approvers,
    codeownersFallback: fallback ?? defaults.codeownersFallback
  }
}

function minApprovals(value: unknown, source: string): number {
  if (value === undefined || value === null)
    return DEFAULT_APPROVAL_POLICY.minApprovals
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new PolicyError(
      source,
      'approval.min-approvals',
      `must be an integer of at least 1, got ${show(value)}`
    )
  return value
}

function flag(
  value: unknown,
  source: string,
  path: string
): boolean | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean')
    throw new PolicyError(
      source,
      path,
      `must be true or false, got ${show(value)}`
    )
  return value
}

const RULE_KEYS = [
  'id',
  'tool',
  'confidence',
  'field',
  'key',
  'part',
  'match',
  'category',
  'note'
] as const

function parseRule(value: unknown, source: string, path: string): Rule {
  const rule = record(value, source, path)
  for (const key of Object.keys(rule)) {
    if (!(RULE_KEYS as readonly string[]).includes(key))
      throw new PolicyError(
        source,
        `${path}.${key}`,
        `unknown key; expected one of ${RULE_KEYS.join(', ')}`
      )
  }
  const id = requiredString(rule.id, source, `${path}.id`)
  const tool = requiredString(rule.tool, source, `${path}.tool`)
  const confidence: Confidence =
    oneOf(rule.confidence, CONFIDENCES, source, `${path}.confidence`) ??
    'likely'
  const field: RuleField | undefined = oneOf(
    rule.field,
    RULE_FIELDS,
    source,
    `${path}.field`
  )
  if (field === undefined) {
    throw new PolicyError(
      source,
      `${path}.field`,
      `is required; one of ${RULE_FIELDS.join(', ')}`
    )
  }
  const category =
    oneOf(
      rule.category,
      ['ai', 'automation'] as const,
      source,
      `${path}.category`
    ) ?? 'ai'
  const match = parseMatcher(rule.match, source, `${path}.match`)
  const common = { id, tool, confidence, category, match }
  if (field === 'trailer') {
    const key = requiredString(rule.key, source, `${path}.key`)
    const part = oneOf(rule.part, TRAILER_PARTS, source, `${path}.part`)
    return part === undefined
      ? { ...common, field, key }
      : { ...common, field, key, part }
  }
  if (rule.key !== undefined || rule.part !== undefined) {
    throw new PolicyError(
      source,
      `${path}.key`,
      'only trailer rules take key and part'
    )
  }
  return { ...common, field }
}

/** `match: {exact: "..."}`, `{glob: "..."}` or `{regex: "^..."}`. */
function parseMatcher(value: unknown, source: string, path: string): Matcher {
  const matcher = record(value, source, path)
  const keys = Object.keys(matcher)
  const [kind] = keys
  if (
    keys.length !== 1 ||
    (kind !== 'exact' && kind !== 'glob' && kind !== 'regex')
  ) {
    throw new PolicyError(
      source,
      path,
      `must have exactly one of exact, glob or regex, got ${keys.length === 0 ? 'none' : keys.join(', ')}`
    )
  }
  const text = requiredString(matcher[kind], source, `${path}.${kind}`)
  switch (kind) {
    case 'exact':
      return { kind, value: text }
    case 'glob':
      return { kind, pattern: text }
    case 'regex':
      return { kind, source: text }
  }
}

function record(
  value: unknown,
  source: string,
  path: string
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PolicyError(source, path, `must be a mapping, got ${show(value)}`)
  }
  return value as Record<string, unknown>
}

function list(value: unknown, source: string, path: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value))
    throw new PolicyError(source, path, `must be a list, got ${show(value)}`)
  return value
}

function stringMap(
  value: unknown,
  source: string,
  path: string
): Record<string, string> {
  if (value === undefined || value === null) return {}
  const map = record(value, source, path)
  const out: Record<string, string> = {}
  for (const [key, item] of Object.entries(map))
    out[key] = requiredString(item, source, `${path}.${key}`)
  return out
}

function strings(value: unknown, source: string, path: string): string[] {
  return list(value, source, path).map((item, i) =>
    requiredString(item, source, `${path}[${i}]`)
  )
}

function requiredString(value: unknown, source: string, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PolicyError(
      source,
      path,
      `must be a non-empty string, got ${show(value)}`
    )
  }
  return value
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  source: string,
  path: string
): T | undefined {
  if (value === undefined || value === null) return undefined
  if (
    typeof value === 'string' &&
    (allowed as readonly string[]).includes(value)
  )
    return value as T
  throw new PolicyError(
    source,
    path,
    `must be one of ${allowed.join('|')}, got ${show(value)}`
  )
}

/** Describes a config value for an error; configs are the user's own text, never secret. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string')
    return JSON.stringify(
      value.length > 60 ? `${value.slice(0, 57)}...` : value
    )
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${String(value)}`
  return typeof value === 'object' ? 'a mapping' : typeof value
}

const RULE_OPTION_PATHS: Readonly<Record<string, string>> = {
  disable: 'rules.disable',
  aiIdentities: 'ai-identities',
  trustedHumans: 'trusted-humans'
}

/**
 * The detection rules a config asks for: the defaults, less what it
 * disables, plus its extra rules and identities. A rule problem is reported
 * at the config key it came from (`rules.disable[1]`, `rules.extra[0]`).
 */
export function buildPolicyRules(
  config: PolicyConfig,
  source: string
): RuleSet {
  try {
    return buildRules(DEFAULT_RULES, {
      disable: config.disableRules,
      extra: config.extraRules,
      aiIdentities: config.aiIdentities,
      trustedHumans: config.trustedHumans
    })
  } catch (error) {
    if (!(error instanceof RuleError)) throw error
    const entry = /^(disable|aiIdentities|trustedHumans)\[(\d+)\]$/.exec(
      error.ruleId
    )
    const extraIndex = config.extraRules.findIndex(
      (rule) => rule.id === error.ruleId
    )
    const path =
      entry !== null
        ? `${RULE_OPTION_PATHS[entry[1] ?? ''] ?? ''}[${entry[2] ?? ''}]`
        : extraIndex >= 0
          ? `rules.extra[${extraIndex}]`
          : `rules (rule ${error.ruleId})`
    throw new PolicyError(
      source,
      path,
      `expected ${error.expected}, found ${error.found}`
    )
  }
}
