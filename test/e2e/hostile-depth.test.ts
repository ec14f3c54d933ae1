import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_NESTING } from '../../src/plan/json-text.js'
import { fixturePath, fixtureText } from '../helpers.js'
import { runCli } from '../support/cli-run.js'

/**
 * Inputs nested deep enough to overflow the stack of a recursive reader, and
 * CDK templates whose nested arrays made @aws-cdk/cloudformation-diff run
 * for hours: each must end in a clean input error (exit 2) within seconds,
 * never exit 3, and the pull request's own `.tf` must never jam attribution.
 */
const work = mkdtempSync(join(tmpdir(), 'plangate-depth-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const SECONDS = 10
/** Each test spawns a few runs of at most SECONDS each. */
const TEST_TIMEOUT = { timeout: 30_000 }

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

function plangate(args: readonly string[], cwd?: string): Run {
  const start = Date.now()
  const run = runCli(args, {
    env: { HOME: work },
    timeoutMs: SECONDS * 1000,
    ...(cwd === undefined ? {} : { cwd })
  })
  return { ...run, ms: Date.now() - start }
}

function file(name: string, content: string): string {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

/** `{"a":{"a":…1…}}`, `depth` objects deep, as text (JSON.stringify would recurse). */
const objects = (depth: number, leaf = '1'): string =>
  '{"a":'.repeat(depth) + leaf + '}'.repeat(depth)
const arrays = (depth: number, leaf = '1'): string =>
  '['.repeat(depth) + leaf + ']'.repeat(depth)

/** A fixture's JSON text with `"__DEEP__"` put in by `edit`, then replaced by `deep`. */
function withDeep(
  fixture: string,
  edit: (doc: Record<string, unknown>) => void,
  deep: string
): string {
  const doc = JSON.parse(fixtureText(fixture)) as Record<string, unknown>
  edit(doc)
  const text = JSON.stringify(doc)
  expect(text).toContain('"__DEEP__"')
  return text.replace('"__DEEP__"', deep)
}

/** Exit 2, one line naming the file, the limit and the JSON path; fast; no stack trace. */
function expectTooDeep(run: Run, path: string, jsonPath: string): void {
  expect(run.code, run.stderr).toBe(2)
  expect(run.ms).toBeLessThan(SECONDS * 1000)
  expect(run.stdout).toBe('')
  expect(run.stderr).not.toContain('internal error')
  expect(run.stderr).not.toMatch(/\n\s+at /)
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(run.stderr).toContain(
    `plangate: error: ${path}: expected JSON nested at most ${MAX_NESTING} levels deep, found JSON nested deeper than ${MAX_NESTING} levels at ${jsonPath}`
  )
}

type Json = Record<string, unknown>
const at = (value: unknown, ...keys: (string | number)[]): Json => {
  let here = value
  for (const key of keys) here = (here as Record<string | number, unknown>)[key]
  return here as Json
}

const DEEP = 20_000

describe(
  'deep nesting ends in an input error naming the file and the path (dist/cli.js)',
  TEST_TIMEOUT,
  () => {
    it.each([
      [
        'Terraform change.after',
        'terraform/update.json',
        (doc: Json) => {
          at(doc, 'resource_changes', 0, 'change', 'after').deep = '__DEEP__'
        },
        '$.resource_changes[0].change.after.deep.a.a'
      ],
      [
        'Terraform created values',
        'terraform/create.json',
        (doc: Json) => {
          at(doc, 'resource_changes', 0, 'change', 'after').deep = '__DEEP__'
        },
        '$.resource_changes[0].change.after.deep.a.a'
      ],
      [
        'Terraform configuration',
        'terraform/update.json',
        (doc: Json) => {
          at(doc, 'configuration', 'root_module').deep = '__DEEP__'
        },
        '$.configuration.root_module.deep.a.a'
      ],
      [
        'Pulumi inputs',
        'pulumi/update.json',
        (doc: Json) => {
          at(doc, 'steps', 1, 'newState', 'inputs').deep = '__DEEP__'
        },
        '$.steps[1].newState.inputs.deep.a.a'
      ]
    ])('%s', (_name, fixture, edit, jsonPath) => {
      for (const format of ['text', 'json', 'markdown']) {
        const path = file(
          `deep-${fixture.replace('/', '-')}`,
          withDeep(fixture, edit, objects(DEEP))
        )
        expectTooDeep(plangate(['review', '-f', format, path]), path, jsonPath)
      }
    })

    it('a Pulumi secret whose plaintext is deep JSON', () => {
      const path = file(
        'deep-secret.json',
        withDeep(
          'pulumi/update.json',
          (doc) => {
            at(doc, 'steps', 1, 'newState', 'inputs').password = {
              '4dabf18193072939515e22adb298388d':
                '1b47061264138c4ac30d75fd1eb44270',
              plaintext: '__DEEP__'
            }
          },
          JSON.stringify(arrays(DEEP))
        )
      )
      const run = plangate(['review', path])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toContain(
        `${path}: expected the plaintext of a secret in steps[1].newState nested at most ${MAX_NESTING} levels deep, found JSON nested deeper than ${MAX_NESTING} levels`
      )
    })

    it('a CDK template', () => {
      const before = fixturePath('cdk/update/base.template.json')
      const after = file(
        'deep.template.json',
        withDeep(
          'cdk/update/head.template.json',
          (doc) => {
            const resources = at(doc, 'Resources')
            const first = Object.keys(resources)[0] ?? ''
            at(resources, first).Metadata = { deep: '__DEEP__' }
          },
          objects(DEEP)
        )
      )
      const run = plangate(['review', '--before', before, '--after', after])
      expect(run.code, run.stderr).toBe(2)
      expect(run.ms).toBeLessThan(SECONDS * 1000)
      expect(run.stderr).toMatch(
        /: expected a CloudFormation template in JSON, found JSON nested deeper than 500 levels at \$\.Resources\.\w+\.Metadata\.deep\.a/
      )
    })

    it('just under the limit, every format still reports (no exit 3)', () => {
      const path = file(
        'almost-deep.json',
        withDeep(
          'terraform/create.json',
          (doc) => {
            at(doc, 'resource_changes', 0, 'change', 'after').deep = '__DEEP__'
          },
          objects(MAX_NESTING - 10)
        )
      )
      for (const format of ['text', 'json', 'markdown']) {
        const run = plangate(['review', '-f', format, path])
        expect(run.code, run.stderr).toBe(0)
      }
    })
  }
)

describe(
  'CDK template pairs whose nested arrays would make the diff library hang',
  TEST_TIMEOUT,
  () => {
    /** The replace fixture with `depth` nested arrays in a resource's Metadata on both sides. */
    function pair(depth: number): [string, string] {
      const sides = (['base', 'head'] as const).map((side) =>
        file(
          `arrays-${depth}-${side}.template.json`,
          withDeep(
            `cdk/replace/${side}.template.json`,
            (doc) => {
              at(doc, 'Resources', 'DataBucketE3889A50', 'Metadata').Deep =
                '__DEEP__'
            },
            arrays(depth)
          )
        )
      )
      return [sides[0] ?? '', sides[1] ?? '']
    }

    it('refuses 40 nested arrays at once, naming the template and the path', () => {
      const [before, after] = pair(40)
      const run = plangate(['review', '--before', before, '--after', after])
      expect(run.code, run.stderr).toBe(2)
      expect(run.ms).toBeLessThan(SECONDS * 1000)
      expect(run.stderr).toContain(
        `plangate: error: ${before}: expected a template whose nested arrays @aws-cdk/cloudformation-diff can compare in bounded time (its work doubles with each array level), found arrays nested 40 deep at Resources.DataBucketE3889A50.Metadata.Deep[0][0]`
      )
    })

    it('refuses a wide array under a few nested arrays as well', () => {
      const wide = `[${Array.from({ length: 20_000 }, () => '0').join(',')}]`
      const [before, after] = [0, 1].map((i) =>
        file(
          `wide-${i}.template.json`,
          fixtureText(
            `cdk/replace/${i === 0 ? 'base' : 'head'}.template.json`
          ).replace(
            '"Resources": {',
            `"Wide": ${arrays(10, wide)},\n "Resources": {`
          )
        )
      ) as [string, string]
      const run = plangate(['review', '--before', before, '--after', after])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toContain('found arrays nested 11 deep at Wide[0]')
    })

    it('still compares templates with a few nested arrays', () => {
      const [before, after] = pair(8)
      const run = plangate(['review', '--before', before, '--after', after])
      expect(run.code, run.stderr).toBe(1)
      expect(run.stdout).toContain('DataBucketE3889A50')
    })
  }
)

describe("a pull request's .tf nested thousands deep", TEST_TIMEOUT, () => {
  it('is read for attribution: the AI commit that edited the block is the cause', () => {
    const repo = join(work, 'repo')
    const built = spawnSync(
      'bash',
      [fixturePath('attribution/scenario/build-repo.sh'), repo],
      { encoding: 'utf8' }
    )
    expect(built.status, built.stderr).toBe(0)
    const plan = join(repo, 'plan.json')
    copyFileSync(fixturePath('attribution/scenario/plan.json'), plan)
    // An AI commit puts `"${"${…"}"}"` 5,000 deep and nested blocks into the database's block.
    const git = (...args: string[]): void => {
      const r = spawnSync('git', ['-C', repo, ...args], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          HOME: work,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_AUTHOR_NAME: 'Dana Human',
          GIT_AUTHOR_EMAIL: 'dana@example.com',
          GIT_COMMITTER_NAME: 'Dana Human',
          GIT_COMMITTER_EMAIL: 'dana@example.com'
        }
      })
      expect(r.status, r.stderr).toBe(0)
    }
    const deep = 5_000
    const main = join(repo, 'main.tf')
    const text = readFileSync(main, 'utf8')
    writeFileSync(
      main,
      text.replace(
        'resource "terraform_data" "database" {\n',
        `resource "terraform_data" "database" {\n  note = ${'"${'.repeat(deep)}"x"${'}"'.repeat(deep)}\n  lifecycle {\n${'    x {\n'.repeat(deep)}${'    }\n'.repeat(deep)}  }\n`
      )
    )
    git('add', 'main.tf')
    git(
      '-c',
      'commit.gpgsign=false',
      'commit',
      '-q',
      '-m',
      'Annotate the database\n\nCo-Authored-By: Claude <noreply@anthropic.com>'
    )
    const run = plangate([
      'review',
      '-f',
      'json',
      plan,
      '--repo',
      repo,
      '--base',
      'main~1'
    ])
    expect(run.code, run.stderr).toBe(1)
    expect(run.ms).toBeLessThan(SECONDS * 1000)
    const report = JSON.parse(run.stdout) as {
      decision: {
        gated: { address: string; gatedBy: { kind: string } }[]
      }
    }
    const database = report.decision.gated.find(
      (gated) => gated.address === 'terraform_data.database'
    )
    expect(database?.gatedBy.kind).toBe('ai-commit')
  })
})

describe('JSON nested deep inside a change set string', TEST_TIMEOUT, () => {
  it('AfterContext: an input error, not a crash; detail values are shown as text', () => {
    const doc = JSON.parse(fixtureText('cloudformation/add.json')) as Json
    const change = at(doc, 'Changes', 0, 'ResourceChange')
    change.AfterContext = JSON.stringify({ Properties: { X: '__DEEP__' } })
    const path = file(
      'deep-context.json',
      JSON.stringify(doc).replace(
        JSON.stringify(JSON.stringify({ Properties: { X: '__DEEP__' } })),
        JSON.stringify(`{"Properties":{"X":${arrays(DEEP)}}}`)
      )
    )
    const run = plangate(['review', path])
    expect(run.code, run.stderr).toBe(2)
    expect(run.ms).toBeLessThan(SECONDS * 1000)
    expect(run.stderr).not.toContain('internal error')
    expect(run.stderr).toContain(
      `AfterContext nested at most ${MAX_NESTING} levels deep, found JSON nested deeper than ${MAX_NESTING} levels`
    )
  })
})
