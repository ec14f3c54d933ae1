import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'

/**
 * The CloudFormation template differ (`@aws-cdk/cloudformation-diff` and its
 * resource specification `db.json.gz`) must work from a bundle alone, with
 * no node_modules, and stay out of the entry chunk so that Terraform-only
 * runs never load it.
 *
 * The CLI does not call the differ yet, so dist/cli.js does not contain it.
 * This test therefore bundles a tiny entry that does, with the plugins and
 * output options of rollup.config.js, copies the output alone to an empty
 * directory and runs it there. A second test checks the real dist/ for the
 * same invariants once the CLI includes the differ.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DIST = join(ROOT, 'dist')
const SPEC = join(ROOT, 'node_modules/@aws-cdk/aws-service-spec/db.json.gz')
const ROLLUP = join(ROOT, 'node_modules/rollup/dist/bin/rollup')
/** The loader line as the library ships it; a bundle must never contain it. */
const UNPATCHED_LOADER = "path.join(__dirname, '..', DB_COMPRESSED)"
/** The loader line as rollup.config.js rewrites it. */
const PATCHED_LOADER = "new URL('db.json.gz', import.meta.url)"

const work = mkdtempSync(join(tmpdir(), 'plangate-cdk-bundle-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const ENTRY = `
import { readFileSync } from 'node:fs'
import {
  checkTemplateDiffer,
  normalizeTemplateDiff,
  prepareTemplateDiff,
  readTemplatePair
} from ${JSON.stringify(join(ROOT, 'src/plan/cdk.ts'))}
import { createRedactor } from ${JSON.stringify(join(ROOT, 'src/redact/index.ts'))}

const side = (path) => ({ source: path, doc: JSON.parse(readFileSync(path, 'utf8')) })
const [before, after] = process.argv.slice(2)
const version = await checkTemplateDiffer()
const input = readTemplatePair(side(before), side(after), 'KitchenSinkStack')
const plan = normalizeTemplateDiff(
  await prepareTemplateDiff(input),
  createRedactor(input.secrets)
)
process.stdout.write(JSON.stringify({
  version,
  toolVersion: plan.toolVersion,
  changes: plan.changes.map((c) => [c.address, c.action, c.destructive])
}))
`

const CONFIG = `
import { bundleOutput, bundlePlugins, onwarn } from ${JSON.stringify(join(ROOT, 'rollup.config.js'))}
export default {
  input: ${JSON.stringify(join(work, 'entry.mjs'))},
  output: bundleOutput(${JSON.stringify(join(work, 'out'))}, 'check'),
  plugins: bundlePlugins(${JSON.stringify(join(work, 'out'))}),
  onwarn
}
`

/** Bare imports of a bundle file: anything but node built-ins and sibling chunks. */
function foreignImports(code: string): string[] {
  const specifiers = [
    ...code.matchAll(
      /(?:^|[\s;])(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]/gm
    ),
    // `typeof import('x')` in JSDoc comments is a type, not an import.
    ...code.matchAll(/(?<!typeof )\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/^import\s*['"]([^'"]+)['"]/gm)
  ].map((match) => match[1] ?? '')
  const builtins = new Set(builtinModules)
  return specifiers.filter(
    (s) => !s.startsWith('./') && !s.startsWith('node:') && !builtins.has(s)
  )
}

function run(dir: string, args: readonly string[]) {
  return spawnSync(process.execPath, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8'
  })
}

describe('the template differ in a bundle', () => {
  const isolated = join(work, 'isolated')
  const pair = [
    fixturePath('cdk/kitchen-sink/base.template.json'),
    fixturePath('cdk/kitchen-sink/head.template.json')
  ]

  beforeAll(() => {
    writeFileSync(join(work, 'entry.mjs'), ENTRY)
    writeFileSync(join(work, 'rollup.check.mjs'), CONFIG)
    const build = spawnSync(
      process.execPath,
      [ROLLUP, '--config', join(work, 'rollup.check.mjs')],
      { cwd: ROOT, encoding: 'utf8' }
    )
    if (build.status !== 0) throw new Error(`rollup failed:\n${build.stderr}`)
    mkdirSync(isolated)
    cpSync(join(work, 'out'), isolated, { recursive: true })
  }, 180_000)

  it('ships the resource specification next to the chunk that loads it', () => {
    const files = readdirSync(isolated).sort()
    expect(files).toContain('db.json.gz')
    // Buffer.equals: toEqual walks 2.6 MB byte by byte (a minute on a busy machine).
    expect(
      readFileSync(join(isolated, 'db.json.gz')).equals(readFileSync(SPEC))
    ).toBe(true)
    const chunks = files.filter((f) => /^check-.+\.js$/.test(f))
    expect(chunks).toHaveLength(1)
    const chunk = readFileSync(join(isolated, chunks[0] ?? ''), 'utf8')
    expect(chunk).toContain(PATCHED_LOADER)
    expect(chunk).not.toContain(UNPATCHED_LOADER)
  })

  it('keeps the library out of the entry file: only a dynamic import reaches it', () => {
    const entry = readFileSync(join(isolated, 'check.js'), 'utf8')
    expect(entry).not.toContain('DB_COMPRESSED')
    expect(entry).not.toContain('propagateReplacedReferences')
    expect(entry).toMatch(/import\('\.\/check-[^']+\.js'\)/)
  })

  it('imports nothing but Node built-ins and its own chunks', () => {
    for (const file of readdirSync(isolated).filter((f) => f.endsWith('.js')))
      expect(
        foreignImports(readFileSync(join(isolated, file), 'utf8'))
      ).toEqual([])
  })

  it('compares templates with no node_modules anywhere', () => {
    const result = run(isolated, ['check.js', ...pair])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const out = JSON.parse(result.stdout) as {
      version: string
      toolVersion: string
      changes: [string, string, boolean][]
    }
    expect(out.version).toBe('@aws-cdk/cloudformation-diff 2.187.5')
    expect(out.changes).toEqual(
      expect.arrayContaining([
        ['DataBucketE3889A50', 'replace', true],
        ['BastionHost30F9ED05', 'replace', true],
        ['ReportingDbA1B2C3D4', 'destroy', true],
        ['ArchiveBucket2C1E7F3A', 'forget', false]
      ])
    )
  })

  it('fails with a clear error, not a wrong verdict, when the data file is missing', () => {
    const broken = join(work, 'broken')
    cpSync(isolated, broken, { recursive: true })
    rmSync(join(broken, 'db.json.gz'))
    const result = run(broken, ['check.js', ...pair])
    expect(result.status).not.toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      '@aws-cdk/cloudformation-diff could not load its resource specification (ENOENT); plangate is not installed completely'
    )
  })
})

describe('dist/ as built', () => {
  const bundles = existsSync(DIST)
    ? readdirSync(DIST).filter((f) => f.endsWith('.js'))
    : []
  const loaders = bundles.filter((f) =>
    readFileSync(join(DIST, f), 'utf8').includes(PATCHED_LOADER)
  )

  it('holds the differ in linear time: its collection loops and its marking of replaced references (rollup.config.js linearTemplateDiff)', () => {
    const differs = bundles.filter((f) =>
      readFileSync(join(DIST, f), 'utf8').includes('forEachDifference(cb)')
    )
    expect(differs.length).toBeGreaterThan(0)
    for (const file of differs) {
      const text = readFileSync(join(DIST, file), 'utf8')
      // The getter filters every difference: read once per loop, not once per logical ID.
      expect(text).not.toContain('const change = this.changes[logicalId];')
      expect(text).not.toContain('const diff = this.changes[id];')
      expect(text.split('const changes = this.changes;')).toHaveLength(3)
      // One walk of the template marks the references to every replaced resource.
      expect(text).not.toContain('obj.Ref === logicalId')
      expect(text).toContain('logicalIds.has(obj.Ref)')
      expect(text).toContain('logicalIds.has(obj[key][0])')
      expect(text).toContain('propagateReplacedReferences(newTemplateCopy, replaced)')
    }
  })

  it('never holds the library loader unpatched', () => {
    for (const file of bundles)
      expect(readFileSync(join(DIST, file), 'utf8')).not.toContain(
        UNPATCHED_LOADER
      )
  })

  it('ships db.json.gz whenever a bundle includes the template differ, outside the entry files', () => {
    // Vacuous until the CLI or the action calls prepareTemplateDiff.
    if (loaders.length === 0) return
    expect(existsSync(join(DIST, 'db.json.gz'))).toBe(true)
    expect(
      readFileSync(join(DIST, 'db.json.gz')).equals(readFileSync(SPEC))
    ).toBe(true)
    expect(loaders).not.toContain('cli.js')
    expect(loaders).not.toContain('index.js')
  })
})
