import type {
  AttributeChange,
  DependencyGraph,
  ChangeAction,
  Plan,
  ResourceChange
} from '../model.js'
import type { Redactor } from '../redact/index.js'
import { diffAttributes, formatPath } from './attributes.js'
import { GraphBuilder } from './dependents.js'
import { PlanParseError } from './errors.js'
import { findDeepNesting, MAX_NESTING } from './json-text.js'
import {
  arrayAt,
  describeJson,
  describeScalar,
  isRecord,
  recordAt,
  stringAt
} from './json.js'
import type { JsonRecord } from './json.js'

/** The command whose output this reader expects, for hints. */
const DESCRIBE_COMMAND =
  'aws cloudformation describe-change-set --change-set-name NAME --stack-name STACK --include-property-values'
const DESCRIBE_HINT = `run \`${DESCRIBE_COMMAND} > changeset.json\` and pass its whole output`

/** What CloudFormation shows instead of a NoEcho parameter's value. */
const MASKED = '****'
/** What CloudFormation shows for a value it learns only during the deployment. */
const KNOWN_AFTER_APPLY = '{{changeSet:KNOWN_AFTER_APPLY}}'
/** Dynamic references whose resolved value is a secret (plain `ssm` is not). */
const SECRET_REFERENCES = ['{{resolve:secretsmanager:', '{{resolve:ssm-secure:']
const STACK_TYPE = 'AWS::CloudFormation::Stack'
const TRUNCATED_WARNING = '[WARN] --include-property-values'

const ACTIONS = [
  'Add',
  'Modify',
  'Remove',
  'Import',
  'Dynamic',
  'SyncWithActual'
] as const
type CfnAction = (typeof ACTIONS)[number]
const REPLACEMENTS = ['True', 'False', 'Conditional'] as const
type Replacement = (typeof REPLACEMENTS)[number]
const POLICY_ACTIONS = [
  'Delete',
  'Retain',
  'Snapshot',
  'ReplaceAndDelete',
  'ReplaceAndRetain',
  'ReplaceAndSnapshot'
] as const
type PolicyAction = (typeof POLICY_ACTIONS)[number]
const RECREATIONS = ['Never', 'Conditionally', 'Always'] as const
type Recreation = (typeof RECREATIONS)[number]
/** `Status` values of `describe-change-set` (the API reference's list). */
const STATUSES = [
  'CREATE_PENDING',
  'CREATE_IN_PROGRESS',
  'CREATE_COMPLETE',
  'DELETE_PENDING',
  'DELETE_IN_PROGRESS',
  'DELETE_COMPLETE',
  'DELETE_FAILED',
  'FAILED'
] as const

/** How one `ResourceChange` maps onto the model, decided while reading. */
export interface ChangeSetClassification {
  readonly action: ChangeAction
  /** Replace (or Dynamic) that CloudFormation cannot confirm before deploying. */
  readonly conditional: boolean
  readonly keepsOld: boolean
  readonly snapshot: boolean
  readonly imported: boolean
  readonly destructive: boolean
  /** The facts the classification rests on, for the explanation. */
  readonly basis:
    'stated' | 'inferred-from-details' | 'no-replacement-facts' | 'dynamic'
}

/** One `Changes[].ResourceChange.Details[]` entry, flattened. */
export interface ChangeSetDetail {
  readonly attribute: string | undefined
  readonly name: string | undefined
  readonly requiresRecreation: Recreation | undefined
  /** JSON-pointer-like path with property values: `/Properties/Tags/1`. */
  readonly path: string | undefined
  readonly beforeValue: string | undefined
  readonly afterValue: string | undefined
  readonly attributeChangeType: string | undefined
  readonly evaluation: string | undefined
  readonly changeSource: string | undefined
  readonly causingEntity: string | undefined
}

/** One `Changes[].ResourceChange`, checked and classified. */
export interface ChangeSetResourceChange {
  readonly action: CfnAction
  readonly logicalId: string
  readonly physicalId: string | undefined
  readonly resourceType: string | undefined
  readonly replacement: Replacement | undefined
  readonly policyAction: PolicyAction | undefined
  /** The nested change set of an `AWS::CloudFormation::Stack` resource. */
  readonly nestedChangeSetId: string | undefined
  readonly details: readonly ChangeSetDetail[]
  /** Parsed `BeforeContext` / `AfterContext` (present with --include-property-values). */
  readonly before: JsonRecord | undefined
  readonly after: JsonRecord | undefined
  readonly classification: ChangeSetClassification
}

/** The parts of a `describe-change-set` document that normalisation reads. */
export interface ChangeSetDoc {
  readonly changeSetId: string | undefined
  readonly changeSetName: string | undefined
  readonly stackId: string | undefined
  readonly stackName: string | undefined
  readonly status: string | undefined
  readonly statusReason: string | undefined
  readonly executionStatus: string | undefined
  readonly parentChangeSetId: string | undefined
  readonly rootChangeSetId: string | undefined
  /** `NextToken` is set: this is one page of a longer change set. */
  readonly hasMorePages: boolean
  readonly changes: readonly ChangeSetResourceChange[]
}

/** A CloudFormation change set that passed the shape checks, with its secrets. */
export interface ChangeSetInput {
  readonly kind: 'cloudformation'
  readonly source: string
  readonly doc: ChangeSetDoc
  /** NoEcho parameter values and values next to secret dynamic references. */
  readonly secrets: ReadonlySet<string>
  readonly warnings: readonly string[]
}

/**
 * True when a JSON document has the shape of `describe-change-set` output
 * (PascalCase, as the AWS CLI and SDKs write it), or of `create-change-set`
 * output, so that the reader can say what to run instead.
 */
export function looksLikeChangeSet(doc: unknown): boolean {
  if (!isRecord(doc)) return false
  if (Array.isArray(doc.Changes)) return true
  if (typeof doc.ChangeSetId === 'string') return true
  if (typeof doc.StackId === 'string' && typeof doc.Status === 'string')
    return true
  return (
    typeof doc.StackId === 'string' &&
    typeof doc.Id === 'string' &&
    doc.Id.includes(':changeSet/')
  )
}

/**
 * Checks that a document is a CloudFormation change set description,
 * classifies every change (an unknown action is an error: plangate does not
 * guess) and collects its secrets, so that secrets of every input can mask
 * every other input before anything is normalised.
 */
