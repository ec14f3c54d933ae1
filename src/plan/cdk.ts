import type * as DiffTemplateModule from '@aws-cdk/cloudformation-diff/lib/diff-template.js'
import type {
  AttributeChange,
  LifecycleChange,
  DependencyGraph,
  OutputChange,
  Plan,
  ResourceChange
} from '../model.js'
import { collectLeafStrings } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { deepEqual, diffAttributes, joinPath } from './attributes.js'
import { templateDependencies } from './cloudformation.js'
import { GraphBuilder } from './dependents.js'
import { PlanParseError } from './errors.js'
import { describeJson, describeScalar, isRecord, recordAt } from './json.js'
import type { JsonRecord } from './json.js'

/**
 * The exact `@aws-cdk/cloudformation-diff` release plangate bundles (pinned
 * in package.json; a test checks the two agree). It decides replacement from
 * the AWS resource specification it ships (`db.json.gz`).
 */
export const CLOUDFORMATION_DIFF_VERSION = '2.187.5'

/** `Plan.formatVersion` of a template comparison: there is no file format version to report. */
export const TEMPLATE_DIFF_FORMAT_VERSION = 'template-diff'

/** Where `cdk synth` puts what plangate reads, for hints. */
export const CDK_SYNTH_HINT =
  "`cdk synth` writes each stack's template to `cdk.out/<Stack>.template.json`; pass the templates of the base and of the change (or both `cdk.out` directories)"

/**
 * Said once per compared stack (the same words each time, so a caller can
 * show it once): a template diff predicts, a change set knows.
 */
export const TEMPLATE_DIFF_CAVEAT =
  'compared two CloudFormation templates, which is less exact than a change set: replacement is predicted from the AWS resource specification, and values resolved at deploy time (parameters, SSM and Secrets Manager references), the contents of nested stacks and what custom resources do are not seen; review a change set (`cdk deploy --method=prepare-change-set`) before deploying'

/** `ResourceImpact` of `@aws-cdk/cloudformation-diff`, as data. */
export const TEMPLATE_IMPACTS = [
  'WILL_UPDATE',
  'WILL_CREATE',
  'WILL_REPLACE',
  'MAY_REPLACE',
  'WILL_DESTROY',
  'WILL_ORPHAN',
  'WILL_IMPORT',
  'NO_CHANGE'
] as const
export type TemplateImpact = (typeof TEMPLATE_IMPACTS)[number]

/** Two CloudFormation templates of one stack, checked, with their secrets. */
export interface TemplateDiffInput {
  readonly kind: 'cloudformation-template'
  /** The after template's path; the before template's for a deleted stack. */
  readonly source: string
  /** `{}` when the stack does not exist yet (a new stack). */
  readonly before: JsonRecord
  /** `{}` when the stack is deleted. */
  readonly after: JsonRecord
  readonly stackName: string
  /** `Default` values of `NoEcho` parameters, of both templates. */
  readonly secrets: ReadonlySet<string>
  readonly warnings: readonly string[]
}

/** What the library predicts for one resource that differs between the templates. */
export interface ResourceVerdict {
  readonly impact: TemplateImpact
  /**
   * Each changed property and its impact: WILL_REPLACE / MAY_REPLACE /
   * WILL_UPDATE, or NO_CHANGE where the specification does not know the
   * property (custom resources, types newer than the specification).
   */
  readonly properties: ReadonlyMap<string, TemplateImpact>
  /** Changed resource attributes other than `Properties`: `Metadata`, `DependsOn`, `DeletionPolicy`… */
  readonly otherChanges: readonly string[]
  readonly typeChanged: boolean
}

/**
 * A template pair after the heavy step: the library's verdict for every
 * resource that differs (an unchanged resource has none). Plain data, so
 * normalisation stays synchronous and can be tested without the library.
 */
export interface PreparedTemplateDiff extends TemplateDiffInput {
  readonly verdicts: ReadonlyMap<string, ResourceVerdict>
  /** `@aws-cdk/cloudformation-diff <version>`. */
  readonly toolVersion: string
}

/** One side of a template pair as read from disk: a path and its parsed JSON. */
export interface TemplateSide {
  readonly source: string
  /** The parsed template, or `{}` when the stack does not exist on this side. */
  readonly doc: unknown
}

