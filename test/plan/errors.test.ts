import { describe, expect, it } from 'vitest'
import {
  findJsonProblem,
  readPlan,
  readPlanDocuments
} from '../../src/plan/index.js'
import {
  analyzeDocs,
  fixtureJson,
  fixtureText,
  planErrorOf
} from '../helpers.js'

/** The message readPlan throws for a text, or fails the test. */
function errorFor(text: string, source = 'plan.json'): string {
  return planErrorOf(() => readPlan({ source, text }))
}

/** The message readPlanDocuments throws for a text (several documents), or fails the test. */
function errorForDocs(text: string, source = 'plan.json'): string {
  return planErrorOf(() => readPlanDocuments({ source, text }))
}

function errorForDoc(doc: unknown): string {
  return planErrorOf(() => analyzeDocs({ source: 'plan.json', doc }))
}

describe('bad input gets one clear line naming file, expectation and finding', () => {
  it('an empty file', () => {
    expect(errorFor('')).toMatchInlineSnapshot(
      `"plan.json: expected a JSON plan, found an empty file; run \`terraform show -json PLANFILE > plan.json\` (or \`tofu show -json PLANFILE\`) and pass that file"`
    )
    expect(errorFor(' \n\t\n')).toContain('found only whitespace')
  })

  it('a binary planfile (zip)', () => {
    expect(
      errorFor('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000tfplan')
    ).toMatchInlineSnapshot(
      `"plan.json: expected a JSON plan, found a binary Terraform planfile (a zip archive); run \`terraform show -json PLANFILE > plan.json\` (or \`tofu show -json PLANFILE\`) and pass that file"`
    )
  })

  it('other binary data', () => {
    expect(errorFor('\u0000\u0001\u0002garbage')).toContain('found binary data')
  })

  it('the text output of terraform plan, coloured or not', () => {
    const text =
      '\nTerraform used the selected providers to generate the following execution\nplan. Resource actions are indicated with the following symbols:\n  - destroy\n\nTerraform will perform the following actions:\n'
    expect(errorFor(text)).toMatchInlineSnapshot(
      `"plan.json: expected a JSON plan, found the text output of \`terraform plan\`; run \`terraform show -json PLANFILE > plan.json\` (or \`tofu show -json PLANFILE\`) and pass that file"`
    )
    expect(
      errorFor(
        '\u001b[1mNo changes.\u001b[0m\u001b[1m Your infrastructure matches the configuration.'
      )
    ).toContain('the text output of `terraform plan`')
  })

  it('output polluted by the setup-terraform wrapper', () => {
    const text = `[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n${fixtureText('terraform/update.json')}\n::debug::Terraform exited with code 0.\n`
    expect(errorFor(text)).toMatchInlineSnapshot(
      `"plan.json: expected a JSON plan, found output of the hashicorp/setup-terraform wrapper (it starts with a "[command]" line); set \`terraform_wrapper: false\` on setup-terraform, or run \`terraform show -json PLANFILE > plan.json\` in a step of its own with the wrapper off"`
    )
  })

  it("Terragrunt's log of Terraform's output (0.67 and later), in every form it takes", () => {
    const plan = JSON.stringify(fixtureJson('terraform/update.json'))
    const runAll = `12:10:50.184 STDOUT [vpc] terraform: ${plan}\n12:10:50.190 STDOUT [db] terraform: ${plan}\n`
    expect(errorFor(runAll)).toMatchInlineSnapshot(
      `"plan.json: expected a JSON plan, found Terragrunt's log of Terraform's output (lines like \`12:10:50.184 STDOUT [unit] terraform: {…}\`); run Terragrunt with \`--tf-forward-stdout\` (\`--terragrunt-forward-tf-stdout\` in releases before the flags lost their prefix) and without \`--log-format json\`, or \`terraform show -json PLANFILE\` in each module"`
    )
    for (const text of [
      `16:30:51.606 STDOUT terraform: ${plan}\n`,
      // Standard error too (2>&1): Terragrunt's own lines first.
      `16:30:51.164 INFO   Retrieved output from terragrunt.hcl\n16:30:51.606 STDOUT terraform: ${plan}\n`,
      // Coloured, when it thought it wrote to a terminal.
      `\u001b[90m16:30:51.606\u001b[0m \u001b[36mSTDOUT\u001b[0m \u001b[34m[vpc]\u001b[0m terraform: ${plan}\n`,
      // Without the time.
      `STDOUT [vpc] tofu: ${plan}\n`
    ])
      expect(errorFor(text), text.slice(0, 40)).toContain(
        "found Terragrunt's log of Terraform's output"
      )
    // With `--log-format json`, each line an object wrapping the output.
    const entry = (unit: string): string =>
      JSON.stringify({
        time: '2026-12-07T12:10:50Z',
        level: 'stdout',
        prefix: unit,
        'tf-path': 'terraform',
        msg: plan
      })
    expect(
      errorForDocs(`${entry('vpc')}\n${entry('db')}\n`)
    ).toMatchInlineSnapshot(
      `"plan.json#1: expected a plan plangate reads, found a JSON log entry (\`time\`, \`level\`, \`msg\`), as Terragrunt's \`--log-format json\` wraps Terraform's output; run Terragrunt with \`--tf-forward-stdout\` (\`--terragrunt-forward-tf-stdout\` in releases before the flags lost their prefix) and without \`--log-format json\`, or \`terraform show -json PLANFILE\` in each module"`
    )
    // A plan that merely holds such text in a value is a plan.
    const holding = plan.replace(
      /"input":"[^"]*"/,
      '"input":"12:10:50.184 STDOUT terraform: x"'
    )
    expect(holding).toContain('STDOUT terraform: x')
    expect(readPlan({ source: 'p', text: holding }).kind).toBe('terraform')
  })

  it('not JSON, with line and column and without quoting the content', () => {
    const message = errorFor(
      '{\n  "format_version": "1.2",\n  "secret": PGSECRET-in-broken-json\n}'
    )
    expect(message).toMatchInlineSnapshot(
      `"plan.json: expected a JSON plan, found invalid JSON at line 3, column 13 (unexpected letter)"`
    )
    expect(message).not.toContain('PGSECRET')
  })

  it('truncated JSON', () => {
    const text = fixtureText('terraform/update.json')
    const message = errorFor(text.slice(0, Math.floor(text.length / 2)))
    expect(message).toMatch(
      /^plan\.json: expected a JSON plan, found JSON that ends early at line \d+, column \d+ \(the file looks truncated\)$/
    )
  })

  it('a Terraform state file', () => {
    const state = JSON.stringify({
      version: 4,
      terraform_version: '1.11.4',
      serial: 3,
      lineage: 'x',
      outputs: {},
      resources: []
    })
    expect(errorFor(state, 'terraform.tfstate')).toMatchInlineSnapshot(
      `"terraform.tfstate: expected a Terraform/OpenTofu JSON plan (from \`terraform show -json PLANFILE\`), found a Terraform state file (terraform.tfstate); run \`terraform show -json PLANFILE > plan.json\` (or \`tofu show -json PLANFILE\`) and pass that file"`
    )
  })

  it('state JSON from terraform show -json without a plan', () => {
    const state = JSON.stringify({
      format_version: '1.0',
      terraform_version: '1.11.4',
      values: { root_module: {} }
    })
    expect(errorFor(state)).toContain(
      'found Terraform state JSON (`terraform show -json` without a plan file)'
    )
  })

  it("HCP Terraform's redacted plan JSON, named with where the whole plan is", () => {
    // The shape of a plan's json-output-redacted link (Terraform's jsonformat.Plan), from a real plan.
    const { format_version, resource_changes, output_changes } = fixtureJson(
      'terraform/update.json'
    )
    const redacted = JSON.stringify({
      plan_format_version: format_version,
      resource_drift: [],
      resource_changes,
      relevant_attributes: [],
      output_changes,
      provider_format_version: '1.0',
      provider_schemas: {}
    })
    expect(errorFor(redacted, 'redacted.json')).toMatchInlineSnapshot(
      `"redacted.json: expected a Terraform/OpenTofu JSON plan (from \`terraform show -json PLANFILE\`), found HCP Terraform's redacted plan JSON (\`plan_format_version\`, from a plan's json-output-redacted link), which does not say whether the plan completed and holds neither the prior state nor the configuration; pass the whole JSON plan: \`terraform show -json PLANFILE\`, or the plan's \`json-output\` link in HCP Terraform's API (\`GET /api/v2/plans/PLAN_ID/json-output\`)"`
    )
    // An extra key does not make a whole plan one: only the key's presence without format_version.
    expect(() =>
      readPlan({
        source: 'plan.json',
        text: redacted.replace('{', '{"format_version":"1.2",')
      })
    ).not.toThrow()
  })

  it('JSON of another kind, naming only safe top-level keys', () => {
    expect(
      errorFor(
        '{"Stacks": [], "PGSECRET-key-as-name-0000000000000000000000000000000": 1}'
      )
    ).toMatchInlineSnapshot(
      `"plan.json: expected a plan plangate reads, found a JSON object with keys "Stacks" and 1 more; make one with \`terraform show -json PLANFILE\`, \`aws cloudformation describe-change-set --include-property-values\`, \`pulumi preview --json\`, or two templates with --before/--after"`
    )
    expect(errorFor('[1, 2, 3]')).toContain('found a JSON array of 3 items')
    expect(errorFor('"just a string"')).toContain('found a JSON string')
  })

  it('an unsupported format_version', () => {
    const doc = {
      ...fixtureJson('terraform/update.json'),
      format_version: '2.0'
    }
    expect(errorForDoc(doc)).toMatchInlineSnapshot(
      `"plan.json: expected a plan with format_version "0.x" or "1.x", found format_version "2.0"; this plangate release does not know that format; upgrade plangate"`
    )
    expect(errorForDoc({ ...doc, format_version: 'latest' })).toContain(
      'found format_version "latest"'
    )
  })

  it('unknown actions values: fail closed, never ignored', () => {
    const doc = fixtureJson('terraform/update.json')
    const [entry] = doc.resource_changes as { change: { actions: unknown } }[]
    if (entry === undefined) throw new Error('fixture has no change')
    entry.change.actions = ['delete', 'archive']
    expect(errorForDoc(doc)).toMatchInlineSnapshot(
      `"plan.json: expected resource_changes[0] (terraform_data.app).change.actions to be one of create, update, delete, forget, read, no-op or a replace pair, found ["delete", "archive"]; plangate does not guess what an unknown action does to real infrastructure; upgrade plangate"`
    )
    for (const inherited of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty'
    ]) {
      entry.change.actions = [inherited]
      expect(errorForDoc(doc)).toContain(
        'to be one of create, update, delete, forget, read, no-op or a replace pair'
      )
    }
    entry.change.actions = ['update', 'delete']
    expect(errorForDoc(doc)).toContain(
      'to be a known combination, found [update, delete]'
    )
    entry.change.actions = []
    expect(errorForDoc(doc)).toContain(
      'to be a non-empty list of strings, found an array'
    )
    entry.change.actions = 'delete'
    expect(errorForDoc(doc)).toContain('found "delete"')
  })

  it('a resource change without the fields every plan has', () => {
    const doc = fixtureJson('terraform/update.json')
    const changes = doc.resource_changes as Record<string, unknown>[]
    delete changes[1]?.change
    expect(errorForDoc(doc)).toBe(
      'plan.json: expected resource_changes[1] to have address, type, name and change, found no change'
    )
  })

  it('a resource mode it does not know', () => {
    const doc = fixtureJson('terraform/update.json')
    const changes = doc.resource_changes as Record<string, unknown>[]
    if (changes[0] !== undefined) changes[0].mode = 'list'
    expect(errorForDoc(doc)).toContain(
      'to have mode "managed" or "data", found mode "list"'
    )
  })
})

describe('findJsonProblem', () => {
  it.each([
    ['{"a": 1,}', 'invalid', 8],
    ['{"a" 1}', 'invalid', 5],
    ['[1, 2', 'truncated', 5],
    ['{"a": "unterminated', 'truncated', 19],
    ['{"a": tru}', 'invalid', 9],
    ['{} {}', 'invalid', 3],
    ['{"a": [1, 2}', 'invalid', 11]
  ] as const)('%s', (text, kind, offset) => {
    expect(findJsonProblem(text)).toMatchObject({ kind, offset })
  })

  it('survives deep nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999)
    expect(findJsonProblem(deep).kind).toBe('truncated')
  })
})
