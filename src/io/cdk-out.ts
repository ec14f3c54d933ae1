import { statSync } from 'node:fs'
import { join, relative, resolve, isAbsolute } from 'node:path'
import { parseJsonText, PlanParseError } from '../plan/index.js'
import type { TemplateSide } from '../plan/index.js'
import { readPlanFile, type ReadStdin } from './read-plan.js'

const CDK_OUT = 'a cdk.out directory from `cdk synth`'
const SYNTH_HINT =
  'run `cdk synth` (it writes `cdk.out/manifest.json` and one `<Stack>.template.json` per stack) and pass that directory'
/** Stages nest assemblies (`assembly-Prod/`); deeper than this is a loop or not CDK. */
const MAX_ASSEMBLY_DEPTH = 8

/**
 * Lists the stacks of a cloud assembly (`cdk.out`): stack name (its display
 * name, `Stage/Stack` inside a stage) → absolute path of its template. Stacks
 * of nested assemblies (CDK stages) are included; nested *stacks* are not
 * (they are file assets of their parent).
 */
export function readCdkOutStacks(dir: string): Map<string, string> {
  const stacks = new Map<string, string>()
  readAssembly(resolve(dir), dir, resolve(dir), stacks, 0)
  return stacks
}

function readAssembly(
  absolute: string,
  shown: string,
  root: string,
  stacks: Map<string, string>,
  depth: number
): void {
  checkDirectory(absolute, shown)
  const manifestPath = join(absolute, 'manifest.json')
  const manifestSource = join(shown, 'manifest.json')
  if (!isFile(manifestPath)) {
    throw new PlanParseError(
      shown,
      CDK_OUT,
      'a directory without manifest.json',
      SYNTH_HINT
    )
  }
  let manifest: unknown
  try {
    manifest = parseJsonText(
      readPlanFile(manifestPath, () => Buffer.alloc(0)),
      manifestSource
    )
  } catch (error) {
    throw reword(error, 'a JSON cloud assembly manifest', SYNTH_HINT)
  }
  if (!isRecord(manifest) || !isRecord(manifest.artifacts)) {
    throw new PlanParseError(
      manifestSource,
      'a cloud assembly manifest with "artifacts"',
      isRecord(manifest) ? 'no "artifacts" object' : 'not a JSON object',
      SYNTH_HINT
    )
  }
  for (const [id, artifact] of Object.entries(manifest.artifacts)) {
    if (!isRecord(artifact)) continue
    const properties = isRecord(artifact.properties) ? artifact.properties : {}
    if (artifact.type === 'aws:cloudformation:stack') {
      const name =
        typeof artifact.displayName === 'string' ? artifact.displayName : id
      const file = properties.templateFile
      if (typeof file !== 'string' || file === '') {
        throw new PlanParseError(
          manifestSource,
          `artifact ${quote(id)} to have properties.templateFile`,
          'none',
          SYNTH_HINT
        )
      }
      const template = inside(root, absolute, file, manifestSource, id)
      if (!isFile(template)) {
        throw new PlanParseError(
          manifestSource,
          `the template of stack ${quote(name)} at ${join(shown, file)}`,
          'no file at that path',
          'the directory is incomplete; run `cdk synth` again'
        )
      }
      if (stacks.has(name)) {
        throw new PlanParseError(
          manifestSource,
          'each stack once in the cloud assembly',
          `stack ${quote(name)} twice`
        )
      }
      stacks.set(name, template)
    } else if (artifact.type === 'cdk:cloud-assembly') {
      const directory = properties.directoryName
      if (typeof directory !== 'string' || directory === '') continue
      if (depth >= MAX_ASSEMBLY_DEPTH) {
        throw new PlanParseError(
          manifestSource,
          `nested assemblies at most ${MAX_ASSEMBLY_DEPTH} deep`,
          'deeper nesting'
        )
      }
      readAssembly(
        inside(root, absolute, directory, manifestSource, id),
        join(shown, directory),
        root,
        stacks,
        depth + 1
      )
    }
  }
}