export function readChangeSet(doc: unknown, source: string): ChangeSetInput {
  if (!isRecord(doc) || !looksLikeChangeSet(doc))
    throw notAChangeSet(doc, source)
  const status = stringAt(doc, 'Status')
  const statusReason = stringAt(doc, 'StatusReason')
  const rawChanges = doc.Changes
  const warnings: string[] = []
  let changes: ChangeSetResourceChange[] = []
  if (rawChanges === undefined) {
    // A change set with nothing to do may come without the (empty) list.
    if (!isNoChanges(status, statusReason)) {
      throw new PlanParseError(
        source,
        'a change set description with a "Changes" list',
        typeof doc.Id === 'string' && !('ChangeSetId' in doc)
          ? 'the output of `aws cloudformation create-change-set` (it only names the change set)'
          : `${describeJson(doc)} but no "Changes"`,
        `the right command is \`${DESCRIBE_COMMAND}\`; pass its whole output, not a --query of it`
      )
    }
  } else if (!Array.isArray(rawChanges)) {
    throw new PlanParseError(
      source,
      '"Changes" to be a list',
      describeKind(rawChanges),
      DESCRIBE_HINT
    )
  } else {
    changes = rawChanges.map((entry, i) => readChange(entry, i, source))
  }
  for (const change of changes) {
    if (change.resourceType === undefined) {
      warnings.push(
        `${source}: ${change.logicalId} has no ResourceType; it is shown with type "unknown"`
      )
    }
  }
  const executionStatus = stringAt(doc, 'ExecutionStatus')
  if (executionStatus?.startsWith('EXECUTE_') === true) {
    warnings.push(
      `${source}: the change set has already been executed or is being executed (ExecutionStatus ${executionStatus}); its changes may be live already`
    )
  }
  if (status?.startsWith('DELETE_') === true) {
    warnings.push(
      `${source}: the change set is deleted or being deleted (Status ${status}); it can no longer be executed`
    )
  }
  const nextToken = doc.NextToken
  return {
    kind: 'cloudformation',
    source,
    doc: {
      changeSetId: stringAt(doc, 'ChangeSetId'),
      changeSetName: stringAt(doc, 'ChangeSetName'),
      stackId: stringAt(doc, 'StackId'),
      stackName: stringAt(doc, 'StackName'),
      status,
      statusReason,
      executionStatus,
      parentChangeSetId: stringAt(doc, 'ParentChangeSetId'),
      rootChangeSetId: stringAt(doc, 'RootChangeSetId'),
      hasMorePages: typeof nextToken === 'string' && nextToken !== '',
      changes
    },
    secrets: collectSecrets(doc, changes),
    warnings
  }
}

function notAChangeSet(doc: unknown, source: string): PlanParseError {
  const expected =
    'a CloudFormation change set (the JSON output of `aws cloudformation describe-change-set`)'
  if (isRecord(doc) && ('changes' in doc || 'changeSetId' in doc)) {
    return new PlanParseError(
      source,
      expected,
      'a change set with camelCase keys ("changes", "changeSetId")',
      `plangate reads the AWS CLI's PascalCase output: ${DESCRIBE_HINT}`
    )
  }
  return new PlanParseError(source, expected, describeJson(doc), DESCRIBE_HINT)
}

function isNoChanges(
  status: string | undefined,
  reason: string | undefined
): boolean {
  return (
    status === 'FAILED' &&
    reason !== undefined &&
    (reason.includes("didn't contain changes") ||
      reason.includes('No updates are to be performed'))
  )
}

/**
 * Describes a value found where a list or an object belongs, without ever
 * quoting a string: unlike an enum field, such a place may hold content.
 */
function describeKind(value: unknown): string {
  return typeof value === 'string' ? 'a string' : describeScalar(value)
}

function oneOf<T extends string>(
  values: readonly T[],
  value: unknown
): value is T {
  return (
    typeof value === 'string' && (values as readonly string[]).includes(value)
  )
}

/** Reads an optional enum field; a value outside the enum is an error. */
function optionalEnum<T extends string>(
  record: JsonRecord,
  key: string,
  values: readonly T[],
  where: string,
  source: string
): T | undefined {
  const value = record[key]
  if (value === undefined || value === null) return undefined
  if (oneOf(values, value)) return value
  throw new PlanParseError(
    source,
    `${where}.${key} to be one of ${values.join(', ')}`,
    `${key} ${describeScalar(value)}`,
    'plangate does not guess what an unknown value means for real infrastructure; upgrade plangate'
  )
}

function readChange(
  entry: unknown,
  index: number,
  source: string
): ChangeSetResourceChange {
  const where = `Changes[${index}]`
  if (!isRecord(entry)) {
    throw new PlanParseError(
      source,
      `${where} to be an object`,
      describeKind(entry)
    )
  }
  if (entry.Type !== undefined && entry.Type !== 'Resource') {
    throw new PlanParseError(
      source,
      `${where}.Type to be "Resource"`,
      `Type ${describeScalar(entry.Type)}`,
      'plangate does not guess what an unknown kind of change does; upgrade plangate'
    )
  }
  const change = entry.ResourceChange
  if (!isRecord(change)) {
    throw new PlanParseError(
      source,
      `${where}.ResourceChange to be an object`,
      describeKind(change)
    )
  }
  const logicalId = change.LogicalResourceId
  if (typeof logicalId !== 'string' || logicalId === '') {
    throw new PlanParseError(
      source,
      `${where}.ResourceChange.LogicalResourceId to be a non-empty string`,
      describeKind(logicalId)
    )
  }
  const at = `${where}.ResourceChange (${logicalId})`
  const action = change.Action
  if (!oneOf(ACTIONS, action)) {
    throw new PlanParseError(
      source,
      `${at}.Action to be one of ${ACTIONS.join(', ')}`,
      `Action ${describeScalar(action)}`,
      'plangate does not guess what an unknown action does to real infrastructure; upgrade plangate'
    )
  }
  const replacement = optionalEnum(
    change,
    'Replacement',
    REPLACEMENTS,
    at,
    source
  )
  const policyAction = optionalEnum(
    change,
    'PolicyAction',
    POLICY_ACTIONS,
    at,
    source
  )
  const rawDetails = change.Details
  if (rawDetails !== undefined && !Array.isArray(rawDetails)) {
    throw new PlanParseError(
      source,
      `${at}.Details to be a list`,
      describeKind(rawDetails)
    )
  }
  const details = (rawDetails ?? []).map((detail, i) =>
    readDetail(detail, `${at}.Details[${i}]`, source)
  )
  const before = readContext(change, 'BeforeContext', at, source)
  const after = readContext(change, 'AfterContext', at, source)
  const read = {
    action,
    logicalId,
    physicalId: stringAt(change, 'PhysicalResourceId'),
    resourceType: stringAt(change, 'ResourceType'),
    replacement,
    policyAction,
    nestedChangeSetId: stringAt(change, 'ChangeSetId'),
    details,
    before,
    after
  }
  return { ...read, classification: classify(read, at, source) }
}

function readDetail(
  detail: unknown,
  where: string,
  source: string
): ChangeSetDetail {
  if (!isRecord(detail)) {
    throw new PlanParseError(
      source,
      `${where} to be an object`,
      describeKind(detail)
    )
  }
  const target = recordAt(detail, 'Target') ?? {}
  return {
    attribute: stringAt(target, 'Attribute'),
    name: stringAt(target, 'Name'),
    requiresRecreation: optionalEnum(
      target,
      'RequiresRecreation',
      RECREATIONS,
      `${where}.Target`,
      source
    ),
    path: stringAt(target, 'Path'),
    beforeValue: stringAt(target, 'BeforeValue'),
    afterValue: stringAt(target, 'AfterValue'),
    attributeChangeType: stringAt(target, 'AttributeChangeType'),
    evaluation: stringAt(detail, 'Evaluation'),
    changeSource: stringAt(detail, 'ChangeSource'),
    causingEntity: stringAt(detail, 'CausingEntity')
  }
}

