import { spawnSync } from 'node:child_process'
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('../../', import.meta.url))
const SCRIPT = join(root, 'scripts/update-readme.js')
const README = join(root, 'README.md')
const ACTION = join(root, 'action.yml')
const WORKFLOWS = join(root, 'examples/workflows')
const STALE = 'README.md inputs/outputs are out of date; run npm run docs'

let work = ''
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'plangate-docs-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

function runScript(...args: string[]): {
  code: number | null
  stdout: string
  stderr: string
} {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: root,
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A copy of the real README in the temporary directory, changed by `edit`. */
function readmeCopy(edit: (text: string) => string = (t) => t): string {
  const path = join(work, 'README.md')
  writeFileSync(path, edit(readFileSync(README, 'utf8')))
  return path
}

interface ActionSpec {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}

function readActionSpec(): ActionSpec {
  const doc: unknown = parse(readFileSync(ACTION, 'utf8'))
  if (typeof doc !== 'object' || doc === null)
    throw new Error('action.yml is not a mapping')
  const { inputs, outputs } = doc as Record<string, unknown>
  const mapping = (value: unknown, name: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error(`action.yml: ${name} is not a mapping`)
    return value as Record<string, unknown>
  }
  return {
    inputs: mapping(inputs, 'inputs'),
    outputs: mapping(outputs, 'outputs')
  }
}

/** The first-column names of the table under a `## heading` of the README. */
function tableNames(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`)
  if (start < 0) throw new Error(`README has no "## ${heading}" section`)
  const rest = readme.slice(start + heading.length + 5)
  const end = rest.search(/\n## |\n<!-- api-end -->/)
  const section = end < 0 ? rest : rest.slice(0, end)
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? '')
}

/** Every step anywhere in a parsed workflow that uses plangate itself. */
function plangateSteps(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(plangateSteps)
  if (typeof node !== 'object' || node === null) return []
  const record = node as Record<string, unknown>
  const own =
    typeof record.uses === 'string' &&
    (record.uses === './' || record.uses.startsWith('plangate/plangate@'))
      ? [record]
      : []
  return [...own, ...Object.values(record).flatMap(plangateSteps)]
}

/** The `with:` keys of a step. */
function withKeys(step: Record<string, unknown>): string[] {
  const given = step.with
  return typeof given === 'object' && given !== null ? Object.keys(given) : []
}

describe('scripts/update-readme.js --check', () => {
  it('passes on the committed README', () => {
    const result = runScript('--check')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('fails with a clear message when a table is stale, and leaves the file alone', () => {
    const path = readmeCopy((text) =>
      text.replace(
        /^\| `comment` \| .*$/m,
        '| `comment` | An old description. | `update` |'
      )
    )
    const before = readFileSync(path, 'utf8')
    const result = runScript('--check', '--readme', path)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(STALE)
    expect(readFileSync(path, 'utf8')).toBe(before)
  })

  it('fails when action.yml gained an input the README lacks', () => {
    const action = join(work, 'action.yml')
    const input = [
      '  new-input:',
      '    description: |',
      '      A | new',
      '      input for <name>, `<kept>`.',
      '',
      '      Second paragraph.',
      "    default: 'x'",
      ''
    ].join('\n')
    writeFileSync(
      action,
      readFileSync(ACTION, 'utf8').replace(/^inputs:\n/m, `inputs:\n${input}`)
    )
    const path = readmeCopy()
    const stale = runScript('--check', '--readme', path, '--action', action)
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain(STALE)
    // Regenerating fixes it: one row, pipes escaped, HTML kept out of prose.
    expect(runScript('--readme', path, '--action', action).code).toBe(0)
    expect(readFileSync(path, 'utf8')).toContain(
      '| `new-input` | A \\| new input for &lt;name&gt;, `<kept>`.<br><br>Second paragraph. | `x` |'
    )
    expect(
      runScript('--check', '--readme', path, '--action', action).code
    ).toBe(0)
  })

  it('rewrites only what lies between the markers', () => {
    const path = readmeCopy((text) =>
      text.replace(/^\| `decision` \| .*$/m, '| `decision` | stale |')
    )
    expect(runScript('--readme', path).code).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(README, 'utf8'))
  })

  it.each([
    [
      'no start marker',
      '<!-- api-start -->\n',
      '',
      /no "<!-- api-start -->" line/
    ],
    ['no end marker', '<!-- api-end -->', '', /no "<!-- api-end -->" line/],
    [
      'a repeated start marker',
      '<!-- api-end -->',
      '<!-- api-end -->\n\n<!-- api-start -->',
      /"<!-- api-start -->" appears on 2 lines/
    ]
  ])('fails clearly with %s', (_name, from, to, message) => {
    const path = readmeCopy((text) => text.replace(from, to))
    const before = readFileSync(path, 'utf8')
    for (const args of [['--check'], []]) {
      const result = runScript(...args, '--readme', path)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
    }
    expect(readFileSync(path, 'utf8')).toBe(before)
  })

  it('fails clearly when the end marker comes first', () => {
    const path = readmeCopy((text) =>
      text
        .replace('<!-- api-start -->', '<!-- swap -->')
        .replace('<!-- api-end -->', '<!-- api-start -->')
        .replace('<!-- swap -->', '<!-- api-end -->')
    )
    const result = runScript('--check', '--readme', path)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/comes before/)
  })
})

describe('README inputs and outputs', () => {
  const readme = readFileSync(README, 'utf8')
  const spec = readActionSpec()

  it('lists every input of action.yml, in order', () => {
    expect(tableNames(readme, 'Inputs')).toEqual(Object.keys(spec.inputs))
  })

  it('lists every output of action.yml, in order', () => {
    expect(tableNames(readme, 'Outputs')).toEqual(Object.keys(spec.outputs))
  })

  it('shows plangate steps with declared inputs only in its YAML examples', () => {
    const inputs = Object.keys(spec.inputs)
    let seen = 0
    for (const [, body = ''] of readme.matchAll(/```yaml\n([\s\S]*?)```/g)) {
      for (const step of plangateSteps(parse(body))) {
        seen++
        expect(inputs).toEqual(expect.arrayContaining(withKeys(step)))
      }
    }
    expect(seen).toBeGreaterThan(0)
  })
})

describe('examples/workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f))
  const inputs = Object.keys(readActionSpec().inputs)

  it('has every workflow the README and docs/security.md link to', () => {
    const docs = [README, join(root, 'docs/security.md')]
    const linked = docs.flatMap((doc) =>
      [
        ...readFileSync(doc, 'utf8').matchAll(
          /examples\/workflows\/([\w.-]+\.yml)/g
        )
      ].map((m) => m[1] ?? '')
    )
    expect(linked.length).toBeGreaterThan(0)
    expect(files).toEqual(expect.arrayContaining([...new Set(linked)]))
  })

  it.each(files)(
    '%s is a workflow that passes plangate only declared inputs',
    (file) => {
      const doc: unknown = parse(readFileSync(join(WORKFLOWS, file), 'utf8'))
      expect(doc).toHaveProperty('on')
      expect(doc).toHaveProperty('jobs')
      // Nothing by default: each job asks for its own permissions.
      expect(doc).toHaveProperty('permissions', {})
      for (const step of plangateSteps(doc))
        expect(inputs).toEqual(expect.arrayContaining(withKeys(step)))
    }
  )

  it.each([
    'plangate-pr.yml',
    'plangate-approval.yml',
    'plangate-monorepo.yml',
    'plangate-app-token.yml'
  ])('%s runs plangate', (file) => {
    const doc: unknown = parse(readFileSync(join(WORKFLOWS, file), 'utf8'))
    expect(plangateSteps(doc).length).toBeGreaterThan(0)
  })

  it('pins every third-party action by full SHA or says to', () => {
    for (const file of files) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8')
      for (const match of text.matchAll(/uses: (\S+)@(\S+)(.*)$/gm)) {
        const [, action = '', ref = '', comment = ''] = match
        if (action === 'plangate/plangate') continue
        const pinned = /^[0-9a-f]{40}$/.test(ref) && /# v\d/.test(comment)
        const flagged = comment.includes('# pin to a full commit SHA')
        expect(pinned || flagged, `${file}: ${action}@${ref}`).toBe(true)
      }
    }
  })
})