/** True when a JSON document has the shape of a CloudFormation template. */
export function looksLikeTemplate(doc: unknown): boolean {
  if (!isRecord(doc)) return false
  if ('AWSTemplateFormatVersion' in doc) return true
  const resources = doc.Resources
  return (
    isRecord(resources) &&
    Object.values(resources).every(
      (resource) => isRecord(resource) && typeof resource.Type === 'string'
    )
  )
}

/**
 * Checks both templates of a stack and collects their secrets (the defaults
 * of `NoEcho` parameters). A side whose `doc` is `{}` does not exist: the
 * stack is new (before) or deleted (after). Cheap: the library is not loaded.
 */
export function readTemplatePair(
  before: TemplateSide,
  after: TemplateSide,
  stackName?: string
): TemplateDiffInput {
  const beforeAbsent = isEmptyObject(before.doc)
  const afterAbsent = isEmptyObject(after.doc)
  if (beforeAbsent && afterAbsent) {
    throw new PlanParseError(
      after.source,
      'a CloudFormation template on at least one side',
      'an empty JSON object on both sides (no stack before, none after)',
      CDK_SYNTH_HINT
    )
  }
  const beforeDoc = beforeAbsent ? {} : checkTemplate(before.doc, before.source)
  const afterDoc = afterAbsent ? {} : checkTemplate(after.doc, after.source)
  checkTemplateArrays(beforeDoc, before.source)
  checkTemplateArrays(afterDoc, after.source)
  const source = afterAbsent ? before.source : after.source
  const name = stackName ?? stackNameOf(source)
  const warnings: string[] = []
  if (beforeAbsent) {
    warnings.push(
      `${source}: no before template: stack ${name} is new, every resource in it is created`
    )
  }
  if (afterAbsent) {
    warnings.push(
      `${source}: no after template: stack ${name} is shown as deleted, every resource destroyed unless its DeletionPolicy keeps it (removing a stack from a CDK app does not delete it by itself; \`cdk destroy\` does)`
    )
  }
  for (const [side, doc] of [
    [before.source, beforeDoc],
    [after.source, afterDoc]
  ] as const) {
    if (doc.Transform !== undefined) {
      warnings.push(
        `${side}: the template declares a Transform (${describeTransform(doc.Transform)}): the resources it expands into are not compared`
      )
    }
  }
  const nested = nestedStacks(beforeDoc, afterDoc)
  if (nested.length > 0) {
    warnings.push(
      `${source}: nested stack ${listNames(nested)} ${nested.length === 1 ? 'is' : 'are'} compared as a resource only, not the resources inside; review each nested template pair (\`*.nested.template.json\`) too`
    )
  }
  const secrets = new Set<string>()
  collectNoEchoDefaults(beforeDoc, secrets)
  collectNoEchoDefaults(afterDoc, secrets)
  return {
    kind: 'cloudformation-template',
    source,
    before: beforeDoc,
    after: afterDoc,
    stackName: name,
    secrets,
    warnings
  }
}

/**
 * How much work nested arrays may add to a template comparison.
 * `@aws-cdk/cloudformation-diff` (its reference propagation, run once
 * per replaced resource) visits every array's items twice, so a value
 * inside k arrays is visited 2^k times: 40 nested arrays in a 213-byte
 * template run for hours. plangate counts those visits before handing a
 * template over and refuses one that would cost more than
 * `MAX_TEMPLATE_ARRAY_WORK` visits per value on average, plus
 * `TEMPLATE_ARRAY_WORK_ALLOWANCE` (a small template may nest about 15
 * arrays). Real templates cost 2 to 5 visits per value (`Fn::Join`
 * inside a policy's `Resource` list is 4 arrays deep).
 */
export const MAX_TEMPLATE_ARRAY_WORK = 64
export const TEMPLATE_ARRAY_WORK_ALLOWANCE = 65_536

/**
 * Refuses a template whose nested arrays would make the diff library's
 * work explode, naming the deepest array nesting. Iterative and linear:
 * it adds up 2^k per value instead of visiting it 2^k times.
 */
