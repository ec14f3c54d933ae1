// Runs the dry-run CLI on the example plans and shows what a reviewer sees.
// Exits 0 when plangate behaved as expected (pass for the safe plan, block
// for the destructive one), whatever the verdicts are.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = 'dist/cli.js'
if (!existsSync(new URL(`../${cli}`, import.meta.url))) {
  console.error(
    'plangate demo: dist/cli.js is missing; run `npm run build` first'
  )
  process.exit(2)
}

const runs = [
  {
    plan: 'examples/plans/safe-change.json',
    expected: 0,
    label: 'a safe change'
  },
  {
    plan: 'examples/plans/agent-refactor.json',
    expected: 1,
    label: 'a refactor that replaces a database'
  }
]

let failed = false
for (const { plan, expected, label } of runs) {
  const command = `plangate review ${plan}`
  console.log(`\n$ ${command}    # ${label}\n`)
  const result = spawnSync(process.execPath, [cli, 'review', plan], {
    cwd: root,
    stdio: 'inherit'
  })
  const meaning =
    { 0: 'pass', 1: 'blocked', 2: 'input error' }[result.status] ?? 'error'
  console.log(`\n(exit code ${result.status}: ${meaning})`)
  if (result.status !== expected) failed = true
}
// Attribution: a scripted repository where an AI agent's commit renames the
// database (forcing its replacement) next to people's in-place changes.
const work = mkdtempSync(join(tmpdir(), 'plangate-demo-'))
try {
  const repo = join(work, 'repo')
  const built = spawnSync(
    'bash',
    ['test/fixtures/attribution/scenario/build-repo.sh', repo],
    { cwd: root, encoding: 'utf8' }
  )
  if (built.status !== 0) {
    console.error(
      `plangate demo: could not build the example repository: ${built.stderr.trim()}`
    )
    failed = true
  } else {
    copyFileSync(
      join(root, 'test/fixtures/attribution/scenario/plan.json'),
      join(repo, 'plan.json')
    )
    console.log(
      '\n$ plangate review plan.json --repo . --base base    # which commit caused the replacement, and was it an AI agent?\n'
    )
    const result = spawnSync(
      process.execPath,
      [join(root, cli), 'review', 'plan.json', '--repo', '.', '--base', 'base'],
      { cwd: repo, stdio: 'inherit' }
    )
    console.log(
      `\n(exit code ${result.status}: ${result.status === 1 ? 'blocked' : result.status === 0 ? 'pass' : 'error'})`
    )
    if (result.status !== 1) failed = true
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
console.log(
  '\nExit codes: 0 = the gate would pass, 1 = it would block until a human approves, 2 = bad input.'
)
console.log(
  'Try `node dist/cli.js review --format markdown examples/plans/agent-refactor.json` for the PR comment.'
)
process.exit(failed ? 1 : 0)
