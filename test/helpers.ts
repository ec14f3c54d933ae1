import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { fileURLToPath } from 'node:url'
import { analyze } from '../src/analyze.js'
import type { Analysis, Plan, ResourceChange } from '../src/model.js'
import { PlanParseError, readPlan } from '../src/plan/index.js'
import { renderJson, renderMarkdown, renderText } from '../src/report/index.js'

/**
 * The message of the input error (`PlanParseError`) that `read` throws:
 * the test fails when it throws anything else, or nothing.
 */
export function planErrorOf(read: () => unknown): string {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError)
    return (error as PlanParseError).message
  }
  throw new Error('the input was accepted')
}

/** Absolute path of a file under test/fixtures/. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
}

/** Text of a fixture, e.g. `terraform/create.json`. */
export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8')
}

/** Parsed JSON of a fixture, for tests that derive a variant from a real plan. */
export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>
}

/**
 * One `resource_changes` entry of a `terraform_data` resource in the shape
 * Terraform writes (an update of `input` by default), for tests that need a
 * plan smaller or stranger than the generated fixtures. The masks are
 * `before_sensitive` and `after_sensitive` as given (`{ input: true }`
 * marks the value).
 */
export function terraformDataChange(
  name: string,
  options: {
    readonly actions?: readonly string[]
    readonly before?: unknown
    readonly after: unknown
    readonly beforeMask?: unknown
    readonly afterMask?: unknown
  }
): Record<string, unknown> {
  return {
    address: `terraform_data.${name}`,
    mode: 'managed',
    type: 'terraform_data',
    name,
    provider_name: 'terraform.io/builtin/terraform',
    change: {
      actions: options.actions ?? ['update'],
      before: { input: options.before ?? 'old' },
      after: { input: options.after },
      after_unknown: {},
      before_sensitive: options.beforeMask ?? {},
      after_sensitive: options.afterMask ?? {}
    }
  }
}

/** Analyses fixtures the way the CLI does, with the fixture name as source. */
export function analyzeFixtures(...names: string[]): Analysis {
  return analyze(
    names.map((name) => readPlan({ source: name, text: fixtureText(name) }))
  )
}

/** Analyses JSON documents given in memory. */
export function analyzeDocs(
  ...docs: { source: string; doc: unknown }[]
): Analysis {
  return analyze(
    docs.map(({ source, doc }) =>
      readPlan({ source, text: JSON.stringify(doc) })
    )
  )
}

/** The only plan of a one-plan analysis. */
export function onlyPlan(analysis: Analysis): Plan {
  const [plan] = analysis.plans
  if (plan === undefined || analysis.plans.length !== 1)
    throw new Error('expected one plan')
  return plan
}

/** Finds a change by address (and deposed key), failing loudly when absent. */
export function changeAt(
  plan: Plan,
  address: string,
  deposed?: string
): ResourceChange {
  const change = plan.changes.find(
    (c) => c.address === address && c.deposed === deposed
  )
  if (change === undefined)
    throw new Error(`no change for ${address} in ${plan.source}`)
  return change
}

/** Every fixture name of a format directory. */
export const TERRAFORM_FIXTURES = [
  'checks',
  'create',
  'dependents',
  'deposed',
  'destroy-count-index',
  'destroy-each-key',
  'destroy-no-module',
  'destroy-no-move-target',
  'destroy-no-resource-config',
  'destroy-plan',
  'destroy-wrong-repetition',
  'errored',
  'forget',
  'import-noop',
  'import-replace',
  'import-update',
  'kitchen-sink',
  'move-noop',
  'move-replace',
  'move-update',
  'multiline',
  'nested-modules',
  'no-changes',
  'no-resources',
  'outputs',
  'read-check-nested',
  'read-config-unknown',
  'read-dependency-pending',
  'refresh-only',
  'replace-by-request',
  'replace-by-triggers',
  'replace-cannot-update',
  'replace-create-before-destroy',
  'replace-tainted',
  'sensitive',
  'targeted',
  'update'
].map((name) => `terraform/${name}.json`)

/** Every secret a fixture holds: distinctive strings that start with PGSECRET-. */
export function secretsIn(text: string): string[] {
  return [...new Set(text.match(/PGSECRET-[A-Za-z0-9-]+/g) ?? [])]
}

/**
 * Every rendering plangate can produce of an analysis: text (plain and
 * coloured), JSON, Markdown at every size tier, warnings, the decision and
 * the model itself. Secret-leak tests assert on all of them.
 */
export function everyOutput(analysis: Analysis): string[] {
  const outputs = [
    renderText(analysis, { color: false }),
    renderText(analysis, { color: true }),
    renderJson(analysis, { name: 'plangate', version: 'test' }),
    renderMarkdown(analysis).markdown,
    analysis.warnings.join('\n'),
    analysis.decision.summary,
    JSON.stringify(analysis)
  ]
  for (const maxChars of [3_000, 1_500, 800])
    outputs.push(renderMarkdown(analysis, { maxChars }).markdown)
  return outputs
}