function readContext(
  change: JsonRecord,
  key: 'BeforeContext' | 'AfterContext',
  where: string,
  source: string
): JsonRecord | undefined {
  const text = change[key]
  if (text === undefined || text === null) return undefined
  let parsed: unknown
  if (typeof text === 'string') {
    // JSON inside a string never went through the file's nesting check.
    if (findDeepNesting(text, MAX_NESTING) !== -1)
      throw new PlanParseError(
        source,
        `${where}.${key} nested at most ${MAX_NESTING} levels deep`,
        `JSON nested deeper than ${MAX_NESTING} levels`
      )
    try {
      parsed = JSON.parse(text) as unknown
    } catch {
      parsed = undefined
    }
  }
  if (!isRecord(parsed)) {
    throw new PlanParseError(
      source,
      `${where}.${key} to be a string holding a JSON object`,
      typeof text === 'string'
        ? 'a string that is not a JSON object'
        : describeKind(text)
    )
  }
  return parsed
}

type ReadChange = Omit<ChangeSetResourceChange, 'classification'>

/**
 * Maps CloudFormation's action, replacement and policy onto the model.
 * CloudFormation replaces by creating the new resource first; the
 * `UpdateReplacePolicy` (PolicyAction ReplaceAnd*) decides what becomes
 * of the old one, the `DeletionPolicy` (Delete/Retain/Snapshot) what a
 * removal does.
 */
function classify(
  change: ReadChange,
  where: string,
  source: string
): ChangeSetClassification {
  const plain = {
    conditional: false,
    keepsOld: false,
    snapshot: false,
    imported: false,
    destructive: false,
    basis: 'stated'
  } as const
  switch (change.action) {
    case 'Add':
      return { ...plain, action: 'create' }
    case 'SyncWithActual':
      return { ...plain, action: 'no-op' }
    case 'Import':
      // Adopts an existing resource; `Replacement: True` seen on imports is ignored.
      return {
        ...plain,
        action: change.details.length > 0 ? 'update' : 'no-op',
        imported: true
      }
    case 'Remove':
      switch (change.policyAction) {
        case undefined:
        case 'Delete':
          return { ...plain, action: 'destroy', destructive: true }
        case 'Snapshot':
          return {
            ...plain,
            action: 'destroy',
            destructive: true,
            snapshot: true
          }
        case 'Retain':
          return { ...plain, action: 'forget' }
        default:
          throw policyMismatch(change, where, source)
      }
    case 'Modify':
    case 'Dynamic': {
      const inferred = inferReplacement(change.details)
      const replacement = change.replacement ?? inferred
      const dynamic = change.action === 'Dynamic'
      const basis = dynamic
        ? 'dynamic'
        : change.replacement !== undefined
          ? 'stated'
          : inferred !== undefined
            ? 'inferred-from-details'
            : 'no-replacement-facts'
      if (replacement === 'False') return { ...plain, action: 'update', basis }
      // True, Conditional, or no facts at all: fail closed.
      const keepsOld = change.policyAction === 'ReplaceAndRetain'
      if (
        change.policyAction !== undefined &&
        !change.policyAction.startsWith('ReplaceAnd')
      )
        throw policyMismatch(change, where, source)
      return {
        ...plain,
        action: 'replace',
        conditional: dynamic || replacement !== 'True',
        keepsOld,
        snapshot: change.policyAction === 'ReplaceAndSnapshot',
        // The old resource survives, but a new, empty one takes its place.
        destructive: true,
        basis
      }
    }
  }
}

function policyMismatch(
  change: ReadChange,
  where: string,
  source: string
): PlanParseError {
  const expected =
    change.action === 'Remove'
      ? 'Delete, Retain or Snapshot for a Remove'
      : 'ReplaceAndDelete, ReplaceAndRetain or ReplaceAndSnapshot for a replacement'
  return new PlanParseError(
    source,
    `${where}.PolicyAction to be ${expected}`,
    `PolicyAction "${change.policyAction ?? ''}"`,
    'plangate does not guess what the policy does to the real resource; upgrade plangate'
  )
}

const RECREATION_RANK: Readonly<Record<Recreation, number>> = {
  Never: 0,
  Conditionally: 1,
  Always: 2
}

/**
 * CloudFormation's own rule, used when `Replacement` is missing: the most
 * intrusive detail decides; Always + Static is True, Always + Dynamic or
 * Conditionally is Conditional. Undefined when no detail says anything.
 */
function inferReplacement(
  details: readonly ChangeSetDetail[]
): Replacement | undefined {
  let result: Replacement | undefined
  for (const detail of details) {
    const recreation = detail.requiresRecreation
    if (recreation === undefined) continue
    if (recreation === 'Always' && detail.evaluation !== 'Dynamic')
      return 'True'
    if (recreation !== 'Never') result = 'Conditional'
    else result ??= 'False'
  }
  return result
}

/**
 * Collects the values a change set holds that are secret although not
 * masked: values of parameters marked NoEcho (AWS masks them as `****`;
 * a tool that does not leaves a `NoEcho` marker), property values fed by a
 * NoEcho parameter, and plain values on the other side of a secret dynamic
 * reference (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`).
 * The references themselves are not secret and stay visible.
 */
function collectSecrets(
  doc: JsonRecord,
  changes: readonly ChangeSetResourceChange[]
): Set<string> {
  const secrets = new Set<string>()
  const noEcho = new Set<string>()
  for (const parameter of arrayAt(doc, 'Parameters') ?? []) {
    if (!isRecord(parameter)) continue
    const value = parameter.ParameterValue
    const marked = parameter.NoEcho === true || parameter.NoEcho === 'true'
    if (!marked && value !== MASKED) continue
    const key = stringAt(parameter, 'ParameterKey')
    if (key !== undefined) noEcho.add(key)
    addLeaves(value, secrets)
    addLeaves(parameter.ResolvedValue, secrets)
  }
  for (const change of changes) {
    for (const detail of change.details) {
      const steps = detailSteps(detail)
      const contextBefore = valueAt(change.before, steps)
      const contextAfter = valueAt(change.after, steps)
      const fedByNoEcho =
        detail.changeSource === 'ParameterReference' &&
        detail.causingEntity !== undefined &&
        noEcho.has(detail.causingEntity)
      if (fedByNoEcho) {
        addLeaves(detail.beforeValue, secrets)
        addLeaves(detail.afterValue, secrets)
        addLeaves(contextBefore, secrets)
        addLeaves(contextAfter, secrets)
        continue
      }
      const references = [
        detail.beforeValue,
        detail.afterValue,
        contextBefore,
        contextAfter
      ].some(holdsSecretReference)
      if (references) {
        for (const value of [detail.beforeValue, detail.afterValue])
          if (!holdsSecretReference(value)) addLeaves(value, secrets)
      }
    }
    collectBesideReferences(change.before, change.after, secrets)
  }
  return secrets
}

/** Placeholders that stand for a value but are none: never secrets. */
function isPlaceholder(value: string): boolean {
  return value === '' || value === MASKED || value === KNOWN_AFTER_APPLY
}

function holdsSecretReference(value: unknown): boolean {
  if (typeof value === 'string')
    return SECRET_REFERENCES.some((prefix) => value.includes(prefix))
  if (Array.isArray(value)) return value.some(holdsSecretReference)
  if (isRecord(value)) return Object.values(value).some(holdsSecretReference)
  return false
}