function checkTemplateArrays(doc: JsonRecord, source: string): void {
  let values = 0
  let visits = 0
  let deepest = 0
  const pending: { value: unknown; arrays: number }[] = [
    { value: doc, arrays: 0 }
  ]
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, arrays } = item
    values++
    visits += 2 ** arrays
    if (arrays > deepest) deepest = arrays
    if (Array.isArray(value)) {
      for (const child of value)
        pending.push({ value: child, arrays: arrays + 1 })
    } else if (isRecord(value)) {
      for (const key in value) pending.push({ value: value[key], arrays })
    }
  }
  if (
    visits <=
    MAX_TEMPLATE_ARRAY_WORK * values + TEMPLATE_ARRAY_WORK_ALLOWANCE
  )
    return
  const at = deepestArrayPath(doc)
  throw new PlanParseError(
    source,
    `a template whose nested arrays @aws-cdk/cloudformation-diff can compare in bounded time (its work doubles with each array level)`,
    `arrays nested ${at.arrays} deep at ${at.path}`,
    'real templates nest a few arrays (`Fn::Join` in a policy is 4); compare the templates `cdk synth` writes'
  )
}

/** The path of the value nested in the most arrays, for the message. */
function deepestArrayPath(doc: JsonRecord): { arrays: number; path: string } {
  let best = { arrays: 0, path: '$' }
  const pending: { value: unknown; arrays: number; path: string }[] = [
    { value: doc, arrays: 0, path: '' }
  ]
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, arrays, path } = item
    if (arrays > best.arrays) best = { arrays, path }
    if (Array.isArray(value)) {
      value.forEach((child: unknown, index) =>
        pending.push({
          value: child,
          arrays: arrays + 1,
          path: `${path}[${index}]`
        })
      )
    } else if (isRecord(value)) {
      for (const key in value)
        pending.push({
          value: value[key],
          arrays,
          path: `${path}${SAFE_NAME.test(key) ? `.${key}` : '["…"]'}`
        })
    }
  }
  const path = best.path.replace(/^\./, '')
  return {
    arrays: best.arrays,
    path: path.length > 160 ? `${path.slice(0, 160)}…` : path
  }
}

function isEmptyObject(doc: unknown): boolean {
  return isRecord(doc) && Object.keys(doc).length === 0
}

const TEMPLATE_EXPECTED = 'a CloudFormation template (JSON with "Resources")'

/** Checks the sections plangate reads; everything else is ignored. */
function checkTemplate(doc: unknown, source: string): JsonRecord {
  if (!isRecord(doc)) throw notATemplate(doc, source)
  if (!('Resources' in doc) && !('AWSTemplateFormatVersion' in doc))
    throw notATemplate(doc, source)
  for (const section of ['Resources', 'Parameters', 'Outputs'] as const) {
    const value = doc[section]
    if (value !== undefined && !isRecord(value)) {
      throw new PlanParseError(
        source,
        `"${section}" to be an object`,
        describeScalar(value)
      )
    }
  }
  for (const [id, resource] of Object.entries(
    recordAt(doc, 'Resources') ?? {}
  )) {
    if (!isRecord(resource) || typeof resource.Type !== 'string') {
      throw new PlanParseError(
        source,
        `Resources.${safeName(id)} to be an object with a string "Type"`,
        isRecord(resource)
          ? `Type ${describeScalar(resource.Type)}`
          : describeScalar(resource)
      )
    }
    const properties = resource.Properties
    if (properties !== undefined && !isRecord(properties)) {
      throw new PlanParseError(
        source,
        `Resources.${safeName(id)}.Properties to be an object`,
        describeScalar(properties)
      )
    }
  }
  return doc
}

function notATemplate(doc: unknown, source: string): PlanParseError {
  if (isRecord(doc)) {
    if (typeof doc.format_version === 'string') {
      return new PlanParseError(
        source,
        TEMPLATE_EXPECTED,
        'a Terraform/OpenTofu JSON document',
        'pass a Terraform plan as a plan file, not as a template; ' +
          CDK_SYNTH_HINT
      )
    }
    if (Array.isArray(doc.Changes) || typeof doc.ChangeSetId === 'string') {
      return new PlanParseError(
        source,
        TEMPLATE_EXPECTED,
        'a CloudFormation change set (`describe-change-set` output)',
        'a change set is reviewed on its own, not as one side of a template pair; ' +
          CDK_SYNTH_HINT
      )
    }
    if (isRecord(doc.artifacts) && typeof doc.version === 'string') {
      return new PlanParseError(
        source,
        TEMPLATE_EXPECTED,
        'a cloud assembly manifest (`cdk.out/manifest.json`)',
        'pass the `cdk.out` directory itself, or one of its `*.template.json` files'
      )
    }
    if (typeof doc.TemplateBody === 'string' || isRecord(doc.TemplateBody)) {
      return new PlanParseError(
        source,
        TEMPLATE_EXPECTED,
        '`aws cloudformation get-template` output (the template is inside "TemplateBody")',
        'save only the template: `aws cloudformation get-template --stack-name NAME --query TemplateBody > before.json`'
      )
    }
  }
  return new PlanParseError(
    source,
    TEMPLATE_EXPECTED,
    describeJson(doc),
    CDK_SYNTH_HINT
  )
}

