import { posix } from 'node:path'
import type {
  AttributeChange,
  ChangeAction,
  DependencyGraph,
  CheckResult,
  Incompleteness,
  OutputChange,
  Plan,
  PlanFormat,
  ReplaceOrder,
  ResourceChange,
  SourceMap
} from '../model.js'
import { collectLeafStrings, collectMaskedStrings } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { rememberPerText } from '../memo.js'
import { diffAttributes, formatPath } from './attributes.js'
import { GraphBuilder, nodeOf } from './dependents.js'
import {
  PlanParseError,
  SHOW_JSON_HINT,
  TERRAGRUNT_LOG_HINT
} from './errors.js'
import {
  arrayAt,
  describeJson,
  describeScalar,
  isRecord,
  recordAt,
  stringAt
} from './json.js'
import type { JsonRecord } from './json.js'
import { explainReason } from './reasons.js'
import {
  collectActionSecrets,
  explainDeferral,
  normalizeActionInvocations
} from './terraform-actions.js'

/** `format_version` minors of the 1.x series that plangate has been checked against. */
export const KNOWN_FORMAT_MINORS = [0, 1, 2] as const

/** A Terraform/OpenTofu plan document that passed the shape checks, with its secrets. */
export interface TerraformInput {
  readonly kind: 'terraform'
  readonly source: string
  /**
   * Only the sections normalisation reads. The rest (prior_state,
   * planned_values, configuration: most of a large plan) is dropped once
   * its secrets are collected, so the garbage collector stops tracing it.
   */
  readonly doc: JsonRecord
  /** The plan leaves no managed object behind (planned_values is empty): a destroy plan. */
  readonly plansNothing: boolean
  /** Root outputs declared `sensitive = true`. */
  readonly sensitiveOutputs: ReadonlySet<string>
  /** Module directories and references from `configuration`, for attribution. */
  readonly sourceMap: SourceMap
  /** Who refers to whom (configuration, module inputs/outputs, prior-state `depends_on`), for the blast radius. */
  readonly dependencies: DependencyGraph
  /** Every string marked sensitive anywhere in the document. */
  readonly secrets: ReadonlySet<string>
  readonly warnings: readonly string[]
  /**
   * `resource_changes` read as normalisation reaches them (the byte
   * reader's: parsed a part at a time, so each part's raw values die young);
   * when present, `doc.resource_changes` holds only the changes whose masks
   * mark something, which is all that secret collection needs.
   */
  readonly changes?: LazyElements
}

/** Elements of a long array, parsed in order each time they are walked. */
export interface LazyElements {
  readonly length: number
  forEach(each: (element: unknown, index: number) => void): void
}

/** True when a JSON document has the shape of `terraform show -json PLANFILE`. */
export function looksLikeTerraformPlan(doc: unknown): doc is JsonRecord {
  return (
    isRecord(doc) &&
    typeof doc.format_version === 'string' &&
    ('planned_values' in doc ||
      'resource_changes' in doc ||
      'output_changes' in doc ||
      ('configuration' in doc && !('values' in doc)))
  )
}

/**
 * Checks that a document is a Terraform/OpenTofu JSON plan of a supported
 * version and collects its secrets. Separate from normalisation so that
 * secrets of every input plan can mask every other plan.
 */
export function readTerraformPlan(
  doc: unknown,
  source: string
): TerraformInput {
  if (!looksLikeTerraformPlan(doc)) throw notAPlan(doc, source)
  const warnings: string[] = []
  const version = doc.format_version as string
  const match = /^(\d+)\.(\d+)$/.exec(version)
  if (match === null) {
    throw new PlanParseError(
      source,
      'a plan with format_version "0.x" or "1.x"',
      `format_version ${describeScalar(version)}`
    )
  }
  const major = Number(match[1])
  const minor = Number(match[2])
  if (major > 1) {
    throw new PlanParseError(
      source,
      'a plan with format_version "0.x" or "1.x"',
      `format_version "${version}"`,
      'this plangate release does not know that format; upgrade plangate'
    )
  }
  if (
    major === 1 &&
    !(KNOWN_FORMAT_MINORS as readonly number[]).includes(minor)
  ) {
    warnings.push(
      `${source}: plan format_version "${version}" is newer than the versions plangate was tested with (1.0 to 1.2); reading it as 1.2`
    )
  }
  const sensitiveOutputs = findSensitiveOutputs(doc)
  return {
    kind: 'terraform',
    source,
    doc: pick(doc, KEPT_SECTIONS),
    plansNothing: plansNothing(doc),
    sensitiveOutputs,
    ...collectDependencies(doc),
    secrets: collectSecrets(doc, sensitiveOutputs),
    warnings
  }
}

/** Top-level keys that normalisation reads; everything else is dropped after reading. */
export const KEPT_SECTIONS = [
  'format_version',
  'terraform_version',
  'resource_changes',
  'resource_drift',
  'output_changes',
  'checks',
  'applyable',
  'complete',
  'errored',
  'deferred_changes',
  'relevant_attributes',
  'action_invocations',
  'deferred_action_invocations'
] as const

function pick(doc: JsonRecord, keys: readonly string[]): JsonRecord {
  const out: Record<string, unknown> = {}
  for (const key of keys) if (key in doc) out[key] = doc[key]
  return out
}

/**
 * Reads where modules live and what each resource refers to from the
 * plan's `configuration`, before it is dropped. Local module sources are
 * resolved against their parent module's directory.
 */