/** Adds every leaf string of a value, except placeholders and references. */
function addLeaves(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (!isPlaceholder(value) && !holdsSecretReference(value)) into.add(value)
    return
  }
  if (typeof value === 'number') {
    into.add(String(value))
    return
  }
  if (Array.isArray(value)) {
    for (const item of value) addLeaves(item, into)
    return
  }
  if (isRecord(value))
    for (const item of Object.values(value)) addLeaves(item, into)
}

/** Walks both contexts side by side; a plain value facing a secret reference is secret. */
function collectBesideReferences(
  before: unknown,
  after: unknown,
  into: Set<string>
): void {
  if (before === undefined || after === undefined) return
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      collectBesideReferences(before[key], after[key], into)
    return
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length)
    for (let i = 0; i < n; i++)
      collectBesideReferences(before[i], after[i], into)
    return
  }
  const beforeRef = holdsSecretReference(before)
  const afterRef = holdsSecretReference(after)
  if (beforeRef && !afterRef) addLeaves(after, into)
  if (afterRef && !beforeRef) addLeaves(before, into)
}

/** The path steps of a detail inside a context: `/Properties/Tags/1` → Properties, Tags, 1. */
function detailSteps(detail: ChangeSetDetail): (string | number)[] {
  if (detail.path !== undefined && detail.path.startsWith('/')) {
    return detail.path
      .slice(1)
      .split('/')
      .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((step) => (/^\d+$/.test(step) ? Number(step) : step))
  }
  return propertySteps(detail)
}

/** The steps of the top-level property a detail is about. */
function propertySteps(detail: ChangeSetDetail): string[] {
  switch (detail.attribute) {
    case 'Properties':
      return detail.name === undefined
        ? ['Properties']
        : ['Properties', detail.name]
    case 'Tags':
      return ['Properties', 'Tags']
    case undefined:
      return detail.name === undefined ? [] : ['Properties', detail.name]
    default:
      return [detail.attribute]
  }
}

function valueAt(value: unknown, steps: readonly (string | number)[]): unknown {
  let current = value
  for (const step of steps) {
    if (Array.isArray(current) && typeof step === 'number')
      current = current[step]
    else if (isRecord(current)) current = current[String(step)]
    else return undefined
  }
  return current
}

/** Reads `Resources.*.Metadata["aws:cdk:path"]` of a template: logical ID → CDK construct path. */
export function constructPaths(template: unknown): Map<string, string> {
  const paths = new Map<string, string>()
  const resources = isRecord(template)
    ? recordAt(template, 'Resources')
    : undefined
  for (const [logicalId, resource] of Object.entries(resources ?? {})) {
    const metadata = isRecord(resource)
      ? recordAt(resource, 'Metadata')
      : undefined
    const path =
      metadata === undefined ? undefined : stringAt(metadata, 'aws:cdk:path')
    if (path !== undefined) paths.set(logicalId, path)
  }
  return paths
}

/** Descriptions of one change set (pages, or with and without property values). */
interface Unit {
  readonly inputs: ChangeSetInput[]
  readonly doc: ChangeSetDoc
  readonly changes: ChangeSetResourceChange[]
  /** Logical IDs that two descriptions classify differently. */
  readonly conflicts: string[]
}

/** Where a nested change set hangs in its parent. */
interface Link {
  readonly parent: Unit
  readonly logicalId: string
}

/** What the walk over one root change set and its nested ones gathers. */
interface PlanState {
  readonly redactor: Redactor
  readonly labels: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined
  /** StackName (or `*`) → the template's dependency graph (`templateDependencies`). */
  readonly templates: ReadonlyMap<string, DependencyGraph> | undefined
  /** Who depends on whom: `CausingEntity` of the details, and the template's edges. */
  readonly graph: GraphBuilder
  readonly children: ReadonlyMap<Unit, ReadonlyMap<string, Unit>>
  readonly visited: Set<Unit>
  readonly changes: ResourceChange[]
  readonly notes: string[]
  readonly warnings: string[]
  /** Addresses of `Dynamic` changes, for one plan-level note. */
  readonly dynamic: string[]
  errored: boolean
  applyable: boolean
  complete: boolean
}

/**
 * Turns checked change sets into plans: one per root change set, in input
 * order, with the changes of its nested change sets under their nested-stack
 * path. A nested stack whose changes are unknown makes the plan incomplete.
 * `labels` maps StackName (or `*`, for any stack) → LogicalResourceId → CDK
 * construct path; the `aws:cdk:path` metadata in the contexts is the fallback.
 */
export function normalizeChangeSets(
  inputs: readonly ChangeSetInput[],
  redactor: Redactor,
  labels?: ReadonlyMap<string, ReadonlyMap<string, string>>,
  templates?: ReadonlyMap<string, DependencyGraph>
): Plan[] {
  const units = groupUnits(inputs)
  const { parents, children, linkWarnings } = linkUnits(units)
  const visited = new Set<Unit>()
  const plans: Plan[] = []
  for (const unit of units) {
    if (visited.has(unit)) continue
    const link = parents.get(unit)
    // A unit whose parent is given is reached from its root; one left over
    // after every root was walked sits in a cycle of parent links.
    if (link !== undefined && !isInCycle(unit, parents)) continue
    const state: PlanState = {
      redactor,
      labels,
      templates,
      graph: new GraphBuilder(),
      children,
      visited,
      changes: [],
      notes: [],
      warnings: [...(linkWarnings.get(unit) ?? [])],
      dynamic: [],
      errored: false,
      applyable: true,
      complete: true
    }
    if (link !== undefined) {
      state.warnings.push(
        `${unit.inputs[0]?.source ?? ''}: the parent links of the nested change sets form a cycle; this change set is shown as a root`
      )
    } else {
      const parentId = unit.doc.parentChangeSetId ?? nonSelfRoot(unit.doc)
      if (parentId !== undefined) {
        state.warnings.push(
          `${sourcesOf(unit)}: a nested change set given without its parent change set (${parentId}); its changes are shown on their own, and the root change set's changes are not checked`
        )
      }
    }
    walkUnit(unit, '', state, linkWarnings)
    plans.push(buildPlan(unit, state))
  }
  return plans
}

function nonSelfRoot(doc: ChangeSetDoc): string | undefined {
  return doc.rootChangeSetId !== undefined &&
    doc.rootChangeSetId !== doc.changeSetId
    ? doc.rootChangeSetId
    : undefined
}

function isInCycle(unit: Unit, parents: ReadonlyMap<Unit, Link>): boolean {
  const seen = new Set<Unit>()
  let current: Unit | undefined = unit
  while (current !== undefined) {
    if (seen.has(current)) return true
    seen.add(current)
    current = parents.get(current)?.parent
  }
  return false
}

function sourcesOf(unit: Unit): string {
  return unit.inputs.map((input) => input.source).join(', ')
}