const SAFE_NAME = /^[A-Za-z0-9_.:-]{1,255}$/

/** A logical ID or key for messages: template names are alphanumeric; anything else is not quoted. */
function safeName(name: string): string {
  return SAFE_NAME.test(name) ? name : '(a key that is not a logical ID)'
}

function describeTransform(transform: unknown): string {
  const names = (Array.isArray(transform) ? transform : [transform]).map(
    (item) =>
      typeof item === 'string' && SAFE_NAME.test(item)
        ? item
        : isRecord(item) && typeof item.Name === 'string'
          ? safeName(item.Name)
          : 'a macro'
  )
  return names.join(', ')
}

/** `cdk.out/MyStack.template.json` → `MyStack`. */
function stackNameOf(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source
  const name = base.replace(/\.template\.json$/i, '').replace(/\.json$/i, '')
  return name === '' || name === '-' ? 'stack' : name
}

function resourcesOf(doc: JsonRecord): JsonRecord {
  return recordAt(doc, 'Resources') ?? {}
}

function nestedStacks(before: JsonRecord, after: JsonRecord): string[] {
  const ids = new Set<string>()
  for (const doc of [before, after]) {
    for (const [id, resource] of Object.entries(resourcesOf(doc))) {
      if (isRecord(resource) && resource.Type === 'AWS::CloudFormation::Stack')
        ids.add(safeName(id))
    }
  }
  return [...ids].sort()
}

/** NoEcho parameters hide their value in the console; their defaults are secrets. */
function collectNoEchoDefaults(doc: JsonRecord, into: Set<string>): void {
  for (const parameter of Object.values(recordAt(doc, 'Parameters') ?? {})) {
    if (!isRecord(parameter)) continue
    const noEcho = parameter.NoEcho
    if (
      noEcho === true ||
      (typeof noEcho === 'string' && noEcho.toLowerCase() === 'true')
    )
      collectLeafStrings(parameter.Default, into)
  }
}

type DiffModule = typeof DiffTemplateModule
let differ: Promise<DiffModule> | undefined

/**
 * Loads `@aws-cdk/cloudformation-diff` on first use only: it and its
 * resource specification cost most of a second and over 100 MB, which
 * Terraform-only runs must not pay. The diff module alone is imported, not
 * the package index, which would also load its table renderer and Ajv.
 */
function loadDiffer(): Promise<DiffModule> {
  differ ??= import('@aws-cdk/cloudformation-diff/lib/diff-template.js')
  return differ
}

/**
 * The heavy step, asynchronous because the library is loaded on demand:
 * compares the templates with `@aws-cdk/cloudformation-diff` (`fullDiff`)
 * and keeps its verdicts as plain data. Call it for every template pair
 * before `normalizePlans`; normalisation itself is synchronous.
 */
export async function prepareTemplateDiff(
  input: TemplateDiffInput
): Promise<PreparedTemplateDiff> {
  const { fullDiff } = await loadDiffer()
  let diff
  try {
    diff = fullDiff(input.before, input.after)
  } catch (error) {
    if (isSystemError(error)) {
      throw new Error(
        `@aws-cdk/cloudformation-diff could not load its resource specification (${error.code}); plangate is not installed completely`,
        { cause: error }
      )
    }
    throw new PlanParseError(
      input.source,
      'templates that @aws-cdk/cloudformation-diff can compare',
      `a template pair it failed on (${error instanceof Error ? error.name : typeof error})`,
      'check that both files are templates from `cdk synth`',
      { cause: error }
    )
  }
  const verdicts = new Map<string, ResourceVerdict>()
  diff.resources.forEachDifference((logicalId, change) => {
    if (!change.isDifferent) return
    const properties = new Map<string, TemplateImpact>()
    for (const [name, property] of Object.entries(change.propertyUpdates)) {
      properties.set(
        name,
        toImpact(property.changeImpact ?? 'NO_CHANGE', input.source, logicalId)
      )
    }
    verdicts.set(logicalId, {
      impact: toImpact(change.changeImpact, input.source, logicalId),
      properties,
      otherChanges: Object.keys(change.otherChanges).sort(),
      typeChanged: change.resourceTypeChanged
    })
  })
  return {
    ...input,
    verdicts,
    toolVersion: `@aws-cdk/cloudformation-diff ${CLOUDFORMATION_DIFF_VERSION}`
  }
}

