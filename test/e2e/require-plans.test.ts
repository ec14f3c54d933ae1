import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from '../support/action-run.js'
import type { ActionRun } from '../support/action-run.js'
import { pullRequestEvent } from '../support/events.js'
import { makeUser, startFakeGitHub } from '../support/fake-github.js'
import type { FakeGitHub } from '../support/fake-github.js'
import { commitDetailsOf, pullOf } from '../support/repo-state.js'

/**
 * `require-plans` through the bundle, against the fake GitHub: the fan-in
 * of issue 11 §6, where a file committed at `stacks/database/plan.json/README`
 * made the monorepo example move the database plan out of the glob's reach.
 * The pull request's commits are the attribution scenario's; each workspace
 * is a checkout without history laid out as the monorepo example's.
 */
const work = mkdtempSync(join(tmpdir(), 'plangate-require-plans-'))
const repo = join(work, 'repo')
let fake: FakeGitHub | undefined
let pr: ReturnType<typeof pullOf>

/** The plan of each stack: only the database's destroys anything. */
const PLANS: Record<string, string> = {
  network: 'terraform/update.json',
  database: 'terraform/replace-by-triggers.json',
  app: 'terraform/create.json'
}

beforeAll(() => {
  const built = spawnSync(
    'bash',
    [fixturePath('attribution/scenario/build-repo.sh'), repo],
    { encoding: 'utf8' }
  )
  expect(built.status, built.stderr).toBe(0)
  pr = pullOf(repo, 'base', { number: 7, user: makeUser('dana-human') })
})
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A workspace with three Terraform stacks; `plans` says where each plan goes. */
function workspace(
  name: string,
  plans: Readonly<Record<string, string | undefined>>,
  extra: readonly string[] = []
): string {
  const root = join(work, name)
  for (const stack of Object.keys(PLANS)) {
    mkdirSync(join(root, 'stacks', stack), { recursive: true })
    writeFileSync(join(root, 'stacks', stack, 'main.tf'), '# stack\n')
  }
  for (const file of extra) {
    mkdirSync(join(root, file, '..'), { recursive: true })
    writeFileSync(join(root, file), 'decoy\n')
  }
  for (const [stack, path] of Object.entries(plans)) {
    if (path === undefined) continue
    mkdirSync(join(root, path, '..'), { recursive: true })
    copyFileSync(fixturePath(PLANS[stack] ?? ''), join(root, path))
  }
  return root
}

async function review(
  cwd: string,
  inputs: Record<string, string>
): Promise<{ run: ActionRun; server: FakeGitHub }> {
  const server = await startFakeGitHub({
    token: TOKEN,
    pulls: { 7: pr.pull },
    pullCommits: { 7: pr.commits },
    ...commitDetailsOf(repo, pr.commits),
    comments: { 7: [] }
  })
  fake = server
  const run = await runAction({
    cwd,
    eventName: 'pull_request',
    payload: pullRequestEvent({ number: 7, headSha: pr.headSha }),
    inputs: { plan: 'stacks/*/plan.json', ...inputs },
    apiUrl: server.url
  })
  return { run, server }
}

function statusesOn(
  server: FakeGitHub
): { state: string; description: string }[] {
  return (server.state.statuses[pr.headSha] ?? []) as unknown as {
    state: string
    description: string
  }[]
}