/** Puts descriptions of the same change set (same ChangeSetId) together, in input order. */
function groupUnits(inputs: readonly ChangeSetInput[]): Unit[] {
  const units: Unit[] = []
  const byId = new Map<string, Unit>()
  for (const input of inputs) {
    const id = input.doc.changeSetId
    const existing = id === undefined ? undefined : byId.get(id)
    if (existing === undefined) {
      const unit: Unit = {
        inputs: [input],
        doc: input.doc,
        changes: [...input.doc.changes],
        conflicts: []
      }
      units.push(unit)
      if (id !== undefined) byId.set(id, unit)
      continue
    }
    existing.inputs.push(input)
    const position = new Map(existing.changes.map((c, i) => [c.logicalId, i]))
    for (const change of input.doc.changes) {
      const i = position.get(change.logicalId)
      if (i === undefined) {
        position.set(change.logicalId, existing.changes.length)
        existing.changes.push(change)
        continue
      }
      const known = existing.changes[i] as ChangeSetResourceChange
      if (!sameClassification(known, change))
        existing.conflicts.push(change.logicalId)
      // Prefer the description that carries property values.
      if (!hasValues(known) && hasValues(change)) existing.changes[i] = change
    }
  }
  return units
}

function sameClassification(
  a: ChangeSetResourceChange,
  b: ChangeSetResourceChange
): boolean {
  const x = a.classification
  const y = b.classification
  return (
    a.action === b.action &&
    x.action === y.action &&
    x.conditional === y.conditional &&
    x.keepsOld === y.keepsOld &&
    x.snapshot === y.snapshot
  )
}

function hasValues(change: ChangeSetResourceChange): boolean {
  return change.before !== undefined || change.after !== undefined
}

/**
 * Finds each nested change set's parent: the parent's
 * `AWS::CloudFormation::Stack` change names it by ChangeSetId (or by the
 * nested stack's StackId as its physical ID); failing that, the nested
 * change set's ParentChangeSetId names the parent.
 */
function linkUnits(units: readonly Unit[]): {
  parents: Map<Unit, Link>
  children: Map<Unit, Map<string, Unit>>
  linkWarnings: Map<Unit, string[]>
} {
  const byId = new Map<string, Unit>()
  for (const unit of units)
    if (unit.doc.changeSetId !== undefined) byId.set(unit.doc.changeSetId, unit)
  const parents = new Map<Unit, Link>()
  const children = new Map<Unit, Map<string, Unit>>()
  const linkWarnings = new Map<Unit, string[]>()
  const link = (child: Unit, parent: Unit, logicalId: string): boolean => {
    if (child === parent || parents.has(child)) return false
    const siblings = children.get(parent) ?? new Map<string, Unit>()
    if (siblings.has(logicalId)) return false
    siblings.set(logicalId, child)
    children.set(parent, siblings)
    parents.set(child, { parent, logicalId })
    return true
  }
  for (const parent of units) {
    for (const change of parent.changes) {
      if (change.resourceType !== STACK_TYPE) continue
      let child =
        change.nestedChangeSetId === undefined
          ? undefined
          : byId.get(change.nestedChangeSetId)
      child ??= units.find(
        (u) =>
          u !== parent &&
          change.physicalId !== undefined &&
          u.doc.stackId === change.physicalId &&
          (u.doc.parentChangeSetId === undefined ||
            u.doc.parentChangeSetId === parent.doc.changeSetId)
      )
      if (child !== undefined) link(child, parent, change.logicalId)
    }
  }
  for (const child of units) {
    if (parents.has(child)) continue
    const parentId = child.doc.parentChangeSetId
    const parent = parentId === undefined ? undefined : byId.get(parentId)
    if (parent === undefined) continue
    const name = child.doc.stackName ?? child.doc.changeSetName ?? 'nested'
    if (link(child, parent, name)) {
      const warnings = linkWarnings.get(parent) ?? []
      warnings.push(
        `${sourcesOf(child)}: no AWS::CloudFormation::Stack change of the parent change set points at this nested change set; its changes are listed under the nested stack's name ${name}`
      )
      linkWarnings.set(parent, warnings)
    }
  }
  return { parents, children, linkWarnings }
}

function joinModule(module: string, logicalId: string): string {
  return module === '' ? logicalId : `${module}/${logicalId}`
}

function walkUnit(
  unit: Unit,
  module: string,
  state: PlanState,
  linkWarnings: ReadonlyMap<Unit, readonly string[]>
): void {
  state.visited.add(unit)
  if (module !== '') state.warnings.push(...(linkWarnings.get(unit) ?? []))
  unitProblems(unit, module, state)
  const nested = state.children.get(unit)
  for (const change of unit.changes) {
    const child = nested?.get(change.logicalId)
    const childModule = joinModule(module, change.logicalId)
    const normalized = normalizeChange(
      change,
      unit,
      module,
      state,
      child === undefined ? undefined : childModule
    )
    state.changes.push(normalized)
    addCausingEntities(change, module, normalized.address, state.graph)
    if (change.action === 'Dynamic') state.dynamic.push(normalized.address)
    if (change.resourceType !== STACK_TYPE) continue
    if (child !== undefined) {
      if (!state.visited.has(child))
        walkUnit(child, childModule, state, linkWarnings)
      continue
    }
    missingNested(change, childModule, state)
  }
  // Nested change sets linked only by their ParentChangeSetId.
  for (const [name, child] of nested ?? []) {
    if (!state.visited.has(child))
      walkUnit(child, joinModule(module, name), state, linkWarnings)
  }
}

function missingNested(
  change: ChangeSetResourceChange,
  module: string,
  state: PlanState
): void {
  const { redactor } = state
  const stack = `\`${module}\``
  if (change.action === 'Modify' || change.action === 'Dynamic') {
    state.complete = false
    state.notes.push(
      redactor.text(
        change.nestedChangeSetId === undefined
          ? `nested stack ${stack} changes, but the change set was made without nested change sets (no ChangeSetId), so what changes inside it is unknown: create the change set with \`--include-nested-stacks\` and pass every nested change set`
          : `nested stack ${stack} changes, but its nested change set was not given: run \`aws cloudformation describe-change-set --change-set-name ${change.nestedChangeSetId} --include-property-values\` and pass that file too`
      )
    )
  } else if (change.action === 'Add') {
    state.warnings.push(
      `the resources of the new nested stack ${stack} are not listed (its nested change set was not given); a new stack only creates resources`
    )
  }
}