/** A path from a manifest must stay inside the cdk.out directory. */
function inside(
  root: string,
  base: string,
  path: string,
  manifestSource: string,
  id: string
): string {
  const target = resolve(base, path)
  const fromRoot = relative(root, target)
  if (
    isAbsolute(path) ||
    fromRoot === '' ||
    fromRoot.startsWith('..') ||
    isAbsolute(fromRoot)
  ) {
    throw new PlanParseError(
      manifestSource,
      `artifact ${quote(id)} to name a path inside the cdk.out directory`,
      'a path outside it'
    )
  }
  return target
}

function checkDirectory(path: string, shown: string): void {
  let directory: boolean
  try {
    directory = statSync(path).isDirectory()
  } catch {
    throw new PlanParseError(shown, CDK_OUT, 'no directory at that path')
  }
  if (!directory) {
    throw new PlanParseError(
      shown,
      CDK_OUT,
      'a file',
      'pass a `cdk.out` directory, or a `<Stack>.template.json` file for each side'
    )
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const SAFE = /^[A-Za-z0-9_./:-]{1,200}$/
function quote(name: string): string {
  return SAFE.test(name) ? `"${name}"` : '(an unnamed artifact)'
}

/** One stack to compare: the template path on each side, undefined where the stack does not exist. */
export interface CdkStackPair {
  readonly stackName: string
  /** Absent: the stack is new. */
  readonly before: string | undefined
  /** Absent: the stack is gone from the app, shown as deleted. */
  readonly after: string | undefined
}

/**
 * Pairs the stacks of two cloud assemblies by name, sorted. A stack on one
 * side only is new (no `before`) or deleted (no `after`); `readTemplatePair`
 * turns the missing side into `{}` and says so in its warnings.
 */
export function pairCdkOutStacks(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>
): CdkStackPair[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0)
  )
  return names.map((stackName) => ({
    stackName,
    before: before.get(stackName),
    after: after.get(stackName)
  }))
}

/** What a missing side is called in messages: it is never read. */
export const NO_TEMPLATE = '(no template)'

const TEMPLATE_JSON = 'a CloudFormation template in JSON'
const TEMPLATE_HINT =
  "`cdk synth` writes each stack's template to `cdk.out/<Stack>.template.json`"

/**
 * Reads one side of a template pair: a template file, or nothing (`path`
 * undefined), which `readTemplatePair` takes as "the stack does not exist
 * on this side". File and JSON problems are worded for templates.
 */
export function readTemplateSide(
  path: string | undefined,
  readStdin: ReadStdin
): TemplateSide {
  if (path === undefined) return { source: NO_TEMPLATE, doc: {} }
  let text: string
  try {
    text = readPlanFile(path, readStdin)
  } catch (error) {
    throw reword(error, 'a CloudFormation template file', TEMPLATE_HINT)
  }
  if (looksLikeYaml(text)) {
    throw new PlanParseError(
      path,
      TEMPLATE_JSON,
      'a YAML template',
      'plangate reads JSON templates: use the ones `cdk synth` writes to cdk.out, or convert this one (for example with `cfn-flip`)'
    )
  }
  try {
    return { source: path, doc: parseJsonText(text, path) }
  } catch (error) {
    throw reword(error, TEMPLATE_JSON, TEMPLATE_HINT)
  }
}

/** Keeps what was found; says what plangate expected here (the shared readers speak of plans). */
function reword(error: unknown, expected: string, hint: string): unknown {
  if (!(error instanceof PlanParseError)) return error
  return new PlanParseError(error.source, expected, error.found, hint, {
    cause: error
  })
}

/** A template written as YAML: a top-level template key at the start of a line. */
function looksLikeYaml(text: string): boolean {
  const head = text.slice(0, 65_536)
  const start = head.search(/\S/)
  if (start === -1 || head[start] === '{' || head[start] === '[') return false
  return /^(AWSTemplateFormatVersion|Resources|Transform|Parameters|Description)\s*:/m.test(
    head
  )
}