describe('require-plans on a pull request', () => {
  it('catches the decoy: a README at stacks/database/plan.json/ that once hid the database plan', async () => {
    const root = workspace(
      'decoy',
      {
        network: 'stacks/network/plan.json',
        // Where `mv plan.json stacks/database/plan.json` puts it when that is a directory.
        database: 'stacks/database/plan.json/plan.json',
        app: 'stacks/app/plan.json'
      },
      ['stacks/database/plan.json/README']
    )

    // Without require-plans the glob sees two harmless plans: the attack works.
    const blind = await review(root, {})
    expect(blind.run.outputs.decision).toBe('pass')
    expect(statusesOn(blind.server).at(-1)?.state).toBe('success')
    await blind.server.close()

    const { run, server } = await review(root, {
      'require-plans': '# every stack\nstacks/*'
    })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain('::error::plangate: no plan for stacks/database:')
    const statuses = statusesOn(server)
    expect(statuses).toHaveLength(1)
    expect(statuses[0]?.state).toBe('error')
    expect(statuses[0]?.description).toMatch(
      /^plangate error: no plan for stacks\/database: require-plans/
    )
    // Nothing was analysed: no comment, no labels.
    expect(server.state.comments[7]).toEqual([])
  })

  it('fails when a stack has no plan at all, naming it', async () => {
    const root = workspace('two-of-three', {
      network: 'stacks/network/plan.json',
      app: 'stacks/app/plan.json'
    })
    const { run, server } = await review(root, { 'require-plans': 'stacks/*' })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(statusesOn(server)[0]).toMatchObject({
      state: 'error',
      description: expect.stringMatching(
        /^plangate error: no plan for stacks\/database: /
      ) as unknown
    })
  })

  it('needs no plan for a matching directory without infrastructure code, and reviews as usual', async () => {
    const root = workspace(
      'happy',
      {
        network: 'stacks/network/plan.json',
        database: 'stacks/database/plan.json',
        app: 'stacks/app/plan.json'
      },
      ['stacks/docs/README.md']
    )
    const { run, server } = await review(root, { 'require-plans': 'stacks/*' })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.log).toContain(
      'require-plans: each of 3 directories with infrastructure code has a plan; 1 matched directories hold none and need none'
    )
    expect(run.outputs.decision).toBe('blocked')
    expect(run.outputs['replace-count']).toBe('1')
    const [status] = statusesOn(server)
    expect(status?.state).toBe('failure')
    const body = String(server.state.comments[7]?.[0]?.body)
    expect(body).toContain('stacks/database/plan.json')
  })

  it('is an error when a require-plans line matches no directory', async () => {
    const root = workspace('typo', {
      network: 'stacks/network/plan.json',
      database: 'stacks/database/plan.json',
      app: 'stacks/app/plan.json'
    })
    const { run, server } = await review(root, {
      'require-plans': 'stacks/*\nstack/*'
    })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.log).toContain(
      'stack/*: expected a require-plans line that matches at least one directory, found no directory under'
    )
    expect(statusesOn(server)[0]).toMatchObject({
      state: 'error',
      description: expect.stringMatching(
        /^plangate error: stack\/\*: /
      ) as unknown
    })
  })

  it('refuses a line outside the workspace with an error status', async () => {
    const root = workspace('outside', {
      network: 'stacks/network/plan.json',
      database: 'stacks/database/plan.json',
      app: 'stacks/app/plan.json'
    })
    const { run, server } = await review(root, { 'require-plans': '../*' })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(statusesOn(server)[0]?.state).toBe('error')
  })
})

/** A step of the monorepo example, found by its job and its name or id. */
interface ExampleStep {
  readonly id?: string
  readonly name?: string
  readonly run?: string
  readonly uses?: string
  readonly with?: Record<string, string>
}

const EXAMPLES = join(import.meta.dirname, '../../examples/workflows')
const monorepo = parse(
  readFileSync(join(EXAMPLES, 'plangate-monorepo.yml'), 'utf8')
) as { jobs: Record<string, { steps: ExampleStep[] }> }

function exampleStep(
  job: string,
  find: (step: ExampleStep) => boolean
): ExampleStep {
  const step = monorepo.jobs[job]?.steps.find(find)
  if (step === undefined) throw new Error(`no such step in job ${job}`)
  return step
}

/** Runs a `run:` script of the example as the runner does with `shell: bash`. */
function runScript(
  step: ExampleStep,
  cwd: string,
  env: Record<string, string>
): { code: number | null; out: string } {
  const result = spawnSync(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? 'false'],
    { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } }
  )
  return { code: result.status, out: result.stdout + result.stderr }
}

/** The matrix the example's first job emits for a workspace. */
function listStacks(cwd: string): {
  code: number | null
  out: string
  stacks: unknown
} {
  const output = join(cwd, '..', `${cwd.split('/').at(-1) ?? ''}.output`)
  writeFileSync(output, '')
  const run = runScript(
    exampleStep('stacks', (s) => s.id === 'list'),
    cwd,
    { GITHUB_OUTPUT: output }
  )
  const line = readFileSync(output, 'utf8').match(/^stacks=(.*)$/m)?.[1]
  return { ...run, stacks: line === undefined ? undefined : JSON.parse(line) }
}

