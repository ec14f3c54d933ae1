#!/usr/bin/env node
/**
 * Builds the git repository and plan that benchmark attribution
 * (`plangate review --repo REPO --base base`).
 *
 *   node scripts/make-attribution-repo.js REPO_DIR PLAN [--seed S]
 *
 * writes REPO_DIR (a git repository, replaced if it exists) and PLAN:
 *
 * - Repository: 200 module directories (`modules/<domain>/<domain>-NN/`) of
 *   10 `.tf` files each (2,000 files), plus a root `main.tf` that calls every
 *   module. Each module file holds 3 `terraform_data` resource blocks (6,000
 *   in all) with comments (`#` and block comments between and inside blocks)
 *   and, in one block of three, a heredoc whose text contains braces.
 *   Commit `base` (tagged `base`) adds them all; 1,000 commits follow, each
 *   changing 1 to 5 files: bumping a block's `revision` (an in-place update),
 *   its `triggers_replace` generation (a replacement), a heredoc line, a
 *   comment outside any block, or removing a block (a destroy). About 10% of
 *   the commits carry Claude Code's trailers (`Co-Authored-By: Claude
 *   <noreply@anthropic.com>`); the rest come from six human identities.
 *   Identities and dates are fixed (one commit a minute from
 *   2026-11-01T09:00:00Z), so the same seed gives the same commit SHAs.
 * - Plan: the `terraform show -json` document (Terraform 1.11, format 1.2,
 *   shaped like test/fixtures/attribution/scenario/plan.json and
 *   test/fixtures/terraform/nested-modules.json) of the head against the
 *   state at `base`: exactly 500 destructive changes (350 replacements of
 *   blocks whose trigger a commit bumped, 150 destroys of blocks a commit
 *   removed), in-place updates for the other edited blocks and no-ops for
 *   the rest. `configuration.root_module.module_calls` gives each module's
 *   local `source`, so plangate can map addresses to directories.
 *
 * The repository is written with one `git fast-import` (about a second),
 * not 1,000 `git commit` processes. Git reads no system or global config
 * while building it.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from './make-big-plan.js'

const PROVIDER = 'terraform.io/builtin/terraform'
const TERRAFORM_VERSION = '1.11.4'
const TIMESTAMP = '2026-11-25T12:00:00Z'
const DEFAULT_SEED = 20261125
/** 2026-11-01T09:00:00Z: the base commit; each later commit one minute on. */
const EPOCH = 1793523600

const DOMAINS = [
  'network',
  'compute',
  'data',
  'identity',
  'observability',
  'messaging',
  'storage',
  'edge'
]
const MODULES_PER_DOMAIN = 25
const FILES = [
  'main',
  'compute',
  'storage',
  'network',
  'iam',
  'dns',
  'monitoring',
  'queues',
  'cache',
  'secrets'
]
const BLOCKS_PER_FILE = 3
const COMMITS = 1000
const REPLACES = 350
const DESTROYS = 150
const AI_SHARE = 0.1
const TIERS = ['standard', 'premium', 'burst', 'reserved']
const HUMANS = [
  ['Dana Human', 'dana@example.com'],
  ['Sam Rivera', 'sam@example.com'],
  ['Priya Natarajan', 'priya@example.com'],
  ['Lars Olsen', 'lars@example.com'],
  ['Mei Chen', 'mei@example.com'],
  ['Tomás Ortega', 'tomas@example.com']
]
const AI_TRAILER =
  '🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>'

/**
 * @typedef {object} Block
 * @property {string} name        resource name, unique in its module
 * @property {string} label       `name` input value
 * @property {number} tier        index into TIERS
 * @property {number} revision
 * @property {number} generation  bumped → replacement
 * @property {number} script      heredoc version; -1 when the block has none
 * @property {boolean} alive
 * @property {string} id          the object's id in the prior state
 * @property {{revision: number, generation: number, script: number}} base
 *
 * @typedef {object} TfFile
 * @property {string} path
 * @property {number} note   version of the comment outside the blocks
 * @property {Block[]} blocks
 *
 * @typedef {object} Module
 * @property {string} call   module call name
 * @property {string} dir    repository-relative directory
 * @property {TfFile[]} files
 */