export function collectSourceMap(
  doc: JsonRecord,
  graph: GraphBuilder = new GraphBuilder()
): SourceMap {
  const moduleDirs: Record<string, string> = { '': '' }
  const references: Record<string, readonly string[]> = {}
  const expressionReferences: Record<
    string,
    Record<string, readonly string[]>
  > = {}
  const visit = (
    module: JsonRecord | undefined,
    path: readonly string[],
    dir: string | undefined
  ): void => {
    if (module === undefined) return
    const prefix = path.map((name) => `module.${name}.`).join('')
    for (const resource of arrayAt(module, 'resources') ?? []) {
      if (!isRecord(resource)) continue
      const address = stringAt(resource, 'address')
      if (address === undefined) continue
      const found = new Set<string>()
      // Entries, not assignments: an argument may be called `__proto__`.
      const byExpression: [string, readonly string[]][] = []
      const note = (name: string, expression: unknown): void => {
        const own = new Set<string>()
        collectReferences(expression, own)
        for (const reference of own) found.add(reference)
        if (own.size > 0) byExpression.push([name, [...own].sort()])
      }
      for (const [name, expression] of Object.entries(
        recordAt(resource, 'expressions') ?? {}
      ))
        note(name, expression)
      note('count', resource.count_expression)
      note('for_each', resource.for_each_expression)
      references[prefix + address] = [...found].sort()
      expressionReferences[prefix + address] = Object.fromEntries(byExpression)
      addResourceEdges(graph, resource, prefix, prefix + address, found)
    }
    addOutputEdges(graph, module, prefix)
    for (const [name, call] of Object.entries(
      recordAt(module, 'module_calls') ?? {}
    )) {
      if (!isRecord(call)) continue
      const source = stringAt(call, 'source')
      const childPath = [...path, name]
      const local =
        dir !== undefined &&
        source !== undefined &&
        (source.startsWith('./') || source.startsWith('../'))
      const childDir = local
        ? posix.normalize(posix.join(dir, source))
        : undefined
      if (childDir !== undefined)
        moduleDirs[childPath.join('.')] = childDir === '.' ? '' : childDir
      const found = new Set<string>()
      for (const [variable, expression] of Object.entries(
        recordAt(call, 'expressions') ?? {}
      )) {
        const own = new Set<string>()
        collectReferences(expression, own)
        for (const reference of own) {
          found.add(reference)
          const from = referenceNode(reference, prefix)
          if (from !== undefined)
            graph.add(
              from,
              `~${prefix}module.${name}.var.${variable}`,
              'reference'
            )
        }
      }
      collectReferences(call.count_expression, found)
      collectReferences(call.for_each_expression, found)
      references[`${prefix}module.${name}`] = [...found].sort()
      visit(recordAt(call, 'module'), childPath, childDir)
    }
  }
  visit(recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module'), [], '.')
  return { moduleDirs, references, expressionReferences }
}

/**
 * The dependency graph of a plan: configuration references between
 * resources, through module inputs (`~module.a.var.x`) and outputs
 * (`~module.a.output.y`), explicit `depends_on`, and the prior state's
 * recorded `depends_on` (which still names what a removed block needed).
 * Locals are not in the plan's configuration, so a dependency through a
 * local is not seen.
 */
export function collectDependencies(doc: JsonRecord): {
  readonly sourceMap: SourceMap
  readonly dependencies: DependencyGraph
} {
  const graph = new GraphBuilder()
  // One walk of the configuration gives both: it is most of a large plan.
  const sourceMap = collectSourceMap(doc, graph)
  const state = (module: JsonRecord | undefined): void => {
    if (module === undefined) return
    for (const resource of arrayAt(module, 'resources') ?? []) {
      if (!isRecord(resource)) continue
      const dependsOn = arrayAt(resource, 'depends_on')
      const address = stringAt(resource, 'address')
      if (dependsOn === undefined || address === undefined) continue
      const node = stripInstanceKeys(address)
      for (const dependency of dependsOn)
        if (typeof dependency === 'string')
          graph.add(stripInstanceKeys(dependency), node, 'state')
    }
    for (const child of arrayAt(module, 'child_modules') ?? [])
      if (isRecord(child)) state(child)
  }
  state(
    recordAt(
      recordAt(recordAt(doc, 'prior_state') ?? {}, 'values') ?? {},
      'root_module'
    )
  )
  return { sourceMap, dependencies: graph.build('config') }
}

/** A resource's references and `depends_on`, as edges into its node. */
function addResourceEdges(
  graph: GraphBuilder,
  resource: JsonRecord,
  prefix: string,
  node: string,
  references: ReadonlySet<string>
): void {
  for (const reference of references) {
    const from = referenceNode(reference, prefix)
    if (from !== undefined) graph.add(from, node, 'reference')
  }
  for (const dependency of arrayAt(resource, 'depends_on') ?? []) {
    if (typeof dependency !== 'string') continue
    const from = referenceNode(dependency, prefix)
    if (from !== undefined) graph.add(from, node, 'depends-on')
  }
}

/** A module's outputs as nodes (`~module.a.output.y`) fed by what they refer to. */
function addOutputEdges(
  graph: GraphBuilder,
  module: JsonRecord,
  prefix: string
): void {
  for (const [name, output] of Object.entries(
    recordAt(module, 'outputs') ?? {}
  )) {
    if (!isRecord(output)) continue
    const found = new Set<string>()
    collectReferences(output.expression, found)
    for (const reference of found) {
      const from = referenceNode(reference, prefix)
      if (from !== undefined)
        graph.add(from, `~${prefix}output.${name}`, 'reference')
    }
  }
}

/**
 * The graph node a reference made in module `prefix` points at:
 * `aws_vpc.main.id` → `aws_vpc.main`, `data.x.y` → `data.x.y`, `var.v` →
 * `~var.v`, `module.m.out` → `~module.m.output.out`. Undefined for what is
 * not a dependency on a resource (`count.index`, `each.key`, `path.module`,
 * `local.*`, a whole `module.m`).
 */
function referenceNode(reference: string, prefix: string): string | undefined {
  const parts = reference.split('.')
  const [head, second, third] = parts
  if (head === undefined || second === undefined) return undefined
  const name = (part: string): string => part.replace(/\[.*$/, '')
  switch (head) {
    case 'var':
      // A root variable is set from outside: no resource ever feeds it.
      return prefix === '' ? undefined : `~${prefix}var.${name(second)}`
    case 'module':
      return third === undefined
        ? undefined
        : `~${prefix}module.${name(second)}.output.${name(third)}`
    case 'data':
      return third === undefined
        ? undefined
        : `${prefix}data.${second}.${name(third)}`
    case 'local':
    case 'count':
    case 'each':
    case 'path':
    case 'terraform':
    case 'self':
      return undefined
    default:
      return `${prefix}${head}.${name(second)}`
  }
}

/** `module.a["x"].aws_b.c[0]` → `module.a.aws_b.c` (keys may be quoted strings holding brackets). */
function stripInstanceKeys(address: string): string {
  return nodeOf(address, 'config')
}

/** Gathers every `references` list under an expressions tree. */
function collectReferences(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, into)
    return
  }
  if (!isRecord(value)) return
  for (const [key, item] of Object.entries(value)) {
    if (key === 'references' && Array.isArray(item)) {
      for (const reference of item)
        if (typeof reference === 'string') into.add(reference)
    } else collectReferences(item, into)
  }
}