function isSystemError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^E[A-Z]+$/.test(error.code)
  )
}

function toImpact(
  value: unknown,
  source: string,
  logicalId: string
): TemplateImpact {
  if ((TEMPLATE_IMPACTS as readonly unknown[]).includes(value))
    return value as TemplateImpact
  throw new PlanParseError(
    source,
    `a resource impact plangate knows for ${safeName(logicalId)} (${TEMPLATE_IMPACTS.join(', ')})`,
    describeScalar(value),
    'plangate does not guess what an unknown impact does to real infrastructure; upgrade plangate'
  )
}

/**
 * Runs one tiny diff through the loaded library, so that a packaged
 * plangate can prove it finds the library's code and its resource
 * specification at run time (a bundle that lost `db.json.gz` fails here).
 * Returns the library's name and version.
 */
export async function checkTemplateDiffer(): Promise<string> {
  const bucket = (name: string): JsonRecord => ({
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: name } }
    }
  })
  const prepared = await prepareTemplateDiff(
    readTemplatePair(
      { source: 'self-check/before.template.json', doc: bucket('a') },
      { source: 'self-check/after.template.json', doc: bucket('b') },
      'SelfCheck'
    )
  )
  const impact = prepared.verdicts.get('Bucket')?.impact
  if (impact !== 'WILL_REPLACE') {
    throw new Error(
      `@aws-cdk/cloudformation-diff self-check: a BucketName change should be WILL_REPLACE, got ${String(impact)}`
    )
  }
  return prepared.toolVersion
}

/** Resource types that are CDK bookkeeping, hidden like `cdk diff` hides them. */
const HIDDEN_TYPES = new Set(['AWS::CDK::Metadata'])

/** Compares logical IDs like `cdk diff` lists them: by code unit, stable. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Turns the library's verdicts into the normalised model: one change per
 * logical ID of either template (unchanged ones as no-op), outputs, and the
 * caveat that a template diff is a prediction.
 */
export function normalizeTemplateDiff(
  input: PreparedTemplateDiff,
  redactor: Redactor
): Plan {
  const before = resourcesOf(input.before)
  const after = resourcesOf(input.after)
  const stackDeleted = Object.keys(input.after).length === 0
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const changes: ResourceChange[] = []
  for (const id of ids.sort(byName)) {
    const old = recordAt(before, id)
    const now = recordAt(after, id)
    const type = typeOf(now) ?? typeOf(old) ?? 'unknown'
    if (HIDDEN_TYPES.has(type)) continue
    changes.push(
      normalizeResource(
        id,
        old,
        now,
        input.verdicts.get(id),
        stackDeleted,
        redactor
      )
    )
  }
  return {
    source: input.source,
    stack: input.stackName,
    format: 'cloudformation-template',
    formatVersion: TEMPLATE_DIFF_FORMAT_VERSION,
    toolVersion: input.toolVersion,
    mode: 'normal',
    changes,
    drift: [],
    outputs: normalizeOutputs(input, redactor),
    checks: [],
    targeted: false,
    warnings: [...input.warnings, TEMPLATE_DIFF_CAVEAT].map((w) =>
      redactor.text(w)
    ),
    dependencies: templatePairDependencies(input.before, input.after)
  }
}

/** Both templates' edges: the old one's for what is removed, the new one's for what is replaced. */
function templatePairDependencies(
  before: unknown,
  after: unknown
): DependencyGraph {
  const graph = new GraphBuilder()
  graph.merge(templateDependencies(before))
  graph.merge(templateDependencies(after))
  return graph.build('address')
}

function typeOf(resource: JsonRecord | undefined): string | undefined {
  const type = resource?.Type
  return typeof type === 'string' ? type : undefined
}

type Writable<T> = { -readonly [K in keyof T]: T[K] }

const REPLACING: ReadonlySet<TemplateImpact> = new Set([
  'WILL_REPLACE',
  'MAY_REPLACE'
])

