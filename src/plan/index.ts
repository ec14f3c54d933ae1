import type { DependencyGraph, Plan } from '../model.js'
import { createRedactor } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { normalizeTemplateDiff } from './cdk.js'
import type { PreparedTemplateDiff } from './cdk.js'
import {
  looksLikeChangeSet,
  normalizeChangeSets,
  readChangeSet
} from './cloudformation.js'
import type { ChangeSetInput } from './cloudformation.js'
import { looksLikeTemplate } from './cdk.js'
import { addDependents } from './dependents.js'
import { PlanParseError, redactError } from './errors.js'
import {
  documentSource,
  parseJsonDocuments,
  parseJsonText
} from './json-text.js'
import { describeJson, isRecord } from './json.js'
import {
  looksLikePulumiEventStream,
  looksLikePulumiPreview,
  normalizePulumiPreview,
  readPulumiPreview
} from './pulumi.js'
import type { PulumiInput } from './pulumi.js'
import {
  jsonLogError,
  looksLikeJsonLog,
  looksLikeTerraformPlan,
  normalizeTerraformPlan,
  readTerraformPlan
} from './terraform.js'
import type { TerraformInput } from './terraform.js'

export { PlanParseError, redactError, SHOW_JSON_HINT } from './errors.js'
export {
  findJsonProblem,
  MAX_DOCUMENTS,
  parseJsonDocuments,
  parseJsonText,
  rejectNonJsonHead
} from './json-text.js'
export {
  classifyActions,
  KNOWN_FORMAT_MINORS,
  looksLikeTerraformPlan
} from './terraform.js'
export { explainReason } from './reasons.js'
export {
  addDependents,
  findDependents,
  MAX_DEPENDENTS,
  nodeOf
} from './dependents.js'
export { deepEqual, diffAttributes, formatPath } from './attributes.js'
export {
  constructPaths,
  looksLikeChangeSet,
  templateDependencies
} from './cloudformation.js'
export { looksLikePulumiPreview } from './pulumi.js'
export {
  looksLikeTemplate,
  prepareTemplateDiff,
  readTemplatePair
} from './cdk.js'
export type { TemplateSide } from './cdk.js'

/** A plan file as read from disk or stdin. */
export interface PlanSource {
  /** A path, or `-` for standard input. */
  readonly source: string
  readonly text: string
}

/** Formats a plan file can be read as; `auto` detects from the content. */
export const INPUT_FORMATS = [
  'auto',
  'terraform',
  'cloudformation',
  'pulumi'
] as const
export type InputFormat = (typeof INPUT_FORMATS)[number]

/** A checked input document of any supported format, not yet normalised. */
export type PlanInput =
  TerraformInput | ChangeSetInput | PulumiInput | PreparedTemplateDiff

/** Which command makes the input plangate reads, per format, for hints. */
const COMMANDS =
  '`terraform show -json PLANFILE`, `aws cloudformation describe-change-set --include-property-values`, `pulumi preview --json`, or two templates with --before/--after'

/** Names the format of a parsed document from its content. */
export function detectFormat(
  doc: unknown
): 'terraform' | 'cloudformation' | 'pulumi' | 'template' | undefined {
  if (looksLikeTerraformPlan(doc)) return 'terraform'
  if (looksLikeChangeSet(doc)) return 'cloudformation'
  if (looksLikePulumiPreview(doc)) return 'pulumi'
  if (looksLikeTemplate(doc)) return 'template'
  return undefined
}

/**
 * Parses and checks one plan file's text, detecting its format from the
 * content unless `format` names it. A document of no known kind gets a
 * one-line error naming what it looks like and the commands that make the
 * right input.
 */
export function readPlan(
  input: PlanSource,
  format: InputFormat = 'auto'
): PlanInput {
  let doc: unknown
  try {
    doc = parseJsonText(input.text, input.source)
  } catch (error) {
    throw eventStreamError(input, error)
  }
  return readDocument(doc, input.source, format)
}

/**
 * Like readPlan, but a file of several plans written one after another
 * (`terragrunt run-all show -json > plans.json`) becomes one input per
 * plan, named `FILE#1`, `FILE#2`, … so that every report can tell them apart.
 */
export function readPlanDocuments(
  input: PlanSource,
  format: InputFormat = 'auto'
): PlanInput[] {
  let docs: unknown[]
  try {
    docs = parseJsonDocuments(input.text, input.source)
  } catch (error) {
    throw eventStreamError(input, error)
  }
  if (docs.length === 1) return [readDocument(docs[0], input.source, format)]
  if (looksLikePulumiEventStream(input.text))
    throw eventStreamError(input, undefined)
  return docs.map((doc, i) =>
    readDocument(doc, documentSource(input.source, i, docs.length), format)
  )
}