function plansNothing(doc: JsonRecord): boolean {
  const planned = recordAt(recordAt(doc, 'planned_values') ?? {}, 'root_module')
  return (
    (arrayAt(planned ?? {}, 'resources')?.length ?? 0) === 0 &&
    (arrayAt(planned ?? {}, 'child_modules')?.length ?? 0) === 0
  )
}

function findSensitiveOutputs(doc: JsonRecord): Set<string> {
  const rootConfig =
    recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module') ?? {}
  const outputConfig = recordAt(rootConfig, 'outputs') ?? {}
  return new Set(
    Object.entries(outputConfig)
      .filter(([, decl]) => isRecord(decl) && decl.sensitive === true)
      .map(([name]) => name)
  )
}

/** Why a document is not a Terraform plan, said after what it is (state, a state file, HCP's redacted JSON, ...). */
/**
 * A JSON log entry (`time`, `level`, `msg`), as Terragrunt writes with
 * `--log-format json`, Terraform's output wrapped in its `msg`.
 */
export function looksLikeJsonLog(doc: Record<string, unknown>): boolean {
  return 'time' in doc && 'level' in doc && 'msg' in doc
}

/** The refusal of a JSON log entry where a plan was expected. */
export function jsonLogError(source: string, expected: string): PlanParseError {
  return new PlanParseError(
    source,
    expected,
    "a JSON log entry (`time`, `level`, `msg`), as Terragrunt's `--log-format json` wraps Terraform's output",
    TERRAGRUNT_LOG_HINT
  )
}

export function notAPlan(doc: unknown, source: string): PlanParseError {
  const expected =
    'a Terraform/OpenTofu JSON plan (from `terraform show -json PLANFILE`)'
  if (isRecord(doc)) {
    if (typeof doc.format_version === 'string' && isRecord(doc.values)) {
      return new PlanParseError(
        source,
        expected,
        'Terraform state JSON (`terraform show -json` without a plan file)',
        'pass the plan file: `terraform show -json PLANFILE`'
      )
    }
    if (
      typeof doc.version === 'number' &&
      'lineage' in doc &&
      ('resources' in doc || 'serial' in doc)
    ) {
      return new PlanParseError(
        source,
        expected,
        'a Terraform state file (terraform.tfstate)',
        SHOW_JSON_HINT
      )
    }
    // What HCP Terraform's API gives at a plan's `json-output-redacted`
    // link (its UI renders plans from it): the changes without the plan's
    // version, completeness flags, state or configuration.
    if (!('format_version' in doc) && 'plan_format_version' in doc) {
      return new PlanParseError(
        source,
        expected,
        "HCP Terraform's redacted plan JSON (`plan_format_version`, from a plan's json-output-redacted link), which does not say whether the plan completed and holds neither the prior state nor the configuration",
        "pass the whole JSON plan: `terraform show -json PLANFILE`, or the plan's `json-output` link in HCP Terraform's API (`GET /api/v2/plans/PLAN_ID/json-output`)"
      )
    }
    if (looksLikeJsonLog(doc)) return jsonLogError(source, expected)
    if (
      !('format_version' in doc) &&
      ('resource_changes' in doc || 'planned_values' in doc)
    ) {
      return new PlanParseError(
        source,
        expected,
        'a plan without "format_version"',
        SHOW_JSON_HINT
      )
    }
  }
  return new PlanParseError(source, expected, describeJson(doc), SHOW_JSON_HINT)
}

/**
 * Gathers every value the plan marks sensitive: variables declared
 * sensitive, sensitive outputs, and attributes under sensitivity masks
 * (before or after, in changes, drift and state).
 */
