import type {
  ChangeAction,
  CheckResult,
  Incompleteness,
  OutputChange,
  Plan,
  PlanFormat,
  ReplaceOrder,
  ResourceChange
} from '../model.js'
import { collectLeafStrings, collectMaskedStrings } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { diffAttributes, formatPath } from './attributes.js'
import { PlanParseError, SHOW_JSON_HINT } from './errors.js'
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

/** `format_version` minors of the 1.x series that plangate has been checked against. */
export const KNOWN_FORMAT_MINORS = [0, 1, 2] as const

/** A Terraform/OpenTofu plan document that passed the shape checks, with its secrets. */
export interface TerraformInput {
  readonly kind: 'terraform'
  readonly source: string
  readonly doc: JsonRecord
  /** Every string marked sensitive anywhere in the document. */
  readonly secrets: ReadonlySet<string>
  readonly warnings: readonly string[]
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
  return {
    kind: 'terraform',
    source,
    doc,
    secrets: collectSecrets(doc),
    warnings
  }
}

function notAPlan(doc: unknown, source: string): PlanParseError {
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
function collectSecrets(doc: JsonRecord): Set<string> {
  const secrets = new Set<string>()
  const rootConfig =
    recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module') ?? {}
  const varConfig = recordAt(rootConfig, 'variables') ?? {}
  const variables = recordAt(doc, 'variables') ?? {}
  for (const [name, decl] of Object.entries(varConfig)) {
    if (isRecord(decl) && decl.sensitive === true) {
      const variable = variables[name]
      if (isRecord(variable)) collectLeafStrings(variable.value, secrets)
      if (isRecord(decl) && 'default' in decl)
        collectLeafStrings(decl.default, secrets)
    }
  }
  const outputConfig = recordAt(rootConfig, 'outputs') ?? {}
  const sensitiveOutputs = new Set(
    Object.entries(outputConfig)
      .filter(([, decl]) => isRecord(decl) && decl.sensitive === true)
      .map(([name]) => name)
  )
  for (const list of [
    arrayAt(doc, 'resource_changes'),
    arrayAt(doc, 'resource_drift')
  ]) {
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
  for (const key of ['planned_values', 'prior_state'] as const) {
    const section = recordAt(doc, key)
    const values =
      section === undefined
        ? undefined
        : key === 'prior_state'
          ? recordAt(section, 'values')
          : section
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
    collectModuleSecrets(recordAt(values, 'root_module'), secrets)
  }
  return secrets
}

function collectModuleSecrets(
  module: JsonRecord | undefined,
  secrets: Set<string>
): void {
  if (module === undefined) return
  for (const resource of arrayAt(module, 'resources') ?? []) {
    if (!isRecord(resource)) continue
    const mask = resource.sensitive_values
    if (
      mask === true ||
      (isRecord(mask) && Object.keys(mask).length > 0) ||
      Array.isArray(mask)
    )
      collectMaskedStrings(resource.values, mask, secrets)
  }
  for (const child of arrayAt(module, 'child_modules') ?? []) {
    if (isRecord(child)) collectModuleSecrets(child, secrets)
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
  let ephemeral = 0
  let opentofu = false
  const rawChanges = doc.resource_changes
  if (rawChanges !== undefined && !Array.isArray(rawChanges)) {
    throw new PlanParseError(
      source,
      '"resource_changes" to be an array',
      describeScalar(rawChanges)
    )
  }
  for (let i = 0; i < (rawChanges?.length ?? 0); i++) {
    const entry: unknown = rawChanges?.[i]
    const result = normalizeResourceChange(
      entry,
      `resource_changes[${i}]`,
      input,
      redactor,
      false
    )
    if (result === 'ephemeral') {
      ephemeral++
      continue
    }
    if (result.opentofu) opentofu = true
    changes.push(result.change)
  }
  if (ephemeral > 0) {
    warnings.push(
      `${source}: skipped ${ephemeral} ephemeral resource ${ephemeral === 1 ? 'entry' : 'entries'} (opened during the run, never stored)`
    )
  }
  const drift: ResourceChange[] = []
  const rawDrift = arrayAt(doc, 'resource_drift') ?? []
  for (let i = 0; i < rawDrift.length; i++) {
    const result = normalizeResourceChange(
      rawDrift[i],
      `resource_drift[${i}]`,
      input,
      redactor,
      true
    )
    if (result !== 'ephemeral') drift.push(result.change)
  }
  for (const change of [...changes, ...drift]) {
    if (
      change.reason !== undefined &&
      explainReason(change.reason, change) === undefined
    )
      warnings.push(
        `${source}: ${change.address} has an action_reason plangate does not know: "${change.reason}"`
      )
  }
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
    mode: planMode(doc, changes, drift),
    changes,
    drift,
    outputs: normalizeOutputs(doc, source, redactor),
    checks: normalizeChecks(doc, redactor),
    ...incompleteness(doc, changes),
    targeted,
    warnings: warnings.map((w) => redactor.text(w))
  }
}

function hasDeferred(doc: JsonRecord): boolean {
  const deferred = doc.deferred_changes
  return Array.isArray(deferred) && deferred.length > 0
}

function incompleteness(
  doc: JsonRecord,
  changes: readonly ResourceChange[]
): { incomplete?: Incompleteness } {
  const notes: string[] = []
  const errored = doc.errored === true
  const applyable = doc.applyable !== false
  const complete = doc.complete !== false
  if (errored) {
    notes.push(
      'the plan errored part-way (errored: true): applying would fail, and the changes listed may not be all of them'
    )
  }
  const hasChanges = changes.some(
    (c) => c.action !== 'no-op' && c.action !== 'read'
  )
  if (!errored && !applyable && hasChanges) {
    notes.push(
      'Terraform marked the plan as not applyable (applyable: false) although it lists changes'
    )
  }
  if (hasDeferred(doc)) {
    notes.push(
      'some changes are deferred to a later plan (deferred_changes): this plan is not the whole change'
    )
  }
  if (notes.length === 0) return {}
  return { incomplete: { errored, applyable, complete, notes } }
}

function planMode(
  doc: JsonRecord,
  changes: readonly ResourceChange[],
  drift: readonly ResourceChange[]
): Plan['mode'] {
  const managed = changes.filter((c) => c.mode === 'managed')
  if (
    managed.length > 0 &&
    managed.every(
      (c) =>
        c.action === 'destroy' &&
        c.reason === undefined &&
        c.deposed === undefined
    )
  ) {
    const planned = recordAt(
      recordAt(doc, 'planned_values') ?? {},
      'root_module'
    )
    const remaining = arrayAt(planned ?? {}, 'resources')?.length ?? 0
    const children = arrayAt(planned ?? {}, 'child_modules')?.length ?? 0
    if (remaining === 0 && children === 0) return 'destroy'
  }
  if (
    doc.relevant_attributes !== undefined &&
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
      readonly opentofu: boolean
    }

const SINGLE_ACTIONS: Readonly<
  Record<string, Exclude<ChangeAction, 'replace'>>
> = {
  create: 'create',
  update: 'update',
  delete: 'destroy',
  forget: 'forget',
  read: 'read',
  'no-op': 'no-op'
}

/**
 * Maps a Terraform `actions` list onto the model. Compares sets, not
 * sequences (OpenTofu orders some pairs differently); anything unknown is
 * an error, never ignored.
 */
export function classifyActions(
  actions: unknown,
  source: string,
  where: string
): ActionShape {
  if (
    !Array.isArray(actions) ||
    actions.length === 0 ||
    !actions.every((a) => typeof a === 'string')
  ) {
    throw new PlanParseError(
      source,
      `${where}.change.actions to be a non-empty list of strings`,
      describeScalar(actions)
    )
  }
  const list = actions as readonly string[]
  const unknownAction = list.find((a) => !(a in SINGLE_ACTIONS))
  if (unknownAction !== undefined || new Set(list).size !== list.length) {
    throw new PlanParseError(
      source,
      `${where}.change.actions to be one of create, update, delete, forget, read, no-op or a replace pair`,
      `[${list.map((a) => describeScalar(a)).join(', ')}]`,
      'plangate does not guess what an unknown action does to real infrastructure; upgrade plangate'
    )
  }
  if (list.length === 1) {
    const action = SINGLE_ACTIONS[list[0] as string]
    if (action !== undefined) return { action }
  }
  if (list.length === 2) {
    const set = new Set(list)
    if (set.has('create') && set.has('delete')) {
      return {
        action: 'replace',
        replaceOrder: list[0] === 'delete' ? 'delete-first' : 'create-first',
        keepsOld: false,
        opentofu: false
      }
    }
    if (set.has('create') && set.has('forget')) {
      return {
        action: 'replace',
        replaceOrder: list[0] === 'forget' ? 'delete-first' : 'create-first',
        keepsOld: true,
        opentofu: list[0] === 'forget'
      }
    }
  }
  throw new PlanParseError(
    source,
    `${where}.change.actions to be a known combination`,
    `[${list.join(', ')}]`,
    'plangate does not guess what an unknown combination does; upgrade plangate'
  )
}

const OPENTOFU_REASONS = new Set([
  'delete_because_enabled_false',
  'forgot_because_lifecycle_destroy_in_state',
  'forgot_because_lifecycle_destroy_in_config'
])

function normalizeResourceChange(
  entry: unknown,
  where: string,
  input: TerraformInput,
  redactor: Redactor,
  isDrift: boolean
): { change: ResourceChange; opentofu: boolean } | 'ephemeral' {
  const { source } = input
  if (!isRecord(entry)) {
    throw new PlanParseError(
      source,
      `${where} to be an object`,
      describeScalar(entry)
    )
  }
  const mode = entry.mode
  if (mode === 'ephemeral') return 'ephemeral'
  const address = stringAt(entry, 'address')
  const type = stringAt(entry, 'type')
  const name = stringAt(entry, 'name')
  const change = recordAt(entry, 'change')
  if (
    address === undefined ||
    type === undefined ||
    name === undefined ||
    change === undefined
  ) {
    const missing = [
      address === undefined ? 'address' : undefined,
      type === undefined ? 'type' : undefined,
      name === undefined ? 'name' : undefined,
      change === undefined ? 'change' : undefined
    ].filter((key) => key !== undefined)
    throw new PlanParseError(
      source,
      `${where} to have address, type, name and change`,
      `no ${missing.join(', ')}`
    )
  }
  if (mode !== 'managed' && mode !== 'data') {
    throw new PlanParseError(
      source,
      `${where} (${address}) to have mode "managed" or "data"`,
      `mode ${describeScalar(mode)}`,
      'upgrade plangate'
    )
  }
  const shape = classifyActions(change.actions, source, `${where} (${address})`)
  const reason = stringAt(entry, 'action_reason')
  const deposed = stringAt(entry, 'deposed')
  const movedFrom = stringAt(entry, 'previous_address')
  const importing = recordAt(change, 'importing')
  const importId =
    importing === undefined ? undefined : stringAt(importing, 'id')
  const replacePaths = (arrayAt(change, 'replace_paths') ?? [])
    .filter((p): p is unknown[] => Array.isArray(p))
    .map((p) => formatPath(p))
  const action: ChangeAction = shape.action
  const keepsOld = shape.action === 'replace' && shape.keepsOld
  const destructive =
    mode === 'managed' &&
    !isDrift &&
    ((action === 'replace' && !keepsOld) || action === 'destroy')
  const attributes =
    action === 'no-op' || action === 'forget'
      ? []
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
  const base: Omit<ResourceChange, 'explanation'> = {
    address: redactor.text(address),
    type,
    name,
    module: redactor.text(stringAt(entry, 'module_address') ?? ''),
    provider: stringAt(entry, 'provider_name') ?? 'unknown',
    mode: mode === 'data' ? 'data' : 'managed',
    action,
    ...(shape.action === 'replace' ? { replaceOrder: shape.replaceOrder } : {}),
    ...(keepsOld ? { keepsOld: true } : {}),
    ...(movedFrom === undefined ? {} : { movedFrom: redactor.text(movedFrom) }),
    imported: importing !== undefined,
    ...(importId === undefined ? {} : { importId: redactor.text(importId) }),
    ...(deposed === undefined ? {} : { deposed }),
    ...(reason === undefined ? {} : { reason }),
    replacePaths: replacePaths.map((p) => redactor.text(p)),
    destructive,
    attributes
  }
  const explanation = explainChange(base, input, entry)
  return {
    change: explanation === undefined ? base : { ...base, explanation },
    opentofu:
      (shape.action === 'replace' && shape.opentofu) ||
      (reason !== undefined && OPENTOFU_REASONS.has(reason))
  }
}

function explainChange(
  change: Omit<ResourceChange, 'explanation'>,
  input: TerraformInput,
  entry: JsonRecord
): string | undefined {
  if (change.reason !== undefined) {
    return (
      explainReason(change.reason, { ...change, index: entry.index }) ??
      `${verbFor(change.action)} (Terraform's reason: ${change.reason})`
    )
  }
  if (change.deposed !== undefined) {
    return 'destroys a deposed object: the old object left behind by a create-before-destroy replacement that failed part-way'
  }
  if (change.action === 'destroy' && isDestroyPlan(input.doc)) {
    return 'destroyed because this is a destroy plan (`plan -destroy`)'
  }
  return undefined
}

function isDestroyPlan(doc: JsonRecord): boolean {
  const planned = recordAt(recordAt(doc, 'planned_values') ?? {}, 'root_module')
  return (
    (arrayAt(planned ?? {}, 'resources')?.length ?? 0) === 0 &&
    (arrayAt(planned ?? {}, 'child_modules')?.length ?? 0) === 0
  )
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
  doc: JsonRecord,
  source: string,
  redactor: Redactor
): OutputChange[] {
  const outputs: OutputChange[] = []
  const config =
    recordAt(
      recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module') ?? {},
      'outputs'
    ) ?? {}
  const entries = Object.entries(recordAt(doc, 'output_changes') ?? {}).sort(
    ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)
  )
  for (const [name, change] of entries) {
    if (!isRecord(change)) {
      throw new PlanParseError(
        source,
        `output_changes.${name} to be an object`,
        describeScalar(change)
      )
    }
    const shape = classifyActions(
      change.actions,
      source,
      `output_changes.${name}`
    )
    if (
      shape.action === 'replace' ||
      shape.action === 'forget' ||
      shape.action === 'read'
    ) {
      throw new PlanParseError(
        source,
        `output_changes.${name}.actions to be create, update, delete or no-op`,
        shape.action
      )
    }
    const decl = config[name]
    const sensitive =
      (isRecord(decl) && decl.sensitive === true) ||
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