/** Plan-level problems of one change set (and its other descriptions). */
function unitProblems(unit: Unit, module: string, state: PlanState): void {
  const { redactor } = state
  const where =
    module === '' ? '' : `nested stack \`${module}\` (${sourcesOf(unit)}): `
  const notes = new Set<string>()
  for (const input of unit.inputs) {
    const { status, statusReason, executionStatus } = input.doc
    const reason =
      statusReason === undefined ? '' : `: ${truncate(statusReason, 300)}`
    if (status === 'FAILED') {
      if (isNoChanges(status, statusReason)) {
        if (input.doc.changes.length > 0) {
          state.errored = true
          notes.add(
            `CloudFormation says the change set has no changes (Status FAILED${reason}) yet lists ${input.doc.changes.length}; describe it again`
          )
        }
      } else {
        state.errored = true
        state.applyable = false
        notes.add(
          `CloudFormation could not create the change set (Status FAILED${reason}): the changes it lists, if any, are not what a deployment would do`
        )
      }
    } else if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') {
      state.complete = false
      notes.add(
        `CloudFormation had not finished computing the change set (Status ${status}) when it was described, so its list of changes may be partial: run \`aws cloudformation wait change-set-create-complete\` first, then describe it again`
      )
    } else if (status === undefined) {
      state.complete = false
      notes.add(
        'the change set has no Status, so plangate cannot tell whether CloudFormation finished computing it: pass the whole `describe-change-set` output'
      )
    } else if (!oneOf(STATUSES, status)) {
      state.complete = false
      notes.add(
        `the change set has a Status plangate does not know (${describeScalar(status)}); upgrade plangate`
      )
    }
    if (executionStatus === 'OBSOLETE') {
      state.applyable = false
      notes.add(
        'the change set is obsolete (ExecutionStatus OBSOLETE): the stack changed after it was made, so it no longer shows what a deployment would do; create a new change set'
      )
    }
  }
  if (unit.inputs.some((input) => input.doc.hasMorePages)) {
    state.complete = false
    notes.add(
      'the change set has more pages (NextToken is set) and plangate cannot check that every page is here: pass every page, or better describe it with the AWS CLI without `--no-paginate` or `--max-items`, which fetches every page and merges them into one document'
    )
  }
  const truncated = unit.inputs.map(
    (input) => input.doc.statusReason?.startsWith(TRUNCATED_WARNING) === true
  )
  const dropped = droppedLogicalIds(unit.inputs)
  const named =
    dropped.length === 0
      ? ''
      : `; CloudFormation names ${listCode(dropped)} (Logical Id in StatusReason): the ${dropped.length === 1 ? 'resource' : 'resources'} left out, which may be the one being destroyed or replaced`
  if (truncated.every(Boolean)) {
    state.complete = false
    notes.add(
      `CloudFormation left resources out of this description because reading their property values failed (StatusReason starts with "[WARN] --include-property-values")${named}: describe the change set again without \`--include-property-values\` and pass both files`
    )
  } else if (truncated.some(Boolean)) {
    state.warnings.push(
      `${sourcesOf(unit)}: one description lacks some resources' property values ("[WARN] --include-property-values")${named}; the other description fills in the resources it left out`
    )
  }
  if (unit.conflicts.length > 0) {
    state.complete = false
    notes.add(
      `the descriptions of one change set (${sourcesOf(unit)}) disagree about ${listCode(unit.conflicts)}: describe it once more and pass one file`
    )
  }
  if (unit.inputs.length > 1 && truncated.every((t) => !t)) {
    state.warnings.push(
      `${sourcesOf(unit)}: these files describe the same change set (same ChangeSetId); their changes are merged`
    )
  }
  for (const input of unit.inputs) state.warnings.push(...input.warnings)
  for (const note of notes) state.notes.push(redactor.text(where + note))
}

function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`
}

/** Logical IDs a `[WARN] --include-property-values` StatusReason names. */
const LOGICAL_ID_IN_REASON = /Logical Id:\s*([A-Za-z0-9]{1,255})/g

function droppedLogicalIds(inputs: readonly ChangeSetInput[]): string[] {
  const ids = new Set<string>()
  for (const input of inputs) {
    const reason = input.doc.statusReason
    if (reason?.startsWith(TRUNCATED_WARNING) !== true) continue
    for (const match of reason.matchAll(LOGICAL_ID_IN_REASON))
      if (match[1] !== undefined) ids.add(match[1])
  }
  return [...ids]
}

function listCode(items: readonly string[]): string {
  const shown = items
    .slice(0, 3)
    .map((item) => `\`${item}\``)
    .join(', ')
  return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown
}

function buildPlan(root: Unit, state: PlanState): Plan {
  const notes = [...state.notes]
  // A template describes the root stack: its logical IDs are the root's addresses.
  const template =
    state.templates?.get(root.doc.stackName ?? '') ?? state.templates?.get('*')
  state.graph.merge(template)
  if (state.dynamic.length > 0) {
    state.complete = false
    notes.push(
      `CloudFormation cannot tell before deploying what it will do to ${listCode(state.dynamic)} (action Dynamic): the change set does not show the real change, so plangate cannot pass it`
    )
  }
  return {
    source: root.inputs[0]?.source ?? '-',
    ...(root.doc.stackName === undefined ? {} : { stack: root.doc.stackName }),
    format: 'cloudformation',
    formatVersion: 'describe-change-set',
    // CloudFormation is a service without a version; renderers then show just its name.
    toolVersion: 'unknown',
    mode: 'normal',
    changes: state.changes,
    drift: [],
    outputs: [],
    checks: [],
    ...(notes.length === 0
      ? {}
      : {
          incomplete: {
            errored: state.errored,
            applyable: state.applyable,
            complete: state.complete,
            notes
          }
        }),
    targeted: false,
    warnings: state.warnings.map((w) => state.redactor.text(w)),
    dependencies: state.graph.build('address')
  }
}

/**
 * A change the change set says another resource causes (`ChangeSource`
 * `ResourceReference` or `ResourceAttribute`, `CausingEntity` `Db` or
 * `Db.Endpoint.Address`) depends on that resource.
 */
function addCausingEntities(
  change: ChangeSetResourceChange,
  module: string,
  address: string,
  graph: GraphBuilder
): void {
  for (const detail of change.details) {
    if (
      detail.causingEntity === undefined ||
      (detail.changeSource !== 'ResourceReference' &&
        detail.changeSource !== 'ResourceAttribute')
    )
      continue
    const id = detail.causingEntity.split('.')[0] ?? ''
    if (id !== '') graph.add(joinModule(module, id), address, 'causing-entity')
  }
}

/**
 * The dependency graph of a CloudFormation template (a CDK synth output, or
 * the `--template` given with a change set), by logical ID: `Ref`,
 * `Fn::GetAtt`, `${Id}` / `${Id.Attr}` in `Fn::Sub`, and `DependsOn`.
 * References to parameters and pseudo parameters are not dependencies.
 * Walks with an explicit stack: template depth is the input's.
 */
export function templateDependencies(template: unknown): DependencyGraph {
  const graph = new GraphBuilder()
  const resources = isRecord(template)
    ? (recordAt(template, 'Resources') ?? {})
    : {}
  const ids = new Set(Object.keys(resources))
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource)) continue
    const dependsOn = resource.DependsOn
    for (const target of Array.isArray(dependsOn) ? dependsOn : [dependsOn])
      if (typeof target === 'string' && ids.has(target))
        graph.add(target, id, 'depends-on')
    const stack: unknown[] = [resource.Properties]
    while (stack.length > 0) {
      const value = stack.pop()
      if (Array.isArray(value)) {
        for (const item of value) stack.push(item)
        continue
      }
      if (!isRecord(value)) continue
      for (const [key, item] of Object.entries(value)) {
        for (const target of referencedIds(key, item))
          if (ids.has(target)) graph.add(target, id, 'reference')
        stack.push(item)
      }
    }
  }
  return graph.build('address')
}

/** Logical IDs one intrinsic function names (`Ref`, `Fn::GetAtt`, `Fn::Sub`); others give none. */
function referencedIds(key: string, value: unknown): string[] {
  switch (key) {
    case 'Ref':
      return typeof value === 'string' ? [value] : []
    case 'Fn::GetAtt': {
      const target: unknown = Array.isArray(value)
        ? (value as unknown[])[0]
        : value
      return typeof target === 'string' ? [target.split('.')[0] ?? ''] : []
    }
    case 'Fn::Sub': {
      const text: unknown = Array.isArray(value)
        ? (value as unknown[])[0]
        : value
      if (typeof text !== 'string') return []
      return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map(
        (match) => (match[1] ?? '').split('.')[0] ?? ''
      )
    }
    default:
      return []
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] }