function collectSecrets(
  doc: JsonRecord,
  sensitiveOutputs: ReadonlySet<string>
): Set<string> {
  const secrets = new Set<string>()
  const rootConfig =
    recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module') ?? {}
  const varConfig = recordAt(rootConfig, 'variables') ?? {}
  const variables = recordAt(doc, 'variables') ?? {}
  for (const [name, decl] of Object.entries(varConfig)) {
    if (!isRecord(decl) || decl.sensitive !== true) continue
    const variable = variables[name]
    if (isRecord(variable)) collectLeafStrings(variable.value, secrets)
    if ('default' in decl) collectLeafStrings(decl.default, secrets)
  }
  const rawChanges = arrayAt(doc, 'resource_changes')
  for (const list of [rawChanges, arrayAt(doc, 'resource_drift')]) {
    for (const entry of list ?? []) {
      const change = isRecord(entry) ? recordAt(entry, 'change') : undefined
      if (change === undefined) continue
      collectMaskedStrings(change.before, change.before_sensitive, secrets)
      collectMaskedStrings(change.after, change.after_sensitive, secrets)
    }
  }
  for (const [name, change] of Object.entries(
    recordAt(doc, 'output_changes') ?? {}
  )) {
    if (!isRecord(change)) continue
    if (sensitiveOutputs.has(name)) {
      collectLeafStrings(change.before, secrets)
      collectLeafStrings(change.after, secrets)
    }
    collectMaskedStrings(change.before, change.before_sensitive, secrets)
    collectMaskedStrings(change.after, change.after_sensitive, secrets)
  }
  collectActionSecrets(doc, secrets)
  // resource_changes holds every managed instance, before and after, with its
  // masks; state sections add data sources (and everything when it is absent).
  const dataOnly = rawChanges !== undefined
  for (const values of [
    recordAt(recordAt(doc, 'prior_state') ?? {}, 'values'),
    recordAt(doc, 'planned_values')
  ]) {
    if (values === undefined) continue
    for (const [name, output] of Object.entries(
      recordAt(values, 'outputs') ?? {}
    )) {
      if (
        isRecord(output) &&
        (output.sensitive === true || sensitiveOutputs.has(name))
      )
        collectLeafStrings(output.value, secrets)
    }
    collectModuleSecrets(recordAt(values, 'root_module'), secrets, dataOnly)
  }
  return secrets
}

function collectModuleSecrets(
  module: JsonRecord | undefined,
  secrets: Set<string>,
  dataOnly: boolean
): void {
  if (module === undefined) return
  for (const resource of arrayAt(module, 'resources') ?? []) {
    if (!isRecord(resource)) continue
    if (dataOnly && resource.mode !== 'data') continue
    collectMaskedStrings(resource.values, resource.sensitive_values, secrets)
  }
  for (const child of arrayAt(module, 'child_modules') ?? []) {
    if (isRecord(child)) collectModuleSecrets(child, secrets, dataOnly)
  }
}

/** Turns a checked Terraform/OpenTofu plan into the normalised model. */
export function normalizeTerraformPlan(
  input: TerraformInput,
  redactor: Redactor
): Plan {
  const { doc, source } = input
  const warnings = [...input.warnings]
  const changes: ResourceChange[] = []
  const unknownReasons: UnknownReason[] = []
  const context: ChangeContext = {
    input,
    redactor,
    unknownReasons,
    moduleText: rememberPerText((text) => redactor.text(text), Infinity)
  }
  let ephemeral = 0
  let opentofu = false
  const inDoc = doc.resource_changes
  if (inDoc !== undefined && !Array.isArray(inDoc)) {
    throw new PlanParseError(
      source,
      '"resource_changes" to be an array',
      describeScalar(inDoc)
    )
  }
  // The byte reader's changes are parsed here, as they are reached.
  const rawChanges: LazyElements | undefined = input.changes ?? inDoc
  rawChanges?.forEach((entry, i) => {
    const result = normalizeResourceChange(
      entry,
      'resource_changes',
      i,
      context
    )
    if (result === 'ephemeral') {
      ephemeral++
      return
    }
    if (!opentofu && looksOpenTofu(result)) opentofu = true
    changes.push(result)
  })
  if (ephemeral > 0) {
    warnings.push(
      `${source}: skipped ${ephemeral} ephemeral resource ${ephemeral === 1 ? 'entry' : 'entries'} (opened during the run, never stored)`
    )
  }
  const drift = normalizeDrift(context, warnings)
  const byReason = new Map<string, string[]>()
  for (const { reason, address } of unknownReasons) {
    const addresses = byReason.get(reason)
    if (addresses === undefined) byReason.set(reason, [address])
    else addresses.push(address)
  }
  for (const [reason, addresses] of byReason) {
    const more = addresses.length > 1 ? ` and ${addresses.length - 1} more` : ''
    warnings.push(
      `${source}: action_reason "${reason}" is one plangate does not know (${addresses[0] ?? ''}${more}); the change is classified by its actions`
    )
  }
  const actions = normalizeActionInvocations(doc, source, redactor)
  const format: PlanFormat =
    opentofu || isOpenTofu(changes) ? 'opentofu' : 'terraform'
  const targeted =
    doc.complete === false && doc.errored !== true && !hasDeferred(doc)
  if (targeted) {
    warnings.push(
      `${source}: the plan is partial (made with -target): resources outside the targets are not in it`
    )
  }
  return {
    source,
    format,
    formatVersion: doc.format_version as string,
    toolVersion: stringAt(doc, 'terraform_version') ?? 'unknown',
    mode: planMode(input, changes, drift),
    changes,
    drift,
    outputs: normalizeOutputs(input, redactor, warnings),
    checks: normalizeChecks(doc, redactor),
    ...incompleteness(
      doc,
      changes,
      format === 'opentofu' ? 'tofu' : 'terraform',
      redactor
    ),
    targeted,
    warnings: warnings.map((w) => redactor.text(w)),
    sourceMap: input.sourceMap,
    dependencies: input.dependencies,
    ...(actions.length === 0 ? {} : { actions })
  }
}