/** The example's gate step, with artifacts as download-artifact lays them out. */
function placePlans(
  cwd: string,
  stacks: readonly string[],
  artifacts: Readonly<Record<string, Readonly<Record<string, string>>>>
): { code: number | null; out: string } {
  const temp = mkdtempSync(join(work, 'runner-temp-'))
  for (const [artifact, files] of Object.entries(artifacts))
    for (const [name, fixture] of Object.entries(files)) {
      mkdirSync(join(temp, 'plans', artifact), { recursive: true })
      copyFileSync(fixturePath(fixture), join(temp, 'plans', artifact, name))
    }
  return runScript(
    exampleStep(
      'plangate',
      (s) => s.name === "Put each plan in its stack's directory"
    ),
    cwd,
    { RUNNER_TEMP: temp, STACKS: JSON.stringify(stacks) }
  )
}

const ARTIFACTS = Object.fromEntries(
  Object.entries(PLANS).map(([stack, fixture]) => [
    `plan-${stack}`,
    { 'plan.json': fixture }
  ])
)

describe('the monorepo example', () => {
  it('lists the stacks from the checkout, including one no list names, and refuses odd ones', () => {
    const root = workspace('example-list', {}, [
      'stacks/cache/cdktf.json',
      'stacks/docs/README.md'
    ])
    expect(listStacks(root)).toMatchObject({
      code: 0,
      stacks: ['app', 'cache', 'database', 'network']
    })
    const hidden = workspace('example-hidden', {}, ['stacks/.shadow/main.tf'])
    const refused = listStacks(hidden)
    expect(refused.code).toBe(1)
    expect(refused.out).toContain(
      '::error::unexpected stack directory stacks/.shadow'
    )
    expect(refused.stacks).toBeUndefined()
  })

  it("puts each plan next to its stack, and plangate reviews them with the example's inputs", async () => {
    const root = workspace('example-happy', {})
    const stacks = listStacks(root).stacks as string[]
    const placed = placePlans(root, stacks, ARTIFACTS)
    expect(placed.code, placed.out).toBe(0)
    for (const stack of stacks)
      expect(existsSync(join(root, 'stacks', stack, 'plan.json'))).toBe(true)
    const gate = exampleStep('plangate', (s) =>
      (s.uses ?? '').startsWith('plangate/plangate@')
    )
    expect(gate.with).toEqual({
      plan: 'stacks/*/plan.json',
      'require-plans': 'stacks/*'
    })
    const { run } = await review(root, gate.with ?? {})
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.decision).toBe('blocked')
  })

  it.each([
    [
      'the decoy directory of issue 11',
      ['stacks/database/plan.json/README'],
      ARTIFACTS,
      'already has a plan.json in a stack directory'
    ],
    [
      'a plan committed by the pull request',
      ['stacks/app/plan.json'],
      ARTIFACTS,
      'already has a plan.json in a stack directory'
    ],
    [
      'a missing artifact',
      [],
      {
        'plan-app': ARTIFACTS['plan-app'] ?? {},
        'plan-network': ARTIFACTS['plan-network'] ?? {}
      },
      'not exactly one plan-<stack> per stack'
    ],
    [
      'an artifact with more than the plan',
      [],
      {
        ...ARTIFACTS,
        'plan-app': {
          'plan.json': 'terraform/create.json',
          'extra.json': 'terraform/create.json'
        }
      },
      'artifact plan-app holds something other than one plan.json'
    ]
  ])('stops on %s and places nothing', (_, extra, artifacts, message) => {
    const root = workspace(
      `example-${extra.length}-${Object.keys(artifacts).length}-${message.length}`,
      {},
      extra
    )
    const placed = placePlans(root, ['app', 'database', 'network'], artifacts)
    expect(placed.code).toBe(1)
    expect(placed.out).toContain(`::error::`)
    expect(placed.out).toContain(message)
    expect(existsSync(join(root, 'stacks/network/plan.json'))).toBe(false)
  })
})

describe('the example workflows', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yml'))

  it.each(files)(
    '%s pins every third-party action to a commit SHA and its version',
    (file) => {
      const text = readFileSync(join(EXAMPLES, file), 'utf8')
      for (const [, action = '', ref = '', comment = ''] of text.matchAll(
        /uses: (\S+)@(\S+)(.*)$/gm
      )) {
        if (action === 'plangate/plangate') continue
        expect(`${action}@${ref}${comment}`).toMatch(
          /@[0-9a-f]{40} # v\d+\.\d+\.\d+$/
        )
      }
    }
  )

  it('the monorepo example moves nothing into the checkout', () => {
    const text = readFileSync(join(EXAMPLES, 'plangate-monorepo.yml'), 'utf8')
    expect(text).not.toMatch(/^\s*mv /m)
  })
})