const NO_ATTRIBUTES: readonly AttributeChange[] = Object.freeze([])

function normalizeChange(
  change: ChangeSetResourceChange,
  unit: Unit,
  module: string,
  state: PlanState,
  childModule: string | undefined
): ResourceChange {
  const { redactor } = state
  const shape = change.classification
  const properties = summarizeDetails(change.details)
  const replacePaths =
    shape.action === 'replace' ? forcingPaths(properties, shape) : []
  const result: Writable<ResourceChange> = {
    address: joinModule(module, change.logicalId),
    type: change.resourceType ?? 'unknown',
    name: change.logicalId,
    module,
    provider: 'aws',
    mode: 'managed',
    action: shape.action,
    imported: shape.imported,
    replacePaths: redactor.active
      ? replacePaths.map((p) => redactor.text(p))
      : replacePaths,
    destructive: shape.destructive,
    attributes: attributesOf(change, redactor, replacePaths)
  }
  if (shape.action === 'replace') {
    result.replaceOrder = 'create-first'
    if (shape.keepsOld) result.keepsOld = true
    if (shape.conditional) result.conditional = true
  }
  if (shape.snapshot) result.snapshot = true
  if (shape.imported && change.physicalId !== undefined)
    result.importId = redactor.text(change.physicalId)
  const label =
    state.labels?.get(unit.doc.stackName ?? '')?.get(change.logicalId) ??
    state.labels?.get('*')?.get(change.logicalId) ??
    cdkPath(change.after) ??
    cdkPath(change.before)
  if (label !== undefined) result.label = redactor.text(label)
  const reason = rawReason(change)
  if (reason !== undefined) result.reason = redactor.text(reason)
  const explanation = explain(change, properties, childModule)
  if (explanation !== undefined) result.explanation = redactor.text(explanation)
  return result
}

function cdkPath(context: JsonRecord | undefined): string | undefined {
  const metadata =
    context === undefined ? undefined : recordAt(context, 'Metadata')
  return metadata === undefined ? undefined : stringAt(metadata, 'aws:cdk:path')
}

/** The tool's facts, verbatim and compact: action, replacement, policy, each detail. */
function rawReason(change: ChangeSetResourceChange): string | undefined {
  if (change.action === 'Add' && change.details.length === 0) return undefined
  const head: string[] = [change.action]
  if (change.replacement !== undefined)
    head.push(`Replacement=${change.replacement}`)
  if (change.policyAction !== undefined)
    head.push(`PolicyAction=${change.policyAction}`)
  const parts = new Set<string>()
  for (const detail of change.details) {
    const target = detail.name ?? detail.path ?? detail.attribute ?? '?'
    const facts = [detail.evaluation, detail.changeSource, detail.causingEntity]
      .filter((f) => f !== undefined)
      .join(', ')
    parts.add(
      `${target} RequiresRecreation=${detail.requiresRecreation ?? '?'}${facts === '' ? '' : ` (${facts})`}`
    )
  }
  return [head.join(' '), ...parts].join('; ')
}

/** What the details say about one property, all its details together. */
interface PropertyChange {
  readonly name: string
  /** Attribute path of the property in the model's path style. */
  readonly path: string
  recreation: Recreation | undefined
  staticSeen: boolean
  readonly sources: string[]
}

/**
 * Groups details by property: one property can appear twice (a Dynamic and
 * a Static evaluation). The strongest RequiresRecreation wins. The
 * `Automatic` detail of a nested stack names no property and is left out.
 */
function summarizeDetails(
  details: readonly ChangeSetDetail[]
): PropertyChange[] {
  const byName = new Map<string, PropertyChange>()
  for (const detail of details) {
    if (detail.changeSource === 'Automatic' && detail.name === undefined)
      continue
    const steps = propertySteps(detail)
    const fromPath = detailSteps(detail)[1]
    const name =
      detail.name ??
      (detail.attribute === 'Tags' ? 'Tags' : undefined) ??
      (typeof fromPath === 'string' ? fromPath : undefined) ??
      detail.attribute ??
      'a property'
    let property = byName.get(name)
    if (property === undefined) {
      property = {
        name,
        path: formatPath(steps),
        recreation: undefined,
        staticSeen: false,
        sources: []
      }
      byName.set(name, property)
    }
    const recreation = detail.requiresRecreation
    if (
      recreation !== undefined &&
      (property.recreation === undefined ||
        RECREATION_RANK[recreation] > RECREATION_RANK[property.recreation])
    )
      property.recreation = recreation
    if (detail.evaluation !== 'Dynamic') property.staticSeen = true
    const words = sourceWords(detail)
    if (words !== undefined && !property.sources.includes(words))
      property.sources.push(words)
  }
  return [...byName.values()]
}

function sourceWords(detail: ChangeSetDetail): string | undefined {
  const entity =
    detail.causingEntity === undefined
      ? undefined
      : `\`${detail.causingEntity}\``
  switch (detail.changeSource) {
    case undefined:
      return undefined
    case 'DirectModification':
      return 'direct modification'
    case 'ResourceReference':
      return entity === undefined
        ? 'a referenced resource changed'
        : `reference to resource ${entity}`
    case 'ParameterReference':
      return entity === undefined
        ? 'a parameter changed'
        : `parameter ${entity}`
    case 'ResourceAttribute':
      return entity === undefined
        ? 'a resource attribute changed'
        : `attribute ${entity}`
    case 'Automatic':
      return 'automatic nested stack update'
    case 'NoModification':
      return 'no modification'
    default:
      return `change source ${describeScalar(detail.changeSource)}`
  }
}

function forcingPaths(
  properties: readonly PropertyChange[],
  shape: ChangeSetClassification
): string[] {
  return properties
    .filter(
      (p) =>
        p.recreation === 'Always' ||
        (shape.conditional && p.recreation === 'Conditionally')
    )
    .map((p) => p.path)
}

function describeProperty(property: PropertyChange): string {
  const facts = [
    property.recreation === undefined || property.recreation === 'Never'
      ? undefined
      : `requires recreation: ${property.recreation}`,
    ...property.sources,
    property.staticSeen ? undefined : 'known only during the deployment'
  ].filter((f) => f !== undefined)
  return `\`${property.name}\` changed${facts.length === 0 ? '' : ` (${facts.join(', ')})`}`
}

function listProperties(properties: readonly PropertyChange[]): string {
  const shown = properties.slice(0, 3).map(describeProperty).join(', ')
  return properties.length > 3
    ? `${shown} and ${properties.length - 3} more`
    : shown
}

function replacementWords(policy: PolicyAction | undefined): string {
  switch (policy) {
    case 'ReplaceAndRetain':
      return 'CloudFormation creates the new resource first and keeps the old one, which it stops managing (UpdateReplacePolicy Retain)'
    case 'ReplaceAndSnapshot':
      return 'CloudFormation creates the new resource first, then takes a final snapshot of the old one and deletes it (UpdateReplacePolicy Snapshot)'
    default:
      return 'CloudFormation creates the new resource first, then deletes the old one'
  }
}