/**
 * Drift is shown, never gated: an entry plangate cannot read (Terraform
 * 0.15 to 1.0.0 wrote drift without addresses, hashicorp/terraform#28975)
 * is skipped with a warning instead of refusing the whole plan.
 */
function normalizeDrift(
  context: ChangeContext,
  warnings: string[]
): ResourceChange[] {
  const { doc, source } = context.input
  const drift: ResourceChange[] = []
  const rawDrift = doc.resource_drift
  if (rawDrift !== undefined && !Array.isArray(rawDrift)) {
    warnings.push(
      `${source}: skipped "resource_drift": expected an array, found ${describeScalar(rawDrift)} (drift is only shown, never gated)`
    )
    return drift
  }
  const skipped: string[] = []
  let rebuilt = 0
  for (let i = 0; i < (rawDrift?.length ?? 0); i++) {
    let entry: unknown = rawDrift?.[i]
    const address = isRecord(entry) ? driftAddress(entry) : undefined
    if (isRecord(entry) && address !== undefined) {
      entry = { ...entry, address }
      rebuilt++
    }
    try {
      const result = normalizeResourceChange(
        entry,
        'resource_drift',
        i,
        context
      )
      if (result !== 'ephemeral') drift.push(result)
    } catch (error) {
      if (!(error instanceof PlanParseError)) throw error
      skipped.push(`expected ${error.expected}, found ${error.found}`)
    }
  }
  if (rebuilt > 0) {
    warnings.push(
      `${source}: ${rebuilt} resource_drift ${rebuilt === 1 ? 'entry has' : 'entries have'} no address (a Terraform 0.15 to 1.0.0 bug, hashicorp/terraform#28975); plangate built ${rebuilt === 1 ? 'it' : 'them'} from the module address, type, name and index`
    )
  }
  if (skipped.length > 0) {
    const more =
      skipped.length > 1 ? ` (and ${skipped.length - 1} more like it)` : ''
    warnings.push(
      `${source}: skipped ${skipped.length} resource_drift ${skipped.length === 1 ? 'entry' : 'entries'} plangate cannot read: ${skipped[0] ?? ''}${more}; drift is only shown, never gated (Terraform 0.15 to 1.0.0 wrote drift without addresses)`
    )
  }
  return drift
}

/**
 * The address of a drift entry that has none, from its parts, or undefined
 * when it has one or lacks the parts.
 */
function driftAddress(entry: JsonRecord): string | undefined {
  if (entry.address !== undefined) return undefined
  const type = stringAt(entry, 'type')
  const name = stringAt(entry, 'name')
  if (type === undefined || name === undefined) return undefined
  const module = stringAt(entry, 'module_address')
  const index = entry.index
  const key =
    typeof index === 'number'
      ? `[${index}]`
      : typeof index === 'string'
        ? `[${JSON.stringify(index)}]`
        : ''
  return `${module === undefined || module === '' ? '' : `${module}.`}${entry.mode === 'data' ? 'data.' : ''}${type}.${name}${key}`
}

function hasDeferred(doc: JsonRecord): boolean {
  return [doc.deferred_changes, doc.deferred_action_invocations].some(
    (deferred) => Array.isArray(deferred) && deferred.length > 0
  )
}

/** Deferred changes listed in the notes; the rest are counted. */
const DEFERRED_NOTES_MAX = 20

/**
 * One note per deferred change (Terraform 1.9+ `deferred_changes`): what
 * it would do and why it waits, with `index_unknown` and
 * `importing.unknown` in words. Reasons plangate does not know are shown
 * verbatim.
 */
function deferredNotes(doc: JsonRecord, redactor: Redactor): string[] {
  const deferred = arrayAt(doc, 'deferred_changes') ?? []
  const notes: string[] = []
  for (const item of deferred.slice(0, DEFERRED_NOTES_MAX)) {
    const entry = isRecord(item) ? item : {}
    const change = recordAt(entry, 'resource_change') ?? {}
    const address = redactor.text(
      stringAt(change, 'address') ?? 'a resource without an address'
    )
    const reason = stringAt(entry, 'reason')
    const inner = recordAt(change, 'change') ?? {}
    const actions = arrayAt(inner, 'actions')
    const what =
      actions !== undefined && actions.every((a) => typeof a === 'string')
        ? ` (${actions.join(', ')})`
        : ''
    const extras: string[] = []
    if (change.index_unknown === true)
      extras.push(
        'how many instances there will be is not known yet (index_unknown): the address stands for all of them'
      )
    const importing = recordAt(inner, 'importing')
    if (importing !== undefined && importing.unknown === true)
      extras.push(
        'it imports an object whose ID is known only after apply (importing.unknown)'
      )
    notes.push(
      `deferred: \`${address}\`${what} waits because ${reason === undefined ? 'of a reason Terraform did not give' : explainDeferral(reason)}${extras.map((e) => `; ${e}`).join('')}`
    )
  }
  if (deferred.length > DEFERRED_NOTES_MAX)
    notes.push(
      `deferred: and ${deferred.length - DEFERRED_NOTES_MAX} more deferred changes`
    )
  const actions = arrayAt(doc, 'deferred_action_invocations') ?? []
  if (actions.length > 0)
    notes.push(
      `deferred: ${actions.length} Terraform ${actions.length === 1 ? 'action waits' : 'actions wait'} for a later plan (deferred_action_invocations); see "Actions that will run"`
    )
  return notes
}

