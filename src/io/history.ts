import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { History } from '../analyze.js'
import { readProblem } from './file-kinds.js'
import { readBounded } from './read-plan.js'
import { classifyCommit } from '../attribution/index.js'
import type { RuleSet } from '../attribution/index.js'
import { versionKey } from '../attribution/attribute.js'
import {
  buildPolicyRules,
  DEFAULT_CONFIG_PATH,
  DEFAULT_POLICY,
  parsePolicyConfig,
  PolicyError
} from '../policy/index.js'
import type { PolicyConfig } from '../policy/index.js'
import {
  GitSourceError,
  readFileVersions,
  readLocalCommits
} from './git-log.js'

/** The policy in force and the detection rules it asks for. */
export interface LoadedPolicy {
  readonly config: PolicyConfig
  readonly rules: RuleSet
  /** The file it came from, or undefined for the defaults. */
  readonly source: string | undefined
}

/** A plangate config is a few kilobytes; past this it is not one (`--config /dev/zero`). */
const MAX_CONFIG_BYTES = 1024 * 1024

/**
 * Reads the policy: the file given, else `.github/plangate.yml` of the
 * repository (or of the working directory), else the defaults. A file
 * given explicitly must exist.
 */
export function loadPolicy(
  explicit: string | undefined,
  repo: string | undefined
): LoadedPolicy {
  const candidate = explicit ?? join(repo ?? '.', DEFAULT_CONFIG_PATH)
  if (explicit === undefined && !existsSync(candidate)) {
    return {
      config: DEFAULT_POLICY,
      rules: buildPolicyRules(DEFAULT_POLICY, 'defaults'),
      source: undefined
    }
  }
  let bytes: Buffer | undefined
  try {
    bytes = readBounded(candidate, MAX_CONFIG_BYTES)
  } catch (error) {
    throw new PolicyError(
      candidate,
      '',
      `expected a readable plangate config file, found ${readProblem(error)}`
    )
  }
  if (bytes === undefined)
    throw new PolicyError(
      candidate,
      '',
      `expected a plangate config of at most ${MAX_CONFIG_BYTES / 1024 / 1024} MiB, found more (reading stopped there)`
    )
  const text = bytes.toString('utf8')
  const config = parsePolicyConfig(text, candidate)
  return {
    config,
    rules: buildPolicyRules(config, candidate),
    source: candidate
  }
}

/**
 * Reads the commits of `base..head`, classifies each (AI, automation,
 * human) and gathers the `.tf` file versions attribution needs.
 */
export function readHistory(options: {
  readonly repo: string
  readonly base: string
  readonly head: string | undefined
  readonly rootModule: string | undefined
  readonly planSources: readonly string[]
  readonly rules: RuleSet
}): History {
  const { repo } = options
  const commits = readLocalCommits({
    repo,
    base: options.base,
    ...(options.head === undefined ? {} : { head: options.head })
  })
  const versions = new Map(
    readFileVersions(repo, commits, (path) => path.endsWith('.tf')).map(
      (version) => [
        versionKey(version.sha, version.path),
        {
          ...(version.before === undefined ? {} : { before: version.before }),
          ...(version.after === undefined ? {} : { after: version.after })
        }
      ]
    )
  )
  const rootDirs = planRootDirs(repo, options.planSources, options.rootModule)
  return {
    commits,
    verdicts: commits.map((commit) =>
      classifyCommit(commit, undefined, options.rules)
    ),
    versions,
    rootDirs
  }
}

/**
 * Plan source → repository-relative directory of its root module: the
 * directory a plan file sits in (plans are written next to the module they
 * plan), or `rootModule` when given.
 */
export function planRootDirs(
  repo: string,
  planSources: readonly string[],
  rootModule: string | undefined
): Map<string, string> {
  const top = repositoryRoot(repo)
  return new Map(
    planSources.map((source) => [
      source,
      rootModule ?? moduleDirOf(source, top)
    ])
  )
}

/**
 * The policy from a config file's text read elsewhere (the base branch,
 * through the API): `undefined` text means the file does not exist, which
 * is the defaults for the default path and an error for a path the user
 * chose.
 */
export function policyFromText(
  text: string | undefined,
  source: string,
  isDefaultPath: boolean
): LoadedPolicy {
  if (text === undefined) {
    if (!isDefaultPath)
      throw new PolicyError(
        source,
        '',
        'expected a plangate config file at this path, found none'
      )
    return {
      config: DEFAULT_POLICY,
      rules: buildPolicyRules(DEFAULT_POLICY, 'defaults'),
      source: undefined
    }
  }
  const config = parsePolicyConfig(text, source)
  return { config, rules: buildPolicyRules(config, source), source }
}

function repositoryRoot(repo: string): string {
  try {
    return execFileSync('git', ['-C', repo, 'rev-parse', '--show-toplevel'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim()
  } catch {
    throw new GitSourceError(
      repo,
      'rev-parse',
      'expected a git repository, found none'
    )
  }
}

/** A plan file inside the repository sits in its root module; elsewhere, the repository root. */
function moduleDirOf(source: string, top: string): string {
  if (source === '-') return ''
  const dir = relative(top, dirname(resolve(source)))
  if (dir.startsWith('..')) return ''
  return dir.split(sep).join('/')
}