function explain(
  change: ChangeSetResourceChange,
  properties: readonly PropertyChange[],
  childModule: string | undefined
): string | undefined {
  const shape = change.classification
  const isStack = change.resourceType === STACK_TYPE
  const nestedAutomatic = change.details.some(
    (d) => d.changeSource === 'Automatic' && d.name === undefined
  )
  const nested =
    childModule === undefined
      ? ''
      : `; the nested stack's own changes are listed under \`${childModule}/\``
  switch (change.action) {
    case 'Add':
      return childModule === undefined
        ? undefined
        : `creates a nested stack${nested}`
    case 'SyncWithActual':
      return 'not changed: CloudFormation only updates its record of the resource to match the actual resource (SyncWithActual)'
    case 'Import':
      return shape.action === 'update'
        ? `imported: CloudFormation adopts the existing resource, then updates it in place: ${listProperties(properties)}`
        : 'imported: CloudFormation adopts the existing resource and starts managing it; nothing is created or deleted'
    case 'Remove': {
      const gone =
        'it is no longer in the template (or its Condition is now false)'
      const everything = isStack
        ? '; deleting a nested stack deletes every resource in it'
        : ''
      switch (change.policyAction) {
        case 'Retain':
          return `forgotten: ${gone}, and its DeletionPolicy Retain keeps the real resource, which CloudFormation stops managing`
        case 'Snapshot':
          return `destroyed after a final snapshot is taken (DeletionPolicy Snapshot): ${gone}${everything}`
        default:
          return `destroyed: ${gone}${change.policyAction === 'Delete' ? ' and its DeletionPolicy is Delete' : ''}${everything}`
      }
    }
    case 'Modify':
    case 'Dynamic':
      break
  }
  const automatic =
    nestedAutomatic && properties.length === 0
      ? 'the nested stack is updated (automatic)'
      : undefined
  if (shape.action === 'update') {
    const what = properties.length > 0 ? listProperties(properties) : automatic
    if (change.action === 'Dynamic') {
      return `CloudFormation cannot tell before deploying what happens to this resource (action Dynamic)${what === undefined ? '' : `: ${what}`}; it reports no replacement${nested}`
    }
    return what === undefined ? undefined : `updated in place: ${what}${nested}`
  }
  const forcing = properties.filter(
    (p) =>
      p.recreation === 'Always' ||
      (shape.conditional && p.recreation === 'Conditionally')
  )
  const because =
    forcing.length > 0 ? listProperties(forcing) : listProperties(properties)
  const policy = replacementWords(change.policyAction)
  const whole = isStack
    ? '; replacing a nested stack replaces every resource in it'
    : ''
  switch (shape.basis) {
    case 'dynamic':
      return `CloudFormation cannot tell before deploying what happens to this resource (action Dynamic)${properties.length > 0 ? `: ${because}` : ''}; plangate counts it as a possible replacement${whole}${nested}`
    case 'no-replacement-facts':
      return `CloudFormation gives no Replacement value for this change, so plangate counts it as a possible replacement${whole}${nested}`
    case 'stated':
    case 'inferred-from-details':
      break
  }
  if (shape.conditional) {
    return `may be replaced because ${properties.length > 0 ? because : 'a property changed'}: CloudFormation decides only during the deployment, so plangate counts it as a replacement; if replaced, ${policy}${whole}${nested}`
  }
  if (forcing.length === 0) {
    return `replaced (CloudFormation names no property that requires it); ${policy}${whole}${nested}`
  }
  return `replaced because ${because}; ${policy}${whole}${nested}`
}

/**
 * Attribute diffs, in paths like `Properties.BucketName`,
 * `Metadata["aws:asset:path"]` and `DeletionPolicy`: from the whole resource
 * contexts (less the CDK construct path) when both sides are there, else
 * from each detail's values.
 * `****` (NoEcho) is sensitive; `{{changeSet:KNOWN_AFTER_APPLY}}` unknown.
 */
function attributesOf(
  change: ChangeSetResourceChange,
  redactor: Redactor,
  replacePaths: readonly string[]
): readonly AttributeChange[] {
  const shape = change.classification
  if (shape.action === 'no-op' || shape.action === 'forget')
    return NO_ATTRIBUTES
  const { before, after } = change
  const useContexts =
    change.action === 'Add'
      ? after !== undefined
      : change.action === 'Remove'
        ? before !== undefined
        : before !== undefined && after !== undefined
  if (useContexts) {
    return diffAttributes(
      sideOf(change.action === 'Add' ? undefined : withoutCdkPath(before)),
      sideOf(change.action === 'Remove' ? undefined : withoutCdkPath(after)),
      redactor,
      replacePaths
    )
  }
  const out: AttributeChange[] = []
  const seen = new Set<string>()
  for (const detail of change.details) {
    if (detail.beforeValue === undefined && detail.afterValue === undefined)
      continue
    const path = formatPath(detailSteps(detail))
    if (seen.has(path)) continue
    seen.add(path)
    const beforeAbsent =
      detail.attributeChangeType === 'Add' || detail.beforeValue === undefined
    const afterAbsent =
      detail.attributeChangeType === 'Remove' || detail.afterValue === undefined
    out.push(
      ...diffAttributes(
        sideOf(beforeAbsent ? undefined : parseValue(detail.beforeValue)),
        sideOf(afterAbsent ? undefined : parseValue(detail.afterValue)),
        redactor,
        replacePaths,
        path
      )
    )
  }
  return out
}

/**
 * Drops `Metadata["aws:cdk:path"]`: CDK writes it on every resource, and it
 * is shown as the change's label already. The rest of Metadata stays
 * (`AWS::CloudFormation::Init` lives there).
 */
function withoutCdkPath(
  context: JsonRecord | undefined
): JsonRecord | undefined {
  const metadata =
    context === undefined ? undefined : recordAt(context, 'Metadata')
  if (context === undefined || metadata?.['aws:cdk:path'] === undefined)
    return context
  const { 'aws:cdk:path': _path, ...rest } = metadata
  const { Metadata: _metadata, ...others } = context
  return Object.keys(rest).length === 0 ? others : { ...others, Metadata: rest }
}

/** Detail values are strings, JSON text for objects and lists. */
function parseValue(value: string | undefined): unknown {
  if (value === undefined) return undefined
  const head = value.trimStart()[0]
  if (head !== '{' && head !== '[') return value
  // Too deep to walk safely: shown as the text it is.
  if (findDeepNesting(value, MAX_NESTING) !== -1) return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}

function sideOf(value: unknown): {
  value: unknown
  sensitive: unknown
  unknown: unknown
  absent: boolean
} {
  return {
    value,
    sensitive: maskWhere(value, (s) => s === MASKED),
    unknown: maskWhere(value, (s) => s === KNOWN_AFTER_APPLY),
    absent: value === undefined
  }
}

/** A mask in the shape of `value` marking the string leaves `test` picks. */
function maskWhere(value: unknown, test: (leaf: string) => boolean): unknown {
  if (typeof value === 'string') return test(value)
  if (Array.isArray(value)) return value.map((item) => maskWhere(item, test))
  if (isRecord(value)) {
    // Keys come from the input: `__proto__` must stay a key.
    const mask = Object.create(null) as Record<string, unknown>
    for (const [key, item] of Object.entries(value))
      mask[key] = maskWhere(item, test)
    return mask
  }
  return false
}