function incompleteness(
  doc: JsonRecord,
  changes: readonly ResourceChange[],
  cli: 'terraform' | 'tofu',
  redactor: Redactor
): { incomplete?: Incompleteness } {
  // No `>` in the command: notes are escaped as HTML text, which a code span would show as `&gt;`.
  const again = `\`${cli} plan -out=tfplan\`, then save the output of \`${cli} show -json tfplan\` as the plan file`
  const notes: string[] = []
  const errored = doc.errored === true
  const applyable = doc.applyable !== false
  const complete = doc.complete !== false
  if (errored) {
    notes.push(
      `the plan errored part-way (errored: true): applying would fail, and the changes listed may not be all of them; fix the errors the plan step printed, then make the plan again: ${again}`
    )
  }
  const hasChanges = changes.some(
    (c) => c.action !== 'no-op' && c.action !== 'read'
  )
  if (!errored && !applyable && hasChanges) {
    notes.push(
      `${cli === 'tofu' ? 'OpenTofu' : 'Terraform'} marked the plan as not applyable (applyable: false) although it lists changes; make the plan again: ${again}`
    )
  }
  if (hasDeferred(doc)) {
    notes.push(
      `some changes are deferred to a later plan (deferred_changes): this plan is not the whole change; apply in stages (the changes this plan can make first), then plan again: ${again}`,
      ...deferredNotes(doc, redactor)
    )
  }
  if (notes.length === 0) return {}
  return { incomplete: { errored, applyable, complete, notes } }
}

function planMode(
  input: TerraformInput,
  changes: readonly ResourceChange[],
  drift: readonly ResourceChange[]
): Plan['mode'] {
  const managed = changes.filter((c) => c.mode === 'managed')
  if (
    input.plansNothing &&
    managed.length > 0 &&
    managed.every(
      (c) =>
        c.action === 'destroy' &&
        c.reason === undefined &&
        c.deposed === undefined
    )
  ) {
    return 'destroy'
  }
  if (
    input.doc.relevant_attributes !== undefined &&
    changes.length === 0 &&
    drift.length > 0
  ) {
    return 'refresh-only'
  }
  return 'normal'
}

/** OpenTofu writes its own registry host into provider addresses. */
function isOpenTofu(changes: readonly ResourceChange[]): boolean {
  return changes.some((c) => c.provider.includes('registry.opentofu.org'))
}

type ActionShape =
  | { readonly action: Exclude<ChangeAction, 'replace'> }
  | {
      readonly action: 'replace'
      readonly replaceOrder: ReplaceOrder
      readonly keepsOld: boolean
    }

/** Terraform's single actions. A Map, so that "toString" is not an action. */
const SINGLE_ACTIONS: ReadonlyMap<string, ActionShape> = new Map(
  (
    [
      ['create', 'create'],
      ['update', 'update'],
      ['delete', 'destroy'],
      ['forget', 'forget'],
      ['read', 'read'],
      ['no-op', 'no-op']
    ] as const
  ).map(([tool, action]) => [tool, { action }])
)

/**
 * Maps a Terraform `actions` list onto the model. Compares sets, not
 * sequences (OpenTofu orders some pairs differently); anything unknown is
 * an error, never ignored. `where` names the entry for the error message.
 */
export function classifyActions(
  actions: unknown,
  source: string,
  where: string | (() => string),
  address?: string
): ActionShape {
  if (Array.isArray(actions) && actions.length === 1) {
    const single = SINGLE_ACTIONS.get(actions[0] as string)
    if (single !== undefined) return single
  }
  const place = typeof where === 'string' ? where : where()
  const label = address === undefined ? place : `${place} (${address})`
  if (
    !Array.isArray(actions) ||
    actions.length === 0 ||
    !actions.every((a) => typeof a === 'string')
  ) {
    throw new PlanParseError(
      source,
      `${label}.change.actions to be a non-empty list of strings`,
      describeScalar(actions)
    )
  }
  const list = actions as readonly string[]
  if (
    list.some((a) => !SINGLE_ACTIONS.has(a)) ||
    new Set(list).size !== list.length
  ) {
    throw new PlanParseError(
      source,
      `${label}.change.actions to be one of create, update, delete, forget, read, no-op or a replace pair`,
      `[${list.map((a) => describeScalar(a)).join(', ')}]`,
      'plangate does not guess what an unknown action does to real infrastructure; upgrade plangate'
    )
  }
  if (list.length === 2) {
    const set = new Set(list)
    if (set.has('create') && set.has('delete')) {
      return {
        action: 'replace',
        replaceOrder: list[0] === 'delete' ? 'delete-first' : 'create-first',
        keepsOld: false
      }
    }
    if (set.has('create') && set.has('forget')) {
      return {
        action: 'replace',
        replaceOrder: list[0] === 'forget' ? 'delete-first' : 'create-first',
        keepsOld: true
      }
    }
  }
  throw new PlanParseError(
    source,
    `${label}.change.actions to be a known combination`,
    `[${list.join(', ')}]`,
    'plangate does not guess what an unknown combination does; upgrade plangate'
  )
}