function normalizeResource(
  id: string,
  old: JsonRecord | undefined,
  now: JsonRecord | undefined,
  found: ResourceVerdict | undefined,
  stackDeleted: boolean,
  redactor: Redactor
): ResourceChange {
  // A resource the library found no difference in is unchanged; one that
  // exists on one side only always differs, whatever the verdicts say.
  const verdict: ResourceVerdict =
    found ??
    (old !== undefined && now !== undefined
      ? NO_VERDICT
      : {
          ...NO_VERDICT,
          impact: now === undefined ? 'WILL_DESTROY' : 'WILL_CREATE'
        })
  const oldType = typeOf(old)
  const newType = typeOf(now)
  const replacePaths = [...verdict.properties]
    .filter(([, impact]) => REPLACING.has(impact))
    .map(([name]) => joinPath('', name))
  const result: Writable<ResourceChange> = {
    address: id,
    type: newType ?? oldType ?? 'unknown',
    name: id,
    module: '',
    provider: 'aws',
    mode: 'managed',
    action: 'no-op',
    imported: false,
    replacePaths: redactor.active
      ? replacePaths.map((p) => redactor.text(p))
      : replacePaths,
    destructive: false,
    attributes: NO_ATTRIBUTES
  }
  const label = cdkPath(now) ?? cdkPath(old)
  if (label !== undefined) result.label = redactor.text(label)
  const context: ExplainContext = {
    verdict,
    old,
    now,
    stackDeleted
  }
  switch (verdict.impact) {
    case 'WILL_CREATE':
    case 'WILL_IMPORT':
      result.action = 'create'
      if (verdict.impact === 'WILL_IMPORT') result.imported = true
      break
    case 'WILL_UPDATE':
      result.action = 'update'
      break
    case 'NO_CHANGE':
      // The library rates a property it has no specification for (custom
      // resources, types newer than the specification) NO_CHANGE even when
      // its value changed: that is still an update.
      result.action = found === undefined ? 'no-op' : 'update'
      break
    case 'WILL_REPLACE':
    case 'MAY_REPLACE': {
      result.action = 'replace'
      // CloudFormation creates the replacement, switches references over,
      // then deletes the old object in the cleanup phase.
      result.replaceOrder = 'create-first'
      if (verdict.impact === 'MAY_REPLACE') result.conditional = true
      const keepsOld =
        policyOf(old, 'UpdateReplacePolicy') === 'Retain' &&
        policyOf(now, 'UpdateReplacePolicy') === 'Retain'
      if (keepsOld) result.keepsOld = true
      // Kept or not, a new, empty object takes the old one's place: gated.
      result.destructive = true
      break
    }
    case 'WILL_DESTROY':
      result.action = 'destroy'
      result.destructive = true
      if (policyOf(old, 'DeletionPolicy') === 'Snapshot') result.snapshot = true
      break
    case 'WILL_ORPHAN':
      result.action = 'forget'
      break
  }
  if (result.action !== 'no-op' && result.action !== 'forget') {
    result.attributes = diffProperties(
      old,
      now,
      verdict,
      redactor,
      result.replacePaths
    )
  }
  if (
    old !== undefined &&
    now !== undefined &&
    (result.action === 'update' || result.action === 'replace')
  ) {
    const lifecycle = lifecycleChanges(old, now)
    if (lifecycle.length > 0) result.lifecycle = lifecycle
  }
  if (found !== undefined || result.action !== 'no-op') {
    result.reason = redactor.text(reasonFor(verdict))
    const explanation = explain(result, context)
    if (explanation !== undefined)
      result.explanation = redactor.text(explanation)
  }
  return result
}

/**
 * The resource's `DeletionPolicy` and `UpdateReplacePolicy` where they
 * differ: a weaker policy is harmless now and destructive at the next
 * removal, which the risk assessment flags.
 */
function lifecycleChanges(old: JsonRecord, now: JsonRecord): LifecycleChange[] {
  const out: LifecycleChange[] = []
  for (const name of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
    const before = policyName(old[name])
    const after = policyName(now[name])
    if (before !== after) out.push({ name, before, after })
  }
  return out
}

/** A policy as plain words: the default when absent, `computed` for an intrinsic function. */
function policyName(value: unknown): string {
  if (value === undefined) return 'Delete'
  return typeof value === 'string' && SAFE_NAME.test(value) ? value : 'computed'
}

const NO_VERDICT: ResourceVerdict = {
  impact: 'NO_CHANGE',
  properties: new Map(),
  otherChanges: [],
  typeChanged: false
}

const NO_ATTRIBUTES: readonly AttributeChange[] = Object.freeze([])