/** A Pulumi event stream is JSON lines: say so rather than where the JSON breaks. */
function eventStreamError(input: PlanSource, error: unknown): unknown {
  if (!looksLikePulumiEventStream(input.text)) return error
  return new PlanParseError(
    input.source,
    'a Pulumi preview digest',
    'a Pulumi engine event stream (one JSON event per line)',
    'run `pulumi preview --json > preview.json`, which writes the digest',
    { cause: error }
  )
}

function readDocument(
  doc: unknown,
  source: string,
  format: InputFormat
): PlanInput {
  const kind = format === 'auto' ? detectFormat(doc) : format
  switch (kind) {
    case 'terraform':
      return readTerraformPlan(doc, source)
    case 'cloudformation':
      return readChangeSet(doc, source)
    case 'pulumi':
      return readPulumiPreview(doc, source)
    case 'template':
      throw new PlanParseError(
        source,
        'a plan or a change set',
        'a CloudFormation template',
        'compare two templates with `plangate review --before OLD --after NEW`, or review a change set from `aws cloudformation describe-change-set --include-property-values`'
      )
    case undefined:
      // The Terraform reader knows state files, plans without a version and HCP Terraform's redacted plans.
      if (
        isRecord(doc) &&
        ('format_version' in doc ||
          'lineage' in doc ||
          'plan_format_version' in doc)
      )
        return readTerraformPlan(doc, source)
      if (isRecord(doc) && looksLikeJsonLog(doc))
        throw jsonLogError(source, 'a plan plangate reads')
      throw new PlanParseError(
        source,
        'a plan plangate reads',
        describeJson(doc),
        `make one with ${COMMANDS}`
      )
  }
}

/** Options of normalisation. */
export interface NormalizeOptions {
  /** StackName (or `*` for every stack) → LogicalResourceId → CDK construct path. */
  readonly labels?: ReadonlyMap<string, ReadonlyMap<string, string>>
  /** StackName (or `*`) → the dependency graph of its template (`templateDependencies`), for change sets' blast radius. */
  readonly templates?: ReadonlyMap<string, DependencyGraph>
}

/**
 * Plans to normalise, read one file at a time: every secret of every
 * plan is collected before the first is normalised (a secret first seen in
 * the last file is masked in the first), and each file's inputs can be
 * freed once normalised.
 */
export interface PlanBatches {
  /** Every secret of every plan in `batches`. */
  readonly secrets: ReadonlySet<string>
  /** Each file's plans, in order; iterated once. */
  readonly batches: Iterable<readonly PlanInput[]>
}

/**
 * Normalises every input with one redactor built from the secrets of all
 * of them, so a secret marked in one plan is masked in every plan. Change
 * sets are linked to their nested change sets first, so they become one
 * plan per root stack, at the place of the first change set given.
 */
export function normalizePlans(
  inputs: readonly PlanInput[] | PlanBatches,
  options: NormalizeOptions = {}
): {
  plans: Plan[]
  redactor: Redactor
} {
  const source = isBatches(inputs)
    ? inputs
    : { secrets: secretsOf(inputs), batches: [inputs] }
  const redactor = createRedactor(source.secrets)
  const plans: Plan[] = []
  try {
    normalizeEach(source.batches, plans, redactor, options)
  } catch (error) {
    throw redactError(error, redactor)
  }
  return {
    plans: plans.map((plan) =>
      addDependents(plan, (text) => redactor.text(text))
    ),
    redactor
  }
}

function isBatches(
  inputs: readonly PlanInput[] | PlanBatches
): inputs is PlanBatches {
  return !Array.isArray(inputs)
}

function secretsOf(inputs: readonly PlanInput[]): Set<string> {
  const secrets = new Set<string>()
  for (const input of inputs)
    for (const secret of input.secrets) secrets.add(secret)
  return secrets
}

function normalizeEach(
  batches: Iterable<readonly PlanInput[]>,
  plans: Plan[],
  redactor: Redactor,
  options: NormalizeOptions
): void {
  // Change sets are linked across files: they are normalised together, last.
  const changeSets: ChangeSetInput[] = []
  let changeSetsAt = -1
  for (const batch of batches) {
    for (const input of batch) {
      switch (input.kind) {
        case 'terraform':
          plans.push(normalizeTerraformPlan(input, redactor))
          break
        case 'pulumi':
          plans.push(normalizePulumiPreview(input, redactor))
          break
        case 'cloudformation-template':
          plans.push(normalizeTemplateDiff(input, redactor))
          break
        case 'cloudformation':
          if (changeSetsAt === -1) changeSetsAt = plans.length
          changeSets.push(input)
          break
      }
    }
  }
  if (changeSets.length > 0) {
    plans.splice(
      changeSetsAt,
      0,
      ...normalizeChangeSets(
        changeSets,
        redactor,
        options.labels,
        options.templates
      )
    )
  }
}