const OPENTOFU_REASONS = new Set([
  'delete_because_enabled_false',
  'forgot_because_lifecycle_destroy_in_state',
  'forgot_because_lifecycle_destroy_in_config'
])

/** What normalising one change needs from its plan. */
interface ChangeContext {
  readonly input: TerraformInput
  readonly redactor: Redactor
  readonly unknownReasons: UnknownReason[]
  /** Redaction of module addresses, which repeat across many changes. */
  readonly moduleText: (text: string) => string
}

interface UnknownReason {
  readonly address: string
  readonly reason: string
}

type Writable<T> = { -readonly [K in keyof T]: T[K] }

const NO_ATTRIBUTES: readonly AttributeChange[] = Object.freeze([])

/**
 * Normalises one entry of resource_changes or resource_drift. This runs once
 * per resource instance of plans with 100,000 of them: no spreads, no
 * throw-away arrays on the common path.
 */
function normalizeResourceChange(
  entry: unknown,
  section: 'resource_changes' | 'resource_drift',
  position: number,
  context: ChangeContext
): ResourceChange | 'ephemeral' {
  const { input, redactor, unknownReasons } = context
  const { source } = input
  const isDrift = section === 'resource_drift'
  const where = (): string => `${section}[${position}]`
  if (!isRecord(entry)) {
    throw new PlanParseError(
      source,
      `${where()} to be an object`,
      describeScalar(entry)
    )
  }
  const mode = entry.mode
  if (mode === 'ephemeral') return 'ephemeral'
  const address = entry.address
  const type = entry.type
  const name = entry.name
  const change = entry.change
  if (
    typeof address !== 'string' ||
    typeof type !== 'string' ||
    typeof name !== 'string' ||
    !isRecord(change)
  ) {
    const missing = [
      typeof address !== 'string' ? 'address' : undefined,
      typeof type !== 'string' ? 'type' : undefined,
      typeof name !== 'string' ? 'name' : undefined,
      !isRecord(change) ? 'change' : undefined
    ].filter((key) => key !== undefined)
    throw new PlanParseError(
      source,
      `${where()} to have address, type, name and change`,
      `no ${missing.join(', ')}`
    )
  }
  if (mode !== 'managed' && mode !== 'data') {
    throw new PlanParseError(
      source,
      `${where()} (${address}) to have mode "managed" or "data"`,
      `mode ${describeScalar(mode)}`,
      'upgrade plangate'
    )
  }
  const shape = classifyActions(change.actions, source, where, address)
  const action = shape.action
  const reason = stringAt(entry, 'action_reason')
  const rawPaths = change.replace_paths
  const replacePaths: string[] = []
  if (Array.isArray(rawPaths)) {
    for (const path of rawPaths)
      if (Array.isArray(path)) replacePaths.push(formatPath(path))
  }
  const keepsOld = shape.action === 'replace' && shape.keepsOld
  const result: Writable<ResourceChange> = {
    address: redactAddress(address, redactor),
    type,
    name,
    module: context.moduleText(stringAt(entry, 'module_address') ?? ''),
    provider: stringAt(entry, 'provider_name') ?? 'unknown',
    mode,
    action,
    imported: false,
    replacePaths: redactor.active
      ? replacePaths.map((p) => redactor.text(p))
      : replacePaths,
    destructive:
      mode === 'managed' &&
      !isDrift &&
      (action === 'replace' || action === 'destroy'),
    attributes:
      action === 'no-op' || action === 'forget'
        ? NO_ATTRIBUTES
        : diffAttributes(
            {
              value: change.before,
              sensitive: change.before_sensitive,
              absent: change.before === null || change.before === undefined
            },
            {
              value: change.after,
              sensitive: change.after_sensitive,
              unknown: change.after_unknown,
              absent:
                (change.after === null || change.after === undefined) &&
                change.after_unknown !== true
            },
            redactor,
            replacePaths
          )
  }
  if (shape.action === 'replace') {
    result.replaceOrder = shape.replaceOrder
    if (keepsOld) result.keepsOld = true
  }
  const movedFrom = stringAt(entry, 'previous_address')
  if (movedFrom !== undefined)
    result.movedFrom = redactAddress(movedFrom, redactor)
  const importing = change.importing
  if (isRecord(importing)) {
    result.imported = true
    const importId = stringAt(importing, 'id')
    if (importId !== undefined) result.importId = redactor.text(importId)
    const identity = formatIdentity(importing.identity, redactor)
    if (identity !== undefined) result.importIdentity = identity
  }
  const identity =
    formatIdentity(change.before_identity, redactor) ??
    formatIdentity(change.after_identity, redactor)
  if (identity !== undefined) result.identity = identity
  const deposed = stringAt(entry, 'deposed')
  if (deposed !== undefined) result.deposed = deposed
  if (reason !== undefined) result.reason = reason
  const explanation = explainChange(result, input, entry, unknownReasons)
  const unknownImport =
    isRecord(importing) && importing.unknown === true
      ? 'imports an object whose ID is known only after apply (importing.unknown)'
      : undefined
  const words = [explanation, unknownImport].filter((w) => w !== undefined)
  if (words.length > 0) result.explanation = words.join('; ')
  return result
}

/**
 * A resource identity object (1.12+) as `key = value` pairs in key order,
 * redacted; undefined when absent or empty.
 */