/** The construct path CDK records in each resource's metadata. */
function cdkPath(resource: JsonRecord | undefined): string | undefined {
  const metadata =
    resource === undefined ? undefined : recordAt(resource, 'Metadata')
  const value = metadata?.['aws:cdk:path']
  return typeof value === 'string' && value !== '' ? value : undefined
}

function policyOf(
  resource: JsonRecord | undefined,
  key: 'DeletionPolicy' | 'UpdateReplacePolicy'
): string {
  const value = resource?.[key]
  // CloudFormation's default when the attribute is absent.
  return typeof value === 'string' ? value : 'Delete'
}

function propertiesOf(resource: JsonRecord | undefined): JsonRecord {
  return recordAt(resource ?? {}, 'Properties') ?? {}
}

/**
 * Diffs `Properties`, one top-level property at a time. A property the
 * library says forces replacement although its text did not change refers
 * to a replaced resource (`Ref`, `Fn::GetAtt`): its new value is known only
 * after the deployment, so it is shown as such.
 */
function diffProperties(
  old: JsonRecord | undefined,
  now: JsonRecord | undefined,
  verdict: ResourceVerdict,
  redactor: Redactor,
  replacePaths: readonly string[]
): AttributeChange[] {
  const before = propertiesOf(old)
  const after = propertiesOf(now)
  const out: AttributeChange[] = []
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  for (const name of names.sort(byName)) {
    const path = joinPath('', name)
    const impact = verdict.properties.get(name)
    const inBefore = old !== undefined && Object.hasOwn(before, name)
    const inAfter = now !== undefined && Object.hasOwn(after, name)
    const unchanged =
      inBefore && inAfter && deepEqual(before[name], after[name])
    if (unchanged && impact !== undefined && REPLACING.has(impact)) {
      out.push(
        ...diffAttributes(
          { value: before[name], sensitive: false, absent: false },
          { value: null, sensitive: false, unknown: true, absent: false },
          redactor,
          [path],
          path
        )
      )
      continue
    }
    if (unchanged) continue
    out.push(
      ...diffAttributes(
        { value: before[name], sensitive: false, absent: !inBefore },
        { value: after[name], sensitive: false, absent: !inAfter },
        redactor,
        replacePaths,
        path
      )
    )
  }
  return out
}

/** The library's own words: the resource impact, then each changed property's. */
function reasonFor(verdict: ResourceVerdict): string {
  const parts = [...verdict.properties].map(
    ([name, impact]) => `${name}: ${impact}`
  )
  for (const other of verdict.otherChanges) parts.push(`${other}: changed`)
  if (verdict.typeChanged) parts.unshift('Type: changed')
  return parts.length === 0
    ? verdict.impact
    : `${verdict.impact} (${parts.join(', ')})`
}

interface ExplainContext {
  readonly verdict: ResourceVerdict
  readonly old: JsonRecord | undefined
  readonly now: JsonRecord | undefined
  readonly stackDeleted: boolean
}