/** @param {() => number} rng */
function uuid(rng) {
  const h = (/** @type {number} */ n) =>
    Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join(
      ''
    )
  return `${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}`
}

/** @param {() => number} rng @returns {Module[]} */
function layout(rng) {
  /** @type {Module[]} */
  const modules = []
  for (const domain of DOMAINS) {
    for (let m = 0; m < MODULES_PER_DOMAIN; m++) {
      const nn = String(m).padStart(2, '0')
      const dir = `modules/${domain}/${domain}-${nn}`
      modules.push({
        call: `${domain}_${nn}`,
        dir,
        files: FILES.map((stem, f) => ({
          path: `${dir}/${stem}.tf`,
          note: 0,
          blocks: Array.from({ length: BLOCKS_PER_FILE }, (_, k) => ({
            name: `${stem}_${k}`,
            label: `${domain}-${nn}-${stem}-${k}`,
            tier: Math.floor(rng() * TIERS.length),
            revision: 1,
            generation: 1,
            script: (f + k) % 3 === 0 ? 1 : -1,
            alive: true,
            id: uuid(rng),
            base: { revision: 1, generation: 1, script: 1 }
          }))
        }))
      })
    }
  }
  return modules
}

/** @param {Block} b */
function inputOf(b, which = 'now') {
  const v =
    which === 'base'
      ? b.base
      : { revision: b.revision, generation: b.generation, script: b.script }
  /** @type {Record<string, unknown>} */
  const input = {
    name: b.label,
    owner: `team-${b.label.split('-')[0]}`,
    revision: v.revision,
    tier: TIERS[b.tier]
  }
  if (b.script >= 0) input.user_data = script(b, v.script)
  return input
}

/** @param {Block} b @param {number} version */
function script(b, version) {
  return (
    '#!/bin/bash\n' +
    'set -euo pipefail\n' +
    `# ${b.label}: rendered at apply time { not HCL }\n` +
    `echo '{"service": "${b.label}", "build": ${version}}' > /etc/app.json\n` +
    `systemctl restart ${b.label}\n`
  )
}

/** @param {Block} b */
function triggersOf(b, which = 'now') {
  return [`${b.label}-g${which === 'base' ? b.base.generation : b.generation}`]
}

/** @param {Block} b */
function hclBlock(b) {
  const lines = [
    `# ${b.label}: owned by team-${b.label.split('-')[0]}.`,
    `resource "terraform_data" "${b.name}" {`,
    '  input = {',
    `    name     = "${b.label}"`,
    `    owner    = "team-${b.label.split('-')[0]}"`,
    `    tier     = "${TIERS[b.tier]}" # see docs/tiers.md`,
    `    revision = ${b.revision}`
  ]
  if (b.script >= 0) {
    lines.push('    user_data = <<-EOT')
    for (const line of script(b, b.script).trimEnd().split('\n'))
      lines.push(`      ${line}`)
    lines.push('    EOT')
  }
  lines.push(
    '  }',
    '',
    '  /* Replaced whenever the generation changes. */',
    `  triggers_replace = ["${triggersOf(b)[0]}"]`,
    '}'
  )
  return lines.join('\n')
}

/** @param {TfFile} file */
function fileText(file) {
  const parts = [
    `# ${file.path}\n# Generated for the plangate attribution benchmark. Note ${file.note}.`
  ]
  for (const b of file.blocks) if (b.alive) parts.push(hclBlock(b))
  return `${parts.join('\n\n')}\n`
}

