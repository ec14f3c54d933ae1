/**
 * The attribution scenario analysed with its real history, for core tests
 * of the reports: a real git repository built by
 * test/fixtures/attribution/scenario/build-repo.sh (a human commit, a
 * Claude Code commit that renames the database and so forces its
 * replacement, a human commit quoting a Claude trailer) and the real
 * Terraform plan of its head. Built once per test file.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyze } from '../../src/analyze.js'
import type { Analysis } from '../../src/model.js'
import { loadPolicy, readHistory, readPlanFile } from '../../src/io/index.js'
import { readPlan } from '../../src/plan/index.js'
import { fixturePath } from '../helpers.js'

export interface Scenario {
  readonly repo: string
  readonly analysis: Analysis
  readonly dispose: () => void
}

/**
 * `name` is a directory of test/fixtures/attribution/ with a build-repo.sh
 * and the plan.json its generate.sh made: `scenario` (the default) or
 * `cause` (one commit per kind of cause the plan can name).
 */
export function buildScenario(name = 'scenario'): Scenario {
  const work = mkdtempSync(join(tmpdir(), 'plangate-scenario-'))
  const repo = join(work, 'repo')
  const built = spawnSync(
    'bash',
    [fixturePath(`attribution/${name}/build-repo.sh`), repo],
    { encoding: 'utf8' }
  )
  if (built.status !== 0) throw new Error(`build-repo.sh: ${built.stderr}`)
  const planPath = join(repo, 'plan.json')
  copyFileSync(fixturePath(`attribution/${name}/plan.json`), planPath)
  const input = readPlan({
    source: 'plan.json',
    text: readPlanFile(planPath, () => Buffer.alloc(0))
  })
  const policy = loadPolicy(undefined, repo)
  const history = readHistory({
    repo,
    base: 'base',
    head: undefined,
    rootModule: undefined,
    planSources: ['plan.json'],
    rules: policy.rules
  })
  const analysis = analyze([input], { policy: policy.config, history })
  return {
    repo,
    analysis,
    dispose: () => rmSync(work, { recursive: true, force: true })
  }
}

/**
 * The risk scenario (test/fixtures/risk/build-repo.sh): a person's commit
 * removes the orders database; its plan, plus the lowered-safeguards plan,
 * analysed with the real history under the default config.
 */
export function buildRiskScenario(): Scenario {
  const work = mkdtempSync(join(tmpdir(), 'plangate-risk-scenario-'))
  const repo = join(work, 'repo')
  const built = spawnSync('bash', [fixturePath('risk/build-repo.sh'), repo], {
    encoding: 'utf8'
  })
  if (built.status !== 0) throw new Error(`build-repo.sh: ${built.stderr}`)
  const sources = ['plan.json', 'safeguards.json']
  const inputs = sources.map((source) =>
    readPlan({
      source,
      text: readPlanFile(join(repo, source), () => Buffer.alloc(0))
    })
  )
  const policy = loadPolicy(undefined, repo)
  const history = readHistory({
    repo,
    base: 'base',
    head: undefined,
    rootModule: undefined,
    planSources: sources,
    rules: policy.rules
  })
  return {
    repo,
    analysis: analyze(inputs, { policy: policy.config, history }),
    dispose: () => rmSync(work, { recursive: true, force: true })
  }
}
