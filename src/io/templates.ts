import { basename } from 'node:path'
import type { TemplateSide } from '../plan/index.js'
import type { DependencyGraph } from '../model.js'
import type { ReadStdin } from './read-plan.js'
import {
  constructPaths,
  PlanParseError,
  templateDependencies
} from '../plan/index.js'
import {
  pairCdkOutStacks,
  readCdkOutStacks,
  readTemplateSide
} from './cdk-out.js'
import { isDirectory } from './plan-inputs.js'

/** One stack's two templates, read from disk. */
export interface TemplatePairFiles {
  readonly stackName: string
  readonly before: TemplateSide
  readonly after: TemplateSide
}

/**
 * Reads what `--before` and `--after` name: two template files (one stack,
 * named after the file), or two `cdk.out` directories (every stack, paired
 * by name; a stack on one side only is new or deleted).
 */
export function readTemplatePairs(
  before: string,
  after: string,
  readStdin: ReadStdin
): TemplatePairFiles[] {
  if (before === NO_SIDE || after === NO_SIDE)
    return readOneSided(before, after, readStdin)
  const beforeIsDir = isDirectory(before)
  const afterIsDir = isDirectory(after)
  if (beforeIsDir !== afterIsDir) {
    throw new PlanParseError(
      beforeIsDir ? after : before,
      '--before and --after to be both template files or both cdk.out directories',
      'a file paired with a directory'
    )
  }
  if (!beforeIsDir) {
    return [
      {
        stackName: stackNameOf(after),
        before: readTemplateSide(before, readStdin),
        after: readTemplateSide(after, readStdin)
      }
    ]
  }
  return pairCdkOutStacks(
    readCdkOutStacks(before),
    readCdkOutStacks(after)
  ).map((pair) => ({
    stackName: pair.stackName,
    before: readTemplateSide(pair.before, readStdin),
    after: readTemplateSide(pair.after, readStdin)
  }))
}

/**
 * `--before none` (a new stack) or `--after none` (a deleted stack): the
 * other side is a template file or a cdk.out directory, whose every stack
 * is then new or deleted. A file called `none` is named `./none`.
 */
export const NO_SIDE = 'none'

function readOneSided(
  before: string,
  after: string,
  readStdin: ReadStdin
): TemplatePairFiles[] {
  if (before === NO_SIDE && after === NO_SIDE) {
    throw new PlanParseError(
      '--before/--after',
      'a template or cdk.out directory on at least one side',
      '`none` on both sides',
      'use `--before none` for a new stack, `--after none` for a deleted one'
    )
  }
  const path = before === NO_SIDE ? after : before
  const side = (present: boolean, file: string | undefined): TemplateSide =>
    readTemplateSide(present ? file : undefined, readStdin)
  if (!isDirectory(path)) {
    return [
      {
        stackName: stackNameOf(path),
        before: side(before !== NO_SIDE, path),
        after: side(after !== NO_SIDE, path)
      }
    ]
  }
  const stacks = readCdkOutStacks(path)
  const none = new Map<string, string>()
  return pairCdkOutStacks(
    before === NO_SIDE ? none : stacks,
    after === NO_SIDE ? none : stacks
  ).map((pair) => ({
    stackName: pair.stackName,
    before: readTemplateSide(pair.before, readStdin),
    after: readTemplateSide(pair.after, readStdin)
  }))
}

/** `cdk.out/Orders.template.json` → `Orders`. */
function stackNameOf(path: string): string {
  return basename(path).replace(/(\.template)?\.json$/, '')
}

/**
 * Reads the CDK construct paths (`aws:cdk:path`) that `--template` points
 * at: a template file applies to every change set (`*`), a cdk.out
 * directory to the stacks it holds, by stack name.
 */
export function readConstructLabels(
  paths: readonly string[]
): Map<string, Map<string, string>> | undefined {
  if (paths.length === 0) return undefined
  const labels = new Map<string, Map<string, string>>()
  const add = (stack: string, found: ReadonlyMap<string, string>): void => {
    const into = labels.get(stack) ?? new Map<string, string>()
    for (const [id, path] of found) into.set(id, path)
    labels.set(stack, into)
  }
  for (const path of paths) {
    if (isDirectory(path)) {
      for (const [stack, template] of readCdkOutStacks(path))
        add(stack, constructPaths(readTemplate(template)))
    } else {
      add('*', constructPaths(readTemplate(path)))
    }
  }
  return labels
}

/**
 * The dependency graphs (`Ref`, `Fn::GetAtt`, `DependsOn`) of the templates
 * `--template` points at, for change sets' blast radius: a file applies to
 * every change set (`*`), a cdk.out directory to its stacks by name.
 */
export function readTemplateDependencies(
  paths: readonly string[]
): Map<string, DependencyGraph> | undefined {
  if (paths.length === 0) return undefined
  const graphs = new Map<string, DependencyGraph>()
  for (const path of paths) {
    if (isDirectory(path)) {
      for (const [stack, template] of readCdkOutStacks(path))
        graphs.set(stack, templateDependencies(readTemplate(template)))
    } else {
      graphs.set('*', templateDependencies(readTemplate(path)))
    }
  }
  return graphs
}

/** `--template` takes files only: standard input holds no template here. */
function readTemplate(path: string): unknown {
  return readTemplateSide(path, () => Buffer.alloc(0)).doc
}