/** @param {Module[]} modules */
function rootText(modules) {
  const calls = modules.map(
    (m) => `module "${m.call}" {\n  source = "./${m.dir}"\n}\n`
  )
  return `# Root module: one call per module directory.\n\n${calls.join('\n')}`
}

/** @param {string} text */
function data(text) {
  const bytes = Buffer.byteLength(text)
  return `data ${bytes}\n${text}\n`
}

/**
 * @param {() => number} rng
 * @template T
 * @param {T[]} list
 */
function shuffle(rng, list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const t = /** @type {T} */ (list[i])
    list[i] = /** @type {T} */ (list[j])
    list[j] = t
  }
  return list
}

/**
 * @typedef {{ kind: 'revision' | 'generation' | 'script' | 'note' | 'remove', file: TfFile, block: Block | undefined }} Task
 */

/**
 * Writes the repository into `repo` (replacing it) and the plan to `plan`.
 * @param {string} repo
 * @param {string} plan
 * @param {number} [seed]
 */
export function makeAttributionRepo(repo, plan, seed = DEFAULT_SEED) {
  const rng = mulberry32(seed)
  const modules = layout(rng)
  const files = modules.flatMap((m) => m.files)
  const blocks = files.flatMap((f) => f.blocks.map((block) => ({ f, block })))

  // Commit sizes first, then exactly REPLACES + DESTROYS distinct targeted
  // tasks among the rest, shuffled over the commits.
  const sizes = Array.from({ length: COMMITS }, () => 1 + Math.floor(rng() * 5))
  const total = sizes.reduce((a, b) => a + b, 0)
  const chosen = shuffle(rng, blocks.slice()).slice(0, REPLACES + DESTROYS)
  /** @type {Task[]} */
  const tasks = chosen.map(({ f, block }, i) => ({
    kind: i < REPLACES ? 'generation' : 'remove',
    file: f,
    block
  }))
  while (tasks.length < total) {
    const { f, block } = /** @type {(typeof blocks)[number]} */ (
      blocks[Math.floor(rng() * blocks.length)]
    )
    const r = rng()
    tasks.push(
      r < 0.7
        ? { kind: 'revision', file: f, block }
        : r < 0.85 && block.script >= 0
          ? { kind: 'script', file: f, block }
          : { kind: 'note', file: f, block: undefined }
    )
  }
  shuffle(rng, tasks)

  const ident = (
    /** @type {string[]} */ [name, email],
    /** @type {number} */ i
  ) => `${name} <${email}> ${EPOCH + 60 * i} +0000`
  const stream = []
  const base = [
    `M 100644 inline main.tf\n${data(rootText(modules))}`,
    ...files.map((f) => `M 100644 inline ${f.path}\n${data(fileText(f))}`)
  ]
  stream.push(
    `commit refs/heads/main\nmark :1\nauthor ${ident(/** @type {string[]} */ (HUMANS[0]), 0)}\ncommitter ${ident(/** @type {string[]} */ (HUMANS[0]), 0)}\n${data('Initial infrastructure: 200 modules\n')}${base.join('')}`,
    'reset refs/tags/base\nfrom :1\n'
  )
  let at = 0
  let aiCommits = 0
  for (let c = 0; c < COMMITS; c++) {
    const mine = tasks.slice(at, at + /** @type {number} */ (sizes[c]))
    at += /** @type {number} */ (sizes[c])
    /** @type {Set<TfFile>} */
    const touched = new Set()
    const verbs = new Set()
    for (const task of mine) {
      let block = task.block
      let kind = task.kind
      if (block !== undefined && !block.alive) {
        // Removed by an earlier commit: edit the file's comment instead.
        kind = 'note'
        block = undefined
      }
      if (kind === 'revision' && block) block.revision++
      else if (kind === 'generation' && block) block.generation++
      else if (kind === 'script' && block) block.script++
      else if (kind === 'remove' && block) block.alive = false
      else task.file.note++
      touched.add(task.file)
      verbs.add(kind)
    }
    const ai = rng() < AI_SHARE
    if (ai) aiCommits++
    const who = ai
      ? /** @type {string[]} */ (HUMANS[c % HUMANS.length])
      : /** @type {string[]} */ (HUMANS[Math.floor(rng() * HUMANS.length)])
    const first = [...touched][0]?.path ?? ''
    const subject = `${[...verbs].sort().join(', ')}: ${first}${touched.size > 1 ? ` and ${touched.size - 1} more` : ''}`
    const body = `\n\nTouches ${[...touched].map((f) => f.path).join(', ')}.`
    const message = `${subject}${body}${ai ? `\n\n${AI_TRAILER}` : ''}\n`
    stream.push(
      `commit refs/heads/main\nmark :${c + 2}\nauthor ${ident(who, c + 1)}\ncommitter ${ident(who, c + 1)}\n${data(message)}from :${c + 1}\n` +
        [...touched]
          .map((f) => `M 100644 inline ${f.path}\n${data(fileText(f))}`)
          .join('')
    )
  }
  stream.push('done\n')

  rmSync(repo, { recursive: true, force: true })
  mkdirSync(repo, { recursive: true })
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: repo,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LC_ALL: 'C'
  }
  const git = (
    /** @type {string[]} */ args,
    /** @type {string} */ input = ''
  ) => {
    const r = spawnSync('git', ['-C', repo, ...args], {
      env,
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
    if (r.error !== undefined || r.status !== 0)
      throw new Error(
        `git ${args[0]} failed: ${r.error?.message ?? r.stderr.trim()}`
      )
    return r.stdout
  }
  git(['init', '-q', '-b', 'main', '.'])
  git(['fast-import', '--quiet', '--done'], stream.join(''))
  // A checked-out working tree, as in CI; the index matches the head.
  git(['read-tree', '-u', '--reset', 'HEAD'])

  const counts = writePlan(plan, modules)
  return {
    repo,
    plan,
    head: git(['rev-parse', 'HEAD']).trim(),
    files: files.length + 1,
    commits: COMMITS,
    aiCommits,
    counts
  }
}

/**
 * @param {string} path
 * @param {Module[]} modules
 */
function writePlan(path, modules) {
  /** @type {Record<string, number>} */
  const counts = { 'no-op': 0, update: 0, replace: 0, destroy: 0 }
  const rc = []
  const planned = []
  const prior = []
  /** @type {Record<string, unknown>} */
  const calls = {}
  for (const m of modules) {
    const prefix = `module.${m.call}`
    const plannedRes = []
    const priorRes = []
    const configRes = []
    for (const f of m.files) {
      for (const b of f.blocks) {
        const address = `${prefix}.terraform_data.${b.name}`
        const beforeInput = inputOf(b, 'base')
        const afterInput = inputOf(b)
        const before = {
          id: b.id,
          input: beforeInput,
          output: beforeInput,
          triggers_replace: triggersOf(b, 'base')
        }
        const sens = { input: {}, output: {}, triggers_replace: [false] }
        const head = {
          address,
          module_address: prefix,
          mode: 'managed',
          type: 'terraform_data',
          name: b.name,
          provider_name: PROVIDER
        }
        priorRes.push({
          ...head,
          schema_version: 0,
          values: before,
          sensitive_values: sens
        })
        delete (
          /** @type {Record<string, unknown>} */ (priorRes.at(-1))
            .module_address
        )
        /** @type {Record<string, unknown>} */
        let change
        let reason
        if (!b.alive) {
          counts.destroy++
          change = {
            actions: ['delete'],
            before,
            after: null,
            after_unknown: {},
            before_sensitive: sens,
            after_sensitive: false
          }
          reason = 'delete_because_no_resource_config'
        } else {
          const replace = b.generation !== b.base.generation
          const same =
            JSON.stringify(beforeInput) === JSON.stringify(afterInput)
          const after = replace
            ? { input: afterInput, triggers_replace: triggersOf(b) }
            : same
              ? before
              : { id: b.id, input: afterInput, triggers_replace: triggersOf(b) }
          const action = replace ? 'replace' : same ? 'no-op' : 'update'
          counts[action] = (counts[action] ?? 0) + 1
          change = {
            actions: replace
              ? ['delete', 'create']
              : [same ? 'no-op' : 'update'],
            before,
            after,
            after_unknown: replace
              ? { id: true, input: {}, output: true, triggers_replace: [false] }
              : same
                ? {}
                : { input: {}, output: true, triggers_replace: [false] },
            before_sensitive: sens,
            after_sensitive: sens,
            ...(replace ? { replace_paths: [['triggers_replace']] } : {})
          }
          if (replace) reason = 'replace_because_cannot_update'
          plannedRes.push({
            address,
            mode: 'managed',
            type: 'terraform_data',
            name: b.name,
            provider_name: PROVIDER,
            schema_version: 0,
            values: after,
            sensitive_values: sens
          })
          configRes.push({
            address: `terraform_data.${b.name}`,
            mode: 'managed',
            type: 'terraform_data',
            name: b.name,
            provider_config_key: `${prefix}:terraform`,
            expressions: {
              input: { constant_value: afterInput },
              triggers_replace: { constant_value: triggersOf(b) }
            },
            schema_version: 0
          })
        }
        rc.push({
          ...head,
          change,
          ...(reason === undefined ? {} : { action_reason: reason })
        })
      }
    }
    if (plannedRes.length > 0)
      planned.push({ resources: plannedRes, address: prefix })
    prior.push({ resources: priorRes, address: prefix })
    calls[m.call] = { source: `./${m.dir}`, module: { resources: configRes } }
  }
  const doc = {
    format_version: '1.2',
    terraform_version: TERRAFORM_VERSION,
    planned_values: { root_module: { child_modules: planned } },
    resource_changes: rc,
    prior_state: {
      format_version: '1.0',
      terraform_version: TERRAFORM_VERSION,
      values: { root_module: { child_modules: prior } }
    },
    configuration: {
      provider_config: Object.fromEntries(
        modules.map((m) => [
          `module.${m.call}:terraform`,
          {
            name: 'terraform',
            full_name: PROVIDER,
            module_address: `module.${m.call}`
          }
        ])
      ),
      root_module: { module_calls: calls }
    },
    timestamp: TIMESTAMP,
    applyable: true,
    complete: true,
    errored: false
  }
  writeFileSync(path, `${JSON.stringify(doc)}\n`)
  return counts
}

function main() {
  const args = process.argv.slice(2)
  let seed = DEFAULT_SEED
  const seedAt = args.indexOf('--seed')
  if (seedAt !== -1) {
    seed = Number(args[seedAt + 1])
    args.splice(seedAt, 2)
  }
  const [repo, plan] = args
  if (
    args.length !== 2 ||
    repo === undefined ||
    plan === undefined ||
    !Number.isInteger(seed)
  ) {
    process.stderr.write(
      'usage: node scripts/make-attribution-repo.js REPO_DIR PLAN [--seed S]\n'
    )
    process.exitCode = 2
    return
  }
  const started = performance.now()
  const made = makeAttributionRepo(resolve(repo), resolve(plan), seed)
  process.stderr.write(
    `${made.repo}: ${made.files} .tf files, ${made.commits} commits after base (${made.aiCommits} with AI trailers), head ${made.head.slice(0, 12)}\n` +
      `${made.plan}: ${Object.entries(made.counts)
        .map(([a, n]) => `${a} ${n}`)
        .join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s\n`
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main()
  } catch (error) {
    process.stderr.write(
      `make-attribution-repo: ${error instanceof Error ? error.message : String(error)}\n`
    )
    process.exitCode = 1
  }
}