const code = (text: string): string => `\`${text}\``

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).map(code)
  if (names.length > 3)
    return `${shown.join(', ')} and ${names.length - 3} more`
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`
}

function explain(
  change: Omit<ResourceChange, 'explanation'>,
  context: ExplainContext
): string | undefined {
  const { verdict, old, stackDeleted } = context
  switch (change.action) {
    case 'create':
      return change.imported
        ? 'imported: CloudFormation adopts an existing object into the stack'
        : undefined
    case 'destroy': {
      const why = stackDeleted
        ? 'destroyed because its stack is deleted'
        : 'destroyed because it was removed from the template'
      return change.snapshot === true
        ? `${why}; DeletionPolicy Snapshot takes a final snapshot first`
        : why
    }
    case 'forget':
      return `${stackDeleted ? 'its stack is deleted' : 'removed from the template'}, but DeletionPolicy ${policyOf(old, 'DeletionPolicy')} keeps the real object, which CloudFormation no longer manages`
    case 'replace':
      return explainReplace(change, context)
    case 'update':
      return explainUpdate(change.type, verdict, context)
    case 'no-op':
    case 'read':
      return undefined
  }
}

function explainReplace(
  change: Omit<ResourceChange, 'explanation'>,
  { verdict, old, now }: ExplainContext
): string {
  const before = propertiesOf(old)
  const after = propertiesOf(now)
  const requires: string[] = []
  const may: string[] = []
  const refers: string[] = []
  for (const [name, impact] of verdict.properties) {
    if (!REPLACING.has(impact)) continue
    if (
      Object.hasOwn(before, name) &&
      Object.hasOwn(after, name) &&
      deepEqual(before[name], after[name])
    )
      refers.push(name)
    else if (impact === 'WILL_REPLACE') requires.push(name)
    else may.push(name)
  }
  const parts: string[] = []
  if (verdict.typeChanged) {
    parts.push(
      `its type changes from ${code(typeOf(old) ?? 'unknown')} to ${code(typeOf(now) ?? 'unknown')}`
    )
  }
  if (requires.length > 0) {
    parts.push(
      `${listNames(requires)} changed and ${requires.length === 1 ? 'requires' : 'require'} replacement`
    )
  }
  if (may.length > 0) {
    parts.push(
      `${listNames(may)} changed and may require replacement (it depends on the value; CloudFormation decides during the deployment)`
    )
  }
  if (refers.length > 0) {
    parts.push(
      `${listNames(refers)} ${refers.length === 1 ? 'refers' : 'refer'} to a resource that is replaced`
    )
  }
  const verb = change.conditional === true ? 'may be replaced' : 'replaced'
  let text =
    parts.length === 0
      ? `${verb}: the resource specification says a change requires replacement`
      : `${verb} because ${parts.join('; ')}`
  if (change.keepsOld === true) {
    text +=
      '; UpdateReplacePolicy Retain keeps the old object, which CloudFormation no longer manages'
  } else if (
    policyOf(old, 'UpdateReplacePolicy') === 'Snapshot' ||
    policyOf(now, 'UpdateReplacePolicy') === 'Snapshot'
  ) {
    text +=
      '; UpdateReplacePolicy Snapshot takes a snapshot of the old object before deleting it'
  }
  return text
}

function explainUpdate(
  type: string,
  verdict: ResourceVerdict,
  { old, now }: ExplainContext
): string | undefined {
  const parts: string[] = []
  const unrated = [...verdict.properties]
    .filter(([, impact]) => impact === 'NO_CHANGE')
    .map(([name]) => name)
  if (unrated.length > 0) {
    parts.push(
      isCustomResource(type)
        ? `updated: ${listNames(unrated)} changed, and the custom resource's own code decides what that does (it may replace the object)`
        : `updated as far as plangate can tell: the resource specification does not cover ${listNames(unrated)} of ${code(type)}, so whether the change replaces the object cannot be predicted`
    )
  } else if (verdict.properties.size === 0 && verdict.otherChanges.length > 0) {
    parts.push(`only ${listNames(verdict.otherChanges)} changed, no property`)
  }
  // A weaker policy is harmless now and destructive at the next removal.
  for (const key of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
    if (!verdict.otherChanges.includes(key)) continue
    parts.push(
      `${key} ${describePolicy(old?.[key])} → ${describePolicy(now?.[key])}`
    )
  }
  return parts.length === 0 ? undefined : parts.join('; ')
}

function describePolicy(value: unknown): string {
  if (value === undefined) return 'Delete (default)'
  return typeof value === 'string' && SAFE_NAME.test(value)
    ? value
    : 'a computed value'
}

function isCustomResource(type: string): boolean {
  return (
    type.startsWith('Custom::') ||
    type === 'AWS::CloudFormation::CustomResource'
  )
}

/** Outputs, diffed from the templates (the library's verdicts are about resources). */
function normalizeOutputs(
  input: TemplateDiffInput,
  redactor: Redactor
): OutputChange[] {
  const before = recordAt(input.before, 'Outputs') ?? {}
  const after = recordAt(input.after, 'Outputs') ?? {}
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return names.sort(byName).map((name) => {
    const inBefore = Object.hasOwn(before, name)
    const inAfter = Object.hasOwn(after, name)
    const action: OutputChange['action'] = !inBefore
      ? 'create'
      : !inAfter
        ? 'destroy'
        : deepEqual(before[name], after[name])
          ? 'no-op'
          : 'update'
    return {
      name: redactor.text(name),
      action,
      sensitive: false,
      attributes:
        action === 'no-op'
          ? NO_ATTRIBUTES
          : diffAttributes(
              { value: before[name], sensitive: false, absent: !inBefore },
              { value: after[name], sensitive: false, absent: !inAfter },
              redactor,
              [],
              redactor.text(name)
            )
    }
  })
}