function formatIdentity(
  value: unknown,
  redactor: Redactor
): string | undefined {
  if (!isRecord(value)) return undefined
  const pairs = Object.keys(value)
    .sort()
    .map((key) => {
      const item = value[key]
      const shown =
        typeof item === 'string'
          ? JSON.stringify(item)
          : (JSON.stringify(item) ?? 'null')
      return `${key} = ${shown}`
    })
  return pairs.length === 0 ? undefined : redactor.text(pairs.join(', '))
}

/**
 * Outside its quoted instance keys an address is made of configuration
 * names, never of values; only an address with a string key can hold one.
 */
function redactAddress(address: string, redactor: Redactor): string {
  return address.includes('"') ? redactor.text(address) : address
}

/** OpenTofu-only signs in a change: its own reasons, or forget-then-create. */
function looksOpenTofu(change: ResourceChange): boolean {
  return (
    (change.reason !== undefined && OPENTOFU_REASONS.has(change.reason)) ||
    (change.keepsOld === true && change.replaceOrder === 'delete-first')
  )
}

function explainChange(
  change: Omit<ResourceChange, 'explanation'>,
  input: TerraformInput,
  entry: JsonRecord,
  unknownReasons: UnknownReason[]
): string | undefined {
  if (change.reason !== undefined) {
    const words = explainReason(change.reason, change, entry.index)
    if (words !== undefined) return words
    unknownReasons.push({ address: change.address, reason: change.reason })
    return `${verbFor(change.action)} (Terraform's reason: ${change.reason})`
  }
  if (change.deposed !== undefined) {
    return 'destroys a deposed object: the old object left behind by a create-before-destroy replacement that failed part-way'
  }
  if (change.action === 'destroy' && input.plansNothing) {
    return 'destroyed because this is a destroy plan (`plan -destroy`)'
  }
  return undefined
}

function verbFor(action: ChangeAction): string {
  switch (action) {
    case 'create':
      return 'created'
    case 'update':
      return 'updated in place'
    case 'replace':
      return 'replaced'
    case 'destroy':
      return 'destroyed'
    case 'forget':
      return 'forgotten'
    case 'read':
      return 'read'
    case 'no-op':
      return 'unchanged'
  }
}

function normalizeOutputs(
  input: TerraformInput,
  redactor: Redactor,
  warnings: string[]
): OutputChange[] {
  const { doc, source } = input
  const outputs: OutputChange[] = []
  const entries = Object.entries(recordAt(doc, 'output_changes') ?? {}).sort(
    ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)
  )
  const skipped: string[] = []
  for (const [name, change] of entries) {
    // Outputs are shown, never gated: an entry plangate cannot read is a warning.
    if (!isRecord(change)) {
      skipped.push(
        `output_changes.${name}: expected an object, found ${describeScalar(change)}`
      )
      continue
    }
    let shape: ActionShape
    try {
      shape = classifyActions(change.actions, source, `output_changes.${name}`)
    } catch (error) {
      if (!(error instanceof PlanParseError)) throw error
      skipped.push(`expected ${error.expected}, found ${error.found}`)
      continue
    }
    if (
      shape.action === 'replace' ||
      shape.action === 'forget' ||
      shape.action === 'read'
    ) {
      skipped.push(
        `output_changes.${name}: expected the actions create, update, delete or no-op, found ${shape.action}`
      )
      continue
    }
    const sensitive =
      input.sensitiveOutputs.has(name) ||
      change.before_sensitive === true ||
      change.after_sensitive === true
    const attributes =
      shape.action === 'no-op'
        ? []
        : diffAttributes(
            {
              value: change.before,
              sensitive: sensitive ? true : change.before_sensitive,
              absent: !('before' in change) || change.before === null
            },
            {
              value: change.after,
              sensitive: sensitive ? true : change.after_sensitive,
              unknown: change.after_unknown,
              absent:
                (!('after' in change) || change.after === null) &&
                change.after_unknown !== true
            },
            redactor,
            [],
            redactor.text(name)
          )
    outputs.push({
      name: redactor.text(name),
      action: shape.action,
      sensitive,
      attributes
    })
  }
  if (skipped.length > 0) {
    const more =
      skipped.length > 1 ? ` (and ${skipped.length - 1} more like it)` : ''
    warnings.push(
      `${source}: skipped ${skipped.length} output ${skipped.length === 1 ? 'change' : 'changes'} plangate cannot read: ${skipped[0] ?? ''}${more}; outputs are only shown, never gated`
    )
  }
  return outputs
}

const CHECK_STATUSES = new Set(['pass', 'fail', 'error', 'unknown'])

function normalizeChecks(doc: JsonRecord, redactor: Redactor): CheckResult[] {
  const results: CheckResult[] = []
  for (const check of arrayAt(doc, 'checks') ?? []) {
    if (!isRecord(check)) continue
    const address = recordAt(check, 'address')
    const display =
      (address && stringAt(address, 'to_display')) ?? 'unknown check'
    const status = stringAt(check, 'status') ?? 'unknown'
    const problems: string[] = []
    for (const instance of arrayAt(check, 'instances') ?? []) {
      if (!isRecord(instance)) continue
      for (const problem of arrayAt(instance, 'problems') ?? []) {
        const message = isRecord(problem)
          ? stringAt(problem, 'message')
          : undefined
        if (message !== undefined) problems.push(redactor.text(message))
      }
    }
    results.push({
      address: redactor.text(display),
      status: CHECK_STATUSES.has(status)
        ? (status as CheckResult['status'])
        : 'unknown',
      problems
    })
  }
  return results
}
